// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The manifest keys `baseline` and `ngb_run` reach the reader through the report's loader
// (tools/cmd_report.cpp → read_netzsch_ngb_file): `vitrum report` run as a user runs it.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "check.hpp"

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("vitrum report reads a NETZSCH run with its manifest baseline and ngb_run") {
    const fs::path dir =
        fs::temp_directory_path() / ("vitrum-report-ngb-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string ngb = vitrum::test::testdata("dsc/netzsch-ngb/");
    const std::string ss3 = ngb + "Douglas_Fir_STA_10K_250730_R13.ngb-ss3";
    const nlohmann::json manifest = {
        {"manifest_version", 1},
        {"title", "ngb"},
        {"samples",
         {{{"name", "fir"},
           {"deposition", "reference"},
           {"dsc",
            {{{"file", ss3}, {"baseline", ngb + "Douglas_Fir_STA_Baseline_10K_250730_R13.ngb-bs3"}},
             {{"file", ngb + "01_Messung_Probe_G_300_Grad_Ar.ngb-ds3"}, {"ngb_run", "corrected"}},
             // Two entries the loader must refuse: proof that the keys reach the reader.
             {{"file", ss3}, {"baseline", vitrum::test::testdata("fuzz-seeds/tiny.zip")}},
             {{"file", ss3}, {"ngb_run", "correction"}}}}}}}};
    std::ofstream(dir / "manifest.json") << manifest.dump();
    const std::string command =
        std::string(VITRUM_CLI_PATH) + " report '" + (dir / "manifest.json").string() + "' -o '" +
        (dir / "out").string() + "' >/dev/null 2>'" + (dir / "err.txt").string() + "'";
    // Exit 1: wood shows no glass transition, and two entries are refused.
    CHECK(std::system(command.c_str()) != 0);
    const std::string err = slurp(dir / "err.txt");
    CHECK(err.find("tiny.zip: baseline applies to NETZSCH Proteus") != std::string::npos);
    CHECK(err.find("the file holds one run") != std::string::npos);
    const auto provenance = nlohmann::json::parse(slurp(dir / "out/summary.provenance.json"));
    const std::string text = provenance.dump();
    CHECK(text.find("\"reader\":\"netzsch-ngb-ss3\"") != std::string::npos);
    CHECK(text.find("\"reader\":\"netzsch-ngb-ds3\"") != std::string::npos);
    fs::remove_all(dir);
}
