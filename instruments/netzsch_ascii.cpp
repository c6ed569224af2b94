// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// NETZSCH Proteus ASCII export ("FORMAT NETZSCH5"), DATA SINGLE and DATA ALL; see
// /work/shared/reference/dsc.md §1.1 for the layout facts this follows.
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/core/units.hpp>

#include "dsc_common.hpp"

namespace vitrum::dsc_io {
namespace {

struct Header {
    std::map<std::string, std::string> values;  // key (trimmed, upper case as written) → value
    std::map<int, std::string> steps;           // "#SEG. n:" → program text
    std::size_t column_line = 0;                // 0-based index of the "##" line
};

const std::string* find_key(const Header& h, std::string_view key) {
    for (const auto& [k, v] : h.values) {
        if (text::to_lower(k) == text::to_lower(key)) return &v;
    }
    return nullptr;
}

Header read_header(const std::vector<std::string_view>& lines, const std::string& path) {
    Header h;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view t = text::trim(lines[i]);
        if (t.empty()) continue;
        if (t.substr(0, 2) == "##") {
            h.column_line = i;
            return h;
        }
        const auto colon = t.find(':');
        if (t.front() != '#' || colon == std::string_view::npos) {
            throw ParseError(Location{path, "", i + 1, 1},
                             "a '#KEY:value' header line or the '##' column line", std::string(t));
        }
        const std::string key(text::trim(t.substr(1, colon - 1)));
        std::string_view value = text::trim(t.substr(colon + 1));
        // DSC 214 exports pad the key and put the declared separator before the value.
        if (!value.empty() && (value.front() == ';' || value.front() == ',')) {
            value = text::trim(value.substr(1));
        }
        h.values[key] = std::string(value);
        if (text::starts_with_nocase(key, "SEG. ")) {
            if (auto n = parse_header_index(key.substr(5))) h.steps[*n] = std::string(value);
        }
    }
    throw ParseError(Location{path, "", lines.size(), 0},
                     "the column header line starting with '##'", "end of file");
}

// "#FTYPE:ANSI" is the writer's Windows code page. A Cyrillic file name next to many '°' (0xB0)
// and 'µ' (0xB5) can make the generic guess say CP1252; those two bytes mean the same in CP1251,
// so decide on the other high bytes: Cyrillic words are runs of letters 0xC0–0xFF, while
// Western text has isolated accented letters.
std::string ansi_code_page(std::string_view bytes) {
    std::string guess = text::detect_encoding(bytes);
    if (guess != "CP1252") return guess;
    std::size_t letters = 0, other = 0, in_runs = 0, run = 0;
    // Only high bytes count; an ASCII byte ends a run, so ASCII stretches are skipped whole.
    for (std::size_t i = text::find_non_ascii(bytes); i < bytes.size();) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0xC0) {
            ++letters;
            if (++run == 3)
                in_runs += 3;
            else if (run > 3)
                ++in_runs;
        } else {
            run = 0;
            if (c != 0xB0 && c != 0xB5) ++other;
        }
        const std::size_t next = text::find_non_ascii(bytes, i + 1);
        if (next > i + 1) run = 0;
        i = next;
    }
    const bool cyrillic =
        letters >= 8 && letters * 10 >= (letters + other) * 9 && in_runs * 2 >= letters;
    return cyrillic ? "CP1251" : guess;
}

char declared_separator(const Header& h, const std::string_view column_line) {
    if (const auto* s = find_key(h, "SEPARATOR")) {
        const std::string v = text::to_lower(*s);
        if (v == "semicolon") return ';';
        if (v == "tab") return '\t';
        if (v == "comma") return ',';
    }
    return text::detect_delimiter({column_line});
}

class NetzschAsciiReader final : public Reader {
public:
    std::string_view format_id() const override { return "netzsch-ascii"; }
    std::string_view description() const override {
        return "NETZSCH Proteus ASCII export (#EXPORTTYPE / NETZSCH5; DATA SINGLE and DATA ALL)";
    }
    Technique technique() const override { return Technique::dsc; }
    std::string_view extensions() const override { return ".txt .csv"; }

