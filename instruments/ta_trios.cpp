// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// TA Instruments TRIOS text/CSV export: key/value header, INI-like [Section]s, one [step] block
// per procedure step (title, names row, units row, data); see /work/shared/reference/dsc.md §1.3.
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

std::string unquote(std::string_view s) {
    s = text::trim(s);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return std::string(s);
}

// Accumulates one channel across steps; rows of steps without it are NaN.
struct Channel {
    std::string name, unit;
    std::vector<double> raw;
};

class TaTriosReader final : public Reader {
public:
    std::string_view format_id() const override { return "ta-trios"; }
    std::string_view description() const override {
        return "TA Instruments TRIOS text/CSV export (key/value header, [Section]s, [step] blocks)";
    }
    Technique technique() const override { return Technique::dsc; }
    std::string_view extensions() const override { return ".txt .csv"; }

    bool sniff(std::string_view head, std::string_view) const noexcept override {
        const std::string t = sniff_text(head);
        return (t.rfind("Filename\t", 0) == 0 || t.rfind("Filename,", 0) == 0) &&
               (t.find("[step]") != std::string::npos ||
                t.find("[File Parameters]") != std::string::npos ||
                t.find("proceduresegments") != std::string::npos);
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        const TextInput decoded(in, path);
        const auto& lines = decoded.lines();
        const char delim = lines.front().find('\t') != std::string_view::npos ? '\t' : ',';
        Dataset data;
        SourceInfo& src = data.source;
        src.encoding = decoded.encoding();

        std::string section;
        std::vector<Channel> channels;
        std::vector<Segment> steps;
        std::size_t rows = 0, rows_with_empty = 0;
        const double nan = std::nan("");
        for (std::size_t i = 0; i < lines.size();) {
            const std::string_view t = text::trim(lines[i]);
            if (t == "[step]") {
                i = read_step(lines, i, delim, path, channels, steps, rows, rows_with_empty, nan);
                continue;
            }
            ++i;
            if (t.empty()) continue;
            if (t.front() == '[' && t.back() == ']') {
                section = std::string(t.substr(1, t.size() - 2));
                continue;
            }
            const auto cut = t.find(delim);
            const std::string key(text::trim(t.substr(0, cut)));
            const std::string value =
                cut == std::string_view::npos ? "" : unquote(t.substr(cut + 1));
            src.metadata[section.empty() ? key : section + "/" + key] = value;
        }
        if (steps.empty()) {
            throw ParseError(Location{path, "", lines.size(), 0}, "a '[step]' data block",
                             "end of file");
        }
        fill_source(src);
        Curve curve;
        std::vector<std::string> taken;
        for (auto& ch : channels) {
            ch.raw.resize(rows, nan);
            Column c = make_column(ch.name, ch.unit, std::move(ch.raw), taken, data.warnings);
            taken.push_back(c.name);
            curve.data.add_column(std::move(c));
        }
        // Step titles give rate and target; the start is where the measured block starts.
        for (auto& s : steps) {
            std::optional<double> start_K;
            if (curve.data.has(channel::temperature) && s.end > s.begin) {
                start_K = curve.data.values(channel::temperature)[s.begin];
            }
            if (auto p = parse_ta_step(s.label, start_K)) {
                s.kind = p->kind;
                s.program_rate_K_per_s = p->program_rate_K_per_s;
                s.program_start_K = p->program_start_K;
                s.program_end_K = p->program_end_K;
            }
        }
        curve.data.segments = steps;
        classify_segments(curve.data);
        if (rows_with_empty > 0) {
            data.warnings.push_back(
                fmt::format("{} rows have empty fields; those cells are NaN", rows_with_empty));
        }
        curve.name = !src.sample.empty() ? src.sample : file_stem(path);
        data.curves.push_back(std::move(curve));
        return data;
    }

private:
    // A tab-separated export written in a comma locale ("156,60\t-0,31") has a comma and no
    // point in its first data row; comma-separated exports always use the point.
    static char decimal_mark(const std::vector<std::string_view>& lines, std::size_t first,
                             char delim) {
        if (delim != '\t' || first >= lines.size()) return '.';
        const std::string_view row = lines[first];
        return row.find(',') != std::string_view::npos && row.find('.') == std::string_view::npos
                   ? ','
                   : '.';
    }

