// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/cnt/gibbs_thomson.hpp>
#include <vitrum/cnt/nucleation.hpp>
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

}  // namespace

TEST_CASE("combo C: Gibbs–Thomson gives 2.894 nm at 700 K and T_d = 697.5 K for 2.88 nm") {
    // cnt.md §3 combo C [computed], γ = 0.35 J/m²: 2.894 nm (4 s.f. → 2e-4), 697.5 K (±0.05 K).
    CHECK_REL(gibbs_thomson_diameter_m(700.0, 0.35, cuzr()), 2.894e-9, 2e-4);
    CHECK_ABS(gibbs_thomson_temperature_K(2.88e-9, 0.35, cuzr()), 697.5, 0.05);
}

TEST_CASE("Gibbs–Thomson and CNT with the linear driving force are the same relation") {
    // Exact algebraic identity (cnt.md §1.3): d_GT(T) = 4γ/ΔG_v(T) with Turnbull's ΔG → 1e-12.
    CntModel model;
    model.driving_force = DrivingForce(DrivingForceModel::turnbull, cuzr());
    model.gamma.model = InterfacialEnergyModel::fixed;
    model.gamma.value_J_per_m2 = 0.35;
    for (double t = 300.0; t < 1208.0; t += 37.0) {
        CAPTURE(t);
        const double d_cnt = evaluate(model, t).nucleus.diameter_m;
        CHECK_REL(gibbs_thomson_diameter_m(t, 0.35, cuzr()), d_cnt, 1e-12);
        CHECK_REL(gibbs_thomson_temperature_K(d_cnt, 0.35, cuzr()), t, 1e-12);
    }
}

TEST_CASE("Gibbs–Thomson refuses temperatures at or above T_inf and non-positive sizes") {
    CHECK_THROWS_WITH_AS(gibbs_thomson_diameter_m(1208.0, 0.35, cuzr()),
                         doctest::Contains("not below T_inf"), vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(gibbs_thomson_temperature_K(0.0, 0.35, cuzr()),
                         doctest::Contains("diameter"), vitrum::InvalidArgument);
}
