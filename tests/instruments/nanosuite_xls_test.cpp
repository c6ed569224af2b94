// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The nanosuite-xls reader on the micromechanics NanoSuite exports (share/testdata, MIT).
// Expected cell values were read independently with a small Python OLE2/BIFF8 dump (not this
// parser) and agree with share/testdata/.../PROVENANCE-derived notes in
// ../shared/reference/indentation.md §1.5; a cell value is exact, so tolerances are 1e-12.
#include <check.hpp>
#include <cmath>
#include <sstream>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/registry.hpp>

#include "../../instruments/biff8_workbook.hpp"
#include "../../instruments/kla_nanosuite.hpp"
#include "../../instruments/ole2_container.hpp"

namespace {

constexpr double kExact = 1e-12;
constexpr double kPi = 3.14159265358979323846;

const vitrum::Reader& reader() {
    const vitrum::Reader* r = vitrum::builtin_readers().find("nanosuite-xls");
    REQUIRE(r != nullptr);
    return *r;
}

vitrum::Dataset read_bytes(const std::string& bytes, const std::string& name) {
    std::istringstream in(bytes);
    return reader().read(in, name);
}

vitrum::Dataset read(const std::string& relative) {
    return read_bytes(vitrum::text::read_file_bytes(vitrum::test::testdata(relative)), relative);
}

double prop(const vitrum::Curve& c, const std::string& key) {
    const auto it = c.properties.find(key);
    REQUIRE_MESSAGE(it != c.properties.end(), key);
    return it->second.value;
}

}  // namespace

TEST_CASE("nanosuite-xls sniffs NanoSuite workbooks and nothing else") {
    const std::string fs = vitrum::text::read_file_bytes(
        vitrum::test::testdata("indentation/micromechanics/FS_XP.xls"));
    CHECK(reader().sniff(std::string_view(fs).substr(0, 65536), "FS_XP.xls"));
    CHECK_FALSE(reader().sniff("Depth (nm)\tLoad (uN)\n", "x.xls"));
    CHECK_FALSE(reader().sniff(std::string_view(fs).substr(0, 512), "x.xls"));  // no sheet names
}

TEST_CASE("the FS_XP workbook has 13 sheets in NanoSuite order") {
    // PROVENANCE.md, file 1: Results, Required Inputs, Inputs Editable Post Test, Test 009 …
    // Test 001, Sheet1.
    const std::string path = vitrum::test::testdata("indentation/micromechanics/FS_XP.xls");
    const std::string bytes = vitrum::text::read_file_bytes(path);
    const auto book =
        vitrum::sheet::parse_biff8(vitrum::ole2::read_stream(bytes, {"Workbook"}, path), path);
    REQUIRE(book.sheets.size() == 13);
    CHECK(book.sheets[0].name == "Results");
    CHECK(book.sheets[2].name == "Inputs Editable Post Test");
    CHECK(book.sheets[3].name == "Test 009");
    CHECK(book.sheets[11].name == "Test 001");
    CHECK(book.sheets[12].name == "Sheet1");
    const auto* test1 = book.find("Test 001");
    REQUIRE(test1 != nullptr);
    CHECK(test1->text(0, 1) == "Displacement Into Surface");
    CHECK(test1->text(1, 1) == "nm");
    CHECK(test1->columns_in(0) == 31);
}

