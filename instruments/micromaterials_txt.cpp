// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
//
// Micro Materials NanoTest text export of one indent: tab-separated, no header, three columns
// time [s], depth [nm], load [mN]. The pre-contact rows at the start carry time 0; they are kept
// and marked as an `approach` segment (the file's own convention), not removed.

#include <fmt/format.h>

#include <vitrum/core/channels.hpp>

#include "indentation_text_readers.hpp"
#include "indentation_text_support.hpp"

namespace vitrum::indentation_io {

bool looks_like_micromaterials_indent(std::string_view head) noexcept {
    try {
        std::vector<std::string_view> lines = text::split_lines(head.substr(0, 8192));
        if (head.size() > 8192 && !lines.empty()) lines.pop_back();  // may be cut mid-line
        std::size_t checked = 0;
        double previous_time = 0.0;
        for (const std::string_view line : lines) {
            if (text::trim(line).empty()) continue;
            const std::vector<std::string_view> fields = text::split_fields(line, '\t');
            if (fields.size() != 3) return false;
            double v[3];
            for (int k = 0; k < 3; ++k) {
                if (!text::try_parse_double(fields[k], '.', v[k])) return false;
            }
            if (checked == 0 && v[0] != 0.0) return false;  // the time column starts at 0
            if (v[0] < previous_time) return false;
            previous_time = v[0];
            ++checked;
        }
        return checked >= 5;
    } catch (...) {
        return false;
    }
}

Curve parse_micromaterials_indent(std::string_view bytes, const std::string& path,
                                  const std::string& curve_name) {
    const TextFile file(bytes, path);
    std::vector<double> time_s, depth_nm, load_mN;
    for (auto* column : {&time_s, &depth_nm, &load_mN}) column->reserve(file.size());
    std::vector<double> row;
    for (std::size_t i = 0; i < file.size(); ++i) {
        if (text::trim(file[i]).empty()) continue;
        parse_number_row(file, i, '\t', '.', row);
        if (row.size() != 3) {
            throw ParseError(file.at(i), "3 tab-separated numbers (time s, depth nm, load mN)",
                             std::string(file[i]));
        }
        time_s.push_back(row[0]);
        depth_nm.push_back(row[1]);
        load_mN.push_back(row[2]);
    }
    if (time_s.empty()) {
        throw FormatError(fmt::format("{}: no data rows (expected time, depth, load)", path));
    }
    std::size_t zero_time_rows = 0;
    while (zero_time_rows < time_s.size() && time_s[zero_time_rows] == 0.0) ++zero_time_rows;

    Curve curve;
    curve.name = curve_name;
    curve.data.add_column(si_column(channel::time, "column 1", "s", std::move(time_s)));
    curve.data.add_column(si_column(channel::depth, "column 2", "nm", std::move(depth_nm)));
    curve.data.add_column(si_column(channel::load, "column 3", "mN", std::move(load_mN)));
    if (zero_time_rows > 1 && zero_time_rows < curve.data.rows()) {
        Segment approach;
        approach.begin = 0;
        approach.end = zero_time_rows;
        approach.kind = SegmentKind::approach;
        approach.label = "rows with time 0 (before contact)";
        curve.data.segments.push_back(approach);
    }
    return curve;
}

namespace {

class MicroMaterialsTxtReader final : public Reader {
public:
    std::string_view format_id() const override { return "micromaterials-txt"; }
    std::string_view description() const override {
        return "Micro Materials NanoTest text export of one indent (headerless: time s, depth nm, "
               "load mN)";
    }
    Technique technique() const override { return Technique::indentation; }
    std::string_view extensions() const override { return ".txt"; }

    bool sniff(std::string_view head, std::string_view filename) const noexcept override {
        return ends_with_nocase(filename, ".txt") && looks_like_micromaterials_indent(head);
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        return read_guarded(path, [&] { return parse(in, path); });
    }

private:
    Dataset parse(std::istream& in, const std::string& path) const {
        const std::string bytes = read_stream(in, path, text::kDefaultMaxFileBytes);
        Dataset data;
        data.source.encoding = text::detect_encoding(bytes);
        data.source.instrument = "Micro Materials NanoTest";
        data.curves.push_back(parse_micromaterials_indent(bytes, path, file_stem(path)));
        return data;
    }
};

}  // namespace

std::unique_ptr<Reader> make_micromaterials_txt_reader() {
    return std::make_unique<MicroMaterialsTxtReader>();
}

}  // namespace vitrum::indentation_io
