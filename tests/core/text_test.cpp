// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>

#include "check.hpp"

using namespace vitrum;

TEST_CASE("detect_encoding recognises BOMs, BOM-less UTF-16 and the single-byte code pages") {
    CHECK(text::detect_encoding("\xEF\xBB\xBFTemp") == "UTF-8");
    CHECK(text::detect_encoding(std::string("\xFF\xFET\0e\0m\0p\0", 10)) == "UTF-16LE");
    CHECK(text::detect_encoding(std::string("\xFE\xFF\0T\0e\0m\0p", 10)) == "UTF-16BE");
    CHECK(text::detect_encoding(std::string("T\0e\0m\0p\0e\0r\0a\0t\0", 16)) == "UTF-16LE");
    CHECK(text::detect_encoding("Temp./\xC2\xB0"
                                "C") == "UTF-8");
    CHECK(text::detect_encoding("Temperature (\xF8"
                                "C)\tHeat Flow") == "CP437");
    // "Неизотермическая" in CP1251
    CHECK(text::detect_encoding(
              "#FILE:\xCD\xE5\xE8\xE7\xEE\xF2\xE5\xF0\xEC\xE8\xF7\xE5\xF1\xEA\xE0\xFF") ==
          "CP1251");
    CHECK(text::detect_encoding("Temp./\xB0"
                                "C; M\xFC"
                                "ller") == "CP1252");
    // A NETZSCH header: mostly ASCII, degree signs (0xB0 in CP1251) and two Cyrillic words.
    CHECK(text::detect_encoding(
              "#FILE:2024 \xCD\xE5\xE8\xE7\xEE\xF2\xE5\xF0\xEC \xEA\xF0\xE8\xF1\xF2\xE0\xEB\xEB\n"
              "#RANGE:140\xB0"
              "C/10.0(K/min)/50\xB0"
              "C\n##Temp./\xB0"
              "C;Time/min\n") == "CP1251");
}

TEST_CASE("decode_to_utf8 converts every supported encoding to the same text") {
    const std::string expected = "Temp./°C";
    CHECK(text::decode_to_utf8("Temp./\xB0"
                               "C",
                               "x", "CP1252")
              .utf8 == expected);
    CHECK(text::decode_to_utf8("Temp./\xF8"
                               "C",
                               "x", "CP437")
              .utf8 == expected);
    CHECK(text::decode_to_utf8("Temp./\xF8"
                               "C",
                               "x", "CP850")
              .utf8 == expected);
    CHECK(text::decode_to_utf8("Temp./\xB0"
                               "C",
                               "x", "CP1251")
              .utf8 == expected);
    const std::string utf16le("\xFF\xFET\0e\0m\0p\0.\0/\0\xB0\0C\0", 18);
    const auto decoded = text::decode_to_utf8(utf16le, "x");
    CHECK(decoded.utf8 == expected);
    CHECK(decoded.encoding == "UTF-16LE");
    const std::string utf16be("\xFE\xFF\0T\0e\0m\0p\0.\0/\0\xB0\0C", 18);
    CHECK(text::decode_to_utf8(utf16be, "x").utf8 == expected);
    CHECK(text::decode_to_utf8("\xEF\xBB\xBFTemp./\xC2\xB0"
                               "C",
                               "x")
              .utf8 == expected);
}

namespace {

// Reference conversion straight through iconv, for comparing decode_to_utf8's table path.
std::string iconv_reference(const std::string& bytes, const char* encoding) {
    iconv_t cd = iconv_open("UTF-8", encoding);
    REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
    std::string out(bytes.size() * 4, '\0');
    char* in_ptr = const_cast<char*>(bytes.data());
    char* out_ptr = out.data();
    std::size_t in_left = bytes.size(), out_left = out.size();
    const std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    iconv_close(cd);
    REQUIRE(rc != static_cast<std::size_t>(-1));
    out.resize(static_cast<std::size_t>(out_ptr - out.data()));
    return out;
}

}  // namespace

