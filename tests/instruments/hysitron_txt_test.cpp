// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <sstream>
#include <string>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"
#include "reader_test_support.hpp"

namespace {

using vitrum::test::testdata;

const std::string kRobin = "indentation/micromechanics/RobinSteel0000LC.txt";
const std::string kTi990 = "indentation/merrypopins/grain10_6um_indent02_HL_QS_LC.txt";

vitrum::Dataset read_txt(const std::string& content) {
    return vitrum::test::read_as("hysitron-txt", content, "bad.txt");
}

// A small valid export in the file's own encoding (µ as byte 0xB5).
const std::string kSmall =
    "Mon Apr 29 10:41:06 2019\n\nNumber of Points = 3\n"
    "Depth (nm)\tLoad (\xB5N)\tTime (s)\n"
    "1.0\t2.0\t0.0\n\n2.0\t4.0\t0.1\n3.0\t6.0\t0.2\n";

}  // namespace

TEST_CASE("hysitron-txt reads RobinSteel0000LC.txt: 5304 points in SI") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kRobin));
    CHECK(data.source.format_id == "hysitron-txt");
    CHECK(data.source.date == "Mon Apr 29 10:41:06 2019");
    REQUIRE(data.curves.size() == 1);
    const vitrum::Series& s = data.curves.front().data;
    REQUIRE(s.rows() == 5304);
    // First data row (file line 5) and last row (line 5312), as printed; nm → m, µN → N.
    CHECK_REL(s.values(vitrum::channel::depth).front(), 0.814723e-9, 1e-12);
    CHECK_REL(s.values(vitrum::channel::load).front(), 1.836146e-6, 1e-12);
    CHECK_ABS(s.values(vitrum::channel::time).front(), 0.0, 1e-15);
    CHECK_REL(s.values(vitrum::channel::depth).back(), 135.028188e-9, 1e-12);
    CHECK_REL(s.values(vitrum::channel::load).back(), 2.138711e-6, 1e-12);
    CHECK_REL(s.values(vitrum::channel::time).back(), 27.059622, 1e-12);
    CHECK(s.column(vitrum::channel::load).original_name == "Load (µN)");
    // The voltage channels keep their names, with the unit to avoid clashing with depth/load.
    CHECK(s.has("Depth_V"));
    CHECK_REL(s.values("Load_V").front(), 0.481918, 1e-12);
}

TEST_CASE("hysitron-txt marks the blank-line separated data blocks of RobinSteel0000LC.txt") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kRobin));
    const auto& segments = data.curves.front().data.segments;
    // Blank lines at file lines 206, 311, 2312, 3313 split the 5304 rows into 5 blocks.
    REQUIRE(segments.size() == 5);
    CHECK(segments[0].end == 201);
    CHECK(segments[1].end == 305);
    CHECK(segments[2].end == 2305);
    CHECK(segments[3].end == 3305);
    CHECK(segments[4].end == 5304);
    CHECK(segments[4].kind == vitrum::SegmentKind::unknown);
}

TEST_CASE("hysitron-txt reads the TI 990 export with bare CR line ends") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kTi990));
    CHECK(data.source.format_id == "hysitron-txt");
    REQUIRE(data.curves.size() == 1);
    const vitrum::Series& s = data.curves.front().data;
    REQUIRE(s.rows() == 16344);  // "Number of Points = 16344"
    CHECK(s.columns().size() == 3);
    CHECK_REL(s.values(vitrum::channel::depth).front(), 87.700788e-9, 1e-12);
    CHECK_REL(s.values(vitrum::channel::load).front(), 1952.885970e-6, 1e-12);
    CHECK_REL(s.values(vitrum::channel::depth).back(), 334.468866e-9, 1e-12);
    CHECK_REL(s.values(vitrum::channel::load).back(), 2066.779224e-6, 1e-12);
    CHECK_REL(s.values(vitrum::channel::time).back(), 84.114727, 1e-12);
    CHECK(s.segments.empty());
}

TEST_CASE("hysitron-txt accepts a blank line inside the data") {
    const vitrum::Dataset data = read_txt(kSmall);
    REQUIRE(data.curves.front().data.rows() == 3);
    CHECK_REL(data.curves.front().data.values(vitrum::channel::load).back(), 6e-6, 1e-12);
    CHECK(data.curves.front().data.segments.size() == 2);
}

TEST_CASE("hysitron-txt sniffs TriboScan exports and not other text") {
    const vitrum::Reader* reader = vitrum::builtin_readers().find("hysitron-txt");
    REQUIRE(reader != nullptr);
    CHECK(reader->sniff(kSmall, "a.txt"));
    const std::string ti990 = vitrum::text::read_file_bytes(testdata(kTi990)).substr(0, 65536);
    CHECK(reader->sniff(ti990, "a.txt"));
    CHECK_FALSE(reader->sniff("Number of Data Points = 63\n\nFile\thc(nm)\n", "a.txt"));
    CHECK_FALSE(reader->sniff("0.0\t1.0\t2.0\n0.0\t1.0\t2.0\n", "a.txt"));
}

TEST_CASE("hysitron-txt refuses a point count that does not match the rows") {
    std::string bad = kSmall;
    bad.replace(bad.find("= 3"), 3, "= 4");
    CHECK_THROWS_WITH_AS(read_txt(bad), doctest::Contains("bad.txt:3"), vitrum::ParseError);
    CHECK_THROWS_WITH_AS(read_txt(bad), doctest::Contains("4 data rows as announced"),
                         vitrum::ParseError);
}

TEST_CASE("hysitron-txt refuses a truncated row and a decimal comma with line and column") {
    std::string truncated = kSmall.substr(0, kSmall.size() - 5);  // last row cut to "3.0<TAB>6.0"
    CHECK_THROWS_WITH_AS(read_txt(truncated), doctest::Contains("bad.txt:8"), vitrum::ParseError);
    std::string comma = kSmall;
    comma.replace(comma.find("2.0\t4.0"), 7, "2.0\t4,0");
    CHECK_THROWS_WITH_AS(read_txt(comma), doctest::Contains("bad.txt:7:5"), vitrum::ParseError);
}

TEST_CASE("hysitron-txt refuses a header without the load channel") {
    std::string bad = kSmall;
    bad.replace(bad.find("Load (\xB5N)"), 9, "Force (V)");
    CHECK_THROWS_WITH_AS(read_txt(bad), doctest::Contains("bad.txt:4"), vitrum::ParseError);
}

TEST_CASE("hysitron-txt refuses binary content") {
    CHECK_THROWS_AS(read_txt(std::string("Mon\n\nNumber of Points = 1\n\0\x01", 28)),
                    vitrum::FormatError);
}
