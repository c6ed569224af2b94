// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "ngb_records.hpp"

#include <fmt/format.h>

#include <cstring>
#include <vitrum/core/error.hpp>

namespace vitrum::ngb {
namespace {

// Byte patterns of the record grammar, as found in every record of the Proteus 6.0 / 8.0 files.
constexpr std::string_view kRecordHeader("\x18\xfc\xff\xff\x03\x80\x01", 7);
constexpr std::string_view kFieldBridge("\x00\x00\x01\x00\x00\x00\x0c\x00\x17\xfc\xff\xff", 12);
constexpr std::string_view kScalarMode("\x80\x01", 2);
constexpr std::string_view kArrayMode("\xa0\x01", 2);
// Records end with a run of 6-byte units 01 00 00 00 <K u16>. Seen: K = 2 followed by three
// bytes of the next unit (the common 9-byte ending), K = 3 alone, and K = 4 then K = 3.
constexpr std::string_view kEndField("\x01\x00\x00\x00\x02\x00\x01\x00\x00", 9);
constexpr std::string_view kEndUnit3("\x01\x00\x00\x00\x03\x00", 6);
constexpr std::string_view kEndUnit4Unit3("\x01\x00\x00\x00\x04\x00\x01\x00\x00\x00\x03\x00", 12);
constexpr std::string_view kTypeRefMarker("\x02\x00\x00\x80", 4);
constexpr std::size_t kDirectoryOffset = 0x50;
constexpr std::size_t kDirectoryEntryBytes = 14;
constexpr std::size_t kMaxSections = 256;
// Two i32 fields are written without an end marker, directly after a table's closing bytes.
constexpr std::uint16_t kBareFieldA = 0x0FDE;
constexpr std::uint16_t kBareFieldB = 0x1165;

std::uint16_t u16_at(std::string_view b, std::size_t p) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b[p]) |
                                      (static_cast<unsigned char>(b[p + 1]) << 8));
}

std::uint32_t u32_at(std::string_view b, std::size_t p) {
    std::uint32_t v = 0;
    for (int k = 3; k >= 0; --k) v = (v << 8) | static_cast<unsigned char>(b[p + k]);
    return v;
}

// Element size of a fixed-size type, or 0 for the variable-size ones (string, reference).
std::size_t item_size(DType t) {
    switch (t) {
        case DType::null:
            return 0;
        case DType::u16:
            return 2;
        case DType::i32:
            return 4;
        case DType::f32:
            return 4;
        case DType::f64:
            return 8;
        case DType::bytes:
            return 1;
        case DType::packed8:
            return 8;
        case DType::hash16:
            return 16;
        case DType::reference:
        case DType::string:
            return 0;
    }
    return 0;
}

