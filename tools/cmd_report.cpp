// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/netzsch_ngb.hpp>
#include <vitrum/instruments/registry.hpp>
#include <vitrum/report/atomic_file.hpp>
#include <vitrum/report/example_study.hpp>
#include <vitrum/report/manifest.hpp>
#include <vitrum/report/output_folder.hpp>
#include <vitrum/report/report_writer.hpp>
#include <vitrum/report/study.hpp>

#include "commands.hpp"

namespace vitrum::cli {
namespace {

namespace fs = std::filesystem;

struct ReportArgs {
    std::string manifest;
    std::string output;
    std::string init_folder;
    std::string example_folder;
    unsigned threads = 0;
    bool no_png = false;
    std::size_t progress_every = 100;
};

int run_init(const std::string& folder) {
    if (!fs::is_directory(folder))
        throw InvalidArgument(fmt::format("--init: '{}' is not a folder", folder));
    const fs::path target = fs::path(folder) / "manifest.json";
    if (fs::exists(target))
        throw InvalidArgument(
            fmt::format("--init: '{}' exists already; not overwritten", target.string()));
    std::vector<report::ScannedFile> files;
    std::vector<fs::path> paths;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file()) paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    std::size_t unknown = 0;
    for (const fs::path& p : paths) {
        const std::string name = p.filename().string();
        if (name.empty() || name[0] == '.' || p.extension() == ".json" || p.extension() == ".md")
            continue;
        std::ifstream in(p, std::ios::binary);
        std::string head(64 * 1024, '\0');
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(in.gcount()));
        const Reader* reader = builtin_readers().detect(head, name);
        if (reader == nullptr) {
            std::cerr << "vitrum report --init: skipped " << p.string()
                      << " (format not recognised)\n";
            ++unknown;
            continue;
        }
        files.push_back({fs::relative(p, folder).generic_string(),
                         reader->technique() == Technique::dsc ? "dsc" : "indentation",
                         std::string(reader->format_id())});
    }
    const auto skeleton = report::manifest_skeleton(files, fs::path(folder).filename().string());
    report::write_file_atomically(target.string(), skeleton.dump(2) + "\n");
    std::cout << fmt::format(
        "wrote {} ({} files, {} skipped); fill in every \"TODO\" before running "
        "`vitrum report {}`\n",
        target.string(), files.size(), unknown, target.string());
    return kExitOk;
}

int run_example(const std::string& folder) {
    const auto written = report::write_example_study(folder);
    std::cout << fmt::format("wrote {} files of the synthetic Cu50Zr50 example into {}\n",
                             written.size(), folder);
    return kExitOk;
}

int run_report(const ReportArgs& args) {
    if (args.output.empty()) throw InvalidArgument("report: -o OUTDIR is required");
    // A listed file that is missing fails that file only (named in the report, exit code 1),
    // like one that cannot be read; a malformed manifest still stops the run.
    const report::Manifest manifest = report::read_manifest(args.manifest, /*check_files=*/false);
    // Taken before the analysis, so that a second run into the same folder refuses at once.
    const report::OutputFolderLock lock(args.output);
    const report::DatasetLoader load = [](const std::string& path, const std::string& format,
                                          const std::string& technique,
                                          const report::LoadRequest& request) {
        return read_study_file(path, format, technique, request.baseline_path, request.ngb_run);
    };
    report::StudyRunOptions run;
    run.threads = args.threads;
    if (isatty(STDERR_FILENO)) {
        run.progress = [](std::size_t done, std::size_t total) {
            const int width = 40;
            const int filled = static_cast<int>(width * done / std::max<std::size_t>(total, 1));
            std::cerr << fmt::format("\r[{}{}] {}/{} files", std::string(filled, '#'),
                                     std::string(width - filled, ' '), done, total)
                      << (done == total ? "\n" : "") << std::flush;
        };
    } else if (args.progress_every > 0) {
        // Logs of batch jobs: one line per N files and one at the end, no carriage returns.
        const std::size_t every = args.progress_every;
        run.progress = [every](std::size_t done, std::size_t total) {
            if (done % every == 0 || done == total)
                std::cerr << fmt::format("vitrum report: {}/{} files analysed\n", done, total)
                          << std::flush;
        };
    }
    const report::StudyResult study = report::analyse_study(manifest, load, run);
    const report::ReportFiles files =
        report::write_report(study, lock, report::ReportOptions{!args.no_png});
    std::size_t failed = 0;
    for (const auto& s : study.samples)
        for (const auto& f : s.files)
            if (!f.ok) {
                ++failed;
                std::cerr << fmt::format("vitrum report: {}: {}: {}\n", s.spec.name, f.file,
                                         f.error);
            }
    for (const std::string& p : study.failures) std::cerr << "vitrum report: " << p << '\n';
    for (const std::string& p : files.problems) std::cerr << "vitrum report: " << p << '\n';
    std::cout << fmt::format("wrote {} files into {} ({} samples{})\n", files.written.size(),
                             args.output, study.samples.size(),
                             failed ? fmt::format(", {} input files failed", failed) : "");
    return study.complete() && files.problems.empty() ? kExitOk : kExitSomeFailed;
}

}  // namespace

void add_report_command(CLI::App& app, CommandList& commands) {
    auto args = std::make_shared<ReportArgs>();
    auto* sub = app.add_subcommand(
        "report", "Stability report of a study: tables, figures and one HTML page from a manifest");
    sub->add_option("manifest", args->manifest,
                    "Study manifest (JSON; see share/schemas/manifest.schema.json)");
    sub->add_option("-o,--output", args->output, "Output folder (created when missing)");
    sub->add_option(
        "--init", args->init_folder,
        "Scan a folder, detect each file's format and write FOLDER/manifest.json to fill in");
    sub->add_option("--generate-example", args->example_folder,
                    "Write the synthetic Cu50Zr50 example study into a folder");
    sub->add_option("-j,--threads", args->threads, "Worker threads (default: all cores)");
    sub->add_flag("--no-png", args->no_png,
                  "Draw figures as SVG only (embedded as SVG; faster for large studies)");
    sub->add_option("--progress-every", args->progress_every,
                    "When stderr is not a terminal, print one progress line per N files (0: none)")
        ->capture_default_str();
    sub->footer(
        "Example:\n  vitrum report share/examples/cu50zr50/manifest.json -o cu50zr50-report\n"
        "Exit code 1 when some files could not be read or analysed (the report is still written).\n"
        "OUTDIR is replaced as a whole when the report is complete (a killed run leaves the\n"
        "previous report); it must be new, empty or hold only a previous report's files.");
    commands.push_back(
        {sub, [args] {
             if (!args->init_folder.empty()) return run_init(args->init_folder);
             if (!args->example_folder.empty()) return run_example(args->example_folder);
             if (args->manifest.empty())
                 throw InvalidArgument(
                     "report: give a MANIFEST, --init FOLDER or --generate-example FOLDER");
             return run_report(*args);
         }});
}

}  // namespace vitrum::cli
