// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
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
    std::string heating_rates;
    std::string nucleation = "continuous";
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

// "5,10,20,40K/min": bare numbers take the unit of the next item that has one [K/s].
std::vector<double> parse_rates(const std::string& text, const char* option) {
    std::vector<std::string> items;
    std::size_t start = 0;
    for (std::size_t comma; (comma = text.find(',', start)) != std::string::npos;
         start = comma + 1) {
        items.push_back(text.substr(start, comma - start));
    }
    items.push_back(text.substr(start));
    std::vector<double> out(items.size());
    std::string unit;
    for (std::size_t k = items.size(); k-- > 0;) {
        const std::string& item = items[k];
        const auto end = item.find_first_not_of("0123456789.eE+- ");
        if (end != std::string::npos) unit = item.substr(end);
        if (unit.empty()) {
            throw InvalidArgument(fmt::format(
                "{} '{}': give the heating rate's unit, e.g. 5,10,20,40K/min", option, text));
        }
        try {
            const std::string with_unit = end == std::string::npos ? item + unit : item;
            out[k] = parse_quantity_as(with_unit, "K/s");
        } catch (const UnitError& e) {
            throw InvalidArgument(fmt::format("{} '{}': {}", option, text, e.what()));
        }
        if (!(out[k] > 0.0)) {
            throw InvalidArgument(fmt::format("{} '{}': rates must be > 0", option, text));
        }
    }
    return out;
}

double parse_kelvin(const std::string& text, const char* option) {
    try {
        const bool bare = text.find_first_not_of("0123456789.eE+- ") == std::string::npos;
        return parse_quantity_as(text, bare ? "1" : "K");
    } catch (const UnitError& e) {
        throw InvalidArgument(fmt::format("{} '{}': {}", option, text, e.what()));
    }
}

// Predicted heating scans at the requested rates (or the measured ones, or 10 K/min), and a
// warning when the prediction lies more than 30 K outside the measured onsets at a rate.
// "continuous", "transient" or "site-saturation:1e20" (nuclei per m^3; a unit may follow).
cnt::CrystallisationOptions parse_nucleation(const std::string& text) {
    cnt::CrystallisationOptions o;
    if (text == "continuous") return o;
    if (text == "transient") {
        o.nucleation = cnt::NucleationMode::transient;
        return o;
    }
    const std::string prefix = "site-saturation:";
    if (text.rfind(prefix, 0) == 0) {
        o.nucleation = cnt::NucleationMode::site_saturation;
        const std::string n = text.substr(prefix.size());
        try {
            const bool bare = n.find_first_not_of("0123456789.eE+- ") == std::string::npos;
            o.preexisting_nuclei_per_m3 = parse_quantity_as(n, bare ? "1" : "1/m^3");
        } catch (const UnitError& e) {
            throw InvalidArgument(fmt::format("--nucleation '{}': {}", text, e.what()));
        }
        if (!(o.preexisting_nuclei_per_m3 > 0.0)) {
            throw InvalidArgument(
                fmt::format("--nucleation '{}': the number of nuclei must be > 0 per m^3", text));
        }
        return o;
    }
    throw InvalidArgument(fmt::format(
        "--nucleation '{}': expected continuous, transient or site-saturation:N (N per m^3)",
        text));
}

