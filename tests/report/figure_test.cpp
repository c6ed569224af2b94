// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vitrum/core/error.hpp>
#include <vitrum/report/figure.hpp>

#include "check.hpp"

namespace fs = std::filesystem;
using namespace vitrum::report;

namespace {

fs::path fresh_folder(const std::string& name) {
    fs::path dir = fs::temp_directory_path() /
                   ("vitrum-figure-" + name + "-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    return dir;
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Figure demo_figure() {
    Figure fig(1, 2, 1200, 500);
    fig.title = "Cu₅₀Zr₅₀ test figure";
    Panel& dsc = fig.panel(0);
    dsc.x_label = "Temperature [K]";
    dsc.y_label = "Heat flow (exo up) [W/g]";
    std::vector<double> t, q;
    for (int i = 0; i <= 300; ++i) {
        t.push_back(550.0 + i);
        q.push_back(0.05 * std::tanh((t.back() - 670.0) / 6.0) +
                    0.4 * std::exp(-std::pow((t.back() - 740.0) / 5.0, 2)));
    }
    dsc.line(t, q, Style{palette(0), LineStyle::solid, 1.5, Marker::none, 1.0, "film 556 K"});
    dsc.vline(677.0, Style{palette(1), LineStyle::dashed, 1.0, Marker::none, 1.0, ""}, "T#dg#u");
    dsc.x_band(720.0, 760.0, palette(2), 0.25, "ΔH#dx#u window");
    Panel& hard = fig.panel(1);
    hard.x_label = "T#ddep#u / T#dg,ref#u";
    hard.y_label = "Hardness [GPa]";
    hard.error_bars({0.45, 0.6, 0.75, 0.85}, {7.4, 7.6, 7.8, 8.0}, {0.2, 0.25, 0.22, 0.26},
                    Style{palette(1), LineStyle::none, 1.5, Marker::square, 1.0, "H ± sd"});
    hard.hline(7.2, Style{{0, 0, 0}, LineStyle::dotted, 1.0, Marker::none, 1.0, ""},
               "reference 7.2 GPa");
    hard.y_band(7.0, 7.4, palette(5), 0.2, "µ-band");
    hard.text(0.5, 8.2, "d = 2 µm, 25 °C");
    return fig;
}

}  // namespace

TEST_CASE("a figure saved as SVG, PNG and PDF starts with each format's magic bytes") {
    const fs::path dir = fresh_folder("magic");
    const Figure fig = demo_figure();
    fig.save((dir / "f.svg").string());
    fig.save((dir / "f.png").string());
    fig.save((dir / "f.pdf").string());
    const std::string svg = slurp(dir / "f.svg");
    const std::string png = slurp(dir / "f.png");
    const std::string pdf = slurp(dir / "f.pdf");
    CHECK((svg.rfind("<?xml", 0) == 0 || svg.rfind("<svg", 0) == 0));
    CHECK(png.rfind("\x89PNG", 0) == 0);
    CHECK(pdf.rfind("%PDF", 0) == 0);
    // No temporary files are left behind.
    int count = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        (void)entry;
        ++count;
    }
    CHECK(count == 3);
    fs::remove_all(dir);
}

TEST_CASE("the SVG carries the axis labels as text in its title and description") {
    const fs::path dir = fresh_folder("labels");
    const Figure fig = demo_figure();
    fig.save((dir / "f.svg").string());
    const std::string svg = slurp(dir / "f.svg");
    CHECK(svg.find("<title>Cu₅₀Zr₅₀ test figure</title>") != std::string::npos);
    CHECK(svg.find("x: Temperature [K]; y: Heat flow (exo up) [W/g]") != std::string::npos);
    // PLplot's subscript escapes are removed from the text: "T#ddep#u" → "Tdep".
    CHECK(svg.find("x: Tdep / Tg,ref; y: Hardness [GPa]") != std::string::npos);
    // Glyphs themselves are drawn as outlines.
    CHECK(svg.find("<use xlink:href=\"#glyph") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("saving to an unknown extension names the allowed ones") {
    const Figure fig;
    CHECK_THROWS_WITH_AS(fig.save("/tmp/x.jpg"), doctest::Contains(".svg, .png or .pdf"),
                         vitrum::InvalidArgument);
}

TEST_CASE("saving into a missing folder is an IoError naming the folder") {
    const Figure fig;
    CHECK_THROWS_WITH_AS(fig.save("/nonexistent-vitrum-folder/x.svg"),
                         doctest::Contains("/nonexistent-vitrum-folder"), vitrum::IoError);
}

TEST_CASE("figures with empty panels, NaN values and log axes still save") {
    const fs::path dir = fresh_folder("edge");
    Figure fig(2, 1);
    Panel& p = fig.panel(0);
    p.log_y = true;
    p.x_label = "Temperature [K]";
    p.y_label = "Critical diameter [nm]";
    p.line({500.0, 600.0, 700.0, 800.0}, {1e-1, std::nan(""), 10.0, 100.0}, Style{});
    fig.panel(1).line({1.0}, {1.0}, Style{});  // a single point: degenerate range
    fig.save((dir / "edge.png").string());
    CHECK(fs::file_size(dir / "edge.png") > 1000);
    fs::remove_all(dir);
}

TEST_CASE("a figure refuses grids and sizes out of range") {
    CHECK_THROWS_WITH_AS(Figure(0, 1), doctest::Contains("rows × cols"), vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(Figure(1, 1, 10, 10), doctest::Contains("width_px"),
                         vitrum::InvalidArgument);
    Figure fig;
    CHECK_THROWS_WITH_AS(fig.panel(3), doctest::Contains("index"), vitrum::InvalidArgument);
}

TEST_CASE("the palette wraps around after eight colours") {
    CHECK(palette(0).b == palette(8).b);
    CHECK(palette(1).r == 213);
}
