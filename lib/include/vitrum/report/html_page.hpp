// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>
#include <string_view>
#include <vector>
#include <vitrum/report/study.hpp>

namespace vitrum::report {

/// A figure as drawn to disk, for the page.
struct RenderedFigure {
    std::string name;     ///< file stem
    std::string caption;  ///< text under the figure
    std::string
        image_path;        ///< PNG or SVG on disk, embedded as a data URI ("" when drawing failed)
    std::string svg_file;  ///< SVG file name next to index.html, linked for download
    int page = 0;  ///< page of a figure split over several files (1, 2, …), 0 when not split
};

/// index.html: one self-contained page (when the figures are PNG) (CSS inline, images as data URIs,
/// no external links) with the summary table, the figures, per-file details and every warning. A
/// small inline script marks <body> with data-figures-ok (images loaded with naturalWidth > 0),
/// data-figures (images on the page) and data-rows (table rows) once the page has loaded.
/// Pages 2, 3, … of a split figure are folded (<details>), so that the page stays short.
/// @throws IoError when an image cannot be read.
std::string html_page(const StudyResult& study, const std::vector<RenderedFigure>& figures,
                      const std::vector<std::string>& problems);

/// Base64 (RFC 4648, with padding) of bytes.
std::string base64(std::string_view bytes);

/// Text with &, <, >, " and ' escaped for HTML.
std::string html_escape(std::string_view text);

}  // namespace vitrum::report
