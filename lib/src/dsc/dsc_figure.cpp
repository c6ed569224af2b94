// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <vitrum/dsc/dsc_figure.hpp>

namespace vitrum::dsc {

namespace {

using report::LineStyle;
using report::Style;

Style style(std::size_t colour, LineStyle line, std::string label, double width = 1.2) {
    Style s;
    s.color = report::palette(colour);
    s.line = line;
    s.line_width = width;
    s.label = std::move(label);
    return s;
}

// A straight construction line drawn over [lo, hi], scaled to the plotted unit.
void draw_line(report::Panel& p, const LineFit& line, double lo, double hi, double scale, Style s) {
    p.line({lo, hi}, {scale * line(lo), scale * line(hi)}, std::move(s));
}

}  // namespace

report::Figure heating_figure(const Thermogram& heating, const HeatingAnalysis& analysis,
                              const std::string& title) {
    // Plot in the units users read: W/g for specific heat flow, mW otherwise.
    const double scale = heating.per_mass ? 1e-3 : 1e3;
    report::Figure fig;
    fig.title = title;
    report::Panel& p = fig.panel(0);
    p.x_label = "Temperature [K]";
    p.y_label = fmt::format("Heat flow [{}] (endo {})", heating.per_mass ? "W/g" : "mW",
                            heating.endotherm == EndothermDirection::up ? "up" : "down");
    std::vector<double> y(heating.heat_flow);
    for (double& v : y) v *= scale;
    p.line(heating.temperature_K, y, style(0, LineStyle::solid, "DSC", 1.5));

    if (const auto& tg = analysis.glass_transition) {
        p.x_band(tg->baseline1_window_K.lo_K, tg->baseline1_window_K.hi_K, report::palette(1),
                 0.15);
        p.x_band(tg->baseline2_window_K.lo_K, tg->baseline2_window_K.hi_K, report::palette(1),
                 0.15);
        draw_line(p, tg->baseline1, tg->baseline1_window_K.lo_K, tg->end_extrapolated_K, scale,
                  style(1, LineStyle::dashed, "Tg baselines"));
        draw_line(p, tg->baseline2, tg->onset_extrapolated_K, tg->baseline2_window_K.hi_K, scale,
                  style(1, LineStyle::dashed, ""));
        const double pad = 0.3 * (tg->end_extrapolated_K - tg->onset_extrapolated_K);
        draw_line(p, tg->tangent, tg->onset_extrapolated_K - pad, tg->end_extrapolated_K + pad,
                  scale, style(2, LineStyle::dotted, "Tg tangent"));
        p.vline(tg->onset_extrapolated_K, style(2, LineStyle::dotted, ""),
                fmt::format("Tg,onset {:.1f} K", tg->onset_extrapolated_K));
        p.vline(tg->midpoint_K, style(2, LineStyle::dotted, ""),
                fmt::format("Tg,mid {:.1f} K", tg->midpoint_K));
        p.vline(tg->end_extrapolated_K, style(2, LineStyle::dotted, ""), "");
    }
    if (const auto& tf = analysis.fictive) {
        p.vline(tf->fictive_K, style(7, LineStyle::dotted, ""),
                fmt::format("Tf {:.1f} K", tf->fictive_K));
    }
    const auto draw_peaks = [&](const PeakSearchResult& r, std::size_t colour, const char* name) {
        for (const auto& g : r.groups) {
            std::vector<double> b(g.baseline_value);
            for (double& v : b) v *= scale;
            p.line(g.baseline_T_K, b, style(colour, LineStyle::dashed, ""));
            p.x_band(g.before_window_K.lo_K, g.before_window_K.hi_K, report::palette(colour), 0.1);
            p.x_band(g.after_window_K.lo_K, g.after_window_K.hi_K, report::palette(colour), 0.1);
        }
        for (std::size_t k = 0; k < r.peaks.size(); ++k) {
            const auto& pk = r.peaks[k];
            const double half = 0.5 * (pk.peak_K - pk.onset_extrapolated_K);
            draw_line(p, pk.leading_tangent, pk.onset_extrapolated_K - half, pk.peak_K, scale,
                      style(colour, LineStyle::dotted, ""));
            draw_line(p, pk.trailing_tangent, pk.peak_K, pk.end_extrapolated_K + half, scale,
                      style(colour, LineStyle::dotted, ""));
            p.vline(pk.onset_extrapolated_K, style(colour, LineStyle::dotted, ""),
                    fmt::format("{}{} {:.1f} K", name, k + 1, pk.onset_extrapolated_K));
            p.vline(pk.peak_K, style(colour, LineStyle::dotted, ""), "");
        }
    };
    if (analysis.crystallisation) draw_peaks(*analysis.crystallisation, 3, "Tx");
    if (analysis.melting) draw_peaks(*analysis.melting, 4, "Tm");
    return fig;
}

}  // namespace vitrum::dsc
