// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <sstream>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;

namespace {

Dataset read_trios(const std::string& text, const std::string& name = "synthetic.txt") {
    std::istringstream in(text);
    return builtin_readers().find("ta-trios")->read(in, name);
}

// Two data steps as in the OTP fragility export (dsc.md §1.3): heating, then cooling.
const char* const kTwoSteps =
    "Filename\tsynthetic\nInstrument name\tDSC2A-00468\nSample name\tOTP\n"
    "proceduresegments\tData Off ; Equilibrate -50.00 \xC2\xB0"
    "C; Data On ; Ramp 10.00 \xC2\xB0"
    "C/min to "
    "80.00 \xC2\xB0"
    "C; Ramp 5.00 \xC2\xB0"
    "C/min to -50.00 \xC2\xB0"
    "C\n"
    "[Procedure]\nSample Mass\t4,3 mg\n[Configuration]\nInstrument Type\tDSC2500\n"
    "Exotherm Direction\tUp\n"
    "[step]\nRamp 10.00 \xC2\xB0"
    "C/min to 80.00 \xC2\xB0"
    "C\nTime\tTemperature\tHeat Flow (Normalized)\n"
    "min\t\xC2\xB0"
    "C\tW/g\n0.00\t-49.73\t-0.047\n0.10\t-48.73\t-0.046\n"
    "[step]\nRamp 5.00 \xC2\xB0"
    "C/min to -50.00 \xC2\xB0"
    "C\nTime\tTemperature\tHeat Flow (Normalized)\n"
    "min\t\xC2\xB0"
    "C\tW/g\n14.00\t80.00\t0.010\n14.10\t79.50\t0.011\n14.20\t\t\n";

}  // namespace

TEST_CASE("ta-trios joins step blocks into one curve with one segment per step") {
    const Dataset d = read_trios(kTwoSteps);
    CHECK(d.source.instrument == "DSC2500");
    CHECK(d.source.sample == "OTP");
    CHECK_REL(d.source.properties.at(property::sample_mass).value, 4.3e-6, 1e-12);  // "4,3 mg"
    CHECK_ABS(d.source.properties.at(property::exotherm_sign).value, 1.0, 0.0);
    CHECK(d.source.properties.count(property::heating_rate) == 0);  // two ramps
    REQUIRE(d.source.program.size() == 2);
    CHECK(d.source.program[1].kind == SegmentKind::cooling);
    CHECK_REL(*d.source.program[1].program_rate_K_per_s, -5.0 / 60.0, 1e-12);
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 5);
    CHECK_REL(s.values(channel::temperature)[0], 273.15 - 49.73, 1e-12);
    CHECK_REL(s.values(channel::specific_heat_flow)[3], 11.0, 1e-12);
    CHECK(std::isnan(s.values(channel::temperature)[4]));
    CHECK(std::isnan(s.values(channel::specific_heat_flow)[4]));
    REQUIRE(s.segments.size() == 2);
    CHECK(s.segments[0].end == 2);
    CHECK(s.segments[0].kind == SegmentKind::heating);
    CHECK(s.segments[1].kind == SegmentKind::cooling);
    CHECK(s.segments[1].label == "Ramp 5.00 °C/min to -50.00 °C");
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].find("1 rows have empty fields") != std::string::npos);
}

TEST_CASE("ta-trios refuses a file without step data and a step with a broken number") {
    CHECK_THROWS_WITH_AS(read_trios("Filename\tx\n[Procedure]\nSample Mass\t1 mg\n", "nostep.txt"),
                         doctest::Contains("nostep.txt:3: expected a '[step]' data block"),
                         ParseError);
    std::string bad(kTwoSteps);
    bad += "14.30\t7x.0\t0.01\n";
    CHECK_THROWS_WITH_AS(read_trios(bad, "bad.txt"),
                         doctest::Contains("bad.txt:23:7: expected a number, found '7x.0'"),
                         ParseError);
}

TEST_CASE("ta-trios reads a tab-separated step written with decimal commas") {
    // A TRIOS export from a comma locale: the same two steps as kTwoSteps with "," as the
    // decimal mark in every data cell. Values are exact decimal conversions: 1e-12.
    std::string text = kTwoSteps;
    const std::size_t data = text.find("0.00\t-49.73");
    for (std::size_t i = data; i < text.size(); ++i) {
        if (text.compare(i, 6, "[step]") == 0) {
            i = text.find("W/g\n", i) + 3;  // titles and units keep their points
            continue;
        }
        if (text[i] == '.') text[i] = ',';
    }
    REQUIRE(text.find("-49,73") != std::string::npos);
    const Dataset d = read_trios(text);
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 5);
    CHECK_REL(s.values(channel::temperature)[0], 273.15 - 49.73, 1e-12);
    CHECK_REL(s.values(channel::temperature)[3], 273.15 + 79.5, 1e-12);
    CHECK_REL(s.values(channel::specific_heat_flow)[3], 11.0, 1e-12);
    CHECK_REL(s.values(channel::time)[1], 6.0, 1e-12);  // 0,10 min
}
