// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>
#include <plplot/plplot.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <mutex>
#include <string>
#include <vector>
#include <vitrum/core/error.hpp>
#include <vitrum/core/plot.hpp>
#include <vitrum/report/atomic_file.hpp>

#include "figure_layout.hpp"
#include "figure_svg.hpp"

namespace vitrum::plot {

using detail::axis_value;
using detail::finite;
using detail::legend_box;
using detail::legend_corner;
using detail::legend_entries;
using detail::panel_ranges;

// ---------------------------------------------------------------------------------------------
// Drawing. PLplot keeps global state and is not thread-safe: one save at a time.

namespace {

std::mutex& plplot_mutex() {
    static std::mutex m;
    return m;
}

// PLplot reports problems through plabort (recoverable) and plexit (fatal, would call exit()).
// Both are routed here so that nothing is printed and failures become exceptions.
thread_local std::string g_plplot_message;

void on_plplot_abort(PLCHAR_VECTOR message) {
    if (g_plplot_message.empty() && message != nullptr) g_plplot_message = message;
}

int on_plplot_exit(PLCHAR_VECTOR message) {
    // Reached only for fatal PLplot errors; unwinding through PLplot's C frames is supported
    // by GCC's default unwind tables on the platforms vitrum targets.
    throw Error(fmt::format("PLplot: {}", message != nullptr ? message : "fatal error"));
}

constexpr int kScratchColor = 15;  // cmap0 entry rewritten before each drawing call

// Character scale of the panel being drawn: small panels get smaller text so that tick labels
// do not run into each other. Only touched under the PLplot mutex.
double g_char_scale = 1.0;

void set_char(double relative) { plschr(0.0, g_char_scale * relative); }

void set_color(Color c, double alpha = 1.0) {
    plscol0a(kScratchColor, c.r, c.g, c.b, alpha);
    plcol0(kScratchColor);
}

void set_line(const Style& style) {
    plwidth(style.line_width);
    switch (style.line) {
        case LineStyle::dashed: {
            PLINT mark = 3000, space = 1800;  // micrometres on the page
            plstyl(1, &mark, &space);
            break;
        }
        case LineStyle::dotted: {
            PLINT mark = 600, space = 1200;
            plstyl(1, &mark, &space);
            break;
        }
        default:
            plstyl(0, nullptr, nullptr);
            break;
    }
}

const char* marker_glyph(Marker m) {
    switch (m) {
        case Marker::circle:
            return "●";
        case Marker::square:
            return "■";
        case Marker::triangle:
            return "▲";
        case Marker::diamond:
            return "◆";
        case Marker::cross:
            return "✕";
        case Marker::none:
            break;
    }
    return "";
}

void draw_legend(const Panel& p, PLINT corner) {
    const std::vector<const Layer*> entries = legend_entries(p);
    if (entries.empty()) return;
    const PLINT n = static_cast<PLINT>(entries.size());
    std::vector<PLINT> opts(entries.size()), text_colors(entries.size(), kScratchColor - 1);
    std::vector<PLINT> box_colors(entries.size()), box_patterns(entries.size(), 0);
    std::vector<PLFLT> box_scales(entries.size(), 0.8), box_widths(entries.size(), 0.0);
    std::vector<PLINT> line_colors(entries.size()), line_styles(entries.size(), 1);
    std::vector<PLFLT> line_widths(entries.size());
    std::vector<PLINT> symbol_colors(entries.size()), symbol_numbers(entries.size(), 1);
    std::vector<PLFLT> symbol_scales(entries.size());
    std::vector<const char*> texts(entries.size()), symbols(entries.size());
    // Legend colours use cmap0 entries 1..14 (entry 14 = black text), set here.
    plscol0a(kScratchColor - 1, 0, 0, 0, 1.0);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Layer& l = *entries[i];
        const PLINT col = static_cast<PLINT>(1 + i % 13);
        plscol0a(col, l.style.color.r, l.style.color.g, l.style.color.b,
                 (l.kind == Layer::Kind::x_band || l.kind == Layer::Kind::y_band) ? l.alpha : 1.0);
        texts[i] = l.style.label.c_str();
        symbols[i] = marker_glyph(l.style.marker);
        box_colors[i] = line_colors[i] = symbol_colors[i] = col;
        line_widths[i] = l.style.line_width;
        symbol_scales[i] = l.style.marker_size;
        line_styles[i] = l.style.line == LineStyle::dashed   ? 3
                         : l.style.line == LineStyle::dotted ? 2
                                                             : 1;
        if (l.kind == Layer::Kind::x_band || l.kind == Layer::Kind::y_band) {
            opts[i] = PL_LEGEND_COLOR_BOX;
        } else {
            PLINT o = 0;
            if (l.style.line != LineStyle::none && l.kind != Layer::Kind::points)
                o |= PL_LEGEND_LINE;
            if (l.style.marker != Marker::none) o |= PL_LEGEND_SYMBOL;
            opts[i] = o == 0 ? PL_LEGEND_LINE : o;
        }
    }
    const PLINT position = corner | PL_POSITION_INSIDE | PL_POSITION_VIEWPORT;
    plscol0a(0, 255, 255, 255, 0.85);  // semi-opaque legend background over the plot
    PLFLT width = 0.0, height = 0.0;
    pllegend(&width, &height, PL_LEGEND_BACKGROUND | PL_LEGEND_BOUNDING_BOX, position, 0.02, 0.02,
             0.06, 0, kScratchColor - 1, 1, 0, 0, n, opts.data(), 0.6, 0.85, 1.9, 0.0,
             text_colors.data(), texts.data(), box_colors.data(), box_patterns.data(),
             box_scales.data(), box_widths.data(), line_colors.data(), line_styles.data(),
             line_widths.data(), symbol_colors.data(), symbol_scales.data(), symbol_numbers.data(),
             symbols.data());
    plscol0a(0, 255, 255, 255, 1.0);
}

/// `text_at` is the height of a vertical line's annotation as a fraction of the plot height.
void draw_layer(const Panel& p, const Layer& l, double x0, double x1, double y0, double y1,
                double text_at = 0.04) {
    const std::size_t n = std::min(l.x.size(), l.y.size());
    std::vector<PLFLT> xs, ys;
    auto flush_line = [&] {
        if (xs.size() >= 2) plline(static_cast<PLINT>(xs.size()), xs.data(), ys.data());
        xs.clear();
        ys.clear();
    };
    switch (l.kind) {
        case Layer::Kind::line:
            if (l.style.line != LineStyle::none) {
                set_color(l.style.color);
                set_line(l.style);
                for (std::size_t i = 0; i < n; ++i) {
                    const double x = axis_value(l.x[i], p.log_x), y = axis_value(l.y[i], p.log_y);
                    if (finite(x) && finite(y)) {
                        xs.push_back(x);
                        ys.push_back(y);
                    } else {
                        flush_line();  // NaN breaks the line
                    }
                }
                flush_line();
                plstyl(0, nullptr, nullptr);
            }
            [[fallthrough]];
        case Layer::Kind::points:
            if (l.style.marker != Marker::none) {
                set_color(l.style.color);
                set_char(0.8 * l.style.marker_size);
                for (std::size_t i = 0; i < n; ++i) {
                    const double x = axis_value(l.x[i], p.log_x), y = axis_value(l.y[i], p.log_y);
                    if (finite(x) && finite(y)) {
                        xs.push_back(x);
                        ys.push_back(y);
                    }
                }
                if (!xs.empty())
                    plstring(static_cast<PLINT>(xs.size()), xs.data(), ys.data(),
                             marker_glyph(l.style.marker));
                xs.clear();
                ys.clear();
                set_char(1.0);
            }
            break;
        case Layer::Kind::error_bars: {
            set_color(l.style.color);
            plwidth(std::max(1.0, l.style.line_width * 0.8));
            plstyl(0, nullptr, nullptr);
            std::vector<PLFLT> lo, hi;
            for (std::size_t i = 0; i < n && i < l.y_err.size(); ++i) {
                const double x = axis_value(l.x[i], p.log_x);
                const double a = axis_value(l.y[i] - std::abs(l.y_err[i]), p.log_y);
                const double b = axis_value(l.y[i] + std::abs(l.y_err[i]), p.log_y);
                if (finite(x) && finite(a) && finite(b)) {
                    xs.push_back(x);
                    lo.push_back(a);
                    hi.push_back(b);
                }
            }
            if (!xs.empty()) {
                plsmin(0.0, 1.5);  // cap length
                plerry(static_cast<PLINT>(xs.size()), xs.data(), lo.data(), hi.data());
            }
            xs.clear();
            Layer as_points = l;
            as_points.kind = Layer::Kind::points;
            if (as_points.style.marker == Marker::none) as_points.style.marker = Marker::circle;
            draw_layer(p, as_points, x0, x1, y0, y1);
            break;
        }
        case Layer::Kind::vline:
        case Layer::Kind::hline: {
            const bool vertical = l.kind == Layer::Kind::vline;
            const double v = axis_value(l.lo, vertical ? p.log_x : p.log_y);
            if (!finite(v)) break;
            set_color(l.style.color);
            set_line(l.style);
            PLFLT xs2[2], ys2[2];
            if (vertical) {
                xs2[0] = xs2[1] = v;
                ys2[0] = y0;
                ys2[1] = y1;
            } else {
                xs2[0] = x0;
                xs2[1] = x1;
                ys2[0] = ys2[1] = v;
            }
            plline(2, xs2, ys2);
            plstyl(0, nullptr, nullptr);
            if (!l.text.empty()) {
                set_char(0.8);
                if (vertical)
                    plptex(v + 0.008 * (x1 - x0), y0 + text_at * (y1 - y0), 1.0, 0.0, 0.0,
                           l.text.c_str());
                else
                    plptex(x1 - 0.01 * (x1 - x0), v + 0.015 * (y1 - y0), 1.0, 0.0, 1.0,
                           l.text.c_str());
                set_char(1.0);
            }
            break;
        }
        case Layer::Kind::x_band:
        case Layer::Kind::y_band: {
            const bool vertical = l.kind == Layer::Kind::x_band;
            const bool log_axis = vertical ? p.log_x : p.log_y;
            const double a = axis_value(l.lo, log_axis), b = axis_value(l.hi, log_axis);
            if (!finite(a) || !finite(b)) break;
            set_color(l.style.color, l.alpha);
            PLFLT bx[4], by[4];
            if (vertical) {
                bx[0] = bx[3] = a;
                bx[1] = bx[2] = b;
                by[0] = by[1] = y0;
                by[2] = by[3] = y1;
            } else {
                bx[0] = bx[3] = x0;
                bx[1] = bx[2] = x1;
                by[0] = by[1] = a;
                by[2] = by[3] = b;
            }
            plfill(4, bx, by);
            break;
        }
        case Layer::Kind::text: {
            if (n == 0) break;
            const double x = axis_value(l.x[0], p.log_x), y = axis_value(l.y[0], p.log_y);
            if (!finite(x) || !finite(y)) break;
            set_color(l.style.color);
            set_char(0.85);
            plptex(x, y, 1.0, 0.0, 0.0, l.text.c_str());
            set_char(1.0);
            break;
        }
    }
}

void draw_panel(const Panel& p, double vx0, double vx1, double vy0, double vy1, int width_px,
                int height_px) {
    double x0, x1, y0, y1;
    panel_ranges(p, x0, x1, y0, y1);
    PLINT corner = PL_POSITION_TOP | PL_POSITION_RIGHT;
    if (!legend_entries(p).empty()) {
        const auto [box_w, box_h] = legend_box(p, (vx1 - vx0) * width_px, (vy1 - vy0) * height_px);
        bool crowded = false;
        corner = legend_corner(p, x0, x1, y0, y1, box_w, box_h, crowded);
        if (crowded && !p.y_range) {
            // No free corner: make head room above the data for the legend.
            y1 += (y1 - y0) * (box_h + 0.02) / (1.0 - box_h - 0.02);
            corner = legend_corner(p, x0, x1, y0, y1, box_w, box_h, crowded);
        }
    }
    plvpor(vx0, vx1, vy0, vy1);
    plwind(x0, x1, y0, y1);
    // Bands first so that curves stay on top of them.
    for (const Layer& l : p.layers())
        if (l.kind == Layer::Kind::x_band || l.kind == Layer::Kind::y_band)
            draw_layer(p, l, x0, x1, y0, y1);
    // Annotated vertical lines close together (Tg onset, midpoint, end) would write their labels
    // over each other: in order of x, each label goes one step higher, four steps in a cycle.
    std::vector<double> annotated_x;
    for (const Layer& l : p.layers())
        if (l.kind == Layer::Kind::vline && !l.text.empty()) annotated_x.push_back(l.lo);
    std::sort(annotated_x.begin(), annotated_x.end());
    for (const Layer& l : p.layers()) {
        if (l.kind == Layer::Kind::x_band || l.kind == Layer::Kind::y_band) continue;
        double text_at = 0.04;
        if (l.kind == Layer::Kind::vline && !l.text.empty()) {
            const auto rank = static_cast<std::size_t>(
                std::lower_bound(annotated_x.begin(), annotated_x.end(), l.lo) -
                annotated_x.begin());
            text_at += 0.065 * static_cast<double>(rank % 4);
        }
        draw_layer(p, l, x0, x1, y0, y1, text_at);
    }
    set_color({0, 0, 0});
    plwidth(1.0);
    plstyl(0, nullptr, nullptr);
    const std::string xopt = std::string("bcnst") + (p.log_x ? "l" : "");
    const std::string yopt = std::string("bcnstv") + (p.log_y ? "l" : "");
    plbox(xopt.c_str(), 0.0, 0, yopt.c_str(), 0.0, 0);
    plmtex("b", 3.0, 0.5, 0.5, p.x_label.c_str());
    plmtex("l", 4.4, 0.5, 0.5, p.y_label.c_str());
    if (!p.title.empty()) {
        set_char(1.05);
        plmtex("t", 1.0, 0.5, 0.5, p.title.c_str());
        set_char(1.0);
    }
    draw_legend(p, corner);
}

std::string lower_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// Restores PLplot's previous stream and removes a leftover temporary file on every exit path.
struct StreamGuard {
    PLINT previous = 0;
    bool open = false;
    std::string temp_path;
    ~StreamGuard() {
        if (open) plend1();
        plsstrm(previous);
        if (!temp_path.empty()) std::remove(temp_path.c_str());
    }
};

}  // namespace

