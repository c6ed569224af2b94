// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <sstream>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;

namespace {

Dataset read_jdx(const std::string& text, const std::string& name = "synthetic.jdx") {
    std::istringstream in(text);
    return builtin_readers().find("jcamp-dx")->read(in, name);
}

}  // namespace

TEST_CASE("jcamp-dx reads the DSC 214 curve from inside the BagIt zip") {
    // share/testdata/dsc/chem-spectra-app/dsc.zip, member data/table_01.jdx (ComPlat, MIT):
    // ##NPOINTS=141, -63.00000, 0.11677 … 77.00000, 0.25175 (°C, W/g); ##AMOUNT=6,4 (mg);
    // ##TEMPERATURE=-80°C/10,0(K/min)/200°C.
    const Dataset d =
        builtin_readers().read_file(vitrum::test::testdata("dsc/chem-spectra-app/dsc.zip"));
    CHECK(d.source.format_id == "jcamp-dx");
    CHECK(d.source.instrument == "NETZSCH DSC 214");
    CHECK(d.source.sample == "SB");
    CHECK_REL(d.source.properties.at(property::sample_mass).value, 6.4e-6, 1e-12);
    CHECK_REL(d.source.properties.at(property::heating_rate).value, 10.0 / 60.0, 1e-12);
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 141);
    CHECK_FALSE(s.has(channel::time));
    CHECK_REL(s.values(channel::temperature).front(), 273.15 - 63.0, 1e-12);
    CHECK_REL(s.values(channel::temperature).back(), 273.15 + 77.0, 1e-12);
    CHECK_REL(s.values(channel::specific_heat_flow).front(), 116.77, 1e-12);
    CHECK_REL(s.values(channel::specific_heat_flow).back(), 251.75, 1e-12);
}

TEST_CASE("jcamp-dx expands (X++(Y..Y)) lines with factors and AFFN sign separators") {
    const Dataset d = read_jdx(
        "##TITLE=run\n##JCAMP-DX=4.24\n##DATA TYPE=DSC\n##XUNITS=K\n##YUNITS=mW\n"
        "##XFACTOR=0.5\n##YFACTOR=0.001\n##FIRSTX=300\n##LASTX=302.5\n##NPOINTS=6\n"
        "##XYDATA=(X++(Y..Y))\n600 100 200-300\n603 400,500 600 $$ checkpoint comment\n##END=\n");
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 6);
    CHECK_REL(s.values(channel::temperature)[1], 300.5, 1e-12);
    CHECK_REL(s.values(channel::temperature)[3], 301.5, 1e-12);
    CHECK_REL(s.values(channel::temperature)[5], 302.5, 1e-12);
    CHECK_REL(s.values(channel::heat_flow)[2], -0.3e-3, 1e-12);
    CHECK_REL(s.values(channel::heat_flow)[5], 0.6e-3, 1e-12);
}

TEST_CASE("jcamp-dx refuses compressed data, odd pairs and zips without a spectrum") {
    const std::string head = "##TITLE=x\n##JCAMP-DX=5.00\n##XUNITS=K\n##YUNITS=W/g\n";
    CHECK_THROWS_WITH_AS(
        read_jdx(head + "##XYPOINTS=(XY..XY)\n300, 0.1\n301, 0.2, 302\n", "odd.jdx"),
        doctest::Contains("odd.jdx:7: expected x, y pairs"), ParseError);
    CHECK_THROWS_WITH_AS(
        read_jdx(head + "##FIRSTX=1\n##LASTX=3\n##NPOINTS=3\n##XYDATA=(X++(Y..Y))\n1@A1J2\n",
                 "sqz.jdx"),
        doctest::Contains("sqz.jdx:9:1: expected an AFFN number"), ParseError);
    CHECK_THROWS_WITH_AS(read_jdx(head, "none.jdx"),
                         doctest::Contains("none.jdx:4: expected an ##XYPOINTS or ##XYDATA block"),
                         ParseError);
    CHECK_THROWS_WITH_AS(read_jdx(std::string("PK\x03\x04garbage", 11), "bad.zip"),
                         doctest::Contains("bad.zip: not a readable zip archive"), FormatError);
}
