// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>
#include <vitrum/core/series.hpp>
#include <vitrum/report/manifest.hpp>

/// The stability report's analysis: every file of a manifest is read and analysed (DSC: Tg,
/// Δcp, Tx, ΔHx; indentation: Oliver–Pharr H and E), results are gathered per sample, scaled
/// by the reference glass and compared with the CNT critical nucleus at each sample's Tg.
namespace vitrum::report {

/// How to read one file beyond its format: the manifest's DSC keys for NETZSCH .ngb-* files.
struct LoadRequest {
    std::string baseline_path;  ///< baseline run to subtract (manifest `baseline`); empty = none
    std::string ngb_run;        ///< run to read (manifest `ngb_run`); empty = the reader's default
};

/// Reads one file into a Dataset; supplied by the caller so that the library does not depend on
/// the instrument readers. `technique` is "dsc" or "indentation"; `format` may be empty
/// (detect); `request` is empty except for DSC entries that carry `baseline` or `ngb_run`.
/// Must be callable from several threads at once.
using DatasetLoader =
    std::function<Dataset(const std::string& path, const std::string& format,
                          const std::string& technique, const LoadRequest& request)>;

/// What happened to one input file.
struct FileOutcome {
    std::string sample;                 ///< sample name
    std::string technique;              ///< "dsc" or "indentation"
    std::string file;                   ///< path as written in the manifest
    std::string path;                   ///< resolved path
    std::string format;                 ///< reader id that read it ("" when it could not be read)
    std::string sha256;                 ///< checksum of the bytes ("" when unreadable)
    bool ok = false;                    ///< read and analysed
    std::string error;                  ///< why not (when !ok)
    std::vector<std::string> warnings;  ///< reader and analysis warnings
    nlohmann::ordered_json results;     ///< every number the analysis produced, SI, keys with units
    nlohmann::ordered_json options;     ///< the options used
};

/// A DSC heating curve prepared for plotting.
struct DscCurve {
    std::vector<double> temperature_K;       ///< [K]
    std::vector<double> heat_flow_W_per_kg;  ///< endotherm up [W/kg]
    bool per_mass = true;                    ///< false: heat flow is in W, not W/kg
};

/// One load–depth curve prepared for plotting.
struct IndentCurve {
    std::vector<double> depth_m;  ///< [m]
    std::vector<double> load_N;   ///< [N]
};

/// Results of one sample; every number is optional because any part may fail.
struct SampleResult {
    SampleSpec spec;
    std::optional<double> deposition_over_tg_ref;     ///< T_dep / Tg_ref [1]
    std::optional<double> tg_onset_K;                 ///< extrapolated onset of the Tg step [K]
    std::optional<double> tg_midpoint_K;              ///< half-step temperature [K]
    std::optional<double> delta_cp_J_per_kg_K;        ///< Δcp at Tg [J/(kg K)]
    std::optional<double> tx_onset_K;                 ///< onset of the first exotherm [K]
    std::optional<double> tx_peak_K;                  ///< its peak [K]
    std::optional<double> delta_tx_K;                 ///< Tx − Tg (onsets) [K]
    std::optional<double> delta_hx_J_per_kg;          ///< total crystallisation enthalpy [J/kg]
    std::optional<double> hardness_Pa;                ///< mean H [Pa]
    std::optional<double> hardness_sd_Pa;             ///< sample sd of H [Pa]
    std::optional<double> modulus_Pa;                 ///< mean E [Pa]
    std::optional<double> modulus_sd_Pa;              ///< sample sd of E [Pa]
    std::size_t indents = 0;                          ///< usable indents [1]
    std::optional<double> critical_diameter_at_tg_m;  ///< CNT d*(Tg onset) [m]
    std::optional<double> mro_over_critical;          ///< d_MRO / d*(Tg) [1]
    std::vector<double> indent_hardness_Pa;           ///< per usable indent [Pa]
    std::vector<double> indent_modulus_Pa;            ///< per usable indent [Pa]
    std::optional<DscCurve> dsc_curve;                ///< first analysed heating, for figures
    std::vector<IndentCurve> indent_curves;           ///< for figures
    std::vector<FileOutcome> files;
    std::vector<std::string> warnings;
    /// True when every file was read and analysed.
    bool complete() const;
};

/// The CNT curve d*(T) used for the d* figure.
struct CriticalSizeCurve {
    std::string material;               ///< "cu50zr50:combo-a" or "inline"
    std::string description;            ///< models used, for the page
    std::vector<double> temperature_K;  ///< [K]
    std::vector<double> diameter_m;     ///< d*(T) [m]
};

/// The whole study.
struct StudyResult {
    Manifest manifest;
    std::vector<SampleResult> samples;     ///< in manifest order
    std::optional<double> tg_reference_K;  ///< Tg_ref used for scaling [K]
    std::string tg_reference_source;       ///< "manifest" or "measured on <sample>"
    std::optional<CriticalSizeCurve> critical_size;
    std::vector<std::string> warnings;  ///< study-level remarks (results still complete)
    std::vector<std::string> failures;  ///< study-level parts that failed
    std::string created_utc;            ///< ISO 8601 time of the run
    /// True when every file of every sample was read and analysed and no study-level part failed.
    bool complete() const;
};

/// Settings of the run itself (not of the science).
struct StudyRunOptions {
    unsigned threads = 0;  ///< worker threads; 0 = hardware concurrency [1]
    /// Called after each file with (files done, files total); from worker threads, serialised.
    std::function<void(std::size_t, std::size_t)> progress;
};

/// Reads and analyses every file of the manifest in parallel, then gathers per-sample results.
/// A file that cannot be read or analysed is recorded in its FileOutcome and does not stop the
/// others. Never throws for bad input files; @throws InvalidArgument for bad run options.
StudyResult analyse_study(const Manifest& manifest, const DatasetLoader& load,
                          const StudyRunOptions& run = {});

}  // namespace vitrum::report
