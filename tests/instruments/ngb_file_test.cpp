// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// read_netzsch_ngb_file and parse_ngb_run (instruments/ngb_file.cpp): the run choice and a
// separate baseline, as `vitrum dsc --ngb-run/--baseline` and the manifest use them; and the
// stream-set entry of the fuzz harness (instruments/ngb_stream_set.hpp) on its seed.
#include <cmath>
#include <fstream>
#include <sstream>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/netzsch_ngb.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"
#include "ngb_stream_set.hpp"

namespace {

using vitrum::NgbRun;
using vitrum::test::testdata;

const std::string kDir = "dsc/netzsch-ngb/";
const std::string kDs3 = testdata(kDir + "01_Messung_Probe_G_300_Grad_Ar.ngb-ds3");
const std::string kSs3 = testdata(kDir + "Douglas_Fir_STA_10K_250730_R13.ngb-ss3");
const std::string kBs3 = testdata(kDir + "Douglas_Fir_STA_Baseline_10K_250730_R13.ngb-bs3");

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Exact equality of two columns (NaN equals NaN): the same computation on the same bytes.
void check_same(const vitrum::Dataset& a, const vitrum::Dataset& b, const char* column) {
    CAPTURE(column);
    const auto& x = a.curves.front().data.values(column);
    const auto& y = b.curves.front().data.values(column);
    REQUIRE(x.size() == y.size());
    std::size_t differ = 0;
    for (std::size_t r = 0; r < x.size(); ++r) {
        if (!(x[r] == y[r] || (std::isnan(x[r]) && std::isnan(y[r])))) ++differ;
    }
    CHECK(differ == 0);
}

}  // namespace

TEST_CASE("parse_ngb_run names the field and the allowed runs for an unknown run") {
    CHECK(vitrum::parse_ngb_run("corrected") == NgbRun::corrected);
    CHECK(vitrum::parse_ngb_run("correction") == NgbRun::correction);
    CHECK_THROWS_WITH_AS(vitrum::parse_ngb_run("baseline"),
                         doctest::Contains("ngb_run: 'baseline' is not a run (allowed: sample, "
                                           "correction, corrected)"),
                         vitrum::InvalidArgument);
}

TEST_CASE("read_netzsch_ngb_file returns the chosen run of a .ngb-ds3 file with its format id") {
    const vitrum::Dataset corrected = vitrum::read_netzsch_ngb_file(kDs3, {NgbRun::corrected, ""});
    CHECK(corrected.source.path == kDs3);
    CHECK(corrected.source.format_id == "netzsch-ngb-ds3");
    const vitrum::Dataset direct =
        vitrum::read_netzsch_ngb(bytes_of(kDs3), kDs3, NgbRun::corrected);
    check_same(corrected, direct, "dsc_signal_voltage");
    const vitrum::Dataset correction =
        vitrum::read_netzsch_ngb_file(kDs3, {NgbRun::correction, ""});
    CHECK(correction.source.metadata.at("run") == "correction");
}

TEST_CASE("read_netzsch_ngb_file subtracts a separate baseline file as subtract_ngb_baseline") {
    const vitrum::Dataset corrected = vitrum::read_netzsch_ngb_file(kSs3, {NgbRun::sample, kBs3});
    const vitrum::Dataset expected = vitrum::subtract_ngb_baseline(
        vitrum::builtin_readers().read_file(kSs3), vitrum::builtin_readers().read_file(kBs3));
    check_same(corrected, expected, "dsc_signal_voltage");
    check_same(corrected, expected, "mass_change");
    CHECK(corrected.source.metadata.at("baseline_subtracted") == kBs3);
}

TEST_CASE("read_netzsch_ngb_file refuses a baseline or run choice for a file that is no .ngb") {
    const std::string csv = testdata("fuzz-seeds/tiny.zip");
    CHECK_THROWS_WITH_AS(vitrum::read_netzsch_ngb_file(kSs3, {NgbRun::sample, csv}),
                         doctest::Contains("baseline applies to NETZSCH Proteus"),
                         vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(vitrum::read_netzsch_ngb_file(csv, {NgbRun::corrected, ""}),
                         doctest::Contains("ngb_run applies to NETZSCH Proteus"),
                         vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(vitrum::read_netzsch_ngb_file(kSs3, {NgbRun::correction, ""}),
                         doctest::Contains("holds one run"), vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(vitrum::read_netzsch_ngb_file("/nonexistent/x.ngb-ss3", {}),
                         doctest::Contains("/nonexistent/x.ngb-ss3: cannot open"), vitrum::IoError);
}

TEST_CASE("the fuzz seed tiny.ngb-stream-set reads as two runs of three rows per segment") {
    // fuzz/make_ngb_stream_set.py cut every value array of the .ngb-ds3 file to 3 values.
    const std::string seed = bytes_of(testdata("fuzz-seeds/tiny.ngb-stream-set"));
    const vitrum::Dataset sample = vitrum::ngb::read_stream_set(seed, "seed", NgbRun::sample);
    const vitrum::Dataset whole = vitrum::read_netzsch_ngb(bytes_of(kDs3), kDs3, NgbRun::sample);
    const auto& s = sample.curves.front().data;
    REQUIRE(s.segments.size() == whole.curves.front().data.segments.size());
    CHECK(s.rows() == 3 * s.segments.size());
    CHECK(s.columns().size() == whole.curves.front().data.columns().size());
    // The first rows are the file's own first values.
    CHECK(s.values("temperature").front() ==
          whole.curves.front().data.values("temperature").front());
    const vitrum::Dataset corrected = vitrum::ngb::read_stream_set(seed, "seed", NgbRun::corrected);
    CHECK(corrected.curves.front().data.rows() == s.rows());
    CHECK_THROWS_WITH_AS(vitrum::ngb::read_stream_set("only one stream", "x", NgbRun::sample),
                         doctest::Contains("x: a stream set needs stream_1 and stream_2"),
                         vitrum::FormatError);
}
