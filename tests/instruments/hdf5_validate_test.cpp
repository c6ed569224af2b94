// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// HDF5 pre-validation (instruments/hdf5_validate.cpp) through the hdf5-common reader: targeted
// damage to N1_1.hdf5 must be refused with the file name and the byte offset, before libhdf5
// reads it. Offsets of N1_1.hdf5 (version-0 superblock, 8-byte offsets and lengths), from the
// HDF5 File Format Specification 2.0: end-of-file address at byte 40; root group local heap
// "HEAP" at 0x2a8 (data segment size at +8, address at +24); root B-tree "TREE" at 0x88 with its
// first child (a symbol node) at 0xa8 → 0x1800; "SNOD" symbol count at +6, first entry at +8.
#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <sstream>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

namespace {

std::string original() {
    return vitrum::text::read_file_bytes(
        vitrum::test::testdata("indentation/micromechanics/N1_1.hdf5"));
}

void put_le(std::string& bytes, std::size_t at, std::uint64_t value, int width) {
    REQUIRE(at + static_cast<std::size_t>(width) <= bytes.size());
    for (int k = 0; k < width; ++k) bytes[at + k] = static_cast<char>((value >> (8 * k)) & 0xFF);
}

std::uint64_t get_le(const std::string& bytes, std::size_t at, int width) {
    std::uint64_t value = 0;
    for (int k = 0; k < width; ++k)
        value |= std::uint64_t{static_cast<unsigned char>(bytes[at + k])} << (8 * k);
    return value;
}

// A damaged test fails alone (issue 18): the reader keeps the intact tests and names the
// damaged one in a warning. The checks below assert that message, thrown here as the
// FormatError the reader raises when no test is left.
void read_h5(const std::string& bytes) {
    const vitrum::Reader* reader = vitrum::builtin_readers().find("hdf5-common");
    REQUIRE(reader != nullptr);
    std::istringstream in(bytes);
    const vitrum::Dataset data = reader->read(in, "damaged.hdf5");
    const std::string marker = "not read (damaged): ";
    for (const std::string& w : data.warnings) {
        const auto at = w.find(marker);
        if (at != std::string::npos) throw vitrum::FormatError(w.substr(at + marker.size()));
    }
}

constexpr std::size_t kEndOfFile = 40, kRootHeap = 0x2a8, kRootTree = 0x88, kSymbolNode = 0x1800;

}  // namespace

TEST_CASE("the undamaged N1_1.hdf5 matches the offsets these tests damage") {
    const std::string bytes = original();
    CHECK(get_le(bytes, kEndOfFile, 8) == bytes.size());
    CHECK(bytes.compare(kRootHeap, 4, "HEAP") == 0);
    CHECK(bytes.compare(kRootTree, 4, "TREE") == 0);
    CHECK(get_le(bytes, kRootTree + 0x20, 8) == kSymbolNode);
    CHECK(bytes.compare(kSymbolNode, 4, "SNOD") == 0);
    CHECK(get_le(bytes, kSymbolNode + 6, 2) == 4);
    CHECK_NOTHROW(read_h5(bytes));
}

TEST_CASE("an HDF5 end-of-file address beyond the real size is refused as truncated") {
    std::string bytes = original();
    put_le(bytes, kEndOfFile, bytes.size() + 1, 8);
    CHECK_THROWS_WITH_AS(
        read_h5(bytes), doctest::Contains("damaged.hdf5: damaged HDF5 file: superblock at byte 40"),
        vitrum::FormatError);
}

TEST_CASE("an HDF5 local heap whose data segment leaves the file is refused") {
    std::string bytes = original();
    put_le(bytes, kRootHeap + 8, bytes.size(), 8);  // data segment size
    CHECK_THROWS_WITH_AS(read_h5(bytes), doctest::Contains("data segment address"),
                         vitrum::FormatError);
}

TEST_CASE("an HDF5 symbol node with more entries than 2K is refused") {
    std::string bytes = original();
    put_le(bytes, kSymbolNode + 6, 9, 2);  // group leaf node K is 4
    CHECK_THROWS_WITH_AS(read_h5(bytes),
                         doctest::Contains("symbol node at byte 6150: 9 symbols, more than 2K = 8"),
                         vitrum::FormatError);
}

