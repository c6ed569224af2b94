// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/fictive_temperature.hpp>

#include "curve_math.hpp"

namespace vitrum::dsc {

FictiveTemperatureResult fictive_temperature(const Thermogram& heating,
                                             const GlassTransitionResult& tg) {
    const std::vector<double>& T = heating.temperature_K;
    const std::vector<double> y = heating.endo_up();
    // The Tg result stores its lines in the thermogram's orientation; work endotherm-up.
    const double s = heating.endo_up_sign();
    const auto b1 = [&](double x) { return s * tg.baseline1(x); };
    const auto step = [&](double x) { return s * (tg.baseline2(x) - tg.baseline1(x)); };

    FictiveTemperatureResult r;
    r.lower_K = tg.baseline1_window_K.hi_K;
    r.upper_K = tg.baseline2_window_K.lo_K;
    const auto [a, b] = detail::rows_between(T, r.lower_K, r.upper_K);
    if (b < a + 3) {
        throw AnalysisError(
            fmt::format("fictive temperature: fewer than 3 points between {:.1f} "
                        "and {:.1f} K",
                        r.lower_K, r.upper_K));
    }
    std::vector<double> excess(b - a),
        Tw(T.begin() + static_cast<std::ptrdiff_t>(a), T.begin() + static_cast<std::ptrdiff_t>(b));
    for (std::size_t i = a; i < b; ++i) excess[i - a] = y[i] - b1(T[i]);
    r.excess_area = detail::trapezoid(Tw, excess, 0, excess.size());

    // Left side is the integral of a straight line: closed form, monotone in T_f.
    const double d1 = (step(r.upper_K) - step(r.lower_K)) / (r.upper_K - r.lower_K);
    const double d0 = step(r.upper_K) - d1 * r.upper_K;
    const auto liquid_area = [&](double x) {
        return d0 * (r.upper_K - x) + 0.5 * d1 * (r.upper_K * r.upper_K - x * x);
    };
    if (!(step(r.lower_K) > 0.0 && step(r.upper_K) > 0.0)) {
        throw AnalysisError("fictive temperature: the liquid baseline is not above the glassy one");
    }
    // Bracket far below T1: an overshoot can push T_f below the glassy window.
    double lo = r.lower_K - (r.upper_K - r.lower_K), hi = r.upper_K;
    if (!(liquid_area(lo) >= r.excess_area && liquid_area(hi) <= r.excess_area)) {
        throw AnalysisError(fmt::format(
            "fictive temperature: no T_f between {:.1f} and {:.1f} K balances the areas", lo, hi));
    }
    for (int it = 0; it < 200 && hi - lo > 1e-9; ++it) {
        const double mid = 0.5 * (lo + hi);
        (liquid_area(mid) > r.excess_area ? lo : hi) = mid;
    }
    r.fictive_K = 0.5 * (lo + hi);
    r.delta_cp = step(r.fictive_K) / tg.heating_rate_K_per_s;
    return r;
}

}  // namespace vitrum::dsc
