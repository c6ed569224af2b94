// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>
#include <iconv.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <vitrum/core/mapped_file.hpp>
#include <vitrum/core/text.hpp>

namespace vitrum::text {

std::string read_file_bytes(const std::string& path, std::size_t max_bytes) {
    return MappedFile::read_head(path, max_bytes, max_bytes);
}

namespace {

// Offset of the first byte that breaks UTF-8, or npos. A sequence cut by the end of the
// buffer counts as valid, because callers pass samples cut at arbitrary points.
// First index at or after i that is not ASCII, or n: eight bytes per step, since exports are
// almost all ASCII.
std::size_t skip_ascii(const unsigned char* p, std::size_t i, std::size_t n) {
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    // 32 bytes per step while nothing is found (four independent loads), then 8.
    for (; i + 32 <= n; i += 32) {
        std::uint64_t w[4];
        std::memcpy(w, p + i, 32);
        if (((w[0] | w[1] | w[2] | w[3]) & high_bits) != 0) break;
    }
    for (; i + 8 <= n; i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, p + i, 8);
        if ((word & high_bits) != 0) break;
    }
    while (i < n && p[i] < 0x80) ++i;
    return i;
}

std::size_t first_invalid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = p[i];
        std::size_t n = 0;
        if (c < 0x80) {
            i = skip_ascii(p, i + 1, s.size());
            continue;
        } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
            n = 1;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
        } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
            n = 3;
        } else {
            return i;
        }
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) return std::string_view::npos;
            if ((p[i + k] & 0xC0) != 0x80) return i;
        }
        i += n + 1;
    }
    return std::string_view::npos;
}

bool valid_utf8(std::string_view s) { return first_invalid_utf8(s) == std::string_view::npos; }

}  // namespace

std::size_t find_non_ascii(std::string_view s, std::size_t from) noexcept {
    if (from >= s.size()) return s.size();
    return skip_ascii(reinterpret_cast<const unsigned char*>(s.data()), from, s.size());
}

