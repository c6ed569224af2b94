// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vitrum/core/series.hpp>

namespace vitrum {

/// What a file measures.
enum class Technique { dsc, indentation };

/// One vendor export format. Readers only parse: bytes in, SI Dataset out; no analysis, no
/// printing. Implementations live in instruments/<vendor>_<format>.cpp.
class Reader {
public:
    virtual ~Reader() = default;

    /// Stable identifier used on the command line and in provenance ("netzsch-ascii").
    virtual std::string_view format_id() const = 0;
    /// One line for `vitrum formats`: vendor, software, file kind.
    virtual std::string_view description() const = 0;
    virtual Technique technique() const = 0;
    /// Typical file name endings, for `vitrum formats` (".txt", ".xls").
    virtual std::string_view extensions() const = 0;

    /// Cheap check on the first bytes (up to 64 KiB) and the file name; never throws.
    virtual bool sniff(std::string_view head, std::string_view filename) const noexcept = 0;

    /// Parses the whole stream. `path` is used in messages and provenance.
    /// @throws ParseError (with position), FormatError, UnitError — never returns partial data
    ///         silently.
    virtual Dataset read(std::istream& in, const std::string& path) const = 0;

    /// Parses a whole file already in memory (what ReaderRegistry::read_file does). The default
    /// wraps `bytes` in a stream without copying them and calls read(); readers of binary
    /// containers override it to parse in place.
    /// @throws as read()
    virtual Dataset read_bytes(std::string_view bytes, const std::string& path) const;
};

/// Reads a stream to its end, refusing more than `max_bytes`.
/// @throws IoError naming `path` when the limit is passed.
std::string read_stream(std::istream& in, const std::string& path, std::size_t max_bytes);

/// The rest of a stream, consumed: a view of the bytes themselves when the stream reads from
/// memory (the streams Reader::read_bytes and ReaderRegistry::read_file hand to read()), else
/// read_stream() into `storage` and a view of that. Valid while the stream's buffer and
/// `storage` live.
/// @throws IoError naming `path` when more than `max_bytes` remain.
std::string_view stream_bytes(std::istream& in, const std::string& path, std::size_t max_bytes,
                              std::string& storage);

}  // namespace vitrum
