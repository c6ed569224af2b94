// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/indent/calibration.hpp>

#include "check.hpp"

using namespace vitrum;
using namespace vitrum::indent;

namespace {
// Fused silica (E = 72 GPa, ν = 0.18) on a blunted Berkovich A = 24.5 h² + 800 nm·h, measured
// through a frame of C_f = 0.5 nm/mN. hardness(h_c) lets H vary with depth.
template <class Hardness>
std::vector<CalibrationSample> fused_silica(const CalibrationOptions& o, double cf,
                                            Hardness hardness) {
    const auto true_area = AreaFunction::polynomial({24.5, 800e-9});
    const double er = reduced_modulus_from_modulus_Pa(o.reference_modulus_Pa, o.oliver_pharr);
    std::vector<CalibrationSample> out;
    for (int k = 0; k < 20; ++k) {
        const double hc = 50e-9 * std::pow(40.0, k / 19.0);  // 50 nm … 2 µm
        const double a = true_area.area_m2(hc);
        const double p = hardness(hc) * a;
        const double sc = 2.0 * er * std::sqrt(a) / std::sqrt(M_PI);
        out.push_back({p, hc + 0.75 * p / sc + cf * p, 1.0 / (1.0 / sc + cf)});
    }
    return out;
}
CalibrationOptions fs_options() {
    CalibrationOptions o;
    o.reference_modulus_Pa = 72e9;
    o.oliver_pharr.sample_poisson_ratio = 0.18;
    o.area_terms = 2;
    return o;
}
}  // namespace

TEST_CASE("frame compliance is the intercept of 1/S versus 1/sqrt(P) at constant hardness") {
    const auto o = fs_options();
    const auto samples = fused_silica(o, 0.5e-6, [](double) { return 9.5e9; });
    const FrameComplianceResult r = calibrate_frame_compliance(samples, o);
    // Analytic: C_t = C_f + √π/(2E_r)·√H·P^(−½) exactly; only rounding remains.
    CHECK_REL(r.frame_compliance_m_per_N, 0.5e-6, 1e-9);
    CHECK(r.samples_used == 20);
    CHECK_REL(r.line.r_squared, 1.0, 1e-12);
}

TEST_CASE("the area function is recovered from fused silica with the frame compliance known") {
    const auto o = fs_options();
    const auto samples = fused_silica(o, 0.5e-6, [](double) { return 9.5e9; });
    const AreaCalibrationResult r = calibrate_area_function(samples, 0.5e-6, o);
    CHECK_REL(r.area.coefficients_si()[0], 24.5, 1e-9);
    CHECK_REL(r.area.coefficients_si()[1], 800e-9, 1e-7);
    CHECK(r.relative_rms < 1e-10);
    CHECK(r.contact_depth_m.size() == 20);
}

TEST_CASE("the combined calibration finds C_f and the area when hardness varies with depth") {
    // With H rising at shallow depth the 1/√P line is curved, so its intercept is biased; the
    // Oliver–Pharr iteration through 1/√A over the deep indents (≥ 500 nm, as the G200 Guide
    // advises) removes the bias.
    auto o = fs_options();
    o.frame_min_depth_m = 500e-9;
    o.max_iterations = 200;
    o.tolerance = 1e-10;
    const auto samples =
        fused_silica(o, 0.5e-6, [](double hc) { return 9.0e9 * (1.0 + 30e-9 / hc); });
    const double biased = calibrate_frame_compliance(samples, o).frame_compliance_m_per_N;
    CHECK(std::abs(biased / 0.5e-6 - 1.0) > 1e-3);
    const AreaCalibrationResult r = calibrate_area_and_frame(samples, o);
    CHECK(r.converged);
    CHECK(r.iterations > 2);
    // Exact synthetic data: the iteration stops at a relative C_f change of 1e-10.
    CHECK_REL(r.frame_compliance_m_per_N, 0.5e-6, 1e-8);
    CHECK_REL(r.area.coefficients_si()[0], 24.5, 1e-8);
    CHECK_REL(r.area.coefficients_si()[1], 800e-9, 1e-6);
}

TEST_CASE("calibration names bad options and refuses too few samples") {
    auto o = fs_options();
    o.area_terms = 12;
    CHECK_THROWS_WITH_AS(o.validate(), doctest::Contains("area_terms"), vitrum::InvalidArgument);
    o = fs_options();
    o.frame_min_depth_m = 1.0;
    const auto samples = fused_silica(o, 0.5e-6, [](double) { return 9.5e9; });
    CHECK_THROWS_WITH_AS(calibrate_frame_compliance(samples, o),
                         doctest::Contains("need at least 2"), vitrum::AnalysisError);
    o = fs_options();
    o.area_terms = 3;
    const std::vector<CalibrationSample> two(samples.begin(), samples.begin() + 2);
    CHECK_THROWS_WITH_AS(calibrate_area_function(two, 0.0, o),
                         doctest::Contains("2 usable samples for 3 terms"), vitrum::AnalysisError);
}
