// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <vitrum/cnt/driving_force.hpp>
#include <vitrum/cnt/mobility.hpp>
#include <vitrum/core/error.hpp>

namespace vitrum::cnt {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kInf = std::numeric_limits<double>::infinity();

void require(bool ok, const char* name, double value, const char* range) {
    if (!ok)
        throw InvalidArgument(fmt::format("mobility {} = {} is outside {}", name, value, range));
}

}  // namespace

const char* to_string(MobilityModel model) {
    switch (model) {
        case MobilityModel::none:
            return "none";
        case MobilityModel::vft:
            return "vft";
        case MobilityModel::myega:
            return "myega";
        case MobilityModel::vft_t12_m:
            return "vft-t12-m";
        case MobilityModel::arrhenius:
            return "arrhenius";
    }
    return "unknown";
}

MobilityModel parse_mobility_model(std::string_view name) {
    if (name == "none") return MobilityModel::none;
    if (name == "vft") return MobilityModel::vft;
    if (name == "myega") return MobilityModel::myega;
    if (name == "vft-t12-m") return MobilityModel::vft_t12_m;
    if (name == "arrhenius") return MobilityModel::arrhenius;
    throw InvalidArgument(
        fmt::format("mobility: unknown model '{}'; allowed: none, vft, myega, vft-t12-m, arrhenius",
                    std::string(name)));
}

double Mobility::viscosity_Pa_s(double temperature_K, double jump_distance_m) const {
    const double t = temperature_K;
    switch (model) {
        case MobilityModel::none:
            return std::numeric_limits<double>::quiet_NaN();
        case MobilityModel::vft:
            if (t <= vft_T0_K) return kInf;
            return eta0_Pa_s * std::exp(vft_D * vft_T0_K / (t - vft_T0_K));
        case MobilityModel::myega: {
            const double span = 12.0 - log10_eta_inf;
            const double x = T12_K / t;
            return std::pow(
                10.0, log10_eta_inf + span * x * std::exp((fragility / span - 1.0) * (x - 1.0)));
        }
        case MobilityModel::vft_t12_m: {
            const double span = 12.0 - log10_eta_inf;
            const double denominator = fragility * (t / T12_K - 1.0) + span;
            if (denominator <= 0.0) return kInf;  // at or below T₀ = T₁₂(1 − span/m)
            return std::pow(10.0, log10_eta_inf + span * span / denominator);
        }
        case MobilityModel::arrhenius:
            return kBoltzmann_J_per_K * t /
                   (3.0 * kPi * jump_distance_m * diffusivity_m2_per_s(t, jump_distance_m));
    }
    return std::numeric_limits<double>::quiet_NaN();
}

double Mobility::diffusivity_m2_per_s(double temperature_K, double jump_distance_m) const {
    if (model == MobilityModel::none) return std::numeric_limits<double>::quiet_NaN();
    if (model == MobilityModel::arrhenius) {
        return D0_m2_per_s * std::exp(-activation_J_per_mol / (kGas_J_per_mol_K * temperature_K));
    }
    const double eta = viscosity_Pa_s(temperature_K, jump_distance_m);
    return kBoltzmann_J_per_K * temperature_K / (3.0 * kPi * jump_distance_m * eta);
}

std::string Mobility::describe() const {
    switch (model) {
        case MobilityModel::none:
            return "none (no rates)";
        case MobilityModel::vft:
            return fmt::format("VFT: eta0 = {:.4g} Pa s, D* = {:.4g}, T0 = {:.4g} K", eta0_Pa_s,
                               vft_D, vft_T0_K);
        case MobilityModel::myega:
            return fmt::format("MYEGA: log10(eta_inf/Pa s) = {:.4g}, T12 = {:.4g} K, m = {:.4g}",
                               log10_eta_inf, T12_K, fragility);
        case MobilityModel::vft_t12_m:
            return fmt::format(
                "VFT(T12, m): log10(eta_inf/Pa s) = {:.4g}, T12 = {:.4g} K, m = {:.4g}",
                log10_eta_inf, T12_K, fragility);
        case MobilityModel::arrhenius:
            return fmt::format("Arrhenius diffusivity: D0 = {:.4g} m^2/s, Q = {:.4g} kJ/mol",
                               D0_m2_per_s, activation_J_per_mol / 1e3);
    }
    return "unknown";
}

void Mobility::validate() const {
    switch (model) {
        case MobilityModel::none:
            return;
        case MobilityModel::vft:
            require(eta0_Pa_s > 0.0 && std::isfinite(eta0_Pa_s), "eta0", eta0_Pa_s,
                    "(0, inf) Pa s");
            require(vft_D > 0.0 && std::isfinite(vft_D), "D*", vft_D, "(0, inf)");
            require(vft_T0_K >= 0.0 && std::isfinite(vft_T0_K), "T0", vft_T0_K, "[0, inf) K");
            return;
        case MobilityModel::myega:
        case MobilityModel::vft_t12_m:
            require(log10_eta_inf < 12.0 && std::isfinite(log10_eta_inf), "log10_eta_inf",
                    log10_eta_inf, "(-inf, 12)");
            require(T12_K > 0.0 && std::isfinite(T12_K), "T12", T12_K, "(0, inf) K");
            require(fragility > 12.0 - log10_eta_inf && std::isfinite(fragility), "fragility m",
                    fragility, "(12 - log10_eta_inf, inf)");
            return;
        case MobilityModel::arrhenius:
            require(D0_m2_per_s > 0.0 && std::isfinite(D0_m2_per_s), "D0", D0_m2_per_s,
                    "(0, inf) m^2/s");
            require(activation_J_per_mol >= 0.0 && std::isfinite(activation_J_per_mol), "Q",
                    activation_J_per_mol, "[0, inf) J/mol");
            return;
    }
}

}  // namespace vitrum::cnt
