// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

/// Canonical channel and property names shared by readers and analysis. Readers map the
/// vendor's headers onto these; analysis asks for these. Units are SI, given in each brief.
namespace vitrum::channel {

// Common
inline constexpr const char* time = "time";        ///< [s]
inline constexpr const char* segment = "segment";  ///< segment number as in the file [1]

// DSC
inline constexpr const char* temperature = "temperature";  ///< sample temperature [K]
inline constexpr const char* program_temperature =
    "program_temperature";  ///< reference/program temperature [K]
inline constexpr const char* heat_flow =
    "heat_flow";  ///< heat flow as exported, sign as the file [W]
inline constexpr const char* specific_heat_flow =
    "specific_heat_flow";                                      ///< heat flow per mass [W/kg]
inline constexpr const char* heat_capacity = "heat_capacity";  ///< [J/K]
inline constexpr const char* specific_heat_capacity = "specific_heat_capacity";  ///< [J/(kg K)]
inline constexpr const char* mass = "mass";                                      ///< TG mass [kg]
inline constexpr const char* dsc_signal_voltage = "dsc_signal_voltage";  ///< raw DSC signal [V]
inline constexpr const char* sensitivity = "sensitivity";  ///< calorimetric sensitivity [V/W]

// Indentation
inline constexpr const char* depth = "depth";  ///< displacement into surface [m]
inline constexpr const char* load = "load";    ///< load on sample [N]
inline constexpr const char* harmonic_stiffness =
    "harmonic_stiffness";                                      ///< CSM contact stiffness [N/m]
inline constexpr const char* harmonic_load = "harmonic_load";  ///< CSM load amplitude [N]
inline constexpr const char* harmonic_displacement =
    "harmonic_displacement";                                             ///< CSM amplitude [m]
inline constexpr const char* harmonic_frequency = "harmonic_frequency";  ///< [Hz]
inline constexpr const char* phase_angle = "phase_angle";                ///< [rad]
inline constexpr const char* vendor_hardness = "vendor_hardness";        ///< vendor-computed H [Pa]
inline constexpr const char* vendor_modulus = "vendor_modulus";          ///< vendor-computed E [Pa]
inline constexpr const char* vendor_reduced_modulus = "vendor_reduced_modulus";  ///< [Pa]
inline constexpr const char* vendor_contact_area = "vendor_contact_area";        ///< [m^2]
inline constexpr const char* vendor_contact_depth = "vendor_contact_depth";      ///< [m]
inline constexpr const char* raw_load = "raw_load";                              ///< [N]
inline constexpr const char* raw_displacement = "raw_displacement";              ///< [m]

}  // namespace vitrum::channel

/// Canonical property keys (SourceInfo::properties, Curve::properties).
namespace vitrum::property {

inline constexpr const char* sample_mass = "sample_mass";    ///< [kg]
inline constexpr const char* heating_rate = "heating_rate";  ///< programmed rate [K/s]
/// +1 when exothermic effects point up in the file's heat-flow column, −1 when down [1].
inline constexpr const char* exotherm_sign = "exotherm_sign";
inline constexpr const char* poisson_ratio = "poisson_ratio";          ///< sample ν [1]
inline constexpr const char* tip_poisson_ratio = "tip_poisson_ratio";  ///< ν_i [1]
inline constexpr const char* tip_modulus = "tip_modulus";              ///< E_i [Pa]
inline constexpr const char* frame_stiffness = "frame_stiffness";      ///< [N/m]
inline constexpr const char* frame_compliance = "frame_compliance";    ///< [m/N]
inline constexpr const char* epsilon = "epsilon";                      ///< Oliver–Pharr ε [1]
inline constexpr const char* beta = "beta";                            ///< geometry factor β [1]
/// Area function coefficients "area_c0" … "area_c8": A = C0 h² + C1 h + C2 h^½ + …, in SI
/// (C0 [1], C1 [m], C2 [m^1.5], Cn [m^(2 − 1/2^(n−1))]).
inline constexpr const char* area_coefficient_prefix = "area_c";
inline constexpr const char* tip_radius = "tip_radius";  ///< [m]
inline constexpr const char* drift_rate = "drift_rate";  ///< [m/s]
inline constexpr const char* position_x = "position_x";  ///< [m]
inline constexpr const char* position_y = "position_y";  ///< [m]
/// Indenter shape stated by the file, as a code [1]: the Hysitron `.ara` "Tip Type" numbers
/// (0 Berkovich, 1 cono-spherical, 2 cube corner, 3 flat punch, 4 Knoop, 5 Vickers, 99 other)
/// plus 6 for a sphere. Radius in `tip_radius`.
inline constexpr const char* tip_shape = "tip_shape";
/// 1 when the file flags the test to be left out (HDF5 `ignore` attribute) [1].
inline constexpr const char* ignore = "ignore";
/// 1 when the curve's `Series::segments` are the file's own statement of its load–hold–unload
/// structure (HDF5 `indices`, Hysitron segment table): they win over detection [1].
inline constexpr const char* segments_stated = "segments_stated";
/// Maximum load the file states for the run (HDF5 `instrument/max_load`) [N].
inline constexpr const char* stated_max_load = "stated_max_load";

/// Codes of `tip_shape`.
namespace tip_shape_code {
inline constexpr double berkovich = 0, cono_spherical = 1, cube_corner = 2, flat_punch = 3,
                        knoop = 4, vickers = 5, sphere = 6, other = 99;
}  // namespace tip_shape_code

}  // namespace vitrum::property
