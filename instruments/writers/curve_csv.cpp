// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vitrum/instruments/writers/curve_csv.hpp>

namespace vitrum::writers {
namespace {

std::string quoted(const std::string& cell) {
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string out = "\"";
    for (const char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

// fmt's "{}" is the shortest decimal that parses back to the same double.
void put_number(std::ostream& out, double v) {
    if (std::isfinite(v)) out << fmt::format("{}", v);
}

}  // namespace

std::string csv_header(const Column& column) {
    return column.unit.empty() ? column.name : fmt::format("{} [{}]", column.name, column.unit);
}

void write_curve_csv(std::ostream& out, const Curve& curve) {
    const Series& data = curve.data;
    const bool segmented = !data.segments.empty();
    std::vector<std::string> headers;
    if (segmented) headers.emplace_back("segment");
    for (const Column& c : data.columns()) headers.push_back(quoted(csv_header(c)));
    out << fmt::format("{}\n", fmt::join(headers, ","));
    std::vector<std::size_t> segment_of(data.rows(), 0);
    for (std::size_t s = 0; s < data.segments.size(); ++s) {
        const Segment& seg = data.segments[s];
        for (std::size_t r = seg.begin; r < seg.end && r < segment_of.size(); ++r) {
            if (segment_of[r] == 0) segment_of[r] = s + 1;
        }
    }
    for (std::size_t r = 0; r < data.rows(); ++r) {
        bool first = true;
        if (segmented) {
            if (segment_of[r] != 0) out << segment_of[r];
            first = false;
        }
        for (const Column& c : data.columns()) {
            if (!first) out << ',';
            first = false;
            put_number(out, c.values[r]);
        }
        out << '\n';
    }
}

void write_table_csv(std::ostream& out, const Table& table) {
    const bool labelled = !table.row_labels.empty();
    std::vector<std::string> headers;
    if (labelled) headers.emplace_back("row");
    std::size_t rows = table.row_labels.size();
    for (const Column& c : table.columns) {
        headers.push_back(quoted(csv_header(c)));
        rows = std::max(rows, c.values.size());
    }
    out << fmt::format("{}\n", fmt::join(headers, ","));
    for (std::size_t r = 0; r < rows; ++r) {
        bool first = true;
        if (labelled) {
            if (r < table.row_labels.size()) out << quoted(table.row_labels[r]);
            first = false;
        }
        for (const Column& c : table.columns) {
            if (!first) out << ',';
            first = false;
            if (r < c.values.size()) put_number(out, c.values[r]);
        }
        out << '\n';
    }
}

}  // namespace vitrum::writers
