// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <optional>
#include <string>
#include <vector>
#include <vitrum/core/series.hpp>
#include <vitrum/indent/area_function.hpp>
#include <vitrum/indent/cycle_quality.hpp>
#include <vitrum/indent/iso14577.hpp>
#include <vitrum/indent/oliver_pharr.hpp>
#include <vitrum/indent/segmentation.hpp>
#include <vitrum/indent/unloading_fit.hpp>

namespace vitrum::indent {

/// Thermal drift handling.
enum class DriftMode {
    none,      ///< depth used as exported (NanoSuite exports are drift-corrected already)
    measured,  ///< rate from the low-load hold after the last unload (last `drift_fraction`)
    given      ///< `drift_rate_m_per_s` as given
};

/// Everything a quasi-static (load–unload) Oliver–Pharr evaluation needs.
struct IndentOptions {
    OliverPharrOptions oliver_pharr;
    UnloadingFitOptions unloading;
    SurfaceOptions surface;
    CycleOptions cycles;
    double frame_compliance_m_per_N = 0.0;  ///< C_f subtracted as h − C_f·P [m/N]
    DriftMode drift = DriftMode::none;
    double drift_rate_m_per_s = 0.0;  ///< for DriftMode::given [m/s]
    double drift_fraction = 0.7;      ///< tail of the drift hold that is fitted [1]
    QualityOptions quality;           ///< limits of the per-cycle quality checks
    /// Use the file's own segment statement (`property::segments_stated`, e.g. HDF5 `indices`)
    /// instead of detecting cycles from dP/dt.
    bool use_stated_segments = true;
    /// Leave out a curve the file flags `property::ignore` (IndentResult::ignored, no cycles).
    bool honour_ignore_flag = true;

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// One load–hold–unload cycle evaluated.
struct CycleResult {
    std::size_t number = 0;   ///< 1-based cycle number
    Cycle rows;               ///< where it is in the (corrected) series
    UnloadingFit fit;         ///< power-law unloading fit (S, m, h_f, window)
    OliverPharrPoint result;  ///< h_c, A, E_r, E, H, S²/P at the unload start; NaN when unusable
    bool usable = false;      ///< fit usable and A > 0
    std::string status;       ///< "ok" or why not
    CycleQuality quality;     ///< drift in the hold, crossing, residual, stuck depth …
    IsoQuantities iso;        ///< ISO 14577-1 H_IT, E_IT, HM, HM_s, h_r, W, η_IT, C_IT
};

/// One indent evaluated.
struct IndentResult {
    std::string name;                    ///< the curve's name
    std::vector<CycleResult> cycles;     ///< in time order
    std::size_t surface_row = 0;         ///< contact row (0-based)
    double drift_rate_m_per_s = 0.0;     ///< applied drift rate [m/s]
    std::string segmentation_source;     ///< "data" or "file segments"
    std::optional<double> position_x_m;  ///< stage x [m] when the file gives it
    std::optional<double> position_y_m;  ///< stage y [m] when the file gives it
    Series corrected;                    ///< the series after surface, frame and drift corrections
    bool ignored = false;                ///< the file flags this test "ignore"; not analysed
    std::string status;                  ///< "ok", "ignored: …", or what failed for every cycle
};

/// Surface → frame compliance → drift → cycles → power-law unloading fit → Oliver–Pharr, for
/// one curve with `time` (optional), `depth` and `load` columns (indentation Dataset
/// conventions). A cycle whose fit fails is kept with usable = false and its reason.
/// @throws InvalidArgument for bad options or missing columns; AnalysisError when the curve
///         has no load–unload cycle or the drift hold is missing for DriftMode::measured.
IndentResult analyse_quasi_static(const Curve& curve, const AreaFunction& area,
                                  const IndentOptions& options);

}  // namespace vitrum::indent
