// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Links vitrum::core alone: converts a unit and evaluates Oliver–Pharr at one point.
#include <cmath>
#include <iostream>
#include <vitrum/core/units.hpp>
#include <vitrum/core/version.hpp>
#include <vitrum/indent/area_function.hpp>
#include <vitrum/indent/oliver_pharr.hpp>

int main() {
    const double kelvin = vitrum::convert_unit(25.0, "°C", "K");
    // Berkovich 24.5 h_c²; P 1 mN, h 100 nm, S 50 kN/m: h_c = 100 − 0.75·20 = 85 nm,
    // H = 1e-3 / (24.5 · (85e-9)²) = 5.649 GPa.
    const auto p = vitrum::indent::oliver_pharr_point(
        1e-3, 100e-9, 5e4, vitrum::indent::AreaFunction::berkovich(), {});
    std::cout << "vitrum " << vitrum::version() << ": 25 °C = " << kelvin
              << " K, H = " << p.hardness_Pa * 1e-9 << " GPa\n";
    const double expected_H = 1e-3 / (24.5 * 85e-9 * 85e-9);
    return std::fabs(kelvin - 298.15) < 1e-12 && std::fabs(p.hardness_Pa / expected_H - 1) < 1e-12
               ? 0
               : 1;
}
