// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <vitrum/cnt/cnt_figure.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/units.hpp>
#include <vitrum/core/version.hpp>

#include "cnt_tables.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace vitrum::cli {
namespace {

struct CntArgs {
    std::string material = "cu50zr50";
    std::string range = "600:1200:10";
    std::string dg;
    std::string gamma;
    std::string mro;
    std::string tg;
    std::string plot;
    std::string ttt_plot;
    bool list = false;
    OutputFormat format = OutputFormat::table;
};

// "600:1200:5" (K, units allowed: "600K:1200K:5K") or a single temperature "700".
std::vector<double> parse_range(const std::string& text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t colon; (colon = text.find(':', start)) != std::string::npos;
         start = colon + 1) {
        parts.push_back(text.substr(start, colon - start));
    }
    parts.push_back(text.substr(start));
    const auto kelvin = [&](const std::string& s) {
        try {
            const bool bare = s.find_first_not_of("0123456789.eE+- ") == std::string::npos;
            return parse_quantity_as(s, bare ? "1" : "K");
        } catch (const UnitError& e) {
            throw InvalidArgument(fmt::format(
                "--T '{}': {}; expected LO:HI:STEP in K, e.g. 600:1200:5", text, e.what()));
        }
    };
    if (parts.size() == 1) return {kelvin(parts[0])};
    if (parts.size() != 3) {
        throw InvalidArgument(
            fmt::format("--T '{}': expected LO:HI:STEP in K, e.g. 600:1200:5", text));
    }
    return cnt::temperature_grid(kelvin(parts[0]), kelvin(parts[1]), kelvin(parts[2]));
}

double parse_length(const std::string& text, const char* option) {
    try {
        return parse_quantity_as(text, "m");
    } catch (const UnitError& e) {
        throw InvalidArgument(fmt::format("{} '{}': {}; give a length with its unit, e.g. 1.6nm",
                                          option, text, e.what()));
    }
}

int list_materials(OutputFormat format) {
    ResultTable t;
    t.headers = {{"material:set", ""}, {"default", ""}, {"name", ""}, {"description", ""}};
    for (const auto& m : cnt::list_materials()) {
        for (const auto& s : m.sets) {
            t.rows.push_back({m.id + ":" + s.name,
                              std::string(s.name == m.default_set ? "yes" : ""), m.name,
                              s.description});
        }
    }
    print_table(std::cout, t, format);
    return kExitOk;
}

CntReport compute(const CntArgs& a) {
    auto choice = cnt::find_material(a.material);
    CntReport r;
    r.material = std::move(choice.material);
    r.set = std::move(choice.set);
    r.model = cnt::build_model(r.material, r.set);
    const auto thermo = r.model.thermodynamics();
    if (!a.dg.empty()) {
        if (a.dg.rfind("table:", 0) == 0) {
            r.model.driving_force =
                cnt::DrivingForce(cnt::DrivingForceTable::from_file(a.dg.substr(6)), thermo);
        } else {
            const auto model = cnt::parse_driving_force_model(a.dg);
            if (model == cnt::DrivingForceModel::constant_dcp &&
                !r.set.has("heat_capacity_difference")) {
                throw InvalidArgument("--dg dcp: the material set has no heat_capacity_difference");
            }
            r.model.driving_force = cnt::DrivingForce(model, thermo);
        }
        r.notes.push_back(fmt::format("--dg {} overrides the set's driving force", a.dg));
    }
    if (!a.gamma.empty()) {
        r.model.gamma = cnt::parse_interfacial_energy(a.gamma);
        r.notes.push_back(
            fmt::format("--gamma {} overrides the set's interfacial energy", a.gamma));
    }
    if (!a.mro.empty()) {
        const auto colon = a.mro.find(':');
        r.mro_lo_m = parse_length(a.mro.substr(0, colon), "--mro");
        r.mro_hi_m = colon == std::string::npos ? *r.mro_lo_m
                                                : parse_length(a.mro.substr(colon + 1), "--mro");
        if (!(*r.mro_lo_m > 0.0 && *r.mro_hi_m >= *r.mro_lo_m)) {
            throw InvalidArgument(
                fmt::format("--mro '{}': need 0 < LO <= HI, e.g. 1.6nm or 1nm:2nm", a.mro));
        }
    } else if (r.set.has("mro_diameter")) {
        r.mro_lo_m = r.mro_hi_m = r.set.value("mro_diameter");
        r.notes.push_back("MRO size from the material file (mro_diameter); override with --mro");
    }
    if (!a.tg.empty()) {
        try {
            const bool bare = a.tg.find_first_not_of("0123456789.eE+- ") == std::string::npos;
            r.glass_transition_K = parse_quantity_as(a.tg, bare ? "1" : "K");
        } catch (const UnitError& e) {
            throw InvalidArgument(fmt::format("--tg '{}': {}", a.tg, e.what()));
        }
    } else if (r.set.has("glass_transition_temperature")) {
        r.glass_transition_K = r.set.value("glass_transition_temperature");
    }
    const auto temperatures = parse_range(a.range);
    r.points = cnt::sweep(r.model, temperatures);
    // The crossing d*(T) = d_MRO is searched over the requested temperatures only.
    if (r.mro_lo_m && temperatures.size() > 1 && temperatures.front() < thermo.melting_K) {
        // With a band, the largest domains are the ones that could reach d*: compare the upper
        // edge.
        r.mro =
            cnt::compare_with_mro(r.model, *r.mro_hi_m, temperatures.front(), temperatures.back());
    }
    if (r.model.mobility.model != cnt::MobilityModel::none) {
        cnt::TttOptions o;
        if (r.set.has("detectable_fraction"))
            o.detectable_fraction = r.set.value("detectable_fraction");
        if (r.set.has("liquidus_temperature")) o.liquidus_K = r.set.value("liquidus_temperature");
        if (r.glass_transition_K)
            o.min_K = std::min(0.8 * *r.glass_transition_K, 0.9 * thermo.melting_K);
        try {
            r.ttt = cnt::ttt_curve(r.model, o);
        } catch (const Error& e) {  // e.g. a ΔG table that does not reach the TTT range
            r.notes.push_back(std::string("no TTT: ") + e.what());
        }
    }
    return r;
}

