// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
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

const std::string kFile = "indentation/micromechanics/Exp-50mN_0000.hld";

vitrum::Dataset read_hld_text(const std::string& content, const std::string& name = "bad.hld") {
    return vitrum::test::read_as("hysitron-hld", content, name);
}

std::string original_bytes() { return vitrum::test::testdata_bytes(kFile); }

}  // namespace

TEST_CASE("hysitron-hld reads the 1068 test points of Exp-50mN_0000.hld in SI") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kFile));
    CHECK(data.source.format_id == "hysitron-hld");
    REQUIRE(data.curves.size() == 1);
    const vitrum::Curve& curve = data.curves.front();
    CHECK(curve.name == "Exp-50mN_0000");
    REQUIRE(curve.data.rows() == 1068);
    const auto& t = curve.data.values(vitrum::channel::time);
    const auto& h = curve.data.values(vitrum::channel::depth);
    const auto& p = curve.data.values(vitrum::channel::load);
    // First and last rows of the test block (file lines 1424 and 2491), nm → m, µN → N;
    // the file prints 6-7 digits, the conversion is exact to double rounding.
    CHECK_ABS(t.front(), 0.0, 1e-15);
    CHECK_REL(h.front(), 5.800346e-9, 1e-12);
    CHECK_REL(p.front(), 204.644060e-6, 1e-12);
    CHECK_REL(t.back(), 6.677978, 1e-12);
    CHECK_REL(h.back(), 181.340354e-9, 1e-12);
    CHECK_REL(p.back(), 194.563565e-6, 1e-12);
    CHECK(curve.data.column(vitrum::channel::load).original_name == "Force_µN");
    CHECK(curve.data.column(vitrum::channel::load).unit == "N");
    CHECK(curve.data.has("LoadCell"));
    CHECK_REL(curve.data.values("LoadCell").front(), -3889.146206e-9, 1e-12);
}

TEST_CASE("hysitron-hld converts the header calibration to SI properties") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kFile));
    const auto& props = data.source.properties;
    // "Machine Comp: 0.00663947 nm/µN": 1 nm/µN = 1e-9 m / 1e-6 N = 1e-3 m/N, so 6.63947e-6 m/N
    // (= 6.64 nm/mN, a plausible HighLoad frame; micromechanics reads it as 0.00664 µm/mN).
    REQUIRE(props.count("frame_compliance") == 1);
    CHECK_REL(props.at("frame_compliance").value, 6.63947e-6, 1e-12);
    CHECK(props.at("frame_compliance").unit == "m/N");
    // "Drift Rate: 0.03648 nm/s", "Contact Threshold: 250 µN".
    CHECK_REL(props.at("drift_rate").value, 0.03648e-9, 1e-12);
    CHECK_REL(props.at("contact_threshold").value, 250e-6, 1e-12);
    CHECK_REL(data.curves.front().properties.at("position_y").value, 0.550,
              1e-12);  // Stage Y: 550 mm
    CHECK(data.source.date == "Mon Dec 03 15:13:34 2018");
    CHECK(data.source.instrument == "Hysitron HighLoad System");
    CHECK(data.source.metadata.at("Tip B") == "0 nm");
}

TEST_CASE("hysitron-hld area coefficients in SI give the same area as the nm coefficients") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kFile));
    // Tip C0..C5 as printed in the file, for A [nm²] of h [nm].
    const double c_nm[6] = {24.5, -329697, 6.39467e7, -1.09304e9, 3.59765e9, -2.66038e9};
    CHECK_REL(data.source.properties.at("area_c0").value, 24.5, 1e-15);
    CHECK_REL(data.source.properties.at("area_c1").value, -329697e-9, 1e-12);
    CHECK(data.source.properties.at("area_c2").unit == "m^1.5");
    for (const double h_nm : {50.0, 300.0, 2000.0}) {
        double area_nm2 = 0.0;
        double area_m2 = 0.0;
        for (int i = 0; i < 6; ++i) {
            const double e = i == 0 ? 2.0 : std::pow(2.0, 1 - i);
            area_nm2 += c_nm[i] * std::pow(h_nm, e);
            area_m2 += data.source.properties.at("area_c" + std::to_string(i)).value *
                       std::pow(h_nm * 1e-9, e);
        }
        // Sums of large terms of both signs: 1e-9 relative allows for their cancellation.
        CHECK_REL(area_m2, area_nm2 * 1e-18, 1e-9);
    }
}

TEST_CASE("hysitron-hld marks the four load segments from the segment table") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kFile));
    const auto& segments = data.curves.front().data.segments;
    REQUIRE(segments.size() == 4);  // Segment Points: 400, 268, 200, 200
    CHECK(segments[0].begin == 0);
    CHECK(segments[0].end == 400);
    CHECK(segments[0].kind == vitrum::SegmentKind::holding);
    CHECK(segments[1].end == 668);
    CHECK(segments[2].kind == vitrum::SegmentKind::loading);  // demand 100 → 50000 µN
    CHECK(segments[2].begin == 668);
    CHECK(segments[3].kind == vitrum::SegmentKind::unloading);
    CHECK(segments[3].end == 1068);
    CHECK(segments[2].label.find("50000") != std::string::npos);
}

