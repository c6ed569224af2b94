// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/indent/area_function.hpp>

#include "check.hpp"

using namespace vitrum;
using namespace vitrum::indent;

TEST_CASE("the nm-unit polynomial area function equals the same function evaluated in nm") {
    const std::vector<double> c = {24.695, 395.77, -16.132, 133.41, 106.46};  // FS_XP tip, §1.5b
    const auto f = AreaFunction::polynomial_nm(c);
    for (const double h_nm : {20.0, 100.0, 555.5, 2000.0}) {
        const double a_nm2 = c[0] * h_nm * h_nm + c[1] * h_nm + c[2] * std::pow(h_nm, 0.5) +
                             c[3] * std::pow(h_nm, 0.25) + c[4] * std::pow(h_nm, 0.125);
        CHECK_REL(f.area_m2(h_nm * 1e-9), a_nm2 * 1e-18, 1e-13);
    }
    CHECK_ABS(f.area_m2(-1e-9), 0.0, 0.0);
}

TEST_CASE("perfect tips, sphere and sphere-cone areas follow their geometry") {
    CHECK_REL(AreaFunction::berkovich().area_m2(1e-6), 24.5e-12, 1e-14);
    CHECK_REL(AreaFunction::cube_corner().area_m2(1e-6), 2.598e-12, 1e-14);
    const double r = 5e-6;
    CHECK_REL(AreaFunction::sphere(r).area_m2(100e-9), M_PI * (2 * r * 100e-9 - 1e-14), 1e-14);
    // Sphere-cone: continuous at the tangent depth, conical beyond it.
    const double theta = 60.0 * M_PI / 180.0;
    const auto sc = AreaFunction::sphere_cone(r, theta);
    const double ht = r * (1 - std::sin(theta));
    CHECK_REL(sc.area_m2(ht * (1 - 1e-9)), sc.area_m2(ht * (1 + 1e-9)), 1e-7);
    const double deep = ht + 1e-6;
    const double radius = 1e-6 * std::tan(theta) + r * std::cos(theta);
    CHECK_REL(sc.area_m2(deep), M_PI * radius * radius, 1e-14);
}

TEST_CASE("contact depth for an area inverts the area function") {
    const auto f = AreaFunction::polynomial_nm({24.695, 395.77, -16.132, 133.41, 106.46});
    for (const double h : {15e-9, 150e-9, 1.5e-6}) {
        CHECK_REL(f.contact_depth_for_area_m(f.area_m2(h)), h, 1e-12);
    }
    const auto t = AreaFunction::tabulated({0.0, 1e-7, 2e-7}, {0.0, 3e-13, 9e-13});
    CHECK_REL(t.area_m2(1.5e-7), 6e-13, 1e-14);
    CHECK_REL(t.contact_depth_for_area_m(6e-13), 1.5e-7, 1e-10);
}

TEST_CASE("area functions are parsed from the command line and from file properties") {
    CHECK_REL(AreaFunction::parse("Berkovich").area_m2(1e-7), 24.5e-14, 1e-14);
    CHECK(AreaFunction::parse("sphere:5um").kind() == AreaFunction::Kind::sphere);
    CHECK_REL(AreaFunction::parse("sphere:5um").area_m2(1e-7),
              AreaFunction::sphere(5e-6).area_m2(1e-7), 1e-14);
    CHECK_REL(AreaFunction::parse("24.5,100").area_m2(1e-7), (24.5 * 1e4 + 100 * 100) * 1e-18,
              1e-13);
    CHECK_THROWS_WITH_AS(AreaFunction::parse("pyramid"), doctest::Contains("accepted: berkovich"),
                         vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(AreaFunction::parse("sphere:5kg"), doctest::Contains("not a length"),
                         vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(AreaFunction::sphere(-1.0), doctest::Contains("radius"),
                         vitrum::InvalidArgument);

    Dataset ds;
    ds.curves.emplace_back();
    ds.source.properties["area_c0"] = {24.5, "1"};
    ds.source.properties["area_c1"] = {100e-9, "m"};
    const auto f = AreaFunction::from_dataset(ds, ds.curves[0]);
    REQUIRE(f.has_value());
    CHECK_REL(f->area_m2(1e-7), (24.5 * 1e4 + 100 * 100) * 1e-18, 1e-13);
    Dataset empty;
    empty.curves.emplace_back();
    CHECK_FALSE(AreaFunction::from_dataset(empty, empty.curves[0]).has_value());
}
