// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/peaks.hpp>

#include "check.hpp"
#include "synthetic.hpp"

using vitrum::dsc::find_peaks;
using vitrum::dsc::PeakBaseline;
using vitrum::dsc::PeakKind;
using vitrum::dsc::PeakOptions;
using vitrum::dsc::TemperatureWindow;
using vitrum::test::gaussian;
using vitrum::test::kTenKPerMin;
using vitrum::test::synthetic_scan;

namespace {

// Exotherms point down in the endotherm-up thermogram. For a Gaussian of height h and width σ
// the inflection tangents meet the baseline at Tp ∓ 2σ exactly, and the heat released is
// ∫ h·exp(−x²/2σ²) dt = h·σ·√(2π)/β.
constexpr double kPi = 3.14159265358979323846;
double released(double h, double sigma) { return h * sigma * std::sqrt(2 * kPi) / kTenKPerMin; }
double sloped(double T) { return 2.0 + 0.01 * (T - 700.0); }

}  // namespace

TEST_CASE("find_peaks recovers onset, peak, end and enthalpy of a Gaussian exotherm") {
    const auto scan =
        synthetic_scan([](double T) { return sloped(T) - gaussian(T, 740.0, 8.0, 50.0); }, 600.0,
                       900.0, 20000, kTenKPerMin);
    const auto r = find_peaks(scan);
    REQUIRE(r.peaks.size() == 1);
    const auto& p = r.peaks.front();
    // The smoothing window (2 K) biases the tangent slope by ≈ L²/(5σ²) = 0.3 %, i.e. 0.025 K.
    CHECK_ABS(p.onset_extrapolated_K, 740.0 - 16.0, 0.05);
    CHECK_ABS(p.peak_K, 740.0, 0.01);
    CHECK_ABS(p.end_extrapolated_K, 740.0 + 16.0, 0.05);
    CHECK_REL(p.enthalpy, released(50.0, 8.0), 0.005);
    CHECK_REL(p.height, 50.0, 0.005);
    CHECK(p.per_mass);
    CHECK(p.onset_extrapolated_K < p.peak_K);
    CHECK(p.peak_K < p.end_extrapolated_K);
    CHECK(p.enthalpy > 0.0);
    // The construction is reported in the thermogram's orientation: the baseline slope is +0.01
    // (the Gaussian's tail, ≤ 3e-4 W/kg 5σ from the peak, tilts the fitted line by < 1e-3).
    REQUIRE(r.groups.size() == 1);
    CHECK_REL(r.groups.front().baseline_before.slope, 0.01, 1e-3);
    CHECK(p.leading_tangent.slope < 0.0);
}

TEST_CASE("find_peaks stays within tolerance on a noisy exotherm") {
    // Noise 0.1 % of the peak height, seeded.
    const auto scan =
        synthetic_scan([](double T) { return sloped(T) - gaussian(T, 740.0, 8.0, 50.0); }, 600.0,
                       900.0, 20000, kTenKPerMin, 0.05, 11);
    const auto r = find_peaks(scan);
    REQUIRE(r.peaks.size() == 1);
    CHECK_ABS(r.peaks[0].onset_extrapolated_K, 724.0, 0.05);
    CHECK_ABS(r.peaks[0].peak_K, 740.0, 0.05);
    CHECK_ABS(r.peaks[0].end_extrapolated_K, 756.0, 0.05);
    CHECK_REL(r.peaks[0].enthalpy, released(50.0, 8.0), 0.005);
}

TEST_CASE("find_peaks splits two overlapping exotherms at the minimum between them") {
    // Two equal Gaussians 30 K apart (σ = 6 K): by symmetry the split at the minimum hands each
    // peak exactly its own area.
    const auto signal = [](double T) {
        return sloped(T) - gaussian(T, 730.0, 6.0, 40.0) - gaussian(T, 760.0, 6.0, 40.0);
    };
    const auto scan = synthetic_scan(signal, 600.0, 900.0, 20000, kTenKPerMin, 0.02, 5);
    const auto r = find_peaks(scan);
    REQUIRE(r.peaks.size() == 2);
    CHECK_ABS(r.peaks[0].peak_K, 730.0, 0.05);
    CHECK_ABS(r.peaks[1].peak_K, 760.0, 0.05);
    CHECK_ABS(r.peaks[0].end_K, 745.0, 0.1);
    CHECK_REL(r.peaks[0].enthalpy, released(40.0, 6.0), 0.005);
    CHECK_REL(r.peaks[1].enthalpy, released(40.0, 6.0), 0.005);
    CHECK(r.peaks[0].onset_extrapolated_K < r.peaks[0].peak_K);
    CHECK(r.groups.size() == 1);
}

