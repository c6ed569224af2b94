// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace vitrum::report {

/// Incremental SHA-256 (FIPS 180-4), for the checksums of input files in report provenance;
/// computed by libmd (Debian's libmd-dev).
class Sha256 {
public:
    Sha256();
    /// Adds bytes to the message.
    void update(std::string_view bytes);
    /// Finishes and returns the digest as 64 lowercase hex digits; the object is spent after.
    std::string hex_digest();

    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

private:
    struct State;
    std::unique_ptr<State> state_;
};

/// SHA-256 of a byte string, as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

/// SHA-256 of a file's contents. @throws IoError naming the path.
std::string sha256_file(const std::string& path);

}  // namespace vitrum::report
