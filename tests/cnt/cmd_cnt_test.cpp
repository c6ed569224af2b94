// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Runs the `vitrum cnt` command line and checks what it prints.
#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "check.hpp"

namespace {

struct Run {
    int status = -1;
    std::string out;
};

// stderr (warnings) joins stdout unless `merge_stderr` is false (for output parsed as JSON).
Run run_cli(const std::string& args, bool merge_stderr = true) {
    const std::string command =
        std::string(VITRUM_CLI_PATH) + " " + args + (merge_stderr ? " 2>&1" : " 2>/dev/null");
    Run r;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

}  // namespace

TEST_CASE("vitrum cnt prints the inputs with sources and reproduces 2.885 nm at 700 K in JSON") {
    const auto r = run_cli("cnt --material cu50zr50:combo-a --T 700:800:100 --format json", false);
    REQUIRE(r.status == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["set"] == "combo-a");
    bool found_source = false;
    for (const auto& p : doc["inputs"]) {
        if (p["parameter"] == "enthalpy_of_fusion") {
            found_source = p["status"] == "unverified" && p["as_written"] == "12 kJ/mol";
        }
    }
    CHECK(found_source);
    REQUIRE(doc["results"].size() == 2);
    // cnt.md §3 combo A: d* = 2.885 nm at 700 K (4 s.f.).
    CHECK_REL(doc["results"][0]["d_star_nm"].get<double>(), 2.885, 2e-4);
    CHECK(r.out.find("Gibbs-Thomson") != std::string::npos);
}

TEST_CASE(
    "vitrum cnt marks temperatures above T_m as no nucleation and overrides models from the "
    "command line") {
    const auto r = run_cli(
        "cnt --material cu50zr50 --T 1200:1220:10 --dg turnbull --gamma fixed:0.35 --format csv");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("no nucleation (T >= T_m)") != std::string::npos);
    CHECK(r.out.find("T [K]") != std::string::npos);
    CHECK(r.out.find("Turnbull linear") != std::string::npos);
    CHECK(r.out.find("fixed 0.35 J/m^2") != std::string::npos);
}

TEST_CASE("vitrum cnt lists materials and rejects a bad option by name") {
    const auto list = run_cli("cnt --list-materials");
    CHECK(list.status == 0);
    CHECK(list.out.find("cu50zr50:combo-b") != std::string::npos);
    CHECK(list.out.find("vit1:busch-vft") != std::string::npos);
    const auto bad = run_cli("cnt --gamma laird:1");
    CHECK(bad.status == 2);
    CHECK(bad.out.find("--gamma") != std::string::npos);
    const auto missing = run_cli("cnt --material unobtainium");
    CHECK(missing.status == 1);
}

TEST_CASE("vitrum cnt warns that combo-a cannot crystallise on the seed paper's 10 K/min scan") {
    // Seed paper Fig. 1(c): Tx = 710-737 K at 10 K/min (material file measurements).
    const auto r = run_cli("cnt --material cu50zr50:combo-a --T 700");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("warning: set 'combo-a' predicts no crystallisation below T_m at 10 K/min") !=
          std::string::npos);
    const auto ok = run_cli("cnt --material cu50zr50:kinetics-fig1 --T 700");
    REQUIRE(ok.status == 0);
    CHECK(ok.out.find("warning") == std::string::npos);
}

TEST_CASE("vitrum cnt --heating-rate prints Tx and Tp rising with the rate in JSON") {
    const auto r = run_cli(
        "cnt --material cu50zr50:kinetics-fig1 --T 700 --heating-rate 5,10,20,40K/min --format "
        "json",
        false);
    REQUIRE(r.status == 0);
    const auto doc = nlohmann::json::parse(r.out);
    const auto& rows = doc["crystallisation"];
    REQUIRE(rows.size() == 4);
    for (std::size_t i = 1; i < 4; ++i) {
        CHECK(rows[i]["tx_onset_K"].get<double>() > rows[i - 1]["tx_onset_K"].get<double>());
        CHECK(rows[i]["tp_K"].get<double>() > rows[i - 1]["tp_K"].get<double>());
    }
    // The set's γ was fitted to Tx = 723.5 K at 10 K/min (rounded to 3 s.f.: within 1 K).
    CHECK_ABS(rows[1]["tx_onset_K"].get<double>(), 723.5, 1.0);
    CHECK(doc["warnings"].empty());
    // Four peaks give a Kissinger energy; Tp rises ~5.7 K per doubling near 730 K, which is
    // E = R ln 2 Tp²/ΔTp ≈ 500-550 kJ/mol: only its sign and order are checked here.
    const double e = doc["kissinger_activation_energy_J_per_mol"].get<double>();
    CHECK(e > 1e5);
    CHECK(e < 2e6);
}

TEST_CASE("vitrum cnt fit prints gamma with its sigma, d* at 700 K and the identifiability") {
    const auto r = run_cli(
        "cnt fit --material cu50zr50 --tx 10K/min:720K --tx 40K/min:735K --format json", false);
    REQUIRE(r.status == 0);
    const auto doc = nlohmann::json::parse(r.out);
    REQUIRE(doc["parameters"].size() == 1);
    CHECK(doc["parameters"][0]["parameter"] == "gamma");
    const double gamma = doc["parameters"][0]["value"].get<double>();
    CHECK(gamma > 0.05);
    CHECK(gamma < 0.2);
    CHECK(doc["parameters"][0]["sigma"].get<double>() > 0.0);
    CHECK(doc["identifiability"].get<std::string>().find("fix gamma only") != std::string::npos);
    bool has_dstar = false;
    for (const auto& row : doc["summary"])
        has_dstar = has_dstar || row["quantity"] == "d_star at 700 K";
    CHECK(has_dstar);
    const auto bad = run_cli("cnt fit --material cu50zr50 --tx 720K");
    CHECK(bad.status == 2);
    CHECK(bad.out.find("--tx '720K'") != std::string::npos);
}

TEST_CASE("vitrum cnt --nucleation site-saturation moves Tx and a bad spelling is a usage error") {
    const auto base = run_cli("cnt --material cu50zr50:kinetics-fig1 --T 700 --format json", false);
    const auto sat = run_cli(
        "cnt --material cu50zr50:kinetics-fig1 --T 700 --nucleation site-saturation:1e20 "
        "--format json",
        false);
    REQUIRE(base.status == 0);
    REQUIRE(sat.status == 0);
    const double a = nlohmann::json::parse(base.out)["crystallisation"][0]["tx_onset_K"];
    const double b = nlohmann::json::parse(sat.out)["crystallisation"][0]["tx_onset_K"];
    // 1e20 nuclei/m^3 is fewer than continuous nucleation forms by 720 K: a later onset.
    CHECK(b > a + 1.0);
    const auto bad = run_cli("cnt --material cu50zr50 --T 700 --nucleation bogus");
    CHECK(bad.status == 2);
    CHECK(bad.out.find("--nucleation 'bogus'") != std::string::npos);
}
