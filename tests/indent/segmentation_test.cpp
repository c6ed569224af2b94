// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vitrum/core/error.hpp>
#include <vitrum/indent/segmentation.hpp>

#include "check.hpp"
#include "synthetic.hpp"

using namespace vitrum;
using namespace vitrum::indent;

TEST_CASE("find_cycles splits a three-cycle test into load, hold and unload rows") {
    test::SyntheticIndent s;
    s.max_loads_N = {5e-3, 10e-3, 20e-3};
    const Curve c = s.make();
    const CycleSegmentation seg = find_cycles(c.data);
    CHECK(seg.source == "data");
    REQUIRE(seg.cycles.size() == 3);
    // Each cycle: 400 loading rows, 100 hold rows, 300 unloading rows, 100 rows held between.
    for (std::size_t k = 0; k < 3; ++k) {
        const std::size_t start = k * 900;
        CAPTURE(k);
        CHECK(seg.cycles[k].unload_begin >= start + 499);
        CHECK(seg.cycles[k].unload_begin <= start + 501);
        CHECK(seg.cycles[k].hold_begin >= start + 398);
        CHECK(seg.cycles[k].hold_begin <= start + 402);
        CHECK(seg.cycles[k].unload_end >= start + 798);
        CHECK(seg.cycles[k].unload_end <= start + 801);
    }
    REQUIRE(seg.drift_hold.has_value());
    CHECK(seg.drift_hold->first >= 2600);
    CHECK(seg.drift_hold->second <= 2700);
}

TEST_CASE("find_cycles finds the small first cycles of an increasing-load series (ESP)") {
    // Fischer ESP in FS1.txt: 8 cycles to 7.4 … 300 mN in equal times, no hold, unload to 10 %.
    // Ramp rates grow with the load, so the first loading is < 1 % of the largest |dP/dt| (the
    // hold threshold is 2 %): the rows before the first cycle found are classified again with
    // their own rate scale.
    test::SyntheticIndent s;
    s.max_loads_N = {7.4e-3, 23.1e-3, 47.5e-3, 80.6e-3, 122.4e-3, 172.9e-3, 232.1e-3, 300e-3};
    s.loading_points = 120;
    s.hold_points = 0;
    s.unloading_points = 30;
    const Curve c = s.make();
    const CycleSegmentation seg = find_cycles(c.data);
    REQUIRE(seg.cycles.size() == 8);
    const auto& p = c.data.values(channel::load);
    for (std::size_t k = 0; k < 8; ++k) {
        CAPTURE(k);
        // The unload starts at the programmed peak (the row index is exact up to ±2 rows, so
        // the load there is within one 120-row load step: 1/120 of the ramp).
        CHECK_REL(p[seg.cycles[k].unload_begin], s.max_loads_N[k], 1.0 / 120.0);
        if (k > 0) CHECK(seg.cycles[k].load_begin >= seg.cycles[k - 1].unload_end);
    }
}

TEST_CASE("find_cycles adds no cycle from noise before the loading") {
    // 300 rows of a 20 µN contact load wandering ±5 µN with a 40-row period (slow enough to
    // pass the median filter and to make rising and falling runs), then one 10 mN cycle: the
    // second pass over the rows before it pairs those runs, but their peaks (25 µN) are below
    // 1 % of 10 mN and their rise is not half their peak, so none counts.
    test::SyntheticIndent s;
    Curve c = s.make();
    Series& d = c.data;
    const std::size_t pre = 300;
    std::vector<Column> cols = d.columns();
    Series noisy;
    for (Column col : cols) {
        std::vector<double> v(pre);
        for (std::size_t i = 0; i < pre; ++i) {
            if (col.name == channel::load)
                v[i] = 20e-6 + 5e-6 * std::sin(2.0 * M_PI * i / 40.0);
            else if (col.name == channel::time)
                v[i] = 0.1 * static_cast<double>(i) - 30.0;
            else
                v[i] = 0.0;
        }
        col.values.insert(col.values.begin(), v.begin(), v.end());
        noisy.add_column(std::move(col));
    }
    const CycleSegmentation seg = find_cycles(noisy);
    REQUIRE(seg.cycles.size() == 1);
    CHECK(seg.cycles[0].load_begin >= pre);
}

TEST_CASE("find_cycles falls back to the reader's segment marks") {
    Series data;
    // A load that never changes (e.g. a load column the data cannot segment) but marked.
    data.add_column({channel::load, "N", "", "", std::vector<double>(30, 1e-3)});
    data.add_column({channel::depth, "m", "", "", std::vector<double>(30, 1e-7)});
    data.segments = {{0, 10, SegmentKind::loading, "Loading", {}, {}, {}},
                     {10, 20, SegmentKind::holding, "Hold", {}, {}, {}},
                     {20, 30, SegmentKind::unloading, "Unload", {}, {}, {}}};
    const CycleSegmentation seg = find_cycles(data);
    CHECK(seg.source == "file segments");
    REQUIRE(seg.cycles.size() == 1);
    CHECK(seg.cycles[0].unload_begin == 20);
    CHECK(seg.cycles[0].hold_begin == 10);
}

