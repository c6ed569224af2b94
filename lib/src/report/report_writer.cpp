// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <filesystem>
#include <vitrum/core/error.hpp>
#include <vitrum/report/atomic_file.hpp>
#include <vitrum/report/html_page.hpp>
#include <vitrum/report/report_writer.hpp>
#include <vitrum/report/study_figures.hpp>
#include <vitrum/report/summary.hpp>

namespace vitrum::report {

ReportFiles write_report(const StudyResult& study, const std::string& folder) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        throw IoError(fmt::format("cannot create output folder '{}': {}", folder, ec.message()));
    ReportFiles out;
    auto path = [&folder](const std::string& name) { return (fs::path(folder) / name).string(); };
    write_file_atomically(path("summary.csv"), summary_csv(study));
    out.written.push_back("summary.csv");
    write_file_atomically(path("summary.provenance.json"),
                          csv_provenance(study, "summary.csv").dump(2) + "\n");
    out.written.push_back("summary.provenance.json");
    write_file_atomically(path("summary.json"), summary_json(study).dump(2) + "\n");
    out.written.push_back("summary.json");

    std::vector<RenderedFigure> figures;
    for (const StudyFigure& f : study_figures(study)) {
        RenderedFigure r{f.name, f.caption, "", ""};
        try {
            f.figure.save(path(f.name + ".svg"));
            f.figure.save(path(f.name + ".png"));
            r.png_path = path(f.name + ".png");
            r.svg_file = f.name + ".svg";
            out.written.push_back(f.name + ".svg");
            out.written.push_back(f.name + ".png");
        } catch (const std::exception& e) {
            out.problems.push_back(
                fmt::format("figure '{}' could not be drawn: {}", f.name, e.what()));
        }
        figures.push_back(std::move(r));
    }
    write_file_atomically(path("index.html"), html_page(study, figures, out.problems));
    out.written.push_back("index.html");
    return out;
}

}  // namespace vitrum::report
