// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

// Internal helpers shared by the indentation text readers (Hysitron, Micro Materials, Fischer,
// FemtoTools, HDF5): decoded text kept alive with its lines, SI columns, area coefficients.

#include <fmt/format.h>

#include <cmath>
#include <cstddef>
#include <limits>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <vitrum/core/error.hpp>
#include <vitrum/core/series.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/core/units.hpp>
#include <vitrum/instruments/reader.hpp>

namespace vitrum::indentation_io {

/// A decoded text file and its lines (views into the converted part or into `bytes`, which must
/// outlive it: text::decode_view); neither copyable nor movable so the views stay valid.
class TextFile {
public:
    /// @throws FormatError for binary bytes, ParseError for bytes invalid in `encoding`.
    TextFile(std::string_view bytes, const std::string& path, const std::string& encoding = "")
        : path_(path) {
        text::DecodedView decoded = text::decode_view(bytes, path, encoding);
        utf8_ = std::move(decoded.head);
        encoding_ = std::move(decoded.encoding);
        text::split_lines_into(utf8_, lines_);
        text::split_lines_into(decoded.tail, lines_);
    }
    TextFile(const TextFile&) = delete;
    TextFile& operator=(const TextFile&) = delete;

    const std::string& path() const { return path_; }
    const std::string& encoding() const { return encoding_; }
    const std::vector<std::string_view>& lines() const { return lines_; }
    std::size_t size() const { return lines_.size(); }
    /// Line with 0-based index i (line i + 1 of the file).
    std::string_view operator[](std::size_t i) const { return lines_[i]; }

    /// Location of 0-based line i, optionally at the field `field` inside it.
    Location at(std::size_t i, std::string_view field = {}) const {
        Location where{path_, "", i + 1, 0};
        if (!field.empty() && i < lines_.size()) where.column = text::column_of(lines_[i], field);
        return where;
    }

private:
    std::string path_;
    std::string utf8_;  // the converted part of the text
    std::string encoding_;
    std::vector<std::string_view> lines_;
};

/// A column converted to SI from `unit_text` (empty: kept as found, unit "").
/// @throws UnitError when the unit text does not parse.
inline Column si_column(std::string name, std::string_view original_name,
                        std::string_view unit_text, std::vector<double> values) {
    Column column;
    column.name = std::move(name);
    column.original_name = std::string(original_name);
    column.original_unit = std::string(unit_text);
    if (!unit_text.empty()) {
        const UnitConversion conversion = parse_unit(unit_text);
        // A finite number that overflows in the conversion is not a valid measurement.
        for (double& v : values) {
            v = conversion.to_si(v);
            if (std::isinf(v)) v = std::numeric_limits<double>::quiet_NaN();
        }
        column.unit = conversion.si_name();
    }
    column.values = std::move(values);
    return column;
}

/// Runs `parse` and makes sure whatever it throws names `path`: errors raised below the reader
/// (duplicate channel names, units, allocation of absurd counts) become FormatError.
template <typename Parse>
Dataset read_guarded(const std::string& path, Parse&& parse) {
    try {
        return parse();
    } catch (const ParseError&) {
        throw;
    } catch (const Error& e) {
        const std::string message = e.what();
        if (message.find(path) != std::string::npos) throw;
        throw FormatError(fmt::format("{}: {}", path, message));
    } catch (const std::bad_alloc&) {
        throw FormatError(fmt::format("{}: not enough memory to read the file", path));
    } catch (const std::length_error& e) {
        throw FormatError(fmt::format("{}: size out of range ({})", path, e.what()));
    }
}

/// Reads the whole stream as ISO-8859-1 text (Hysitron files write µ as byte 0xB5) and fills a
/// Dataset with `parse(file, data)`, under read_guarded.
template <typename Parse>
Dataset read_latin1_text(std::istream& in, const std::string& path, Parse&& parse) {
    return read_guarded(path, [&] {
        std::string storage;
        const std::string_view bytes = stream_bytes(in, path, text::kDefaultMaxFileBytes, storage);
        const TextFile file(bytes, path, "ISO-8859-1");
        Dataset data;
        data.source.encoding = file.encoding();
        parse(file, data);
        return data;
    });
}

/// SI value of a quantity given as number and unit text. @throws UnitError.
inline double to_si(double value, std::string_view unit_text) {
    return parse_unit(unit_text).to_si(value);
}

/// Exponent of h in term `index` of A = C0 h² + C1 h + C2 h^½ + C3 h^¼ + … [1].
inline double area_term_exponent(int index) { return index == 0 ? 2.0 : std::pow(2.0, 1 - index); }

/// Area coefficient C_index given for A [nm²] and h [nm], converted to A [m²] and h [m]
/// [m^(2 − exponent)].
inline double si_area_coefficient(double coefficient_nm, int index) {
    // A_m2 = 1e-18 A_nm2 and h_nm = 1e9 h_m, so C_si = C_nm · 10^(9·e − 18).
    return coefficient_nm * std::pow(10.0, 9.0 * area_term_exponent(index) - 18.0);
}

/// SI unit text of area coefficient `index` ("1", "m", "m^1.5" …).
inline std::string area_coefficient_unit(int index) {
    const double e = 2.0 - area_term_exponent(index);
    if (index == 0) return "1";
    if (index == 1) return "m";
    std::string number = std::to_string(e);
    while (!number.empty() && number.back() == '0') number.pop_back();
    if (!number.empty() && number.back() == '.') number.pop_back();
    return "m^" + number;
}

/// Parses every field of `line` (split at `delimiter`) as a number into `out`; throws
/// ParseError at the first field that is not one. Returns the number of fields.
inline std::size_t parse_number_row(const TextFile& file, std::size_t line_index, char delimiter,
                                    char decimal, std::vector<double>& out) {
    out.clear();
    const std::string_view line = file[line_index];
    // The fields of text::split_fields(line, delimiter) for a delimiter other than ' ' (empty
    // fields kept), walked in place: no vector of fields per row.
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = line.find(delimiter, start);
        const std::size_t end = at == std::string_view::npos ? line.size() : at;
        const std::string_view field = line.substr(start, end - start);
        double value = 0.0;
        if (!text::try_parse_double(field, decimal, value)) {
            throw ParseError(file.at(line_index, field),
                             decimal == ',' ? "a number with a decimal comma" : "a number",
                             std::string(field));
        }
        out.push_back(value);
        if (at == std::string_view::npos) return out.size();
        start = at + 1;
    }
}

/// Name of a non-canonical column: the original name, with the unit appended when the bare name
/// would clash (case-insensitively) with a canonical channel ("Depth (V)" → "Depth_V").
inline std::string extra_column_name(const NameAndUnit& header,
                                     const std::vector<std::string>& taken) {
    std::string name = header.name;
    for (const std::string& t : taken) {
        if (text::to_lower(t) == text::to_lower(name)) {
            name += "_" + (header.unit.empty() ? std::string("2") : header.unit);
            break;
        }
    }
    return name;
}

/// Lowercase file-name ending test, e.g. ends_with_nocase(name, ".hld").
inline bool ends_with_nocase(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    return text::to_lower(s.substr(s.size() - suffix.size())) == text::to_lower(suffix);
}

/// The file name without directories and extension ("a/b/Exp_0000.hld" → "Exp_0000").
inline std::string file_stem(std::string_view path) {
    const auto slash = path.find_last_of("/\\");
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const auto dot = name.rfind('.');
    if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
    return std::string(name);
}

}  // namespace vitrum::indentation_io
