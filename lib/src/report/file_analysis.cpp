// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "file_analysis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/record.hpp>
#include <vitrum/core/setting.hpp>
#include <vitrum/dsc/file_analysis.hpp>
#include <vitrum/indent/file_analysis.hpp>
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

// Reads the file and fills checksum and format; errors are left to the caller.
Dataset load_with_provenance(FileOutcome& out, const std::string& format, const DatasetLoader& load,
                             const LoadRequest& request = {}) {
    out.sha256 = sha256_file(out.path);
    Dataset data = load(out.path, format, out.technique, request);
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
        const Dataset data = load_with_provenance(out, input.format, load,
                                                  LoadRequest{input.baseline_path, input.ngb_run});
        // The report's only policy: which manifest key fills which library option.
        dsc::DscOptions o;
        if (options.tg_search_lo_K && options.tg_search_hi_K)
            o.tg_search_K =
                dsc::TemperatureWindow{*options.tg_search_lo_K, *options.tg_search_hi_K};
        if (options.tx_search_lo_K && options.tx_search_hi_K)
            o.tx_search_K =
                dsc::TemperatureWindow{*options.tx_search_lo_K, *options.tx_search_hi_K};
        o.stated_heating_rate_K_per_s = input.heating_rate_K_per_s;
        dsc::DscFileResult result = dsc::analyse(data, o);
        out.options = settings_to_json(result.settings);
        // The report's figures and numbers use the first curve's analysed scan.
        const dsc::DscScanResult& scan = result.scans.front();
        for (const std::string& w : scan.warnings)
            if (std::find(out.warnings.begin(), out.warnings.end(), w) == out.warnings.end())
                out.warnings.push_back(w);
        for (const std::string& p : scan.analysis.problems) out.warnings.push_back(p);
        const Record rec = scan.to_record();
        out.results = to_json(rec);
        r.tg_onset_K = rec.number("tg_onset_K");
        r.tg_midpoint_K = rec.number("tg_midpoint_K");
        r.delta_cp_J_per_kg_K = rec.number("delta_cp_J_per_kg_K");
        if (!scan.cooling) {
            r.tx_onset_K = rec.number("tx1_onset_K");
            r.tx_peak_K = rec.number("tx1_peak_K");
            r.delta_hx_J_per_kg = rec.number("delta_hx_total_J_per_kg");
        }
        if (!scan.scan.per_mass)
            out.warnings.push_back(
                "no sample mass: Δcp and ΔHx are not per unit mass and are left out");
        DscCurve curve;
        curve.per_mass = scan.scan.per_mass;
        curve.temperature_K = thin(scan.scan.temperature_K, 1500);
        curve.heat_flow_W_per_kg = thin(scan.scan.endo_up(), 1500);
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
        // The report's only policy: which manifest key fills which library option.
        indent::IndentFileOptions o;
        o.sample_poisson_ratio = group.poisson_ratio ? group.poisson_ratio : options.poisson_ratio;
        if (const auto tip = group.tip ? group.tip : options.tip) o.area = indent::parse_tip(*tip);
        o.epsilon = options.epsilon;
        o.beta = options.beta;
        o.unload_fit_lower = options.unload_fit_lower;
        o.unload_fit_upper = options.unload_fit_upper;
        const indent::IndentFileResult result = indent::analyse(data, o);
        out.options = settings_to_json(result.settings);
        for (const std::string& w : result.warnings)
            if (std::find(out.warnings.begin(), out.warnings.end(), w) == out.warnings.end())
                out.warnings.push_back(w);
        Json list = Json::array();
        std::size_t failed = 0;
        for (const indent::IndentAnalysis& a : result.indents) {
            list.push_back(to_json(a.to_record()));
            if (!a.ok()) {
                ++failed;
                out.warnings.push_back(fmt::format("{}: failed: {}", a.test, a.error));
                continue;
            }
            r.hardness_Pa.push_back(a.headline->hardness_Pa);
            r.modulus_Pa.push_back(a.headline->modulus_Pa);
            const Series* s = nullptr;
            if (a.quasi_static && a.quasi_static->corrected.rows() > 0)
                s = &a.quasi_static->corrected;
            else
                for (const Curve& c : data.curves)
                    if (c.name == a.test) s = &c.data;
            if (s != nullptr && s->has(channel::depth) && s->has(channel::load)) {
                IndentCurve ic;
                ic.depth_m = thin(s->values(channel::depth), 400);
                ic.load_N = thin(s->values(channel::load), 400);
                r.curves.push_back(std::move(ic));
            }
        }
        out.results["indents"] = list;
        out.results["summary"] = to_json(result.summary().to_record());
        // A file with failed indents is not "ok": the sample is flagged, the good ones count.
        out.ok = failed == 0 && !r.hardness_Pa.empty();
        if (r.hardness_Pa.empty())
            out.error = "no usable indent in the file";
        else if (failed > 0)
            out.error = fmt::format("{} of {} indents failed", failed, result.indents.size());
    } catch (const std::exception& e) {
        out.ok = false;
        out.error = e.what();
    }
    return r;
}

}  // namespace vitrum::report::detail