TEST_CASE("FS_XP.xls gives nine CSM curves in SI with markers and metadata") {
    const auto data = read("indentation/micromechanics/FS_XP.xls");
    REQUIRE(data.curves.size() == 9);
    const std::size_t rows[9] = {1521, 586, 642, 907, 768, 755, 947, 771, 756};
    for (std::size_t i = 0; i < 9; ++i) CHECK(data.curves[i].data.rows() == rows[i]);
    const auto& c = data.curves[0];
    CHECK(c.name == "Test 001");
    CHECK(c.data.columns().size() == 30);
    // Sheet Test 001 row 3 (first data row): -2593.126 nm, 0.018043 mN, -234.8 s (PROVENANCE.md).
    CHECK_REL(c.data.values(vitrum::channel::depth).front(), -2593.126434032199e-9, kExact);
    CHECK_REL(c.data.values(vitrum::channel::load).front(), 0.018043108936233166e-3, kExact);
    CHECK_REL(c.data.values(vitrum::channel::time).front(), -234.79999999999205, kExact);
    CHECK_REL(c.data.values(vitrum::channel::harmonic_stiffness).front(), -1.8055805071344073,
              kExact);
    CHECK_REL(c.data.values(vitrum::channel::phase_angle).front(), 148.67005319300637 * kPi / 180,
              kExact);
    CHECK(std::isnan(c.data.values(vitrum::channel::vendor_hardness).front()));  // DBL_MAX
    // Last data row (sheet row 1523; the END row after it holds no data).
    CHECK_REL(c.data.values(vitrum::channel::depth).back(), 571.6767207095553e-9, kExact);
    CHECK_REL(c.data.values(vitrum::channel::load).back(), 10.328976713876878e-3, kExact);
    CHECK_REL(c.data.values(vitrum::channel::time).back(), 170.60000000000775, kExact);
    CHECK(c.data.column("Time").original_unit == "s");  // the total time stays under its own name
    CHECK(c.data.column(vitrum::channel::depth).original_name == "Displacement Into Surface");

    REQUIRE(c.data.segments.size() == 4);
    CHECK(c.data.segments[0].kind == vitrum::SegmentKind::loading);
    CHECK(c.data.segments[0].label == "Load Segment Type");
    CHECK(c.data.segments[1].begin == 1457);
    CHECK(c.data.segments[1].kind == vitrum::SegmentKind::holding);
    CHECK(c.data.segments[2].begin == 1467);
    CHECK(c.data.segments[2].kind == vitrum::SegmentKind::unloading);
    CHECK(c.data.segments[3].begin == 1493);
    CHECK(c.data.segments[3].end == 1521);
    CHECK(c.data.segments[3].kind == vitrum::SegmentKind::drift);

    // Required Inputs / Inputs Editable Post Test: ν = 0.18; frame stiffness channel 5.2e6 N/m.
    CHECK_REL(data.source.properties.at("poisson_ratio").value, 0.18, kExact);
    CHECK_REL(data.source.properties.at("frame_stiffness").value, 5.2e6, kExact);
    // Results sheet: area coefficients 24.6954, 395.7700812, −16.13158277 (nm units) → SI.
    CHECK_REL(data.source.properties.at("area_c0").value, 24.6954, kExact);
    CHECK_REL(data.source.properties.at("area_c1").value, 395.7700812e-9, kExact);
    CHECK_REL(data.source.properties.at("area_c2").value, -16.13158277 * std::pow(1e-9, 1.5),
              kExact);
    CHECK(data.source.metadata.at("tip_name") == "Berk-20210318");
    // Results: test 1 E/H averages 76.015 / 9.817 GPa; Required Inputs: X 113010.597 µm.
    CHECK_REL(prop(c, "vendor_modulus"), 76.015e9, kExact);
    CHECK_REL(prop(c, "vendor_hardness"), 9.817e9, kExact);
    CHECK_REL(prop(c, "position_x"), 113010.597e-6, kExact);
    CHECK_REL(prop(data.curves[8], "vendor_modulus"), 78.205e9, kExact);
    REQUIRE(data.tables.size() == 1);
    CHECK(data.tables[0].name == "Results");
    CHECK(data.tables[0].row_labels.size() == 12);  // 9 tests, Mean, Std. Dev., % COV
}

TEST_CASE("FQ.xls carries the vendor's per-cycle results for 10 tests x 5 cycles") {
    const auto data = read("indentation/micromechanics/FQ.xls");
    REQUIRE(data.curves.size() == 10);
    const auto& c = data.curves[0];
    CHECK(c.data.rows() == 2979);
    CHECK(c.data.columns().size() == 3);
    CHECK_ABS(c.data.values(vitrum::channel::depth).front(), 0.0, 0.0);
    CHECK_REL(c.data.values(vitrum::channel::depth).back(), 1098.6437682866876e-9, kExact);
    CHECK_REL(c.data.values(vitrum::channel::load).back(), 3.703255064893174e-3, kExact);
    CHECK_REL(c.data.values(vitrum::channel::time).back(), 194.37000000011858, kExact);
    REQUIRE(c.data.segments.size() == 10);
    CHECK(c.data.segments[0].label == "Cycle Begin Marker 1");
    CHECK(c.data.segments[0].kind == vitrum::SegmentKind::loading);
    CHECK(c.data.segments[1].label == "Cycle Unload Marker 1");
    CHECK(c.data.segments[1].begin == 378);
    CHECK(c.data.segments[1].kind == vitrum::SegmentKind::unloading);
    CHECK(c.data.segments[9].end == 2979);

    for (const auto& curve : data.curves) {
        for (int cycle = 1; cycle <= 5; ++cycle) {
            for (const char* q :
                 {"modulus", "hardness", "max_depth", "max_load", "stiffness", "S2_over_P"}) {
                CHECK_MESSAGE(
                    curve.properties.count("vendor_cycle" + std::to_string(cycle) + "_" + q) == 1,
                    curve.name, " cycle ", cycle, " ", q);
            }
        }
    }
    // Results rows "1-1" and "1-5" (reference/indentation.md §1.5 c): printed to 3–6 figures.
    CHECK_REL(prop(c, "vendor_cycle1_modulus"), 73.5e9, kExact);
    CHECK_REL(prop(c, "vendor_cycle1_hardness"), 9.44e9, kExact);
    CHECK_REL(prop(c, "vendor_cycle1_max_depth"), 524.2e-9, kExact);
    CHECK_REL(prop(c, "vendor_cycle1_max_load"), 31.136e-3, kExact);
    CHECK_REL(prop(c, "vendor_cycle1_stiffness"), 145949.167, kExact);
    CHECK_REL(prop(c, "vendor_cycle1_S2_over_P"), 684.131e9, kExact);  // column "PoverS2"
    CHECK_REL(prop(c, "vendor_cycle5_max_load"), 496.989e-3, kExact);
    CHECK_REL(prop(c, "vendor_cycle5_S2_over_P"), 687.628e9, kExact);
    CHECK_REL(prop(data.curves[9], "vendor_cycle5_stiffness"), 584263.603, kExact);  // row "10-5"
    CHECK_REL(prop(c, "vendor_modulus"), 72.8e9, kExact);  // "Avg E" of test 1
    CHECK_REL(data.source.properties.at("poisson_ratio").value, 0.18, kExact);
    CHECK_REL(data.source.properties.at("frame_stiffness").value, 3.6e6,
              kExact);                                    // correction input
    CHECK(data.source.properties.count("area_c0") == 0);  // not in this file
}

