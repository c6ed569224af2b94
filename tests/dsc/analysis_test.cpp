// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/dsc/analysis.hpp>

#include "check.hpp"
#include "synthetic.hpp"

using vitrum::dsc::analyze_heating;
using vitrum::dsc::HeatingAnalysisOptions;
using vitrum::dsc::PeakOptions;

namespace {
constexpr double kPi = 3.14159265358979323846;
}  // namespace

TEST_CASE("a melting endotherm on a scan without exotherm is found over the whole scan") {
    // Heating 300 → 480 K at 5 K/min, a endotherm at 430 K (sigma 1.5 K, 2000 W/kg) on a
    // flat baseline: an indium-like standard with no glass transition and no exotherm.
    const double beta = 5.0 / 60.0;
    const auto scan = vitrum::test::synthetic_scan(
        [](double T) { return 50.0 + vitrum::test::gaussian(T, 430.0, 1.5, 2000.0); }, 300.0, 480.0,
        9001, beta, 0.5);
    HeatingAnalysisOptions o;
    o.melting = PeakOptions{};
    o.melting_required = true;
    o.find_glass_transition = false;
    const auto a = analyze_heating(scan, o);
    REQUIRE(a.melting);
    REQUIRE(a.melting->peaks.size() == 1);
    const auto& m = a.melting->peaks.front();
    // Gaussian: peak at the centre, extrapolated onset at T0 − 2 sigma = 427 K; 0.3 K covers the
    // 2 K smoothing window on a 3 K-wide peak.
    CHECK_ABS(m.peak_K, 430.0, 0.3);
    CHECK_ABS(m.onset_extrapolated_K, 427.0, 0.3);
    // ΔH = h sigma sqrt(2 pi) / beta [J/kg]; 2 %: smoothing of a narrow peak and noise.
    CHECK_REL(m.enthalpy, 2000.0 * 1.5 * std::sqrt(2.0 * kPi) / beta, 0.02);
    // No exotherm is reported inside the melting peak.
    CHECK((!a.crystallisation || a.crystallisation->peaks.empty()));
}
