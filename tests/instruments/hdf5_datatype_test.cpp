// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Datatype messages (HDF5 File Format Specification 2.0, IV.A.2.d) built byte by byte: the
// checker must step over each class exactly as the specification lays it out, and refuse every
// field that would make libhdf5 1.10 read past the message.
#include <cstdint>
#include <string>
#include <vitrum/core/error.hpp>

#include "../../instruments/hdf5_messages.hpp"
#include "check.hpp"
#include "reader_test_support.hpp"

namespace {

using vitrum::indentation_io::check_hdf5_datatype;
using vitrum::indentation_io::Hdf5Bytes;

const std::string kPath = "t.h5";

std::string le(std::uint64_t value, int width) { return vitrum::test::little_endian(value, width); }

// Class and version byte, 24 class bits, 4-byte size.
std::string header(unsigned kind, unsigned version, std::uint32_t bits, std::uint32_t size) {
    return std::string(1, static_cast<char>(version << 4 | kind)) + le(bits, 3) + le(size, 4);
}

// IEEE little-endian double: offset 0, precision 64, exponent at 52 (11 bits), mantissa at 0
// (52 bits), bias 1023; sign at bit 63 in the class bits.
std::string float64() {
    return header(1, 1, 0x20 | (63u << 8), 8) + le(0, 2) + le(64, 2) + std::string{52, 11, 0, 52} +
           le(1023, 4);
}

std::string uint8() { return header(0, 1, 0, 1) + le(0, 2) + le(8, 2); }

// Length of the datatype at the start of `bytes`, the message ending where `bytes` ends.
std::uint64_t length(const std::string& bytes) {
    return check_hdf5_datatype(Hdf5Bytes(bytes, kPath), 0, bytes.size());
}

void refused(const std::string& bytes, const std::string& message) {
    CHECK_THROWS_WITH_AS(length(bytes),
                         ("t.h5: damaged HDF5 file: datatype at byte " + message).c_str(),
                         vitrum::FormatError);
}

}  // namespace

TEST_CASE("HDF5 datatypes of every class are stepped over as the specification lays them out") {
    CHECK(length(uint8()) == 12);            // 8-byte header + offset and precision
    CHECK(length(float64()) == 20);          // + 12 bytes of floating-point fields
    CHECK(length(header(3, 1, 0, 5)) == 8);  // string: no properties
    CHECK(length(header(5, 1, 8, 4) + std::string("tag\0\0\0\0\0", 8)) == 16);  // opaque tag
    CHECK(length(header(9, 1, 1, 16) + uint8()) == 20);  // variable-length string of bytes
    // Compound, version 1: name padded to 8, 4-byte offset, 28 bytes of dimension fields, type.
    const std::string v1_member =
        std::string("x\0\0\0\0\0\0\0", 8) + le(0, 4) + std::string(28, '\0');
    CHECK(length(header(6, 1, 1, 8) + v1_member + float64()) == 8 + 8 + 4 + 28 + 20);
    // Version 3: unpadded name, offset in one byte (the compound is under 256 bytes).
    const std::string v3 = header(6, 3, 2, 9) + std::string("ab\0", 3) + le(0, 1) + float64() +
                           std::string("c\0", 2) + le(8, 1) + uint8();
    CHECK(length(v3) == v3.size());
    // Enumeration, version 3: base type, unpadded names, then one value per name.
    const std::string flags =
        header(8, 3, 2, 1) + uint8() + std::string("F\0T\0", 4) + le(0x0100, 2);
    CHECK(length(flags) == flags.size());
    // Array, version 3 (rank, dimensions, element type) and version 2 (3 reserved bytes and a
    // permutation index per dimension).
    CHECK(length(header(10, 3, 0, 24) + std::string(1, 1) + le(3, 4) + float64()) ==
          8 + 1 + 4 + 20);
    CHECK(length(header(10, 2, 0, 24) + std::string(4, '\0').replace(0, 1, 1, '\1') + le(3, 4) +
                 le(0, 4) + float64()) == 8 + 4 + 4 + 4 + 20);
    // A message may be longer than its datatype (padding): the rest is not the type's.
    const std::string padded = uint8() + std::string(4, '\0');
    CHECK(check_hdf5_datatype(Hdf5Bytes(padded, kPath), 0, 16) == 12);
}

TEST_CASE("HDF5 datatype fields that would make libhdf5 read past the message are refused") {
    refused(float64().substr(0, 14), "8: floating-point properties (12 bytes) overrun the message");
    refused(header(0, 0, 0, 4) + le(0, 4), "0: version 0 (expected 1 to 4)");
    refused(header(11, 1, 0, 4), "0: unknown datatype class 11");
    refused(header(5, 1, 64, 4) + "tag", "8: opaque tag (64 bytes) overrun the message");
    // A member name without its NUL: libhdf5 would run strlen past the message.
    refused(header(6, 3, 1, 8) + "abc", "8: compound member name has no NUL inside the message");
    refused(header(6, 3, 0, 8), "0: compound type without members");
    refused(header(6, 3, 1, 8) + std::string("x\0", 2) + le(4, 1) + float64(),
            "8: compound member 1 of 1 × 8 bytes at offset 4 lies outside the 8-byte compound");
    refused(header(8, 3, 1, 4) + float64() + std::string("F\0", 2) + le(0, 8),
            "8: enumeration over a type of class 1 (expected an integer)");
    refused(header(8, 3, 2, 1) + uint8() + std::string("F\0T\0", 4) + le(0, 1),
            "24: enumeration values (2 bytes) overrun the message");
    refused(header(10, 3, 0, 8) + std::string(1, 0) + float64(),
            "8: array of rank 0 (expected 1 to 32)");
    refused(header(10, 3, 0, 8) + std::string(1, 1) + le(0, 4) + float64(),
            "9: array dimension of 0");
    refused(header(10, 1, 0, 8) + std::string(1, 1) + le(1, 4) + float64(),
            "0: array type of version 1 (arrays start at version 2)");
    // Variable-length types nested 40 deep: the nesting limit, not the stack, ends the walk.
    std::string deep;
    for (int k = 0; k < 40; ++k) deep += header(9, 1, 0, 16);
    refused(deep + uint8(), "264: types nested more than 32 deep");
}
