// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>
#include <vitrum/core/linear_fit.hpp>
#include <vitrum/core/series.hpp>
#include <vitrum/dsc/thermogram.hpp>

namespace vitrum::dsc {

/// How to cut a run into heating, cooling and isothermal parts.
struct SegmentationOptions {
    /// Use the segment marks of the file when present (else detect from the data).
    bool prefer_file_segments = true;
    /// |dT/dt| below this is isothermal [K/s] (default 0.05 K/min).
    double isothermal_rate_K_per_s = 0.05 / 60.0;
    /// Smoothing window for dT/dt when detecting from data [s].
    double smoothing_window_s = 30.0;
    /// Parts shorter than this are merged into their neighbours [samples].
    std::size_t min_points = 20;

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// A heating, cooling or isothermal part of a run, with its measured rate.
struct DscSegment {
    std::size_t begin = 0;  ///< first row
    std::size_t end = 0;    ///< one past the last row
    SegmentKind kind = SegmentKind::unknown;
    std::string label;                           ///< file label, or "detected"
    std::optional<double> program_rate_K_per_s;  ///< programmed rate when stated [K/s]
    LineFit temperature_vs_time;  ///< T(t) least-squares line; slope = measured rate [K/s]
    double start_K = 0.0;         ///< temperature at the first row [K]
    double end_K = 0.0;           ///< temperature at the last row [K]

    /// Measured heating rate: slope of the linear fit of T(t) [K/s].
    double measured_rate_K_per_s() const { return temperature_vs_time.slope; }
    std::size_t size() const { return end - begin; }
};

/// Cuts the thermogram into segments: the file's marks when present (kind taken from the mark,
/// or from the measured rate when the mark says "unknown"), otherwise runs of equal sign of the
/// smoothed dT/dt. Leading and trailing rows with a non-finite time, temperature or heat flow
/// are trimmed off each segment. Each segment gets the linear fit of T(t).
/// @throws InvalidArgument from options.validate(); AnalysisError when the run has fewer than
///         options.min_points rows.
std::vector<DscSegment> segment_run(const Thermogram& run, const SegmentationOptions& options = {});

/// Index of the segment to analyse: `requested` (1-based) when given, else the first heating
/// segment spanning at least 20 K.
/// @throws InvalidArgument when `requested` is out of range; AnalysisError when no heating
///         segment exists.
std::size_t choose_heating_segment(const std::vector<DscSegment>& segments,
                                   std::optional<std::size_t> requested = std::nullopt);

}  // namespace vitrum::dsc
