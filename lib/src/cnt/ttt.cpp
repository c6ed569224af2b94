// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <boost/math/tools/minima.hpp>
#include <cmath>
#include <limits>
#include <vitrum/cnt/ttt.hpp>
#include <vitrum/core/error.hpp>

namespace vitrum::cnt {
namespace {

constexpr double kPi = 3.14159265358979323846;

}  // namespace

void TttOptions::validate() const {
    if (!(detectable_fraction > 0.0 && detectable_fraction < 1.0)) {
        throw InvalidArgument(
            fmt::format("detectable_fraction must be in (0, 1), got {}", detectable_fraction));
    }
    if (points < 3 || points > 10'000'000) {
        throw InvalidArgument(fmt::format("TTT points must be in [3, 10^7], got {}", points));
    }
    if (min_K < 0.0 || max_K < 0.0 || (max_K > 0.0 && min_K >= max_K)) {
        throw InvalidArgument(fmt::format("TTT range {} … {} K is empty", min_K, max_K));
    }
}

double crystallization_time_s(const CntPoint& point, double detectable_fraction) {
    const double i = point.nucleation_rate_per_m3_s;
    const double u = point.growth_rate_m_per_s;
    if (point.state != NucleationState::nucleating || !(i > 0.0) || !(u > 0.0)) {
        return std::numeric_limits<double>::infinity();
    }
    // In logs: I can underflow to tiny values where I·U³ would lose all precision.
    const double log_t =
        0.25 * (std::log(3.0 * detectable_fraction / kPi) - std::log(i) - 3.0 * std::log(u));
    return std::exp(log_t);
}

TttResult ttt_curve(const CntModel& model, const TttOptions& options) {
    options.validate();
    if (model.mobility.model == MobilityModel::none) {
        throw InvalidArgument("TTT needs a mobility (viscosity or diffusivity) model; got none");
    }
    const double tm = model.thermodynamics().melting_K;
    const double lo = options.min_K > 0.0 ? options.min_K : 0.4 * tm;
    const double hi =
        options.max_K > 0.0 ? std::min(options.max_K, tm * (1.0 - 1e-6)) : tm * (1.0 - 1e-3);
    if (!(lo < hi)) {
        throw InvalidArgument(
            fmt::format("TTT range {} … {} K lies at or above T_m = {} K", lo, hi, tm));
    }
    TttResult result;
    result.detectable_fraction = options.detectable_fraction;
    const double step = (hi - lo) / (options.points - 1);
    std::size_t best = 0;
    double best_time = std::numeric_limits<double>::infinity();
    for (int k = 0; k < options.points; ++k) {
        const double t = lo + k * step;
        const double time = crystallization_time_s(evaluate(model, t), options.detectable_fraction);
        if (!std::isfinite(time)) continue;
        if (time < best_time) {
            best_time = time;
            best = result.curve.size();
        }
        result.curve.push_back({t, time});
    }
    if (result.curve.empty()) {
        throw AnalysisError(fmt::format(
            "TTT: no temperature between {:.1f} and {:.1f} K gives a finite crystallization time "
            "(I or U is zero everywhere)",
            lo, hi));
    }
    const double t_best = result.curve[best].temperature_K;
    result.nose_temperature_K = t_best;
    result.nose_time_s = best_time;
    result.has_nose = t_best > lo + 0.5 * step && t_best < hi - 0.5 * step;
    if (result.has_nose) {
        const auto log_time = [&](double t) {
            const double time =
                crystallization_time_s(evaluate(model, t), options.detectable_fraction);
            return std::isfinite(time) ? std::log(time) : std::numeric_limits<double>::max();
        };
        const auto [t_nose, log_t_nose] =
            boost::math::tools::brent_find_minima(log_time, t_best - step, t_best + step, 40);
        if (log_t_nose < std::log(best_time)) {
            result.nose_temperature_K = t_nose;
            result.nose_time_s = std::exp(log_t_nose);
        }
    }
    const double liquidus = options.liquidus_K > 0.0 ? options.liquidus_K : tm;
    result.critical_cooling_rate_K_per_s =
        (liquidus - result.nose_temperature_K) / result.nose_time_s;
    return result;
}

}  // namespace vitrum::cnt
