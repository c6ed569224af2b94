// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>
#include <string_view>

namespace vitrum::cnt {

/// Where the atomic mobility at the crystal–liquid interface comes from.
enum class MobilityModel {
    none,  ///< no kinetics: I and U are not computed
    vft,  ///< η = η₀ exp[D* T₀/(T − T₀)] (Vogel–Fulcher–Tammann, fragility-index form)
    myega,  ///< log₁₀η = log₁₀η∞ + (12 − log₁₀η∞)(T₁₂/T) exp[(m/(12 − log₁₀η∞) − 1)(T₁₂/T − 1)]
    vft_t12_m,  ///< log₁₀η = log₁₀η∞ + (12 − log₁₀η∞)²/[m(T/T₁₂ − 1) + (12 − log₁₀η∞)] (Mauro 2009)
    arrhenius,  ///< D = D₀ exp(−Q/RT), a measured diffusivity instead of a viscosity
};

/// "none", "vft", "myega", "vft-t12-m", "arrhenius".
const char* to_string(MobilityModel model);
/// @throws InvalidArgument naming the key `mobility` and the allowed names.
MobilityModel parse_mobility_model(std::string_view name);

/// Viscosity or diffusivity of the undercooled liquid, and the Stokes–Einstein link between them.
struct Mobility {
    MobilityModel model = MobilityModel::none;
    double eta0_Pa_s = 0.0;             ///< VFT η₀ [Pa s]
    double vft_D = 0.0;                 ///< VFT fragility parameter D* [1]
    double vft_T0_K = 0.0;              ///< VFT divergence temperature T₀ [K]
    double log10_eta_inf = 0.0;         ///< MYEGA / VFT(T₁₂, m): log₁₀ of η∞ in Pa s [1]
    double T12_K = 0.0;                 ///< temperature where η = 10¹² Pa s [K]
    double fragility = 0.0;             ///< kinetic fragility m at T₁₂ [1]
    double D0_m2_per_s = 0.0;           ///< Arrhenius prefactor [m^2/s]
    double activation_J_per_mol = 0.0;  ///< Arrhenius activation energy Q [J/mol]

    /// Shear viscosity at T [Pa s]; +inf at or below the VFT T₀; for `arrhenius` the
    /// Stokes–Einstein viscosity kT/(3πλD) at jump distance λ.
    double viscosity_Pa_s(double temperature_K, double jump_distance_m) const;
    /// Diffusivity at T [m^2/s]; from a viscosity through Stokes–Einstein D = kT/(3πλη).
    double diffusivity_m2_per_s(double temperature_K, double jump_distance_m) const;
    /// The model and its parameters in words [text].
    std::string describe() const;
    /// @throws InvalidArgument naming the parameter that is out of range.
    void validate() const;
};

}  // namespace vitrum::cnt
