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

// The pass behind savitzky_golay; `value` may be null when only the slope is wanted (the x of
// smooth_against), which drops the Σj²y sum from the loop. Both arrays hold y.size() doubles.
void smooth_into(const std::vector<double>& y, std::size_t m, double* value, double* slope) {
    const std::size_t n = y.size();
    if (m < 2) {
        throw InvalidArgument(fmt::format("savitzky_golay: half_window must be >= 2, got {}", m));
    }
    if (n < 2 * m + 1) {
        throw InvalidArgument(fmt::format(
            "savitzky_golay: {} points are fewer than the window of {} points", n, 2 * m + 1));
    }
    const Moments mo = moments(m);
    const double md = static_cast<double>(m);
    // Weights of the sample entering (j = m) and leaving (j = −(m + 1) after the shift).
    const double add1 = md, add2 = md * md;
    const double drop1 = -(md + 1), drop2 = (md + 1) * (md + 1);
    // The cubic's value at the centre is a0 = (m4 s0 − m2 s2) / (m0 m4 − m2²); the other
    // coefficients are needed only at the two ends, where they come from direct sums. The
    // running sums therefore stop at Σj²y (Σjy when no value is wanted).
    const double even_det = mo.m0 * mo.m4 - mo.m2 * mo.m2;
    const double w0 = mo.m4 / even_det, w2 = mo.m2 / even_det, inverse_m2 = 1.0 / mo.m2;
    // The binomial shift of the moment sums carries the round-off of Σy into Σj²·y growing
    // like steps³, against sums of size m³·Σy/m: after k steps the centre value is off by about
    // k³/m²·ε relative. Restarting every max(256, 16·m) steps keeps that near 1e-9 for every
    // window up to m = 1000, while the restarts cost about 1/8 of a pass for wide windows.
    const std::size_t restart = std::max<std::size_t>(256, 8 * (2 * m + 1));
    // Ends: the first/last full-window cubic evaluated at the samples the window cannot centre on.
    const auto fill_end = [&](std::size_t c, bool first) {
        const auto a = cubic(direct_sums(y, c, m), mo);
        for (std::size_t k = 1; k <= m; ++k) {
            const double j = first ? -static_cast<double>(k) : static_cast<double>(k);
            const std::size_t i = first ? c - k : c + k;
            if (value != nullptr) value[i] = a[0] + j * (a[1] + j * (a[2] + j * a[3]));
            slope[i] = a[1] + j * (2 * a[2] + 3 * j * a[3]);
        }
    };
    fill_end(m, true);
    fill_end(n - m - 1, false);
    double s0 = 0, s1 = 0, s2 = 0;
    std::size_t until_restart = 0;  // a counter, not (c − m) % restart: no division per sample
    for (std::size_t c = m; c + m < n; ++c) {
        if (until_restart == 0) {
            const Sums d = direct_sums(y, c, m);
            s0 = d[0];
            s1 = d[1];
            s2 = d[2];
            until_restart = restart;
        }
        --until_restart;
        if (value != nullptr) value[c] = w0 * s0 - w2 * s2;
        // Slope of the local straight line: a positive-weighted average of dy/di, so it never
        // overshoots at a kink the way the cubic's slope does.
        slope[c] = s1 * inverse_m2;
        if (c + m + 1 < n) {
            const double out_v = y[c - m];
            const double in_v = y[c + m + 1];
            // Grouped so that each running sum waits on one addition per sample: the loop is
            // bound by that chain's latency, not by the arithmetic.
            if (value != nullptr) s2 += (add2 * in_v - drop2 * out_v) - (2 * s1 - s0);
            s1 += (add1 * in_v - drop1 * out_v) - s0;
            s0 += in_v - out_v;
        }
    }
}

}  // namespace

SmoothedSignal savitzky_golay(const std::vector<double>& y, std::size_t half_window) {
    SmoothedSignal out;
    out.value.resize(y.size());
    out.slope.resize(y.size());
    smooth_into(y, half_window, out.value.data(), out.slope.data());
    return out;
}

SmoothedSignal smooth_against(const std::vector<double>& x, const std::vector<double>& y,
                              std::size_t half_window) {
    if (x.size() != y.size()) {
        throw InvalidArgument(
            fmt::format("smooth_against: x has {} points, y has {}", x.size(), y.size()));
    }
    SmoothedSignal sy = savitzky_golay(y, half_window);
    std::vector<double> dx(x.size());  // dx/di; the smoothed x itself is not needed
    smooth_into(x, half_window, nullptr, dx.data());
    for (std::size_t i = 0; i < sy.slope.size(); ++i) sy.slope[i] /= dx[i];
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
