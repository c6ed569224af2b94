// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// PerkinElmer Pyris DSC text export. No real export was available: built from the layout facts
// in /work/shared/reference/dsc.md §1.5 ("Sample Weight:" header, numbered program steps,
// TAB-separated Time / Unsubtracted Heat Flow / Baseline Heat Flow / Program Temp. / Sample
// Temp. / Gas Flow, a trailer starting "TEMPERATURE CALIBRATION INPUTS:").
#include <fmt/format.h>

#include <array>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/core/units.hpp>

#include "dsc_common.hpp"

namespace vitrum::dsc_io {
namespace {

bool is_names_line(std::string_view t) {
    return text::starts_with_nocase(t, "Time") && t.find('\t') != std::string_view::npos &&
           text::to_lower(t).find("heat flow") != std::string::npos;
}

// Units the export writes when it has no units row (time in min, heat flows in mW, per the
// reader in dsc.md §1.5).
std::string default_unit(const std::string& name) {
    const std::string n = text::to_lower(name);
    if (n.find("time") != std::string::npos) return "min";
    if (n.find("heat flow") != std::string::npos) return "mW";
    if (n.find("temp") != std::string::npos)
        return "\xC2\xB0"
               "C";
    if (n.find("gas flow") != std::string::npos) return "mL/min";
    return "";
}

double num(std::string_view text) { return parse_header_number(text).value_or(0.0); }

// "Heat from 50.00°C to 500.00°C at 20.00°C/min" or "Cool from …" starting at `at`: the
// three numbers as text, or nullopt.
std::optional<std::array<std::string_view, 3>> ramp_at(std::string_view s, std::size_t at) {
    LineScanner in(s, at);
    if (!(in.word("heat") || in.word("cool")) || !in.spaces() || !in.word("from") || !in.spaces())
        return std::nullopt;
    const std::string_view from = in.digits_and_dots(true);
    if (from.empty() || !in.celsius() || !in.spaces() || !in.word("to") || !in.spaces())
        return std::nullopt;
    const std::string_view to = in.digits_and_dots(true);
    if (to.empty() || !in.celsius() || !in.spaces() || !in.word("at") || !in.spaces())
        return std::nullopt;
    const std::string_view rate = in.digits_and_dots(false);
    if (rate.empty() || !in.celsius() || !in.word("/min")) return std::nullopt;
    return std::array<std::string_view, 3>{from, to, rate};
}

// "Hold for 1.0 min at 50.00°C" starting at `at`: minutes and temperature as text, or nullopt.
std::optional<std::array<std::string_view, 2>> hold_at(std::string_view s, std::size_t at) {
    LineScanner in(s, at);
    if (!in.word("hold") || !in.spaces() || !in.word("for") || !in.spaces()) return std::nullopt;
    const std::string_view minutes = in.digits_and_dots(false);
    if (minutes.empty()) return std::nullopt;
    in.spaces();
    if (!in.word("min") || !in.spaces() || !in.word("at") || !in.spaces()) return std::nullopt;
    const std::string_view temperature = in.digits_and_dots(true);
    if (temperature.empty() || !in.celsius()) return std::nullopt;
    return std::array<std::string_view, 2>{minutes, temperature};
}

// "Heat from 50.00°C to 500.00°C at 20.00°C/min", "Cool from …", "Hold for 1.0 min at 50.00°C",
// anywhere in the step text, letter case ignored.
std::optional<Segment> parse_pyris_step(const std::string& s) {
    Segment seg;
    seg.label = s;
    if (const auto ramp = search_line(s, ramp_at)) {
        const double a = num((*ramp)[0]) + kCelsiusOffset_K;
        const double b = num((*ramp)[1]) + kCelsiusOffset_K;
        const double rate = num((*ramp)[2]) / 60.0;
        seg.program_start_K = a;
        seg.program_end_K = b;
        seg.kind = b >= a ? SegmentKind::heating : SegmentKind::cooling;
        seg.program_rate_K_per_s = b >= a ? rate : -rate;
        return seg;
    }
    if (const auto hold = search_line(s, hold_at)) {
        seg.kind = SegmentKind::isothermal;
        seg.program_rate_K_per_s = 0.0;
        seg.program_start_K = seg.program_end_K = num((*hold)[1]) + kCelsiusOffset_K;
        return seg;
    }
    return std::nullopt;
}

// "12) Heat from …": the step text after the number and ')', or nullopt.
std::optional<std::string_view> numbered_step(std::string_view t) {
    LineScanner in(t);
    in.spaces();
    const std::size_t digits_begin = in.position();
    std::size_t digits_end = digits_begin;
    while (digits_end < t.size() && t[digits_end] >= '0' && t[digits_end] <= '9') ++digits_end;
    if (digits_end == digits_begin || digits_end >= t.size() || t[digits_end] != ')')
        return std::nullopt;
    LineScanner after(t, digits_end + 1);
    after.spaces();
    return after.rest();
}

class PerkinElmerPyrisReader final : public Reader {
public:
    std::string_view format_id() const override { return "perkinelmer-pyris"; }
    std::string_view description() const override {
        return "PerkinElmer Pyris DSC text export (Sample Weight:, numbered steps); built from "
               "documented layouts, no real file tested";
    }
    Technique technique() const override { return Technique::dsc; }
    std::string_view extensions() const override { return ".txt"; }

