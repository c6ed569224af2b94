// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Uses Premier_Nanoindentation files from ../shared (no licence: internal validation only).
#include <algorithm>
#include <string>
#include <vitrum/core/channels.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

TEST_CASE("hysitron-txt reads the XPM raw curve maptriplepoint_0001.txt") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(
        vitrum::test::shared("indentation-files/Premier_Nanoindentation/maptriplepoint_0001.txt"));
    CHECK(data.source.format_id == "hysitron-txt");
    CHECK(data.source.date == "Fri Jan 13 17:27:19 2023");
    REQUIRE(data.curves.size() == 1);
    const vitrum::Series& s = data.curves.front().data;
    REQUIRE(s.rows() == 3000);  // "Number of Points = 3000"
    const auto& load = s.values(vitrum::channel::load);
    const auto& depth = s.values(vitrum::channel::depth);
    // Maxima found in the file with awk: Pmax 5999.510923 µN, hmax 163.510724 nm (PROVENANCE:
    // 5999.5 µN, 163.5 nm); last row 77.992231 nm, 3.010774 µN, 15.009395 s.
    CHECK_REL(*std::max_element(load.begin(), load.end()), 5999.510923e-6, 1e-12);
    CHECK_REL(*std::max_element(depth.begin(), depth.end()), 163.510724e-9, 1e-12);
    CHECK_REL(depth.back(), 77.992231e-9, 1e-12);
    CHECK_REL(load.back(), 3.010774e-6, 1e-12);
    CHECK_REL(s.values(vitrum::channel::time).back(), 15.009395, 1e-12);
}
