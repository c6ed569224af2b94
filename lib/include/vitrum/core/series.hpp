// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vitrum {

/// One measured channel in SI, with the name and unit it had in the file.
struct Column {
    std::string name;  ///< canonical name (see channels.hpp), or the original when none fits
    std::string unit;  ///< SI unit of `values`, e.g. "K", "W", "m", "N"
    std::string original_name;   ///< header text as found in the file
    std::string original_unit;   ///< unit text as found in the file (empty when none)
    std::vector<double> values;  ///< SI values; NaN marks an invalid/missing cell
};

/// What a stretch of a run does to the sample.
enum class SegmentKind {
    unknown,
    heating,
    cooling,
    isothermal,
    loading,
    holding,
    unloading,
    approach,
    drift
};

/// Human-readable name of a segment kind ("heating", "hold", …).
const char* to_string(SegmentKind kind);

/// A contiguous range of rows [begin, end) with its kind and programmed rate.
struct Segment {
    std::size_t begin = 0;  ///< first row
    std::size_t end = 0;    ///< one past the last row
    SegmentKind kind = SegmentKind::unknown;
    std::string label;  ///< the file's own label ("S11/24", "Ramp 5.00 °C/min to 150 °C", "Hold
                        ///< Segment Type")
    std::optional<double>
        program_rate_K_per_s;               ///< programmed heating rate (negative: cooling) [K/s]
    std::optional<double> program_start_K;  ///< programmed start temperature [K]
    std::optional<double> program_end_K;    ///< programmed end temperature [K]
};

/// A value with its SI unit, for metadata that analysis uses (mass, ν, frame stiffness …).
struct Quantity {
    double value = 0.0;  ///< SI value
    std::string unit;    ///< SI unit ("kg", "N/m", "1")
};

/// Columns of equal length plus segment marks: one DSC run, or one indent.
class Series {
public:
    /// Adds a column; all columns must have the same number of rows.
    /// @throws InvalidArgument when the length differs or the name is already used.
    void add_column(Column column);

    bool has(const std::string& name) const;
    /// @throws InvalidArgument naming the missing column and the ones present.
    const Column& column(const std::string& name) const;
    Column& column(const std::string& name);
    /// Values of a column [its SI unit]; @throws as column().
    const std::vector<double>& values(const std::string& name) const { return column(name).values; }

    const std::vector<Column>& columns() const { return columns_; }
    std::vector<Column>& columns() { return columns_; }
    std::size_t rows() const { return columns_.empty() ? 0 : columns_.front().values.size(); }

    /// Keeps rows [begin, end) in every column and shifts segments accordingly.
    Series slice(std::size_t begin, std::size_t end) const;
    /// Reorders every column by the given row permutation (segments are dropped).
    void reorder(const std::vector<std::size_t>& order);

    std::vector<Segment> segments;  ///< in row order; may be empty

private:
    std::vector<Column> columns_;
};

/// One curve in a file: a DSC run, one indentation test, one sheet.
struct Curve {
    std::string name;  ///< "Test 001", "indent 3", file stem …
    Series data;       ///< the channels
    std::map<std::string, Quantity>
        properties;  ///< per-curve metadata and vendor results (keys in channels.hpp)
    std::map<std::string, std::string> text;  ///< per-curve text metadata as found
};

/// A table the instrument software computed (e.g. NanoSuite "Results"), kept for comparison.
struct Table {
    std::string name;
    std::vector<Column> columns;  ///< SI where the unit is known, else as found
    std::vector<std::string> row_labels;
};

/// Where data came from: enough to reproduce and to cite.
struct SourceInfo {
    std::string path;        ///< file as given
    std::string format_id;   ///< reader that read it ("netzsch-ascii", "ta-universal", …)
    std::string encoding;    ///< detected text encoding ("UTF-16LE", "CP1251", "binary")
    std::string instrument;  ///< instrument model as stated in the file
    std::string date;        ///< measurement date as stated in the file
    std::string sample;      ///< sample name as stated in the file
    std::map<std::string, std::string> metadata;  ///< every header key → value, as found
    std::map<std::string, Quantity> properties;   ///< typed metadata in SI (keys in channels.hpp)
    std::vector<Segment> program;                 ///< temperature / load program as stated
};

/// What a reader returns: SI curves, vendor tables, and provenance.
struct Dataset {
    SourceInfo source;
    std::vector<Curve> curves;
    std::vector<Table> tables;
    std::vector<std::string> warnings;  ///< things the reader noticed but did not refuse

    /// Typed property from the curve, falling back to the file-level one.
    std::optional<double> property(const Curve& curve, const std::string& key) const;
};

}  // namespace vitrum
