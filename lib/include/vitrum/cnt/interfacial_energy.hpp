// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>
#include <string_view>
#include <vitrum/cnt/driving_force.hpp>

namespace vitrum::cnt {

/// How the crystal–liquid interfacial free energy γ(T) is obtained.
enum class InterfacialEnergyModel {
    fixed,     ///< γ = value
    turnbull,  ///< γ = α ΔH_f / (N_A^{1/3} V_m^{2/3}) (Turnbull 1950), α ≈ 0.45 for metals
    spaepen_at_melting,  ///< γ = α ΔS_f T_m / (N_A V_m²)^{1/3} (Spaepen 1975), α ≈ 0.86 fcc, 0.71
                         ///< bcc
    spaepen,  ///< γ = α ΔS_f T / (N_A V_m²)^{1/3}, evaluated at the nucleation T (γ ∝ T)
    linear,   ///< γ = a + b·T
};

/// "fixed", "turnbull", "spaepen", "spaepen-T", "linear".
const char* to_string(InterfacialEnergyModel model);

/// γ(T) under one model, with its parameters.
struct InterfacialEnergy {
    InterfacialEnergyModel model = InterfacialEnergyModel::fixed;
    double value_J_per_m2 = 0.0;      ///< fixed γ [J/m^2]
    double alpha = 0.0;               ///< Turnbull or Spaepen coefficient [1]
    double intercept_J_per_m2 = 0.0;  ///< linear: a [J/m^2]
    double slope_J_per_m2_K = 0.0;    ///< linear: b [J/(m^2 K)]

    /// γ at temperature T for the given crystal [J/m^2].
    double at(double temperature_K, const Thermodynamics& thermo) const;
    /// The model and its parameters in words, e.g. "Spaepen at T_m, alpha = 0.86" [text].
    std::string describe() const;
    /// @throws InvalidArgument naming `interfacial_energy` when a parameter is out of range.
    void validate() const;
};

/// Parses the CLI spelling: "fixed:0.26" (J/m², a unit may follow: "fixed:260 mJ/m^2"),
/// "turnbull:0.45", "spaepen:0.86" (at T_m), "spaepen-T:0.86" (at T), "linear:a,b"
/// (a in J/m², b in J/(m² K)).
/// @throws InvalidArgument naming `interfacial_energy` and the allowed forms.
InterfacialEnergy parse_interfacial_energy(std::string_view spec);

}  // namespace vitrum::cnt
