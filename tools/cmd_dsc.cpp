// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/dsc_figure.hpp>

#include "commands.hpp"
#include "dsc_cli.hpp"

namespace vitrum::cli {

void add_dsc_kissinger_command(CLI::App& dsc_app, CommandList& commands);  // dsc_kissinger.cpp

namespace {

// Adds a temperature as two cells, °C then K (two headers added once by the caller).
void temperature_cells(std::vector<Cell>& row, std::optional<double> T_K) {
    if (!T_K) {
        row.emplace_back(std::monostate{});
        row.emplace_back(std::monostate{});
        return;
    }
    row.emplace_back(to_celsius(*T_K));
    row.emplace_back(*T_K);
}

void temperature_headers(std::vector<Header>& h, const std::string& name) {
    h.push_back({name, "°C", 5});
    h.push_back({name, "K", 5});
}

std::string plot_path(const std::string& base, std::size_t index, std::size_t count) {
    if (count <= 1) return base;
    const auto dot = base.find_last_of('.');
    const std::string stem = dot == std::string::npos ? base : base.substr(0, dot);
    const std::string ext = dot == std::string::npos ? "" : base.substr(dot);
    return fmt::format("{}_{}{}", stem, index + 1, ext);
}

struct Row {
    std::string file;
    CurveOutcome outcome;
};

ResultTable build_table(const std::vector<Row>& rows) {
    std::size_t peaks = 0;
    bool any_absolute = false;
    for (const auto& r : rows) {
        const auto& a = r.outcome.analysis;
        if (a.crystallisation) peaks = std::max(peaks, a.crystallisation->peaks.size());
        if (!r.outcome.heating.per_mass) any_absolute = true;
    }
    ResultTable t;
    auto& h = t.headers;
    h = {{"file", ""}, {"curve", ""}, {"segment", ""}, {"rate", "K/min", 4}};
    temperature_headers(h, "Tg onset");
    temperature_headers(h, "Tg mid");
    temperature_headers(h, "Tg end");
    temperature_headers(h, "Tg inflection");
    temperature_headers(h, "Tg first dev");
    temperature_headers(h, "Tg last dev");
    h.push_back({"delta cp", "J/(g K)", 4});
    if (any_absolute) h.push_back({"delta Cp", "mJ/K", 4});
    temperature_headers(h, "Tf");
    for (std::size_t k = 1; k <= peaks; ++k) {
        temperature_headers(h, fmt::format("Tx{} onset", k));
        temperature_headers(h, fmt::format("Tx{} peak", k));
        temperature_headers(h, fmt::format("Tx{} end", k));
        h.push_back({fmt::format("dH x{}", k), "J/g", 4});
        if (any_absolute) h.push_back({fmt::format("dH x{}", k), "mJ", 4});
    }
    h.push_back({"delta Tx", "K", 4});
    for (const auto& r : rows) {
        const auto& o = r.outcome;
        const auto& a = o.analysis;
        const bool per_mass = o.heating.per_mass;
        std::vector<Cell> row{r.file, o.curve_name, static_cast<double>(o.segment_number),
                              a.heating_rate_K_per_s * 60.0};
        const auto& tg = a.glass_transition;
        using Tg = dsc::GlassTransitionResult;
        const auto tg_T = [&](double Tg::*field) {
            return tg ? std::optional<double>((*tg).*field) : std::nullopt;
        };
        temperature_cells(row, tg_T(&Tg::onset_extrapolated_K));
        temperature_cells(row, tg_T(&Tg::midpoint_K));
        temperature_cells(row, tg_T(&Tg::end_extrapolated_K));
        temperature_cells(row, tg_T(&Tg::inflection_K));
        temperature_cells(row, tg_T(&Tg::first_deviation_K));
        temperature_cells(row, tg_T(&Tg::last_deviation_K));
        // SI J/(kg K) → J/(g K); J/K → mJ/K.
        row.push_back(tg && per_mass ? Cell(tg->delta_cp * 1e-3) : Cell());
        if (any_absolute) row.push_back(tg && !per_mass ? Cell(tg->delta_cp * 1e3) : Cell());
        temperature_cells(row,
                          a.fictive ? std::optional<double>(a.fictive->fictive_K) : std::nullopt);
        for (std::size_t k = 0; k < peaks; ++k) {
            const bool has = a.crystallisation && k < a.crystallisation->peaks.size();
            const auto* p = has ? &a.crystallisation->peaks[k] : nullptr;
            temperature_cells(row,
                              p ? std::optional<double>(p->onset_extrapolated_K) : std::nullopt);
            temperature_cells(row, p ? std::optional<double>(p->peak_K) : std::nullopt);
            temperature_cells(row, p ? std::optional<double>(p->end_extrapolated_K) : std::nullopt);
            // SI J/kg → J/g; J → mJ.
            row.push_back(p && per_mass ? Cell(p->enthalpy * 1e-3) : Cell());
            if (any_absolute) row.push_back(p && !per_mass ? Cell(p->enthalpy * 1e3) : Cell());
        }
        const auto dtx = a.supercooled_liquid_range_K();
        row.push_back(dtx ? Cell(*dtx) : Cell());
        t.rows.push_back(std::move(row));
    }
    return t;
}

int run_dsc(const DscArgs& args, const std::string& plot) {
    if (args.files.empty()) {
        throw InvalidArgument("vitrum dsc: give at least one FILE (see vitrum dsc --help)");
    }
    std::vector<Row> rows;
    bool failed = false;
    for (const auto& path : args.files) {
        try {
            for (auto& o : analyse_file(path, args)) {
                for (const auto& problem : o.analysis.problems) {
                    std::cerr << "vitrum dsc: " << path << ": " << problem << '\n';
                    failed = true;
                }
                for (const auto& w : o.heating.warnings) {
                    std::cerr << "vitrum dsc: " << path << ": warning: " << w << '\n';
                }
                rows.push_back({path, std::move(o)});
            }
        } catch (const InvalidArgument&) {
            throw;  // a bad option fails every file alike: usage error
        } catch (const Error& e) {
            std::cerr << "vitrum dsc: " << path << ": " << e.what() << '\n';
            failed = true;
        }
    }
    if (!rows.empty()) print_table(std::cout, build_table(rows), args.format);
    if (!plot.empty()) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const std::string out = plot_path(plot, i, rows.size());
            try {
                const auto& o = rows[i].outcome;
                dsc::heating_figure(o.heating, o.analysis,
                                    fmt::format("{} — {}", rows[i].file, o.curve_name))
                    .save(out);
            } catch (const Error& e) {
                std::cerr << "vitrum dsc: " << out << ": " << e.what() << '\n';
                failed = true;
            }
        }
    }
    return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace

void add_dsc_command(CLI::App& app, CommandList& commands) {
    auto* sub = app.add_subcommand(
        "dsc",
        "Glass transition (ISO 11357-2), crystallisation peaks (ISO 11357-3) and fictive "
        "temperature of DSC heating scans");
    auto args = std::make_shared<DscArgs>();
    auto plot = std::make_shared<std::string>();
    sub->add_option("FILE", args->files, "DSC export(s) to analyse");
    add_dsc_analysis_options(*sub, *args);
    sub->add_flag("--melting", args->melting,
                  "Also construct melting endotherms above the exotherms");
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
