// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>
#include <vitrum/core/series.hpp>

namespace vitrum::indent {

/// How the contact point (surface) is found.
enum class SurfaceMethod {
    file,       ///< keep the vendor's zero (NanoSuite "Displacement Into Surface" is zeroed)
    load,       ///< first row with P above the threshold [N]
    stiffness,  ///< first row with harmonic stiffness above the threshold [N/m]
    slope,      ///< first row with dP/dh above the threshold [N/m] (GUI default 1 mN/µm)
    manual      ///< the given row
};

/// Settings of find_surface().
struct SurfaceOptions {
    SurfaceMethod method = SurfaceMethod::file;
    double threshold = 0.0;      ///< in N (load) or N/m (stiffness, slope); must be > 0 for those
    std::size_t manual_row = 0;  ///< row of contact for SurfaceMethod::manual (0-based)
    std::size_t median_window = 5;  ///< odd median-filter width applied before thresholding [1]

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// Contact row, 0-based; for SurfaceMethod::file the first row with depth ≥ 0.
/// @throws AnalysisError when no row passes the threshold; InvalidArgument for bad options or
///         a missing column.
std::size_t find_surface(const Series& data, const SurfaceOptions& options);

/// One load–hold–unload cycle, as row indices into the series (half-open ranges).
struct Cycle {
    std::size_t load_begin = 0;    ///< first loading row
    std::size_t hold_begin = 0;    ///< end of loading = start of the hold at peak
    std::size_t unload_begin = 0;  ///< first unloading row
    std::size_t unload_end = 0;    ///< one past the last unloading row
};

/// Settings of find_cycles(), after micromechanics' identifyLoadHoldUnload (indentation.md §1.3).
struct CycleOptions {
    double relative_rate_noise = 0.02;  ///< |dP/dt| / max|dP/dt| below this is a hold [1]
    double load_noise_N = 1e-6;         ///< loads below this are not part of a cycle [N]
    std::size_t min_run = 10;           ///< runs shorter than this merge into their neighbours [1]
    std::size_t median_window = 5;      ///< odd median-filter width on P [1]

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// Cycles found and where they came from.
struct CycleSegmentation {
    std::vector<Cycle> cycles;
    std::string source;  ///< "data" or "file segments"
    /// Rows of the low-load hold after the last unload [begin, end), when there is one.
    std::optional<std::pair<std::size_t, std::size_t>> drift_hold;
};

/// Splits load(time) into load–hold–unload cycles from the data (median-filtered dP/dt, rate
/// thresholds, short runs removed); when that finds no unloading, the reader's segments
/// (`Series::segments` of kind loading/holding/unloading) are used instead.
/// Uses the `time` column when present, else the row index.
/// @throws AnalysisError when neither gives a cycle; InvalidArgument for bad options.
CycleSegmentation find_cycles(const Series& data, const CycleOptions& options = {});

/// Cycles from the reader's segment marks only (loading → holding → unloading), with the
/// source "file's stated segments"; empty when the marks hold no loading followed by unloading.
CycleSegmentation cycles_from_segments(const Series& data);

/// Median filter of odd width (edges use the available points).
std::vector<double> median_filter(const std::vector<double>& values, std::size_t width);

/// Drift rate ḣ [m/s]: slope of depth vs time over the last `fraction` of rows [begin, end)
/// (GUI default 0.7 of the low-load hold; NanoSuite fits the hold after settling).
/// @throws AnalysisError when fewer than 3 finite points remain.
double drift_rate_m_per_s(const Series& data, std::size_t begin, std::size_t end,
                          double fraction = 0.7);

/// Copy of `data` with depth corrected in place of the original: h − C_f·P (frame compliance
/// [m/N]) and h − ḣ·(t − t_surface) (drift [m/s]); then shifted so that h(surface) = 0 and
/// P(surface) = 0 unless `keep_zero` (vendor zero kept when surface method is `file`).
Series corrected_series(const Series& data, std::size_t surface_row,
                        double frame_compliance_m_per_N, double drift_rate_m_per_s, bool keep_zero);

}  // namespace vitrum::indent
