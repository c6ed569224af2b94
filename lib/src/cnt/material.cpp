// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vitrum/cnt/material.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/json_schema.hpp>
#include <vitrum/core/units.hpp>

namespace vitrum::cnt {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string string_or(const json& object, const char* key, const std::string& fallback = "") {
    return object.contains(key) && object[key].is_string() ? object[key].get<std::string>()
                                                           : fallback;
}

// Directories holding share/ content: $VITRUM_DATA_DIR, the source tree, the install prefix.
std::vector<std::string> data_roots() {
    std::vector<std::string> roots;
    if (const char* env = std::getenv("VITRUM_DATA_DIR"); env && *env) roots.emplace_back(env);
#ifdef VITRUM_SOURCE_SHARE_DIR
    roots.emplace_back(VITRUM_SOURCE_SHARE_DIR);
#endif
#ifdef VITRUM_INSTALL_DATADIR
    roots.emplace_back(VITRUM_INSTALL_DATADIR);
#endif
    return roots;
}

const json* material_schema() {
    static const json schema = [] {
        for (const auto& root : data_roots()) {
            const fs::path p = fs::path(root) / "schemas" / "material.schema.json";
            std::ifstream in(p);
            if (in) return json::parse(in, nullptr, false);
        }
        return json(nullptr);
    }();
    return schema.is_object() ? &schema : nullptr;
}

Parameter read_parameter(const std::string& file, const std::string& where, const std::string& key,
                         const json& entry) {
    const auto& units = material_parameter_units();
    const auto unit = units.find(key);
    if (unit == units.end()) {
        std::string known;
        for (const auto& [k, u] : units) known += (known.empty() ? "" : ", ") + k;
        throw FormatError(
            fmt::format("{}: {}: unknown parameter '{}'; known: {}", file, where, key, known));
    }
    if (!entry.is_object() || !entry.contains("value")) {
        throw FormatError(fmt::format(
            "{}: {}/{}: expected an object with 'value', 'source', 'status'", file, where, key));
    }
    Parameter p;
    p.si_unit = unit->second;
    p.source = string_or(entry, "source");
    p.status = string_or(entry, "status");
    const json& value = entry["value"];
    try {
        if (value.is_number()) {
            if (p.si_unit != "1") {
                throw UnitError(fmt::format("missing unit: the number {} needs a unit of {}",
                                            value.dump(), p.si_unit));
            }
            p.value_si = value.get<double>();
            p.text = value.dump();
        } else if (value.is_string()) {
            p.text = value.get<std::string>();
            p.value_si = parse_quantity_as(p.text, p.si_unit);
            if (p.si_unit != "1" && parse_quantity(p.text).dimension.dimensionless()) {
                throw UnitError(
                    fmt::format("missing unit in '{}', expected {}", p.text, p.si_unit));
            }
        } else {
            throw UnitError(
                fmt::format("value must be a string with a unit, found {}", value.type_name()));
        }
    } catch (const UnitError& e) {
        throw UnitError(fmt::format("{}: {}/{}: {}", file, where, key, e.what()));
    }
    return p;
}

void read_parameters(const std::string& file, const std::string& where, const json& block,
                     std::map<std::string, Parameter>& into) {
    if (!block.is_object()) {
        throw FormatError(fmt::format("{}: {}: expected an object of parameters", file, where));
    }
    for (const auto& item : block.items()) {
        into[item.key()] = read_parameter(file, where, item.key(), item.value());
    }
}

const std::set<std::string> kModelKeys = {"driving_force", "interfacial_energy", "mobility"};

}  // namespace

double MaterialSet::value(const std::string& key) const {
    const auto it = parameters.find(key);
    if (it == parameters.end()) {
        throw InvalidArgument(fmt::format("parameter set '{}' has no '{}'", name, key));
    }
    return it->second.value_si;
}

const MaterialSet& Material::set(const std::string& set_name) const {
    const std::string wanted = set_name.empty() ? default_set : set_name;
    std::string names;
    for (const auto& s : sets) {
        if (s.name == wanted) return s;
        names += (names.empty() ? "" : ", ") + s.name;
    }
    throw InvalidArgument(fmt::format("--material {}: no parameter set '{}' in {}; sets: {}", id,
                                      wanted, file, names));
}

