// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
//
// Hysitron (Bruker) TriboScan / HighLoad raw `.hld`: ISO-8859-1, CRLF, a `Key: value unit`
// header with calibration, tip area function and load segments, then counted data blocks
// ("Sample Approach Data Points: 312", "Drift Measurement Data Points: 913",
// "Test Data Points: 1068"), each with a header line of `Name_unit` fields.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vitrum/core/channels.hpp>

#include "indentation_text_readers.hpp"
#include "indentation_text_support.hpp"

namespace vitrum::indentation_io {
namespace {

constexpr std::string_view kSignature = "File Version: Hysitron";

/// One row of the segment table, as the header lists it.
struct SegmentEntry {
    std::string number;
    std::string type;
    std::optional<double> begin_time_s, end_time_s;
    std::optional<double> begin_demand, end_demand;  // in the file's unit
    std::string demand_unit;
    std::optional<std::size_t> points;
};

/// Number at the start of a header value ("250 µN" → 250), unit text after it.
struct ValueAndUnit {
    double value = 0.0;
    std::string unit;
};

std::optional<ValueAndUnit> split_value(std::string_view value) {
    value = text::trim(value);
    const auto space = value.find(' ');
    ValueAndUnit out;
    if (!text::try_parse_double(value.substr(0, space), '.', out.value)) return std::nullopt;
    if (space != std::string_view::npos)
        out.unit = std::string(text::trim(value.substr(space + 1)));
    return out;
}

/// A counted block: "<name> Data Points: N", a header line, N rows.
struct Block {
    std::string name;            // "Test", "Sample Approach", "Drift Measurement"
    std::size_t count_line = 0;  // 0-based line of the count
    std::vector<NameAndUnit> headers;
    std::vector<std::string> raw_headers;
    std::vector<std::vector<double>> columns;
};

Block read_block(const TextFile& file, std::size_t& i, std::string name, std::size_t count) {
    Block block;
    block.name = std::move(name);
    block.count_line = i;
    const std::string announced = std::string(text::trim(file[i]));
    ++i;
    if (i >= file.size()) {
        throw ParseError(file.at(i), fmt::format("a column header after '{}'", announced),
                         "end of file");
    }
    for (const std::string_view field : text::split_fields(file[i], '\t')) {
        block.raw_headers.emplace_back(text::trim(field));
        block.headers.push_back(split_name_and_unit(field));
    }
    block.columns.assign(block.headers.size(), {});
    for (auto& c : block.columns) c.reserve(std::min(count, file.size()));  // never trust the count
    ++i;
    std::vector<double> row;
    for (std::size_t r = 0; r < count; ++r, ++i) {
        const std::string expected = fmt::format("data row {} of {} announced by '{}' on line {}",
                                                 r + 1, count, announced, block.count_line + 1);
        if (i >= file.size()) throw ParseError(file.at(i), expected, "end of file");
        const std::string_view line = file[i];
        if (text::trim(line).empty() || line.find(':') != std::string_view::npos) {
            throw ParseError(file.at(i), expected, std::string(line));
        }
        parse_number_row(file, i, '\t', '.', row);
        if (row.size() != block.headers.size()) {
            throw ParseError(
                file.at(i),
                fmt::format("{} tab-separated numbers ({})", block.headers.size(), expected),
                std::string(line));
        }
        for (std::size_t c = 0; c < row.size(); ++c) block.columns[c].push_back(row[c]);
    }
    return block;
}

/// Columns of a block in SI; the test block maps Time/Disp/Force onto time/depth/load.
std::vector<Column> block_columns(const Block& block, bool canonical) {
    std::vector<Column> out;
    std::vector<std::string> taken = {channel::time, channel::depth, channel::load};
    for (std::size_t c = 0; c < block.headers.size(); ++c) {
        const NameAndUnit& h = block.headers[c];
        const std::string lower = text::to_lower(h.name);
        // Disp_V and Force_V are the raw voltages of the same sensors: not depth and load.
        const bool volts = text::to_lower(h.unit) == "v";
        std::string name;
        if (lower == "time" && !volts)
            name = channel::time;
        else if (canonical && lower == "disp" && !volts)
            name = channel::depth;
        else if (canonical && lower == "force" && !volts)
            name = channel::load;
        else
            name = extra_column_name(h, taken);
        taken.push_back(name);
        std::string unit = is_unit(h.unit) ? h.unit : std::string();
        out.push_back(si_column(name, block.raw_headers[c], unit, block.columns[c]));
    }
    return out;
}

class HysitronHldReader final : public Reader {
public:
    std::string_view format_id() const override { return "hysitron-hld"; }
    std::string_view description() const override {
        return "Hysitron/Bruker TriboScan or HighLoad raw .hld (header, segments, approach, drift "
               "and test blocks)";
    }
    Technique technique() const override { return Technique::indentation; }
    std::string_view extensions() const override { return ".hld"; }

