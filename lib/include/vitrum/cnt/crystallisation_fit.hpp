// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>
#include <vector>
#include <vitrum/cnt/crystallisation.hpp>

namespace vitrum::cnt {

/// Which temperature of a measured exotherm is given.
enum class CrystallisationMeasure {
    onset,  ///< T_x, extrapolated onset (ISO 11357-3), compared with `tx_onset_K`
    peak,   ///< T_p, the exotherm's peak, compared with `tp_K`
};

/// One measured crystallisation temperature on heating.
struct MeasuredCrystallisation {
    double rate_K_per_s = 0.0;   ///< heating rate β [K/s]
    double temperature_K = 0.0;  ///< measured T_x or T_p [K]
    double sigma_K = 2.0;        ///< its standard uncertainty (weights the fit) [K]
    CrystallisationMeasure measure = CrystallisationMeasure::onset;
};

/// The temperature the model predicts for a measurement (onset or peak at its rate) [K].
/// @throws AnalysisError when the model does not crystallise below T_m at that rate.
double predicted_temperature_K(const CntModel& model, const MeasuredCrystallisation& measured,
                               const CrystallisationOptions& options = {});

/// Settings of fit_crystallisation().
struct CrystallisationFitOptions {
    /// Also fit log₁₀ of a factor on the viscosity (VFT η₀; Arrhenius 1/D₀) [1].
    bool fit_viscosity_scale = false;
    bool fit_vft_T0 = false;              ///< also fit the VFT divergence temperature T₀ [K]
    double initial_gamma_J_per_m2 = 0.0;  ///< start; 0 means solve the first measurement [J/m^2]
    CrystallisationOptions kinetics;      ///< the ramp calculation (curves are never kept)

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// One fitted parameter with its standard uncertainty.
struct FittedParameter {
    std::string name;    ///< "gamma", "log10_viscosity_scale", "vft_T0"
    std::string unit;    ///< "J/m^2", "1", "K"
    double value = 0.0;  ///< best value [unit]
    double sigma = 0.0;  ///< standard uncertainty from the measurement σ's (not rescaled) [unit]
};

/// Result of fitting CNT kinetics to measured crystallisation temperatures.
struct CrystallisationFit {
    bool converged = false;                   ///< the least-squares driver met a tolerance test
    std::string reason;                       ///< why it stopped
    std::size_t iterations = 0;               ///< trust-region iterations [1]
    double chi_square = 0.0;                  ///< Σ ((T_pred − T_meas)/σ)² at the solution [1]
    std::size_t degrees_of_freedom = 0;       ///< measurements − parameters [1]
    std::vector<FittedParameter> parameters;  ///< γ first, then the optional ones
    std::vector<std::vector<double>> correlation;  ///< correlation matrix of the parameters [1]
    std::vector<double> predicted_K;  ///< model temperature per measurement at the solution [K]
    CntModel model;                   ///< the fitted model (γ fixed at the fitted value)
    std::string identifiability;      ///< what the data can and cannot fix, in words
};

/// Fits a constant γ (and optionally the viscosity scale and VFT T₀) so that the KJMA prediction
/// matches measured T_x or T_p, by GSL nonlinear least squares on (T_pred − T_meas)/σ with a
/// central-difference Jacobian. The start γ comes from a Boost TOMS 748 root of the first
/// measurement. Uncertainties are √diag((JᵀJ)⁻¹) with J weighted by 1/σ: they follow the stated
/// σ and are not rescaled by χ² (with one measurement per parameter χ² is zero).
/// @throws InvalidArgument for fewer measurements than parameters, a bad measurement or
///         an optional parameter the mobility model lacks; AnalysisError when no γ in
///         [0.01, 1] J/m² reproduces the first measurement.
CrystallisationFit fit_crystallisation(const CntModel& model,
                                       const std::vector<MeasuredCrystallisation>& measurements,
                                       const CrystallisationFitOptions& options = {});

}  // namespace vitrum::cnt
