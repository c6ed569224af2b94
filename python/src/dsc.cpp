// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// vitrum.dsc.analyse: DscOptions from keywords, vitrum::dsc::analyse without the GIL, and the
// scans with their construction lines.
#include <pybind11/stl.h>

#include <vitrum/core/error.hpp>
#include <vitrum/dsc/file_analysis.hpp>

#include "bindings.hpp"

namespace vitrum::python {
namespace {

using namespace vitrum::dsc;

DscOptions dsc_options(const py::dict& kwargs) {
    const Options o(kwargs,
                    {"tg_search_K", "tx_search_K", "tg_baseline_width_K", "tg_baseline_before_K",
                     "tg_baseline_after_K", "segment", "crystallisation_baseline", "endotherm",
                     "stated_heating_rate_K_per_s", "rate_tolerance", "melting_required"},
                    "vitrum.dsc.analyse");
    DscOptions d;
    d.tg_search_K = o.window("tg_search_K");
    d.tx_search_K = o.window("tx_search_K");
    d.tg_baseline_width_K = o.number("tg_baseline_width_K");
    d.tg_baseline_before_K = o.window("tg_baseline_before_K");
    d.tg_baseline_after_K = o.window("tg_baseline_after_K");
    if (auto s = o.integer("segment")) {
        if (*s < 1)
            throw InvalidArgument("segment is 1-based: give 1 or more, got " + std::to_string(*s));
        d.segment = static_cast<std::size_t>(*s);
    }
    if (auto b = o.text("crystallisation_baseline")) {
        if (*b == "linear")
            d.crystallisation_baseline = PeakBaseline::linear;
        else if (*b == "sigmoidal")
            d.crystallisation_baseline = PeakBaseline::sigmoidal;
        else
            throw InvalidArgument(
                "crystallisation_baseline must be 'linear' or 'sigmoidal', got '" + *b + "'");
    }
    if (auto e = o.text("endotherm")) {
        if (*e != "up" && *e != "down")
            throw InvalidArgument("endotherm must be 'up' or 'down', got '" + *e + "'");
        d.endotherm = *e == "up" ? EndothermDirection::up : EndothermDirection::down;
    }
    d.stated_heating_rate_K_per_s = o.number("stated_heating_rate_K_per_s");
    if (auto t = o.number("rate_tolerance")) d.rate_tolerance = *t;
    if (auto m = o.flag("melting_required")) d.melting_required = *m;
    d.validate();
    return d;
}

// One straight construction line over [lo_K, hi_K] in the thermogram's heat-flow unit.
py::dict line(const std::string& name, const LineFit& fit, double lo_K, double hi_K) {
    py::dict d;
    d["name"] = name;
    d["temperature_K"] = copy_array({lo_K, hi_K});
    d["heat_flow"] = copy_array({fit(lo_K), fit(hi_K)});
    return d;
}

py::dict marker(const std::string& name, double T_K) {
    py::dict d;
    d["name"] = name;
    d["temperature_K"] = T_K;
    return d;
}

void add_peaks(const PeakSearchResult& r, const char* symbol, py::list& lines, py::list& markers) {
    for (std::size_t g = 0; g < r.groups.size(); ++g) {
        py::dict d;
        d["name"] = std::string(symbol) + " baseline " + std::to_string(g + 1);
        d["temperature_K"] = copy_array(r.groups[g].baseline_T_K);
        d["heat_flow"] = copy_array(r.groups[g].baseline_value);
        lines.append(d);
    }
    for (std::size_t k = 0; k < r.peaks.size(); ++k) {
        const auto& pk = r.peaks[k];
        const std::string n = std::string(symbol) + std::to_string(k + 1);
        const double half = 0.5 * (pk.peak_K - pk.onset_extrapolated_K);
        lines.append(line(n + " leading tangent", pk.leading_tangent,
                          pk.onset_extrapolated_K - half, pk.peak_K));
        lines.append(line(n + " trailing tangent", pk.trailing_tangent, pk.peak_K,
                          pk.end_extrapolated_K + half));
        markers.append(marker(n + " onset", pk.onset_extrapolated_K));
        markers.append(marker(n + " peak", pk.peak_K));
        markers.append(marker(n + " end", pk.end_extrapolated_K));
    }
}

// The lines and temperatures the analysis constructed, as dsc_figure draws them.
py::dict construction(const DscScanResult& s) {
    py::list lines, markers;
    const HeatingAnalysis& a = s.analysis;
    if (const auto& tg = a.glass_transition) {
        lines.append(line("Tg glassy baseline", tg->baseline1, tg->baseline1_window_K.lo_K,
                          tg->end_extrapolated_K));
        lines.append(line("Tg liquid baseline", tg->baseline2, tg->onset_extrapolated_K,
                          tg->baseline2_window_K.hi_K));
        const double pad = 0.3 * (tg->end_extrapolated_K - tg->onset_extrapolated_K);
        lines.append(line("Tg tangent", tg->tangent, tg->onset_extrapolated_K - pad,
                          tg->end_extrapolated_K + pad));
        markers.append(marker("Tg onset", tg->onset_extrapolated_K));
        markers.append(marker("Tg midpoint", tg->midpoint_K));
        markers.append(marker("Tg end", tg->end_extrapolated_K));
    }
    if (const auto& tf = a.fictive) markers.append(marker("Tf", tf->fictive_K));
    if (a.crystallisation) add_peaks(*a.crystallisation, s.cooling ? "Tc" : "Tx", lines, markers);
    if (a.melting) add_peaks(*a.melting, "Tm", lines, markers);
    py::dict out;
    out["lines"] = lines;
    out["markers"] = markers;
    out["heat_flow_unit"] = std::string(s.scan.heat_flow_si_unit());
    out["endotherm"] = s.scan.endotherm == EndothermDirection::up ? "up" : "down";
    return out;
}

}  // namespace

void bind_dsc(py::module_& m) {
    py::class_<DscScanResult>(m, "DscScan", "One analysed scan of one curve of a DSC file.")
        .def_readonly("curve", &DscScanResult::curve_name, "The curve's name.")
        .def_readonly("segment", &DscScanResult::segment_number, "1-based segment number.")
        .def_readonly("segment_label", &DscScanResult::segment_label,
                      "The file's label of the segment, or \"detected\".")
        .def_readonly("cooling", &DscScanResult::cooling, "True for a cooling scan.")
        .def_property_readonly(
            "heating_rate_K_per_s",
            [](const DscScanResult& s) { return s.analysis.heating_rate_K_per_s; },
            "Measured rate, slope of T(t) over the scan [K/s].")
        .def_property_readonly(
            "temperature_K",
            [](py::object self) {
                return view(self.cast<const DscScanResult&>().scan.temperature_K, self);
            },
            "Temperature of the analysed rows [K].")
        .def_property_readonly(
            "time_s",
            [](py::object self) {
                return view(self.cast<const DscScanResult&>().scan.time_s, self);
            },
            "Time of the analysed rows [s].")
        .def_property_readonly(
            "heat_flow",
            [](py::object self) {
                return view(self.cast<const DscScanResult&>().scan.heat_flow, self);
            },
            "Heat flow of the analysed rows, oriented as `endotherm` [W/kg when per_mass, else W].")
        .def_property_readonly(
            "per_mass", [](const DscScanResult& s) { return s.scan.per_mass; },
            "True when heat_flow is specific [W/kg].")
        .def_property_readonly(
            "endotherm",
            [](const DscScanResult& s) {
                return s.scan.endotherm == EndothermDirection::up ? "up" : "down";
            },
            "Orientation of heat_flow: \"up\" (ISO 11357-1) or \"down\".")
        .def_readonly("warnings", &DscScanResult::warnings,
                      "Warnings of the reader, the normalisation and the checks.")
        .def_property_readonly(
            "problems", [](const DscScanResult& s) { return s.analysis.problems; },
            "Parts asked for that could not be constructed, with the reason.")
        .def_property_readonly("measured", &DscScanResult::measured,
                               "True when at least one event was constructed.")
        .def(
            "to_dict", [](const DscScanResult& s) { return record_to_dict(s.to_record()); },
            "The results in SI with the unit in each key (tg_onset_K, delta_cp_J_per_kg_K, "
            "tx1_onset_K, delta_hx1_J_per_kg …); None where not computed.")
        .def("construction", &construction,
             "Construction lines for plotting: {'lines': [{name, temperature_K, heat_flow}], "
             "'markers': [{name, temperature_K}], 'heat_flow_unit', 'endotherm'}; heat flow in "
             "SI (W/kg or W).");

    py::class_<DscFileResult, std::shared_ptr<DscFileResult>>(
        m, "DscResult", "Every analysed scan of a DSC file, with the settings used.")
        .def_property_readonly(
            "scans",
            [](py::object self) {
                auto& r = self.cast<DscFileResult&>();
                py::list out;
                for (auto& s : r.scans)
                    out.append(py::cast(&s, py::return_value_policy::reference_internal, self));
                return out;
            },
            "The analysed scans (one per curve).")
        .def_property_readonly(
            "settings", [](const DscFileResult& r) { return settings_to_dict(r.settings); },
            "{setting: {'value': SI value, 'source': where it came from}}.")
        .def_readonly("warnings", &DscFileResult::warnings, "File-level warnings.");

    m.def(
        "dsc_analyse",
        [](py::object source, const std::string& format, py::dict kwargs) {
            const DscOptions options = dsc_options(kwargs);  // option errors before reading
            auto ds = dataset_from(source, format, "dsc");
            py::gil_scoped_release release;
            return std::make_shared<DscFileResult>(dsc::analyse(*ds, options));
        },
        py::arg("path_or_dataset"), py::arg("format"), py::arg("options"));
}

}  // namespace vitrum::python
