// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

// Internal to Figure::save: text metadata for SVG output.

#include <string>
#include <vitrum/core/plot.hpp>

namespace vitrum::plot::detail {

/// A label without PLplot's #d/#u escapes, XML-escaped.
std::string plain_text(const std::string& label);

/// Inserts <title> (figure title) and <desc> (axis labels per panel) after the SVG root element.
/// @throws IoError when the file cannot be rewritten; Error when it has no <svg> element.
void add_svg_metadata(const std::string& svg_path, const Figure& figure);

}  // namespace vitrum::plot::detail
