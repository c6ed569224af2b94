// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// One NanoSuite/InView test sheet → one indentation Curve.
#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <set>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/core/units.hpp>

#include "kla_nanosuite.hpp"

namespace vitrum::nanosuite {

namespace {

constexpr double kPi = 3.14159265358979323846;

struct CanonicalChannel {
    const char* header;     // lowercase NanoSuite/InView header
    const char* canonical;  // channels.hpp name
    const char* si_unit;    // the dimension it must have
};

// NanoSuite (G200/XP) and InView (G200X) names; first match wins, so the specific "time on
// sample" is listed before the generic "time" (which only applies when no specific one exists).
constexpr CanonicalChannel kChannels[] = {
    {"displacement into surface", channel::depth, "m"},
    {"depth", channel::depth, "m"},
    {"load on sample", channel::load, "N"},
    {"force on surface", channel::load, "N"},
    {"load", channel::load, "N"},
    {"time on sample", channel::time, "s"},
    {"time in contact", channel::time, "s"},
    {"time", channel::time, "s"},
    {"harmonic contact stiffness", channel::harmonic_stiffness, "N/m"},
    {"harmonic load", channel::harmonic_load, "N"},
    {"harmonic displacement", channel::harmonic_displacement, "m"},
    {"harmonic frequency", channel::harmonic_frequency, "Hz"},
    {"phase angle", channel::phase_angle, "rad"},
    {"hardness", channel::vendor_hardness, "Pa"},
    {"modulus", channel::vendor_modulus, "Pa"},
    {"reduced modulus", channel::vendor_reduced_modulus, "Pa"},
    {"contact area", channel::vendor_contact_area, "m^2"},
    {"contact depth", channel::vendor_contact_depth, "m"},
    {"raw load", channel::raw_load, "N"},
    {"raw displacement", channel::raw_displacement, "m"},
};

bool same_dimension(const SiUnit& unit, const char* si_unit) {
    if (!unit.known) return false;
    if (std::string_view(si_unit) == "rad") return unit.si == "rad";
    try {
        return parse_unit(unit.si).dimension == parse_unit(si_unit).dimension;
    } catch (const UnitError&) {
        return false;
    }
}

// Kind of the segment that starts at a NanoSuite/InView marker; nullopt for "END".
std::optional<SegmentKind> marker_kind(std::string_view label) {
    const std::string t = text::to_lower(text::trim(label));
    const auto has = [&t](const char* word) { return t.find(word) != std::string::npos; };
    if (t == "end") return std::nullopt;
    if (has("drift")) return t.rfind("end", 0) == 0 ? SegmentKind::unknown : SegmentKind::drift;
    if (has("end of loading")) return SegmentKind::holding;
    if (has("end of hold") || has("stiffness data") || has("unload")) return SegmentKind::unloading;
    if (has("hold")) return SegmentKind::holding;
    if (has("load") || has("cycle begin") || has("surface")) return SegmentKind::loading;
    if (has("approach")) return SegmentKind::approach;
    return SegmentKind::unknown;
}

struct DataColumn {
    std::size_t sheet_col = 0;
    Column column;
    SiUnit unit;
};

}  // namespace

std::optional<int> test_number(std::string_view sheet_name) {
    std::string_view s = text::trim(sheet_name);
    if (s.size() < 6 || s.substr(0, 5) != "Test ") return std::nullopt;
    s = text::trim(s.substr(5));
    if (s.empty() || s.size() > 6) return std::nullopt;
    int number = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        number = number * 10 + (c - '0');
    }
    return number;
}

bool is_invalid_value(double value) { return !std::isfinite(value) || std::fabs(value) >= 1e300; }

SiUnit resolve_unit(std::string_view unit_text, std::string_view quantity_name) {
    std::string unit(text::trim(unit_text));
    // InView writes UTF-8 that was encoded twice: "Âµm", "nmÂ²".
    for (std::size_t at = unit.find("\xC3\x82\xC2"); at != std::string::npos;
         at = unit.find("\xC3\x82\xC2")) {
        unit.erase(at, 2);
    }
    SiUnit out;
    const std::string lower = text::to_lower(unit);
    if (lower.empty() || lower == "none" || lower == "integer" || lower == "index") {
        out.si = "1";
        out.known = true;
        return out;
    }
    if (lower == "deg" || lower == "degree" || lower == "degrees") {
        out.factor = kPi / 180.0;
        out.si = "rad";
        out.known = true;
        return out;
    }
    if (lower == "rad") {
        out.si = "rad";
        out.known = true;
        return out;
    }
    if (unit == "C" && text::to_lower(quantity_name).find("temp") != std::string::npos) unit = "°C";
    try {
        const UnitConversion conv = parse_unit(unit);
        out.factor = conv.factor;
        out.offset = conv.offset;
        out.si = conv.si_name();
        out.known = true;
    } catch (const UnitError&) {
        out.si = unit;
    }
    return out;
}

