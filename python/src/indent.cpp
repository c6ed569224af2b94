// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// vitrum.indent.analyse: IndentFileOptions from keywords and vitrum::indent::analyse without
// the GIL.
#include <pybind11/stl.h>

#include <vitrum/core/error.hpp>
#include <vitrum/indent/file_analysis.hpp>
#include <vitrum/instruments/nanosuite_method.hpp>

#include "bindings.hpp"

namespace vitrum::python {
namespace {

using namespace vitrum::indent;

IndentFileOptions indent_options(const Options& o) {
    IndentFileOptions f;
    if (auto c = o.text("convention")) f.convention = parse_vendor_convention(*c);
    if (o.has("area") && o.has("tip"))
        throw InvalidArgument("vitrum.indent.analyse: give either area or tip, not both");
    if (auto a = o.text("area")) f.area = AreaFunction::parse(*a);
    if (auto t = o.text("tip")) f.area = parse_tip(*t);
    f.sample_poisson_ratio = o.number("sample_poisson_ratio");
    f.tip_poisson_ratio = o.number("tip_poisson_ratio");
    f.tip_modulus_Pa = o.number("tip_modulus_Pa");
    f.epsilon = o.number("epsilon");
    f.beta = o.number("beta");
    f.unload_fit_lower = o.number("unload_fit_lower");
    f.unload_fit_upper = o.number("unload_fit_upper");
    f.frame_stiffness_N_per_m = o.number("frame_stiffness_N_per_m");
    if (auto d = o.text("drift")) {
        if (*d == "measured")
            f.drift = DriftMode::measured;
        else if (*d != "none")
            throw InvalidArgument("drift must be 'none' or 'measured', got '" + *d + "'");
    }
    if (auto m = o.text("method")) {
        if (*m == "quasi_static" || *m == "qs")
            f.method = IndentMethod::quasi_static;
        else if (*m == "csm")
            f.method = IndentMethod::csm;
        else if (*m != "automatic" && *m != "auto")
            throw InvalidArgument("method must be 'automatic', 'quasi_static' or 'csm', got '" +
                                  *m + "'");
    }
    if (auto v = o.number("csm_min_depth_m")) f.csm_min_depth_m = *v;
    if (auto v = o.number("csm_max_depth_m")) f.csm_max_depth_m = *v;
    f.validate();
    return f;
}

}  // namespace

void bind_indent(py::module_& m) {
    py::class_<IndentAnalysis>(m, "Indent", "One indent (one curve of the file), or why it failed.")
        .def_readonly("test", &IndentAnalysis::test, "The curve's name.")
        .def_property_readonly("ok", &IndentAnalysis::ok, "True when the indent has values.")
        .def_readonly("error", &IndentAnalysis::error, "Why it has no values (empty when ok).")
        .def_readonly("area_description", &IndentAnalysis::area_description,
                      "The area function used.")
        .def_readonly("headline_cycle", &IndentAnalysis::headline_cycle,
                      "1-based cycle of the headline values (0 for CSM).")
        .def(
            "to_dict", [](const IndentAnalysis& a) { return record_to_dict(a.to_record()); },
            "Headline values in SI (max_load_N, contact_depth_m, stiffness_N_per_m, "
            "reduced_modulus_Pa, modulus_Pa, hardness_Pa …) and status; None where missing.")
        .def(
            "cycles",
            [](const IndentAnalysis& a) {
                py::list out;
                for (const auto& r : a.cycle_records()) out.append(record_to_dict(r));
                return out;
            },
            "One dict per cycle (quasi-static) or one CSM row, keys as in to_dict().");

    py::class_<IndentFileResult, std::shared_ptr<IndentFileResult>>(
        m, "IndentResult", "Every indent of a file, with the settings used.")
        .def_property_readonly(
            "indents",
            [](py::object self) {
                auto& r = self.cast<IndentFileResult&>();
                py::list out;
                for (auto& a : r.indents)
                    out.append(py::cast(&a, py::return_value_policy::reference_internal, self));
                return out;
            },
            "The indents in file order.")
        .def_property_readonly(
            "summary",
            [](const IndentFileResult& r) { return record_to_dict(r.summary().to_record()); },
            "Per-file statistics: indents, usable, failed, modulus_mean_Pa, modulus_sd_Pa, "
            "hardness_mean_Pa, hardness_sd_Pa, outliers.")
        .def_property_readonly(
            "settings", [](const IndentFileResult& r) { return settings_to_dict(r.settings); },
            "{setting: {'value': SI value, 'source': where it came from}}.")
        .def_readonly("warnings", &IndentFileResult::warnings,
                      "Reader warnings, defaults assumed, disagreements.");

    m.def(
        "indent_analyse",
        [](py::object source, const std::string& format, py::dict kwargs) {
            const Options o(
                kwargs,
                {"convention", "area", "tip", "sample_poisson_ratio", "tip_poisson_ratio",
                 "tip_modulus_Pa", "epsilon", "beta", "unload_fit_lower", "unload_fit_upper",
                 "frame_stiffness_N_per_m", "drift", "method", "csm_min_depth_m", "csm_max_depth_m",
                 "method_file"},
                "vitrum.indent.analyse");
            const IndentFileOptions options = indent_options(o);  // option errors first
            const std::optional<std::string> method_file = o.text("method_file");
            auto ds = dataset_from(source, format, "indentation");
            py::gil_scoped_release release;
            if (method_file) {
                // The method's area terms are written into a copy: the caller's Dataset stays.
                auto with_method = std::make_shared<Dataset>(*ds);
                apply_nanosuite_method(read_nanosuite_method_file(*method_file), *with_method);
                ds = with_method;
            }
            return std::make_shared<IndentFileResult>(indent::analyse(*ds, options));
        },
        py::arg("path_or_dataset"), py::arg("format"), py::arg("options"));
}

}  // namespace vitrum::python
