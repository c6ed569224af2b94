// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <string>
#include <vector>
#include <vitrum/dsc/glass_transition.hpp>
#include <vitrum/dsc/peaks.hpp>
#include <vitrum/dsc/thermogram.hpp>

namespace vitrum::dsc {

/// What a reported event of a scan is.
enum class EventKind { glass_step, exotherm, endotherm };

/// Settings of the whole-scan event search.
struct EventOptions {
    /// Half-width of the Savitzky–Golay window used to detect events [K]; the larger of this
    /// and four sample spacings is used.
    double detection_half_window_K = 1.0;
    /// A stretch is quiet when the smoothed slope stays within this many slope-noise rms of the
    /// background slope [1].
    double quiet_sigma = 4.0;
    /// Quiet stretches shorter than this are part of the event around them [K].
    double min_quiet_K = 2.0;
    /// An event must stand this many rms of the smoothed noise above its baseline [1].
    double significance_sigma = 10.0;
    /// Baselines of peaks are fitted over at least this much quiet signal on each side, skipping
    /// over neighbouring peaks (never over a step) [K].
    double baseline_span_K = 10.0;
    /// A single-row outlier standing this many noise rms above both neighbours' extrapolations
    /// is a spike: flagged and replaced by its neighbours' mean [1].
    double spike_sigma = 30.0;
    /// Baseline beneath peaks: `linear`, the straight line from the baseline before the
    /// region to the one after it; `sigmoidal`, from one to the other in proportion to the
    /// partial area (ISO 11357-3 §9.2).
    PeakBaseline peak_baseline = PeakBaseline::linear;

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// One event of a scan with its ISO 11357 construction. Exactly one of `step` (glass_step) or
/// `peak` (exotherm, endotherm) is meaningful.
struct ScanEvent {
    EventKind kind = EventKind::exotherm;
    TemperatureWindow range_K;   ///< rows the event occupies (its integration range) [K]
    GlassTransitionResult step;  ///< construction of a glass step [K, W/kg or W]
    PeakResult peak;             ///< construction of a peak [K, J/kg or J]
    PeakGroup group;  ///< baseline lines, windows and interpolated baseline of a peak [K]
};

/// Every event of a scan, in temperature order, with what was set aside.
struct ScanEvents {
    std::vector<ScanEvent> events;
    double noise = 0.0;            ///< rms noise of the heat flow (second differences) [W/kg or W]
    double slope_noise = 0.0;      ///< rms noise of the detection slope [heat-flow unit / K]
    std::vector<double> spikes_K;  ///< temperatures of single-row spikes removed [K]
    /// Events seen but not constructed to the standard, each with the reason.
    std::vector<std::string> refused;
};

/// Finds every event of a heating (or mirrored cooling) thermogram, T increasing: glass steps
/// (with an enthalpy-recovery overshoot), exotherms and endotherms. Each is judged against the
/// local noise: the smoothed slope leaves the background slope of the quiet stretches beside it
/// by more than `quiet_sigma` slope-noise rms, and the event stands `significance_sigma` above
/// its baseline. Baselines are fitted on quiet stretches only (ISO 11357-1 §3): a step's two
/// lines on the stretches next to it, a peak's on at least `baseline_span_K` of quiet signal on
/// each side (skipping neighbouring peaks), interpolated linearly beneath it. A region whose
/// level changes by at least half its largest excursion is a step (it has no return); any other
/// region holds peaks, split at the deepest point between them (ISO 11357-3 partial areas) and
/// flagged `overlapping` when no quiet stretch separates them. Tangents are least-squares lines
/// through the raw points where the smoothed slope is within 5 % of its greatest value. A
/// construction that breaks its invariants (T_eig ≤ T_mg ≤ T_efg, T_ei < T_p < T_ef, positive
/// Δc_p or ΔH) is refused with the reason. Single-row spikes are removed first.
/// @throws InvalidArgument from options.validate(); AnalysisError when the thermogram has fewer
///         than 20 rows, or its temperature does not increase.
ScanEvents find_events(const Thermogram& scan, const EventOptions& options = {});

}  // namespace vitrum::dsc