std::string_view utf16_encoding(std::string_view bytes) noexcept {
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    if (bytes.size() >= 3 && b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return {};
    if (bytes.size() >= 2 && b(0) == 0xFF && b(1) == 0xFE) return "UTF-16LE";
    if (bytes.size() >= 2 && b(0) == 0xFE && b(1) == 0xFF) return "UTF-16BE";
    // BOM-less UTF-16: ASCII text has a NUL in every other byte.
    const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
    if (n < 4) return {};
    std::size_t zero_even = 0, zero_odd = 0;
    for (std::size_t i = 0; i < n;) {
        const void* zero = std::memchr(bytes.data() + i, '\0', n - i);
        if (zero == nullptr) break;
        const auto at = static_cast<std::size_t>(static_cast<const char*>(zero) - bytes.data());
        (at % 2 == 0 ? zero_even : zero_odd)++;
        i = at + 1;
    }
    if (zero_odd > n / 4 && zero_even <= n / 50) return "UTF-16LE";
    if (zero_even > n / 4 && zero_odd <= n / 50) return "UTF-16BE";
    return {};
}

std::string detect_encoding(std::string_view bytes) {
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    if (bytes.size() >= 3 && b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return "UTF-8";
    if (const std::string_view utf16 = utf16_encoding(bytes); !utf16.empty()) {
        return std::string(utf16);
    }
    if (valid_utf8(bytes)) return "UTF-8";
    // Only the bytes above 0x7F matter below; ASCII runs are skipped 32 bytes at a time, and
    // one pass counts everything (the file may be large and not in the cache).
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t cyrillic = 0, high = 0, degree_c = 0;
    // Cyrillic words in CP1251 are runs of letters 0xC0–0xFF; Western single-byte text has
    // isolated accented letters ("Müller", "°C"), so a few such runs decide.
    std::size_t runs = 0, longest = 0, length = 0;
    const auto end_run = [&] {
        if (length >= 3) ++runs;
        longest = std::max(longest, length);
        length = 0;
    };
    for (std::size_t i = skip_ascii(p, 0, n); i < n;) {
        const unsigned char c = p[i];
        ++high;
        if (c >= 0xC0) {
            ++cyrillic;
            ++length;
        } else {
            end_run();
        }
        if (c == 0xF8 && i + 1 < n && (p[i + 1] == 'C' || p[i + 1] == 'F')) ++degree_c;
        const std::size_t next = skip_ascii(p, i + 1, n);
        if (next > i + 1) end_run();  // ASCII between: the run ends
        i = next;
    }
    end_run();
    if (degree_c > 0 && degree_c * 2 >= high) return "CP437";
    if ((runs >= 2 || longest >= 4) && cyrillic * 2 >= high) return "CP1251";
    return "CP1252";
}

namespace {

struct IconvCloser {
    void operator()(iconv_t cd) const { iconv_close(cd); }
};

// Character sets with one byte per character and ASCII below 0x80, as iconv names them: the
// Windows code pages 1250–1258, the DOS code pages of instrument software, ISO 8859.
bool single_byte_charset(std::string encoding) {
    for (char& c : encoding) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto starts = [&](std::string_view prefix) {
        return encoding.compare(0, prefix.size(), prefix) == 0;
    };
    return (starts("CP125") && encoding.size() == 6) ||
           (starts("WINDOWS-125") && encoding.size() == 12) || starts("ISO-8859-") ||
           starts("ISO8859-") || encoding == "LATIN1" || encoding == "CP437" ||
           encoding == "CP850" || encoding == "CP852" || encoding == "CP866";
}

// UTF-8 of the bytes 0x80–0xFF in a single-byte character set, from iconv one byte at a time;
// empty for a byte the set leaves undefined (0x81 in CP1252).
using HighBytes = std::array<std::string, 128>;
HighBytes high_bytes_in_utf8(iconv_t cd) {
    HighBytes table;
    for (int b = 0x80; b <= 0xFF; ++b) {
        char in = static_cast<char>(b);
        char utf8[8];
        char* in_ptr = &in;
        char* out_ptr = utf8;
        std::size_t in_left = 1, out_left = sizeof utf8;
        iconv(cd, nullptr, nullptr, nullptr, nullptr);  // initial state
        if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<std::size_t>(-1) &&
            in_left == 0) {
            table[static_cast<std::size_t>(b - 0x80)].assign(utf8, out_ptr);
        }
    }
    return table;
}

std::size_t line_of_offset(std::string_view bytes, std::size_t offset, bool utf16) {
    std::size_t line = 1;
    const std::size_t step = utf16 ? 2 : 1;
    for (std::size_t i = 0; i + step <= offset && i < bytes.size(); i += step) {
        if (bytes[i] == '\n' || (utf16 && bytes[i + 1] == '\n')) ++line;
    }
    return line;
}

}  // namespace

DecodedView decode_view(std::string_view bytes, const std::string& path,
                        const std::string& encoding) {
    DecodedView out;
    out.encoding = encoding.empty() ? detect_encoding(bytes) : encoding;
    std::string_view body = bytes;
    const auto starts = [&](const char* bom, std::size_t n) {
        return body.size() >= n && std::memcmp(body.data(), bom, n) == 0;
    };
    // detect_encoding() says UTF-8 without a BOM only after checking every byte: no second pass.
    const bool checked_utf8 =
        encoding.empty() && out.encoding == "UTF-8" && !starts("\xEF\xBB\xBF", 3);
    if (out.encoding == "UTF-8" && starts("\xEF\xBB\xBF", 3)) body.remove_prefix(3);
    if (out.encoding == "UTF-16LE" && starts("\xFF\xFE", 2)) body.remove_prefix(2);
    if (out.encoding == "UTF-16BE" && starts("\xFE\xFF", 2)) body.remove_prefix(2);
    const bool utf16 = out.encoding.rfind("UTF-16", 0) == 0;
    if (!utf16 && std::memchr(body.data(), '\0', body.size()) != nullptr) {
        const std::size_t at =
            static_cast<const char*>(std::memchr(body.data(), '\0', body.size())) - body.data();
        throw FormatError(
            fmt::format("{}:{}: binary data (NUL byte at offset {}), not a text export", path,
                        line_of_offset(body, at, false), at));
    }
    if (out.encoding == "UTF-8") {
        const std::size_t bad = checked_utf8 ? std::string_view::npos : first_invalid_utf8(body);
        if (bad != std::string_view::npos) {
            throw ParseError(Location{path, "", line_of_offset(body, bad, false), 0},
                             fmt::format("byte 0x{:02X} at offset {} is not valid UTF-8",
                                         static_cast<unsigned char>(body[bad]), bad));
        }
        out.tail = body;
        return out;
    }
    iconv_t raw = iconv_open("UTF-8", out.encoding.c_str());
    if (raw == reinterpret_cast<iconv_t>(-1)) {
        throw InvalidArgument(fmt::format("unknown text encoding '{}'", out.encoding));
    }
    std::unique_ptr<std::remove_pointer_t<iconv_t>, IconvCloser> cd(raw);
    if (single_byte_charset(out.encoding)) {
        const HighBytes table = high_bytes_in_utf8(cd.get());
        const auto* p = reinterpret_cast<const unsigned char*>(body.data());
        const std::size_t n = body.size();
        // ASCII is the same in these code pages and in UTF-8: only the text up to the end of the
        // line with the last high byte is converted; the rest is used where it lies.
        std::size_t last_high = n;
        for (std::size_t i = skip_ascii(p, 0, n); i < n; i = skip_ascii(p, i + 1, n)) {
            last_high = i;
        }
        std::size_t split = 0;
        if (last_high < n) {
            split = n;
            const auto* end =
                static_cast<const char*>(std::memchr(body.data() + last_high, '\n', n - last_high));
            const auto* cr =
                static_cast<const char*>(std::memchr(body.data() + last_high, '\r', n - last_high));
            if (cr != nullptr && (end == nullptr || cr < end)) {
                end = cr + 1 < body.data() + n && cr[1] == '\n' ? cr + 1 : cr;
            }
            if (end != nullptr) split = static_cast<std::size_t>(end - body.data()) + 1;
        }
        out.head.reserve(split + split / 8 + 16);
        for (std::size_t i = 0; i < split;) {
            const std::size_t ascii_end = std::min(skip_ascii(p, i, n), split);
            out.head.append(body.data() + i, ascii_end - i);
            if (ascii_end == split) break;
            const std::string& utf8 = table[p[ascii_end] - 0x80];
            if (utf8.empty()) {
                throw ParseError(Location{path, "", line_of_offset(body, ascii_end, false), 0},
                                 fmt::format("byte sequence invalid in {} at offset {}",
                                             out.encoding, ascii_end));
            }
            out.head += utf8;
            i = ascii_end + 1;
        }
        out.tail = body.substr(split);
        return out;
    }
    std::string& utf8 = out.head;
    utf8.resize(body.size() * 2 + 16);
    char* in_ptr = const_cast<char*>(body.data());
    std::size_t in_left = body.size();
    std::size_t written = 0;
    while (in_left > 0) {
        char* out_ptr = utf8.data() + written;
        std::size_t out_left = utf8.size() - written;
        const std::size_t rc = iconv(cd.get(), &in_ptr, &in_left, &out_ptr, &out_left);
        written = static_cast<std::size_t>(out_ptr - utf8.data());
        if (rc != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            utf8.resize(utf8.size() * 2);
            continue;
        }
        const std::size_t offset = static_cast<std::size_t>(in_ptr - body.data());
        if (errno == EINVAL && utf16 && in_left == 1) break;  // odd trailing byte: ignore
        throw ParseError(
            Location{path, "", line_of_offset(body, offset, utf16), 0},
            fmt::format("byte sequence invalid in {} at offset {}", out.encoding, offset));
    }
    utf8.resize(written);
    return out;
}

DecodedText decode_to_utf8(std::string_view bytes, const std::string& path,
                           const std::string& encoding) {
    DecodedView view = decode_view(bytes, path, encoding);
    DecodedText out;
    out.encoding = std::move(view.encoding);
    out.utf8 = std::move(view.head);
    out.utf8.append(view.tail);
    return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    split_lines_into(text, lines);
    return lines;
}

namespace {

// Appends the line ending at the terminator at `end` (a '\n' or '\r'), unless it is the '\n' of
// a CRLF whose '\r' already ended the line; `start` moves past the terminator.
inline void end_line_at(const char* p, std::size_t end, std::size_t& start,
                        std::vector<std::string_view>& lines) {
    if (p[end] == '\n' && end == start && end > 0 && p[end - 1] == '\r') {
        start = end + 1;
        return;
    }
    lines.emplace_back(p + start, end - start);
    start = end + 1;
}

}  // namespace

void split_lines_into(std::string_view text, std::vector<std::string_view>& lines) {
    if (text.empty()) return;
    const char* p = text.data();
    const std::size_t n = text.size();
    // Room for the lines at the average length of the first ones, with a margin: capacity never
    // touched costs no memory, and a file of shorter lines further down only regrows once or
    // twice.
    const std::size_t sample = std::min<std::size_t>(n, 4096);
    std::size_t sample_lines = 1;
    for (std::size_t i = 0; i < sample; ++i) sample_lines += p[i] == '\n' || p[i] == '\r';
    lines.reserve(lines.size() + n / std::max<std::size_t>(sample / sample_lines, 1) * 5 / 4 + 16);
    // LF, CRLF and a bare CR each end a line; text after the last break is a line too. Every
    // terminator of a 16-byte block is found at once (one compare per kind, one bit mask).
    std::size_t start = 0, i = 0;
#if defined(__SSE2__)
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    for (; i + 16 <= n; i += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        auto mask = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, lf), _mm_cmpeq_epi8(block, cr))));
        while (mask != 0) {
            end_line_at(p, i + static_cast<std::size_t>(__builtin_ctz(mask)), start, lines);
            mask &= mask - 1;
        }
    }
