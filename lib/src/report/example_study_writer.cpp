// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/report/atomic_file.hpp>
#include <vitrum/report/example_study.hpp>

namespace vitrum::report {
namespace {

namespace fs = std::filesystem;

std::string nm_text(double m) { return fmt::format("{:.1f} nm", m * 1e9); }

std::string readme_text(const std::vector<ExampleSample>& samples, const ExampleSettings& cfg) {
    std::string table;
    for (const ExampleSample& s : samples) {
        table += fmt::format(
            "| {} | {} | {:.0f} | {:.0f} | {:.0f} | {:.2f} ± {:.2f} | {:.1f} ± {:.1f} | {} |\n",
            s.name,
            s.deposition_K ? fmt::format("{:.0f} K ({:.2f} Tg_ref)", *s.deposition_K,
                                         *s.deposition_K / kExampleTgReference_K)
                           : std::string("reference"),
            s.tg_onset_K, s.tx_onset_K, s.crystallisation_J_per_kg * 1e-3, s.hardness_Pa * 1e-9,
            s.hardness_sd_Pa * 1e-9, s.modulus_Pa * 1e-9, s.modulus_sd_Pa * 1e-9,
            s.mro_size_m ? nm_text(*s.mro_size_m) : std::string("–"));
    }
    return fmt::format(
        R"(# Example study: Cu50Zr50 glasses deposited at several temperatures (SYNTHETIC DATA)

**These files are synthetic.** No instrument measured them. They were written by
`vitrum report --generate-example DIR` (source: `lib/src/report/example_study.cpp`), a
deterministic generator (seed {seed}), so that vitrum's stability report has a complete,
redistributable study to run on:

    vitrum report share/examples/cu50zr50/manifest.json -o cu50zr50-report

## What they imitate
The numbers follow Fig. 1 of the seed paper on ultra-stable Cu50Zr50 made by slow physical vapour
deposition: a melt-spun reference ribbon with Tg = 654 K at 10 K/min; films deposited from room
temperature to 0.9 Tg_ref whose Tg onset rises from +23 K (room temperature) to +46 K at 556 K
(0.85 Tg_ref) and falls beyond it; Tx up to 737 K; hardness from 7.20 ± 0.24 GPa (ribbon) to
8.00 ± 0.26 GPa (0.85 Tg_ref); modulus up to 135 ± 3 GPa; medium-range-order domains of 1.4–2 nm.
Values between the published points are interpolated and are **not** measurements.

| sample | deposition | Tg onset [K] | Tx onset [K] | ΔHx [J/g] | H [GPa] | E [GPa] | MRO |
|---|---|---|---|---|---|---|---|
{table}
## Files
- `dsc/<sample>.txt` — NETZSCH Proteus ASCII export (`#EXPORTTYPE:DATA SINGLE`, `#EXO:-1`, UTF-8),
  one heating at {rate:.0f} K/min from {t0:.0f} to {t1:.0f} °C, specific heat flow in mW/mg. The curve
  is a sloped, slightly curved baseline, a tanh Δcp step (half-width {w:.0f} K; its extrapolated
  onset is the Tg above), a small enthalpy-recovery overshoot for the films that grows with ΔTg,
  one Gaussian crystallisation exotherm (σ = 3 K; its extrapolated onset is the Tx above)
  during which the Δcp step is lost again, and white noise
  (σ = {noise:.4f} W/g).
- `indentation/<sample>/indent_NN.txt` — Hysitron TriboScan text exports (ISO-8859-1), {n} indents per
  sample with a Berkovich tip (A = {c0}·h_c²): load-controlled ramp P ∝ h² to {pmax:.0f} µN in 5 s,
  2 s hold with {creep:.0f} nm logarithmic creep, unloading in 5 s as P = B(h − h_f)^{m}. Each indent
  has its own H and E (the set has exactly the mean and standard deviation above), turned into
  h_max and h_f by Oliver–Pharr with ε = {eps}, β = {beta}, ν = {nu}, E_i = {ei:.0f} GPa, ν_i = {nui};
  noise σ = {dn:.2f} nm and {pn:.1f} µN.
- `manifest.json` — the study manifest (schema: `share/schemas/manifest.schema.json`).

Regenerating gives the same bytes; the test suite checks this.
)",
        fmt::arg("seed", cfg.seed), fmt::arg("table", table),
        fmt::arg("rate", cfg.heating_rate_K_per_s * 60.0), fmt::arg("t0", cfg.dsc_start_K - 273.15),
        fmt::arg("t1", cfg.dsc_end_K - 273.15), fmt::arg("w", 5.0),
        fmt::arg("noise", cfg.dsc_noise_W_per_kg * 1e-3), fmt::arg("n", cfg.indents_per_sample),
        fmt::arg("c0", cfg.berkovich_c0), fmt::arg("pmax", cfg.max_load_N * 1e6),
        fmt::arg("creep", cfg.hold_creep_m * 1e9), fmt::arg("m", cfg.unloading_exponent),
        fmt::arg("eps", cfg.epsilon), fmt::arg("beta", cfg.beta),
        fmt::arg("nu", cfg.sample_poisson_ratio), fmt::arg("ei", cfg.tip_modulus_Pa * 1e-9),
        fmt::arg("nui", cfg.tip_poisson_ratio), fmt::arg("dn", cfg.depth_noise_m * 1e9),
        fmt::arg("pn", cfg.load_noise_N * 1e6));
}

nlohmann::ordered_json manifest_json(const std::vector<ExampleSample>& samples,
                                     const ExampleSettings& cfg,
                                     const std::vector<std::vector<std::string>>& indent_files) {
    using Json = nlohmann::ordered_json;
    Json j;
    j["$schema"] = "../../schemas/manifest.schema.json";
    j["manifest_version"] = 1;
    j["title"] = "Cu50Zr50 glasses deposited at several temperatures (synthetic example)";
    j["material"] = "cu50zr50:combo-a";
    j["reference"] = samples.front().name;
    j["options"] = {{"indentation",
                     {{"tip", "berkovich"},
                      {"poisson_ratio", cfg.sample_poisson_ratio},
                      {"epsilon", cfg.epsilon},
                      {"beta", cfg.beta}}}};
    j["samples"] = Json::array();
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const ExampleSample& s = samples[i];
        Json js;
        js["name"] = s.name;
        // Room temperature is written in °C, as a user would, to exercise unit parsing.
        if (!s.deposition_K)
            js["deposition"] = "reference";
        else if (s.name == "film_RT")
            js["deposition"] = "25 °C";
        else
            js["deposition"] = fmt::format("{:.0f} K", *s.deposition_K);
        js["dsc"] = Json::array(
            {Json{{"file", "dsc/" + s.name + ".txt"},
                  {"heating_rate", fmt::format("{:.0f} K/min", cfg.heating_rate_K_per_s * 60.0)}}});
        js["indentation"] = Json::array({Json{{"files", indent_files[i]}}});
        if (s.mro_size_m) {
            js["mro"] = {{"size", nm_text(*s.mro_size_m)},
                         {"uncertainty", nm_text(s.mro_uncertainty_m.value_or(0.0))}};
        }
        if (!s.notes.empty()) js["notes"] = s.notes + " (synthetic data)";
        j["samples"].push_back(js);
    }
    return j;
}

}  // namespace

