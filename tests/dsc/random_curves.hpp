// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Randomized DSC heating scans whose ISO 11357 constructions are known exactly, for the tests.
//
// Every event is a straight-edged piece (a ramp for a glass step, a triangle for a peak)
// convolved with a box kernel of half-width c. Convolution with a symmetric kernel leaves the
// straight parts (and their extensions) unchanged away from the corners, so:
//   - the tangent at the inflection of a step is the ramp itself: T_eig and T_efg are its ends,
//     T_mg their mean, the step height its rise;
//   - the leading (trailing) tangent of a triangle is its flank: T_ei (T_ef) are its ends;
//   - areas are unchanged: ΔH = height · base / 2 / β.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <random>
#include <string>
#include <vector>
#include <vitrum/dsc/thermogram.hpp>

namespace vitrum::test {

/// Piecewise-linear shape through knots (T [K], value), zero before the first knot; after the
/// last knot it is zero, or holds the last value when `hold` (a step).
struct LinearPiece {
    std::vector<double> T_K;
    std::vector<double> value;
    bool hold = false;

    /// ∫_{-∞}^{x} shape dT, exact [value · K].
    double integral_to(double x) const {
        double sum = 0.0;
        for (std::size_t k = 0; k + 1 < T_K.size(); ++k) {
            if (x <= T_K[k]) break;
            const double u = std::min(x, T_K[k + 1]) - T_K[k];
            const double slope = (value[k + 1] - value[k]) / (T_K[k + 1] - T_K[k]);
            sum += value[k] * u + 0.5 * slope * u * u;
        }
        if (hold && x > T_K.back()) sum += value.back() * (x - T_K.back());
        return sum;
    }
    /// The shape convolved with a box of half-width c: (F(x + c) − F(x − c)) / 2c [value].
    double smoothed(double x, double c) const {
        return (integral_to(x + c) - integral_to(x - c)) / (2.0 * c);
    }
};

enum class EventType { step, exotherm, endotherm };

/// One event and its exact ISO answer.
struct ExpectedEvent {
    EventType type = EventType::exotherm;
    double onset_K = 0.0;  ///< T_eig of a step, T_ei of a peak [K]
    double end_K = 0.0;    ///< T_efg of a step, T_ef of a peak [K]
    double peak_K = 0.0;   ///< apex of a triangle [K]
    /// Δc_p of a step [J/(kg K), or J/K without mass]; ΔH of a peak [J/kg, or J] (positive).
    double magnitude = 0.0;
    double height = 0.0;     ///< step rise or triangle height, endotherm-up sign [W/kg]
    bool overshoot = false;  ///< a step followed by an enthalpy-recovery overshoot
};

/// A generated scan with its answers and the noise level relative to the smallest event.
struct RandomCurve {
    dsc::Thermogram thermogram;
    std::vector<ExpectedEvent> events;  ///< in temperature order
    double noise_fraction = 0.0;        ///< rms noise / smallest event height [1]
    double beta_K_per_s = 0.0;
    double spacing_K = 0.0;
    double kernel_half_width_K = 0.0;
    std::string summary;  ///< one line describing the draw, for failure messages
};

/// Draws one curve from `seed` (deterministic: std::mt19937 with explicit transformations, so
/// every platform draws the same curve).
inline RandomCurve random_curve(unsigned seed) {
    std::mt19937 rng(seed);
    const auto uniform = [&](double lo, double hi) {
        // 53-bit uniform in [0, 1) from two draws, independent of the standard library's
        // distributions (whose algorithms are implementation-defined).
        const double u =
            (static_cast<double>(rng() >> 5) * 67108864.0 + static_cast<double>(rng() >> 6)) /
            9007199254740992.0;
        return lo + (hi - lo) * u;
    };
    const auto log_uniform = [&](double lo, double hi) {
        return std::exp(uniform(std::log(lo), std::log(hi)));
    };
    const auto chance = [&](double p) { return uniform(0.0, 1.0) < p; };

    RandomCurve rc;
    const double beta_K_per_min = log_uniform(1.0, 100.0);
    rc.beta_K_per_s = beta_K_per_min / 60.0;
    rc.spacing_K = log_uniform(0.02, 0.5);
    static const double kNoiseTiers[] = {0.0, 0.005, 0.02, 0.03};
    rc.noise_fraction = kNoiseTiers[rng() % 4];
    const bool has_step = chance(0.75);
    const bool overshoot = has_step && chance(0.4);
    const int n_exo = static_cast<int>(rng() % 4);
    const bool has_melt = chance(0.35) || (!has_step && n_exo == 0);
    const bool exo_up = chance(0.5);
    const bool with_mass = chance(0.5);  // W/kg, or W with the mass kept aside

    // Sizes: Δc_p of the step 0.1–0.6 J/(g K); the heat flow scales with β.
    const double dcp_J_per_kgK = uniform(100.0, 600.0);
    const double step_W_per_kg = dcp_J_per_kgK * rc.beta_K_per_s;

    std::vector<LinearPiece> pieces;
    double T = uniform(350.0, 700.0);
    const double T_start = T;
    T += uniform(30.0, 50.0);
    double shortest = 1e9;
    if (has_step) {
        const double w = uniform(6.0, 25.0);
        ExpectedEvent e;
        e.type = EventType::step;
        e.onset_K = T;
        e.end_K = T + w;
        e.magnitude = dcp_J_per_kgK;
        e.height = step_W_per_kg;
        e.overshoot = overshoot;
        pieces.push_back({{T, T + w}, {0.0, step_W_per_kg}, true});
        shortest = std::min(shortest, w);
        T += w;
        if (overshoot) {
            // Rises at most half as steeply as the ramp, so the greatest slope stays on the ramp.
            const double h_o = uniform(0.15, 0.5) * step_W_per_kg;
            const double rise = std::max(2.0, uniform(2.0, 3.0) * (h_o / step_W_per_kg) * w);
            const double fall = uniform(2.0, 6.0);
            pieces.push_back({{T, T + rise, T + rise + fall}, {0.0, h_o, 0.0}, false});
            shortest = std::min(shortest, fall);
            T += rise + fall;
        }
        rc.events.push_back(e);
        T += std::max(uniform(15.0, 45.0), 0.8 * w);
    }
    double smallest = has_step ? step_W_per_kg : 1e300;
    const double reference = has_step ? step_W_per_kg : uniform(50.0, 600.0) * rc.beta_K_per_s;
    for (int k = 0; k < n_exo; ++k) {
        const double h = reference * log_uniform(1.0, 100.0);
        const double rise = uniform(3.0, 15.0), fall = uniform(3.0, 15.0);
        ExpectedEvent e;
        e.type = EventType::exotherm;
        e.onset_K = T;
        e.peak_K = T + rise;
        e.end_K = T + rise + fall;
        e.height = -h;
        e.magnitude = h * (rise + fall) / 2.0 / rc.beta_K_per_s;
        pieces.push_back({{e.onset_K, e.peak_K, e.end_K}, {0.0, -h, 0.0}, false});
        shortest = std::min({shortest, rise, fall});
        smallest = std::min(smallest, h);
        rc.events.push_back(e);
        const double gap = chance(0.4) ? uniform(3.0, 5.0) : uniform(5.0, 25.0);
        T = e.end_K + (k + 1 < n_exo ? gap : uniform(20.0, 40.0));
        if (k + 1 < n_exo) shortest = std::min(shortest, gap);
    }
    if (has_melt) {
        const double h = reference * log_uniform(2.0, 100.0);
        const double rise = uniform(5.0, 20.0), fall = uniform(3.0, 6.0);
        T += uniform(0.0, 20.0);
        ExpectedEvent e;
        e.type = EventType::endotherm;
        e.onset_K = T;
        e.peak_K = T + rise;
        e.end_K = T + rise + fall;
        e.height = h;
        e.magnitude = h * (rise + fall) / 2.0 / rc.beta_K_per_s;
        pieces.push_back({{e.onset_K, e.peak_K, e.end_K}, {0.0, h, 0.0}, false});
        shortest = std::min({shortest, rise, fall});
        smallest = std::min(smallest, h);
        rc.events.push_back(e);
        T = e.end_K;
    }
    const double T_end = T + uniform(30.0, 50.0);

    // The kernel spans at least three samples (an instrument's time constant smooths the
    // signal at the sampling rate) and leaves most of the shortest straight piece straight.
    const double c_lo = std::max(0.2, 1.5 * rc.spacing_K);
    const double c = std::max(c_lo, uniform(c_lo, std::max(c_lo, 0.3 * shortest)));
    rc.kernel_half_width_K = c;
    // Baseline: any slope, up to a tenth of the smallest event per kelvin either way.
    const double offset = uniform(-5.0, 5.0) * smallest;
    const double slope = uniform(-0.1, 0.1) * smallest;
    const double noise = rc.noise_fraction * smallest;

    dsc::Thermogram& th = rc.thermogram;
    const std::size_t n = static_cast<std::size_t>((T_end - T_start) / rc.spacing_K) + 1;
    const double mass_kg = uniform(2e-6, 40e-6);
    th.per_mass = with_mass;
    th.sample_mass_kg = mass_kg;
    th.endotherm = exo_up ? dsc::EndothermDirection::down : dsc::EndothermDirection::up;
    th.time_s.reserve(n);
    th.temperature_K.reserve(n);
    th.heat_flow.reserve(n);
    const double kTwoPi = 6.283185307179586;
    const auto gauss = [&] {  // Box–Muller on the portable uniform
        const double u1 = uniform(1e-300, 1.0), u2 = uniform(0.0, 1.0);
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(kTwoPi * u2);
    };
    for (std::size_t i = 0; i < n; ++i) {
        const double Ti = T_start + rc.spacing_K * static_cast<double>(i);
        double y = offset + slope * (Ti - T_start);
        for (const auto& p : pieces) y += p.smoothed(Ti, c);
        if (noise > 0.0) y += noise * gauss();
        const double scale = with_mass ? 1.0 : mass_kg;
        th.temperature_K.push_back(Ti);
        th.time_s.push_back((Ti - T_start) / rc.beta_K_per_s);
        th.heat_flow.push_back((exo_up ? -y : y) * scale);
    }
    if (!with_mass) {
        for (auto& e : rc.events) e.magnitude *= mass_kg;
    }
    rc.summary = "seed " + std::to_string(seed) + ": " + std::to_string(beta_K_per_min) +
                 " K/min, spacing " + std::to_string(rc.spacing_K) + " K, c " + std::to_string(c) +
                 " K, noise " + std::to_string(rc.noise_fraction) + (has_step ? ", step" : "") +
                 (overshoot ? "+overshoot" : "") + ", " + std::to_string(n_exo) + " exo" +
                 (has_melt ? ", melt" : "") + (exo_up ? ", exo up" : ", exo down") +
                 (with_mass ? ", W/kg" : ", W");
    return rc;
}

}  // namespace vitrum::test
