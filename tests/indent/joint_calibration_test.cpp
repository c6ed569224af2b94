// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Joint frame-compliance and area-function calibration (issue 18 item 5): synthetic fused
// silica with a known tip and frame, with noise, recovered within the stated errors; fits that
// break a physical constraint are refused with the reason.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/indent/file_analysis.hpp>
#include <vitrum/indent/joint_calibration.hpp>

#include "check.hpp"

using namespace vitrum;
using namespace vitrum::indent;

namespace {

JointCalibrationOptions fs_options(std::size_t terms) {
    JointCalibrationOptions o;
    o.calibration.reference_modulus_Pa = 72e9;  // fused silica (Oliver & Pharr 1992)
    o.calibration.oliver_pharr.sample_poisson_ratio = 0.18;
    o.calibration.area_terms = terms;
    return o;
}

// CSM-like points on fused silica through a frame of compliance `cf`: h_c from 50 nm to 2 µm,
// H rising towards the surface (as fused silica shows with a blunt tip), S with relative
// Gaussian noise `noise` (fixed seed: the test is repeatable).
std::vector<CalibrationSample> synthetic(const AreaFunction& tip, double cf, double noise,
                                         const JointCalibrationOptions& o) {
    const OliverPharrOptions& op = o.calibration.oliver_pharr;
    const double er = reduced_modulus_from_modulus_Pa(o.calibration.reference_modulus_Pa, op);
    std::mt19937 rng(18);
    std::normal_distribution<double> gauss(0.0, 1.0);
    std::vector<CalibrationSample> out;
    for (int k = 0; k < 150; ++k) {
        const double hc = 50e-9 * std::pow(40.0, k / 149.0);
        const double a = tip.area_m2(hc);
        const double p = (9e9 + 2e9 * std::exp(-hc / 200e-9)) * a;
        const double sc = 2.0 * op.beta * er * std::sqrt(a) / std::sqrt(M_PI);
        const double s = 1.0 / (1.0 / sc + cf) * (1.0 + noise * gauss(rng));
        out.push_back({p, hc + op.epsilon * p / sc + cf * p, s});
    }
    return out;
}

}  // namespace

TEST_CASE("calibrate_jointly recovers a known tip and frame from noisy CSM-like data") {
    const auto o = fs_options(3);
    // A blunted Berkovich in the range micromechanics finds on FS_XP.xls (C0 21.6, C1 2079 nm,
    // C2 −8414 nm^1.5), milder C2 so that A stays increasing from 50 nm.
    const auto tip = AreaFunction::polynomial_nm({22.0, 2000.0, -3000.0});
    const double cf = 0.3e-6;  // 0.3 nm/mN, a typical commercial frame
    const JointCalibrationResult r = calibrate_jointly(synthetic(tip, cf, 3e-3, o), o);
    REQUIRE(r.coefficients_si.size() == 3);
    REQUIRE(r.coefficients_stderr_si.size() == 3);
    CHECK(!r.frame_at_bound);
    // Within 3 standard errors of the truth (a 99.7 % interval if the errors are right)…
    CHECK(std::abs(r.frame_compliance_m_per_N - cf) < 3.0 * r.frame_compliance_stderr_m_per_N);
    for (std::size_t j = 0; j < 3; ++j) {
        CAPTURE(j);
        CHECK(std::abs(r.coefficients_si[j] - tip.coefficients_si()[j]) <
              3.0 * r.coefficients_stderr_si[j]);
    }
    // … and those errors are tight enough to mean something (0.3 % noise on 150 points).
    CHECK(r.coefficients_stderr_si[0] < 0.05 * 22.0);
    CHECK(r.frame_compliance_stderr_m_per_N < 0.5 * cf);
    CHECK(r.relative_rms < 0.01);
    CHECK(r.min_contact_depth_m < 60e-9);
    CHECK(r.max_contact_depth_m > 1.9e-6);
}

TEST_CASE("calibrate_jointly on exact data returns the tip and frame to rounding") {
    const auto o = fs_options(2);
    const auto tip = AreaFunction::polynomial_nm({24.5, 800.0});
    const double cf = 0.5e-6;
    const JointCalibrationResult r = calibrate_jointly(synthetic(tip, cf, 0.0, o), o);
    // Brent stops at √ε of the scaled C_f (≈1e-8 of 10 nm/mN); the coefficients follow.
    CHECK_REL(r.frame_compliance_m_per_N, cf, 1e-4);
    CHECK_REL(r.coefficients_si[0], 24.5, 1e-5);
    CHECK_REL(r.coefficients_si[1], 800e-9, 1e-3);
}

