// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The stability report end to end, through the `vitrum` program (VITRUM_CLI_PATH).
#include <sys/wait.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <vitrum/core/text.hpp>
#include <vitrum/report/atomic_file.hpp>
#include <vitrum/report/example_study.hpp>
#include <vitrum/report/summary.hpp>

#include "check.hpp"

namespace fs = std::filesystem;
using Json = nlohmann::json;
using vitrum::report::read_whole_file;

namespace {

fs::path fresh_folder(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() /
                         ("vitrum-report-" + name + "-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    return dir;
}

// Runs a shell command; returns its exit status.
int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string cli() { return VITRUM_CLI_PATH; }

// The example report, built once for all test cases of this file.
const fs::path& example_report() {
    static const fs::path out = [] {
        const fs::path dir = fresh_folder("example");
        // The log goes beside the folder: the report replaces the folder as a whole.
        const int code =
            run(cli() + " report '" + vitrum::test::share("examples/cu50zr50/manifest.json") +
                "' -o '" + dir.string() + "' > '" + dir.string() + ".log' 2>&1");
        REQUIRE(code == 0);
        return dir;
    }();
    return out;
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;  // provenance lines
        std::vector<std::string> cells;
        std::string cell;
        bool quoted = false;
        for (char c : line) {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted) {
                cells.push_back(cell);
                cell.clear();
            } else
                cell += c;
        }
        cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

double number(const Json& j) { return j.is_number() ? j.get<double>() : std::nan(""); }

}  // namespace

TEST_CASE("the example report writes every output and recovers the generator's inputs") {
    const fs::path& out = example_report();
    for (const char* name : {"summary.csv", "summary.json", "index.html", "dsc_curves.svg",
                             "dsc_curves.png", "tg_tx.png", "delta_tx.png", "hardness_modulus.png",
                             "load_depth.png", "critical_size.png", "critical_size.svg"}) {
        CAPTURE(name);
        CHECK(fs::exists(out / name));
    }
    const Json summary = Json::parse(read_whole_file((out / "summary.json").string()));
    CHECK(summary["complete"] == true);
    CHECK(summary["provenance"]["vitrum_version"].is_string());
    const auto truth = vitrum::report::example_samples();
    REQUIRE(summary["samples"].size() == truth.size());
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const Json& s = summary["samples"][i];
        CAPTURE(truth[i].name);
        // Tolerances: Tg onset ± 2.5 K — the films' enthalpy-recovery overshoot steepens the
        // tangent (measured bias ≤ 1.5 K); Tx onset ± 0.5 K (a clean Gaussian exotherm);
        // ΔHx 3 % (sigmoidal baseline under the exotherm); H and E means 2 % and their sd 35 %
        // (10 indents, each with fit noise of about 1–2 % in the stiffness).
        CHECK_ABS(number(s["tg_onset_K"]), truth[i].tg_onset_K, 2.5);
        CHECK_ABS(number(s["tx_onset_K"]), truth[i].tx_onset_K, 0.5);
        CHECK_REL(number(s["delta_hx_J_per_kg"]), truth[i].crystallisation_J_per_kg, 0.03);
        CHECK_REL(number(s["delta_cp_J_per_kg_K"]), truth[i].delta_cp_J_per_kg_K, 0.06);
        CHECK_REL(number(s["hardness_Pa"]), truth[i].hardness_Pa, 0.02);
        CHECK_REL(number(s["modulus_Pa"]), truth[i].modulus_Pa, 0.02);
        CHECK_REL(number(s["hardness_sd_Pa"]), truth[i].hardness_sd_Pa, 0.35);
        CHECK_REL(number(s["modulus_sd_Pa"]), truth[i].modulus_sd_Pa, 0.35);
        CHECK(s["indents"] == 10);
        for (const Json& f : s["files"]) {
            CHECK(f["ok"] == true);
            CHECK(f["sha256"].get<std::string>().size() == 64);
        }
    }
    // Tg_ref is measured on the ribbon: 654 K in the generator.
    CHECK_ABS(number(summary["tg_reference_K"]), vitrum::report::kExampleTgReference_K, 1.0);
    // CNT (cu50zr50 combo-a, a reconstruction of the seed paper's 2.88 nm at 700 K):
    // d* at the 0.85 Tg film's Tg (≈ 701 K) lies within 2 % of 2.88 nm.
    CHECK_REL(number(summary["samples"][5]["critical_diameter_at_tg_m"]), 2.88e-9, 0.02);
}