void save_figures(const CntArgs& a, const CntReport& r) {
    cnt::CntFigureOptions fo;
    fo.title = fmt::format("{} ({}): CNT critical nucleus", r.material.name, r.set.name);
    fo.mro_min_m = r.mro_lo_m;
    fo.mro_max_m = r.mro_hi_m;
    fo.glass_transition_K = r.glass_transition_K;
    if (!a.plot.empty()) cnt::critical_diameter_figure(r.points, fo).save(a.plot);
    if (!a.ttt_plot.empty()) {
        if (!r.ttt)
            throw InvalidArgument("--ttt-plot: the material set has no mobility (viscosity) model");
        fo.title = fmt::format("{} ({}): TTT", r.material.name, r.set.name);
        cnt::ttt_figure(*r.ttt, fo).save(a.ttt_plot);
    }
}

int run(const CntArgs& a) {
    if (a.list) return list_materials(a.format);
    const CntReport r = compute(a);
    const std::string provenance =
        fmt::format("vitrum {} ({}), {}", version(), git_commit(), utc_timestamp());
    if (a.format == OutputFormat::json) {
        nlohmann::json out;
        out["provenance"] = provenance;
        out["material"] = r.material.id;
        out["set"] = r.set.name;
        out["inputs"] = table_to_json(cnt_inputs_table(r));
        out["models"] = table_to_json(cnt_models_table(r));
        out["results"] = table_to_json(cnt_results_table(r));
        out["summary"] = table_to_json(cnt_summary_table(r));
        std::cout << out.dump(2) << '\n';
    } else if (a.format == OutputFormat::csv) {
        // Inputs as '#' comment lines so the CSV body stays one rectangular table.
        std::cout << "# " << provenance << '\n';
        for (const ResultTable& table :
             {cnt_models_table(r), cnt_inputs_table(r), cnt_summary_table(r)}) {
            for (const auto& row : table.rows) {
                std::string line = "#";
                for (const auto& c : row) {
                    if (const auto* s = std::get_if<std::string>(&c))
                        line += " " + *s;
                    else if (const auto* d = std::get_if<double>(&c))
                        line += fmt::format(" {}", *d);
                }
                std::cout << line << '\n';
            }
        }
        print_table(std::cout, cnt_results_table(r), OutputFormat::csv);
    } else {
        std::cout << "# " << provenance << "\n\nModels\n";
        print_table(std::cout, cnt_models_table(r), a.format);
        std::cout << "\nInputs (as written in the material file, and in SI)\n";
        print_table(std::cout, cnt_inputs_table(r), a.format);
        std::cout << "\nCNT versus temperature (sizes empty where T >= T_m: no nucleation)\n";
        print_table(std::cout, cnt_results_table(r), a.format);
        std::cout << "\nSummary\n";
        print_table(std::cout, cnt_summary_table(r), a.format);
    }
    save_figures(a, r);
    return kExitOk;
}

}  // namespace

void add_cnt_command(CLI::App& app, CommandList& commands) {
    auto* sub = app.add_subcommand(
        "cnt",
        "Classical nucleation theory: critical nucleus, barrier, rates and TTT versus temperature");
    auto args = std::make_shared<CntArgs>();
    sub->add_option("--material", args->material,
                    "Material and parameter set, ID[:SET] (see --list-materials)")
        ->capture_default_str();
    sub->add_option("--T", args->range, "Temperatures LO:HI:STEP in K, or one temperature")
        ->capture_default_str();
    sub->add_option(
        "--dg", args->dg,
        "Driving force: turnbull|thompson-spaepen|hoffman|dcp|table:FILE (default: the set's)");
    sub->add_option("--gamma", args->gamma,
                    "Interfacial energy: "
                    "fixed:J_PER_M2|turnbull:ALPHA|spaepen:ALPHA|spaepen-T:ALPHA|linear:A,B");
    sub->add_option("--mro", args->mro, "Measured MRO domain size, e.g. 1.6nm, or a band 1nm:2nm");
    sub->add_option("--tg", args->tg, "Sample glass transition temperature, e.g. 700K");
    sub->add_option("--plot", args->plot, "Write the d*(T) figure (.svg, .png or .pdf)");
    sub->add_option("--ttt-plot", args->ttt_plot, "Write the TTT figure (.svg, .png or .pdf)");
    sub->add_flag("--list-materials", args->list, "List the material files and parameter sets");
    add_format_option(*sub, args->format);
    commands.push_back({sub, [args] { return run(*args); }});
}

}  // namespace vitrum::cli
