// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Shared pieces of `vitrum dsc` and `vitrum dsc kissinger` (internal to the CLI).
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>
#include <vitrum/core/record.hpp>
#include <vitrum/dsc/analysis.hpp>
#include <vitrum/dsc/file_analysis.hpp>
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
    std::string columns;        ///< generic-table column map "channel=col[:unit],…"
    std::string peak_baseline;  ///< linear | sigmoidal (default: the library's, sigmoidal)
    bool melting = false;
    std::string ngb_run;   ///< NETZSCH .ngb-*: sample | correction | corrected ("" = sample)
    std::string baseline;  ///< NETZSCH .ngb-*: baseline run file to subtract ("" = none)
};

/// Adds --tg-range, --tx-range, --baseline-window, --endo, --segment, --input-format,
/// --sigmoidal and --format to a subcommand.
void add_dsc_analysis_options(CLI::App& app, DscArgs& args);

/// "600:720", "600:720K", "327:447C" or "327:447°C" → window in K.
/// @throws InvalidArgument naming `option` and the accepted forms.
dsc::TemperatureWindow parse_temperature_range(const std::string& text, const std::string& option);

/// The library options of the dsc subcommands from their flags.
/// @throws InvalidArgument naming the flag as typed.
dsc::DscOptions make_options(const DscArgs& args);

/// Reads `path` and runs the library's DSC analysis (vitrum::dsc::analyse) on every curve.
/// @throws vitrum::Error (read, format and analysis errors of this file).
dsc::DscFileResult analyse_file(const std::string& path, const DscArgs& args);

/// One analysed scan with the file it came from.
struct DscRow {
    std::string file;
    dsc::DscScanResult scan;
};

/// The rows as records: "file" first, then the scan's own record (SI keys).
std::vector<Record> dsc_records(const std::vector<DscRow>& rows);

/// Prints the results: per scan a vertical block "quantity | value [unit]" (only quantities
/// with a value) for `table`; one CSV table or a JSON array in SI keys otherwise.
void print_dsc_results(std::ostream& out, const std::vector<DscRow>& rows, OutputFormat format);

/// Celsius value of a kelvin temperature [°C].
inline double to_celsius(double T_K) { return T_K - 273.15; }

}  // namespace vitrum::cli
