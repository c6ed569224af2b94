// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>
#include <vitrum/core/series.hpp>
#include <vitrum/indent/area_function.hpp>
#include <vitrum/indent/calibration.hpp>

namespace vitrum::indent {

/// Physical limits and numerics of the joint frame-compliance and area-function calibration.
struct JointCalibrationOptions {
    CalibrationOptions calibration;  ///< ε, β, ν, E_i, reference E, area terms, iterations
    /// C_f is searched in [−max, max] (10 nm/mN: ten times a soft commercial frame) [m/N].
    double max_frame_compliance_m_per_N = 1e-5;
    double ideal_c0 = 24.5;  ///< C0 of the ideal tip (Berkovich 24.5) [1]
    /// Refuse when |C0 − ideal_c0| exceeds this share of ideal_c0 (0.5: 12.3–36.8) [1].
    double max_c0_deviation = 0.5;
    /// A C_f below zero by at most this many standard errors is set to 0 (the bound); further
    /// below, the calibration is refused [1].
    double negative_frame_sigmas = 2.0;
    /// C_f known from elsewhere (a frame calibration, the vendor's): then only the area is
    /// fitted, with C_f held (its standard error reported as 0) [m/N]. Must be ≥ 0.
    std::optional<double> fixed_frame_compliance_m_per_N;

    /// @throws InvalidArgument naming the field and its allowed range.
    void validate() const;
};

/// A calibrated tip and frame with standard errors (Oliver & Pharr 1992 §4, 2004 §3.3;
/// ISO 14577-2 Annex D). Only returned when it converged and meets every constraint.
struct JointCalibrationResult {
    AreaFunction area = AreaFunction::berkovich();
    double frame_compliance_m_per_N = 0.0;         ///< C_f [m/N]
    double frame_compliance_stderr_m_per_N = 0.0;  ///< its standard error (0 at the bound) [m/N]
    bool frame_at_bound = false;                   ///< C_f held at 0 (the data asked slightly < 0)
    bool frame_fixed = false;             ///< C_f given (JointCalibrationOptions), not fitted
    std::vector<double> coefficients_si;  ///< C0 [1], C1 [m], C2 [m^1.5] …
    std::vector<double> coefficients_stderr_si;  ///< their standard errors, same units
    std::vector<double> contact_depth_m;         ///< h_c per sample used [m]
    std::vector<double> target_area_m2;          ///< A from S and the reference E_r [m²]
    double min_contact_depth_m = 0.0;            ///< calibrated range, start [m]
    double max_contact_depth_m = 0.0;            ///< calibrated range, end [m]
    double relative_rms = 0.0;                   ///< RMS of (A_fit − A)/A [1]
    std::size_t iterations = 0;                  ///< Brent steps on the C_f profile [1]
};

/// One calibration sample per CSM point (h, P, harmonic S) of the loading, deeper than
/// `min_depth_m`: one fused-silica CSM test spans the whole depth range.
/// Needs `depth`, `load` and `harmonic_stiffness` columns; rows with a non-positive or
/// non-finite value are left out.
std::vector<CalibrationSample> csm_calibration_samples(const Series& data, double min_depth_m);

/// C_f and the area coefficients fitted together: for each C_f the coefficients minimise
/// Σ((A(h_c) − A_S)/A_S)² (linear, calibrate_area_function); C_f minimises that profile (grid,
/// then Brent to machine precision). Standard errors from s²(JᵀJ)⁻¹ of the full problem.
/// @throws AnalysisError (a refusal, with the reason) when Brent does not converge, C_f < 0
///         beyond `negative_frame_sigmas`, A(h_c) is not increasing over the calibrated range,
///         C0 is further than `max_c0_deviation` from `ideal_c0`, or too few samples remain.
JointCalibrationResult calibrate_jointly(const std::vector<CalibrationSample>& samples,
                                         const JointCalibrationOptions& options);

/// Writes the calibrated tip as a table read_area_table reads back: '#' lines with C_f and
/// every coefficient ± its standard error (nm units), a header, then `points` rows
/// "h_c [nm],A [nm²]" spaced geometrically over the calibrated range, numbers in their
/// shortest round-trip form. @throws InvalidArgument when points < 2.
void write_calibrated_tip(std::ostream& out, const JointCalibrationResult& result,
                          std::size_t points = 200);

}  // namespace vitrum::indent
