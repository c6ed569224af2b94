// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

/// Checks of option values shared by the analysis modules. Each throws InvalidArgument with a
/// message that names the option, the accepted range with its unit, and the offending value.

#include <optional>
#include <string_view>

namespace vitrum {

/// value > 0 and finite; `unit` is printed after the bound ("must be > 0 K, got -1").
void require_positive(double value, std::string_view name, std::string_view unit);

/// As above when the option is set; an unset option passes.
void require_positive(const std::optional<double>& value, std::string_view name,
                      std::string_view unit);

/// lo < value < hi (a fraction of a window, a probability, …); NaN fails.
void require_open_interval(double value, double lo, double hi, std::string_view name);

}  // namespace vitrum
