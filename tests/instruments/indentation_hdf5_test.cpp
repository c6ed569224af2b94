// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// writers::write_indentation_hdf5: indentation tests written in the common HDF5 format v2.0 read
// back through vitrum's hdf5-common reader to the same values; DSC data is refused.
#include <unistd.h>

#include <filesystem>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>
#include <vitrum/instruments/writers/indentation_hdf5.hpp>

#include "check.hpp"

namespace {

namespace fs = std::filesystem;

fs::path unique_temp(const std::string& name) {
    return fs::temp_directory_path() /
           ("vitrum-indentation-hdf5-" + std::to_string(::getpid()) + "-" + name);
}

vitrum::writers::ConversionProvenance provenance_of(const std::string& path) {
    return {path, std::string(64, 'a'), 1234, "test-reader", "2026-12-07T12:00:00Z"};
}

}  // namespace

TEST_CASE("indentation tests written as common HDF5 read back to the same depth, load and time") {
    // Source: the Micro Materials NanoTest zip seed (share/testdata/fuzz-seeds/tiny.zip, two
    // indents of the 24-row curve of fuzz/make_seeds.cpp).
    const vitrum::Dataset original =
        vitrum::builtin_readers().read_file(vitrum::test::testdata("fuzz-seeds/tiny.zip"));
    REQUIRE(original.curves.size() == 2);
    const fs::path file = unique_temp("roundtrip.hdf5");
    vitrum::writers::write_indentation_hdf5(original, provenance_of("tiny.zip"), file.string());
    const vitrum::Dataset back = vitrum::builtin_readers().read_file(file.string());
    fs::remove(file);
    CHECK(back.source.format_id == "hdf5-common");
    CHECK(back.source.metadata.at("version") == "2.0");
    CHECK(back.source.metadata.at("original_file_name") == "tiny.zip");
    CHECK(back.source.metadata.at("original_sha256") == std::string(64, 'a'));
    REQUIRE(back.curves.size() == original.curves.size());
    for (std::size_t k = 0; k < original.curves.size(); ++k) {
        const auto& want = original.curves[k].data;
        const auto& got = back.curves[k].data;
        REQUIRE(got.rows() == want.rows());
        for (const char* channel :
             {vitrum::channel::depth, vitrum::channel::load, vitrum::channel::time}) {
            CAPTURE(channel);
            REQUIRE(got.has(channel));
            // Stored in µm and mN as micromechanics' converters do: SI × 1e6 (or 1e3), then the
            // reader's × 1e-6: two roundings of at most 2^-53 relative each, so 1e-15.
            for (std::size_t r = 0; r < want.rows(); ++r)
                CHECK_REL(got.values(channel)[r], want.values(channel)[r], 1e-15);
        }
    }
}

TEST_CASE("write_indentation_hdf5 refuses a DSC run: the common format holds indentation tests") {
    const vitrum::Dataset dsc = vitrum::builtin_readers().read_file(
        vitrum::test::testdata("dsc/netzsch-ngb/Douglas_Fir_STA_10K_250730_R13.ngb-ss3"));
    const fs::path file = unique_temp("dsc.hdf5");
    CHECK_THROWS_WITH_AS(
        vitrum::writers::write_indentation_hdf5(dsc, provenance_of("run.ngb-ss3"), file.string()),
        doctest::Contains("holds indentation tests only"), vitrum::InvalidArgument);
    CHECK_FALSE(fs::exists(file));
}

TEST_CASE("write_indentation_hdf5 names the path when HDF5 cannot create the file") {
    const vitrum::Dataset original =
        vitrum::builtin_readers().read_file(vitrum::test::testdata("fuzz-seeds/tiny.zip"));
    const std::string path = "/nonexistent-folder-vitrum/x.hdf5";
    CHECK_THROWS_WITH_AS(
        vitrum::writers::write_indentation_hdf5(original, provenance_of("tiny.zip"), path),
        doctest::Contains("/nonexistent-folder-vitrum/x.hdf5: HDF5 cannot create the file"),
        vitrum::IoError);
}
