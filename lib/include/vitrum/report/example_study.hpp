// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/// The bundled example study: synthetic DSC and nanoindentation files of Cu50Zr50 glasses
/// deposited at several substrate temperatures, modelled on the numbers of Fig. 1 of the seed
/// paper (ultra-stable Cu50Zr50 by slow vapour deposition: ΔTg = +23 K at room temperature to
/// +46 K at 556 K = 0.85 Tg, Tx up to 737 K, H up to 8.00 ± 0.26 GPa, E up to 135 ± 3 GPa).
/// The data are synthetic; the files are written in real vendor formats that vitrum reads:
/// NETZSCH Proteus ASCII (DSC) and Hysitron TriboScan text (one indent per file).
namespace vitrum::report {

/// What the generator puts into one sample: the "true" values the analysis should recover.
struct ExampleSample {
    std::string name;                         ///< file-name-safe sample name
    std::optional<double> deposition_K;       ///< substrate temperature; empty = the reference [K]
    double tg_onset_K = 0.0;                  ///< extrapolated onset of the glass transition [K]
    double tx_onset_K = 0.0;                  ///< extrapolated onset of crystallisation [K]
    double crystallisation_J_per_kg = 0.0;    ///< ΔH_x of the crystallisation exotherm [J/kg]
    double delta_cp_J_per_kg_K = 0.0;         ///< heat-capacity step at Tg [J/(kg K)]
    double overshoot_J_per_kg = 0.0;          ///< enthalpy-recovery peak area after the step [J/kg]
    double sample_mass_kg = 0.0;              ///< DSC sample mass [kg]
    double hardness_Pa = 0.0;                 ///< mean H of the indents [Pa]
    double hardness_sd_Pa = 0.0;              ///< sample standard deviation of H [Pa]
    double modulus_Pa = 0.0;                  ///< mean E of the indents [Pa]
    double modulus_sd_Pa = 0.0;               ///< sample standard deviation of E [Pa]
    std::optional<double> mro_size_m;         ///< measured MRO domain size [m]
    std::optional<double> mro_uncertainty_m;  ///< its uncertainty [m]
    std::string notes;                        ///< free text copied into the manifest
};

/// Settings shared by every synthetic file.
struct ExampleSettings {
    std::uint64_t seed = 20260414;              ///< RNG seed (mt19937_64) [1]
    double heating_rate_K_per_s = 10.0 / 60.0;  ///< DSC heating rate (10 K/min) [K/s]
    double dsc_start_K = 523.15;                ///< first DSC temperature (250 °C) [K]
    double dsc_end_K = 823.15;                  ///< last DSC temperature (550 °C) [K]
    double dsc_step_K = 0.25;                   ///< temperature step between DSC rows [K]
    double dsc_noise_W_per_kg = 0.4;            ///< σ of the DSC signal noise (0.0004 W/g) [W/kg]
    int indents_per_sample = 10;                ///< indentation files per sample [1]
    double max_load_N = 5e-3;                   ///< P_max of every indent (5000 µN) [N]
    double unloading_exponent = 1.4;            ///< m of P = B(h − h_f)^m [1]
    double sample_poisson_ratio = 0.36;         ///< ν of Cu–Zr glasses [1]
    double tip_modulus_Pa = 1141e9;             ///< diamond E_i [Pa]
    double tip_poisson_ratio = 0.07;            ///< diamond ν_i [1]
    double berkovich_c0 = 24.5;                 ///< A = C0·h_c² [1]
    double epsilon = 0.75;                      ///< Oliver–Pharr ε [1]
    double beta = 1.0;                          ///< Oliver–Pharr β (vitrum's default) [1]
    double hold_creep_m = 2e-9;                 ///< depth gained during the 2 s hold [m]
    double depth_noise_m = 0.1e-9;              ///< σ of depth noise [m]
    double load_noise_N = 0.3e-6;               ///< σ of load noise [N]
    double sample_rate_Hz = 40.0;               ///< indentation sampling rate [Hz]
};

/// The samples of the example study, reference first [values in SI].
std::vector<ExampleSample> example_samples();

/// Glass-transition onset of the reference ribbon, Tg_ref (seed paper: 654 K) [K].
inline constexpr double kExampleTgReference_K = 654.0;

/// NETZSCH Proteus ASCII export ("#EXPORTTYPE:DATA SINGLE", "#EXO:-1", UTF-8) of the sample's
/// heating run [file text].
std::string example_dsc_file(const ExampleSample& sample, const ExampleSettings& settings);

/// Hysitron TriboScan text export of indent `index` (0-based) of the sample, ISO-8859-1
/// (µ is byte 0xB5) [file bytes].
std::string example_indent_file(const ExampleSample& sample, int index,
                                const ExampleSettings& settings);

/// Hardness and modulus the generator drew for each indent, exactly matching the sample's mean
/// and sample standard deviation [Pa].
struct IndentTargets {
    std::vector<double> hardness_Pa;
    std::vector<double> modulus_Pa;
};
IndentTargets example_indent_targets(const ExampleSample& sample, const ExampleSettings& settings);

/// Activation energy of the example's heating-rate series (kinetics/ribbon_NNKmin.txt),
/// illustrative [J/mol].
inline constexpr double kExampleKissingerEnergy_J_per_mol = 350e3;

/// The onset at rate `to_K_per_s` of a peak whose onset is `onset_K` at `from_K_per_s`, moved
/// as Kissinger's relation ln(β/T²) = C − E/(R T) moves its temperature (fixed point) [K].
double kissinger_shifted_onset_K(double onset_K, double from_K_per_s, double to_K_per_s,
                                 double energy_J_per_mol);

/// Writes the whole study into `folder` (created when missing): dsc/<sample>.txt,
/// indentation/<sample>/indent_NN.txt, kinetics/ribbon_NNKmin.txt (5, 10, 20, 40 K/min),
/// manifest.json and README.md. Deterministic: the same
/// settings give the same bytes on every run.
/// @return the paths written, relative to `folder`.
/// @throws IoError when a file cannot be written.
std::vector<std::string> write_example_study(const std::string& folder,
                                             const ExampleSettings& settings = {});

}  // namespace vitrum::report