Curve read_test_sheet(const sheet::Sheet& sheet, const std::string& path,
                      std::vector<std::string>& warnings) {
    Location where;
    where.file = path;
    where.sheet = sheet.name;
    where.line = 1;
    const std::size_t header_cells = sheet.columns_in(0);
    // Row 1 holds units when it has text and no numbers (NanoSuite and InView both do this);
    // otherwise units come from brackets in the names ("Load [mN]").
    // Column 0 is skipped: it may hold a marker on that row.
    bool unit_row = false;
    for (std::size_t c = 1; c < sheet.columns_in(1); ++c) {
        if (sheet.at(1, c).kind == sheet::CellKind::number) {
            unit_row = false;
            break;
        }
        if (sheet.at(1, c).kind == sheet::CellKind::text) unit_row = true;
    }
    const std::size_t first_row = unit_row ? 2 : 1;

    // Column 0 holds the markers when its header says so or it holds text below the header.
    const std::string head0 = text::to_lower(text::trim(sheet.text(0, 0)));
    bool marker_column = head0 == "segment" || head0 == "markers" || head0 == "marker";
    for (std::size_t r = first_row; r < sheet.rows() && !marker_column; ++r) {
        marker_column = sheet.at(r, 0).kind == sheet::CellKind::text;
    }

    std::vector<DataColumn> columns;
    std::set<std::string> used;
    std::string found_headers;
    for (std::size_t c = marker_column ? 1 : 0; c < header_cells; ++c) {
        const std::string header(text::trim(sheet.text(0, c)));
        if (header.empty()) continue;
        found_headers += (found_headers.empty() ? "" : ", ") + header;
        DataColumn dc;
        dc.sheet_col = c;
        NameAndUnit split{header, unit_row ? std::string(text::trim(sheet.text(1, c))) : ""};
        if (!unit_row) {
            split = split_name_and_unit(header);
            // split_name_and_unit only accepts units it can parse; "[deg]" is ours to resolve.
            const auto open = header.rfind('[');
            if (split.unit.empty() && open != std::string::npos && header.back() == ']') {
                split.name = std::string(text::trim(std::string_view(header).substr(0, open)));
                split.unit = header.substr(open + 1, header.size() - open - 2);
            }
        }
        dc.column.original_name = header;
        dc.column.original_unit = split.unit;
        dc.unit = resolve_unit(split.unit, split.name);
        if (!dc.unit.known) {
            warnings.push_back(
                fmt::format("{} [{}]: unit '{}' of '{}' is not known; values kept "
                            "as found",
                            path, sheet.name, split.unit, header));
        }
        dc.column.name = split.name;
        dc.column.unit = dc.unit.si;
        columns.push_back(std::move(dc));
    }
    // Canonical names go to the first header in kChannels order that is present, so "Time On
    // Sample" wins over "Time" wherever the two stand in the sheet.
    std::vector<bool> mapped(columns.size(), false);
    for (const CanonicalChannel& ch : kChannels) {
        if (used.count(ch.canonical) != 0) continue;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            DataColumn& dc = columns[i];
            if (!mapped[i] && text::to_lower(dc.column.name) == ch.header &&
                same_dimension(dc.unit, ch.si_unit)) {
                dc.column.name = ch.canonical;
                dc.column.unit = ch.si_unit;
                mapped[i] = true;
                used.insert(ch.canonical);
                break;
            }
        }
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (mapped[i]) continue;
        // Two headers may share a name (or a vendor name may equal a canonical one); keep
        // both, distinguishable.
        while (used.count(columns[i].column.name) != 0) columns[i].column.name += " (2)";
        used.insert(columns[i].column.name);
    }
    if (used.count(channel::depth) == 0 || used.count(channel::load) == 0) {
        throw ParseError(
            where,
            "a depth channel ('Displacement Into Surface' or 'Depth' in nm) and a "
            "load channel ('Load On Sample' or 'Load' in mN)",
            found_headers.empty() ? std::string("no channel names in row 1") : found_headers);
    }

    // Rows below the header bound the values per column (the sheet's own limits bound rows()).
    for (DataColumn& dc : columns) dc.column.values.reserve(sheet.rows() - first_row);
    Curve curve;
    curve.name = sheet.name;
    std::vector<std::pair<std::size_t, std::string>> markers;  // (data row, label)
    std::vector<std::string> pending;
    std::size_t data_rows = 0;
    for (std::size_t r = first_row; r < sheet.rows(); ++r) {
        if (marker_column && sheet.at(r, 0).kind == sheet::CellKind::text) {
            pending.emplace_back(text::trim(sheet.text(r, 0)));
        }
        bool any = false;
        for (const DataColumn& dc : columns) any = any || sheet.number(r, dc.sheet_col).has_value();
        if (!any) continue;
        for (DataColumn& dc : columns) {
            const auto value = sheet.number(r, dc.sheet_col);
            const bool valid = value && !is_invalid_value(*value);
            dc.column.values.push_back(valid ? *value * dc.unit.factor + dc.unit.offset
                                             : std::numeric_limits<double>::quiet_NaN());
        }
        for (std::string& label : pending) markers.emplace_back(data_rows, std::move(label));
        pending.clear();
        ++data_rows;
    }
    if (data_rows == 0) {
        where.line = first_row + 1;
        throw ParseError(where, "rows of numbers below the header", "no numeric cell");
    }
    for (DataColumn& dc : columns) curve.data.add_column(std::move(dc.column));

    // Each marker opens a segment that lasts until the next marker (or END, or the last row).
    for (std::size_t i = 0; i < markers.size(); ++i) {
        const auto kind = marker_kind(markers[i].second);
        if (!kind) continue;
        const std::size_t end = i + 1 < markers.size() ? markers[i + 1].first : data_rows;
        if (end <= markers[i].first) continue;  // two markers on one row: the later one counts
        Segment s;
        s.begin = markers[i].first;
        s.end = end;
        s.kind = *kind;
        s.label = markers[i].second;
        curve.data.segments.push_back(std::move(s));
    }
    return curve;
}

}  // namespace vitrum::nanosuite
