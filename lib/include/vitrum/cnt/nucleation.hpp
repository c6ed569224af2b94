// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <vector>
#include <vitrum/cnt/driving_force.hpp>
#include <vitrum/cnt/interfacial_energy.hpp>
#include <vitrum/cnt/mobility.hpp>

namespace vitrum::cnt {

/// The critical nucleus of homogeneous CNT for a sphere.
struct CriticalNucleus {
    double radius_m = 0.0;    ///< r* = 2γ/ΔG_v [m]
    double diameter_m = 0.0;  ///< d* = 2r* = 4γ/ΔG_v [m]
    double atoms = 0.0;       ///< n* = (4π/3) r*³ / Ω [1]
    double barrier_J = 0.0;   ///< ΔG* = 16πγ³/(3ΔG_v²) = (4π/3) γ r*² [J]
};

/// r*, d*, n*, ΔG* from γ and the volumetric driving force (magnitude, > 0) [SI].
/// @throws InvalidArgument when ΔG_v ≤ 0 (no nucleation), γ ≤ 0 or Ω ≤ 0.
CriticalNucleus critical_nucleus(double gamma_J_per_m2, double driving_force_J_per_m3,
                                 double atomic_volume_m3);

/// Zeldovich factor, per-atom form (Kelton & Greer 2010): Z = [Δμ/(6π kT n*)]^{1/2} [1].
double zeldovich_per_atom(double driving_force_J_per_atom, double temperature_K, double atoms);
/// Zeldovich factor, volumetric form (kawin): Z = Ω (γ/kT)^{1/2} / (2π r*²) [1].
/// Algebraically identical to zeldovich_per_atom for a sphere.
double zeldovich_volumetric(double gamma_J_per_m2, double temperature_K, double radius_m,
                            double atomic_volume_m3);

/// Everything needed to evaluate CNT at any temperature.
struct CntModel {
    DrivingForce driving_force;        ///< ΔG_m(T) and the crystal's thermodynamics
    InterfacialEnergy gamma;           ///< γ(T)
    Mobility mobility;                 ///< viscosity or diffusivity (may be none)
    double jump_distance_m = 2.8e-10;  ///< λ, atomic jump distance for Stokes–Einstein and U [m]
    double site_density_per_m3 =
        0.0;  ///< N_v nucleation sites; 0 means every atom, N_A/V_m [1/m^3]

    const Thermodynamics& thermodynamics() const { return driving_force.thermodynamics(); }
    /// @throws InvalidArgument naming the bad parameter.
    void validate() const;
};

/// Whether crystals can nucleate at a temperature.
enum class NucleationState {
    nucleating,        ///< ΔG_v > 0: r*, d*, n*, ΔG*, Z, I are defined
    no_driving_force,  ///< T ≥ T_m (or ΔG_v ≤ 0 from a table): no nucleation; sizes are 0, I = 0
};
/// "nucleating", "no nucleation (T >= T_m)".
const char* to_string(NucleationState state);

/// All CNT quantities at one temperature (SI).
struct CntPoint {
    double temperature_K = 0.0;  ///< T [K]
    NucleationState state = NucleationState::no_driving_force;
    double driving_force_J_per_mol = 0.0;   ///< ΔG_m [J/mol]
    double driving_force_J_per_m3 = 0.0;    ///< ΔG_v [J/m^3]
    double gamma_J_per_m2 = 0.0;            ///< γ [J/m^2]
    CriticalNucleus nucleus;                ///< r*, d*, n*, ΔG* (zeros when not nucleating)
    double barrier_over_kT = 0.0;           ///< ΔG*/kT [1]
    double zeldovich = 0.0;                 ///< Z, per-atom form [1]
    double zeldovich_volumetric = 0.0;      ///< Z, volumetric form (cross-check) [1]
    double viscosity_Pa_s = 0.0;            ///< η (NaN without a mobility model) [Pa s]
    double diffusivity_m2_per_s = 0.0;      ///< D (NaN without a mobility model) [m^2/s]
    double attachment_rate_per_s = 0.0;     ///< k* = 24 D n*^{2/3}/λ² [1/s]
    double nucleation_rate_per_m3_s = 0.0;  ///< I = N_v Z k* exp(−ΔG*/kT) [1/(m^3 s)]
    double growth_rate_m_per_s = 0.0;       ///< U = (D/λ)[1 − exp(−ΔG_m/RT)] [m/s]
};

/// Evaluates CNT at one temperature. Steady-state homogeneous rate after Turnbull–Fisher /
/// Kelton–Greer: I = N_v Z k* exp(−ΔG*/kT) with k* = O_n* · 6D/λ², O_n* = 4 n*^{2/3}; growth
/// after Turnbull: U = (D/λ)[1 − exp(−ΔG_m/RT)]. Kinetic fields are NaN when mobility is none.
/// @throws InvalidArgument when T ≤ 0 (or outside a driving-force table).
CntPoint evaluate(const CntModel& model, double temperature_K);

/// evaluate() at every temperature [K].
std::vector<CntPoint> sweep(const CntModel& model, const std::vector<double>& temperatures_K);
/// evaluate() at every temperature [K] into `out`, reusing its memory (for large sweeps).
void sweep(const CntModel& model, const std::vector<double>& temperatures_K,
           std::vector<CntPoint>& out);

/// Temperatures lo, lo+step, …, ≤ hi (hi included when it falls on the grid) [K].
/// @throws InvalidArgument naming `--T` when step ≤ 0, lo > hi, lo ≤ 0 or > 10^8 points.
std::vector<double> temperature_grid(double lo_K, double hi_K, double step_K);

}  // namespace vitrum::cnt
