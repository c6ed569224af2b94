// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/core/error.hpp>
#include <vitrum/indent/quasi_static.hpp>

#include "check.hpp"
#include "synthetic.hpp"

using namespace vitrum;
using namespace vitrum::indent;

namespace {
IndentOptions berkovich_options() {
    IndentOptions o;
    o.oliver_pharr.tip_modulus_Pa = 1141e9;
    o.oliver_pharr.sample_poisson_ratio = 0.36;
    return o;
}
}  // namespace

TEST_CASE("analyse_quasi_static recovers E_r, H and m of a synthetic single-cycle indent") {
    test::SyntheticIndent s;  // E_r = 70 GPa, H = 9 GPa, m = 1.5, P_max = 10 mN
    const Curve c = s.make();
    const auto o = berkovich_options();
    const IndentResult r = analyse_quasi_static(c, AreaFunction::berkovich(), o);
    REQUIRE(r.cycles.size() == 1);
    const CycleResult& cy = r.cycles[0];
    REQUIRE(cy.usable);
    CHECK(r.segmentation_source == "data");
    // Exact data: the only error is the solver's tolerance (1e-10 on scaled parameters).
    CHECK_REL(cy.fit.exponent_m, 1.5, 1e-7);
    CHECK_REL(cy.fit.stiffness_N_per_m, s.stiffness(10e-3), 1e-7);
    CHECK_REL(cy.result.reduced_modulus_Pa, 70e9, 1e-7);
    CHECK_REL(cy.result.hardness_Pa, 9e9, 1e-7);
    CHECK_REL(cy.result.modulus_Pa, modulus_from_reduced_Pa(70e9, o.oliver_pharr), 1e-7);
    CHECK_REL(cy.result.depth_m, s.max_depth(10e-3), 1e-12);
    CHECK_REL(cy.fit.final_depth_m, s.final_depth(10e-3), 1e-7);
    // The cycle's rows are ordered: loading, hold, unloading.
    CHECK(cy.rows.load_begin < cy.rows.hold_begin);
    CHECK(cy.rows.hold_begin <= cy.rows.unload_begin);
    CHECK(cy.rows.unload_begin < cy.rows.unload_end);
}

TEST_CASE("analyse_quasi_static evaluates every cycle of a five-cycle test") {
    test::SyntheticIndent s;
    s.max_loads_N = {2e-3, 5e-3, 10e-3, 20e-3, 40e-3};
    const IndentResult r =
        analyse_quasi_static(s.make(), AreaFunction::berkovich(), berkovich_options());
    REQUIRE(r.cycles.size() == 5);
    for (std::size_t k = 0; k < 5; ++k) {
        CAPTURE(k);
        CAPTURE(r.cycles[k].status);
        REQUIRE(r.cycles[k].usable);
        CHECK_REL(r.cycles[k].fit.max_load_N, s.max_loads_N[k], 1e-12);
        CHECK_REL(r.cycles[k].result.hardness_Pa, 9e9, 1e-7);
        CHECK_REL(r.cycles[k].result.reduced_modulus_Pa, 70e9, 1e-7);
    }
}

TEST_CASE("measured thermal drift is removed from the low-load hold") {
    test::SyntheticIndent s;
    s.drift_rate_m_per_s = 0.05e-9;  // 0.05 nm/s, the NanoSuite allowable drift
    auto o = berkovich_options();
    o.drift = DriftMode::measured;
    const IndentResult r = analyse_quasi_static(s.make(), AreaFunction::berkovich(), o);
    CHECK_REL(r.drift_rate_m_per_s, 0.05e-9, 1e-9);
    REQUIRE(r.cycles.size() == 1);
    CHECK_REL(r.cycles[0].result.hardness_Pa, 9e9, 1e-7);
    // Without the correction the drift biases h_max and therefore H.
    const IndentResult raw =
        analyse_quasi_static(s.make(), AreaFunction::berkovich(), berkovich_options());
    CHECK(std::abs(raw.cycles[0].result.hardness_Pa / 9e9 - 1.0) > 1e-4);
}

