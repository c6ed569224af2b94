// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/cnt/interfacial_energy.hpp>
#include <vitrum/core/error.hpp>

#include "check.hpp"

using namespace vitrum::cnt;

namespace {

Thermodynamics thermo(double tm, double h, double vm) {
    Thermodynamics t;
    t.melting_K = tm;
    t.enthalpy_of_fusion_J_per_mol = h;
    t.molar_volume_m3_per_mol = vm;
    return t;
}

}  // namespace

TEST_CASE("Turnbull's relation gives 0.188 J/m2 for Cu with alpha 0.45") {
    // cnt.md §4.3 item 4 [computed]: ΔH_f = 13.05 kJ/mol, V_m = 7.11e-6 m³/mol → 0.188 (3 s.f.).
    InterfacialEnergy g;
    g.model = InterfacialEnergyModel::turnbull;
    g.alpha = 0.45;
    CHECK_REL(g.at(1000.0, thermo(1358.0, 13050.0, 7.11e-6)), 0.188, 3e-3);
}

TEST_CASE(
    "Spaepen's gamma at T_m is 0.256 J/m2 for CuZr with alpha 0.86 and equals Turnbull's form") {
    // cnt.md §3 combo A [computed]: 0.256 J/m² (3 s.f.); identity Spaepen(T_m) = Turnbull(α) exact.
    const auto t = thermo(1208.0, 12000.0, 1.0432e-5);
    InterfacialEnergy spaepen{InterfacialEnergyModel::spaepen_at_melting, 0.0, 0.86, 0.0, 0.0};
    InterfacialEnergy turnbull{InterfacialEnergyModel::turnbull, 0.0, 0.86, 0.0, 0.0};
    CHECK_REL(spaepen.at(700.0, t), 0.256, 2e-3);
    CHECK_REL(spaepen.at(700.0, t), turnbull.at(700.0, t), 1e-12);
    // Evaluated at T it scales with T/T_m (cnt.md §1.4).
    InterfacialEnergy at_t{InterfacialEnergyModel::spaepen, 0.0, 0.86, 0.0, 0.0};
    CHECK_REL(at_t.at(700.0, t), spaepen.at(700.0, t) * 700.0 / 1208.0, 1e-12);
}

TEST_CASE("fixed and linear gamma return their parameters") {
    const auto t = thermo(1208.0, 12000.0, 1.0432e-5);
    CHECK_REL((InterfacialEnergy{InterfacialEnergyModel::fixed, 0.26, 0, 0, 0}.at(500.0, t)), 0.26,
              1e-15);
    CHECK_REL((InterfacialEnergy{InterfacialEnergyModel::linear, 0, 0, 0.05, 2e-4}.at(700.0, t)),
              0.19, 1e-12);
}

TEST_CASE("the --gamma spellings parse, with or without a unit") {
    CHECK_REL(parse_interfacial_energy("fixed:0.26").value_J_per_m2, 0.26, 1e-15);
    CHECK_REL(parse_interfacial_energy("fixed:260 mJ/m^2").value_J_per_m2, 0.26, 1e-12);
    CHECK(parse_interfacial_energy("spaepen:0.86").model ==
          InterfacialEnergyModel::spaepen_at_melting);
    CHECK(parse_interfacial_energy("spaepen-T:0.86").model == InterfacialEnergyModel::spaepen);
    const auto lin = parse_interfacial_energy("linear:0.05,2e-4");
    CHECK_REL(lin.intercept_J_per_m2, 0.05, 1e-15);
    CHECK_REL(lin.slope_J_per_m2_K, 2e-4, 1e-15);
}

TEST_CASE("bad --gamma values name the option and the allowed forms") {
    CHECK_THROWS_WITH_AS(parse_interfacial_energy("laird:1"),
                         doctest::Contains("interfacial_energy"), vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(parse_interfacial_energy("linear:0.1"),
                         doctest::Contains("linear needs A,B"), vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(parse_interfacial_energy("fixed:-0.1"), doctest::Contains("must be > 0"),
                         vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(parse_interfacial_energy("fixed:0.2 K"),
                         doctest::Contains("interfacial_energy"), vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(parse_interfacial_energy("0.26"), doctest::Contains("allowed"),
                         vitrum::InvalidArgument);
}
