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

Run run_cli(const std::string& args) {
    const std::string command = std::string(VITRUM_CLI_PATH) + " " + args + " 2>&1";
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
    const auto r = run_cli("cnt --material cu50zr50:combo-a --T 700:800:100 --format json");
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
