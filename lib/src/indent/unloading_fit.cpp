// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <vitrum/core/error.hpp>
#include <vitrum/indent/unloading_fit.hpp>

namespace vitrum::indent {

void UnloadingFitOptions::validate() const {
    if (!(lower_fraction >= 0.0 && lower_fraction < upper_fraction)) {
        throw InvalidArgument(fmt::format(
            "UnloadingFitOptions.lower_fraction = {} must be in [0, upper_fraction = {})",
            lower_fraction, upper_fraction));
    }
    if (!(upper_fraction > 0.0 && upper_fraction <= 1.0)) {
        throw InvalidArgument(fmt::format(
            "UnloadingFitOptions.upper_fraction = {} is outside the allowed range (0, 1]",
            upper_fraction));
    }
    if (min_points < 3) {
        throw InvalidArgument(fmt::format(
            "UnloadingFitOptions.min_points = {} must be >= 3 (three parameters)", min_points));
    }
    if (!(min_exponent > 0.0 && min_exponent < max_exponent)) {
        throw InvalidArgument(
            fmt::format("UnloadingFitOptions.min_exponent = {} must be in (0, max_exponent = {})",
                        min_exponent, max_exponent));
    }
    if (!(nose_fraction >= 0.0 && nose_fraction < 1.0)) {
        throw InvalidArgument(fmt::format(
            "UnloadingFitOptions.nose_fraction = {} is outside the allowed range [0, 1)",
            nose_fraction));
    }
    solver.validate();
}

double UnloadingFit::load_at_N(double depth_m) const {
    const double d = depth_m - final_depth_m;
    return d > 0.0 ? prefactor_B * std::pow(d, exponent_m) : 0.0;
}

namespace {

// Scaled model y = b (x − xf)^m with x = h/h_max, y = P/P_max, solved by variable projection
// (Golub & Pereyra 1973): for fixed (xf, m) the prefactor is linear, b = Σ y φ / Σ φ² with
// φ = (x − xf)^m, so GSL only iterates on (xf, m). Same minimum as the three-parameter problem,
// fewer and cheaper iterations. Below xf the tip has left the surface: φ = 0 there, which keeps
// residuals finite for any trial xf.
class ProjectedPowerLaw {
public:
    std::vector<double> x, y;

    void clear() {
        x.clear();
        y.clear();
        cached_ = false;
    }
    std::size_t size() const { return x.size(); }

    /// Fills φ_i, ln d_i and b for (xf, m) unless they are cached for exactly these values.
    void evaluate(double xf, double m) {
        if (cached_ && xf == xf_ && m == m_) return;
        const std::size_t n = x.size();
        phi_.resize(n);
        log_d_.resize(n);
        double s_pp = 0.0, s_py = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double d = x[i] - xf;
            if (d > 0.0) {
                const double lg = std::log(d);
                const double ph = std::exp(m * lg);  // d^m from the log, reused by the Jacobian
                log_d_[i] = lg;
                phi_[i] = ph;
                s_pp += ph * ph;
                s_py += ph * y[i];
            } else {
                log_d_[i] = 0.0;
                phi_[i] = 0.0;
            }
        }
        s_pp_ = s_pp;
        b_ = s_pp > 0.0 ? s_py / s_pp : 0.0;
        xf_ = xf;
        m_ = m;
        cached_ = true;
    }
    double prefactor() const { return b_; }

    void residuals(const std::vector<double>& p, std::vector<double>& r) {
        evaluate(p[0], p[1]);
        for (std::size_t i = 0; i < x.size(); ++i) r[i] = b_ * phi_[i] - y[i];
    }

