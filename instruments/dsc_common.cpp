// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "dsc_common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/mapped_file.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/core/units.hpp>

namespace vitrum::dsc_io {

std::string sniff_text(std::string_view head) noexcept {
    try {
        std::string out;
        const auto b = [&](std::size_t i) { return static_cast<unsigned char>(head[i]); };
        const std::string_view enc = text::utf16_encoding(head);
        if (!enc.empty()) {
            std::size_t i = (head.size() >= 2 && (b(0) == 0xFF || b(0) == 0xFE)) ? 2 : 0;
            const std::size_t low = enc == "UTF-16LE" ? 0 : 1;
            out.reserve(head.size() / 2);
            for (; i + 1 < head.size(); i += 2) {
                const unsigned char lo = b(i + low), hi = b(i + 1 - low);
                out.push_back(hi == 0 ? static_cast<char>(lo) : '?');
            }
            return out;
        }
        if (head.size() >= 3 && b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) head.remove_prefix(3);
        return std::string(head);
    } catch (...) {
        return {};
    }
}

namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

const char* const kReplacementChar = "\xEF\xBF\xBD";

}  // namespace

TextInput::TextInput(std::istream& in, const std::string& path, const std::string& encoding) {
    init(stream_bytes(in, path, text::kDefaultMaxFileBytes, storage_), path, encoding);
}

TextInput::TextInput(std::string_view bytes, const std::string& path, const std::string& encoding) {
    init(bytes, path, encoding);
}

void TextInput::init(std::string_view bytes, const std::string& path, const std::string& encoding) {
    if (blank(bytes)) throw FormatError(fmt::format("{}: file is empty", path));
    decoded_ = text::decode_view(bytes, path, encoding);
    if (blank(decoded_.head) && blank(decoded_.tail)) {
        throw FormatError(fmt::format("{}: file is empty", path));
    }
    // What was converted is not read again: its pages of a mapped file can go.
    if (!decoded_.head.empty()) {
        text::release_pages(bytes.substr(0, bytes.size() - decoded_.tail.size()));
    }
    split();
}

void TextInput::split() {
    lines_.clear();
    if (!repaired_.empty()) {
        text::split_lines_into(repaired_, lines_);
        return;
    }
    text::split_lines_into(decoded_.head, lines_);
    text::split_lines_into(decoded_.tail, lines_);
}

bool TextInput::repair_replacement_chars() {
    if (decoded_.head.find(kReplacementChar) == std::string::npos &&
        decoded_.tail.find(kReplacementChar) == std::string_view::npos) {
        return false;
    }
    repaired_ = decoded().utf8;
    dsc_io::repair_replacement_chars(repaired_);
    split();
    return true;
}

text::DecodedText TextInput::decoded() const {
    text::DecodedText out;
    out.encoding = decoded_.encoding;
    if (!repaired_.empty()) {
        out.utf8 = repaired_;
        return out;
    }
    out.utf8.reserve(decoded_.head.size() + decoded_.tail.size());
    out.utf8 = decoded_.head;
    out.utf8.append(decoded_.tail);
    return out;
}

text::DecodedText read_text_input(std::istream& in, const std::string& path,
                                  const std::string& encoding) {
    std::string storage;
    const std::string_view bytes = stream_bytes(in, path, text::kDefaultMaxFileBytes, storage);
    text::DecodedText out = TextInput(bytes, path, encoding).decoded();
    // The caller holds its own copy now: the pages of a mapped file can go.
    text::release_pages(bytes);
    return out;
}

std::string file_stem(std::string_view path) {
    const auto slash = path.find_last_of("/\\");
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const auto dot = name.rfind('.');
    if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
    return std::string(name);
}

bool has_extension(std::string_view filename, std::string_view ext) {
    if (filename.size() < ext.size()) return false;
    return text::to_lower(filename.substr(filename.size() - ext.size())) == text::to_lower(ext);
}

