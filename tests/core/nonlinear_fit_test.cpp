// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <stdexcept>
#include <vitrum/core/error.hpp>
#include <vitrum/core/nonlinear_fit.hpp>

#include "check.hpp"

using namespace vitrum;

namespace {

// Log relative error as defined by NIST StRD: LRE = −log10(|q − c| / |c|).
double lre(double q, double c) {
    const double d = std::abs(q - c);
    if (d == 0.0) return 15.0;
    return -std::log10(d / std::abs(c));
}

// y = b1 (1 − exp(−b2 x)): the model of both Misra1a and BoxBOD.
struct ExponentialRise {
    std::vector<double> x, y;
    void residuals(const std::vector<double>& b, std::vector<double>& r) const {
        for (std::size_t i = 0; i < x.size(); ++i)
            r[i] = b[0] * (1.0 - std::exp(-b[1] * x[i])) - y[i];
    }
    void jacobian(const std::vector<double>& b, std::vector<double>& J) const {
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double e = std::exp(-b[1] * x[i]);
            J[2 * i] = 1.0 - e;
            J[2 * i + 1] = b[0] * x[i] * e;
        }
    }
};

NonlinearFitSummary fit(const ExponentialRise& m, std::vector<double> start, bool analytic) {
    const ResidualFunction f = [&m](const std::vector<double>& b, std::vector<double>& r) {
        m.residuals(b, r);
    };
    JacobianFunction j;
    if (analytic) {
        j = [&m](const std::vector<double>& b, std::vector<double>& J) { m.jacobian(b, J); };
    }
    NonlinearFitOptions o;
    o.max_iterations = 1000;
    return fit_nonlinear(f, m.x.size(), start, o, j);
}

// NIST StRD Misra1a (lower difficulty), https://www.itl.nist.gov/div898/strd/nls/data/misra1a.shtml
const ExponentialRise kMisra1a{{77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3,
                                536.8, 593.1, 689.1, 760.0},
                               {10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76,
                                55.05, 61.01, 66.40, 75.47, 81.78}};
// NIST StRD BoxBOD (higher difficulty), https://www.itl.nist.gov/div898/strd/nls/data/boxbod.shtml
const ExponentialRise kBoxBOD{{1, 2, 3, 5, 7, 10}, {109, 149, 149, 191, 213, 224}};

}  // namespace

TEST_CASE("fit_nonlinear reaches the NIST Misra1a certified values from both starts (LRE >= 6)") {
    for (const bool analytic : {false, true}) {
        for (const auto& start : {std::vector<double>{500, 1e-4}, std::vector<double>{250, 5e-4}}) {
            CAPTURE(analytic);
            CAPTURE(start[0]);
            const NonlinearFitSummary s = fit(kMisra1a, start, analytic);
            CHECK(s.converged);
            // Certified: b1 = 2.3894212918E+02 ± 2.7070075241E+00, b2 = 5.5015643181E-04 ±
            // 7.2668688436E-06, residual sum of squares 1.2455138894E-01 (11 digits published).
            CHECK(lre(s.parameters[0], 2.3894212918E+02) >= 6.0);
            CHECK(lre(s.parameters[1], 5.5015643181E-04) >= 6.0);
            CHECK(lre(2.0 * s.final_cost, 1.2455138894E-01) >= 6.0);
            // Standard errors depend on the Jacobian at the optimum; 4 digits is what forward
            // differences reliably give.
            CHECK_REL(s.std_errors[0], 2.7070075241E+00, 1e-4);
            CHECK_REL(s.std_errors[1], 7.2668688436E-06, 1e-4);
            CHECK(s.iterations > 0);
        }
    }
}

