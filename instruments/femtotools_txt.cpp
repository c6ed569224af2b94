// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
//
// FemtoTools FT-NMT text export, built from the published layout only (no real file was
// available): `//` comment lines, then a tab-separated header whose first fields are "Index" and
// "Phase" (17 static columns: Index, Phase, Displacement [µm], Time [s], Pos X/Y/Z, Rot A/B,
// Piezo X, Force A [µN], Force B, Gripper, Voltage A/B, Temperature, Sample Displace; CSM exports
// add Amplitude, Stiffness, Phase shift, …, Real Force, Real Stiffness), then one row per sample.
// Phase 1 is the approach, 2 loading, 4 unloading.

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <vitrum/core/channels.hpp>

#include "indentation_text_readers.hpp"
#include "indentation_text_support.hpp"

namespace vitrum::indentation_io {
namespace {

bool is_comment(std::string_view line) { return text::trim(line).substr(0, 2) == "//"; }

/// True when `line` is the column header ("Index<TAB>Phase<TAB>…Force A…").
bool is_header(std::string_view line) {
    const std::vector<std::string_view> fields = text::split_fields(text::trim(line), '\t');
    return fields.size() >= 3 && text::trim(fields[0]) == "Index" &&
           text::trim(fields[1]) == "Phase" && line.find("Force A") != std::string_view::npos;
}

SegmentKind phase_kind(double phase) {
    if (phase == 1.0) return SegmentKind::approach;
    if (phase == 2.0) return SegmentKind::loading;
    if (phase == 4.0) return SegmentKind::unloading;
    return SegmentKind::unknown;
}

class FemtoToolsTxtReader final : public Reader {
public:
    std::string_view format_id() const override { return "femtotools-txt"; }
    std::string_view description() const override {
        return "FemtoTools FT-NMT text export (Index, Phase, Displacement [µm], Force A [µN] …); "
               "built from the published layout, not yet checked on a real file";
    }
    Technique technique() const override { return Technique::indentation; }
    std::string_view extensions() const override { return ".txt"; }

    bool sniff(std::string_view head, std::string_view) const noexcept override {
        try {
            std::vector<std::string_view> lines = text::split_lines(head.substr(0, 16384));
            for (const std::string_view line : lines) {
                if (text::trim(line).empty() || is_comment(line)) continue;
                return is_header(line);  // the first non-comment line decides
            }
        } catch (...) {
        }
        return false;
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        return read_guarded(path, [&] { return parse(in, path); });
    }

private:
    Dataset parse(std::istream& in, const std::string& path) const {
        const std::string bytes = read_stream(in, path, text::kDefaultMaxFileBytes);
        const TextFile file(bytes, path);
        Dataset data;
        data.source.encoding = file.encoding();
        data.source.instrument = "FemtoTools FT-NMT";
        std::size_t i = 0;
        for (; i < file.size(); ++i) {
            const std::string_view line = text::trim(file[i]);
            if (line.empty()) continue;
            if (!is_comment(line)) break;
            const std::string_view body = text::trim(line.substr(2));
            const auto colon = body.find(':');
            if (colon != std::string_view::npos && colon > 0) {
                data.source.metadata[std::string(text::trim(body.substr(0, colon)))] =
                    std::string(text::trim(body.substr(colon + 1)));
            }
        }
        if (i >= file.size() || !is_header(file[i])) {
            throw ParseError(file.at(i), "the header 'Index<TAB>Phase<TAB>…<TAB>Force A [µN]…'",
                             i < file.size() ? std::string(file[i]) : std::string("end of file"));
        }
        const std::size_t header_line = i;
        std::vector<NameAndUnit> headers;
        std::vector<std::string> raw;
        for (const std::string_view field : text::split_fields(text::trim(file[i]), '\t')) {
            raw.emplace_back(text::trim(field));
            headers.push_back(split_name_and_unit(field));
        }
        std::vector<std::vector<double>> columns(headers.size());
        std::vector<double> row;
        for (++i; i < file.size(); ++i) {
            if (text::trim(file[i]).empty() || is_comment(file[i])) continue;
            parse_number_row(file, i, '\t', '.', row);
            if (row.size() != headers.size()) {
                throw ParseError(file.at(i),
                                 fmt::format("{} tab-separated numbers", headers.size()),
                                 std::string(file[i]));
            }
            for (std::size_t c = 0; c < row.size(); ++c) columns[c].push_back(row[c]);
        }
        if (columns.front().empty()) {
            throw ParseError(file.at(header_line + 1), "data rows after the header", "end of file");
        }

        Curve curve;
        curve.name = file_stem(path);
        std::vector<std::string> taken = {channel::time, channel::depth, channel::load,
                                          channel::harmonic_stiffness, channel::segment};
        std::optional<std::size_t> phase_column;
        for (std::size_t c = 0; c < headers.size(); ++c) {
            const std::string lower = text::to_lower(headers[c].name);
            std::string name;
            if (lower == "displacement")
                name = channel::depth;
            else if (lower == "force a")
                name = channel::load;
            else if (lower == "time")
                name = channel::time;
            else if (lower == "real stiffness")
                name = channel::harmonic_stiffness;
            else if (lower == "phase") {
                name = channel::segment;
                phase_column = c;
            } else
                name = extra_column_name(headers[c], taken);
            taken.push_back(name);
            if (curve.data.has(name))
                throw ParseError(file.at(header_line), "each channel once", raw[c]);
            const std::string unit = is_unit(headers[c].unit) ? headers[c].unit : std::string();
            curve.data.add_column(si_column(name, raw[c], unit, columns[c]));
        }
        for (const char* needed : {channel::depth, channel::load}) {
            if (!curve.data.has(needed)) {
                throw ParseError(file.at(header_line),
                                 "the columns 'Displacement [µm]' and 'Force A [µN]'",
                                 std::string(file[header_line]));
            }
        }
        if (phase_column) mark_phases(columns[*phase_column], curve.data.segments);
        data.curves.push_back(std::move(curve));
        return data;
    }

private:
    /// One segment per run of equal Phase values.
    static void mark_phases(const std::vector<double>& phase, std::vector<Segment>& out) {
        std::size_t begin = 0;
        for (std::size_t k = 1; k <= phase.size(); ++k) {
            if (k < phase.size() && phase[k] == phase[begin]) continue;
            Segment s;
            s.begin = begin;
            s.end = k;
            s.kind = phase_kind(phase[begin]);
            s.label = fmt::format("Phase {:g}", phase[begin]);
            out.push_back(s);
            begin = k;
        }
    }
};

}  // namespace

std::unique_ptr<Reader> make_femtotools_txt_reader() {
    return std::make_unique<FemtoToolsTxtReader>();
}

}  // namespace vitrum::indentation_io
