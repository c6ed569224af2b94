// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>
#include <vitrum/core/record.hpp>
#include <vitrum/core/series.hpp>
#include <vitrum/core/setting.hpp>
#include <vitrum/dsc/analysis.hpp>
#include <vitrum/dsc/thermogram.hpp>

namespace vitrum::dsc {

/// Every choice that turns a DSC file into results. Unset fields take the value stated in the
/// file, then vitrum's default; the result records which (DscFileResult::settings). The CLI,
/// the report and the Python module fill this struct and call analyse(); none of them holds
/// policy of its own.
struct DscOptions {
    std::optional<TemperatureWindow> tg_search_K;  ///< glass-transition search range [K]
    std::optional<TemperatureWindow> tx_search_K;  ///< crystallisation search range [K]
    /// Width of the Tg baseline windows [K]; automatic when unset.
    std::optional<double> tg_baseline_width_K;
    std::optional<TemperatureWindow> tg_baseline_before_K;  ///< glassy baseline window [K]
    std::optional<TemperatureWindow> tg_baseline_after_K;   ///< liquid baseline window [K]
    /// Segment to analyse, 1-based; default: the first heating spanning ≥ 20 K, else (a
    /// cooling-only run) the first cooling spanning ≥ 20 K.
    std::optional<std::size_t> segment;
    /// Baseline under exotherms; default sigmoidal, because the liquid's Δcp is lost while it
    /// crystallises and the baseline steps down under the peak (ISO 11357-3 §9.2).
    std::optional<PeakBaseline> crystallisation_baseline;
    /// Orientation of the heat flow in the results and plots (ISO 11357-1: endotherms up).
    EndothermDirection endotherm = EndothermDirection::up;
    /// Heating rate stated outside the file (a manifest) [K/s]; compared with the measured one.
    std::optional<double> stated_heating_rate_K_per_s;
    /// Relative difference between measured and stated or programmed rates that is warned
    /// about [1].
    double rate_tolerance = 0.05;
    /// Report a heating scan without melting endotherm as a problem.
    bool melting_required = false;

    /// @throws InvalidArgument naming the field (e.g. "tg_search_K") and its allowed range.
    void validate() const;
};

/// One analysed scan (a heating segment, or the cooling segment of a cooling-only run) of one
/// curve of a file.
struct DscScanResult {
    std::string curve_name;
    std::size_t segment_number = 0;  ///< 1-based, as counted by segment_run
    std::string segment_label;       ///< the file's label, or "detected"
    bool cooling = false;            ///< the scan is a cooling segment
    Thermogram scan;                 ///< the analysed rows
    /// The constructions. For a cooling scan, `crystallisation` holds its exotherms (onset on
    /// the high-temperature side) and nothing else is filled.
    HeatingAnalysis analysis;
    /// Warnings of the reader, the normalisation and the checks, in that order.
    std::vector<std::string> warnings;

    /// True when at least one event (Tg, exotherm or endotherm) was constructed.
    bool measured() const;
    /// The results in the one vocabulary (keys SI with the unit as suffix): curve, segment,
    /// segment_kind, heating_rate_K_per_s, tg_* [K], delta_cp_J_per_kg_K (or _J_per_K without
    /// a mass), tf_K, tx<k>_onset_K/_peak_K/_end_K, delta_hx<k>_J_per_kg (or _J),
    /// delta_hx_total_J_per_kg, delta_tx_K, tm<k>_*, delta_hm<k>_*, tc<k>_*, delta_hc<k>_*.
    Record to_record() const;
};

/// Every scan of every curve of a file, with the settings that produced them.
struct DscFileResult {
    std::vector<DscScanResult> scans;
    std::vector<SettingRecord> settings;  ///< resolved settings and where each came from
    std::vector<std::string> warnings;    ///< file-level warnings (also in each scan's list)
};

/// The one DSC entry point: normalises every curve of `data`, picks its segment, constructs the
/// glass transition, exotherms and endotherms (or, on a cooling-only run, the cooling
/// exotherms), and compares the measured heating rate with the stated and programmed ones
/// (a difference beyond `rate_tolerance` is a warning).
/// Cross-checks of the analysed segment against the file: time must never decrease; within a
/// heating segment the temperature must not fall more than 1 K below the highest value reached;
/// on a heating segment spanning at least 20 K the measured rate (slope of T(t)) must lie within
/// 10 % of the programmed one in the header (swapped time and temperature columns, or a wrong
/// unit, fail here).
/// @throws InvalidArgument for invalid options or a `segment` the run does not have;
///         FormatError when the file holds no DSC curve; AnalysisError when a curve has no
///         heating or cooling segment to analyse, or fails a cross-check (the message names
///         the segment and both values that disagree).
DscFileResult analyse(const Dataset& data, const DscOptions& options = {});

}  // namespace vitrum::dsc
