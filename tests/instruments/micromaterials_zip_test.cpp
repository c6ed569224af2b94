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

using vitrum::test::testdata;

const std::string kZip = "indentation/micromechanics/multipleIndentations.zip";

vitrum::Dataset read_zip(const std::string& bytes) {
    const vitrum::Reader* reader = vitrum::builtin_readers().find("micromaterials-zip");
    REQUIRE(reader != nullptr);
    std::istringstream in(bytes);
    return reader->read(in, "bad.zip");
}

}  // namespace

TEST_CASE("micromaterials-zip reads the 39 indents of multipleIndentations.zip") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kZip));
    CHECK(data.source.format_id == "micromaterials-zip");
    REQUIRE(data.curves.size() == 39);
    // Archive order; names are the member names without ".txt" (unzip -l).
    const vitrum::Curve& first = data.curves.front();
    CHECK(first.name == "1000nmXX 1 6958 -4555");
    REQUIRE(first.data.rows() == 886);  // lines in the member
    CHECK_REL(first.data.values(vitrum::channel::depth).front(), -367.982536e-9, 1e-12);
    CHECK_REL(first.data.values(vitrum::channel::load).front(), -0.010298e-3, 1e-12);
    CHECK_REL(first.data.values(vitrum::channel::time).back(), 161.948327, 1e-12);
    CHECK_REL(first.data.values(vitrum::channel::depth).back(), 403.906387e-9, 1e-12);
    CHECK_ABS(first.data.values(vitrum::channel::load).back(), 0.0, 1e-15);
    REQUIRE(first.data.segments.size() == 1);
    CHECK(first.data.segments[0].end == 21);  // 21 leading rows with time 0
    const vitrum::Curve& last = data.curves.back();
    CHECK(last.name == "750nmXX 5 7000 -4528");
    CHECK(last.data.rows() == 853);
    CHECK_REL(last.data.values(vitrum::channel::depth).back(), 280.450819e-9, 1e-12);
}

TEST_CASE("micromaterials-zip sniffs zips of .txt members only") {
    const vitrum::Reader* reader = vitrum::builtin_readers().find("micromaterials-zip");
    REQUIRE(reader != nullptr);
    const std::string head = vitrum::text::read_file_bytes(testdata(kZip)).substr(0, 65536);
    CHECK(reader->sniff(head, "multipleIndentations.zip"));
    CHECK_FALSE(reader->sniff(head, "multipleIndentations.txt"));
    // chem-spectra-app's DSC zip starts with data/table_01.jdx.
    const std::string dsc = vitrum::text::read_file_bytes(testdata("dsc/chem-spectra-app/dsc.zip"));
    CHECK_FALSE(reader->sniff(dsc.substr(0, 65536), "dsc.zip"));
}

TEST_CASE("micromaterials-zip refuses a truncated archive") {
    const std::string bytes = vitrum::text::read_file_bytes(testdata(kZip));
    CHECK_THROWS_WITH_AS(read_zip(bytes.substr(0, bytes.size() / 2)), doctest::Contains("bad.zip"),
                         vitrum::FormatError);
}

TEST_CASE("micromaterials-zip refuses an archive with members other than .txt") {
    const std::string dsc = vitrum::text::read_file_bytes(testdata("dsc/chem-spectra-app/dsc.zip"));
    CHECK_THROWS_WITH_AS(read_zip(dsc), doctest::Contains("data/table_01.jdx"),
                         vitrum::FormatError);
}

TEST_CASE("micromaterials-zip refuses bytes that are not a zip") {
    CHECK_THROWS_AS(read_zip(std::string("PK\x03\x04\0\0\0garbage", 14)), vitrum::FormatError);
}
