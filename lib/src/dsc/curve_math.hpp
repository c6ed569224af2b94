// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Internal helpers shared by the DSC constructions (not installed).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

namespace vitrum::dsc::detail {

/// Rows [first, last) whose temperature lies in [lo, hi], assuming temperature increases.
inline std::pair<std::size_t, std::size_t> rows_between(const std::vector<double>& T, double lo,
                                                        double hi) {
    std::size_t a = 0;
    while (a < T.size() && !(T[a] >= lo)) ++a;
    std::size_t b = a;
    while (b < T.size() && T[b] <= hi) ++b;
    return {a, b};
}

/// Median of w, reordering it (0 when empty).
inline double median_in_place(std::vector<double>& w) {
    if (w.empty()) return 0.0;
    auto mid = w.begin() + static_cast<std::ptrdiff_t>(w.size() / 2);
    std::nth_element(w.begin(), mid, w.end());
    return *mid;
}

/// Median of v[begin, end) (copies).
inline double median(const std::vector<double>& v, std::size_t begin, std::size_t end) {
    std::vector<double> w(v.begin() + static_cast<std::ptrdiff_t>(begin),
                          v.begin() + static_cast<std::ptrdiff_t>(end));
    return median_in_place(w);
}

/// Robust noise of a sampled signal from its second differences (insensitive to smooth
/// trends): 1.4826·MAD(Δ²y)/√6 [unit of y].
inline double noise_rms(const std::vector<double>& y, std::size_t begin, std::size_t end) {
    if (end < begin + 5) return 0.0;
    std::vector<double> d;
    d.reserve(end - begin);
    for (std::size_t i = begin + 1; i + 1 < end; ++i)
        d.push_back(std::fabs(y[i + 1] - 2 * y[i] + y[i - 1]));
    return 1.4826 * median_in_place(d) / std::sqrt(6.0);
}

/// x where g crosses zero between samples i and i+1 (linear interpolation).
inline double crossing(const std::vector<double>& x, double g0, double g1, std::size_t i) {
    const double f = g0 == g1 ? 0.5 : g0 / (g0 - g1);
    return x[i] + f * (x[i + 1] - x[i]);
}

/// ∫ y dx over rows [begin, end) by the trapezoidal rule.
inline double trapezoid(const std::vector<double>& x, const std::vector<double>& y,
                        std::size_t begin, std::size_t end) {
    double sum = 0.0;
    for (std::size_t i = begin; i + 1 < end; ++i)
        sum += 0.5 * (y[i] + y[i + 1]) * (x[i + 1] - x[i]);
    return sum;
}

}  // namespace vitrum::dsc::detail
