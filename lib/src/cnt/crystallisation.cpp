// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vitrum/cnt/crystallisation.hpp>
#include <vitrum/core/error.hpp>

namespace vitrum::cnt {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Mean of a positive quantity over a step, exact when it varies exponentially (I and U change by
// orders of magnitude over a scan; the logarithmic mean keeps the step error second order in
// the change of their logarithm, not of their value).
double log_mean(double a, double b) {
    if (!(a > 0.0) || !(b > 0.0)) return 0.5 * (a + b);
    const double r = std::log(b / a);
    if (std::abs(r) < 1e-8) return 0.5 * (a + b);
    return (b - a) / r;
}

KineticRates rates_at(const CntModel& model, double temperature_K) {
    const CntPoint p = evaluate(model, temperature_K);
    KineticRates r;
    if (p.state != NucleationState::nucleating) return r;
    if (std::isfinite(p.nucleation_rate_per_m3_s) && p.nucleation_rate_per_m3_s > 0.0)
        r.nucleation_per_m3_s = p.nucleation_rate_per_m3_s;
    if (std::isfinite(p.growth_rate_m_per_s) && p.growth_rate_m_per_s > 0.0)
        r.growth_m_per_s = p.growth_rate_m_per_s;
    // Kashchiev's series I(t) = I_s[1 + 2Σ(−1)^n exp(−n²t/τ)], τ = 4/(π³Z²k*), accumulates
    // nuclei as I_s(t − π²τ/6) at long times; a single relaxation with that time lag
    // θ = 2/(3πZ²k*) has the same asymptote.
    const double zk = p.zeldovich * p.zeldovich * p.attachment_rate_per_s;
    if (zk > 0.0 && std::isfinite(zk)) r.lag_s = 2.0 / (3.0 * kPi * zk);
    return r;
}

// Characteristic temperatures from X and |dX/dT| on the uniform grid T_k = T_0 + s·h·k.
void find_features(const std::vector<double>& temperature, const std::vector<double>& fraction,
                   const std::vector<double>& slope, double onset_fraction,
                   CrystallisationResult& out) {
    const std::size_t n = temperature.size();
    if (n < 3) return;
    const double step = temperature[1] - temperature[0];  // signed
    const auto at_index = [&](double index) { return temperature[0] + step * index; };
    for (std::size_t k = 1; k < n; ++k) {
        if (fraction[k] < onset_fraction) continue;
        const double a = fraction[k - 1], b = fraction[k];
        // X grows about exponentially before the onset: interpolate in ln X.
        const double w = a > 0.0 ? std::log(onset_fraction / a) / std::log(b / a)
                                 : (onset_fraction - a) / (b - a);
        out.has_tx_fraction = true;
        out.tx_fraction_K = at_index(static_cast<double>(k - 1) + std::clamp(w, 0.0, 1.0));
        break;
    }
    // An exotherm too small to reach the detectable fraction has no peak or onset to report.
    if (!out.has_tx_fraction) return;
    const std::size_t kp =
        static_cast<std::size_t>(std::max_element(slope.begin(), slope.end()) - slope.begin());
    if (kp == 0 || kp + 1 >= n || !(slope[kp] > 0.0)) return;
    const auto vertex = [](double fm, double f0, double fp) {
        const double curvature = fm - 2.0 * f0 + fp;
        return curvature < 0.0 ? std::clamp(0.5 * (fm - fp) / curvature, -0.5, 0.5) : 0.0;
    };
    out.has_peak = true;
    const double offset = vertex(slope[kp - 1], slope[kp], slope[kp + 1]);
    out.tp_K = at_index(static_cast<double>(kp) + offset);
    out.peak_fraction_per_K = slope[kp];
    // Leading inflection: the largest increase of dX/dT per step before the peak.
    std::size_t ki = 0;
    double best = 0.0;
    for (std::size_t j = 1; j < kp; ++j) {
        const double rise = 0.5 * (slope[j + 1] - slope[j - 1]);
        if (rise > best) {
            best = rise;
            ki = j;
        }
    }
    if (ki < 2 || ki + 2 > kp) return;
    const auto rise_at = [&](std::size_t j) { return 0.5 * (slope[j + 1] - slope[j - 1]); };
    const double di = vertex(rise_at(ki - 1), rise_at(ki), rise_at(ki + 1));
    const double index = static_cast<double>(ki) + di;
    const std::size_t lo = di < 0.0 ? ki - 1 : ki;
    const double w = index - static_cast<double>(lo);
    const double f = slope[lo] + w * (slope[lo + 1] - slope[lo]);
    const double g = rise_at(lo) + w * (rise_at(lo + 1) - rise_at(lo));
    if (!(g > 0.0)) return;
    out.has_tx_onset = true;
    out.tx_onset_K = at_index(index - f / g);
}

CrystallisationResult run_ramp(const CntModel& model, double rate_K_per_s,
                               const CrystallisationOptions& options, bool heating) {
    options.validate();
    if (model.mobility.model == MobilityModel::none) {
        throw InvalidArgument(
            "crystallisation needs a mobility (viscosity or diffusivity) model; got none");
    }
    const Thermodynamics& thermo = model.thermodynamics();
    const double tm = thermo.melting_K;
    const double start = options.start_K > 0.0 ? options.start_K : (heating ? 0.5 * tm : tm);
    const double end = options.end_K > 0.0 ? options.end_K : (heating ? tm : 0.4 * tm);
    if (heating ? !(start < end) : !(start > end)) {
        throw InvalidArgument(
            fmt::format("crystallisation: start_K = {} K and end_K = {} K do not make a {} ramp",
                        start, end, heating ? "heating" : "cooling"));
    }
    return crystallise_on_ramp(
        [&](double t) { return rates_at(model, t); }, start, end, rate_K_per_s,
        thermo.enthalpy_of_fusion_J_per_mol / thermo.molar_volume_m3_per_mol, options);
}

}  // namespace

CrystallisationResult crystallise_on_ramp(const RateFunction& rates, double start_K, double end_K,
                                          double rate_K_per_s, double enthalpy_J_per_m3,
                                          const CrystallisationOptions& options) {
    options.validate();
    const double start = start_K, end = end_K;
    const bool heating = end_K > start_K;
    if (!(start_K > 0.0 && end_K > 0.0 && start_K != end_K && std::isfinite(start_K) &&
          std::isfinite(end_K))) {
        throw InvalidArgument(fmt::format(
            "crystallisation: start_K = {} K and end_K = {} K do not make a ramp", start_K, end_K));
    }
    if (!(rate_K_per_s > 0.0 && rate_K_per_s <= 1e12)) {
        throw InvalidArgument(fmt::format(
            "crystallisation: rate_K_per_s must be in (0, 1e12] K/s, got {}", rate_K_per_s));
    }
    const double span = std::abs(end - start);
    const auto steps = static_cast<std::size_t>(std::ceil(span / options.step_K));
    if (steps > 50'000'000) {
        throw InvalidArgument(fmt::format(
            "crystallisation: {} steps of step_K = {} K is more than 5e7", steps, options.step_K));
    }
    const double h = span / static_cast<double>(steps);
    const double sign = heating ? 1.0 : -1.0;
    const double dt = h / rate_K_per_s;
    const bool saturated = options.nucleation == NucleationMode::site_saturation;
    const bool transient = options.nucleation == NucleationMode::transient;

    CrystallisationResult out;
    out.rate_K_per_s = rate_K_per_s;
    out.heating = heating;
    std::vector<double> temperature, fraction, slope;
    temperature.reserve(steps + 1);
    fraction.reserve(steps + 1);
    slope.reserve(steps + 1);
    // Moments A_k = ∫ I(t')(R(t) − R(t'))^k dt' of the nuclei born so far, R = ∫U dt.
    double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0, radius = 0.0;
    KineticRates prev = rates(start);
    double nucleation_prev = transient ? 0.0 : prev.nucleation_per_m3_s;
    const auto record = [&](double t, double time, double x_ext, double growth, double nucleation) {
        const double rate_ext =
            saturated ? 4.0 * kPi * options.preexisting_nuclei_per_m3 * radius * radius * growth
                      : 4.0 * kPi * growth * a2;
        const double x = -std::expm1(-x_ext);
        const double dx_dt = std::exp(-x_ext) * rate_ext;
        temperature.push_back(t);
        fraction.push_back(x);
        slope.push_back(dx_dt / rate_K_per_s);
        if (options.keep_curve) {
            out.curve.push_back(
                {t, time, x, dx_dt / rate_K_per_s, enthalpy_J_per_m3 * dx_dt, nucleation, growth});
        }
        return x;
    };
    record(start, 0.0, 0.0, prev.growth_m_per_s, nucleation_prev);
    for (std::size_t k = 1; k <= steps; ++k) {
        const double t = start + sign * h * static_cast<double>(k);
        const KineticRates cur = rates(t);
        double nucleation = cur.nucleation_per_m3_s;
        if (transient) {
            nucleation = cur.nucleation_per_m3_s +
                         (nucleation_prev - cur.nucleation_per_m3_s) * std::exp(-dt / cur.lag_s);
        }
        const double delta = dt * log_mean(prev.growth_m_per_s, cur.growth_m_per_s);
        // Nuclei already present grow by δ: (x + δ)^k expanded; every term is positive.
        a3 += delta * (3.0 * a2 + delta * (3.0 * a1 + delta * a0));
        a2 += delta * (2.0 * a1 + delta * a0);
        a1 += delta * a0;
        // Nuclei born in this step, with R linear across it: ∫(δ(1 − s))^k ds = δ^k/(k + 1).
        const double born = dt * log_mean(nucleation_prev, nucleation);
        a0 += born;
        a1 += born * delta / 2.0;
        a2 += born * delta * delta / 3.0;
        a3 += born * delta * delta * delta / 4.0;
        radius += delta;
        const double x_ext = saturated ? 4.0 * kPi / 3.0 * options.preexisting_nuclei_per_m3 *
                                             radius * radius * radius
                                       : 4.0 * kPi / 3.0 * a3;
        const double x =
            record(t, dt * static_cast<double>(k), x_ext, cur.growth_m_per_s, nucleation);
        prev = cur;
        nucleation_prev = nucleation;
        if (x > 1.0 - 1e-9) break;
    }
    out.final_fraction = fraction.back();
    find_features(temperature, fraction, slope, options.onset_fraction, out);
    return out;
}

const char* to_string(NucleationMode mode) {
    switch (mode) {
        case NucleationMode::continuous:
            return "continuous";
        case NucleationMode::site_saturation:
            return "site-saturation";
        case NucleationMode::transient:
            return "transient";
    }
    return "unknown";
}

void CrystallisationOptions::validate() const {
    if (!(onset_fraction > 0.0 && onset_fraction < 1.0)) {
        throw InvalidArgument(
            fmt::format("onset_fraction must be in (0, 1), got {}", onset_fraction));
    }
    if (!(step_K > 0.0 && step_K <= 10.0)) {
        throw InvalidArgument(fmt::format("step_K must be in (0, 10] K, got {}", step_K));
    }
    if (!(start_K >= 0.0) || !(end_K >= 0.0) || !std::isfinite(start_K) || !std::isfinite(end_K)) {
        throw InvalidArgument(fmt::format(
            "start_K ({}) and end_K ({}) must be >= 0 K (0 = default)", start_K, end_K));
    }
    if (nucleation == NucleationMode::site_saturation &&
        !(preexisting_nuclei_per_m3 > 0.0 && std::isfinite(preexisting_nuclei_per_m3))) {
        throw InvalidArgument(
            fmt::format("preexisting_nuclei_per_m3 must be > 0 for site saturation, got {}",
                        preexisting_nuclei_per_m3));
    }
}

CrystallisationResult crystallise_on_heating(const CntModel& model, double rate_K_per_s,
                                             const CrystallisationOptions& options) {
    return run_ramp(model, rate_K_per_s, options, true);
}

CrystallisationResult crystallise_on_cooling(const CntModel& model, double rate_K_per_s,
                                             const CrystallisationOptions& options) {
    return run_ramp(model, rate_K_per_s, options, false);
}

double critical_cooling_rate_K_per_s(const CntModel& model, double fraction,
                                     const CrystallisationOptions& options) {
    if (!(fraction > 0.0 && fraction < 1.0)) {
        throw InvalidArgument(fmt::format("fraction must be in (0, 1), got {}", fraction));
    }
    CrystallisationOptions o = options;
    o.keep_curve = false;
    const auto crystallises = [&](double log_q) {
        return crystallise_on_cooling(model, std::pow(10.0, log_q), o).final_fraction >= fraction;
    };
    double lo = -6.0, hi = 12.0;
    if (crystallises(hi)) {
        throw AnalysisError(fmt::format(
            "critical cooling rate: even 1e12 K/s crystallises more than X = {}", fraction));
    }
    if (!crystallises(lo)) {
        throw AnalysisError(fmt::format(
            "critical cooling rate: even 1e-6 K/s keeps X below {}: the liquid does not "
            "crystallise on cooling in this model",
            fraction));
    }
    while (hi - lo > 4.3e-4) {  // 1e-3 relative in q
        const double mid = 0.5 * (lo + hi);
        (crystallises(mid) ? lo : hi) = mid;
    }
    return std::pow(10.0, 0.5 * (lo + hi));
}

KissingerPrediction predicted_kissinger(const CntModel& model,
                                        const std::vector<double>& rates_K_per_s,
                                        const CrystallisationOptions& options) {
    CrystallisationOptions o = options;
    o.keep_curve = false;
    KissingerPrediction out;
    for (const double rate : rates_K_per_s) {
        const auto run = crystallise_on_heating(model, rate, o);
        if (run.has_peak) out.points.push_back({rate, run.tp_K});
    }
    if (out.points.size() < 2) {
        throw AnalysisError(fmt::format(
            "predicted Kissinger plot: only {} of {} heating rates give a crystallisation peak "
            "below T_m",
            out.points.size(), rates_K_per_s.size()));
    }
    double sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0;
    const double n = static_cast<double>(out.points.size());
    for (const auto& p : out.points) {
        const double x = 1.0 / p.tp_K;
        const double y = std::log(p.rate_K_per_s / (p.tp_K * p.tp_K));
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    out.activation_J_per_mol = -slope * kGas_J_per_mol_K;
    out.intercept = (sy - slope * sx) / n;
    return out;
}

}  // namespace vitrum::cnt
