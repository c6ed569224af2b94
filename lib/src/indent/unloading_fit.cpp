// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

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
    solver.validate();
}

double UnloadingFit::load_at_N(double depth_m) const {
    const double d = depth_m - final_depth_m;
    return d > 0.0 ? prefactor_B * std::pow(d, exponent_m) : 0.0;
}

namespace {

// Scaled model y = b (x − xf)^m with x = h/h_max, y = P/P_max. Below xf the tip has left the
// surface: the model is 0 there, which keeps residuals finite for any trial xf.
struct ScaledPowerLaw {
    std::vector<double> x, y;

    void residuals(const std::vector<double>& p, std::vector<double>& r) const {
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double d = x[i] - p[1];
            r[i] = (d > 0.0 ? p[0] * std::exp(p[2] * std::log(d)) : 0.0) - y[i];
        }
    }
    void jacobian(const std::vector<double>& p, std::vector<double>& J) const {
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double d = x[i] - p[1];
            double* row = &J[3 * i];
            if (d <= 0.0) {
                row[0] = row[1] = row[2] = 0.0;
                continue;
            }
            const double lg = std::log(d);
            const double pw = std::exp(p[2] * lg);
            row[0] = pw;
            row[1] = -p[0] * p[2] * pw / d;
            row[2] = p[0] * pw * lg;
        }
    }
    double cost(const std::vector<double>& p) const {
        std::vector<double> r(x.size());
        residuals(p, r);
        double s = 0.0;
        for (double v : r) s += v * v;
        return s;
    }
};

// Start values through the window's end points for a trial exponent m.
std::vector<double> start_values(const ScaledPowerLaw& model, double m) {
    const double x1 = model.x.front(), y1 = model.y.front();
    const double x2 = model.x.back(), y2 = model.y.back();
    double xf = 0.0;
    if (y1 > y2 && y2 > 0.0) {
        const double q = std::pow(y2 / y1, 1.0 / m);  // (x2 − xf)/(x1 − xf)
        xf = (x2 - q * x1) / (1.0 - q);
    }
    xf = std::min(xf, x2 - 1e-3 * (x1 - x2 + 1e-12));
    const double b = y1 / std::pow(std::max(x1 - xf, 1e-12), m);
    return {b, xf, m};
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

    ScaledPowerLaw model;
    const double lo = options.lower_fraction * fit.max_load_N;
    const double hi = options.upper_fraction * fit.max_load_N;
    bool first = true;
    for (std::size_t i = unload_begin + options.skip_first_points; i < unload_end; ++i) {
        const double p = load_N[i], h = depth_m[i];
        if (!std::isfinite(p) || !std::isfinite(h) || p < lo || p > hi) continue;
        if (first) fit.first_row = i;
        first = false;
        fit.last_row = i;
        model.x.push_back(h / fit.max_depth_m);
        model.y.push_back(p / fit.max_load_N);
    }
    fit.points = model.x.size();
    if (fit.points < options.min_points) {
        throw AnalysisError(fmt::format(
            "fit_unloading: {} points between {:.4g} and {:.4g} of P_max = {:.6g} mN on the unload "
            "starting at row {}; need at least {}",
            fit.points, options.lower_fraction, options.upper_fraction, fit.max_load_N * 1e3,
            unload_begin + 1, options.min_points));
    }

    std::vector<double> best;
    double best_cost = std::numeric_limits<double>::infinity();
    for (const double m0 : {1.2, 1.5, 2.0}) {
        const auto p0 = start_values(model, m0);
        const double c = model.cost(p0);
        if (std::isfinite(c) && c < best_cost) {
            best_cost = c;
            best = p0;
        }
    }
    if (best.empty()) best = {1.0, 0.0, 1.5};

    const ResidualFunction f = [&model](const std::vector<double>& p, std::vector<double>& r) {
        model.residuals(p, r);
    };
    const JacobianFunction j = [&model](const std::vector<double>& p, std::vector<double>& J) {
        model.jacobian(p, J);
    };
    fit.summary = fit_nonlinear(f, model.x.size(), best, options.solver, j);

    const double b = fit.summary.parameters[0], xf = fit.summary.parameters[1];
    const double m = fit.summary.parameters[2];
    fit.exponent_m = m;
    fit.final_depth_m = xf * fit.max_depth_m;
    fit.prefactor_B = b * fit.max_load_N / std::pow(fit.max_depth_m, m);
    fit.residual_rms_N = fit.summary.residual_rms * fit.max_load_N;
    // dP/dh = (P_max/h_max)·dy/dx, evaluated at x = 1 (the unload start).
    fit.stiffness_N_per_m =
        xf < 1.0 ? fit.max_load_N / fit.max_depth_m * b * m * std::pow(1.0 - xf, m - 1.0)
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
        fit.status = "ok";
    }
    return fit;
}

}  // namespace vitrum::indent
