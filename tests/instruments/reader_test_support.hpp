// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Helpers shared by the reader tests: read text with one named reader, mutate a real file.
#pragma once

#include <cstdint>
#include <sstream>
#include <string>
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

namespace vitrum::test {

/// Reads `content` with the built-in reader `format_id`, as if it came from the file `name`.
inline Dataset read_as(const std::string& format_id, const std::string& content,
                       const std::string& name) {
    const Reader* reader = builtin_readers().find(format_id);
    REQUIRE(reader != nullptr);
    std::istringstream in(content);
    return reader->read(in, name);
}

/// The bytes of share/testdata/`relative`.
inline std::string testdata_bytes(const std::string& relative) {
    return text::read_file_bytes(testdata(relative));
}

/// `value` as `width` little-endian bytes, the byte order of HDF5 and BIFF8 fields.
inline std::string little_endian(std::uint64_t value, int width) {
    std::string out;
    for (int k = 0; k < width; ++k) out += static_cast<char>((value >> (8 * k)) & 0xFF);
    return out;
}

/// `s` with the first `from` replaced by `to`; fails the test when `from` is absent.
inline std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace vitrum::test
