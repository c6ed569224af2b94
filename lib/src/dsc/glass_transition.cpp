// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vitrum/core/error.hpp>
#include <vitrum/core/require.hpp>
#include <vitrum/dsc/glass_transition.hpp>
#include <vitrum/dsc/smoothing.hpp>

#include "curve_math.hpp"

namespace vitrum::dsc {

namespace {

void check_window(const std::optional<TemperatureWindow>& w, const char* name) {
    if (w && !(w->lo_K < w->hi_K && w->lo_K > 0.0 && std::isfinite(w->hi_K))) {
        throw InvalidArgument(
            fmt::format("{} must satisfy 0 K < lo < hi, got {}:{} K", name, w->lo_K, w->hi_K));
    }
}

AnalysisError no_step(const TemperatureWindow& w, const std::string& why) {
    return AnalysisError(fmt::format("no glass-transition step between {:.0f} and {:.0f} K ({})",
                                     w.lo_K, w.hi_K, why));
}

LineFit fit_window(const std::vector<double>& T, const std::vector<double>& y,
                   const TemperatureWindow& w, const char* name, TemperatureWindow& used) {
    const auto [a, b] = detail::rows_between(T, w.lo_K, w.hi_K);
    if (b < a + 5) {
        throw AnalysisError(
            fmt::format("{} window {:.1f}–{:.1f} K holds {} points; need at least 5", name, w.lo_K,
                        w.hi_K, b - a));
    }
    used = {T[a], T[b - 1]};
    return fit_line(T, y, a, b);
}

}  // namespace

void GlassTransitionOptions::validate() const {
    check_window(search_K, "search_K (--tg-range)");
    check_window(baseline1_K, "baseline1_K");
    check_window(baseline2_K, "baseline2_K");
    require_positive(baseline_width_K, "baseline_width_K", "K");
    require_positive(smoothing_window_K, "smoothing_window_K", "K");
    require_open_interval(edge_fraction, 0.0, 0.5, "edge_fraction");
    require_positive(heating_rate_K_per_s, "heating_rate_K_per_s", "K/s");
}

GlassTransitionResult find_glass_transition(const Thermogram& heating,
                                            const GlassTransitionOptions& options) {
    options.validate();
    const std::vector<double>& T = heating.temperature_K;
    const std::vector<double> y = heating.endo_up();
    const std::size_t n = T.size();
    if (n < 20) throw AnalysisError(fmt::format("heating segment has only {} points", n));

    GlassTransitionResult r;
    r.per_mass = heating.per_mass;
    r.search_window_K =
        options.search_K ? *options.search_K : TemperatureWindow{T.front(), T.back()};
    const TemperatureWindow& sw = r.search_window_K;

    const std::size_t m = half_window_for(T, options.smoothing_window_K);
    if (n < 2 * m + 1) throw no_step(sw, "too few points for the smoothing window");
    const SmoothedSignal sm = smooth_against(T, y, m);

    // Candidate rows: inside the search window and clear of the smoothing edge effects.
    auto [a, b] = detail::rows_between(T, sw.lo_K, sw.hi_K);
    a = std::max(a, m);
    b = std::min(b, n - m);
    if (b < a + 10) throw no_step(sw, "fewer than 10 usable points in the range");

    std::size_t i_inf = a;
    for (std::size_t i = a; i < b; ++i) {
        if (sm.slope[i] > sm.slope[i_inf]) i_inf = i;
    }
    const double background = detail::median(sm.slope, a, b);
    const double peak = sm.slope[i_inf] - background;
    // Scatter of the smoothed slope about its median: a step must stand well above it.
    std::vector<double> dev(b - a);
    for (std::size_t i = a; i < b; ++i) dev[i - a] = std::fabs(sm.slope[i] - background);
    const double slope_noise = 1.4826 * detail::median(dev, 0, dev.size());
    if (!(peak > 0.0) || peak < 6.0 * slope_noise) throw no_step(sw, "no rise above the noise");

    const double thr = options.edge_fraction * peak;
    std::size_t iL = i_inf;
    while (iL > m && sm.slope[iL] - background > thr) --iL;
    std::size_t iR0 = i_inf;
    while (iR0 + 1 < n - m && sm.slope[iR0] - background > thr) ++iR0;
    // Overshoot: within one step width after the rise, the slope turns clearly negative before
    // it could rise again; baseline 2 then starts where the fall is over.
    std::size_t iR = iR0;
    {
        const double reach = T[iR0] + (T[iR0] - T[iL]);
        std::size_t j = iR0;
        while (j + 1 < b && T[j] < reach && std::fabs(sm.slope[j] - background) <= thr) ++j;
        if (j + 1 < b && sm.slope[j] - background < -thr) {
            while (j + 1 < n - m && sm.slope[j] - background < -thr) ++j;
            iR = j;
        }
    }
    r.overshoot = iR > iR0;
    if (r.overshoot) {
        std::size_t top = i_inf;
        for (std::size_t i = i_inf; i <= iR; ++i) {
            if (sm.value[i] - background * T[i] > sm.value[top] - background * T[top]) top = i;
        }
        r.overshoot_peak_K = T[top];
    }

    // Baseline windows: a gap of a quarter step width keeps the rounded corners out.
    const double step_width = T[iR0] - T[iL];
    const double width =
        options.baseline_width_K ? *options.baseline_width_K : std::max(step_width, 5.0);
    const double gap = 0.25 * step_width;
    const TemperatureWindow w1 =
        options.baseline1_K
            ? *options.baseline1_K
            : TemperatureWindow{std::max(sw.lo_K, T[iL] - gap - width), T[iL] - gap};
    const TemperatureWindow w2 =
        options.baseline2_K
            ? *options.baseline2_K
            : TemperatureWindow{T[iR] + gap, std::min(sw.hi_K, T[iR] + gap + width)};
    if (!(w1.hi_K > w1.lo_K)) throw no_step(sw, "no room for the glassy baseline before the step");
    if (!(w2.hi_K > w2.lo_K)) throw no_step(sw, "no room for the liquid baseline after the step");
    const LineFit b1 = fit_window(T, y, w1, "baseline 1 (glass)", r.baseline1_window_K);
    const LineFit b2 = fit_window(T, y, w2, "baseline 2 (liquid)", r.baseline2_window_K);

    // The tangent is the least-squares line through the raw points around the inflection where
    // the smoothed slope stays within 5 % of its peak (at least the smoothing window): on a
    // straight flank it averages many points; on a logistic step of width w it lowers the
    // slope by about 1 %.
    std::size_t t0 = i_inf, t1 = i_inf;
    while (t0 > m && sm.slope[t0 - 1] - background >= 0.95 * peak) --t0;
    while (t1 + 1 < n - m && sm.slope[t1 + 1] - background >= 0.95 * peak) ++t1;
    const LineFit tangent = fit_line(T, y, std::min(t0, i_inf - m), std::max(t1, i_inf + m) + 1);
    r.inflection_K = T[i_inf];
    r.onset_extrapolated_K = tangent.intersect(b1);
    r.end_extrapolated_K = tangent.intersect(b2);

    // Midpoint: crossing of the half-height line nearest to the inflection.
    const auto half = [&](std::size_t i) { return sm.value[i] - 0.5 * (b1(T[i]) + b2(T[i])); };
    r.midpoint_K = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t k = 0; k < n; ++k) {
        const bool left_ok = i_inf >= k + 1 && i_inf - k - 1 >= iL;
        const bool right_ok = i_inf + k + 1 < n && i_inf + k <= iR0;
        if (!left_ok && !right_ok) break;
        if (right_ok && half(i_inf + k) <= 0 && half(i_inf + k + 1) > 0) {
            r.midpoint_K = detail::crossing(T, half(i_inf + k), half(i_inf + k + 1), i_inf + k);
            break;
        }
        if (left_ok && half(i_inf - k - 1) <= 0 && half(i_inf - k) > 0) {
            r.midpoint_K = detail::crossing(T, half(i_inf - k - 1), half(i_inf - k), i_inf - k - 1);
            break;
        }
    }
    if (!std::isfinite(r.midpoint_K)) throw no_step(sw, "the curve never crosses half step height");

