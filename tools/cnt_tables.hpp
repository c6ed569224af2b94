// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>
#include <vitrum/cnt/crystallisation_fit.hpp>
#include <vitrum/cnt/material.hpp>
#include <vitrum/cnt/mro.hpp>
#include <vitrum/cnt/ttt.hpp>

#include "output.hpp"

namespace vitrum::cli {

/// Everything `vitrum cnt` computed, ready to print.
struct CntReport {
    cnt::Material material;
    cnt::MaterialSet set;
    cnt::CntModel model;
    std::vector<cnt::CntPoint> points;
    std::optional<double> mro_lo_m, mro_hi_m;  ///< MRO size band; d_MRO/d* uses the upper edge [m]
    std::optional<cnt::MroComparison> mro;     ///< crossings of d*(T) with mro_lo_m
    std::optional<double> glass_transition_K;  ///< sample T_g [K]
    std::optional<cnt::TttResult> ttt;         ///< when the model has kinetics
    std::vector<std::string> notes;            ///< printed after the inputs
    std::vector<cnt::CrystallisationResult> scans;  ///< predicted heating scans, one per rate
    std::vector<std::string> warnings;  ///< e.g. predicted T_x far from the measured one
    std::optional<cnt::KissingerPrediction> kissinger;  ///< when ≥ 2 rates give a peak
};

/// Everything `vitrum cnt fit` computed, ready to print.
struct CntFitReport {
    cnt::Material material;
    cnt::MaterialSet set;
    std::vector<cnt::MeasuredCrystallisation> measurements;
    cnt::CrystallisationFit fit;
    double report_temperature_K = 700.0;  ///< where d*, ΔG*/kT and I are printed [K]
    cnt::CntPoint at;                     ///< the fitted model at report_temperature_K
    std::optional<cnt::TttResult> ttt;    ///< TTT nose of the fitted model
};

/// Predicted T_x (extrapolated onset and X = onset fraction) and T_p per heating rate.
ResultTable cnt_kinetics_table(const CntReport& report);
/// Fitted parameters with their standard uncertainties.
ResultTable cnt_fit_parameters_table(const CntFitReport& report);
/// Each measurement with the fitted model's prediction.
ResultTable cnt_fit_measurements_table(const CntFitReport& report);
/// d*, ΔG*/kT, I, U at the report temperature, the TTT nose and the identifiability statement.
ResultTable cnt_fit_summary_table(const CntFitReport& report);

/// Inputs: every parameter of the set with the text as written, SI value, status and source.
ResultTable cnt_inputs_table(const CntReport& report);
/// Model choices in words: driving force, γ, mobility, and the Gibbs–Thomson note.
ResultTable cnt_models_table(const CntReport& report);
/// One row per temperature with every quantity and its unit.
ResultTable cnt_results_table(const CntReport& report);
/// Single numbers: d* at T_g, MRO crossings, TTT nose, critical cooling rate.
ResultTable cnt_summary_table(const CntReport& report);
/// A ResultTable as a JSON array of objects (keys as print_table's JSON).
nlohmann::json table_to_json(const ResultTable& table);

}  // namespace vitrum::cli