TEST_CASE("an HDF5 link name outside its heap or without a NUL is refused") {
    std::string bytes = original();
    put_le(bytes, kSymbolNode + 8, 0x10000, 8);
    CHECK_THROWS_WITH_AS(read_h5(bytes), doctest::Contains("outside the local heap"),
                         vitrum::FormatError);
    bytes = original();
    // The root heap holds 0x160 bytes; a name starting at its last byte, made non-NUL, runs out.
    const std::size_t data = get_le(bytes, kRootHeap + 24, 8);
    put_le(bytes, kSymbolNode + 8, 0x15f, 8);
    bytes[data + 0x15f] = 'x';
    CHECK_THROWS_WITH_AS(read_h5(bytes), doctest::Contains("not NUL-terminated"),
                         vitrum::FormatError);
}

TEST_CASE("an HDF5 group B-tree node of the wrong type or with more than 2K entries is refused") {
    // Group B-trees are type 0 with internal K = 16 in N1_1.hdf5 (default superblock values).
    std::string bytes = original();
    bytes[kRootTree + 4] = 1;
    CHECK_THROWS_WITH_AS(
        read_h5(bytes),
        doctest::Contains("group B-tree at byte 140: node type 1 (expected 0, group)"),
        vitrum::FormatError);
    bytes = original();
    put_le(bytes, kRootTree + 6, 33, 2);
    CHECK_THROWS_WITH_AS(
        read_h5(bytes),
        doctest::Contains("group B-tree at byte 142: 33 entries, more than 2K = 32"),
        vitrum::FormatError);
}

TEST_CASE("an HDF5 B-tree child pointing past the end of the file is refused") {
    std::string bytes = original();
    put_le(bytes, kRootTree + 0x20, bytes.size() - 4, 8);
    CHECK_THROWS_WITH_AS(read_h5(bytes), doctest::Contains("symbol node address"),
                         vitrum::FormatError);
}

TEST_CASE("HDF5 faults found by fuzzing tiny.hdf5 are refused with the dataset or byte offset") {
    // share/testdata/fuzz/hdf5-common: inputs that made libhdf5 1.10.8 over-read the heap
    // (attribute data of 1665754480-byte elements, H5O_attr_decode), fault in H5T__bit_copy (a
    // 0-bit integer layout), smash the stack in H5T__conv_i_f (a 4096-bit integer attribute
    // converted to double), over-read a chunk buffer (a chunk of 79 values in tiny-chunked.hdf5's
    // 24-value dataset, whose filter name also overran its message), read a group B-tree node
    // as a chunk node (heap over-read), divide by a chunk dimension of
    // 0 (SIGFPE), allocate 808 MB for a driver information block, copy from NULL (a compact layout
    // of 0 bytes, a shared message without a shared-message table) or allocate 4 GiB
    // (4294967287-byte numbers) — each message names what vitrum found before libhdf5 acted on it.
    struct Case {
        const char* file;
        const char* message;
    };
    const Case cases[] = {
        {"crash-6b8dd6cbd2192445abab499c4eb3f6df1bf9bc7e",
         "damaged HDF5 file: datatype at byte 824: opaque tag (99 bytes) overrun the message"},
        {"crash-acea9b639a4516dce3bb3d5304ad1b4dc2dd1646",
         "dataset 'test_10/data/segment' has a damaged number layout (0 bits of precision at bit "
         "offset 0 in 4 bytes)"},
        {"crash-c00b53e9e91a1ab6ca7800cd374db8b9dcebeaab",
         "damaged HDF5 file: datatype at byte 424: bit offset and precision (4 bytes) overrun the "
         "message"},
        {"crash-199f7635374b95e4e1659ed9666aa407df65cf64",
         "damaged HDF5 file: chunk B-tree at byte 1184: node type 0 (expected 1, chunk)"},
        {"crash-5873480e4f38ce4244c4e70a06784ad722e4612e",
         "damaged HDF5 file: layout message at byte 5240: chunked layout with 0 dimension fields "
         "in a 24-byte message"},
        {"oom-11e1c0777ec383b7b59826fc6813a132750d8f6f",
         "damaged HDF5 file: superblock at byte 48: driver information block at byte 255 (a "
         "family, multi or split file; vitrum reads single-file HDF5 only)"},
        {"crash-d74333eece3b7e844774227fe8fdd19ab6c3dd74",
         "damaged HDF5 file: chunk B-tree at byte 1756: chunk offset 8 is not a multiple of the "
         "chunk dimension 79"},
        {"crash-f9bb03a8a9aad45db7e99634802e07ee4208d839",
         "dataset 'test_10/data/displacement_into_surface' claims 24 values of 8 bytes but its "
         "compact storage holds 0 bytes"},
        {"crash-be064403374d5c5c5c421ee97808ad13a74c3ea0",
         "damaged HDF5 file: chunk B-tree at byte 5000: chunk at offset 8 listed after the one at "
         "8 (out of order or twice)"},
        {"crash-6599f49a6c695ad83a7549ef4903d30119dd4af4",
         "damaged HDF5 file: shared message at byte 5584: too short"},
        {"oom-961cedccd287acda435680ea788af6cc26981696",
         "dataset 'test_2/data/displacement_into_surface' has 4294967287-byte numbers (damaged "
         "datatype; at most 16 bytes)"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.file);
        const std::string bytes = vitrum::text::read_file_bytes(
            vitrum::test::testdata(std::string("fuzz/hdf5-common/") + c.file));
        CHECK_THROWS_WITH_AS(read_h5(bytes), (std::string("damaged.hdf5: ") + c.message).c_str(),
                             vitrum::FormatError);
    }
}

