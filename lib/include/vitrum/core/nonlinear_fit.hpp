// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace vitrum {

/// Trust-region subproblem used by the nonlinear least-squares driver.
enum class TrustRegionMethod { levenberg_marquardt, levenberg_marquardt_accelerated, dogleg };

/// How each trust-region step is solved: QR of the n × p Jacobian (robust, the default) or
/// Cholesky of the p × p normal equations (much cheaper for n ≫ p, squares the condition number).
enum class LinearSolver { qr, cholesky };

/// Diagonal scaling D of the trust region: Moré (column norms of J, the GSL default and
/// invariant to parameter units) or Levenberg (D = I, cheaper per iteration; for parameters that
/// are already scaled to comparable Jacobian columns).
enum class ParameterScale { more, levenberg };

/// Settings of fit_nonlinear(): stopping tests of GSL's gsl_multifit_nlinear driver.
struct NonlinearFitOptions {
    std::size_t max_iterations = 200;  ///< iteration limit [1], ≥ 1
    double x_tolerance = 1e-12;        ///< relative step size test [1], in (0, 1)
    double g_tolerance = 1e-12;        ///< scaled gradient test [1], in (0, 1)
    double f_tolerance = 0.0;          ///< relative cost change test [1], in [0, 1)
    TrustRegionMethod method = TrustRegionMethod::levenberg_marquardt;
    LinearSolver linear_solver = LinearSolver::qr;
    bool std_errors = true;  ///< compute `NonlinearFitSummary::std_errors` (one more QR of J)
    ParameterScale scale = ParameterScale::more;  ///< trust-region scaling D

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// Outcome of fit_nonlinear(): why it stopped and how good the result is.
struct NonlinearFitSummary {
    bool converged = false;      ///< a tolerance test was met (not the iteration limit)
    std::string reason;          ///< "small step", "small gradient", "iteration limit" …
    std::size_t iterations = 0;  ///< trust-region iterations [1]
    std::size_t function_evaluations = 0;  ///< residual evaluations [1]
    double initial_cost = 0.0;             ///< ½ Σ r² at the start [unit of r squared]
    double final_cost = 0.0;               ///< ½ Σ r² at the end [unit of r squared]
    double residual_rms = 0.0;             ///< √(Σ r² / n) [unit of r]
    std::vector<double> parameters;        ///< best parameters [units of the model]
    /// Standard errors √(C_ii · Σr²/(n − p)) from the Jacobian at the solution [units of the
    /// parameters]; NaN when n ≤ p or the Jacobian is rank deficient.
    std::vector<double> std_errors;
    std::size_t residual_count = 0;  ///< n [1]
};

/// Residuals r_i(p), i < n, written into `residuals` (already sized n).
using ResidualFunction =
    std::function<void(const std::vector<double>& parameters, std::vector<double>& residuals)>;
/// Jacobian J_ij = ∂r_i/∂p_j written row-major into `jacobian` (already sized n·p).
using JacobianFunction =
    std::function<void(const std::vector<double>& parameters, std::vector<double>& jacobian)>;

/// Minimises ½ Σ r_i(p)² from `initial` with GSL's trust-region driver (geodesic-free LM,
/// Moré scaling, QR or Cholesky steps per `linear_solver`). Without a Jacobian, GSL uses forward
/// differences. Scale the problem so that parameters are O(1) (e.g. depth/h_max) for best results.
/// Residuals that become non-finite are treated as a failed step, never silently kept.
/// @throws InvalidArgument for bad options, n < p, or empty parameters; rethrows what the
///         callbacks throw. A fit that stops without converging is *not* an exception: check
///         `converged`.
NonlinearFitSummary fit_nonlinear(const ResidualFunction& residuals, std::size_t residual_count,
                                  const std::vector<double>& initial,
                                  const NonlinearFitOptions& options = {},
                                  const JacobianFunction& jacobian = {});

}  // namespace vitrum
