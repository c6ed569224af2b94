// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/thermogram.hpp>

namespace vitrum::dsc {

Thermogram Thermogram::slice(std::size_t begin, std::size_t end) const {
    if (begin > end || end > size()) {
        throw InvalidArgument(
            fmt::format("Thermogram::slice: rows [{}, {}) outside [0, {})", begin, end, size()));
    }
    Thermogram out;
    const auto cut = [&](const std::vector<double>& v) {
        return v.empty() ? v
                         : std::vector<double>(v.begin() + static_cast<std::ptrdiff_t>(begin),
                                               v.begin() + static_cast<std::ptrdiff_t>(end));
    };
    out.time_s = cut(time_s);
    out.temperature_K = cut(temperature_K);
    out.heat_flow = cut(heat_flow);
    out.per_mass = per_mass;
    out.endotherm = endotherm;
    out.sample_mass_kg = sample_mass_kg;
    out.warnings = warnings;
    return out;
}

std::vector<double> Thermogram::endo_up() const {
    std::vector<double> out(heat_flow);
    if (endotherm == EndothermDirection::down) {
        for (double& v : out) v = -v;
    }
    return out;
}

void NormalizeOptions::validate() const {
    if (exotherm_sign && std::fabs(std::fabs(*exotherm_sign) - 1.0) > 1e-12) {
        throw InvalidArgument(
            fmt::format("exotherm_sign must be +1 or -1, got {}", *exotherm_sign));
    }
    if (sample_mass_kg && !(*sample_mass_kg > 0.0 && std::isfinite(*sample_mass_kg))) {
        throw InvalidArgument(
            fmt::format("sample_mass_kg must be a finite value > 0 kg, got {}", *sample_mass_kg));
    }
}

namespace {

std::optional<double> curve_property(const Curve& curve, const char* key) {
    const auto it = curve.properties.find(key);
    if (it == curve.properties.end()) return std::nullopt;
    return it->second.value;
}

Thermogram build(const Curve& curve, std::optional<double> file_exo_sign,
                 std::optional<double> file_mass_kg, std::optional<double> rate_K_per_s,
                 const NormalizeOptions& options) {
    options.validate();
    const Series& s = curve.data;
    if (!s.has(channel::temperature)) {
        throw FormatError(fmt::format("curve '{}' has no temperature column", curve.name));
    }
    Thermogram t;
    t.temperature_K = s.values(channel::temperature);
    double mass_scale = 1.0;
    const std::optional<double> mass =
        options.sample_mass_kg ? options.sample_mass_kg : file_mass_kg;
    if (mass && !(*mass > 0.0)) {
        throw FormatError(
            fmt::format("curve '{}': sample mass {} kg is not positive", curve.name, *mass));
    }
    t.sample_mass_kg = mass;
    if (s.has(channel::specific_heat_flow)) {
        t.heat_flow = s.values(channel::specific_heat_flow);
        t.per_mass = true;
    } else if (s.has(channel::heat_flow)) {
        t.heat_flow = s.values(channel::heat_flow);
        if (mass && options.divide_by_mass) {
            t.per_mass = true;
            mass_scale = 1.0 / *mass;
        }
    } else {
        throw FormatError(
            fmt::format("curve '{}' has neither heat_flow nor specific_heat_flow", curve.name));
    }
    // Orientation: the file's heat flow is endotherm-up when exotherms point down (sign −1).
    const std::optional<double> exo = options.exotherm_sign ? options.exotherm_sign : file_exo_sign;
    double file_endo_up = 1.0;
    if (exo) {
        file_endo_up = *exo > 0 ? -1.0 : 1.0;
    } else {
        t.warnings.push_back(
            "exotherm sign not stated by the file; assumed endotherms up (ISO 11357-1)");
    }
    const double wanted = options.endotherm == EndothermDirection::up ? 1.0 : -1.0;
    const double factor = mass_scale * file_endo_up * wanted;
    for (double& v : t.heat_flow) v *= factor;
    t.endotherm = options.endotherm;

    if (s.has(channel::time)) {
        t.time_s = s.values(channel::time);
    } else if (rate_K_per_s && std::fabs(*rate_K_per_s) > 0.0) {
        t.time_s.resize(t.temperature_K.size());
        const double T0 = t.temperature_K.empty() ? 0.0 : t.temperature_K.front();
        for (std::size_t i = 0; i < t.time_s.size(); ++i) {
            t.time_s[i] = (t.temperature_K[i] - T0) / *rate_K_per_s;
        }
        t.warnings.push_back("no time column; time rebuilt from the programmed heating rate");
    } else {
        throw FormatError(
            fmt::format("curve '{}' has no time column and no heating_rate property to rebuild it",
                        curve.name));
    }
    t.segments = s.segments;
    return t;
}

}  // namespace

Thermogram normalize(const Dataset& dataset, std::size_t curve_index,
                     const NormalizeOptions& options) {
    if (curve_index >= dataset.curves.size()) {
        throw InvalidArgument(
            fmt::format("curve index {} outside [0, {})", curve_index, dataset.curves.size()));
    }
    const Curve& curve = dataset.curves[curve_index];
    Thermogram t = build(curve, dataset.property(curve, property::exotherm_sign),
                         dataset.property(curve, property::sample_mass),
                         dataset.property(curve, property::heating_rate), options);
    return t;
}

Thermogram normalize(const Curve& curve, const NormalizeOptions& options) {
    return build(curve, curve_property(curve, property::exotherm_sign),
                 curve_property(curve, property::sample_mass),
                 curve_property(curve, property::heating_rate), options);
}

}  // namespace vitrum::dsc
