// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <sstream>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;

namespace {

Dataset read_netzsch(const std::string& text, const std::string& name = "synthetic.txt") {
    std::istringstream in(text);
    return builtin_readers().find("netzsch-ascii")->read(in, name);
}

// A DSC 214-style export: padded "#KEY:   ;value" header, decimal comma, heating 10 K/min.
const char* const kPaddedComma =
    "#EXPORTTYPE:                 ;DATA SINGLE\r\n"
    "#FORMAT:                     ;NETZSCH5\r\n"
    "#DECIMAL:                    ;COMMA\r\n"
    "#SEPARATOR:                  ;SEMICOLON\r\n"
    "#INSTRUMENT:                 ;NETZSCH DSC 214\r\n"
    "#SAMPLE:                     ;SB\r\n"
    "#SAMPLE MASS /mg:            ;6,4\r\n"
    "#EXO:                        ;1\r\n"
    "#RANGE:                      ;-80\xB0"
    "C/10,0(K/min)/200\xB0"
    "C\r\n"
    "\r\n"
    "##Temp./\xB0"
    "C;Time/min;DSC/(mW/mg)\r\n"
    "-63,00000;1,70000;1,1677e-001\r\n"
    "-62,00000;1,80000;0,11735\r\n"
    "-61,00000;1,90000;0,11846\r\n";

}  // namespace

TEST_CASE("netzsch-ascii reads the 9-segment DATA ALL export B_1 with damaged degree signs") {
    // share/testdata/dsc/dsc_data_analysis/B_1.txt (mpecchi/dsc_data_analysis, MIT): 15 687 data
    // rows; first " 33.47400;  0.00000;  0.20789;…;1", last "125.17600;421.42667;-0.15258;…;9".
    const Dataset d =
        builtin_readers().read_file(vitrum::test::testdata("dsc/dsc_data_analysis/B_1.txt"));
    CHECK(d.source.format_id == "netzsch-ascii");
    CHECK(d.source.instrument == "NETZSCH DSC 200F3");
    CHECK(d.source.encoding == "UTF-8");
    REQUIRE(d.curves.size() == 1);
    const Curve& c = d.curves.front();
    CHECK(c.name == "Sbr-87-200c-30m_HR5_2ar");
    REQUIRE(c.data.rows() == 15687);
    const auto& T = c.data.values(channel::temperature);
    const auto& t = c.data.values(channel::time);
    const auto& q = c.data.values(channel::specific_heat_flow);
    CHECK_REL(T.front(), 33.474 + 273.15, 1e-12);
    CHECK_REL(t.back(), 421.42667 * 60.0, 1e-12);
    CHECK_REL(q.front(), 0.20789 * 1e3, 1e-12);  // mW/mg = W/g = 1000 W/kg
    CHECK_REL(q.back(), -0.15258 * 1e3, 1e-12);
    CHECK_REL(T.back(), 125.176 + 273.15, 1e-12);
    CHECK(c.data.column(channel::temperature).original_unit == "°C");
    CHECK(c.data.has(channel::sensitivity));
    CHECK(c.data.has(channel::segment));
    // "#SAMPLE MASS /mg:76", "#EXO:-1", nine "#SEG. n:" lines and a Segment column 1…9.
    CHECK_REL(d.source.properties.at(property::sample_mass).value, 76e-6, 1e-12);
    CHECK_ABS(d.source.properties.at(property::exotherm_sign).value, -1.0, 0.0);
    CHECK(d.source.properties.count(property::heating_rate) == 0);  // five ramps, not one
    REQUIRE(d.source.program.size() == 9);
    CHECK(d.source.program[2].kind == SegmentKind::heating);
    CHECK_REL(*d.source.program[2].program_rate_K_per_s, 5.0 / 60.0, 1e-12);
    CHECK(d.source.program[5].kind == SegmentKind::isothermal);
    CHECK(d.source.program[4].kind == SegmentKind::cooling);
    CHECK_REL(*d.source.program[4].program_rate_K_per_s, -7.0 / 60.0, 1e-12);
    REQUIRE(c.data.segments.size() == 9);
    CHECK(c.data.segments[2].label == "S3/9");
    CHECK(c.data.segments[2].kind == SegmentKind::heating);
    // Segment 6 ("50°C/04:00/50°C") spans 4 h of rows at 1 row per 3 s = 4800 rows.
    CHECK(c.data.segments[5].end - c.data.segments[5].begin == 4800);
    CHECK(c.data.segments[5].kind == SegmentKind::isothermal);
    CHECK(c.data.segments.back().end == 15687);
    CHECK_FALSE(d.warnings.empty());  // the U+FFFD repair is stated
}

