// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vector>
#include <vitrum/cnt/nucleation.hpp>
#include <vitrum/core/error.hpp>

#include "check.hpp"

using namespace vitrum::cnt;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kElectronVolt_J = 1.602176634e-19;

Thermodynamics cuzr() {
    Thermodynamics t;
    t.melting_K = 1208.0;
    t.enthalpy_of_fusion_J_per_mol = 12000.0;
    t.molar_volume_m3_per_mol = 1.0432e-5;
    return t;
}

// The three reconstructions of the seed paper's 2.88 nm (cnt.md §3).
CntModel combo(char which) {
    CntModel m;
    switch (which) {
        case 'A':
            m.driving_force = DrivingForce(DrivingForceModel::thompson_spaepen, cuzr());
            m.gamma = {InterfacialEnergyModel::spaepen_at_melting, 0.0, 0.86, 0.0, 0.0};
            break;
        case 'B':
            m.driving_force = DrivingForce(DrivingForceModel::hoffman, cuzr());
            m.gamma = {InterfacialEnergyModel::fixed, 0.20, 0.0, 0.0, 0.0};
            break;
        default:
            m.driving_force = DrivingForce(DrivingForceModel::turnbull, cuzr());
            m.gamma = {InterfacialEnergyModel::fixed, 0.35, 0.0, 0.0, 0.0};
    }
    return m;
}

}  // namespace

TEST_CASE("r* = 2 gamma / dG_v gives 4.0e-5 m and the barrier 1.3404e-9 J for the kawin case") {
    // kawin tests/test_nucleation.py (γ = 0.2 J/m², ΔG_v = 1e4 J/m³): r* = 4e-5 m, exact → 1e-12;
    // ΔG* = 16πγ³/(3ΔG_v²) = 1.3404e-9 J per cnt.md §4.3 item 3 (5 s.f. → 5e-5).
    const auto n = critical_nucleus(0.2, 1e4, 1e-29);
    CHECK_REL(n.radius_m, 4.0e-5, 1e-12);
    CHECK_REL(n.diameter_m, 8.0e-5, 1e-12);
    CHECK_REL(n.barrier_J, 1.3404e-9, 5e-5);
    CHECK_REL(n.barrier_J, 4.0 * kPi / 3.0 * 0.2 * n.radius_m * n.radius_m, 1e-12);
}

TEST_CASE("Callister's gold example: r* = 1.323 nm, barrier 9.68e-19 J, 551 atoms") {
    // Callister Example Problem 10.1 as recomputed in cnt.md §4.3 item 1: γ = 0.132 J/m²,
    // ΔH_v = 1.16e9 J/m³, T_m = 1337 K, ΔT = 230 K, a = 0.413 nm (fcc, 4 atoms per cell).
    // Published to 4 s.f. (r*, rel 4e-4) and 3 s.f. (ΔG*, rel 6e-4); atoms ±0.5.
    const double omega = 0.413e-9 * 0.413e-9 * 0.413e-9 / 4.0;
    const double dgv = 1.16e9 * 230.0 / 1337.0;
    const auto n = critical_nucleus(0.132, dgv, omega);
    CHECK_REL(n.radius_m, 1.323e-9, 4e-4);
    CHECK_REL(n.barrier_J, 9.68e-19, 6e-4);
    CHECK_ABS(n.atoms, 551.0, 0.5);
}

TEST_CASE("combo A reproduces 2.885 nm, 725 atoms, 231 kT and Z = 6.821e-3 at 700 K") {
    // cnt.md §3 and §4.3 item 7 [computed]: d* 4 s.f. → 2e-4; n*, ΔG*/kT to ±0.5; ΔG* 13.9 eV (3
    // s.f.); Z 4 s.f. → 2e-4.
    const auto p = evaluate(combo('A'), 700.0);
    REQUIRE(p.state == NucleationState::nucleating);
    CHECK_REL(p.nucleus.diameter_m, 2.885e-9, 2e-4);
    CHECK_REL(p.nucleus.radius_m, 1.442e-9, 3e-4);
    CHECK_ABS(p.nucleus.atoms, 725.0, 0.5);
    CHECK_ABS(p.barrier_over_kT, 231.0, 0.5);
    CHECK_REL(p.nucleus.barrier_J / kElectronVolt_J, 13.9, 4e-3);
    CHECK_REL(p.zeldovich, 6.821e-3, 2e-4);
}

