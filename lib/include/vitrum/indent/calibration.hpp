// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <string>
#include <vector>
#include <vitrum/core/linear_fit.hpp>
#include <vitrum/indent/area_function.hpp>
#include <vitrum/indent/oliver_pharr.hpp>

namespace vitrum::indent {

/// One unloading (or CSM) measurement used for calibration, as measured (frame included).
struct CalibrationSample {
    double load_N = 0.0;             ///< P_max [N]
    double depth_m = 0.0;            ///< h_max as measured, frame displacement included [m]
    double stiffness_N_per_m = 0.0;  ///< measured S (sample and frame in series) [N/m]
};

/// Which samples enter the calibrations (G200 Guide: exclude h_max < 200 nm for the frame).
struct CalibrationOptions {
    OliverPharrOptions oliver_pharr;     ///< ε, β, ν (of the reference), E_i, ν_i
    double reference_modulus_Pa = 72e9;  ///< E of the reference (fused silica 72 GPa) [Pa]
    std::size_t area_terms = 3;          ///< polynomial terms C0 … C(k−1) fitted, 1 ≤ k ≤ 9
    double frame_min_depth_m = 0.0;      ///< samples shallower than this skip the frame fit [m]
    double frame_min_load_N = 0.0;       ///< samples below this load skip the frame fit [N]
    std::size_t max_iterations = 50;     ///< alternations of the combined calibration [1]
    double tolerance = 1e-7;             ///< relative change of C_f that ends the iteration [1]

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// Frame compliance from total compliance 1/S vs 1/√P (or 1/√A): intercept = C_f.
struct FrameComplianceResult {
    double frame_compliance_m_per_N = 0.0;  ///< C_f [m/N]
    LineFit line;                           ///< C_t [m/N] against 1/√P [N^-½] or 1/√A [1/m]
    std::size_t samples_used = 0;           ///< [1]
};

/// Area function fitted to A = (π/4)(S_c/(β E_r))² at h_c = h − C_f P − ε P/S_c.
struct AreaCalibrationResult {
    AreaFunction area = AreaFunction::berkovich();
    double frame_compliance_m_per_N = 0.0;  ///< C_f used [m/N]
    std::vector<double> contact_depth_m;    ///< h_c per sample [m]
    std::vector<double> target_area_m2;     ///< A from S and E_r per sample [m²]
    double relative_rms = 0.0;              ///< RMS of (A_fit − A)/A [1]
    std::size_t iterations = 0;             ///< combined calibration: alternations used [1]
    bool converged = true;                  ///< combined calibration reached the tolerance
};

/// G200 Guide pp. 7-11/7-12: fit 1/S against 1/√P over the samples that pass the filters.
/// @throws AnalysisError when fewer than 2 samples pass; InvalidArgument for bad options.
FrameComplianceResult calibrate_frame_compliance(const std::vector<CalibrationSample>& samples,
                                                 const CalibrationOptions& options);

/// Least squares in relative area error for C0 … C(k−1) with C_f fixed (Eigen QR on
/// column-scaled terms). @throws AnalysisError with fewer samples than terms.
AreaCalibrationResult calibrate_area_function(const std::vector<CalibrationSample>& samples,
                                              double frame_compliance_m_per_N,
                                              const CalibrationOptions& options);

/// Oliver & Pharr 1992 §4 iteration: start from the perfect Berkovich (24.5 h²); C_f is the
/// intercept of 1/S vs A(h_c)^(−½) over the samples passing the frame filters (use deep
/// indents: a free area fit makes shallow ones uninformative); then the area function is fitted
/// with that C_f; repeat until C_f changes by less than `tolerance` (relative).
AreaCalibrationResult calibrate_area_and_frame(const std::vector<CalibrationSample>& samples,
                                               const CalibrationOptions& options);

}  // namespace vitrum::indent
