// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/indent/vendor_convention.hpp>

#include "check.hpp"

using namespace vitrum;
using namespace vitrum::indent;

TEST_CASE("vickers preset is the ISO 14577-1 projected area 24.50 h_c^2") {
    // ISO 14577-1 tabulates A_p = 24.50 h_c² for the Vickers pyramid (4·tan²68° = 24.504).
    CHECK_REL(AreaFunction::vickers().area_m2(1e-6), 24.5e-12, 1e-14);
    CHECK_REL(AreaFunction::parse("Vickers").area_m2(2e-6), 24.5 * 4e-12, 1e-14);
    CHECK_REL(4.0 * std::pow(std::tan(68.0 * M_PI / 180.0), 2), 24.5, 2e-4);
}

TEST_CASE("vendor conventions carry the vendor constants and refuse unknown names") {
    const VendorConventionPreset fischer = vendor_convention(parse_vendor_convention("Fischer"));
    CHECK(fischer.convention == VendorConvention::fischer);
    CHECK_REL(fischer.options.oliver_pharr.tip_modulus_Pa, 1140e9, 1e-15);
    CHECK_REL(fischer.options.oliver_pharr.tip_poisson_ratio, 0.07, 1e-15);
    CHECK_REL(fischer.ideal_tip.area_m2(1e-6), 24.5e-12, 1e-14);
    const VendorConventionPreset tribo = vendor_convention(parse_vendor_convention("triboscan"));
    CHECK_REL(tribo.options.oliver_pharr.pi, 3.14, 1e-15);
    CHECK(tribo.stiffness_point == StiffnessPoint::fitted_max_load);
    const VendorConventionPreset nano = vendor_convention(VendorConvention::nanosuite);
    CHECK_REL(nano.options.oliver_pharr.tip_modulus_Pa, 1141e9, 1e-15);
    CHECK_REL(nano.options.unloading.upper_fraction, 0.999, 1e-15);
    for (auto c : {VendorConvention::vitrum, VendorConvention::nanosuite,
                   VendorConvention::triboscan, VendorConvention::fischer}) {
        CHECK_NOTHROW(vendor_convention(c).options.validate());
    }
    CHECK_THROWS_WITH_AS(parse_vendor_convention("hysitron"),
                         doctest::Contains("accepted: vitrum, nanosuite, triboscan, fischer"),
                         InvalidArgument);
}

TEST_CASE("fitted depth and stiffness at P_max follow the power law exactly") {
    // P = B (h − h_f)^m with B = 2e9 N/m^1.5, h_f = 50 nm, m = 1.5: at P = 1 mN,
    // h − h_f = (P/B)^(2/3) and S = m·P/(h − h_f) (analytic, 1e-12).
    UnloadingFit fit;
    fit.prefactor_B = 2e9;
    fit.final_depth_m = 50e-9;
    fit.exponent_m = 1.5;
    fit.usable = true;
    const double dh = std::pow(1e-3 / 2e9, 1.0 / 1.5);
    CHECK_REL(fitted_depth_at_load_m(fit, 1e-3), 50e-9 + dh, 1e-12);
    CHECK_REL(fitted_stiffness_at_load_N_per_m(fit, 1e-3), 1.5 * 2e9 * std::sqrt(dh), 1e-12);
    CHECK(std::isnan(fitted_depth_at_load_m(fit, 0.0)));
    fit.usable = false;
    CHECK(std::isnan(fitted_stiffness_at_load_N_per_m(fit, 1e-3)));
}

TEST_CASE("evaluate_cycle uses the fit's S and h_max, or the fitted point at P_max") {
    CycleResult cy;
    cy.fit.prefactor_B = 2e9;
    cy.fit.final_depth_m = 50e-9;
    cy.fit.exponent_m = 1.5;
    cy.fit.max_load_N = 1e-3;
    cy.fit.max_depth_m = 130e-9;  // deliberately not on the curve
    cy.fit.stiffness_N_per_m = 4e4;
    cy.fit.usable = true;
    const AreaFunction tip = AreaFunction::berkovich();
    const VendorConventionPreset plain = vendor_convention(VendorConvention::vitrum);
    const OliverPharrPoint a = evaluate_cycle(cy, tip, plain);
    CHECK_REL(a.depth_m, 130e-9, 1e-15);
    CHECK_REL(a.stiffness_N_per_m, 4e4, 1e-15);
    const VendorConventionPreset tribo = vendor_convention(VendorConvention::triboscan);
    const OliverPharrPoint b = evaluate_cycle(cy, tip, tribo);
    CHECK_REL(b.depth_m, fitted_depth_at_load_m(cy.fit, 1e-3), 1e-15);
    CHECK_REL(b.stiffness_N_per_m, fitted_stiffness_at_load_N_per_m(cy.fit, 1e-3), 1e-15);
    // E_r with π = 3.14: √3.14 S/(2√A) (TriboScan, indentation.md §1.5e).
    CHECK_REL(b.reduced_modulus_Pa,
              std::sqrt(3.14) * b.stiffness_N_per_m / (2.0 * std::sqrt(b.contact_area_m2)), 1e-12);
}
