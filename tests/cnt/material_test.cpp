// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vitrum/cnt/material.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/json_schema.hpp>

#include "check.hpp"

using namespace vitrum::cnt;
namespace fs = std::filesystem;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A copy of the shipped Cu50Zr50 file with one regex replacement applied, in a temp file.
std::string variant(const std::string& name, const std::string& pattern,
                    const std::string& replacement) {
    const std::string text = read_text(vitrum::test::share("materials/cu50zr50.json"));
    const std::string changed = std::regex_replace(text, std::regex(pattern), replacement,
                                                   std::regex_constants::format_first_only);
    REQUIRE(changed != text);
    // Per-process name: ctest runs cases (and other build trees) in parallel processes.
    const auto path = fs::temp_directory_path() /
                      ("vitrum_cnt_material_" + name + "_" + std::to_string(::getpid()) + ".json");
    std::ofstream(path) << changed;
    return path.string();
}

}  // namespace

TEST_CASE("every shipped material file follows the schema and loads") {
    const auto schema =
        nlohmann::json::parse(read_text(vitrum::test::share("schemas/material.schema.json")));
    int files = 0;
    for (const auto& entry : fs::directory_iterator(vitrum::test::share("materials"))) {
        if (entry.path().extension() != ".json") continue;
        CAPTURE(entry.path().string());
        const auto doc = nlohmann::json::parse(read_text(entry.path().string()));
        const auto problems = vitrum::validate_json_schema(doc, schema);
        CHECK(problems.empty());
        const auto m = load_material(entry.path().string());
        CHECK(m.id == entry.path().stem().string());
        for (const auto& set : m.sets) {
            CAPTURE(set.name);
            for (const auto& parameter : set.parameters) {
                CAPTURE(parameter.first);
                const auto& p = parameter.second;
                CHECK_FALSE(p.source.empty());
                CHECK_FALSE(p.status.empty());
            }
        }
        ++files;
    }
    CHECK(files >= 7);  // cu50zr50, cu64zr36, vit1, au, cu, ni, fe
}

TEST_CASE("values with units are converted to SI and keep their source and status") {
    const auto m = load_material(vitrum::test::share("materials/cu50zr50.json"));
    const auto& set = m.set("combo-a");
    CHECK_REL(set.value("enthalpy_of_fusion"), 12000.0, 1e-15);  // "12 kJ/mol"
    CHECK_REL(set.value("jump_distance"), 2.8e-10, 1e-15);       // "2.8 Å"
    CHECK_REL(set.value("mro_diameter"), 1.6e-9, 1e-15);         // "1.6 nm"
    CHECK_REL(set.value("molar_mass"), 0.077385, 1e-15);         // "77.385 g/mol"
    CHECK(set.parameters.at("enthalpy_of_fusion").status == "unverified");
    CHECK(set.parameters.at("enthalpy_of_fusion").text == "12 kJ/mol");
    CHECK(m.set("").name == "combo-a");  // default set
}

TEST_CASE("the three shipped reconstructions give 2.85-2.89 nm for Cu50Zr50 at 700 K") {
    // cnt.md §3 [computed]: combo A 2.885, B 2.854, C 2.894 nm (4 s.f. → 2e-4).
    const std::pair<const char*, double> expected[] = {{"cu50zr50:combo-a", 2.885e-9},
                                                       {"cu50zr50:combo-b", 2.854e-9},
                                                       {"cu50zr50:combo-c", 2.894e-9}};
    for (const auto& entry : expected) {
        const auto& spec = entry.first;
        const auto& d = entry.second;
        CAPTURE(spec);
        const auto choice = find_material(spec);
        CHECK_REL(evaluate(build_model(choice.material, choice.set), 700.0).nucleus.diameter_m, d,
                  2e-4);
    }
    // Other shipped sets, cnt.md §3: Turnbull α = 0.45 → 1.11 nm; Δc_p = 13.2, γ = 0.25 → 3.08 nm.
    const auto t045 = find_material("cu50zr50:turnbull-045");
    CHECK_REL(evaluate(build_model(t045.material, t045.set), 700.0).nucleus.diameter_m, 1.11e-9,
              5e-3);
    const auto dcp = find_material("cu50zr50:dcp");
    CHECK_REL(evaluate(build_model(dcp.material, dcp.set), 700.0).nucleus.diameter_m, 3.08e-9,
              2e-3);
}

TEST_CASE("the textbook sets reproduce Callister's critical radii and barriers") {
    // cnt.md §4.3 items 1-2: r* to 4 s.f. (rel 4e-4), ΔG* to 3 s.f. (rel 6e-3
    // for 1.27e-18, 1.57e-18).
    struct Case {
        const char* id;
        double undercooling_K, r_m, barrier_J, barrier_rel;
    };
    const Case cases[] = {{"au", 230.0, 1.323e-9, 9.68e-19, 6e-4},
                          {"cu", 236.0, 1.151e-9, 9.82e-19, 6e-4},
                          {"ni", 319.0, 1.092e-9, 1.27e-18, 4e-3},
                          {"fe", 295.0, 1.354e-9, 1.57e-18, 4e-3}};
    for (const auto& c : cases) {
        CAPTURE(c.id);
        const auto choice = find_material(c.id);
        const auto model = build_model(choice.material, choice.set);
        const auto p = evaluate(model, model.thermodynamics().melting_K - c.undercooling_K);
        CHECK_REL(p.nucleus.radius_m, c.r_m, 4e-4);
        CHECK_REL(p.nucleus.barrier_J, c.barrier_J, c.barrier_rel);
    }
    // Atoms in the nucleus: 551 for Au (a = 0.413 nm), 543 for Cu (a = 0.361 nm), ±0.5 + V_m
    // rounding.
    const auto au = find_material("au");
    CHECK_ABS(evaluate(build_model(au.material, au.set), 1107.0).nucleus.atoms, 551.0, 1.0);
    const auto cu = find_material("cu");
    CHECK_ABS(evaluate(build_model(cu.material, cu.set), 1122.0).nucleus.atoms, 543.0, 1.0);
}