const std::map<std::string, std::string>& material_parameter_units() {
    static const std::map<std::string, std::string> units = {
        {"melting_temperature", "K"},
        {"liquidus_temperature", "K"},
        {"glass_transition_temperature", "K"},
        {"enthalpy_of_fusion", "J/mol"},
        {"enthalpy_of_fusion_per_volume", "J/m^3"},
        {"molar_volume", "m^3/mol"},
        {"molar_mass", "kg/mol"},
        {"heat_capacity_difference", "J/(mol K)"},
        {"interfacial_energy", "J/m^2"},
        {"interfacial_energy_alpha", "1"},
        {"interfacial_energy_intercept", "J/m^2"},
        {"interfacial_energy_slope", "J/(m^2 K)"},
        {"jump_distance", "m"},
        {"site_density", "1/m^3"},
        {"vft_eta0", "Pa s"},
        {"vft_D", "1"},
        {"vft_T0", "K"},
        {"log10_viscosity_inf", "1"},
        {"viscosity_T12", "K"},
        {"fragility", "1"},
        {"diffusivity_prefactor", "m^2/s"},
        {"diffusion_activation_energy", "J/mol"},
        {"detectable_fraction", "1"},
        {"mro_diameter", "m"},
    };
    return units;
}

Material load_material(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw IoError(fmt::format("cannot open material file '{}'", path));
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        // Turn nlohmann's byte offset into line and column.
        const std::size_t offset = std::min<std::size_t>(e.byte, text.size());
        std::size_t line = 1, column = 1;
        for (std::size_t i = 0; i + 1 < offset; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        throw ParseError(Location{path, "", line, column}, "valid JSON", e.what());
    }
    if (const json* schema = material_schema()) {
        const auto problems = validate_json_schema(doc, *schema);
        if (!problems.empty()) {
            std::string all;
            for (const auto& p : problems) all += "\n  " + p;
            throw FormatError(
                fmt::format("{}: does not follow material.schema.json:{}", path, all));
        }
    }
    if (!doc.is_object()) throw FormatError(fmt::format("{}: expected a JSON object", path));
    for (const char* key : {"id", "name", "default_set", "parameters", "sets"}) {
        if (!doc.contains(key))
            throw FormatError(fmt::format("{}: missing required key '{}'", path, key));
    }
    Material m;
    m.file = path;
    m.id = string_or(doc, "id");
    m.name = string_or(doc, "name");
    m.description = string_or(doc, "description");
    m.crystal = string_or(doc, "crystal");
    m.default_set = string_or(doc, "default_set");
    std::map<std::string, Parameter> base;
    read_parameters(path, "parameters", doc["parameters"], base);
    if (!doc["sets"].is_object() || doc["sets"].empty()) {
        throw FormatError(fmt::format("{}: 'sets' must be a non-empty object", path));
    }
    for (const auto& item : doc["sets"].items()) {
        const json& s = item.value();
        MaterialSet set;
        set.name = item.key();
        set.description = string_or(s, "description");
        set.parameters = base;
        if (s.contains("parameters"))
            read_parameters(path, "sets/" + set.name + "/parameters", s["parameters"],
                            set.parameters);
        if (!s.contains("models") || !s["models"].is_object()) {
            throw FormatError(
                fmt::format("{}: sets/{}: missing required key 'models'", path, set.name));
        }
        for (const auto& model : s["models"].items()) {
            if (!kModelKeys.count(model.key()) || !model.value().is_string()) {
                throw FormatError(fmt::format("{}: sets/{}/models: unknown or non-text key '{}'",
                                              path, set.name, model.key()));
            }
            set.models[model.key()] = model.value().get<std::string>();
        }
        m.sets.push_back(std::move(set));
    }
    if (doc.contains("measurements")) {
        std::size_t index = 0;
        for (const auto& entry : doc["measurements"]) {
            const std::string where = fmt::format("{}: measurements/{}", path, index++);
            Measurement x;
            x.quantity = string_or(entry, "quantity");
            x.text = string_or(entry, "value");
            x.sample = string_or(entry, "sample");
            x.source = string_or(entry, "source");
            x.status = string_or(entry, "status");
            try {
                x.temperature_K = parse_quantity_as(x.text, "K");
                x.heating_rate_K_per_s = parse_quantity_as(string_or(entry, "heating_rate"), "K/s");
            } catch (const UnitError& e) {
                throw UnitError(fmt::format("{}: {}", where, e.what()));
            }
            m.measurements.push_back(std::move(x));
        }
    }
    (void)m.set(m.default_set);  // the default must exist
    for (const auto& set : m.sets) {
        try {
            (void)build_model(m, set);
        } catch (const InvalidArgument& e) {
            throw FormatError(fmt::format("{}: sets/{}: {}", path, set.name, e.what()));
        }
    }
    return m;
}

std::vector<std::string> material_search_path() {
    std::vector<std::string> out;
    for (const auto& root : data_roots()) out.push_back((fs::path(root) / "materials").string());
    return out;
}

