// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The one result vocabulary (share/schemas/results.schema.json), checked with valijson on what
// the CLI prints, and every CSV readable by pandas.read_csv (Debian's python3-pandas).
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "check.hpp"

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string run_stdout(const std::string& args) {
    const fs::path out =
        fs::temp_directory_path() / ("vitrum-schema-test-" + std::to_string(::getpid()) + ".out");
    const std::string cmd =
        std::string("'") + VITRUM_CLI_PATH + "' " + args + " > '" + out.string() + "' 2>/dev/null";
    (void)std::system(cmd.c_str());
    const std::string text = slurp(out);
    fs::remove(out);
    return text;
}

// Messages of every violation of the results schema by one record.
std::vector<std::string> violations(const Json& record) {
    static const Json schema_doc =
        Json::parse(slurp(vitrum::test::share("schemas/results.schema.json")));
    valijson::Schema schema;
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_doc);
    parser.populateSchema(schema_adapter, schema);
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(record);
    std::vector<std::string> out;
    if (!validator.validate(schema, target, &results)) {
        valijson::ValidationResults::Error e;
        while (results.popError(e)) {
            std::string path;
            for (const auto& p : e.context) path += p;
            out.push_back(path + ": " + e.description);
        }
    }
    return out;
}

std::string example(const std::string& relative) {
    return vitrum::test::share("examples/cu50zr50/" + relative);
}

}  // namespace

TEST_CASE("vitrum dsc and vitrum indent JSON rows follow the results schema") {
    const Json dsc = Json::parse(run_stdout("dsc --format json '" + example("dsc/film_RT.txt") +
                                            "' '" + example("dsc/ribbon.txt") + "'"));
    REQUIRE(dsc.size() == 2);
    for (const Json& row : dsc) {
        const auto v = violations(row);
        CHECK_MESSAGE(v.empty(), (v.empty() ? "" : v.front()));
        CHECK(row.contains("tg_onset_K"));
        CHECK(row.contains("delta_hx1_J_per_kg"));
    }
    const Json ind = Json::parse(
        run_stdout("indent --format json '" + example("indentation/ribbon/indent_01.txt") + "'"));
    for (const char* table : {"indents", "tests", "summary"}) {
        REQUIRE(ind[table].size() >= 1);
        for (const Json& row : ind[table]) {
            const auto v = violations(row);
            CHECK_MESSAGE(v.empty(), (v.empty() ? "" : v.front()));
        }
    }
}

TEST_CASE("the results schema refuses a key without the unit rule and a zero-for-missing status") {
    // A key in display units and a status outside the vocabulary must both be caught, or the
    // schema test above could not fail.
    CHECK(!violations(Json{{"Tg onset [°C]", 404.7}}).empty());
    CHECK(!violations(Json{{"hardness_GPa", 7.2}}).empty());
    CHECK(!violations(Json{{"status", "fine"}}).empty());
    CHECK(violations(Json{{"tg_onset_K", 677.8}, {"status", "ok"}}).empty());
}

TEST_CASE("every CSV that vitrum writes loads with a plain pandas.read_csv") {
    if (!fs::exists("/usr/bin/python3") ||
        std::system("/usr/bin/python3 -c 'import pandas' >/dev/null 2>&1") != 0) {
        MESSAGE("Debian's python3-pandas is not installed: skipped");
        return;
    }
    const fs::path dir =
        fs::temp_directory_path() / ("vitrum-pandas-test-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto save = [&](const std::string& name, const std::string& args) {
        std::ofstream(dir / name) << run_stdout(args);
        return dir / name;
    };
    const fs::path dsc = save("dsc.csv", "dsc --format csv '" + example("dsc/film_RT.txt") + "' '" +
                                             example("dsc/ribbon.txt") + "'");
    const std::string indent_file = example("indentation/ribbon/indent_01.txt");
    const fs::path cycles = save("cycles.csv", "indent --format csv '" + indent_file + "'");
    const fs::path summary =
        save("summary.csv", "indent --format csv --summary '" + indent_file + "'");
    const std::string report_cmd = std::string("'") + VITRUM_CLI_PATH + "' report '" +
                                   example("manifest.json") + "' -o '" + (dir / "report").string() +
                                   "' >/dev/null 2>&1";
    REQUIRE(std::system(report_cmd.c_str()) == 0);
    // Each file: expected rows and a column that must be numeric.
    const std::string script =
        "import pandas, sys\n"
        "def check(path, rows, column):\n"
        "    d = pandas.read_csv(path)\n"
        "    assert len(d) == rows, (path, len(d))\n"
        "    assert d[column].dtype.kind == 'f', (path, column, d[column].dtype)\n"
        "check(sys.argv[1], 2, 'tg_onset_K')\n"
        "check(sys.argv[2], 1, 'hardness_Pa')\n"
        "check(sys.argv[3], 1, 'hardness_mean_Pa')\n"
        "check(sys.argv[4], 7, 'tg_onset_K')\n";
    std::ofstream(dir / "check.py") << script;
    const std::string cmd = "/usr/bin/python3 '" + (dir / "check.py").string() + "' '" +
                            dsc.string() + "' '" + cycles.string() + "' '" + summary.string() +
                            "' '" + (dir / "report/summary.csv").string() + "'";
    CHECK(std::system(cmd.c_str()) == 0);
    fs::remove_all(dir);
}
