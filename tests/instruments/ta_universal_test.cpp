// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <sstream>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;

namespace {

Dataset read_ta(const std::string& text, const std::string& name = "synthetic.txt") {
    std::istringstream in(text);
    return builtin_readers().find("ta-universal")->read(in, name);
}

// Q2000-style UTF-8 export with normalised heat flow, an isotherm and one ramp.
const char* const kQ2000 =
    "CLOSED\r\nVersion\t2.0\r\nInstrument\tDSC Q2000 V24.11 Build 124\r\nSample\tVit105\r\n"
    "Size\t10.5000\tmg\r\nExotherm\tUP\r\nNsig\t3\r\nSig1\tTime (min)\r\n"
    "Sig2\tTemperature (\xC2\xB0"
    "C)\r\nSig3\tHeat Flow (W/g)\r\nDate\t2024-01-02\r\n"
    "OrgMethod\t1: Equilibrate at 300.00 \xC2\xB0"
    "C\r\nOrgMethod\t2: Isothermal for 1.00 min\r\n"
    "OrgMethod\t3: Ramp 20.00 \xC2\xB0"
    "C/min to 500.00 \xC2\xB0"
    "C\r\nStartOfData\r\n"
    "0.01\t300.0\t-.0188\r\n0.02\t300.2\t3.5E-4\r\n0.03\t300.4\t0.1\r\n";

}  // namespace

TEST_CASE("ta-universal reads the 2920 export with 0xF8 degree signs and drops its marker rows") {
    // share/testdata/dsc/pkynetics/sample_dsc_tainstruments.txt (PPeitsch/pkynetics, MIT): 19 004
    // rows after StartOfData of which 4 are "-1.000000<TAB>T<TAB>0.0000000" markers; first data
    // row "187.9960 -21.18184 -10.46185", last "370.9860 -20.73705 -10.24684".
    const Dataset d = builtin_readers().read_file(
        vitrum::test::testdata("dsc/pkynetics/sample_dsc_tainstruments.txt"));
    CHECK(d.source.format_id == "ta-universal");
    CHECK(d.source.encoding == "CP437");
    CHECK(d.source.instrument == "2920 MDSC      V2.6A");  // as written, padding included
    CHECK(d.source.sample == "Eicosane");
    CHECK_REL(d.source.properties.at(property::sample_mass).value, 9e-6, 1e-12);
    CHECK_ABS(d.source.properties.at(property::exotherm_sign).value, 1.0, 0.0);
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 19000);
    CHECK_REL(s.values(channel::time).front(), 187.996 * 60.0, 1e-12);
    CHECK_REL(s.values(channel::temperature).front(), 273.15 - 21.18184, 1e-12);
    CHECK_REL(s.values(channel::heat_flow).front(), -10.46185e-3, 1e-12);
    CHECK_REL(s.values(channel::time).back(), 370.986 * 60.0, 1e-12);
    CHECK_REL(s.values(channel::heat_flow).back(), -10.24684e-3, 1e-12);
    CHECK(s.column(channel::temperature).original_unit == "°C");
    // Markers at data rows 0, 1, 9502 and 19003 leave two segments of 9500 rows.
    REQUIRE(s.segments.size() == 2);
    CHECK(s.segments[0].end == 9500);
    CHECK(s.segments[1].begin == 9500);
    CHECK(s.segments[1].end == 19000);
    CHECK(s.segments[0].kind != s.segments[1].kind);
}

TEST_CASE(
    "ta-universal reads a UTF-8 export: W/g heat flow, missing leading zeros, OrgMethod program") {
    const Dataset d = read_ta(kQ2000);
    CHECK(d.source.encoding == "UTF-8");
    CHECK(d.source.instrument == "DSC Q2000 V24.11 Build 124");
    CHECK_ABS(d.source.properties.at(property::exotherm_sign).value, 1.0, 0.0);
    CHECK_REL(d.source.properties.at(property::sample_mass).value, 10.5e-6, 1e-12);
    REQUIRE(d.source.program.size() == 2);  // Equilibrate only sets the start temperature
    CHECK(d.source.program[0].kind == SegmentKind::isothermal);
    CHECK_REL(*d.source.program[0].program_start_K, 573.15, 1e-12);
    CHECK(d.source.program[1].kind == SegmentKind::heating);
    CHECK_REL(*d.source.program[1].program_end_K, 773.15, 1e-12);
    CHECK_REL(d.source.properties.at(property::heating_rate).value, 20.0 / 60.0, 1e-12);
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 3);
    CHECK_REL(s.values(channel::specific_heat_flow)[0], -18.8, 1e-12);  // -.0188 W/g
    CHECK_REL(s.values(channel::specific_heat_flow)[1], 0.35, 1e-12);   // 3.5E-4 W/g
    CHECK_REL(s.values(channel::time)[2], 1.8, 1e-12);
}

TEST_CASE("ta-universal refuses exports without StartOfData, signals or numbers") {
    CHECK_THROWS_WITH_AS(read_ta("CLOSED\nNsig\t1\nSig1\tTime (min)\n", "nodata.txt"),
                         doctest::Contains("nodata.txt:3: expected a 'StartOfData' line"),
                         ParseError);
    CHECK_THROWS_WITH_AS(read_ta("CLOSED\nVersion\t2.0\nStartOfData\n1\t2\n", "nosig.txt"),
                         doctest::Contains("nosig.txt:3: expected the signal list"), ParseError);
    std::string cut(kQ2000);
    cut += "0.04\t300.6";
    CHECK_THROWS_WITH_AS(read_ta(cut, "cut.txt"),
                         doctest::Contains("cut.txt:19: expected 3 fields separated by TAB"),
                         ParseError);
    std::string bad(kQ2000);
    bad += "0.04\t300,6\t0.1\n";
    CHECK_THROWS_WITH_AS(read_ta(bad, "bad.txt"),
                         doctest::Contains("bad.txt:19:6: expected a number, found '300,6'"),
                         ParseError);
}
