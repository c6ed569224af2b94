// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "../../instruments/dsc_common.hpp"

#include <fmt/format.h>

#include <cmath>
#include <sstream>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>

#include "check.hpp"

using namespace vitrum;
using namespace vitrum::dsc_io;

TEST_CASE("parse_netzsch_step reads ramps with either decimal mark and hh:mm isotherms") {
    const auto cool = parse_netzsch_step(
        "140\xC2\xB0"
        "C/10.0(K/min)/50\xC2\xB0"
        "C");
    REQUIRE(cool);
    CHECK(cool->kind == SegmentKind::cooling);
    CHECK_REL(*cool->program_rate_K_per_s, -10.0 / 60.0, 1e-12);
    CHECK_REL(*cool->program_start_K, 413.15, 1e-12);
    const auto heat = parse_netzsch_step(
        "-80\xC2\xB0"
        "C/10,0(K/min)/200\xC2\xB0"
        "C");
    REQUIRE(heat);
    CHECK(heat->kind == SegmentKind::heating);
    CHECK_REL(*heat->program_end_K, 473.15, 1e-12);
    const auto iso = parse_netzsch_step(
        "50\xC2\xB0"
        "C/04:00/50\xC2\xB0"
        "C");
    REQUIRE(iso);
    CHECK(iso->kind == SegmentKind::isothermal);
    CHECK_ABS(*iso->program_rate_K_per_s, 0.0, 0.0);
    CHECK_FALSE(
        parse_netzsch_step("25\xC2\xB0"
                           "C....200\xC2\xB0"
                           "C/-7.0....7.0K/min"));
}

TEST_CASE("parse_ta_step follows the temperature through Equilibrate, Ramp and Isothermal") {
    std::optional<double> current;
    CHECK_FALSE(
        parse_ta_step("3: Equilibrate at -60.00 \xC2\xB0"
                      "C",
                      current));
    REQUIRE(current);
    CHECK_REL(*current, 213.15, 1e-12);
    const auto ramp = parse_ta_step(
        "5: Ramp 5.00 \xC2\xB0"
        "C/min to 150.00 \xC2\xB0"
        "C",
        current);
    REQUIRE(ramp);
    CHECK(ramp->kind == SegmentKind::heating);
    CHECK_REL(*ramp->program_start_K, 213.15, 1e-12);
    const auto iso = parse_ta_step("Isothermal 1.0 min", current);
    REQUIRE(iso);
    CHECK_REL(*iso->program_start_K, 423.15, 1e-12);
    const auto down = parse_ta_step(
        "Ramp 10,00 \xC2\xB0"
        "C/min to 25,00 \xC2\xB0"
        "C",
        current);
    REQUIRE(down);
    CHECK(down->kind == SegmentKind::cooling);
    CHECK_REL(*down->program_rate_K_per_s, -10.0 / 60.0, 1e-12);
    CHECK_FALSE(parse_ta_step("Sampling interval 1.00 s/pt", current));
}

TEST_CASE("canonical_channel needs both a keyword and the right dimension") {
    CHECK(canonical_channel("Temp.",
                            "\xC2\xB0"
                            "C") == channel::temperature);
    CHECK(canonical_channel("Furnace Temperature",
                            "\xC2\xB0"
                            "C") == channel::program_temperature);
    CHECK(canonical_channel("Tzero Temperature",
                            "\xC2\xB0"
                            "C")
              .empty());
    CHECK(canonical_channel("DSC", "mW/mg") == channel::specific_heat_flow);
    CHECK(canonical_channel("DSC", "uV/mg").empty());
    CHECK(canonical_channel("Sensit.", "uV/mW") == channel::sensitivity);
    CHECK(canonical_channel("Baseline Heat Flow", "mW").empty());
    CHECK(canonical_channel("TG", "mg") == channel::mass);
    CHECK(canonical_channel("Temperature", "").empty());
}

