// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Damaged NETZSCH .ngb files: each must fail with a FormatError naming the stream and offset.
#include <fmt/format.h>
#include <zip.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/netzsch_ngb.hpp>

#include "check.hpp"

namespace {

const std::string kFile = "01_Messung_Probe_G_300_Grad_Ar.ngb-ds3";
const std::string kRecordHeader("\x18\xfc\xff\xff\x03\x80\x01", 7);

using Members = std::map<std::string, std::string>;

Members unzip(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    REQUIRE(source != nullptr);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    REQUIRE(archive != nullptr);
    Members members;
    for (zip_int64_t k = 0; k < zip_get_num_entries(archive, 0); ++k) {
        zip_stat_t stat;
        REQUIRE(zip_stat_index(archive, static_cast<zip_uint64_t>(k), 0, &stat) == 0);
        zip_file_t* member = zip_fopen_index(archive, static_cast<zip_uint64_t>(k), 0);
        REQUIRE(member != nullptr);
        std::string content(static_cast<std::size_t>(stat.size), '\0');
        REQUIRE(zip_fread(member, content.data(), content.size()) ==
                static_cast<zip_int64_t>(stat.size));
        zip_fclose(member);
        members[stat.name] = std::move(content);
    }
    zip_discard(archive);
    return members;
}

std::string rezip(const Members& members) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    REQUIRE(buffer != nullptr);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    REQUIRE(archive != nullptr);
    zip_source_keep(buffer);
    for (const auto& [name, content] : members) {
        zip_source_t* s = zip_source_buffer(archive, content.data(), content.size(), 0);
        REQUIRE(zip_file_add(archive, name.c_str(), s, ZIP_FL_OVERWRITE) >= 0);
    }
    REQUIRE(zip_close(archive) == 0);
    REQUIRE(zip_source_open(buffer) == 0);
    REQUIRE(zip_source_seek(buffer, 0, SEEK_END) == 0);
    const zip_int64_t size = zip_source_tell(buffer);
    REQUIRE(zip_source_seek(buffer, 0, SEEK_SET) == 0);
    std::string out(static_cast<std::size_t>(size), '\0');
    REQUIRE(zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size)) == size);
    zip_source_close(buffer);
    zip_source_free(buffer);
    return out;
}

Members original() {
    return unzip(vitrum::text::read_file_bytes(vitrum::test::testdata("dsc/netzsch-ngb/" + kFile)));
}

doctest::Contains contains(const std::string& text) { return doctest::Contains(text.c_str()); }

vitrum::Dataset read(const Members& members) {
    return vitrum::read_netzsch_ngb(rezip(members), kFile);
}

}  // namespace

TEST_CASE("netzsch-ngb reads a re-zipped copy of a real file") {
    CHECK(read(original()).curves.front().data.rows() == 5801);
}

TEST_CASE("netzsch-ngb refuses a truncated zip archive") {
    const std::string bytes =
        vitrum::text::read_file_bytes(vitrum::test::testdata("dsc/netzsch-ngb/" + kFile));
    CHECK_THROWS_WITH_AS(vitrum::read_netzsch_ngb(bytes.substr(0, bytes.size() / 2), kFile),
                         contains(kFile + ": not a readable NETZSCH .ngb container (zip "
                                          "archive truncated or damaged"),
                         vitrum::FormatError);
}

TEST_CASE("netzsch-ngb refuses a damaged record with its stream and offset") {
    Members m = original();
    std::string& s = m.at("Streams/stream_2.table");
    const std::size_t at = s.find(kRecordHeader);
    REQUIRE(at == 566);   // first record of section 2, which starts at 502 (directory entry)
    s[at + 10] = '\x07';  // inside the bytes between field id and type
    CHECK_THROWS_WITH_AS(read(m),
                         contains("stream_2.table: offset 566: damaged record (field "
                                  "0x1775)"),
                         vitrum::FormatError);
}

