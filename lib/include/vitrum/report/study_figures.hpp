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
};

/// The report's figures, built from whatever results exist (a figure with no data is left out):
/// stacked DSC curves with Tg and Tx marked; Tg and Tx versus T_dep/Tg_ref; ΔTx; hardness and
/// modulus versus T_dep with error bars; load–depth curves per sample; d*(T) from CNT with the
/// measured MRO domain sizes as bands and each sample's Tg marked.
std::vector<StudyFigure> study_figures(const StudyResult& study);

}  // namespace vitrum::report
