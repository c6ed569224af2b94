// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "cnt_tables.hpp"

#include <fmt/format.h>

#include <cmath>

namespace vitrum::cli {
namespace {

Cell number_or_empty(double value) {
    if (!std::isfinite(value)) return Cell{};
    return Cell{value};
}

}  // namespace

ResultTable cnt_inputs_table(const CntReport& report) {
    ResultTable t;
    t.headers = {{"parameter", ""}, {"as written", ""}, {"SI value", ""},
                 {"SI unit", ""},   {"status", ""},     {"source", ""}};
    for (const auto& [key, p] : report.set.parameters) {
        t.rows.push_back({key, p.text, p.value_si, p.si_unit, p.status, p.source});
    }
    return t;
}

ResultTable cnt_models_table(const CntReport& report) {
    ResultTable t;
    t.headers = {{"model", ""}, {"choice", ""}};
    const auto& m = report.model;
    t.rows.push_back({std::string("material"),
                      fmt::format("{} ({}), set '{}': {}", report.material.name,
                                  report.material.file, report.set.name, report.set.description)});
    t.rows.push_back({std::string("crystal"), report.material.crystal});
    t.rows.push_back({std::string("driving force"), m.driving_force.describe()});
    t.rows.push_back({std::string("interfacial energy"), m.gamma.describe()});
    t.rows.push_back({std::string("mobility"), m.mobility.describe()});
    t.rows.push_back(
        {std::string("jump distance"), fmt::format("{:.4g} nm", m.jump_distance_m * 1e9)});
    t.rows.push_back(
        {std::string("Gibbs-Thomson"),
         std::string("T_inf - T_d = 4 gamma T_inf V_m/(dH_f d) is the same relation as "
                     "CNT's d* = 4 gamma/dG_v with the linear (Turnbull) dG; it is not "
                     "applied a second time (no size-dependent T_m inside dG_v)")});
    for (const auto& note : report.notes) t.rows.push_back({std::string("note"), note});
    return t;
}

ResultTable cnt_results_table(const CntReport& report) {
    const bool kinetics = report.model.mobility.model != cnt::MobilityModel::none;
    ResultTable t;
    t.headers = {{"T", "K", 6},         {"state", ""},         {"dG_m", "J/mol", 5},
                 {"dG_v", "J/m^3", 5},  {"gamma", "J/m^2", 4}, {"r_star", "nm", 4},
                 {"d_star", "nm", 4},   {"n_star", "", 4},     {"dG_star", "J", 4},
                 {"dG_star/kT", "", 4}, {"Z", "", 4}};
    if (report.mro_lo_m) t.headers.push_back({"d_MRO/d_star", "", 4});
    if (kinetics) {
        t.headers.push_back({"eta", "Pa s", 4});
        t.headers.push_back({"I", "1/(m^3 s)", 4});
        t.headers.push_back({"U", "m/s", 4});
    }
    for (const auto& p : report.points) {
        const bool nucleating = p.state == cnt::NucleationState::nucleating;
        const auto size = [&](double v) { return nucleating ? Cell{v} : Cell{}; };
        std::vector<Cell> row = {
            p.temperature_K,
            std::string(nucleating ? "nucleating" : "no nucleation (T >= T_m)"),
            p.driving_force_J_per_mol,
            p.driving_force_J_per_m3,
            p.gamma_J_per_m2,
            size(p.nucleus.radius_m * 1e9),
            size(p.nucleus.diameter_m * 1e9),
            size(p.nucleus.atoms),
            size(p.nucleus.barrier_J),
            size(p.barrier_over_kT),
            size(p.zeldovich)};
        if (report.mro_lo_m) row.push_back(size(cnt::mro_ratio(p, *report.mro_hi_m)));
        if (kinetics) {
            row.push_back(number_or_empty(p.viscosity_Pa_s));
            row.push_back(number_or_empty(p.nucleation_rate_per_m3_s));
            row.push_back(number_or_empty(p.growth_rate_m_per_s));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

ResultTable cnt_summary_table(const CntReport& report) {
    ResultTable t;
    t.headers = {{"quantity", ""}, {"value", "", 5}, {"unit", ""}};
    if (report.glass_transition_K) {
        const double tg = *report.glass_transition_K;
        const auto p = cnt::evaluate(report.model, tg);
        t.rows.push_back({std::string("sample T_g"), tg, std::string("K")});
        if (p.state == cnt::NucleationState::nucleating) {
            t.rows.push_back(
                {std::string("d_star at T_g"), p.nucleus.diameter_m * 1e9, std::string("nm")});
            t.rows.push_back({std::string("n_star at T_g"), p.nucleus.atoms, std::string("")});
            t.rows.push_back(
                {std::string("dG_star/kT at T_g"), p.barrier_over_kT, std::string("")});
            if (report.mro_lo_m) {
                t.rows.push_back({std::string("d_MRO/d_star at T_g"),
                                  cnt::mro_ratio(p, *report.mro_hi_m), std::string("")});
            }
        }
    }
    if (report.mro) {
        const auto& m = *report.mro;
        if (*report.mro_hi_m > *report.mro_lo_m) {
            t.rows.push_back(
                {std::string("MRO band lower edge"), *report.mro_lo_m * 1e9, std::string("nm")});
        }
        t.rows.push_back({std::string("d_MRO compared (largest domain)"), m.mro_diameter_m * 1e9,
                          std::string("nm")});
        t.rows.push_back({std::string("smallest d_star in range"), m.min_critical_diameter_m * 1e9,
                          std::string("nm")});
        t.rows.push_back({std::string("  at T"), m.min_critical_diameter_at_K, std::string("K")});
        if (m.crossing_K.empty()) {
            t.rows.push_back({std::string("T where d_star = d_MRO"),
                              std::string(fmt::format("none in {:.0f}-{:.0f} K", m.search_min_K,
                                                      m.search_max_K)),
                              std::string("K")});
        }
        for (double x : m.crossing_K) {
            t.rows.push_back({std::string("T where d_star = d_MRO"), x, std::string("K")});
        }
    }
    if (report.ttt) {
        const auto& ttt = *report.ttt;
        t.rows.push_back(
            {std::string("TTT detectable fraction"), ttt.detectable_fraction, std::string("")});
        t.rows.push_back({std::string(ttt.has_nose ? "TTT nose T" : "TTT minimum T (range edge)"),
                          ttt.nose_temperature_K, std::string("K")});
        t.rows.push_back({std::string("TTT nose time"), ttt.nose_time_s, std::string("s")});
        t.rows.push_back({std::string("critical cooling rate"), ttt.critical_cooling_rate_K_per_s,
                          std::string("K/s")});
    }
    return t;
}

ResultTable cnt_kinetics_table(const CntReport& report) {
    ResultTable t;
    t.headers = {{"heating_rate", "K/min"},     {"tx_onset", "K"},
                 {"tx_at_onset_fraction", "K"}, {"tp", "K"},
                 {"peak_dx_dt", "1/K"},         {"x_at_end", ""}};
    for (const auto& s : report.scans) {
        t.rows.push_back({s.rate_K_per_s * 60.0, s.has_tx_onset ? Cell{s.tx_onset_K} : Cell{},
                          s.has_tx_fraction ? Cell{s.tx_fraction_K} : Cell{},
                          s.has_peak ? Cell{s.tp_K} : Cell{},
                          s.has_peak ? Cell{s.peak_fraction_per_K} : Cell{}, s.final_fraction});
    }
    return t;
}

ResultTable cnt_fit_parameters_table(const CntFitReport& report) {
    ResultTable t;
    t.headers = {{"parameter", ""}, {"value", ""}, {"sigma", ""}, {"unit", ""}};
    for (const auto& p : report.fit.parameters)
        t.rows.push_back({p.name, p.value, number_or_empty(p.sigma), p.unit});
    return t;
}

ResultTable cnt_fit_measurements_table(const CntFitReport& report) {
    ResultTable t;
    t.headers = {{"quantity", ""}, {"heating rate", "K/min"}, {"measured", "K"},
                 {"sigma", "K"},   {"predicted", "K"},        {"residual", "K"}};
    for (std::size_t i = 0; i < report.measurements.size(); ++i) {
        const auto& m = report.measurements[i];
        const double predicted = report.fit.predicted_K[i];
        t.rows.push_back(
            {std::string(m.measure == cnt::CrystallisationMeasure::onset ? "Tx onset" : "Tp"),
             m.rate_K_per_s * 60.0, m.temperature_K, m.sigma_K, predicted,
             predicted - m.temperature_K});
    }
    return t;
}

ResultTable cnt_fit_summary_table(const CntFitReport& report) {
    ResultTable t;
    t.headers = {{"quantity", ""}, {"value", ""}, {"unit", ""}};
    const auto& f = report.fit;
    t.rows.push_back(
        {std::string("converged"), std::string(f.converged ? "yes" : "no"), std::string("")});
    t.rows.push_back({std::string("stopped because"), f.reason, std::string("")});
    t.rows.push_back({std::string("chi^2"), f.chi_square, std::string("")});
    t.rows.push_back({std::string("degrees of freedom"), static_cast<double>(f.degrees_of_freedom),
                      std::string("")});
    if (f.correlation.size() > 1) {
        for (std::size_t a = 0; a < f.correlation.size(); ++a)
            for (std::size_t b = a + 1; b < f.correlation.size(); ++b)
                t.rows.push_back(
                    {fmt::format("correlation {} / {}", f.parameters[a].name, f.parameters[b].name),
                     number_or_empty(f.correlation[a][b]), std::string("")});
    }
    const auto& p = report.at;
    const std::string at = fmt::format(" at {:g} K", report.report_temperature_K);
    if (p.state == cnt::NucleationState::nucleating) {
        t.rows.push_back({"d_star" + at, p.nucleus.diameter_m * 1e9, std::string("nm")});
        t.rows.push_back({"dG_star/kT" + at, p.barrier_over_kT, std::string("")});
        t.rows.push_back(
            {"I" + at, number_or_empty(p.nucleation_rate_per_m3_s), std::string("1/(m^3 s)")});
        t.rows.push_back({"U" + at, number_or_empty(p.growth_rate_m_per_s), std::string("m/s")});
    }
    if (report.ttt) {
        t.rows.push_back(
            {std::string(report.ttt->has_nose ? "TTT nose T" : "TTT minimum T (range edge)"),
             report.ttt->nose_temperature_K, std::string("K")});
        t.rows.push_back({std::string("TTT nose time"), report.ttt->nose_time_s, std::string("s")});
        t.rows.push_back({std::string("critical cooling rate (TTT)"),
                          report.ttt->critical_cooling_rate_K_per_s, std::string("K/s")});
    }
    return t;
}

nlohmann::json table_to_json(const ResultTable& table) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : table.rows) {
        nlohmann::json obj = nlohmann::json::object();
        for (std::size_t i = 0; i < table.headers.size() && i < row.size(); ++i) {
            const auto key = json_key(table.headers[i]);
            if (const auto* d = std::get_if<double>(&row[i]); d && std::isfinite(*d)) {
                obj[key] = *d;
            } else if (const auto* s = std::get_if<std::string>(&row[i])) {
                obj[key] = *s;
            } else {
                obj[key] = nullptr;
            }
        }
        rows.push_back(std::move(obj));
    }
    return rows;
}

}  // namespace vitrum::cli
