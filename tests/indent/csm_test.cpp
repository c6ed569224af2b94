// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/indent/csm.hpp>

#include "check.hpp"

using namespace vitrum;
using namespace vitrum::indent;

namespace {
// CSM loading curve on a perfect Berkovich with constant E_r and H, measured through a frame.
Series csm_series(double er, double hard, double frame_stiffness) {
    Series s;
    std::vector<double> h, p, k;
    for (int i = 1; i <= 400; ++i) {
        const double hc = i * 1e-9;
        const double a = 24.5 * hc * hc;
        const double load = hard * a;
        const double sc = 2.0 * er * std::sqrt(a) / std::sqrt(M_PI);
        h.push_back(hc + 0.75 * load / sc);
        p.push_back(load);
        k.push_back(std::isinf(frame_stiffness) ? sc : 1.0 / (1.0 / sc + 1.0 / frame_stiffness));
    }
    // Unloading rows after the peak must be ignored.
    for (int i = 0; i < 20; ++i) {
        h.push_back(h.back() - 1e-9);
        p.push_back(p.back() * 0.9);
        k.push_back(k.back());
    }
    s.add_column({channel::depth, "m", "", "", h});
    s.add_column({channel::load, "N", "", "", p});
    s.add_column({channel::harmonic_stiffness, "N/m", "", "", k});
    return s;
}
}  // namespace

TEST_CASE("analyse_csm recovers constant E_r and H versus depth and averages 100-200 nm") {
    CsmOptions o;
    o.oliver_pharr.sample_poisson_ratio = 0.18;
    const CsmResult r =
        analyse_csm(csm_series(69.88e9, 9.5e9, INFINITY), AreaFunction::berkovich(), o);
    CHECK(r.points.size() == 400);  // the unloading tail is excluded
    for (const auto& pt : r.points) CHECK_REL(pt.reduced_modulus_Pa, 69.88e9, 1e-12);
    CHECK_REL(r.mean_hardness_Pa, 9.5e9, 1e-12);
    CHECK_REL(r.mean_reduced_modulus_Pa, 69.88e9, 1e-12);
    CHECK_REL(r.mean_modulus_Pa, modulus_from_reduced_Pa(69.88e9, o.oliver_pharr), 1e-12);
    CHECK_ABS(r.sd_hardness_Pa, 0.0, 1e-3);
    CHECK(r.window_points > 50);
}

TEST_CASE("analyse_csm removes the frame stiffness as 1/S = 1/S_meas - 1/K_f") {
    CsmOptions o;
    o.frame_stiffness_N_per_m = 5e6;
    const CsmResult r = analyse_csm(csm_series(100e9, 5e9, 5e6), AreaFunction::berkovich(), o);
    CHECK_REL(r.mean_reduced_modulus_Pa, 100e9, 1e-10);
    CHECK_REL(contact_stiffness_N_per_m(1e5, 1e6), 1.0 / (1e-5 - 1e-6), 1e-14);
    CHECK(std::isnan(contact_stiffness_N_per_m(2e6, 1e6)));
    o.min_depth_m = 300e-9;
    o.max_depth_m = 200e-9;
    CHECK_THROWS_WITH_AS(o.validate(), doctest::Contains("min_depth_m < max_depth_m"),
                         vitrum::InvalidArgument);
}