    bool sniff(std::string_view head, std::string_view) const noexcept override {
        const std::string t = sniff_text(head);
        return t.find("Sample Weight:") != std::string::npos &&
               text::to_lower(t).find("heat flow") != std::string::npos;
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        const TextInput decoded(in, path);
        const auto& lines = decoded.lines();
        Dataset data;
        SourceInfo& src = data.source;
        src.encoding = decoded.encoding();
        std::size_t names = lines.size();
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string t(text::trim(lines[i]));
            if (is_names_line(t)) {
                names = i;
                break;
            }
            if (const auto step = numbered_step(t)) {
                auto seg = parse_pyris_step(std::string(*step)).value_or(Segment{});
                seg.label = t;
                src.program.push_back(seg);
                continue;
            }
            const auto colon = t.find(':');
            if (colon == std::string::npos || colon == 0) continue;
            src.metadata[t.substr(0, colon)] =
                std::string(text::trim(std::string_view(t).substr(colon + 1)));
        }
        if (names == lines.size()) {
            throw ParseError(Location{path, "", lines.size(), 0},
                             "a column line 'Time<TAB>Unsubtracted Heat Flow<TAB>…'",
                             "end of file");
        }
        std::vector<NameAndUnit> headers;
        for (auto f : text::split_fields(lines[names], '\t')) {
            if (!text::trim(f).empty()) headers.push_back({std::string(text::trim(f)), ""});
        }
        std::size_t first = names + 1;
        const auto units = first < lines.size() ? text::split_fields(lines[first], '\t')
                                                : std::vector<std::string_view>{};
        double probe = 0.0;
        if (!units.empty() && !text::trim(units.front()).empty() &&
            !text::try_parse_double(units.front(), '.', probe)) {
            for (std::size_t k = 0; k < headers.size() && k < units.size(); ++k) {
                headers[k].unit = std::string(text::trim(units[k]));
            }
            ++first;
        } else {
            for (auto& h : headers) h.unit = default_unit(h.name);
            data.warnings.push_back(
                "no units row; assumed time min, heat flow mW, temperatures °C");
        }
        TableLayout layout;
        layout.delimiter = '\t';
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
            Column c = make_column(headers[k].name, headers[k].unit, std::move(raw.columns[k]),
                                   taken, data.warnings);
            taken.push_back(c.name);
            curve.data.add_column(std::move(c));
        }
        const auto get = [&](const char* key) {
            const auto it = src.metadata.find(key);
            return it == src.metadata.end() ? std::string() : it->second;
        };
        src.sample = get("Sample ID");
        src.instrument = get("Instrument");
        src.date = get("Data Collected");
        try {
            std::string w = get("Sample Weight");
            for (auto& c : w) c = c == ',' ? '.' : c;
            if (!w.empty()) {
                const double kg = parse_quantity_as(w, "kg");
                if (kg > 0) src.properties[property::sample_mass] = Quantity{kg, "kg"};
            }
        } catch (const UnitError&) {
            data.warnings.push_back("Sample Weight is not a mass; sample mass not set");
        }
        set_single_ramp_rate(src);
        curve.name = !src.sample.empty() ? src.sample : file_stem(path);
        data.curves.push_back(std::move(curve));
        return data;
    }
};

}  // namespace

std::unique_ptr<Reader> make_perkinelmer_pyris_reader() {
    return std::make_unique<PerkinElmerPyrisReader>();
}

}  // namespace vitrum::dsc_io