TEST_CASE("netzsch-ascii reads a padded header with decimal comma and keeps the file's sign") {
    const Dataset d = read_netzsch(kPaddedComma);
    CHECK(d.source.encoding == "CP1252");
    CHECK(d.source.instrument == "NETZSCH DSC 214");
    CHECK_REL(d.source.properties.at(property::sample_mass).value, 6.4e-6, 1e-12);
    CHECK_ABS(d.source.properties.at(property::exotherm_sign).value, 1.0, 0.0);
    CHECK_REL(d.source.properties.at(property::heating_rate).value, 10.0 / 60.0, 1e-12);
    const Curve& c = d.curves.front();
    REQUIRE(c.data.rows() == 3);
    CHECK_REL(c.data.values(channel::temperature)[0], 273.15 - 63.0, 1e-12);
    CHECK_REL(c.data.values(channel::specific_heat_flow)[0], 116.77, 1e-12);  // 3-digit exponent
    CHECK_REL(c.data.values(channel::time)[2], 1.9 * 60.0, 1e-12);
    REQUIRE(c.data.segments.size() == 1);
    CHECK(c.data.segments[0].kind == SegmentKind::heating);
}

TEST_CASE("netzsch-ascii gives the same numbers from UTF-16BE and from CR-only line ends") {
    const Dataset reference = read_netzsch(kPaddedComma);
    std::string cr_only;
    for (const char ch : std::string(kPaddedComma)) {
        if (ch != '\n') cr_only.push_back(ch);
    }
    const Dataset from_cr = read_netzsch(cr_only);
    std::string utf16be = "\xFE\xFF";
    for (const char ch : std::string(kPaddedComma)) {
        utf16be.push_back('\0');
        utf16be.push_back(ch == '\xB0' ? '\xB0' : ch);
    }
    const Dataset from_be = read_netzsch(utf16be);
    CHECK(from_be.source.encoding == "UTF-16BE");
    for (const Dataset* d : {&from_cr, &from_be}) {
        REQUIRE(d->curves.front().data.rows() == 3);
        for (std::size_t i = 0; i < 3; ++i) {
            CHECK_REL(d->curves.front().data.values(channel::temperature)[i],
                      reference.curves.front().data.values(channel::temperature)[i], 1e-15);
            CHECK_REL(d->curves.front().data.values(channel::specific_heat_flow)[i],
                      reference.curves.front().data.values(channel::specific_heat_flow)[i], 1e-15);
        }
    }
}

TEST_CASE("netzsch-ascii sorts rows that run backwards in time and says so") {
    const std::string text =
        "#EXPORTTYPE:DATA SINGLE\n#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n#EXO:-1\n"
        "#SEG. 11:140\xC2\xB0"
        "C/10.0(K/min)/50\xC2\xB0"
        "C\n\n"
        "##Temp./\xC2\xB0"
        "C;Time/min;DSC/(mW/mg)\n"
        " 50.0;96.0;-0.37\n 95.0;91.5;-1.80\n140.0;87.0;-0.02\n";
    const Dataset d = read_netzsch(text);
    const auto& t = d.curves.front().data.values(channel::time);
    CHECK_REL(t.front(), 87.0 * 60.0, 1e-12);
    CHECK_REL(t.back(), 96.0 * 60.0, 1e-12);
    CHECK_REL(d.curves.front().data.values(channel::temperature).front(), 413.15, 1e-12);
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings.front().find("sorted by time") != std::string::npos);
    CHECK_REL(d.source.properties.at(property::heating_rate).value, -10.0 / 60.0, 1e-12);
    CHECK(d.curves.front().data.segments.front().kind == SegmentKind::cooling);
}

TEST_CASE("netzsch-ascii refuses truncated, headerless and corrupted exports with their position") {
    const std::string head =
        "#EXPORTTYPE:DATA SINGLE\n#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n\n"
        "##Temp./\xC2\xB0"
        "C;Time/min;DSC/(mW/mg)\n";
    CHECK_THROWS_WITH_AS(read_netzsch(head + " 50.0;1.0;-0.37\n 50.5;1.1", "cut.txt"),
                         doctest::Contains("cut.txt:7: expected 3 fields separated by ';'"),
                         ParseError);
    CHECK_THROWS_WITH_AS(read_netzsch(head + " 50.0;1.0;-0.37\n 50.5;1.1;-0.3e", "cut.txt"),
                         doctest::Contains("cut.txt:7:11: expected a number, found '-0.3e'"),
                         ParseError);
    CHECK_THROWS_WITH_AS(read_netzsch(head, "empty-data.txt"),
                         doctest::Contains("empty-data.txt:6: expected data rows"), ParseError);
    CHECK_THROWS_WITH_AS(read_netzsch("#EXPORTTYPE:DATA SINGLE\n#DECIMAL:POINT\n", "nohead.txt"),
                         doctest::Contains("the column header line starting with '##'"),
                         ParseError);
    CHECK_THROWS_WITH_AS(read_netzsch(head + " 50,0;1.0;-0.37\n", "comma.txt"),
                         doctest::Contains("comma.txt:6:2: expected a number, found '50,0'"),
                         ParseError);
    CHECK_THROWS_WITH_AS(read_netzsch("", "empty.txt"),
                         doctest::Contains("empty.txt: file is empty"), FormatError);
}
