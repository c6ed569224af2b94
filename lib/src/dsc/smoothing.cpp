// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/smoothing.hpp>

namespace vitrum::dsc {

namespace {

using Sums = std::array<double, 4>;  // Σ j^k y_(c+j), k = 0..3, j = −m..m

Sums direct_sums(const std::vector<double>& y, std::size_t c, std::size_t m) {
    Sums s{0, 0, 0, 0};
    for (std::size_t l = c - m; l <= c + m; ++l) {
        const double j = static_cast<double>(l) - static_cast<double>(c);
        const double v = y[l];
        s[0] += v;
        s[1] += j * v;
        s[2] += j * j * v;
        s[3] += j * j * j * v;
    }
    return s;
}

struct Moments {
    double m0 = 0, m2 = 0, m4 = 0, m6 = 0;
};

Moments moments(std::size_t m) {
    Moments mo;
    const auto mm = static_cast<long>(m);
    for (long j = -mm; j <= mm; ++j) {
        const double d = static_cast<double>(j);
        mo.m0 += 1.0;
        mo.m2 += d * d;
        mo.m4 += d * d * d * d;
        mo.m6 += d * d * d * d * d * d;
    }
    return mo;
}

// Cubic a0 + a1 j + a2 j² + a3 j³ fitted over a symmetric window: the normal equations split
// into an even pair (a0, a2) and an odd pair (a1, a3) because odd moments vanish.
std::array<double, 4> cubic(const Sums& s, const Moments& mo) {
    const double even_det = mo.m0 * mo.m4 - mo.m2 * mo.m2;
    const double odd_det = mo.m2 * mo.m6 - mo.m4 * mo.m4;
    return {(mo.m4 * s[0] - mo.m2 * s[2]) / even_det, (mo.m6 * s[1] - mo.m4 * s[3]) / odd_det,
            (mo.m0 * s[2] - mo.m2 * s[0]) / even_det, (mo.m2 * s[3] - mo.m4 * s[1]) / odd_det};
}

}  // namespace

SmoothedSignal savitzky_golay(const std::vector<double>& y, std::size_t half_window) {
    const std::size_t n = y.size();
    const std::size_t m = half_window;
    if (m < 2) {
        throw InvalidArgument(fmt::format("savitzky_golay: half_window must be >= 2, got {}", m));
    }
    if (n < 2 * m + 1) {
        throw InvalidArgument(fmt::format(
            "savitzky_golay: {} points are fewer than the window of {} points", n, 2 * m + 1));
    }
    const Moments mo = moments(m);
    SmoothedSignal out;
    out.value.resize(n);
    out.slope.resize(n);
    const double md = static_cast<double>(m);
    const std::array<double, 4> drop_weight{1.0, -(md + 1), (md + 1) * (md + 1),
                                            -(md + 1) * (md + 1) * (md + 1)};
    const std::array<double, 4> add_weight{1.0, md, md * md, md * md * md};
    // The cubic's value at the centre is a0 = (m4 s0 − m2 s2) / (m0 m4 − m2²); the other
    // coefficients are needed only at the two ends.
    const double even_det = mo.m0 * mo.m4 - mo.m2 * mo.m2;
    const double w0 = mo.m4 / even_det, w2 = mo.m2 / even_det, inverse_m2 = 1.0 / mo.m2;
    // The binomial shift of the moment sums carries the round-off of Σy into Σj²·y growing
    // like steps³, against sums of size m³·Σy/m: after k steps the centre value is off by about
    // k³/m²·ε relative. Restarting every max(256, 16·m) steps keeps that near 1e-9 for every
    // window up to m = 1000, while the restarts cost about 1/8 of a pass for wide windows.
    const std::size_t restart = std::max<std::size_t>(256, 8 * (2 * m + 1));
    Sums s{};
    for (std::size_t c = m; c + m < n; ++c) {
        if ((c - m) % restart == 0) {
            s = direct_sums(y, c, m);
        }
        out.value[c] = w0 * s[0] - w2 * s[2];
        // Slope of the local straight line: a positive-weighted average of dy/di, so it never
        // overshoots at a kink the way the cubic's slope does.
        out.slope[c] = s[1] * inverse_m2;
        if (c == m || c + m + 1 == n) {
            // Ends: evaluate the first/last full-window cubic at the uncovered samples.
            const auto a = cubic(s, mo);
            const bool first = c == m;
            for (std::size_t k = 1; k <= m; ++k) {
                const double j = first ? -static_cast<double>(k) : static_cast<double>(k);
                const std::size_t i = first ? c - k : c + k;
                out.value[i] = a[0] + j * (a[1] + j * (a[2] + j * a[3]));
                out.slope[i] = a[1] + j * (2 * a[2] + 3 * j * a[3]);
            }
        }
        if (c + m + 1 < n) {
            const Sums old = s;
            s[0] = old[0];
            s[1] = old[1] - old[0];
            s[2] = old[2] - 2 * old[1] + old[0];
            s[3] = old[3] - 3 * old[2] + 3 * old[1] - old[0];
            const double out_v = y[c - m];
            const double in_v = y[c + m + 1];
            for (int k = 0; k < 4; ++k) s[k] += add_weight[k] * in_v - drop_weight[k] * out_v;
        }
    }
    return out;
}

SmoothedSignal smooth_against(const std::vector<double>& x, const std::vector<double>& y,
                              std::size_t half_window) {
    if (x.size() != y.size()) {
        throw InvalidArgument(
            fmt::format("smooth_against: x has {} points, y has {}", x.size(), y.size()));
    }
    SmoothedSignal sx = savitzky_golay(x, half_window);
    SmoothedSignal sy = savitzky_golay(y, half_window);
    for (std::size_t i = 0; i < sy.slope.size(); ++i) sy.slope[i] /= sx.slope[i];
    return sy;
}

std::size_t half_window_for(const std::vector<double>& x, double width) {
    const std::size_t n = x.size();
    if (n < 5) return 2;
    const double spacing = std::fabs(x.back() - x.front()) / static_cast<double>(n - 1);
    const double points = spacing > 0 ? 0.5 * width / spacing : 2.0;
    const std::size_t upper = (n - 1) / 2;
    const auto m = static_cast<std::size_t>(std::lround(std::max(2.0, std::min(points, 1e9))));
    return std::max<std::size_t>(2, std::min(m, upper));
}

}  // namespace vitrum::dsc
