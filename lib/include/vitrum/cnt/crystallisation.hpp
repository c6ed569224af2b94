// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <functional>
#include <limits>
#include <vector>
#include <vitrum/cnt/nucleation.hpp>

/// Non-isothermal crystallisation predicted from CNT: the Kolmogorov–Johnson–Mehl–Avrami (KJMA)
/// transformed fraction on a constant heating or cooling ramp, with the model's I(T) and U(T).
namespace vitrum::cnt {

/// How nuclei appear during the ramp.
enum class NucleationMode {
    continuous,       ///< steady-state rate I(T) at every instant (the default)
    site_saturation,  ///< a fixed number of nuclei present at the start, none formed later
    transient,        ///< I relaxes towards I(T) with the Kashchiev time lag θ = 2/(3π Z² k*)
};

/// "continuous", "site-saturation", "transient".
const char* to_string(NucleationMode mode);

/// Settings of a ramp calculation. Zero temperatures mean the documented defaults.
struct CrystallisationOptions {
    NucleationMode nucleation = NucleationMode::continuous;
    double preexisting_nuclei_per_m3 = 0.0;  ///< site saturation: nuclei at the start [1/m^3]
    double onset_fraction = 0.01;  ///< X at which `tx_fraction_K` is read (1 % volume) [1]
    double start_K = 0.0;    ///< first temperature; heating: 0 means 0.5 T_m, cooling: T_m [K]
    double end_K = 0.0;      ///< last temperature; heating: 0 means T_m, cooling: 0.4 T_m [K]
    double step_K = 0.05;    ///< temperature step of the quadrature [K]
    bool keep_curve = true;  ///< keep X(T) in the result (false for fitting loops)

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// One point of the predicted scan.
struct CrystallisationPoint {
    double temperature_K = 0.0;          ///< T [K]
    double time_s = 0.0;                 ///< time since the start of the ramp [s]
    double fraction = 0.0;               ///< transformed volume fraction X [1]
    double fraction_per_K = 0.0;         ///< |dX/dT| [1/K]
    double heat_release_W_per_m3 = 0.0;  ///< ΔH_f/V_m · dX/dt, the calorimeter's signal [W/m^3]
    double nucleation_rate_per_m3_s = 0.0;  ///< I used at T (transient: the lagged one) [1/(m^3 s)]
    double growth_rate_m_per_s = 0.0;       ///< U [m/s]
};

/// The predicted scan at one rate and its characteristic temperatures.
struct CrystallisationResult {
    double rate_K_per_s = 0.0;                ///< |dT/dt| [K/s]
    bool heating = true;                      ///< true for a heating ramp, false for cooling
    std::vector<CrystallisationPoint> curve;  ///< X(T) on the quadrature grid (if kept)
    double final_fraction = 0.0;              ///< X at the end of the ramp [1]
    bool has_tx_fraction = false;             ///< X reached `onset_fraction`
    double tx_fraction_K = 0.0;               ///< T where X = onset_fraction [K]
    /// dX/dT has an interior maximum and X reached `onset_fraction` (a detectable exotherm)
    bool has_peak = false;
    double tp_K = 0.0;  ///< T_p, maximum of dX/dT (= the DSC peak at constant rate) [K]
    double peak_fraction_per_K = 0.0;  ///< dX/dT at the peak [1/K]
    bool has_tx_onset = false;         ///< the extrapolated onset could be constructed
    /// Extrapolated onset: tangent at the leading inflection of dX/dT meeting the zero baseline,
    /// the construction ISO 11357-3 applies to a measured exotherm [K].
    double tx_onset_K = 0.0;
};

/// Nucleation and growth rates at one temperature, as the ramp integration uses them.
struct KineticRates {
    double nucleation_per_m3_s = 0.0;                        ///< steady-state I [1/(m^3 s)]
    double growth_m_per_s = 0.0;                             ///< U [m/s]
    double lag_s = std::numeric_limits<double>::infinity();  ///< transient time lag θ [s]
};
/// I, U and θ as functions of temperature [SI].
using RateFunction = std::function<KineticRates(double temperature_K)>;

/// The KJMA ramp integration for any rates (CNT or otherwise, e.g. constant ones to test the
/// closed forms) from start_K to end_K (heating when end_K > start_K) at |dT/dt| = rate.
/// `options.start_K`/`end_K` are ignored here; `enthalpy_J_per_m3` scales the heat release.
/// @throws InvalidArgument for a bad rate, equal or non-positive ends, or invalid options.
CrystallisationResult crystallise_on_ramp(const RateFunction& rates, double start_K, double end_K,
                                          double rate_K_per_s, double enthalpy_J_per_m3,
                                          const CrystallisationOptions& options = {});

/// KJMA crystallisation on heating at a constant rate from `start_K` (continuous nucleation:
/// X_ext(t) = (4π/3) ∫ I(t') [∫_{t'}^{t} U dt'']³ dt'; site saturation: X_ext = (4π/3) N R³;
/// X = 1 − exp(−X_ext)). The inner integrals are carried as the moments
/// A_k = ∫ I(t')(R(t) − R(t'))^k dt', k = 0…3, advanced binomially step by step, so the cost is
/// linear in the number of steps and no cancellation occurs. The ramp stops early once X > 1 −
/// 1e-9.
/// @throws InvalidArgument when the model has no mobility, the rate is not in (0, 1e12] K/s or
///         the options are invalid.
CrystallisationResult crystallise_on_heating(const CntModel& model, double rate_K_per_s,
                                             const CrystallisationOptions& options = {});

/// The same on cooling at a constant rate from `start_K` (default T_m) down to `end_K`.
/// @throws as crystallise_on_heating.
CrystallisationResult crystallise_on_cooling(const CntModel& model, double rate_K_per_s,
                                             const CrystallisationOptions& options = {});

/// Smallest cooling rate from T_m that keeps X below `fraction` down to `options.end_K`, found
/// by bisection in log q between 1e-6 and 1e12 K/s (relative accuracy 1e-3) [K/s].
/// @throws InvalidArgument for fraction outside (0, 1); AnalysisError when even 1e12 K/s
///         crystallises or 1e-6 K/s does not.
double critical_cooling_rate_K_per_s(const CntModel& model, double fraction,
                                     const CrystallisationOptions& options = {});

/// One heating rate of a predicted Kissinger plot.
struct KissingerPoint {
    double rate_K_per_s = 0.0;  ///< β [K/s]
    double tp_K = 0.0;          ///< predicted peak T_p [K]
};

/// The predicted Kissinger plot ln(β/T_p²) = −E/(R T_p) + c.
struct KissingerPrediction {
    std::vector<KissingerPoint> points;  ///< one per rate with a peak
    double activation_J_per_mol = 0.0;   ///< E from the least-squares slope [J/mol]
    double intercept = 0.0;              ///< c [ln(K^-1 s^-1)]
};

/// Peaks at every heating rate and the Kissinger energy of them.
/// @throws AnalysisError when fewer than two rates give a peak.
KissingerPrediction predicted_kissinger(const CntModel& model,
                                        const std::vector<double>& rates_K_per_s,
                                        const CrystallisationOptions& options = {});

}  // namespace vitrum::cnt
