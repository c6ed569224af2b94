// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Internal to the CLI: display units for the library's records (keys SI, unit as suffix).
#pragma once

#include <string>
#include <vector>
#include <vitrum/core/record.hpp>

#include "output.hpp"

namespace vitrum::cli {

/// How one record key is shown in a text table: name, display unit and scale from SI.
struct DisplayColumn {
    std::string name;      ///< key without its unit suffix ("tg_onset")
    std::string unit;      ///< display unit ("K", "J/g", "GPa", "nm"; empty for none)
    double scale = 1.0;    ///< display value = SI value × scale
    int precision = 6;     ///< significant digits
    bool celsius = false;  ///< an absolute temperature: shown in °C beside K
};

/// The display column of `key` from its SI suffix (_K, _J_per_kg, _Pa, _m, _N, …).
DisplayColumn display_column(const std::string& key);

/// The records as a table in display units (temperatures twice: °C and K).
ResultTable display_table(const std::vector<Record>& records);

/// Prints records: a display table, one CSV table (SI keys), or a JSON array (SI keys).
void print_records(std::ostream& out, const std::vector<Record>& records, OutputFormat format);

}  // namespace vitrum::cli
