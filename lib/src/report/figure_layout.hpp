// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

// Internal to Figure::save: where things go on a panel (axis ranges, legend corner and size),
// computed from the layers alone, before anything is drawn.

#include <plplot/plplot.h>

#include <cmath>
#include <utility>
#include <vector>
#include <vitrum/core/plot.hpp>

namespace vitrum::plot::detail {

inline bool finite(double v) { return std::isfinite(v); }

/// v on the axis: log10(v) on a log axis (NaN for v ≤ 0), v otherwise.
double axis_value(double v, bool log_axis);

/// Data ranges in axis coordinates (log10 applied for log axes), padded by 4 %; a fixed range of
/// the panel wins when it is valid.
void panel_ranges(const Panel& p, double& x0, double& x1, double& y0, double& y1);

/// The corner (PL_POSITION_* flags) whose legend box of box_w × box_h (fractions of the
/// viewport) covers the fewest data points; `crowded` when even that corner covers some.
PLINT legend_corner(const Panel& p, double x0, double x1, double y0, double y1, double box_w,
                    double box_h, bool& crowded);

/// Legend entries of a panel, in drawing order.
std::vector<const Layer*> legend_entries(const Panel& p);

/// Estimated legend box [fraction of the viewport], from the text length in pixels.
std::pair<double, double> legend_box(const Panel& p, double viewport_w_px, double viewport_h_px);

}  // namespace vitrum::plot::detail
