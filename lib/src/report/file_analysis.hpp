// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

// Internal to the report: one input file in, its outcome and numbers out.

#include <optional>
#include <string>
#include <vector>
#include <vitrum/report/study.hpp>

namespace vitrum::report::detail {

/// Numbers of one DSC heating.
struct DscFileResult {
    FileOutcome outcome;
    std::optional<double> tg_onset_K, tg_midpoint_K, delta_cp_J_per_kg_K;
    std::optional<double> tx_onset_K, tx_peak_K, delta_hx_J_per_kg;
    std::optional<DscCurve> curve;
};

/// Numbers of one indentation file (one or more indents).
struct IndentFileResult {
    FileOutcome outcome;
    std::vector<double> hardness_Pa, modulus_Pa;
    std::vector<IndentCurve> curves;
};

/// Reads and analyses one DSC file; never throws (errors go into the outcome).
DscFileResult analyse_dsc_file(const std::string& sample, const DscInput& input,
                               const AnalysisOptions& options, const DatasetLoader& load);

/// Reads and analyses one indentation file; never throws.
IndentFileResult analyse_indent_file(const std::string& sample, const IndentationInput& group,
                                     std::size_t file_index, const AnalysisOptions& options,
                                     const DatasetLoader& load);

}  // namespace vitrum::report::detail