    bool sniff(std::string_view head, std::string_view) const noexcept override {
        const std::string t = sniff_text(head.substr(0, 4096));
        return t.rfind("#EXPORTTYPE", 0) == 0 ||
               (t.find("#FORMAT:") != std::string::npos && t.find("NETZSCH") != std::string::npos &&
                t.find("\n##") != std::string::npos);
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        std::string storage;
        const std::string_view bytes = stream_bytes(in, path, text::kDefaultMaxFileBytes, storage);
        TextInput decoded(bytes, path, ansi_code_page(bytes));
        Dataset data;
        if (decoded.repair_replacement_chars()) {
            data.warnings.push_back(
                "the text contains U+FFFD replacement characters (damaged '°'/'µ'); read as '°' "
                "before C and 'µ' elsewhere");
        }
        const auto& lines = decoded.lines();
        const Header h = read_header(lines, path);
        const std::string_view column_line = text::trim(lines[h.column_line]).substr(2);
        const char sep = declared_separator(h, column_line);
        char decimal = '.';
        if (const auto* d = find_key(h, "DECIMAL"))
            decimal = text::to_lower(*d) == "comma" ? ',' : '.';

        std::vector<std::pair<std::string, std::string>> headers;
        for (auto field : text::split_fields(column_line, sep)) {
            NameAndUnit nu = split_name_and_unit(field);
            // Damaged exports lose the degree sign: "Temp./C".
            if (nu.unit.empty() && nu.name.size() > 2 &&
                nu.name.substr(nu.name.size() - 2) == "/C") {
                nu = {nu.name.substr(0, nu.name.size() - 2),
                      "\xC2\xB0"
                      "C"};
                data.warnings.push_back(
                    fmt::format("column '{}': unit 'C' read as °C", std::string(field)));
            }
            headers.emplace_back(nu.name, nu.unit);
        }
        if (!headers.empty() && headers.back().first.empty()) headers.pop_back();
        TableLayout layout;
        layout.delimiter = sep;
        layout.decimal = decimal;
        layout.columns = headers.size();
        RawTable raw = parse_rows(lines, h.column_line + 1, lines.size(), layout, path);
        if (raw.line_numbers.empty()) {
            throw ParseError(Location{path, "", h.column_line + 2, 0},
                             "data rows after the '##' line", "none");
        }

        Curve curve;
        std::vector<std::string> taken;
        for (std::size_t k = 0; k < headers.size(); ++k) {
            Column c = make_column(headers[k].first, headers[k].second, std::move(raw.columns[k]),
                                   taken, data.warnings);
            taken.push_back(c.name);
            curve.data.add_column(std::move(c));
        }
        sort_by_time(curve.data, data.warnings);
        fill_source(h, decoded.encoding(), data.source);
        build_segments(h, data.source, curve.data);
        classify_segments(curve.data);

        curve.name = !data.source.sample.empty() ? data.source.sample : file_stem(path);
        data.curves.push_back(std::move(curve));
        return data;
    }

private:
    static void fill_source(const Header& h, const std::string& encoding, SourceInfo& src) {
        src.encoding = encoding;
        for (const auto& [k, v] : h.values) src.metadata[k] = v;
        if (const auto* v = find_key(h, "INSTRUMENT")) src.instrument = *v;
        if (const auto* v = find_key(h, "DATE/TIME")) src.date = *v;
        if (const auto* v = find_key(h, "SAMPLE"); v && !v->empty()) {
            src.sample = *v;
        } else if (const auto* id = find_key(h, "IDENTITY")) {
            src.sample = *id;
        }
        for (const auto& [k, v] : h.values) {
            if (!text::starts_with_nocase(k, "SAMPLE MASS")) continue;
            const auto slash = k.find('/');
            const std::string unit =
                slash == std::string::npos ? "mg" : std::string(text::trim(k.substr(slash + 1)));
            const auto value = parse_header_number(v);
            if (value && *value > 0 && is_unit(unit)) {
                src.properties[property::sample_mass] =
                    Quantity{convert_unit(*value, unit, "kg"), "kg"};
            }
        }
        if (const auto* v = find_key(h, "EXO")) {
            if (const auto sign = parse_header_number(*v); sign && *sign != 0.0) {
                src.properties[property::exotherm_sign] = Quantity{*sign > 0 ? 1.0 : -1.0, "1"};
            }
        }
        std::string total = std::to_string(h.steps.size());
        if (const auto* s = find_key(h, "SEGMENT")) {
            if (const auto slash = s->rfind('/'); slash != std::string::npos)
                total = s->substr(slash + 1);
        }
        for (const auto& [n, step] : h.steps) {
            auto seg = parse_netzsch_step(step).value_or(Segment{});
            seg.label = fmt::format("S{}/{} {}", n, total, step);
            src.program.push_back(seg);
        }
        if (h.steps.empty()) {
            if (const auto* r = find_key(h, "RANGE")) {
                if (auto seg = parse_netzsch_step(*r)) src.program.push_back(*seg);
            }
        }
        set_single_ramp_rate(src);
    }

    static void build_segments(const Header& h, const SourceInfo& src, Series& data) {
        const auto step_for = [&](int n) -> std::optional<Segment> {
            const auto it = h.steps.find(n);
            if (it == h.steps.end()) return std::nullopt;
            return parse_netzsch_step(it->second);
        };
        std::string total = std::to_string(h.steps.size());
        if (const auto* s = find_key(h, "SEGMENT")) {
            if (const auto slash = s->rfind('/'); slash != std::string::npos)
                total = s->substr(slash + 1);
        }
        if (data.has(channel::segment)) {
            data.segments = segments_from_codes(data.values(channel::segment));
            for (auto& seg : data.segments) {
                const double code = data.values(channel::segment)[seg.begin];
                const auto n = parse_header_index(fmt::format("{}", code));
                seg.label = n ? fmt::format("S{}/{}", *n, total) : fmt::format("segment {}", code);
                if (auto p = n ? step_for(*n) : std::nullopt) {
                    seg.kind = p->kind;
                    seg.program_rate_K_per_s = p->program_rate_K_per_s;
                    seg.program_start_K = p->program_start_K;
                    seg.program_end_K = p->program_end_K;
                }
            }
            return;
        }
        Segment all;
        all.end = data.rows();
        if (const auto* s = find_key(h, "SEGMENT")) all.label = *s;
        if (src.program.size() == 1) {
            const Segment& p = src.program.front();
            all.kind = p.kind;
            all.program_rate_K_per_s = p.program_rate_K_per_s;
            all.program_start_K = p.program_start_K;
            all.program_end_K = p.program_end_K;
        }
        data.segments.push_back(all);
    }
};

}  // namespace

std::unique_ptr<Reader> make_netzsch_ascii_reader() {
    return std::make_unique<NetzschAsciiReader>();
}

}  // namespace vitrum::dsc_io
