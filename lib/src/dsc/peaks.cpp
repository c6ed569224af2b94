// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/core/require.hpp>
#include <vitrum/dsc/peaks.hpp>
#include <vitrum/dsc/smoothing.hpp>

#include "curve_math.hpp"

namespace vitrum::dsc {

void PeakOptions::validate() const {
    if (search_K && !(search_K->lo_K < search_K->hi_K && search_K->lo_K > 0.0)) {
        throw InvalidArgument(
            fmt::format("search_K must satisfy 0 K < lo < hi, got "
                        "{}:{} K",
                        search_K->lo_K, search_K->hi_K));
    }
    require_positive(baseline_width_K, "baseline_width_K", "K");
    require_positive(smoothing_window_K, "smoothing_window_K", "K");
    require_open_interval(min_height_fraction, 0.0, 1.0, "min_height_fraction");
    require_open_interval(end_margin_fraction, 0.0, 0.5, "end_margin_fraction");
    require_open_interval(edge_fraction, 0.0, 0.5, "edge_fraction");
    if (max_peaks < 1) throw InvalidArgument("max_peaks must be >= 1, got 0");
}

namespace {

const char* kind_name(PeakKind kind) {
    return kind == PeakKind::exotherm ? "exothermic" : "endothermic";
}

struct Context {
    const std::vector<double>& T;
    const std::vector<double>& t;
    const std::vector<double>& z;  // signal with peaks positive
    const SmoothedSignal& sm;
    const PeakOptions& options;
    TemperatureWindow sw;
    double noise_s;
    double to_signal;  // z → thermogram orientation
    bool per_mass;
    std::size_t m;  // smoothing half-window [samples]
};

struct Built {
    PeakGroup group;
    std::vector<PeakResult> peaks;
    std::size_t s = 0, e = 0;  // integration rows [s, e)
    std::vector<double> B;     // baseline on [s, e) in z units
};

LineFit fit_side(const Context& c, double lo, double hi, const char* side, double near_K,
                 TemperatureWindow& used) {
    const auto [a, b] = detail::rows_between(c.T, lo, hi);
    if (b < a + 5) {
        throw AnalysisError(fmt::format(
            "no room for a baseline {} the {} peak near {:.1f} K ({:.1f}–{:.1f} K holds {} points)",
            side, kind_name(c.options.kind), near_K, lo, hi, b - a));
    }
    used = {c.T[a], c.T[b - 1]};
    return fit_line(c.T, c.z, a, b);
}

// Baselines, interpolated baseline and integration rows for a group spanning rows [iS, iE].
Built make_group(const Context& c, std::size_t iS, std::size_t i_max, std::size_t iE) {
    const auto& T = c.T;
    Built g;
    const double span = T[iE] - T[iS];
    const double width =
        c.options.baseline_width_K ? *c.options.baseline_width_K : std::max(0.5 * span, 3.0);
    // A gap of half the rise keeps the baseline windows clear of the peak's tails.
    double gapL = 0.5 * (T[i_max] - T[iS]);
    double gapR = 0.5 * (T[iE] - T[i_max]);
    const double lo_limit = std::max(c.sw.lo_K, T.front());
    const double hi_limit = std::min(c.sw.hi_K, T.back());
    if (T[iS] - gapL - lo_limit < 1.0) gapL = 0.0;
    if (hi_limit - T[iE] - gapR < 1.0) gapR = 0.0;
    const double before_hi = T[iS] - gapL;
    const double after_lo = T[iE] + gapR;
    g.group.baseline_before = fit_side(c, std::max(lo_limit, before_hi - width), before_hi,
                                       "before", T[i_max], g.group.before_window_K);
    g.group.baseline_after = fit_side(c, after_lo, std::min(hi_limit, after_lo + width), "after",
                                      T[i_max], g.group.after_window_K);
    const auto [s, e_excl] =
        detail::rows_between(T, g.group.before_window_K.hi_K, g.group.after_window_K.lo_K);
    g.s = s;
    g.e = e_excl;
    const LineFit& bb = g.group.baseline_before;
    const LineFit& ba = g.group.baseline_after;
    const double Ts = T[s], Te = T[g.e - 1];
    g.B.resize(g.e - g.s);
    for (std::size_t i = s; i < g.e; ++i) {
        g.B[i - s] = bb(Ts) + (ba(Te) - bb(Ts)) * (T[i] - Ts) / (Te - Ts);
    }
    if (c.options.baseline == PeakBaseline::sigmoidal) {
        // Weight the two lines by the converted fraction; three passes settle it.
        std::vector<double> alpha(g.B.size());
        for (int pass = 0; pass < 3; ++pass) {
            double total = 0.0;
            alpha[0] = 0.0;
            for (std::size_t i = s + 1; i < g.e; ++i) {
                total += 0.5 * ((c.z[i] - g.B[i - s]) + (c.z[i - 1] - g.B[i - 1 - s])) *
                         (c.t[i] - c.t[i - 1]);
                alpha[i - s] = total;
            }
            for (std::size_t k = 0; k < g.B.size(); ++k) {
                const double a = total != 0.0 ? std::clamp(alpha[k] / total, 0.0, 1.0) : 0.0;
                g.B[k] = (1.0 - a) * bb(T[s + k]) + a * ba(T[s + k]);
            }
        }
    }
    return g;
}

double baseline_slope(const Built& g, const std::vector<double>& T, std::size_t i) {
    const std::size_t k = i - g.s;
    const std::size_t k0 = k > 0 ? k - 1 : k;
    const std::size_t k1 = k + 1 < g.B.size() ? k + 1 : k;
    const double dT = T[g.s + k1] - T[g.s + k0];
    return dT != 0.0 ? (g.B[k1] - g.B[k0]) / dT : 0.0;
}

void construct_peaks(const Context& c, Built& g) {
    const auto& T = c.T;
    const auto& sm = c.sm;
    const std::size_t s = g.s, e = g.e;
    std::vector<double> cs(e - s), slope(e - s), raw(e - s);
    for (std::size_t i = s; i < e; ++i) {
        cs[i - s] = sm.value[i] - g.B[i - s];
        raw[i - s] = c.z[i] - g.B[i - s];
        slope[i - s] = sm.slope[i] - baseline_slope(g, T, i);
    }
    const double top = *std::max_element(cs.begin(), cs.end());
    const double prominence = std::max(c.options.min_height_fraction * top, 5.0 * c.noise_s);
    std::vector<std::size_t> maxima;
    for (std::size_t k = 1; k + 1 < cs.size(); ++k) {
        if (cs[k] >= cs[k - 1] && cs[k] > cs[k + 1] && cs[k] >= prominence) maxima.push_back(k);
    }
    // Keep only maxima separated from their neighbour by a valley deeper than `prominence`.
    for (bool merged = true; merged && maxima.size() > 1;) {
        merged = false;
        for (std::size_t j = 0; j + 1 < maxima.size(); ++j) {
            const std::size_t p = maxima[j], q = maxima[j + 1];
            const double valley =
                *std::min_element(cs.begin() + static_cast<std::ptrdiff_t>(p),
                                  cs.begin() + static_cast<std::ptrdiff_t>(q) + 1);
            if (std::min(cs[p], cs[q]) - valley < prominence) {
                maxima.erase(maxima.begin() +
                             static_cast<std::ptrdiff_t>(cs[p] < cs[q] ? j : j + 1));
                merged = true;
                break;
            }
        }
    }
    std::vector<std::size_t> bounds{0};
    for (std::size_t j = 0; j + 1 < maxima.size(); ++j) {
        const auto first = cs.begin() + static_cast<std::ptrdiff_t>(maxima[j]);
        const auto last = cs.begin() + static_cast<std::ptrdiff_t>(maxima[j + 1]) + 1;
        bounds.push_back(static_cast<std::size_t>(std::min_element(first, last) - cs.begin()));
    }
    bounds.push_back(cs.size() - 1);
    std::vector<double> t_part(c.t.begin() + static_cast<std::ptrdiff_t>(s),
                               c.t.begin() + static_cast<std::ptrdiff_t>(e));
    std::vector<double> T_part(T.begin() + static_cast<std::ptrdiff_t>(s),
                               T.begin() + static_cast<std::ptrdiff_t>(e));
    for (std::size_t j = 0; j < maxima.size(); ++j) {
        const std::size_t lo = bounds[j], hi = bounds[j + 1], p = maxima[j];
        PeakResult pk;
        pk.kind = c.options.kind;
        pk.per_mass = c.per_mass;
        // Parabola through the three samples around the maximum.
        const double y0 = cs[p - 1], y1 = cs[p], y2 = cs[p + 1];
        const double x0 = T_part[p - 1], x1 = T_part[p], x2 = T_part[p + 1];
        const double denom = (x0 - x1) * (x0 - x2) * (x1 - x2);
        const double A = (x2 * (y1 - y0) + x1 * (y0 - y2) + x0 * (y2 - y1)) / denom;
        const double Bq = (x2 * x2 * (y0 - y1) + x1 * x1 * (y2 - y0) + x0 * x0 * (y1 - y2)) / denom;
        pk.peak_K = A < 0 ? std::clamp(-Bq / (2 * A), x0, x2) : x1;
        pk.height = y1;
        std::size_t i1 = lo, i2 = p;
        for (std::size_t k = lo; k <= p; ++k)
            if (slope[k] > slope[i1]) i1 = k;
        for (std::size_t k = p; k <= hi; ++k)
            if (slope[k] < slope[i2]) i2 = k;
        // Tangents: least-squares lines through the raw points of the smoothing window centred
        // on each edge's inflection; the onset/end is where the corrected line reaches zero.
        const auto window = [&](std::size_t k) {
            const std::size_t first = k >= c.m ? k - c.m : 0;
            return std::make_pair(first, std::min(raw.size(), k + c.m + 1));
        };
        const auto [l0, l1] = window(i1);
        const auto [t0, t1] = window(i2);
        const LineFit lead = fit_line(T_part, raw, l0, l1);
        const LineFit trail = fit_line(T_part, raw, t0, t1);
        pk.onset_extrapolated_K = -lead.intercept / lead.slope;
        pk.end_extrapolated_K = -trail.intercept / trail.slope;
        const auto on_signal = [&](std::size_t first, std::size_t last) {
            LineFit line = fit_line(T, c.z, s + first, s + last);
            line.slope *= c.to_signal;
            line.intercept *= c.to_signal;
            return line;
        };
        pk.leading_tangent = on_signal(l0, l1);
        pk.trailing_tangent = on_signal(t0, t1);
        pk.start_K = T_part[lo];
        pk.end_K = T_part[hi];
        pk.enthalpy = detail::trapezoid(t_part, raw, lo, hi + 1);
        g.peaks.push_back(pk);
    }
    g.group.baseline_T_K = T_part;
    g.group.baseline_value = g.B;
    for (double& v : g.group.baseline_value) v *= c.to_signal;
    for (LineFit* line : {&g.group.baseline_before, &g.group.baseline_after}) {
        line->slope *= c.to_signal;
        line->intercept *= c.to_signal;
    }
}

// A bump above the chord on the flank of a step (a glass transition, a drifting edge) is not a
// peak: the lines fitted before and after it lie at different levels, and extrapolated to the
// top of the bump they differ by more than the bump stands above the interpolated baseline. A
// real peak returns to (nearly) its own baseline: a change of c_p across a crystallisation or
// melting peak is a small fraction of its height.
bool straddles_step(const Context& c, const Built& g, std::size_t i_max) {
    if (i_max < g.s || i_max >= g.e) return true;
    const double Tp = c.T[i_max];
    const double level_change = std::fabs(g.group.baseline_before(Tp) - g.group.baseline_after(Tp));
    const double height = c.sm.value[i_max] - g.B[i_max - g.s];
    return !(height > level_change);
}

// 1.4826·MAD of (smoothed − five-times-wider smoothed) over rows [a, b) [unit of z].
double ripple_rms(const std::vector<double>& T, const std::vector<double>& z,
                  const SmoothedSignal& sm, std::size_t a, std::size_t b, std::size_t m) {
    const std::size_t m_wide = std::min(5 * m, (T.size() - 1) / 2);
    if (m_wide <= m) return 0.0;
    const SmoothedSignal wide = smooth_against(T, z, m_wide);
    std::vector<double> dev;
    dev.reserve(b - a);
    for (std::size_t i = a; i < b; ++i) dev.push_back(std::fabs(sm.value[i] - wide.value[i]));
    return 1.4826 * detail::median_in_place(dev);
}

// Integration ranges of reported groups are disjoint; the earlier (taller) group wins.
bool overlaps(const std::vector<Built>& groups, const Built& g) {
    return std::any_of(groups.begin(), groups.end(),
                       [&](const Built& o) { return g.s < o.e && o.s < g.e; });
}

}  // namespace

PeakSearchResult find_peaks(const Thermogram& heating, const PeakOptions& options) {
    options.validate();
    const std::vector<double>& T = heating.temperature_K;
    const std::size_t n = T.size();
    const double flip = options.kind == PeakKind::exotherm ? -1.0 : 1.0;
    std::vector<double> z = heating.endo_up();
    for (double& v : z) v *= flip;

    PeakSearchResult out;
    out.baseline = options.baseline;
    out.search_window_K = options.search_K ? *options.search_K
                                           : TemperatureWindow{T.empty() ? 0.0 : T.front(),
                                                               T.empty() ? 0.0 : T.back()};
    const TemperatureWindow sw = out.search_window_K;
    const auto none = [&](const char* why) {
        return AnalysisError(fmt::format("no {} peak between {:.0f} and {:.0f} K ({})",
                                         kind_name(options.kind), sw.lo_K, sw.hi_K, why));
    };
    if (n < 20) throw none("fewer than 20 points");
    const std::size_t m = half_window_for(T, options.smoothing_window_K);
    if (n < 2 * m + 11) throw none("too few points for the smoothing window");
    const SmoothedSignal sm = smooth_against(T, z, m);
    auto [a, b] = detail::rows_between(T, sw.lo_K, sw.hi_K);
    a = std::max(a, m);
    b = std::min(b, n - m);
    if (b < a + 10) throw none("fewer than 10 usable points in the range");

    out.noise = detail::noise_rms(z, a, b);
    // Savitzky–Golay quadratic smoothing leaves about 1.5/(2m+1) of the noise variance.
    const double noise_s = out.noise * std::sqrt(1.5 / static_cast<double>(2 * m + 1));
    // A slow ripple of the instrument (the Setaram Duran scan oscillates by ±0.1 mW with a 2.5 K
    // period) is smooth at the sample spacing, so the second differences miss it; its level is
    // the robust scatter of the smoothed signal about a five times wider smoothing. A peak must
    // stand ten times above the larger of the two.
    const double ripple = ripple_rms(T, z, sm, a, b, m);
    const double significance = 10.0 * std::max(noise_s, ripple);
    Context c{T,
              heating.time_s,
              z,
              sm,
              options,
              sw,
              noise_s,
              flip * heating.endo_up_sign(),
              heating.per_mass,
              m};

    // First guess of the baseline: the chord between the ends of the search range.
    const double chord = (sm.value[b - 1] - sm.value[a]) / (T[b - 1] - T[a]);
    std::vector<double> r(n, 0.0);
    for (std::size_t i = a; i < b; ++i) r[i] = sm.value[i] - (sm.value[a] + chord * (T[i] - T[a]));
    std::vector<unsigned char> used(n, 0);  // bytes, not bits: scanned once per candidate
    double tallest = 0.0;
    std::vector<Built> groups;
    std::size_t found = 0;
    while (found < options.max_peaks) {
        std::size_t i_max = n;
        for (std::size_t i = a; i < b; ++i) {
            if (!used[i] && (i_max == n || r[i] > r[i_max])) i_max = i;
        }
        if (i_max == n) break;
        const double h = r[i_max];
        if (!(h > significance) || (tallest > 0.0 && h < options.min_height_fraction * tallest))
            break;
        const double thr = std::max(options.edge_fraction * h, 3.0 * noise_s);
        std::size_t iS = i_max, iE = i_max;
        while (iS > a && !used[iS - 1] && r[iS] > thr) --iS;
        while (iE + 1 < b && !used[iE + 1] && r[iE] > thr) ++iE;
        // The chord passes through both ends, so "touching an end" means within a few % of the
        // span.
        const double edge_K = options.end_margin_fraction * (T[b - 1] - T[a]);
        if (T[iS] - T[a] < edge_K || T[b - 1] - T[iE] < edge_K) {
            // Still above the chord at an end of the range: a step or a drifting edge (e.g. the
            // glass before a Tg step), not a peak that returns to its baseline.
            for (std::size_t i = iS; i <= iE; ++i) used[i] = 1;
            continue;
        }
        Built g = make_group(c, iS, i_max, iE);
        // Second pass: walk the edges again on the signal corrected by the fitted baseline.
        const auto corrected = [&](std::size_t i) { return sm.value[i] - g.B[i - g.s]; };
        std::size_t jS = i_max, jE = i_max;
        while (jS > g.s && !used[jS - 1] && corrected(jS) > thr) --jS;
        while (jE + 1 < g.e && !used[jE + 1] && corrected(jE) > thr) ++jE;
        if (jS > a && jE + 1 < b && (jS != iS || jE != iE)) g = make_group(c, jS, i_max, jE);
        const std::size_t lo_row = std::min(g.s, iS), hi_row = std::max(g.e - 1, iE);
        const auto mark_used = [&] {
            for (std::size_t i = lo_row; i <= hi_row; ++i) used[i] = 1;
        };
        if (straddles_step(c, g, i_max) || overlaps(groups, g)) {
            mark_used();
            continue;
        }
        if (tallest == 0.0) tallest = h;
        construct_peaks(c, g);
        mark_used();
        found += g.peaks.size();
        groups.push_back(std::move(g));
    }
    if (groups.empty() || tallest <= 0.0)
        throw none("nothing rises above ten times the noise or ripple");
    std::sort(groups.begin(), groups.end(),
              [](const Built& x, const Built& y) { return x.s < y.s; });
    for (auto& g : groups) {
        g.group.first_peak = out.peaks.size();
        g.group.peak_count = g.peaks.size();
        for (auto& pk : g.peaks) {
            if (out.peaks.size() < options.max_peaks) out.peaks.push_back(pk);
        }
        out.groups.push_back(std::move(g.group));
    }
    return out;
}

}  // namespace vitrum::dsc