void Figure::save(const std::string& path) const {
    const std::string ext = lower_extension(path);
    const char* device = ext == ".svg"   ? "svgcairo"
                         : ext == ".png" ? "pngcairo"
                         : ext == ".pdf" ? "pdfcairo"
                                         : nullptr;
    if (device == nullptr)
        throw InvalidArgument(
            fmt::format("Figure::save: file name must end in .svg, .png or .pdf (got '{}')", path));
    const std::filesystem::path target(path);
    const std::filesystem::path folder =
        target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw IoError(fmt::format("cannot write figure '{}': folder '{}' does not exist", path,
                                  folder.string()));

    std::lock_guard<std::mutex> lock(plplot_mutex());
    StreamGuard guard;
    guard.temp_path =
        report::temporary_path_for((target.has_parent_path() ? target : "./" / target).string());
    {
        // Open the temporary file ourselves first: PLplot would treat failure as fatal.
        std::FILE* probe = std::fopen(guard.temp_path.c_str(), "wb");
        if (probe == nullptr)
            throw IoError(fmt::format("cannot write figure '{}': {}", path, std::strerror(errno)));
        std::fclose(probe);
    }
    g_plplot_message.clear();
    plgstrm(&guard.previous);
    PLINT stream = 0;
    plmkstrm(&stream);
    if (stream < 0) throw Error("PLplot: no free plot stream");
    plsabort(on_plplot_abort);
    plsexit(on_plplot_exit);
    plsdev(device);
    plsfnam(guard.temp_path.c_str());
    // Cairo devices count pixels for PNG and points for SVG/PDF: the same physical page at
    // 90 dpi keeps text and margins in the same proportion in every format.
    if (ext == ".png") {
        plspage(90.0, 90.0, width_px_, height_px_, 0, 0);
    } else {
        plspage(72.0, 72.0, static_cast<PLINT>(std::lround(width_px_ * 0.8)),
                static_cast<PLINT>(std::lround(height_px_ * 0.8)), 0, 0);
    }
    plscolbg(255, 255, 255);
    plscmap0n(16);
    plsfont(PL_FCI_SANS, PL_FCI_UPRIGHT, PL_FCI_MEDIUM);
    plinit();
    guard.open = true;
    if (!g_plplot_message.empty())
        throw Error(fmt::format("PLplot could not open device {}: {}", device, g_plplot_message));
    g_char_scale = 1.0;
    pladv(0);
    set_char(1.0);

    // Panel grid in normalised device coordinates; margins in pixels leave room for labels.
    const double top_title = title.empty() ? 0.0 : 40.0 / height_px_;
    const double cell_w = 1.0 / cols_, cell_h = (1.0 - top_title) / rows_;
    const double cell_w_px = width_px_ * cell_w, cell_h_px = height_px_ * cell_h;
    g_char_scale = std::clamp(std::min(cell_w_px / 520.0, cell_h_px / 400.0), 0.62, 1.0);
    const double ml = 108.0 * g_char_scale / width_px_, mr = 22.0 / width_px_,
                 mb = 84.0 * g_char_scale / height_px_;
    for (int r = 0; r < rows_; ++r) {
        for (int c = 0; c < cols_; ++c) {
            const Panel& p = panels_[static_cast<std::size_t>(r * cols_ + c)];
            if (p.layers().empty() && p.x_label.empty() && p.y_label.empty()) continue;
            const double left = c * cell_w, bottom = 1.0 - top_title - (r + 1) * cell_h;
            const double mt = (p.title.empty() ? 16.0 : 40.0 * g_char_scale) / height_px_;
            set_char(1.0);
            draw_panel(p, left + ml, left + cell_w - mr, bottom + mb, bottom + cell_h - mt,
                       width_px_, height_px_);
        }
    }
    g_char_scale = 1.0;
    if (!title.empty()) {
        plvpor(0.0, 1.0, 0.0, 1.0);
        plwind(0.0, 1.0, 0.0, 1.0);
        set_color({0, 0, 0});
        set_char(1.2);
        plptex(0.5, 1.0 - top_title * 0.55, 1.0, 0.0, 0.5, title.c_str());
        set_char(1.0);
    }
    plend1();
    guard.open = false;
    if (!g_plplot_message.empty())
        throw Error(fmt::format("PLplot failed while drawing '{}': {}", path, g_plplot_message));
    if (ext == ".svg") detail::add_svg_metadata(guard.temp_path, *this);
    std::filesystem::rename(guard.temp_path, target, ec);
    if (ec) throw IoError(fmt::format("cannot write figure '{}': {}", path, ec.message()));
    guard.temp_path.clear();
}

}  // namespace vitrum::plot
