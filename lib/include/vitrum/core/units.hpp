// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace vitrum {

/// Exponents of the SI base dimensions: length, mass, time, temperature, amount, current.
struct Dimension {
    std::array<int, 6> exponent{};  ///< L, M, T, Θ, N, I

    bool operator==(const Dimension& other) const { return exponent == other.exponent; }
    bool operator!=(const Dimension& other) const { return !(*this == other); }
    bool dimensionless() const;
    /// The SI spelling used in vitrum's outputs: "W", "J/(kg K)", "m^3/mol", "1" …
    std::string si_name() const;
};

/// How to turn a value in some unit into SI: si = value * factor + offset.
/// The offset is non-zero only for a temperature scale standing alone (°C, °F); inside a
/// compound (K/min, mJ/°C, J/(g·°C)) a temperature is a difference and has no offset.
struct UnitConversion {
    double factor = 1.0;  ///< multiplier to SI
    double offset = 0.0;  ///< added after multiplying [SI unit]
    Dimension dimension;  ///< SI dimension of the result
    std::string text;     ///< the unit as given

    double to_si(double value) const { return value * factor + offset; }
    double from_si(double si_value) const { return (si_value - offset) / factor; }
    std::string si_name() const { return dimension.si_name(); }
};

/// Parses a unit expression: products, quotients, powers and parentheses of prefixed units,
/// e.g. "mW/mg", "J/(g·K)", "N/mm²", "kgf/mm^2", "Wg^-1", "µN/nm", "cm3/mol", "°C", "K/min".
/// Accepts ASCII "u" for µ, "deg C"/"degC", "°" alone meaning °C, "%" and "1" (dimensionless).
/// @throws UnitError naming the text and the part that could not be read.
UnitConversion parse_unit(std::string_view text);

/// True when `text` parses as a unit (never throws).
bool is_unit(std::string_view text) noexcept;

/// Converts `value` from unit `from` to unit `to` (same dimension).
/// @throws UnitError when either unit is unknown or the dimensions differ.
double convert_unit(double value, std::string_view from, std::string_view to);

/// A column header split into its name and unit: "Temp./°C" → {"Temp.", "°C"},
/// "DSC/(mW/mg)" → {"DSC", "mW/mg"}, "Heat Flow (W/g)" → {"Heat Flow", "W/g"},
/// "Load [mN]" → {"Load", "mN"}, "Force_µN" → {"Force", "µN"}. Unit is empty when none is found.
struct NameAndUnit {
    std::string name;
    std::string unit;
};
NameAndUnit split_name_and_unit(std::string_view header);

/// A number with a unit written as text, e.g. "1208 K", "12 kJ/mol", "0.26 J/m^2", "1.6nm".
struct ParsedQuantity {
    double value_si = 0.0;
    Dimension dimension;
};
/// @throws UnitError when the number or the unit cannot be read.
ParsedQuantity parse_quantity(std::string_view text);

/// Parses a quantity and checks it has the dimension of `si_unit` (e.g. "J/m^2"); returns SI.
/// @throws UnitError naming the text, its dimension and the expected one.
double parse_quantity_as(std::string_view text, std::string_view si_unit);

/// Zero of the Celsius scale [K].
inline constexpr double kCelsiusOffset_K = 273.15;

}  // namespace vitrum
