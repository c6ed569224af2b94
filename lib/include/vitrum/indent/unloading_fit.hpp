// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <string>
#include <vector>
#include <vitrum/core/nonlinear_fit.hpp>

namespace vitrum::indent {

/// Which unloading points enter the power-law fit, and how it is solved.
///
/// Default window 0.5–0.99 P_max is micromechanics' default (`unloadPMin 0.5`, `unloadPMax 0.99`,
/// also its Micro Materials and KLA-HDF5 setting); NanoSuite fits the upper 50 % of the unload,
/// ISO 14577 recommends 0.2–0.98, Hysitron 0.4–0.95 (indentation.md §1.3, §4.2).
struct UnloadingFitOptions {
    double lower_fraction = 0.5;   ///< lowest load in the fit, fraction of the cycle's P_max [1]
    double upper_fraction = 0.99;  ///< highest load in the fit, fraction of P_max [1]
    std::size_t skip_first_points = 0;  ///< unloading points skipped at the top (NanoSuite: 5) [1]
    std::size_t min_points = 5;         ///< fewer points in the window is an error [1]
    double min_exponent = 0.8;          ///< fitted m below this is reported as not usable [1]
    double max_exponent = 10.0;         ///< fitted m above this is reported as not usable [1]
    /// When the free fit gives m outside [min_exponent, max_exponent] or h_f < 0 (depth zeroed
    /// at the surface: the tip cannot leave the sample above it), refit with those bounds as
    /// constraints (micromechanics bounds h_f ≥ 0 and m ∈ [0.8, 10] the same way). The result
    /// says which bound is active (`UnloadingFit::active_bound`). Soft, viscoelastic unloads
    /// (polymers, N1_1.hdf5) need this: their free fit runs to m ≈ 110.
    bool bounded_refit = true;
    /// Depth rise after the unload starts that counts as a creep "nose", as a fraction of
    /// h_max [1] (0.2 %: above the depth noise of the example files, below real creep noses of
    /// several nm); the rows up to the deepest point are then left out of the fit window.
    double nose_fraction = 2e-3;
    /// GSL settings; Cholesky steps: the projected problem has only two columns (h_f, m). The
    /// standard errors of (B, h_f, m) are computed by fit_unloading itself. Levenberg scaling:
    /// fit_unloading iterates on whitened coordinates whose Jacobian columns start orthogonal
    /// with equal norms, so Moré's column scaling would only repeat that work.
    NonlinearFitOptions solver{100,
                               1e-10,
                               1e-10,
                               0.0,
                               TrustRegionMethod::levenberg_marquardt,
                               LinearSolver::cholesky,
                               false,
                               ParameterScale::levenberg};

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// Power law P = B·(h − h_f)^m fitted to one unloading branch, and the stiffness from it.
struct UnloadingFit {
    double prefactor_B = 0.0;        ///< B [N/m^m]
    double final_depth_m = 0.0;      ///< h_f [m]
    double exponent_m = 0.0;         ///< m [1]
    double max_load_N = 0.0;         ///< P_max of the branch (load at its first point) [N]
    double max_depth_m = 0.0;        ///< h_max (depth at its first point) [m]
    double stiffness_N_per_m = 0.0;  ///< S = B·m·(h_max − h_f)^(m−1), at the unload start [N/m]
    std::size_t first_row = 0;       ///< first row inside the fit window
    std::size_t last_row = 0;        ///< last row inside the fit window (inclusive)
    std::size_t points = 0;          ///< rows used [1]
    double residual_rms_N = 0.0;     ///< RMS of P_fit − P over the window [N]
    bool usable = false;             ///< converged, m in range, h_f < h_max, S > 0
    /// Empty for a free fit; else the constraint the bounded refit ends on ("h_f = 0",
    /// "m = 10", "m = 0.8"): the power law is then a bounded approximation of the unload.
    std::string active_bound;
    std::size_t nose_rows = 0;    ///< unloading rows whose depth still rises (creep nose) [1]
    double nose_depth_m = 0.0;    ///< depth gained by creep after the unload started [m]
    std::string status;           ///< "ok" or why not usable
    NonlinearFitSummary summary;  ///< the solver's report (parameters in scaled units)

    /// Load of the fitted power law at depth h [N]; 0 below h_f.
    double load_at_N(double depth_m) const;
};

/// Fits the unloading branch rows [unload_begin, unload_end) on scaled variables (h/h_max,
/// P/P_max) by GSL trust-region least squares with an analytic Jacobian. Variable projection
/// (Golub & Pereyra 1973): B is solved in closed form for each (h_f, m), so GSL iterates on two
/// parameters; the minimum is that of the three-parameter problem. Start values come from the
/// integral form of the power law (a linear regression), else from the window's end points for
/// three trial exponents (1.2, 1.5, 2). `summary.parameters` are (b, x_f, m) in scaled units.
/// @throws InvalidArgument for bad options or an empty range; AnalysisError when the window
///         holds fewer than `min_points` finite points. A non-converged fit is returned with
///         usable = false and the reason in `status`.
UnloadingFit fit_unloading(const std::vector<double>& depth_m, const std::vector<double>& load_N,
                           std::size_t unload_begin, std::size_t unload_end,
                           const UnloadingFitOptions& options = {});

}  // namespace vitrum::indent
