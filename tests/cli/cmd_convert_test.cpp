// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// `vitrum convert` (CSV + provenance sidecar, JSON, common HDF5) and the NETZSCH options of
// `vitrum dsc` (--ngb-run, --baseline), run as a user runs them (VITRUM_CLI_PATH).
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vitrum/instruments/registry.hpp>
#include <vitrum/report/sha256.hpp>

#include "check.hpp"

namespace {

namespace fs = std::filesystem;

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path unique_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() /
                         ("vitrum-convert-cli-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    return dir;
}

/// Runs `vitrum ARGS`, stdout and stderr apart.
Run vitrum_cli(const std::string& args) {
    const fs::path err = unique_dir("stderr.txt");
    const std::string command =
        std::string(VITRUM_CLI_PATH) + " " + args + " 2>'" + err.string() + "'";
    Run r;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
    const int status = pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = slurp(err);
    fs::remove(err);
    return r;
}

const std::string kSs3 =
    vitrum::test::testdata("dsc/netzsch-ngb/Douglas_Fir_STA_10K_250730_R13.ngb-ss3");
const std::string kBs3 =
    vitrum::test::testdata("dsc/netzsch-ngb/Douglas_Fir_STA_Baseline_10K_250730_R13.ngb-bs3");
const std::string kDs3 =
    vitrum::test::testdata("dsc/netzsch-ngb/01_Messung_Probe_G_300_Grad_Ar.ngb-ds3");

}  // namespace

TEST_CASE("vitrum convert writes a tidy CSV and a provenance sidecar with the input's SHA-256") {
    const fs::path dir = unique_dir("csv");
    const Run r = vitrum_cli("convert '" + kSs3 + "' -o '" + dir.string() + "'");
    REQUIRE(r.status == 0);
    const fs::path csv = dir / "Douglas_Fir_STA_10K_250730_R13.csv";
    const fs::path sidecar = dir / "Douglas_Fir_STA_10K_250730_R13.provenance.json";
    CHECK(r.out.find(csv.string()) != std::string::npos);
    const std::string table = slurp(csv);
    CHECK(table.rfind("segment,time [s],temperature [K],", 0) == 0);  // header first
    const auto doc = nlohmann::json::parse(slurp(sidecar));
    CHECK(doc.at("provenance").at("input").at("sha256") == vitrum::report::sha256_file(kSs3));
    CHECK(doc.at("provenance").at("reader") == "netzsch-ngb-ss3");
    CHECK(doc.at("curves").at(0).at("file") == "Douglas_Fir_STA_10K_250730_R13.csv");
    // Rows in the CSV: one header line plus the curve's rows (oracle: 9190 rows).
    const auto lines = static_cast<std::size_t>(std::count(table.begin(), table.end(), '\n'));
    CHECK(lines == 1 + doc.at("curves").at(0).at("rows").get<std::size_t>());
    CHECK(doc.at("curves").at(0).at("rows") == 9190);
    fs::remove_all(dir);
}

TEST_CASE("vitrum convert --format json writes one document with every value") {
    const fs::path dir = unique_dir("json");
    REQUIRE(vitrum_cli("convert --format json '" + kSs3 + "' -o '" + dir.string() + "'").status ==
            0);
    const auto doc = nlohmann::json::parse(slurp(dir / "Douglas_Fir_STA_10K_250730_R13.json"));
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(kSs3);
    const auto& column = doc.at("curves").at(0).at("columns").at(1);
    CHECK(column.at("name") == "temperature");
    CHECK(column.at("values").size() == data.curves.front().data.rows());
    // JSON numbers are written in the shortest round-trip form: the same double comes back.
    CHECK_ABS(column.at("values").back().get<double>(),
              data.curves.front().data.values("temperature").back(), 0.0);
    fs::remove_all(dir);
}

TEST_CASE("vitrum convert --format hdf5 writes indentation tests vitrum reads back, refuses DSC") {
    const fs::path dir = unique_dir("hdf5");
    const std::string zip = vitrum::test::testdata("fuzz-seeds/tiny.zip");
    REQUIRE(vitrum_cli("convert --format hdf5 '" + zip + "' -o '" + dir.string() + "'").status ==
            0);
    const vitrum::Dataset back = vitrum::builtin_readers().read_file((dir / "tiny.hdf5").string());
    CHECK(back.curves.size() == 2);
    CHECK(fs::exists(dir / "tiny.provenance.json"));
    const Run dsc = vitrum_cli("convert --format hdf5 '" + kSs3 + "' -o '" + dir.string() + "'");
    CHECK(dsc.status == 1);
    CHECK(dsc.err.find("holds indentation tests only") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("vitrum convert fails one unreadable input and converts the others") {
    const fs::path dir = unique_dir("batch");
    const Run r = vitrum_cli("convert /nonexistent/x.txt '" + kSs3 + "' -o '" + dir.string() + "'");
    CHECK(r.status == 1);
    CHECK(r.err.find("1 of 2 inputs failed: /nonexistent/x.txt") != std::string::npos);
    CHECK(fs::exists(dir / "Douglas_Fir_STA_10K_250730_R13.csv"));
    fs::remove_all(dir);
}

TEST_CASE("vitrum dsc --ngb-run and --baseline choose the NETZSCH run and subtract a baseline") {
    const Run bogus = vitrum_cli("dsc --ngb-run baseline '" + kDs3 + "'");
    CHECK(bogus.status == 2);
    CHECK(bogus.err.find("--ngb-run") != std::string::npos);
    const Run single = vitrum_cli("dsc --ngb-run correction '" + kSs3 + "'");
    CHECK(single.status == 1);
    CHECK(single.err.find("holds one run") != std::string::npos);
    const Run not_ngb = vitrum_cli("dsc --baseline '" + kBs3 + "' '" +
                                   vitrum::test::testdata("fuzz-seeds/tiny.zip") + "'");
    CHECK(not_ngb.status == 1);
    CHECK(not_ngb.err.find("--baseline applies to NETZSCH Proteus") != std::string::npos);
    // The corrected run and the baseline subtraction are analysed (JSON records, one scan).
    for (const std::string& args :
         {"--ngb-run corrected '" + kDs3 + "'", "--baseline '" + kBs3 + "' '" + kSs3 + "'"}) {
        CAPTURE(args);
        const Run r = vitrum_cli("dsc --format json " + args);
        CHECK(r.err.find("applies to") == std::string::npos);
        REQUIRE_FALSE(r.out.empty());
        const auto doc = nlohmann::json::parse(r.out);
        CHECK(doc.size() >= 1);
    }
}
