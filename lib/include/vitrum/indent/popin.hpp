// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <string>
#include <vector>
#include <vitrum/core/nonlinear_fit.hpp>

namespace vitrum::indent {

/// Settings of find_popins(): depth bursts at nearly constant load (load control).
struct PopInOptions {
    double skip_depth_m =
        2e-9;  ///< rows shallower than this are ignored (micromechanics: 2 nm) [m]
    double threshold_mads = 8.0;   ///< burst when detrended Δh exceeds this many robust σ [1]
    double min_jump_m = 0.5e-9;    ///< smaller bursts are ignored [m]
    double max_load_ratio = 0.25;  ///< ΔP/Δh during the burst below this × median dP/dh [1]

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// One depth burst.
struct PopIn {
    std::size_t row = 0;      ///< last row before the burst
    std::size_t end_row = 0;  ///< first row after the burst
    double load_N = 0.0;      ///< load where it starts [N]
    double depth_m = 0.0;     ///< depth where it starts [m]
    double jump_m = 0.0;      ///< Δh of the burst [m]
};

/// Depth increments per sample minus a quadratic trend in the row index (micromechanics
/// hertz.popIn), robust σ = 1.4826·MAD; consecutive flagged increments merge into one burst.
/// Rows [begin, end) should be the loading segment.
/// @throws InvalidArgument for bad options or fewer than 10 rows.
std::vector<PopIn> find_popins(const std::vector<double>& depth_m,
                               const std::vector<double>& load_N, std::size_t begin,
                               std::size_t end, const PopInOptions& options = {});

/// Hertz fit P = (4/3)·E_r·√R·(h − h0)^{3/2} before the first pop-in, and the maximum shear
/// stress under the tip at the pop-in load.
struct HertzFit {
    double reduced_modulus_Pa = 0.0;  ///< E_r [Pa]
    double depth_offset_m = 0.0;      ///< h0 [m]
    double tip_radius_m = 0.0;        ///< R used [m]
    double residual_rms_N = 0.0;      ///< [N]
    std::size_t points = 0;           ///< [1]
    NonlinearFitSummary summary;      ///< solver report (scaled parameters)

    /// P of the fit at depth h [N].
    double load_at_N(double depth_m) const;
};

/// Fits rows [begin, end) (end = the first pop-in row) with a linear start from P^{2/3} vs h
/// refined by fit_nonlinear. @throws InvalidArgument when R ≤ 0; AnalysisError with < 5 points.
HertzFit fit_hertz(const std::vector<double>& depth_m, const std::vector<double>& load_N,
                   std::size_t begin, std::size_t end, double tip_radius_m);

/// τ_max = 0.31·(6 P E_r² / (π³ R²))^{1/3} [Pa] (Johnson, Contact Mechanics; GUI AnalysePopIn).
double max_shear_stress_Pa(double load_N, double reduced_modulus_Pa, double tip_radius_m);

}  // namespace vitrum::indent
