// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <Eigen/Dense>
#include <algorithm>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <set>
#include <vitrum/cnt/crystallisation_fit.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/nonlinear_fit.hpp>

namespace vitrum::cnt {
namespace {

// Parameters inside the fit, all O(1): p0 = γ / γ_start, p1 = log10 viscosity factor,
// p2 = (T0 − T0_start) / 10 K.
struct Layout {
    bool scale = false;
    bool t0 = false;
    double gamma_start = 0.1;
    double t0_start = 0.0;
    std::size_t count() const { return 1 + (scale ? 1 : 0) + (t0 ? 1 : 0); }
};

CntModel apply(const CntModel& base, const Layout& layout, const std::vector<double>& p) {
    CntModel m = base;
    m.gamma = InterfacialEnergy{};
    m.gamma.model = InterfacialEnergyModel::fixed;
    m.gamma.value_J_per_m2 = p[0] * layout.gamma_start;
    std::size_t i = 1;
    if (layout.scale) {
        const double factor = std::pow(10.0, p[i++]);
        if (m.mobility.model == MobilityModel::vft) {
            m.mobility.eta0_Pa_s *= factor;
        } else {
            m.mobility.D0_m2_per_s /= factor;
        }
    }
    if (layout.t0) m.mobility.vft_T0_K = layout.t0_start + 10.0 * p[i];
    return m;
}

// The prediction, clamped to the ramp's ends where the model gives none, so that the root
// bracket and the residuals stay finite and ordered (too stable → T_m, too unstable → start).
double predict_clamped(const CntModel& model, const MeasuredCrystallisation& m,
                       const CrystallisationOptions& options) {
    const auto run = crystallise_on_heating(model, m.rate_K_per_s, options);
    const bool onset = m.measure == CrystallisationMeasure::onset;
    if (onset ? run.has_tx_onset : run.has_peak) return onset ? run.tx_onset_K : run.tp_K;
    const double tm = model.thermodynamics().melting_K;
    if (run.final_fraction < 0.5) return options.end_K > 0.0 ? options.end_K : tm;
    return options.start_K > 0.0 ? options.start_K : 0.5 * tm;
}

const char* measure_name(CrystallisationMeasure m) {
    return m == CrystallisationMeasure::onset ? "T_x (onset)" : "T_p (peak)";
}

}  // namespace

void CrystallisationFitOptions::validate() const {
    kinetics.validate();
    if (!(initial_gamma_J_per_m2 >= 0.0 && initial_gamma_J_per_m2 < 10.0)) {
        throw InvalidArgument(
            fmt::format("initial_gamma_J_per_m2 must be in [0, 10) J/m^2 (0 = solve), got {}",
                        initial_gamma_J_per_m2));
    }
}

double predicted_temperature_K(const CntModel& model, const MeasuredCrystallisation& measured,
                               const CrystallisationOptions& options) {
    CrystallisationOptions o = options;
    o.keep_curve = false;
    const auto run = crystallise_on_heating(model, measured.rate_K_per_s, o);
    const bool onset = measured.measure == CrystallisationMeasure::onset;
    if (onset ? run.has_tx_onset : run.has_peak) return onset ? run.tx_onset_K : run.tp_K;
    throw AnalysisError(fmt::format(
        "no crystallisation {} below T_m at {} K/min: the model stays glassy (X = {:.3g} at the "
        "end of the ramp)",
        measure_name(measured.measure), measured.rate_K_per_s * 60.0, run.final_fraction));
}

CrystallisationFit fit_crystallisation(const CntModel& model,
                                       const std::vector<MeasuredCrystallisation>& measurements,
                                       const CrystallisationFitOptions& options) {
    options.validate();
    Layout layout;
    layout.scale = options.fit_viscosity_scale;
    layout.t0 = options.fit_vft_T0;
    const std::size_t n = measurements.size();
    if (n < layout.count()) {
        throw InvalidArgument(
            fmt::format("fitting {} parameters needs at least {} measurements, got {}",
                        layout.count(), layout.count(), n));
    }
    for (const auto& m : measurements) {
        if (!(m.rate_K_per_s > 0.0) || !(m.temperature_K > 0.0) || !(m.sigma_K > 0.0)) {
            throw InvalidArgument(fmt::format(
                "measurement rate {} K/s, temperature {} K, sigma {} K: all must be > 0",
                m.rate_K_per_s, m.temperature_K, m.sigma_K));
        }
    }
    const MobilityModel mob = model.mobility.model;
    if (layout.scale && mob != MobilityModel::vft && mob != MobilityModel::arrhenius) {
        throw InvalidArgument(fmt::format(
            "fit_viscosity_scale needs a vft or arrhenius mobility, got {}", to_string(mob)));
    }
    if (layout.t0 && mob != MobilityModel::vft) {
        throw InvalidArgument(
            fmt::format("fit_vft_T0 needs a vft mobility, got {}", to_string(mob)));
    }
    layout.t0_start = model.mobility.vft_T0_K;
    CrystallisationOptions kinetics = options.kinetics;
    kinetics.keep_curve = false;

    // Start: the γ that reproduces the first measurement alone (T(γ) rises monotonically).
    double gamma0 = options.initial_gamma_J_per_m2;
    if (gamma0 == 0.0) {
        Layout one;
        one.gamma_start = 1.0;
        const auto excess = [&](double gamma) {
            std::vector<double> p = {gamma, 0.0, 0.0};
            return predict_clamped(apply(model, one, p), measurements.front(), kinetics) -
                   measurements.front().temperature_K;
        };
        const double lo = 0.01, hi = 1.0;
        const double f_lo = excess(lo), f_hi = excess(hi);
        if (!(f_lo < 0.0 && f_hi > 0.0)) {
            throw AnalysisError(fmt::format(
                "no gamma in [{}, {}] J/m^2 reproduces {} = {} K at {} K/min (model gives {:.1f} "
                "… {:.1f} K)",
                lo, hi, measure_name(measurements.front().measure),
                measurements.front().temperature_K, measurements.front().rate_K_per_s * 60.0,
                f_lo + measurements.front().temperature_K,
                f_hi + measurements.front().temperature_K));
        }
        std::uintmax_t iterations = 60;
        const auto [a, b] = boost::math::tools::toms748_solve(
            excess, lo, hi, f_lo, f_hi, boost::math::tools::eps_tolerance<double>(30), iterations);
        gamma0 = 0.5 * (a + b);
    }
    layout.gamma_start = gamma0;
    const std::size_t p_count = layout.count();

    const auto residuals = [&](const std::vector<double>& p, std::vector<double>& r) {
        const CntModel m = apply(model, layout, p);
        for (std::size_t i = 0; i < n; ++i) {
            r[i] = (predict_clamped(m, measurements[i], kinetics) - measurements[i].temperature_K) /
                   measurements[i].sigma_K;
        }
    };
    // Central differences with steps far above the quadrature's interpolation noise
    // (≈1e-3 K): 1e-3 in γ/γ₀ moves T_x by ~0.5 K.
    const std::vector<double> steps = {1e-3, 1e-2, 1e-2};
    const auto jacobian_at = [&](const std::vector<double>& p, std::vector<double>& jac) {
        std::vector<double> rp(n), rm(n), q = p;
        for (std::size_t j = 0; j < p_count; ++j) {
            const double hstep = j == 0 ? steps[0] : (layout.scale && j == 1 ? steps[1] : steps[2]);
            q[j] = p[j] + hstep;
            residuals(q, rp);
            q[j] = p[j] - hstep;
            residuals(q, rm);
            q[j] = p[j];
            for (std::size_t i = 0; i < n; ++i)
                jac[i * p_count + j] = (rp[i] - rm[i]) / (2 * hstep);
        }
    };
    std::vector<double> start(p_count, 0.0);
    start[0] = 1.0;
    NonlinearFitOptions fo;
    fo.x_tolerance = 1e-8;
    fo.g_tolerance = 1e-10;
    fo.f_tolerance = 1e-12;
    fo.max_iterations = 100;
    fo.std_errors = false;
    const NonlinearFitSummary s = fit_nonlinear(residuals, n, start, fo, jacobian_at);

    CrystallisationFit out;
    out.converged = s.converged;
    out.reason = s.reason;
    out.iterations = s.iterations;
    out.model = apply(model, layout, s.parameters);
    std::vector<double> r(n), jac(n * p_count);
    residuals(s.parameters, r);
    jacobian_at(s.parameters, jac);
    for (std::size_t i = 0; i < n; ++i) {
        out.chi_square += r[i] * r[i];
        out.predicted_K.push_back(measurements[i].temperature_K + r[i] * measurements[i].sigma_K);
    }
    out.degrees_of_freedom = n - p_count;
    Eigen::MatrixXd j(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(p_count));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < p_count; ++k)
            j(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) = jac[i * p_count + k];
    const Eigen::MatrixXd normal = j.transpose() * j;
    const Eigen::FullPivLU<Eigen::MatrixXd> lu(normal);
    const bool full_rank = lu.rank() == static_cast<Eigen::Index>(p_count);
    const Eigen::MatrixXd cov =
        full_rank ? Eigen::MatrixXd(lu.inverse())
                  : Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(p_count),
                                              static_cast<Eigen::Index>(p_count), NAN);
    // Back to physical units: γ = γ₀ p0, log10 factor = p1, T0 = T0_start + 10 K · p2.
    std::vector<FittedParameter> params;
    params.push_back({"gamma", "J/m^2", s.parameters[0] * gamma0, std::sqrt(cov(0, 0)) * gamma0});
    std::size_t idx = 1;
    if (layout.scale) {
        params.push_back(
            {"log10_viscosity_scale", "1", s.parameters[idx],
             std::sqrt(cov(static_cast<Eigen::Index>(idx), static_cast<Eigen::Index>(idx)))});
        ++idx;
    }
    if (layout.t0) {
        const auto e = static_cast<Eigen::Index>(idx);
        params.push_back({"vft_T0", "K", layout.t0_start + 10.0 * s.parameters[idx],
                          10.0 * std::sqrt(cov(e, e))});
    }
    out.parameters = params;
    out.correlation.assign(p_count, std::vector<double>(p_count, 0.0));
    double worst = 0.0;
    std::size_t wa = 0, wb = 0;
    for (std::size_t a = 0; a < p_count; ++a) {
        for (std::size_t b = 0; b < p_count; ++b) {
            const auto ea = static_cast<Eigen::Index>(a), eb = static_cast<Eigen::Index>(b);
            const double c = cov(ea, eb) / std::sqrt(cov(ea, ea) * cov(eb, eb));
            out.correlation[a][b] = c;
            if (a < b && std::abs(c) > worst) {
                worst = std::abs(c);
                wa = a;
                wb = b;
            }
        }
    }
    std::set<double> rates;
    for (const auto& m : measurements) rates.insert(m.rate_K_per_s);
    std::string text;
    if (p_count == 1) {
        text = fmt::format(
            "{} measurement(s) at {} heating rate(s) fix gamma only, for the driving force and "
            "viscosity assumed; the viscosity scale and T0 are not fitted, and a change in either "
            "would move gamma{}.",
            n, rates.size(), rates.size() == 1 ? " (a single rate cannot tell them apart)" : "");
        if (rates.size() > 1) {
            text += fmt::format(
                " The spread of T over rates tests the viscosity model: chi^2 = {:.3g} for {} "
                "degree(s) of freedom.",
                out.chi_square, out.degrees_of_freedom);
        }
    } else if (!full_rank || rates.size() < p_count) {
        text = fmt::format(
            "{} parameters from {} heating rate(s): not identifiable — the data fix at most {} "
            "combination(s) of them.",
            p_count, rates.size(), std::min(rates.size(), p_count));
    } else {
        text = fmt::format(
            "{} parameters from {} heating rates; largest correlation {} vs {}: "
            "{:.3f}",
            p_count, rates.size(), params[wa].name, params[wb].name, out.correlation[wa][wb]);
        text += worst > 0.95 ? " — the data fix one combination of these two, not each "
                               "(uncertainties are large and correlated)."
                             : " — each parameter is fixed by the data.";
    }
    out.identifiability = text;
    return out;
}

}  // namespace vitrum::cnt
