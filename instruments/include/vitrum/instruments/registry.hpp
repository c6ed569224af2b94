// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <vitrum/instruments/reader.hpp>

namespace vitrum {

/// The set of readers, with format detection.
class ReaderRegistry {
public:
    /// Adds a reader; @throws InvalidArgument when its format_id is already registered.
    void add(std::unique_ptr<Reader> reader);

    const std::vector<std::unique_ptr<Reader>>& readers() const { return readers_; }

    /// Reader with this id, or nullptr.
    const Reader* find(std::string_view format_id) const;

    /// First reader (in registration order) whose sniff() accepts the head; nullptr when none.
    /// Specific formats are registered before generic ones so that they win.
    const Reader* detect(std::string_view head, std::string_view filename,
                         std::optional<Technique> technique = std::nullopt) const;

    /// Opens `path`, detects (or uses `format_id`) and reads it; fills source.path/format_id.
    /// @throws IoError, FormatError ("no reader recognises …", listing formats), or the reader's
    ///         ParseError.
    Dataset read_file(const std::string& path, const std::string& format_id = "",
                      std::optional<Technique> technique = std::nullopt) const;

    /// Largest file accepted by read_file [bytes].
    std::size_t max_file_bytes = std::size_t{1} << 30;

private:
    std::vector<std::unique_ptr<Reader>> readers_;
};

/// Registers every reader vitrum ships, most specific first.
void register_builtin_readers(ReaderRegistry& registry);

/// A registry with every built-in reader (built once, thread-safe to use).
const ReaderRegistry& builtin_readers();

// Per-family registration, each defined next to its readers.
void register_dsc_readers(ReaderRegistry& registry);  ///< instruments/dsc_readers.cpp
void register_spreadsheet_readers(
    ReaderRegistry& registry);  ///< instruments/spreadsheet_readers.cpp
void register_indentation_text_readers(
    ReaderRegistry& registry);                            ///< instruments/indentation_readers.cpp
void register_generic_readers(ReaderRegistry& registry);  ///< instruments/generic_readers.cpp

}  // namespace vitrum
