// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <boost/math/tools/minima.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vitrum/cnt/driving_force.hpp>
#include <vitrum/core/error.hpp>

#include "check.hpp"

using namespace vitrum::cnt;

namespace {

// Cu50Zr50 inputs of cnt.md §3: T_m = 1208 K, ΔH_f = 12 kJ/mol, V_m = 1.0432e-5 m³/mol.
Thermodynamics cuzr(double dcp = 0.0) {
    Thermodynamics t;
    t.melting_K = 1208.0;
    t.enthalpy_of_fusion_J_per_mol = 12000.0;
    t.molar_volume_m3_per_mol = 1.0432e-5;
    t.heat_capacity_difference_J_per_mol_K = dcp;
    return t;
}

std::string write_temp(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("vitrum_cnt_" + name);
    std::ofstream(path) << text;
    return path.string();
}

}  // namespace

TEST_CASE("the three approximations give the published ΔG/ΔH_f ratios for CuZr at 700 K") {
    // cnt.md §1.2 [computed]: 0.4205 (linear), 0.3086 (Thompson–Spaepen), 0.2437 (Hoffman);
    // 4 significant figures → rel 2e-4.
    const auto t = cuzr();
    CHECK_REL(DrivingForce(DrivingForceModel::turnbull, t).molar_J_per_mol(700.0) / 12000.0, 0.4205,
              2e-4);
    CHECK_REL(DrivingForce(DrivingForceModel::thompson_spaepen, t).molar_J_per_mol(700.0) / 12000.0,
              0.3086, 2e-4);
    CHECK_REL(DrivingForce(DrivingForceModel::hoffman, t).molar_J_per_mol(700.0) / 12000.0, 0.2437,
              2e-4);
}

TEST_CASE("combo A's Thompson–Spaepen driving force is 3703 J/mol and 3.549e8 J/m3 at 700 K") {
    // cnt.md §3, combo A [computed], 4 significant figures.
    const DrivingForce dg(DrivingForceModel::thompson_spaepen, cuzr());
    CHECK_REL(dg.molar_J_per_mol(700.0), 3703.0, 2e-4);
    CHECK_REL(dg.volumetric_J_per_m3(700.0), 3.549e8, 2e-4);
}

TEST_CASE("constant Δc_p driving force matches the published 3382 and 3786 J/mol at 700 K") {
    // cnt.md §3 [computed]: Δc_p = 13.2 → 3382 J/mol, Δc_p = 10 → 3786 J/mol (4 s.f.).
    CHECK_REL(DrivingForce(DrivingForceModel::constant_dcp, cuzr(13.2)).molar_J_per_mol(700.0),
              3382.0, 3e-4);
    CHECK_REL(DrivingForce(DrivingForceModel::constant_dcp, cuzr(10.0)).molar_J_per_mol(700.0),
              3786.0, 3e-4);
}

TEST_CASE("every analytic driving force is zero at T_m and grows as T falls to T_m/2") {
    for (auto model : {DrivingForceModel::turnbull, DrivingForceModel::thompson_spaepen,
                       DrivingForceModel::hoffman, DrivingForceModel::constant_dcp}) {
        CAPTURE(to_string(model));
        const DrivingForce dg(model, cuzr(13.2));
        CHECK_ABS(dg.molar_J_per_mol(1208.0), 0.0, 1e-9);
        CHECK(dg.molar_J_per_mol(1300.0) < 0.0);
        double previous = 0.0;
        for (double t = 1207.0; t >= 604.0; t -= 1.0) {
            const double g = dg.molar_J_per_mol(t);
            REQUIRE(g > previous);
            previous = g;
        }
    }
}

TEST_CASE("Hoffman's driving force has its maximum at T_m/2") {
    // Analytic: d/dT [ΔT·T] = T_m − 2T = 0 → T = T_m/2 = 604 K; Brent converges to ~1e-8 relative.
    const DrivingForce dg(DrivingForceModel::hoffman, cuzr());
    const auto [t_max, neg_g] = boost::math::tools::brent_find_minima(
        [&](double t) { return -dg.molar_J_per_mol(t); }, 300.0, 1200.0, 50);
    CHECK_REL(t_max, 604.0, 1e-6);
    CHECK_REL(-neg_g, 12000.0 / 4.0, 1e-12);  // ΔH_f·(T_m/2)²/T_m² = ΔH_f/4
}

