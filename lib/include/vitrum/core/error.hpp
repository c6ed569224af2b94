// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace vitrum {

/// Where in an input something was found: a file and a line/column, or a sheet/row.
/// Zero means "not known"; lines, columns and rows are 1-based when known.
struct Location {
    std::string file;        ///< path as given by the user
    std::string sheet;       ///< spreadsheet sheet, HDF5 group, zip member … (optional)
    std::size_t line = 0;    ///< 1-based text line (or spreadsheet row when sheet is set)
    std::size_t column = 0;  ///< 1-based column (character for text, cell for sheets)

    /// "file:12:5", "file [sheet Test 001] row 3 col 2", or "file".
    std::string to_string() const;
};

/// Base of every exception vitrum throws.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& what) : std::runtime_error(what) {}
};

/// Input that does not match the format it claims to be: names where, what was expected, what
/// was found.
class ParseError : public Error {
public:
    /// @param where    file and position of the offending text
    /// @param expected what the format requires there, e.g. "a number"
    /// @param found    the offending text (shortened to 60 characters in the message)
    ParseError(Location where, std::string expected, std::string found);
    /// A parse error whose message is free text (still prefixed with the location).
    ParseError(Location where, const std::string& message);

    const Location& where() const noexcept { return where_; }
    const std::string& expected() const noexcept { return expected_; }
    const std::string& found() const noexcept { return found_; }

private:
    Location where_;
    std::string expected_;
    std::string found_;
};

/// A unit string that cannot be parsed, or a conversion between incompatible dimensions.
class UnitError : public Error {
public:
    explicit UnitError(const std::string& what) : Error(what) {}
};

/// An option or argument outside its allowed range; the message names the option and the range.
class InvalidArgument : public Error {
public:
    explicit InvalidArgument(const std::string& what) : Error(what) {}
};

/// An analysis that cannot give a trustworthy result, e.g. "no glass-transition step between
/// 600 and 720 K".
class AnalysisError : public Error {
public:
    explicit AnalysisError(const std::string& what) : Error(what) {}
};

/// A file that cannot be opened, read or written.
class IoError : public Error {
public:
    explicit IoError(const std::string& what) : Error(what) {}
};

/// A file whose format no reader recognises, or that a reader refuses as a whole.
class FormatError : public Error {
public:
    explicit FormatError(const std::string& what) : Error(what) {}
};

/// Shortens text for error messages and makes control bytes visible ("\x00").
std::string quote_for_message(const std::string& text, std::size_t max_chars = 60);

}  // namespace vitrum
