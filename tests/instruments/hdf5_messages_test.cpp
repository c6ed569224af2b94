// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Dataspace, fill value and filter pipeline messages (HDF5 File Format Specification 2.0,
// IV.A.2.b, IV.A.2.e/f, IV.A.2.l) built byte by byte: well-formed ones pass, and every length
// that would make libhdf5 1.10 read past its message is refused with the message's name and
// byte offset.
#include "../../instruments/hdf5_messages.hpp"

#include <cstdint>
#include <string>
#include <vitrum/core/error.hpp>

#include "check.hpp"
#include "reader_test_support.hpp"

namespace {

using vitrum::indentation_io::Hdf5Bytes;

const std::string kPath = "t.h5";

std::string le(std::uint64_t value, int width) { return vitrum::test::little_endian(value, width); }

std::string bytes(std::initializer_list<int> values) {
    std::string out;
    for (const int v : values) out += static_cast<char>(v);
    return out;
}

void dataspace(const std::string& message) {
    vitrum::indentation_io::check_hdf5_dataspace(Hdf5Bytes(message, kPath), 0, message.size(), 8);
}

void fill_value(std::uint64_t type, const std::string& message) {
    vitrum::indentation_io::check_hdf5_fill_value(Hdf5Bytes(message, kPath), type, 0,
                                                  message.size());
}

void filters(const std::string& message) {
    vitrum::indentation_io::check_hdf5_filter_pipeline(Hdf5Bytes(message, kPath), 0,
                                                       message.size());
}

std::string refusal(const char* structure, const std::string& rest) {
    return "t.h5: damaged HDF5 file: " + std::string(structure) + " at byte " + rest;
}

// Dataspace version 1: version, rank, flags, 5 reserved bytes; version 2: version, rank,
// flags, type. Dimensions of 8 bytes (the superblock's length size) follow.
std::string space_v1(int rank, int flags) { return bytes({1, rank, flags, 0, 0, 0, 0, 0}); }
std::string space_v2(int rank, int flags) { return bytes({2, rank, flags, 1}); }

}  // namespace

TEST_CASE("HDF5 dataspace messages must hold their rank's dimensions") {
    CHECK_NOTHROW(dataspace(space_v1(2, 0) + le(3, 8) + le(4, 8)));
    CHECK_NOTHROW(dataspace(space_v2(1, 1) + le(3, 8) + le(3, 8)));  // + maximum dimensions
    CHECK_NOTHROW(dataspace(space_v2(0, 0)));                        // a scalar
    CHECK_THROWS_WITH_AS(
        dataspace(space_v1(2, 0) + le(3, 8) + le(4, 7)),
        refusal("dataspace message", "0: rank 2 does not fit a 23-byte message").c_str(),
        vitrum::FormatError);
    // Flag 1 adds a list of maximum dimensions the message does not have.
    CHECK_THROWS_WITH_AS(
        dataspace(space_v2(1, 1) + le(3, 8)),
        refusal("dataspace message", "0: rank 1 does not fit a 12-byte message").c_str(),
        vitrum::FormatError);
    CHECK_THROWS_WITH_AS(
        dataspace(space_v2(33, 0) + std::string(33 * 8, '\0')),
        refusal("dataspace message", "0: rank 33 does not fit a 268-byte message").c_str(),
        vitrum::FormatError);
    CHECK_THROWS_WITH_AS(dataspace(bytes({3, 0, 0, 0})),
                         refusal("dataspace message", "0: version 3 (expected 1 or 2)").c_str(),
                         vitrum::FormatError);
}

TEST_CASE("HDF5 fill values must fit their message") {
    // Old message (type 0x0004): 4-byte size, then the value.
    CHECK_NOTHROW(fill_value(0x0004, le(8, 4) + le(0, 8)));
    CHECK_THROWS_WITH_AS(
        fill_value(0x0004, le(8, 4) + le(0, 7)),
        refusal("fill value message", "0: a 8-byte value overruns the message").c_str(),
        vitrum::FormatError);
    // Version 2: allocation time, write time, defined flag, then size and value when defined.
    CHECK_NOTHROW(fill_value(0x0005, bytes({2, 1, 0, 1}) + le(4, 4) + le(0, 4)));
    CHECK_NOTHROW(fill_value(0x0005, bytes({2, 1, 0, 0})));  // undefined: no size follows
    CHECK_THROWS_WITH_AS(
        fill_value(0x0005, bytes({2, 1, 0, 1}) + le(4000, 4) + le(0, 4)),
        refusal("fill value message", "4: a 4000-byte value overruns the message").c_str(),
        vitrum::FormatError);
    // Version 3: flags, bit 5 set when a value is defined; size at byte 2.
    CHECK_NOTHROW(fill_value(0x0005, bytes({3, 0x20}) + le(2, 4) + le(0, 2)));
    CHECK_THROWS_WITH_AS(fill_value(0x0005, bytes({3, 0x20}) + le(2, 2)),
                         refusal("fill value message", "0: too short").c_str(),
                         vitrum::FormatError);
    CHECK_THROWS_WITH_AS(fill_value(0x0005, bytes({4, 0, 0, 0})),
                         refusal("fill value message", "0: unknown version 4").c_str(),
                         vitrum::FormatError);
}

TEST_CASE("HDF5 filter pipelines must hold each filter's name and values") {
    // Version 2: a predefined filter (id < 256) has no name: id, flags, value count, values.
    const std::string deflate = le(1, 2) + le(0, 2) + le(1, 2) + le(6, 4);
    CHECK_NOTHROW(filters(bytes({2, 1}) + deflate));
    CHECK_THROWS_WITH_AS(filters(bytes({2, 1}) + deflate.substr(0, 9)),
                         refusal("filter pipeline message",
                                 "2: filter 1 with a 0-byte name and 1 values overruns the message")
                             .c_str(),
                         vitrum::FormatError);
    // Version 1: 6 reserved bytes; every filter named, name padded to 8, values padded to 8.
    const std::string named = le(1, 2) + le(8, 2) + le(0, 2) + le(1, 2) +
                              std::string("deflate\0", 8) + le(6, 4) + le(0, 4);
    CHECK_NOTHROW(filters(bytes({1, 1, 0, 0, 0, 0, 0, 0}) + named));
    CHECK_THROWS_WITH_AS(filters(bytes({1, 1, 0, 0, 0, 0, 0, 0}) + named.substr(0, 20)),
                         refusal("filter pipeline message",
                                 "8: filter 1 with a 8-byte name and 1 values overruns the message")
                             .c_str(),
                         vitrum::FormatError);
    CHECK_THROWS_WITH_AS(filters(bytes({2, 33}) + std::string(33 * 10, '\0')),
                         refusal("filter pipeline message", "0: 33 filters (at most 32)").c_str(),
                         vitrum::FormatError);
    CHECK_THROWS_WITH_AS(
        filters(bytes({2, 2}) + deflate),
        refusal("filter pipeline message", "12: filters overrun the message").c_str(),
        vitrum::FormatError);
}
