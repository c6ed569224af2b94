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
namespace {

namespace fs = std::filesystem;

ReportFiles write_contents(const StudyResult& study, const std::string& folder,
                           const ReportOptions& options) {
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
        RenderedFigure r{f.name, f.caption, "", "", f.page};
        try {
            f.figure.save(path(f.name + ".svg"));
            out.written.push_back(f.name + ".svg");
            r.svg_file = f.name + ".svg";
            if (options.png) {
                f.figure.save(path(f.name + ".png"));
                out.written.push_back(f.name + ".png");
                r.image_path = path(f.name + ".png");
            } else {
                r.image_path = path(f.name + ".svg");
            }
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

}  // namespace

ReportFiles write_report(const StudyResult& study, const OutputFolderLock& lock,
                         const ReportOptions& options) {
    check_replaceable_report_folder(lock.folder());
    const std::string temporary = lock.make_temporary_folder();
    try {
        ReportFiles out = write_contents(study, temporary, options);
        lock.commit(temporary);
        return out;
    } catch (...) {
        std::error_code ec;
        fs::remove_all(temporary, ec);
        throw;
    }
}

ReportFiles write_report(const StudyResult& study, const std::string& folder,
                         const ReportOptions& options) {
    const OutputFolderLock lock(folder);
    return write_report(study, lock, options);
}

}  // namespace vitrum::report
