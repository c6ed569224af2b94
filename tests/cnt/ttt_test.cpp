// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/cnt/ttt.hpp>
#include <vitrum/core/error.hpp>

#include "check.hpp"

using namespace vitrum::cnt;

namespace {

constexpr double kPi = 3.14159265358979323846;

// Vit1 with the Masuhr/Busch VFT and γ = 0.08 J/m² (cnt.md §2.2).
CntModel vit1() {
    Thermodynamics t;
    t.melting_K = 937.0;
    t.enthalpy_of_fusion_J_per_mol = 8200.0;
    t.molar_volume_m3_per_mol = 9.84e-6;
    CntModel m;
    m.driving_force = DrivingForce(DrivingForceModel::thompson_spaepen, t);
    m.gamma = {InterfacialEnergyModel::fixed, 0.08, 0.0, 0.0, 0.0};
    m.mobility.model = MobilityModel::vft;
    m.mobility.eta0_Pa_s = 4e-5;
    m.mobility.vft_D = 18.5;
    m.mobility.vft_T0_K = 412.5;
    return m;
}

}  // namespace

TEST_CASE("the crystallization time follows t = [3x/(pi I U^3)]^(1/4)") {
    const auto p = evaluate(vit1(), 750.0);
    const double expected = std::pow(
        3.0 * 1e-6 / (kPi * p.nucleation_rate_per_m3_s * std::pow(p.growth_rate_m_per_s, 3)), 0.25);
    CHECK_REL(crystallization_time_s(p, 1e-6), expected, 1e-12);
    CHECK(std::isinf(crystallization_time_s(evaluate(vit1(), 950.0), 1e-6)));
}

TEST_CASE("the Vit1 TTT curve has a nose between T_g and T_m that no grid point undercuts") {
    TttOptions options;
    options.min_K = 600.0;
    options.max_K = 930.0;
    options.points = 331;
    options.liquidus_K = 993.0;
    const auto ttt = ttt_curve(vit1(), options);
    REQUIRE(ttt.has_nose);
    CHECK(ttt.nose_temperature_K > 625.0);
    CHECK(ttt.nose_temperature_K < 937.0);
    for (const auto& p : ttt.curve) REQUIRE(p.time_s >= ttt.nose_time_s * (1.0 - 1e-12));
    // The refined nose is a minimum of t(T): nearby temperatures take longer.
    const double t_left =
        crystallization_time_s(evaluate(vit1(), ttt.nose_temperature_K - 0.5), 1e-6);
    const double t_right =
        crystallization_time_s(evaluate(vit1(), ttt.nose_temperature_K + 0.5), 1e-6);
    CHECK(t_left > ttt.nose_time_s);
    CHECK(t_right > ttt.nose_time_s);
    CHECK_REL(ttt.critical_cooling_rate_K_per_s, (993.0 - ttt.nose_temperature_K) / ttt.nose_time_s,
              1e-12);
}

TEST_CASE("a TTT without kinetics or with bad options is refused by name") {
    CntModel m = vit1();
    m.mobility.model = MobilityModel::none;
    CHECK_THROWS_WITH_AS(ttt_curve(m), doctest::Contains("mobility"), vitrum::InvalidArgument);
    TttOptions bad;
    bad.detectable_fraction = 2.0;
    CHECK_THROWS_WITH_AS(ttt_curve(vit1(), bad), doctest::Contains("detectable_fraction"),
                         vitrum::InvalidArgument);
}
