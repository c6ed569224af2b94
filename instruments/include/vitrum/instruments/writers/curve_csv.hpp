// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <ostream>
#include <string>
#include <vitrum/core/series.hpp>

namespace vitrum::writers {

/// Header cell of a column: "name [unit]", or the bare name for a column without a unit [text].
/// Example: `csv_header({"temperature", "K"})` is "temperature [K]".
std::string csv_header(const Column& column);

/// Writes one curve as a tidy CSV table [SI, the unit in each header]: the header row first, no
/// comment lines, one row per sample, RFC 4180 quoting, numbers in the shortest form that reads
/// back to the same double, NaN as an empty cell. When the curve has segments, the first column
/// `segment` holds the 1-based index into `curve.data.segments` (empty for rows outside every
/// segment); the segments themselves are described in the conversion's JSON sidecar.
/// Loads with a plain `pandas.read_csv` and with vitrum's generic CSV reader.
void write_curve_csv(std::ostream& out, const Curve& curve);

/// Writes a vendor results table as CSV [SI where the unit is known]: first column `row` with the
/// row labels (when present), then each column under csv_header().
void write_table_csv(std::ostream& out, const Table& table);

}  // namespace vitrum::writers
