// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Uses the installed headers and libraries: lists the readers and converts one unit.
#include <cmath>
#include <iostream>
#include <vitrum/core/units.hpp>
#include <vitrum/core/version.hpp>
#include <vitrum/instruments/registry.hpp>

int main() {
    const auto& readers = vitrum::builtin_readers().readers();
    const double kelvin = vitrum::convert_unit(25.0, "°C", "K");
    std::cout << "vitrum " << vitrum::version() << ": " << readers.size()
              << " readers, 25 °C = " << kelvin << " K\n";
    return (std::fabs(kelvin - 298.15) < 1e-12) ? 0 : 1;
}
