// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <thread>
#include <vitrum/cnt/material.hpp>
#include <vitrum/cnt/nucleation.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/statistics.hpp>
#include <vitrum/core/version.hpp>
#include <vitrum/report/study.hpp>

#include "file_analysis.hpp"

namespace vitrum::report {
namespace {

// Averages the values that are present; empty when none is.
std::optional<double> mean_of(const std::vector<std::optional<double>>& values) {
    double sum = 0.0;
    int n = 0;
    for (const auto& v : values)
        if (v && std::isfinite(*v)) {
            sum += *v;
            ++n;
        }
    if (n == 0) return std::nullopt;
    return sum / n;
}

cnt::CntModel build_cnt_model(const Manifest& m, std::string& name, std::string& description) {
    if (m.material_set) {
        const cnt::MaterialChoice choice = cnt::find_material(*m.material_set);
        name = *m.material_set;
        description = fmt::format("{} set '{}': {}", choice.material.name, choice.set.name,
                                  choice.set.description);
        return cnt::build_model(choice.material, choice.set);
    }
    const InlineMaterial& mat = *m.material;
    cnt::Thermodynamics thermo;
    thermo.melting_K = mat.melting_K;
    thermo.enthalpy_of_fusion_J_per_mol = mat.enthalpy_of_fusion_J_per_mol;
    thermo.molar_volume_m3_per_mol = mat.molar_volume_m3_per_mol;
    thermo.heat_capacity_difference_J_per_mol_K = mat.heat_capacity_difference_J_per_mol_K;
    thermo.validate();
    cnt::CntModel model;
    model.driving_force =
        cnt::DrivingForce(cnt::parse_driving_force_model(mat.driving_force), thermo);
    model.gamma = cnt::parse_interfacial_energy(mat.interfacial_energy);
    name = "inline";
    description = fmt::format("{}; γ: {}", model.driving_force.describe(), model.gamma.describe());
    return model;
}

void gather_dsc(SampleResult& s, const std::vector<detail::DscFileResult>& files) {
    std::vector<std::optional<double>> tg, tm, dcp, tx, tp, dh;
    for (const auto& f : files) {
        tg.push_back(f.tg_onset_K);
        tm.push_back(f.tg_midpoint_K);
        dcp.push_back(f.delta_cp_J_per_kg_K);
        tx.push_back(f.tx_onset_K);
        tp.push_back(f.tx_peak_K);
        dh.push_back(f.delta_hx_J_per_kg);
        if (!s.dsc_curve && f.curve && f.outcome.ok) s.dsc_curve = f.curve;
    }
    s.tg_onset_K = mean_of(tg);
    s.tg_midpoint_K = mean_of(tm);
    s.delta_cp_J_per_kg_K = mean_of(dcp);
    s.tx_onset_K = mean_of(tx);
    s.tx_peak_K = mean_of(tp);
    s.delta_hx_J_per_kg = mean_of(dh);
    if (s.tg_onset_K && s.tx_onset_K) s.delta_tx_K = *s.tx_onset_K - *s.tg_onset_K;
    if (files.size() > 1)
        s.warnings.push_back(fmt::format("DSC values are means of {} files", files.size()));
}

void gather_indentation(SampleResult& s, const std::vector<detail::IndentFileResult>& files) {
    for (const auto& f : files) {
        s.indent_hardness_Pa.insert(s.indent_hardness_Pa.end(), f.hardness_Pa.begin(),
                                    f.hardness_Pa.end());
        s.indent_modulus_Pa.insert(s.indent_modulus_Pa.end(), f.modulus_Pa.begin(),
                                   f.modulus_Pa.end());
        s.indent_curves.insert(s.indent_curves.end(), f.curves.begin(), f.curves.end());
    }
    s.indents = s.indent_hardness_Pa.size();
    if (s.indents == 0) return;
    const SampleStatistics h = describe(s.indent_hardness_Pa);
    const SampleStatistics e = describe(s.indent_modulus_Pa);
    s.hardness_Pa = h.mean;
    s.modulus_Pa = e.mean;
    if (s.indents > 1) {
        s.hardness_sd_Pa = h.sd;
        s.modulus_sd_Pa = e.sd;
    }
    if (h.outliers + e.outliers > 0)
        s.warnings.push_back(
            fmt::format("{} hardness and {} modulus values look like outliers "
                        "(kept in the mean; see summary.json)",
                        h.outliers, e.outliers));
}

}  // namespace

bool SampleResult::complete() const {
    return std::all_of(files.begin(), files.end(), [](const FileOutcome& f) { return f.ok; });
}

bool StudyResult::complete() const {
    return failures.empty() && std::all_of(samples.begin(), samples.end(),
                                           [](const SampleResult& s) { return s.complete(); });
}

StudyResult analyse_study(const Manifest& manifest, const DatasetLoader& load,
                          const StudyRunOptions& run) {
    StudyResult study;
    study.manifest = manifest;
    study.created_utc = utc_timestamp();
    const std::size_t n_samples = manifest.samples.size();
    std::vector<std::vector<detail::DscFileResult>> dsc(n_samples);
    std::vector<std::vector<detail::IndentFileResult>> ind(n_samples);

    // One job per file, so that the threads stay busy when samples differ in size.
    struct Job {
        std::size_t sample, group, file;
        bool is_dsc;
    };
    std::vector<Job> jobs;
    for (std::size_t i = 0; i < n_samples; ++i) {
        const SampleSpec& s = manifest.samples[i];
        dsc[i].resize(s.dsc.size());
        std::size_t files = 0;
        for (const auto& g : s.indentation) files += g.paths.size();
        ind[i].resize(files);
        for (std::size_t d = 0; d < s.dsc.size(); ++d) jobs.push_back({i, d, d, true});
        std::size_t slot = 0;
        for (std::size_t g = 0; g < s.indentation.size(); ++g)
            for (std::size_t f = 0; f < s.indentation[g].paths.size(); ++f, ++slot)
                jobs.push_back({i, g, f, false});
    }
    // Indentation results go into slots in manifest order.
    std::vector<std::size_t> slot_of(jobs.size(), 0);
    {
        std::vector<std::size_t> next(n_samples, 0);
        for (std::size_t k = 0; k < jobs.size(); ++k)
            if (!jobs[k].is_dsc) slot_of[k] = next[jobs[k].sample]++;
    }
    unsigned threads =
        run.threads != 0 ? run.threads : std::max(1u, std::thread::hardware_concurrency());
    threads =
        std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(1, jobs.size())));
    std::atomic<std::size_t> next_job{0};
    std::size_t done = 0;
    std::mutex progress_mutex;
    auto worker = [&] {
        for (std::size_t k = next_job++; k < jobs.size(); k = next_job++) {
            const Job& j = jobs[k];
            const SampleSpec& s = manifest.samples[j.sample];
            const AnalysisOptions opts = manifest.options_for(s);
            if (j.is_dsc)
                dsc[j.sample][j.group] =
                    detail::analyse_dsc_file(s.name, s.dsc[j.group], opts, load);
            else
                ind[j.sample][slot_of[k]] =
                    detail::analyse_indent_file(s.name, s.indentation[j.group], j.file, opts, load);
            std::lock_guard<std::mutex> lock(progress_mutex);
            ++done;
            if (run.progress) run.progress(done, jobs.size());
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();

    for (std::size_t i = 0; i < n_samples; ++i) {
        SampleResult s;
        s.spec = manifest.samples[i];
        for (const auto& f : dsc[i]) s.files.push_back(f.outcome);
        for (const auto& f : ind[i]) s.files.push_back(f.outcome);
        gather_dsc(s, dsc[i]);
        gather_indentation(s, ind[i]);
        if (s.spec.dsc.empty()) s.warnings.push_back("no DSC file listed");
        if (s.spec.indentation.empty()) s.warnings.push_back("no indentation file listed");
        study.samples.push_back(std::move(s));
    }

    // Tg_ref scales the deposition temperatures: stated, else measured on the reference glass.
    if (manifest.tg_reference_K) {
        study.tg_reference_K = manifest.tg_reference_K;
        study.tg_reference_source = "manifest";
    } else if (!manifest.reference.empty()) {
        for (const SampleResult& s : study.samples)
            if (s.spec.name == manifest.reference && s.tg_onset_K) {
                study.tg_reference_K = s.tg_onset_K;
                study.tg_reference_source = "measured on " + s.spec.name + " (Tg onset)";
            }
        if (!study.tg_reference_K)
            study.warnings.push_back(fmt::format(
                "Tg of the reference '{}' could not be measured: T_dep/Tg_ref is left empty",
                manifest.reference));
    } else {
        study.warnings.push_back("no reference glass in the manifest: T_dep/Tg_ref is left empty");
    }
    for (SampleResult& s : study.samples)
        if (s.spec.deposition_K && study.tg_reference_K)
            s.deposition_over_tg_ref = *s.spec.deposition_K / *study.tg_reference_K;

    // CNT: the critical nucleus at each sample's Tg, against its measured MRO domains.
    if (manifest.material_set || manifest.material) {
        try {
            CriticalSizeCurve curve;
            const cnt::CntModel model =
                build_cnt_model(manifest, curve.material, curve.description);
            double lo = 1e9, hi = 0.0;
            for (SampleResult& s : study.samples) {
                if (!s.tg_onset_K) continue;
                lo = std::min(lo, *s.tg_onset_K);
                hi = std::max(hi, s.tx_onset_K.value_or(*s.tg_onset_K));
                const cnt::CntPoint p = cnt::evaluate(model, *s.tg_onset_K);
                if (p.state != cnt::NucleationState::nucleating) continue;
                s.critical_diameter_at_tg_m = p.nucleus.diameter_m;
                if (s.spec.mro_size_m)
                    s.mro_over_critical = *s.spec.mro_size_m / p.nucleus.diameter_m;
            }
            if (hi > 0.0) {
                for (double T = std::floor(lo - 100.0); T <= hi + 60.0; T += 2.0) {
                    const cnt::CntPoint p = cnt::evaluate(model, T);
                    if (p.state != cnt::NucleationState::nucleating) continue;
                    curve.temperature_K.push_back(T);
                    curve.diameter_m.push_back(p.nucleus.diameter_m);
                }
                study.critical_size = std::move(curve);
            }
        } catch (const std::exception& e) {
            study.failures.push_back(fmt::format("CNT critical size not available: {}", e.what()));
        }
    } else {
        study.warnings.push_back("no material in the manifest: d*(Tg) and d_MRO/d* are left empty");
    }
    return study;
}

}  // namespace vitrum::report