    // Exact Jacobian of the projected residual r = b(θ) φ(θ) − y, θ = (xf, m):
    // ∂r/∂θ = (∂b/∂θ) φ + b ∂φ/∂θ with ∂b/∂θ = (Σ y φ' − 2 b Σ φ φ') / Σ φ²,
    // ∂φ/∂xf = −m φ/d, ∂φ/∂m = φ ln d. Written as rows (∂r/∂xf, ∂r/∂m) · T, which gives
    // ∂r/∂z for θ = θ0 + T z (T = identity: the plain Jacobian).
    void jacobian(const std::vector<double>& p, std::vector<double>& J,
                  const Eigen::Matrix2d& T = Eigen::Matrix2d::Identity()) {
        evaluate(p[0], p[1]);
        const std::size_t n = x.size();
        const double m = p[1];
        d_xf_.resize(n);
        d_m_.resize(n);
        double yx = 0.0, px = 0.0, ym = 0.0, pm = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            if (phi_[i] == 0.0) {
                d_xf_[i] = d_m_[i] = 0.0;
                continue;
            }
            const double dxf = -m * phi_[i] / (x[i] - p[0]);
            const double dm = phi_[i] * log_d_[i];
            d_xf_[i] = dxf;
            d_m_[i] = dm;
            yx += y[i] * dxf;
            px += phi_[i] * dxf;
            ym += y[i] * dm;
            pm += phi_[i] * dm;
        }
        const double db_dxf = s_pp_ > 0.0 ? (yx - 2.0 * b_ * px) / s_pp_ : 0.0;
        const double db_dm = s_pp_ > 0.0 ? (ym - 2.0 * b_ * pm) / s_pp_ : 0.0;
        const double t00 = T(0, 0), t01 = T(0, 1), t10 = T(1, 0), t11 = T(1, 1);
        for (std::size_t i = 0; i < n; ++i) {
            const double r_xf = db_dxf * phi_[i] + b_ * d_xf_[i];
            const double r_m = db_dm * phi_[i] + b_ * d_m_[i];
            J[2 * i] = r_xf * t00 + r_m * t10;
            J[2 * i + 1] = r_xf * t01 + r_m * t11;
        }
    }

    double cost(double xf, double m) {
        evaluate(xf, m);
        double s = 0.0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double r = b_ * phi_[i] - y[i];
            s += r * r;
        }
        return s;
    }

    /// Standard errors of (b, xf, m) from the full three-parameter Jacobian at (xf, m), as
    /// √(C_ii · Σr²/(n − 3)) with C = (JᵀJ)⁻¹; NaN when n ≤ 3 or JᵀJ is singular.
    std::vector<double> std_errors(double xf, double m, double sum_of_squares) {
        std::vector<double> se(3, std::numeric_limits<double>::quiet_NaN());
        if (x.size() <= 3) return se;
        evaluate(xf, m);
        Eigen::Matrix3d jtj = Eigen::Matrix3d::Zero();
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (phi_[i] == 0.0) continue;
            const Eigen::Vector3d row(phi_[i], -b_ * m * phi_[i] / (x[i] - xf),
                                      b_ * phi_[i] * log_d_[i]);
            jtj.noalias() += row * row.transpose();
        }
        Eigen::Matrix3d covariance;
        bool invertible = false;
        jtj.computeInverseWithCheck(covariance, invertible, 0.0);
        if (!invertible) return se;
        const double s2 = sum_of_squares / static_cast<double>(x.size() - 3);
        for (int j = 0; j < 3; ++j) {
            const double c = covariance(j, j);
            if (std::isfinite(c) && c >= 0.0) se[static_cast<std::size_t>(j)] = std::sqrt(c * s2);
        }
        return se;
    }

    /// Start (xf, m) from the integral form of the power law: with I_k = ∫ y dx from x_k to x_0
    /// along the window (trapezoids), y = b (x − xf)^m gives x_k y_k = c + xf y_k − (m + 1) I_k,
    /// linear in (m + 1, xf, c). Integrating smooths the noise and needs no logarithms. Solved
    /// on centred columns (Eigen, 2 × 2 normal equations); false when singular.
    bool integral_start(double& xf, double& m) const {
        const std::size_t n = x.size();
        double mean_i = 0.0, mean_y = 0.0, mean_v = 0.0, integral = 0.0;
        for (std::size_t k = 0; k < n; ++k) {
            if (k > 0) integral += 0.5 * (y[k] + y[k - 1]) * (x[k - 1] - x[k]);
            mean_i += integral;
            mean_y += y[k];
            mean_v += x[k] * y[k];
        }
        const double inv_n = 1.0 / static_cast<double>(n);
        mean_i *= inv_n;
        mean_y *= inv_n;
        mean_v *= inv_n;
        Eigen::Matrix2d normal = Eigen::Matrix2d::Zero();
        Eigen::Vector2d rhs = Eigen::Vector2d::Zero();
        integral = 0.0;
        for (std::size_t k = 0; k < n; ++k) {
            if (k > 0) integral += 0.5 * (y[k] + y[k - 1]) * (x[k - 1] - x[k]);
            const Eigen::Vector2d row(integral - mean_i, y[k] - mean_y);
            normal.noalias() += row * row.transpose();
            rhs += row * (x[k] * y[k] - mean_v);
        }
        const Eigen::LDLT<Eigen::Matrix2d> ldlt(normal);
        if (ldlt.info() != Eigen::Success || !(ldlt.rcond() > 1e-14)) return false;
        const Eigen::Vector2d c = ldlt.solve(rhs);
        m = -c(0) - 1.0;
        xf = c(1);
        return std::isfinite(m) && std::isfinite(xf);
    }

    /// xf of the power law with exponent m through the window's end points.
    double end_point_final_depth(double m) const {
        const double x1 = x.front(), y1 = y.front();
        const double x2 = x.back(), y2 = y.back();
        double xf = 0.0;
        if (y1 > y2 && y2 > 0.0) {
            const double q = std::exp(std::log(y2 / y1) / m);  // (x2 − xf)/(x1 − xf)
            xf = (x2 - q * x1) / (1.0 - q);
        }
        return std::min(xf, x2 - 1e-3 * (x1 - x2 + 1e-12));
    }

