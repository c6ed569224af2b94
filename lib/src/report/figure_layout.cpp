// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "figure_layout.hpp"

#include <algorithm>
#include <array>
#include <limits>

namespace vitrum::plot::detail {

namespace {

struct Range {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    void add(double v) {
        if (!finite(v)) return;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    bool valid() const { return lo <= hi; }
};

}  // namespace

double axis_value(double v, bool log_axis) {
    if (!log_axis) return v;
    return v > 0.0 ? std::log10(v) : std::numeric_limits<double>::quiet_NaN();
}

// Data ranges in axis coordinates (log10 applied for log axes), padded by 4 %.
void panel_ranges(const Panel& p, double& x0, double& x1, double& y0, double& y1) {
    Range rx, ry;
    for (const Layer& l : p.layers()) {
        switch (l.kind) {
            case Layer::Kind::line:
            case Layer::Kind::points:
            case Layer::Kind::error_bars:
                for (std::size_t i = 0; i < std::min(l.x.size(), l.y.size()); ++i) {
                    const double x = axis_value(l.x[i], p.log_x);
                    double ylo = l.y[i], yhi = l.y[i];
                    if (l.kind == Layer::Kind::error_bars && i < l.y_err.size() &&
                        finite(l.y_err[i])) {
                        ylo -= std::abs(l.y_err[i]);
                        yhi += std::abs(l.y_err[i]);
                    }
                    if (!finite(x) || !finite(l.y[i])) continue;
                    rx.add(x);
                    ry.add(axis_value(ylo, p.log_y));
                    ry.add(axis_value(yhi, p.log_y));
                }
                break;
            case Layer::Kind::vline:
                rx.add(axis_value(l.lo, p.log_x));
                break;
            case Layer::Kind::hline:
                ry.add(axis_value(l.lo, p.log_y));
                break;
            case Layer::Kind::y_band:
                ry.add(axis_value(l.lo, p.log_y));
                ry.add(axis_value(l.hi, p.log_y));
                break;
            case Layer::Kind::x_band:
            case Layer::Kind::text:
                break;
        }
    }
    auto finish = [](Range r, const std::optional<std::pair<double, double>>& fixed, bool log_axis,
                     double& lo, double& hi) {
        if (fixed) {
            lo = axis_value(fixed->first, log_axis);
            hi = axis_value(fixed->second, log_axis);
            if (finite(lo) && finite(hi) && lo < hi) return;
        }
        if (!r.valid()) r = Range{0.0, 1.0};
        double span = r.hi - r.lo;
        if (span <= 0.0) span = std::max(std::abs(r.hi) * 0.1, 1.0);
        lo = r.lo - 0.04 * span;
        hi = r.hi + 0.04 * span;
        if (r.hi - r.lo <= 0.0) {
            lo = r.lo - 0.5 * span;
            hi = r.hi + 0.5 * span;
        }
    };
    finish(rx, p.x_range, p.log_x, x0, x1);
    finish(ry, p.y_range, p.log_y, y0, y1);
}

// Picks the corner whose box holds the fewest data points, so the legend does not hide data.
PLINT legend_corner(const Panel& p, double x0, double x1, double y0, double y1, double box_w,
                    double box_h, bool& crowded) {
    const std::array<PLINT, 4> corners{
        PL_POSITION_TOP | PL_POSITION_RIGHT, PL_POSITION_TOP | PL_POSITION_LEFT,
        PL_POSITION_BOTTOM | PL_POSITION_RIGHT, PL_POSITION_BOTTOM | PL_POSITION_LEFT};
    std::array<std::size_t, 4> hits{};
    for (const Layer& l : p.layers()) {
        if (l.kind != Layer::Kind::line && l.kind != Layer::Kind::points &&
            l.kind != Layer::Kind::error_bars)
            continue;
        auto count = [&](double u, double v) {
            if (!finite(u) || !finite(v)) return;
            const bool right = u > 1.0 - box_w, left = u < box_w;
            const bool top = v > 1.0 - box_h, bottom = v < box_h;
            if (top && right) ++hits[0];
            if (top && left) ++hits[1];
            if (bottom && right) ++hits[2];
            if (bottom && left) ++hits[3];
        };
        const std::size_t n = std::min(l.x.size(), l.y.size());
        for (std::size_t i = 0; i < n; ++i) {
            const double u = (axis_value(l.x[i], p.log_x) - x0) / (x1 - x0);
            const double v = (axis_value(l.y[i], p.log_y) - y0) / (y1 - y0);
            count(u, v);
            if (l.kind == Layer::Kind::error_bars && i < l.y_err.size()) {
                for (double sign : {-1.0, 1.0}) {
                    const double e = l.y[i] + sign * std::abs(l.y_err[i]);
                    count(u, (axis_value(e, p.log_y) - y0) / (y1 - y0));
                }
            }
            // Sparse lines: count intermediate points too.
            if (l.kind == Layer::Kind::line && i + 1 < n) {
                const double u2 = (axis_value(l.x[i + 1], p.log_x) - x0) / (x1 - x0);
                const double v2 = (axis_value(l.y[i + 1], p.log_y) - y0) / (y1 - y0);
                const int steps =
                    static_cast<int>(std::min(50.0, std::hypot(u2 - u, v2 - v) / 0.02));
                for (int k = 1; k < steps; ++k) {
                    const double f = static_cast<double>(k) / steps;
                    count(u + f * (u2 - u), v + f * (v2 - v));
                }
            }
        }
    }
    std::size_t best = 0;
    for (std::size_t k = 1; k < hits.size(); ++k)
        if (hits[k] < hits[best]) best = k;
    crowded = hits[best] > 0;
    return corners[best];
}

// Legend entries of a panel, in drawing order.
std::vector<const Layer*> legend_entries(const Panel& p) {
    std::vector<const Layer*> entries;
    if (!p.legend) return entries;
    for (const Layer& l : p.layers())
        if (!l.style.label.empty() && l.kind != Layer::Kind::text) entries.push_back(&l);
    return entries;
}

// Estimated legend box [fraction of the viewport], from the text length in pixels.
std::pair<double, double> legend_box(const Panel& p, double viewport_w_px, double viewport_h_px) {
    std::size_t longest = 0, n = 0;
    for (const Layer* l : legend_entries(p)) {
        // UTF-8 continuation bytes and PLplot escapes do not take width.
        std::size_t chars = 0;
        for (unsigned char c : l->style.label) chars += (c & 0xC0) != 0x80 ? 1 : 0;
        longest = std::max(longest, chars);
        ++n;
    }
    const double w = 0.08 + (40.0 + 9.0 * static_cast<double>(longest)) / viewport_w_px;
    const double h = (12.0 + 26.0 * static_cast<double>(n)) / viewport_h_px;
    return {std::min(0.9, w), std::min(0.9, h)};
}

}  // namespace vitrum::plot::detail
