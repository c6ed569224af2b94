// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <utility>
#include <vitrum/cnt/driving_force.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/units.hpp>

namespace vitrum::cnt {
namespace {

void require_positive(double value, const char* name) {
    if (!(std::isfinite(value) && value > 0.0)) {
        throw InvalidArgument(fmt::format("{} must be finite and > 0, got {}", name, value));
    }
}

std::vector<std::string> split_fields(const std::string& line) {
    std::vector<std::string> fields;
    std::string current;
    for (char c : line) {
        if (c == ' ' || c == '\t' || c == ',' || c == ';' || c == '\r') {
            if (!current.empty()) fields.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) fields.push_back(std::move(current));
    return fields;
}

bool read_number(const std::string& text, double& value) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (begin != end && *begin == '+') ++begin;
    const auto result = std::from_chars(begin, end, value);
    return result.ec == std::errc() && result.ptr == end && std::isfinite(value);
}

// A header may put a blank between name and unit ("T (K)"), which split_fields breaks apart;
// glue the pieces back to two "name(unit)" fields.
std::vector<std::string> header_fields(const std::string& line) {
    auto fields = split_fields(line);
    std::vector<std::string> glued;
    for (auto& f : fields) {
        const bool unit_only =
            !f.empty() && (f.front() == '(' || f.front() == '[' || f.front() == '/');
        if (unit_only && !glued.empty()) {
            glued.back() += f;
        } else {
            glued.push_back(std::move(f));
        }
    }
    return glued;
}

}  // namespace

void Thermodynamics::validate() const {
    require_positive(melting_K, "melting_temperature");
    require_positive(enthalpy_of_fusion_J_per_mol, "enthalpy_of_fusion");
    require_positive(molar_volume_m3_per_mol, "molar_volume");
    if (!std::isfinite(heat_capacity_difference_J_per_mol_K)) {
        throw InvalidArgument("heat_capacity_difference must be finite");
    }
}

const char* to_string(DrivingForceModel model) {
    switch (model) {
        case DrivingForceModel::turnbull:
            return "turnbull";
        case DrivingForceModel::thompson_spaepen:
            return "thompson-spaepen";
        case DrivingForceModel::hoffman:
            return "hoffman";
        case DrivingForceModel::constant_dcp:
            return "dcp";
        case DrivingForceModel::table:
            return "table";
    }
    return "unknown";
}

DrivingForceModel parse_driving_force_model(std::string_view name) {
    if (name == "turnbull" || name == "linear") return DrivingForceModel::turnbull;
    if (name == "thompson-spaepen") return DrivingForceModel::thompson_spaepen;
    if (name == "hoffman") return DrivingForceModel::hoffman;
    if (name == "dcp" || name == "constant-dcp") return DrivingForceModel::constant_dcp;
    if (name == "table") return DrivingForceModel::table;
    throw InvalidArgument(fmt::format(
        "--dg: unknown driving-force model '{}'; allowed: turnbull (linear), thompson-spaepen, "
        "hoffman, dcp, table:FILE",
        std::string(name)));
}

DrivingForceTable::DrivingForceTable(std::vector<double> temperature_K,
                                     std::vector<double> driving_force_J_per_mol,
                                     std::string origin)
    : temperature_K_(std::move(temperature_K)),
      driving_force_J_per_mol_(std::move(driving_force_J_per_mol)),
      origin_(std::move(origin)) {
    if (temperature_K_.size() != driving_force_J_per_mol_.size() || temperature_K_.size() < 2) {
        throw InvalidArgument(fmt::format(
            "driving-force table '{}' needs ≥ 2 (T, ΔG) pairs of equal length, got {} and {}",
            origin_, temperature_K_.size(), driving_force_J_per_mol_.size()));
    }
    for (std::size_t i = 0; i < temperature_K_.size(); ++i) {
        if (!std::isfinite(temperature_K_[i]) || !std::isfinite(driving_force_J_per_mol_[i]) ||
            (i > 0 && !(temperature_K_[i] > temperature_K_[i - 1]))) {
            throw InvalidArgument(fmt::format(
                "driving-force table '{}': temperatures must increase strictly and values be "
                "finite (row {})",
                origin_, i + 1));
        }
    }
}

DrivingForceTable DrivingForceTable::from_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw IoError(fmt::format("cannot open driving-force table '{}'", path));
    UnitConversion t_unit = parse_unit("K");
    UnitConversion g_unit = parse_unit("J/mol");
    const UnitConversion want_t = t_unit;
    const UnitConversion want_g = g_unit;
    std::vector<double> temperature, driving_force;
    std::string line;
    std::size_t line_no = 0;
    bool seen_data = false;
    while (std::getline(in, line)) {
        ++line_no;
        if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        const auto fields = split_fields(line);
        if (fields.empty()) continue;
        double t = 0.0, g = 0.0;
        if (fields.size() >= 2 && read_number(fields[0], t) && read_number(fields[1], g)) {
            temperature.push_back(t_unit.to_si(t));
            driving_force.push_back(g_unit.to_si(g));
            seen_data = true;
            continue;
        }
        if (seen_data) {
            throw ParseError(Location{path, "", line_no, 1}, "two numbers (T, ΔG)", line);
        }
        const auto header = header_fields(line);
        if (header.size() < 2) {
            throw ParseError(Location{path, "", line_no, 1},
                             "a header 'T [K], dG [J/mol]' or two numbers", line);
        }
        const auto t_name = split_name_and_unit(header[0]);
        const auto g_name = split_name_and_unit(header[1]);
        if (t_name.unit.empty() || g_name.unit.empty()) {
            throw ParseError(Location{path, "", line_no, 1},
                             "a unit on both columns, e.g. 'T [K], dG [J/mol]'", line);
        }
        t_unit = parse_unit(t_name.unit);
        g_unit = parse_unit(g_name.unit);
        if (t_unit.dimension != want_t.dimension || g_unit.dimension != want_g.dimension) {
            throw UnitError(fmt::format(
                "{}:{}: columns must be a temperature and an energy per mole, found '{}' and '{}'",
                path, line_no, t_name.unit, g_name.unit));
        }
    }
    if (temperature.size() < 2) {
        throw ParseError(Location{path, "", line_no, 0}, "at least two (T, ΔG) rows",
                         fmt::format("{} rows", temperature.size()));
    }
    return DrivingForceTable(std::move(temperature), std::move(driving_force), path);
}

