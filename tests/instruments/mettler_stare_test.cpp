// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// No real STARe export is available; these files follow the layout in reference/dsc.md §1.4.
#include <sstream>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;

namespace {

const char* const kFlash =
    "Sample: Vit105 ribbon, 0.02 mg\r\nMethod: Flash 1000 K/s\r\nCurve Values:\r\n"
    "     Index             t            Ts            Tr         Value\r\n"
    "                     [s]          [\xC2\xB0"
    "C]          [\xC2\xB0"
    "C]       [Wg^-1]\r\n"
    "         0        0.0000       50.0000       50.0000      0.12345\r\n"
    "         1        0.1000      150.0000      150.0000      0.12400\r\n"
    "         2        0.2000      250.0000      250.0000      0.12500\r\n"
    "         3        0.0000      250.0000      250.0000      0.22000\r\n"
    "         4        0.1000      150.0000      150.0000      0.22100\r\n";

}  // namespace

TEST_CASE("mettler-stare reads Index/t/Ts/Tr/Value with a units row and marks time restarts") {
    REQUIRE(builtin_readers().detect(kFlash, "flash.txt") ==
            builtin_readers().find("mettler-stare"));
    std::istringstream in(kFlash);
    const Dataset d = builtin_readers().find("mettler-stare")->read(in, "flash.txt");
    CHECK_REL(d.source.properties.at(property::sample_mass).value, 0.02e-6, 1e-12);
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 5);
    CHECK_REL(s.values(channel::temperature)[1], 423.15, 1e-12);
    CHECK_REL(s.values(channel::program_temperature)[2], 523.15, 1e-12);
    CHECK_REL(s.values(channel::specific_heat_flow)[0], 123.45, 1e-12);  // Wg^-1 → W/kg
    REQUIRE(s.segments.size() == 2);
    CHECK(s.segments[0].kind == SegmentKind::heating);
    CHECK(s.segments[1].kind == SegmentKind::cooling);
    CHECK(s.segments[1].begin == 3);
}

TEST_CASE("mettler-stare reads inline units and decimal commas") {
    std::istringstream in(
        "Curve Values:\nIndex t [s] Ts [\xC2\xB0"
        "C] Value [mW]\n"
        "0 0,0 50,0 0,5\n1 1,0 50,5 0,6\n");
    const Dataset d = builtin_readers().find("mettler-stare")->read(in, "comma.txt");
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 2);
    CHECK_REL(s.values(channel::temperature)[1], 323.65, 1e-12);
    CHECK_REL(s.values(channel::heat_flow)[1], 0.6e-3, 1e-12);
}

TEST_CASE("mettler-stare refuses a table cut inside a row") {
    std::string cut(kFlash);
    cut += "         5        0.2000";
    std::istringstream in(cut);
    CHECK_THROWS_WITH_AS(builtin_readers().find("mettler-stare")->read(in, "cut.txt"),
                         doctest::Contains("cut.txt:11: expected 5 fields separated by blanks"),
                         ParseError);
}
