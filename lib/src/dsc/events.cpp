// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vitrum/core/error.hpp>
#include <vitrum/core/require.hpp>
#include <vitrum/dsc/events.hpp>
#include <vitrum/dsc/smoothing.hpp>

#include "curve_math.hpp"

namespace vitrum::dsc {

void EventOptions::validate() const {
    require_positive(detection_half_window_K, "detection_half_window_K", "K");
    require_positive(quiet_sigma, "quiet_sigma", "1");
    require_positive(min_quiet_K, "min_quiet_K", "K");
    require_positive(significance_sigma, "significance_sigma", "1");
    require_positive(baseline_span_K, "baseline_span_K", "K");
    require_positive(spike_sigma, "spike_sigma", "1");
}

namespace {

using Rows = std::pair<std::size_t, std::size_t>;  // [first, last)

struct Scan {
    const std::vector<double>& T;
    const std::vector<double>& t;
    std::vector<double> y;  // endotherm-up, spikes removed
    SmoothedSignal sm;
    std::vector<double> background;  // background slope per row [unit of y / K]
    std::size_t m = 0;
    double sigma = 0.0;     // raw noise rms
    double sigma_sm = 0.0;  // noise rms of the smoothed value
    double sigma_s = 0.0;   // noise rms of the smoothed slope
    double orient = 1.0;    // endo-up → thermogram orientation
    bool per_mass = false;
};

// Single-row outliers: far from both neighbours and large against the local row-to-row change,
// which a sharp but sampled peak apex never is.
std::vector<double> remove_spikes(std::vector<double>& y, const std::vector<double>& T,
                                  double sigma, double spike_sigma) {
    std::vector<double> where;
    for (std::size_t i = 2; i + 2 < y.size(); ++i) {
        const double mean = 0.5 * (y[i - 1] + y[i + 1]);
        const double dev = std::fabs(y[i] - mean);
        const double local =
            std::max({std::fabs(y[i - 1] - y[i - 2]), std::fabs(y[i + 2] - y[i + 1]),
                      std::fabs(y[i + 1] - y[i - 1])});
        if (dev > spike_sigma * sigma && dev > 10.0 * local) {
            y[i] = mean;
            where.push_back(T[i]);
        }
    }
    return where;
}

// Runs of rows with quiet[i] true, at least min_K wide (and 3 rows).
std::vector<Rows> quiet_runs(const std::vector<unsigned char>& quiet, const std::vector<double>& T,
                             double min_K) {
    std::vector<Rows> out;
    const std::size_t n = quiet.size();
    for (std::size_t i = 0; i < n;) {
        if (!quiet[i]) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < n && quiet[j]) ++j;
        if (j - i >= 3 && T[j - 1] - T[i] >= min_K) out.emplace_back(i, j);
        i = j;
    }
    return out;
}

std::vector<Rows> find_quiet(const Scan& s, double quiet_sigma, double min_K) {
    const std::size_t n = s.T.size();
    std::vector<unsigned char> quiet(n, 0);
    for (std::size_t i = s.m; i + s.m < n; ++i)
        quiet[i] = std::fabs(s.sm.slope[i] - s.background[i]) <= quiet_sigma * s.sigma_s;
    return quiet_runs(quiet, s.T, min_K);
}

// Background slope interpolated between the median slopes of the quiet stretches; the pooled
// scatter of the slope about them is the slope noise (it holds ripple the white estimate misses).
void refine_background(Scan& s, const std::vector<Rows>& quiet) {
    if (quiet.empty()) return;
    std::vector<double> centre_K, level;
    std::vector<double> dev;
    for (const auto& [a, b] : quiet) {
        const double med = detail::median(s.sm.slope, a, b);
        centre_K.push_back(0.5 * (s.T[a] + s.T[b - 1]));
        level.push_back(med);
        for (std::size_t i = a; i < b; ++i) dev.push_back(std::fabs(s.sm.slope[i] - med));
    }
    const double mad = 1.4826 * detail::median_in_place(dev);
    s.sigma_s = std::max(s.sigma_s, mad);
    // The background slope is interpolated only between stretches whose slopes agree within
    // the noise; otherwise (a stretch on the long tail of a broad step) the median slope of all
    // quiet rows is used, so that the tail of a step is never taken as background.
    std::vector<double> all;
    for (const auto& [a, b] : quiet)
        all.insert(all.end(), s.sm.slope.begin() + static_cast<std::ptrdiff_t>(a),
                   s.sm.slope.begin() + static_cast<std::ptrdiff_t>(b));
    const double global = detail::median_in_place(all);
    for (double& v : level)
        if (std::fabs(v - global) > 3.0 * s.sigma_s) v = global;
    std::size_t k = 0;
    for (std::size_t i = 0; i < s.T.size(); ++i) {
        while (k + 1 < centre_K.size() && centre_K[k + 1] < s.T[i]) ++k;
        if (s.T[i] <= centre_K.front()) {
            s.background[i] = level.front();
        } else if (k + 1 >= centre_K.size()) {
            s.background[i] = level.back();
        } else {
            const double f = (s.T[i] - centre_K[k]) / (centre_K[k + 1] - centre_K[k]);
            s.background[i] = level[k] + f * (level[k + 1] - level[k]);
        }
    }
}

LineFit fit_rows(const Scan& s, const std::vector<Rows>& rows) {
    std::vector<double> x, v;
    for (const auto& [a, b] : rows) {
        x.insert(x.end(), s.T.begin() + static_cast<std::ptrdiff_t>(a),
                 s.T.begin() + static_cast<std::ptrdiff_t>(b));
        v.insert(v.end(), s.y.begin() + static_cast<std::ptrdiff_t>(a),
                 s.y.begin() + static_cast<std::ptrdiff_t>(b));
    }
    return fit_line(x, v);
}

LineFit oriented(LineFit line, double orient) {
    line.slope *= orient;
    line.intercept *= orient;
    return line;
}

// Rows around `centre` in [lo, hi] where sign·(slope − background) stays within 5 % of its value
// at `centre`, at least three rows: the straight part of an edge.
Rows tangent_rows(const Scan& s, std::size_t centre, std::size_t lo, std::size_t hi, double sign,
                  const std::vector<double>& base_slope) {
    const auto d = [&](std::size_t i) { return sign * (s.sm.slope[i] - base_slope[i - lo]); };
    const double top = d(centre);
    // On a noisy edge the greatest smoothed slope is a noise maximum: take the rows within three
    // slope-noise rms of it (at most 20 % below it), the straight part of a straight edge.
    const double thr = std::min(0.95 * top, std::max(0.8 * top, top - 6.0 * s.sigma_s));
    // Noise dips of up to m rows below the threshold do not end the straight part.
    std::size_t a = centre, b = centre;
    for (std::size_t i = centre, below = 0; i > lo && below <= s.m; --i) {
        if (d(i - 1) >= thr) {
            a = i - 1;
            below = 0;
        } else {
            ++below;
        }
    }
    for (std::size_t i = centre, below = 0; i < hi && below <= s.m; ++i) {
        if (d(i + 1) >= thr) {
            b = i + 1;
            below = 0;
        } else {
            ++below;
        }
    }
    if (b - a < 2) {
        a = centre > lo ? centre - 1 : lo;
        b = std::min(hi, a + 2);
    }
    return {a, b + 1};
}

enum class RegionKind { peaks, step, refused };

struct Region {
    std::size_t a = 0, b = 0;  // rows [a, b): active rows widened by the smoothing half-window
    std::size_t before = 0;    // index of the quiet run before (quiet.size() when none)
    std::size_t after = 0;     // index of the quiet run after
    RegionKind kind = RegionKind::peaks;
};

double trapezoid_t(const Scan& s, const std::vector<double>& z, std::size_t lo, std::size_t hi,
                   std::size_t offset) {
    double sum = 0.0;
    for (std::size_t i = lo; i < hi; ++i)
        sum += 0.5 * (z[i - offset] + z[i + 1 - offset]) * (s.t[i + 1] - s.t[i]);
    return sum;
}

// Glass step on region r with its glassy baseline fitted on rows w1 and its liquid baseline on
// rows w2.
void construct_step_on(const Scan& s, const Region& r, const Rows& w1, const Rows& w2,
                       const EventOptions& o, ScanEvents& out) {
    const auto& T = s.T;
    const std::size_t b1a = w1.first, b2b = w2.second;
    const Rows qb{w1.first, w1.second}, qa{w2.first, w2.second};
    const auto refuse = [&](const std::string& why) {
        out.refused.push_back(
            fmt::format("glass step near {:.1f} K: {}", 0.5 * (T[r.a] + T[r.b - 1]), why));
    };
    if (qb.second - b1a < 5 || b2b - qa.first < 5) {
        refuse("fewer than 5 quiet points for a baseline");
        return;
    }
    const LineFit b1 = fit_rows(s, {{b1a, qb.second}});
    const LineFit b2 = fit_rows(s, {{qa.first, b2b}});
    std::size_t i_inf = r.a;
    for (std::size_t i = r.a; i < r.b; ++i) {
        if (s.sm.slope[i] - s.background[i] > s.sm.slope[i_inf] - s.background[i_inf]) i_inf = i;
    }
    std::vector<double> bs(s.background.begin() + static_cast<std::ptrdiff_t>(r.a),
                           s.background.begin() + static_cast<std::ptrdiff_t>(r.b));
    const Rows tr = tangent_rows(s, i_inf, r.a, r.b - 1, 1.0, bs);
    const LineFit tangent = fit_line(T, s.y, tr.first, tr.second);
    GlassTransitionResult g;
    g.per_mass = s.per_mass;
    g.inflection_K = T[i_inf];
    g.onset_extrapolated_K = tangent.intersect(b1);
    g.end_extrapolated_K = tangent.intersect(b2);
    const auto half = [&](std::size_t i) { return s.sm.value[i] - 0.5 * (b1(T[i]) + b2(T[i])); };
    g.midpoint_K = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t k = 0; k < r.b - r.a; ++k) {
        if (i_inf + k + 1 < r.b && half(i_inf + k) <= 0 && half(i_inf + k + 1) > 0) {
            g.midpoint_K = detail::crossing(T, half(i_inf + k), half(i_inf + k + 1), i_inf + k);
            break;
        }
        if (i_inf >= r.a + k + 1 && half(i_inf - k - 1) <= 0 && half(i_inf - k) > 0) {
            g.midpoint_K = detail::crossing(T, half(i_inf - k - 1), half(i_inf - k), i_inf - k - 1);
            break;
        }
    }
    if (!std::isfinite(g.midpoint_K)) {
        refuse("the curve never crosses half step height");
        return;
    }
    g.step_height = b2(g.midpoint_K) - b1(g.midpoint_K);
    const double h_K = (T.back() - T.front()) / static_cast<double>(T.size() - 1);
    if (!(g.step_height > o.significance_sigma * s.sigma_sm) ||
        !(g.step_height > 3.0 * std::max(b1.residual_rms, b2.residual_rms)) ||
        g.end_extrapolated_K - g.onset_extrapolated_K < 2.0 * static_cast<double>(s.m) * h_K) {
        refuse(fmt::format("step of {:.3g} over {:.2f} K does not stand above the noise",
                           g.step_height, g.end_extrapolated_K - g.onset_extrapolated_K));
        return;
    }
    if (!(g.onset_extrapolated_K <= g.midpoint_K && g.midpoint_K <= g.end_extrapolated_K) ||
        !(g.step_height > 0.0)) {
        refuse(fmt::format("construction breaks T_eig <= T_mg <= T_efg ({:.2f}, {:.2f}, {:.2f} K)",
                           g.onset_extrapolated_K, g.midpoint_K, g.end_extrapolated_K));
        return;
    }
    // Overshoot: the smoothed curve rises clearly above the liquid line after the inflection.
    std::size_t top = i_inf;
    for (std::size_t i = i_inf; i < r.b; ++i)
        if (s.sm.value[i] - b2(T[i]) > s.sm.value[top] - b2(T[top])) top = i;
    const double excess = s.sm.value[top] - b2(T[top]);
    g.overshoot = excess > std::max(o.significance_sigma * s.sigma_sm, 0.05 * g.step_height);
    if (g.overshoot) g.overshoot_peak_K = T[top];
    const double dev1 = std::max(3.0 * b1.residual_rms, 0.02 * g.step_height);
    std::size_t j = i_inf;
    while (j > r.a && s.sm.value[j] - b1(T[j]) > dev1) --j;
    g.first_deviation_K = T[j];
    const double dev2 = std::max(3.0 * b2.residual_rms, 0.02 * g.step_height);
    std::size_t k = g.overshoot ? top : i_inf;
    while (k + 1 < r.b && std::fabs(s.sm.value[k] - b2(T[k])) > dev2) ++k;
    g.last_deviation_K = T[k];
    g.heating_rate_K_per_s = fit_line(s.t, T).slope;
    g.delta_cp = g.heating_rate_K_per_s > 0.0 ? g.step_height / g.heating_rate_K_per_s : 0.0;
    g.baseline1 = oriented(b1, s.orient);
    g.baseline2 = oriented(b2, s.orient);
    g.tangent = oriented(tangent, s.orient);
    g.search_window_K = {T.front(), T.back()};
    g.baseline1_window_K = {T[b1a], T[qb.second - 1]};
    g.baseline2_window_K = {T[qa.first], T[b2b - 1]};
    g.quality = excess > 0.5 * g.step_height ? Quality::overlapping : Quality::clean;
    if (g.step_height < 30.0 * s.sigma_sm) g.quality = Quality::noisy;
    ScanEvent e;
    e.kind = EventKind::glass_step;
    e.range_K = {T[r.a], T[r.b - 1]};
    e.step = g;
    out.events.push_back(std::move(e));
}

