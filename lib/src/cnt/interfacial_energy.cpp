// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <cmath>
#include <vitrum/cnt/interfacial_energy.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/units.hpp>

namespace vitrum::cnt {
namespace {

const char* kGammaForms =
    "allowed: fixed:VALUE (J/m^2), turnbull:ALPHA, spaepen:ALPHA (at T_m), spaepen-T:ALPHA "
    "(at T), linear:A,B (A in J/m^2, B in J/(m^2 K))";

double parse_number_with_unit(std::string_view text, std::string_view si_unit,
                              std::string_view spec) {
    try {
        return parse_quantity_as(text, si_unit);
    } catch (const UnitError& e) {
        throw InvalidArgument(fmt::format("interfacial_energy '{}': {}; {}", std::string(spec),
                                          e.what(), kGammaForms));
    }
}

}  // namespace

const char* to_string(InterfacialEnergyModel model) {
    switch (model) {
        case InterfacialEnergyModel::fixed:
            return "fixed";
        case InterfacialEnergyModel::turnbull:
            return "turnbull";
        case InterfacialEnergyModel::spaepen_at_melting:
            return "spaepen";
        case InterfacialEnergyModel::spaepen:
            return "spaepen-T";
        case InterfacialEnergyModel::linear:
            return "linear";
    }
    return "unknown";
}

double InterfacialEnergy::at(double temperature_K, const Thermodynamics& thermo) const {
    switch (model) {
        case InterfacialEnergyModel::fixed:
            return value_J_per_m2;
        case InterfacialEnergyModel::turnbull:
            return alpha * thermo.enthalpy_of_fusion_J_per_mol /
                   (std::cbrt(kAvogadro_per_mol) *
                    std::cbrt(thermo.molar_volume_m3_per_mol * thermo.molar_volume_m3_per_mol));
        case InterfacialEnergyModel::spaepen_at_melting:
        case InterfacialEnergyModel::spaepen: {
            const double t =
                model == InterfacialEnergyModel::spaepen ? temperature_K : thermo.melting_K;
            return alpha * thermo.entropy_of_fusion_J_per_mol_K() * t /
                   std::cbrt(kAvogadro_per_mol * thermo.molar_volume_m3_per_mol *
                             thermo.molar_volume_m3_per_mol);
        }
        case InterfacialEnergyModel::linear:
            return intercept_J_per_m2 + slope_J_per_m2_K * temperature_K;
    }
    return 0.0;
}

std::string InterfacialEnergy::describe() const {
    switch (model) {
        case InterfacialEnergyModel::fixed:
            return fmt::format("fixed {:.4g} J/m^2", value_J_per_m2);
        case InterfacialEnergyModel::turnbull:
            return fmt::format("Turnbull alpha = {:.4g}: gamma = alpha dH_f/(N_A^(1/3) V_m^(2/3))",
                               alpha);
        case InterfacialEnergyModel::spaepen_at_melting:
            return fmt::format(
                "Spaepen at T_m, alpha = {:.4g}: gamma = alpha dS_f T_m/(N_A V_m^2)^(1/3)", alpha);
        case InterfacialEnergyModel::spaepen:
            return fmt::format(
                "Spaepen at T, alpha = {:.4g}: gamma = alpha dS_f T/(N_A V_m^2)^(1/3)", alpha);
        case InterfacialEnergyModel::linear:
            return fmt::format("linear: gamma = {:.4g} J/m^2 + {:.4g} J/(m^2 K) * T",
                               intercept_J_per_m2, slope_J_per_m2_K);
    }
    return "unknown";
}

void InterfacialEnergy::validate() const {
    switch (model) {
        case InterfacialEnergyModel::fixed:
            if (!(std::isfinite(value_J_per_m2) && value_J_per_m2 > 0.0)) {
                throw InvalidArgument(fmt::format(
                    "interfacial_energy fixed: value must be > 0 J/m^2, got {}", value_J_per_m2));
            }
            return;
        case InterfacialEnergyModel::turnbull:
        case InterfacialEnergyModel::spaepen_at_melting:
        case InterfacialEnergyModel::spaepen:
            if (!(std::isfinite(alpha) && alpha > 0.0 && alpha < 5.0)) {
                throw InvalidArgument(
                    fmt::format("interfacial_energy {}: alpha must be in (0, 5), got {}",
                                to_string(model), alpha));
            }
            return;
        case InterfacialEnergyModel::linear:
            if (!std::isfinite(intercept_J_per_m2) || !std::isfinite(slope_J_per_m2_K)) {
                throw InvalidArgument("interfacial_energy linear: a and b must be finite numbers");
            }
            return;
    }
}

InterfacialEnergy parse_interfacial_energy(std::string_view spec) {
    const auto colon = spec.find(':');
    if (colon == std::string_view::npos) {
        throw InvalidArgument(fmt::format("interfacial_energy '{}': missing ':VALUE'; {}",
                                          std::string(spec), kGammaForms));
    }
    const std::string_view kind = spec.substr(0, colon);
    const std::string_view arg = spec.substr(colon + 1);
    InterfacialEnergy out;
    if (kind == "fixed") {
        out.model = InterfacialEnergyModel::fixed;
        const bool has_unit = arg.find_first_not_of("0123456789.eE+- ") != std::string_view::npos;
        out.value_J_per_m2 = has_unit ? parse_number_with_unit(arg, "J/m^2", spec)
                                      : parse_number_with_unit(arg, "1", spec);
    } else if (kind == "turnbull" || kind == "spaepen" || kind == "spaepen-T") {
        out.model = kind == "turnbull"  ? InterfacialEnergyModel::turnbull
                    : kind == "spaepen" ? InterfacialEnergyModel::spaepen_at_melting
                                        : InterfacialEnergyModel::spaepen;
        out.alpha = parse_number_with_unit(arg, "1", spec);
    } else if (kind == "linear") {
        const auto comma = arg.find(',');
        if (comma == std::string_view::npos) {
            throw InvalidArgument(fmt::format("interfacial_energy '{}': linear needs A,B; {}",
                                              std::string(spec), kGammaForms));
        }
        out.model = InterfacialEnergyModel::linear;
        out.intercept_J_per_m2 = parse_number_with_unit(arg.substr(0, comma), "1", spec);
        out.slope_J_per_m2_K = parse_number_with_unit(arg.substr(comma + 1), "1", spec);
    } else {
        throw InvalidArgument(fmt::format("interfacial_energy '{}': unknown model '{}'; {}",
                                          std::string(spec), std::string(kind), kGammaForms));
    }
    out.validate();
    return out;
}

}  // namespace vitrum::cnt
