// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Test-sheet conversion on small synthetic sheets: units, markers, invalid values.
#include <check.hpp>
#include <cmath>
#include <limits>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>

#include "../../instruments/kla_nanosuite.hpp"

namespace {

constexpr double kPi = 3.14159265358979323846;

// Column 0 markers; depth/load/time with units in the names (one header row, no unit row).
vitrum::sheet::Sheet bracket_sheet() {
    vitrum::sheet::Sheet s;
    s.name = "Test 7";
    s.set_text(0, 0, "Markers");
    s.set_text(0, 1, "Time [s]");
    s.set_text(0, 2, "Load [mN]");
    s.set_text(0, 3, "Depth [nm]");
    s.set_text(0, 4, "Phase Angle [deg]");
    s.set_text(1, 0, "Surface Index");  // marker on a row without data: moves to the next row
    for (std::size_t r = 2; r < 6; ++r) {
        s.set_number(r, 1, static_cast<double>(r));
        s.set_number(r, 2, 0.5 * static_cast<double>(r));
        s.set_number(r, 3, 100.0 * static_cast<double>(r));
        s.set_number(r, 4, 90.0);
    }
    s.set_number(3, 3, std::numeric_limits<double>::max());  // NanoSuite's invalid value
    s.set_text(4, 0, "Unload Marker");
    s.set_text(6, 0, "END");
    return s;
}

}  // namespace

TEST_CASE("test_number accepts only 'Test <digits>' sheet names") {
    CHECK(vitrum::nanosuite::test_number("Test 001") == 1);
    CHECK(vitrum::nanosuite::test_number("Test 16") == 16);
    CHECK_FALSE(vitrum::nanosuite::test_number("Test Inputs"));
    CHECK_FALSE(vitrum::nanosuite::test_number("Tagged Test 1"));
    CHECK_FALSE(vitrum::nanosuite::test_number("Results"));
    CHECK_FALSE(vitrum::nanosuite::test_number("Test 1a"));
}

TEST_CASE("resolve_unit knows NanoSuite spellings and InView's double-encoded micro sign") {
    using vitrum::nanosuite::resolve_unit;
    CHECK_REL(resolve_unit("nm", "Depth").factor, 1e-9, 1e-15);
    CHECK_REL(resolve_unit("uN", "Harmonic Load").factor, 1e-6, 1e-15);
    CHECK_REL(resolve_unit("\xC3\x82\xC2\xB5m", "X_Position").factor, 1e-6, 1e-15);
    CHECK(resolve_unit("\xC3\x82\xC2\xB5m", "X_Position").si == "m");
    CHECK_REL(resolve_unit("nm^2", "Contact Area").factor, 1e-18, 1e-15);
    CHECK_REL(resolve_unit("deg", "Phase Angle").factor, kPi / 180, 1e-15);
    CHECK(resolve_unit("deg", "Phase Angle").si == "rad");
    CHECK_ABS(resolve_unit("C", "Temperature").offset, 273.15, 1e-12);
    CHECK(resolve_unit("None", "Poissons Ratio").si == "1");
    CHECK_FALSE(resolve_unit("furlongs per fortnight", "x").known);
}

TEST_CASE("read_test_sheet splits units from names and moves markers to the next data row") {
    std::vector<std::string> warnings;
    const auto curve = vitrum::nanosuite::read_test_sheet(bracket_sheet(), "t.xlsx", warnings);
    CHECK(warnings.empty());
    CHECK(curve.name == "Test 7");
    REQUIRE(curve.data.rows() == 4);
    CHECK(curve.data.column(vitrum::channel::load).original_unit == "mN");
    CHECK_REL(curve.data.values(vitrum::channel::load)[0], 1e-3, 1e-12);  // 0.5·2 mN
    CHECK_REL(curve.data.values(vitrum::channel::depth)[0], 200e-9, 1e-12);
    CHECK(std::isnan(curve.data.values(vitrum::channel::depth)[1]));
    CHECK_REL(curve.data.values(vitrum::channel::phase_angle)[3], kPi / 2, 1e-12);
    REQUIRE(curve.data.segments.size() == 2);
    CHECK(curve.data.segments[0].label == "Surface Index");
    CHECK(curve.data.segments[0].begin == 0);
    CHECK(curve.data.segments[0].end == 2);
    CHECK(curve.data.segments[0].kind == vitrum::SegmentKind::loading);
    CHECK(curve.data.segments[1].kind == vitrum::SegmentKind::unloading);
    CHECK(curve.data.segments[1].end == 4);  // END has no row of its own
}

TEST_CASE("read_test_sheet refuses a sheet without data rows, naming the row") {
    vitrum::sheet::Sheet s;
    s.name = "Test 2";
    s.set_text(0, 1, "Displacement Into Surface");
    s.set_text(0, 2, "Load On Sample");
    s.set_text(1, 1, "nm");
    s.set_text(1, 2, "mN");
    s.set_text(2, 0, "END");
    std::vector<std::string> warnings;
    CHECK_THROWS_WITH_AS(vitrum::nanosuite::read_test_sheet(s, "e.xls", warnings),
                         doctest::Contains("e.xls [Test 2] row 3: expected rows of numbers"),
                         vitrum::ParseError);
}

TEST_CASE("a damaged test sheet fails alone: the other tests are read and the sheet is named") {
    vitrum::sheet::Workbook book;
    book.sheets.push_back(bracket_sheet());
    vitrum::sheet::Sheet broken;  // header only: no row of numbers
    broken.name = "Test 2";
    broken.set_text(0, 1, "Displacement Into Surface");
    broken.set_text(0, 2, "Load On Sample");
    broken.set_text(1, 1, "nm");
    broken.set_text(1, 2, "mN");
    broken.set_text(2, 0, "END");
    book.sheets.push_back(broken);
    const vitrum::Dataset data = vitrum::nanosuite::workbook_to_dataset(book, "e.xls", "G200");
    REQUIRE(data.curves.size() == 1);
    CHECK(data.curves[0].name == "Test 7");
    bool named = false;
    for (const std::string& w : data.warnings)
        named = named || w.find("sheet 'Test 2' not read (damaged): e.xls [Test 2] row 3") !=
                             std::string::npos;
    CHECK(named);
    // Every test sheet damaged: the file is refused with the sheet's own error.
    vitrum::sheet::Workbook only_broken;
    only_broken.sheets.push_back(broken);
    CHECK_THROWS_WITH_AS(vitrum::nanosuite::workbook_to_dataset(only_broken, "e.xls", "G200"),
                         doctest::Contains("e.xls [Test 2] row 3: expected rows of numbers"),
                         vitrum::ParseError);
}
