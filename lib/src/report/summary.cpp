// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <cmath>
#include <sstream>
#include <vitrum/core/record.hpp>
#include <vitrum/core/version.hpp>
#include <vitrum/report/sha256.hpp>
#include <vitrum/report/summary.hpp>

namespace vitrum::report {
namespace {

using Json = nlohmann::ordered_json;

std::string fixed(const std::optional<double>& v, int decimals, double scale = 1.0) {
    if (!v || !std::isfinite(*v)) return "";
    return fmt::format("{:.{}f}", *v * scale, decimals);
}

Json optional_json(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? Json(*v) : Json(nullptr);
}

}  // namespace

const std::vector<SummaryColumn>& summary_columns() {
    static const std::vector<SummaryColumn> columns{
        {"sample", -1},      {"deposition", -1},     {"T_dep [K]", 1},     {"T_dep/Tg_ref [1]", 3},
        {"Tg onset [K]", 1}, {"Tg midpoint [K]", 1}, {"Δcp [J/(g K)]", 3}, {"Tx onset [K]", 1},
        {"Tx peak [K]", 1},  {"ΔTx [K]", 1},         {"ΔHx [J/g]", 1},     {"H [GPa]", 3},
        {"H sd [GPa]", 3},   {"E [GPa]", 2},         {"E sd [GPa]", 2},    {"n indents [1]", 0},
        {"d*(Tg) [nm]", 3},  {"d_MRO [nm]", 2},      {"d_MRO sd [nm]", 2}, {"d_MRO/d* [1]", 3},
        {"status", -1}};
    return columns;
}

std::vector<std::string> summary_row(const StudyResult&, const SampleResult& s) {
    const auto& c = summary_columns();
    auto d = [&c](std::size_t i) { return c[i].decimals; };
    std::string status = s.complete() ? "ok" : "incomplete";
    return {s.spec.name,
            s.spec.deposition_text,
            fixed(s.spec.deposition_K, d(2)),
            fixed(s.deposition_over_tg_ref, d(3)),
            fixed(s.tg_onset_K, d(4)),
            fixed(s.tg_midpoint_K, d(5)),
            fixed(s.delta_cp_J_per_kg_K, d(6), 1e-3),
            fixed(s.tx_onset_K, d(7)),
            fixed(s.tx_peak_K, d(8)),
            fixed(s.delta_tx_K, d(9)),
            fixed(s.delta_hx_J_per_kg, d(10), 1e-3),
            fixed(s.hardness_Pa, d(11), 1e-9),
            fixed(s.hardness_sd_Pa, d(12), 1e-9),
            fixed(s.modulus_Pa, d(13), 1e-9),
            fixed(s.modulus_sd_Pa, d(14), 1e-9),
            std::to_string(s.indents),
            fixed(s.critical_diameter_at_tg_m, d(16), 1e9),
            fixed(s.spec.mro_size_m, d(17), 1e9),
            fixed(s.spec.mro_uncertainty_m, d(18), 1e9),
            fixed(s.mro_over_critical, d(19)),
            status};
}

Record summary_record(const StudyResult&, const SampleResult& s) {
    Record r;
    r.add("sample", s.spec.name);
    r.add("deposition", s.spec.deposition_text);
    r.add("deposition_K", s.spec.deposition_K);
    r.add("deposition_over_tg_ref", s.deposition_over_tg_ref);
    r.add("tg_onset_K", s.tg_onset_K);
    r.add("tg_midpoint_K", s.tg_midpoint_K);
    r.add("delta_cp_J_per_kg_K", s.delta_cp_J_per_kg_K);
    r.add("tx_onset_K", s.tx_onset_K);
    r.add("tx_peak_K", s.tx_peak_K);
    r.add("delta_tx_K", s.delta_tx_K);
    r.add("delta_hx_J_per_kg", s.delta_hx_J_per_kg);
    r.add("hardness_Pa", s.hardness_Pa);
    r.add("hardness_sd_Pa", s.hardness_sd_Pa);
    r.add("modulus_Pa", s.modulus_Pa);
    r.add("modulus_sd_Pa", s.modulus_sd_Pa);
    r.add("indents", static_cast<double>(s.indents));
    r.add("critical_diameter_at_tg_m", s.critical_diameter_at_tg_m);
    r.add("mro_size_m", s.spec.mro_size_m);
    r.add("mro_uncertainty_m", s.spec.mro_uncertainty_m);
    r.add("mro_over_critical", s.mro_over_critical);
    r.add("status", s.complete() ? "ok" : "incomplete");
    return r;
}

std::string summary_csv(const StudyResult& study) {
    std::vector<Record> rows;
    for (const SampleResult& s : study.samples) rows.push_back(summary_record(study, s));
    std::ostringstream out;
    write_csv(out, rows);
    return out.str();
}

nlohmann::ordered_json csv_provenance(const StudyResult& study, const std::string& csv_name) {
    Json j;
    j["describes"] = csv_name;
    j["tool"] = "vitrum report";
    j["vitrum_version"] = version();
    j["git_commit"] = git_commit();
    j["created_utc"] = study.created_utc;
    j["manifest"] = study.manifest.path;
    j["tg_reference_K"] = optional_json(study.tg_reference_K);
    j["tg_reference_source"] = study.tg_reference_source;
    j["units"] =
        "SI; each column's unit is the suffix of its name (share/schemas/results.schema.json)";
    Json inputs = Json::array();
    for (const SampleResult& s : study.samples)
        for (const FileOutcome& f : s.files)
            inputs.push_back({{"sample", f.sample},
                              {"technique", f.technique},
                              {"file", f.file},
                              {"sha256", f.sha256},
                              {"reader", f.format},
                              {"options", f.options}});
    j["inputs"] = inputs;
    return j;
}

nlohmann::ordered_json summary_json(const StudyResult& study) {
    Json j;
    j["provenance"] = {{"tool", "vitrum report"},
                       {"vitrum_version", version()},
                       {"git_commit", git_commit()},
                       {"created_utc", study.created_utc},
                       {"manifest_path", study.manifest.path}};
    j["complete"] = study.complete();
    j["tg_reference_K"] = optional_json(study.tg_reference_K);
    j["tg_reference_source"] = study.tg_reference_source;
    j["study_warnings"] = study.warnings;
    j["study_failures"] = study.failures;
    if (study.critical_size) {
        j["critical_size"] = {{"material", study.critical_size->material},
                              {"description", study.critical_size->description}};
    }
    j["options"] = study.manifest.options.to_json();
    Json samples = Json::array();
    for (const SampleResult& s : study.samples) {
        Json js;
        js["name"] = s.spec.name;
        js["deposition"] = s.spec.deposition_text;
        js["deposition_K"] = optional_json(s.spec.deposition_K);
        js["deposition_over_tg_ref"] = optional_json(s.deposition_over_tg_ref);
        js["tg_onset_K"] = optional_json(s.tg_onset_K);
        js["tg_midpoint_K"] = optional_json(s.tg_midpoint_K);
        js["delta_cp_J_per_kg_K"] = optional_json(s.delta_cp_J_per_kg_K);
        js["tx_onset_K"] = optional_json(s.tx_onset_K);
        js["tx_peak_K"] = optional_json(s.tx_peak_K);
        js["delta_tx_K"] = optional_json(s.delta_tx_K);
        js["delta_hx_J_per_kg"] = optional_json(s.delta_hx_J_per_kg);
        js["hardness_Pa"] = optional_json(s.hardness_Pa);
        js["hardness_sd_Pa"] = optional_json(s.hardness_sd_Pa);
        js["modulus_Pa"] = optional_json(s.modulus_Pa);
        js["modulus_sd_Pa"] = optional_json(s.modulus_sd_Pa);
        js["indents"] = s.indents;
        js["critical_diameter_at_tg_m"] = optional_json(s.critical_diameter_at_tg_m);
        js["mro_size_m"] = optional_json(s.spec.mro_size_m);
        js["mro_uncertainty_m"] = optional_json(s.spec.mro_uncertainty_m);
        js["mro_over_critical"] = optional_json(s.mro_over_critical);
        js["notes"] = s.spec.notes;
        js["options"] = study.manifest.options_for(s.spec).to_json();
        js["complete"] = s.complete();
        js["warnings"] = s.warnings;
        Json files = Json::array();
        for (const FileOutcome& f : s.files) {
            Json jf;
            jf["technique"] = f.technique;
            jf["file"] = f.file;
            jf["path"] = f.path;
            jf["sha256"] = f.sha256;
            jf["format"] = f.format;
            jf["ok"] = f.ok;
            if (!f.ok) jf["error"] = f.error;
            jf["warnings"] = f.warnings;
            jf["options"] = f.options;
            jf["results"] = f.results;
            files.push_back(jf);
        }
        js["files"] = files;
        samples.push_back(js);
    }
    j["samples"] = samples;
    j["manifest"] = study.manifest.raw;
    return j;
}

}  // namespace vitrum::report
