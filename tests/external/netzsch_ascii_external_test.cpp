// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Unlicensed NETZSCH exports kept in ../shared/dsc-files (see PROVENANCE.md there).
#include <algorithm>
#include <vitrum/core/channels.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;

namespace {

// Index of the most negative heat flow (the crystallisation exotherm, EXO:-1 = down).
std::size_t exotherm_row(const Series& s) {
    const auto& q = s.values(channel::specific_heat_flow);
    return static_cast<std::size_t>(std::min_element(q.begin(), q.end()) - q.begin());
}

}  // namespace

TEST_CASE("netzsch-ascii reads the cp1251 PBS cooling run and sorts it by time") {
    // PolyKineticAnalyzer/PBS_10Kmin.txt: 181 rows sorted by temperature, so Time/min runs
    // backwards (96.745 → 87.77593); "#SAMPLE MASS /mg:17,842" under "#DECIMAL:POINT"; #EXO:-1;
    // "#SEG. 11:140°C/10.0(K/min)/50°C". Exotherm minimum in the file: -1.8018 mW/mg at 76.075 °C.
    const Dataset d = builtin_readers().read_file(
        vitrum::test::shared("dsc-files/PolyKineticAnalyzer/PBS_10Kmin.txt"));
    CHECK(d.source.format_id == "netzsch-ascii");
    CHECK(d.source.encoding == "CP1251");
    CHECK(d.source.metadata.at("FILE").find("Неизотермическая") != std::string::npos);
    CHECK(d.source.instrument == "NETZSCH DSC 204F1 Phoenix");
    CHECK(d.source.date == "15.02.2024 11:16");
    CHECK(d.curves.front().name == "PBS");
    CHECK_REL(d.source.properties.at(property::sample_mass).value, 17.842e-6, 1e-12);
    CHECK_ABS(d.source.properties.at(property::exotherm_sign).value, -1.0, 0.0);
    CHECK_REL(d.source.properties.at(property::heating_rate).value, -10.0 / 60.0, 1e-12);
    REQUIRE(d.source.program.size() == 1);
    CHECK(d.source.program[0].label == "S11/24 140°C/10.0(K/min)/50°C");
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 181);
    CHECK_REL(s.values(channel::time).front(), 87.77593 * 60.0, 1e-12);
    CHECK_REL(s.values(channel::temperature).front(), 140.075 + 273.15, 1e-12);
    CHECK_REL(s.values(channel::specific_heat_flow).front(), -2.316279e-02 * 1e3, 1e-12);
    CHECK_REL(s.values(channel::time).back(), 96.745 * 60.0, 1e-12);
    CHECK_REL(s.values(channel::temperature).back(), 50.075 + 273.15, 1e-12);
    CHECK_REL(s.values(channel::specific_heat_flow).back(), -0.37304 * 1e3, 1e-12);
    CHECK(std::is_sorted(s.values(channel::time).begin(), s.values(channel::time).end()));
    const std::size_t peak = exotherm_row(s);
    CHECK_REL(s.values(channel::specific_heat_flow)[peak], -1.8018e3, 1e-12);
    CHECK_REL(s.values(channel::temperature)[peak], 76.075 + 273.15, 1e-12);
    REQUIRE(s.segments.size() == 1);
    CHECK(s.segments[0].kind == SegmentKind::cooling);
    CHECK(s.segments[0].label == "S11/24");
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].find("sorted by time") != std::string::npos);
}

TEST_CASE("netzsch-ascii reads the LF-only PEG cooling run") {
    // PolyKineticAnalyzer/PEG_10Kmin.txt: 151 rows, 8,606 mg, 100 → 25 °C at 10 K/min; first row by
    // time "100.05200;76.29078;-2.128869e-02", last " 25.05200;83.74500;-0.25372"; exotherm
    // minimum -5.02499 mW/mg at 36.552 °C.
    const Dataset d = builtin_readers().read_file(
        vitrum::test::shared("dsc-files/PolyKineticAnalyzer/PEG_10Kmin.txt"));
    CHECK(d.source.encoding == "CP1251");
    CHECK_REL(d.source.properties.at(property::sample_mass).value, 8.606e-6, 1e-12);
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 151);
    CHECK_REL(s.values(channel::time).front(), 76.29078 * 60.0, 1e-12);
    CHECK_REL(s.values(channel::temperature).front(), 100.052 + 273.15, 1e-12);
    CHECK_REL(s.values(channel::specific_heat_flow).back(), -0.25372e3, 1e-12);
    CHECK_REL(s.values(channel::temperature).back(), 25.052 + 273.15, 1e-12);
    const std::size_t peak = exotherm_row(s);
    CHECK_REL(s.values(channel::specific_heat_flow)[peak], -5.02499e3, 1e-12);
    CHECK_REL(s.values(channel::temperature)[peak], 36.552 + 273.15, 1e-12);
    CHECK_REL(*d.source.program.at(0).program_end_K, 298.15, 1e-12);
}