    bool sniff(std::string_view head, std::string_view) const noexcept override {
        return head.substr(0, kSignature.size()) == kSignature;
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        return read_latin1_text(in, path,
                                [this](const TextFile& file, Dataset& data) { parse(file, data); });
    }

private:
    void parse(const TextFile& file, Dataset& data) const {
        if (file.size() == 0 || file[0].substr(0, kSignature.size()) != kSignature) {
            throw ParseError(file.at(0), fmt::format("'{}…' on the first line", kSignature),
                             file.size() == 0 ? std::string() : std::string(file[0]));
        }
        Curve curve;
        curve.name = file_stem(file.path());
        std::vector<SegmentEntry> segments;
        SegmentEntry pending;
        std::optional<Block> test;
        std::size_t i = 0;
        while (i < file.size()) {
            const std::string_view line = text::trim(file[i]);
            if (line.empty()) {
                ++i;
                continue;
            }
            if (test) {
                throw ParseError(file.at(i),
                                 fmt::format("end of file after the {} rows announced on line {}",
                                             test->columns.front().size(), test->count_line + 1),
                                 std::string(line));
            }
            const auto colon = line.find(':');
            if (colon == std::string_view::npos) {
                throw ParseError(file.at(i), "a 'Key: value' header line or a data block count",
                                 std::string(line));
            }
            const std::string key(text::trim(line.substr(0, colon)));
            const std::string_view value = text::trim(line.substr(colon + 1));
            constexpr std::string_view kBlockSuffix = " Data Points";
            if (key.size() > kBlockSuffix.size() &&
                key.compare(key.size() - kBlockSuffix.size(), kBlockSuffix.size(), kBlockSuffix) ==
                    0) {
                double count = 0.0;
                // Above 1e15 fits no file and would overflow the size_t cast.
                if (!text::try_parse_double(value, '.', count) || count < 0 || count > 1e15 ||
                    count != std::floor(count)) {
                    throw ParseError(file.at(i, value), "a row count", std::string(value));
                }
                std::string name = key.substr(0, key.size() - kBlockSuffix.size());
                Block block = read_block(file, i, name, static_cast<std::size_t>(count));
                if (name == "Test") {
                    test = std::move(block);
                } else {
                    Table table;
                    table.name = name;
                    table.columns = block_columns(block, false);
                    data.tables.push_back(std::move(table));
                }
                continue;
            }
            read_header_entry(file, i, key, value, data, curve, pending, segments);
            ++i;
        }
        if (!test) {
            throw ParseError(file.at(file.size()), "a 'Test Data Points: N' block", "end of file");
        }
        for (Column& c : block_columns(*test, true)) curve.data.add_column(std::move(c));
        for (const char* needed : {channel::time, channel::depth, channel::load}) {
            if (!curve.data.has(needed)) {
                throw ParseError(file.at(test->count_line + 1),
                                 "Time_s, Disp_nm and Force_µN columns in the test block",
                                 std::string(file[test->count_line + 1]));
            }
        }
        attach_segments(segments, curve, data);
        data.curves.push_back(std::move(curve));
    }

private:
    static void read_header_entry(const TextFile& file, std::size_t i, const std::string& key,
                                  std::string_view value, Dataset& data, Curve& curve,
                                  SegmentEntry& pending, std::vector<SegmentEntry>& segments) {
        const auto number = [&]() {
            const auto v = split_value(value);
            if (!v) throw ParseError(file.at(i, value), "a number and a unit", std::string(value));
            return *v;
        };
        const auto si = [&](const ValueAndUnit& v) {
            try {
                return to_si(v.value, v.unit);
            } catch (const UnitError& e) {
                throw ParseError(file.at(i, value), fmt::format("a known unit ({})", e.what()),
                                 v.unit);
            }
        };
        if (key.rfind("Segment ", 0) == 0) {
            // Repeated per segment: keep each under its own key ("Segment 2 Begin Demand").
            data.source.metadata[fmt::format("Segment {} {}", segments.size(), key.substr(8))] =
                std::string(value);
            if (key == "Segment Number")
                pending.number = std::string(value);
            else if (key == "Segment Type")
                pending.type = std::string(value);
            else if (key == "Segment Begin Time")
                pending.begin_time_s = si(number());
            else if (key == "Segment End Time")
                pending.end_time_s = si(number());
            else if (key == "Segment Begin Demand") {
                const auto v = number();
                pending.begin_demand = v.value;
                pending.demand_unit = v.unit;
            } else if (key == "Segment End Demand")
                pending.end_demand = number().value;
            else if (key == "Segment Points") {
                const auto v = number();
                if (v.value < 0 || v.value > 1e15 || v.value != std::floor(v.value)) {
                    throw ParseError(file.at(i, value), "a whole number of points",
                                     std::string(value));
                }
                pending.points = static_cast<std::size_t>(v.value);
                segments.push_back(pending);
                pending = SegmentEntry{};
            }
            return;
        }
        data.source.metadata[key] = std::string(value);
        if (key == "Time Stamp")
            data.source.date = std::string(value);
        else if (key == "System")
            data.source.instrument = std::string(value);
        else if (key == "Machine Comp") {
            data.source.properties[property::frame_compliance] = {si(number()), "m/N"};
        } else if (key == "Drift Rate") {
            data.source.properties[property::drift_rate] = {si(number()), "m/s"};
        } else if (key == "Contact Threshold") {
            data.source.properties["contact_threshold"] = {si(number()), "N"};
        } else if (key == "Stage X") {
            curve.properties[property::position_x] = {si(number()), "m"};
        } else if (key == "Stage Y") {
            curve.properties[property::position_y] = {si(number()), "m"};
        } else if (key.size() == 6 && key.rfind("Tip C", 0) == 0 && key[5] >= '0' &&
                   key[5] <= '8') {
            // Coefficients are written for A in nm² and h in nm whatever the unit label says.
            const int index = key[5] - '0';
            data.source.properties[std::string(property::area_coefficient_prefix) +
                                   std::to_string(index)] = {
                si_area_coefficient(number().value, index), area_coefficient_unit(index)};
        }
    }

