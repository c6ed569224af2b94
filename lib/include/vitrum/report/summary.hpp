// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>
#include <vitrum/core/record.hpp>
#include <vitrum/report/study.hpp>

/// The report's tables: summary.csv (one row per sample) and summary.json (everything).
namespace vitrum::report {

/// One column of summary.csv: header with its unit, and how many decimals are printed.
struct SummaryColumn {
    std::string header;  ///< "Tg onset [K]"
    int decimals;        ///< digits after the point; −1 for text columns
};

/// The columns of summary.csv, in order.
const std::vector<SummaryColumn>& summary_columns();

/// The cells of one sample's row, as printed (empty string = missing value).
std::vector<std::string> summary_row(const StudyResult& study, const SampleResult& sample);

/// summary.csv: provenance lines starting with '#', then an RFC 4180 table with one row per
/// sample and the unit in every header. Numbers are printed with fixed decimals.
std::string summary_csv(const StudyResult& study);

/// One sample's row of summary.csv: SI values, the unit as the key's suffix, missing = empty.
Record summary_record(const StudyResult& study, const SampleResult& sample);

/// summary.provenance.json, the sidecar of a CSV table: vitrum version, commit, time, manifest,
/// and per input file its SHA-256, reader and every option with its source.
nlohmann::ordered_json csv_provenance(const StudyResult& study, const std::string& csv_name);

/// summary.json: provenance (vitrum version, git commit, time, manifest), the manifest, every
/// sample's results and every file's outcome (path, SHA-256, reader format, options, results,
/// warnings, error). Values in SI, keys carry their unit.
nlohmann::ordered_json summary_json(const StudyResult& study);

}  // namespace vitrum::report
