// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <vitrum/dsc/glass_transition.hpp>
#include <vitrum/dsc/thermogram.hpp>

namespace vitrum::dsc {

/// Moynihan's fictive temperature of the glass before the scan, with its construction.
struct FictiveTemperatureResult {
    double fictive_K = 0.0;  ///< T_f [K]
    /// Δc_p = (Φ₂ − Φ₁)(T_f)/β [J/(kg K) when per_mass, else J/K].
    double delta_cp = 0.0;
    /// ∫_{T1}^{T2} (Φ − Φ₁) dT, endotherm-positive [W·K/kg or W·K].
    double excess_area = 0.0;
    double lower_K = 0.0;  ///< T1, in the glass [K]
    double upper_K = 0.0;  ///< T2, in the liquid [K]
};

/// Fictive temperature by Moynihan's equal areas (Moynihan et al., J. Am. Ceram. Soc. 59 (1976)
/// 12): T_f solves ∫_{T_f}^{T2} (Φ₂ − Φ₁) dT = ∫_{T1}^{T2} (Φ − Φ₁) dT, with Φ₁, Φ₂ the
/// glass and liquid baselines of `tg`, T1 the upper end of the baseline-1 window and T2 the
/// lower end of the baseline-2 window. An enthalpy-recovery overshoot lowers T_f below T_mg.
/// @throws AnalysisError when the baselines do not enclose a positive step or no T_f exists
///         between the two windows.
FictiveTemperatureResult fictive_temperature(const Thermogram& heating,
                                             const GlassTransitionResult& tg);

}  // namespace vitrum::dsc
