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

const std::string kFile = "indentation/micromechanics/N1_1.hdf5";

vitrum::Dataset read_h5(const std::string& bytes) {
    const vitrum::Reader* reader = vitrum::builtin_readers().find("hdf5-common");
    REQUIRE(reader != nullptr);
    std::istringstream in(bytes);
    return reader->read(in, "bad.hdf5");
}

}  // namespace

TEST_CASE("hdf5-common reads the 16 FischerScope tests of N1_1.hdf5 in numeric order") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kFile));
    CHECK(data.source.format_id == "hdf5-common");
    CHECK(data.source.instrument == "Fischer");
    CHECK(data.source.metadata.at("version") == "2.0");
    CHECK(data.source.metadata.at("original_file_name") == "N1_1.hap");
    REQUIRE(data.curves.size() == 16);
    CHECK(data.curves[0].name == "test_1");
    CHECK(data.curves[1].name == "test_2");
    CHECK(data.curves[15].name == "test_16");
}

TEST_CASE("hdf5-common converts displacement [um], force [mN] and time [s] to SI") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kFile));
    REQUIRE(data.curves.size() == 16);
    // Reference values printed with 10 significant digits by the HDF5 C API (H5Dread) from
    // test_1/data and test_16/data; dataset attribute unit = "um", "mN", "s".
    const vitrum::Series& s1 = data.curves[0].data;
    REQUIRE(s1.rows() == 2381);
    CHECK_REL(s1.values(vitrum::channel::depth).front(), -99.14047512e-6, 1e-9);
    CHECK_REL(s1.values(vitrum::channel::depth).back(), 2.394971267e-6, 1e-9);
    CHECK_REL(s1.values(vitrum::channel::load).front(), -0.3377760326e-3, 1e-9);
    CHECK_REL(s1.values(vitrum::channel::load).back(), 0.3655480891e-3, 1e-9);
    CHECK_REL(s1.values(vitrum::channel::time)[1], 0.1, 1e-12);
    CHECK_REL(s1.values(vitrum::channel::time).back(), 214.9, 1e-12);
    CHECK(s1.column(vitrum::channel::depth).original_unit == "um");
    CHECK(s1.column(vitrum::channel::depth).unit == "m");
    const vitrum::Series& s16 = data.curves[15].data;
    CHECK(s16.rows() == 2363);
    CHECK_REL(s16.values(vitrum::channel::depth).back(), 2.832168218e-6, 1e-9);
}

TEST_CASE("hdf5-common sniffs the HDF5 signature with an HDF5 file name") {
    const vitrum::Reader* reader = vitrum::builtin_readers().find("hdf5-common");
    REQUIRE(reader != nullptr);
    const std::string head = vitrum::text::read_file_bytes(testdata(kFile)).substr(0, 65536);
    CHECK(reader->sniff(head, "N1_1.hdf5"));
    CHECK(reader->sniff(head, "N1_1.h5"));
    CHECK_FALSE(reader->sniff(head, "N1_1.txt"));
    CHECK_FALSE(reader->sniff("FS1.hap\tName of the application\r\n", "N1_1.hdf5"));
}

TEST_CASE("hdf5-common refuses a truncated file") {
    const std::string bytes = vitrum::text::read_file_bytes(testdata(kFile));
    CHECK_THROWS_WITH_AS(read_h5(bytes.substr(0, 4096)), doctest::Contains("bad.hdf5"),
                         vitrum::FormatError);
}

TEST_CASE("hdf5-common refuses bytes without the HDF5 signature") {
    CHECK_THROWS_WITH_AS(read_h5("FS1.hap\tName of the application\r\n"),
                         doctest::Contains("no HDF5 signature"), vitrum::FormatError);
    CHECK_THROWS_AS(read_h5(std::string("\x89HDF\r\n\x1a\n\0\0\0\0garbage", 19)),
                    vitrum::FormatError);
}