DrivingForceTable DrivingForceTable::from_heat_capacity(
    const Thermodynamics& thermo, const std::vector<double>& temperature_K,
    const std::vector<double>& dcp_J_per_mol_K) {
    thermo.validate();
    const std::size_t n = temperature_K.size();
    if (n < 2 || dcp_J_per_mol_K.size() != n) {
        throw InvalidArgument("from_heat_capacity: need ≥ 2 temperatures and as many Δc_p values");
    }
    for (std::size_t i = 1; i < n; ++i) {
        if (!(temperature_K[i] > temperature_K[i - 1])) {
            throw InvalidArgument("from_heat_capacity: temperatures must increase strictly");
        }
    }
    if (temperature_K.front() <= 0.0 || temperature_K.back() > thermo.melting_K) {
        throw InvalidArgument(fmt::format(
            "from_heat_capacity: temperatures must lie in (0, T_m = {} K]", thermo.melting_K));
    }
    // Integrate from T_m downwards: H_int(T) = ∫_T^{T_m} Δc_p dT', S_int(T) = ∫_T^{T_m} Δc_p/T'
    // dT'.
    std::vector<double> g(n);
    const double tm = thermo.melting_K;
    double h_int = dcp_J_per_mol_K.back() * (tm - temperature_K.back());
    double s_int = dcp_J_per_mol_K.back() * std::log(tm / temperature_K.back());
    for (std::size_t k = n; k-- > 0;) {
        if (k + 1 < n) {
            const double t0 = temperature_K[k], t1 = temperature_K[k + 1];
            const double c0 = dcp_J_per_mol_K[k], c1 = dcp_J_per_mol_K[k + 1];
            h_int += 0.5 * (c0 + c1) * (t1 - t0);
            s_int += 0.5 * (c0 / t0 + c1 / t1) * (t1 - t0);
        }
        const double t = temperature_K[k];
        g[k] = thermo.enthalpy_of_fusion_J_per_mol * (1.0 - t / tm) - h_int + t * s_int;
    }
    return DrivingForceTable(temperature_K, std::move(g), "integrated Δc_p(T)");
}

