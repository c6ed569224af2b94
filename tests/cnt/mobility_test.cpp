// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/cnt/driving_force.hpp>
#include <vitrum/cnt/mobility.hpp>
#include <vitrum/core/error.hpp>

#include "check.hpp"

using namespace vitrum::cnt;

namespace {

// Vit1 VFT of Masuhr/Busch as quoted in cnt.md §2.2: η₀ = 4e-5 Pa s, D* = 18.5, T₀ = 412.5 K.
Mobility vit1_vft() {
    Mobility m;
    m.model = MobilityModel::vft;
    m.eta0_Pa_s = 4e-5;
    m.vft_D = 18.5;
    m.vft_T0_K = 412.5;
    return m;
}

constexpr double kLambda = 2.8e-10;
constexpr double kPi = 3.14159265358979323846;

}  // namespace

TEST_CASE("Vit1 VFT viscosities match the published values at 625, 700 and 937 K") {
    // cnt.md §4.3 item 6 [computed]: 1.579e11 and 1.348e7 Pa s (4 s.f. → 3e-4), 83.3 Pa s (3 s.f. →
    // 6e-4).
    const auto m = vit1_vft();
    CHECK_REL(m.viscosity_Pa_s(625.0, kLambda), 1.579e11, 3e-4);
    CHECK_REL(m.viscosity_Pa_s(700.0, kLambda), 1.348e7, 3e-4);
    CHECK_REL(m.viscosity_Pa_s(937.0, kLambda), 83.3, 6e-4);
    CHECK(std::isinf(m.viscosity_Pa_s(400.0, kLambda)));
}

TEST_CASE("the VFT in (T12, m) form reproduces the classic VFT exactly") {
    // Mauro et al. 2009: T₀ = T₁₂(1 − A/m) and B = A²T₁₂/m with A = 12 − log₁₀η∞, so the same
    // curve follows from T₁₂ = T₀ + B/A and m = B T₁₂/(T₁₂ − T₀)²; exact algebra → 1e-12.
    const auto vft = vit1_vft();
    const double log_inf = std::log10(vft.eta0_Pa_s);
    const double a = 12.0 - log_inf;
    const double b = vft.vft_D * vft.vft_T0_K / std::log(10.0);
    Mobility alt;
    alt.model = MobilityModel::vft_t12_m;
    alt.log10_eta_inf = log_inf;
    alt.T12_K = vft.vft_T0_K + b / a;
    alt.fragility = b * alt.T12_K / ((alt.T12_K - vft.vft_T0_K) * (alt.T12_K - vft.vft_T0_K));
    // cnt.md §2.2 [computed]: T(η = 1e12) = 614.6 K (4 s.f.), m = 49.9 (3 s.f.).
    CHECK_REL(alt.T12_K, 614.6, 2e-4);
    CHECK_REL(alt.fragility, 49.9, 2e-3);
    for (double t : {600.0, 625.0, 700.0, 937.0}) {
        CHECK_REL(alt.viscosity_Pa_s(t, kLambda), vft.viscosity_Pa_s(t, kLambda), 1e-12);
    }
}

TEST_CASE("MYEGA passes through 1e12 Pa s at T12 with slope m in the Angell plot") {
    Mobility m;
    m.model = MobilityModel::myega;
    m.log10_eta_inf = -4.4;
    m.T12_K = 614.6;
    m.fragility = 49.9;
    CHECK_REL(m.viscosity_Pa_s(614.6, kLambda), 1e12, 1e-12);
    // m = d log₁₀η / d(T₁₂/T) at T₁₂; central difference with h = 1e-5 → truncation ~1e-9.
    const double h = 1e-5;
    const double up = std::log10(m.viscosity_Pa_s(614.6 / (1.0 + h), kLambda));
    const double down = std::log10(m.viscosity_Pa_s(614.6 / (1.0 - h), kLambda));
    CHECK_REL((up - down) / (2.0 * h), 49.9, 1e-7);
}

TEST_CASE("Stokes–Einstein links viscosity and diffusivity both ways") {
    const auto m = vit1_vft();
    const double t = 700.0;
    const double d = m.diffusivity_m2_per_s(t, kLambda);
    CHECK_REL(d, kBoltzmann_J_per_K * t / (3.0 * kPi * kLambda * m.viscosity_Pa_s(t, kLambda)),
              1e-14);
    Mobility arr;
    arr.model = MobilityModel::arrhenius;
    arr.D0_m2_per_s = 1e-6;
    arr.activation_J_per_mol = 150e3;
    const double d_arr = 1e-6 * std::exp(-150e3 / (kGas_J_per_mol_K * t));
    CHECK_REL(arr.diffusivity_m2_per_s(t, kLambda), d_arr, 1e-14);
    CHECK_REL(arr.viscosity_Pa_s(t, kLambda),
              kBoltzmann_J_per_K * t / (3.0 * kPi * kLambda * d_arr), 1e-14);
}

TEST_CASE("invalid mobility parameters and names are refused by name") {
    auto m = vit1_vft();
    m.eta0_Pa_s = -1.0;
    CHECK_THROWS_WITH_AS(m.validate(), doctest::Contains("eta0"), vitrum::InvalidArgument);
    Mobility my;
    my.model = MobilityModel::myega;
    my.log10_eta_inf = 13.0;
    my.T12_K = 600.0;
    my.fragility = 40.0;
    CHECK_THROWS_WITH_AS(my.validate(), doctest::Contains("log10_eta_inf"),
                         vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(parse_mobility_model("avramov"), doctest::Contains("allowed"),
                         vitrum::InvalidArgument);
}