TEST_CASE("make_column converts to SI, repairs 'ml' and never reuses a taken name") {
    std::vector<std::string> warnings;
    const Column flow = make_column("Gas Flow(purge2)", "ml/min", {60.0}, {}, warnings);
    CHECK_REL(flow.values[0], 1e-6, 1e-12);  // 60 mL/min = 1e-6 m^3/s
    const Column second = make_column("Temperature", "K", {300.0}, {"temperature"}, warnings);
    CHECK(second.name == "Temperature");
    const Column odd = make_column("Pressure", "kPa gauge", {14.9}, {}, warnings);
    CHECK_REL(odd.values[0], 14.9, 1e-15);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("kPa gauge") != std::string::npos);
}

TEST_CASE("parse_rows names the line and column of the first bad field") {
    const std::string text = "h\n1;2\n3;x4\n";
    const auto lines = text::split_lines(text);
    TableLayout layout;
    layout.delimiter = ';';
    layout.columns = 2;
    CHECK_THROWS_WITH_AS(parse_rows(lines, 1, lines.size(), layout, "f.csv"),
                         doctest::Contains("f.csv:3:3: expected a number, found 'x4'"), ParseError);
}

TEST_CASE(
    "parse_rows reads trailing separators, empty cells and long tables like the careful path") {
    std::string text = "h\n1;2;\n;4\n\n";
    for (int i = 0; i < 3000; ++i) text += fmt::format("{};{}.5\n", i, i);
    const auto lines = text::split_lines(text);
    TableLayout layout;
    layout.delimiter = ';';
    layout.columns = 2;
    layout.empty_is_nan = true;
    const RawTable raw = parse_rows(lines, 1, lines.size(), layout, "f.csv");
    REQUIRE(raw.columns[0].size() == 3002);
    CHECK_ABS(raw.columns[1][0], 2.0, 0.0);
    CHECK(std::isnan(raw.columns[0][1]));
    CHECK(raw.rows_with_empty_fields == 1);
    CHECK_ABS(raw.columns[1][3001], 2999.5, 0.0);
    // Lines 2 and 3, a blank line 4, then lines 5 … 3004.
    CHECK(raw.line_numbers.size() == 3002);
    CHECK(raw.line_numbers[0] == 2);
    CHECK(raw.line_numbers[1] == 3);
    CHECK(raw.line_numbers[2] == 5);
    CHECK(raw.line_numbers[3001] == 3004);
    layout.delimiter = ' ';
    const std::string blanks = "  1.5\t 2 \n3 4 5\n";
    const auto blank_lines = text::split_lines(blanks);
    CHECK_THROWS_WITH_AS(parse_rows(blank_lines, 0, blank_lines.size(), layout, "b.txt"),
                         doctest::Contains("b.txt:2: expected 2 fields separated by blanks, found "
                                           "'3 fields: 3 4 5'"),
                         ParseError);
}

TEST_CASE("TextInput keeps UTF-8 text where it lies and converts only a code-page header") {
    const std::string utf8 =
        "Time (s),Temp (\xC2\xB0"
        "C)\n1,2\n";
    std::istringstream stream(utf8);
    const TextInput a(stream, "a.csv");
    CHECK(a.encoding() == "UTF-8");
    REQUIRE(a.lines().size() == 2);
    CHECK(a.lines()[1] == "1,2");
    const std::string cp1252 =
        "Temp (\xB0"
        "C)\r\n1\r\n";
    const TextInput b(std::string_view(cp1252), "b.csv", "CP1252");
    REQUIRE(b.lines().size() == 2);
    CHECK(b.lines()[0] ==
          "Temp (\xC2\xB0"
          "C)");
    CHECK(b.lines()[1].data() == cp1252.data() + 11);  // the ASCII row is read in place
    CHECK(b.decoded().utf8 ==
          "Temp (\xC2\xB0"
          "C)\r\n1\r\n");
    CHECK_THROWS_WITH_AS(TextInput(std::string_view(" \r\n\t"), "blank.txt"),
                         doctest::Contains("blank.txt: file is empty"), FormatError);
}
