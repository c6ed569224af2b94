// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Synthetic quasi-static indents with known E_r, H, m (test helper, header only).
#pragma once

#include <cmath>
#include <vector>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/series.hpp>

namespace vitrum::test {

/// Exact load–hold–unload cycles on a perfect Berkovich (24.5 h²), ε = 0.75, β = 1.
struct SyntheticIndent {
    double reduced_modulus_Pa = 70e9;
    double hardness_Pa = 9e9;
    double exponent_m = 1.5;
    std::vector<double> max_loads_N = {10e-3};
    std::size_t loading_points = 400, hold_points = 100, unloading_points = 300;
    std::size_t drift_points = 100, final_points = 50;
    double unload_to_fraction = 0.1;  ///< each unload ends at this fraction of P_max
    double drift_rate_m_per_s = 0.0;  ///< added to depth as ḣ·t
    double dt_s = 0.1;

    /// Known stiffness, depth and final depth for a cycle with P_max.
    double contact_area(double p) const { return p / hardness_Pa; }
    double stiffness(double p) const {
        return 2.0 * reduced_modulus_Pa * std::sqrt(contact_area(p)) / std::sqrt(M_PI);
    }
    double max_depth(double p) const {
        return std::sqrt(contact_area(p) / 24.5) + 0.75 * p / stiffness(p);
    }
    double final_depth(double p) const { return max_depth(p) - exponent_m * p / stiffness(p); }
    double unload_load(double p, double h) const {
        const double d = h - final_depth(p);
        return d > 0 ? p * std::pow(d / (max_depth(p) - final_depth(p)), exponent_m) : 0.0;
    }
    double unload_depth(double p, double load) const {
        return final_depth(p) +
               (max_depth(p) - final_depth(p)) * std::pow(load / p, 1.0 / exponent_m);
    }

    Curve make() const {
        std::vector<double> t, h, P;
        double time = 0.0;
        auto push = [&](double hh, double pp) {
            t.push_back(time);
            h.push_back(hh + drift_rate_m_per_s * time);
            P.push_back(pp);
            time += dt_s;
        };
        double p_from = 0.0;
        for (std::size_t k = 0; k < max_loads_N.size(); ++k) {
            const double pmax = max_loads_N[k];
            // Reloading follows the previous unload curve back up, then Kick's law P = C h².
            const double c = pmax / (max_depth(pmax) * max_depth(pmax));
            for (std::size_t i = 0; i < loading_points; ++i) {
                const double p = p_from + (pmax - p_from) * static_cast<double>(i) / loading_points;
                push(std::sqrt(p / c), p);
            }
            for (std::size_t i = 0; i < hold_points; ++i) push(max_depth(pmax), pmax);
            const double pend = unload_to_fraction * pmax;
            for (std::size_t i = 0; i < unloading_points; ++i) {
                const double p =
                    pmax - (pmax - pend) * static_cast<double>(i) / (unloading_points - 1);
                push(unload_depth(pmax, p), p);
            }
            p_from = pend;
            if (k + 1 < max_loads_N.size()) {
                for (std::size_t i = 0; i < hold_points; ++i) push(unload_depth(pmax, pend), pend);
            }
        }
        const double plast = max_loads_N.back();
        const double pend = unload_to_fraction * plast;
        for (std::size_t i = 0; i < drift_points; ++i) push(unload_depth(plast, pend), pend);
        for (std::size_t i = 1; i <= final_points; ++i) {
            const double p = pend * (1.0 - static_cast<double>(i) / final_points);
            push(unload_depth(plast, p), p);
        }
        Curve curve;
        curve.name = "synthetic";
        curve.data.add_column({channel::time, "s", "Time", "s", t});
        curve.data.add_column({channel::depth, "m", "Depth", "nm", h});
        curve.data.add_column({channel::load, "N", "Load", "mN", P});
        return curve;
    }
};

}  // namespace vitrum::test
