// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>
#include <vector>
#include <vitrum/report/output_folder.hpp>
#include <vitrum/report/study.hpp>

namespace vitrum::report {

/// How the report is written (not what it says).
struct ReportOptions {
    /// Draw each figure as PNG too and embed the PNGs in index.html (a self-contained page);
    /// false: SVG only, linked from index.html (about twice as fast for large studies).
    bool png = true;
};

/// What write_report produced.
struct ReportFiles {
    std::vector<std::string> written;   ///< paths, relative to the output folder
    std::vector<std::string> problems;  ///< figures that could not be drawn (the rest is written)
};

/// Writes summary.csv, summary.json, the figures (SVG and PNG) and index.html as a new folder
/// that replaces `lock.folder()` as a whole (see output_folder.hpp): a run that is killed leaves
/// the previous report or the new one, never a mix.
/// @throws IoError when the folder holds files a report does not write, or when a table or the
///         folder cannot be written (the previous folder is then left as it was).
ReportFiles write_report(const StudyResult& study, const OutputFolderLock& lock,
                         const ReportOptions& options = {});

/// The same, taking the folder's lock for the duration of the call.
/// @throws IoError also when another process is writing into `folder`.
ReportFiles write_report(const StudyResult& study, const std::string& folder,
                         const ReportOptions& options = {});

}  // namespace vitrum::report
