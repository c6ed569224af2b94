// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The .xlsx workbook layer (libzip + pugixml) on FusedSilica.xlsx (indentationGUI, MIT).
// Expected cells were read from the sheet XML with Python's zipfile, independently of this code.
#include "../../instruments/xlsx_workbook.hpp"

#include <check.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>

namespace {

std::string fused_silica() {
    return vitrum::text::read_file_bytes(
        vitrum::test::testdata("indentation/indentationGUI/FusedSilica.xlsx"));
}

}  // namespace

TEST_CASE("parse_cell_ref turns A1 references into zero-based row and column") {
    vitrum::sheet::CellRef ref;
    REQUIRE(vitrum::sheet::parse_cell_ref("A1", ref));
    CHECK(ref.row == 0);
    CHECK(ref.col == 0);
    REQUIRE(vitrum::sheet::parse_cell_ref("AB12", ref));
    CHECK(ref.row == 11);
    CHECK(ref.col == 27);
    REQUIRE(vitrum::sheet::parse_cell_ref("XFD1048576", ref));  // the last cell Excel allows
    CHECK(ref.col == 16383);
    for (const char* bad : {"", "A", "12", "A0", "a1", "1A", "XFE1", "A1048577", "A1B"}) {
        CHECK_FALSE_MESSAGE(vitrum::sheet::parse_cell_ref(bad, ref), bad);
    }
}

TEST_CASE("read_xlsx lists the 23 sheets of FusedSilica.xlsx and keeps omitted cells empty") {
    const auto book = vitrum::sheet::read_xlsx(fused_silica(), "FusedSilica.xlsx");
    REQUIRE(book.sheets.size() == 23);
    CHECK(book.sheets[0].name == "Results");
    CHECK(book.sheets[2].name == "Pre-Test Inputs");
    CHECK(book.sheets[6].name == "Cycles-GroupedByTest");
    CHECK(book.sheets[7].name == "Test 1");
    CHECK(book.sheets[22].name == "Test 16");
    const auto* test1 = book.find("Test 1");
    REQUIRE(test1 != nullptr);
    CHECK(test1->text(0, 0) == "Markers");
    CHECK(test1->text(1, 2) == "mN");
    CHECK(test1->text(2, 0) == "Surface Index");
    CHECK(test1->at(1, 0).kind == vitrum::sheet::CellKind::empty);  // A2 is absent from the XML
    CHECK(test1->at(3, 0).kind == vitrum::sheet::CellKind::empty);  // A4 too
    CHECK_ABS(*test1->number(3, 1), 54.5337669, 0.0);               // B4
    CHECK_ABS(*test1->number(3, 2), -0.000441536046155608, 0.0);    // C4
    CHECK(test1->rows() == 2869);  // rows 1..2869 hold cells; row 2870 is empty
    // Shared strings written twice-encoded by InView stay as found at this layer.
    CHECK(book.find("Results")->text(1, 4) == "\xC3\x82\xC2\xB5m");
}

TEST_CASE("read_xlsx refuses a zip that is not a workbook and a truncated archive") {
    const std::string other = vitrum::text::read_file_bytes(
        vitrum::test::testdata("indentation/micromechanics/multipleIndentations.zip"));
    CHECK_THROWS_WITH_AS(vitrum::sheet::read_xlsx(other, "indents.zip"),
                         doctest::Contains("indents.zip: the zip archive has no xl/workbook.xml"),
                         vitrum::FormatError);
    const std::string bytes = fused_silica();
    for (std::size_t cut : {std::size_t{100}, bytes.size() / 2, bytes.size() - 10}) {
        CHECK_THROWS_WITH_AS(vitrum::sheet::read_xlsx(bytes.substr(0, cut), "cut.xlsx"),
                             doctest::Contains("cut.xlsx: not a readable zip archive"),
                             vitrum::ParseError);
    }
    CHECK_THROWS_WITH_AS(vitrum::sheet::read_xlsx("PK\x03\x04garbage", "tiny.xlsx"),
                         doctest::Contains("tiny.xlsx: not a readable zip archive"),
                         vitrum::ParseError);
}
