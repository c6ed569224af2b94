// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <random>
#include <vitrum/core/error.hpp>
#include <vitrum/indent/unloading_fit.hpp>

#include "check.hpp"

using namespace vitrum;
using namespace vitrum::indent;

namespace {
struct Branch {
    std::vector<double> h, p;
};
// P = B (h − h_f)^m from P_max down to 0.1 P_max, in SI.
Branch power_law(double b, double hf, double m, double hmax, std::size_t n) {
    Branch out;
    const double pmax = b * std::pow(hmax - hf, m);
    for (std::size_t i = 0; i < n; ++i) {
        const double p = pmax * (1.0 - 0.9 * static_cast<double>(i) / (n - 1));
        out.p.push_back(p);
        out.h.push_back(hf + std::pow(p / b, 1.0 / m));
    }
    return out;
}
}  // namespace

TEST_CASE("fit_unloading recovers B, h_f, m and S of an exact power law") {
    // Analytic: B = 0.02 N/m^1.4 scaled so that P_max ≈ mN at h ≈ 1 µm.
    const double m = 1.4, hf = 600e-9, hmax = 1000e-9;
    const double b = 5e-3 / std::pow(hmax - hf, m);
    const Branch br = power_law(b, hf, m, hmax, 300);
    const UnloadingFit f = fit_unloading(br.h, br.p, 0, br.h.size());
    REQUIRE(f.usable);
    CHECK(f.status == "ok");
    CHECK(f.summary.converged);
    CHECK_REL(f.exponent_m, m, 1e-8);
    CHECK_REL(f.final_depth_m, hf, 1e-8);
    CHECK_REL(f.prefactor_B, b, 1e-6);
    CHECK_REL(f.stiffness_N_per_m, b * m * std::pow(hmax - hf, m - 1.0), 1e-8);
    CHECK_REL(f.max_load_N, 5e-3, 1e-12);
    CHECK_REL(f.load_at_N(800e-9), b * std::pow(200e-9, m), 1e-6);
    CHECK(f.residual_rms_N < 1e-12);
    // Window 0.5–0.99 P_max: the first row has P = P_max and is outside, the last inside is
    // above 0.5 P_max.
    CHECK(f.first_row > 0);
    CHECK(br.p[f.last_row] >= 0.5 * 5e-3);
    CHECK(br.p[f.last_row + 1] < 0.5 * 5e-3);
}

TEST_CASE("fit_unloading stays within 1 percent in S with 0.1 percent noise on load") {
    const double m = 1.6, hf = 300e-9, hmax = 700e-9;
    const double b = 20e-3 / std::pow(hmax - hf, m);
    Branch br = power_law(b, hf, m, hmax, 400);
    std::mt19937 rng(42);
    std::normal_distribution<double> noise(0.0, 20e-6);  // 0.1 % of P_max
    for (double& p : br.p) p += noise(rng);
    br.p[0] = 20e-3;
    const UnloadingFit f = fit_unloading(br.h, br.p, 0, br.h.size());
    REQUIRE(f.usable);
    CHECK_REL(f.stiffness_N_per_m, b * m * std::pow(hmax - hf, m - 1.0), 1e-2);
    // The residual RMS estimates the noise it was given (20 µN) within 20 %.
    CHECK_REL(f.residual_rms_N, 20e-6, 0.2);
}

