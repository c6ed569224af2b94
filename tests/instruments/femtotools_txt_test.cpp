// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <sstream>
#include <string>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

namespace {

// Synthetic file: no real FemtoTools export was available. Layout from the published reader
// description (indentation.md §2.1): `//` comments, 17 static columns, Phase 1 approach,
// 2 load, 4 unload; Displacement in µm, Force A in µN.
const std::string kSynthetic =
    "// FemtoTools FT-NMT03 (synthetic vitrum test file)\n"
    "// Date: 2024-05-02 10:00:00\n"
    "Index\tPhase\tDisplacement [µm]\tTime [s]\tPos X [µm]\tPos Y [µm]\tPos Z [µm]\tRot A [deg]\t"
    "Rot B [deg]\tPiezo X [µm]\tForce A [µN]\tForce B [µN]\tGripper [V]\tVoltage A [V]\t"
    "Voltage B [V]\tTemperature [°C]\tSample Displace [µm]\n"
    "0\t1\t-0.500\t0.00\t10\t20\t30\t0\t0\t1\t0.10\t0\t0\t1\t1\t23.0\t-0.500\n"
    "1\t1\t-0.100\t0.10\t10\t20\t30\t0\t0\t1\t0.20\t0\t0\t1\t1\t23.0\t-0.100\n"
    "2\t2\t0.000\t0.20\t10\t20\t30\t0\t0\t1\t1.00\t0\t0\t1\t1\t23.0\t0.000\n"
    "3\t2\t0.100\t0.30\t10\t20\t30\t0\t0\t1\t50.0\t0\t0\t1\t1\t23.0\t0.100\n"
    "4\t2\t0.200\t0.40\t10\t20\t30\t0\t0\t1\t120.0\t0\t0\t1\t1\t23.0\t0.200\n"
    "5\t4\t0.180\t0.50\t10\t20\t30\t0\t0\t1\t60.0\t0\t0\t1\t1\t23.0\t0.180\n"
    "6\t4\t0.150\t0.60\t10\t20\t30\t0\t0\t1\t5.0\t0\t0\t1\t1\t23.0\t0.150\n";

vitrum::Dataset read_ft(const std::string& content) {
    const vitrum::Reader* reader = vitrum::builtin_readers().find("femtotools-txt");
    REQUIRE(reader != nullptr);
    std::istringstream in(content);
    return reader->read(in, "ft_indent.txt");
}

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("femtotools-txt maps Displacement [µm], Force A [µN] and Time [s] to SI channels") {
    const vitrum::Dataset data = read_ft(kSynthetic);
    REQUIRE(data.curves.size() == 1);
    const vitrum::Series& s = data.curves.front().data;
    REQUIRE(s.rows() == 7);
    CHECK(s.columns().size() == 17);
    CHECK_REL(s.values(vitrum::channel::depth).front(), -0.5e-6, 1e-12);
    CHECK_REL(s.values(vitrum::channel::load)[4], 120e-6, 1e-12);
    CHECK_REL(s.values(vitrum::channel::time).back(), 0.6, 1e-12);
    CHECK_REL(s.values("Temperature").front(), 296.15, 1e-12);  // 23.0 °C
    CHECK(s.column(vitrum::channel::load).original_name == "Force A [µN]");
    CHECK(data.source.metadata.at("Date") == "2024-05-02 10:00:00");
}

TEST_CASE("femtotools-txt marks approach, loading and unloading from the Phase column") {
    const vitrum::Dataset data = read_ft(kSynthetic);
    const auto& segments = data.curves.front().data.segments;
    REQUIRE(segments.size() == 3);
    CHECK(segments[0].kind == vitrum::SegmentKind::approach);
    CHECK(segments[0].end == 2);
    CHECK(segments[1].kind == vitrum::SegmentKind::loading);
    CHECK(segments[1].end == 5);
    CHECK(segments[2].kind == vitrum::SegmentKind::unloading);
    CHECK(segments[2].label == "Phase 4");
}

TEST_CASE("femtotools-txt sniffs its header after comment lines only") {
    const vitrum::Reader* reader = vitrum::builtin_readers().find("femtotools-txt");
    REQUIRE(reader != nullptr);
    CHECK(reader->sniff(kSynthetic, "x.txt"));
    CHECK_FALSE(reader->sniff("Index\tTime\tForce A\n", "x.txt"));
    CHECK_FALSE(reader->sniff("0.0\t1.0\t2.0\n", "x.txt"));
}

TEST_CASE("femtotools-txt refuses a missing force channel, short rows and decimal commas") {
    CHECK_THROWS_WITH_AS(read_ft(replace_once(kSynthetic, "Force A [µN]", "Force C [µN]")),
                         doctest::Contains("ft_indent.txt:3"), vitrum::ParseError);
    CHECK_THROWS_WITH_AS(read_ft(replace_once(kSynthetic, "\t23.0\t0.150\n", "\n")),
                         doctest::Contains("ft_indent.txt:10"), vitrum::ParseError);
    CHECK_THROWS_WITH_AS(read_ft(replace_once(kSynthetic, "3\t2\t0.100", "3\t2\t0,100")),
                         doctest::Contains("ft_indent.txt:7:5"), vitrum::ParseError);
}

TEST_CASE("femtotools-txt refuses a file without data rows and binary input") {
    const std::string header_only = kSynthetic.substr(0, kSynthetic.find("0\t1\t-0.500"));
    CHECK_THROWS_WITH_AS(read_ft(header_only), doctest::Contains("data rows"), vitrum::ParseError);
    CHECK_THROWS_AS(read_ft(std::string("// x\n\0\0", 7)), vitrum::FormatError);
}
