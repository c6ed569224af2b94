// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once
// Internal header of vitrum::instruments: the few header phrases DSC readers look for
// ("0.02 mg", "Heat from 50.00°C to 500.00°C at 20.00°C/min", "10.0(K/min)") are scanned here
// in time linear in the line and without recursion. std::regex (libstdc++) recurses once per
// matched character and overflows the stack on a megabyte-long header line.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vitrum::dsc_io {

/// A cursor over one line. Every consume-call either consumes what it names and returns
/// true/non-empty, or consumes nothing.
class LineScanner {
public:
    explicit LineScanner(std::string_view line, std::size_t at = 0) : s_(line), at_(at) {}

    std::size_t position() const { return at_; }
    bool at_end() const { return at_ == s_.size(); }
    /// The rest of the line.
    std::string_view rest() const { return s_.substr(at_); }

    /// Skips spaces and tabs; returns whether there was at least one.
    bool spaces();
    /// Consumes `word` (ASCII letters in any case, other bytes exactly) when it is next.
    bool word(std::string_view word);
    /// Consumes "C" or "°C" (any case, spaces allowed before and between).
    bool celsius();
    /// Consumes a number "-12", "12.5", "-0,5": optional '-', digits, optionally '.' or ','
    /// and digits. Returns its text, or empty.
    std::string_view number();
    /// Consumes an optional '-' and a run of digits and dots ("-12.50", "1.2.3"). Returns its
    /// text, or empty when no digit or dot follows.
    std::string_view digits_and_dots(bool allow_sign);

private:
    std::string_view s_;
    std::size_t at_ = 0;
};

/// The result of `parse(line, at)` (an optional) at the first position `at` where it succeeds,
/// as a regular-expression search would find it; nullopt when it succeeds nowhere.
template <class Parse>
auto search_line(std::string_view line, Parse parse) -> decltype(parse(line, 0)) {
    for (std::size_t at = 0; at < line.size(); ++at) {
        if (auto found = parse(line, at)) return found;
    }
    return std::nullopt;
}

/// Whether `c` is an ASCII letter, digit or '_' (a "word" character of a regular expression).
bool is_word_char(char c);

/// The first "<number> mg" in `line` (digits, optionally '.' or ',' and digits, optional
/// spaces, "mg" not followed by a word character): the number's text, or nullopt.
std::optional<std::string_view> find_milligrams(std::string_view line);

/// `text` with every "ml" that stands as a word (no word character either side) as "mL".
std::string millilitre_as_mL(std::string_view text);

}  // namespace vitrum::dsc_io
