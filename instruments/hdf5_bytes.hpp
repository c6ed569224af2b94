// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once
// Internal header of vitrum::instruments: bounds-checked little-endian reads of an HDF5 file held
// in memory, shared by the structure walk (hdf5_validate.cpp) and the message checks
// (hdf5_datatype.cpp, hdf5_messages.cpp) that run before libhdf5 sees the file.

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vitrum/core/error.hpp>

namespace vitrum::indentation_io {

/// The bytes of an HDF5 file and its path, read field by field; every read past the end throws.
class Hdf5Bytes {
public:
    Hdf5Bytes(std::string_view bytes, const std::string& path) : bytes_(bytes), path_(path) {}

    /// @throws FormatError "path: damaged HDF5 file: structure at byte N: problem"
    [[noreturn]] void fail(std::uint64_t at, const char* structure,
                           const std::string& problem) const {
        throw FormatError(
            fmt::format("{}: damaged HDF5 file: {} at byte {}: {}", path_, structure, at, problem));
    }

    /// The byte at offset `at`.
    unsigned byte(std::uint64_t at) const {
        if (at >= bytes_.size()) fail(at, "field", "past the end of the file");
        return static_cast<unsigned char>(bytes_[at]);
    }

    /// Unsigned integer of `width` bytes at `at`, little-endian as all HDF5 integers are.
    std::uint64_t uint_at(std::uint64_t at, unsigned width) const {
        if (at > bytes_.size() || width > bytes_.size() - at)
            fail(at, "field", fmt::format("{}-byte field past the end of the file", width));
        std::uint64_t value = 0;
        for (unsigned k = 0; k < width; ++k)
            value |= std::uint64_t{static_cast<unsigned char>(bytes_[at + k])} << (8 * k);
        return value;
    }

    /// The whole file.
    std::string_view bytes() const { return bytes_; }
    /// The file's path, as named in messages.
    const std::string& path() const { return path_; }

private:
    std::string_view bytes_;
    const std::string& path_;
};

}  // namespace vitrum::indentation_io
