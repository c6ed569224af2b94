// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <algorithm>
#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/indent/indent_figure.hpp>

namespace vitrum::indent {

using report::Figure;
using report::LineStyle;
using report::Marker;
using report::Style;

report::Figure load_depth_figure(const IndentResult& result) {
    Figure fig;
    fig.title = result.name;
    auto& panel = fig.panel(0);
    panel.x_label = "Depth [nm]";
    panel.y_label = "Load [mN]";
    const auto& h = result.corrected.values(channel::depth);
    const auto& p = result.corrected.values(channel::load);
    std::vector<double> x, y;
    for (std::size_t i = 0; i < h.size(); ++i) {
        if (std::isfinite(h[i]) && std::isfinite(p[i])) {
            x.push_back(h[i] * 1e9);
            y.push_back(p[i] * 1e3);
        }
    }
    panel.line(x, y,
               Style{report::palette(0), LineStyle::solid, 1.0, Marker::none, 1.0, "measured"});
    bool first = true;
    for (const auto& c : result.cycles) {
        if (!c.fit.usable) continue;
        const auto& f = c.fit;
        std::vector<double> fx, fy;
        const double h_lo = h[f.last_row], h_hi = f.max_depth_m;
        for (int k = 0; k <= 50; ++k) {
            const double hh = h_lo + (h_hi - h_lo) * k / 50.0;
            fx.push_back(hh * 1e9);
            fy.push_back(f.load_at_N(hh) * 1e3);
        }
        panel.line(fx, fy,
                   Style{report::palette(1), LineStyle::dashed, 2.0, Marker::none, 1.0,
                         first ? "power-law fit" : ""});
        // Tangent P = P_max + S (h − h_max) down to P = 0 (its intercept is h_max − P_max/S).
        const double h0 = f.max_depth_m - f.max_load_N / f.stiffness_N_per_m;
        panel.line({h0 * 1e9, f.max_depth_m * 1e9}, {0.0, f.max_load_N * 1e3},
                   Style{report::palette(2), LineStyle::dotted, 1.5, Marker::none, 1.0,
                         first ? "tangent S" : ""});
        first = false;
    }
    return fig;
}

report::Figure csm_figure(const CsmResult& result, const CsmOptions& options) {
    Figure fig(1, 2, 1200, 500);
    std::vector<double> d, hard, mod;
    for (const auto& pt : result.points) {
        if (!std::isfinite(pt.hardness_Pa) || !std::isfinite(pt.modulus_Pa)) continue;
        d.push_back(pt.depth_m * 1e9);
        hard.push_back(pt.hardness_Pa * 1e-9);
        mod.push_back(pt.modulus_Pa * 1e-9);
    }
    const double lo = options.min_depth_m * 1e9, hi = options.max_depth_m * 1e9;
    auto& ph = fig.panel(0);
    ph.x_label = "Depth [nm]";
    ph.y_label = "Hardness H [GPa]";
    ph.x_band(lo, hi, report::palette(7), 0.2, "averaging window");
    ph.line(d, hard, Style{report::palette(0), LineStyle::solid, 1.5, Marker::none, 1.0, "H"});
    if (std::isfinite(result.mean_hardness_Pa)) {
        ph.hline(result.mean_hardness_Pa * 1e-9,
                 Style{report::palette(1), LineStyle::dashed, 1.0, Marker::none, 1.0, ""}, "mean");
    }
    auto& pe = fig.panel(1);
    pe.x_label = "Depth [nm]";
    pe.y_label = "Modulus E [GPa]";
    pe.x_band(lo, hi, report::palette(7), 0.2, "averaging window");
    pe.line(d, mod, Style{report::palette(2), LineStyle::solid, 1.5, Marker::none, 1.0, "E"});
    if (std::isfinite(result.mean_modulus_Pa)) {
        pe.hline(result.mean_modulus_Pa * 1e-9,
                 Style{report::palette(1), LineStyle::dashed, 1.0, Marker::none, 1.0, ""}, "mean");
    }
    return fig;
}

report::Figure cycles_figure(const std::vector<IndentResult>& results) {
    Figure fig(1, 2, 1200, 500);
    auto& ph = fig.panel(0);
    ph.x_label = "Maximum depth h_max [nm]";
    ph.y_label = "Hardness H [GPa]";
    auto& pe = fig.panel(1);
    pe.x_label = "Maximum depth h_max [nm]";
    pe.y_label = "Modulus E [GPa]";
    for (std::size_t k = 0; k < results.size(); ++k) {
        std::vector<double> x, hard, mod;
        for (const auto& c : results[k].cycles) {
            if (!c.usable) continue;
            x.push_back(c.result.depth_m * 1e9);
            hard.push_back(c.result.hardness_Pa * 1e-9);
            mod.push_back(c.result.modulus_Pa * 1e-9);
        }
        const Style style{report::palette(k), LineStyle::solid, 1.0, Marker::circle, 1.0,
                          results[k].name};
        ph.line(x, hard, style);
        pe.line(x, mod, style);
    }
    return fig;
}

}  // namespace vitrum::indent