#endif
    for (; i < n; ++i) {
        if (p[i] == '\n' || p[i] == '\r') end_line_at(p, i, start, lines);
    }
    if (start < n) lines.emplace_back(p + start, n - start);
}

std::vector<std::string_view> split_fields(std::string_view line, char delimiter) {
    std::vector<std::string_view> fields;
    fields.reserve(16);  // one allocation for the usual export row instead of five regrowths
    if (delimiter == ' ') {
        std::size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
            if (i >= line.size()) break;
            const std::size_t begin = i;
            while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
            fields.push_back(line.substr(begin, i - begin));
        }
        return fields;
    }
    if (line.empty()) {  // one empty field; memchr must not see a null view
        fields.emplace_back();
        return fields;
    }
    std::size_t start = 0;
    for (;;) {
        const auto* at = static_cast<const char*>(
            std::memchr(line.data() + start, delimiter, line.size() - start));
        const std::size_t end =
            at != nullptr ? static_cast<std::size_t>(at - line.data()) : line.size();
        fields.push_back(line.substr(start, end - start));
        if (at == nullptr) return fields;
        start = end + 1;
    }
}

char detect_delimiter(const std::vector<std::string_view>& sample_lines) {
    const std::array<char, 4> candidates = {'\t', ';', ',', ' '};
    char best = '\t';
    double best_score = -1.0;
    for (char d : candidates) {
        std::map<std::size_t, std::size_t> counts;
        std::size_t used = 0;
        for (auto line : sample_lines) {
            line = trim(line);
            if (line.empty()) continue;
            ++used;
            counts[split_fields(line, d).size()]++;
        }
        if (used == 0) continue;
        std::size_t mode_fields = 0, mode_count = 0;
        for (const auto& [fields, count] : counts) {
            if (count > mode_count || (count == mode_count && fields > mode_fields)) {
                mode_fields = fields;
                mode_count = count;
            }
        }
        if (mode_fields < 2) continue;
        // Consistency first; more fields breaks near-ties (',' inside "12,5" splits less evenly).
        const double score =
            static_cast<double>(mode_count) / static_cast<double>(used) +
            1e-3 * static_cast<double>(std::min<std::size_t>(mode_fields, 50)) / 50.0;
        if (score > best_score + 1e-9) {
            best_score = score;
            best = d;
        }
    }
    return best;
}