TEST_CASE("summary.csv is one SI table that matches the golden file") {
    const auto actual = csv_rows(read_whole_file((example_report() / "summary.csv").string()));
    const auto golden =
        csv_rows(read_whole_file(vitrum::test::testdata("report/summary_golden.csv")));
    REQUIRE(actual.size() == golden.size());
    REQUIRE(actual.size() == 8);  // header + 7 samples, no comment lines (pandas.read_csv)
    CHECK(actual[0] == golden[0]);
    for (std::size_t r = 1; r < actual.size(); ++r) {
        REQUIRE(actual[r].size() == golden[0].size());
        for (std::size_t c = 0; c < golden[0].size(); ++c) {
            CAPTURE(golden[r][0]);
            CAPTURE(golden[0][c]);
            double expected = 0.0;
            if (golden[r][c].empty() ||
                !vitrum::text::try_parse_double(golden[r][c], '.', expected)) {
                CHECK(actual[r][c] == golden[r][c]);
            } else {
                // Printed in the shortest round-trip form: only another platform's libm can move
                // the last digits, far below 1e-6 of the value.
                CHECK_REL(std::stod(actual[r][c]), expected, 1e-6);
            }
        }
    }
    // The provenance that used to be comment lines lives in the sidecar.
    const Json side =
        Json::parse(read_whole_file((example_report() / "summary.provenance.json").string()));
    CHECK(side["describes"] == "summary.csv");
    CHECK(side["inputs"].size() == 77);  // 7 samples × (1 DSC + 10 indentation files)
}

TEST_CASE("a study with one broken file still writes the report and exits with 1") {
    const fs::path study = fresh_folder("broken");
    const fs::path example = vitrum::test::share("examples/cu50zr50");
    fs::create_directories(study / "dsc");
    fs::copy_file(example / "dsc/ribbon.txt", study / "dsc/ribbon.txt");
    fs::copy_file(example / "indentation/ribbon/indent_01.txt", study / "indent_01.txt");
    // A NETZSCH export cut off in the middle of a number line, with a corrupted value.
    std::string broken = read_whole_file((example / "dsc/film_556K.txt").string()).substr(0, 3000);
    broken += "\n 390.00000;  x.12000;      0.0abc;2.4\n";
    std::ofstream(study / "dsc/film_broken.txt") << broken;
    std::ofstream(study / "manifest.json") << R"({
      "manifest_version": 1, "reference": "ribbon", "material": "cu50zr50",
      "options": {"indentation": {"tip": "berkovich", "poisson_ratio": 0.36}},
      "samples": [
        {"name": "ribbon", "deposition": "reference",
         "dsc": [{"file": "dsc/ribbon.txt", "heating_rate": "10 K/min"}],
         "indentation": [{"files": ["indent_01.txt"]}]},
        {"name": "film_broken", "deposition": "556 K",
         "dsc": [{"file": "dsc/film_broken.txt", "heating_rate": "10 K/min"}]}
      ]})";
    const fs::path out = study / "out";
    const int code = run(cli() + " report '" + (study / "manifest.json").string() + "' -o '" +
                         out.string() + "' > /dev/null 2>&1");
    CHECK(code == 1);
    REQUIRE(fs::exists(out / "summary.json"));
    CHECK(fs::exists(out / "index.html"));
    const Json summary = Json::parse(read_whole_file((out / "summary.json").string()));
    CHECK(summary["complete"] == false);
    CHECK(summary["samples"][0]["complete"] == true);
    CHECK_ABS(number(summary["samples"][0]["tg_onset_K"]), 654.0, 2.5);
    const Json& bad = summary["samples"][1]["files"][0];
    CHECK(bad["ok"] == false);
    CHECK(bad["error"].get<std::string>().find("film_broken.txt") != std::string::npos);
    const auto rows = csv_rows(read_whole_file((out / "summary.csv").string()));
    CHECK(rows.size() == 3);
    CHECK(rows[2].back() == "incomplete");
    CHECK(rows[0].front() == "sample");
    CHECK(read_whole_file((out / "index.html").string()).find("film_broken.txt") !=
          std::string::npos);
    fs::remove_all(study);
}

