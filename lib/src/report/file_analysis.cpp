// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "file_analysis.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/analysis.hpp>
#include <vitrum/dsc/segmentation.hpp>
#include <vitrum/indent/area_function.hpp>
#include <vitrum/indent/quasi_static.hpp>
#include <vitrum/report/sha256.hpp>

namespace vitrum::report::detail {
namespace {

using Json = nlohmann::ordered_json;

// Keeps at most `limit` points for plotting (every k-th point; the shape of a DSC or load–depth
// curve is smooth on that scale).
template <typename T>
std::vector<T> thin(const std::vector<T>& v, std::size_t limit) {
    if (v.size() <= limit) return v;
    const std::size_t step = (v.size() + limit - 1) / limit;
    std::vector<T> out;
    for (std::size_t i = 0; i < v.size(); i += step) out.push_back(v[i]);
    return out;
}

Json window_json(const dsc::TemperatureWindow& w) { return Json::array({w.lo_K, w.hi_K}); }

// Reads the file and fills checksum and format; errors are left to the caller.
Dataset load_with_provenance(FileOutcome& out, const std::string& format,
                             const DatasetLoader& load) {
    out.sha256 = sha256_file(out.path);
    Dataset data = load(out.path, format, out.technique);
    out.format = data.source.format_id;
    for (const std::string& w : data.warnings) out.warnings.push_back(w);
    return data;
}

}  // namespace

DscFileResult analyse_dsc_file(const std::string& sample, const DscInput& input,
                               const AnalysisOptions& options, const DatasetLoader& load) {
    DscFileResult r;
    FileOutcome& out = r.outcome;
    out.sample = sample;
    out.technique = "dsc";
    out.file = input.file;
    out.path = input.path;
    try {
        const Dataset data = load_with_provenance(out, input.format, load);
        if (data.curves.empty()) throw FormatError("the file holds no curve");
        dsc::Thermogram run = dsc::normalize(data, 0);
        for (const std::string& w : run.warnings) out.warnings.push_back(w);
        const auto segments = dsc::segment_run(run);
        const std::size_t k = dsc::choose_heating_segment(segments);
        const dsc::Thermogram heating = run.slice(segments[k].begin, segments[k].end);

        dsc::HeatingAnalysisOptions o;
        if (options.tg_search_lo_K && options.tg_search_hi_K)
            o.glass_transition.search_K =
                dsc::TemperatureWindow{*options.tg_search_lo_K, *options.tg_search_hi_K};
        if (options.tx_search_lo_K && options.tx_search_hi_K)
            o.crystallisation.search_K =
                dsc::TemperatureWindow{*options.tx_search_lo_K, *options.tx_search_hi_K};
        o.glass_transition.heating_rate_K_per_s = input.heating_rate_K_per_s;
        // The liquid's Δcp is lost while it crystallises, so the baseline under the exotherm
        // steps down: a sigmoidal baseline follows that step, a straight one would not.
        o.crystallisation.baseline = dsc::PeakBaseline::sigmoidal;
        out.options = {
            {"tg_search_K", o.glass_transition.search_K ? window_json(*o.glass_transition.search_K)
                                                        : Json(nullptr)},
            {"tx_search_K",
             o.crystallisation.search_K ? window_json(*o.crystallisation.search_K) : Json(nullptr)},
            {"crystallisation_baseline", "sigmoidal"},
            {"smoothing_window_K", o.glass_transition.smoothing_window_K}};
        const dsc::HeatingAnalysis a = dsc::analyze_heating(heating, o);

        Json& res = out.results;
        res["heating_segment"] = segments[k].label;
        res["heating_rate_measured_K_per_s"] = a.heating_rate_K_per_s;
        if (input.heating_rate_K_per_s) {
            res["heating_rate_stated_K_per_s"] = *input.heating_rate_K_per_s;
            const double rel = std::abs(a.heating_rate_K_per_s / *input.heating_rate_K_per_s - 1.0);
            if (rel > 0.05)
                out.warnings.push_back(fmt::format(
                    "measured heating rate {:.3g} K/min differs from the stated {:.3g} K/min",
                    a.heating_rate_K_per_s * 60.0, *input.heating_rate_K_per_s * 60.0));
        }
        res["per_mass"] = heating.per_mass;
        if (a.glass_transition) {
            const auto& g = *a.glass_transition;
            r.tg_onset_K = g.onset_extrapolated_K;
            r.tg_midpoint_K = g.midpoint_K;
            if (g.per_mass) r.delta_cp_J_per_kg_K = g.delta_cp;
            res["glass_transition"] = {
                {"first_deviation_K", g.first_deviation_K},
                {"onset_extrapolated_K", g.onset_extrapolated_K},
                {"inflection_K", g.inflection_K},
                {"midpoint_K", g.midpoint_K},
                {"end_extrapolated_K", g.end_extrapolated_K},
                {"last_deviation_K", g.last_deviation_K},
                {g.per_mass ? "delta_cp_J_per_kg_K" : "delta_cp_J_per_K", g.delta_cp},
                {"overshoot", g.overshoot},
                {"search_window_K", window_json(g.search_window_K)},
                {"baseline1_window_K", window_json(g.baseline1_window_K)},
                {"baseline2_window_K", window_json(g.baseline2_window_K)}};
        }
        if (a.crystallisation && !a.crystallisation->peaks.empty()) {
            const auto& peaks = a.crystallisation->peaks;
            r.tx_onset_K = peaks.front().onset_extrapolated_K;
            r.tx_peak_K = peaks.front().peak_K;
            double total = 0.0;
            Json list = Json::array();
            for (const auto& p : peaks) {
                total += p.enthalpy;
                list.push_back({{"onset_extrapolated_K", p.onset_extrapolated_K},
                                {"peak_K", p.peak_K},
                                {"end_extrapolated_K", p.end_extrapolated_K},
                                {p.per_mass ? "enthalpy_J_per_kg" : "enthalpy_J", p.enthalpy}});
            }
            if (peaks.front().per_mass) r.delta_hx_J_per_kg = total;
            res["crystallisation_peaks"] = list;
        }
        for (const std::string& p : a.problems) out.warnings.push_back(p);
        if (!heating.per_mass)
            out.warnings.push_back(
                "no sample mass: Δcp and ΔHx are not per unit mass and are left out");
        DscCurve curve;
        curve.per_mass = heating.per_mass;
        curve.temperature_K = thin(heating.temperature_K, 1500);
        curve.heat_flow_W_per_kg = thin(heating.endo_up(), 1500);
        r.curve = std::move(curve);
        out.ok = r.tg_onset_K.has_value() || r.tx_onset_K.has_value();
        if (!out.ok) out.error = "neither a glass transition nor a crystallisation peak was found";
    } catch (const std::exception& e) {
        out.ok = false;
        out.error = e.what();
    }
    return r;
}

IndentFileResult analyse_indent_file(const std::string& sample, const IndentationInput& group,
                                     std::size_t file_index, const AnalysisOptions& options,
                                     const DatasetLoader& load) {
    IndentFileResult r;
    FileOutcome& out = r.outcome;
    out.sample = sample;
    out.technique = "indentation";
    out.file = group.files[file_index];
    out.path = group.paths[file_index];
    try {
        const Dataset data = load_with_provenance(out, group.format, load);
        indent::IndentOptions o;
        o.oliver_pharr.sample_poisson_ratio =
            group.poisson_ratio.value_or(options.poisson_ratio.value_or(0.3));
        if (!group.poisson_ratio && !options.poisson_ratio)
            out.warnings.push_back("no poisson_ratio in the manifest: ν = 0.3 assumed");
        if (options.epsilon) o.oliver_pharr.epsilon = *options.epsilon;
        if (options.beta) o.oliver_pharr.beta = *options.beta;
        if (options.unload_fit_lower) o.unloading.lower_fraction = *options.unload_fit_lower;
        if (options.unload_fit_upper) o.unloading.upper_fraction = *options.unload_fit_upper;
        out.options = {
            {"sample_poisson_ratio", o.oliver_pharr.sample_poisson_ratio},
            {"epsilon", o.oliver_pharr.epsilon},
            {"beta", o.oliver_pharr.beta},
            {"tip_modulus_Pa", o.oliver_pharr.tip_modulus_Pa},
            {"tip_poisson_ratio", o.oliver_pharr.tip_poisson_ratio},
            {"unload_fit", Json::array({o.unloading.lower_fraction, o.unloading.upper_fraction})}};
        Json list = Json::array();
        for (const Curve& curve : data.curves) {
            const std::optional<std::string> tip = group.tip ? group.tip : options.tip;
            std::optional<indent::AreaFunction> area;
            if (tip)
                area = indent::AreaFunction::parse(*tip);
            else
                area = indent::AreaFunction::from_dataset(data, curve);
            if (!area) {
                area = indent::AreaFunction::berkovich();
                out.warnings.push_back(
                    "no tip in the manifest or the file: ideal Berkovich assumed");
            }
            out.options["area_function"] = area->describe();
            const indent::IndentResult res = indent::analyse_quasi_static(curve, *area, o);
            const indent::CycleResult* used = nullptr;
            for (const auto& c : res.cycles)
                if (c.usable) used = &c;  // the last usable cycle is the deepest one
            if (used == nullptr) {
                std::string why =
                    res.cycles.empty() ? "no load–unload cycle found" : res.cycles.back().status;
                out.warnings.push_back(fmt::format("{}: not usable ({})", curve.name, why));
                continue;
            }
            const auto& p = used->result;
            r.hardness_Pa.push_back(p.hardness_Pa);
            r.modulus_Pa.push_back(p.modulus_Pa);
            list.push_back({{"curve", curve.name},
                            {"cycle", used->number},
                            {"max_load_N", p.load_N},
                            {"max_depth_m", p.depth_m},
                            {"stiffness_N_per_m", p.stiffness_N_per_m},
                            {"contact_depth_m", p.contact_depth_m},
                            {"contact_area_m2", p.contact_area_m2},
                            {"reduced_modulus_Pa", p.reduced_modulus_Pa},
                            {"modulus_Pa", p.modulus_Pa},
                            {"hardness_Pa", p.hardness_Pa},
                            {"unloading_exponent", used->fit.exponent_m},
                            {"final_depth_m", used->fit.final_depth_m},
                            {"fit_residual_rms_N", used->fit.residual_rms_N}});
            IndentCurve ic;
            const Series& s = res.corrected.rows() > 0 ? res.corrected : curve.data;
            if (s.has(channel::depth) && s.has(channel::load)) {
                ic.depth_m = thin(s.values(channel::depth), 400);
                ic.load_N = thin(s.values(channel::load), 400);
                r.curves.push_back(std::move(ic));
            }
        }
        out.results["indents"] = list;
        out.ok = !r.hardness_Pa.empty();
        if (!out.ok) out.error = "no usable indent in the file";
    } catch (const std::exception& e) {
        out.ok = false;
        out.error = e.what();
    }
    return r;
}

}  // namespace vitrum::report::detail
