// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Unlicensed TRIOS export kept in ../shared/dsc-files (see PROVENANCE.md there).
#include <algorithm>
#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;

TEST_CASE("ta-trios reads the DSC2500 indium standard with its empty trailing fields") {
    // yargerlab/2025_02_10_Indium_Std_DSC.txt: 20 403 rows, first "0.00 30.06 -0.052", last
    // complete "33.94 199.10 0.055", last "34.00 (empty) (empty)"; 35 rows lack heat flow; Sample
    // Mass 2.26 mg; Exotherm Direction Down; melting maximum 2.318 W/g at 157.88 °C
    // (PROVENANCE.md).
    const Dataset d = builtin_readers().read_file(
        vitrum::test::shared("dsc-files/yargerlab/2025_02_10_Indium_Std_DSC.txt"));
    CHECK(d.source.format_id == "ta-trios");
    CHECK(d.source.instrument == "DSC2500");
    CHECK(d.source.date == "2/10/2025 5:28:57 PM");
    CHECK(d.source.metadata.at("Procedure/Procedure Name") == "Indium Std Melting");
    CHECK_REL(d.source.properties.at(property::sample_mass).value, 2.26e-6, 1e-12);
    CHECK_ABS(d.source.properties.at(property::exotherm_sign).value, -1.0, 0.0);
    CHECK_REL(d.source.properties.at(property::heating_rate).value, 5.0 / 60.0, 1e-12);
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 20403);
    const auto& t = s.values(channel::time);
    const auto& T = s.values(channel::temperature);
    const auto& q = s.values(channel::specific_heat_flow);
    CHECK_ABS(t.front(), 0.0, 0.0);
    CHECK_REL(T.front(), 30.06 + 273.15, 1e-12);
    CHECK_REL(q.front(), -52.0, 1e-12);
    CHECK_REL(t.back(), 34.0 * 60.0, 1e-12);
    CHECK(std::isnan(T.back()));
    CHECK(std::isnan(q.back()));
    const auto missing = static_cast<std::size_t>(
        std::count_if(q.begin(), q.end(), [](double v) { return std::isnan(v); }));
    CHECK(missing == 35);
    CHECK_REL(T[20367], 199.10 + 273.15, 1e-12);
    CHECK_REL(q[20367], 55.0, 1e-12);
    std::size_t peak = 0;
    for (std::size_t i = 0; i < q.size(); ++i) {
        if (!std::isnan(q[i]) && q[i] > q[peak]) peak = i;
    }
    CHECK_REL(q[peak], 2318.0, 1e-12);
    CHECK_REL(T[peak], 157.88 + 273.15, 1e-12);
    REQUIRE(s.segments.size() == 1);
    CHECK(s.segments[0].label == "Ramp 5.00 °C/min to 200.00 °C");
    CHECK(s.segments[0].kind == SegmentKind::heating);
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].find("35 rows have empty fields") != std::string::npos);
}
