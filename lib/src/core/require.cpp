// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/core/require.hpp>

namespace vitrum {

void require_positive(double value, std::string_view name, std::string_view unit) {
    if (!(value > 0.0 && std::isfinite(value))) {
        throw InvalidArgument(
            fmt::format("{} must be > 0{}{}, got {}", name, unit.empty() ? "" : " ", unit, value));
    }
}

void require_positive(const std::optional<double>& value, std::string_view name,
                      std::string_view unit) {
    if (value) require_positive(*value, name, unit);
}

void require_open_interval(double value, double lo, double hi, std::string_view name) {
    if (!(value > lo && value < hi)) {
        throw InvalidArgument(fmt::format("{} must be in ({}, {}), got {}", name, lo, hi, value));
    }
}

}  // namespace vitrum