MaterialChoice find_material(const std::string& spec) {
    const auto colon = spec.find(':');
    std::string id = spec.substr(0, colon);
    const std::string set_name = colon == std::string::npos ? "" : spec.substr(colon + 1);
    std::transform(id.begin(), id.end(), id.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    std::string searched;
    for (const auto& dir : material_search_path()) {
        const fs::path candidate = fs::path(dir) / (id + ".json");
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec)) {
            MaterialChoice choice;
            choice.material = load_material(candidate.string());
            choice.set = choice.material.set(set_name);
            return choice;
        }
        searched += "\n  " + dir;
    }
    throw IoError(fmt::format("--material {}: no file '{}.json' in{}", spec, id, searched));
}

std::vector<Material> list_materials() {
    std::vector<Material> out;
    std::set<std::string> seen;
    for (const auto& dir : material_search_path()) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            if (entry.path().extension() == ".json") files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            if (!seen.insert(f.stem().string()).second) continue;
            out.push_back(load_material(f.string()));
        }
    }
    return out;
}

CntModel build_model(const Material& material, const MaterialSet& set) {
    const auto need = [&](const char* key) {
        if (!set.has(key)) {
            throw FormatError(
                fmt::format("{}: sets/{}: missing parameter '{}'", material.file, set.name, key));
        }
        return set.value(key);
    };
    const auto model_name = [&](const char* key, const char* fallback) {
        const auto it = set.models.find(key);
        return it == set.models.end() ? std::string(fallback) : it->second;
    };
    Thermodynamics thermo;
    thermo.melting_K = need("melting_temperature");
    thermo.molar_volume_m3_per_mol = need("molar_volume");
    // Textbook tables give the latent heat per volume; ΔH_f = ΔH_v · V_m keeps ΔG_v exact.
    thermo.enthalpy_of_fusion_J_per_mol =
        !set.has("enthalpy_of_fusion") && set.has("enthalpy_of_fusion_per_volume")
            ? set.value("enthalpy_of_fusion_per_volume") * thermo.molar_volume_m3_per_mol
            : need("enthalpy_of_fusion");
    const DrivingForceModel dg = parse_driving_force_model(model_name("driving_force", "turnbull"));
    if (dg == DrivingForceModel::constant_dcp || set.has("heat_capacity_difference")) {
        thermo.heat_capacity_difference_J_per_mol_K = need("heat_capacity_difference");
    }
    CntModel model;
    model.driving_force = DrivingForce(dg, thermo);
    const std::string gamma = model_name("interfacial_energy", "fixed");
    if (gamma == "fixed") {
        model.gamma.model = InterfacialEnergyModel::fixed;
        model.gamma.value_J_per_m2 = need("interfacial_energy");
    } else if (gamma == "turnbull" || gamma == "spaepen" || gamma == "spaepen-T") {
        model.gamma.model = gamma == "turnbull"  ? InterfacialEnergyModel::turnbull
                            : gamma == "spaepen" ? InterfacialEnergyModel::spaepen_at_melting
                                                 : InterfacialEnergyModel::spaepen;
        model.gamma.alpha = need("interfacial_energy_alpha");
    } else if (gamma == "linear") {
        model.gamma.model = InterfacialEnergyModel::linear;
        model.gamma.intercept_J_per_m2 = need("interfacial_energy_intercept");
        model.gamma.slope_J_per_m2_K = need("interfacial_energy_slope");
    } else {
        throw FormatError(fmt::format("{}: sets/{}/models: unknown interfacial_energy '{}'",
                                      material.file, set.name, gamma));
    }
    model.mobility.model = parse_mobility_model(model_name("mobility", "none"));
    switch (model.mobility.model) {
        case MobilityModel::none:
            break;
        case MobilityModel::vft:
            model.mobility.eta0_Pa_s = need("vft_eta0");
            model.mobility.vft_D = need("vft_D");
            model.mobility.vft_T0_K = need("vft_T0");
            break;
        case MobilityModel::myega:
        case MobilityModel::vft_t12_m:
            model.mobility.log10_eta_inf = need("log10_viscosity_inf");
            model.mobility.T12_K = need("viscosity_T12");
            model.mobility.fragility = need("fragility");
            break;
        case MobilityModel::arrhenius:
            model.mobility.D0_m2_per_s = need("diffusivity_prefactor");
            model.mobility.activation_J_per_mol = need("diffusion_activation_energy");
            break;
    }
    if (set.has("jump_distance")) model.jump_distance_m = set.value("jump_distance");
    if (set.has("site_density")) model.site_density_per_m3 = set.value("site_density");
    model.validate();
    return model;
}

}  // namespace vitrum::cnt