TEST_CASE("Popin.xls reads 12 CSM tests and ignores the marker after END") {
    const auto data = read("indentation/micromechanics/Popin.xls");
    REQUIRE(data.curves.size() == 12);
    const std::size_t rows[12] = {380, 395, 375, 390, 377, 381, 375, 376, 379, 376, 384, 375};
    for (std::size_t i = 0; i < 12; ++i) CHECK(data.curves[i].data.rows() == rows[i]);
    const auto& last = data.curves[11];
    CHECK(last.name == "Test 012");
    CHECK_REL(last.data.values(vitrum::channel::depth).front(), 3.0160153696765186e-9, kExact);
    CHECK_REL(last.data.values(vitrum::channel::depth).back(), 996.7193754128892e-9, kExact);
    CHECK_REL(last.data.values(vitrum::channel::harmonic_stiffness).back(), 725772.5895295932,
              kExact);
    CHECK_REL(last.data.values(vitrum::channel::vendor_modulus).back(), 432.00557092338414e9,
              kExact);
    REQUIRE(last.data.segments.size() == 1);
    CHECK(last.data.segments[0].label == "Surface Marker");
    CHECK(last.data.segments[0].end == 375);
    CHECK_REL(data.source.properties.at("poisson_ratio").value, 0.3, kExact);
    // Results "Avg Modulus [100-200 nm]" of test 1: 330.9 GPa.
    CHECK_REL(prop(data.curves[0], "vendor_modulus"), 330.9e9, kExact);
}

TEST_CASE("nanosuite-xls refuses truncated and corrupted workbooks with the file name") {
    const std::string name = "indentation/micromechanics/FS_XP.xls";
    const std::string bytes = vitrum::text::read_file_bytes(vitrum::test::testdata(name));
    for (std::size_t cut :
         {std::size_t{512}, std::size_t{100000}, bytes.size() / 2, bytes.size() - 1}) {
        CHECK_THROWS_WITH_AS(read_bytes(bytes.substr(0, cut), "cut.xls"),
                             doctest::Contains("cut.xls: not a readable OLE2 compound file"),
                             vitrum::ParseError);
    }
    // The stream itself cut inside Test 001's records.
    const std::string stream = vitrum::ole2::read_stream(bytes, {"Workbook"}, name);
    CHECK_THROWS_WITH_AS(vitrum::sheet::parse_biff8(stream.substr(0, 3500000), "cut.xls"),
                         doctest::Contains("cut.xls [Test 001]: BIFF8 record"), vitrum::ParseError);

    // Flip the high byte of the first SST string's length ("Segment", 7 → 0xFF07 characters).
    std::string flipped = bytes;
    const auto at = flipped.find(std::string("\x07\x00\x00Segment", 10));
    REQUIRE(at != std::string::npos);
    flipped[at + 1] = '\xFF';
    CHECK_THROWS_WITH_AS(read_bytes(flipped, "flip.xls"),
                         doctest::Contains("flip.xls [workbook globals]: BIFF8 record 0x00FC"),
                         vitrum::ParseError);
}

TEST_CASE("nanosuite-xls refuses a workbook without test sheets or without a load channel") {
    vitrum::sheet::Workbook book;
    vitrum::sheet::Sheet results;
    results.name = "Results";
    results.set_text(0, 0, "Test");
    book.sheets.push_back(results);
    CHECK_THROWS_WITH_AS(vitrum::nanosuite::workbook_to_dataset(book, "plain.xls", "x"),
                         doctest::Contains("plain.xls: no sheet named 'Test <n>'"),
                         vitrum::FormatError);

    vitrum::sheet::Sheet test;
    test.name = "Test 001";
    test.set_text(0, 0, "Segment");
    test.set_text(0, 1, "Displacement Into Surface");
    test.set_text(0, 2, "Time On Sample");
    test.set_text(1, 1, "nm");
    test.set_text(1, 2, "s");
    test.set_number(2, 1, 1.0);
    test.set_number(2, 2, 0.1);
    book.sheets.push_back(test);
    CHECK_THROWS_WITH_AS(vitrum::nanosuite::workbook_to_dataset(book, "noload.xls", "x"),
                         doctest::Contains("noload.xls [Test 001] row 1: expected a depth channel"),
                         vitrum::ParseError);
}
