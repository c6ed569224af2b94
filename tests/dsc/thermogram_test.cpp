// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/thermogram.hpp>

#include "check.hpp"

using vitrum::dsc::EndothermDirection;
using vitrum::dsc::normalize;
using vitrum::dsc::NormalizeOptions;

namespace {

vitrum::Curve curve(std::optional<double> exo_sign, std::optional<double> mass_kg) {
    vitrum::Curve c;
    c.name = "run";
    c.data.add_column({vitrum::channel::time, "s", "t", "s", {0.0, 1.0, 2.0}});
    c.data.add_column({vitrum::channel::temperature, "K", "T", "K", {600.0, 601.0, 602.0}});
    c.data.add_column({vitrum::channel::heat_flow, "W", "HF", "mW", {1e-3, 2e-3, -1e-3}});
    if (exo_sign) c.properties[vitrum::property::exotherm_sign] = {*exo_sign, "1"};
    if (mass_kg) c.properties[vitrum::property::sample_mass] = {*mass_kg, "kg"};
    return c;
}

}  // namespace

TEST_CASE("normalize flips an exo-up file to endotherm-up and divides by the mass") {
    const auto t = normalize(curve(+1.0, 10e-6));
    REQUIRE(t.per_mass);
    // 1 mW exo-up at 10 mg → −1 mW endo-up → −100 W/kg.
    CHECK_REL(t.heat_flow[0], -100.0, 1e-12);
    CHECK_REL(t.heat_flow[2], 100.0, 1e-12);
    CHECK(t.warnings.empty());
}

TEST_CASE("normalize keeps an exo-down file as is for endotherm-up and flips it for endo down") {
    const auto up = normalize(curve(-1.0, std::nullopt));
    CHECK_FALSE(up.per_mass);
    CHECK_REL(up.heat_flow[0], 1e-3, 1e-12);
    NormalizeOptions o;
    o.endotherm = EndothermDirection::down;
    const auto down = normalize(curve(-1.0, std::nullopt), o);
    CHECK_REL(down.heat_flow[0], -1e-3, 1e-12);
    CHECK_REL(down.endo_up()[0], 1e-3, 1e-12);
}

TEST_CASE("normalize warns when the file does not state the exotherm sign") {
    const auto t = normalize(curve(std::nullopt, std::nullopt));
    REQUIRE(t.warnings.size() == 1);
    CHECK(t.warnings[0].find("assumed endotherms up") != std::string::npos);
}

TEST_CASE("normalize refuses bad options and curves without heat flow") {
    NormalizeOptions o;
    o.exotherm_sign = 0.5;
    CHECK_THROWS_WITH_AS(normalize(curve(1.0, 1e-5), o), doctest::Contains("exotherm_sign"),
                         vitrum::InvalidArgument);
    NormalizeOptions m;
    m.sample_mass_kg = -1.0;
    CHECK_THROWS_WITH_AS(m.validate(), doctest::Contains("sample_mass_kg"),
                         vitrum::InvalidArgument);
    vitrum::Curve c;
    c.name = "bare";
    c.data.add_column({vitrum::channel::temperature, "K", "T", "K", {600.0, 601.0}});
    CHECK_THROWS_WITH_AS(normalize(c), doctest::Contains("neither heat_flow"), vitrum::FormatError);
}