TEST_CASE("calibrate_jointly refuses a negative frame compliance and names it") {
    const auto o = fs_options(2);
    const auto tip = AreaFunction::polynomial_nm({24.5, 800.0});
    CHECK_THROWS_WITH_AS(calibrate_jointly(synthetic(tip, -2e-6, 1e-3, o), o),
                         doctest::Contains("frame compliance C_f = -2"), AnalysisError);
}

TEST_CASE("calibrate_jointly refuses a C0 far from the ideal Berkovich") {
    auto o = fs_options(2);
    // A sphere of 5 µm: A ≈ 2πRh, C0 ≈ −π, nothing like a Berkovich's 24.5.
    const auto sphere = AreaFunction::sphere(5e-6);
    CHECK_THROWS_WITH_AS(calibrate_jointly(synthetic(sphere, 0.0, 1e-3, o), o),
                         doctest::Contains("calibration refused"), AnalysisError);
}

TEST_CASE("csm_calibration_samples takes the loading rows with positive stiffness") {
    Series s;
    s.add_column({channel::depth, "m", "Depth", "nm", {10e-9, 60e-9, 120e-9, 200e-9, 150e-9}});
    s.add_column({channel::load, "N", "Load", "mN", {1e-5, 1e-4, 4e-4, 1e-3, 5e-4}});
    s.add_column({channel::harmonic_stiffness, "N/m", "S", "N/m", {1e3, 2e4, -1.0, 6e4, 5e4}});
    const auto v = csm_calibration_samples(s, 50e-9);
    // Row 0 shallower than 50 nm, row 2 with S < 0, row 4 after the deepest point: left out.
    REQUIRE(v.size() == 2);
    CHECK_REL(v[0].depth_m, 60e-9, 1e-15);
    CHECK_REL(v[1].stiffness_N_per_m, 6e4, 1e-15);
    Series none;
    none.add_column({channel::depth, "m", "Depth", "nm", {1e-7}});
    CHECK_THROWS_WITH_AS(csm_calibration_samples(none, 0.0), doctest::Contains("'load'"),
                         InvalidArgument);
}

TEST_CASE("a calibrated tip written by write_calibrated_tip reads back through read_area_table") {
    const auto o = fs_options(3);
    const auto tip = AreaFunction::polynomial_nm({22.0, 2000.0, -3000.0});
    const JointCalibrationResult r = calibrate_jointly(synthetic(tip, 0.3e-6, 3e-3, o), o);
    const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                       ("vitrum_tip_" + std::to_string(::getpid()) + ".txt");
    {
        std::ofstream out(path);
        write_calibrated_tip(out, r, 200);
    }
    const AreaFunction back = read_area_table(path.string());
    std::filesystem::remove(path);
    CHECK(back.kind() == AreaFunction::Kind::tabulated);
    // At the table's nodes: exact up to the shortest round-trip print (1 ulp) and the
    // nm↔m scaling; between nodes (1.9 % apart in h_c): linear interpolation of a near-h²
    // curve, relative error ≤ (Δh/h)²/8 ≈ 5e-5.
    const double h0 = r.min_contact_depth_m, h1 = r.max_contact_depth_m;
    for (int i : {0, 57, 199}) {
        const double h = h0 * std::pow(h1 / h0, i / 199.0);
        CHECK_REL(back.area_m2(h), r.area.area_m2(h), 1e-12);
    }
    const double mid = h0 * std::pow(h1 / h0, 100.5 / 199.0);
    CHECK_REL(back.area_m2(mid), r.area.area_m2(mid), 1e-4);
}

TEST_CASE("calibrate_jointly with a given frame compliance fits the area only") {
    auto o = fs_options(2);
    const auto tip = AreaFunction::polynomial_nm({24.5, 800.0});
    o.fixed_frame_compliance_m_per_N = 0.5e-6;
    const JointCalibrationResult r = calibrate_jointly(synthetic(tip, 0.5e-6, 0.0, o), o);
    CHECK(r.frame_fixed);
    CHECK_REL(r.frame_compliance_m_per_N, 0.5e-6, 1e-15);
    CHECK_ABS(r.frame_compliance_stderr_m_per_N, 0.0, 1e-30);
    // Exact data and the true C_f: the linear fit returns the tip to rounding.
    CHECK_REL(r.coefficients_si[0], 24.5, 1e-9);
    CHECK_REL(r.coefficients_si[1], 800e-9, 1e-7);
    o.fixed_frame_compliance_m_per_N = -1e-6;
    CHECK_THROWS_WITH_AS(calibrate_jointly(synthetic(tip, 0.5e-6, 0.0, o), o),
                         doctest::Contains("fixed_frame_compliance_m_per_N = -1e-06 must be >= 0"),
                         InvalidArgument);
}