// Glass step on region r between quiet runs qb and qa. Baselines on the quiet stretches next to
// the step, at most one step width (≥ span) long. A step with smooth tails (a tanh or
// exponential relaxation) still bends the stretches right beside it, which tilts both lines
// and shrinks Δc_p by several per cent; so the construction is repeated with each baseline
// window moved one step width (T_efg − T_eig) away from the step where its quiet stretch is
// long enough, the straight parts beyond the tails (ISO 11357-2 §9: baselines where the curve
// is linear), and kept when it finds a clearly taller step. A compact step (straight edges)
// gives the same numbers either way, up to noise.
void construct_step(const Scan& s, const Region& r, const Rows& qb, const Rows& qa,
                    const EventOptions& o, ScanEvents& out) {
    const auto& T = s.T;
    const double width = std::max(T[r.b - 1] - T[r.a], o.baseline_span_K);
    std::size_t b1a = qb.first;
    while (b1a + 1 < qb.second && T[qb.second - 1] - T[b1a] > width) ++b1a;
    std::size_t b2b = qa.second;
    while (b2b > qa.first + 1 && T[b2b - 1] - T[qa.first] > width) --b2b;
    ScanEvents first;
    construct_step_on(s, r, {b1a, qb.second}, {qa.first, b2b}, o, first);
    if (first.events.empty()) {
        out.refused.insert(out.refused.end(), first.refused.begin(), first.refused.end());
        return;
    }
    const GlassTransitionResult& g = first.events.front().step;
    const double gap = g.end_extrapolated_K - g.onset_extrapolated_K;
    const double span = std::max(o.baseline_span_K, gap);
    const auto enough = [&](const Rows& w) {
        return w.second > w.first + 5 && T[w.second - 1] - T[w.first] >= 0.5 * span;
    };
    Rows w1{b1a, qb.second}, w2{qa.first, b2b};
    std::size_t e1 = qb.second;
    while (e1 > qb.first && T[e1 - 1] > g.onset_extrapolated_K - gap) --e1;
    std::size_t a1 = e1;
    while (a1 > qb.first && T[e1 - 1] - T[a1 - 1] <= span) --a1;
    if (enough({a1, e1})) w1 = {a1, e1};
    std::size_t a2 = qa.first;
    while (a2 < qa.second && T[a2] < g.end_extrapolated_K + gap) ++a2;
    std::size_t e2 = a2;
    while (e2 < qa.second && T[e2] - T[a2] <= span) ++e2;
    if (enough({a2, e2})) w2 = {a2, e2};
    if (w1 != Rows{b1a, qb.second} || w2 != Rows{qa.first, b2b}) {
        ScanEvents moved;
        construct_step_on(s, r, w1, w2, o, moved);
        // Only a clear gain counts: on a compact step the two differ by noise alone.
        if (!moved.events.empty() &&
            moved.events.front().step.step_height - g.step_height >
                std::max(0.02 * g.step_height, o.significance_sigma * s.sigma_sm)) {
            out.events.push_back(std::move(moved.events.front()));
            return;
        }
    }
    out.events.push_back(std::move(first.events.front()));
}