TEST_CASE("a chunk B-tree claiming more stored bytes than the file holds is refused") {
    // share/testdata/fuzz-seeds/tiny-chunked.hdf5: the chunk B-tree ("TREE", node type 1, File
    // Format Specification III.A.1) of test_10/data/displacement_into_surface at byte 1692
    // indexes 3 chunks; key k starts at +24 + 32k with the chunk's stored size (4 bytes), its
    // address follows the key at +48 + 32k. A size of 2 GiB would have libhdf5 allocate a 2 GiB
    // chunk buffer for a 7 KiB file; sizes that each reach the end of the file overlap and add
    // up to more than the file.
    const std::string original_bytes =
        vitrum::text::read_file_bytes(vitrum::test::testdata("fuzz-seeds/tiny-chunked.hdf5"));
    constexpr std::size_t kChunkTree = 1692;
    REQUIRE(original_bytes.compare(kChunkTree, 4, "TREE") == 0);
    REQUIRE(original_bytes[kChunkTree + 4] == 1);               // raw-data chunks
    REQUIRE(get_le(original_bytes, kChunkTree + 6, 2) == 3);    // entries used
    REQUIRE(get_le(original_bytes, kChunkTree + 24, 4) == 24);  // the first chunk, deflated
    CHECK_NOTHROW(read_h5(original_bytes));
    {
        std::string bytes = original_bytes;
        put_le(bytes, kChunkTree + 24, 0x7FFFFFFF, 4);
        CHECK_THROWS_WITH_AS(
            read_h5(bytes),
            doctest::Contains("damaged HDF5 file: chunk B-tree at byte 1740: chunk address 2048 "
                              "(+2147483647 bytes) outside the file (7336 bytes)"),
            vitrum::FormatError);
    }
    {
        std::string bytes = original_bytes;
        for (std::size_t k = 0; k < 3; ++k) {
            const std::uint64_t at = get_le(bytes, kChunkTree + 48 + 32 * k, 8);
            put_le(bytes, kChunkTree + 24 + 32 * k, bytes.size() - at, 4);
        }
        CHECK_THROWS_WITH_AS(read_h5(bytes),
                             doctest::Contains("stored bytes in a 7336-byte file (damaged "
                                               "storage index)"),
                             vitrum::FormatError);
    }
}

TEST_CASE("HDF5 filters other than deflate, shuffle and Fletcher-32 are refused by number") {
    // tiny-chunked.hdf5: the filter pipeline message (File Format Specification IV.A.2.l,
    // version 1) of test_10/data/displacement_into_surface lists shuffle, then deflate at byte
    // 0x5BC (filter ID, 2 bytes; its name "deflate" follows at +8). N-bit (5) decodes its
    // parameters from the file; 32000 (LZF) is a plugin libhdf5 would look for on disk.
    const std::string original_bytes =
        vitrum::text::read_file_bytes(vitrum::test::testdata("fuzz-seeds/tiny-chunked.hdf5"));
    constexpr std::size_t kDeflateId = 0x5BC;
    REQUIRE(get_le(original_bytes, kDeflateId, 2) == 1);
    REQUIRE(original_bytes.compare(kDeflateId + 8, 8, std::string("deflate\0", 8)) == 0);
    for (const int id : {5, 6, 32000}) {
        CAPTURE(id);
        std::string bytes = original_bytes;
        put_le(bytes, kDeflateId, static_cast<std::uint64_t>(id), 2);
        CHECK_THROWS_WITH_AS(
            read_h5(bytes),
            doctest::Contains(
                fmt::format("dataset 'test_10/data/displacement_into_surface' is stored through "
                            "HDF5 filter {} ('deflate'); vitrum reads deflate (gzip), shuffle and "
                            "Fletcher-32 only",
                            id)
                    .c_str()),
            vitrum::FormatError);
    }
}

