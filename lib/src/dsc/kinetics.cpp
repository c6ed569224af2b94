// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/kinetics.hpp>

namespace vitrum::dsc {

namespace {

void check_points(const std::vector<RatePoint>& points, const char* method) {
    if (points.size() < 3) {
        throw InvalidArgument(fmt::format(
            "{}: need at least 3 runs at different heating rates, got {}", method, points.size()));
    }
    std::vector<double> rates;
    for (const auto& p : points) {
        if (!(p.heating_rate_K_per_s > 0.0) || !(p.temperature_K > 0.0) ||
            !std::isfinite(p.heating_rate_K_per_s) || !std::isfinite(p.temperature_K)) {
            throw InvalidArgument(fmt::format(
                "{}: heating rate and temperature must be finite and > 0, got {} K/s at {} K",
                method, p.heating_rate_K_per_s, p.temperature_K));
        }
        rates.push_back(p.heating_rate_K_per_s);
    }
    std::sort(rates.begin(), rates.end());
    std::size_t distinct = 1;
    for (std::size_t i = 1; i < rates.size(); ++i) {
        if (rates[i] > rates[i - 1] * (1.0 + 1e-6)) ++distinct;
    }
    if (distinct < 3) {
        throw InvalidArgument(
            fmt::format("{}: need at least 3 different heating rates, got {}", method, distinct));
    }
}

ActivationEnergyResult fit(const std::vector<RatePoint>& points, bool kissinger_form,
                           const char* method) {
    check_points(points, method);
    ActivationEnergyResult r;
    for (const auto& p : points) {
        r.x_inverse_K.push_back(1.0 / p.temperature_K);
        r.y.push_back(kissinger_form
                          ? std::log(p.heating_rate_K_per_s / (p.temperature_K * p.temperature_K))
                          : std::log(p.heating_rate_K_per_s));
    }
    r.fit = fit_line(r.x_inverse_K, r.y);
    r.r_squared = r.fit.r_squared;
    if (!(r.fit.slope < 0.0)) {
        throw AnalysisError(fmt::format(
            "{}: temperature does not rise with heating rate (slope {} K); no activation energy",
            method, r.fit.slope));
    }
    return r;
}

}  // namespace

ActivationEnergyResult kissinger(const std::vector<RatePoint>& points) {
    ActivationEnergyResult r = fit(points, true, "kissinger");
    const double R = kGasConstant_J_per_mol_K;
    r.activation_energy_J_per_mol = -R * r.fit.slope;
    r.activation_energy_stderr_J_per_mol = R * r.fit.slope_stderr;
    r.ln_preexponential_per_s = std::log(r.activation_energy_J_per_mol / R) + r.fit.intercept;
    return r;
}

ActivationEnergyResult ozawa_flynn_wall(const std::vector<RatePoint>& points) {
    ActivationEnergyResult r = fit(points, false, "ozawa-flynn-wall");
    const double R = kGasConstant_J_per_mol_K;
    // Doyle: ln p(E/RT) ≈ −5.331 − 1.052·E/(RT), hence the 1.052 on the slope.
    r.activation_energy_J_per_mol = -R * r.fit.slope / 1.052;
    r.activation_energy_stderr_J_per_mol = R * r.fit.slope_stderr / 1.052;
    std::vector<RatePoint> sorted = points;
    std::sort(sorted.begin(), sorted.end(), [](const RatePoint& a, const RatePoint& b) {
        return a.heating_rate_K_per_s < b.heating_rate_K_per_s;
    });
    const RatePoint& mid = sorted[sorted.size() / 2];
    const double E = r.activation_energy_J_per_mol;
    r.ln_preexponential_per_s =
        std::log(mid.heating_rate_K_per_s * E / (R * mid.temperature_K * mid.temperature_K)) +
        E / (R * mid.temperature_K);
    return r;
}

}  // namespace vitrum::dsc