TEST_CASE("single-byte code pages decode every byte as iconv does, and name an undefined one") {
    // Every byte 0x01–0xFF that the code page defines, in ASCII runs of varying length so that
    // both the eight-byte ASCII skip and the byte-wise tail are crossed.
    const std::vector<std::pair<const char*, std::vector<int>>> pages{
        {"CP1252", {0x81, 0x8D, 0x8F, 0x90, 0x9D}},
        {"CP1251", {0x98}},
        {"CP437", {}},
        {"ISO-8859-1", {}}};
    for (const auto& page : pages) {
        const char* encoding = page.first;  // not a structured binding: CAPTURE captures it
        const std::vector<int>& undefined = page.second;
        CAPTURE(encoding);
        std::string bytes;
        for (int b = 1; b <= 0xFF; ++b) {
            if (std::find(undefined.begin(), undefined.end(), b) != undefined.end()) continue;
            bytes += static_cast<char>(b);
            bytes.append(static_cast<std::size_t>(b % 11), 'a');
        }
        CHECK(text::decode_to_utf8(bytes, "x", encoding).utf8 == iconv_reference(bytes, encoding));
    }
    // Code page names are matched without regard to case, as iconv does.
    CHECK(text::decode_to_utf8("\xB0", "x", "cp1252").utf8 == "°");
    CHECK_THROWS_WITH_AS(text::decode_to_utf8("line1\nline2\nab\x81", "run.txt", "CP1252"),
                         "run.txt:3: byte sequence invalid in CP1252 at offset 14", ParseError);
}

TEST_CASE("decode_to_utf8 refuses binary and wrongly declared input with the file and line") {
    CHECK_THROWS_WITH_AS(text::decode_to_utf8(std::string("ab\ncd\0ef", 8), "run.txt"),
                         doctest::Contains("run.txt:2: binary data"), FormatError);
    CHECK_THROWS_WITH_AS(text::decode_to_utf8("line1\nline2 \xC3(", "run.txt", "UTF-8"),
                         doctest::Contains("run.txt:2"), ParseError);
}

TEST_CASE("split_lines handles LF, CRLF and bare CR line ends alike") {
    for (const char* text : {"a\nb\nc", "a\r\nb\r\nc\r\n", "a\rb\rc\r", "a\n\rb\r\nc"}) {
        const auto lines = text::split_lines(text);
        CAPTURE(text);
        REQUIRE(lines.size() >= 3);
        CHECK(lines.front() == "a");
        CHECK(lines.back() == "c");
    }
    // A blank line stays a line so that line numbers match the file.
    CHECK(text::split_lines("a\n\nb").size() == 3);
}

namespace {

// Byte-at-a-time oracles for the memchr-based splitters: what a line and a field are.
std::vector<std::string_view> lines_reference(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' || text[i] == '\r') {
            lines.push_back(text.substr(start, i - start));
            if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            start = i + 1;
        }
    }
    if (start < text.size()) lines.push_back(text.substr(start));
    return lines;
}

std::vector<std::string_view> fields_reference(std::string_view line, char delimiter) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == delimiter) {
            fields.push_back(line.substr(start, i - start));
            start = i + 1;
        }
    }
    return fields;
}

}  // namespace

TEST_CASE("split_lines and split_fields agree with a byte-by-byte reading on random text") {
    // 20 000 strings over an alphabet dense in line ends and delimiters, so that every
    // arrangement of CR, LF, CRLF, empty lines and empty fields up to length 24 occurs often.
    std::mt19937 random(20261125);
    const std::string alphabet = "a;\r\n;\r\nb\t";
    for (int round = 0; round < 20000; ++round) {
        std::string text(random() % 25, ' ');
        for (char& c : text) c = alphabet[random() % alphabet.size()];
        CAPTURE(text);
        REQUIRE(text::split_lines(text) == lines_reference(text));
        REQUIRE(text::split_fields(text, ';') == fields_reference(text, ';'));
    }
    CHECK(text::split_fields(std::string_view(), ';') == std::vector<std::string_view>{""});
}

TEST_CASE("utf16_encoding tells UTF-16 from everything else, as detect_encoding does") {
    CHECK(text::utf16_encoding("\xFF\xFET\0") == "UTF-16LE");
    CHECK(text::utf16_encoding("\xFE\xFF\0T") == "UTF-16BE");
    CHECK(text::utf16_encoding(std::string("T\0e\0m\0p\0", 8)) == "UTF-16LE");
    CHECK(text::utf16_encoding(std::string("\0T\0e\0m\0p", 8)) == "UTF-16BE");
    CHECK(text::utf16_encoding("\xEF\xBB\xBFTemp").empty());  // UTF-8 BOM
    CHECK(text::utf16_encoding("Temperature/degC;Heat flow/mW").empty());
    CHECK(text::utf16_encoding("Temp./\xB0"
                               "C")
              .empty());                                         // CP1252
    CHECK(text::utf16_encoding(std::string("T\0", 2)).empty());  // too short to tell
    // NULs in both positions are binary, not UTF-16.
    CHECK(text::utf16_encoding(std::string(64, '\0')).empty());
}

