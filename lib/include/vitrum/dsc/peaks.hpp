// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>
#include <vitrum/core/linear_fit.hpp>
#include <vitrum/dsc/thermogram.hpp>

namespace vitrum::dsc {

/// Exothermic (crystallisation) or endothermic (melting) effect.
enum class PeakKind { exotherm, endotherm };

/// Baseline under a peak: straight between the two ends, or sigmoidal (weighted by the
/// converted fraction) when c_p differs before and after.
enum class PeakBaseline { linear, sigmoidal };

/// Settings of the peak construction; windows in kelvin.
struct PeakOptions {
    PeakKind kind = PeakKind::exotherm;            ///< which direction counts as a peak
    std::optional<TemperatureWindow> search_K;     ///< where to look [K]; whole segment when empty
    PeakBaseline baseline = PeakBaseline::linear;  ///< interpolated baseline under the peaks
    /// Width of the baseline windows before and after a group of peaks [K]; automatic when
    /// empty (half the group's width, at least 3 K).
    std::optional<double> baseline_width_K;
    double smoothing_window_K = 2.0;  ///< Savitzky–Golay window [K]
    /// Peaks lower than this fraction of the tallest, or less prominent, are ignored [1].
    double min_height_fraction = 0.05;
    /// A group of peaks ends where the signal falls below this fraction of the tallest [1].
    double edge_fraction = 0.005;
    /// A rise whose edge comes closer than this fraction of the search span to an end of the
    /// range is taken as a step or drift, not a peak [1].
    double end_margin_fraction = 0.05;
    std::size_t max_peaks = 8;  ///< at most this many peaks are reported

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// One peak with its ISO 11357-3 characteristic temperatures and enthalpy.
struct PeakResult {
    PeakKind kind = PeakKind::exotherm;
    double onset_extrapolated_K = 0.0;  ///< T_ei: leading-edge tangent ∩ baseline ("Tx") [K]
    double peak_K = 0.0;                ///< T_p: largest distance from the baseline [K]
    double end_extrapolated_K = 0.0;    ///< T_ef: trailing-edge tangent ∩ baseline [K]
    double start_K = 0.0;               ///< lower integration limit [K]
    double end_K = 0.0;                 ///< upper integration limit [K]
    /// Heat released (exotherm) or absorbed (endotherm), positive [J/kg when per_mass, else J].
    double enthalpy = 0.0;
    double height = 0.0;       ///< largest distance from the baseline [W/kg or W]
    bool per_mass = false;     ///< enthalpy and height are per unit mass
    LineFit leading_tangent;   ///< tangent at the leading-edge inflection [heat-flow unit, K]
    LineFit trailing_tangent;  ///< tangent at the trailing-edge inflection [heat-flow unit, K]
    Quality quality = Quality::clean;  ///< trust in T_ei, T_ef and ΔH
};

/// A group of overlapping peaks sharing one interpolated baseline.
struct PeakGroup {
    LineFit baseline_before;             ///< line fitted before the group [heat-flow unit, K]
    LineFit baseline_after;              ///< line fitted after the group [heat-flow unit, K]
    TemperatureWindow before_window_K;   ///< points of baseline_before [K]
    TemperatureWindow after_window_K;    ///< points of baseline_after [K]
    std::vector<double> baseline_T_K;    ///< interpolated baseline: temperatures [K]
    std::vector<double> baseline_value;  ///< interpolated baseline: heat flow [heat-flow unit]
    std::size_t first_peak = 0;          ///< index into PeakSearchResult::peaks
    std::size_t peak_count = 0;          ///< peaks in this group
};

/// Every peak found, in temperature order, with the construction.
struct PeakSearchResult {
    std::vector<PeakResult> peaks;
    std::vector<PeakGroup> groups;
    TemperatureWindow search_window_K;  ///< where peaks were searched [K]
    PeakBaseline baseline = PeakBaseline::linear;
    double noise = 0.0;  ///< estimated rms noise of the heat flow [heat-flow unit]
};

/// Finds exothermic (or endothermic) peaks on a heating thermogram and constructs, per peak,
/// T_ei, T_p, T_ef and ΔH (ISO 11357-3; IUPAC characteristic temperatures): a line is fitted
/// before and after each group of overlapping peaks, the baseline is interpolated between them
/// (linear or sigmoidal), overlapping peaks are split at the minimum between them, ΔH is the
/// time integral of (signal − baseline). Tangents are taken at the greatest slope of each edge
/// of the Savitzky–Golay-smoothed, baseline-corrected signal. A candidate whose baseline lines,
/// extrapolated to its top, differ in level by more than its height is the flank of a step (a
/// glass transition), not a peak, and is skipped; groups have disjoint integration ranges (the
/// taller one wins), so peaks come in temperature order without overlap.
/// @throws InvalidArgument from options.validate(); AnalysisError("no exothermic peak between
///         700 and 800 K") when nothing rises above ten times the noise (white, or the slow
///         ripple left after smoothing).
PeakSearchResult find_peaks(const Thermogram& heating, const PeakOptions& options = {});

}  // namespace vitrum::dsc