TEST_CASE("hysitron-hld keeps the approach and drift blocks as tables") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kFile));
    REQUIRE(data.tables.size() == 2);
    const vitrum::Table& approach = data.tables[0];
    CHECK(approach.name == "Sample Approach");
    REQUIRE(approach.columns.size() == 3);
    CHECK(approach.columns[0].values.size() == 312);
    CHECK_REL(approach.columns[0].values.front(), 0.024, 1e-12);
    CHECK_REL(approach.columns[1].values.front(), -0.000002e-3, 1e-12);  // MotorDisp_mm
    const vitrum::Table& drift = data.tables[1];
    CHECK(drift.name == "Drift Measurement");
    CHECK(drift.columns[0].values.size() == 913);
    CHECK_REL(drift.columns[0].values.back(), 23.796, 1e-12);
    CHECK_REL(drift.columns[1].values.back(), -1.8e-9, 1e-12);
}

TEST_CASE("hysitron-hld sniffs its signature and nothing else") {
    const vitrum::Reader* reader = vitrum::builtin_readers().find("hysitron-hld");
    REQUIRE(reader != nullptr);
    CHECK(reader->sniff(original_bytes().substr(0, 4096), "x.hld"));
    CHECK_FALSE(reader->sniff("Mon Apr 29 10:41:06 2019\n\nNumber of Points = 5\n", "x.txt"));
    CHECK_FALSE(reader->sniff("", "x.hld"));
}

TEST_CASE("hysitron-hld refuses a test block with more points announced than present") {
    const std::string bad =
        replace_once(original_bytes(), "Test Data Points: 1068", "Test Data Points: 1069");
    CHECK_THROWS_WITH_AS(read_hld_text(bad), doctest::Contains("bad.hld:2492"), vitrum::ParseError);
    CHECK_THROWS_WITH_AS(read_hld_text(bad), doctest::Contains("data row 1069 of 1069"),
                         vitrum::ParseError);
}

TEST_CASE("hysitron-hld refuses rows left over after the announced test points") {
    const std::string bad =
        replace_once(original_bytes(), "Test Data Points: 1068", "Test Data Points: 1067");
    CHECK_THROWS_WITH_AS(read_hld_text(bad), doctest::Contains("bad.hld:2491"), vitrum::ParseError);
}

TEST_CASE("hysitron-hld refuses an approach block whose count runs into the next block") {
    const std::string bad = replace_once(original_bytes(), "Sample Approach Data Points: 312",
                                         "Sample Approach Data Points: 313");
    CHECK_THROWS_WITH_AS(read_hld_text(bad), doctest::Contains("bad.hld:507"), vitrum::ParseError);
    CHECK_THROWS_WITH_AS(read_hld_text(bad), doctest::Contains("Drift Measurement Data Points"),
                         vitrum::ParseError);
}

TEST_CASE("hysitron-hld refuses a truncated file with the line where data stopped") {
    const std::string full = original_bytes();
    const std::string cut = full.substr(0, full.find("Drift Measurement Data Points"));
    CHECK_THROWS_WITH_AS(read_hld_text(cut), doctest::Contains("a 'Test Data Points: N' block"),
                         vitrum::ParseError);
    const std::string mid = full.substr(0, full.find("1.981901\t-95.771456"));
    CHECK_THROWS_WITH_AS(read_hld_text(mid), doctest::Contains("end of file"), vitrum::ParseError);
}

TEST_CASE("hysitron-hld refuses a decimal comma in a data row with line and column") {
    const std::string bad =
        replace_once(original_bytes(), "0.005005\t4.746112", "0.005005\t4,746112");
    // File line 1425, the second field starts at character 10.
    CHECK_THROWS_WITH_AS(read_hld_text(bad), doctest::Contains("bad.hld:1425:10"),
                         vitrum::ParseError);
}

TEST_CASE("hysitron-hld refuses a test block without a force channel") {
    const std::string bad = replace_once(original_bytes(), "Disp_nm\tForce_", "Disp_nm\tForcx_");
    CHECK_THROWS_WITH_AS(read_hld_text(bad), doctest::Contains("Force_µN"), vitrum::ParseError);
}

TEST_CASE("hysitron-hld refuses binary content and a missing signature") {
    CHECK_THROWS_AS(read_hld_text(std::string("File Version: Hysitron\r\n\0\0\x01\x02", 28)),
                    vitrum::FormatError);
    CHECK_THROWS_WITH_AS(read_hld_text("Time_s\tDisp_nm\r\n1\t2\r\n"),
                         doctest::Contains("bad.hld:1"), vitrum::ParseError);
}
