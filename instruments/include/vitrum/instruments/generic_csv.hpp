// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vitrum/instruments/reader.hpp>

namespace vitrum {

/// Where one canonical channel comes from in a table [column reference].
struct ColumnSource {
    std::string header;  ///< header text as in the file, matched ignoring case, with or without its
                         ///< unit [text]
    std::size_t index = 0;  ///< 1-based column number, used when `header` is empty [1]
    std::string
        unit;  ///< unit override ("°C", "mN", "mW/mg"); empty = the header's unit [unit text]
};

/// Canonical channel name (channels.hpp: time, temperature, heat_flow, depth, load …) → source
/// column. Channels not listed are found by header keywords when their header carries a unit
/// [channel → column].
struct ColumnMap {
    std::map<std::string, ColumnSource> channels;

    /// Parses the CLI form "channel=source[:unit],…", e.g.
    /// "temperature=2:°C,heat_flow=DSC (mW),time=Time/min". A source that is a whole number is a
    /// 1-based column index, anything else a header.
    /// @throws InvalidArgument naming `--columns`, the bad entry and the allowed channel names.
    static ColumnMap parse(std::string_view spec);
};

/// How the generic reader reads a table; zero characters mean "detect" [options].
struct GenericTableOptions {
    ColumnMap map;       ///< explicit channel sources (may be empty) [channel → column]
    char delimiter = 0;  ///< '\t', ';', ',' or ' ' (runs of blanks); 0 = detect [char]
    char decimal = 0;    ///< '.' or ','; 0 = detect [char]
};

/// Reads any delimited numeric table with an optional preamble, header row and units row: the
/// canonical channels in SI, other numeric columns under their own names. A DSC table when it
/// has no depth/load channel, else an indentation table [SI columns].
/// @throws ParseError (file, line, column, offending text), FormatError, UnitError when a mapped
///         column's unit has the wrong dimension, InvalidArgument for a map entry that names no
///         column.
Dataset read_generic_table(std::istream& in, const std::string& path,
                           const GenericTableOptions& options = {});

/// As read_generic_table, opening `path` [SI columns]. @throws IoError when the file cannot be
/// read.
Dataset read_generic_table_file(const std::string& path, const GenericTableOptions& options = {});

/// The generic reader as a registry entry ("generic-csv" for DSC tables, "generic-csv-indent"
/// for tables whose headers name depth/displacement or load/force) [reader].
/// Example: `read_generic_table_file("run.csv", {ColumnMap::parse("temperature=2:°C")})`.
std::unique_ptr<Reader> make_generic_csv_reader(Technique technique,
                                                GenericTableOptions options = {});

}  // namespace vitrum
