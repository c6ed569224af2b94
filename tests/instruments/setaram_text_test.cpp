// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <sstream>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;

TEST_CASE("setaram reads the UTF-16 whitespace export with its title-block mass") {
    // share/testdata/dsc/pkynetics/sample_dsc_setaram.txt (PPeitsch/pkynetics, MIT): title
    // "Duran - MAC250-MS20 34.04mg", 13 002 rows; first "1 0 50.06274 53.444034 240.908142
    // -11.195387", last "13002 3900.3 168.969894 202.007788 240.908142 7.076239".
    const Dataset d =
        builtin_readers().read_file(vitrum::test::testdata("dsc/pkynetics/sample_dsc_setaram.txt"));
    CHECK(d.source.format_id == "setaram");
    CHECK(d.source.encoding == "UTF-16LE");
    CHECK(d.source.sample == "Duran - MAC250-MS20 34.04mg");
    CHECK(d.source.date == "26/07/2024 06:03:05 p.m.");
    CHECK_REL(d.source.properties.at(property::sample_mass).value, 34.04e-6, 1e-12);
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 13002);
    CHECK_FALSE(s.has("Index"));
    CHECK_REL(s.values(channel::time).back(), 3900.3, 1e-12);
    CHECK_REL(s.values(channel::program_temperature).front(), 50.06274 + 273.15, 1e-12);
    CHECK_REL(s.values(channel::temperature).front(), 53.444034 + 273.15, 1e-12);
    CHECK_REL(s.values(channel::mass).front(), 240.908142e-6, 1e-12);
    CHECK_REL(s.values(channel::heat_flow).front(), -11.195387e-3, 1e-12);
    CHECK_REL(s.values(channel::heat_flow).back(), 7.076239e-3, 1e-12);
    CHECK_REL(s.values(channel::temperature).back(), 202.007788 + 273.15, 1e-12);
    REQUIRE_FALSE(d.warnings.empty());  // units were assumed, and that is said
    CHECK(d.warnings.front().find("no units") != std::string::npos);
}

TEST_CASE("setaram reads the semicolon exports with units of the sapphire c_p method") {
    // share/testdata/dsc/pkynetics/heat_capacity/*.txt: 22 801 rows each, time 0…22 800 s.
    const Dataset sample = builtin_readers().read_file(
        vitrum::test::testdata("dsc/pkynetics/heat_capacity/sample.txt"));
    CHECK_REL(sample.source.properties.at(property::sample_mass).value, 58.3e-6, 1e-12);
    const Series& s = sample.curves.front().data;
    REQUIRE(s.rows() == 22801);
    // first row "1;0;98.56002;81.999156;240.908142;-17.208829", last "22801;22800;…;-15.476813"
    CHECK_REL(s.values(channel::temperature).front(), 81.999156 + 273.15, 1e-12);
    CHECK_REL(s.values(channel::heat_flow).back(), -15.476813e-3, 1e-12);
    CHECK(s.column(channel::temperature).original_name == "Sample Temperature");
    const Dataset zero =
        builtin_readers().read_file(vitrum::test::testdata("dsc/pkynetics/heat_capacity/zero.txt"));
    CHECK(zero.source.properties.count(property::sample_mass) == 0);  // "Initial Mass : 0 mg"
    CHECK(zero.curves.front().data.rows() == 22801);
}

TEST_CASE("setaram refuses the spreadsheet-damaged CSV at the first mangled number") {
    // sample_dsc_setaram.csv line 2 is "0;50.026.184;…": "50.026.184" is 50.026184 with its decimal
    // point turned into thousands marks; no rule recovers the magnitude, so the reader must refuse.
    const std::string path = vitrum::test::testdata("dsc/pkynetics/sample_dsc_setaram.csv");
    CHECK_THROWS_WITH_AS(
        builtin_readers().read_file(path),
        doctest::Contains("sample_dsc_setaram.csv:2:3: expected a number, found '50.026.184'"),
        ParseError);
}

TEST_CASE("setaram refuses a file with a title block but no column line") {
    std::istringstream in(
        "Sample 1.0mg\nCreation Date : 01/01/2024\n\nHeatFlow :\n Initial Mass : 1 mg\n");
    CHECK_THROWS_WITH_AS(builtin_readers().find("setaram")->read(in, "short.txt"),
                         doctest::Contains("short.txt:5: expected a column line"), ParseError);
}

TEST_CASE("setaram assumes Setaram's exothermic-up sign and says so in a warning") {
    // The export states no sign; the Duran scan's glass transition (endothermic) is a downward
    // step of the raw signal, so exotherms are up (sign +1, exact).
    const Dataset d =
        builtin_readers().read_file(vitrum::test::testdata("dsc/pkynetics/sample_dsc_setaram.txt"));
    REQUIRE(d.source.properties.count(property::exotherm_sign) == 1);
    CHECK_ABS(d.source.properties.at(property::exotherm_sign).value, 1.0, 0.0);
    bool said = false;
    for (const auto& w : d.warnings) {
        if (w.find("exothermic up") != std::string::npos &&
            w.find("not stated") != std::string::npos)
            said = true;
    }
    CHECK(said);
}
