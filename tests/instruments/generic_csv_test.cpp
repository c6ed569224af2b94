// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <sstream>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/generic_csv.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;

namespace {

Dataset read_table(const std::string& text, const GenericTableOptions& options = {},
                   const std::string& name = "table.csv") {
    std::istringstream in(text);
    return read_generic_table(in, name, options);
}

}  // namespace

TEST_CASE("generic-csv maps a semicolon table with decimal comma and units in the header") {
    const std::string text =
        "sample: PMMA\n\nTime (s);Temp (\xC2\xB0"
        "C);Heat Flow (mW)\n"
        "0;25,0;0,1\n1;25,5;0,2\n2;26,0;0,3\n";
    REQUIRE(builtin_readers().detect(text, "t.csv") == builtin_readers().find("generic-csv"));
    const Dataset d = read_table(text);
    CHECK(d.source.format_id == "generic-csv");
    CHECK(d.source.metadata.at("sample") == "PMMA");
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 3);
    CHECK_REL(s.values(channel::temperature)[1], 298.65, 1e-12);
    CHECK_REL(s.values(channel::heat_flow)[2], 0.3e-3, 1e-12);
    CHECK_REL(s.values(channel::time)[2], 2.0, 1e-12);
}

TEST_CASE("generic-csv reads a units row and per-mass heat flow (MaCFP layout)") {
    const Dataset d =
        read_table("time,Temp,Heat Flow Rate\n[s],[K],[mW/mg]\n0,300,0.1\n1,301,0.2\n2,302,0.3\n");
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 3);
    CHECK_REL(s.values(channel::temperature)[2], 302.0, 1e-12);
    CHECK_REL(s.values(channel::specific_heat_flow)[0], 100.0, 1e-12);
}

TEST_CASE("generic-csv serves indentation tables: depth, load and time") {
    const std::string text = "Depth (nm)\tLoad (mN)\tTime (s)\n1\t0.1\t0\n2\t0.2\t1\n3\t0.3\t2\n";
    REQUIRE(builtin_readers().detect(text, "indent.txt") ==
            builtin_readers().find("generic-csv-indent"));
    CHECK(builtin_readers().detect(text, "indent.txt", Technique::dsc) !=
          builtin_readers().find("generic-csv"));
    const Dataset d = read_table(text, {}, "indent.txt");
    CHECK(d.source.format_id == "generic-csv-indent");
    const Series& s = d.curves.front().data;
    CHECK_REL(s.values(channel::depth)[2], 3e-9, 1e-12);
    CHECK_REL(s.values(channel::load)[2], 0.3e-3, 1e-12);
}

TEST_CASE("generic-csv follows a column map given by header, by index and with a unit override") {
    const std::string text = "a\tb\tc\n0\t50\t1.5\n60\t51\t1.6\n120\t52\t1.7\n";
    GenericTableOptions options;
    options.map = ColumnMap::parse(
        "time=a:s, temperature=2:\xC2\xB0"
        "C, heat_flow=c:mW");
    const Dataset d = read_table(text, options);
    const Series& s = d.curves.front().data;
    CHECK_REL(s.values(channel::time)[2], 120.0, 1e-12);
    CHECK_REL(s.values(channel::temperature)[0], 323.15, 1e-12);
    CHECK_REL(s.values(channel::heat_flow)[1], 1.6e-3, 1e-12);
    CHECK(s.column(channel::heat_flow).original_name == "c");
}

TEST_CASE(
    "generic-csv keeps a keyword column without unit under its own name and says how to map it") {
    const Dataset d = read_table("Time,Temperature,Heat Flow\n0,300,1\n1,301,2\n2,302,3\n");
    const Series& s = d.curves.front().data;
    CHECK_FALSE(s.has(channel::temperature));
    CHECK(s.has("Temperature"));
    REQUIRE(d.warnings.size() == 3);
    CHECK(d.warnings[1].find("column map time=") != std::string::npos);
}

TEST_CASE("generic-csv refuses bad maps, wrong dimensions, corrupted numbers and non-tables") {
    CHECK_THROWS_WITH_AS(ColumnMap::parse("heatflow=2"),
                         doctest::Contains("column map: unknown channel 'heatflow'"),
                         InvalidArgument);
    CHECK_THROWS_WITH_AS(ColumnMap::parse("time"),
                         doctest::Contains("'time' is not channel=column[:unit]"), InvalidArgument);
    CHECK_THROWS_WITH_AS(ColumnMap::parse("time=1:parsec/fortnight"),
                         doctest::Contains("is not a unit"), InvalidArgument);
    GenericTableOptions missing;
    missing.map = ColumnMap::parse("time=Zeit");
    CHECK_THROWS_WITH_AS(read_table("a;b\n1;2\n3;4\n5;6\n", missing),
                         doctest::Contains("time names no column"), InvalidArgument);
    GenericTableOptions wrong;
    wrong.map = ColumnMap::parse("temperature=1:mW");
    CHECK_THROWS_WITH_AS(read_table("a;b\n1;2\n3;4\n5;6\n", wrong),
                         doctest::Contains("has unit 'mW', which cannot be temperature"),
                         UnitError);
    CHECK_THROWS_WITH_AS(read_table("T (K);Q (mW)\n300;1\n301;2\n302;3\n303;4x\n", {}, "bad.csv"),
                         doctest::Contains("bad.csv:5:5: expected a number, found '4x'"),
                         ParseError);
    CHECK_THROWS_WITH_AS(read_table("just some\nwords here\n", {}, "words.txt"),
                         doctest::Contains("words.txt: no table found"), FormatError);
}
