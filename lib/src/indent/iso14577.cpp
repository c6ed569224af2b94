// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/linear_fit.hpp>
#include <vitrum/indent/iso14577.hpp>

namespace vitrum::indent {
namespace {

// ISO 14577-1 Annex A: surface area of a Vickers or Berkovich indent, A_s = 26.43 h².
constexpr double kMartensAreaFactor = 26.43;

std::optional<double> finite(double v) {
    return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

}  // namespace

IsoQuantities iso14577_quantities(const Series& corrected, const Cycle& cycle,
                                  const UnloadingFit& fit, const OliverPharrPoint& point) {
    IsoQuantities q;
    const auto& h = corrected.values(channel::depth);
    const auto& p = corrected.values(channel::load);
    const std::size_t n = std::min(h.size(), p.size());
    const double fmax = fit.max_load_N, hmax = fit.max_depth_m;
    if (!(fmax > 0.0 && hmax > 0.0) || cycle.unload_end > n) return q;
    q.h_max_m = hmax;
    q.HM_Pa = fmax / (kMartensAreaFactor * hmax * hmax);
    if (fit.usable) {
        q.H_IT_Pa = finite(point.hardness_Pa);
        q.E_IT_Pa = finite(point.modulus_Pa);
        q.h_r_m = finite(hmax - fmax / fit.stiffness_N_per_m);
        q.h_c_m = finite(point.contact_depth_m);
        q.h_p_m = finite(fit.final_depth_m);
    }

    // HM_s: h = m √F + c over 50–90 % of F_max on the loading branch.
    std::vector<double> root_f, depth;
    double w_total = 0.0;
    for (std::size_t i = cycle.load_begin; i < cycle.hold_begin && i < n; ++i) {
        if (!std::isfinite(p[i]) || !std::isfinite(h[i])) continue;
        if (p[i] >= 0.5 * fmax && p[i] <= 0.9 * fmax) {
            root_f.push_back(std::sqrt(p[i]));
            depth.push_back(h[i]);
        }
    }
    if (root_f.size() >= 3) {
        const double m = fit_line(root_f, depth).slope;
        if (m > 0.0) q.HM_s_Pa = 1.0 / (kMartensAreaFactor * m * m);
    }
    // Works by trapezoids from the contact (h, F ≥ 0) to h_max and back.
    bool ok = true;
    std::size_t last = cycle.load_begin;
    for (std::size_t i = cycle.load_begin + 1; i < cycle.unload_begin && i < n; ++i) {
        if (!std::isfinite(p[i]) || !std::isfinite(h[i])) continue;
        if (std::isfinite(p[last]) && std::isfinite(h[last]))
            w_total += 0.5 * (std::max(p[i], 0.0) + std::max(p[last], 0.0)) * (h[i] - h[last]);
        last = i;
    }
    double w_elast = 0.0;
    last = cycle.unload_begin;
    for (std::size_t i = cycle.unload_begin + 1; i < cycle.unload_end; ++i) {
        if (!std::isfinite(p[i]) || !std::isfinite(h[i])) continue;
        w_elast += 0.5 * (std::max(p[i], 0.0) + std::max(p[last], 0.0)) * (h[last] - h[i]);
        last = i;
    }
    // Below the last unloading row the fitted power law carries the rest down to h_f.
    if (fit.usable && h[last] > fit.final_depth_m) {
        const double d = h[last] - fit.final_depth_m;
        w_elast += fit.prefactor_B * std::pow(d, fit.exponent_m + 1.0) / (fit.exponent_m + 1.0);
    } else if (!fit.usable) {
        ok = false;
    }
    if (w_total > 0.0) {
        q.W_total_J = w_total;
        if (ok) {
            q.W_elast_J = w_elast;
            q.W_plast_J = w_total - w_elast;
            q.eta_IT = w_elast / w_total;
        }
    }
    if (cycle.unload_begin > cycle.hold_begin + 1) {
        const double h1 = h[cycle.hold_begin], h2 = h[cycle.unload_begin - 1];
        if (std::isfinite(h1) && std::isfinite(h2) && h1 > 0.0) q.C_IT = (h2 - h1) / h1;
    }
    return q;
}

}  // namespace vitrum::indent