std::optional<double> parse_header_number(std::string_view value) {
    value = text::trim(value);
    double out = 0.0;
    if (text::try_parse_double(value, '.', out)) return out;
    if (text::try_parse_double(value, ',', out)) return out;
    return std::nullopt;
}

std::optional<int> parse_header_index(std::string_view text) {
    const auto v = parse_header_number(text);
    if (!v || *v < 0 || *v > 1e6 || *v != std::floor(*v)) return std::nullopt;
    return static_cast<int>(*v);
}

bool repair_replacement_chars(std::string& s) {
    static const std::string fffd = "\xEF\xBF\xBD";
    bool changed = false;
    for (auto pos = s.find(fffd); pos != std::string::npos; pos = s.find(fffd, pos)) {
        const char next = pos + 3 < s.size() ? s[pos + 3] : '\0';
        s.replace(pos, 3, (next == 'C' || next == 'F') ? "\xC2\xB0" : "\xC2\xB5");
        changed = true;
    }
    return changed;
}

namespace {

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

bool any_of_words(const std::string& name, std::initializer_list<std::string_view> words) {
    for (auto w : words) {
        if (contains(name, w)) return true;
    }
    return false;
}

}  // namespace

std::string canonical_channel(std::string_view raw_name, std::string_view unit) {
    const std::string name = text::to_lower(text::trim(raw_name));
    if (unit.empty() || !is_unit(unit)) {
        if (name == "segment" || name == "seg") return channel::segment;
        return "";
    }
    const Dimension d = parse_unit(unit).dimension;
    const auto is = [&](std::array<int, 6> e) { return d.exponent == e; };
    // Exponents: L, M, T, Θ, N, I.
    if (is({0, 0, 0, 1, 0, 0})) {
        if (any_of_words(name,
                         {"tzero", "heater", "flange", "junction", "cell", "block", "onset"})) {
            return "";
        }
        if (any_of_words(name, {"furnace", "program", "reference", "ref."}) || name == "tr") {
            return channel::program_temperature;
        }
        if (any_of_words(name, {"temp", "sample"}) || name == "ts" || name == "t") {
            return channel::temperature;
        }
        return "";
    }
    if (is({0, 0, 1, 0, 0, 0})) {
        return (contains(name, "time") || name == "t") ? channel::time : "";
    }
    const bool heat_flow_name =
        !any_of_words(name, {"baseline", "reversing", "phase"}) &&
        (any_of_words(name, {"heat flow", "heatflow", "heat-flow", "dsc"}) || name == "value" ||
         name == "hf");
    if (is({2, 1, -3, 0, 0, 0})) return heat_flow_name ? channel::heat_flow : "";
    if (is({2, 0, -3, 0, 0, 0})) return heat_flow_name ? channel::specific_heat_flow : "";
    if (is({0, 0, 0, 0, 0, -1})) return contains(name, "sensit") ? channel::sensitivity : "";
    if (is({0, 1, 0, 0, 0, 0})) {
        return (name == "tg" || contains(name, "mass") || contains(name, "weight")) ? channel::mass
                                                                                    : "";
    }
    const bool cp_name = !any_of_words(name, {"total", "rev", "complex"}) &&
                         (contains(name, "heat capacity") || name == "cp");
    if (is({2, 1, -2, -1, 0, 0})) return cp_name ? channel::heat_capacity : "";
    if (is({2, 0, -2, -1, 0, 0})) return cp_name ? channel::specific_heat_capacity : "";
    if (is({1, 0, 0, 0, 0, 0})) {
        return (any_of_words(name, {"depth", "displacement", "disp"}) || name == "h")
                   ? channel::depth
                   : "";
    }
    if (is({1, 1, -2, 0, 0, 0})) {
        return (any_of_words(name, {"load", "force"}) || name == "p") ? channel::load : "";
    }
    return "";
}