    static std::size_t read_step(const std::vector<std::string_view>& lines, std::size_t i,
                                 char delim, const std::string& path,
                                 std::vector<Channel>& channels, std::vector<Segment>& steps,
                                 std::size_t& rows, std::size_t& rows_with_empty, double nan) {
        if (i + 3 >= lines.size()) {
            throw ParseError(Location{path, "", i + 1, 0},
                             "a step title, a names row and a units row after '[step]'",
                             "end of file");
        }
        Segment step;
        step.label = std::string(text::trim(lines[i + 1]));
        const auto names = text::split_fields(lines[i + 2], delim);
        const auto units = text::split_fields(lines[i + 3], delim);
        if (names.size() != units.size()) {
            throw ParseError(Location{path, "", i + 4, 0},
                             fmt::format("{} units, one per column name", names.size()),
                             std::string(lines[i + 3]));
        }
        TableLayout layout;
        layout.delimiter = delim;
        layout.decimal = decimal_mark(lines, i + 4, delim);
        layout.columns = names.size();
        layout.empty_is_nan = true;
        layout.stop_at_text = true;
        const RawTable raw = parse_rows(lines, i + 4, lines.size(), layout, path);
        const std::size_t n = raw.line_numbers.size();
        for (std::size_t k = 0; k < names.size(); ++k) {
            const std::string name = unquote(names[k]), unit = unquote(units[k]);
            Channel* ch = nullptr;
            for (auto& c : channels) {
                if (c.name == name && c.unit == unit) ch = &c;
            }
            if (ch == nullptr) {
                // Every channel spans all rows (NaN where a step lacks it): many steps with new
                // channel names would cost channels × rows cells for a few bytes each. A real
                // cell takes ≥ 2 bytes ("1\t"), so allow 8 padded cells per cell the text could
                // hold. (The lines are views into one decoded buffer.)
                const auto text_bytes = static_cast<std::size_t>(
                    lines.back().data() + lines.back().size() - lines.front().data());
                if ((channels.size() + 1) * (rows + n) > 4 * text_bytes + (1u << 20)) {
                    throw ParseError(Location{path, "", i + 3, 0},
                                     "a channel set that the data rows justify",
                                     fmt::format("channel {} over {} rows from {} bytes of text",
                                                 channels.size() + 1, rows + n, text_bytes));
                }
                channels.push_back(Channel{name, unit, std::vector<double>(rows, nan)});
                ch = &channels.back();
            }
            ch->raw.resize(rows, nan);
            ch->raw.insert(ch->raw.end(), raw.columns[k].begin(), raw.columns[k].end());
        }
        step.begin = rows;
        rows += n;
        step.end = rows;
        rows_with_empty += raw.rows_with_empty_fields;
        if (n > 0) steps.push_back(step);
        return raw.end_line;
    }

    static void fill_source(SourceInfo& src) {
        const auto get = [&](std::initializer_list<const char*> keys) -> std::string {
            for (const char* k : keys) {
                if (auto it = src.metadata.find(k);
                    it != src.metadata.end() && !it->second.empty()) {
                    return it->second;
                }
            }
            return "";
        };
        src.instrument = get({"Configuration/Instrument Type", "Instrument name"});
        src.date = get({"File Parameters/Run date", "rundate"});
        src.sample = get({"Sample name", "Procedure/Sample Name"});
        std::string mass = get({"Procedure/Sample Mass"});
        for (auto& c : mass) {
            if (c == ',') c = '.';  // German-locale exports write "9,661 mg"
        }
        try {
            if (!mass.empty()) {
                const double kg = parse_quantity_as(mass, "kg");
                if (kg > 0) src.properties[property::sample_mass] = Quantity{kg, "kg"};
            }
        } catch (const UnitError&) {
            // A mass we cannot read stays in metadata only.
        }
        const std::string exo = text::to_lower(get({"Configuration/Exotherm Direction"}));
        if (exo == "up") src.properties[property::exotherm_sign] = Quantity{1.0, "1"};
        if (exo == "down") src.properties[property::exotherm_sign] = Quantity{-1.0, "1"};
        std::optional<double> current_K;
        const std::string procedure = get({"proceduresegments"});
        for (auto part : text::split_fields(procedure, ';')) {
            if (auto seg = parse_ta_step(part, current_K)) src.program.push_back(*seg);
        }
        set_single_ramp_rate(src);
    }
};

}  // namespace

std::unique_ptr<Reader> make_ta_trios_reader() { return std::make_unique<TaTriosReader>(); }

}  // namespace vitrum::dsc_io
