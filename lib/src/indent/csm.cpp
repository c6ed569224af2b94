// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/indent/csm.hpp>

namespace vitrum::indent {

void CsmOptions::validate() const {
    oliver_pharr.validate();
    if (!(frame_stiffness_N_per_m > 0.0)) {
        throw InvalidArgument(fmt::format(
            "CsmOptions.frame_stiffness_N_per_m = {} must be > 0 N/m (infinite: no correction)",
            frame_stiffness_N_per_m));
    }
    if (!(min_depth_m >= 0.0 && min_depth_m < max_depth_m)) {
        throw InvalidArgument(fmt::format(
            "CsmOptions depth window [{}, {}] m must satisfy 0 <= min_depth_m < max_depth_m",
            min_depth_m, max_depth_m));
    }
}

double contact_stiffness_N_per_m(double measured, double frame) {
    if (std::isinf(frame)) return measured;
    const double inv = 1.0 / measured - 1.0 / frame;
    return inv > 0.0 ? 1.0 / inv : std::nan("");
}

namespace {
struct Accumulator {
    double sum = 0.0, sum2 = 0.0;
    std::size_t n = 0;
    void add(double v) {
        sum += v;
        sum2 += v * v;
        ++n;
    }
    double mean() const { return n ? sum / static_cast<double>(n) : std::nan(""); }
    double sd() const {
        if (n < 2) return std::nan("");
        const double m = mean();
        return std::sqrt(
            std::max(0.0, (sum2 - static_cast<double>(n) * m * m) / static_cast<double>(n - 1)));
    }
};
}  // namespace

CsmResult analyse_csm(const Series& data, const AreaFunction& area, const CsmOptions& options) {
    options.validate();
    const auto& h = data.values(channel::depth);
    const auto& p = data.values(channel::load);
    const auto& s = data.values(channel::harmonic_stiffness);
    std::size_t end = data.rows();
    if (options.loading_only) {
        double best = -1.0;
        for (std::size_t i = 0; i < p.size(); ++i) {
            if (std::isfinite(p[i]) && p[i] > best) {
                best = p[i];
                end = i + 1;
            }
        }
    }
    CsmResult out;
    Accumulator e, hard, er;
    for (std::size_t i = 0; i < end; ++i) {
        if (!(std::isfinite(h[i]) && h[i] > 0.0)) continue;
        const double stiffness = contact_stiffness_N_per_m(s[i], options.frame_stiffness_N_per_m);
        const OliverPharrPoint pt =
            oliver_pharr_point(p[i], h[i], stiffness, area, options.oliver_pharr);
        out.rows.push_back(i);
        out.points.push_back(pt);
        if (h[i] >= options.min_depth_m && h[i] <= options.max_depth_m &&
            std::isfinite(pt.modulus_Pa) && std::isfinite(pt.hardness_Pa)) {
            e.add(pt.modulus_Pa);
            hard.add(pt.hardness_Pa);
            er.add(pt.reduced_modulus_Pa);
        }
    }
    out.window_points = e.n;
    out.mean_modulus_Pa = e.mean();
    out.sd_modulus_Pa = e.sd();
    out.mean_hardness_Pa = hard.mean();
    out.sd_hardness_Pa = hard.sd();
    out.mean_reduced_modulus_Pa = er.mean();
    return out;
}

}  // namespace vitrum::indent
