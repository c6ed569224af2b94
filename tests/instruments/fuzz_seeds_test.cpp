// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The small fuzzing seeds of share/testdata/fuzz-seeds must stay valid: each is detected as its
// format and read to exactly the values fuzz/make_seeds.cpp wrote (kCurve: time s, depth nm,
// load mN). Cells are stored exactly (BIFF8 RK ×100 / IEEE doubles, shortest round-trip text,
// HDF5 doubles), so the only error is the one rounding of the unit factor: 1e-12 relative.
#include <cmath>
#include <string>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

namespace {

using vitrum::Curve;
using vitrum::Dataset;
using vitrum::SegmentKind;
namespace channel = vitrum::channel;

constexpr double kExact = 1e-12;

std::string seed(const std::string& name) { return vitrum::test::testdata("fuzz-seeds/" + name); }

Dataset read_seed(const std::string& name) {
    return vitrum::builtin_readers().read_file(seed(name));
}

double curve_property(const Curve& c, const std::string& key) {
    const auto it = c.properties.find(key);
    REQUIRE_MESSAGE(it != c.properties.end(), key);
    return it->second.value;
}

// kCurve rows 0 and 23 (make_seeds.cpp): (0 s, 20 nm, 0.2 mN) and (11.5 s, 180.5 nm, 0.36 mN).
void check_first_and_last_rows(const Curve& c) {
    REQUIRE(c.data.rows() == 24);
    CHECK_REL(c.data.values(channel::depth).front(), 20e-9, kExact);
    CHECK_REL(c.data.values(channel::load).front(), 0.2e-3, kExact);
    CHECK_ABS(c.data.values(channel::time).front(), 0.0, 0.0);
    CHECK_REL(c.data.values(channel::depth).back(), 180.5e-9, kExact);
    CHECK_REL(c.data.values(channel::load).back(), 0.36e-3, kExact);
    CHECK_REL(c.data.values(channel::time).back(), 11.5, kExact);
}

// Markers "Begin Loading" (row 0), "End Of Loading" (row 12), "End Of Hold" (row 16), "END".
void check_segments(const Curve& c) {
    const auto& s = c.data.segments;
    REQUIRE(s.size() == 3);
    CHECK(s[0].kind == SegmentKind::loading);
    CHECK(s[0].begin == 0);
    CHECK(s[0].end == 12);
    CHECK(s[1].kind == SegmentKind::holding);
    CHECK(s[1].begin == 12);
    CHECK(s[1].end == 16);
    CHECK(s[2].kind == SegmentKind::unloading);
    CHECK(s[2].begin == 16);
    CHECK(s[2].end == 24);
}

}  // namespace

TEST_CASE("every fuzz seed is at most 8 KiB and detected as its format") {
    struct Expected {
        const char* file;
        const char* format;
    };
    const Expected seeds[] = {{"tiny.xls", "nanosuite-xls"},
                              {"tiny.xlsx", "kla-xlsx"},
                              {"tiny.hdf5", "hdf5-common"},
                              {"tiny-chunked.hdf5", "hdf5-common"},
                              {"tiny.zip", "micromaterials-zip"}};
    for (const Expected& e : seeds) {
        CAPTURE(e.file);
        const std::string bytes = vitrum::text::read_file_bytes(seed(e.file));
        CHECK(bytes.size() <= 8192);  // the point of these seeds (issue #7)
        const vitrum::Reader* reader = vitrum::builtin_readers().detect(bytes, seed(e.file));
        REQUIRE(reader != nullptr);
        CHECK(reader->format_id() == e.format);
    }
}

