// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Uses Premier_Nanoindentation files from ../shared (no licence: internal validation only).
#include <cmath>
#include <string>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

namespace {

const std::string kResults =
    "indentation-files/Premier_Nanoindentation/maptriplepoint_00000_LC_results.txt";

const vitrum::Column& column(const vitrum::Table& table, const std::string& name) {
    for (const auto& c : table.columns) {
        if (c.name == name) return c;
    }
    FAIL("no column " << name);
    return table.columns.front();
}

}  // namespace

TEST_CASE("hysitron-results reads the 63 XPM result rows of maptriplepoint_00000 LC") {
    const vitrum::Dataset data =
        vitrum::builtin_readers().read_file(vitrum::test::shared(kResults));
    CHECK(data.source.format_id == "hysitron-results");
    CHECK(data.curves.empty());
    REQUIRE(data.tables.size() == 1);
    const vitrum::Table& t = data.tables.front();
    REQUIRE(t.row_labels.size() == 63);
    for (const auto& c : t.columns) CHECK(c.values.size() == 63);
    // Row 1 and row 63 as printed (6 decimals).
    CHECK_REL(column(t, "vendor_contact_depth").values.front(), 103.219383e-9, 1e-12);
    CHECK_REL(column(t, "vendor_hardness").values.front(), 12.323647e9, 1e-12);
    CHECK_REL(column(t, "vendor_contact_depth").values.back(), 221.402163e-9, 1e-12);
    CHECK_REL(column(t, "vendor_stiffness").values.back(), 114.918327e3, 1e-12);
}

TEST_CASE("hysitron-results rows satisfy H = Pmax/A and heff - hc = 0.75 Pmax/S in SI") {
    // indentation.md §1.5e: both hold on all 63 rows to the printed 6 decimals; after the
    // conversion to SI they must still hold, which checks every unit factor of the reader.
    const vitrum::Dataset data =
        vitrum::builtin_readers().read_file(vitrum::test::shared(kResults));
    const vitrum::Table& t = data.tables.front();
    const auto& hc = column(t, "vendor_contact_depth").values;
    const auto& heff = column(t, "vendor_effective_depth").values;
    const auto& pmax = column(t, "vendor_max_load").values;
    const auto& s = column(t, "vendor_stiffness").values;
    const auto& a = column(t, "vendor_contact_area").values;
    const auto& h = column(t, "vendor_hardness").values;
    for (std::size_t k = 0; k < hc.size(); ++k) {
        CAPTURE(k);
        // H printed with 6 decimals (≥ 7 significant digits): 1e-5 relative.
        CHECK_REL(h[k], pmax[k] / a[k], 1e-5);
        // heff - hc is a difference of 6-decimal nm values: 2e-6 nm absolute.
        CHECK_ABS(heff[k] - hc[k], 0.75 * pmax[k] / s[k], 2e-15);
    }
}
