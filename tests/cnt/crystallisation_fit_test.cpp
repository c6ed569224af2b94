// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/cnt/crystallisation_fit.hpp>
#include <vitrum/core/error.hpp>

#include "check.hpp"

using namespace vitrum::cnt;

namespace {

// Cu50Zr50 of share/materials/cu50zr50.json (cnt.md §2.1) with a fixed γ.
CntModel cuzr(double gamma_J_per_m2) {
    Thermodynamics t;
    t.melting_K = 1208.0;
    t.enthalpy_of_fusion_J_per_mol = 12000.0;
    t.molar_volume_m3_per_mol = 1.0432e-5;
    CntModel m;
    m.driving_force = DrivingForce(DrivingForceModel::thompson_spaepen, t);
    m.gamma.model = InterfacialEnergyModel::fixed;
    m.gamma.value_J_per_m2 = gamma_J_per_m2;
    m.mobility.model = MobilityModel::vft;
    m.mobility.eta0_Pa_s = 4e-5;
    m.mobility.vft_D = 13.6;
    m.mobility.vft_T0_K = 492.58;
    return m;
}

std::vector<MeasuredCrystallisation> simulate(const CntModel& m, double sigma_K) {
    std::vector<MeasuredCrystallisation> out;
    for (double per_min : {5.0, 10.0, 20.0, 40.0}) {
        MeasuredCrystallisation x;
        x.rate_K_per_s = per_min / 60.0;
        x.sigma_K = sigma_K;
        x.temperature_K = predicted_temperature_K(m, x);
        out.push_back(x);
    }
    return out;
}

}  // namespace

TEST_CASE("fitting gamma to simulated Tx(beta) recovers it within its stated uncertainty") {
    const double gamma = 0.155;
    const auto data = simulate(cuzr(gamma), 2.0);
    for (std::size_t j = 1; j < data.size(); ++j)
        CHECK(data[j].temperature_K > data[j - 1].temperature_K);
    // Start from a wrong γ (the combo-b value): the root finder and the fit must find it.
    const auto fit = fit_crystallisation(cuzr(0.20), data);
    REQUIRE(fit.converged);
    REQUIRE(fit.parameters.size() == 1);
    CHECK(fit.parameters[0].sigma > 0.0);
    CHECK(std::abs(fit.parameters[0].value - gamma) < fit.parameters[0].sigma);
    // Noise-free data: the quadrature's interpolation noise (≈1e-3 K) is all that is left,
    // 1e-4 relative in γ.
    CHECK_REL(fit.parameters[0].value, gamma, 1e-4);
    CHECK(fit.chi_square < 1e-3);
    CHECK(fit.identifiability.find("fix gamma only") != std::string::npos);
    CHECK_REL(fit.model.gamma.value_J_per_m2, fit.parameters[0].value, 1e-15);
}

TEST_CASE("one heating rate fixes gamma alone, with sigma from dTx/dgamma") {
    MeasuredCrystallisation x;
    x.rate_K_per_s = 10.0 / 60.0;
    x.temperature_K = 723.5;
    x.sigma_K = 13.5;
    const auto fit = fit_crystallisation(cuzr(0.2), {x});
    REQUIRE(fit.converged);
    CHECK_ABS(fit.predicted_K[0], 723.5, 0.01);
    // σ_γ = σ_T / (dT/dγ): check against a finite difference of the prediction (2 %, the
    // difference step of ±0.5 % in γ against the curvature of T(γ)).
    const double g = fit.parameters[0].value;
    const double slope = (predicted_temperature_K(cuzr(g * 1.005), x) -
                          predicted_temperature_K(cuzr(g * 0.995), x)) /
                         (0.01 * g);
    CHECK_REL(fit.parameters[0].sigma, 13.5 / slope, 0.02);
    MESSAGE("gamma = " << g << " +- " << fit.parameters[0].sigma << " J/m^2");
}

TEST_CASE(
    "gamma and the viscosity scale are recovered from four rates, and their correlation "
    "is reported") {
    CntModel truth = cuzr(0.15);
    truth.mobility.eta0_Pa_s *= std::pow(10.0, 0.5);
    const auto data = simulate(truth, 1.0);
    CrystallisationFitOptions o;
    o.fit_viscosity_scale = true;
    const auto fit = fit_crystallisation(cuzr(0.15), data, o);
    REQUIRE(fit.converged);
    REQUIRE(fit.parameters.size() == 2);
    CHECK(std::abs(fit.parameters[0].value - 0.15) < fit.parameters[0].sigma);
    CHECK(std::abs(fit.parameters[1].value - 0.5) < fit.parameters[1].sigma);
    CHECK(std::abs(fit.correlation[0][1]) <= 1.0);
    CHECK_REL(fit.correlation[0][0], 1.0, 1e-12);
    CHECK(fit.identifiability.find("correlation") != std::string::npos);
    MESSAGE(fit.identifiability);
}

TEST_CASE("a fit with more parameters than measurements is refused") {
    MeasuredCrystallisation x;
    x.rate_K_per_s = 10.0 / 60.0;
    x.temperature_K = 723.5;
    CrystallisationFitOptions o;
    o.fit_viscosity_scale = true;
    CHECK_THROWS_WITH_AS(fit_crystallisation(cuzr(0.2), {x}, o),
                         doctest::Contains("needs at least 2 measurements"),
                         vitrum::InvalidArgument);
    CntModel myega = cuzr(0.2);
    myega.mobility.model = MobilityModel::myega;
    myega.mobility.log10_eta_inf = -4.4;
    myega.mobility.T12_K = 670.0;
    myega.mobility.fragility = 50.0;
    o.fit_viscosity_scale = false;
    o.fit_vft_T0 = true;
    CHECK_THROWS_WITH_AS(fit_crystallisation(myega, {x, x}, o),
                         doctest::Contains("fit_vft_T0 needs a vft mobility"),
                         vitrum::InvalidArgument);
    x.temperature_K = 5000.0;
    CHECK_THROWS_WITH_AS(fit_crystallisation(cuzr(0.2), {x}), doctest::Contains("no gamma in"),
                         vitrum::AnalysisError);
}

TEST_CASE("gamma and the VFT T0 are recovered from four rates within their uncertainties") {
    CntModel truth = cuzr(0.15);
    truth.mobility.vft_T0_K = 500.0;
    const auto data = simulate(truth, 1.0);
    CrystallisationFitOptions o;
    o.fit_vft_T0 = true;
    const auto fit = fit_crystallisation(cuzr(0.15), data, o);
    REQUIRE(fit.converged);
    REQUIRE(fit.parameters.size() == 2);
    CHECK(fit.parameters[1].name == "vft_T0");
    CHECK(std::abs(fit.parameters[0].value - 0.15) < fit.parameters[0].sigma);
    CHECK(std::abs(fit.parameters[1].value - 500.0) < fit.parameters[1].sigma);
    MESSAGE("T0 = " << fit.parameters[1].value << " +- " << fit.parameters[1].sigma << "; "
                    << fit.identifiability);
}
