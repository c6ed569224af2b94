// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <sstream>
#include <string>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

namespace {

// Rows 1-3 and 20-24 of "1000nmXX 1 6958 -4555.txt" in multipleIndentations.zip (MIT,
// micromechanics examples), CRLF as in the file: time [s], depth [nm], load [mN].
const std::string kIndent =
    "0.000000\t-367.982536\t-0.010298\r\n"
    "0.000000\t-377.529733\t-0.009439\r\n"
    "0.000000\t-400.540302\t-0.008594\r\n"
    "0.000000\t1.307321\t0.005958\r\n"
    "0.000000\t2.835417\t0.010000\r\n"
    "0.126257\t2.900218\t0.010000\r\n"
    "2.042846\t5.129980\t0.017751\r\n"
    "2.158139\t5.995889\t0.018375\r\n";

vitrum::Dataset read_mm(const std::string& content, const std::string& name = "indent 1.txt") {
    const vitrum::Reader* reader = vitrum::builtin_readers().find("micromaterials-txt");
    REQUIRE(reader != nullptr);
    std::istringstream in(content);
    return reader->read(in, name);
}

}  // namespace

TEST_CASE("micromaterials-txt reads time, depth and load columns into SI") {
    const vitrum::Dataset data = read_mm(kIndent);
    REQUIRE(data.curves.size() == 1);
    const vitrum::Curve& curve = data.curves.front();
    CHECK(curve.name == "indent 1");
    REQUIRE(curve.data.rows() == 8);
    CHECK_REL(curve.data.values(vitrum::channel::depth).front(), -367.982536e-9, 1e-12);
    CHECK_REL(curve.data.values(vitrum::channel::load).front(), -0.010298e-3, 1e-12);
    CHECK_REL(curve.data.values(vitrum::channel::time).back(), 2.158139, 1e-12);
    CHECK_REL(curve.data.values(vitrum::channel::depth).back(), 5.995889e-9, 1e-12);
    CHECK_REL(curve.data.values(vitrum::channel::load).back(), 0.018375e-3, 1e-12);
    CHECK(curve.data.column(vitrum::channel::load).original_unit == "mN");
}

TEST_CASE("micromaterials-txt marks the leading time-zero rows as the approach") {
    const vitrum::Dataset data = read_mm(kIndent);
    const auto& segments = data.curves.front().data.segments;
    REQUIRE(segments.size() == 1);
    CHECK(segments[0].kind == vitrum::SegmentKind::approach);
    CHECK(segments[0].begin == 0);
    CHECK(segments[0].end == 5);
}

TEST_CASE("micromaterials-txt sniffs headerless three-column files starting at time 0 only") {
    const vitrum::Reader* reader = vitrum::builtin_readers().find("micromaterials-txt");
    REQUIRE(reader != nullptr);
    CHECK(reader->sniff(kIndent, "a.txt"));
    CHECK_FALSE(reader->sniff(kIndent, "a.csv"));
    CHECK_FALSE(
        reader->sniff("1.5\t2.0\t3.0\r\n1.6\t2.0\t3.0\r\n1.7\t2\t3\r\n1.8\t2\t3\r\n1.9\t2\t3\r\n",
                      "a.txt"));  // time does not start at 0
    CHECK_FALSE(reader->sniff("Time\tDepth\tLoad\r\n" + kIndent, "a.txt"));
    CHECK_FALSE(reader->sniff("0\t1\r\n0\t1\r\n0\t1\r\n0\t1\r\n0\t1\r\n", "a.txt"));
    CHECK_FALSE(reader->sniff("#EXPORTTYPE:DATA ALL\r\n#FORMAT:NETZSCH5\r\n", "a.txt"));
}

TEST_CASE("micromaterials-txt refuses a decimal comma with line and column") {
    std::string bad = kIndent;
    bad.replace(bad.find("2.042846\t5.129980"), 17, "2.042846\t5,129980");
    CHECK_THROWS_WITH_AS(read_mm(bad, "bad.txt"), doctest::Contains("bad.txt:7:10"),
                         vitrum::ParseError);
}

TEST_CASE("micromaterials-txt refuses a truncated row and a missing channel") {
    std::string truncated = kIndent.substr(0, kIndent.size() - 11);  // last row cut after depth
    CHECK_THROWS_WITH_AS(read_mm(truncated, "bad.txt"), doctest::Contains("bad.txt:8"),
                         vitrum::ParseError);
    CHECK_THROWS_WITH_AS(read_mm("0.0\t1.0\r\n0.1\t2.0\r\n", "bad.txt"),
                         doctest::Contains("3 tab-separated numbers"), vitrum::ParseError);
}

TEST_CASE("micromaterials-txt refuses empty and binary input") {
    CHECK_THROWS_AS(read_mm("\r\n\r\n"), vitrum::FormatError);
    CHECK_THROWS_AS(read_mm(std::string("0.0\t1.0\t2.0\r\n\0\0\0", 16)), vitrum::FormatError);
}
