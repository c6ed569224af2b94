// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Mettler-Toledo STARe table export. No real export was available: built from the layout facts
// in /work/shared/reference/dsc.md §1.4 (a few header lines, then columns Index, t, Ts, Tr,
// Value with units in brackets, whitespace separated; Flash DSC restarts t at 0 per segment).
#include <fmt/format.h>

#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/core/units.hpp>

#include "dsc_common.hpp"

namespace vitrum::dsc_io {
namespace {

bool is_names_line(std::string_view line) {
    const auto f = text::split_fields(line, ' ');
    if (f.size() < 3 || f.front() != "Index") return false;
    bool has_t = false, has_signal = false;
    for (auto x : f) {
        has_t = has_t || x == "t";
        has_signal = has_signal || x == "Ts" || x == "Value";
    }
    return has_t && has_signal;
}

// "t [s]" inline or a separate row of "[s]" cells: returns name and unit per column.
std::vector<NameAndUnit> read_names(std::string_view names, std::string_view maybe_units,
                                    bool& units_row) {
    std::vector<NameAndUnit> out;
    const auto f = text::split_fields(names, ' ');
    for (std::size_t k = 0; k < f.size(); ++k) {
        if (f[k].front() == '[' && !out.empty()) {
            out.back().unit = std::string(f[k].substr(1, f[k].size() - 2));
        } else {
            out.push_back({std::string(f[k]), ""});
        }
    }
    const auto u = text::split_fields(maybe_units, ' ');
    units_row = !u.empty() && u.front().front() == '[';
    if (units_row) {
        // The Index column has no unit, so the units row has one cell fewer when aligned right.
        const std::size_t offset = out.size() - std::min(out.size(), u.size());
        for (std::size_t k = 0; k < u.size() && k + offset < out.size(); ++k) {
            out[k + offset].unit = std::string(u[k].substr(1, u[k].size() - 2));
        }
    }
    return out;
}

class MettlerStareReader final : public Reader {
public:
    std::string_view format_id() const override { return "mettler-stare"; }
    std::string_view description() const override {
        return "Mettler-Toledo STARe table export (Index t Ts Tr Value); built from documented "
               "layouts, "
               "no real file tested";
    }
    Technique technique() const override { return Technique::dsc; }
    std::string_view extensions() const override { return ".txt"; }

    bool sniff(std::string_view head, std::string_view) const noexcept override {
        const std::string t = sniff_text(head.substr(0, 8192));
        for (auto line : text::split_lines(t)) {
            if (is_names_line(text::trim(line))) return true;
        }
        return false;
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        const TextInput decoded(in, path);
        const auto& lines = decoded.lines();
        Dataset data;
        data.source.encoding = decoded.encoding();
        std::size_t names = lines.size();
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string t(text::trim(lines[i]));
            if (is_names_line(t)) {
                names = i;
                break;
            }
            if (t.empty()) continue;
            const auto colon = t.find(':');
            if (colon != std::string::npos) {
                data.source.metadata[t.substr(0, colon)] =
                    std::string(text::trim(std::string_view(t).substr(colon + 1)));
            }
            const auto mass = data.source.properties.count(property::sample_mass) == 0
                                  ? find_milligrams(t)
                                  : std::nullopt;
            if (mass) {
                if (const auto mg = parse_header_number(*mass); mg && *mg > 0) {
                    data.source.properties[property::sample_mass] = Quantity{*mg * 1e-6, "kg"};
                }
            }
            if (i == 0) data.source.sample = t;
        }
        if (names == lines.size()) {
            throw ParseError(Location{path, "", lines.size(), 0},
                             "a column line 'Index t … Ts … Value'", "end of file");
        }
        bool units_row = false;
        const std::string_view next = names + 1 < lines.size() ? text::trim(lines[names + 1]) : "";
        const auto headers = read_names(text::trim(lines[names]), next, units_row);
        const std::size_t first = names + (units_row ? 2 : 1);
        std::vector<std::string_view> sample;
        for (std::size_t i = first; i < lines.size() && sample.size() < 400; ++i) {
            for (auto f : text::split_fields(lines[i], ' ')) sample.push_back(f);
        }
        TableLayout layout;
        layout.delimiter = ' ';
        layout.decimal = text::detect_decimal(sample);
        layout.columns = headers.size();
        layout.stop_at_text = true;
        RawTable raw = parse_rows(lines, first, lines.size(), layout, path);
        if (raw.line_numbers.empty()) {
            throw ParseError(Location{path, "", first + 1, 0}, "data rows after the column line",
                             "none");
        }
        Curve curve;
        std::vector<std::string> taken;
        for (std::size_t k = 0; k < headers.size(); ++k) {
            if (headers[k].name == "Index") continue;
            Column c = make_column(headers[k].name, headers[k].unit, std::move(raw.columns[k]),
                                   taken, data.warnings);
            taken.push_back(c.name);
            curve.data.add_column(std::move(c));
        }
        // Flash DSC exports restart t at each segment: keep the order, mark the segments.
        if (curve.data.has(channel::time)) {
            const auto& t = curve.data.values(channel::time);
            std::size_t begin = 0;
            for (std::size_t i = 1; i <= t.size(); ++i) {
                if (i == t.size() || t[i] < t[i - 1]) {
                    Segment s;
                    s.begin = begin;
                    s.end = i;
                    s.label = fmt::format("segment {}", curve.data.segments.size() + 1);
                    curve.data.segments.push_back(s);
                    begin = i;
                }
            }
            if (curve.data.segments.size() > 1) {
                data.warnings.push_back(
                    fmt::format("time restarts {} times; each restart begins a segment",
                                curve.data.segments.size() - 1));
            }
        }
        classify_segments(curve.data);
        curve.name = file_stem(path);
        data.curves.push_back(std::move(curve));
        return data;
    }
};

}  // namespace

std::unique_ptr<Reader> make_mettler_stare_reader() {
    return std::make_unique<MettlerStareReader>();
}

}  // namespace vitrum::dsc_io
