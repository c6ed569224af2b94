// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>
#include <vector>
#include <vitrum/report/figure.hpp>
#include <vitrum/report/study.hpp>

namespace vitrum::report {

/// One figure of the stability report.
struct StudyFigure {
    std::string name;     ///< file stem: "dsc_curves", "tg_tx", …
    std::string caption;  ///< one or two sentences for the page
    Figure figure;
    int page = 0;  ///< 1, 2, … when the figure is split over several files; 0 otherwise
};

/// Samples per page of the per-sample figures (stacked DSC curves, load–depth panels): a larger
/// study gets several numbered pages (`dsc_curves_01`, `dsc_curves_02`, …) [1].
inline constexpr std::size_t kDscCurvesPerPage = 12;
inline constexpr std::size_t kLoadDepthPanelsPerPage = 24;
/// Samples up to which each MRO domain size is its own band in the d* figure [1].
inline constexpr std::size_t kMroBandsMax = 8;

/// The report's figures, built from whatever results exist (a figure with no data is left out):
/// stacked DSC curves with Tg and Tx marked; Tg and Tx versus T_dep/Tg_ref; ΔTx; hardness and
/// modulus versus T_dep with error bars; load–depth curves per sample; d*(T) from CNT with the
/// measured MRO domain sizes as bands and each sample's Tg marked (for more than
/// kMroBandsMax samples, as points at (Tg onset, d_MRO ± uncertainty) instead).
std::vector<StudyFigure> study_figures(const StudyResult& study);

}  // namespace vitrum::report
