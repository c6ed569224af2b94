// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/kinetics.hpp>

#include "check.hpp"

using vitrum::dsc::kGasConstant_J_per_mol_K;
using vitrum::dsc::kissinger;
using vitrum::dsc::ozawa_flynn_wall;
using vitrum::dsc::RatePoint;

namespace {

constexpr double kE = 350e3;   // J/mol, typical of Cu–Zr glasses (dsc.md §4.1: 310–361 kJ/mol)
constexpr double kLnA = 52.0;  // ln(1/s)

// Peak temperature that satisfies Kissinger's equation exactly at rate beta (Newton on
// f(T) = ln(β/T²) − ln(A·R/E) + E/(R·T)).
double kissinger_peak(double beta) {
    const double R = kGasConstant_J_per_mol_K;
    const double c = kLnA + std::log(R / kE);
    double T = 740.0;
    for (int i = 0; i < 100; ++i) {
        const double f = std::log(beta / (T * T)) - c + kE / (R * T);
        const double df = -2.0 / T - kE / (R * T * T);
        T -= f / df;
    }
    return T;
}

std::vector<RatePoint> synthetic_points() {
    std::vector<RatePoint> pts;
    for (double per_min : {5.0, 10.0, 20.0, 40.0}) {
        pts.push_back({per_min / 60.0, kissinger_peak(per_min / 60.0)});
    }
    return pts;
}

}  // namespace

TEST_CASE("kissinger recovers E and ln A from peak temperatures generated with E = 350 kJ/mol") {
    const auto r = kissinger(synthetic_points());
    // Exact model, so only round-off remains.
    CHECK_REL(r.activation_energy_J_per_mol, kE, 1e-6);
    CHECK_REL(r.ln_preexponential_per_s, kLnA, 1e-6);
    CHECK_REL(r.r_squared, 1.0, 1e-9);
    CHECK(r.activation_energy_stderr_J_per_mol < 1e-3 * kE);
    CHECK(r.x_inverse_K.size() == 4);
}

TEST_CASE("ozawa_flynn_wall gives E within Doyle's approximation of the Kissinger value") {
    const auto r = ozawa_flynn_wall(synthetic_points());
    // Doyle's linearisation is accurate to a few per cent for E/RT ≈ 57 (ASTM E698 then refines
    // iteratively, which vitrum does not do).
    CHECK_REL(r.activation_energy_J_per_mol, kE, 0.05);
    CHECK(r.r_squared > 0.999);
}

TEST_CASE("kissinger refuses fewer than three heating rates") {
    auto pts = synthetic_points();
    pts.resize(2);
    CHECK_THROWS_WITH_AS(kissinger(pts), doctest::Contains("at least 3 runs"),
                         vitrum::InvalidArgument);
    auto same = synthetic_points();
    same[1].heating_rate_K_per_s = same[0].heating_rate_K_per_s;
    same[2].heating_rate_K_per_s = same[0].heating_rate_K_per_s;
    CHECK_THROWS_WITH_AS(kissinger(same), doctest::Contains("3 different heating rates"),
                         vitrum::InvalidArgument);
}

TEST_CASE("kissinger refuses peaks that do not move up with the heating rate") {
    std::vector<RatePoint> pts{{0.1, 750.0}, {0.2, 740.0}, {0.4, 730.0}};
    CHECK_THROWS_WITH_AS(kissinger(pts), doctest::Contains("does not rise"), vitrum::AnalysisError);
    std::vector<RatePoint> bad{{0.1, 750.0}, {-0.2, 740.0}, {0.4, 730.0}};
    CHECK_THROWS_WITH_AS(ozawa_flynn_wall(bad), doctest::Contains("must be finite and > 0"),
                         vitrum::InvalidArgument);
}
