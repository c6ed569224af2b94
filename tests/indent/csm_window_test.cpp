// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// CSM quality checks (issue 18): points lost in the averaging window, and the recomputed contact
// area against the vendor's own hardness/area channels.
#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/indent/csm.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;
using namespace vitrum::indent;

namespace {
OliverPharrOptions fused_silica() {
    OliverPharrOptions o;  // FS_XP.xls Required Inputs: ν 0.18, β 1, ε 0.75, E_i 1141 GPa
    o.sample_poisson_ratio = 0.18;
    return o;
}
}  // namespace

TEST_CASE("FS_XP.xls: the full tip reproduces the vendor area, C0-C2 alone is flagged") {
    const Dataset ds =
        builtin_readers().read_file(test::testdata("indentation/micromechanics/FS_XP.xls"));
    REQUIRE(!ds.curves.empty());
    const Curve& c = ds.curves[1];  // Test 002
    CsmOptions o;
    o.oliver_pharr = fused_silica();
    // C0–C4 of tip Berk-20210318 (Results sheet + FS_XP_MethodInclCalibration.txt).
    const CsmResult full = analyse_csm(
        c.data, AreaFunction::polynomial_nm({24.6954, 395.7700812, -16.13158277, 133.41, 106.46}),
        o);
    REQUIRE(full.vendor_area_deviation_max.has_value());
    // The vendor's Contact Area channel is printed to about 7 digits: 1e-5 bounds the rounding.
    CHECK(*full.vendor_area_deviation_max < 1e-5);
    CHECK(full.warnings.empty());
    CHECK(full.window_points_lost == 0);
    // Only C0–C2 (what the .xls Results sheet holds): the area misses the C3, C4 terms.
    const CsmResult partial =
        analyse_csm(c.data, AreaFunction::polynomial_nm({24.6954, 395.7700812, -16.13158277}), o);
    REQUIRE(partial.vendor_area_deviation_max.has_value());
    CHECK(*partial.vendor_area_deviation_max > 1e-3);
    REQUIRE(!partial.warnings.empty());
    CHECK(partial.warnings.back().find("differs from the vendor's") != std::string::npos);
}

TEST_CASE("CSM points dropped from the averaging window are counted and warned about") {
    const Dataset ds =
        builtin_readers().read_file(test::testdata("indentation/micromechanics/FS_XP.xls"));
    const Curve& c = ds.curves[1];
    const auto tip =
        AreaFunction::polynomial_nm({24.6954, 395.7700812, -16.13158277, 133.41, 106.46});
    CsmOptions o;
    o.oliver_pharr = fused_silica();
    const CsmResult whole = analyse_csm(c.data, tip, o);
    // Drop every third row inside 100–200 nm (about a third of the window, as in issue 18).
    const auto& h = c.data.values(channel::depth);
    std::vector<std::size_t> keep;
    std::size_t k = 0;
    for (std::size_t i = 0; i < h.size(); ++i) {
        const bool in_window = h[i] >= 100e-9 && h[i] <= 200e-9;
        if (in_window && (k++ % 3 == 1)) continue;
        keep.push_back(i);
    }
    Series thinned;
    for (const Column& col : c.data.columns()) {
        Column cc = col;
        cc.values.clear();
        for (const std::size_t i : keep) cc.values.push_back(col.values[i]);
        thinned.add_column(std::move(cc));
    }
    const CsmResult r = analyse_csm(thinned, tip, o);
    CHECK(r.window_points_expected == whole.window_points_expected);
    CHECK(r.window_points_lost == whole.window_points - r.window_points);
    REQUIRE(!r.warnings.empty());
    CHECK(r.warnings.front().find("averaging window are missing or invalid") != std::string::npos);
}
