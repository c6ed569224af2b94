// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <vector>

namespace vitrum::dsc {

/// A signal smoothed by local polynomials, with its first derivative.
struct SmoothedSignal {
    std::vector<double> value;  ///< smoothed y [unit of y]
    std::vector<double>
        slope;  ///< dy/dx, or dy/d(index) when no x was given [unit of y / unit of x]
};

/// Savitzky–Golay smoothing of equally spaced samples over 2·half_window + 1 points: value from
/// a local quadratic, first derivative (per sample) from the local straight line (a
/// positive-weighted mean of the slope, which never overshoots at kinks). The first and last
/// half_window points use the cubic fitted to the first/last full window.
///
/// Runs in O(n) whatever the window (moment sums updated by the binomial shift and
/// recomputed every 256 samples to bound round-off). Savitzky & Golay, Anal. Chem. 36 (1964) 1627.
/// @throws InvalidArgument when half_window < 2 or the signal has fewer than 2·half_window + 1
///         points.
SmoothedSignal savitzky_golay(const std::vector<double>& y, std::size_t half_window);

/// Smoothed y and dy/dx for samples y(x) with x monotonic but not necessarily uniform (e.g.
/// heat flow against temperature): both are smoothed against the index and
/// dy/dx = (dy/di)/(dx/di).
/// @throws InvalidArgument as savitzky_golay, or when x and y differ in length.
SmoothedSignal smooth_against(const std::vector<double>& x, const std::vector<double>& y,
                              std::size_t half_window);

/// Half-window (in samples) covering about `width` of x around the middle of x, at least 2 and
/// at most (n − 1)/2 [samples].
std::size_t half_window_for(const std::vector<double>& x, double width);

}  // namespace vitrum::dsc
