// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// TA Instruments Universal Analysis / Advantage "Sig" text export (first line "CLOSED"); see
// /work/shared/reference/dsc.md §1.2.
#include <fmt/format.h>

#include <map>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/core/units.hpp>

#include "dsc_common.hpp"

namespace vitrum::dsc_io {
namespace {

struct Header {
    std::map<std::string, std::string> values;  // repeated keys joined with " | "
    std::map<int, std::string> signals;         // SigN → "Name (unit)"
    std::vector<std::string> method;            // OrgMethod lines in order
    std::string size_value, size_unit;
    std::size_t data_line = 0;  // 0-based index of "StartOfData"
};

Header read_header(const std::vector<std::string_view>& lines, const std::string& path) {
    Header h;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view t = text::trim(lines[i]);
        if (t == "StartOfData") {
            h.data_line = i;
            return h;
        }
        if (t.empty() || t == "CLOSED") continue;
        const auto fields = text::split_fields(lines[i], '\t');
        const std::string key(text::trim(fields[0]));
        std::string value;
        for (std::size_t k = 1; k < fields.size(); ++k) {
            const auto f = text::trim(fields[k]);
            if (f.empty()) continue;
            if (!value.empty()) value += ' ';
            value += f;
        }
        auto& slot = h.values[key];
        slot = slot.empty() ? value : slot + " | " + value;
        if (key == "Size" && fields.size() >= 2) {
            h.size_value = std::string(text::trim(fields[1]));
            h.size_unit = fields.size() >= 3 ? std::string(text::trim(fields[2])) : "mg";
        } else if (key == "OrgMethod") {
            h.method.push_back(value);
        } else if (key.size() > 3 && key.rfind("Sig", 0) == 0) {
            if (const auto n = parse_header_index(key.substr(3))) h.signals[*n] = value;
        }
    }
    throw ParseError(Location{path, "", lines.size(), 0}, "a 'StartOfData' line", "end of file");
}

class TaUniversalReader final : public Reader {
public:
    std::string_view format_id() const override { return "ta-universal"; }
    std::string_view description() const override {
        return "TA Instruments Universal Analysis / Advantage \"Sig\" text export (CLOSED … "
               "StartOfData)";
    }
    Technique technique() const override { return Technique::dsc; }
    std::string_view extensions() const override { return ".txt"; }

    bool sniff(std::string_view head, std::string_view) const noexcept override {
        const std::string t = sniff_text(head.substr(0, 8192));
        return t.rfind("CLOSED", 0) == 0 &&
               (t.find("\nNsig") != std::string::npos || t.find("\nSig1") != std::string::npos ||
                t.find("StartOfData") != std::string::npos);
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        const TextInput decoded(in, path);
        const auto& lines = decoded.lines();
        const Header h = read_header(lines, path);
        if (h.signals.empty()) {
            throw ParseError(Location{path, "", h.data_line + 1, 0},
                             "the signal list ('Sig1<TAB>Time (min)' …) before StartOfData",
                             "none");
        }
        Dataset data;
        std::vector<NameAndUnit> headers;
        for (const auto& [n, sig] : h.signals) headers.push_back(split_name_and_unit(sig));
        TableLayout layout;
        layout.delimiter = '\t';
        layout.columns = headers.size();
        RawTable raw = parse_rows(lines, h.data_line + 1, lines.size(), layout, path);

        // The 2920 writes "-1<TAB>T<TAB>0" marker rows at the start, between segments and at the
        // end; they separate segments and are not data. They are squeezed out in place.
        std::vector<std::pair<std::size_t, std::size_t>> ranges;
        std::vector<std::vector<double>>& kept = raw.columns;
        std::size_t markers = 0, begin = 0, rows = 0;
        for (std::size_t r = 0; r < raw.line_numbers.size(); ++r) {
            const bool marker = kept[0][r] == -1.0 && (headers.size() < 3 || kept.back()[r] == 0.0);
            if (marker) {
                ++markers;
                if (rows > begin) ranges.emplace_back(begin, rows);
                begin = rows;
                continue;
            }
            if (rows != r) {
                for (auto& column : kept) column[rows] = column[r];
            }
            ++rows;
        }
        for (auto& column : kept) column.resize(rows);
        if (rows > begin && markers > 0) ranges.emplace_back(begin, rows);
        if (kept[0].empty()) {
            throw ParseError(Location{path, "", h.data_line + 2, 0}, "data rows after StartOfData",
                             "none");
        }
        if (markers > 0) {
            data.warnings.push_back(
                fmt::format("{} marker rows (time -1) separate {} segments; they were dropped",
                            markers, ranges.size()));
        }

        Curve curve;
        std::vector<std::string> taken;
        for (std::size_t k = 0; k < headers.size(); ++k) {
            Column c = make_column(headers[k].name, headers[k].unit, std::move(kept[k]), taken,
                                   data.warnings);
            taken.push_back(c.name);
            curve.data.add_column(std::move(c));
        }
        fill_source(h, decoded.encoding(), data.source);
        for (std::size_t s = 0; s < ranges.size(); ++s) {
            Segment seg;
            seg.begin = ranges[s].first;
            seg.end = ranges[s].second;
            seg.label = fmt::format("segment {} (between marker rows)", s + 1);
            curve.data.segments.push_back(seg);
        }
        if (ranges.empty() && data.source.program.size() == 1) {
            Segment seg = data.source.program.front();
            seg.begin = 0;
            seg.end = curve.data.rows();
            curve.data.segments.push_back(seg);
        }
        classify_segments(curve.data);
        curve.name = !data.source.sample.empty() ? data.source.sample : file_stem(path);
        data.curves.push_back(std::move(curve));
        return data;
    }

private:
    static void fill_source(const Header& h, const std::string& encoding, SourceInfo& src) {
        src.encoding = encoding;
        src.metadata = h.values;
        const auto get = [&](const char* key) {
            const auto it = h.values.find(key);
            return it == h.values.end() ? std::string() : it->second;
        };
        src.instrument = get("Instrument");
        src.date = get("Date");
        if (!get("Time").empty()) src.date += " " + get("Time");
        src.sample = get("Sample");
        if (const auto mass = parse_header_number(h.size_value);
            mass && *mass > 0 && is_unit(h.size_unit)) {
            src.properties[property::sample_mass] =
                Quantity{convert_unit(*mass, h.size_unit, "kg"), "kg"};
        }
        const std::string exo = text::to_lower(get("Exotherm"));
        if (exo == "up") src.properties[property::exotherm_sign] = Quantity{1.0, "1"};
        if (exo == "down") src.properties[property::exotherm_sign] = Quantity{-1.0, "1"};
        std::optional<double> current_K;
        for (const auto& step : h.method) {
            if (auto seg = parse_ta_step(step, current_K)) src.program.push_back(*seg);
        }
        set_single_ramp_rate(src);
    }
};

}  // namespace

std::unique_ptr<Reader> make_ta_universal_reader() { return std::make_unique<TaUniversalReader>(); }

}  // namespace vitrum::dsc_io