TEST_CASE("fit_nonlinear reaches the NIST BoxBOD certified values from start 2 (LRE >= 6)") {
    const NonlinearFitSummary s = fit(kBoxBOD, {100, 0.75}, true);
    CHECK(s.converged);
    // Certified: b1 = 2.1380940889E+02 ± 1.2354515176E+01, b2 = 5.4723748542E-01 ±
    // 1.0455993237E-01, RSS 1.1680088766E+03.
    CHECK(lre(s.parameters[0], 2.1380940889E+02) >= 6.0);
    CHECK(lre(s.parameters[1], 5.4723748542E-01) >= 6.0);
    CHECK(lre(2.0 * s.final_cost, 1.1680088766E+03) >= 6.0);
    CHECK_REL(s.std_errors[0], 1.2354515176E+01, 1e-5);
    CHECK_REL(s.std_errors[1], 1.0455993237E-01, 1e-5);
    CHECK_REL(s.residual_rms, std::sqrt(1.1680088766E+03 / 6.0), 1e-8);
}

TEST_CASE("fit_nonlinear reports the iteration limit instead of claiming convergence") {
    NonlinearFitOptions o;
    o.max_iterations = 1;
    const ResidualFunction f = [](const std::vector<double>& b, std::vector<double>& r) {
        kMisra1a.residuals(b, r);
    };
    const NonlinearFitSummary s = fit_nonlinear(f, kMisra1a.x.size(), {500, 1e-4}, o);
    CHECK_FALSE(s.converged);
    CHECK(s.reason.find("iteration limit") != std::string::npos);
    CHECK(s.final_cost < s.initial_cost);
}

TEST_CASE("fit_nonlinear names the bad option and refuses under-determined problems") {
    const ResidualFunction f = [](const std::vector<double>& b, std::vector<double>& r) {
        r[0] = b[0] - 1.0;
    };
    NonlinearFitOptions o;
    o.x_tolerance = 2.0;
    CHECK_THROWS_WITH_AS(fit_nonlinear(f, 1, {0.0}, o), doctest::Contains("x_tolerance"),
                         vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(fit_nonlinear(f, 1, {0.0, 1.0}), doctest::Contains("1 residuals for 2"),
                         vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(fit_nonlinear(f, 1, {}), doctest::Contains("no parameters"),
                         vitrum::InvalidArgument);
}

TEST_CASE("fit_nonlinear passes exceptions from the residual function through") {
    int calls = 0;
    const ResidualFunction f = [&calls](const std::vector<double>& b, std::vector<double>& r) {
        if (++calls > 2) throw std::runtime_error("model blew up");
        r[0] = b[0] - 1.0;
        r[1] = b[0] + 1.0;
    };
    CHECK_THROWS_WITH_AS(fit_nonlinear(f, 2, {5.0}), doctest::Contains("model blew up"),
                         std::runtime_error);
}

TEST_CASE("fit_nonlinear rejects steps into a region where the model is undefined") {
    // r = sqrt(b) − 2 is NaN for b < 0; a step there must be rejected, and the fit still ends
    // at b = 4.
    const ResidualFunction f = [](const std::vector<double>& b, std::vector<double>& r) {
        r[0] = std::sqrt(b[0]) - 2.0;
        r[1] = 0.5 * (std::sqrt(b[0]) - 2.0);
    };
    const NonlinearFitSummary s = fit_nonlinear(f, 2, {0.01});
    CHECK(s.converged);
    CHECK_REL(s.parameters[0], 4.0, 1e-9);
}

TEST_CASE("fit_nonlinear reports convergence when it starts at the exact optimum") {
    // GSL's driver returns GSL_EMAXITER when its first iteration finds no better point; at an
    // exact optimum that is convergence, not an iteration limit.
    ExponentialRise exact{{1, 2, 3, 4, 5}, {}};
    for (double x : exact.x) exact.y.push_back(10.0 * (1.0 - std::exp(-0.3 * x)));
    const NonlinearFitSummary s = fit(exact, {10.0, 0.3}, true);
    CHECK(s.converged);
    CHECK_REL(s.parameters[0], 10.0, 1e-12);
    CHECK_REL(s.parameters[1], 0.3, 1e-12);
}
