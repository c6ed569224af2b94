// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>
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

// One event label: anchored at a temperature, in the colour of its construction.
struct EventLabel {
    double x_K;
    std::string text;
    report::Color color;
};

// Places the labels left-aligned at their temperatures in rows from the top of the curve's
// range down, each in the first row where it clears the labels already there: no two texts
// overlap, however close the events (the renderer's own annotation of vertical lines cycles
// through four heights only). Widths are estimated at 1/70 of the temperature span per
// character, generous for the renderer's 0.8 character scale on a 100-column panel.
void place_labels(report::Panel& p, std::vector<EventLabel> labels, double x_lo, double x_hi,
                  double y_lo, double y_hi) {
    std::sort(labels.begin(), labels.end(),
              [](const EventLabel& a, const EventLabel& b) { return a.x_K < b.x_K; });
    const double char_K = (x_hi - x_lo) / 70.0;
    const double row = 0.07 * (y_hi - y_lo);
    std::vector<double> row_end;  // right edge of the last label of each row [K]
    for (const EventLabel& l : labels) {
        std::size_t chars = 0;
        for (unsigned char c : l.text) chars += (c & 0xC0) != 0x80 ? 1 : 0;
        const double width_K = (static_cast<double>(chars) + 1.0) * char_K;
        std::size_t r = 0;
        while (r < row_end.size() && row_end[r] > l.x_K) ++r;
        if (r == row_end.size()) row_end.push_back(0.0);
        row_end[r] = l.x_K + width_K;
        p.text(l.x_K, y_hi - (static_cast<double>(r) + 1.0) * row, l.text, l.color);
    }
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
    std::vector<EventLabel> labels;

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
        p.vline(tg->onset_extrapolated_K, style(2, LineStyle::dotted, "Tg onset, mid, end"));
        p.vline(tg->midpoint_K, style(2, LineStyle::dotted, ""));
        p.vline(tg->end_extrapolated_K, style(2, LineStyle::dotted, ""));
        labels.push_back({tg->onset_extrapolated_K,
                          fmt::format("Tg,onset {:.1f} K", tg->onset_extrapolated_K),
                          report::palette(2)});
        labels.push_back(
            {tg->midpoint_K, fmt::format("Tg,mid {:.1f} K", tg->midpoint_K), report::palette(2)});
        labels.push_back({tg->end_extrapolated_K,
                          fmt::format("Tg,end {:.1f} K", tg->end_extrapolated_K),
                          report::palette(2)});
    }
    if (const auto& tf = analysis.fictive) {
        p.vline(tf->fictive_K, style(7, LineStyle::dotted, "Tf"));
        labels.push_back(
            {tf->fictive_K, fmt::format("Tf {:.1f} K", tf->fictive_K), report::palette(7)});
    }
    const auto draw_peaks = [&](const PeakSearchResult& r, std::size_t colour, const char* name) {
        // Each kind of construction is listed once in the legend.
        bool first = true;
        for (const auto& g : r.groups) {
            std::vector<double> b(g.baseline_value);
            for (double& v : b) v *= scale;
            p.line(g.baseline_T_K, b,
                   style(colour, LineStyle::dashed, first ? fmt::format("{} baseline", name) : ""));
            p.x_band(g.before_window_K.lo_K, g.before_window_K.hi_K, report::palette(colour), 0.1);
            p.x_band(g.after_window_K.lo_K, g.after_window_K.hi_K, report::palette(colour), 0.1);
            first = false;
        }
        for (std::size_t k = 0; k < r.peaks.size(); ++k) {
            const auto& pk = r.peaks[k];
            const double half = 0.5 * (pk.peak_K - pk.onset_extrapolated_K);
            draw_line(
                p, pk.leading_tangent, pk.onset_extrapolated_K - half, pk.peak_K, scale,
                style(colour, LineStyle::dotted, k == 0 ? fmt::format("{} tangents", name) : ""));
            draw_line(p, pk.trailing_tangent, pk.peak_K, pk.end_extrapolated_K + half, scale,
                      style(colour, LineStyle::dotted, ""));
            p.vline(pk.onset_extrapolated_K, style(colour, LineStyle::dotted, ""));
            p.vline(pk.peak_K, style(colour, LineStyle::dotted, ""));
            labels.push_back({pk.onset_extrapolated_K,
                              fmt::format("{}{} {:.1f} K", name, k + 1, pk.onset_extrapolated_K),
                              report::palette(colour)});
        }
    };
    if (analysis.crystallisation) draw_peaks(*analysis.crystallisation, 3, "Tx");
    if (analysis.melting) draw_peaks(*analysis.melting, 4, "Tm");
    if (!labels.empty() && !heating.temperature_K.empty()) {
        double y_min = 0.0, y_max = 0.0;
        bool any = false;
        for (double v : y) {
            if (!std::isfinite(v)) continue;
            y_min = any ? std::min(y_min, v) : v;
            y_max = any ? std::max(y_max, v) : v;
            any = true;
        }
        place_labels(p, std::move(labels), heating.temperature_K.front(),
                     heating.temperature_K.back(), y_min, y_max);
    }
    return fig;
}

}  // namespace vitrum::dsc
