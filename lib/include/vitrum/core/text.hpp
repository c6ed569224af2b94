// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>
#include <vitrum/core/error.hpp>

/// The text input layer every text reader uses: bytes → UTF-8 → lines → fields → SI numbers.
namespace vitrum::text {

/// Largest file vitrum reads by default [bytes]; readers refuse larger inputs cleanly.
inline constexpr std::size_t kDefaultMaxFileBytes = std::size_t{1} << 30;

/// Reads a whole file. @throws IoError naming the path and the reason (missing, too large, not a
/// regular file: a FIFO or device is refused, never waited on).
std::string read_file_bytes(const std::string& path, std::size_t max_bytes = kDefaultMaxFileBytes);

/// Index of the first byte at or after `from` that is not ASCII (>= 0x80), or s.size() [bytes].
std::size_t find_non_ascii(std::string_view s, std::size_t from = 0) noexcept;

/// Result of decoding: UTF-8 text and the encoding it came from.
struct DecodedText {
    std::string utf8;      ///< the text as UTF-8, BOM removed
    std::string encoding;  ///< iconv name of the source encoding ("UTF-8", "UTF-16LE", "CP1251" …)
};

/// Guesses the encoding of `bytes`: BOMs (UTF-8, UTF-16LE/BE), BOM-less UTF-16 from the NUL
/// pattern, valid UTF-8, else a single-byte code page: CP437 when 0xF8 stands before 'C'
/// ("°C" of DOS exports), CP1251 when high bytes are mostly Cyrillic letters, else CP1252.
std::string detect_encoding(std::string_view bytes);

/// The UTF-16 part of detect_encoding(): "UTF-16LE" or "UTF-16BE" from a BOM or, without one,
/// from NUL bytes in every other position of the first 4096 bytes; empty when `bytes` are not
/// UTF-16 (a UTF-8 BOM included). Cheap enough for format sniffing.
std::string_view utf16_encoding(std::string_view bytes) noexcept;

/// Converts `bytes` to UTF-8 with iconv. `encoding` empty means detect_encoding().
/// @throws ParseError with the line of the first byte that is invalid in that encoding;
///         FormatError when the bytes look binary (NUL bytes in a single-byte text).
DecodedText decode_to_utf8(std::string_view bytes, const std::string& path,
                           const std::string& encoding = "");

/// Decoded text in two parts that together are the file as UTF-8, BOM removed: `head` holds
/// what had to be converted, `tail` is a view of the input that is already UTF-8. UTF-8 input is
/// all `tail` (no copy); single-byte code pages convert only up to the end of the line holding
/// the last non-ASCII byte (the header of most exports), UTF-16 is all `head`. When both are
/// non-empty, `head` ends with a whole line.
struct DecodedView {
    std::string head;       ///< converted text, UTF-8
    std::string_view tail;  ///< view into the input bytes, UTF-8
    std::string encoding;   ///< as DecodedText::encoding
};

/// decode_to_utf8 without copying what needs no conversion; same checks, same errors.
DecodedView decode_view(std::string_view bytes, const std::string& path,
                        const std::string& encoding = "");

/// Splits text into lines at LF, CRLF or bare CR; line i of the result is line i+1 of the file.
std::vector<std::string_view> split_lines(std::string_view text);

/// As split_lines, appending to `lines` (text that follows a line end continues the numbering).
void split_lines_into(std::string_view text, std::vector<std::string_view>& lines);

/// Removes spaces, tabs and a trailing CR at both ends (inline: called for every field read).
inline std::string_view trim(std::string_view s) {
    std::size_t begin = 0, end = s.size();
    while (begin < end && (s[begin] == ' ' || s[begin] == '\t' || s[begin] == '\r')) ++begin;
    while (end > begin && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r')) --end;
    return s.substr(begin, end - begin);
}

/// Field separator of tabular text: '\t', ';', ',' or ' ' (runs of blanks).
/// Chooses the candidate that splits the sample lines into the same number (> 1) of fields most
/// consistently; ties prefer TAB, then ';', then ','.
char detect_delimiter(const std::vector<std::string_view>& sample_lines);

/// Splits one line into fields. With delimiter ' ' runs of spaces/tabs separate and leading or
/// trailing blanks are ignored; other delimiters keep empty fields.
std::vector<std::string_view> split_fields(std::string_view line, char delimiter);

/// Decimal separator guess for a column of numbers: ',' when fields look like "12,5" and none
/// like "12.5", else '.'.
char detect_decimal(const std::vector<std::string_view>& sample_fields);

/// Parses a whole field as a double (std::from_chars). Accepts leading/trailing blanks, a
/// leading '+', exponents of any width ("e-004"), and the given decimal separator. Refuses
/// anything left over ("50.026.184", "12 mg"), thousands separators, and inf/nan.
/// @return false when the field is not exactly one finite number.
bool try_parse_double(std::string_view field, char decimal, double& out) noexcept;

/// As try_parse_double, throwing ParseError("a number", field) at `where`.
double parse_double(std::string_view field, char decimal, const Location& where);

/// 1-based character column of `field` inside `line` (both views into the same text); counts
/// UTF-8 code points, so editors jump to the right place.
std::size_t column_of(std::string_view line, std::string_view field);

/// Lowercase ASCII copy.
std::string to_lower(std::string_view s);

/// True when `s` starts with `prefix`, ignoring ASCII case.
bool starts_with_nocase(std::string_view s, std::string_view prefix);

}  // namespace vitrum::text