// Peaks on region r with baseline lines fitted on the quiet rows `before` and `after`.
void construct_peaks(const Scan& s, const Region& r, const std::vector<Rows>& before,
                     const std::vector<Rows>& after, const EventOptions& o, ScanEvents& out) {
    const auto& T = s.T;
    const LineFit lb = fit_rows(s, before);
    const LineFit la = fit_rows(s, after);
    const std::size_t a = r.a, b = r.b, len = b - a;
    const double Ta = T[a], Tb = T[b - 1];
    std::vector<double> B(len), q(len), qs(len), bslope(len);
    const double slope_ab = (la(Tb) - lb(Ta)) / (Tb - Ta);
    for (std::size_t i = a; i < b; ++i) {
        B[i - a] = lb(Ta) + slope_ab * (T[i] - Ta);
        q[i - a] = s.y[i] - B[i - a];
        qs[i - a] = s.sm.value[i] - B[i - a];
        bslope[i - a] = slope_ab;
    }
    if (o.peak_baseline == PeakBaseline::sigmoidal) {
        // ISO 11357-3 §9.2 sigmoidal baseline: from the line before to the line after in
        // proportion to the area already passed (the liquid's Δc_p is lost as it
        // crystallises); three passes settle it to well below the noise.
        for (int pass = 0; pass < 3; ++pass) {
            std::vector<double> cum(len, 0.0);
            for (std::size_t k = 1; k < len; ++k)
                cum[k] = cum[k - 1] + 0.5 * (q[k - 1] + q[k]) * (T[a + k] - T[a + k - 1]);
            const double total = cum[len - 1];
            if (!(std::fabs(total) > 0.0)) break;
            for (std::size_t k = 0; k < len; ++k) {
                const double f = std::clamp(cum[k] / total, 0.0, 1.0);
                B[k] = lb(T[a + k]) + f * (la(T[a + k]) - lb(T[a + k]));
                q[k] = s.y[a + k] - B[k];
                qs[k] = s.sm.value[a + k] - B[k];
            }
        }
    }
    const double sig = o.significance_sigma * s.sigma_sm;
    // Extrema of |qs|, each the largest of a run of one sign.
    struct Top {
        std::size_t k;
        double sign;
    };
    std::vector<Top> tops;
    double largest = 0.0;
    for (double v : qs) largest = std::max(largest, std::fabs(v));
    // Smoothing a sharp corner rings by a few per mille of opposite sign: a lobe must stand
    // above the noise and above 3 % of the region's largest excursion.
    const double least = std::max(sig, 0.03 * largest);
    for (std::size_t k = 1; k + 1 < len; ++k) {
        const double v = std::fabs(qs[k]);
        if (v > least && v >= std::fabs(qs[k - 1]) && v > std::fabs(qs[k + 1]) &&
            qs[k] * qs[k - 1] > 0 && qs[k] * qs[k + 1] > 0)
            tops.push_back({k, qs[k] > 0 ? 1.0 : -1.0});
    }
    const auto valley = [&](std::size_t p, std::size_t q2) {
        std::size_t v = p;
        for (std::size_t k = p; k <= q2; ++k)
            if (std::fabs(qs[k]) < std::fabs(qs[v]) || qs[k] * qs[p] <= 0) {
                v = k;
                if (qs[k] * qs[p] <= 0) break;
            }
        return v;
    };
    for (bool merged = true; merged && tops.size() > 1;) {
        merged = false;
        for (std::size_t j = 0; j + 1 < tops.size(); ++j) {
            const std::size_t p = tops[j].k, p2 = tops[j + 1].k;
            if (tops[j].sign != tops[j + 1].sign) continue;
            const std::size_t v = valley(p, p2);
            if (qs[v] * qs[p] <= 0) continue;  // the signal returns to the baseline between them
            const double lower = std::min(std::fabs(qs[p]), std::fabs(qs[p2]));
            if (lower - std::fabs(qs[v]) < std::max(0.5 * sig, 0.1 * lower)) {
                tops.erase(tops.begin() + static_cast<std::ptrdiff_t>(
                                              std::fabs(qs[p]) < std::fabs(qs[p2]) ? j : j + 1));
                merged = true;
                break;
            }
        }
    }
    if (tops.empty()) return;  // a noise excursion
    std::vector<std::size_t> bounds{0};
    std::vector<bool> touching;
    for (std::size_t j = 0; j + 1 < tops.size(); ++j) {
        std::size_t v = tops[j].k;
        for (std::size_t k = tops[j].k; k <= tops[j + 1].k; ++k)
            if (std::fabs(qs[k]) < std::fabs(qs[v])) v = k;
        bounds.push_back(v);
        touching.push_back(std::fabs(qs[v]) > 3.0 * s.sigma_sm);
    }
    bounds.push_back(len - 1);
    PeakGroup group;
    group.baseline_before = oriented(lb, s.orient);
    group.baseline_after = oriented(la, s.orient);
    group.before_window_K = {T[before.front().first], T[before.back().second - 1]};
    group.after_window_K = {T[after.front().first], T[after.back().second - 1]};
    group.baseline_T_K.assign(T.begin() + static_cast<std::ptrdiff_t>(a),
                              T.begin() + static_cast<std::ptrdiff_t>(b));
    group.baseline_value = B;
    for (double& v : group.baseline_value) v *= s.orient;
    for (std::size_t j = 0; j < tops.size(); ++j) {
        const std::size_t lo = bounds[j], hi = bounds[j + 1], p = tops[j].k;
        const double sg = tops[j].sign;
        PeakResult pk;
        pk.kind = sg > 0 ? PeakKind::endotherm : PeakKind::exotherm;
        pk.per_mass = s.per_mass;
        // Parabola through the three smoothed samples around the top.
        const double y0 = sg * qs[p - 1], y1 = sg * qs[p], y2 = sg * qs[p + 1];
        const double x0 = T[a + p - 1], x1 = T[a + p], x2 = T[a + p + 1];
        const double den = (x0 - x1) * (x0 - x2) * (x1 - x2);
        const double A = (x2 * (y1 - y0) + x1 * (y0 - y2) + x0 * (y2 - y1)) / den;
        const double Bq = (x2 * x2 * (y0 - y1) + x1 * x1 * (y2 - y0) + x0 * x0 * (y1 - y2)) / den;
        pk.peak_K = A < 0 ? std::clamp(-Bq / (2 * A), x0, x2) : x1;
        pk.height = y1;
        std::size_t i1 = lo, i2 = p;
        for (std::size_t k = lo; k <= p; ++k)
            if (sg * s.sm.slope[a + k] > sg * s.sm.slope[a + i1]) i1 = k;
        for (std::size_t k = p; k <= hi; ++k)
            if (sg * s.sm.slope[a + k] < sg * s.sm.slope[a + i2]) i2 = k;
        const Rows lead = tangent_rows(s, a + i1, a + lo, a + p, sg, bslope);
        const Rows trail = tangent_rows(s, a + i2, a + p, a + hi, -sg, bslope);
        std::vector<double> Tp(T.begin() + static_cast<std::ptrdiff_t>(a),
                               T.begin() + static_cast<std::ptrdiff_t>(b));
        const LineFit lead_fit = fit_line(Tp, q, lead.first - a, lead.second - a);
        const LineFit trail_fit = fit_line(Tp, q, trail.first - a, trail.second - a);
        pk.onset_extrapolated_K = -lead_fit.intercept / lead_fit.slope;
        pk.end_extrapolated_K = -trail_fit.intercept / trail_fit.slope;
        pk.leading_tangent = oriented(fit_line(T, s.y, lead.first, lead.second), s.orient);
        pk.trailing_tangent = oriented(fit_line(T, s.y, trail.first, trail.second), s.orient);
        pk.start_K = T[a + lo];
        pk.end_K = T[a + hi];
        pk.enthalpy = sg * trapezoid_t(s, q, a + lo, a + hi, a);
        const bool overlapping = (j > 0 && touching[j - 1]) || (j < touching.size() && touching[j]);
        pk.quality = overlapping                     ? Quality::overlapping
                     : pk.height < 30.0 * s.sigma_sm ? Quality::noisy
                                                     : Quality::clean;
        if (!(pk.onset_extrapolated_K < pk.peak_K && pk.peak_K < pk.end_extrapolated_K) ||
            !(pk.enthalpy > 0.0)) {
            out.refused.push_back(fmt::format(
                "{} near {:.1f} K: construction breaks T_ei < T_p < T_ef ({:.2f}, {:.2f}, {:.2f} "
                "K) or ΔH > 0",
                sg > 0 ? "endotherm" : "exotherm", pk.peak_K, pk.onset_extrapolated_K, pk.peak_K,
                pk.end_extrapolated_K));
            continue;
        }
        ScanEvent e;
        e.kind = sg > 0 ? EventKind::endotherm : EventKind::exotherm;
        e.range_K = {pk.start_K, pk.end_K};
        e.peak = pk;
        e.group = group;
        out.events.push_back(std::move(e));
    }
}

}  // namespace

