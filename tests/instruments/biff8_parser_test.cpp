// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The BIFF8 record parser on synthetic streams built byte by byte from the MS-XLS layouts.
#include <check.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vitrum/core/error.hpp>

#include "../../instruments/biff8_workbook.hpp"

namespace {

using vitrum::sheet::CellKind;
using vitrum::sheet::decode_rk;
using vitrum::sheet::parse_biff8;

std::string le16(std::uint16_t v) {
    return {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)};
}
std::string le32(std::uint32_t v) { return le16(v & 0xFFFF) + le16(v >> 16); }
std::string le64(double d) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &d, sizeof bits);
    return le32(static_cast<std::uint32_t>(bits)) + le32(static_cast<std::uint32_t>(bits >> 32));
}
std::string utf16(const std::u16string& s) {
    std::string out;
    for (char16_t c : s) out += le16(static_cast<std::uint16_t>(c));
    return out;
}
std::string rec(std::uint16_t type, const std::string& body) {
    return le16(type) + le16(static_cast<std::uint16_t>(body.size())) + body;
}
std::string bof(std::uint16_t kind, std::uint16_t version = 0x0600) {
    return rec(0x0809, le16(version) + le16(kind) + std::string(12, '\0'));
}
std::string eof() { return rec(0x000A, ""); }
std::string cell(std::uint16_t row, std::uint16_t col) { return le16(row) + le16(col) + le16(15); }
std::string rk_int(std::int32_t v, bool x100 = false) {
    return le32((static_cast<std::uint32_t>(v) << 2) | 0x2u | (x100 ? 0x1u : 0x0u));
}

// One worksheet "Sheet A" with every cell record the parser knows; `cells` replaces the default.
std::string workbook(const std::string& cells, const std::string& sst_records,
                     std::uint16_t version = 0x0600) {
    const auto globals = [&](std::uint32_t offset) {
        return bof(0x0005, version) +
               rec(0x0085, le32(offset) + std::string("\0\0", 2) + "\x07" + std::string(1, '\0') +
                               "Sheet A") +
               sst_records + eof();
    };
    const std::string head = globals(0);
    return globals(static_cast<std::uint32_t>(head.size())) + bof(0x0010) + cells + eof();
}

// SST: "Segment"; "Load " + (CONTINUE, 16-bit) "Ωn"; rich "Rich" (1 run); 16-bit "µm²" with
// 2 bytes of phonetic data.
std::string sst_with_continue() {
    const std::string part1 = le32(4) + le32(4) + le16(7) + std::string(1, '\0') + "Segment" +
                              le16(7) + std::string(1, '\0') + "Load ";
    const std::string part2 = std::string("\x01", 1) + utf16(u"\u03A9n") + le16(4) + "\x08" +
                              le16(1) + "Rich" + le32(0) + le16(3) + "\x05" + le32(2) +
                              utf16(u"\u00B5m\u00B2") + "xy";
    return rec(0x00FC, part1) + rec(0x003C, part2);
}

std::string all_cells() {
    std::string c;
    for (std::uint32_t i = 0; i < 4; ++i)
        c += rec(0x00FD, cell(0, static_cast<std::uint16_t>(i)) + le32(i));
    c += rec(0x0203, cell(1, 1) + le64(-2593.126434032199));
    c += rec(0x027E, cell(1, 2) + rk_int(42));
    c += rec(0x027E, cell(1, 3) + rk_int(1234, true));
    c += rec(0x027E, cell(1, 4) + le32(0x3FF80000u));      // high bits of 1.5
    c += rec(0x027E, cell(1, 5) + le32(0x3FF80000u | 1));  // 1.5 / 100
    c += rec(0x027E, cell(1, 6) + rk_int(-7));
    c += rec(0x00BD, le16(2) + le16(1) + le16(15) + rk_int(1) + le16(15) + rk_int(2) + le16(15) +
                         rk_int(3) + le16(3));
    c += rec(0x0204, cell(3, 0) + le16(3) + std::string(1, '\0') + "END");
    c += rec(0x0006, cell(3, 1) + le64(2.5) + le16(0) + le32(0) + le16(0));
    c +=
        rec(0x0006, cell(3, 2) + std::string(6, '\0') + le16(0xFFFF) + le16(0) + le32(0) + le16(0));
    c += rec(0x0207, le16(3) + std::string(1, '\0') + "abc");
    c += rec(0x0205, cell(3, 3) + std::string("\x01\x00", 2));
    c += rec(0x0205, cell(3, 4) + std::string("\x07\x01", 2));  // #DIV/0! stays empty
    // An embedded chart: its cells belong to the chart, not to the sheet.
    c += bof(0x0020) + rec(0x0203, cell(9, 9) + le64(99.0)) + eof();
    return c;
}

}  // namespace