TEST_CASE("fit_unloading names the window when it holds too few points and validates options") {
    const Branch br = power_law(1.0, 0.0, 1.5, 1e-6, 6);
    UnloadingFitOptions o;
    CHECK_THROWS_WITH_AS(fit_unloading(br.h, br.p, 0, br.h.size(), o),
                         doctest::Contains("need at least 5"), vitrum::AnalysisError);
    o.lower_fraction = 0.99;
    o.upper_fraction = 0.5;
    CHECK_THROWS_WITH_AS(o.validate(), doctest::Contains("lower_fraction"),
                         vitrum::InvalidArgument);
    o = {};
    o.upper_fraction = 1.5;
    CHECK_THROWS_WITH_AS(o.validate(), doctest::Contains("upper_fraction"),
                         vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(fit_unloading(br.h, br.p, 3, 3),
                         doctest::Contains("empty unloading range"), vitrum::InvalidArgument);
}

TEST_CASE("fit_unloading reports an exponent outside the allowed range as not usable") {
    const double hmax = 1e-6;
    const Branch br = power_law(1e-3 / std::pow(0.5e-6, 1.5), 0.5e-6, 1.5, hmax, 200);
    UnloadingFitOptions o;
    o.max_exponent = 1.2;
    o.bounded_refit = false;
    const UnloadingFit f = fit_unloading(br.h, br.p, 0, br.h.size(), o);
    CHECK_FALSE(f.usable);
    CHECK(f.status.find("exponent m") != std::string::npos);
    // With the bounded refit the same branch is fitted on the bound and says so.
    o.bounded_refit = true;
    const UnloadingFit g = fit_unloading(br.h, br.p, 0, br.h.size(), o);
    CHECK(g.usable);
    CHECK(g.active_bound.find("m = 1.2") != std::string::npos);
    CHECK_REL(g.exponent_m, 1.2, 1e-12);
    CHECK(g.status.find("bounded") != std::string::npos);
}

TEST_CASE("fit_unloading bounds a soft viscoelastic unload whose free fit runs away in m") {
    // A near-exponential unload P = P_max exp(k (h − h_max)) (soft polymer, N1_1.hdf5 shape):
    // the free power law runs to m ≈ 100 with h_f far below zero. Known S = k·P_max at h_max.
    const double pmax = 15e-3, hmax = 4.2e-6, s_true = 16e3;
    const double k = s_true / pmax;
    std::vector<double> h, p;
    for (int i = 0; i < 400; ++i) {
        const double pp = pmax * (1.0 - 0.95 * i / 399.0);
        p.push_back(pp);
        h.push_back(hmax + std::log(pp / pmax) / k);
    }
    UnloadingFitOptions free_fit;
    free_fit.bounded_refit = false;
    const UnloadingFit runaway = fit_unloading(h, p, 0, h.size(), free_fit);
    CHECK(runaway.exponent_m > 10.0);
    const UnloadingFit f = fit_unloading(h, p, 0, h.size());
    REQUIRE(f.usable);
    CHECK(f.active_bound == "h_f = 0");
    CHECK(f.exponent_m > 0.8);
    CHECK(f.exponent_m < 10.0);
    // No power law with h_f ≥ 0 and m ≤ 10 is an exponential: the bounded fit (the one
    // micromechanics makes, bounds h_f ≥ 0, m ∈ [0.8, 10]) gives m ≈ 4.17 and S 7.0 %
    // below k·P_max (measured). The bias is that of the bounded power law, not of the solver.
    CHECK_REL(f.stiffness_N_per_m, s_true, 8e-2);
    CHECK(std::isnan(f.summary.std_errors[2]));  // no standard error on a bound
}

TEST_CASE("fit_unloading detects a creep nose, reports it and fits the elastic branch after it") {
    // Elastic branch P = B (h − h_f)^1.5 from h_top; before it 20 rows on which the load falls
    // by 1 % while the depth still creeps 8 nm deeper (the "nose").
    const double m = 1.5, hf = 600e-9, h_top = 1000e-9, pmax = 10e-3;
    const double b = pmax / std::pow(h_top - hf, m);
    std::vector<double> h, p;
    for (int i = 0; i < 20; ++i) {
        p.push_back(pmax * (1.0 - 0.0005 * i));
        h.push_back(h_top - 8e-9 + 8e-9 * std::sin(0.5 * M_PI * i / 19.0));
    }
    const double p_start = p.back();
    for (int i = 1; i < 300; ++i) {
        const double pp = p_start * (1.0 - 0.9 * i / 299.0);
        p.push_back(pp);
        h.push_back(hf + std::pow(pp / b, 1.0 / m));
    }
    const UnloadingFit f = fit_unloading(h, p, 0, h.size());
    REQUIRE(f.usable);
    CHECK(f.nose_rows == 19);
    CHECK_REL(f.nose_depth_m, 8e-9, 1e-9);
    CHECK(f.first_row >= 19);
    CHECK_REL(f.exponent_m, m, 1e-6);
    // S is taken where the elastic branch carries P_max: B m (h(P_max) − h_f)^(m−1), exact.
    CHECK_REL(f.stiffness_N_per_m, b * m * std::pow(h_top - hf, m - 1.0), 1e-6);
}

TEST_CASE(
    "fit_unloading by variable projection reaches the three-parameter least-squares minimum") {
    // Noisy branch (0.1 % of P_max on load); reference: the full problem y = b (x − x_f)^m in
    // the same scaled variables, solved by fit_nonlinear with QR steps from the true parameters.
    const double m = 1.35, hf = 420e-9, hmax = 800e-9;
    const double b = 15e-3 / std::pow(hmax - hf, m);
    Branch br = power_law(b, hf, m, hmax, 500);
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0.0, 15e-6);
    for (std::size_t i = 1; i < br.p.size(); ++i) br.p[i] += noise(rng);
    const UnloadingFit f = fit_unloading(br.h, br.p, 0, br.h.size());
    REQUIRE(f.usable);

    std::vector<double> x, y;
    for (std::size_t i = f.first_row; i <= f.last_row; ++i) {
        if (br.p[i] < 0.5 * f.max_load_N || br.p[i] > 0.99 * f.max_load_N) continue;
        x.push_back(br.h[i] / f.max_depth_m);
        y.push_back(br.p[i] / f.max_load_N);
    }
    REQUIRE(x.size() == f.points);
    const ResidualFunction full = [&](const std::vector<double>& q, std::vector<double>& r) {
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double d = x[i] - q[1];
            r[i] = (d > 0.0 ? q[0] * std::pow(d, q[2]) : 0.0) - y[i];
        }
    };
    NonlinearFitOptions tight;
    tight.x_tolerance = 1e-14;
    tight.g_tolerance = 1e-14;
    const double b_scaled = b * std::pow(hmax, m) / f.max_load_N;
    const NonlinearFitSummary ref = fit_nonlinear(full, x.size(), {b_scaled, hf / hmax, m}, tight);
    REQUIRE(ref.converged);
    // Both solutions stop on relative steps of 1e-10 (ours) or 1e-14 (reference) in scaled
    // parameters; measured here 6e-10, and at worst 1.5e-7 in m over 1110 real unloads compared
    // with the former three-parameter fit. 1e-7 is the tolerance of the synthetic-curve tests.
    CHECK_REL(f.summary.parameters[0], ref.parameters[0], 1e-7);
    CHECK_REL(f.summary.parameters[1], ref.parameters[1], 1e-7);
    CHECK_REL(f.summary.parameters[2], ref.parameters[2], 1e-7);
    CHECK_REL(f.exponent_m, ref.parameters[2], 1e-7);
    CHECK_REL(f.final_depth_m, ref.parameters[1] * hmax, 1e-7);
    // Same minimum, so the same residual: the cost is quadratic there, (1e-7)² ≪ 1e-10.
    CHECK_REL(f.residual_rms_N, ref.residual_rms * f.max_load_N, 1e-10);
    // Standard errors of (b, x_f, m) from the full Jacobian agree with the reference's (GSL's
    // QR covariance; they differ only through the parameters, measured 4e-8).
    REQUIRE(f.summary.std_errors.size() == 3);
    for (std::size_t k = 0; k < 3; ++k) {
        CAPTURE(k);
        CHECK_REL(f.summary.std_errors[k], ref.std_errors[k], 1e-6);
    }
    // The integral-form start is close: a handful of iterations, not the dozen of a poor start.
    CHECK(f.summary.iterations <= 8);
}
