// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/kinetics.hpp>

#include "commands.hpp"
#include "dsc_cli.hpp"

namespace vitrum::cli {

namespace {

struct KissingerArgs {
    DscArgs dsc;
    std::size_t peak = 1;
};

ResultTable runs_table(const std::vector<std::string>& files,
                       const std::vector<dsc::RatePoint>& pts) {
    ResultTable t;
    t.headers = {{"file", ""},   {"rate", "K/min", 5}, {"Tp", "°C", 6},
                 {"Tp", "K", 6}, {"1/Tp", "1/K", 6},   {"ln(beta/Tp^2)", "ln(1/(K s))", 6}};
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const auto& p = pts[i];
        t.rows.push_back({files[i], p.heating_rate_K_per_s * 60.0, to_celsius(p.temperature_K),
                          p.temperature_K, 1.0 / p.temperature_K,
                          std::log(p.heating_rate_K_per_s / (p.temperature_K * p.temperature_K))});
    }
    return t;
}

ResultTable methods_table(
    const std::vector<std::pair<std::string, dsc::ActivationEnergyResult>>& m) {
    ResultTable t;
    t.headers = {{"method", ""},         {"E", "kJ/mol", 5}, {"E stderr", "kJ/mol", 3},
                 {"ln A", "ln(1/s)", 5}, {"R^2", "", 6},     {"runs", ""}};
    for (const auto& [name, r] : m) {
        t.rows.push_back({name, r.activation_energy_J_per_mol * 1e-3,
                          r.activation_energy_stderr_J_per_mol * 1e-3, r.ln_preexponential_per_s,
                          r.r_squared, static_cast<double>(r.x_inverse_K.size())});
    }
    return t;
}

int run_kissinger(const KissingerArgs& args) {
    if (args.peak < 1) throw InvalidArgument("--peak must be >= 1");
    std::vector<dsc::RatePoint> points;
    std::vector<std::string> names;
    bool failed = false;
    make_options(args.dsc);  // a bad flag is a usage error before any file is read
    check_input_format(args.dsc.input_format);
    for (const auto& path : args.dsc.files) {
        try {
            for (const auto& o : analyse_file(path, args.dsc).scans) {
                const auto& cr = o.analysis.crystallisation;
                if (!cr || cr->peaks.size() < args.peak) {
                    std::cerr << fmt::format(
                        "vitrum dsc kissinger: {}: no exothermic peak {} found\n", path, args.peak);
                    failed = true;
                    continue;
                }
                points.push_back(
                    {o.analysis.heating_rate_K_per_s, cr->peaks[args.peak - 1].peak_K});
                names.push_back(path);
            }
        } catch (const Error& e) {
            std::cerr << "vitrum dsc kissinger: " << with_file(path, e.what()) << '\n';
            failed = true;
        }
    }
    std::vector<std::pair<std::string, dsc::ActivationEnergyResult>> methods;
    try {
        methods.emplace_back("Kissinger (ASTM E2890)", dsc::kissinger(points));
        methods.emplace_back("Ozawa-Flynn-Wall (ASTM E698, Doyle)", dsc::ozawa_flynn_wall(points));
    } catch (const Error& e) {
        std::cerr << "vitrum dsc kissinger: " << e.what() << '\n';
        failed = true;
    }
    const ResultTable runs = runs_table(names, points);
    const ResultTable results = methods_table(methods);
    if (args.dsc.format == OutputFormat::json) {
        std::ostringstream a, b;
        print_table(a, runs, OutputFormat::json);
        print_table(b, results, OutputFormat::json);
        nlohmann::json j = {{"runs", nlohmann::json::parse(a.str())},
                            {"results", nlohmann::json::parse(b.str())}};
        std::cout << j.dump(2) << '\n';
    } else {
        print_table(std::cout, runs, args.dsc.format);
        std::cout << '\n';
        if (!methods.empty()) print_table(std::cout, results, args.dsc.format);
    }
    return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace

void add_dsc_kissinger_command(CLI::App& dsc_app, CommandList& commands) {
    auto* sub = dsc_app.add_subcommand(
        "kissinger",
        "Activation energy from the peak temperature at several heating rates "
        "(Kissinger, ASTM E2890; Ozawa-Flynn-Wall, ASTM E698)");
    auto args = std::make_shared<KissingerArgs>();
    sub->add_option("FILE", args->dsc.files, "One DSC export per heating rate (at least 3)")
        ->required();
    sub->add_option("--peak", args->peak, "Which exotherm to use (1 = first crystallisation peak)")
        ->default_val(1);
    add_dsc_analysis_options(*sub, args->dsc);
    sub->footer(
        "The heating rate of each run is measured (slope of T(t) over the analysed "
        "segment).\nExample: vitrum dsc kissinger r5.txt r10.txt r20.txt r40.txt --peak 1");
    commands.push_back({sub, [args] { return run_kissinger(*args); }});
}

}  // namespace vitrum::cli
