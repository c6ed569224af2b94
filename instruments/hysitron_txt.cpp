// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
//
// Hysitron (Bruker) TriboScan text export of one indent: a date line, a blank line,
// "Number of Points = N", a header "Depth (nm)<TAB>Load (µN)<TAB>Time (s)[<TAB>Depth (V)…]" in
// ISO-8859-1 (µ is byte 0xB5), then N tab-separated rows. Blank lines may separate the data into
// blocks; TI 990 exports end lines with a bare CR.

#include <fmt/format.h>

#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/mapped_file.hpp>

#include "indentation_text_readers.hpp"
#include "indentation_text_support.hpp"

namespace vitrum::indentation_io {
namespace {

constexpr std::string_view kCountKey = "Number of Points";

/// Index of the first non-blank line at or after `i`, or lines.size().
template <typename Lines>
std::size_t next_nonblank(const Lines& lines, std::size_t i) {
    while (i < lines.size() && text::trim(lines[i]).empty()) ++i;
    return i;
}

Segment row_range(std::size_t begin, std::size_t end) {
    Segment s;
    s.begin = begin;
    s.end = end;
    return s;
}

class HysitronTxtReader final : public Reader {
public:
    std::string_view format_id() const override { return "hysitron-txt"; }
    std::string_view description() const override {
        return "Hysitron/Bruker TriboScan text export of one indent (Depth (nm), Load (µN), Time "
               "(s))";
    }
    Technique technique() const override { return Technique::indentation; }
    std::string_view extensions() const override { return ".txt"; }

    bool sniff(std::string_view head, std::string_view) const noexcept override {
        // Date line, blank line(s), "Number of Points = N", then the "Depth (nm)" header.
        const std::vector<std::string_view> lines = text::split_lines(head.substr(0, 4096));
        if (lines.size() < 4 || text::trim(lines[0]).empty()) return false;
        std::size_t i = next_nonblank(lines, 1);
        if (i == 1 || i >= lines.size() || lines[i].substr(0, kCountKey.size()) != kCountKey) {
            return false;
        }
        i = next_nonblank(lines, i + 1);
        return i < lines.size() && lines[i].substr(0, 10) == "Depth (nm)";
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        return read_latin1_text(in, path,
                                [this](const TextFile& file, Dataset& data) { parse(file, data); });
    }

private:
    void parse(const TextFile& file, Dataset& data) const {
        if (file.size() == 0) throw ParseError(file.at(0), "a date line", "end of file");
        data.source.date = std::string(text::trim(file[0]));

        const std::size_t count_line = next_nonblank(file.lines(), 1);
        if (count_line >= file.size() ||
            file[count_line].substr(0, kCountKey.size()) != kCountKey) {
            throw ParseError(
                file.at(count_line), "'Number of Points = N'",
                count_line < file.size() ? std::string(file[count_line]) : "end of file");
        }
        const std::string_view count_line_text = file[count_line];
        const auto equals = count_line_text.find('=');
        double announced = 0.0;
        const std::string_view count_field = equals == std::string_view::npos
                                                 ? std::string_view()
                                                 : count_line_text.substr(equals + 1);
        // A count above 1e15 fits no file (and would overflow the size_t cast below).
        if (!text::try_parse_double(count_field, '.', announced) || announced < 0 ||
            announced > 1e15 || announced != std::floor(announced)) {
            throw ParseError(file.at(count_line, count_field), "a point count after '='",
                             std::string(count_line_text));
        }
        data.source.metadata[std::string(kCountKey)] = std::string(text::trim(count_field));

        const std::size_t header_line = next_nonblank(file.lines(), count_line + 1);
        if (header_line >= file.size()) {
            throw ParseError(file.at(header_line), "the column header 'Depth (nm)…'",
                             "end of file");
        }
        std::vector<NameAndUnit> headers;
        std::vector<std::string> raw;
        for (const std::string_view field : text::split_fields(file[header_line], '\t')) {
            raw.emplace_back(text::trim(field));
            headers.push_back(split_name_and_unit(field));
        }
        std::vector<std::vector<double>> columns(headers.size());
        // At most one row per remaining line: one allocation per column, never regrown.
        for (auto& column : columns) {
            column.reserve(file.size() - header_line);
            text::prefer_huge_pages(column.data(), column.capacity() * sizeof(double));
        }
        std::vector<double> row;
        std::vector<Segment> blocks;
        std::size_t block_begin = 0;
        text::ReleaseBehind release;  // the mapped text of parsed rows is not kept resident
        for (std::size_t i = header_line + 1; i < file.size(); ++i) {
            release.passed(file[i].data());
            if (text::trim(file[i]).empty()) {
                const std::size_t rows = columns.front().size();
                if (rows > block_begin) blocks.push_back(row_range(block_begin, rows));
                block_begin = rows;
                continue;
            }
            parse_number_row(file, i, '\t', '.', row);
            if (row.size() != headers.size()) {
                throw ParseError(
                    file.at(i),
                    fmt::format("{} tab-separated numbers (one per header field)", headers.size()),
                    std::string(file[i]));
            }
            for (std::size_t c = 0; c < row.size(); ++c) columns[c].push_back(row[c]);
        }
        const std::size_t rows = columns.front().size();
        if (rows != static_cast<std::size_t>(announced)) {
            throw ParseError(
                file.at(count_line),
                fmt::format("{} data rows as announced", static_cast<std::size_t>(announced)),
                fmt::format("{} rows", rows));
        }
        if (rows > block_begin && !blocks.empty()) blocks.push_back(row_range(block_begin, rows));

        Curve curve;
        curve.name = file_stem(file.path());
        std::vector<std::string> taken = {channel::time, channel::depth, channel::load};
        for (std::size_t c = 0; c < headers.size(); ++c) {
            const std::string lower = text::to_lower(headers[c].name);
            const std::string unit_lower = text::to_lower(headers[c].unit);
            std::string name;
            if (lower == "depth" && unit_lower == "nm")
                name = channel::depth;
            else if (lower == "load" && unit_lower != "v")
                name = channel::load;
            else if (lower == "time")
                name = channel::time;
            else
                name = extra_column_name(headers[c], taken);
            taken.push_back(name);
            if (curve.data.has(name)) {
                throw ParseError(file.at(header_line), "each channel once", raw[c]);
            }
            const std::string unit = is_unit(headers[c].unit) ? headers[c].unit : std::string();
            curve.data.add_column(si_column(name, raw[c], unit, std::move(columns[c])));
        }
        for (const char* needed : {channel::depth, channel::load, channel::time}) {
            if (!curve.data.has(needed)) {
                throw ParseError(file.at(header_line),
                                 "the columns 'Depth (nm)', 'Load (µN)' and 'Time (s)'",
                                 std::string(file[header_line]));
            }
        }
        for (std::size_t k = 0; k < blocks.size(); ++k) {
            blocks[k].kind = SegmentKind::unknown;
            blocks[k].label =
                fmt::format("data block {} of {} (blank lines in the file)", k + 1, blocks.size());
        }
        curve.data.segments = std::move(blocks);
        data.curves.push_back(std::move(curve));
    }
};

}  // namespace

std::unique_ptr<Reader> make_hysitron_txt_reader() { return std::make_unique<HysitronTxtReader>(); }

}  // namespace vitrum::indentation_io
