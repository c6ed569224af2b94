// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cmath>
#include <vitrum/indent/area_function.hpp>

namespace vitrum::indent {

/// Constants of the Oliver–Pharr evaluation. Every constant is explicit so that vendor numbers
/// can be reproduced digit for digit: NanoSuite uses ε = 0.75, β = 1, E_i = 1141 GPa,
/// ν_i = 0.07; TriboScan uses π = 3.14 in E_r (see docs/reference indentation.md §1.5–1.6).
struct OliverPharrOptions {
    double epsilon = 0.75;  ///< contact-depth factor ε (0.72 cone, 0.75 paraboloid, 1 flat) [1]
    double beta = 1.0;      ///< geometry factor β in E_r (1.034 Berkovich per OP 1992) [1]
    double tip_modulus_Pa = 1141e9;  ///< diamond E_i [Pa] (NanoSuite 1141 GPa; micromechanics 1140)
    double tip_poisson_ratio = 0.07;  ///< diamond ν_i [1]
    double sample_poisson_ratio =
        0.3;           ///< sample ν [1] (≈ 0.36 for Cu–Zr glasses, 0.18 fused silica)
    double pi = M_PI;  ///< π used in E_r = √π S/(2β√A) [1] (TriboScan: 3.14)

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// Results at one (P, h, S) point [SI].
struct OliverPharrPoint {
    double load_N = 0.0;              ///< P [N]
    double depth_m = 0.0;             ///< h [m]
    double stiffness_N_per_m = 0.0;   ///< S [N/m]
    double contact_depth_m = 0.0;     ///< h_c = h − εP/S [m]
    double contact_area_m2 = 0.0;     ///< A(h_c) [m²]
    double reduced_modulus_Pa = 0.0;  ///< E_r = √π S /(2β√A) [Pa]
    double modulus_Pa = 0.0;          ///< E = (1 − ν²)/(1/E_r − (1 − ν_i²)/E_i) [Pa]
    double hardness_Pa = 0.0;         ///< H = P/A [Pa]
    double stiffness_squared_over_load_Pa = 0.0;  ///< S²/P [Pa]
};

/// Oliver–Pharr at one point (J. Mater. Res. 7, 1564 (1992); 19, 3 (2004); ISO 14577-1).
/// Non-positive or non-finite inputs give NaN results (so invalid CSM rows stay NaN).
/// @throws InvalidArgument when the options are invalid.
OliverPharrPoint oliver_pharr_point(double load_N, double depth_m, double stiffness_N_per_m,
                                    const AreaFunction& area, const OliverPharrOptions& options);

/// E_r from E: 1/E_r = (1 − ν²)/E + (1 − ν_i²)/E_i [Pa].
double reduced_modulus_from_modulus_Pa(double modulus_Pa, const OliverPharrOptions& options);
/// E from E_r: (1 − ν²)/(1/E_r − (1 − ν_i²)/E_i) [Pa]; NaN when E_r ≥ E_i/(1 − ν_i²).
double modulus_from_reduced_Pa(double reduced_modulus_Pa, const OliverPharrOptions& options);
/// Contact area from stiffness and E_r: A = (π/4)·(S/(β E_r))² [m²] (OP 2004 eq. 26).
double area_from_stiffness_m2(double stiffness_N_per_m, double reduced_modulus_Pa,
                              const OliverPharrOptions& options);

}  // namespace vitrum::indent
