// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/indent/indent_figure.hpp>

#include "check.hpp"
#include "synthetic.hpp"

using namespace vitrum;
using namespace vitrum::indent;

TEST_CASE("the load-depth figure draws the curve, the fit over its window and the tangent") {
    test::SyntheticIndent s;
    const IndentResult r = analyse_quasi_static(s.make(), AreaFunction::berkovich(), {});
    const report::Figure fig = load_depth_figure(r);
    REQUIRE(fig.panels().size() == 1);
    const auto& layers = fig.panels()[0].layers();
    REQUIRE(layers.size() == 3);  // measured, fit, tangent
    CHECK(fig.panels()[0].x_label == "Depth [nm]");
    CHECK(fig.panels()[0].y_label == "Load [mN]");
    // The tangent ends at (h_max, P_max) in nm and mN and starts at P = 0.
    const auto& tangent = layers[2];
    CHECK_REL(tangent.x[1], s.max_depth(10e-3) * 1e9, 1e-9);
    CHECK_REL(tangent.y[1], 10.0, 1e-12);
    CHECK_ABS(tangent.y[0], 0.0, 0.0);
    // Its slope is S in mN/nm = 1e-6 N/m.
    CHECK_REL((tangent.y[1] - tangent.y[0]) / (tangent.x[1] - tangent.x[0]),
              s.stiffness(10e-3) * 1e-6, 1e-6);
    // The fitted curve reaches P_max at h_max.
    CHECK_REL(layers[1].y.back(), 10.0, 1e-6);
}

TEST_CASE("the cycles figure has H and E panels with one series per indent") {
    test::SyntheticIndent s;
    s.max_loads_N = {5e-3, 10e-3};
    const IndentResult r = analyse_quasi_static(s.make(), AreaFunction::berkovich(), {});
    const report::Figure fig = cycles_figure({r, r});
    REQUIRE(fig.panels().size() == 2);
    REQUIRE(fig.panels()[0].layers().size() == 2);
    CHECK(fig.panels()[0].layers()[0].x.size() == 2);
    CHECK_REL(fig.panels()[0].layers()[0].y[0], 9.0, 1e-6);  // H = 9 GPa
    CHECK(fig.panels()[1].y_label == "Modulus E [GPa]");
}