private:
    std::vector<double> phi_, log_d_, d_xf_, d_m_;  // φ, ln d, ∂φ/∂xf, ∂φ/∂m
    double xf_ = 0.0, m_ = 0.0, b_ = 0.0, s_pp_ = 0.0;
    bool cached_ = false;
};

// Start (xf, m) from the integral form (within about 1e-3 of the optimum on clean unloads, so
// GSL needs few iterations). When that fails (singular, m outside (0.1, 50), xf not below the
// window), the best of the end-point starts for m = 1.2, 1.5, 2 is used instead.
std::vector<double> start_values(ProjectedPowerLaw& model) {
    double xf = 0.0, m = 0.0;
    if (model.integral_start(xf, m) && m > 0.1 && m < 50.0 &&
        xf < *std::min_element(model.x.begin(), model.x.end()) &&
        std::isfinite(model.cost(xf, m))) {
        return {xf, m};
    }
    std::vector<double> best{0.0, 1.5};
    double best_cost = std::numeric_limits<double>::infinity();
    for (const double m0 : {1.2, 1.5, 2.0}) {
        const double xf0 = model.end_point_final_depth(m0);
        const double c = model.cost(xf0, m0);
        if (std::isfinite(xf0) && std::isfinite(c) && c < best_cost) {
            best_cost = c;
            best = {xf0, m0};
        }
    }
    return best;
}

// Minimum of f on [lo, hi]: a coarse scan (f may have several valleys on a boundary of the
// (x_f, m) plane) refined by golden-section search in the best bracket.
template <class F>
double minimise_on_interval(F&& f, double lo, double hi, double& best_value) {
    constexpr int kScan = 64;
    double best_x = lo;
    best_value = std::numeric_limits<double>::infinity();
    int best_k = 0;
    for (int k = 0; k <= kScan; ++k) {
        const double x = lo + (hi - lo) * k / kScan;
        const double v = f(x);
        if (std::isfinite(v) && v < best_value) {
            best_value = v;
            best_x = x;
            best_k = k;
        }
    }
    double a = lo + (hi - lo) * std::max(0, best_k - 1) / kScan;
    double b = lo + (hi - lo) * std::min(kScan, best_k + 1) / kScan;
    const double g = 0.5 * (std::sqrt(5.0) - 1.0);
    double c = b - g * (b - a), d = a + g * (b - a);
    double fc = f(c), fd = f(d);
    for (int it = 0; it < 80 && (b - a) > 1e-12 * (1.0 + std::abs(a)); ++it) {
        if (fc < fd) {
            b = d;
            d = c;
            fd = fc;
            c = b - g * (b - a);
            fc = f(c);
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + g * (b - a);
            fd = f(d);
        }
    }
    const double x = fc < fd ? c : d;
    const double v = std::min(fc, fd);
    if (std::isfinite(v) && v < best_value) {
        best_value = v;
        best_x = x;
    }
    return best_x;
}