char detect_decimal(const std::vector<std::string_view>& sample_fields) {
    std::size_t comma = 0, point = 0;
    for (auto f : sample_fields) {
        f = trim(f);
        const bool has_comma = f.find(',') != std::string_view::npos;
        const bool has_point = f.find('.') != std::string_view::npos;
        if (has_comma && !has_point) ++comma;
        if (has_point && !has_comma) ++point;
    }
    return comma > 0 && point == 0 ? ',' : '.';
}

namespace {

constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

// "-123.456" with at most 15 digits and no exponent, the form of nearly every field of an export:
// the digits make an integer m < 2^53 and the value is m / 10^k with both exactly representable,
// so the one rounding of the division gives the correctly rounded result, the same double
// std::from_chars returns (Clinger's fast path). Anything else returns false and takes the
// general path.
bool parse_plain_decimal(const char* p, const char* end, char decimal, double& out) noexcept {
    const bool negative = p < end && *p == '-';
    if (negative) ++p;
    std::uint64_t mantissa = 0;
    int digits = 0, fraction = 0;
    for (; p < end && static_cast<unsigned>(*p - '0') < 10; ++p, ++digits) {
        mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
    }
    if (p < end && *p == decimal) {
        for (++p; p < end && static_cast<unsigned>(*p - '0') < 10; ++p, ++digits, ++fraction) {
            mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
        }
    }
    if (p != end || digits == 0 || digits > 15) return false;
    const double value = static_cast<double>(mantissa) / kPowersOfTen[fraction];
    out = negative ? -value : value;
    return true;
}

}  // namespace

