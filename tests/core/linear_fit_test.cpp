// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/core/linear_fit.hpp>

#include "check.hpp"

using namespace vitrum;

// NIST StRD "Norris" linear regression (certified values, 15 significant digits):
// https://www.itl.nist.gov/div898/strd/lls/data/Norris.shtml
TEST_CASE("fit_line reproduces the NIST StRD Norris certified values") {
    const std::vector<double> y = {0.1,   338.8, 118.1, 888.0, 9.2,   228.1, 668.5, 998.5, 449.1,
                                   778.9, 559.2, 0.3,   0.1,   778.1, 668.8, 339.3, 448.9, 10.8,
                                   557.7, 228.3, 998.0, 888.8, 119.6, 0.3,   0.6,   557.6, 339.3,
                                   888.0, 998.5, 778.9, 10.2,  117.6, 228.9, 668.4, 449.2, 0.2};
    const std::vector<double> x = {0.2,   337.4, 118.2, 884.6, 10.1,  226.5, 666.3, 996.3, 448.6,
                                   777.0, 558.2, 0.4,   0.6,   775.5, 666.9, 338.0, 447.5, 11.6,
                                   556.0, 228.1, 995.8, 887.6, 120.2, 0.3,   0.3,   556.8, 339.1,
                                   887.2, 999.0, 779.0, 11.1,  118.3, 229.2, 669.1, 448.9, 0.5};
    const LineFit f = fit_line(x, y);
    // LRE >= 9 on this easy problem: tolerance 1e-9 relative.
    CHECK_REL(f.intercept, -0.262323073774029, 1e-9);
    CHECK_REL(f.slope, 1.00211681802045, 1e-9);
    CHECK_REL(f.intercept_stderr, 0.232818234301152, 1e-9);
    CHECK_REL(f.slope_stderr, 0.429796848199937e-3, 1e-9);
    CHECK_REL(f.r_squared, 0.999993745883712, 1e-9);
}

TEST_CASE("fit_line keeps its digits with a large x offset and crosses lines exactly") {
    std::vector<double> x, y;
    for (int i = 0; i < 50; ++i) {
        x.push_back(1.0e6 + i * 0.1);
        y.push_back(3.0 - 2.0 * (x.back() - 1.0e6));
    }
    const LineFit f = fit_line(x, y);
    CHECK_REL(f.slope, -2.0, 1e-9);
    LineFit g;
    g.slope = 1.0;
    g.intercept = 0.0;
    LineFit h;
    h.slope = -1.0;
    h.intercept = 4.0;
    CHECK_REL(g.intersect(h), 2.0, 1e-15);
    CHECK(std::isnan(g.intersect(g)));
}

TEST_CASE("fit_polynomial recovers an exact cubic") {
    std::vector<double> x, y;
    for (int i = 0; i <= 20; ++i) {
        x.push_back(600.0 + i);
        y.push_back(1.0 + 0.5 * (x.back()) - 1e-3 * x.back() * x.back() +
                    1e-7 * std::pow(x.back(), 3));
    }
    const auto c = fit_polynomial(x, y, 3);
    for (double t : {600.0, 610.5, 620.0}) {
        const double exact = 1.0 + 0.5 * t - 1e-3 * t * t + 1e-7 * t * t * t;
        CHECK_REL(eval_polynomial(c, t), exact, 1e-9);
    }
}

TEST_CASE("fits refuse degenerate input with the reason") {
    CHECK_THROWS_WITH_AS(fit_line({1.0}, {2.0}), doctest::Contains("need at least 2"),
                         InvalidArgument);
    CHECK_THROWS_WITH_AS(fit_line({1.0, 1.0}, {2.0, 3.0}),
                         doctest::Contains("all x values are equal"), InvalidArgument);
    CHECK_THROWS_WITH_AS(fit_polynomial({1.0, 2.0}, {1.0, 2.0}, 2),
                         doctest::Contains("2 points cannot fix a degree-2 polynomial"),
                         InvalidArgument);
}
