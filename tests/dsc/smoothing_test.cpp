// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <algorithm>
#include <cmath>
#include <random>
#include <vector>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/smoothing.hpp>

#include "check.hpp"

using vitrum::dsc::half_window_for;
using vitrum::dsc::savitzky_golay;
using vitrum::dsc::smooth_against;

TEST_CASE("savitzky_golay reproduces a quadratic and its slope exactly, ends included") {
    std::vector<double> y;
    for (int i = 0; i < 3000; ++i) y.push_back(3.0 - 0.5 * i + 1e-3 * i * i);
    const auto s = savitzky_golay(y, 25);
    for (std::size_t i : {0ul, 10ul, 25ul, 1000ul, 2999ul}) {
        const double x = static_cast<double>(i);
        // Exact for polynomials up to degree 2; what remains is the round-off of the O(n) moment
        // update on values up to 9000 (≈ 1e-12 relative per step, 256 steps between restarts).
        CHECK_ABS(s.value[i], 3.0 - 0.5 * x + 1e-3 * x * x, 1e-6);
        CHECK_ABS(s.slope[i], -0.5 + 2e-3 * x, 1e-6);
    }
}

TEST_CASE("the O(n) moment update agrees with direct least squares at every point") {
    // A 20 000-point temperature-like signal (800 K offset, trend, ±0.5 K noise) smoothed with
    // narrow and wide windows. Direct: the centre value a0 = (m4·Σy − m2·Σj²y)/(m0·m4 − m2²)
    // and slope Σj·y/m2 summed afresh at each point. The estimate in smoothing.cpp puts the
    // update's relative error near 1e-9; 1e-9 × 800 K is the bound checked.
    std::mt19937 random(7);
    std::uniform_real_distribution<double> noise(-0.5, 0.5);
    std::vector<double> y;
    for (int i = 0; i < 20000; ++i) y.push_back(800.0 + 0.0175 * i + noise(random));
    for (const std::size_t m : {std::size_t{2}, std::size_t{57}, std::size_t{300}}) {
        CAPTURE(m);
        const auto s = savitzky_golay(y, m);
        double m0 = 0, m2 = 0, m4 = 0;
        for (long j = -static_cast<long>(m); j <= static_cast<long>(m); ++j) {
            m0 += 1.0;
            m2 += double(j) * j;
            m4 += double(j) * j * j * j;
        }
        double worst_value = 0, worst_slope = 0;
        for (std::size_t c = m; c + m < y.size(); c += 7) {
            double s0 = 0, s1 = 0, s2 = 0;
            for (std::size_t l = c - m; l <= c + m; ++l) {
                const double j = double(l) - double(c);
                s0 += y[l];
                s1 += j * y[l];
                s2 += j * j * y[l];
            }
            const double value = (m4 * s0 - m2 * s2) / (m0 * m4 - m2 * m2);
            worst_value = std::max(worst_value, std::fabs(s.value[c] - value));
            worst_slope = std::max(worst_slope, std::fabs(s.slope[c] - s1 / m2));
        }
        CHECK(worst_value < 1e-9 * 800.0);
        CHECK(worst_slope < 1e-9 * 800.0);
    }
}

TEST_CASE("smooth_against gives dy/dx on a non-uniform grid") {
    std::vector<double> x, y;
    for (int i = 0; i < 500; ++i) {
        const double xi = 300.0 + 0.1 * i + 1e-5 * i * i;
        x.push_back(xi);
        y.push_back(2.0 * xi + 1.0);
    }
    const auto s = smooth_against(x, y, 10);
    CHECK_REL(s.slope[250], 2.0, 1e-7);     // round-off only
    CHECK_REL(s.value[250], y[250], 1e-9);  // round-off only
    // The ends come from the end cubics of y and of x (x is smoothed for its slope only); both
    // are exact here because x and y are quadratic in the index.
    CHECK_REL(s.slope[0], 2.0, 1e-7);
    CHECK_REL(s.slope[499], 2.0, 1e-7);
    CHECK_REL(s.value[499], y[499], 1e-9);
}

TEST_CASE("savitzky_golay refuses windows that do not fit") {
    std::vector<double> y(10, 1.0);
    CHECK_THROWS_WITH_AS(savitzky_golay(y, 1), doctest::Contains("half_window must be >= 2"),
                         vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(savitzky_golay(y, 5), doctest::Contains("fewer than the window"),
                         vitrum::InvalidArgument);
    std::vector<double> x{0.0, 1.0, 2.0, 3.0, 4.0};
    CHECK(half_window_for(x, 100.0) == 2);
}
