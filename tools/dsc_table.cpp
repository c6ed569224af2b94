// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Result tables of `vitrum dsc`: records in SI keys (CSV/JSON) and vertical text blocks.
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "dsc_cli.hpp"
#include "record_output.hpp"

namespace vitrum::cli {

std::vector<Record> dsc_records(const std::vector<DscRow>& rows) {
    std::vector<Record> out;
    for (const auto& r : rows) {
        Record rec;
        rec.add("file", r.file);
        const Record scan = r.scan.to_record();
        rec.fields.insert(rec.fields.end(), scan.fields.begin(), scan.fields.end());
        out.push_back(std::move(rec));
    }
    return out;
}

void print_dsc_results(std::ostream& out, const std::vector<DscRow>& rows, OutputFormat format) {
    const std::vector<Record> records = dsc_records(rows);
    if (format != OutputFormat::table) {
        print_records(out, records, format);
        return;
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& s = rows[r].scan;
        out << fmt::format("{} | {} | segment {} ({}) | {:.4g} K/min\n", rows[r].file, s.curve_name,
                           s.segment_number, s.cooling ? "cooling" : "heating",
                           s.analysis.heating_rate_K_per_s * 60.0);
        std::vector<std::pair<std::string, std::string>> lines;
        for (const auto& [key, value] : records[r].fields) {
            const auto* d = std::get_if<double>(&value);
            if (d == nullptr || key == "segment" || key == "heating_rate_K_per_s") continue;
            const DisplayColumn c = display_column(key);
            const double v = *d * c.scale;
            if (c.celsius)
                lines.emplace_back(c.name, fmt::format("{:.{}g} °C | {:.{}g} K", *d - 273.15,
                                                       c.precision, v, c.precision));
            else
                lines.emplace_back(c.name, fmt::format("{:.{}g} {}", v, c.precision, c.unit));
        }
        std::size_t width = 0;
        for (const auto& l : lines) width = std::max(width, l.first.size());
        for (const auto& l : lines) out << fmt::format("  {:<{}} | {}\n", l.first, width, l.second);
        if (lines.empty()) out << "  (no result)\n";
        if (r + 1 < rows.size()) out << '\n';
    }
}

}  // namespace vitrum::cli
