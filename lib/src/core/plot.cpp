// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The figure description: palette, panel layers and the figure grid (drawing is in figure.cpp).
#include <fmt/format.h>

#include <array>
#include <vitrum/core/error.hpp>
#include <vitrum/core/plot.hpp>

namespace vitrum::plot {

Color palette(std::size_t index) {
    // Okabe & Ito (2008), "Color Universal Design"; black last so that it is not the first curve.
    static constexpr std::array<Color, 8> kOkabeIto{{{0, 114, 178},
                                                     {213, 94, 0},
                                                     {0, 158, 115},
                                                     {204, 121, 167},
                                                     {230, 159, 0},
                                                     {86, 180, 233},
                                                     {240, 228, 66},
                                                     {0, 0, 0}}};
    return kOkabeIto[index % kOkabeIto.size()];
}

// ---------------------------------------------------------------------------------------------
// Panel: collects layers.

Panel& Panel::line(std::vector<double> x, std::vector<double> y, Style style) {
    Layer layer{Layer::Kind::line, std::move(x), std::move(y), {}, 0.0, 0.0, "", std::move(style)};
    layers_.push_back(std::move(layer));
    return *this;
}

Panel& Panel::points(std::vector<double> x, std::vector<double> y, Style style) {
    if (style.marker == Marker::none) style.marker = Marker::circle;
    Layer layer{Layer::Kind::points, std::move(x), std::move(y), {}, 0.0, 0.0, "",
                std::move(style)};
    layers_.push_back(std::move(layer));
    return *this;
}

Panel& Panel::error_bars(std::vector<double> x, std::vector<double> y, std::vector<double> y_err,
                         Style style) {
    Layer layer{Layer::Kind::error_bars, std::move(x), std::move(y), std::move(y_err), 0.0, 0.0, "",
                std::move(style)};
    layers_.push_back(std::move(layer));
    return *this;
}

Panel& Panel::vline(double x, Style style, std::string annotation) {
    Layer layer{Layer::Kind::vline, {}, {}, {}, x, x, std::move(annotation), std::move(style)};
    layers_.push_back(std::move(layer));
    return *this;
}

Panel& Panel::hline(double y, Style style, std::string annotation) {
    Layer layer{Layer::Kind::hline, {}, {}, {}, y, y, std::move(annotation), std::move(style)};
    layers_.push_back(std::move(layer));
    return *this;
}

namespace {

Layer band(Layer::Kind kind, double lo, double hi, Color color, double alpha, std::string label) {
    Style style;
    style.color = color;
    style.label = std::move(label);
    return Layer{kind, {}, {}, {}, lo, hi, "", std::move(style), alpha};
}

}  // namespace

Panel& Panel::x_band(double lo, double hi, Color color, double alpha, std::string label) {
    layers_.push_back(band(Layer::Kind::x_band, lo, hi, color, alpha, std::move(label)));
    return *this;
}

Panel& Panel::y_band(double lo, double hi, Color color, double alpha, std::string label) {
    layers_.push_back(band(Layer::Kind::y_band, lo, hi, color, alpha, std::move(label)));
    return *this;
}

Panel& Panel::text(double x, double y, std::string text, Color color) {
    Style style;
    style.color = color;
    Layer layer{Layer::Kind::text, {x}, {y}, {}, 0.0, 0.0, std::move(text), std::move(style)};
    layers_.push_back(std::move(layer));
    return *this;
}

Figure::Figure(int rows, int cols, int width_px, int height_px)
    : rows_(rows), cols_(cols), width_px_(width_px), height_px_(height_px) {
    if (rows < 1 || cols < 1 || rows * cols > 64)
        throw InvalidArgument(fmt::format(
            "Figure: rows × cols must be between 1 and 64 panels (got {} × {})", rows, cols));
    if (width_px < 100 || width_px > 10000 || height_px < 100 || height_px > 10000)
        throw InvalidArgument(
            fmt::format("Figure: width_px and height_px must be in [100, 10000] (got {} × {})",
                        width_px, height_px));
    panels_.resize(static_cast<std::size_t>(rows * cols));
}

Panel& Figure::panel(int index) {
    if (index < 0 || index >= rows_ * cols_)
        throw InvalidArgument(fmt::format("Figure::panel: index must be in [0, {}] (got {})",
                                          rows_ * cols_ - 1, index));
    return panels_[static_cast<std::size_t>(index)];
}

}  // namespace vitrum::plot
