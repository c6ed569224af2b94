// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/glass_transition.hpp>

#include "check.hpp"
#include "synthetic.hpp"

using vitrum::dsc::find_glass_transition;
using vitrum::dsc::GlassTransitionOptions;
using vitrum::dsc::TemperatureWindow;
using vitrum::test::kTenKPerMin;
using vitrum::test::rounded_ramp;
using vitrum::test::synthetic_scan;

namespace {

// Cu50Zr50-like step: Δcp ≈ 0.13 J/(g K) = 130 J/(kg K) at 10 K/min gives a step of
// 130 × 1/6 ≈ 21.7 W/kg on a baseline sloping by 0.02 W/(kg K). The ramp runs 660 → 680 K,
// so the analytic answers are T_eig = 660 K, T_mg = 670 K, T_efg = 680 K, Δcp = 130 J/(kg K).
constexpr double kDeltaCp = 130.0;
constexpr double kStep = kDeltaCp * kTenKPerMin;
double glass_step(double T) {
    return -5.0 + 0.02 * (T - 600.0) + kStep * rounded_ramp(T, 660.0, 680.0, 2.0);
}

}  // namespace

TEST_CASE("find_glass_transition recovers the analytic tangent intersections of a rounded ramp") {
    const auto scan = synthetic_scan(glass_step, 560.0, 760.0, 20000, kTenKPerMin);
    const auto r = find_glass_transition(scan);
    // Exact construction; the tolerance covers the interpolation of T_mg between samples (0.01 K).
    CHECK_ABS(r.onset_extrapolated_K, 660.0, 0.05);
    CHECK_ABS(r.midpoint_K, 670.0, 0.05);
    CHECK_ABS(r.end_extrapolated_K, 680.0, 0.05);
    CHECK_REL(r.delta_cp, kDeltaCp, 0.005);
    CHECK_REL(r.heating_rate_K_per_s, kTenKPerMin, 1e-9);
    CHECK(r.per_mass);
    CHECK_FALSE(r.overshoot);
    CHECK(r.first_deviation_K < r.onset_extrapolated_K);
    CHECK(r.last_deviation_K > r.end_extrapolated_K);
    CHECK_REL(r.baseline1.slope, 0.02, 1e-6);
    CHECK_REL(r.tangent.slope, 0.02 + kStep / 20.0, 1e-6);
}

TEST_CASE("find_glass_transition stays within 0.05 K on a noisy sloped step") {
    // Noise of 0.1 % of the step (seeded): the tangent and baselines average thousands of points.
    const auto scan = synthetic_scan(glass_step, 560.0, 760.0, 20000, kTenKPerMin, 1e-3 * kStep, 7);
    const auto r = find_glass_transition(scan);
    CHECK_ABS(r.onset_extrapolated_K, 660.0, 0.05);
    CHECK_ABS(r.midpoint_K, 670.0, 0.05);
    CHECK_ABS(r.end_extrapolated_K, 680.0, 0.05);
    CHECK_REL(r.delta_cp, kDeltaCp, 0.005);
    CHECK(r.onset_extrapolated_K <= r.midpoint_K);
    CHECK(r.midpoint_K <= r.end_extrapolated_K);
}

TEST_CASE("find_glass_transition puts the tangent before an enthalpy-recovery overshoot") {
    // Overshoot: a sin² bump of 10 % of the step on 680–692 K, added after the ramp's straight
    // part and never steeper than it (max slope 0.026 vs 0.05 step/K), so the analytic tangent
    // is still the ramp line; baseline 2 must start after the bump.
    const auto signal = [](double T) {
        const double bump = (T > 680.0 && T < 692.0)
                                ? std::pow(std::sin(3.14159265358979 * (T - 680.0) / 12.0), 2)
                                : 0.0;
        return glass_step(T) + 0.1 * kStep * bump;
    };
    const auto scan = synthetic_scan(signal, 560.0, 760.0, 20000, kTenKPerMin);
    const auto r = find_glass_transition(scan);
    CHECK(r.overshoot);
    CHECK(r.overshoot_peak_K > 680.0);
    CHECK(r.baseline2_window_K.lo_K > 692.0);
    CHECK(r.last_deviation_K > 688.0);
    CHECK_ABS(r.onset_extrapolated_K, 660.0, 0.05);
    CHECK_ABS(r.end_extrapolated_K, 680.0, 0.05);
    CHECK_REL(r.delta_cp, kDeltaCp, 0.005);
}

TEST_CASE("find_glass_transition gives the same temperatures with endotherms drawn down") {
    auto scan = synthetic_scan(glass_step, 560.0, 760.0, 20000, kTenKPerMin);
    for (double& v : scan.heat_flow) v = -v;
    scan.endotherm = vitrum::dsc::EndothermDirection::down;
    const auto r = find_glass_transition(scan);
    CHECK_ABS(r.onset_extrapolated_K, 660.0, 0.05);
    CHECK_REL(r.delta_cp, kDeltaCp, 0.005);
    // Lines are reported in the thermogram's own orientation.
    CHECK_REL(r.baseline1.slope, -0.02, 1e-6);
}

