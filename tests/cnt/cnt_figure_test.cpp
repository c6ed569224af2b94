// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/cnt/cnt_figure.hpp>
#include <vitrum/core/error.hpp>

#include "check.hpp"

using namespace vitrum::cnt;
using vitrum::report::Layer;

namespace {

CntModel combo_c() {
    Thermodynamics t;
    t.melting_K = 1208.0;
    t.enthalpy_of_fusion_J_per_mol = 12000.0;
    t.molar_volume_m3_per_mol = 1.0432e-5;
    CntModel m;
    m.driving_force = DrivingForce(DrivingForceModel::turnbull, t);
    m.gamma = {InterfacialEnergyModel::fixed, 0.35, 0.0, 0.0, 0.0};
    return m;
}

}  // namespace

TEST_CASE("the d* figure draws d* in nm below T_m, the MRO band and the T_g line") {
    const auto points = sweep(combo_c(), temperature_grid(600.0, 1300.0, 50.0));
    CntFigureOptions options;
    options.mro_min_m = 1e-9;
    options.mro_max_m = 2e-9;
    options.glass_transition_K = 700.0;
    const auto fig = critical_diameter_figure(points, options);
    const auto& layers = fig.panels().at(0).layers();
    REQUIRE(layers.size() == 3);
    CHECK(layers[0].kind == Layer::Kind::line);
    // 1250 and 1300 K do not nucleate; the y axis ends at 4× the smallest d* (2.42 nm at 600 K,
    // cnt.md §3 combo C), so 600…1050 K are drawn (d*(1050 K) = 9.3 nm, d*(1100 K) = 13.6 nm).
    CHECK(layers[0].x.size() == 10);
    REQUIRE(fig.panels().at(0).y_range.has_value());
    CHECK_REL(fig.panels().at(0).y_range->second, 4.0 * layers[0].y[0], 1e-12);
    CHECK_REL(layers[0].y[2], evaluate(combo_c(), 700.0).nucleus.diameter_m * 1e9, 1e-12);
    CHECK(layers[1].kind == Layer::Kind::y_band);
    CHECK_REL(layers[1].lo, 1.0, 1e-12);
    CHECK_REL(layers[1].hi, 2.0, 1e-12);
    CHECK(layers[2].kind == Layer::Kind::vline);
    CHECK_REL(layers[2].lo, 700.0, 1e-12);
    CHECK(fig.panels().at(0).y_label.find("[nm]") != std::string::npos);
}

TEST_CASE("the TTT figure uses a log time axis and marks the nose") {
    CntModel m = combo_c();
    m.gamma.value_J_per_m2 = 0.12;
    m.mobility.model = MobilityModel::vft;
    m.mobility.eta0_Pa_s = 4e-5;
    m.mobility.vft_D = 13.6;
    m.mobility.vft_T0_K = 492.58;
    TttOptions o;
    o.min_K = 600.0;
    o.max_K = 1200.0;
    const auto ttt = ttt_curve(m, o);
    const auto fig = ttt_figure(ttt, {});
    CHECK(fig.panels().at(0).log_x);
    CHECK(fig.panels().at(0).layers().size() == (ttt.has_nose ? 2u : 1u));
    CHECK_THROWS_AS(critical_diameter_figure({}, {}), vitrum::InvalidArgument);
}
