// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>
#include <string_view>
#include <vector>

/// Classical nucleation theory (CNT) for a spherical crystal nucleus in an undercooled liquid.
/// Sign convention throughout: driving forces are magnitudes, positive below the melting point
/// (liquid − crystal), per mole of ATOMS (not formula units).
namespace vitrum::cnt {

/// Boltzmann constant (exact, SI 2019) [J/K].
inline constexpr double kBoltzmann_J_per_K = 1.380649e-23;
/// Avogadro constant (exact, SI 2019) [1/mol].
inline constexpr double kAvogadro_per_mol = 6.02214076e23;
/// Molar gas constant R = k_B N_A [J/(mol K)].
inline constexpr double kGas_J_per_mol_K = kBoltzmann_J_per_K * kAvogadro_per_mol;

/// Bulk thermodynamics of the crystal that nucleates (SI, per mole of atoms).
struct Thermodynamics {
    double melting_K = 0.0;  ///< T_m of the bulk crystal (T_∞ of Gibbs–Thomson) [K]
    double enthalpy_of_fusion_J_per_mol = 0.0;  ///< ΔH_f per mole of atoms [J/mol]
    double molar_volume_m3_per_mol = 0.0;       ///< V_m of the crystal per mole of atoms [m^3/mol]
    double heat_capacity_difference_J_per_mol_K =
        0.0;  ///< Δc_p = c_p(liquid) − c_p(crystal) [J/(mol K)]

    /// ΔS_f = ΔH_f / T_m [J/(mol K)].
    double entropy_of_fusion_J_per_mol_K() const {
        return enthalpy_of_fusion_J_per_mol / melting_K;
    }
    /// Ω = V_m / N_A, volume of one atom in the crystal [m^3].
    double atomic_volume_m3() const { return molar_volume_m3_per_mol / kAvogadro_per_mol; }
    /// @throws InvalidArgument naming the first value that is not finite and positive
    ///         (Δc_p may be zero or negative).
    void validate() const;
};

/// How ΔG_m(T) = G_liquid − G_crystal is approximated below T_m (ΔT = T_m − T).
enum class DrivingForceModel {
    turnbull,          ///< ΔG = ΔH_f ΔT/T_m (Turnbull 1950, Δc_p = 0); the Gibbs–Thomson form
    thompson_spaepen,  ///< ΔG = (ΔH_f ΔT/T_m)·2T/(T_m + T) (Thompson & Spaepen 1979)
    hoffman,           ///< ΔG = ΔH_f ΔT T/T_m² (Hoffman 1958); maximum at T_m/2
    constant_dcp,      ///< ΔG = ΔH_f ΔT/T_m − Δc_p[ΔT − T ln(T_m/T)]
    table,             ///< tabulated ΔG(T), linearly interpolated (measured c_p, CALPHAD export)
};

/// "turnbull", "thompson-spaepen", "hoffman", "dcp", "table".
const char* to_string(DrivingForceModel model);
/// Accepts the names of to_string plus "linear" (= turnbull) and "constant-dcp".
/// @throws InvalidArgument naming the option `--dg` and the allowed names.
DrivingForceModel parse_driving_force_model(std::string_view name);

/// A tabulated ΔG_m(T) [J/mol] on strictly increasing temperatures [K].
class DrivingForceTable {
public:
    DrivingForceTable() = default;
    /// @throws InvalidArgument when sizes differ, fewer than 2 points, T not increasing or
    ///         a value is not finite.
    DrivingForceTable(std::vector<double> temperature_K,
                      std::vector<double> driving_force_J_per_mol, std::string origin);

    /// Reads two columns (temperature, ΔG_m) separated by blanks, tabs, commas or semicolons;
    /// '#' starts a comment. An optional first line names the columns with units, e.g.
    /// "T [K], dG [kJ/mol]" or "T(°C) DGM(J/mol)"; without it K and J/mol are assumed.
    /// @throws IoError when the file cannot be opened; ParseError with the line for bad text;
    ///         UnitError for units of the wrong dimension.
    static DrivingForceTable from_file(const std::string& path);

    /// Integrates a measured Δc_p(T) into ΔG_m(T) = ΔH_f − TΔS_f − ∫_T^{T_m}Δc_p dT'
    /// + T∫_T^{T_m}(Δc_p/T')dT' (trapezoid rule), evaluated on the given temperatures, which
    /// must increase and end at or below T_m; the Δc_p curve is held constant from its last
    /// point up to T_m.
    /// @throws InvalidArgument for unsorted, mismatched or empty input.
    static DrivingForceTable from_heat_capacity(const Thermodynamics& thermo,
                                                const std::vector<double>& temperature_K,
                                                const std::vector<double>& dcp_J_per_mol_K);

    /// Linear interpolation [J/mol]. @throws InvalidArgument outside the tabulated range.
    double at(double temperature_K) const;
    const std::vector<double>& temperature_K() const { return temperature_K_; }
    const std::vector<double>& driving_force_J_per_mol() const { return driving_force_J_per_mol_; }
    /// Where the table came from (file path or "integrated Δc_p").
    const std::string& origin() const { return origin_; }

private:
    std::vector<double> temperature_K_;
    std::vector<double> driving_force_J_per_mol_;
    std::string origin_;
};

/// ΔG_m(T) under one of the models above.
class DrivingForce {
public:
    DrivingForce() = default;
    /// An analytic model. @throws InvalidArgument for DrivingForceModel::table (use the other
    /// constructor) or invalid thermodynamics.
    DrivingForce(DrivingForceModel model, const Thermodynamics& thermo);
    /// A tabulated curve; thermo still supplies T_m and V_m.
    DrivingForce(DrivingForceTable table, const Thermodynamics& thermo);

    /// ΔG_m(T), positive below T_m, zero at T_m, negative above [J/mol].
    double molar_J_per_mol(double temperature_K) const;
    /// ΔG_v = ΔG_m / V_m(crystal) [J/m^3].
    double volumetric_J_per_m3(double temperature_K) const {
        return molar_J_per_mol(temperature_K) / thermo_.molar_volume_m3_per_mol;
    }
    DrivingForceModel model() const { return model_; }
    const Thermodynamics& thermodynamics() const { return thermo_; }
    const DrivingForceTable& table() const { return table_; }
    /// The equation in words, for printing next to results ("Thompson–Spaepen: ...").
    std::string describe() const;

private:
    DrivingForceModel model_ = DrivingForceModel::turnbull;
    Thermodynamics thermo_;
    DrivingForceTable table_;
};

}  // namespace vitrum::cnt
