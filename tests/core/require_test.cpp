// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <limits>
#include <vitrum/core/error.hpp>
#include <vitrum/core/require.hpp>
#include <vitrum/dsc/glass_transition.hpp>
#include <vitrum/dsc/peaks.hpp>
#include <vitrum/dsc/segmentation.hpp>

#include "check.hpp"

using namespace vitrum;

TEST_CASE("require_positive accepts positive finite values and names the option otherwise") {
    CHECK_NOTHROW(require_positive(1e-300, "w", "K"));
    CHECK_NOTHROW(require_positive(std::optional<double>{}, "w", "K"));
    CHECK_THROWS_WITH_AS(require_positive(0.0, "smoothing_window_K", "K"),
                         "smoothing_window_K must be > 0 K, got 0", InvalidArgument);
    CHECK_THROWS_WITH_AS(require_positive(-2.5, "rate", "K/s"), "rate must be > 0 K/s, got -2.5",
                         InvalidArgument);
    CHECK_THROWS_WITH_AS(require_positive(std::optional<double>{-1.0}, "w", ""),
                         "w must be > 0, got -1", InvalidArgument);
    CHECK_THROWS_AS(require_positive(std::numeric_limits<double>::quiet_NaN(), "w", "K"),
                    InvalidArgument);
    CHECK_THROWS_AS(require_positive(std::numeric_limits<double>::infinity(), "w", "K"),
                    InvalidArgument);
}

TEST_CASE("require_open_interval excludes both ends and NaN") {
    CHECK_NOTHROW(require_open_interval(0.25, 0.0, 0.5, "edge_fraction"));
    CHECK_THROWS_WITH_AS(require_open_interval(0.5, 0.0, 0.5, "edge_fraction"),
                         "edge_fraction must be in (0, 0.5), got 0.5", InvalidArgument);
    CHECK_THROWS_AS(require_open_interval(0.0, 0.0, 0.5, "f"), InvalidArgument);
    CHECK_THROWS_AS(require_open_interval(std::nan(""), 0.0, 1.0, "f"), InvalidArgument);
}

TEST_CASE("DSC options refuse out-of-range values with the option's name") {
    dsc::GlassTransitionOptions tg;
    tg.heating_rate_K_per_s = 0.0;
    CHECK_THROWS_WITH_AS(tg.validate(), "heating_rate_K_per_s must be > 0 K/s, got 0",
                         InvalidArgument);
    dsc::PeakOptions peaks;
    peaks.min_height_fraction = 1.0;
    CHECK_THROWS_WITH_AS(peaks.validate(), "min_height_fraction must be in (0, 1), got 1",
                         InvalidArgument);
    dsc::SegmentationOptions seg;
    seg.smoothing_window_s = -1.0;
    CHECK_THROWS_WITH_AS(seg.validate(), "smoothing_window_s must be > 0 s, got -1",
                         InvalidArgument);
}