TEST_CASE("find_peaks keeps the total enthalpy of unequal overlapping exotherms") {
    const auto signal = [](double T) {
        return sloped(T) - gaussian(T, 730.0, 5.0, 60.0) - gaussian(T, 765.0, 7.0, 20.0);
    };
    const auto scan = synthetic_scan(signal, 600.0, 900.0, 20000, kTenKPerMin);
    const auto r = find_peaks(scan);
    REQUIRE(r.peaks.size() == 2);
    CHECK_REL(r.peaks[0].enthalpy + r.peaks[1].enthalpy, released(60.0, 5.0) + released(20.0, 7.0),
              0.005);
    CHECK_ABS(r.peaks[0].onset_extrapolated_K, 720.0, 0.05);
}

TEST_CASE("find_peaks with a sigmoidal baseline follows a change of level under the peak") {
    // The level after the peak is 5 W/kg lower; weighting by the converted fraction recovers the
    // area within 0.5 %.
    const auto signal = [](double T) {
        const double x = (T - 740.0) / 8.0;
        const double alpha = 0.5 * std::erfc(-x / std::sqrt(2.0));
        return sloped(T) - 5.0 * alpha - gaussian(T, 740.0, 8.0, 50.0);
    };
    const auto scan = synthetic_scan(signal, 600.0, 900.0, 20000, kTenKPerMin);
    PeakOptions o;
    o.baseline = PeakBaseline::sigmoidal;
    const auto r = find_peaks(scan, o);
    REQUIRE(r.peaks.size() == 1);
    CHECK_REL(r.peaks[0].enthalpy, released(50.0, 8.0), 0.005);
}

TEST_CASE("find_peaks finds a melting endotherm when asked for endotherms") {
    const auto scan =
        synthetic_scan([](double T) { return sloped(T) + gaussian(T, 820.0, 4.0, 80.0); }, 600.0,
                       900.0, 20000, kTenKPerMin);
    PeakOptions o;
    o.kind = PeakKind::endotherm;
    // A narrow peak (σ = 4 K): a 1 K smoothing window keeps the tangent bias at
    // L²/(5σ²) ≈ 0.3 %, i.e. 0.013 K.
    o.smoothing_window_K = 1.0;
    const auto r = find_peaks(scan, o);
    REQUIRE(r.peaks.size() == 1);
    CHECK_ABS(r.peaks[0].onset_extrapolated_K, 812.0, 0.05);
    CHECK_REL(r.peaks[0].enthalpy, released(80.0, 4.0), 0.005);
}

TEST_CASE("find_peaks refuses a range without a peak") {
    const auto scan = synthetic_scan(sloped, 600.0, 900.0, 5000, kTenKPerMin, 0.01, 2);
    PeakOptions o;
    o.search_K = TemperatureWindow{700.0, 800.0};
    CHECK_THROWS_WITH_AS(find_peaks(scan, o),
                         doctest::Contains("no exothermic peak between 700 and 800 K"),
                         vitrum::AnalysisError);
}

TEST_CASE("PeakOptions::validate names the bad option") {
    PeakOptions o;
    o.min_height_fraction = 1.5;
    CHECK_THROWS_WITH_AS(o.validate(), doctest::Contains("min_height_fraction"),
                         vitrum::InvalidArgument);
    PeakOptions p;
    p.search_K = TemperatureWindow{800.0, 700.0};
    CHECK_THROWS_WITH_AS(p.validate(), doctest::Contains("search_K must satisfy"),
                         vitrum::InvalidArgument);
}

TEST_CASE(
    "find_peaks reports disjoint peaks in temperature order next to a glass-transition step") {
    // A logistic Tg step (20 W/kg, w = 10 K, at 700 K) then exotherms at 780 and 840 K (σ 6 K,
    // 40 and 25 W/kg): whatever the step does to the chord, the reported peaks must be the two
    // exotherms, ordered, with integration ranges that do not overlap.
    const auto scan = synthetic_scan(
        [](double T) {
            return sloped(T) + 20.0 / (1.0 + std::exp(-(T - 700.0) / 10.0)) -
                   gaussian(T, 780.0, 6.0, 40.0) - gaussian(T, 840.0, 6.0, 25.0);
        },
        600.0, 900.0, 6001, kTenKPerMin, 0.02, 17);
    const auto r = find_peaks(scan);
    REQUIRE(r.peaks.size() == 2);
    // Peak tops of Gaussians: within the 0.3 K the 2 K smoothing and the sloped tails allow.
    CHECK_ABS(r.peaks[0].peak_K, 780.0, 0.3);
    CHECK_ABS(r.peaks[1].peak_K, 840.0, 0.3);
    for (std::size_t i = 0; i + 1 < r.peaks.size(); ++i) {
        CHECK(r.peaks[i].onset_extrapolated_K < r.peaks[i + 1].onset_extrapolated_K);
        CHECK(r.peaks[i].end_K <= r.peaks[i + 1].start_K);
    }
}
