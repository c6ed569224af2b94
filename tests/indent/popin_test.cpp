// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <random>
#include <vitrum/core/error.hpp>
#include <vitrum/indent/popin.hpp>

#include "check.hpp"

using namespace vitrum;
using namespace vitrum::indent;

namespace {
// Load-controlled spherical indent: Hertz P = 4/3 E_r √R h^{3/2} up to P_pop, then a 12 nm
// burst at constant load, then plastic loading with the same dP/dt. 0.05 nm depth noise.
struct PopInCurve {
    std::vector<double> h, p;
    double er = 100e9, radius = 1e-6, p_pop = 0.5e-3, burst = 12e-9;
};
PopInCurve make_popin_curve() {
    PopInCurve c;
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0.0, 0.05e-9);
    const double k = 4.0 / 3.0 * c.er * std::sqrt(c.radius);
    const double dp = 1e-3 / 1000.0;
    double offset = 0.0;
    for (int i = 1; i <= 1000; ++i) {
        const double load = i * dp;
        double depth = std::pow(load / k, 2.0 / 3.0);
        if (load > c.p_pop) {
            if (offset == 0.0) offset = c.burst;
            depth = std::pow(load / k, 2.0 / 3.0) * 1.3 + offset -
                    std::pow(c.p_pop / k, 2.0 / 3.0) * 0.3;
        }
        c.h.push_back(depth + noise(rng));
        c.p.push_back(load);
    }
    return c;
}
}  // namespace

TEST_CASE("find_popins finds the one burst with its load and size") {
    const PopInCurve c = make_popin_curve();
    const auto events = find_popins(c.h, c.p, 0, c.h.size());
    REQUIRE(events.size() == 1);
    // The burst happens between the row at P = 0.5 mN (row 499) and the next.
    CHECK(events[0].row == 499);
    CHECK_REL(events[0].load_N, 0.5e-3, 1e-9);
    // Δh is the burst minus the trend; the trend step is < 0.1 nm, the noise 0.05 nm.
    CHECK_ABS(events[0].jump_m, 12e-9, 0.3e-9);
}

TEST_CASE("the Hertz fit before the pop-in recovers E_r and gives tau_max") {
    const PopInCurve c = make_popin_curve();
    const HertzFit f = fit_hertz(c.h, c.p, 0, 499, c.radius);
    CHECK(f.summary.converged);
    // 0.05 nm noise on depths of 2–20 nm: E_r to 1 %.
    CHECK_REL(f.reduced_modulus_Pa, 100e9, 1e-2);
    CHECK_ABS(f.depth_offset_m, 0.0, 0.2e-9);
    CHECK_REL(f.load_at_N(10e-9 + f.depth_offset_m),
              4.0 / 3.0 * f.reduced_modulus_Pa * 1e-3 * std::pow(10e-9, 1.5), 1e-12);
    // τ_max = 0.31 (6 P E_r²/(π³R²))^{1/3}; analytic at P = 0.5 mN, E_r = 100 GPa, R = 1 µm.
    const double tau = max_shear_stress_Pa(0.5e-3, 100e9, 1e-6);
    CHECK_REL(tau, 0.31 * std::cbrt(6 * 0.5e-3 * 1e22 / (std::pow(M_PI, 3) * 1e-12)), 1e-14);
    CHECK(tau > 1e9);  // ≈ 3.07 GPa
    CHECK(tau < 10e9);
    CHECK_THROWS_WITH_AS(fit_hertz(c.h, c.p, 0, 3, 1e-6), doctest::Contains("need 5"),
                         vitrum::AnalysisError);
    CHECK_THROWS_WITH_AS(fit_hertz(c.h, c.p, 0, 100, 0.0), doctest::Contains("radius"),
                         vitrum::InvalidArgument);
}

TEST_CASE("a smooth curve has no pop-ins and options are validated") {
    // Hertz loading with the same 0.05 nm noise as the pop-in curve, no burst.
    std::mt19937 rng(11);
    std::normal_distribution<double> noise(0.0, 0.05e-9);
    const double k = 4.0 / 3.0 * 100e9 * std::sqrt(1e-6);
    std::vector<double> h, p;
    for (int i = 1; i <= 1000; ++i) {
        p.push_back(i * 1e-6);
        h.push_back(std::pow(p.back() / k, 2.0 / 3.0) + noise(rng));
    }
    CHECK(find_popins(h, p, 0, h.size()).empty());
    PopInOptions o;
    o.threshold_mads = -1.0;
    CHECK_THROWS_WITH_AS(find_popins(h, p, 0, h.size(), o), doctest::Contains("threshold_mads"),
                         vitrum::InvalidArgument);
}
