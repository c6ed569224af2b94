// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/netzsch_ngb.hpp>

namespace vitrum {
namespace {

const std::vector<double>& increasing_time(const Series& data, const char* which) {
    if (!data.has(channel::time)) {
        throw InvalidArgument(
            fmt::format("subtract_ngb_baseline: the {} has no time column", which));
    }
    const std::vector<double>& t = data.values(channel::time);
    for (std::size_t k = 1; k < t.size(); ++k) {
        if (!(t[k] > t[k - 1])) {
            throw InvalidArgument(
                fmt::format("subtract_ngb_baseline: the {}'s time does not increase at row {} ({} "
                            "s after {} s)",
                            which, k + 1, t[k], t[k - 1]));
        }
    }
    return t;
}

// Linear interpolation of (t, y) at `at`; NaN outside [t.front(), t.back()].
double interpolate(const std::vector<double>& t, const std::vector<double>& y, double at) {
    if (t.empty() || !(at >= t.front()) || !(at <= t.back())) return NAN;
    const auto hi = std::lower_bound(t.begin(), t.end(), at);
    const auto k = static_cast<std::size_t>(hi - t.begin());
    if (t[k] == at) return y[k];
    const double w = (at - t[k - 1]) / (t[k] - t[k - 1]);
    return y[k - 1] + w * (y[k] - y[k - 1]);
}

}  // namespace

Dataset subtract_ngb_baseline(const Dataset& sample, const Dataset& baseline) {
    if (sample.curves.empty() || baseline.curves.empty()) {
        throw InvalidArgument("subtract_ngb_baseline: the sample and the baseline need one curve");
    }
    Dataset out = sample;
    Series& data = out.curves.front().data;
    const Series& base = baseline.curves.front().data;
    const std::vector<double>& t = increasing_time(data, "sample");
    const std::vector<double>& tb = increasing_time(base, "baseline");
    std::size_t outside = 0;
    for (const char* name : {channel::dsc_signal_voltage, channel::heat_flow, "mass_change"}) {
        if (!data.has(name)) continue;
        if (!base.has(name)) {
            throw InvalidArgument(
                fmt::format("subtract_ngb_baseline: the baseline has no column '{}'", name));
        }
        std::vector<double>& y = data.column(name).values;
        const std::vector<double>& yb = base.values(name);
        outside = 0;
        for (std::size_t k = 0; k < y.size(); ++k) {
            const double b = interpolate(tb, yb, t[k]);
            if (std::isnan(b)) ++outside;
            y[k] -= b;
        }
    }
    out.source.metadata["baseline_subtracted"] =
        baseline.source.path.empty() ? "embedded correction run" : baseline.source.path;
    out.source.metadata["run"] = "corrected";
    out.curves.front().name += " (corrected)";
    if (outside > 0) {
        out.warnings.push_back(fmt::format(
            "{} rows lie outside the baseline's time range; their corrected signals are NaN",
            outside));
    }
    return out;
}

}  // namespace vitrum
