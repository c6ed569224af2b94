// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "convert.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vitrum/core/error.hpp>

namespace vitrum::python {

py::dict record_to_dict(const Record& record) {
    py::dict out;
    for (const auto& [key, value] : record.fields) {
        if (const auto* d = std::get_if<double>(&value))
            out[py::str(key)] = py::float_(*d);
        else if (const auto* s = std::get_if<std::string>(&value))
            out[py::str(key)] = py::str(*s);
        else
            out[py::str(key)] = py::none();
    }
    return out;
}

py::object json_to_python(const nlohmann::ordered_json& value) {
    return py::module_::import("json").attr("loads")(value.dump());
}

py::dict settings_to_dict(const std::vector<SettingRecord>& settings) {
    return json_to_python(settings_to_json(settings));
}

py::array_t<double> view(const std::vector<double>& values, py::handle owner) {
    py::array_t<double> a({static_cast<py::ssize_t>(values.size())},
                          {static_cast<py::ssize_t>(sizeof(double))}, values.data(), owner);
    // The buffer belongs to the C++ result: numpy must not write into it.
    py::detail::array_proxy(a.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
    return a;
}

py::array_t<double> copy_array(const std::vector<double>& values) {
    py::array_t<double> a(static_cast<py::ssize_t>(values.size()));
    std::copy(values.begin(), values.end(), a.mutable_data());
    return a;
}

py::dict quantities_to_dict(const std::map<std::string, Quantity>& quantities) {
    py::dict out;
    for (const auto& [key, q] : quantities) out[py::str(key)] = py::make_tuple(q.value, q.unit);
    return out;
}

std::string path_from(py::handle object, const char* what) {
    try {
        return py::module_::import("os").attr("fspath")(object).cast<std::string>();
    } catch (const py::error_already_set&) {
        throw InvalidArgument(fmt::format("{}: expected a path (str or os.PathLike), got {}", what,
                                          py::str(py::type::of(object)).cast<std::string>()));
    }
}

Options::Options(const py::dict& kwargs, std::set<std::string> allowed, const char* function)
    : kwargs_(kwargs), function_(function) {
    for (const auto& item : kwargs_) {
        const std::string key = py::str(item.first);
        if (allowed.count(key)) continue;
        std::string names;
        for (const auto& a : allowed) names += (names.empty() ? "" : ", ") + a;
        throw InvalidArgument(
            fmt::format("{}: unknown option '{}'; allowed: {}", function_, key, names));
    }
}

bool Options::has(const char* name) const {
    return kwargs_.contains(name) && !kwargs_[name].is_none();
}

std::optional<double> Options::number(const char* name) const {
    if (!has(name)) return std::nullopt;
    py::handle v = kwargs_[name];
    if (py::isinstance<py::bool_>(v) ||
        !(py::isinstance<py::float_>(v) || py::isinstance<py::int_>(v) ||
          py::hasattr(v, "__float__"))) {
        throw InvalidArgument(fmt::format("{}: option {} must be a number, got {}", function_, name,
                                          py::repr(v).cast<std::string>()));
    }
    return v.cast<double>();
}

std::optional<std::string> Options::text(const char* name) const {
    if (!has(name)) return std::nullopt;
    py::handle v = kwargs_[name];
    if (!py::isinstance<py::str>(v)) {
        throw InvalidArgument(fmt::format("{}: option {} must be a str, got {}", function_, name,
                                          py::repr(v).cast<std::string>()));
    }
    return v.cast<std::string>();
}

std::optional<dsc::TemperatureWindow> Options::window(const char* name) const {
    if (!has(name)) return std::nullopt;
    py::handle v = kwargs_[name];
    const auto bad = [&] {
        return InvalidArgument(fmt::format("{}: option {} must be a pair (lo, hi) in K, got {}",
                                           function_, name, py::repr(v).cast<std::string>()));
    };
    if (!py::isinstance<py::sequence>(v) || py::isinstance<py::str>(v)) throw bad();
    const auto seq = py::reinterpret_borrow<py::sequence>(v);
    if (seq.size() != 2) throw bad();
    try {
        return dsc::TemperatureWindow{seq[0].cast<double>(), seq[1].cast<double>()};
    } catch (const py::cast_error&) {
        throw bad();
    }
}

std::optional<long long> Options::integer(const char* name) const {
    if (!has(name)) return std::nullopt;
    py::handle v = kwargs_[name];
    if (py::isinstance<py::bool_>(v) || !py::isinstance<py::int_>(v)) {
        throw InvalidArgument(fmt::format("{}: option {} must be an int, got {}", function_, name,
                                          py::repr(v).cast<std::string>()));
    }
    return v.cast<long long>();
}

std::optional<bool> Options::flag(const char* name) const {
    if (!has(name)) return std::nullopt;
    py::handle v = kwargs_[name];
    if (!py::isinstance<py::bool_>(v)) {
        throw InvalidArgument(fmt::format("{}: option {} must be True or False, got {}", function_,
                                          name, py::repr(v).cast<std::string>()));
    }
    return v.cast<bool>();
}

}  // namespace vitrum::python
