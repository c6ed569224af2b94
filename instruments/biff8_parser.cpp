// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// A small BIFF8 (Excel 97–2003) record parser: only what spreadsheet exports of instruments use.
// Every length, index and offset is checked before use, because the input may be hostile.
#include <fmt/format.h>

#include <cstring>
#include <unordered_map>
#include <vitrum/core/error.hpp>

#include "biff8_workbook.hpp"

namespace vitrum::sheet {

namespace {

constexpr std::uint16_t kBof = 0x0809;
constexpr std::uint16_t kEof = 0x000A;
constexpr std::uint16_t kFilePass = 0x002F;
constexpr std::uint16_t kBoundSheet = 0x0085;
constexpr std::uint16_t kSst = 0x00FC;
constexpr std::uint16_t kContinue = 0x003C;
constexpr std::uint16_t kLabelSst = 0x00FD;
constexpr std::uint16_t kLabel = 0x0204;
constexpr std::uint16_t kNumber = 0x0203;
constexpr std::uint16_t kRk = 0x027E;
constexpr std::uint16_t kMulRk = 0x00BD;
constexpr std::uint16_t kFormula = 0x0006;
constexpr std::uint16_t kString = 0x0207;
constexpr std::uint16_t kBoolErr = 0x0205;
constexpr std::uint16_t kBiff8Version = 0x0600;
constexpr std::uint16_t kBofGlobals = 0x0005;
constexpr std::size_t kMaxRecordBytes = 8224;  // MS-XLS 2.1.4: no record body is longer

std::uint16_t u16(std::string_view b, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                      (static_cast<unsigned char>(b[at + 1]) << 8));
}
std::uint32_t u32(std::string_view b, std::size_t at) {
    return static_cast<std::uint32_t>(u16(b, at)) |
           (static_cast<std::uint32_t>(u16(b, at + 2)) << 16);
}
double f64(std::string_view b, std::size_t at) {
    std::uint64_t bits =
        static_cast<std::uint64_t>(u32(b, at)) | (static_cast<std::uint64_t>(u32(b, at + 4)) << 32);
    double value = 0.0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
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

// UTF-16 code units → UTF-8; unpaired surrogates become U+FFFD.
std::string utf16_to_utf8(const std::u16string& units) {
    std::string out;
    out.reserve(units.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
        const std::uint32_t u = units[i];
        if (u >= 0xD800 && u < 0xDC00 && i + 1 < units.size() && units[i + 1] >= 0xDC00 &&
            units[i + 1] < 0xE000) {
            append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00u));
            ++i;
        } else if (u >= 0xD800 && u < 0xE000) {
            append_utf8(out, 0xFFFD);
        } else {
            append_utf8(out, u);
        }
    }
    return out;
}

struct Record {
    std::uint16_t type = 0;
    std::size_t offset = 0;  // of the record header in the stream
    std::string_view body;
};

// Reports errors with the file, the part of the workbook and the record offset.
struct Context {
    const std::string& path;
    std::string part = "workbook globals";

    [[noreturn]] void fail(const Record& r, const std::string& what) const {
        fail_at(r.offset, r.type, what);
    }
    [[noreturn]] void fail_at(std::size_t offset, std::uint16_t type,
                              const std::string& what) const {
        Location where;
        where.file = path;
        where.sheet = part;
        throw ParseError(where, fmt::format("BIFF8 record 0x{:04X} at stream offset {}: {}", type,
                                            offset, what));
    }
};

class RecordReader {
public:
    RecordReader(std::string_view stream, const Context& ctx) : stream_(stream), ctx_(ctx) {}

    void seek(std::size_t offset) { pos_ = offset; }
    bool at_end() const { return pos_ >= stream_.size(); }

    Record next() {
        if (pos_ + 4 > stream_.size()) {
            ctx_.fail_at(pos_, 0,
                         fmt::format("the stream ends inside a record header ({} bytes "
                                     "left; the file is truncated)",
                                     stream_.size() - pos_));
        }
        Record r;
        r.offset = pos_;
        r.type = u16(stream_, pos_);
        const std::size_t size = u16(stream_, pos_ + 2);
        if (size > kMaxRecordBytes) {
            ctx_.fail_at(
                pos_, r.type,
                fmt::format("record length {} exceeds the BIFF8 limit {}", size, kMaxRecordBytes));
        }
        if (pos_ + 4 + size > stream_.size()) {
            ctx_.fail_at(pos_, r.type,
                         fmt::format("record length {} runs past the end of the "
                                     "stream ({} bytes; the file is truncated)",
                                     size, stream_.size()));
        }
        r.body = stream_.substr(pos_ + 4, size);
        pos_ += 4 + size;
        return r;
    }