Column make_column(const std::string& original_name, const std::string& original_unit,
                   std::vector<double> raw, const std::vector<std::string>& taken,
                   std::vector<std::string>& warnings) {
    Column c;
    c.original_name = original_name;
    c.original_unit = original_unit;
    const auto is_taken = [&](const std::string& n) {
        return std::find(taken.begin(), taken.end(), n) != taken.end();
    };
    // "ml" is millilitre in every export seen (NETZSCH gas flows "ml/min").
    const std::string unit = millilitre_as_mL(original_unit);
    std::string canonical = canonical_channel(original_name, unit);
    if (!unit.empty() && is_unit(unit)) {
        const UnitConversion conv = parse_unit(unit);
        for (double& v : raw) v = conv.to_si(v);
        c.unit = conv.si_name();
    } else if (canonical == channel::segment) {
        c.unit = "1";
    } else {
        c.unit = original_unit;
        if (!original_unit.empty()) {
            warnings.push_back(
                fmt::format("column '{}': unit '{}' not understood; values kept as found",
                            original_name, original_unit));
        }
    }
    c.name = canonical.empty() || is_taken(canonical) ? original_name : canonical;
    for (int k = 2; is_taken(c.name); ++k) c.name = fmt::format("{} ({})", original_name, k);
    c.values = std::move(raw);
    return c;
}

void RowLines::push_back(std::size_t line) {
    if (runs_.empty() || runs_.back().first_line + (rows_ - runs_.back().first_row) != line) {
        runs_.push_back({rows_, line});
    }
    ++rows_;
}

std::size_t RowLines::operator[](std::size_t row) const {
    const auto after =
        std::upper_bound(runs_.begin(), runs_.end(), row,
                         [](std::size_t r, const Run& run) { return r < run.first_row; });
    const Run& run = *(after - 1);
    return run.first_line + (row - run.first_row);
}

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool parse_number(const char* begin, const char* end, char decimal, double& out) {
    return text::try_parse_double({begin, static_cast<std::size_t>(end - begin)}, decimal, out);
}

// Splits and parses one data line into `row` (layout.columns values) when it has exactly that
// many fields, all numbers; false sends the line to the careful path.
bool fast_row(std::string_view line, const TableLayout& layout, double* row) {
    if (layout.columns == 0) return false;
    const char* p = line.data();
    const char* const end = p + line.size();
    const char d = layout.delimiter;
    if (d == ' ') {
        for (std::size_t k = 0; k < layout.columns; ++k) {
            while (p < end && is_blank(*p)) ++p;
            const char* q = p;
            while (q < end && !is_blank(*q)) ++q;
            if (q == p || !parse_number(p, q, layout.decimal, row[k])) return false;
            p = q;
        }
        while (p < end && is_blank(*p)) ++p;
        return p == end;
    }
    for (std::size_t k = 0; k < layout.columns; ++k) {
        const char* q = p;
        while (q < end && *q != d) ++q;
        if (!parse_number(p, q, layout.decimal, row[k])) return false;
        if (k + 1 < layout.columns) {
            if (q == end) return false;
            p = q + 1;
        } else if (q != end) {
            return false;
        }
    }
    return true;
}

