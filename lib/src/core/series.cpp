// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <vitrum/core/error.hpp>
#include <vitrum/core/series.hpp>

namespace vitrum {

const char* to_string(SegmentKind kind) {
    switch (kind) {
        case SegmentKind::heating:
            return "heating";
        case SegmentKind::cooling:
            return "cooling";
        case SegmentKind::isothermal:
            return "isothermal";
        case SegmentKind::loading:
            return "loading";
        case SegmentKind::holding:
            return "hold";
        case SegmentKind::unloading:
            return "unloading";
        case SegmentKind::approach:
            return "approach";
        case SegmentKind::drift:
            return "drift";
        case SegmentKind::unknown:
            break;
    }
    return "unknown";
}

void Series::add_column(Column column) {
    if (!columns_.empty() && column.values.size() != rows()) {
        throw InvalidArgument(fmt::format("column '{}' has {} rows, the series has {}", column.name,
                                          column.values.size(), rows()));
    }
    if (has(column.name)) {
        throw InvalidArgument(fmt::format("column '{}' is already in the series", column.name));
    }
    columns_.push_back(std::move(column));
}

bool Series::has(const std::string& name) const {
    return std::any_of(columns_.begin(), columns_.end(),
                       [&](const Column& c) { return c.name == name; });
}

const Column& Series::column(const std::string& name) const {
    for (const auto& c : columns_) {
        if (c.name == name) return c;
    }
    std::string present;
    for (const auto& c : columns_) present += (present.empty() ? "" : ", ") + c.name;
    throw InvalidArgument(fmt::format("no column '{}' (columns: {})", name, present));
}

Column& Series::column(const std::string& name) {
    return const_cast<Column&>(static_cast<const Series&>(*this).column(name));
}

Series Series::slice(std::size_t begin, std::size_t end) const {
    end = std::min(end, rows());
    begin = std::min(begin, end);
    Series out;
    for (const auto& c : columns_) {
        Column part = c;
        part.values.assign(c.values.begin() + static_cast<std::ptrdiff_t>(begin),
                           c.values.begin() + static_cast<std::ptrdiff_t>(end));
        out.columns_.push_back(std::move(part));
    }
    for (const auto& s : segments) {
        if (s.end <= begin || s.begin >= end) continue;
        Segment cut = s;
        cut.begin = std::max(s.begin, begin) - begin;
        cut.end = std::min(s.end, end) - begin;
        out.segments.push_back(cut);
    }
    return out;
}

void Series::reorder(const std::vector<std::size_t>& order) {
    if (order.size() != rows()) {
        throw InvalidArgument(fmt::format("reorder: permutation has {} entries, series has {} rows",
                                          order.size(), rows()));
    }
    for (auto& c : columns_) {
        std::vector<double> v(c.values.size());
        for (std::size_t i = 0; i < order.size(); ++i) v[i] = c.values[order[i]];
        c.values = std::move(v);
    }
    segments.clear();
}

std::optional<double> Dataset::property(const Curve& curve, const std::string& key) const {
    if (auto it = curve.properties.find(key); it != curve.properties.end()) return it->second.value;
    if (auto it = source.properties.find(key); it != source.properties.end())
        return it->second.value;
    return std::nullopt;
}

}  // namespace vitrum
