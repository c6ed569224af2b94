// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "record_output.hpp"

#include <cmath>

namespace vitrum::cli {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() > suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

DisplayColumn display_column(const std::string& key) {
    // Longest suffixes first: "_J_per_kg_K" before "_K", "_N_per_m" before "_m".
    struct Rule {
        const char* suffix;
        const char* unit;
        double scale;
        int precision;
    };
    static const Rule rules[] = {
        {"_J_per_kg_K", "J/(g K)", 1e-3, 4},
        {"_J_per_K", "mJ/K", 1e3, 4},
        {"_K_per_s", "K/min", 60.0, 4},
        {"_J_per_kg", "J/g", 1e-3, 4},
        {"_N_per_m", "N/m", 1.0, 6},
        {"_m2", "nm^2", 1e18, 6},
        {"_Pa", "GPa", 1e-9, 5},
        {"_J", "mJ", 1e3, 4},
        {"_N", "mN", 1e3, 6},
        {"_m", "nm", 1e9, 6},
        {"_K", "K", 1.0, 5},
    };
    for (const Rule& r : rules) {
        const std::string suffix = r.suffix;
        if (!ends_with(key, suffix)) continue;
        DisplayColumn c{key.substr(0, key.size() - suffix.size()), r.unit, r.scale, r.precision,
                        false};
        // Stage positions are millimetres, not nanometres.
        if (suffix == "_m" && starts_with(key, "position_")) {
            c.unit = "mm";
            c.scale = 1e3;
        }
        // Absolute temperatures also in °C; differences (delta_…) in K only.
        c.celsius = suffix == "_K" && !starts_with(key, "delta_");
        return c;
    }
    return DisplayColumn{key, "", 1.0, 6, false};
}

ResultTable display_table(const std::vector<Record>& records) {
    const std::vector<std::string> keys = record_keys(records);
    ResultTable t;
    std::vector<DisplayColumn> cols;
    for (const auto& k : keys) {
        const DisplayColumn c = display_column(k);
        cols.push_back(c);
        if (c.celsius) t.headers.push_back({c.name, "°C", c.precision});
        t.headers.push_back({c.name, c.unit, c.precision});
    }
    for (const Record& r : records) {
        std::vector<Cell> row;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const FieldValue* v = r.find(keys[i]);
            Cell cell;
            Cell celsius;
            if (v != nullptr) {
                if (const auto* d = std::get_if<double>(v)) {
                    cell = *d * cols[i].scale;
                    celsius = *d - 273.15;
                } else if (const auto* s = std::get_if<std::string>(v)) {
                    cell = *s;
                }
            }
            if (cols[i].celsius) row.push_back(celsius);
            row.push_back(cell);
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

void print_records(std::ostream& out, const std::vector<Record>& records, OutputFormat format) {
    switch (format) {
        case OutputFormat::csv:
            write_csv(out, records);
            return;
        case OutputFormat::json:
            out << to_json(records).dump(2) << '\n';
            return;
        case OutputFormat::table:
            print_table(out, display_table(records), OutputFormat::table);
            return;
    }
}

}  // namespace vitrum::cli