TEST_CASE("find_surface uses the load, slope or manual criteria") {
    Series data;
    std::vector<double> h, p;
    for (int i = 0; i < 100; ++i) {
        const double depth = (i - 20) * 1e-9;  // contact at row 20
        h.push_back(depth);
        p.push_back(depth > 0 ? 1e3 * depth * depth * 1e6 : 0.0);  // P = 1e9 h² N
    }
    data.add_column({channel::depth, "m", "", "", h});
    data.add_column({channel::load, "N", "", "", p});
    SurfaceOptions o;
    CHECK(find_surface(data, o) == 20);  // file zero: first depth >= 0
    o.method = SurfaceMethod::load;
    o.threshold = 1e-6;  // 1 µN: P = 1e9 h² > 1e-6 ⇒ h > 31.6 nm ⇒ row 52
    CHECK(find_surface(data, o) == 52);
    o.method = SurfaceMethod::slope;
    o.threshold =
        10.0;  // dP/dh = 2e9 h > 10 N/m ⇒ h > 5 nm ⇒ row 26 (median of 5 shifts it ≤ 2 rows)
    const std::size_t row = find_surface(data, o);
    CHECK(row >= 25);
    CHECK(row <= 28);
    o.method = SurfaceMethod::manual;
    o.manual_row = 33;
    CHECK(find_surface(data, o) == 33);
    o.manual_row = 1000;
    CHECK_THROWS_WITH_AS(find_surface(data, o), doctest::Contains("manual_row"),
                         vitrum::InvalidArgument);
    o.method = SurfaceMethod::load;
    o.threshold = 1.0;
    CHECK_THROWS_WITH_AS(find_surface(data, o), doctest::Contains("never exceeds"),
                         vitrum::AnalysisError);
    o.threshold = 0.0;
    CHECK_THROWS_WITH_AS(find_surface(data, o), doctest::Contains("threshold"),
                         vitrum::InvalidArgument);
}

TEST_CASE("median_filter removes a single spike and keeps NaN out") {
    const std::vector<double> v = {1, 2, 100, 4, 5, std::nan(""), 7};
    const auto m = median_filter(v, 3);
    CHECK_ABS(m[2], 4.0, 0.0);
    CHECK_ABS(m[5], 7.0, 0.0);  // window {5, NaN, 7}: median of {5, 7} picks the upper
    CHECK_THROWS_WITH_AS(median_filter(v, 4), doctest::Contains("odd"), vitrum::InvalidArgument);
}

TEST_CASE("median_filter of width 5 and 7 equals a sorted-window median, with and without NaN") {
    // Reference: sort the finite values of each (edge-clipped) window, take element count/2, as
    // the filter documents. A linear congruential sequence gives ties, spikes and sign changes.
    for (const bool with_nan : {false, true}) {
        std::vector<double> v(400);
        std::uint32_t x = 12345;
        for (std::size_t i = 0; i < v.size(); ++i) {
            x = x * 1664525u + 1013904223u;
            v[i] = static_cast<double>(x % 97) - 48.0;
            if (with_nan && x % 13 == 0) v[i] = std::nan("");
        }
        for (const std::size_t width : {std::size_t{5}, std::size_t{7}}) {
            const auto m = median_filter(v, width);
            REQUIRE(m.size() == v.size());
            int mismatches = 0;
            for (std::size_t i = 0; i < v.size(); ++i) {
                const std::size_t lo = i >= width / 2 ? i - width / 2 : 0;
                const std::size_t hi = std::min(v.size(), i + width / 2 + 1);
                std::vector<double> w;
                for (std::size_t k = lo; k < hi; ++k)
                    if (std::isfinite(v[k])) w.push_back(v[k]);
                std::sort(w.begin(), w.end());
                const double expected = w.empty() ? std::nan("") : w[w.size() / 2];
                const bool same = w.empty() ? std::isnan(m[i]) : m[i] == expected;
                mismatches += same ? 0 : 1;
            }
            CAPTURE(width);
            CAPTURE(with_nan);
            CHECK(mismatches == 0);
        }
    }
}

TEST_CASE("drift_rate_m_per_s fits the tail of the hold and corrected_series applies it") {
    Series data;
    std::vector<double> t, h, p;
    for (int i = 0; i < 50; ++i) {
        t.push_back(i * 2.0);
        h.push_back(100e-9 + 0.03e-9 * i * 2.0 +
                    (i < 10 ? 5e-9 : 0.0));  // settling in the first rows
        p.push_back(1e-3);
    }
    data.add_column({channel::time, "s", "", "", t});
    data.add_column({channel::depth, "m", "", "", h});
    data.add_column({channel::load, "N", "", "", p});
    CHECK_REL(drift_rate_m_per_s(data, 0, 50, 0.7), 0.03e-9, 1e-9);
    const Series c = corrected_series(data, 0, 0.0, 0.03e-9, true);
    CHECK_REL(c.values(channel::depth)[40], 100e-9, 1e-9);
    const Series z = corrected_series(data, 10, 1e-6, 0.0, false);
    CHECK_ABS(z.values(channel::depth)[10], 0.0, 1e-20);
    CHECK_ABS(z.values(channel::load)[10], 0.0, 1e-20);
}
