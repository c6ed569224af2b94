// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <optional>
#include <vitrum/core/linear_fit.hpp>
#include <vitrum/dsc/thermogram.hpp>

namespace vitrum::dsc {

/// Settings of the glass-transition construction; every window is in kelvin.
struct GlassTransitionOptions {
    /// Where to look for the step [K]; the whole heating segment when empty.
    std::optional<TemperatureWindow> search_K;
    /// Glassy baseline window (baseline 1) [K]; automatic when empty.
    std::optional<TemperatureWindow> baseline1_K;
    /// Liquid baseline window (baseline 2) [K]; automatic when empty.
    std::optional<TemperatureWindow> baseline2_K;
    /// Width of each automatic baseline window [K]; when empty, the width of the step
    /// (at least 5 K).
    std::optional<double> baseline_width_K;
    /// Width of the Savitzky–Golay window for the curve and its slope [K]; the least used:
    /// doubled while no rise stands above the slope noise (instrument ripple), then widened to
    /// a fifth of the slope peak's FWHM for broad steps.
    double smoothing_window_K = 2.0;
    /// The step ends where the smoothed slope falls to this fraction of its peak height above
    /// the background slope [1].
    double edge_fraction = 0.05;
    /// Heating rate for Δcp; the slope of T(t) over the segment when empty [K/s].
    std::optional<double> heating_rate_K_per_s;

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// The ISO 11357-2 / ASTM E1356 characteristic temperatures of a glass-transition step, with
/// the construction that produced them. Lines are in the thermogram's orientation and units
/// (heat flow [W/kg or W] against temperature [K]).
struct GlassTransitionResult {
    double first_deviation_K = 0.0;     ///< T_ig: curve leaves baseline 1 [K]
    double onset_extrapolated_K = 0.0;  ///< T_eig: tangent ∩ baseline 1 (the usual "Tg onset") [K]
    double inflection_K = 0.0;          ///< T_i: greatest slope of the smoothed curve [K]
    double midpoint_K = 0.0;            ///< T_mg: half step height (ISO default Tg) [K]
    double end_extrapolated_K = 0.0;    ///< T_efg: tangent ∩ baseline 2 [K]
    double last_deviation_K = 0.0;      ///< T_fg: curve joins baseline 2 [K]
    /// Step height Φ₂(T_mg) − Φ₁(T_mg), endotherm-positive [W/kg when per_mass, else W].
    double step_height = 0.0;
    /// Δc_p = step height / β at T_mg [J/(kg K) when per_mass, else J/K].
    double delta_cp = 0.0;
    bool per_mass = false;              ///< step_height and delta_cp are per unit mass
    double heating_rate_K_per_s = 0.0;  ///< β used for Δc_p [K/s]
    bool overshoot = false;             ///< an enthalpy-recovery peak follows the step
    double overshoot_peak_K = 0.0;      ///< top of the overshoot (when overshoot) [K]
    Quality quality = Quality::clean;   ///< trust in the temperatures and Δc_p

    LineFit baseline1;  ///< glassy baseline [heat-flow unit, K]
    LineFit baseline2;  ///< liquid baseline [heat-flow unit, K]
    LineFit tangent;    ///< tangent at the inflection (slope = greatest slope) [heat-flow unit / K]
    TemperatureWindow search_window_K;     ///< where the step was searched [K]
    TemperatureWindow baseline1_window_K;  ///< points used for baseline 1 [K]
    TemperatureWindow baseline2_window_K;  ///< points used for baseline 2 [K]
};

/// Finds the glass-transition step on a heating thermogram (temperature increasing) and
/// constructs T_ig, T_eig, T_i, T_mg, T_efg, T_fg and Δc_p (ISO 11357-2:2020 §3, ASTM E1356
/// §3.2): baselines are least-squares lines through windows before and after the step, the
/// tangent has the greatest slope of the Savitzky–Golay-smoothed curve, T_mg is where the curve
/// crosses the line halfway between the baselines. An enthalpy-recovery overshoot is skipped:
/// the tangent lies on the rising flank and baseline 2 starts after the overshoot. The step must
/// rise 6× above the slope noise, measured outside ±1.5 FWHM of the slope peak and never below
/// the raw noise propagated to the slope. A rise at an end of the range with no room for its
/// baseline (start-up hook, programme turn) is stepped over, and the search repeated beside it.
/// @throws InvalidArgument from options.validate();
///         AnalysisError("no glass-transition step between 600 and 720 K") when no step rises
///         above the noise, or a baseline window holds fewer than 5 points.
GlassTransitionResult find_glass_transition(const Thermogram& heating,
                                            const GlassTransitionOptions& options = {});

}  // namespace vitrum::dsc