bool known_dtype(unsigned char b) {
    switch (b) {
        case 0x00:
        case 0x02:
        case 0x03:
        case 0x04:
        case 0x05:
        case 0x10:
        case 0x14:
        case 0x1a:
        case 0x1f:
        case 0x48:
            return true;
        default:
            return false;
    }
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::optional<std::string> utf16le_to_utf8(std::string_view b) {
    if (b.size() % 2 != 0) return std::nullopt;
    std::string out;
    for (std::size_t p = 0; p < b.size(); p += 2) {
        std::uint32_t cp = u16_at(b, p);
        if (cp >= 0xD800 && cp < 0xDC00) {
            if (p + 4 > b.size()) return std::nullopt;
            const std::uint32_t low = u16_at(b, p + 2);
            if (low < 0xDC00 || low >= 0xE000) return std::nullopt;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            p += 2;
        } else if (cp >= 0xDC00 && cp < 0xE000) {
            return std::nullopt;
        }
        append_utf8(out, cp);
    }
    return out;
}

bool valid_utf8(std::string_view s) {
    std::size_t p = 0;
    while (p < s.size()) {
        const auto c = static_cast<unsigned char>(s[p]);
        const std::size_t n = c < 0x80           ? 1
                              : (c >> 5) == 0x6  ? 2
                              : (c >> 4) == 0xE  ? 3
                              : (c >> 3) == 0x1E ? 4
                                                 : 0;
        if (n == 0 || p + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k) {
            if ((static_cast<unsigned char>(s[p + k]) & 0xC0) != 0x80) return false;
        }
        p += n;
    }
    return true;
}

struct Section {
    std::uint16_t id = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
};

Section main_section(std::string_view b, int stream_number, const std::string& where) {
    static constexpr std::string_view kMagic("Netzsch TA file");
    static constexpr std::string_view kFormat("_db_format_1");
    if (b.size() < kDirectoryOffset || b.substr(2, kMagic.size()) != kMagic ||
        b.substr(0x1C, kFormat.size()) != kFormat) {
        throw FormatError(fmt::format(
            "{}: offset 0: not a NETZSCH TA stream (no 'Netzsch TA file' / '_db_format_1' header)",
            where));
    }
    std::optional<Section> main;
    std::size_t expected_begin = 0;
    std::size_t last_end = 0;
    std::size_t p = kDirectoryOffset;
    for (std::size_t n = 0;
         p + kDirectoryEntryBytes <= b.size() && b[p] == '\xff' && b[p + 1] == '\xff';
         ++n, p += kDirectoryEntryBytes) {
        const std::uint16_t id = u16_at(b, p + 2);
        const std::size_t begin = u32_at(b, p + 4);
        const std::size_t size = u32_at(b, p + 8);
        if (id == 0 && begin == 0 && size == 0) break;  // 2022-vintage directory terminator
        if (n == kMaxSections) {
            throw FormatError(fmt::format("{}: offset {}: more than {} sections in the directory",
                                          where, p, kMaxSections));
        }
        if (begin > b.size() || size > b.size() - begin) {
            throw FormatError(fmt::format(
                "{}: offset {}: section {} declares {} bytes at offset {}, beyond the end of the "
                "{}-byte stream",
                where, p, id, size, begin, b.size()));
        }
        if (expected_begin != 0 && begin != expected_begin) {
            throw FormatError(
                fmt::format("{}: offset {}: section {} starts at {}, expected {} (sections must be "
                            "contiguous)",
                            where, p, id, begin, expected_begin));
        }
        expected_begin = begin + size;
        last_end = begin + size;
        if (id == stream_number) main = Section{id, begin, begin + size};
    }
    if (!main) {
        throw FormatError(fmt::format("{}: offset {}: the section directory has no section {}",
                                      where, kDirectoryOffset, stream_number));
    }
    if (last_end != b.size()) {
        throw FormatError(fmt::format(
            "{}: offset {}: the sections end at {} but the stream has {} bytes (truncated or "
            "padded stream)",
            where, last_end, last_end, b.size()));
    }
    return *main;
}

// Length of the end marker at `p`, or 0 when there is none.
std::size_t end_marker(std::string_view b, std::size_t p, std::size_t hi) {
    const std::string_view rest = b.substr(p, hi - p);
    if (rest.substr(0, kEndField.size()) == kEndField) return kEndField.size();
    if (rest.substr(0, kEndUnit4Unit3.size()) == kEndUnit4Unit3) return kEndUnit4Unit3.size();
    if (rest.substr(0, kEndUnit3.size()) == kEndUnit3) return kEndUnit3.size();
    return 0;
}

}  // namespace

std::optional<double> Field::number() const {
    if (is_array) return std::nullopt;
    switch (dtype) {
        case DType::u16:
            return u16_at(payload, 0);
        case DType::i32:
            return static_cast<double>(static_cast<std::int32_t>(u32_at(payload, 0)));
        case DType::f32: {
            const std::uint32_t bits = u32_at(payload, 0);
            float v;
            std::memcpy(&v, &bits, sizeof v);
            return static_cast<double>(v);
        }
        case DType::f64: {
            std::uint64_t bits = 0;
            for (int k = 7; k >= 0; --k)
                bits = (bits << 8) | static_cast<unsigned char>(payload[k]);
            double v;
            std::memcpy(&v, &bits, sizeof v);
            return v;
        }
        default:
            return std::nullopt;
    }
}

std::optional<std::int32_t> Field::integer() const {
    if (is_array || dtype != DType::i32) return std::nullopt;
    return static_cast<std::int32_t>(u32_at(payload, 0));
}

std::optional<std::string> Field::text() const {
    if (is_array || dtype != DType::string) return std::nullopt;
    if (payload.substr(0, 3) == std::string_view("\xff\xfe\xff", 3)) {
        return utf16le_to_utf8(payload.substr(4));
    }
    const std::string_view body = payload.substr(4);
    if (valid_utf8(body)) return std::string(body);
    return utf16le_to_utf8(body);
}

const Field* Table::find(std::uint16_t id) const {
    for (const Field& f : fields) {
        if (f.id == id) return &f;
    }
    return nullptr;
}

