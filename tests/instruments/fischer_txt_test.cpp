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

using vitrum::test::replace_once;
using vitrum::test::testdata;

const std::string kFile = "indentation/micromechanics/FS1.txt";

vitrum::Dataset read_fischer(const std::string& content) {
    return vitrum::test::read_as("fischer-txt", content, "bad.txt");
}

std::string original_bytes() { return vitrum::test::testdata_bytes(kFile); }

}  // namespace

TEST_CASE("fischer-txt reads the ten indents of FS1.txt with 1200 F h t rows each") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kFile));
    CHECK(data.source.format_id == "fischer-txt");
    CHECK(data.source.metadata.at("F") == "ESP n 300.000mN/120s/37s");
    CHECK(data.source.metadata.at("R") == "10% 8 Cycles");
    REQUIRE(data.curves.size() == 10);
    for (const vitrum::Curve& curve : data.curves) CHECK(curve.data.rows() == 1200);
    const vitrum::Curve& first = data.curves.front();
    CHECK(first.name == "Block 1 Value 1");
    CHECK(first.text.at("date") == "26.05.2020  15:17:54");
    // First row "0,416459 0,031365 0,1" and last row "29,9928 0,89375 120" (mN, µm, s).
    CHECK_REL(first.data.values(vitrum::channel::load).front(), 0.416459e-3, 1e-12);
    CHECK_REL(first.data.values(vitrum::channel::depth).front(), 0.031365e-6, 1e-12);
    CHECK_REL(first.data.values(vitrum::channel::time).front(), 0.1, 1e-12);
    CHECK_REL(first.data.values(vitrum::channel::load).back(), 29.9928e-3, 1e-12);
    CHECK_REL(first.data.values(vitrum::channel::depth).back(), 0.89375e-6, 1e-12);
    CHECK_REL(first.data.values(vitrum::channel::time).back(), 120.0, 1e-12);
    const vitrum::Curve& last = data.curves.back();
    CHECK(last.name == "Block 1 Value 10");
    CHECK_REL(last.data.values(vitrum::channel::depth).back(), 0.980259e-6, 1e-12);
}

TEST_CASE("fischer-txt keeps the vendor ISO 14577 results per indent in SI") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kFile));
    REQUIRE(data.curves.size() == 10);
    // HIT [N/mm²] and hmax [µm] of the ten indents, as printed in FS1.txt (1 decimal / 3 decimals).
    const double hit[10] = {8553.6, 8289.9, 8035.5, 7923.9, 7797.1,
                            7532.8, 7643.7, 7631.8, 7632.0, 7437.7};
    const double hmax[10] = {1.535, 1.554, 1.573, 1.581, 1.595, 1.617, 1.610, 1.610, 1.611, 1.626};
    for (std::size_t k = 0; k < 10; ++k) {
        const auto& props = data.curves[k].properties;
        REQUIRE(props.count("vendor_HIT") == 1);
        REQUIRE(props.count("vendor_EIT_star") == 1);
        CHECK_REL(props.at("vendor_HIT").value, hit[k] * 1e6, 1e-12);
        CHECK(props.at("vendor_HIT").unit == "Pa");
        CHECK_REL(props.at("vendor_max_depth").value, hmax[k] * 1e-6, 1e-12);
    }
    const auto& first = data.curves.front().properties;
    CHECK_REL(first.at("vendor_EIT_star").value, 83.7e9, 1e-12);    // EIT/(1-vs^2) [GPa] 83.7
    CHECK_REL(first.at("vendor_hr").value, 1.053e-6, 1e-12);        // hr [µm] 1.053
    CHECK_REL(first.at("vendor_compliance").value, 1.9e-6, 1e-12);  // Compliance [µm/N] 1.9
    CHECK_REL(first.at("vendor_HUpl").value, 9337.4e6, 1e-12);      // HUpl [N/mm²] 9337.4
    CHECK_REL(first.at("vendor_HM").value, 3928.6e6, 1e-12);        // HM … = 3928.6
    CHECK_REL(first.at("vendor_We").value, 0.1e-6, 1e-12);          // We [µJ] 0.1
}

TEST_CASE("fischer-txt reads the power-law fit window and epsilon") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kFile));
    // "20.95%  -  95.33% Fmax     Epsilon = 0.750" for every indent.
    for (const vitrum::Curve& curve : data.curves) {
        CHECK_REL(curve.properties.at("vendor_fit_lower_fraction").value, 0.2095, 1e-12);
        CHECK_REL(curve.properties.at("vendor_fit_upper_fraction").value, 0.9533, 1e-12);
        CHECK_REL(curve.properties.at("epsilon").value, 0.75, 1e-12);
    }
    CHECK_REL(data.source.properties.at("epsilon").value, 0.75, 1e-12);
}

TEST_CASE("fischer-txt sniffs the .hap signature line only") {
    const vitrum::Reader* reader = vitrum::builtin_readers().find("fischer-txt");
    REQUIRE(reader != nullptr);
    CHECK(reader->sniff(original_bytes().substr(0, 65536), "FS1.txt"));
    CHECK_FALSE(reader->sniff("FS1.hap Name of the application\r\n", "FS1.txt"));
    CHECK_FALSE(reader->sniff("Filename\t2025_02_10_Indium_Std_DSC\n", "x.txt"));
}

TEST_CASE("fischer-txt refuses a decimal point in a data row with line and column") {
    const std::string bad =
        replace_once(original_bytes(), "0,438949\t0,0321689", "0,438949\t0.0321689");
    CHECK_THROWS_WITH_AS(read_fischer(bad), doctest::Contains("bad.txt:87:10"), vitrum::ParseError);
    CHECK_THROWS_WITH_AS(read_fischer(bad), doctest::Contains("decimal comma"), vitrum::ParseError);
}

TEST_CASE("fischer-txt refuses an indent without its F h t header") {
    const std::string bad = replace_once(original_bytes(), "F\th\tt", "F\th\tx");
    CHECK_THROWS_WITH_AS(read_fischer(bad), doctest::Contains("'F<TAB>h<TAB>t' data header"),
                         vitrum::ParseError);
}

TEST_CASE("fischer-txt refuses a truncated indent and a row with a missing channel") {
    const std::string full = original_bytes();
    const std::string cut = full.substr(0, full.find("F\th\tt") + 7);  // header, no rows
    CHECK_THROWS_WITH_AS(read_fischer(cut), doctest::Contains("F h t data rows"),
                         vitrum::ParseError);
    const std::string short_row =
        replace_once(full, "0,438949\t0,0321689\t0,2", "0,438949\t0,0321689");
    CHECK_THROWS_WITH_AS(read_fischer(short_row), doctest::Contains("bad.txt:87"),
                         vitrum::ParseError);
}

TEST_CASE("fischer-txt refuses binary content and a wrong first line") {
    CHECK_THROWS_AS(read_fischer(std::string("FS1.hap\tName of the application\r\n\0\x01", 35)),
                    vitrum::FormatError);
    CHECK_THROWS_WITH_AS(read_fischer("hello\r\n"), doctest::Contains("bad.txt:1"),
                         vitrum::ParseError);
}