TEST_CASE("HDF5 chunks that unpack to the wrong size or lie outside the file are refused") {
    // tiny-chunked.hdf5, chunk B-tree of test_10/data/displacement_into_surface at byte 1692
    // (III.A.1): first key at +24 (stored size 24, filter mask, offsets), its chunk's address
    // at +48 → byte 2048, 24 bytes of shuffled + deflated data for 8 doubles (64 bytes).
    // libhdf5 1.10 copied 64 bytes out of a shorter unpacked chunk (heap over-read).
    const std::string original_bytes =
        vitrum::text::read_file_bytes(vitrum::test::testdata("fuzz-seeds/tiny-chunked.hdf5"));
    constexpr std::size_t kChunkTree = 1692, kChunk = 2048;
    REQUIRE(get_le(original_bytes, kChunkTree + 48, 8) == kChunk);
    REQUIRE(get_le(original_bytes, kChunkTree + 24, 4) == 24);
    const std::string name =
        "dataset 'test_10/data/displacement_into_surface': chunk at byte 2048 ";
    {
        // A complete deflate stream of 32 zero bytes (RFC 1950/1951, zlib level 6): half a
        // chunk, padded with zeros to the stored size.
        std::string bytes = original_bytes;
        const std::string half_chunk("\x78\x9c\x63\x60\xc0\x0f\x00\x00\x20\x00\x01", 11);
        bytes.replace(kChunk, half_chunk.size(), half_chunk);
        CHECK_THROWS_WITH_AS(
            read_h5(bytes),
            doctest::Contains((name + "unpacks to 32 bytes instead of 64 bytes").c_str()),
            vitrum::FormatError);
    }
    {
        std::string bytes = original_bytes;
        bytes.replace(kChunk, 4, "junk");  // not a zlib header
        CHECK_THROWS_WITH_AS(
            read_h5(bytes), doctest::Contains((name + "cannot be unpacked (damaged data)").c_str()),
            vitrum::FormatError);
    }
    {
        std::string bytes = original_bytes;
        put_le(bytes, kChunkTree + 48, bytes.size() - 10, 8);
        CHECK_THROWS_WITH_AS(read_h5(bytes),
                             doctest::Contains("chunk B-tree at byte 1740: chunk address 7326 (+24 "
                                               "bytes) outside the file (7336 bytes)"),
                             vitrum::FormatError);
    }
}

TEST_CASE("chunked layout messages with a zero dimension or of version 4 are refused") {
    // tiny-chunked.hdf5: the layout message (IV.A.2.i, version 3) of
    // test_10/data/displacement_into_surface at byte 0x5DC: version, class 2 (chunked),
    // dimensionality 2, the B-tree address (8 bytes), then the chunk of 8 values and the
    // element size of 8 bytes (4 bytes each, at 0x5E7 and 0x5EB).
    const std::string original_bytes =
        vitrum::text::read_file_bytes(vitrum::test::testdata("fuzz-seeds/tiny-chunked.hdf5"));
    constexpr std::size_t kLayout = 0x5DC;
    REQUIRE(get_le(original_bytes, kLayout, 3) == 0x020203);
    REQUIRE(get_le(original_bytes, kLayout + 11, 4) == 8);
    REQUIRE(get_le(original_bytes, kLayout + 15, 4) == 8);
    for (const std::size_t field : {kLayout + 11, kLayout + 15}) {
        std::string bytes = original_bytes;
        put_le(bytes, field, 0, 4);
        CHECK_THROWS_WITH_AS(
            read_h5(bytes),
            doctest::Contains(
                fmt::format("layout message at byte {}: chunk dimension of 0", field).c_str()),
            vitrum::FormatError);
    }
    {
        // A chunk of 79 values: the stored chunks at values 8 and 16 are off its grid.
        std::string bytes = original_bytes;
        put_le(bytes, kLayout + 11, 79, 4);
        CHECK_THROWS_WITH_AS(read_h5(bytes),
                             doctest::Contains("chunk B-tree at byte 1756: chunk offset 8 is not a "
                                               "multiple of the chunk dimension 79"),
                             vitrum::FormatError);
        // The same chunk with no chunk stored yet (B-tree address undefined) is larger than the
        // dataset's fixed extent (the fuzzing input also damaged a filter name; this is the
        // layout alone).
        put_le(bytes, kLayout + 3, ~std::uint64_t{0}, 8);
        CHECK_THROWS_WITH_AS(
            read_h5(bytes),
            doctest::Contains("dataset 'test_10/data/displacement_into_surface' has chunks of 79 "
                              "values for at most 24 values in a 7336-byte file (damaged layout)"),
            vitrum::FormatError);
    }
    std::string bytes = original_bytes;
    put_le(bytes, kLayout, 4, 1);
    CHECK_THROWS_WITH_AS(read_h5(bytes),
                         doctest::Contains("layout message at byte 1500: version 4 (expected 1 "
                                           "to 3)"),
                         vitrum::FormatError);
}

