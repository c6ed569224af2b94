// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <vitrum/core/error.hpp>
#include <vitrum/core/linear_fit.hpp>

namespace vitrum {

double LineFit::intersect(const LineFit& other) const {
    const double ds = slope - other.slope;
    if (ds == 0.0) return std::numeric_limits<double>::quiet_NaN();
    return (other.intercept - intercept) / ds;
}

LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y, std::size_t begin,
                 std::size_t end) {
    if (x.size() != y.size()) {
        throw InvalidArgument(
            fmt::format("fit_line: x has {} points, y has {}", x.size(), y.size()));
    }
    end = std::min(end, x.size());
    double sx = 0.0, sy = 0.0;
    std::size_t n = 0;
    for (std::size_t i = begin; i < end; ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
        sx += x[i];
        sy += y[i];
        ++n;
    }
    if (n < 2) {
        throw InvalidArgument(fmt::format("fit_line: {} finite points, need at least 2", n));
    }
    const double mx = sx / static_cast<double>(n);
    const double my = sy / static_cast<double>(n);
    double sxx = 0.0, sxy = 0.0, syy = 0.0;
    for (std::size_t i = begin; i < end; ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
        const double dx = x[i] - mx;
        const double dy = y[i] - my;
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    if (sxx <= 0.0) throw InvalidArgument("fit_line: all x values are equal");
    LineFit fit;
    fit.n = n;
    fit.slope = sxy / sxx;
    fit.intercept = my - fit.slope * mx;
    const double sse = std::max(0.0, syy - fit.slope * sxy);
    fit.r_squared = syy > 0.0 ? 1.0 - sse / syy : 1.0;
    fit.residual_rms = std::sqrt(sse / static_cast<double>(n));
    if (n > 2) {
        const double s2 = sse / static_cast<double>(n - 2);
        fit.slope_stderr = std::sqrt(s2 / sxx);
        fit.intercept_stderr = std::sqrt(s2 * (1.0 / static_cast<double>(n) + mx * mx / sxx));
    }
    return fit;
}

LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y) {
    return fit_line(x, y, 0, x.size());
}

std::vector<double> fit_polynomial(const std::vector<double>& x, const std::vector<double>& y,
                                   int degree) {
    if (degree < 0) throw InvalidArgument(fmt::format("fit_polynomial: degree {} < 0", degree));
    const auto n = static_cast<Eigen::Index>(std::min(x.size(), y.size()));
    if (n <= degree) {
        throw InvalidArgument(
            fmt::format("fit_polynomial: {} points cannot fix a degree-{} polynomial", n, degree));
    }
    const auto [lo_it, hi_it] = std::minmax_element(x.begin(), x.begin() + n);
    const double centre = 0.5 * (*lo_it + *hi_it);
    const double half = 0.5 * (*hi_it - *lo_it);
    if (half <= 0.0) throw InvalidArgument("fit_polynomial: all x values are equal");
    Eigen::MatrixXd a(n, degree + 1);
    Eigen::VectorXd b(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const double t = (x[static_cast<std::size_t>(i)] - centre) / half;
        double p = 1.0;
        for (int k = 0; k <= degree; ++k) {
            a(i, k) = p;
            p *= t;
        }
        b(i) = y[static_cast<std::size_t>(i)];
    }
    const Eigen::VectorXd c = a.colPivHouseholderQr().solve(b);
    // Expand Σ c_k ((x − centre)/half)^k into powers of x.
    std::vector<double> out(static_cast<std::size_t>(degree) + 1, 0.0);
    for (int k = 0; k <= degree; ++k) {
        // (x − centre)^k / half^k = Σ_j binom(k, j) x^j (−centre)^(k−j) / half^k
        double binom = 1.0;
        for (int j = 0; j <= k; ++j) {
            if (j > 0) binom = binom * (k - j + 1) / j;
            out[static_cast<std::size_t>(j)] +=
                c(k) * binom * std::pow(-centre, k - j) / std::pow(half, k);
        }
    }
    return out;
}

double eval_polynomial(const std::vector<double>& coefficients, double x) {
    double y = 0.0;
    for (auto it = coefficients.rbegin(); it != coefficients.rend(); ++it) y = y * x + *it;
    return y;
}

}  // namespace vitrum