std::vector<Table> parse_stream(std::string_view b, int stream_number, const std::string& where) {
    const Section section = main_section(b, stream_number, where);
    const std::size_t hi = section.end;
    std::vector<Table> tables;
    std::size_t p = section.begin;
    const auto fail = [&](std::size_t at, const std::string& what) {
        return FormatError(fmt::format("{}: offset {}: {}", where, at, what));
    };
    while (true) {
        // Between records lie table preambles and closing bytes, which carry nothing we read;
        // a record's extent follows from its type, so anchors inside payloads are never seen.
        const std::size_t at = b.substr(0, hi).find(kRecordHeader, p);
        if (at == std::string_view::npos) break;
        std::size_t q = at + kRecordHeader.size();
        if (hi - q < 2 + kFieldBridge.size() + 3) {
            throw fail(at, "record cut by the end of the section");
        }
        Field field;
        field.offset = at;
        field.id = u16_at(b, q);
        q += 2;
        if (b.substr(q, kFieldBridge.size()) != kFieldBridge) {
            throw fail(at, fmt::format("damaged record (field 0x{:04X}): unexpected bytes after "
                                       "the field id",
                                       field.id));
        }
        q += kFieldBridge.size();
        const auto type_byte = static_cast<unsigned char>(b[q]);
        if (!known_dtype(type_byte)) {
            throw fail(at, fmt::format("unknown record type 0x{:02X} (field 0x{:04X})", type_byte,
                                       field.id));
        }
        field.dtype = static_cast<DType>(type_byte);
        const std::string_view mode = b.substr(q + 1, 2);
        q += 3;
        std::size_t size = 0;
        std::uint16_t type_ref = 0;
        if (mode == kScalarMode) {
            field.count = 1;
            if (field.dtype == DType::string) {
                if (hi - q < 4) throw fail(at, "string length cut by the end of the section");
                size = b.substr(q, 3) == std::string_view("\xff\xfe\xff", 3)
                           ? 4 + 2 * std::size_t{static_cast<unsigned char>(b[q + 3])}
                           : 4 + std::size_t{u32_at(b, q)};
            } else if (field.dtype == DType::reference) {
                if (hi - q < 2) throw fail(at, "object reference cut by the end of the section");
                if (b[q] == '\xff' && b[q + 1] == '\xff') {
                    if (hi - q < 6) throw fail(at, "class name cut by the end of the section");
                    size = 6 + std::size_t{u16_at(b, q + 4)};
                } else {
                    size = 2;
                }
                if (size <= hi - q && hi - q - size >= 8 &&
                    b.substr(q + size, kTypeRefMarker.size()) == kTypeRefMarker) {
                    type_ref = u16_at(b, q + size + 4);
                    size += 8;
                }
            } else {
                size = item_size(field.dtype);
            }
        } else if (mode == kArrayMode) {
            if (hi - q < 4) throw fail(at, "array count cut by the end of the section");
            field.is_array = true;
            field.count = u32_at(b, q);
            q += 4;
            const std::size_t item = item_size(field.dtype);
            if (item == 0 && field.dtype != DType::null) {
                throw fail(at, fmt::format("unsupported array of record type 0x{:02X}", type_byte));
            }
            const auto bytes = static_cast<unsigned long long>(field.count) * item;
            if (bytes > hi - q) {
                throw fail(at, fmt::format("field 0x{:04X} declares {} elements ({} bytes) but "
                                           "only {} bytes remain in the section",
                                           field.id, field.count, bytes, hi - q));
            }
            size = static_cast<std::size_t>(bytes);
        } else {
            throw fail(
                at, fmt::format("damaged record (field 0x{:04X}): unknown mode bytes", field.id));
        }
        if (size > hi - q) {
            throw fail(at, fmt::format("field 0x{:04X} declares a {}-byte payload but only {} "
                                       "bytes remain in the section",
                                       field.id, size, hi - q));
        }
        field.payload = b.substr(q, size);
        q += size;
        const std::size_t marker = end_marker(b, q, hi);
        const bool bare = !field.is_array && field.dtype == DType::i32 &&
                          (field.id == kBareFieldA || field.id == kBareFieldB);
        if (marker == 0 && q != hi && !bare) {
            throw fail(at,
                       fmt::format("damaged record (field 0x{:04X}): no end marker at offset {}",
                                   field.id, q));
        }
        p = q + marker;
        if (field.dtype == DType::reference && !field.is_array) {
            Table table;
            table.category = field.id;
            table.type_ref = type_ref;
            table.offset = at;
            tables.push_back(std::move(table));
        } else if (!tables.empty()) {
            tables.back().fields.push_back(field);
        }
    }
    return tables;
}

}  // namespace vitrum::ngb
