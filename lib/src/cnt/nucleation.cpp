// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <vitrum/cnt/nucleation.hpp>
#include <vitrum/core/error.hpp>

namespace vitrum::cnt {
namespace {

constexpr double kPi = 3.14159265358979323846;

}  // namespace

CriticalNucleus critical_nucleus(double gamma_J_per_m2, double driving_force_J_per_m3,
                                 double atomic_volume_m3) {
    if (!(driving_force_J_per_m3 > 0.0)) {
        throw InvalidArgument(
            fmt::format("critical_nucleus: driving force must be > 0 J/m^3 (below T_m), got {}",
                        driving_force_J_per_m3));
    }
    if (!(gamma_J_per_m2 > 0.0) || !(atomic_volume_m3 > 0.0)) {
        throw InvalidArgument(
            fmt::format("critical_nucleus: gamma ({} J/m^2) and atomic volume ({} m^3) must be > 0",
                        gamma_J_per_m2, atomic_volume_m3));
    }
    CriticalNucleus out;
    out.radius_m = 2.0 * gamma_J_per_m2 / driving_force_J_per_m3;
    out.diameter_m = 2.0 * out.radius_m;
    out.atoms = 4.0 * kPi / 3.0 * out.radius_m * out.radius_m * out.radius_m / atomic_volume_m3;
    out.barrier_J = 16.0 * kPi * gamma_J_per_m2 * gamma_J_per_m2 * gamma_J_per_m2 /
                    (3.0 * driving_force_J_per_m3 * driving_force_J_per_m3);
    return out;
}

double zeldovich_per_atom(double driving_force_J_per_atom, double temperature_K, double atoms) {
    return std::sqrt(driving_force_J_per_atom /
                     (6.0 * kPi * kBoltzmann_J_per_K * temperature_K * atoms));
}

double zeldovich_volumetric(double gamma_J_per_m2, double temperature_K, double radius_m,
                            double atomic_volume_m3) {
    return atomic_volume_m3 * std::sqrt(gamma_J_per_m2 / (kBoltzmann_J_per_K * temperature_K)) /
           (2.0 * kPi * radius_m * radius_m);
}

void CntModel::validate() const {
    thermodynamics().validate();
    gamma.validate();
    mobility.validate();
    if (!(jump_distance_m > 0.0 && jump_distance_m < 1e-8)) {
        throw InvalidArgument(
            fmt::format("jump_distance must be in (0, 10 nm), got {} m", jump_distance_m));
    }
    if (!(site_density_per_m3 >= 0.0)) {
        throw InvalidArgument(fmt::format(
            "site_density must be >= 0 1/m^3 (0 = every atom), got {}", site_density_per_m3));
    }
}

const char* to_string(NucleationState state) {
    switch (state) {
        case NucleationState::nucleating:
            return "nucleating";
        case NucleationState::no_driving_force:
            return "no nucleation (T >= T_m)";
    }
    return "unknown";
}

namespace {

// γ of the models that do not depend on T, computed once per sweep (one cube root each);
// NaN for the temperature-dependent ones.
double constant_gamma(const CntModel& model) {
    switch (model.gamma.model) {
        case InterfacialEnergyModel::fixed:
        case InterfacialEnergyModel::turnbull:
        case InterfacialEnergyModel::spaepen_at_melting:
            return model.gamma.at(model.thermodynamics().melting_K, model.thermodynamics());
        case InterfacialEnergyModel::spaepen:
        case InterfacialEnergyModel::linear:
            break;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

CntPoint evaluate_with(const CntModel& model, double temperature_K, double gamma_if_constant) {
    if (!(temperature_K > 0.0 && std::isfinite(temperature_K))) {
        throw InvalidArgument(fmt::format("--T: temperature must be > 0 K, got {}", temperature_K));
    }
    const Thermodynamics& thermo = model.thermodynamics();
    const double t = temperature_K;
    const double kt = kBoltzmann_J_per_K * t;
    const double omega = thermo.atomic_volume_m3();
    CntPoint p;
    p.temperature_K = t;
    p.gamma_J_per_m2 =
        std::isnan(gamma_if_constant) ? model.gamma.at(t, thermo) : gamma_if_constant;
    const bool above_melting = t >= thermo.melting_K;
    p.driving_force_J_per_mol = above_melting &&
                                        model.driving_force.model() == DrivingForceModel::table &&
                                        t > model.driving_force.table().temperature_K().back()
                                    ? 0.0
                                    : model.driving_force.molar_J_per_mol(t);
    p.driving_force_J_per_m3 = p.driving_force_J_per_mol / thermo.molar_volume_m3_per_mol;
    const bool has_mobility = model.mobility.model != MobilityModel::none;
    if (has_mobility) {
        p.viscosity_Pa_s = model.mobility.viscosity_Pa_s(t, model.jump_distance_m);
        // Stokes–Einstein from the η just computed, rather than evaluating the viscosity twice.
        p.diffusivity_m2_per_s = model.mobility.model == MobilityModel::arrhenius
                                     ? model.mobility.diffusivity_m2_per_s(t, model.jump_distance_m)
                                     : kt / (3.0 * kPi * model.jump_distance_m * p.viscosity_Pa_s);
    } else {
        p.viscosity_Pa_s = p.diffusivity_m2_per_s = std::numeric_limits<double>::quiet_NaN();
    }
    if (above_melting || !(p.driving_force_J_per_m3 > 0.0) || !(p.gamma_J_per_m2 > 0.0)) {
        p.state = NucleationState::no_driving_force;
        // Crystals do not grow above T_m either; melting kinetics are outside this model.
        p.growth_rate_m_per_s = has_mobility ? 0.0 : std::numeric_limits<double>::quiet_NaN();
        p.attachment_rate_per_s = p.growth_rate_m_per_s;
        p.nucleation_rate_per_m3_s = p.growth_rate_m_per_s;
        return p;
    }
    p.state = NucleationState::nucleating;
    p.nucleus = critical_nucleus(p.gamma_J_per_m2, p.driving_force_J_per_m3, omega);
    p.barrier_over_kT = p.nucleus.barrier_J / kt;
    p.zeldovich =
        zeldovich_per_atom(p.driving_force_J_per_mol / kAvogadro_per_mol, t, p.nucleus.atoms);
    p.zeldovich_volumetric = zeldovich_volumetric(p.gamma_J_per_m2, t, p.nucleus.radius_m, omega);
    if (!has_mobility) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        p.attachment_rate_per_s = p.nucleation_rate_per_m3_s = p.growth_rate_m_per_s = nan;
        return p;
    }
    const double lambda = model.jump_distance_m;
    const double d = p.diffusivity_m2_per_s;
    const double sites = model.site_density_per_m3 > 0.0 ? model.site_density_per_m3 : 1.0 / omega;
    p.attachment_rate_per_s =
        24.0 * d * std::cbrt(p.nucleus.atoms * p.nucleus.atoms) / (lambda * lambda);
    p.nucleation_rate_per_m3_s =
        sites * p.zeldovich * p.attachment_rate_per_s * std::exp(-p.barrier_over_kT);
    // -expm1 keeps U accurate just below T_m, where ΔG_m/RT → 0.
    p.growth_rate_m_per_s =
        d / lambda * -std::expm1(-p.driving_force_J_per_mol / (kGas_J_per_mol_K * t));
    return p;
}

}  // namespace

CntPoint evaluate(const CntModel& model, double temperature_K) {
    return evaluate_with(model, temperature_K, constant_gamma(model));
}

std::vector<CntPoint> sweep(const CntModel& model, const std::vector<double>& temperatures_K) {
    std::vector<CntPoint> out;
    sweep(model, temperatures_K, out);
    return out;
}

void sweep(const CntModel& model, const std::vector<double>& temperatures_K,
           std::vector<CntPoint>& out) {
    out.resize(temperatures_K.size());
    const double gamma = constant_gamma(model);
    for (std::size_t i = 0; i < temperatures_K.size(); ++i)
        out[i] = evaluate_with(model, temperatures_K[i], gamma);
}

std::vector<double> temperature_grid(double lo_K, double hi_K, double step_K) {
    if (!(step_K > 0.0) || !(lo_K > 0.0) || !(hi_K >= lo_K) || !std::isfinite(hi_K)) {
        throw InvalidArgument(fmt::format("--T {}:{}:{}: need 0 < LO <= HI and STEP > 0 (all in K)",
                                          lo_K, hi_K, step_K));
    }
    const double count = std::floor((hi_K - lo_K) / step_K * (1.0 + 1e-12)) + 1.0;
    if (count > 1e8) {
        throw InvalidArgument(fmt::format("--T: {} points is more than the allowed 10^8", count));
    }
    std::vector<double> out(static_cast<std::size_t>(count));
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = lo_K + static_cast<double>(i) * step_K;
    return out;
}

}  // namespace vitrum::cnt