TEST_CASE("frame compliance is removed as h - C_f P") {
    test::SyntheticIndent s;
    Curve c = s.make();
    const double cf = 0.2e-9 / 1e-3;  // 0.2 nm/mN
    auto& h = c.data.column(channel::depth).values;
    const auto& p = c.data.values(channel::load);
    for (std::size_t i = 0; i < h.size(); ++i) h[i] += cf * p[i];
    auto o = berkovich_options();
    o.frame_compliance_m_per_N = cf;
    const IndentResult r = analyse_quasi_static(c, AreaFunction::berkovich(), o);
    REQUIRE(r.cycles.size() == 1);
    CHECK_REL(r.cycles[0].result.reduced_modulus_Pa, 70e9, 1e-7);
}

TEST_CASE("analyse_quasi_static refuses a curve without unloading and names the bad option") {
    Curve c;
    c.name = "monotonic";
    std::vector<double> t, h, p;
    for (int i = 0; i < 200; ++i) {
        t.push_back(i);
        h.push_back(i * 1e-9);
        p.push_back(i * 1e-6);
    }
    c.data.add_column({channel::time, "s", "", "", t});
    c.data.add_column({channel::depth, "m", "", "", h});
    c.data.add_column({channel::load, "N", "", "", p});
    CHECK_THROWS_WITH_AS(analyse_quasi_static(c, AreaFunction::berkovich(), {}),
                         doctest::Contains("no loading followed by unloading"),
                         vitrum::AnalysisError);
    IndentOptions o;
    o.drift_fraction = 0.0;
    CHECK_THROWS_WITH_AS(analyse_quasi_static(c, AreaFunction::berkovich(), o),
                         doctest::Contains("drift_fraction"), vitrum::InvalidArgument);
}

TEST_CASE("ISO 14577 quantities and quality checks of a synthetic indent") {
    // Synthetic: perfect Berkovich 24.5 h², E_r 70 GPa, H 9 GPa, m 1.5, P_max 10 mN
    // (synthetic.hpp).
    vitrum::test::SyntheticIndent s;
    const vitrum::Curve curve = s.make();
    vitrum::indent::IndentOptions o;
    const auto r =
        vitrum::indent::analyse_quasi_static(curve, vitrum::indent::AreaFunction::berkovich(), o);
    REQUIRE(!r.cycles.empty());
    const auto& c = r.cycles.front();
    REQUIRE(c.usable);
    const double p = 10e-3, hmax = s.max_depth(p), stiff = s.stiffness(p);
    REQUIRE(c.iso.H_IT_Pa.has_value());
    CHECK_REL(*c.iso.H_IT_Pa, 9e9, 1e-6);  // exact data: fit error only
    CHECK_REL(*c.iso.h_r_m, hmax - p / stiff, 1e-6);
    CHECK_REL(*c.iso.HM_Pa, p / (26.43 * hmax * hmax), 1e-9);
    // Hold at constant depth: no creep; η_IT between 0 and 1.
    CHECK_ABS(*c.iso.C_IT, 0.0, 1e-12);
    REQUIRE(c.iso.eta_IT.has_value());
    CHECK(*c.iso.eta_IT > 0.0);
    CHECK(*c.iso.eta_IT < 1.0);
    CHECK_REL(*c.iso.W_plast_J + *c.iso.W_elast_J, *c.iso.W_total_J, 1e-12);
    CHECK(c.quality.crossing_load_fractions.empty());
    CHECK(c.quality.stuck_depth_rows == 0);
    CHECK_FALSE(c.quality.fit_at_bound);
    REQUIRE(c.quality.hold_drift_rate_m_per_s.has_value());
    CHECK_ABS(*c.quality.hold_drift_rate_m_per_s, 0.0, 1e-15);
}
