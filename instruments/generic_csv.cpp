// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Generic delimited table reader: detects delimiter, decimal mark, header and units rows, and
// maps columns onto canonical channels by keyword or by a user-given ColumnMap.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/mapped_file.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/core/units.hpp>
#include <vitrum/instruments/generic_csv.hpp>

#include "dsc_common.hpp"

namespace vitrum {
namespace {

// Canonical channels a map may name, with the SI unit their values must have.
const std::map<std::string, std::string>& mappable_channels() {
    static const std::map<std::string, std::string> m = {
        {channel::time, "s"},
        {channel::temperature, "K"},
        {channel::program_temperature, "K"},
        {channel::heat_flow, "W"},
        {channel::specific_heat_flow, "W/kg"},
        {channel::heat_capacity, "J/K"},
        {channel::specific_heat_capacity, "J/(kg K)"},
        {channel::mass, "kg"},
        {channel::depth, "m"},
        {channel::load, "N"},
        {channel::harmonic_stiffness, "N/m"},
        {channel::segment, "1"}};
    return m;
}

std::string allowed_channels() {
    std::string out;
    for (const auto& [name, unit] : mappable_channels()) out += (out.empty() ? "" : ", ") + name;
    return out;
}

struct TableShape {
    char delimiter = '\t';
    char decimal = '.';
    std::size_t columns = 0;
    std::size_t first_data = 0;                // 0-based line index
    std::optional<std::size_t> header, units;  // 0-based line indices
};

std::vector<std::string_view> fields_of(std::string_view line, char delimiter) {
    auto f = text::split_fields(line, delimiter);
    if (delimiter != ' ' && f.size() > 1 && text::trim(f.back()).empty()) f.pop_back();
    return f;
}

bool numeric_row(std::string_view line, const TableShape& s, std::size_t& n) {
    const auto f = fields_of(line, s.delimiter);
    n = f.size();
    if (n < 2) return false;
    double v = 0.0;
    for (auto x : f) {
        if (!text::try_parse_double(x, s.decimal, v)) return false;
    }
    return true;
}

std::string strip_brackets(std::string_view u) {
    u = text::trim(u);
    if (u.size() >= 2 &&
        ((u.front() == '[' && u.back() == ']') || (u.front() == '(' && u.back() == ')'))) {
        u = text::trim(u.substr(1, u.size() - 2));
    }
    return std::string(u);
}

// Index of the first non-blank line at or after `i`, or lines.size().
std::size_t next_nonblank(const std::vector<std::string_view>& lines, std::size_t i) {
    while (i < lines.size() && text::trim(lines[i]).empty()) ++i;
    return i;
}

std::optional<TableShape> find_table(const std::vector<std::string_view>& lines, char delimiter,
                                     char decimal) {
    // The non-blank lines are walked, not listed: a list would cost 8 bytes per line of a file
    // that may have millions.
    std::size_t nonblank = 0;
    for (const auto line : lines) nonblank += !text::trim(line).empty();
    if (nonblank < 2) return std::nullopt;
    // Up to 40 non-blank lines from the middle of the file choose the delimiter and decimal mark.
    const std::size_t mid = nonblank / 2;
    const std::size_t from = mid > 20 ? mid - 20 : 0;
    std::vector<std::string_view> sample;
    for (std::size_t i = next_nonblank(lines, 0), ordinal = 0;
         i < lines.size() && sample.size() < 40; i = next_nonblank(lines, i + 1), ++ordinal) {
        if (ordinal >= from) sample.push_back(lines[i]);
    }
    TableShape s;
    s.delimiter = delimiter != 0 ? delimiter : text::detect_delimiter(sample);
    if (decimal != 0) {
        s.decimal = decimal;
    } else if (s.delimiter != ',') {
        std::vector<std::string_view> cells;
        for (auto l : sample) {
            for (auto f : fields_of(l, s.delimiter)) cells.push_back(f);
        }
        s.decimal = text::detect_decimal(cells);
    }
    // The first non-blank line that is a row of numbers followed by (up to) two more of the same
    // width; the one or two non-blank lines above it are the header and units rows.
    std::optional<std::size_t> above1, above2;  // the previous two non-blank lines
    for (std::size_t k = next_nonblank(lines, 0); k < lines.size();
         above2 = above1, above1 = k, k = next_nonblank(lines, k + 1)) {
        std::size_t n = 0, m = 0;
        if (!numeric_row(lines[k], s, n)) continue;
        bool confirmed = true;
        for (std::size_t j = next_nonblank(lines, k + 1), seen = 0; j < lines.size() && seen < 2;
             j = next_nonblank(lines, j + 1), ++seen) {
            confirmed = confirmed && numeric_row(lines[j], s, m) && m == n;
        }
        if (!confirmed) continue;
        s.columns = n;
        s.first_data = k;
        if (above1 && fields_of(lines[*above1], s.delimiter).size() == n) {
            const auto above = fields_of(lines[*above1], s.delimiter);
            const bool all_units = std::all_of(above.begin(), above.end(), [](std::string_view u) {
                const std::string t = strip_brackets(u);
                return t.empty() || is_unit(t);
            });
            if (all_units && above2 && fields_of(lines[*above2], s.delimiter).size() == n) {
                s.units = *above1;
                s.header = *above2;
            } else {
                s.header = *above1;
            }
        }
        return s;
    }
    return std::nullopt;
}

bool names_indentation(const std::string& lower_header) {
    for (const char* w : {"depth", "displacement", "load", "force"}) {
        if (lower_header.find(w) != std::string::npos) return true;
    }
    return false;
}

bool names_dsc(const std::string& lower_header) {
    for (const char* w : {"temp", "heat flow", "heatflow", "dsc"}) {
        if (lower_header.find(w) != std::string::npos) return true;
    }
    return false;
}

// Header words of the default mapping; such a column without a unit cannot be converted.
bool names_a_channel(const std::string& name) {
    const std::string n = text::to_lower(name);
    for (const char* w : {"temp", "time", "heat flow", "heatflow", "dsc", "depth", "displacement",
                          "load", "force"}) {
        if (n.find(w) != std::string::npos) return true;
    }
    return false;
}

struct HeaderCell {
    std::string full, name, unit;
};

std::optional<std::size_t> find_source(const ColumnSource& src,
                                       const std::vector<HeaderCell>& cells) {
    if (src.header.empty()) {
        if (src.index >= 1 && src.index <= cells.size()) return src.index - 1;
        return std::nullopt;
    }
    const std::string want = text::to_lower(text::trim(src.header));
    for (std::size_t k = 0; k < cells.size(); ++k) {
        if (text::to_lower(cells[k].full) == want || text::to_lower(cells[k].name) == want)
            return k;
    }
    return std::nullopt;
}

class GenericCsvReader final : public Reader {
public:
    GenericCsvReader(Technique technique, GenericTableOptions options)
        : technique_(technique), options_(std::move(options)) {}