TEST_CASE("a manifest error stops the report with the key and the sample named") {
    const fs::path study = fresh_folder("manifest");
    std::ofstream(study / "manifest.json")
        << R"({"manifest_version": 1, "samples": [{"name": "film_X", "deposition": "hot"}]})";
    const int code =
        run(cli() + " report '" + (study / "manifest.json").string() + "' -o '" +
            (study / "out").string() + "' > '" + (study / "err.txt").string() + "' 2>&1");
    CHECK(code == 2);
    const std::string err = read_whole_file((study / "err.txt").string());
    CHECK(err.find("samples[0] 'film_X': key 'deposition'") != std::string::npos);
    fs::remove_all(study);
}

TEST_CASE("report --init writes a manifest skeleton with every detected file") {
    const fs::path study = fresh_folder("init");
    const fs::path example = vitrum::test::share("examples/cu50zr50");
    fs::create_directories(study / "dsc");
    fs::create_directories(study / "ind" / "film");
    fs::copy_file(example / "dsc/film_RT.txt", study / "dsc/film.txt");
    fs::copy_file(example / "indentation/film_RT/indent_01.txt", study / "ind/film/i1.txt");
    fs::copy_file(example / "indentation/film_RT/indent_02.txt", study / "ind/film/i2.txt");
    CHECK(run(cli() + " report --init '" + study.string() + "' > /dev/null 2>&1") == 0);
    const Json m = Json::parse(read_whole_file((study / "manifest.json").string()));
    REQUIRE(m["samples"].size() == 1);
    CHECK(m["samples"][0]["dsc"][0]["format"] == "netzsch-ascii");
    CHECK(m["samples"][0]["indentation"][0]["format"] == "hysitron-txt");
    CHECK(m["samples"][0]["indentation"][0]["files"].size() == 2);
    fs::remove_all(study);
}

TEST_CASE("index.html opens in headless Chromium with every figure loaded and one row per sample") {
    const std::string chromium = "/usr/bin/chromium";
    if (!fs::exists(chromium))
        FAIL(
            "Chromium is not installed at /usr/bin/chromium; this test needs it (apt-get install "
            "chromium)");
    const fs::path& out = example_report();
    const fs::path profile = fresh_folder("chromium-profile");
    const fs::path dom = profile / "dom.html";
    const std::string command =
        "timeout 120 " + chromium +
        " --headless --no-sandbox --disable-gpu --disable-background-networking"
        " --disable-component-update --disable-sync --no-first-run --user-data-dir='" +
        profile.string() + "' --dump-dom 'file://" + (out / "index.html").string() + "' > '" +
        dom.string() + "' 2>/dev/null";
    REQUIRE(run(command) == 0);
    const std::string text = read_whole_file(dom.string());
    auto attribute = [&text](const std::string& name) {
        const std::string key = name + "=\"";
        const std::size_t at = text.find(key);
        if (at == std::string::npos) return -1;
        return std::atoi(text.c_str() + at + key.size());
    };
    const int figures = attribute("data-figures");
    CHECK(figures == 6);
    CHECK(attribute("data-figures-ok") == figures);
    CHECK(attribute("data-rows") == 7);
    fs::remove_all(profile);
}