void predict_scans(const std::vector<double>& requested_K_per_s,
                   const cnt::CrystallisationOptions& options, CntReport& r) {
    std::vector<double> rates = requested_K_per_s;
    if (rates.empty()) rates.push_back(10.0 / 60.0);
    for (const auto& m : r.material.measurements) {
        if (m.quantity != "crystallisation_onset") continue;
        bool known = false;
        for (double x : rates) known = known || std::abs(x - m.heating_rate_K_per_s) < 1e-9;
        if (!known) rates.push_back(m.heating_rate_K_per_s);
    }
    cnt::CrystallisationOptions o = options;
    o.keep_curve = false;
    for (double rate : rates) r.scans.push_back(cnt::crystallise_on_heating(r.model, rate, o));
    std::size_t peaks = 0;
    for (const auto& scan : r.scans) peaks += scan.has_peak ? 1 : 0;
    if (peaks >= 2) r.kissinger = cnt::predicted_kissinger(r.model, rates, o);
    for (const auto& s : r.scans) {
        double lo = 1e300, hi = -1e300;
        for (const auto& m : r.material.measurements) {
            if (m.quantity != "crystallisation_onset" ||
                std::abs(m.heating_rate_K_per_s - s.rate_K_per_s) > 1e-9)
                continue;
            lo = std::min(lo, m.temperature_K);
            hi = std::max(hi, m.temperature_K);
        }
        if (lo > hi) continue;
        const std::string measured =
            lo == hi ? fmt::format("{:.0f} K", lo) : fmt::format("{:.0f}-{:.0f} K", lo, hi);
        if (!s.has_tx_onset) {
            r.warnings.push_back(fmt::format(
                "set '{}' predicts no crystallisation below T_m at {:g} K/min (X = {:.2g} at "
                "T_m), but the measured Tx is {}: its kinetics contradict the calorimeter",
                r.set.name, s.rate_K_per_s * 60.0, s.final_fraction, measured));
        } else if (s.tx_onset_K < lo - 30.0 || s.tx_onset_K > hi + 30.0) {
            r.warnings.push_back(fmt::format(
                "set '{}' predicts Tx = {:.1f} K at {:g} K/min, more than 30 K from the measured "
                "{}",
                r.set.name, s.tx_onset_K, s.rate_K_per_s * 60.0, measured));
        }
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
        predict_scans(a.heating_rates.empty() ? std::vector<double>{}
                                              : parse_rates(a.heating_rates, "--heating-rate"),
                      parse_nucleation(a.nucleation), r);
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
    for (const auto& w : r.warnings) std::cerr << "vitrum cnt: warning: " << w << '\n';
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
        out["crystallisation"] = table_to_json(cnt_kinetics_table(r));
        out["warnings"] = r.warnings;
        if (r.kissinger) {
            out["kissinger_activation_energy_J_per_mol"] = r.kissinger->activation_J_per_mol;
        }
        std::cout << out.dump(2) << '\n';
    } else if (a.format == OutputFormat::csv) {
        // stdout holds one table that a plain pandas.read_csv loads; the inputs and provenance
        // go to stderr as '#' lines.
        std::cerr << "# " << provenance << '\n';
        for (const ResultTable& table : {cnt_models_table(r), cnt_inputs_table(r),
                                         cnt_summary_table(r), cnt_kinetics_table(r)}) {
            for (const auto& row : table.rows) {
                std::string line = "#";
                for (const auto& c : row) {
                    if (const auto* s = std::get_if<std::string>(&c))
                        line += " " + *s;
                    else if (const auto* d = std::get_if<double>(&c))
                        line += fmt::format(" {}", *d);
                }
                std::cerr << line << '\n';
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
        if (!r.scans.empty()) {
            std::cout
                << "\nPredicted crystallisation on heating (KJMA, " << a.nucleation
                << " nucleation; tx_onset = extrapolated onset of dX/dT, tx_at_onset_fraction = T "
                   "at X = 1 %)\n";
            print_table(std::cout, cnt_kinetics_table(r), a.format);
            if (r.kissinger) {
                std::cout << fmt::format(
                    "Kissinger energy of the predicted Tp: {:.1f} kJ/mol ({} rates)\n",
                    r.kissinger->activation_J_per_mol / 1e3, r.kissinger->points.size());
            }
        }
    }
    save_figures(a, r);
    return kExitOk;
}

struct CntFitArgs {
    std::string material = "cu50zr50";
    std::vector<std::string> tx;
    std::vector<std::string> tp;
    std::string sigma = "2K";
    std::string at = "700K";
    bool fit_scale = false;
    bool fit_t0 = false;
    OutputFormat format = OutputFormat::table;
};

// "10K/min:720K" → rate and temperature.
cnt::MeasuredCrystallisation parse_measurement(const std::string& text, const char* option,
                                               cnt::CrystallisationMeasure measure,
                                               double sigma_K) {
    const auto colon = text.find(':');
    if (colon == std::string::npos) {
        throw InvalidArgument(
            fmt::format("{} '{}': expected RATE:T, e.g. 10K/min:720K", option, text));
    }
    cnt::MeasuredCrystallisation m;
    const auto rates = parse_rates(text.substr(0, colon), option);
    if (rates.size() != 1) {
        throw InvalidArgument(fmt::format("{} '{}': one rate per measurement", option, text));
    }
    m.rate_K_per_s = rates.front();
    m.temperature_K = parse_kelvin(text.substr(colon + 1), option);
    m.sigma_K = sigma_K;
    m.measure = measure;
    return m;
}

int run_fit(const CntFitArgs& a) {
    CntFitReport r;
    auto choice = cnt::find_material(a.material);
    r.material = std::move(choice.material);
    r.set = std::move(choice.set);
    const cnt::CntModel model = cnt::build_model(r.material, r.set);
    const double sigma = parse_kelvin(a.sigma, "--sigma");
    if (!(sigma > 0.0)) throw InvalidArgument(fmt::format("--sigma '{}': must be > 0 K", a.sigma));
    for (const auto& x : a.tx)
        r.measurements.push_back(
            parse_measurement(x, "--tx", cnt::CrystallisationMeasure::onset, sigma));
    for (const auto& x : a.tp)
        r.measurements.push_back(
            parse_measurement(x, "--tp", cnt::CrystallisationMeasure::peak, sigma));
    if (r.measurements.empty()) {
        throw InvalidArgument(
            "vitrum cnt fit: give at least one --tx or --tp, e.g. --tx "
            "10K/min:720K");
    }
    cnt::CrystallisationFitOptions o;
    o.fit_viscosity_scale = a.fit_scale;
    o.fit_vft_T0 = a.fit_t0;
    r.fit = cnt::fit_crystallisation(model, r.measurements, o);
    r.report_temperature_K = parse_kelvin(a.at, "--at");
    r.at = cnt::evaluate(r.fit.model, r.report_temperature_K);
    try {
        cnt::TttOptions t;
        if (r.set.has("liquidus_temperature")) t.liquidus_K = r.set.value("liquidus_temperature");
        r.ttt = cnt::ttt_curve(r.fit.model, t);
    } catch (const Error&) {
        r.ttt.reset();  // no finite time in range: the summary simply has no nose
    }
    const std::string provenance =
        fmt::format("vitrum {} ({}), {}", version(), git_commit(), utc_timestamp());
    if (a.format == OutputFormat::json) {
        nlohmann::json out;
        out["provenance"] = provenance;
        out["material"] = r.material.id;
        out["set"] = r.set.name;
        out["parameters"] = table_to_json(cnt_fit_parameters_table(r));
        out["measurements"] = table_to_json(cnt_fit_measurements_table(r));
        out["summary"] = table_to_json(cnt_fit_summary_table(r));
        out["identifiability"] = r.fit.identifiability;
        std::cout << out.dump(2) << '\n';
    } else {
        if (a.format == OutputFormat::table) {
            std::cout << "# " << provenance << "\n\n"
                      << fmt::format(
                             "Fit of {} (set '{}') to measured crystallisation; gamma "
                             "fixed, KJMA continuous nucleation\n",
                             r.material.name, r.set.name);
        }
        print_table(std::cout, cnt_fit_parameters_table(r), a.format);
        if (a.format == OutputFormat::table) std::cout << "\nMeasurements\n";
        print_table(std::cout, cnt_fit_measurements_table(r), a.format);
        if (a.format == OutputFormat::table) std::cout << "\nFitted set\n";
        print_table(std::cout, cnt_fit_summary_table(r), a.format);
        std::cout << (a.format == OutputFormat::csv ? "# " : "\n")
                  << "Identifiability: " << r.fit.identifiability << '\n';
    }
    if (!r.fit.converged) {
        std::cerr << "vitrum cnt fit: warning: the fit did not converge (" << r.fit.reason << ")\n";
        return kExitSomeFailed;
    }
    return kExitOk;
}

void add_cnt_fit_command(CLI::App& cnt_app, CommandList& commands) {
    auto* sub = cnt_app.add_subcommand(
        "fit", "Fit the interfacial energy (and optionally the viscosity) to measured Tx or Tp");
    auto args = std::make_shared<CntFitArgs>();
    sub->add_option("--material", args->material, "Material and parameter set, ID[:SET]")
        ->capture_default_str();
    sub->add_option("--tx", args->tx, "Measured Tx (extrapolated onset), RATE:T, e.g. 10K/min:720K")
        ->take_all();
    sub->add_option("--tp", args->tp, "Measured exotherm peak, RATE:T, e.g. 10K/min:745K")
        ->take_all();
    sub->add_option("--sigma", args->sigma, "Standard uncertainty of each temperature")
        ->capture_default_str();
    sub->add_option("--at", args->at, "Temperature where d*, dG*/kT and I are printed")
        ->capture_default_str();
    sub->add_flag("--fit-viscosity-scale", args->fit_scale,
                  "Also fit log10 of a factor on the viscosity (VFT eta0)");
    sub->add_flag("--fit-T0", args->fit_t0, "Also fit the VFT T0");
    add_format_option(*sub, args->format);
    commands.push_back({sub, [args] { return run_fit(*args); }});
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
    sub->add_option("--heating-rate", args->heating_rates,
                    "Predict Tx and Tp at these heating rates, e.g. 5,10,20,40K/min");
    sub->add_option("--nucleation", args->nucleation,
                    "Nucleation in the predicted scans: continuous|transient|site-saturation:N "
                    "(N nuclei per m^3)")
        ->capture_default_str();
    sub->add_flag("--list-materials", args->list, "List the material files and parameter sets");
    add_format_option(*sub, args->format);
    // `vitrum cnt fit …` is registered first so that it wins when both are parsed.
    add_cnt_fit_command(*sub, commands);
    commands.push_back({sub, [args] { return run(*args); }});
}

}  // namespace vitrum::cli