    std::string_view format_id() const override {
        return technique_ == Technique::dsc ? "generic-csv" : "generic-csv-indent";
    }
    std::string_view description() const override {
        return technique_ == Technique::dsc
                   ? "Any delimited table with a header (temperature, "
                     "time, heat flow …); map columns with a column map (vitrum: --columns)"
                   : "Any delimited table with a header (depth, load, "
                     "time …); map columns with a column map (vitrum: --columns)";
    }
    Technique technique() const override { return technique_; }
    std::string_view extensions() const override { return ".csv .txt .tsv .dat"; }

    bool sniff(std::string_view head, std::string_view) const noexcept override {
        try {
            std::string t = dsc_io::sniff_text(head);
            if (t.find('\0') != std::string::npos) return false;
            if (head.size() >= (std::size_t{1} << 16)) t = t.substr(0, t.find_last_of('\n'));
            const auto lines = text::split_lines(t);
            const auto shape = find_table(lines, options_.delimiter, options_.decimal);
            if (!shape) return false;
            // Claim only tables whose header names a channel; anything else needs --input-format.
            if (!shape->header) return false;
            const std::string header = text::to_lower(lines[*shape->header]);
            if (technique_ == Technique::indentation) return names_indentation(header);
            return !names_indentation(header) && names_dsc(header);
        } catch (...) {
            return false;
        }
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        return read_table(in, path, options_);
    }

