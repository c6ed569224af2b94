// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Internal helpers shared by the DSC and generic table readers (not installed).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <vitrum/core/series.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/reader.hpp>
#include <vitrum/instruments/registry.hpp>

#include "line_scanner.hpp"

namespace vitrum::dsc_io {

/// Readers of this family; each is defined in its own instruments/<vendor>_<format>.cpp.
std::unique_ptr<Reader> make_netzsch_ascii_reader();
std::unique_ptr<Reader> make_ta_universal_reader();
std::unique_ptr<Reader> make_ta_trios_reader();
std::unique_ptr<Reader> make_setaram_reader();
std::unique_ptr<Reader> make_jcamp_dx_reader();
std::unique_ptr<Reader> make_mettler_stare_reader();
std::unique_ptr<Reader> make_perkinelmer_pyris_reader();
/// The three NETZSCH Proteus native readers (netzsch_ngb.cpp): .ngb-ss3, .ngb-bs3, .ngb-ds3.
void add_netzsch_ngb_readers(ReaderRegistry& registry);

/// The head of a file as ASCII-ish text for sniffing: UTF-16 (with or without BOM) loses its
/// NUL bytes, a UTF-8 BOM is dropped; other bytes are kept. Never throws.
std::string sniff_text(std::string_view head) noexcept;

/// A whole text export as UTF-8 lines, with one copy of the text in memory: the lines are views
/// of the stream's own bytes when they need no conversion (stream_bytes), and only the part a
/// code page or UTF-16 changes is converted. Neither copyable nor movable: the lines point into
/// it.
class TextInput {
public:
    /// @throws FormatError "<path>: file is empty" when the text holds nothing but blanks and
    ///         line ends, and the errors of text::decode_to_utf8 (binary data, invalid bytes).
    TextInput(std::istream& in, const std::string& path, const std::string& encoding = "");
    /// The same on bytes that outlive it. @throws as above.
    TextInput(std::string_view bytes, const std::string& path, const std::string& encoding = "");
    TextInput(const TextInput&) = delete;
    TextInput& operator=(const TextInput&) = delete;

    /// The source encoding ("UTF-8", "CP1252" …).
    const std::string& encoding() const { return decoded_.encoding; }
    /// Line i (0-based) is line i + 1 of the file.
    const std::vector<std::string_view>& lines() const { return lines_; }
    /// repair_replacement_chars() on the whole text (copying it only when it holds a U+FFFD).
    bool repair_replacement_chars();
    /// The whole text in one string (a copy).
    text::DecodedText decoded() const;

private:
    void init(std::string_view bytes, const std::string& path, const std::string& encoding);
    void split();

    std::string storage_;  // the stream's bytes when it does not read from memory
    text::DecodedView decoded_;
    std::string repaired_;  // the text after repair_replacement_chars, when it changed anything
    std::vector<std::string_view> lines_;
};

/// Reads a whole text export and decodes it to UTF-8 (TextInput(in, path, encoding).decoded()).
/// @throws as TextInput.
text::DecodedText read_text_input(std::istream& in, const std::string& path,
                                  const std::string& encoding = "");

/// File name without folders and extension ("B_1" for "data/B_1.txt").
std::string file_stem(std::string_view path);

/// True when `filename` ends with `ext` (".jdx"), ignoring ASCII case.
bool has_extension(std::string_view filename, std::string_view ext);

/// Number from a header value written with either '.' or ',' as decimal mark ("17,842").
std::optional<double> parse_header_number(std::string_view text);

/// A small non-negative whole number from a header ("11" in "SEG. 11"), or nullopt.
std::optional<int> parse_header_index(std::string_view text);

/// Replaces U+FFFD (a lost "°" or "µ") by its likely original: "°" before C/F, "µ" otherwise.
/// Returns true when something was replaced.
bool repair_replacement_chars(std::string& text);

/// Builds a SI column from raw values. The unit is parsed (`°C` → K, `mW/mg` → W/kg …) and the
/// canonical DSC/indentation name is chosen from the name and the unit's dimension; names
/// already in `taken` fall back to the original header. A unit that does not parse keeps the
/// values as found, with a warning.
Column make_column(const std::string& original_name, const std::string& original_unit,
                   std::vector<double> raw, const std::vector<std::string>& taken,
                   std::vector<std::string>& warnings);

/// Canonical channel for a header name and its unit dimension, or "" when none fits.
std::string canonical_channel(std::string_view name, std::string_view unit);

/// How the data rows of a table are written.
struct TableLayout {
    char delimiter = '\t';      ///< '\t', ';', ',' or ' ' (runs of blanks)
    char decimal = '.';         ///< '.' or ','
    std::size_t columns = 0;    ///< fields per row
    bool empty_is_nan = false;  ///< an empty field becomes NaN instead of an error
    bool stop_at_text = false;  ///< a line starting with a letter ends the table
};

/// The 1-based file line of every row of a table, stored as runs of consecutive lines (a table
/// without blank lines costs two numbers, not one per row).
class RowLines {
public:
    void push_back(std::size_t line);
    std::size_t size() const { return rows_; }
    bool empty() const { return rows_ == 0; }
    /// Line of row `row` (< size()).
    std::size_t operator[](std::size_t row) const;

private:
    struct Run {
        std::size_t first_row, first_line;
    };
    std::vector<Run> runs_;
    std::size_t rows_ = 0;
};

/// Raw numbers of a table, column-wise, with the 1-based file line of every row.
struct RawTable {
    std::vector<std::vector<double>> columns;
    RowLines line_numbers;
    std::size_t rows_with_empty_fields = 0;
    std::size_t end_line = 0;  ///< index (0-based) of the first line after the table
};

/// Parses lines [first, end) as numbers. Blank lines are skipped.
/// @throws ParseError with file, line and column naming the first field that is not a number,
///         or a row with the wrong number of fields.
RawTable parse_rows(const std::vector<std::string_view>& lines, std::size_t first, std::size_t end,
                    const TableLayout& layout, const std::string& path);

/// Sorts every column by time when time runs backwards somewhere, and says so in `warnings`.
/// Returns true when rows were reordered (segments are then cleared).
bool sort_by_time(Series& data, std::vector<std::string>& warnings);

/// Heating, cooling or isothermal from a start and end temperature and duration.
SegmentKind kind_from_temperatures(double start_K, double end_K, double duration_s);

/// A program step written NETZSCH-style: "140°C/10.0(K/min)/50°C" (rate written positive;
/// the direction comes from start vs end) or an isotherm "50°C/04:00/50°C" (hh:mm).
std::optional<Segment> parse_netzsch_step(std::string_view text);

/// A program step written TA-style: "Ramp 5.00 °C/min to 150.00 °C", "Isothermal for 180.00
/// min", "Isothermal 1.0 min", "Equilibrate at -60.00 °C". `current_K` is the temperature
/// before the step and is updated; Equilibrate returns nothing but moves `current_K`.
std::optional<Segment> parse_ta_step(std::string_view text, std::optional<double>& current_K);

/// Sets property::heating_rate [K/s] when `program` holds exactly one ramp (signed: negative
/// for cooling).
void set_single_ramp_rate(SourceInfo& source);

/// Row ranges where `code` (a segment-number column) is constant.
std::vector<Segment> segments_from_codes(const std::vector<double>& code);

/// Fills kind (from the measured temperatures) for segments that have none.
void classify_segments(Series& data);

}  // namespace vitrum::dsc_io
