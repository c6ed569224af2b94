// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "line_scanner.hpp"

namespace vitrum::dsc_io {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

bool is_word_char(char c) {
    const char l = lower_ascii(c);
    return is_digit(c) || c == '_' || (l >= 'a' && l <= 'z');
}

bool LineScanner::spaces() {
    const std::size_t from = at_;
    while (at_ < s_.size() && (s_[at_] == ' ' || s_[at_] == '\t')) ++at_;
    return at_ > from;
}

bool LineScanner::word(std::string_view w) {
    if (s_.size() - at_ < w.size()) return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (lower_ascii(s_[at_ + i]) != lower_ascii(w[i])) return false;
    }
    at_ += w.size();
    return true;
}

bool LineScanner::celsius() {
    const std::size_t from = at_;
    spaces();
    if (word("\xC2\xB0")) spaces();
    if (word("c")) return true;
    at_ = from;
    return false;
}

std::string_view LineScanner::number() {
    std::size_t i = at_;
    if (i < s_.size() && s_[i] == '-') ++i;
    const std::size_t digits = i;
    while (i < s_.size() && is_digit(s_[i])) ++i;
    if (i == digits) return {};
    if (i + 1 < s_.size() && (s_[i] == '.' || s_[i] == ',') && is_digit(s_[i + 1])) {
        ++i;
        while (i < s_.size() && is_digit(s_[i])) ++i;
    }
    const std::string_view out = s_.substr(at_, i - at_);
    at_ = i;
    return out;
}

std::string_view LineScanner::digits_and_dots(bool allow_sign) {
    std::size_t i = at_;
    if (allow_sign && i < s_.size() && s_[i] == '-') ++i;
    const std::size_t body = i;
    while (i < s_.size() && (is_digit(s_[i]) || s_[i] == '.')) ++i;
    if (i == body) return {};
    const std::string_view out = s_.substr(at_, i - at_);
    at_ = i;
    return out;
}

std::optional<std::string_view> find_milligrams(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        // Only the start of a digit run can begin the leftmost match: a later start in the same
        // run reaches the same end.
        if (!is_digit(line[i]) || (i > 0 && is_digit(line[i - 1]))) continue;
        std::size_t j = i;
        while (j < line.size() && is_digit(line[j])) ++j;
        const std::size_t integer_end = j;
        if (j + 1 < line.size() && (line[j] == '.' || line[j] == ',') && is_digit(line[j + 1])) {
            ++j;
            while (j < line.size() && is_digit(line[j])) ++j;
        }
        const std::size_t end = j;
        while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
        if (j + 2 <= line.size() && line[j] == 'm' && line[j + 1] == 'g' &&
            (j + 2 == line.size() || !is_word_char(line[j + 2]))) {
            return line.substr(i, end - i);
        }
        // No later start inside this digit run can match ("1.2.3 mg" matches from the 2).
        i = integer_end - 1;
    }
    return std::nullopt;
}

std::string millilitre_as_mL(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i + 2 <= out.size(); ++i) {
        if (out[i] == 'm' && out[i + 1] == 'l' && (i == 0 || !is_word_char(out[i - 1])) &&
            (i + 2 == out.size() || !is_word_char(out[i + 2]))) {
            out[i + 1] = 'L';
        }
    }
    return out;
}

}  // namespace vitrum::dsc_io
