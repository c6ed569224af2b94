// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The kla-xlsx reader on FusedSilica.xlsx (KLA G200X/InView, indentationGUI Example1, MIT).
// Expected values were read from the sheet XML with Python's zipfile; vendor per-cycle values
// are also quoted in ../shared/reference/indentation.md §1.5 (d). Cells are exact: 1e-12.
#include <check.hpp>
#include <sstream>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/registry.hpp>

namespace {

constexpr double kExact = 1e-12;

const vitrum::Reader& reader() {
    const vitrum::Reader* r = vitrum::builtin_readers().find("kla-xlsx");
    REQUIRE(r != nullptr);
    return *r;
}

std::string bytes_of(const std::string& relative) {
    return vitrum::text::read_file_bytes(vitrum::test::testdata(relative));
}

double prop(const vitrum::Curve& c, const std::string& key) {
    const auto it = c.properties.find(key);
    REQUIRE_MESSAGE(it != c.properties.end(), key);
    return it->second.value;
}

}  // namespace

TEST_CASE("kla-xlsx sniffs an .xlsx workbook but not a Micro Materials zip") {
    const std::string xlsx = bytes_of("indentation/indentationGUI/FusedSilica.xlsx");
    CHECK(reader().sniff(std::string_view(xlsx).substr(0, 65536), "FusedSilica.xlsx"));
    const std::string zip = bytes_of("indentation/micromechanics/multipleIndentations.zip");
    CHECK_FALSE(reader().sniff(std::string_view(zip).substr(0, 65536), "multipleIndentations.zip"));
}

TEST_CASE("FusedSilica.xlsx gives 16 multi-cycle curves in SI with the vendor's cycles") {
    std::istringstream in(bytes_of("indentation/indentationGUI/FusedSilica.xlsx"));
    const auto data = reader().read(in, "FusedSilica.xlsx");
    REQUIRE(data.curves.size() == 16);
    const std::size_t rows[16] = {2867, 2868, 2934, 2869, 2870, 2869, 2870, 2868,
                                  2870, 2868, 2881, 2870, 2869, 2869, 2868, 2868};
    for (std::size_t i = 0; i < 16; ++i) CHECK(data.curves[i].data.rows() == rows[i]);
    const auto& c = data.curves[0];
    CHECK(c.name == "Test 1");
    CHECK(c.data.columns().size() == 3);
    // Test 1 rows 3, 4 and 2869: Time [s], Load [mN], Depth [nm].
    CHECK_REL(c.data.values(vitrum::channel::time).front(), 54.4330636, kExact);
    CHECK_REL(c.data.values(vitrum::channel::load)[1], -0.000441536046155608e-3, kExact);
    CHECK_REL(c.data.values(vitrum::channel::depth)[1], 11.8740047876901e-9, kExact);
    CHECK_REL(c.data.values(vitrum::channel::time).back(), 346.4650744, kExact);
    CHECK_REL(c.data.values(vitrum::channel::load).back(), -0.0226662420227284e-3, kExact);
    CHECK_REL(c.data.values(vitrum::channel::depth).back(), -206.190352999828e-9, kExact);
    const auto& last = data.curves[15];
    CHECK(last.name == "Test 16");
    CHECK_REL(last.data.values(vitrum::channel::time).front(), 36.6870336, kExact);
    CHECK_REL(last.data.values(vitrum::channel::depth).back(), 410.366723893071e-9, kExact);

    // Markers column: Surface Index on the first row, End Of Loading Index on sheet row 1731.
    REQUIRE(c.data.segments.size() == 7);
    CHECK(c.data.segments[0].label == "Surface Index");
    CHECK(c.data.segments[0].begin == 0);
    CHECK(c.data.segments[1].label == "End Of Loading Index");
    CHECK(c.data.segments[1].begin == 1728);
    CHECK(c.data.segments[1].kind == vitrum::SegmentKind::holding);
    CHECK(c.data.segments[5].kind == vitrum::SegmentKind::drift);

    CHECK_REL(data.source.properties.at("poisson_ratio").value, 0.188, kExact);  // Pre-Test Inputs
    // Cycles-GroupedByTest rows "1:1" and "1:10".
    CHECK_REL(prop(c, "vendor_cycle1_max_load"), 0.09e-3, kExact);
    CHECK_REL(prop(c, "vendor_cycle1_max_depth"), 108e-9, kExact);
    CHECK_REL(prop(c, "vendor_cycle1_stiffness"), 7480.0, kExact);
    CHECK_REL(prop(c, "vendor_cycle1_contact_area"), 232583.1e-18, kExact);
    CHECK_REL(prop(c, "vendor_cycle1_modulus"), 13.41e9, kExact);
    CHECK_REL(prop(c, "vendor_cycle1_reduced_modulus"), 13.74e9, kExact);
    CHECK_REL(prop(c, "vendor_cycle1_contact_depth"), 99e-9, kExact);
    CHECK_REL(prop(c, "vendor_cycle10_max_load"), 47.64e-3, kExact);
    CHECK_REL(prop(c, "vendor_cycle10_hardness"), 6.47e9, kExact);
    CHECK_REL(prop(c, "vendor_cycle10_contact_area"), 7363635.7e-18, kExact);
    // Results: Pmax 47.635 mN, X_Position 129010.98 µm (unit written "Âµm" by InView).
    CHECK_REL(prop(c, "vendor_max_load"), 47.635e-3, kExact);
    CHECK_REL(prop(c, "position_x"), 129010.98e-6, kExact);
    CHECK(data.tables.size() == 2);
}

TEST_CASE("kla-xlsx refuses a zip that is not a workbook") {
    std::istringstream in(bytes_of("indentation/micromechanics/multipleIndentations.zip"));
    CHECK_THROWS_WITH_AS(reader().read(in, "indents.zip"),
                         doctest::Contains("indents.zip: the zip archive has no xl/workbook.xml"),
                         vitrum::FormatError);
}
