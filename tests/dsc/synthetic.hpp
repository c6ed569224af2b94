// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Synthetic DSC heating scans with analytically known constructions, for the dsc tests.
#pragma once

#include <cmath>
#include <cstddef>
#include <functional>
#include <random>
#include <vitrum/dsc/thermogram.hpp>

namespace vitrum::test {

/// 0 → 1 ramp, linear on [lo, hi], its two corners rounded by quadratics over ±c. Because the
/// rounding is symmetric about each corner, the straight part extended meets 0 at lo and 1 at hi
/// exactly, and the curve equals the unrounded ramp outside the corners.
inline double rounded_ramp(double T, double lo, double hi, double c) {
    const double s = 1.0 / (hi - lo);
    if (T <= lo - c) return 0.0;
    if (T < lo + c) return s * (T - lo + c) * (T - lo + c) / (4 * c);
    if (T <= hi - c) return s * (T - lo);
    if (T < hi + c) return 1.0 - s * (hi + c - T) * (hi + c - T) / (4 * c);
    return 1.0;
}

/// Gaussian of height h centred at Tp with width sigma.
inline double gaussian(double T, double Tp, double sigma, double h) {
    const double x = (T - Tp) / sigma;
    return h * std::exp(-0.5 * x * x);
}

/// A heating scan T0 → T1 at rate beta with `n` samples; heat flow (endotherm up, W/kg) from
/// `signal(T)` plus Gaussian noise of rms `noise` (seeded, reproducible).
inline dsc::Thermogram synthetic_scan(const std::function<double(double)>& signal, double T0_K,
                                      double T1_K, std::size_t n, double beta_K_per_s,
                                      double noise = 0.0, unsigned seed = 12345) {
    dsc::Thermogram t;
    t.per_mass = true;
    t.sample_mass_kg = 10e-6;
    std::mt19937 rng(seed);
    std::normal_distribution<double> gauss(0.0, 1.0);
    for (std::size_t i = 0; i < n; ++i) {
        const double T = T0_K + (T1_K - T0_K) * static_cast<double>(i) / static_cast<double>(n - 1);
        t.temperature_K.push_back(T);
        t.time_s.push_back((T - T0_K) / beta_K_per_s);
        t.heat_flow.push_back(signal(T) + (noise > 0.0 ? noise * gauss(rng) : 0.0));
    }
    return t;
}

/// 10 K/min [K/s].
inline constexpr double kTenKPerMin = 10.0 / 60.0;

}  // namespace vitrum::test