TEST_CASE("a Δc_p curve integrated into a table reproduces the constant-Δc_p formula") {
    // Trapezoid rule on a 0.5 K grid: error O(h²) ≈ 1e-8 relative; allow 1e-6.
    const auto thermo = cuzr(13.2);
    std::vector<double> t, dcp;
    for (double x = 500.0; x <= 1208.0; x += 0.5) {
        t.push_back(x);
        dcp.push_back(13.2);
    }
    const auto table = DrivingForceTable::from_heat_capacity(thermo, t, dcp);
    const DrivingForce analytic(DrivingForceModel::constant_dcp, thermo);
    const DrivingForce tabulated(table, thermo);
    for (double x : {500.0, 650.25, 700.0, 1000.0}) {
        CHECK_REL(tabulated.molar_J_per_mol(x), analytic.molar_J_per_mol(x), 1e-6);
    }
    CHECK_ABS(tabulated.molar_J_per_mol(1208.0), 0.0, 1e-9);
}

TEST_CASE("a driving-force table file with units in its header is read and interpolated in SI") {
    const auto path =
        write_temp("dg_ok.csv", "# CALPHAD export\nT [K], dG [kJ/mol]\n600, 5\n800, 3\n1208, 0\n");
    const auto table = DrivingForceTable::from_file(path);
    REQUIRE(table.temperature_K().size() == 3);
    CHECK_REL(table.at(700.0), 4000.0, 1e-12);  // midway between 5 and 3 kJ/mol
    CHECK_REL(table.at(600.0), 5000.0, 1e-12);
    CHECK_THROWS_WITH_AS(table.at(500.0), doctest::Contains("outside the driving-force table"),
                         vitrum::InvalidArgument);
    const auto celsius = DrivingForceTable::from_file(
        write_temp("dg_c.txt", "T (°C) dG (J/mol)\n326.85 5000\n526.85 3000\n"));
    CHECK_REL(celsius.temperature_K().front(), 600.0, 1e-12);
}

TEST_CASE("malformed driving-force tables are refused with file, line and what was expected") {
    CHECK_THROWS_WITH_AS(
        DrivingForceTable::from_file(write_temp("dg_bad.txt", "600 5000\n700 oops\n")),
        doctest::Contains("dg_bad.txt:2"), vitrum::ParseError);
    CHECK_THROWS_WITH_AS(
        DrivingForceTable::from_file(write_temp("dg_nounit.txt", "T dG\n600 5000\n700 4000\n")),
        doctest::Contains("a unit on both columns"), vitrum::ParseError);
    CHECK_THROWS_WITH_AS(
        DrivingForceTable::from_file(write_temp("dg_dim.txt", "T [K], dG [J/g]\n600 5\n700 4\n")),
        doctest::Contains("energy per mole"), vitrum::UnitError);
    CHECK_THROWS_WITH_AS(DrivingForceTable::from_file(write_temp("dg_order.txt", "700 5\n600 4\n")),
                         doctest::Contains("increase"), vitrum::InvalidArgument);
    CHECK_THROWS_AS(DrivingForceTable::from_file("/nonexistent/dg.txt"), vitrum::IoError);
}

TEST_CASE("model names parse, and an unknown one names the option and the choices") {
    CHECK(parse_driving_force_model("linear") == DrivingForceModel::turnbull);
    CHECK(parse_driving_force_model("thompson-spaepen") == DrivingForceModel::thompson_spaepen);
    CHECK(parse_driving_force_model("dcp") == DrivingForceModel::constant_dcp);
    CHECK_THROWS_WITH_AS(parse_driving_force_model("singh"), doctest::Contains("--dg"),
                         vitrum::InvalidArgument);
    Thermodynamics bad = cuzr();
    bad.molar_volume_m3_per_mol = 0.0;
    CHECK_THROWS_WITH_AS(DrivingForce(DrivingForceModel::turnbull, bad),
                         doctest::Contains("molar_volume"), vitrum::InvalidArgument);
}
