// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <algorithm>
#include <cmath>
#include <vitrum/dsc/cooling.hpp>

#include "check.hpp"
#include "synthetic.hpp"

using vitrum::dsc::find_cooling_peaks;
using vitrum::dsc::Thermogram;

namespace {

constexpr double kPi = 3.14159265358979323846;

// Cooling 420 → 320 K at 10 K/min with an exotherm (endotherm-up signal goes down) centred at
// 350 K, sigma 2 K, height 1000 W/kg, on a flat baseline of -300 W/kg.
Thermogram cooling_scan() {
    Thermogram t = vitrum::test::synthetic_scan(
        [](double T) { return -300.0 - vitrum::test::gaussian(T, 350.0, 2.0, 1000.0); }, 320.0,
        420.0, 2001, vitrum::test::kTenKPerMin);
    // Turn the heating scan into a cooling one: reverse the rows, keep time increasing.
    std::reverse(t.temperature_K.begin(), t.temperature_K.end());
    std::reverse(t.heat_flow.begin(), t.heat_flow.end());
    return t;
}

}  // namespace

TEST_CASE("a crystallisation exotherm on cooling has its onset on the high-temperature side") {
    const auto r = find_cooling_peaks(cooling_scan());
    REQUIRE(r.peaks.size() == 1);
    const auto& p = r.peaks.front();
    // Gaussian: peak at its centre; tangents at the inflections (T0 ± sigma) meet the baseline
    // at T0 ± 2 sigma = 354 K (onset, hotter) and 346 K (end). Tolerance 0.2 K: smoothing and
    // the least-squares tangent over the smoothing window.
    CHECK_ABS(p.peak_K, 350.0, 0.05);
    CHECK_ABS(p.onset_extrapolated_K, 354.0, 0.2);
    CHECK_ABS(p.end_extrapolated_K, 346.0, 0.2);
    CHECK(p.onset_extrapolated_K > p.peak_K);
    CHECK(p.peak_K > p.end_extrapolated_K);
    // ΔH = ∫ h dt = h sigma sqrt(2 pi) / beta [J/kg]; 0.5 %: trapezoid and tails cut off.
    const double expected = 1000.0 * 2.0 * std::sqrt(2.0 * kPi) / vitrum::test::kTenKPerMin;
    CHECK_REL(p.enthalpy, expected, 0.005);
}

TEST_CASE("a cooling exotherm that ends close to the end of the ramp is still a peak") {
    // Exotherm centred at 327 K (sigma 1 K): it returns to the baseline about 4 K above the end of
    // the 420 → 320 K ramp, closer than the 5 % of the span that heating scans keep clear.
    Thermogram t = vitrum::test::synthetic_scan(
        [](double T) { return -300.0 - vitrum::test::gaussian(T, 327.0, 1.0, 1000.0); }, 320.0,
        420.0, 2001, vitrum::test::kTenKPerMin);
    std::reverse(t.temperature_K.begin(), t.temperature_K.end());
    std::reverse(t.heat_flow.begin(), t.heat_flow.end());
    const auto r = find_cooling_peaks(t);
    REQUIRE(r.peaks.size() == 1);
    // Gaussian centre; 0.05 K for the parabola through the smoothed maximum.
    CHECK_ABS(r.peaks.front().peak_K, 327.0, 0.05);
    // Onset at T0 + 2 sigma = 329 K; 0.3 K: the 2 K smoothing window flattens the tangent of
    // this narrower (sigma 1 K) peak more than in the test above.
    CHECK_ABS(r.peaks.front().onset_extrapolated_K, 329.0, 0.3);
}
