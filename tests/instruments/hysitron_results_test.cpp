// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <sstream>
#include <string>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"
#include "reader_test_support.hpp"

namespace {

// Header and the first two rows of a TriboScan XPM results export (layout of
// Premier_Nanoindentation maptriplepoint_00000 LC.txt; µ as byte 0xB5). The real file is only
// used by tests/external because it has no licence.
const std::string kResults =
    "Number of Data Points = 2\n"
    "         \n"
    "File\thc(nm)\tPmax(\xB5N)\tS(\xB5N/"
    "nm)\tA(nm^2)\thmax(nm)\theff(nm)\tEr(GPa)\tH(GPa)\tA\thf(nm)\tm\t"
    "X(mm)\tY(mm)\tDrift(nm/s)\n"
    "maptriplepoint_00000 LC.hys\t103.219383\t5997.491192\t76.722478\t486665.267370\t1189.334197\t"
    "161.847813\t97.441121\t12.323647\t13.918238\t59.415720\t1.310355\t-102.326900\t-8.650300\t0."
    "000000\n"
    "maptriplepoint_00000 LC.hys\t138.972940\t5997.455920\t180.659898\t786908.828862\t1189.334197\t"
    "163.871061\t180.440649\t7.621538\t0.002521\t59.092592\t3.156216\t-102.324900\t-8.650300\t0."
    "000000\n";

vitrum::Dataset read_results(const std::string& content) {
    return vitrum::test::read_as("hysitron-results", content, "results.txt");
}

const vitrum::Column& column(const vitrum::Table& table, const std::string& name) {
    for (const auto& c : table.columns) {
        if (c.name == name) return c;
    }
    FAIL("no column " << name);
    return table.columns.front();
}

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("hysitron-results puts the vendor results in an SI table and no curves") {
    const vitrum::Dataset data = read_results(kResults);
    CHECK(data.curves.empty());
    REQUIRE(data.tables.size() == 1);
    const vitrum::Table& t = data.tables.front();
    CHECK(t.row_labels.size() == 2);
    CHECK(t.row_labels[0] == "maptriplepoint_00000 LC.hys");
    CHECK(t.columns.size() == 14);
    // Values as printed in row 1 (6 decimals), converted: nm → m, µN → N, µN/nm → N/m, GPa → Pa.
    CHECK_REL(column(t, "vendor_contact_depth").values[0], 103.219383e-9, 1e-12);
    CHECK_REL(column(t, "vendor_max_load").values[0], 5997.491192e-6, 1e-12);
    CHECK_REL(column(t, "vendor_stiffness").values[0], 76.722478e3, 1e-12);
    CHECK_REL(column(t, "vendor_contact_area").values[0], 486665.267370e-18, 1e-12);
    CHECK_REL(column(t, "vendor_reduced_modulus").values[1], 180.440649e9, 1e-12);
    CHECK_REL(column(t, "vendor_hardness").values[1], 7.621538e9, 1e-12);
    CHECK_REL(column(t, "power_law_m").values[1], 3.156216, 1e-12);
    CHECK_REL(column(t, "power_law_A").values[0], 13.918238, 1e-12);  // kept in µN/nm^m
    CHECK(column(t, "power_law_A").original_unit == "µN/nm^m");
    CHECK_REL(column(t, "position_x").values[0], -102.3269e-3, 1e-12);
    CHECK(column(t, "vendor_stiffness").unit == "N/m");
}

TEST_CASE("hysitron-results sniffs the count line with the hc(nm) header") {
    const vitrum::Reader* reader = vitrum::builtin_readers().find("hysitron-results");
    REQUIRE(reader != nullptr);
    CHECK(reader->sniff(kResults, "x.txt"));
    CHECK_FALSE(reader->sniff("Number of Points = 3\nDepth (nm)\n", "x.txt"));
}

TEST_CASE("hysitron-results refuses a row count that differs from the announced one") {
    CHECK_THROWS_WITH_AS(read_results(replace_once(kResults, "= 2", "= 3")),
                         doctest::Contains("results.txt:1"), vitrum::ParseError);
}

TEST_CASE("hysitron-results refuses truncated rows and non-numbers with their position") {
    const std::string truncated = kResults.substr(0, kResults.size() - 20);
    CHECK_THROWS_WITH_AS(read_results(truncated), doctest::Contains("results.txt:5"),
                         vitrum::ParseError);
    CHECK_THROWS_WITH_AS(read_results(replace_once(kResults, "\t103.219383", "\t103,219383")),
                         doctest::Contains("results.txt:4:29"), vitrum::ParseError);
}

TEST_CASE("hysitron-results refuses a missing header and binary input") {
    CHECK_THROWS_WITH_AS(read_results("Number of Data Points = 2\n\nhc(nm)\tPmax\n"),
                         doctest::Contains("results.txt:3"), vitrum::ParseError);
    CHECK_THROWS_AS(read_results(std::string("Number of Data Points = 1\n\0\0", 28)),
                    vitrum::FormatError);
}