    // The record after the current one, without consuming it (type 0 at the end).
    std::uint16_t peek_type() const { return pos_ + 4 <= stream_.size() ? u16(stream_, pos_) : 0; }

private:
    std::string_view stream_;
    const Context& ctx_;
    std::size_t pos_ = 0;
};

// Reads Unicode strings that may continue across CONTINUE records (MS-XLS 2.5.293/2.5.294):
// when characters are split, the next part starts with a fresh flags byte whose bit 0 says
// whether the rest is 8-bit or 16-bit.
class SegmentCursor {
public:
    SegmentCursor(std::vector<Record> parts, const Context& ctx)
        : parts_(std::move(parts)), ctx_(ctx) {}

    bool exhausted() {
        skip_empty();
        return seg_ >= parts_.size();
    }

    std::uint8_t byte() {
        skip_empty();
        if (seg_ >= parts_.size()) fail("more bytes (the string table ends early)");
        return static_cast<std::uint8_t>(parts_[seg_].body[pos_++]);
    }
    // Two statements each: the order of evaluation of operands of | is unspecified.
    std::uint16_t word() {
        const std::uint16_t low = byte();
        const std::uint16_t high = byte();
        return static_cast<std::uint16_t>(low | (high << 8));
    }
    std::uint32_t dword() {
        const std::uint32_t low = word();
        const std::uint32_t high = word();
        return low | (high << 16);
    }

    void skip(std::uint64_t n) {
        while (n > 0) {
            skip_empty();
            if (seg_ >= parts_.size()) fail("more bytes for rich-text/phonetic data");
            const std::size_t here = std::min<std::uint64_t>(n, parts_[seg_].body.size() - pos_);
            pos_ += here;
            n -= here;
        }
    }

    std::string chars(std::size_t count, bool high_byte) {
        std::u16string units;
        units.reserve(count);
        while (units.size() < count) {
            if (seg_ < parts_.size() && pos_ >= parts_[seg_].body.size()) {
                // Characters continue in the next CONTINUE record, behind a new flags byte.
                ++seg_;
                pos_ = 0;
                if (seg_ >= parts_.size() || parts_[seg_].body.empty()) {
                    fail(fmt::format("{} more characters of a string", count - units.size()));
                }
                high_byte = (static_cast<std::uint8_t>(parts_[seg_].body[pos_++]) & 0x1) != 0;
                continue;
            }
            if (seg_ >= parts_.size()) fail("more characters of a string");
            const std::string_view b = parts_[seg_].body;
            if (high_byte) {
                if (pos_ + 2 > b.size()) fail("a whole UTF-16 character");
                units.push_back(static_cast<char16_t>(u16(b, pos_)));
                pos_ += 2;
            } else {
                units.push_back(static_cast<char16_t>(static_cast<unsigned char>(b[pos_])));
                ++pos_;
            }
        }
        return utf16_to_utf8(units);
    }

private:
    void skip_empty() {
        while (seg_ < parts_.size() && pos_ >= parts_[seg_].body.size()) {
            ++seg_;
            pos_ = 0;
        }
    }
    [[noreturn]] void fail(const std::string& what) const {
        const Record& r = parts_[std::min(seg_, parts_.size() - 1)];
        ctx_.fail(r, fmt::format("shared string table: expected {}", what));
    }

    std::vector<Record> parts_;
    const Context& ctx_;
    std::size_t seg_ = 0;
    std::size_t pos_ = 0;
};

// XLUnicodeRichExtendedString entries of the SST.
std::vector<std::string> read_sst(std::vector<Record> parts, const Context& ctx) {
    const Record first = parts.front();
    if (first.body.size() < 8) ctx.fail(first, "SST shorter than its 8-byte header");
    const std::uint32_t unique = u32(first.body, 4);
    SegmentCursor cur(std::move(parts), ctx);
    cur.skip(8);
    std::vector<std::string> strings;
    // Never reserve from the declared count: it is untrusted. The data bounds the loop.
    while (strings.size() < unique && !cur.exhausted()) {
        const std::uint16_t count = cur.word();
        const std::uint8_t flags = cur.byte();
        const std::uint16_t runs = (flags & 0x8) != 0 ? cur.word() : 0;
        const std::uint32_t ext = (flags & 0x4) != 0 ? cur.dword() : 0;
        strings.push_back(cur.chars(count, (flags & 0x1) != 0));
        cur.skip(4ull * runs + ext);
    }
    return strings;
}