TEST_CASE("combos B and C reproduce 2.854 nm and 2.894 nm at 700 K") {
    // cnt.md §3 [computed]: B 2.854 nm, 703 atoms, 177 kT; C 2.894 nm, 318 kT.
    const auto b = evaluate(combo('B'), 700.0);
    CHECK_REL(b.nucleus.diameter_m, 2.854e-9, 2e-4);
    CHECK_ABS(b.nucleus.atoms, 703.0, 0.5);
    CHECK_ABS(b.barrier_over_kT, 177.0, 0.5);
    const auto c = evaluate(combo('C'), 700.0);
    CHECK_REL(c.nucleus.diameter_m, 2.894e-9, 2e-4);
    CHECK_ABS(c.barrier_over_kT, 318.0, 0.5);
}

TEST_CASE("combo A's critical diameter grows as undercooling shrinks, as the paper states") {
    // cnt.md §3 [computed]: 2.66, 2.89, 3.31, 4.09, 5.71 nm at 600…1000 K (3 s.f. → 2e-3).
    const double expected_nm[] = {2.66, 2.89, 3.31, 4.09, 5.71};
    for (int i = 0; i < 5; ++i) {
        const double t = 600.0 + 100.0 * i;
        CAPTURE(t);
        CHECK_REL(evaluate(combo('A'), t).nucleus.diameter_m * 1e9, expected_nm[i], 2e-3);
    }
}

TEST_CASE("a sweep gives exactly what evaluate gives, for every interfacial-energy model") {
    // sweep() computes a temperature-independent γ once; the points must not differ by a bit.
    const InterfacialEnergy models[] = {
        {InterfacialEnergyModel::fixed, 0.20, 0.0, 0.0, 0.0},
        {InterfacialEnergyModel::turnbull, 0.0, 0.45, 0.0, 0.0},
        {InterfacialEnergyModel::spaepen_at_melting, 0.0, 0.86, 0.0, 0.0},
        {InterfacialEnergyModel::spaepen, 0.0, 0.86, 0.0, 0.0},
        {InterfacialEnergyModel::linear, 0.0, 0.0, 0.1, 1e-4},
    };
    const std::vector<double> grid = temperature_grid(500.0, 1300.0, 50.0);
    for (const InterfacialEnergy& gamma : models) {
        CntModel model = combo('A');
        model.gamma = gamma;
        model.mobility.model = MobilityModel::vft;
        model.mobility.eta0_Pa_s = 4e-5;
        model.mobility.vft_D = 13.6;
        model.mobility.vft_T0_K = 492.58;
        CAPTURE(to_string(gamma.model));
        const std::vector<CntPoint> points = sweep(model, grid);
        REQUIRE(points.size() == grid.size());
        for (std::size_t i = 0; i < grid.size(); ++i) {
            const CntPoint single = evaluate(model, grid[i]);
            CHECK(points[i].gamma_J_per_m2 == single.gamma_J_per_m2);
            CHECK(points[i].nucleus.diameter_m == single.nucleus.diameter_m);
            CHECK((points[i].nucleation_rate_per_m3_s == single.nucleation_rate_per_m3_s ||
                   (std::isnan(points[i].nucleation_rate_per_m3_s) &&
                    std::isnan(single.nucleation_rate_per_m3_s))));
        }
        // γ of the temperature-dependent models changes along the sweep; the others do not.
        const bool varies = points.front().gamma_J_per_m2 != points[5].gamma_J_per_m2;
        CHECK(varies == (gamma.model == InterfacialEnergyModel::spaepen ||
                         gamma.model == InterfacialEnergyModel::linear));
    }
}

