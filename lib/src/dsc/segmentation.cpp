// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/core/require.hpp>
#include <vitrum/dsc/segmentation.hpp>
#include <vitrum/dsc/smoothing.hpp>

namespace vitrum::dsc {

void SegmentationOptions::validate() const {
    require_positive(isothermal_rate_K_per_s, "isothermal_rate_K_per_s", "K/s");
    require_positive(smoothing_window_s, "smoothing_window_s", "s");
    if (min_points < 5) {
        throw InvalidArgument(fmt::format("min_points must be >= 5, got {}", min_points));
    }
}

namespace {

SegmentKind kind_from_rate(double rate_K_per_s, double threshold) {
    if (rate_K_per_s > threshold) return SegmentKind::heating;
    if (rate_K_per_s < -threshold) return SegmentKind::cooling;
    return SegmentKind::isothermal;
}

bool finite_row(const Thermogram& run, std::size_t i) {
    return std::isfinite(run.time_s[i]) && std::isfinite(run.temperature_K[i]) &&
           std::isfinite(run.heat_flow[i]);
}

// Leading and trailing rows without a finite time, temperature and heat flow (a TRIOS export
// pads the end of a ramp with NaN) are left out, so that the segment's span is measurable.
void trim_non_finite(const Thermogram& run, DscSegment& seg) {
    while (seg.begin < seg.end && !finite_row(run, seg.begin)) ++seg.begin;
    while (seg.end > seg.begin && !finite_row(run, seg.end - 1)) --seg.end;
}

void finish(const Thermogram& run, DscSegment& seg) {
    trim_non_finite(run, seg);
    if (seg.end == seg.begin) return;
    seg.start_K = run.temperature_K[seg.begin];
    seg.end_K = run.temperature_K[seg.end - 1];
    if (seg.size() >= 2) {
        seg.temperature_vs_time = fit_line(run.time_s, run.temperature_K, seg.begin, seg.end);
    }
}

std::vector<DscSegment> from_data(const Thermogram& run, const SegmentationOptions& options) {
    const std::size_t n = run.size();
    const std::size_t m = half_window_for(run.time_s, options.smoothing_window_s);
    const SmoothedSignal rate = smooth_against(run.time_s, run.temperature_K, m);
    std::vector<SegmentKind> kind(n);
    for (std::size_t i = 0; i < n; ++i) {
        kind[i] = kind_from_rate(rate.slope[i], options.isothermal_rate_K_per_s);
    }
    std::vector<DscSegment> runs;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && kind[j] == kind[i]) ++j;
        DscSegment seg;
        seg.begin = i;
        seg.end = j;
        seg.kind = kind[i];
        seg.label = "detected";
        runs.push_back(seg);
        i = j;
    }
    // Merge short parts (transients between ramps and holds) into the previous part.
    std::vector<DscSegment> merged;
    for (const auto& seg : runs) {
        if (!merged.empty() &&
            (seg.size() < options.min_points || merged.back().kind == seg.kind)) {
            merged.back().end = seg.end;
        } else if (merged.empty() || seg.size() >= options.min_points) {
            merged.push_back(seg);
        }
    }
    if (merged.size() >= 2 && merged.front().size() < options.min_points) {
        merged[1].begin = merged.front().begin;
        merged.erase(merged.begin());
    }
    return merged;
}

}  // namespace

std::vector<DscSegment> segment_run(const Thermogram& run, const SegmentationOptions& options) {
    options.validate();
    if (run.size() < options.min_points) {
        throw AnalysisError(fmt::format("run has {} rows, fewer than the {} needed to segment it",
                                        run.size(), options.min_points));
    }
    std::vector<DscSegment> out;
    if (options.prefer_file_segments && !run.segments.empty()) {
        for (const Segment& s : run.segments) {
            if (s.end <= s.begin || s.end > run.size()) continue;
            DscSegment seg;
            seg.begin = s.begin;
            seg.end = s.end;
            seg.kind = s.kind;
            seg.label = s.label;
            seg.program_rate_K_per_s = s.program_rate_K_per_s;
            out.push_back(seg);
        }
    }
    if (out.empty()) out = from_data(run, options);
    for (auto& seg : out) {
        finish(run, seg);
        if (seg.kind == SegmentKind::unknown) {
            const double rate =
                seg.program_rate_K_per_s ? *seg.program_rate_K_per_s : seg.measured_rate_K_per_s();
            seg.kind = kind_from_rate(rate, options.isothermal_rate_K_per_s);
        }
    }
    return out;
}

std::size_t choose_heating_segment(const std::vector<DscSegment>& segments,
                                   std::optional<std::size_t> requested) {
    if (requested) {
        if (*requested < 1 || *requested > segments.size()) {
            throw InvalidArgument(fmt::format("segment must be between 1 and {}, got {}",
                                              segments.size(), *requested));
        }
        return *requested - 1;
    }
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& s = segments[i];
        if (s.kind == SegmentKind::heating && s.end_K - s.start_K >= 20.0) return i;
    }
    throw AnalysisError("no heating segment spanning at least 20 K in this run");
}

}  // namespace vitrum::dsc
