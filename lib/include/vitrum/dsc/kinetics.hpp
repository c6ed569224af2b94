// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <vector>
#include <vitrum/core/linear_fit.hpp>

namespace vitrum::dsc {

/// Molar gas constant R (CODATA 2018, exact) [J/(mol K)].
inline constexpr double kGasConstant_J_per_mol_K = 8.314462618;

/// A characteristic temperature measured at one heating rate.
struct RatePoint {
    double heating_rate_K_per_s = 0.0;  ///< β [K/s]
    double temperature_K = 0.0;         ///< peak (or onset) temperature at β [K]
};

/// Activation energy from several heating rates, with the fitted line.
struct ActivationEnergyResult {
    double activation_energy_J_per_mol = 0.0;         ///< E [J/mol]
    double activation_energy_stderr_J_per_mol = 0.0;  ///< standard error of E [J/mol]
    /// ln A with A in 1/s (Kissinger: A = (E/R)·exp(intercept); OFW: ASTM E698 Z) [ln(1/s)].
    double ln_preexponential_per_s = 0.0;
    double r_squared = 0.0;  ///< of the linear fit [1]
    /// The fitted line: y = ln(β/T²) (Kissinger, β in K/s) or ln β (OFW) against x = 1/T
    /// [1 against 1/K].
    LineFit fit;
    std::vector<double> x_inverse_K;  ///< 1/T of each point [1/K]
    std::vector<double> y;            ///< ordinate of each point [1]
};

/// Kissinger (ASTM E2890): ln(β/Tp²) = ln(A·R/E) − E/(R·Tp); E = −R·slope,
/// A = (E/R)·exp(intercept) with β in K/s.
/// @throws InvalidArgument when fewer than 3 points, fewer than 3 distinct rates, or a rate or
///         temperature is not positive; AnalysisError when the fitted slope is not negative.
ActivationEnergyResult kissinger(const std::vector<RatePoint>& points);

/// Ozawa–Flynn–Wall with Doyle's approximation (ASTM E698): ln β = const − 1.052·E/(R·T);
/// E = −R·slope/1.052 (no iterative refinement); ln A from ASTM E698:
/// Z = β·E/(R·T²)·exp(E/(R·T)) at the middle rate.
/// @throws as kissinger().
ActivationEnergyResult ozawa_flynn_wall(const std::vector<RatePoint>& points);

}  // namespace vitrum::dsc
