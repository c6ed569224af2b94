// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
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

struct SlopeNoise {
    double background = 0.0;  // typical slope away from the step [unit of y / K]
    double noise = 0.0;       // scatter of the smoothed slope away from the step [unit of y / K]
    double fwhm_K = 0.0;      // full width at half maximum of the slope peak [K]
};

// Background slope and slope noise, measured away from the candidate step. Over the whole
// window, a broad step (or one that fills most of the window) dominates both the median and
// the MAD of the slope and hides itself; so the rows within one derivative FWHM of the
// half-maximum points (±1.5 FWHM of the inflection, 2 % of the peak on a logistic step) are
// left out. The noise is never taken below the white noise of the raw signal propagated to the
// local-line slope of 2m + 1 points, σ_y / (h √(Σk²)) with Σk² = m(m+1)(2m+1)/3, so a short
// clean stretch beside the step cannot make any wiggle significant. Too few rows outside the
// step: the whole window is used (the former, conservative rule).
SlopeNoise slope_background(const std::vector<double>& T, const std::vector<double>& y,
                            const SmoothedSignal& sm, std::size_t a, std::size_t b,
                            std::size_t i_inf, std::size_t m) {
    const auto mad_about = [&](const std::vector<double>& v, double centre) {
        std::vector<double> dev(v.size());
        for (std::size_t k = 0; k < v.size(); ++k) dev[k] = std::fabs(v[k] - centre);
        return 1.4826 * detail::median_in_place(dev);
    };
    std::vector<double> all(sm.slope.begin() + static_cast<std::ptrdiff_t>(a),
                            sm.slope.begin() + static_cast<std::ptrdiff_t>(b));
    SlopeNoise out;
    out.background = detail::median(all, 0, all.size());
    const double half = 0.5 * (sm.slope[i_inf] - out.background);
    std::size_t hL = i_inf, hR = i_inf;
    while (hL > a && sm.slope[hL - 1] - out.background > half) --hL;
    while (hR + 1 < b && sm.slope[hR + 1] - out.background > half) ++hR;
    const double fwhm = T[hR] - T[hL];
    out.fwhm_K = fwhm;
    const double lo = T[hL] - fwhm, hi = T[hR] + fwhm;
    std::vector<double> outside;
    for (std::size_t i = a; i < b; ++i) {
        if (T[i] < lo || T[i] > hi) outside.push_back(sm.slope[i]);
    }
    if (outside.size() >= std::max<std::size_t>(2 * m + 1, 10)) {
        out.background = detail::median(outside, 0, outside.size());
        out.noise = mad_about(outside, out.background);
    } else {
        out.noise = mad_about(all, out.background);
    }
    const double h = (T[b - 1] - T[a]) / static_cast<double>(b - a - 1);
    const double md = static_cast<double>(m);
    const double sum_k2 = md * (md + 1.0) * (2.0 * md + 1.0) / 3.0;
    const double white = detail::noise_rms(y, a, b) / (std::fabs(h) * std::sqrt(sum_k2));
    out.noise = std::max(out.noise, white);
    return out;
}

// The smoothed curve, the usable rows [a, b) and the greatest slope, for half-window m.
struct Located {
    std::size_t m = 0, a = 0, b = 0, i_inf = 0;
    SmoothedSignal sm;
    SlopeNoise noise;
};

Located locate(const std::vector<double>& T, const std::vector<double>& y,
               const TemperatureWindow& sw, std::size_t m) {
    const std::size_t n = T.size();
    if (n < 2 * m + 1) throw no_step(sw, "too few points for the smoothing window");
    Located loc;
    loc.m = m;
    loc.sm = smooth_against(T, y, m);
    // Candidate rows: inside the search window and clear of the smoothing edge effects.
    std::tie(loc.a, loc.b) = detail::rows_between(T, sw.lo_K, sw.hi_K);
    loc.a = std::max(loc.a, m);
    loc.b = std::min(loc.b, n - m);
    if (loc.b < loc.a + 10) throw no_step(sw, "fewer than 10 usable points in the range");
    // Where the temperature barely moves (the programme turning at a segment end) dy/dT
    // explodes: keep rows whose local temperature step is at least half the median step.
    const double step_K = (T[loc.b - 1] - T[loc.a]) / static_cast<double>(loc.b - loc.a - 1);
    const auto slow = [&](std::size_t i) {
        return T[i + m] - T[i - m] < step_K * static_cast<double>(m);
    };
    while (loc.a < loc.b && slow(loc.a)) ++loc.a;
    while (loc.b > loc.a && slow(loc.b - 1)) --loc.b;
    if (loc.b < loc.a + 10) throw no_step(sw, "fewer than 10 usable points in the range");
    loc.i_inf = loc.a;
    for (std::size_t i = loc.a; i < loc.b; ++i) {
        if (loc.sm.slope[i] > loc.sm.slope[loc.i_inf]) loc.i_inf = i;
    }
    loc.noise = slope_background(T, y, loc.sm, loc.a, loc.b, loc.i_inf, m);
    return loc;
}

}  // namespace

void GlassTransitionOptions::validate() const {
    check_window(search_K, "search_K");
    check_window(baseline1_K, "baseline1_K");
    check_window(baseline2_K, "baseline2_K");
    require_positive(baseline_width_K, "baseline_width_K", "K");
    require_positive(smoothing_window_K, "smoothing_window_K", "K");
    require_open_interval(edge_fraction, 0.0, 0.5, "edge_fraction");
    require_positive(heating_rate_K_per_s, "heating_rate_K_per_s", "K/s");
}

