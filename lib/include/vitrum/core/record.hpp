// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

/// One result vocabulary: every result type writes itself as a Record, an ordered list of
/// (key, value) pairs. Keys are ASCII snake_case, values SI, and the SI unit is the key's
/// suffix (`tg_onset_K`, `hardness_Pa`, `delta_hx_J_per_kg`, `contact_area_m2`); dimensionless
/// numbers and text have no suffix. The same Record becomes a CSV row, a JSON object and, with
/// display units chosen from the suffix, a table row. A missing value is empty in CSV and null
/// in JSON, never 0. The rule is written down in share/schemas/results.schema.json.
namespace vitrum {

/// A value: missing, a number (SI) or text.
using FieldValue = std::variant<std::monostate, double, std::string>;

/// One result row: keys in output order.
struct Record {
    std::vector<std::pair<std::string, FieldValue>> fields;

    /// Appends a number; NaN and ±∞ become missing.
    Record& add(const std::string& key, double value);
    /// Appends an optional number (missing when empty or not finite).
    Record& add(const std::string& key, const std::optional<double>& value);
    /// Appends text.
    Record& add(const std::string& key, const std::string& value);
    Record& add(const std::string& key, const char* value) { return add(key, std::string(value)); }
    /// Appends a missing value (keeps the column).
    Record& add_missing(const std::string& key);
    /// The value under `key`, or nullptr.
    const FieldValue* find(const std::string& key) const;
    /// The number under `key` (empty when missing, text or absent).
    std::optional<double> number(const std::string& key) const;
};

/// The record as a JSON object (numbers, strings, null).
nlohmann::ordered_json to_json(const Record& record);

/// The records as a JSON array of objects.
nlohmann::ordered_json to_json(const std::vector<Record>& records);

/// The union of the records' keys in order of first appearance (the columns of their table).
std::vector<std::string> record_keys(const std::vector<Record>& records);

/// Writes the records as one RFC 4180 CSV table: the header is the union of every record's keys
/// in order of first appearance; numbers in the shortest form that reads back to the same
/// double; missing values empty. Nothing but the header and the rows is written.
void write_csv(std::ostream& out, const std::vector<Record>& records);

/// The shortest decimal text that reads back to the same double ("0.1", "1e-09").
std::string shortest_double(double value);

}  // namespace vitrum
