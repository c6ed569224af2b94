// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>
#include <vector>
#include <vitrum/report/study.hpp>

namespace vitrum::report {

/// What write_report produced.
struct ReportFiles {
    std::vector<std::string> written;   ///< paths, relative to the output folder
    std::vector<std::string> problems;  ///< figures that could not be drawn (the rest is written)
};

/// Writes summary.csv, summary.json, the figures (SVG and PNG) and index.html into `folder`
/// (created when missing). Every file is written atomically.
/// @throws IoError when the folder or a table cannot be written.
ReportFiles write_report(const StudyResult& study, const std::string& folder);

}  // namespace vitrum::report