TEST_CASE("UTF-8 validation finds the first bad byte after long ASCII runs") {
    // The ASCII fast path steps eight bytes at a time; a bad byte at every offset modulo 8,
    // and a valid two-byte sequence just before it, must still be found where it is.
    for (std::size_t at = 0; at < 40; ++at) {
        std::string text(48, 'x');
        text[at] = '\xFF';
        CAPTURE(at);
        CHECK_THROWS_WITH_AS(text::decode_to_utf8(text, "u.txt", "UTF-8"),
                             doctest::Contains(fmt::format("byte 0xFF at offset {} ", at).c_str()),
                             ParseError);
        if (at >= 2) {
            text.replace(at - 2, 2, "\xC2\xB0");  // "°" right before the bad byte
            CHECK_THROWS_WITH_AS(text::decode_to_utf8(text, "u.txt", "UTF-8"),
                                 doctest::Contains(fmt::format("at offset {} ", at).c_str()),
                                 ParseError);
        }
    }
    CHECK(text::detect_encoding(std::string(4000, 'x') + "\xC2\xB0" + std::string(9, 'y')) ==
          "UTF-8");
    // BOM-less UTF-16 is decided from the NUL bytes' parity, wherever they fall.
    std::string utf16le;
    for (char c : std::string("Temperature/degC;Heat flow/mW")) {
        utf16le += c;
        utf16le += '\0';
    }
    CHECK(text::detect_encoding(utf16le) == "UTF-16LE");
    CHECK(text::detect_encoding(utf16le.substr(1)) == "UTF-16BE");
}

TEST_CASE("detect_delimiter picks the separator that splits rows consistently") {
    CHECK(text::detect_delimiter({"1;2;3", "4;5;6"}) == ';');
    CHECK(text::detect_delimiter({"1\t2\t3", "4\t5\t6"}) == '\t');
    CHECK(text::detect_delimiter({"1,5;2,5;3", "4,1;5,2;6"}) == ';');
    CHECK(text::detect_delimiter({"1.5,2.5,3", "4,5,6"}) == ',');
    CHECK(text::detect_delimiter({"  1  2.5   3", " 4 5 6"}) == ' ');
}

TEST_CASE("parse_double reads whole fields and refuses mangled numbers") {
    double v = 0.0;
    CHECK(text::try_parse_double("  -0.37304", '.', v));
    CHECK_REL(v, -0.37304, 1e-15);
    CHECK(text::try_parse_double("-6.656126e-02", '.', v));
    CHECK_REL(v, -6.656126e-02, 1e-15);
    CHECK(text::try_parse_double("1.234e-004", '.', v));
    CHECK_REL(v, 1.234e-4, 1e-15);
    CHECK(text::try_parse_double("+3.5", '.', v));
    CHECK(text::try_parse_double("12,5", ',', v));
    CHECK_REL(v, 12.5, 1e-15);
    CHECK(text::try_parse_double(".5", '.', v));
    CHECK_FALSE(text::try_parse_double("50.026.184", '.', v));
    CHECK_FALSE(text::try_parse_double("50.026.184", ',', v));
    CHECK_FALSE(text::try_parse_double("12,5", '.', v));
    CHECK_FALSE(text::try_parse_double("12 mg", '.', v));
    CHECK_FALSE(text::try_parse_double("nan", '.', v));
    CHECK_FALSE(text::try_parse_double("inf", '.', v));
    CHECK_FALSE(text::try_parse_double("", '.', v));
    const std::string line = "0;50.026.184;45.7";
    const auto fields = text::split_fields(line, ';');
    CHECK(text::column_of(line, fields[1]) == 3);
    CHECK_THROWS_WITH_AS(
        text::parse_double(fields[1], ',', Location{"s.csv", "", 2, 3}),
        doctest::Contains("s.csv:2:3: expected a number with decimal comma, found '50.026.184'"),
        ParseError);
}

TEST_CASE("read_file_bytes names the missing file and refuses files over the limit") {
    CHECK_THROWS_WITH_AS(text::read_file_bytes("/nonexistent/run.txt"),
                         doctest::Contains("/nonexistent/run.txt: cannot open"), IoError);
    CHECK_THROWS_WITH_AS(text::read_file_bytes(vitrum::test::share("testdata/ATTRIBUTION.md"), 10),
                         doctest::Contains("more than the limit of 10 bytes"), IoError);
}

