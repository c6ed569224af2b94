// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <vector>

namespace vitrum {

/// Straight line y = intercept + slope·x fitted by ordinary least squares, with its statistics.
struct LineFit {
    double slope = 0.0;             ///< [unit of y / unit of x]
    double intercept = 0.0;         ///< [unit of y]
    double slope_stderr = 0.0;      ///< standard error of the slope
    double intercept_stderr = 0.0;  ///< standard error of the intercept
    double r_squared = 0.0;         ///< coefficient of determination [1]
    double residual_rms = 0.0;      ///< root-mean-square residual [unit of y]
    std::size_t n = 0;              ///< points used

    double operator()(double x) const { return intercept + slope * x; }
    /// x where two lines cross; NaN when parallel.
    double intersect(const LineFit& other) const;
};

/// Least-squares line through (x[i], y[i]) for i in [begin, end). Non-finite points are skipped.
/// Centres x before fitting so that large offsets (temperatures in K, times in s) lose no digits.
/// @throws InvalidArgument when fewer than 2 finite points remain or all x are equal.
LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y, std::size_t begin,
                 std::size_t end);

/// Same over all points.
LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y);

/// Least-squares polynomial y = Σ c_k x^k, k = 0..degree, solved by QR (Eigen) on x scaled to
/// [-1, 1]; coefficients returned for unscaled x. @throws InvalidArgument when under-determined.
std::vector<double> fit_polynomial(const std::vector<double>& x, const std::vector<double>& y,
                                   int degree);

/// Evaluates Σ c_k x^k (Horner).
double eval_polynomial(const std::vector<double>& coefficients, double x);

}  // namespace vitrum
