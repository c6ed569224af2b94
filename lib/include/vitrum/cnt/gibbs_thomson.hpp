// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <vitrum/cnt/driving_force.hpp>

namespace vitrum::cnt {

/// Gibbs–Thomson: equilibrium temperature T_d of a spherical crystal of diameter d in its
/// liquid, T_∞ − T_d = 4γ T_∞ V_m / (ΔH_f d), with T_∞ = thermo.melting_K (flat interface) [K].
///
/// NOTE: solved for d at T_d = T this is exactly CNT's d* = 2r* = 4γ/ΔG_v with Turnbull's linear
/// ΔG_v = ΔH_f (T_m − T)/(V_m T_m). "CNT + Gibbs–Thomson" is therefore NOT an extra correction;
/// the capillarity is already in CNT's 4πr²γ term. vitrum never puts a size-dependent T_m(r)
/// into ΔG_v (that would count capillarity twice). The identity is tested to 1e-12.
/// @throws InvalidArgument when d ≤ 0 or γ < 0.
double gibbs_thomson_temperature_K(double diameter_m, double gamma_J_per_m2,
                                   const Thermodynamics& thermo);

/// Gibbs–Thomson inverted: the diameter of a crystal in equilibrium with its liquid at
/// T < T_∞, d = 4γ T_∞ V_m / (ΔH_f (T_∞ − T)) [m]. Equal to the critical diameter of CNT with
/// the linear (Turnbull) driving force.
/// @throws InvalidArgument when T ≥ T_∞ (no finite crystal is in equilibrium there) or γ < 0.
double gibbs_thomson_diameter_m(double temperature_K, double gamma_J_per_m2,
                                const Thermodynamics& thermo);

}  // namespace vitrum::cnt