std::vector<std::string> write_example_study(const std::string& folder,
                                             const ExampleSettings& cfg) {
    const std::vector<ExampleSample> samples = example_samples();
    std::error_code ec;
    fs::create_directories(fs::path(folder) / "dsc", ec);
    if (ec) throw IoError(fmt::format("cannot create '{}/dsc': {}", folder, ec.message()));
    std::vector<std::string> written;
    std::vector<std::vector<std::string>> indent_files;
    auto put = [&](const std::string& relative, const std::string& bytes) {
        write_file_atomically((fs::path(folder) / relative).string(), bytes);
        written.push_back(relative);
    };
    for (const ExampleSample& s : samples) {
        put("dsc/" + s.name + ".txt", example_dsc_file(s, cfg));
        fs::create_directories(fs::path(folder) / "indentation" / s.name, ec);
        if (ec)
            throw IoError(fmt::format("cannot create folder in '{}': {}", folder, ec.message()));
        std::vector<std::string> files;
        for (int k = 0; k < cfg.indents_per_sample; ++k) {
            const std::string rel = fmt::format("indentation/{}/indent_{:02d}.txt", s.name, k + 1);
            put(rel, example_indent_file(s, k, cfg));
            files.push_back(rel);
        }
        indent_files.push_back(files);
    }
    // A heating-rate series of the ribbon for Kissinger / isoconversional examples: the
    // crystallisation peak moves with β as Kissinger's relation ln(β/Tp²) = C − E/(R Tp) with
    // an illustrative E = 350 kJ/mol (synthetic data; the order of Cu–Zr glass values).
    fs::create_directories(fs::path(folder) / "kinetics", ec);
    if (ec) throw IoError(fmt::format("cannot create '{}/kinetics': {}", folder, ec.message()));
    const ExampleSample& ribbon = samples.front();
    for (const double rate_K_per_min : {5.0, 10.0, 20.0, 40.0}) {
        ExampleSettings rate_cfg = cfg;
        rate_cfg.heating_rate_K_per_s = rate_K_per_min / 60.0;
        ExampleSample r = ribbon;
        r.name = fmt::format("{}_{:02.0f}Kmin", ribbon.name, rate_K_per_min);
        r.tx_onset_K = kissinger_shifted_onset_K(ribbon.tx_onset_K, cfg.heating_rate_K_per_s,
                                                 rate_cfg.heating_rate_K_per_s,
                                                 kExampleKissingerEnergy_J_per_mol);
        put("kinetics/" + r.name + ".txt", example_dsc_file(r, rate_cfg));
    }
    put("manifest.json", manifest_json(samples, cfg, indent_files).dump(2) + "\n");
    put("README.md", readme_text(samples, cfg));
    return written;
}

}  // namespace vitrum::report