// The original line-by-line rules, for lines fast_row does not take: a trailing delimiter, empty
// fields, or an error to report with its column.
bool careful_row(std::string_view line, std::string_view trimmed, std::size_t index,
                 const TableLayout& layout, const std::string& path,
                 const std::string& expected_number, double* row) {
    auto fields = text::split_fields(line, layout.delimiter);
    if (layout.delimiter != ' ' && fields.size() == layout.columns + 1 &&
        text::trim(fields.back()).empty()) {
        fields.pop_back();
    }
    if (fields.size() != layout.columns) {
        const char* d = layout.delimiter == '\t'  ? "TAB"
                        : layout.delimiter == ' ' ? "blanks"
                        : layout.delimiter == ';' ? "';'"
                                                  : "','";
        throw ParseError(Location{path, "", index + 1, 0},
                         fmt::format("{} fields separated by {}", layout.columns, d),
                         fmt::format("{} fields: {}", fields.size(), std::string(trimmed)));
    }
    bool had_empty = false;
    for (std::size_t k = 0; k < fields.size(); ++k) {
        double v = 0.0;
        if (layout.empty_is_nan && text::trim(fields[k]).empty()) {
            v = std::numeric_limits<double>::quiet_NaN();
            had_empty = true;
        } else if (!text::try_parse_double(fields[k], layout.decimal, v)) {
            throw ParseError(
                Location{path, "", index + 1, text::column_of(line, text::trim(fields[k]))},
                expected_number, std::string(text::trim(fields[k])));
        }
        row[k] = v;
    }
    return had_empty;
}

}  // namespace

RawTable parse_rows(const std::vector<std::string_view>& lines, std::size_t first, std::size_t end,
                    const TableLayout& layout, const std::string& path) {
    RawTable out;
    out.columns.assign(layout.columns, {});
    // At most one row per line: once a table is long, reserving that never regrows (untouched
    // capacity costs no memory). Short tables (TRIOS steps, one per block) grow as usual so that
    // many of them do not each claim the rest of the file.
    constexpr std::size_t kLongTable = 1024;
    const std::size_t most_rows = end > first ? end - first : 0;
    const std::string expected_number =
        layout.decimal == ',' ? "a number with decimal comma" : "a number";
    std::vector<double> row(layout.columns);
    // Parsed text of a mapped file is released every few MiB, so resident memory stays near the
    // size of the numbers, not of the text plus the numbers.
    text::ReleaseBehind release;
    std::size_t i = first;
    for (; i < end; ++i) {
        const std::string_view line = lines[i];
        release.passed(line.data());
        const std::string_view t = text::trim(line);
        if (t.empty()) continue;
        const unsigned char c0 = static_cast<unsigned char>(t.front());
        if (layout.stop_at_text && (std::isalpha(c0) != 0 || c0 == '[' || c0 == '#')) break;
        if (!fast_row(line, layout, row.data()) &&
            careful_row(line, t, i, layout, path, expected_number, row.data())) {
            ++out.rows_with_empty_fields;
        }
        if (out.line_numbers.size() == kLongTable) {
            for (auto& column : out.columns) {
                column.reserve(most_rows);
                text::prefer_huge_pages(column.data(), column.capacity() * sizeof(double));
            }
        }
        for (std::size_t k = 0; k < layout.columns; ++k) out.columns[k].push_back(row[k]);
        out.line_numbers.push_back(i + 1);
    }
    out.end_line = i;
    return out;
}

bool sort_by_time(Series& data, std::vector<std::string>& warnings) {
    if (!data.has(channel::time)) return false;
    const auto& t = data.values(channel::time);
    std::size_t first_back = 0;
    for (std::size_t i = 1; i < t.size(); ++i) {
        if (t[i] < t[i - 1]) {
            first_back = i;
            break;
        }
    }
    if (first_back == 0) return false;
    std::vector<std::size_t> order(t.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (std::isnan(t[a])) return false;
        if (std::isnan(t[b])) return true;
        return t[a] < t[b];
    });
    data.reorder(order);
    warnings.push_back(
        fmt::format("rows were not in time order (time decreases at data row {}); sorted by time",
                    first_back + 1));
    return true;
}

SegmentKind kind_from_temperatures(double start_K, double end_K, double duration_s) {
    const double change = end_K - start_K;
    // Below 1 K of net change, or 0.05 K/min on average, a stretch counts as isothermal.
    if (std::abs(change) < 1.0 || (duration_s > 0 && std::abs(change) / duration_s < 0.05 / 60.0)) {
        return SegmentKind::isothermal;
    }
    return change > 0 ? SegmentKind::heating : SegmentKind::cooling;
}

