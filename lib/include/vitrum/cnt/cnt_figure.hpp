// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <optional>
#include <string>
#include <vector>
#include <vitrum/cnt/nucleation.hpp>
#include <vitrum/cnt/ttt.hpp>
#include <vitrum/core/plot.hpp>

namespace vitrum::cnt {

/// What to mark on the CNT figures besides the curves.
struct CntFigureOptions {
    std::string title;                     ///< figure title, e.g. "Cu50Zr50 (combo-a)"
    std::string curve_label = "d* (CNT)";  ///< legend entry of the d*(T) curve
    std::optional<double> mro_min_m;       ///< lower edge of the measured MRO band [m]
    std::optional<double> mro_max_m;       ///< upper edge of the MRO band (= min for one size) [m]
    std::optional<double> glass_transition_K;  ///< sample T_g marked as a vertical line [K]
};

/// d*(T) in nm versus T in K, with the MRO size band (y_band) and T_g (vline).
/// Points that do not nucleate (T ≥ T_m) are left out; the y axis runs from 0 to 4× the
/// smallest d* (at least 1.5× the MRO band), and points above it are not drawn.
/// @throws InvalidArgument when no point nucleates.
report::Figure critical_diameter_figure(const std::vector<CntPoint>& points,
                                        const CntFigureOptions& options);

/// TTT curve: temperature [K] versus time [s] on a log axis, with the nose marked; times
/// longer than 10⁶ × the nose time are not drawn.
/// @throws InvalidArgument when the curve is empty.
report::Figure ttt_figure(const TttResult& ttt, const CntFigureOptions& options);

}  // namespace vitrum::cnt