TEST_CASE("a value without its unit is an error naming the key and the file") {
    const auto path = variant("nounit", R"("1208 K")", R"("1208")");
    CHECK_THROWS_WITH_AS(load_material(path), doctest::Contains("melting_temperature"),
                         vitrum::UnitError);
    CHECK_THROWS_WITH_AS(load_material(path), doctest::Contains(path.c_str()), vitrum::UnitError);
    const auto number = variant("number", R"("12 kJ/mol")", "12000");
    CHECK_THROWS_WITH_AS(load_material(number), doctest::Contains("enthalpy_of_fusion"),
                         vitrum::UnitError);
}

TEST_CASE("a value in the wrong dimension is an error naming the key and the file") {
    const auto path = variant("dimension", R"("1.0432e-5 m\^3/mol")", R"("1.0432e-5 m^3/kg")");
    CHECK_THROWS_WITH_AS(load_material(path), doctest::Contains("molar_volume"), vitrum::UnitError);
    CHECK_THROWS_WITH_AS(load_material(path), doctest::Contains("vitrum_cnt_material_dimension"),
                         vitrum::UnitError);
}

TEST_CASE("a missing or unknown key is an error naming the key and the file") {
    const auto missing = variant("missing", R"("molar_volume")", R"("molar_mass_typo")");
    CHECK_THROWS_WITH_AS(load_material(missing), doctest::Contains("molar_mass_typo"),
                         vitrum::FormatError);
    CHECK_THROWS_WITH_AS(load_material(missing), doctest::Contains("vitrum_cnt_material_missing"),
                         vitrum::FormatError);
    const auto no_gamma = variant("nogamma", R"("interfacial_energy": \{"value": "0.20 J/m\^2")",
                                  R"x("interfacial_energy_slope": {"value": "0.20 J/(m^2 K)")x");
    CHECK_THROWS_WITH_AS(load_material(no_gamma),
                         doctest::Contains("missing parameter 'interfacial_energy'"),
                         vitrum::FormatError);
    const auto broken = variant("json", R"("id": "cu50zr50",)", R"("id": "cu50zr50")");
    CHECK_THROWS_WITH_AS(load_material(broken), doctest::Contains((broken + ":3").c_str()),
                         vitrum::ParseError);
}

TEST_CASE("find_material names the sets and the directories it searched") {
    CHECK_THROWS_WITH_AS(find_material("cu50zr50:combo-x"), doctest::Contains("combo-a"),
                         vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(find_material("unobtainium"), doctest::Contains("materials"),
                         vitrum::IoError);
    CHECK(find_material("CU50ZR50:combo-b").set.name == "combo-b");
}

TEST_CASE("VITRUM_DATA_DIR is searched first") {
    const auto root = fs::temp_directory_path() / "vitrum_cnt_datadir";
    fs::create_directories(root / "materials");
    fs::copy_file(vitrum::test::share("materials/au.json"), root / "materials" / "myau.json",
                  fs::copy_options::overwrite_existing);
    setenv("VITRUM_DATA_DIR", root.string().c_str(), 1);
    const auto search = material_search_path();
    const auto choice = find_material("myau");
    unsetenv("VITRUM_DATA_DIR");
    REQUIRE_FALSE(search.empty());
    CHECK(search.front() == (root / "materials").string());
    CHECK(choice.material.file == (root / "materials" / "myau.json").string());
}

TEST_CASE("Cu50Zr50 carries the seed paper's measured Tg and Tx with their heating rates") {
    const Material m = load_material(vitrum::test::share("materials/cu50zr50.json"));
    REQUIRE(m.measurements.size() == 4);
    double lo = 1e9, hi = 0.0;
    for (const auto& x : m.measurements) {
        CHECK(!x.source.empty());
        // Seed paper Fig. 1: every scan at 10 K/min (exact unit conversion, 1e-12).
        CHECK_REL(x.heating_rate_K_per_s, 10.0 / 60.0, 1e-12);
        if (x.quantity != "crystallisation_onset") continue;
        lo = std::min(lo, x.temperature_K);
        hi = std::max(hi, x.temperature_K);
    }
    // Fig. 1(c): Tx = 710-737 K (737 K stated in the text); whole kelvins, exact.
    CHECK_ABS(lo, 710.0, 1e-9);
    CHECK_ABS(hi, 737.0, 1e-9);
    CHECK(m.set("kinetics-fig1").parameters.at("interfacial_energy").status == "computed");
}

TEST_CASE("a measurement with a temperature in the wrong unit names its index and the file") {
    const auto path = variant("badmeasure", R"("value": "654 K")", R"("value": "654 K/min")");
    CHECK_THROWS_WITH_AS(load_material(path), doctest::Contains("measurements/0"),
                         vitrum::UnitError);
}

TEST_CASE("no shipped material file cites a path on a machine as a source") {
    // Sources are documents (paper, figure, table); a path like /work/... or C:\... is not.
    const std::regex machine_path(R"((^|[\s"'(])(/[A-Za-z0-9_.-]+/|[A-Za-z]:\\))");
    for (const auto& entry : fs::directory_iterator(vitrum::test::share("materials"))) {
        const std::string text = read_text(entry.path().string());
        INFO(entry.path().string());
        CHECK_FALSE(std::regex_search(text, machine_path));
    }
}