TEST_CASE("decode_view converts only what needs it and together gives decode_to_utf8's text") {
    // UTF-8 input: no copy at all, the view points into the input (BOM dropped).
    const std::string utf8 =
        "\xEF\xBB\xBFTemp./\xC2\xB0"
        "C;DSC\n1;2\n";
    const text::DecodedView a = text::decode_view(utf8, "a.txt");
    CHECK(a.head.empty());
    CHECK(a.tail.data() == utf8.data() + 3);
    CHECK(a.encoding == "UTF-8");
    // CP1252 with the only high byte in the header: the header line is converted, the ASCII rows
    // after it are used in place; the split falls after the whole CRLF.
    const std::string cp1252 =
        "#SAMPLE:x\r\n##Temp./\xB0"
        "C;DSC\r\n 1.5;2\r\n 3;4\r\n";
    const text::DecodedView b = text::decode_view(cp1252, "b.txt", "CP1252");
    CHECK(b.head ==
          "#SAMPLE:x\r\n##Temp./\xC2\xB0"
          "C;DSC\r\n");
    CHECK(b.tail == " 1.5;2\r\n 3;4\r\n");
    CHECK(b.tail.data() == cp1252.data() + cp1252.size() - b.tail.size());
    CHECK(b.head + std::string(b.tail) == text::decode_to_utf8(cp1252, "b.txt", "CP1252").utf8);
    // A bare-CR file keeps the CR with the converted part.
    const text::DecodedView c = text::decode_view("\xB5m\r1\r2", "c.txt", "CP1252");
    CHECK(c.head == "\xC2\xB5m\r");
    CHECK(c.tail == "1\r2");
    // UTF-16 is converted whole.
    const text::DecodedView d = text::decode_view(std::string("a\0\n\0", 4), "d.txt", "UTF-16LE");
    CHECK(d.head == "a\n");
    CHECK(d.tail.empty());
}

TEST_CASE("split_lines_into continues the numbering of converted and in-place parts") {
    std::vector<std::string_view> lines;
    text::split_lines_into("a\r\nb\r\n", lines);
    text::split_lines_into("c\rd\n\ne", lines);
    const std::vector<std::string_view> want = {"a", "b", "c", "d", "", "e"};
    CHECK(lines == want);
    CHECK(text::split_lines("a\r\nb\r\nc\rd\n\ne") == want);
    text::split_lines_into("", lines);
    CHECK(lines.size() == 6);
}

TEST_CASE("try_parse_double's plain-decimal path returns exactly what from_chars returns") {
    // Clinger's fast path is exact for up to 15 digits; every printed width of an export is
    // compared bit for bit with the general path (std::from_chars).
    std::mt19937_64 random(19);
    std::uniform_real_distribution<double> value(-1e6, 1e6);
    std::size_t differ = 0;
    for (int i = 0; i < 200000; ++i) {
        const std::string field =
            fmt::format("{:.{}f}", value(random) * std::pow(10.0, -double(i % 8)), i % 10);
        double fast = 0.0, general = 0.0;
        REQUIRE(text::try_parse_double(field, '.', fast));
        std::from_chars(field.data(), field.data() + field.size(), general);
        if (std::memcmp(&fast, &general, sizeof fast) != 0) ++differ;
    }
    CHECK(differ == 0);
    double v = 1.0;
    CHECK(text::try_parse_double("-0.000", '.', v));
    CHECK(std::signbit(v));
    CHECK(text::try_parse_double("12,5", ',', v));
    CHECK_ABS(v, 12.5, 0.0);
    CHECK_FALSE(text::try_parse_double("12.5", ',', v));
    CHECK_FALSE(text::try_parse_double("12,5", '.', v));
    CHECK_FALSE(text::try_parse_double("-", '.', v));
    CHECK_FALSE(text::try_parse_double(".", '.', v));
    CHECK(text::try_parse_double("0.0000000000000001", '.', v));  // 16 digits: general path
    CHECK_REL(v, 1e-16, 1e-15);
}

TEST_CASE("find_non_ascii finds the first high byte after long ASCII runs") {
    std::string s(1000, 'a');
    CHECK(text::find_non_ascii(s) == 1000);
    s[777] = '\xB0';
    CHECK(text::find_non_ascii(s) == 777);
    CHECK(text::find_non_ascii(s, 778) == 1000);
    CHECK(text::find_non_ascii(s, 5000) == 1000);
}