ScanEvents find_events(const Thermogram& scan, const EventOptions& options) {
    options.validate();
    const std::size_t n = scan.size();
    if (n < 20) throw AnalysisError(fmt::format("scan has only {} rows; need at least 20", n));
    const std::vector<double>& T = scan.temperature_K;
    if (!(T.back() > T.front()))
        throw AnalysisError(fmt::format("temperature does not increase over the scan ({} → {} K)",
                                        T.front(), T.back()));
    Scan s{T,   scan.time_s, scan.endo_up(),      {},           {}, 0, 0.0,
           0.0, 0.0,         scan.endo_up_sign(), scan.per_mass};
    ScanEvents out;
    double scale = 0.0;
    for (double v : s.y) scale = std::max(scale, std::fabs(v));
    // Noise-free data (synthetic curves) would make every rounding error significant.
    const double floor = 1e-9 * scale + std::numeric_limits<double>::min();
    s.sigma = std::max(detail::noise_rms(s.y, 0, n), floor);
    out.spikes_K = remove_spikes(s.y, T, s.sigma, options.spike_sigma);
    if (!out.spikes_K.empty()) s.sigma = std::max(detail::noise_rms(s.y, 0, n), floor);
    out.noise = s.sigma;

    const double h = (T.back() - T.front()) / static_cast<double>(n - 1);
    s.m = std::max<std::size_t>(
        4, static_cast<std::size_t>(std::lround(options.detection_half_window_K / h)));
    s.m = std::min(s.m, (n - 1) / 4);
    if (s.m < 2) throw AnalysisError(fmt::format("scan has only {} rows; too few to smooth", n));
    s.sm = smooth_against(T, s.y, s.m);
    const double md = static_cast<double>(s.m);
    const double sum_k2 = md * (md + 1.0) * (2.0 * md + 1.0) / 3.0;
    s.sigma_sm = s.sigma * std::sqrt(1.5 / (2.0 * md + 1.0));
    s.sigma_s = s.sigma / (h * std::sqrt(sum_k2));
    s.background.assign(n, detail::median(s.sm.slope, s.m, n - s.m));
    std::vector<Rows> quiet = find_quiet(s, options.quiet_sigma, options.min_quiet_K);
    refine_background(s, quiet);
    quiet = find_quiet(s, options.quiet_sigma, options.min_quiet_K);
    refine_background(s, quiet);
    quiet = find_quiet(s, options.quiet_sigma, options.min_quiet_K);
    out.slope_noise = s.sigma_s;

    // Regions: what lies between consecutive quiet runs, widened by the smoothing half-window
    // into the quiet runs (the smoothed slope lags the raw corner by up to m rows); the quiet
    // runs used for baselines are shrunk by the same amount.
    std::vector<Rows> core;  // quiet rows kept for baselines
    std::vector<Region> regions;
    std::vector<double> level, excursion;
    std::vector<bool> refused_by;
    std::vector<std::size_t> refused_at;
    // Second pass: regions that are only noise join the quiet stretches around them, so that
    // baselines span them (the long tails of a broad step fragment into such regions).
    for (int pass = 0; pass < 2; ++pass) {
        core.clear();
        for (const auto& [qa, qb] : quiet) {
            const std::size_t a2 = qa + s.m, b2 = qb > s.m ? qb - s.m : 0;
            core.emplace_back(qa, qb);
            if (b2 > a2 + 5) core.back() = {a2, b2};
        }
        regions.clear();
        for (std::size_t k = 0; k + 1 < quiet.size(); ++k) {
            Region r;
            r.a = core[k].second;
            r.b = core[k + 1].first;
            if (r.b <= r.a + 2) continue;
            r.before = k;
            r.after = k + 1;
            regions.push_back(r);
        }

        // Classify: level change between the quiet stretches against the largest excursion.
        level.assign(regions.size(), 0.0);
        excursion.assign(regions.size(), 0.0);
        refused_by.assign(regions.size(), false);
        refused_at.assign(regions.size(), 0);
        out.refused.clear();
        for (std::size_t j = 0; j < regions.size(); ++j) {
            Region& r = regions[j];
            const Rows& qb = core[r.before];
            const Rows& qa = core[r.after];
            const double Tb = 0.5 * (T[qb.first] + T[qb.second - 1]);
            const double Ta = 0.5 * (T[qa.first] + T[qa.second - 1]);
            double mean_b = 0.0, mean_a = 0.0;
            for (std::size_t i = qb.first; i < qb.second; ++i) mean_b += s.y[i];
            for (std::size_t i = qa.first; i < qa.second; ++i) mean_a += s.y[i];
            mean_b /= static_cast<double>(qb.second - qb.first);
            mean_a /= static_cast<double>(qa.second - qa.first);
            const double slope_bg = 0.5 * (s.background[qb.first] + s.background[qa.second - 1]);
            level[j] = mean_a - mean_b - slope_bg * (Ta - Tb);
            excursion[j] = 0.0;
            for (std::size_t i = r.a; i < r.b; ++i) {
                const double base = mean_b + slope_bg * (T[i] - Tb);
                excursion[j] = std::max(excursion[j], std::fabs(s.sm.value[i] - base));
            }
            const double sig = options.significance_sigma * s.sigma_sm;
            if (excursion[j] < sig) {
                r.kind = RegionKind::refused;  // noise
            } else if (std::fabs(level[j]) >= 0.5 * excursion[j]) {
                if (level[j] > sig) {
                    r.kind = RegionKind::step;
                } else {
                    r.kind = RegionKind::refused;
                    refused_by[j] = std::fabs(level[j]) > sig;
                    refused_at[j] = out.refused.size();
                    if (refused_by[j])
                        out.refused.push_back(fmt::format(
                            "exothermic level shift between {:.1f} and {:.1f} K: not a glass step",
                            T[r.a], T[r.b - 1]));
                }
            }
        }
        std::vector<unsigned char> merged(n, 0);
        for (const auto& [qa, qb] : quiet)
            for (std::size_t i = qa; i < qb; ++i) merged[i] = 1;
        bool noise_found = false;
        for (const Region& r : regions) {
            if (r.kind != RegionKind::refused || refused_by[&r - regions.data()]) continue;
            if (excursion[static_cast<std::size_t>(&r - regions.data())] >=
                options.significance_sigma * s.sigma_sm)
                continue;
            noise_found = true;
            for (std::size_t i = quiet[r.before].first; i < quiet[r.after].second; ++i)
                merged[i] = 1;
        }
        if (!noise_found) break;
        quiet = quiet_runs(merged, T, options.min_quiet_K);
    }
    // The fall of an enthalpy-recovery overshoot, cut off its step by a flat top, is part of
    // the step: an exothermic level shift right after a step (closer than the step is wide).
    for (std::size_t j = 0; j + 1 < regions.size(); ++j) {
        Region& r = regions[j];
        Region& next = regions[j + 1];
        if (r.kind != RegionKind::step || next.kind == RegionKind::step || level[j + 1] >= 0.0 ||
            std::fabs(level[j + 1]) < 0.5 * excursion[j + 1])
            continue;
        if (T[next.a] - T[r.b - 1] > std::max(options.min_quiet_K, T[r.b - 1] - T[r.a])) continue;
        if (!out.refused.empty() && refused_by[j + 1])
            out.refused.erase(out.refused.begin() + static_cast<std::ptrdiff_t>(refused_at[j + 1]));
        r.b = next.b;
        r.after = next.after;
        regions.erase(regions.begin() + static_cast<std::ptrdiff_t>(j + 1));
        level.erase(level.begin() + static_cast<std::ptrdiff_t>(j + 1));
        excursion.erase(excursion.begin() + static_cast<std::ptrdiff_t>(j + 1));
        refused_by.erase(refused_by.begin() + static_cast<std::ptrdiff_t>(j + 1));
        refused_at.erase(refused_at.begin() + static_cast<std::ptrdiff_t>(j + 1));
    }
    // Peaks: baselines on at least baseline_span_K of quiet signal each side, skipping over
    // neighbouring peak regions, never across a step.
    const auto width = [&](const Rows& q) { return T[q.second - 1] - T[q.first]; };
    for (std::size_t j = 0; j < regions.size(); ++j) {
        const Region& r = regions[j];
        if (r.kind == RegionKind::step) {
            construct_step(s, r, core[r.before], core[r.after], options, out);
            continue;
        }
        if (r.kind != RegionKind::peaks) continue;
        std::vector<Rows> before{core[r.before]}, after{core[r.after]};
        double got = width(core[r.before]);
        for (std::size_t jj = j; got < options.baseline_span_K && jj > 0; --jj) {
            if (regions[jj - 1].kind == RegionKind::step) break;
            const Rows& q = core[regions[jj - 1].before];
            before.insert(before.begin(), q);
            got += width(q);
        }
        got = width(core[r.after]);
        for (std::size_t jj = j + 1; got < options.baseline_span_K && jj < regions.size(); ++jj) {
            if (regions[jj].kind == RegionKind::step) break;
            const Rows& q = core[regions[jj].after];
            after.push_back(q);
            got += width(q);
        }
        // Of a long adjacent stretch only the nearest baseline_span_K are used.
        while (before.size() == 1 && before[0].second - before[0].first > 5 &&
               width(before[0]) > options.baseline_span_K)
            ++before[0].first;
        while (after.size() == 1 && after[0].second - after[0].first > 5 &&
               width(after[0]) > options.baseline_span_K)
            --after[0].second;
        std::size_t total = 0;
        for (const auto& q : before) total += q.second - q.first;
        for (const auto& q : after) total += q.second - q.first;
        if (total < 5) {
            out.refused.push_back(fmt::format("peak between {:.1f} and {:.1f} K: no quiet baseline",
                                              T[r.a], T[r.b - 1]));
            continue;
        }
        construct_peaks(s, r, before, after, options, out);
    }
    std::sort(out.events.begin(), out.events.end(), [](const ScanEvent& x, const ScanEvent& y) {
        return x.range_K.lo_K < y.range_K.lo_K;
    });
    return out;
}

}  // namespace vitrum::dsc
