// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <optional>
#include <string>
#include <vector>
#include <vitrum/dsc/events.hpp>
#include <vitrum/dsc/fictive_temperature.hpp>
#include <vitrum/dsc/glass_transition.hpp>
#include <vitrum/dsc/peaks.hpp>
#include <vitrum/dsc/thermogram.hpp>

namespace vitrum::dsc {

/// What to look for on one heating scan.
struct HeatingAnalysisOptions {
    GlassTransitionOptions glass_transition;  ///< Tg construction (search range, windows)
    PeakOptions crystallisation;              ///< exotherms (kind is forced to exotherm)
    /// Melting endotherms, analysed when set (kind is forced to endotherm); without a search
    /// range they are sought above the last crystallisation peak, or over the whole scan when
    /// there is no exotherm (or only baseline artefacts inside a taller endotherm).
    std::optional<PeakOptions> melting;
    /// When false, a scan without a melting endotherm is not recorded in `problems`.
    bool melting_required = true;
    bool find_glass_transition = true;  ///< construct Tg (and the fictive temperature)
    bool find_crystallisation = true;   ///< construct Tx peaks
    /// The whole-scan event search (find_events); its peak_baseline is taken from
    /// crystallisation.baseline.
    EventOptions events;
    /// Analyse through the whole-scan event model (find_events), the default; when false, the
    /// former construction (peaks first, then the step below the first exotherm) is used.
    bool event_model = true;
};

/// Everything found on one heating scan, with the constructions.
struct HeatingAnalysis {
    double heating_rate_K_per_s = 0.0;  ///< slope of T(t) over the scan [K/s]
    std::optional<GlassTransitionResult> glass_transition;
    std::optional<FictiveTemperatureResult> fictive;
    std::optional<PeakSearchResult> crystallisation;
    std::optional<PeakSearchResult> melting;
    /// Messages of the parts that were asked for but could not be constructed (AnalysisError).
    std::vector<std::string> problems;
    /// Every event of the scan as find_events constructed it, in temperature order.
    std::vector<ScanEvent> events;
    std::vector<double> spikes_K;  ///< single-row spikes flagged and left out [K]

    /// ΔTx = T_x (onset of the first exotherm) − T_g (extrapolated onset) [K].
    std::optional<double> supercooled_liquid_range_K() const;
};

/// Analyses a heating scan. With options.event_model, through the whole-scan event model
/// (find_events): the glass
/// transition is the first glass step whose midpoint lies in the Tg search range (the whole scan
/// when none), the crystallisation peaks are the exotherms whose top lies in their search range,
/// the melting peaks (when asked for) the endotherms in theirs; then the fictive temperature.
/// With explicit glass-transition baseline windows, the step is constructed by
/// find_glass_transition on those windows instead. A stated heating rate for the glass
/// transition replaces the measured one in Δc_p. A part that cannot be constructed is recorded
/// in `problems` (with the reasons find_events gave), the others still run; a melt is never
/// reported as a glass transition.
/// @throws InvalidArgument for invalid options (before any work).
HeatingAnalysis analyze_heating(const Thermogram& heating, const HeatingAnalysisOptions& options);

}  // namespace vitrum::dsc