TEST_CASE("tiny.xls gives the make_seeds curve through every BIFF8 cell record") {
    const Dataset data = read_seed("tiny.xls");
    CHECK(data.source.format_id == "nanosuite-xls");
    REQUIRE(data.curves.size() == 1);
    const Curve& c = data.curves.front();
    CHECK(c.name == "Test 001");
    check_first_and_last_rows(c);
    // Row 9: MULRK (RK ×100 depth and load, RK double time); row 10: NUMBER depth, RK load,
    // FORMULA time; row 11: RK depth, NUMBER load and time.
    CHECK_REL(c.data.values(channel::depth)[9], 200e-9, kExact);
    CHECK_REL(c.data.values(channel::load)[9], 20e-3, kExact);
    CHECK_REL(c.data.values(channel::time)[9], 4.5, kExact);
    CHECK_REL(c.data.values(channel::depth)[10], 220e-9, kExact);
    CHECK_REL(c.data.values(channel::load)[10], 24.2e-3, kExact);
    CHECK_REL(c.data.values(channel::time)[10], 5.0, kExact);
    CHECK_REL(c.data.values(channel::depth)[11], 240e-9, kExact);
    CHECK_REL(c.data.values(channel::load)[11], 28.8e-3, kExact);
    CHECK(std::isnan(c.data.values(channel::load)[13]));  // DBL_MAX cell (kInvalidLoadRow)
    CHECK_REL(c.data.values(channel::depth)[13], 242.5e-9, kExact);
    CHECK(c.data.column(channel::depth).original_unit == "nm");
    CHECK(c.data.column(channel::depth).unit == "m");
    CHECK(c.data.column(channel::load).original_unit == "mN");
    // The SST header split across CONTINUE (8-bit, then UTF-16) reads back whole.
    CHECK(c.data.column(channel::depth).original_name == "Displacement Into Surface");
    CHECK(c.data.column(channel::time).original_name == "Time On Sample");
    // "Phase Angle" [deg] on the hold rows only (kHoldPhaseAngle_deg = 1.5).
    const auto& phase = c.data.values(channel::phase_angle);
    CHECK(std::isnan(phase[11]));
    CHECK_REL(phase[12], 1.5 * 3.14159265358979323846 / 180.0, kExact);
    check_segments(c);
    // Results: test 1 E = 72.5 GPa, H = 9.25 GPa, X = 12.5 um, tip B123; row "1-2" E = 71 GPa.
    // Required Inputs: nu = 0.18.
    CHECK_REL(curve_property(c, "vendor_modulus"), 72.5e9, kExact);
    CHECK_REL(curve_property(c, "vendor_hardness"), 9.25e9, kExact);
    CHECK_REL(curve_property(c, "vendor_cycle2_modulus"), 71e9, kExact);
    CHECK_REL(curve_property(c, vitrum::property::position_x), 12.5e-6, kExact);
    CHECK(data.source.metadata.at("tip_name") == "B123");
    const auto nu = data.source.properties.find(vitrum::property::poisson_ratio);
    REQUIRE(nu != data.source.properties.end());
    CHECK_REL(nu->second.value, 0.18, kExact);
    REQUIRE(data.tables.size() == 1);
    CHECK(data.tables[0].name == "Results");
    // Modulus, Hardness, X Position; the #N/A drift and the tip name columns hold no number.
    CHECK(data.tables[0].columns.size() == 3);
}

TEST_CASE("tiny.xlsx gives the make_seeds curve with an omitted and an invalid cell") {
    const Dataset data = read_seed("tiny.xlsx");
    CHECK(data.source.format_id == "kla-xlsx");
    REQUIRE(data.curves.size() == 1);
    const Curve& c = data.curves.front();
    CHECK(c.name == "Test 001");
    check_first_and_last_rows(c);
    // Row 1 has no row or cell references.
    CHECK_REL(c.data.values(channel::depth)[1], 40e-9, kExact);
    CHECK_REL(c.data.values(channel::load)[1], 0.8e-3, kExact);
    CHECK_REL(c.data.values(channel::time)[1], 0.5, kExact);
    CHECK(std::isnan(c.data.values(channel::time)[5]));  // omitted cell (kOmittedTimeRow)
    CHECK_REL(c.data.values(channel::load)[5], 7.2e-3, kExact);
    CHECK(std::isnan(c.data.values(channel::load)[13]));  // "1.79769313486232E+308"
    CHECK(c.data.column(channel::load).original_unit == "mN");
    check_segments(c);
    CHECK(c.data.segments[2].label == "End Of Hold");  // rich text, phonetic run skipped
    CHECK_REL(curve_property(c, "vendor_modulus"), 72.5e9, kExact);
    CHECK_REL(curve_property(c, "vendor_hardness"), 9.25e9, kExact);  // written " +9.25 "
}