/// Least-squares (x_f, m) on the boundary of 0 ≤ x_f < min(x), m_lo ≤ m ≤ m_hi: the
/// constrained minimum of a problem whose free minimum lies outside lies on that boundary.
struct BoundedSolution {
    double xf = 0.0, m = 0.0, cost = std::numeric_limits<double>::infinity();
    std::string bound;
};

BoundedSolution bounded_solution(ProjectedPowerLaw& model, double m_lo, double m_hi) {
    const double x_min = *std::min_element(model.x.begin(), model.x.end());
    const double xf_hi = x_min * (1.0 - 1e-9);
    BoundedSolution best;
    double cost = 0.0;
    // Edge x_f = 0, m free in [m_lo, m_hi] (searched in ln m: curvature is even there).
    const double ln_m =
        minimise_on_interval([&](double lm) { return model.cost(0.0, std::exp(lm)); },
                             std::log(m_lo), std::log(m_hi), cost);
    if (cost < best.cost) best = {0.0, std::exp(ln_m), cost, "h_f = 0"};
    for (const double m_edge : {m_hi, m_lo}) {
        const double xf =
            minimise_on_interval([&](double v) { return model.cost(v, m_edge); }, 0.0, xf_hi, cost);
        if (cost < best.cost) best = {xf, m_edge, cost, fmt::format("m = {:g}", m_edge)};
    }
    if (best.bound == "h_f = 0") {
        const double rel = 1e-6;
        if (best.m <= m_lo * (1.0 + rel)) best.bound = fmt::format("h_f = 0, m = {:g}", m_lo);
        if (best.m >= m_hi * (1.0 - rel)) best.bound = fmt::format("h_f = 0, m = {:g}", m_hi);
    }
    return best;
}

}  // namespace