TEST_CASE("the two Zeldovich forms agree at every temperature") {
    // Algebraic identity for a sphere (cnt.md §1.5) → 1e-12.
    for (double t = 400.0; t < 1200.0; t += 50.0) {
        const auto p = evaluate(combo('B'), t);
        CHECK_REL(p.zeldovich_volumetric, p.zeldovich, 1e-12);
    }
}

TEST_CASE("above T_m the state is 'no nucleation' with zero rate, never NaN") {
    CntModel m = combo('C');
    m.mobility.model = MobilityModel::vft;
    m.mobility.eta0_Pa_s = 4e-5;
    m.mobility.vft_D = 13.6;
    m.mobility.vft_T0_K = 492.58;
    for (double t : {1208.0, 1250.0}) {
        const auto p = evaluate(m, t);
        CHECK(p.state == NucleationState::no_driving_force);
        CHECK_ABS(p.nucleation_rate_per_m3_s, 0.0, 0.0);
        CHECK_ABS(p.growth_rate_m_per_s, 0.0, 0.0);
        CHECK_ABS(p.nucleus.diameter_m, 0.0, 0.0);
        CHECK_FALSE(std::isnan(p.barrier_over_kT));
    }
    CHECK(std::string(to_string(NucleationState::no_driving_force)).find("no nucleation") !=
          std::string::npos);
}

TEST_CASE(
    "the viscosity-based rate has the Uhlmann prefactor N_v kT/(3 pi lambda^3 eta) times 24 Z "
    "n*^(2/3)") {
    // cnt.md §1.5 [computed]: N_v kT/(3πλ³) = 2.7e36 Pa m^-3 s^-1 for CuZr at 700 K, λ = 2.8 Å (2
    // s.f.).
    CntModel m = combo('A');
    m.mobility.model = MobilityModel::vft;
    m.mobility.eta0_Pa_s = 4e-5;
    m.mobility.vft_D = 13.6;
    m.mobility.vft_T0_K = 492.58;
    const auto p = evaluate(m, 700.0);
    const double n_v = kAvogadro_per_mol / 1.0432e-5;
    const double uhlmann = n_v * kBoltzmann_J_per_K * 700.0 / (3.0 * kPi * std::pow(2.8e-10, 3));
    CHECK_REL(uhlmann, 2.7e36, 2e-2);
    const double expected = uhlmann / p.viscosity_Pa_s * 24.0 * p.zeldovich *
                            std::cbrt(p.nucleus.atoms * p.nucleus.atoms) *
                            std::exp(-p.barrier_over_kT);
    CHECK_REL(p.nucleation_rate_per_m3_s, expected, 1e-10);
    // U = (D/λ)(1 − exp(−ΔG_m/RT)) (Turnbull growth).
    const double u = p.diffusivity_m2_per_s / 2.8e-10 *
                     (1.0 - std::exp(-p.driving_force_J_per_mol / (kGas_J_per_mol_K * 700.0)));
    CHECK_REL(p.growth_rate_m_per_s, u, 1e-12);
}

TEST_CASE("without a mobility model the kinetic fields are NaN but the sizes are computed") {
    const auto p = evaluate(combo('A'), 700.0);
    CHECK(std::isnan(p.nucleation_rate_per_m3_s));
    CHECK(p.nucleus.diameter_m > 0.0);
}

TEST_CASE("temperature grids include both ends and refuse bad ranges by option name") {
    const auto grid = temperature_grid(600.0, 1200.0, 5.0);
    REQUIRE(grid.size() == 121);
    CHECK_REL(grid.back(), 1200.0, 1e-15);
    CHECK(temperature_grid(600.0, 601.0, 5.0).size() == 1);
    CHECK_THROWS_WITH_AS(temperature_grid(600.0, 500.0, 5.0), doctest::Contains("--T"),
                         vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(temperature_grid(600.0, 700.0, 0.0), doctest::Contains("STEP > 0"),
                         vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(critical_nucleus(0.2, -1.0, 1e-29), doctest::Contains("below T_m"),
                         vitrum::InvalidArgument);
}
