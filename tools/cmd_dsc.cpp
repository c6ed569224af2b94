// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/dsc_figure.hpp>

#include "commands.hpp"
#include "dsc_cli.hpp"

namespace vitrum::cli {

void add_dsc_kissinger_command(CLI::App& dsc_app, CommandList& commands);  // dsc_kissinger.cpp

namespace {

std::string plot_path(const std::string& base, std::size_t index, std::size_t count) {
    if (count <= 1) return base;
    const auto dot = base.find_last_of('.');
    const std::string stem = dot == std::string::npos ? base : base.substr(0, dot);
    const std::string ext = dot == std::string::npos ? "" : base.substr(dot);
    return fmt::format("{}_{}{}", stem, index + 1, ext);
}

int run_dsc(const DscArgs& args, const std::string& plot) {
    if (args.files.empty()) {
        throw InvalidArgument("vitrum dsc: give at least one FILE (see vitrum dsc --help)");
    }
    make_options(args);  // a bad flag is a usage error before any file is read
    check_input_format(args.input_format);
    std::vector<DscRow> rows;
    std::vector<std::string> failed_files;
    for (const auto& path : args.files) {
        try {
            dsc::DscFileResult result = analyse_file(path, args);
            for (auto& s : result.scans) {
                // A scan need not show every event (an indium standard has no Tg): what was
                // not found is a note; the file failed only when nothing could be measured.
                const bool measured = s.measured();
                for (const auto& problem : s.analysis.problems) {
                    std::cerr << "vitrum dsc: " << path << ": " << (measured ? "note: " : "")
                              << problem << '\n';
                }
                if (!measured) failed_files.push_back(path);
                for (const auto& w : s.warnings) {
                    std::cerr << "vitrum dsc: " << path << ": warning: " << w << '\n';
                }
                rows.push_back({path, std::move(s)});
            }
        } catch (const Error& e) {
            // Whatever this file caused fails this file only; the batch goes on.
            std::cerr << "vitrum dsc: " << with_file(path, e.what()) << '\n';
            failed_files.push_back(path);
        }
    }
    if (!rows.empty()) print_dsc_results(std::cout, rows, args.format);
    if (!plot.empty()) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const std::string out = plot_path(plot, i, rows.size());
            try {
                const auto& s = rows[i].scan;
                dsc::heating_figure(
                    s.scan, s.analysis,
                    fmt::format("{} — {}", std::filesystem::path(rows[i].file).filename().string(),
                                s.curve_name))
                    .save(out);
            } catch (const Error& e) {
                std::cerr << "vitrum dsc: " << out << ": " << e.what() << '\n';
                failed_files.push_back(out);
            }
        }
    }
    return report_failures("vitrum dsc", args.files.size(), failed_files);
}

}  // namespace

void add_dsc_command(CLI::App& app, CommandList& commands) {
    auto* sub = app.add_subcommand(
        "dsc",
        "Glass transition (ISO 11357-2), crystallisation and melting peaks (ISO 11357-3) and "
        "fictive temperature of DSC heating scans; crystallisation of cooling-only runs");
    auto args = std::make_shared<DscArgs>();
    auto plot = std::make_shared<std::string>();
    sub->add_option("FILE", args->files, "DSC export(s) to analyse");
    add_dsc_analysis_options(*sub, *args);
    sub->add_flag("--melting", args->melting,
                  "Report a scan without melting endotherm as an error (endotherms are always "
                  "reported when found)");
    sub->add_option("--plot", *plot, "Write a figure with the construction (.svg, .png or .pdf)");
    sub->footer(
        "Temperatures are printed in °C and K; Δcp in J/(g K) and ΔH in J/g when the sample mass "
        "is "
        "known (else mJ/K and mJ). Tg onset is the extrapolated onset T_eig (tangent at the "
        "inflection ∩ glassy baseline); Tx is the extrapolated onset T_ei of each exotherm.\n"
        "Example: vitrum dsc run.txt --tg-range 600:720 --plot run.svg");
    // `vitrum dsc kissinger …` is registered first so that it wins when both are parsed.
    add_dsc_kissinger_command(*sub, commands);
    commands.push_back({sub, [args, plot] { return run_dsc(*args, *plot); }});
}

}  // namespace vitrum::cli