namespace {

double num(std::string_view s) { return parse_header_number(s).value_or(0.0); }

// Spaces, `sep`, spaces.
bool separator(LineScanner& in, std::string_view sep) {
    in.spaces();
    if (!in.word(sep)) return false;
    in.spaces();
    return true;
}

}  // namespace

// "25.0°C/10.0(K/min)/300.0°C" (ramp) or "300°C/00:30/300°C" (hold), the whole step text.
std::optional<Segment> parse_netzsch_step(std::string_view text_in) {
    const std::string s(text::trim(text_in));
    Segment seg;
    seg.label = s;
    {
        LineScanner in(s);
        const std::string_view a = in.number();
        std::string_view rate, b;
        if (!a.empty() && in.celsius() && separator(in, "/") && !(rate = in.number()).empty() &&
            separator(in, "(") && in.word("K/min") && separator(in, ")") && separator(in, "/") &&
            !(b = in.number()).empty() && in.celsius() && in.at_end()) {
            const double from_K = num(a) + kCelsiusOffset_K, to_K = num(b) + kCelsiusOffset_K;
            const double per_s = std::abs(num(rate)) / 60.0;
            seg.program_start_K = from_K;
            seg.program_end_K = to_K;
            seg.program_rate_K_per_s = to_K >= from_K ? per_s : -per_s;
            seg.kind = to_K > from_K   ? SegmentKind::heating
                       : to_K < from_K ? SegmentKind::cooling
                                       : SegmentKind::isothermal;
            return seg;
        }
    }
    LineScanner in(s);
    const std::string_view a = in.number();
    if (a.empty() || !in.celsius() || !separator(in, "/")) return std::nullopt;
    const std::string_view hours = in.digits_and_dots(false);
    if (hours.empty() || hours.find('.') != std::string_view::npos || !in.word(":"))
        return std::nullopt;
    const std::string_view minutes = in.digits_and_dots(false);
    std::string_view b;
    if (minutes.empty() || minutes.find('.') != std::string_view::npos || !separator(in, "/") ||
        (b = in.number()).empty() || !in.celsius() || !in.at_end())
        return std::nullopt;
    seg.program_start_K = num(a) + kCelsiusOffset_K;
    seg.program_end_K = num(b) + kCelsiusOffset_K;
    seg.program_rate_K_per_s = 0.0;
    seg.kind = SegmentKind::isothermal;
    return seg;
}

namespace {

struct TaRamp {
    std::string_view rate, end;
};

// "Ramp 10.00 °C/min to 300.00 °C" from `at` (also "K/min").
std::optional<TaRamp> ta_ramp_at(std::string_view s, std::size_t at) {
    LineScanner in(s, at);
    if (!in.word("ramp") || !in.spaces()) return std::nullopt;
    TaRamp r;
    r.rate = in.number();
    if (r.rate.empty()) return std::nullopt;
    in.spaces();
    if (!(in.word("\xC2\xB0") ? in.word("c") : (in.word("c") || in.word("k")))) return std::nullopt;
    if (!separator(in, "/") || !in.word("min") || !in.spaces() || !in.word("to") || !in.spaces())
        return std::nullopt;
    r.end = in.number();
    if (r.end.empty() || !in.celsius()) return std::nullopt;
    return r;
}

// `keyword`, optionally spaces and `optional_word`, then spaces and a number: the number.
std::optional<std::string_view> keyword_number_at(std::string_view s, std::size_t at,
                                                  std::string_view keyword,
                                                  std::string_view optional_word) {
    LineScanner in(s, at);
    if (!in.word(keyword)) return std::nullopt;
    LineScanner with_word = in;
    if (with_word.spaces() && with_word.word(optional_word)) in = with_word;
    if (!in.spaces()) return std::nullopt;
    const std::string_view value = in.number();
    if (value.empty()) return std::nullopt;
    return value;
}

// "Isothermal for 5.00 min" / "Isothermal 5.00 min" from `at`: the minutes.
std::optional<std::string_view> ta_isothermal_at(std::string_view s, std::size_t at) {
    const auto minutes = keyword_number_at(s, at, "isothermal", "for");
    if (!minutes) return std::nullopt;
    LineScanner in(s, static_cast<std::size_t>(minutes->data() - s.data()) + minutes->size());
    in.spaces();
    if (!in.word("min")) return std::nullopt;
    return minutes;
}

// "Equilibrate at 25.00 °C" / "Equilibrate 25.00 °C" from `at`: the temperature.
std::optional<std::string_view> ta_equilibrate_at(std::string_view s, std::size_t at) {
    const auto temperature = keyword_number_at(s, at, "equilibrate", "at");
    if (!temperature) return std::nullopt;
    LineScanner in(s,
                   static_cast<std::size_t>(temperature->data() - s.data()) + temperature->size());
    if (!in.celsius()) return std::nullopt;
    return temperature;
}

}  // namespace

