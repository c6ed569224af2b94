// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

/// The plot model: a plain description of a scientific figure (panels, layers, styles, data).
/// Analysis modules (dsc, indent, cnt) build Figures from their results; nothing here knows
/// about DSC or indentation, and nothing here draws. Drawing (Figure::save: PLplot with the
/// cairo driver to SVG, PNG or PDF) lives in the report library, vitrum::report, so that a user
/// of the analysis alone (vitrum::core) links no PLplot.
namespace vitrum::plot {

struct Color {
    std::uint8_t r = 0, g = 0, b = 0;
};
/// A colour-blind-safe palette (Okabe–Ito); index wraps around.
Color palette(std::size_t index);

enum class LineStyle { solid, dashed, dotted, none };
enum class Marker { none, circle, square, triangle, diamond, cross };

struct Style {
    /// Positional construction, as with brace initialisation: Style{color, LineStyle::dashed}.
    /// (A constructor rather than an aggregate, so that omitted trailing members do not trigger
    /// -Wmissing-field-initializers.)
    Style(Color color_ = {0, 0, 0}, LineStyle line_ = LineStyle::solid, double line_width_ = 1.5,
          Marker marker_ = Marker::none, double marker_size_ = 1.0, std::string label_ = "")
        : color(color_),
          line(line_),
          line_width(line_width_),
          marker(marker_),
          marker_size(marker_size_),
          label(std::move(label_)) {}

    Color color{0, 0, 0};
    LineStyle line = LineStyle::solid;
    double line_width = 1.5;  ///< in PLplot width units (≈ points)
    Marker marker = Marker::none;
    double marker_size = 1.0;  ///< relative to the default symbol size
    std::string label;         ///< legend entry; empty = not in the legend
};

/// One element drawn on a panel.
struct Layer {
    enum class Kind { line, points, error_bars, vline, hline, x_band, y_band, text } kind;
    std::vector<double> x, y;
    std::vector<double> y_err;  ///< error_bars: ± half-width
    double lo = 0.0, hi = 0.0;  ///< bands: range; vline/hline: position in lo
    std::string text;           ///< text layer, or annotation of a vline/hline
    Style style;
    double alpha = 1.0;  ///< bands: opacity
};

/// One set of axes. Axis labels carry their unit: "Temperature [K]".
class Panel {
public:
    std::string title;
    std::string x_label;
    std::string y_label;
    std::optional<std::pair<double, double>> x_range;  ///< automatic when empty
    std::optional<std::pair<double, double>> y_range;
    bool log_x = false;
    bool log_y = false;
    bool legend = true;

    Panel& line(std::vector<double> x, std::vector<double> y, Style style);
    Panel& points(std::vector<double> x, std::vector<double> y, Style style);
    Panel& error_bars(std::vector<double> x, std::vector<double> y, std::vector<double> y_err,
                      Style style);
    /// Vertical line at x, with an optional annotation written next to it.
    Panel& vline(double x, Style style, std::string annotation = "");
    Panel& hline(double y, Style style, std::string annotation = "");
    /// Shaded vertical stripe x ∈ [lo, hi] (e.g. an integration window).
    Panel& x_band(double lo, double hi, Color color, double alpha, std::string label = "");
    /// Shaded horizontal stripe y ∈ [lo, hi] (e.g. the measured MRO domain size).
    Panel& y_band(double lo, double hi, Color color, double alpha, std::string label = "");
    Panel& text(double x, double y, std::string text, Color color = {0, 0, 0});

    const std::vector<Layer>& layers() const { return layers_; }

private:
    std::vector<Layer> layers_;
};

/// Panels laid out on a grid, saved in the format its file name ends with.
class Figure {
public:
    /// @param rows, cols  grid of panels, filled row by row
    /// @param width_px, height_px  size of PNG output; SVG/PDF keep the aspect ratio
    explicit Figure(int rows = 1, int cols = 1, int width_px = 900, int height_px = 600);

    Panel& panel(int index = 0);
    const std::vector<Panel>& panels() const { return panels_; }
    int rows() const { return rows_; }
    int cols() const { return cols_; }
    int width_px() const { return width_px_; }
    int height_px() const { return height_px_; }
    std::string title;  ///< optional title over the whole figure

    /// Draws to `path`; format from the extension: .svg, .png or .pdf.
    /// Written atomically (temporary file, then rename).
    /// @throws InvalidArgument for another extension; IoError when it cannot be written;
    ///         Error when PLplot cannot open its cairo device.
    /// Draws the figure (defined in vitrum::report; link it to call this).
    void save(const std::string& path) const;

private:
    int rows_, cols_, width_px_, height_px_;
    std::vector<Panel> panels_;
};

}  // namespace vitrum::plot

/// The report module draws these figures; its code and older callers name the types
/// report::Figure, report::Panel, ….
namespace vitrum::report {
using namespace vitrum::plot;  // NOLINT(google-build-using-namespace)
}  // namespace vitrum::report