TEST_CASE("dataspace, fill value and filter pipeline messages must fit their message") {
    // tiny-chunked.hdf5, object header of test_10/data/displacement_into_surface: the filter
    // pipeline message (version 1, 0x38 bytes) at 0x59C lists 2 filters; the first (shuffle,
    // at 0x5A4) has a name length of 8 at +2. A name of 200 bytes or 40 filters cannot fit.
    // The dataspace message (version 1, 24 bytes: rank 1 at +1, flags 1 = maximum dimensions
    // follow) at 0x54C cannot hold rank 3; the fill value message (version 2, defined, 8 bytes)
    // at 0x58C cannot hold a 100-byte value (its size field at +4).
    const std::string original_bytes =
        vitrum::text::read_file_bytes(vitrum::test::testdata("fuzz-seeds/tiny-chunked.hdf5"));
    constexpr std::size_t kPipeline = 0x59C;
    REQUIRE(get_le(original_bytes, kPipeline, 2) == 0x0201);  // version 1, 2 filters
    REQUIRE(get_le(original_bytes, kPipeline + 8, 2) == 2);   // shuffle
    {
        std::string bytes = original_bytes;
        put_le(bytes, kPipeline + 10, 200, 2);
        CHECK_THROWS_WITH_AS(read_h5(bytes),
                             doctest::Contains("filter pipeline message at byte 1444: filter 2 "
                                               "with a 200-byte name and 1 values overruns the "
                                               "message"),
                             vitrum::FormatError);
    }
    {
        std::string bytes = original_bytes;
        put_le(bytes, kPipeline + 1, 40, 1);
        CHECK_THROWS_WITH_AS(
            read_h5(bytes),
            doctest::Contains("filter pipeline message at byte 1436: 40 filters (at most 32)"),
            vitrum::FormatError);
    }
    REQUIRE(get_le(original_bytes, 0x54C, 3) == 0x010101);
    REQUIRE(get_le(original_bytes, 0x58C, 4) == 0x01020302);
    {
        std::string bytes = original_bytes;
        put_le(bytes, 0x54C + 1, 3, 1);
        CHECK_THROWS_WITH_AS(
            read_h5(bytes),
            doctest::Contains("dataspace message at byte 1356: rank 3 does not fit a 24-byte "
                              "message"),
            vitrum::FormatError);
    }
    {
        std::string bytes = original_bytes;
        put_le(bytes, 0x58C + 4, 100, 4);
        CHECK_THROWS_WITH_AS(read_h5(bytes),
                             doctest::Contains("fill value message at byte 1424: a 100-byte "
                                               "value overruns the message"),
                             vitrum::FormatError);
    }
}

TEST_CASE("a chunk B-tree node with more entries than 2K is refused") {
    // tiny-chunked.hdf5 has a version-1 superblock with indexed-storage K = 2 (at byte 24), so
    // a chunk node holds at most 4 entries; the node at 1692 uses 3 (entries at +6).
    std::string bytes =
        vitrum::text::read_file_bytes(vitrum::test::testdata("fuzz-seeds/tiny-chunked.hdf5"));
    REQUIRE(get_le(bytes, 24, 2) == 2);
    REQUIRE(get_le(bytes, 1692 + 6, 2) == 3);
    put_le(bytes, 1692 + 6, 5, 2);
    CHECK_THROWS_WITH_AS(
        read_h5(bytes), doctest::Contains("chunk B-tree at byte 1698: 5 entries, more than 2K = 4"),
        vitrum::FormatError);
}
