// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/fictive_temperature.hpp>

#include "check.hpp"
#include "synthetic.hpp"

using vitrum::dsc::fictive_temperature;
using vitrum::dsc::find_glass_transition;
using vitrum::test::kTenKPerMin;
using vitrum::test::rounded_ramp;
using vitrum::test::synthetic_scan;

namespace {

constexpr double kStep = 130.0 * kTenKPerMin;  // W/kg, Δcp = 130 J/(kg K) at 10 K/min
double step(double T) {
    return -5.0 + 0.02 * (T - 600.0) + kStep * rounded_ramp(T, 660.0, 680.0, 2.0);
}

}  // namespace

TEST_CASE("fictive_temperature of a symmetric ramp is its midpoint") {
    // Parallel baselines, ramp 660 → 680 K: the excess area equals the step's area above
    // 670 K, so T_f = 670 K exactly (trapezoid error on 0.01 K steps is far below 1e-3 K).
    const auto scan = synthetic_scan(step, 560.0, 760.0, 20000, kTenKPerMin);
    const auto tg = find_glass_transition(scan);
    const auto tf = fictive_temperature(scan, tg);
    CHECK_ABS(tf.fictive_K, 670.0, 0.01);
    CHECK_REL(tf.delta_cp, 130.0, 0.005);
}

TEST_CASE("fictive_temperature drops by overshoot area over step height") {
    // A Gaussian overshoot of area A (W·K/kg) adds A to the excess area, so
    // T_f = 670 − A/step. h = 2 W/kg, σ = 2 K at 686 K: A = h·σ·√(2π) ≈ 10.03 W·K/kg.
    const double h = 2.0, sigma = 2.0;
    const double area = h * sigma * std::sqrt(2 * 3.14159265358979323846);
    const auto scan = synthetic_scan(
        [&](double T) { return step(T) + vitrum::test::gaussian(T, 686.0, sigma, h); }, 560.0,
        760.0, 20000, kTenKPerMin);
    const auto tg = find_glass_transition(scan);
    const auto tf = fictive_temperature(scan, tg);
    CHECK_ABS(tf.fictive_K, 670.0 - area / kStep, 0.05);
    CHECK(tf.fictive_K < tg.midpoint_K);
}