double DrivingForceTable::at(double temperature_K) const {
    const auto& t = temperature_K_;
    if (t.empty() || !(temperature_K >= t.front() && temperature_K <= t.back())) {
        throw InvalidArgument(fmt::format(
            "temperature {} K is outside the driving-force table '{}' ({} … {} K)", temperature_K,
            origin_, t.empty() ? 0.0 : t.front(), t.empty() ? 0.0 : t.back()));
    }
    auto it = std::upper_bound(t.begin(), t.end(), temperature_K);
    if (it == t.end()) return driving_force_J_per_mol_.back();
    const std::size_t hi = static_cast<std::size_t>(it - t.begin());
    const std::size_t lo = hi - 1;
    const double w = (temperature_K - t[lo]) / (t[hi] - t[lo]);
    return (1.0 - w) * driving_force_J_per_mol_[lo] + w * driving_force_J_per_mol_[hi];
}

DrivingForce::DrivingForce(DrivingForceModel model, const Thermodynamics& thermo)
    : model_(model), thermo_(thermo) {
    thermo_.validate();
    if (model == DrivingForceModel::table) {
        throw InvalidArgument("--dg table needs a file: use table:FILE");
    }
}

DrivingForce::DrivingForce(DrivingForceTable table, const Thermodynamics& thermo)
    : model_(DrivingForceModel::table), thermo_(thermo), table_(std::move(table)) {
    thermo_.validate();
}

double DrivingForce::molar_J_per_mol(double temperature_K) const {
    const double tm = thermo_.melting_K;
    const double h = thermo_.enthalpy_of_fusion_J_per_mol;
    const double t = temperature_K;
    const double undercooling = tm - t;
    switch (model_) {
        case DrivingForceModel::turnbull:
            return h * undercooling / tm;
        case DrivingForceModel::thompson_spaepen:
            return h * undercooling / tm * 2.0 * t / (tm + t);
        case DrivingForceModel::hoffman:
            return h * undercooling * t / (tm * tm);
        case DrivingForceModel::constant_dcp:
            return h * undercooling / tm - thermo_.heat_capacity_difference_J_per_mol_K *
                                               (undercooling - t * std::log(tm / t));
        case DrivingForceModel::table:
            return table_.at(t);
    }
    return 0.0;
}

std::string DrivingForce::describe() const {
    switch (model_) {
        case DrivingForceModel::turnbull:
            return "Turnbull linear: dG = dH_f (T_m - T)/T_m (same relation as Gibbs-Thomson)";
        case DrivingForceModel::thompson_spaepen:
            return "Thompson-Spaepen: dG = dH_f (T_m - T)/T_m * 2T/(T_m + T)";
        case DrivingForceModel::hoffman:
            return "Hoffman: dG = dH_f (T_m - T) T/T_m^2";
        case DrivingForceModel::constant_dcp:
            return fmt::format(
                "constant dc_p = {:.4g} J/(mol K): dG = dH_f dT/T_m - dc_p [dT - T ln(T_m/T)]",
                thermo_.heat_capacity_difference_J_per_mol_K);
        case DrivingForceModel::table:
            return fmt::format("table '{}' ({} points, linear interpolation)", table_.origin(),
                               table_.temperature_K().size());
    }
    return "unknown";
}

}  // namespace vitrum::cnt
