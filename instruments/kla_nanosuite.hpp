// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once
// Internal header of vitrum::instruments: turning a KLA/Agilent NanoSuite (.xls) or KLA InView
// (G200X .xlsx) workbook into an indentation Dataset. Shared by both readers.

#include <optional>
#include <string>
#include <string_view>
#include <vitrum/core/series.hpp>

#include "biff8_workbook.hpp"

namespace vitrum::nanosuite {

/// Test number of a test sheet name ("Test 001" → 1, "Test 12" → 12); nullopt for any other
/// sheet ("Test Inputs", "Tagged Test 1", "Results").
std::optional<int> test_number(std::string_view sheet_name);

/// A unit as written in the workbook, resolved to SI: si = value · factor + offset.
struct SiUnit {
    double factor = 1.0;  ///< multiplier to SI
    double offset = 0.0;  ///< added after multiplying (°C only) [SI unit]
    std::string si;       ///< SI spelling ("m", "N", "Pa", "rad", "1"); the original when unknown
    bool known = false;   ///< false: values are kept as found, unconverted
};
/// Resolves NanoSuite unit spellings ("nm", "mN", "GPa", "nm^2", "deg", "uN", "C" for a
/// temperature, "Âµm" mis-encoded by InView, "None"/"Integer"/"Index" as dimensionless).
/// `quantity_name` disambiguates "C" (°C for a temperature).
SiUnit resolve_unit(std::string_view unit, std::string_view quantity_name);

/// True for NanoSuite's invalid-value marker DBL_MAX (and anything ≥ 1e300 or not finite).
bool is_invalid_value(double value);

/// Reads one test sheet into a Curve: row 0 channel names, row 1 units (or units in brackets
/// in the names), column 0 text markers → segments, DBL_MAX → NaN, canonical channel names.
/// Rows without any number (the trailing `END` row, blank rows) are dropped; a marker on such
/// a row applies to the next row that has data.
/// @throws ParseError naming the file, sheet and row when the depth or load channel is missing
///         or no row holds data.
Curve read_test_sheet(const sheet::Sheet& sheet, const std::string& path,
                      std::vector<std::string>& warnings);

/// A vendor results sheet (Results, Cycles-GroupedByTest) as a Table: row 0 names, row 1 units,
/// column 0 row labels; numeric columns in SI, empty cells NaN.
Table read_vendor_table(const sheet::Sheet& sheet);

/// Fills curve properties (`vendor_<q>`, `vendor_cycle<N>_<q>`, positions) and file-level area
/// coefficients / tip name from a results sheet. Row labels: "3" (test 3), "3-2" or "3:2"
/// (test 3, cycle 2).
void apply_results(const sheet::Sheet& sheet, Dataset& data);

/// Fills file-level properties (ν, frame stiffness) and metadata, and per-curve positions, from
/// an inputs sheet (Required Inputs, Pre-Test Inputs, Inputs Editable Post Test, …).
void apply_inputs(const sheet::Sheet& sheet, Dataset& data);

/// The whole workbook: test sheets (sorted by test number), inputs, results.
/// @param instrument text for SourceInfo::instrument
/// @throws FormatError naming the file and its sheets when there is no `Test <n>` sheet;
///         ParseError from read_test_sheet.
Dataset workbook_to_dataset(const sheet::Workbook& book, const std::string& path,
                            const std::string& instrument);

}  // namespace vitrum::nanosuite