TEST_CASE("decode_rk handles integers, the x100 flag and IEEE high bits") {
    // MS-XLS 2.5.217 RkNumber: exact by construction.
    CHECK_ABS(decode_rk((42u << 2) | 2u), 42.0, 0.0);
    CHECK_ABS(decode_rk((1234u << 2) | 3u), 12.34, 1e-15);
    CHECK_ABS(decode_rk(0x3FF80000u), 1.5, 0.0);
    CHECK_ABS(decode_rk(0x3FF80000u | 1u), 0.015, 1e-17);
    CHECK_ABS(decode_rk((static_cast<std::uint32_t>(-7) << 2) | 2u), -7.0, 0.0);
    CHECK_ABS(decode_rk((static_cast<std::uint32_t>(-536870912) << 2) | 2u), -536870912.0, 0.0);
}

TEST_CASE("parse_biff8 reads every cell record of a synthetic stream") {
    const auto book = parse_biff8(workbook(all_cells(), sst_with_continue()), "synthetic.xls");
    REQUIRE(book.sheets.size() == 1);
    const auto& s = book.sheets[0];
    CHECK(s.name == "Sheet A");
    CHECK(s.text(0, 0) == "Segment");
    CHECK(s.text(0, 1) == "Load \u03A9n");  // 8-bit start, 16-bit continuation
    CHECK(s.text(0, 2) == "Rich");
    CHECK(s.text(0, 3) == "\u00B5m\u00B2");
    CHECK_ABS(*s.number(1, 1), -2593.126434032199, 0.0);
    CHECK_ABS(*s.number(1, 2), 42.0, 0.0);
    CHECK_ABS(*s.number(1, 3), 12.34, 1e-15);
    CHECK_ABS(*s.number(1, 4), 1.5, 0.0);
    CHECK_ABS(*s.number(1, 5), 0.015, 1e-17);
    CHECK_ABS(*s.number(1, 6), -7.0, 0.0);
    CHECK_ABS(*s.number(2, 1), 1.0, 0.0);
    CHECK_ABS(*s.number(2, 3), 3.0, 0.0);
    CHECK(s.text(3, 0) == "END");
    CHECK_ABS(*s.number(3, 1), 2.5, 0.0);
    CHECK(s.text(3, 2) == "abc");
    CHECK_ABS(*s.number(3, 3), 1.0, 0.0);
    CHECK(s.at(3, 4).kind == CellKind::empty);
    CHECK(s.at(9, 9).kind == CellKind::empty);
    CHECK(s.rows() == 4);
}

TEST_CASE("parse_biff8 refuses a truncated stream with file, sheet and offset") {
    const std::string full = workbook(all_cells(), sst_with_continue());
    for (std::size_t cut : {full.size() - 1, full.size() - 10, full.size() - 40}) {
        CHECK_THROWS_WITH_AS(parse_biff8(full.substr(0, cut), "cut.xls"),
                             doctest::Contains("cut.xls [Sheet A]: BIFF8 record"),
                             vitrum::ParseError);
    }
    CHECK_THROWS_WITH_AS(parse_biff8(full.substr(0, 40), "cut.xls"), doctest::Contains("truncated"),
                         vitrum::ParseError);
}

TEST_CASE("parse_biff8 refuses out-of-range indices and inconsistent lengths") {
    const std::string sst = sst_with_continue();
    CHECK_THROWS_WITH_AS(parse_biff8(workbook(rec(0x00FD, cell(0, 0) + le32(99)), sst), "bad.xls"),
                         doctest::Contains("shared string index 99 but the table has 4"),
                         vitrum::ParseError);
    const std::string bad_mulrk =
        rec(0x00BD, le16(2) + le16(1) + le16(15) + rk_int(1) + le16(15) + rk_int(2) + le16(9));
    CHECK_THROWS_WITH_AS(parse_biff8(workbook(bad_mulrk, sst), "bad.xls"),
                         doctest::Contains("MULRK columns 1..9 for 2 values"), vitrum::ParseError);
    CHECK_THROWS_WITH_AS(parse_biff8(workbook(rec(0x0203, cell(0, 0)), sst), "bad.xls"),
                         doctest::Contains("at least 14 bytes, found 6"), vitrum::ParseError);
    // A string that claims more characters than the table holds.
    const std::string short_sst =
        rec(0x00FC, le32(1) + le32(1) + le16(500) + std::string(1, '\0') + "abc");
    CHECK_THROWS_WITH_AS(parse_biff8(workbook("", short_sst), "bad.xls"),
                         doctest::Contains("shared string table: expected 497 more characters"),
                         vitrum::ParseError);
}

TEST_CASE("parse_biff8 refuses BIFF5 and a sheet offset outside the stream") {
    CHECK_THROWS_WITH_AS(parse_biff8(workbook("", "", 0x0500), "old.xls"),
                         doctest::Contains("BIFF version 0x0500"), vitrum::FormatError);
    const std::string book =
        bof(0x0005) +
        rec(0x0085, le32(1u << 30) + std::string("\0\0", 2) + "\x01" + std::string(1, '\0') + "X") +
        eof();
    CHECK_THROWS_WITH_AS(parse_biff8(book, "far.xls"), doctest::Contains("lies beyond the stream"),
                         vitrum::ParseError);
}
