// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <string>
#include <vitrum/core/error.hpp>
#include <vitrum/report/sha256.hpp>

#include "check.hpp"

using vitrum::report::sha256_hex;

// Test vectors: FIPS 180-2, Appendix B (SHA-256 examples B.1, B.2, B.3).
TEST_CASE("sha256 of \"abc\" matches FIPS 180-2 example B.1") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha256 of the two-block message matches FIPS 180-2 example B.2") {
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("sha256 of one million 'a' matches FIPS 180-2 example B.3, fed in odd pieces") {
    vitrum::report::Sha256 h;
    const std::string piece(997, 'a');
    std::size_t left = 1000000;
    while (left > 0) {
        const std::size_t n = std::min(left, piece.size());
        h.update(std::string_view(piece.data(), n));
        left -= n;
    }
    CHECK(h.hex_digest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 of the empty message is the well-known constant") {
    // NIST CSRC "SHA256 short message" vector for Len = 0.
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("sha256_file of a missing file is an IoError naming it") {
    CHECK_THROWS_WITH_AS(vitrum::report::sha256_file("/nonexistent/vitrum.txt"),
                         doctest::Contains("/nonexistent/vitrum.txt"), vitrum::IoError);
}