TEST_CASE("tiny.hdf5 gives test_2 and test_10 in numeric order with MTS units") {
    const Dataset data = read_seed("tiny.hdf5");
    CHECK(data.source.format_id == "hdf5-common");
    CHECK(data.source.instrument == "MTS");  // uri names xls2hdf
    CHECK(data.source.metadata.at("instrument/model") == "G200");
    REQUIRE(data.curves.size() == 2);
    const Curve& short_test = data.curves[0];
    CHECK(short_test.name == "test_2");
    REQUIRE(short_test.data.rows() == 4);  // kCurve rows 0–3
    CHECK_REL(short_test.data.values(channel::load).back(), 3.2e-3, kExact);
    const Curve& c = data.curves[1];
    CHECK(c.name == "test_10");
    check_first_and_last_rows(c);
    CHECK(c.data.column(channel::time).original_unit == "s");  // from the `unit` attribute
    const auto& segment = c.data.values("segment");            // int32 dataset, no unit
    REQUIRE(segment.size() == 24);
    CHECK_ABS(segment[11], 1.0, 0.0);
    CHECK_ABS(segment[12], 2.0, 0.0);
    CHECK_ABS(segment[23], 3.0, 0.0);
}

TEST_CASE("tiny-chunked.hdf5 (shuffle + deflate chunks) reads to the same values as tiny.hdf5") {
    // The chunked file goes through libhdf5's chunk B-tree and filter pipeline; values must be
    // bit-identical to the contiguous file's.
    const Dataset chunked = read_seed("tiny-chunked.hdf5");
    const Dataset contiguous = read_seed("tiny.hdf5");
    REQUIRE(chunked.curves.size() == contiguous.curves.size());
    for (std::size_t k = 0; k < chunked.curves.size(); ++k) {
        const Curve& a = chunked.curves[k];
        const Curve& b = contiguous.curves[k];
        CAPTURE(a.name);
        CHECK(a.name == b.name);
        for (const char* name : {channel::depth, channel::load, channel::time}) {
            CHECK(a.data.values(name) == b.data.values(name));
        }
    }
    check_first_and_last_rows(chunked.curves[1]);
    CHECK(chunked.curves[1].data.values("segment") == contiguous.curves[1].data.values("segment"));
}

TEST_CASE("tiny.zip gives two NanoTest indents, the first with an approach") {
    const Dataset data = read_seed("tiny.zip");
    CHECK(data.source.format_id == "micromaterials-zip");
    REQUIRE(data.curves.size() == 2);
    const Curve& first = data.curves[0];
    CHECK(first.name == "indent 1");
    REQUIRE(first.data.rows() == 26);  // two approach rows + kCurve
    CHECK_REL(first.data.values(channel::depth).front(), -12.5e-9, kExact);
    CHECK_REL(first.data.values(channel::load).front(), -0.01e-3, kExact);
    CHECK_REL(first.data.values(channel::depth).back(), 180.5e-9, kExact);
    CHECK_REL(first.data.values(channel::load).back(), 0.36e-3, kExact);
    REQUIRE(first.data.segments.size() == 1);
    CHECK(first.data.segments[0].kind == SegmentKind::approach);
    CHECK(first.data.segments[0].end == 3);
    const Curve& second = data.curves[1];
    CHECK(second.name == "indent 2");
    REQUIRE(second.data.rows() == 12);  // kCurve rows 0–11 (the loading)
    CHECK_REL(second.data.values(channel::depth).back(), 240e-9, kExact);
    CHECK_REL(second.data.values(channel::load).back(), 28.8e-3, kExact);
    CHECK(second.data.segments.empty());
}
