// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <map>
#include <string>
#include <vector>
#include <vitrum/cnt/nucleation.hpp>

namespace vitrum::cnt {

/// One material parameter as loaded: SI value plus what it rests on.
struct Parameter {
    double value_si = 0.0;  ///< value in SI [unit in `si_unit`]
    std::string si_unit;    ///< SI unit of value_si, e.g. "J/mol", "1"
    std::string text;       ///< value as written in the file, e.g. "12 kJ/mol"
    std::string source;     ///< citation or derivation
    std::string status;     ///< "source read", "computed", "unverified", "assumed"
};

/// A named parameter set of a material: base parameters merged with the set's overrides.
struct MaterialSet {
    std::string name;                             ///< set name, e.g. "combo-a"
    std::string description;                      ///< what the set is for
    std::map<std::string, Parameter> parameters;  ///< merged: base, then the set's own
    std::map<std::string, std::string>
        models;  ///< "driving_force", "interfacial_energy", "mobility"

    bool has(const std::string& key) const { return parameters.count(key) != 0; }
    /// SI value of a parameter. @throws InvalidArgument naming the key and the set.
    double value(const std::string& key) const;
};

/// A measured characteristic temperature of the material, with what it rests on.
struct Measurement {
    std::string quantity;  ///< "crystallisation_onset", "crystallisation_peak", "glass_transition"
    double temperature_K = 0.0;         ///< the measured value [K]
    std::string text;                   ///< value as written, e.g. "737 K"
    double heating_rate_K_per_s = 0.0;  ///< heating rate of the scan [K/s]
    std::string sample;                 ///< which glass, e.g. "PVD film deposited at 0.85 Tg"
    std::string source;                 ///< document it comes from (paper, figure or table)
    std::string status;                 ///< "source read", "unverified", …
};

/// A material file: identity, provenance and named parameter sets.
struct Material {
    std::string id;                 ///< file id, e.g. "cu50zr50"
    std::string name;               ///< display name, e.g. "Cu50Zr50"
    std::string description;        ///< composition, crystal that nucleates, caveats
    std::string crystal;            ///< the crystal phase ΔG and V_m refer to, e.g. "B2 CuZr"
    std::string file;               ///< path it was loaded from
    std::string default_set;        ///< set used when none is named
    std::vector<MaterialSet> sets;  ///< every set, merged with the base parameters
    std::vector<Measurement> measurements;  ///< measured T_g, T_x, T_p with heating rates

    /// @throws InvalidArgument naming the set and the sets that exist.
    const MaterialSet& set(const std::string& name) const;
};

/// Known parameter keys and their SI units ("melting_temperature" → "K" …).
const std::map<std::string, std::string>& material_parameter_units();

/// Loads and validates a material file (see share/schemas/material.schema.json). Values are
/// strings with units ("1208 K", "12 kJ/mol", "0.26 J/m^2") converted to SI; dimensionless ones
/// may be plain numbers.
/// @throws IoError when unreadable; ParseError for invalid JSON (with line and column);
///         FormatError naming the file and the key for schema violations, unknown or missing keys;
///         UnitError naming the file and the key for a missing or wrong unit.
Material load_material(const std::string& path);

/// Directories searched for material files, in order: $VITRUM_DATA_DIR/materials, the source
/// tree's share/materials, the installed share/vitrum/materials [paths].
std::vector<std::string> material_search_path();

/// A material with the parameter set chosen from it.
struct MaterialChoice {
    Material material;
    MaterialSet set;
};
/// Loads "id" or "id:set" from the search path (file "<id>.json"); the chosen set is
/// returned with the material. @throws IoError listing the directories searched.
MaterialChoice find_material(const std::string& spec);

/// Every material file on the search path (first occurrence of each id wins).
/// @throws the errors of load_material for a broken file.
std::vector<Material> list_materials();

/// Builds a CNT model from a set: thermodynamics, the set's models and their parameters.
/// @throws FormatError naming the missing key (and the material file).
CntModel build_model(const Material& material, const MaterialSet& set);

}  // namespace vitrum::cnt