    r.step_height = b2(r.midpoint_K) - b1(r.midpoint_K);
    const double level_noise = std::max(b1.residual_rms, b2.residual_rms);
    if (!(r.step_height > 5.0 * level_noise) || !(r.onset_extrapolated_K < r.end_extrapolated_K)) {
        throw no_step(sw, "the baselines do not enclose an endothermic step");
    }

    // First/last deviation: the smoothed curve departs from a baseline by more than
    // max(3 × its residual rms, 2 % of the step).
    const double dev1 = std::max(3.0 * b1.residual_rms, 0.02 * r.step_height);
    std::size_t j = i_inf;
    while (j > 0 && sm.value[j] - b1(T[j]) > dev1) --j;
    r.first_deviation_K = j + 1 < n ? detail::crossing(T, sm.value[j] - b1(T[j]) - dev1,
                                                       sm.value[j + 1] - b1(T[j + 1]) - dev1, j)
                                    : T[j];
    const double dev2 = std::max(3.0 * b2.residual_rms, 0.02 * r.step_height);
    std::size_t k = i_inf;
    if (r.overshoot) {
        while (k + 1 < n && T[k] < r.overshoot_peak_K) ++k;
    }
    while (k + 1 < n && std::fabs(sm.value[k] - b2(T[k])) > dev2) ++k;
    r.last_deviation_K = T[k];

    r.heating_rate_K_per_s = options.heating_rate_K_per_s ? *options.heating_rate_K_per_s
                                                          : fit_line(heating.time_s, T).slope;
    if (!(r.heating_rate_K_per_s > 0.0)) {
        throw AnalysisError(
            fmt::format("measured heating rate {} K/s is not positive", r.heating_rate_K_per_s));
    }
    r.delta_cp = r.step_height / r.heating_rate_K_per_s;

    // Report the construction in the thermogram's own orientation.
    const double s = heating.endo_up_sign();
    r.baseline1 = b1;
    r.baseline2 = b2;
    r.tangent = tangent;
    for (LineFit* line : {&r.baseline1, &r.baseline2, &r.tangent}) {
        line->slope *= s;
        line->intercept *= s;
    }
    return r;
}

}  // namespace vitrum::dsc
