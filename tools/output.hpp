// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

namespace vitrum::cli {

/// How a command prints its results.
enum class OutputFormat { table, csv, json };

/// Adds `--format table|csv|json` to a subcommand.
void add_format_option(CLI::App& app, OutputFormat& format);

/// A cell: a number (printed to `precision` significant digits in table form, shortest
/// round-trip in CSV/JSON), a string, or empty (missing value).
using Cell = std::variant<std::monostate, double, std::string>;

/// A column header: name plus the unit printed after it ("T_g onset [K]").
struct Header {
    std::string name;
    std::string unit;   ///< empty for dimensionless or text columns
    int precision = 6;  ///< significant digits in table form
};

/// A result table: headers with units and rows of cells.
struct ResultTable {
    std::vector<Header> headers;
    std::vector<std::vector<Cell>> rows;
};

/// Prints the table: aligned text, RFC 4180 CSV with "name [unit]" headers, or a JSON array of
/// objects whose keys carry the unit ("T_g_onset_K").
void print_table(std::ostream& out, const ResultTable& table, OutputFormat format);

/// JSON key for a header: name with spaces → '_', plus '_' + unit with '/' → '_per_'.
std::string json_key(const Header& header);

/// "path: message" for a failure report, or the message alone when it already begins with the
/// path (reader errors name their file, line and column themselves).
std::string with_file(const std::string& path, const std::string& message);

/// Refuses an unknown reader id given with --input-format (a usage error, before any file).
/// @throws InvalidArgument naming --input-format and pointing to `vitrum formats`.
void check_input_format(const std::string& format_id);

/// Prints "COMMAND: N of M inputs failed: a, b" when some failed and returns the exit code
/// (0 when none failed, else 1).
int report_failures(const std::string& command, std::size_t total,
                    const std::vector<std::string>& failed);

/// A library message with its option field names replaced by the flags a user types
/// ("sample_poisson_ratio must lie in …" → "--nu must lie in …"): the one place where library
/// names meet command-line names.
std::string in_flag_terms(const std::string& message);

/// The candidate closest to `typed` by edit distance, when within a third of its length
/// (at least 2 edits); empty otherwise.
std::string nearest_name(const std::string& typed, const std::vector<std::string>& candidates);

}  // namespace vitrum::cli
