// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/cnt/gibbs_thomson.hpp>
#include <vitrum/cnt/mro.hpp>
#include <vitrum/core/error.hpp>

#include "check.hpp"

using namespace vitrum::cnt;

namespace {

Thermodynamics cuzr() {
    Thermodynamics t;
    t.melting_K = 1208.0;
    t.enthalpy_of_fusion_J_per_mol = 12000.0;
    t.molar_volume_m3_per_mol = 1.0432e-5;
    return t;
}

CntModel model(DrivingForceModel dg, InterfacialEnergy gamma) {
    CntModel m;
    m.driving_force = DrivingForce(dg, cuzr());
    m.gamma = gamma;
    return m;
}

}  // namespace

TEST_CASE("with linear dG the MRO crossing is the Gibbs–Thomson temperature of that size") {
    // Combo C (γ = 0.35 J/m²): d* = 2.88 nm at T_d = 697.5 K (cnt.md §3); the root solver and the
    // closed-form inverse must agree to the solver tolerance (1e-10 relative) → 1e-9.
    const auto m =
        model(DrivingForceModel::turnbull, {InterfacialEnergyModel::fixed, 0.35, 0.0, 0.0, 0.0});
    const auto cmp = compare_with_mro(m, 2.88e-9, 300.0, 1208.0);
    REQUIRE(cmp.crossing_K.size() == 1);
    CHECK_REL(cmp.crossing_K[0], gibbs_thomson_temperature_K(2.88e-9, 0.35, cuzr()), 1e-9);
    CHECK_ABS(cmp.crossing_K[0], 697.5, 0.05);
}

TEST_CASE("combo A's critical nucleus stays above 1.6 nm MRO domains everywhere below T_m") {
    // Thompson–Spaepen d*(T) has a minimum (≈2.6 nm near 560 K for combo A); 1.6 nm never crosses.
    const auto m = model(DrivingForceModel::thompson_spaepen,
                         {InterfacialEnergyModel::spaepen_at_melting, 0.0, 0.86, 0.0, 0.0});
    const auto cmp = compare_with_mro(m, 1.6e-9, 300.0, 1300.0);
    CHECK(cmp.crossing_K.empty());
    CHECK(cmp.min_critical_diameter_m > 2.5e-9);
    CHECK(cmp.min_critical_diameter_at_K > 400.0);
    CHECK(cmp.min_critical_diameter_at_K < 700.0);
    CHECK_REL(mro_ratio(evaluate(m, 700.0), 1.6e-9), 1.6 / 2.8846, 1e-4);
}

TEST_CASE("under Hoffman's dG a size just above the minimum d* is crossed twice") {
    // Combo B: d* is nearly flat around 600-700 K at ≈2.8 nm (cnt.md §3); 2.9 nm gives two roots.
    const auto m =
        model(DrivingForceModel::hoffman, {InterfacialEnergyModel::fixed, 0.20, 0.0, 0.0, 0.0});
    const auto cmp = compare_with_mro(m, 2.9e-9, 300.0, 1200.0);
    REQUIRE(cmp.crossing_K.size() == 2);
    for (double t : cmp.crossing_K) CHECK_REL(evaluate(m, t).nucleus.diameter_m, 2.9e-9, 1e-8);
    CHECK(cmp.crossing_K[0] < cmp.min_critical_diameter_at_K);
    CHECK(cmp.crossing_K[1] > cmp.min_critical_diameter_at_K);
}

TEST_CASE("MRO comparison refuses a non-positive size or an empty range") {
    const auto m =
        model(DrivingForceModel::turnbull, {InterfacialEnergyModel::fixed, 0.35, 0.0, 0.0, 0.0});
    CHECK_THROWS_WITH_AS(compare_with_mro(m, 0.0, 300.0, 1000.0), doctest::Contains("--mro"),
                         vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(compare_with_mro(m, 1e-9, 1300.0, 1400.0), doctest::Contains("below T_m"),
                         vitrum::InvalidArgument);
    CHECK_ABS(mro_ratio(evaluate(m, 1300.0), 1e-9), 0.0, 0.0);
}