TEST_CASE("netzsch-ngb refuses an unknown record type with its stream and offset") {
    Members m = original();
    std::string& s = m.at("Streams/stream_3.table");
    const std::size_t at = s.find(kRecordHeader, 1426);  // section 3 starts at 1426
    s[at + 21] = '\x77';
    CHECK_THROWS_WITH_AS(
        read(m),
        contains("stream_3.table: offset " + std::to_string(at) + ": unknown record type 0x77"),
        vitrum::FormatError);
}

TEST_CASE("netzsch-ngb refuses a section or array longer than its stream") {
    SUBCASE("a directory entry declares more bytes than the stream holds") {
        Members m = original();
        std::string& s = m.at("Streams/stream_2.table");
        s[0x50 + 10] = '\x7f';  // size of section 2 (u32 at entry + 6) grows by 0x7f0000
        CHECK_THROWS_WITH_AS(read(m), contains("stream_2.table: offset 80: section 2 declares"),
                             vitrum::FormatError);
    }
    SUBCASE("the stream is cut short") {
        Members m = original();
        std::string& s = m.at("Streams/stream_1.table");
        s.resize(s.size() - 100);
        CHECK_THROWS_WITH_AS(read(m), contains("stream_1.table: offset 80: section 1"),
                             vitrum::FormatError);
    }
    SUBCASE("an array count runs past the section") {
        Members m = original();
        std::string& s = m.at("Streams/stream_2.table");
        // The first value array (time, 751 f64) of the sample run: count at record + 24.
        const std::size_t at = s.find(std::string("\x40\x0f\x00\x00\x01\x00", 6)) - 7;
        REQUIRE(s.compare(at, 7, kRecordHeader) == 0);
        s[at + 27] = '\x10';  // count 0x100002EF
        CHECK_THROWS_WITH_AS(read(m),
                             contains("stream_2.table: offset " + std::to_string(at) +
                                      ": field 0x0F40 declares 268436207 elements"),
                             vitrum::FormatError);
    }
    SUBCASE("an array's type byte is damaged") {
        Members m = original();
        std::string& s = m.at("Streams/stream_2.table");
        const std::size_t at = s.find(std::string("\x40\x0f\x00\x00\x01\x00", 6)) - 7;
        s[at + 21] = '\x03';  // the time array (751 f64) read as i32 ends 3004 bytes early
        CHECK_THROWS_WITH_AS(read(m),
                             contains("stream_2.table: offset " + std::to_string(at) +
                                      ": damaged record (field 0x0F40): no end marker at offset " +
                                      std::to_string(at + 28 + 751 * 4)),
                             vitrum::FormatError);
    }
    SUBCASE("a stream is missing") {
        Members m = original();
        m.erase("Streams/stream_2.table");
        CHECK_THROWS_WITH_AS(read(m), contains("has no member Streams/stream_2.table"),
                             vitrum::FormatError);
    }
}

TEST_CASE("netzsch-ngb refuses damaged streams only with vitrum errors") {
    // 50 single-byte changes at pseudo-random places of streams 1-3 (streams 4-6 are not read
    // and are left out to keep the archive small). Each read must either succeed or throw a
    // vitrum::Error; the record grammar, not luck, has to catch what matters.
    Members m = original();
    for (const char* unused :
         {"Streams/stream_4.table", "Streams/stream_5.table", "Streams/stream_6.table"}) {
        m.erase(unused);
    }
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    const auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    int refused = 0;
    for (int k = 0; k < 50; ++k) {
        Members damaged = m;
        std::string& s =
            damaged.at(fmt::format("Streams/stream_{}.table", 1 + static_cast<int>(next() % 3)));
        s[next() % s.size()] = static_cast<char>(next() & 0xFF);
        try {
            (void)read(damaged);
        } catch (const vitrum::Error&) {
            ++refused;
        }
    }
    // Most single bytes land inside float arrays and change a value without breaking structure.
    CHECK(refused < 50);
}
