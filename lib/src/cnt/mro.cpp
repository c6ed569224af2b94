// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vitrum/cnt/mro.hpp>
#include <vitrum/core/error.hpp>

namespace vitrum::cnt {

double mro_ratio(const CntPoint& point, double mro_diameter_m) {
    if (point.state != NucleationState::nucleating) return 0.0;
    return mro_diameter_m / point.nucleus.diameter_m;
}

MroComparison compare_with_mro(const CntModel& model, double mro_diameter_m, double min_K,
                               double max_K, int scan_points) {
    if (!(mro_diameter_m > 0.0 && std::isfinite(mro_diameter_m))) {
        throw InvalidArgument(
            fmt::format("--mro: domain size must be > 0 m, got {}", mro_diameter_m));
    }
    const double tm = model.thermodynamics().melting_K;
    const double hi = std::min(max_K, tm * (1.0 - 1e-9));
    if (!(min_K > 0.0 && min_K < hi) || scan_points < 3) {
        throw InvalidArgument(fmt::format(
            "--mro: search range {} … {} K must be non-empty, above 0 K and below T_m = {} K",
            min_K, max_K, tm));
    }
    MroComparison out;
    out.mro_diameter_m = mro_diameter_m;
    out.search_min_K = min_K;
    out.search_max_K = hi;
    out.min_critical_diameter_m = std::numeric_limits<double>::infinity();
    // Above T_m or without driving force d* is unbounded: treat as +inf, so d* − d_MRO > 0.
    const auto excess = [&](double t) {
        const CntPoint p = evaluate(model, t);
        if (p.state != NucleationState::nucleating) return std::numeric_limits<double>::max();
        return p.nucleus.diameter_m - mro_diameter_m;
    };
    const double step = (hi - min_K) / (scan_points - 1);
    double t_prev = min_K;
    double f_prev = excess(t_prev);
    for (int k = 0; k < scan_points; ++k) {
        const double t = k == scan_points - 1 ? hi : min_K + k * step;
        const double f = k == 0 ? f_prev : excess(t);
        if (f + mro_diameter_m < out.min_critical_diameter_m) {
            out.min_critical_diameter_m = f + mro_diameter_m;
            out.min_critical_diameter_at_K = t;
        }
        if (k > 0 && (f_prev < 0.0) != (f < 0.0)) {
            if (f == 0.0) {
                out.crossing_K.push_back(t);
            } else {
                std::uintmax_t iterations = 100;
                const auto tol = [](double a, double b) {
                    return std::fabs(a - b) <= 1e-10 * std::fabs(a);
                };
                const auto [a, b] = boost::math::tools::toms748_solve(excess, t_prev, t, f_prev, f,
                                                                      tol, iterations);
                out.crossing_K.push_back(0.5 * (a + b));
            }
        }
        t_prev = t;
        f_prev = f;
    }
    return out;
}

}  // namespace vitrum::cnt
