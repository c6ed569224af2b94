// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <vitrum/core/version.hpp>
#include <vitrum/report/atomic_file.hpp>
#include <vitrum/report/html_page.hpp>
#include <vitrum/report/summary.hpp>

namespace vitrum::report {
namespace {

constexpr const char* kStyle = R"(
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; margin: 2em auto;
       max-width: 1300px; color: #1a1a1a; line-height: 1.45; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
.provenance { color: #555; font-size: 0.9em; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }
th, td { border: 1px solid #d0d0d0; padding: 0.25em 0.5em; text-align: right; white-space: nowrap; }
th { background: #f0f3f7; }
td.text, th.text { text-align: left; }
tr.incomplete td { background: #fff3f0; }
.scroll { overflow-x: auto; }
figure { margin: 1.5em 0; }
figure img { max-width: 100%; border: 1px solid #e4e4e4; }
figcaption { font-size: 0.9em; color: #333; max-width: 70em; }
.warnings { background: #fff8e1; border-left: 4px solid #f0a500; padding: 0.5em 1em; }
.failures { background: #fdecea; border-left: 4px solid #c62828; padding: 0.5em 1em; }
details { margin: 0.4em 0; }
summary { cursor: pointer; font-weight: bold; }
code { font-size: 0.85em; }
.bad { color: #b71c1c; }
)";

// Marks <body> once everything has loaded, for headless checks (see html_page.hpp).
constexpr const char* kScript = R"(
window.addEventListener('load', function () {
  var images = document.querySelectorAll('img');
  var ok = 0;
  for (var i = 0; i < images.length; i++) {
    if (images[i].complete && images[i].naturalWidth > 0) ok++;
  }
  document.body.setAttribute('data-figures', String(images.length));
  document.body.setAttribute('data-figures-ok', String(ok));
  document.body.setAttribute('data-rows', String(document.querySelectorAll('#summary tbody tr').length));
});
)";

std::string list_items(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += "<li>" + html_escape(s) + "</li>";
    return out;
}

std::string summary_table(const StudyResult& study) {
    std::string out = "<div class=\"scroll\"><table id=\"summary\"><thead><tr>";
    for (const SummaryColumn& c : summary_columns())
        out += fmt::format("<th{}>{}</th>", c.decimals < 0 ? " class=\"text\"" : "",
                           html_escape(c.header));
    out += "</tr></thead><tbody>\n";
    for (const SampleResult& s : study.samples) {
        out += s.complete() ? "<tr>" : "<tr class=\"incomplete\">";
        const std::vector<std::string> cells = summary_row(study, s);
        for (std::size_t i = 0; i < cells.size(); ++i)
            out += fmt::format("<td{}>{}</td>",
                               summary_columns()[i].decimals < 0 ? " class=\"text\"" : "",
                               html_escape(cells[i]));
        out += "</tr>\n";
    }
    return out + "</tbody></table></div>\n";
}

std::string file_details(const StudyResult& study) {
    std::string out;
    for (const SampleResult& s : study.samples) {
        std::size_t failed = 0;
        for (const FileOutcome& f : s.files) failed += f.ok ? 0 : 1;
        out += fmt::format(
            "<details{}><summary>{} — {} files{}</summary>\n", failed ? " open" : "",
            html_escape(s.spec.name), s.files.size(),
            failed ? fmt::format(", <span class=\"bad\">{} failed</span>", failed) : "");
        if (!s.spec.notes.empty()) out += "<p>" + html_escape(s.spec.notes) + "</p>";
        if (!s.warnings.empty()) out += "<ul>" + list_items(s.warnings) + "</ul>";
        out +=
            "<div class=\"scroll\"><table><thead><tr><th class=\"text\">technique</th>"
            "<th class=\"text\">file</th><th class=\"text\">format</th>"
            "<th class=\"text\">SHA-256</th><th class=\"text\">status</th></tr></thead><tbody>";
        for (const FileOutcome& f : s.files) {
            std::string status =
                f.ok ? "ok" : "<span class=\"bad\">" + html_escape(f.error) + "</span>";
            for (const std::string& w : f.warnings) status += "<br>⚠ " + html_escape(w);
            out += fmt::format(
                "<tr><td class=\"text\">{}</td><td class=\"text\"><code>{}</code></td>"
                "<td class=\"text\">{}</td><td class=\"text\"><code>{}</code></td>"
                "<td class=\"text\">{}</td></tr>",
                f.technique, html_escape(f.file), html_escape(f.format),
                html_escape(f.sha256.substr(0, 16)), status);
        }
        out += "</tbody></table></div></details>\n";
    }
    return out;
}

}  // namespace

std::string base64(std::string_view bytes) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    if (i + 1 == bytes.size()) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += "==";
    } else if (i + 2 == bytes.size()) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

std::string html_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string html_page(const StudyResult& study, const std::vector<RenderedFigure>& figures,
                      const std::vector<std::string>& problems) {
    const std::string title =
        study.manifest.title.empty() ? "Glass-stability report" : study.manifest.title;
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format("<meta name=\"generator\" content=\"vitrum {} ({})\">\n", version(),
                       git_commit());
    out += "<title>" + html_escape(title) + "</title>\n<style>" + kStyle + "</style>\n";
    out += std::string("<script>") + kScript + "</script>\n</head>\n<body>\n";
    out += "<h1>" + html_escape(title) + "</h1>\n";
    out += fmt::format(
        "<p class=\"provenance\">vitrum {} (commit {}) · created {} · manifest "
        "<code>{}</code>{}</p>\n",
        version(), html_escape(git_commit()), html_escape(study.created_utc),
        html_escape(study.manifest.path),
        study.tg_reference_K
            ? fmt::format(" · T<sub>g,ref</sub> = {:.1f} K ({})", *study.tg_reference_K,
                          html_escape(study.tg_reference_source))
            : std::string());
    std::vector<std::string> failures = study.failures;
    failures.insert(failures.end(), problems.begin(), problems.end());
    std::size_t failed_files = 0;
    for (const SampleResult& s : study.samples)
        for (const FileOutcome& f : s.files)
            if (!f.ok) {
                ++failed_files;
                failures.push_back(fmt::format("{}: {} — {}", s.spec.name, f.file, f.error));
            }
    if (!failures.empty())
        out += fmt::format(
            "<div class=\"failures\"><strong>Incomplete: {} file(s) or parts could not be "
            "read or analysed.</strong><ul>{}</ul></div>\n",
            std::max<std::size_t>(failed_files, failures.size()), list_items(failures));
    if (!study.warnings.empty())
        out += "<div class=\"warnings\"><ul>" + list_items(study.warnings) + "</ul></div>\n";

    out += "<h2>Summary</h2>\n" + summary_table(study);
    out +=
        "<p class=\"provenance\">Also as <a href=\"summary.csv\">summary.csv</a> and "
        "<a href=\"summary.json\">summary.json</a> (every per-file result and its "
        "provenance).</p>\n";
    out += "<h2>Figures</h2>\n";
    for (const RenderedFigure& f : figures) {
        if (f.image_path.empty()) continue;
        const bool svg = f.image_path.size() >= 4 &&
                         f.image_path.compare(f.image_path.size() - 4, 4, ".svg") == 0;
        // SVG-only reports link the files beside the page: embedded, hundreds of SVGs would
        // make a page of 100 MB.
        const std::string source =
            svg ? html_escape(f.svg_file)
                : "data:image/png;base64," + base64(read_whole_file(f.image_path));
        const std::string figure = fmt::format(
            "<figure id=\"fig-{}\"><img alt=\"{}\" src=\"{}\">"
            "<figcaption>{} <a href=\"{}\">SVG</a></figcaption></figure>\n",
            html_escape(f.name), html_escape(f.caption), source, html_escape(f.caption),
            html_escape(f.svg_file));
        out += f.page >= 2 ? fmt::format("<details><summary>{} (page {})</summary>\n{}</details>\n",
                                         html_escape(f.name), f.page, figure)
                           : figure;
    }
    out += "<h2>Files</h2>\n" + file_details(study);
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace vitrum::report
