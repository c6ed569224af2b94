// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// One number per quantity whatever the door: the library's entry points, `vitrum dsc` /
// `vitrum indent --format json` and a one-sample `vitrum report` give identical values for every
// file in ../shared and the example study (issue "One analysis per technique").
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/file_analysis.hpp>
#include <vitrum/indent/file_analysis.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

namespace fs = std::filesystem;
using Json = nlohmann::json;
using namespace vitrum;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs the CLI; returns its stdout (stderr discarded).
std::string cli_stdout(const std::string& args, const fs::path& scratch) {
    const fs::path out = scratch / "stdout.json";
    const std::string cmd =
        std::string("'") + VITRUM_CLI_PATH + "' " + args + " > '" + out.string() + "' 2>/dev/null";
    (void)std::system(cmd.c_str());
    return slurp(out);
}

// The results of a one-sample report on `file` (technique "dsc" or "indentation").
Json report_results(const fs::path& file, bool dsc, const fs::path& scratch) {
    const fs::path manifest = scratch / "manifest.json";
    Json m = {{"manifest_version", 1}, {"title", "one file"}};
    Json sample = {{"name", "s"}, {"deposition", "25 °C"}};
    if (dsc)
        sample["dsc"] = Json::array({{{"file", file.string()}}});
    else
        sample["indentation"] = Json::array({{{"files", Json::array({file.string()})}}});
    m["samples"] = Json::array({sample});
    std::ofstream(manifest) << m.dump();
    const fs::path out = scratch / "report";
    fs::remove_all(out);
    const std::string cmd = std::string("'") + VITRUM_CLI_PATH + "' report '" + manifest.string() +
                            "' -o '" + out.string() + "' >/dev/null 2>&1";
    (void)std::system(cmd.c_str());
    if (!fs::exists(out / "summary.json")) return Json();
    return Json::parse(slurp(out / "summary.json"))["samples"][0]["files"][0];
}

// Every numeric key of `expected` has the same value in `actual` (JSON carries doubles in
// their shortest round-trip form, so the same computation gives the same bits).
void same_numbers(const Json& actual, const Json& expected, const std::string& where) {
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        if (!it.value().is_number()) continue;
        CAPTURE(where);
        CAPTURE(it.key());
        REQUIRE(actual.contains(it.key()));
        REQUIRE(actual[it.key()].is_number());
        CHECK_REL(actual[it.key()].get<double>(), it.value().get<double>(), 1e-12);
    }
}

std::vector<fs::path> files_under(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        const std::string name = e.path().filename().string();
        const std::string ext = e.path().extension().string();
        if (ext == ".md" || ext == ".json" || name.rfind("LICENSE", 0) == 0 || name[0] == '.')
            continue;
        out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

fs::path scratch_folder(const char* tag) {
    const fs::path p = fs::temp_directory_path() /
                       (std::string("vitrum-doors-") + tag + "-" + std::to_string(::getpid()));
    fs::create_directories(p);
    return p;
}

}  // namespace

TEST_CASE("every DSC file gives the same numbers through the library, vitrum dsc and a report") {
    const fs::path scratch = scratch_folder("dsc");
    std::vector<fs::path> files = files_under(vitrum::test::shared("dsc-files"));
    for (const auto& f : files_under(vitrum::test::share("examples/cu50zr50/dsc")))
        files.push_back(f);
    int compared = 0;
    for (const fs::path& file : files) {
        CAPTURE(file.string());
        Json lib;
        try {
            const Dataset d = builtin_readers().read_file(file.string(), "", Technique::dsc);
            lib = Json::parse(to_json(dsc::analyse(d).scans.front().to_record()).dump());
        } catch (const Error&) {
            // The library refuses it: the CLI must fail it too (exit 1, no row).
            CHECK(cli_stdout("dsc --format json '" + file.string() + "'", scratch).empty());
            continue;
        }
        const std::string cli = cli_stdout("dsc --format json '" + file.string() + "'", scratch);
        REQUIRE(!cli.empty());
        const Json rows = Json::parse(cli);
        REQUIRE(rows.size() >= 1);
        same_numbers(rows[0], lib, "vitrum dsc");
        const Json rep = report_results(file, true, scratch);
        REQUIRE(rep.is_object());
        same_numbers(rep["results"], lib, "vitrum report");
        ++compared;
    }
    CHECK(compared >= 15);  // 9 readable files in ../shared/dsc-files + 7 example runs at least
    fs::remove_all(scratch);
}

TEST_CASE("every indentation file gives the same H and E through the library, CLI and report") {
    const fs::path scratch = scratch_folder("indent");
    std::vector<fs::path> files = files_under(vitrum::test::shared("indentation-files"));
    files.push_back(vitrum::test::share("examples/cu50zr50/indentation/ribbon/indent_01.txt"));
    int compared = 0;
    for (const fs::path& file : files) {
        CAPTURE(file.string());
        Json lib = Json::array();
        try {
            const Dataset d =
                builtin_readers().read_file(file.string(), "", Technique::indentation);
            for (const auto& a : indent::analyse(d).indents)
                lib.push_back(Json::parse(to_json(a.to_record()).dump()));
        } catch (const Error&) {
            continue;  // not an indentation file vitrum reads (method files, pictures, …)
        }
        const std::string cli = cli_stdout("indent --format json '" + file.string() + "'", scratch);
        REQUIRE(!cli.empty());
        const Json tests = Json::parse(cli)["tests"];
        REQUIRE(tests.size() == lib.size());
        const Json rep = report_results(file, false, scratch);
        REQUIRE(rep.is_object());
        const Json& rep_tests = rep["results"]["indents"];
        REQUIRE(rep_tests.size() == lib.size());
        for (std::size_t i = 0; i < lib.size(); ++i) {
            same_numbers(tests[i], lib[i], "vitrum indent");
            same_numbers(rep_tests[i], lib[i], "vitrum report");
            CHECK(tests[i]["status"] == lib[i]["status"]);
            CHECK(rep_tests[i]["status"] == lib[i]["status"]);
        }
        ++compared;
    }
    CHECK(compared >= 10);
    fs::remove_all(scratch);
}
