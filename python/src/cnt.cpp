// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// vitrum.cnt: the material files and CNT sweeps, built as `vitrum cnt` builds them.
#include <pybind11/stl.h>

#include <cmath>
#include <vitrum/cnt/driving_force.hpp>
#include <vitrum/cnt/interfacial_energy.hpp>
#include <vitrum/cnt/material.hpp>
#include <vitrum/cnt/nucleation.hpp>
#include <vitrum/core/error.hpp>

#include "bindings.hpp"

namespace vitrum::python {
namespace {

using namespace vitrum::cnt;

py::list materials() {
    py::list out;
    for (const auto& m : list_materials()) {
        for (const auto& s : m.sets) {
            py::dict d;
            d["material"] = m.id + ":" + s.name;
            d["id"] = m.id;
            d["set"] = s.name;
            d["default"] = s.name == m.default_set;
            d["name"] = m.name;
            d["crystal"] = m.crystal;
            d["description"] = s.description;
            d["file"] = m.file;
            out.append(d);
        }
    }
    return out;
}

// The model of "id[:set]" with the driving-force and interfacial-energy overrides of
// `vitrum cnt --dg/--gamma` (same spellings).
CntModel model_for(const std::string& material, const std::string& driving_force,
                   const std::string& interfacial_energy) {
    const MaterialChoice choice = find_material(material);
    CntModel model = build_model(choice.material, choice.set);
    const auto thermo = model.thermodynamics();
    if (!driving_force.empty()) {
        if (driving_force.rfind("table:", 0) == 0) {
            model.driving_force =
                DrivingForce(DrivingForceTable::from_file(driving_force.substr(6)), thermo);
        } else {
            const auto kind = parse_driving_force_model(driving_force);
            if (kind == DrivingForceModel::constant_dcp &&
                !choice.set.has("heat_capacity_difference")) {
                throw InvalidArgument(
                    "driving_force dcp: the material set has no heat_capacity_difference");
            }
            model.driving_force = DrivingForce(kind, thermo);
        }
    }
    if (!interfacial_energy.empty()) model.gamma = parse_interfacial_energy(interfacial_energy);
    model.validate();
    return model;
}

py::dict sweep_columns(const std::string& material, const std::vector<double>& temperatures_K,
                       const std::string& driving_force, const std::string& interfacial_energy) {
    std::vector<CntPoint> points;
    {
        py::gil_scoped_release release;
        points = sweep(model_for(material, driving_force, interfacial_energy), temperatures_K);
    }
    const auto column = [&](auto member) {
        std::vector<double> v;
        v.reserve(points.size());
        for (const auto& p : points) v.push_back(member(p));
        return copy_array(v);
    };
    // Sizes are meaningless where nothing nucleates (T >= T_m): NaN, not the library's zeros.
    const auto sized = [](const CntPoint& p, double v) {
        return p.state == NucleationState::nucleating ? v : std::nan("");
    };
    py::dict d;
    d["temperature_K"] = column([](const CntPoint& p) { return p.temperature_K; });
    py::list state;
    for (const auto& p : points) state.append(std::string(to_string(p.state)));
    d["state"] = state;
    d["driving_force_J_per_mol"] =
        column([](const CntPoint& p) { return p.driving_force_J_per_mol; });
    d["driving_force_J_per_m3"] =
        column([](const CntPoint& p) { return p.driving_force_J_per_m3; });
    d["gamma_J_per_m2"] = column([](const CntPoint& p) { return p.gamma_J_per_m2; });
    d["critical_radius_m"] =
        column([&](const CntPoint& p) { return sized(p, p.nucleus.radius_m); });
    d["critical_diameter_m"] =
        column([&](const CntPoint& p) { return sized(p, p.nucleus.diameter_m); });
    d["critical_atoms"] = column([&](const CntPoint& p) { return sized(p, p.nucleus.atoms); });
    d["barrier_J"] = column([&](const CntPoint& p) { return sized(p, p.nucleus.barrier_J); });
    d["barrier_over_kT"] = column([&](const CntPoint& p) { return sized(p, p.barrier_over_kT); });
    d["zeldovich"] = column([&](const CntPoint& p) { return sized(p, p.zeldovich); });
    d["viscosity_Pa_s"] = column([](const CntPoint& p) { return p.viscosity_Pa_s; });
    d["diffusivity_m2_per_s"] = column([](const CntPoint& p) { return p.diffusivity_m2_per_s; });
    d["attachment_rate_per_s"] = column([](const CntPoint& p) { return p.attachment_rate_per_s; });
    d["nucleation_rate_per_m3_s"] =
        column([](const CntPoint& p) { return p.nucleation_rate_per_m3_s; });
    d["growth_rate_m_per_s"] = column([](const CntPoint& p) { return p.growth_rate_m_per_s; });
    return d;
}

}  // namespace

void bind_cnt(py::module_& m) {
    m.def("cnt_materials", &materials);
    m.def("cnt_sweep", &sweep_columns, py::arg("material"), py::arg("temperatures_K"),
          py::arg("driving_force") = "", py::arg("interfacial_energy") = "");
}

}  // namespace vitrum::python