UnloadingFit fit_unloading(const std::vector<double>& depth_m, const std::vector<double>& load_N,
                           std::size_t unload_begin, std::size_t unload_end,
                           const UnloadingFitOptions& options) {
    options.validate();
    unload_end = std::min({unload_end, depth_m.size(), load_N.size()});
    if (unload_begin >= unload_end) {
        throw InvalidArgument(
            fmt::format("fit_unloading: empty unloading range [{}, {})", unload_begin, unload_end));
    }
    UnloadingFit fit;
    fit.max_depth_m = depth_m[unload_begin];
    fit.max_load_N = load_N[unload_begin];
    for (std::size_t i = unload_begin; i < unload_end; ++i) {
        if (std::isfinite(load_N[i])) fit.max_load_N = std::max(fit.max_load_N, load_N[i]);
    }
    if (!(fit.max_load_N > 0.0) || !(fit.max_depth_m > 0.0)) {
        throw AnalysisError(fmt::format(
            "fit_unloading: the unloading branch starting at row {} has P_max = {} N and h_max = "
            "{} m; both must be positive",
            unload_begin + 1, fit.max_load_N, fit.max_depth_m));
    }

    // One model per thread: its buffers keep their capacity, so a batch of indents does not
    // allocate them again for every fit.
    thread_local ProjectedPowerLaw model;
    model.clear();
    const double lo = options.lower_fraction * fit.max_load_N;
    const double hi = options.upper_fraction * fit.max_load_N;
    // Creep "nose": on viscoelastic samples the depth keeps rising after the load starts to
    // fall. Those rows are not elastic recovery; the window starts at the deepest point of the
    // upper half of the unload.
    std::size_t window_begin = unload_begin + options.skip_first_points;
    {
        std::size_t deepest = unload_begin;
        for (std::size_t i = unload_begin; i < unload_end; ++i) {
            if (!std::isfinite(load_N[i]) || load_N[i] < 0.5 * fit.max_load_N) break;
            if (std::isfinite(depth_m[i]) && depth_m[i] > depth_m[deepest]) deepest = i;
        }
        const double rise = depth_m[deepest] - depth_m[unload_begin];
        if (deepest >= unload_begin + 3 && rise > options.nose_fraction * fit.max_depth_m) {
            fit.nose_rows = deepest - unload_begin;
            fit.nose_depth_m = rise;
            window_begin = std::max(window_begin, deepest);
        }
    }
    bool first = true;
    for (std::size_t i = window_begin; i < unload_end; ++i) {
        const double p = load_N[i], h = depth_m[i];
        if (!std::isfinite(p) || !std::isfinite(h) || p < lo || p > hi) continue;
        if (first) fit.first_row = i;
        first = false;
        fit.last_row = i;
        model.x.push_back(h / fit.max_depth_m);
        model.y.push_back(p / fit.max_load_N);
    }
    fit.points = model.size();
    if (fit.points < options.min_points) {
        throw AnalysisError(fmt::format(
            "fit_unloading: {} points between {:.4g} and {:.4g} of P_max = {:.6g} mN on the unload "
            "starting at row {}; need at least {}",
            fit.points, options.lower_fraction, options.upper_fraction, fit.max_load_N * 1e3,
            unload_begin + 1, options.min_points));
    }

    // GSL iterates on whitened coordinates z with θ = θ0 + T z, T = c L⁻ᵀ from the Cholesky
    // factor of JᵀJ = L Lᵀ at the start θ0 = (xf0, m0). On an unload the columns ∂r/∂xf and
    // ∂r/∂m are almost parallel, so in (xf, m) the LM damping (GSL: μ0 = 1e-3 of the largest
    // diagonal of the scaled JᵀJ) dominates the weak direction and convergence is linear and
    // slow (5 iterations on the issue #4 map); in z the columns start orthogonal and the steps
    // are nearly Gauss–Newton (2–3 iterations). Same minimum. c = 0.1 (JᵀJ = 0.01 I at the
    // start): with c = 1 the gradient test (1e-10) sits at the rounding floor of the cost
    // (a step lowers ½Σr² ≈ 1e-4 by |g|²/2 ≈ 5e-21 < its ulp), and a few fits then spend 16
    // rejected steps. With c = 0.1 the fits end 1e-8 (relative) from the exact minimum in m,
    // as the (xf, m) iteration did (5e-9).
    const std::vector<double> theta0 = start_values(model);
    static thread_local std::vector<double> theta, jac_theta;
    theta.assign(2, 0.0);
    jac_theta.resize(2 * model.size());
    model.jacobian(theta0, jac_theta);
    Eigen::Matrix2d jtj = Eigen::Matrix2d::Zero();
    for (std::size_t i = 0; i < model.size(); ++i) {
        const Eigen::Vector2d row(jac_theta[2 * i], jac_theta[2 * i + 1]);
        jtj.noalias() += row * row.transpose();
    }
    constexpr double kWhitenedScale = 0.1;  // c above
    Eigen::Matrix2d transform = Eigen::Matrix2d::Identity();
    const Eigen::LLT<Eigen::Matrix2d> llt(jtj);
    const Eigen::Matrix2d whitening = llt.matrixU().solve(Eigen::Matrix2d::Identity());
    if (llt.info() == Eigen::Success && whitening.allFinite()) {
        transform = kWhitenedScale * whitening;
    } else if (jtj(0, 0) > 0.0 && jtj(1, 1) > 0.0 && jtj.allFinite()) {
        // Parallel columns: unit column norms only (what Moré scaling would give).
        transform =
            kWhitenedScale *
            Eigen::Vector2d(1.0 / std::sqrt(jtj(0, 0)), 1.0 / std::sqrt(jtj(1, 1))).asDiagonal();
    }
    const auto to_theta = [&theta0, &transform](const std::vector<double>& z) {
        theta[0] = theta0[0] + transform(0, 0) * z[0] + transform(0, 1) * z[1];
        theta[1] = theta0[1] + transform(1, 0) * z[0] + transform(1, 1) * z[1];
    };
    const ResidualFunction f = [&to_theta](const std::vector<double>& z, std::vector<double>& r) {
        to_theta(z);
        model.residuals(theta, r);
    };
    // ∂r/∂z = (∂r/∂θ) T; at the start (z = 0, GSL's first call) from the Jacobian above.
    const JacobianFunction j = [&to_theta, &transform](const std::vector<double>& z,
                                                       std::vector<double>& J) {
        if (z[0] == 0.0 && z[1] == 0.0) {
            const double t00 = transform(0, 0), t01 = transform(0, 1);
            const double t10 = transform(1, 0), t11 = transform(1, 1);
            for (std::size_t i = 0; i < model.size(); ++i) {
                const double r_xf = jac_theta[2 * i], r_m = jac_theta[2 * i + 1];
                J[2 * i] = r_xf * t00 + r_m * t10;
                J[2 * i + 1] = r_xf * t01 + r_m * t11;
            }
            return;
        }
        to_theta(z);
        model.jacobian(theta, J, transform);
    };
    NonlinearFitSummary projected = fit_nonlinear(f, model.size(), {0.0, 0.0}, options.solver, j);
    to_theta(projected.parameters);
    double xf = theta[0], m = theta[1];
    const bool outside = !(m >= options.min_exponent && m <= options.max_exponent);
    if (options.bounded_refit && (outside || !projected.converged)) {
        const BoundedSolution bounded =
            bounded_solution(model, options.min_exponent, options.max_exponent);
        if (std::isfinite(bounded.cost)) {
            xf = bounded.xf;
            m = bounded.m;
            fit.active_bound = bounded.bound;
            projected.converged = true;
            projected.final_cost = 0.5 * bounded.cost;
            projected.residual_rms = std::sqrt(bounded.cost / static_cast<double>(model.size()));
            projected.reason = fmt::format(
                "free fit ended at m = {:.4g}, h_f/h_max = {:.4g}; bounded least squares on {}",
                theta[1], theta[0], bounded.bound);
        }
    }
    model.evaluate(xf, m);
    const double b = model.prefactor();
    fit.summary = projected;
    // Report the full problem (b, xf, m), as the three-parameter fit did.
    fit.summary.parameters = {b, xf, m};
    fit.summary.std_errors = fit.active_bound.empty()
                                 ? model.std_errors(xf, m, 2.0 * projected.final_cost)
                                 : std::vector<double>(3, std::numeric_limits<double>::quiet_NaN());

    fit.exponent_m = m;
    fit.final_depth_m = xf * fit.max_depth_m;
    fit.prefactor_B = b * fit.max_load_N / std::pow(fit.max_depth_m, m);
    fit.residual_rms_N = fit.summary.residual_rms * fit.max_load_N;
    // dP/dh = (P_max/h_max)·dy/dx, evaluated at x = 1 (the unload start). After a creep nose
    // the unload start is not on the elastic branch: S is taken where the fitted branch
    // carries P_max (y = 1), the top of the elastic recovery.
    const double x_top = fit.nose_rows > 0 && b > 0.0 ? xf + std::pow(1.0 / b, 1.0 / m) : 1.0;
    fit.stiffness_N_per_m =
        xf < x_top ? fit.max_load_N / fit.max_depth_m * b * m * std::pow(x_top - xf, m - 1.0)
                   : std::numeric_limits<double>::quiet_NaN();

    if (!fit.summary.converged) {
        fit.status = "power law did not converge: " + fit.summary.reason;
    } else if (!(m >= options.min_exponent && m <= options.max_exponent)) {
        fit.status = fmt::format("exponent m = {:.4g} outside [{}, {}]", m, options.min_exponent,
                                 options.max_exponent);
    } else if (!(xf < 1.0)) {
        fit.status = "final depth h_f is not below h_max";
    } else if (!(fit.stiffness_N_per_m > 0.0)) {
        fit.status = "stiffness is not positive";
    } else {
        fit.usable = true;
        fit.status = fit.active_bound.empty() ? "ok" : "ok, bounded fit (" + fit.active_bound + ")";
    }
    return fit;
}

}  // namespace vitrum::indent