// XLUnicodeString inside one record body (LABEL, STRING): cch u16, flags, characters.
std::string read_short_unicode(const Record& r, std::size_t at, const Context& ctx) {
    if (at + 3 > r.body.size()) ctx.fail(r, "a string header");
    const std::size_t count = u16(r.body, at);
    const bool high = (static_cast<std::uint8_t>(r.body[at + 2]) & 0x1) != 0;
    const std::size_t bytes = count * (high ? 2 : 1);
    if (at + 3 + bytes > r.body.size()) {
        ctx.fail(r, fmt::format("a string of {} characters, but the record holds {} bytes", count,
                                r.body.size()));
    }
    SegmentCursor cur({Record{r.type, r.offset, r.body.substr(at + 3, bytes)}}, ctx);
    return cur.chars(count, high);
}

struct SheetEntry {
    std::string name;
    std::uint32_t offset = 0;
    std::uint8_t type = 0;  // 0 worksheet, 2 chart, 6 VB module
};

void check_bof(const Record& r, const Context& ctx, const std::string& path) {
    if (r.type != kBof) ctx.fail(r, "expected a BOF record here");
    if (r.body.size() < 4) ctx.fail(r, "BOF shorter than 4 bytes");
    const std::uint16_t version = u16(r.body, 0);
    if (version != kBiff8Version) {
        throw FormatError(
            fmt::format("{}: BIFF version 0x{:04X} (Excel 5/95 or older) is not "
                        "supported; only BIFF8 (Excel 97–2003, version 0x0600)",
                        path, version));
    }
}

void need(const Record& r, std::size_t bytes, const Context& ctx) {
    if (r.body.size() < bytes) {
        ctx.fail(r, fmt::format("at least {} bytes, found {}", bytes, r.body.size()));
    }
}

void parse_sheet(std::string_view stream, const SheetEntry& entry,
                 const std::vector<std::string>& sst, Sheet& out, const std::string& path) {
    Context ctx{path, entry.name};
    if (entry.offset >= stream.size()) {
        ctx.fail_at(entry.offset, kBoundSheet,
                    fmt::format("sheet offset {} lies beyond the stream ({} bytes)", entry.offset,
                                stream.size()));
    }
    RecordReader reader(stream, ctx);
    reader.seek(entry.offset);
    check_bof(reader.next(), ctx, path);
    std::unordered_map<std::uint32_t, std::uint32_t> pooled;  // SST index → sheet pool index
    int depth = 1;  // charts embedded in a sheet bring their own BOF … EOF
    bool pending_string = false;
    std::size_t pending_row = 0;
    std::size_t pending_col = 0;
    while (depth > 0) {
        if (reader.at_end()) {
            ctx.fail_at(stream.size(), 0, "the sheet ends without an EOF record (truncated file)");
        }
        const Record r = reader.next();
        if (r.type == kBof) {
            ++depth;
            continue;
        }
        if (r.type == kEof) {
            --depth;
            continue;
        }
        if (depth != 1) continue;
        switch (r.type) {
            case kNumber:
                need(r, 14, ctx);
                out.set_number(u16(r.body, 0), u16(r.body, 2), f64(r.body, 6));
                break;
            case kRk:
                need(r, 10, ctx);
                out.set_number(u16(r.body, 0), u16(r.body, 2), decode_rk(u32(r.body, 6)));
                break;
            case kMulRk: {
                need(r, 6, ctx);
                if ((r.body.size() - 6) % 6 != 0) {
                    ctx.fail(r, fmt::format("MULRK length 6 + 6·n, found {}", r.body.size()));
                }
                const std::size_t n = (r.body.size() - 6) / 6;
                const std::size_t row = u16(r.body, 0);
                const std::size_t first = u16(r.body, 2);
                const std::size_t last = u16(r.body, r.body.size() - 2);
                if (n == 0 || last != first + n - 1) {
                    ctx.fail(r, fmt::format("MULRK columns {}..{} for {} values", first, last, n));
                }
                for (std::size_t i = 0; i < n; ++i) {
                    out.set_number(row, first + i, decode_rk(u32(r.body, 4 + 6 * i + 2)));
                }
                break;
            }
            case kLabelSst: {
                need(r, 10, ctx);
                const std::uint32_t index = u32(r.body, 6);
                if (index >= sst.size()) {
                    ctx.fail(r, fmt::format("shared string index {} but the table has {} strings",
                                            index, sst.size()));
                }
                auto it = pooled.find(index);
                if (it == pooled.end())
                    it = pooled.emplace(index, out.add_string(sst[index])).first;
                out.set_text_index(u16(r.body, 0), u16(r.body, 2), it->second);
                break;
            }
            case kLabel:
                need(r, 9, ctx);
                out.set_text(u16(r.body, 0), u16(r.body, 2), read_short_unicode(r, 6, ctx));
                break;
            case kBoolErr:
                need(r, 8, ctx);
                if (r.body[7] == 0) out.set_number(u16(r.body, 0), u16(r.body, 2), r.body[6] != 0);
                break;
            case kFormula: {
                need(r, 20, ctx);
                const std::size_t row = u16(r.body, 0);
                const std::size_t col = u16(r.body, 2);
                // FormulaValue: a double unless its last two bytes are 0xFFFF (MS-XLS 2.5.133).
                if (u16(r.body, 12) != 0xFFFF) {
                    out.set_number(row, col, f64(r.body, 6));
                } else if (r.body[6] == 0) {
                    pending_string = true;  // the cached text follows in a STRING record
                    pending_row = row;
                    pending_col = col;
                } else if (r.body[6] == 1) {
                    out.set_number(row, col, r.body[8] != 0);
                }
                break;
            }
            case kString:
                if (pending_string) {
                    out.set_text(pending_row, pending_col, read_short_unicode(r, 0, ctx));
                    pending_string = false;
                }
                break;
            default:
                break;
        }
    }
}

}  // namespace

