// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/linear_fit.hpp>
#include <vitrum/indent/cycle_quality.hpp>

namespace vitrum::indent {
namespace {

// Depth of a branch at load `target` by linear interpolation between the first bracketing
// rows, or NaN. `rising` tells the direction of the load along the rows.
double depth_at_load(const std::vector<double>& h, const std::vector<double>& p, std::size_t begin,
                     std::size_t end, double target, bool rising) {
    for (std::size_t i = begin; i + 1 < end; ++i) {
        const double a = p[i], b = p[i + 1];
        if (!std::isfinite(a) || !std::isfinite(b) || !std::isfinite(h[i]) ||
            !std::isfinite(h[i + 1]))
            continue;
        const bool inside = rising ? (a <= target && b >= target) : (a >= target && b <= target);
        if (inside && a != b) return h[i] + (h[i + 1] - h[i]) * (target - a) / (b - a);
    }
    return std::nan("");
}

}  // namespace

CycleQuality check_cycle(const Series& corrected, const Cycle& cycle, const UnloadingFit& fit,
                         std::size_t surface_row, const QualityOptions& options) {
    CycleQuality q;
    const auto& h = corrected.values(channel::depth);
    const auto& p = corrected.values(channel::load);
    const std::size_t n = std::min(h.size(), p.size());
    const double pmax = fit.max_load_N;

    if (corrected.has(channel::time) && cycle.unload_begin > cycle.hold_begin + 3 &&
        cycle.unload_begin <= n) {
        std::size_t finite = 0;
        const auto& t = corrected.values(channel::time);
        for (std::size_t i = cycle.hold_begin; i < cycle.unload_begin; ++i)
            finite += std::isfinite(t[i]) && std::isfinite(h[i]);
        if (finite >= 3) {
            const double rate = fit_line(t, h, cycle.hold_begin, cycle.unload_begin).slope;
            if (std::isfinite(rate)) {
                q.hold_drift_rate_m_per_s = rate;
                if (rate < 0.0) {
                    q.warnings.push_back(fmt::format(
                        "displacement falls during the peak hold ({:.3g} nm/s): thermal drift "
                        "or a slipping sample",
                        rate * 1e9));
                }
            }
        }
    }

    if (pmax > 0.0 && cycle.unload_end <= n) {
        for (const double f : {0.25, 0.5, 0.75}) {
            const double hl =
                depth_at_load(h, p, cycle.load_begin, cycle.hold_begin, f * pmax, true);
            const double hu =
                depth_at_load(h, p, cycle.unload_begin, cycle.unload_end, f * pmax, false);
            // 0.1 % of h_max below the loading branch: beyond interpolation noise.
            if (std::isfinite(hl) && std::isfinite(hu) && hu < hl - 1e-3 * fit.max_depth_m)
                q.crossing_load_fractions.push_back(f);
        }
        if (!q.crossing_load_fractions.empty()) {
            q.warnings.push_back(fmt::format(
                "the unloading branch crosses the loading branch (at {} of P_max): drift, a load "
                "offset or a moving sample",
                fmt::join(q.crossing_load_fractions, ", ")));
        }
        q.relative_fit_residual = fit.residual_rms_N / pmax;
        if (q.relative_fit_residual > options.max_relative_residual) {
            q.warnings.push_back(fmt::format("unloading fit residual {:.3g} % of P_max",
                                             100.0 * q.relative_fit_residual));
        }
    }
    q.fit_at_bound = !fit.active_bound.empty();
    q.unusual_exponent =
        std::isfinite(fit.exponent_m) && (fit.exponent_m < options.usual_min_exponent ||
                                          fit.exponent_m > options.usual_max_exponent);
    if (q.fit_at_bound) {
        q.warnings.push_back("unloading power law on its bound (" + fit.active_bound +
                             "): odd unloading curvature");
    } else if (q.unusual_exponent) {
        q.warnings.push_back(fmt::format("unloading exponent m = {:.3g} outside the usual {}–{}",
                                         fit.exponent_m, options.usual_min_exponent,
                                         options.usual_max_exponent));
    }
    if (fit.nose_rows > 0) {
        q.warnings.push_back(
            fmt::format("creep nose: depth rises {:.3g} nm over {} rows after the unload starts",
                        fit.nose_depth_m * 1e9, fit.nose_rows));
    }

    if (surface_row < n && pmax > 0.0) {
        for (std::size_t i = surface_row; i < std::min(n, cycle.hold_begin); ++i) {
            if (std::isfinite(p[i]) && p[i] > 0.01 * pmax && std::isfinite(h[i]) &&
                std::isfinite(h[surface_row])) {
                q.surface_uncertainty_m = std::abs(h[i] - h[surface_row]);
                break;
            }
        }
    }

    std::size_t run = 1, longest = 0, loading_rows = 0, run_start = cycle.load_begin,
                longest_start = cycle.load_begin;
    for (std::size_t i = cycle.load_begin + 1; i < std::min(n, cycle.hold_begin); ++i) {
        ++loading_rows;
        if (std::isfinite(h[i]) && h[i] == h[i - 1]) {
            ++run;
        } else {
            run = 1;
            run_start = i;
        }
        if (run > longest) {
            longest = run;
            longest_start = run_start;
        }
    }
    if (longest >= options.stuck_rows) {
        q.stuck_depth_rows = longest;
        q.damaged = static_cast<double>(longest) >=
                    options.stuck_refuse_fraction * static_cast<double>(loading_rows + 1);
        q.warnings.push_back(fmt::format(
            "damaged data: depth stuck at {:.6g} nm over {} loading rows (rows {}–{}){}",
            h[longest_start] * 1e9, longest, longest_start + 1, longest_start + longest,
            q.damaged ? "; the cycle is refused" : ""));
    }
    return q;
}

}  // namespace vitrum::indent