    static void attach_segments(const std::vector<SegmentEntry>& entries, Curve& curve,
                                Dataset& data) {
        if (entries.empty()) return;
        std::size_t total = 0;
        for (const auto& e : entries) total += e.points.value_or(0);
        if (total != curve.data.rows()) {
            data.warnings.push_back(fmt::format(
                "segment table lists {} points but the test block has {} rows; segments not marked",
                total, curve.data.rows()));
            return;
        }
        std::size_t row = 0;
        for (const auto& e : entries) {
            Segment s;
            s.begin = row;
            s.end = row + e.points.value_or(0);
            row = s.end;
            const double p0 = e.begin_demand.value_or(0.0);
            const double p1 = e.end_demand.value_or(0.0);
            s.kind = p1 > p0 ? SegmentKind::loading
                             : (p1 < p0 ? SegmentKind::unloading : SegmentKind::holding);
            s.label = fmt::format("Segment {} ({}): {:g} → {:g} {}, {:g}–{:g} s", e.number, e.type,
                                  p0, p1, e.demand_unit, e.begin_time_s.value_or(0.0),
                                  e.end_time_s.value_or(0.0));
            curve.data.segments.push_back(s);
            data.source.program.push_back(s);
        }
    }
};

}  // namespace

std::unique_ptr<Reader> make_hysitron_hld_reader() { return std::make_unique<HysitronHldReader>(); }

}  // namespace vitrum::indentation_io
