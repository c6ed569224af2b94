// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Conversions between vitrum's C++ values and Python objects, shared by the binding files.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <optional>
#include <set>
#include <string>
#include <vector>
#include <vitrum/core/record.hpp>
#include <vitrum/core/series.hpp>
#include <vitrum/core/setting.hpp>
#include <vitrum/dsc/thermogram.hpp>

namespace vitrum::python {

namespace py = pybind11;

/// A Record as a dict in its key order: numbers (SI) as float, text as str, missing as None.
py::dict record_to_dict(const Record& record);

/// A JSON value as the equivalent Python object (through the json module).
py::object json_to_python(const nlohmann::ordered_json& value);

/// Resolved settings as {"name": {"value": …, "source": "option|file|…"}}.
py::dict settings_to_dict(const std::vector<SettingRecord>& settings);

/// A read-only numpy view of `values` that keeps `owner` alive (no copy) [unit of values].
py::array_t<double> view(const std::vector<double>& values, py::handle owner);

/// A read-only numpy copy of `values` [unit of values].
py::array_t<double> copy_array(const std::vector<double>& values);

/// Typed properties {key: value in SI} and their units {key: unit}.
py::dict quantities_to_dict(const std::map<std::string, Quantity>& quantities);

/// The path of a str or os.PathLike argument. @throws InvalidArgument naming `what`.
std::string path_from(py::handle object, const char* what);

/// Keyword options of an analysis, checked against the allowed names.
class Options {
public:
    /// @throws InvalidArgument naming an unknown option and the allowed ones.
    Options(const py::dict& kwargs, std::set<std::string> allowed, const char* function);

    bool has(const char* name) const;
    std::optional<double> number(const char* name) const;                  ///< float or None
    std::optional<std::string> text(const char* name) const;               ///< str or None
    std::optional<dsc::TemperatureWindow> window(const char* name) const;  ///< (lo, hi) [K]
    std::optional<long long> integer(const char* name) const;              ///< int or None
    std::optional<bool> flag(const char* name) const;                      ///< bool or None

private:
    py::dict kwargs_;
    std::string function_;
};

}  // namespace vitrum::python