TEST_CASE("find_glass_transition honours a user search range and baseline windows") {
    const auto scan = synthetic_scan(glass_step, 560.0, 760.0, 20000, kTenKPerMin);
    GlassTransitionOptions o;
    o.search_K = TemperatureWindow{600.0, 720.0};
    o.baseline1_K = TemperatureWindow{620.0, 650.0};
    o.baseline2_K = TemperatureWindow{690.0, 715.0};
    const auto r = find_glass_transition(scan, o);
    CHECK_ABS(r.baseline1_window_K.lo_K, 620.0, 0.02);
    CHECK_ABS(r.baseline2_window_K.hi_K, 715.0, 0.02);
    CHECK_ABS(r.onset_extrapolated_K, 660.0, 0.05);
}

TEST_CASE("find_glass_transition refuses a range without a step") {
    const auto scan =
        synthetic_scan([](double T) { return 0.02 * T; }, 560.0, 760.0, 5000, kTenKPerMin, 0.01, 3);
    GlassTransitionOptions o;
    o.search_K = TemperatureWindow{600.0, 720.0};
    CHECK_THROWS_WITH_AS(find_glass_transition(scan, o),
                         doctest::Contains("no glass-transition step between 600 and 720 K"),
                         vitrum::AnalysisError);
}

TEST_CASE("GlassTransitionOptions::validate names the bad option") {
    GlassTransitionOptions o;
    o.smoothing_window_K = 0.0;
    CHECK_THROWS_WITH_AS(o.validate(), doctest::Contains("smoothing_window_K"),
                         vitrum::InvalidArgument);
    GlassTransitionOptions p;
    p.search_K = TemperatureWindow{720.0, 600.0};
    CHECK_THROWS_WITH_AS(p.validate(), doctest::Contains("search_K must satisfy"),
                         vitrum::InvalidArgument);
    GlassTransitionOptions q;
    q.edge_fraction = 0.7;
    CHECK_THROWS_WITH_AS(q.validate(), doctest::Contains("edge_fraction"), vitrum::InvalidArgument);
}

namespace {

// Broad step: a logistic 1/(1 + e^{−(T − Tm)/w}) with w = 20 K has its greatest slope 1/(4w) at
// Tm, so the inflection tangent meets 0 at Tm − 2w and 1 at Tm + 2w: T_eig = 760 K,
// T_mg = 800 K, T_efg = 840 K, an 80 K wide step. Over a 300 K window (650–950 K) the step
// fills most of the window, as the Duran transition does in the Setaram scan.
constexpr double kBroadMid = 800.0;
constexpr double kBroadW = 20.0;
double broad_step(double T) {
    return 3.0 + 0.01 * (T - 650.0) + kStep / (1.0 + std::exp(-(T - kBroadMid) / kBroadW));
}

}  // namespace

TEST_CASE("find_glass_transition finds an 80 K wide logistic step filling a 300 K window") {
    // 0.1 K spacing (as the 20 K/min Setaram scan) and noise of 0.5 % of the step (seeded).
    const auto scan = synthetic_scan(broad_step, 650.0, 950.0, 3001, kTenKPerMin, 5e-3 * kStep, 5);
    const auto r = find_glass_transition(scan);
    // The tangent is fitted over the ±0.45 w where the slope stays within 5 % of its peak, which
    // lowers its slope by a²/20 ≈ 1 % (a = 0.45) and moves T_eig and T_efg outwards by ≈ 0.4 K.
    // The baselines fit the only 30 K left at each end of the window, 6–7.5 w from Tm, where the
    // logistic tail (0.05–0.25 % of the step) still tilts them; extrapolated over 120 K this
    // moves T_eig/T_efg by ≈ 1 K and Δcp by ≈ 3 % (measured: 760.7 K, 838.9 K, 126.4 J/(kg K)).
    // Tolerances 1.5 K and 4 %.
    CHECK_ABS(r.onset_extrapolated_K, kBroadMid - 2 * kBroadW, 1.5);
    CHECK_ABS(r.end_extrapolated_K, kBroadMid + 2 * kBroadW, 1.5);
    // Symmetric step: the midpoint is Tm; 0.5 K covers the noise of the smoothed curve there.
    CHECK_ABS(r.midpoint_K, kBroadMid, 0.5);
    CHECK_ABS(r.inflection_K, kBroadMid, 3.0);  // flat top of the slope: noise moves its maximum
    CHECK_REL(r.delta_cp, kDeltaCp, 0.04);
    CHECK_FALSE(r.overshoot);
}

TEST_CASE("find_glass_transition still refuses a wavy baseline without a step") {
    // A sine of period 60 K and amplitude 20 W/kg: its slope extremes (±2 W/(kg K)) recur all
    // over the window, so no single rise stands out from the slope scatter.
    const auto scan =
        synthetic_scan([](double T) { return 20.0 * std::sin(2.0 * 3.14159265358979 * T / 60.0); },
                       600.0, 900.0, 3001, kTenKPerMin, 0.05, 9);
    CHECK_THROWS_WITH_AS(find_glass_transition(scan),
                         doctest::Contains("no glass-transition step between 600 and 900 K"),
                         vitrum::AnalysisError);
}