std::optional<Segment> parse_ta_step(std::string_view text_in, std::optional<double>& current_K) {
    const std::string s(text::trim(text_in));
    Segment seg;
    seg.label = s;
    if (const auto ramp = search_line(s, ta_ramp_at)) {
        const double end_K = num(ramp->end) + kCelsiusOffset_K;
        const double rate = std::abs(num(ramp->rate)) / 60.0;
        seg.program_start_K = current_K;
        seg.program_end_K = end_K;
        const bool cooling = current_K && end_K < *current_K;
        seg.program_rate_K_per_s = cooling ? -rate : rate;
        seg.kind = cooling ? SegmentKind::cooling : SegmentKind::heating;
        current_K = end_K;
        return seg;
    }
    if (search_line(s, ta_isothermal_at)) {
        seg.kind = SegmentKind::isothermal;
        seg.program_rate_K_per_s = 0.0;
        seg.program_start_K = current_K;
        seg.program_end_K = current_K;
        return seg;
    }
    if (const auto temperature = search_line(s, ta_equilibrate_at)) {
        current_K = num(*temperature) + kCelsiusOffset_K;
    }
    return std::nullopt;
}

void set_single_ramp_rate(SourceInfo& source) {
    const Segment* ramp = nullptr;
    std::size_t ramps = 0;
    for (const auto& s : source.program) {
        if (s.kind == SegmentKind::heating || s.kind == SegmentKind::cooling) {
            ++ramps;
            ramp = &s;
        }
    }
    if (ramps == 1 && ramp->program_rate_K_per_s) {
        source.properties[property::heating_rate] = Quantity{*ramp->program_rate_K_per_s, "K/s"};
    }
}

std::vector<Segment> segments_from_codes(const std::vector<double>& code) {
    std::vector<Segment> out;
    std::size_t begin = 0;
    for (std::size_t i = 1; i <= code.size(); ++i) {
        if (i == code.size() || !(code[i] == code[begin])) {
            Segment s;
            s.begin = begin;
            s.end = i;
            s.label = fmt::format("segment {}", code[begin]);
            out.push_back(s);
            begin = i;
        }
    }
    return out;
}

void classify_segments(Series& data) {
    if (!data.has(channel::temperature)) return;
    const auto& temp = data.values(channel::temperature);
    const std::vector<double>* time =
        data.has(channel::time) ? &data.values(channel::time) : nullptr;
    for (auto& s : data.segments) {
        if (s.kind != SegmentKind::unknown || s.end <= s.begin) continue;
        std::size_t a = s.begin, b = s.end - 1;
        while (a < b && std::isnan(temp[a])) ++a;
        while (b > a && std::isnan(temp[b])) --b;
        const double duration = time ? (*time)[b] - (*time)[a] : 0.0;
        s.kind = kind_from_temperatures(temp[a], temp[b], duration);
    }
}

}  // namespace vitrum::dsc_io
