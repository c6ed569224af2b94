// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>
#include <vitrum/core/series.hpp>

/// DSC analysis: normalisation, segmentation, glass transition, peaks, kinetics, figures.
namespace vitrum::dsc {

/// Direction in which endothermic effects (melting, the glass-transition step) point.
///
/// ISO 11357-1 draws DSC curves with the heat flow rate into the specimen positive, i.e.
/// endotherms up (the thermodynamic convention, also the ICTAC recommendation); this is
/// vitrum's default. Many instruments (NETZSCH "#EXO:-1", TA "Exo Up" off) plot the other way,
/// which is why the sign is stated by the file and chosen again by the user.
enum class EndothermDirection { up, down };

/// How far a reported quantity can be trusted.
enum class Quality {
    clean,          ///< constructed to the standard on quiet baselines
    overlapping,    ///< shares its range with a neighbouring event (partial areas, ISO 11357-3)
    noisy,          ///< stands less than 30 noise rms above its baseline
    outside_window  ///< lies outside the range the user asked for, or the recommended one
};

/// "clean", "overlapping", "noisy" or "outside_window".
inline const char* quality_name(Quality q) {
    switch (q) {
        case Quality::clean:
            return "clean";
        case Quality::overlapping:
            return "overlapping";
        case Quality::noisy:
            return "noisy";
        case Quality::outside_window:
            return "outside_window";
    }
    return "clean";
}

/// A closed temperature interval [lo_K, hi_K] [K].
struct TemperatureWindow {
    double lo_K = 0.0;  ///< lower end [K]
    double hi_K = 0.0;  ///< upper end [K]

    bool contains(double T_K) const { return T_K >= lo_K && T_K <= hi_K; }
    double width_K() const { return hi_K - lo_K; }
};

/// One DSC run in SI, with its heat flow oriented and (when the mass is known) per unit mass.
struct Thermogram {
    std::vector<double> time_s;         ///< time [s]
    std::vector<double> temperature_K;  ///< sample temperature [K]
    /// Heat flow in the stated orientation [W/kg when per_mass, else W].
    std::vector<double> heat_flow;
    bool per_mass = false;                                  ///< heat_flow is specific (W/kg)
    EndothermDirection endotherm = EndothermDirection::up;  ///< orientation of heat_flow
    std::optional<double> sample_mass_kg;                   ///< sample mass when known [kg]
    std::vector<Segment> segments;      ///< segment marks copied from the series
    std::vector<std::string> warnings;  ///< assumptions made while normalising

    std::size_t size() const { return temperature_K.size(); }
    /// +1 when heat_flow is endotherm-up, −1 otherwise: multiply to get endotherm-up values [1].
    double endo_up_sign() const { return endotherm == EndothermDirection::up ? 1.0 : -1.0; }
    /// Rows [begin, end) as a new thermogram (segments dropped) [same units].
    Thermogram slice(std::size_t begin, std::size_t end) const;
    /// Heat-flow values oriented endotherm-up [W/kg or W].
    std::vector<double> endo_up() const;
    /// Unit of heat_flow as printed: "W/g" or "W" (values are SI: multiply by 1e-3 for W/g).
    const char* heat_flow_si_unit() const { return per_mass ? "W/kg" : "W"; }
};

/// How to orient and scale a curve's heat flow.
struct NormalizeOptions {
    EndothermDirection endotherm = EndothermDirection::up;  ///< wanted orientation
    /// +1 when exotherms point up in the file, −1 when down; overrides the file's statement [1].
    std::optional<double> exotherm_sign;
    std::optional<double> sample_mass_kg;  ///< overrides the file's sample mass [kg]
    bool divide_by_mass = true;            ///< give W/kg when a mass is known

    /// @throws InvalidArgument naming "exotherm_sign" (must be ±1) or "sample_mass_kg" (> 0).
    void validate() const;
};

/// Turns one curve of a dataset into a Thermogram: picks temperature, time and heat flow
/// (heat_flow [W] or specific_heat_flow [W/kg]), orients it (file sign from
/// property "exotherm_sign", curve first, then file; assumed endotherm-up with a warning when
/// absent) and divides by the sample mass when known.
/// Time is rebuilt from the "heating_rate" property when the curve has no time column.
/// @throws FormatError when temperature or heat flow is missing, or neither time nor a rate is
///         available; InvalidArgument from options.validate() or for a curve index out of range.
Thermogram normalize(const Dataset& dataset, std::size_t curve_index,
                     const NormalizeOptions& options = {});

/// Same for a curve alone (its own properties only).
Thermogram normalize(const Curve& curve, const NormalizeOptions& options = {});

}  // namespace vitrum::dsc
