// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The in-memory sheet model shared by the .xls and .xlsx parsers.
#include "../../instruments/biff8_workbook.hpp"

#include <check.hpp>
#include <vitrum/core/error.hpp>

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
    CHECK(s.set_number(0, Sheet::kMaxColumns - 1, 1.0));
    CHECK(s.columns_in(0) == Sheet::kMaxColumns);
    CHECK(s.set_number(1, 0, 2.0));  // one more full row: 32768 cells for 2 values, in the slack
    CHECK(s.rows() == 2);
    CHECK_ABS(*s.number(1, 0), 2.0, 0.0);
    CHECK_ABS(*s.number(0, Sheet::kMaxColumns - 1), 1.0, 0.0);
}

TEST_CASE("a sheet refuses a layout with over 64 cells per value beyond its 65536-cell slack") {
    // Cells are stored as one rows × width block; a lone cell in the last legal row would need
    // 2^20 cells (16 MiB) for one value: refused (biff8_workbook.hpp, set_number).
    Sheet s;
    s.name = "Test 001";
    CHECK_THROWS_WITH_AS(s.set_number(Sheet::kMaxRows - 1, 0, 1.0),
                         "sheet 'Test 001': a cell at row 1048576, column 1 makes 1048576 cells "
                         "for 1 values (the sheet is too sparse to be real data)",
                         vitrum::FormatError);
    // 65536 + 64 cells are allowed for the first value; one row further is not.
    Sheet t;
    t.name = "sparse";
    CHECK(t.set_number(65600 - 1, 0, 1.0));
    CHECK(t.rows() == 65600);
    CHECK_THROWS_AS(t.set_number(65600 + 128, 0, 1.0), vitrum::FormatError);
    CHECK(t.set_number(65600, 0, 1.0));  // the row after is within 64 per value again
    // Rewriting one cell does not count as more values: 1000 writes of (0, 0) buy nothing.
    Sheet u;
    u.name = "rewritten";
    for (int i = 0; i < 1000; ++i) CHECK(u.set_number(0, 0, i));
    CHECK_THROWS_AS(u.set_number(65600 + 64, 0, 1.0), vitrum::FormatError);
}

TEST_CASE("a sheet written out of order keeps every cell when it widens") {
    // Widening re-lays the block; values written before must keep their (row, column).
    Sheet s;
    for (std::size_t r = 0; r < 50; ++r) CHECK(s.set_number(r, 0, static_cast<double>(r)));
    for (std::size_t c = 1; c < 40; ++c) CHECK(s.set_number(c % 7, c, 1000.0 + c));
    CHECK(s.set_text(49, 39, "last"));
    for (std::size_t r = 0; r < 50; ++r) CHECK_ABS(*s.number(r, 0), static_cast<double>(r), 0.0);
    for (std::size_t c = 1; c < 40; ++c) CHECK_ABS(*s.number(c % 7, c), 1000.0 + c, 0.0);
    CHECK(s.text(49, 39) == "last");
    CHECK(s.columns_in(6) == 35);  // row 6 holds c = 6, 13, 20, 27, 34 (and column 0)
    CHECK(s.columns_in(7) == 1);
    CHECK(s.at(7, 5).kind == CellKind::empty);
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