bool try_parse_double(std::string_view field, char decimal, double& out) noexcept {
    field = trim(field);
    if (field.empty()) return false;
    if (field.front() == '+') field.remove_prefix(1);
    if (field.empty() || field.size() > 64) return false;
    const char* begin = field.data();
    const char* end = field.data() + field.size();
    if (parse_plain_decimal(begin, end, decimal, out)) return true;
    char buffer[65];
    if (decimal != '.') {
        std::size_t k = 0;
        for (char c : field) {
            if (c == '.') return false;  // a point in a comma-decimal file is a thousands mark
            buffer[k++] = c == decimal ? '.' : c;
        }
        begin = buffer;
        end = buffer + k;
    } else if (field.find(',') != std::string_view::npos) {
        return false;
    }
    const auto [ptr, ec] = std::from_chars(begin, end, out, std::chars_format::general);
    if (ec != std::errc() || ptr != end) return false;
    return std::isfinite(out);
}

double parse_double(std::string_view field, char decimal, const Location& where) {
    double value = 0.0;
    if (!try_parse_double(field, decimal, value)) {
        throw ParseError(where, decimal == ',' ? "a number with decimal comma" : "a number",
                         std::string(field));
    }
    return value;
}

std::size_t column_of(std::string_view line, std::string_view field) {
    if (field.data() < line.data() || field.data() > line.data() + line.size()) return 0;
    std::size_t column = 1;
    for (const char* p = line.data(); p < field.data(); ++p) {
        if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80) ++column;
    }
    return column;
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    return to_lower(s.substr(0, prefix.size())) == to_lower(prefix);
}

}  // namespace vitrum::text
