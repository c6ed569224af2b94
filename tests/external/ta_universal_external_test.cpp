// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Unlicensed TA Q1000 export kept in ../shared/dsc-files (see PROVENANCE.md there).
#include <vitrum/core/channels.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;

TEST_CASE("ta-universal reads the UTF-16LE Q1000 export of Glassize") {
    // Glassize/37_Vac_and_Des_Day7_8_20_18.txt: 2510 rows, -60.0 → 148.4 °C, Size 8.70000 mg,
    // Exotherm DOWN, six signals; first row "3.33324E-4 -59.99684 0.02991439 2.835264 25.04262
    // 14.89764", last "41.81700 148.4165 2.227026 26.67898 24.98442 32.44656";
    // "OrgMethod 5: Ramp 5.00 °C/min to 150.00 °C" after "Equilibrate at -60.00 °C".
    const Dataset d = builtin_readers().read_file(
        vitrum::test::shared("dsc-files/Glassize/37_Vac_and_Des_Day7_8_20_18.txt"));
    CHECK(d.source.format_id == "ta-universal");
    CHECK(d.source.encoding == "UTF-16LE");
    CHECK(d.source.instrument == "DSC Q1000 V9.9 Build 303");
    CHECK(d.source.sample == "37 Vac and Des Day 7");
    CHECK(d.source.date == "2018-08-20 20:17:31");
    CHECK_REL(d.source.properties.at(property::sample_mass).value, 8.7e-6, 1e-12);
    CHECK_ABS(d.source.properties.at(property::exotherm_sign).value, -1.0, 0.0);
    CHECK_REL(d.source.properties.at(property::heating_rate).value, 5.0 / 60.0, 1e-12);
    REQUIRE(d.source.program.size() == 1);
    CHECK_REL(*d.source.program[0].program_start_K, 213.15, 1e-12);
    CHECK_REL(*d.source.program[0].program_end_K, 423.15, 1e-12);
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 2510);
    CHECK(s.columns().size() == 6);
    CHECK_REL(s.values(channel::time).front(), 3.33324e-4 * 60.0, 1e-12);
    CHECK_REL(s.values(channel::temperature).front(), 273.15 - 59.99684, 1e-12);
    CHECK_REL(s.values(channel::heat_flow).front(), 0.02991439e-3, 1e-12);
    CHECK_REL(s.values(channel::heat_capacity).front(), 2.835264e-3, 1e-12);  // mJ/°C → J/K
    CHECK_REL(s.values(channel::time).back(), 41.817 * 60.0, 1e-12);
    CHECK_REL(s.values(channel::temperature).back(), 148.4165 + 273.15, 1e-12);
    CHECK_REL(s.values(channel::heat_flow).back(), 2.227026e-3, 1e-12);
    CHECK(s.has("LNCS Pressure (kPa gauge)"));  // unit not understood: kept as found
    REQUIRE(s.segments.size() == 1);
    CHECK(s.segments[0].kind == SegmentKind::heating);
}
