// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "figure_svg.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vitrum/core/error.hpp>

namespace vitrum::plot::detail {

// A label without PLplot's sub/superscript escapes, for plain-text metadata.
std::string plain_text(const std::string& label) {
    std::string out;
    for (std::size_t i = 0; i < label.size(); ++i) {
        if (label[i] == '#' && i + 1 < label.size() &&
            (label[i + 1] == 'd' || label[i + 1] == 'u')) {
            ++i;
            continue;
        }
        const char c = label[i];
        out += c == '<'   ? std::string("&lt;")
               : c == '>' ? std::string("&gt;")
               : c == '&' ? std::string("&amp;")
                          : std::string(1, c);
    }
    return out;
}

// Cairo draws text as glyph outlines, so an SVG would not contain its labels as text. A
// <title> and <desc> after the root element make them searchable and accessible.
void add_svg_metadata(const std::string& svg_path, const Figure& figure) {
    std::FILE* f = std::fopen(svg_path.c_str(), "rb");
    if (f == nullptr)
        throw IoError(fmt::format("cannot reopen '{}': {}", svg_path, std::strerror(errno)));
    std::string svg;
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) svg.append(buffer, n);
    std::fclose(f);
    const std::size_t root = svg.find("<svg");
    const std::size_t end = root == std::string::npos ? root : svg.find('>', root);
    if (end == std::string::npos)
        throw Error(fmt::format("PLplot wrote no SVG root element to '{}'", svg_path));
    std::string desc;
    for (const Panel& p : figure.panels()) {
        if (p.layers().empty()) continue;
        desc += fmt::format("{}x: {}; y: {}{}", desc.empty() ? "" : " | ", plain_text(p.x_label),
                            plain_text(p.y_label),
                            p.title.empty() ? "" : "; panel: " + plain_text(p.title));
    }
    const std::string meta =
        fmt::format("\n<title>{}</title>\n<desc>{}</desc>", plain_text(figure.title), desc);
    svg.insert(end + 1, meta);
    f = std::fopen(svg_path.c_str(), "wb");
    if (f == nullptr || std::fwrite(svg.data(), 1, svg.size(), f) != svg.size() ||
        std::fclose(f) != 0)
        throw IoError(fmt::format("cannot write '{}'", svg_path));
}

}  // namespace vitrum::plot::detail
