// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <cmath>
#include <vitrum/cnt/gibbs_thomson.hpp>
#include <vitrum/core/error.hpp>

namespace vitrum::cnt {

double gibbs_thomson_temperature_K(double diameter_m, double gamma_J_per_m2,
                                   const Thermodynamics& thermo) {
    thermo.validate();
    if (!(diameter_m > 0.0 && std::isfinite(diameter_m))) {
        throw InvalidArgument(
            fmt::format("Gibbs-Thomson: diameter must be > 0 m, got {}", diameter_m));
    }
    if (!(gamma_J_per_m2 >= 0.0)) {
        throw InvalidArgument(
            fmt::format("Gibbs-Thomson: gamma must be >= 0 J/m^2, got {}", gamma_J_per_m2));
    }
    const double t_inf = thermo.melting_K;
    return t_inf - 4.0 * gamma_J_per_m2 * t_inf * thermo.molar_volume_m3_per_mol /
                       (thermo.enthalpy_of_fusion_J_per_mol * diameter_m);
}

double gibbs_thomson_diameter_m(double temperature_K, double gamma_J_per_m2,
                                const Thermodynamics& thermo) {
    thermo.validate();
    const double t_inf = thermo.melting_K;
    if (!(temperature_K < t_inf)) {
        throw InvalidArgument(
            fmt::format("Gibbs-Thomson: T = {} K is not below T_inf = {} K; no finite crystal is "
                        "in equilibrium",
                        temperature_K, t_inf));
    }
    if (!(gamma_J_per_m2 >= 0.0)) {
        throw InvalidArgument(
            fmt::format("Gibbs-Thomson: gamma must be >= 0 J/m^2, got {}", gamma_J_per_m2));
    }
    return 4.0 * gamma_J_per_m2 * t_inf * thermo.molar_volume_m3_per_mol /
           (thermo.enthalpy_of_fusion_J_per_mol * (t_inf - temperature_K));
}

}  // namespace vitrum::cnt