Workbook parse_biff8(std::string_view stream, const std::string& path) {
    Context ctx{path};
    RecordReader reader(stream, ctx);
    if (stream.size() < 8) {
        ctx.fail_at(0, 0,
                    fmt::format("a BIFF8 stream of at least 8 bytes, found {}", stream.size()));
    }
    const Record bof = reader.next();
    check_bof(bof, ctx, path);
    if (u16(bof.body, 2) != kBofGlobals)
        ctx.fail(bof, "the first BOF is not a workbook globals BOF");

    std::vector<SheetEntry> entries;
    std::vector<std::string> sst;
    for (;;) {
        if (reader.at_end()) {
            ctx.fail_at(stream.size(), 0, "the workbook globals end without an EOF record");
        }
        const Record r = reader.next();
        if (r.type == kEof) break;
        if (r.type == kFilePass) {
            throw FormatError(
                fmt::format("{}: the workbook is encrypted (FILEPASS record); "
                            "save it unprotected",
                            path));
        }
        if (r.type == kBoundSheet) {
            need(r, 8, ctx);
            SheetEntry e;
            e.offset = u32(r.body, 0);
            e.type = static_cast<std::uint8_t>(r.body[5]);
            const std::size_t count = static_cast<std::uint8_t>(r.body[6]);
            const bool high = (static_cast<std::uint8_t>(r.body[7]) & 0x1) != 0;
            if (8 + count * (high ? 2 : 1) > r.body.size()) {
                ctx.fail(r, fmt::format("a sheet name of {} characters, but the record holds {} "
                                        "bytes",
                                        count, r.body.size()));
            }
            SegmentCursor cur({Record{r.type, r.offset, r.body.substr(8)}}, ctx);
            e.name = cur.chars(count, high);
            entries.push_back(std::move(e));
        } else if (r.type == kSst) {
            std::vector<Record> parts{r};
            while (reader.peek_type() == kContinue) parts.push_back(reader.next());
            sst = read_sst(std::move(parts), ctx);
        }
    }

    Workbook book;
    for (const SheetEntry& e : entries) {
        if (e.type != 0) continue;  // charts and macro sheets hold no cells we use
        Sheet s;
        s.name = e.name;
        try {
            parse_sheet(stream, e, sst, s, path);
        } catch (const FormatError& error) {  // Sheet's own limits do not know the file
            if (std::string(error.what()).rfind(path, 0) == 0) throw;
            throw FormatError(fmt::format("{}: {}", path, error.what()));
        }
        book.sheets.push_back(std::move(s));
    }
    return book;
}

}  // namespace vitrum::sheet
