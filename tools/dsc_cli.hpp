// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Shared pieces of `vitrum dsc` and `vitrum dsc kissinger` (internal to the CLI).
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>
#include <vitrum/dsc/analysis.hpp>
#include <vitrum/dsc/segmentation.hpp>
#include <vitrum/dsc/thermogram.hpp>

#include "output.hpp"

namespace vitrum::cli {

/// Command-line settings common to the dsc subcommands (as typed; parsed by make_options).
struct DscArgs {
    std::vector<std::string> files;
    OutputFormat format = OutputFormat::table;
    std::string tg_range, tx_range, baseline_window, endo = "up", input_format;
    std::optional<std::size_t> segment;
    bool sigmoidal = false;
    bool melting = false;
};

/// Adds --tg-range, --tx-range, --baseline-window, --endo, --segment, --input-format,
/// --sigmoidal and --format to a subcommand.
void add_dsc_analysis_options(CLI::App& app, DscArgs& args);

/// "600:720", "600:720K", "327:447C" or "327:447°C" → window in K.
/// @throws InvalidArgument naming `option` and the accepted forms.
dsc::TemperatureWindow parse_temperature_range(const std::string& text, const std::string& option);

/// One analysed heating scan of one curve of one file.
struct CurveOutcome {
    std::string curve_name;
    std::size_t segment_number = 0;  ///< 1-based
    dsc::Thermogram heating;         ///< the analysed segment (a cooling one when `cooling`)
    /// The run has no heating segment: `heating` is a cooling segment and
    /// analysis.crystallisation holds its exotherms (onset on the high-temperature side).
    bool cooling = false;
    dsc::HeatingAnalysis analysis;
};

/// Reads `path` and analyses the chosen heating segment of every curve.
/// @throws vitrum::Error (read, format, option and analysis errors).
std::vector<CurveOutcome> analyse_file(const std::string& path, const DscArgs& args);

/// One analysed curve with the file it came from.
struct DscRow {
    std::string file;
    CurveOutcome outcome;
};

/// Wide tidy table of `vitrum dsc`: one row per curve, every quantity a column [°C, K, J/g …].
ResultTable dsc_wide_table(const std::vector<DscRow>& rows);

/// Prints the results: per curve a vertical block "quantity | value [unit] …" (only quantities
/// with a value) for `table`, the wide table for `csv` and `json`.
void print_dsc_results(std::ostream& out, const std::vector<DscRow>& rows, OutputFormat format);

/// Celsius value of a kelvin temperature [°C].
inline double to_celsius(double T_K) { return T_K - 273.15; }

}  // namespace vitrum::cli
