// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <limits>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/segmentation.hpp>

#include "check.hpp"

using vitrum::SegmentKind;
using vitrum::dsc::choose_heating_segment;
using vitrum::dsc::segment_run;
using vitrum::dsc::SegmentationOptions;
using vitrum::dsc::Thermogram;

namespace {

// Heat 300 → 800 K at 20 K/min, hold 5 min, cool to 400 K at 10 K/min; one sample per second.
Thermogram program_run() {
    Thermogram t;
    double T = 300.0, time = 0.0;
    const auto push = [&] {
        t.time_s.push_back(time);
        t.temperature_K.push_back(T);
        t.heat_flow.push_back(0.0);
        time += 1.0;
    };
    while (T < 800.0) {
        push();
        T += 20.0 / 60.0;
    }
    for (int i = 0; i < 300; ++i) {
        T = 800.0;
        push();
    }
    while (T > 400.0) {
        push();
        T -= 10.0 / 60.0;
    }
    return t;
}

}  // namespace

TEST_CASE("segment_run finds heating, isothermal and cooling parts with their measured rates") {
    const auto segs = segment_run(program_run());
    REQUIRE(segs.size() == 3);
    CHECK(segs[0].kind == SegmentKind::heating);
    CHECK(segs[1].kind == SegmentKind::isothermal);
    CHECK(segs[2].kind == SegmentKind::cooling);
    // The smoothing window (30 s) blurs each corner by a few samples; the linear fit over the
    // rest still gives the programmed rate to 0.5 %.
    CHECK_REL(segs[0].measured_rate_K_per_s(), 20.0 / 60.0, 0.005);
    CHECK_REL(segs[2].measured_rate_K_per_s(), -10.0 / 60.0, 0.005);
    CHECK(choose_heating_segment(segs) == 0);
}

TEST_CASE("segment_run uses the file's segment marks when present") {
    Thermogram t = program_run();
    vitrum::Segment a;
    a.begin = 0;
    a.end = 1500;
    a.kind = SegmentKind::heating;
    a.label = "S1";
    a.program_rate_K_per_s = 20.0 / 60.0;
    vitrum::Segment b;
    b.begin = 1500;
    b.end = t.size();
    b.label = "S2";
    t.segments = {a, b};
    const auto segs = segment_run(t);
    REQUIRE(segs.size() == 2);
    CHECK(segs[0].label == "S1");
    CHECK(segs[1].kind == SegmentKind::cooling);  // "unknown" resolved from the measured rate
}

TEST_CASE("choose_heating_segment and SegmentationOptions refuse bad requests") {
    const auto segs = segment_run(program_run());
    CHECK_THROWS_WITH_AS(choose_heating_segment(segs, 7),
                         doctest::Contains("segment must be between 1 and 3"),
                         vitrum::InvalidArgument);
    CHECK(choose_heating_segment(segs, 3) == 2);
    SegmentationOptions o;
    o.isothermal_rate_K_per_s = 0.0;
    CHECK_THROWS_WITH_AS(o.validate(), doctest::Contains("isothermal_rate_K_per_s"),
                         vitrum::InvalidArgument);
    std::vector<vitrum::dsc::DscSegment> cooling_only{segs[2]};
    CHECK_THROWS_WITH_AS(choose_heating_segment(cooling_only),
                         doctest::Contains("no heating segment"), vitrum::AnalysisError);
}

TEST_CASE("a file segment padded with NaN rows is trimmed so that its span is measured") {
    // TRIOS-like single ramp 30 → 200 °C at 5 K/min whose time has 2 decimals of a minute (so
    // consecutive rows share a time stamp) and whose last 35 rows are NaN.
    Thermogram t;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (int i = 0; i < 2000; ++i) {
        const double T = 303.15 + 170.0 * i / 1999.0;
        t.time_s.push_back(std::round((T - 303.15) / 5.0 * 100.0) / 100.0 * 60.0);
        t.temperature_K.push_back(T);
        t.heat_flow.push_back(0.01);
    }
    for (int i = 0; i < 35; ++i) {
        t.time_s.push_back(t.time_s.back() + 0.6);
        t.temperature_K.push_back(nan);
        t.heat_flow.push_back(nan);
    }
    vitrum::Segment mark;
    mark.begin = 0;
    mark.end = t.size();
    mark.kind = SegmentKind::heating;
    mark.label = "Ramp 5.00 °C/min to 200.00 °C";
    t.segments.push_back(mark);
    const auto segs = segment_run(t);
    REQUIRE(segs.size() == 1);
    CHECK(segs[0].end == 2000);
    // Exact: the last finite row is 473.15 K by construction.
    CHECK_ABS(segs[0].end_K, 473.15, 1e-9);
    CHECK(choose_heating_segment(segs) == 0);
}
