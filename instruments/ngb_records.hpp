// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once
// Internal header of vitrum::instruments: the record layer of NETZSCH Proteus .ngb-* streams.
// A `Streams/stream_N.table` member is a small header, a directory of sections, and in each
// section a sequence of typed records (MFC-archive style). Records group into tables: a table
// opens with an object-reference record whose field id is the table's category and whose payload
// names the table kind (type_ref); the records after it, up to the next opening, are its fields.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitrum::ngb {

/// Data type byte of a record.
enum class DType : std::uint8_t {
    null = 0x00,
    u16 = 0x02,
    i32 = 0x03,
    f32 = 0x04,
    f64 = 0x05,
    bytes = 0x10,
    packed8 = 0x14,
    reference = 0x1a,
    string = 0x1f,
    hash16 = 0x48
};

/// One field record: its id, type and payload bytes (still in the stream buffer).
struct Field {
    std::uint16_t id = 0;
    DType dtype = DType::null;
    bool is_array = false;
    std::uint32_t count = 0;   ///< elements of an array (1 for a scalar)
    std::string_view payload;  ///< raw little-endian payload
    std::size_t offset = 0;    ///< byte offset of the record in its stream

    /// The scalar as a double for u16/i32/f32/f64, else nullopt.
    std::optional<double> number() const;
    /// The scalar i32, else nullopt.
    std::optional<std::int32_t> integer() const;
    /// A string payload decoded to UTF-8 (UTF-16LE or byte form); nullopt when not a string
    /// or not decodable.
    std::optional<std::string> text() const;
};

/// One table: its category, kind, and fields in stream order.
struct Table {
    std::uint16_t category = 0;
    std::uint16_t type_ref = 0;  ///< 0 when the opening record names no kind
    std::size_t offset = 0;      ///< byte offset of the opening record in its stream
    std::vector<Field> fields;

    /// The field with this id, or nullptr.
    const Field* find(std::uint16_t id) const;
};

/// Splits a whole `stream_N.table` member into tables, checking the header magic, the section
/// directory (entries contiguous, the last ending at the end of the stream, a main section with
/// id `stream_number`) and every record of the main section: known type byte, array extent inside
/// the section, end marker where the type says the record ends.
/// @param where "<file>: stream_N.table", used as the prefix of every message
/// @throws FormatError naming `where` and the byte offset of the first violation
std::vector<Table> parse_stream(std::string_view stream, int stream_number,
                                const std::string& where);

}  // namespace vitrum::ngb
