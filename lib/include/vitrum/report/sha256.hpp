// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace vitrum::report {

/// Incremental SHA-256 (FIPS 180-4), for the checksums of input files in report provenance.
class Sha256 {
public:
    Sha256();
    /// Adds bytes to the message.
    void update(std::string_view bytes);
    /// Finishes and returns the digest as 64 lowercase hex digits; the object is spent after.
    std::string hex_digest();

private:
    void block(const unsigned char* p);
    std::array<std::uint32_t, 8> h_;
    std::array<unsigned char, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_bytes_ = 0;
};

/// SHA-256 of a byte string, as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

/// SHA-256 of a file's contents. @throws IoError naming the path.
std::string sha256_file(const std::string& path);

}  // namespace vitrum::report
