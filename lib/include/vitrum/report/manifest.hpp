// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

/// The study manifest: a JSON file that lists the samples of a glass-stability study, their
/// instrument files and the analysis options. The JSON Schema is
/// share/schemas/manifest.schema.json; its comment block is the reference. Example:
///
///     {
///       "manifest_version": 1,
///       "title": "Cu50Zr50 films",
///       "material": "cu50zr50:set",
///       "reference": "ribbon",
///       "options": {"indentation": {"tip": "berkovich", "poisson_ratio": 0.36}},
///       "samples": [
///         {"name": "ribbon", "deposition": "reference",
///          "dsc": [{"file": "dsc/ribbon.txt", "heating_rate": "10 K/min"}],
///          "indentation": [{"files": ["ind/ribbon_01.txt"], "poisson_ratio": 0.36}]},
///         {"name": "film_RT", "deposition": "25 °C", "mro": {"size": "1.4 nm",
///          "uncertainty": "0.1 nm"}, "dsc": [...], "indentation": [...]}
///       ]
///     }
namespace vitrum::report {

/// One DSC file of a sample.
struct DscInput {
    std::string file;  ///< path as written in the manifest
    std::string path;  ///< resolved path (relative to the manifest folder)
    std::optional<double> heating_rate_K_per_s;  ///< stated heating rate [K/s]
    std::string format;                          ///< reader id; empty = detect
    std::string baseline_file;  ///< NETZSCH .ngb-*: baseline run to subtract, as written
    std::string baseline_path;  ///< its resolved path; empty = none
    std::string ngb_run;        ///< NETZSCH .ngb-*: "sample", "correction", "corrected"; empty =
                                ///< the reader's default (sample)
};

/// A group of indentation files measured with the same tip and sample ν.
struct IndentationInput {
    std::vector<std::string> files;       ///< paths as written in the manifest
    std::vector<std::string> paths;       ///< resolved paths
    std::optional<double> poisson_ratio;  ///< sample ν (else the study option) [1]
    std::optional<std::string> tip;       ///< tip / area function, AreaFunction::parse syntax
    std::string format;                   ///< reader id; empty = detect
};

/// Analysis options; every field is optional so that sample values override study values.
struct AnalysisOptions {
    std::optional<double> tg_search_lo_K;    ///< Tg search window, lower end [K]
    std::optional<double> tg_search_hi_K;    ///< Tg search window, upper end [K]
    std::optional<double> tx_search_lo_K;    ///< crystallisation search window, lower end [K]
    std::optional<double> tx_search_hi_K;    ///< crystallisation search window, upper end [K]
    std::optional<double> poisson_ratio;     ///< sample ν [1]
    std::optional<std::string> tip;          ///< tip description ("berkovich", "sphere:5um", …)
    std::optional<double> epsilon;           ///< Oliver–Pharr ε [1]
    std::optional<double> beta;              ///< Oliver–Pharr β [1]
    std::optional<double> unload_fit_lower;  ///< unloading fit window, lower load fraction [1]
    std::optional<double> unload_fit_upper;  ///< unloading fit window, upper load fraction [1]

    /// Fields set in `over` replace those here.
    AnalysisOptions merged_with(const AnalysisOptions& over) const;
    /// The options as JSON (only the fields that are set), for provenance.
    nlohmann::ordered_json to_json() const;
};

/// One sample of the study.
struct SampleSpec {
    std::string name;
    bool is_reference = false;           ///< "deposition": "reference"
    std::optional<double> deposition_K;  ///< substrate temperature [K]
    std::string deposition_text;         ///< as written ("25 °C", "reference")
    std::vector<DscInput> dsc;
    std::vector<IndentationInput> indentation;
    std::optional<double> mro_size_m;         ///< measured MRO domain size [m]
    std::optional<double> mro_uncertainty_m;  ///< its uncertainty (± half-width) [m]
    std::string notes;
    AnalysisOptions options;  ///< sample-level options (not yet merged)
};

/// Crystal thermodynamics and γ written inline in the manifest (when "material" is an object).
struct InlineMaterial {
    double melting_K = 0.0;                             ///< T_m [K]
    double enthalpy_of_fusion_J_per_mol = 0.0;          ///< ΔH_f [J/mol]
    double molar_volume_m3_per_mol = 0.0;               ///< V_m [m^3/mol]
    double heat_capacity_difference_J_per_mol_K = 0.0;  ///< Δc_p [J/(mol K)]
    std::string driving_force = "turnbull";  ///< model name (cnt::parse_driving_force_model)
    std::string interfacial_energy;          ///< γ spec (cnt::parse_interfacial_energy)
};

/// A parsed, validated manifest.
struct Manifest {
    std::string path;    ///< manifest file as given
    std::string folder;  ///< folder that relative paths are resolved against
    std::string title;
    std::optional<std::string> material_set;  ///< "cu50zr50:set" (share/materials)
    std::optional<InlineMaterial> material;   ///< inline parameters
    std::string reference;                    ///< name of the reference sample ("" = none)
    std::optional<double> tg_reference_K;     ///< stated Tg_ref, else measured on the reference [K]
    AnalysisOptions options;                  ///< study-level options
    std::vector<SampleSpec> samples;
    nlohmann::ordered_json raw;  ///< the JSON as read, for provenance

    /// Study options with the sample's own on top.
    AnalysisOptions options_for(const SampleSpec& sample) const {
        return options.merged_with(sample.options);
    }
};

/// Parses a manifest from JSON text. Relative file paths are resolved against `folder`.
/// @throws ParseError for JSON syntax errors (with line and column); InvalidArgument for a
///         missing or wrong key, naming the key and the sample ("samples[2] 'film_RT': key
///         'deposition': ..."); UnitError-derived messages are rethrown as InvalidArgument
///         with the key; IoError when a listed file does not exist (names key and sample).
Manifest parse_manifest(const std::string& json_text, const std::string& path,
                        const std::string& folder, bool check_files = true);

/// Reads and parses a manifest file. @throws IoError, and everything parse_manifest throws.
Manifest read_manifest(const std::string& path, bool check_files = true);

/// A file found by `vitrum report --init`, with what detection made of it.
struct ScannedFile {
    std::string relative_path;  ///< relative to the scanned folder
    std::string technique;      ///< "dsc" or "indentation"
    std::string format;         ///< reader id
};

/// A manifest skeleton for the scanned files: one sample per DSC file stem and per
/// indentation folder, deposition left as "TODO", options with vitrum's defaults.
nlohmann::ordered_json manifest_skeleton(const std::vector<ScannedFile>& files,
                                         const std::string& title);

}  // namespace vitrum::report
