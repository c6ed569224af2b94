// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>
#include <sha2.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vitrum/core/error.hpp>
#include <vitrum/report/sha256.hpp>

namespace vitrum::report {

struct Sha256::State {
    SHA2_CTX context;
};

Sha256::Sha256() : state_(std::make_unique<State>()) { SHA256Init(&state_->context); }

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) {
    SHA256Update(&state_->context, reinterpret_cast<const std::uint8_t*>(bytes.data()),
                 bytes.size());
}

std::string Sha256::hex_digest() {
    std::uint8_t digest[SHA256_DIGEST_LENGTH];
    SHA256Final(digest, &state_->context);
    std::string out;
    for (std::uint8_t b : digest) out += fmt::format("{:02x}", b);
    return out;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 h;
    h.update(bytes);
    return h.hex_digest();
}

std::string sha256_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError(
            fmt::format("cannot open '{}' for its checksum: {}", path, std::strerror(errno)));
    Sha256 h;
    char buffer[1 << 16];
    while (in) {
        in.read(buffer, sizeof buffer);
        h.update(std::string_view(buffer, static_cast<std::size_t>(in.gcount())));
    }
    if (in.bad()) throw IoError(fmt::format("cannot read '{}' for its checksum", path));
    return h.hex_digest();
}

}  // namespace vitrum::report
