// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The in-memory sheet model shared by the .xls and .xlsx parsers.
#include "../../instruments/biff8_workbook.hpp"

#include <check.hpp>

using vitrum::sheet::CellKind;
using vitrum::sheet::Sheet;

TEST_CASE("a sheet stores numbers and texts sparsely and answers empty outside") {
    Sheet s;
    s.name = "Test 001";
    CHECK(s.set_number(2, 3, -1.25));
    CHECK(s.set_text(0, 0, "Segment"));
    CHECK(s.rows() == 3);
    CHECK(s.columns_in(0) == 1);
    CHECK(s.columns_in(1) == 0);
    CHECK(s.columns_in(2) == 4);
    CHECK_ABS(*s.number(2, 3), -1.25, 0.0);
    CHECK_FALSE(s.number(0, 0).has_value());  // text is not a number
    CHECK(s.text(0, 0) == "Segment");
    CHECK(s.text(2, 3).empty());
    CHECK(s.at(2, 1).kind == CellKind::empty);
    CHECK(s.at(100, 100).kind == CellKind::empty);
    // A later write replaces the cell.
    CHECK(s.set_text(2, 3, "END"));
    CHECK(s.text(2, 3) == "END");
    CHECK_FALSE(s.number(2, 3).has_value());
}

TEST_CASE("a sheet refuses cells beyond the Excel limits instead of allocating them") {
    Sheet s;
    CHECK_FALSE(s.set_number(Sheet::kMaxRows, 0, 1.0));
    CHECK_FALSE(s.set_text(0, Sheet::kMaxColumns, "x"));
    CHECK(s.rows() == 0);
    CHECK(s.set_number(Sheet::kMaxRows - 1, 0, 1.0));
    CHECK(s.rows() == Sheet::kMaxRows);
}

TEST_CASE("a workbook finds sheets by exact name") {
    vitrum::sheet::Workbook book;
    book.sheets.resize(2);
    book.sheets[0].name = "Results";
    book.sheets[1].name = "Test 1";
    REQUIRE(book.find("Test 1") != nullptr);
    CHECK(book.find("Test 1") == &book.sheets[1]);
    CHECK(book.find("test 1") == nullptr);
}