    static Dataset read_table(std::istream& in, const std::string& path,
                              const GenericTableOptions& options) {
        const dsc_io::TextInput decoded(in, path);
        const auto& lines = decoded.lines();
        const auto shape = find_table(lines, options.delimiter, options.decimal);
        if (!shape) {
            throw FormatError(
                fmt::format("{}: no table found (expected a header row and at least two rows of "
                            "numbers with the "
                            "same number of fields)",
                            path));
        }
        Dataset data;
        data.source.encoding = decoded.encoding();
        const std::size_t preamble_end = shape->header.value_or(shape->first_data);
        for (std::size_t i = 0; i < preamble_end; ++i) {
            const std::string_view t = text::trim(lines[i]);
            const auto cut = t.find_first_of(":=\t;");
            if (t.empty() || cut == std::string_view::npos || cut == 0) continue;
            data.source.metadata[std::string(text::trim(t.substr(0, cut)))] =
                std::string(text::trim(t.substr(cut + 1)));
        }
        std::vector<HeaderCell> cells(shape->columns);
        for (std::size_t k = 0; k < shape->columns; ++k)
            cells[k].full = cells[k].name = fmt::format("column {}", k + 1);
        if (shape->header) {
            const auto f = fields_of(lines[*shape->header], shape->delimiter);
            for (std::size_t k = 0; k < f.size() && k < cells.size(); ++k) {
                const NameAndUnit nu = split_name_and_unit(text::trim(f[k]));
                cells[k] = {std::string(text::trim(f[k])), nu.name, nu.unit};
            }
        }
        if (shape->units) {
            const auto f = fields_of(lines[*shape->units], shape->delimiter);
            for (std::size_t k = 0; k < f.size() && k < cells.size(); ++k)
                cells[k].unit = strip_brackets(f[k]);
        }
        dsc_io::TableLayout layout;
        layout.delimiter = shape->delimiter;
        layout.decimal = shape->decimal;
        layout.columns = shape->columns;
        layout.empty_is_nan = true;
        layout.stop_at_text = true;
        dsc_io::RawTable raw =
            dsc_io::parse_rows(lines, shape->first_data, lines.size(), layout, path);
        if (raw.rows_with_empty_fields > 0) {
            data.warnings.push_back(fmt::format("{} rows have empty fields; those cells are NaN",
                                                raw.rows_with_empty_fields));
        }
        if (raw.end_line < lines.size()) {
            data.warnings.push_back(
                fmt::format("the table ends at line {}; {} lines after it were not read",
                            raw.end_line + 1, lines.size() - raw.end_line));
        }

        // Explicit map first, then keywords for the remaining columns.
        std::vector<std::string> forced(cells.size());
        for (const auto& [channel_name, src] : options.map.channels) {
            const auto k = find_source(src, cells);
            if (!k) {
                throw InvalidArgument(fmt::format(
                    "column map: {} names no column of {} (columns: {})", channel_name, path, [&] {
                        std::string all;
                        for (const auto& c : cells)
                            all += (all.empty() ? "'" : ", '") + c.full + "'";
                        return all;
                    }()));
            }
            forced[*k] = channel_name;
            if (!src.unit.empty()) cells[*k].unit = src.unit;
        }
        Curve curve;
        std::vector<std::string> taken;
        for (const auto& f : forced) {
            if (!f.empty()) taken.push_back(f);
        }
        for (std::size_t k = 0; k < cells.size(); ++k) {
            Column c = dsc_io::make_column(cells[k].name, cells[k].unit, std::move(raw.columns[k]),
                                           taken, data.warnings);
            if (!forced[k].empty()) {
                const std::string& want = mappable_channels().at(forced[k]);
                if (!cells[k].unit.empty() &&
                    (!is_unit(cells[k].unit) ||
                     parse_unit(cells[k].unit).dimension != parse_unit(want).dimension)) {
                    throw UnitError(fmt::format(
                        "column map: column '{}' of {} has unit '{}', which cannot be {} [{}]",
                        cells[k].full, path, cells[k].unit, forced[k], want));
                }
                if (cells[k].unit.empty() && forced[k] != channel::segment) {
                    data.warnings.push_back(
                        fmt::format("column '{}' mapped to {} has no unit; values taken as {}",
                                    cells[k].full, forced[k], want));
                    c.unit = want;
                }
                c.name = forced[k];
            } else if (cells[k].unit.empty() && names_a_channel(cells[k].name)) {
                data.warnings.push_back(fmt::format(
                    "column '{}' has no unit, so it is kept under its own name; map it with a unit "
                    "(column map time={}:s)",
                    cells[k].full, cells[k].name));
            }
            taken.push_back(c.name);
            curve.data.add_column(std::move(c));
        }
        curve.name = dsc_io::file_stem(path);
        data.curves.push_back(std::move(curve));
        return data;
    }

private:
    Technique technique_;
    GenericTableOptions options_;
};

}  // namespace

ColumnMap ColumnMap::parse(std::string_view spec) {
    ColumnMap map;
    for (auto entry : text::split_fields(spec, ',')) {
        entry = text::trim(entry);
        if (entry.empty()) continue;
        const auto eq = entry.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 >= entry.size()) {
            throw InvalidArgument(
                fmt::format("column map: '{}' is not channel=column[:unit]", std::string(entry)));
        }
        const std::string name = text::to_lower(text::trim(entry.substr(0, eq)));
        if (!mappable_channels().count(name)) {
            throw InvalidArgument(fmt::format("column map: unknown channel '{}' (allowed: {})",
                                              name, allowed_channels()));
        }
        std::string_view source = text::trim(entry.substr(eq + 1));
        ColumnSource src;
        if (const auto colon = source.rfind(':'); colon != std::string_view::npos) {
            src.unit = std::string(text::trim(source.substr(colon + 1)));
            source = text::trim(source.substr(0, colon));
            if (!is_unit(src.unit)) {
                throw InvalidArgument(fmt::format("column map: '{}' in '{}' is not a unit",
                                                  src.unit, std::string(entry)));
            }
        }
        double index = 0.0;
        if (text::try_parse_double(source, '.', index) && index >= 1 &&
            index == static_cast<double>(static_cast<std::size_t>(index))) {
            src.index = static_cast<std::size_t>(index);
        } else {
            src.header = std::string(source);
        }
        map.channels[name] = src;
    }
    return map;
}

namespace {

Dataset with_provenance(Dataset data, const std::string& path) {
    const bool indentation =
        data.curves.front().data.has(channel::depth) || data.curves.front().data.has(channel::load);
    data.source.path = path;
    data.source.format_id = indentation ? "generic-csv-indent" : "generic-csv";
    return data;
}

}  // namespace

Dataset read_generic_table(std::istream& in, const std::string& path,
                           const GenericTableOptions& options) {
    return with_provenance(GenericCsvReader::read_table(in, path, options), path);
}

Dataset read_generic_table_file(const std::string& path, const GenericTableOptions& options) {
    const text::MappedFile file(path, text::kDefaultMaxFileBytes);
    return with_provenance(GenericCsvReader(Technique::dsc, options).read_bytes(file.bytes(), path),
                           path);
}

std::unique_ptr<Reader> make_generic_csv_reader(Technique technique, GenericTableOptions options) {
    return std::make_unique<GenericCsvReader>(technique, std::move(options));
}

}  // namespace vitrum
