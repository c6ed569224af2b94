// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// vitrum.read, vitrum.formats and the Dataset / Curve views over a read file.
#include <pybind11/stl.h>

#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "bindings.hpp"

namespace vitrum::python {
namespace {

py::dict source_dict(const SourceInfo& s) {
    py::dict d;
    d["path"] = s.path;
    d["format"] = s.format_id;
    d["encoding"] = s.encoding;
    d["instrument"] = s.instrument;
    d["date"] = s.date;
    d["sample"] = s.sample;
    return d;
}

py::list segments_list(const std::vector<Segment>& segments) {
    py::list out;
    for (const auto& s : segments) {
        py::dict d;
        d["begin"] = s.begin;
        d["end"] = s.end;
        d["kind"] = std::string(to_string(s.kind));
        d["label"] = s.label;
        out.append(d);
    }
    return out;
}

std::optional<Technique> technique_named(const char* technique) {
    if (technique == nullptr) return std::nullopt;
    return std::string(technique) == "dsc" ? Technique::dsc : Technique::indentation;
}

}  // namespace

std::shared_ptr<const Dataset> dataset_from(py::handle source, const std::string& format,
                                            const char* technique) {
    if (py::isinstance<Dataset>(source)) {
        if (!format.empty())
            throw InvalidArgument("format: give it with a path, not with a vitrum.Dataset");
        return source.cast<std::shared_ptr<Dataset>>();
    }
    const std::string path = path_from(source, "path_or_dataset");
    py::gil_scoped_release release;
    return std::make_shared<const Dataset>(
        builtin_readers().read_file(path, format, technique_named(technique)));
}

void bind_dataset(py::module_& m) {
    py::class_<Curve>(m, "Curve", "One curve of a file: a DSC run, one indentation test.")
        .def_readonly("name", &Curve::name, "The curve's name (\"Test 001\", file stem …).")
        .def_property_readonly(
            "channels",
            [](py::object self) {
                const auto& c = self.cast<const Curve&>();
                py::dict d;
                for (const auto& col : c.data.columns())
                    d[py::str(col.name)] = view(col.values, self);
                return d;
            },
            "{channel: numpy array} in SI (K, s, W, W/kg, m, N …; see `units`); read-only views "
            "of the data, no copy.")
        .def_property_readonly(
            "units",
            [](const Curve& c) {
                py::dict d;
                for (const auto& col : c.data.columns()) d[py::str(col.name)] = col.unit;
                return d;
            },
            "{channel: SI unit}.")
        .def_property_readonly(
            "original_names",
            [](const Curve& c) {
                py::dict d;
                for (const auto& col : c.data.columns())
                    d[py::str(col.name)] = py::make_tuple(col.original_name, col.original_unit);
                return d;
            },
            "{channel: (header as found, unit as found)}.")
        .def_property_readonly(
            "properties", [](const Curve& c) { return quantities_to_dict(c.properties); },
            "{key: (value in SI, SI unit)}: per-curve metadata and vendor results.")
        .def_readonly("text", &Curve::text, "{key: text}: per-curve text metadata as found.")
        .def_property_readonly(
            "segments", [](const Curve& c) { return segments_list(c.data.segments); },
            "Segments as [{begin, end (row indices, end exclusive), kind, label}].")
        .def_property_readonly(
            "rows", [](const Curve& c) { return c.data.rows(); }, "Number of rows [1].")
        .def("__repr__", [](const Curve& c) {
            return "<vitrum.Curve '" + c.name + "' " + std::to_string(c.data.rows()) + " rows, " +
                   std::to_string(c.data.columns().size()) + " channels>";
        });

    py::class_<Dataset, std::shared_ptr<Dataset>>(
        m, "Dataset", "A file as read: SI curves, metadata and provenance (see vitrum.read).")
        .def_property_readonly(
            "curves",
            [](py::object self) {
                auto& ds = self.cast<Dataset&>();
                py::list out;
                for (auto& c : ds.curves)
                    out.append(py::cast(&c, py::return_value_policy::reference_internal, self));
                return out;
            },
            "The curves, in file order.")
        .def_property_readonly(
            "source", [](const Dataset& d) { return source_dict(d.source); },
            "Provenance: path, format (reader id), encoding, instrument, "
            "date, sample.")
        .def_property_readonly(
            "metadata", [](const Dataset& d) { return d.source.metadata; },
            "{header key: value} as found in the file.")
        .def_property_readonly(
            "properties", [](const Dataset& d) { return quantities_to_dict(d.source.properties); },
            "{key: (value in SI, SI unit)}: typed file-level metadata.")
        .def_property_readonly(
            "program", [](const Dataset& d) { return segments_list(d.source.program); },
            "The temperature or load programme as stated in the file.")
        .def_readonly("warnings", &Dataset::warnings, "What the reader noticed but did not refuse.")
        .def("__repr__", [](const Dataset& d) {
            return "<vitrum.Dataset '" + d.source.path + "' (" + d.source.format_id + "), " +
                   std::to_string(d.curves.size()) + " curves>";
        });

    m.def(
        "read",
        [](py::object path, const std::string& format) {
            auto ds = dataset_from(path, format, nullptr);
            return std::const_pointer_cast<Dataset>(ds);
        },
        py::arg("path"), py::arg("format") = "");

    m.def("formats", [] {
        py::list out;
        for (const auto& r : builtin_readers().readers()) {
            py::dict d;
            d["format"] = std::string(r->format_id());
            d["technique"] = r->technique() == Technique::dsc ? "dsc" : "indentation";
            d["extensions"] = std::string(r->extensions());
            d["description"] = std::string(r->description());
            out.append(d);
        }
        return out;
    });
}

}  // namespace vitrum::python