namespace {

// The construction on search window `window`. When the steepest rise touches an end of the
// window, so that no automatic baseline fits beside it, and `edge` is given, *edge receives the
// window without that rise and nothing is returned.
std::optional<GlassTransitionResult> construct(const Thermogram& heating,
                                               const std::vector<double>& y,
                                               const GlassTransitionOptions& options,
                                               const TemperatureWindow& window,
                                               std::optional<TemperatureWindow>* edge) {
    const std::vector<double>& T = heating.temperature_K;
    const std::size_t n = T.size();
    GlassTransitionResult r;
    r.per_mass = heating.per_mass;
    r.search_window_K = window;
    const TemperatureWindow& sw = r.search_window_K;

    // A step much broader than the smoothing window (a borosilicate glass at 20 K/min spans
    // 100 K) leaves its slope as noisy as the raw points allow: the edges, the 95 % tangent
    // region and the greatest slope then follow the noise. The window is widened to a fifth of
    // the derivative's FWHM, which lowers the slope of a logistic step by < 1 %.
    // A slow ripple of the instrument (a few kelvin period) can make the greatest slope at the
    // narrow window a ripple, not the step: the window is doubled (up to an eighth of the
    // range) until a rise stands out.
    const auto significant = [](const Located& l) {
        return l.sm.slope[l.i_inf] - l.noise.background > 6.0 * l.noise.noise;
    };
    double window_K = options.smoothing_window_K;
    Located loc = locate(T, y, sw, half_window_for(T, window_K));
    while (!significant(loc) && 2.0 * window_K <= (T[loc.b - 1] - T[loc.a]) / 8.0) {
        window_K *= 2.0;
        const std::size_t m_wide = half_window_for(T, window_K);
        if (n < 2 * m_wide + 11) break;
        try {
            loc = locate(T, y, sw, m_wide);
        } catch (const AnalysisError&) {
            break;
        }
    }
    // Noise can cut the first FWHM short, so the widening is repeated until the window settles.
    for (int pass = 0; pass < 4; ++pass) {
        const std::size_t m_wide = half_window_for(T, loc.noise.fwhm_K / 5.0);
        if (m_wide <= loc.m || n < 2 * m_wide + 11) break;
        try {
            loc = locate(T, y, sw, m_wide);
        } catch (const AnalysisError&) {
            break;  // the range is too short for the wider window: keep the narrower one
        }
    }
    const std::size_t m = loc.m, b = loc.b, i_inf = loc.i_inf;
    const SmoothedSignal& sm = loc.sm;
    const double background = loc.noise.background;
    const double peak = sm.slope[i_inf] - background;
    if (!(peak > 0.0) || peak < 6.0 * loc.noise.noise) throw no_step(sw, "no rise above the noise");

    const double thr = options.edge_fraction * peak;
    std::size_t iL = i_inf;
    while (iL > m && sm.slope[iL] - background > thr) --iL;
    std::size_t iR0 = i_inf;
    while (iR0 + 1 < n - m && sm.slope[iR0] - background > thr) ++iR0;
    // Overshoot: within one step width after the rise, the slope turns clearly
    // negative before it could rise again; baseline 2 then starts where the fall is
    // over.
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
    const auto room = [&](const TemperatureWindow& w) {
        const auto [first, last] = detail::rows_between(T, w.lo_K, w.hi_K);
        return w.hi_K > w.lo_K && last >= first + 5;
    };
    // A rise at an end of the window (the start-up hook of the instrument, the turn of
    // the programme) is the window's edge, not a step: search again beside it.
    if (edge && !options.baseline1_K && !room(w1) && T[iL] <= sw.lo_K && T[iR0] < sw.hi_K) {
        *edge = TemperatureWindow{T[iR0], sw.hi_K};
        return std::nullopt;
    }
    if (edge && !options.baseline2_K && !room(w2) && T[iR0] >= sw.hi_K && T[iL] > sw.lo_K) {
        *edge = TemperatureWindow{sw.lo_K, T[iL]};
        return std::nullopt;
    }
    if (!(w1.hi_K > w1.lo_K)) throw no_step(sw, "no room for the glassy baseline before the step");
    if (!(w2.hi_K > w2.lo_K)) throw no_step(sw, "no room for the liquid baseline after the step");
    const LineFit b1 = fit_window(T, y, w1, "baseline 1 (glass)", r.baseline1_window_K);
    const LineFit b2 = fit_window(T, y, w2, "baseline 2 (liquid)", r.baseline2_window_K);

    // The tangent is the least-squares line through the raw points around the
    // inflection where the smoothed slope stays within 5 % of its peak (at least the
    // smoothing window): on a straight flank it averages many points; on a logistic
    // step of width w it lowers the slope by about 1 %.
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

}  // namespace

GlassTransitionResult find_glass_transition(const Thermogram& heating,
                                            const GlassTransitionOptions& options) {
    options.validate();
    const std::vector<double>& T = heating.temperature_K;
    const std::vector<double> y = heating.endo_up();
    if (T.size() < 20)
        throw AnalysisError(fmt::format("heating segment has only {} points", T.size()));
    TemperatureWindow window =
        options.search_K ? *options.search_K : TemperatureWindow{T.front(), T.back()};
    // At most two edge rises (one at each end) are stepped over.
    for (int attempt = 0;; ++attempt) {
        std::optional<TemperatureWindow> edge;
        auto r = construct(heating, y, options, window, attempt < 2 ? &edge : nullptr);
        if (r) return *r;
        window = *edge;
    }
}

}  // namespace vitrum::dsc
