// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>
#include <string_view>
#include <vitrum/indent/area_function.hpp>
#include <vitrum/indent/quasi_static.hpp>
#include <vitrum/indent/unloading_fit.hpp>

namespace vitrum::indent {

/// Whose evaluation conventions a quasi-static analysis follows, so that vendor numbers can be
/// reproduced: constants (ε, β, E_i, ν_i, π), unloading-fit window, ideal tip and where S is
/// evaluated. Facts and measurements behind each preset: docs in vendor_convention.cpp.
enum class VendorConvention {
    vitrum,     ///< vitrum defaults (IndentOptions{}): S at the first unloading point
    nanosuite,  ///< KLA/Agilent NanoSuite: E_i 1141 GPa, ν_i 0.07, ε 0.75, β 1, window 0.5–0.999
    triboscan,  ///< Bruker TriboScan: π = 3.14, E_i 1140 GPa, ν_i 0.07, S at the fitted h(P_max)
    fischer     ///< Fischer WIN-HCU (ISO 14577-1): E_i 1140 GPa, ν_i 0.07, ε 0.75, Vickers 24.5
};

/// Where the stiffness S = dP/dh of the fitted power law is evaluated.
enum class StiffnessPoint {
    first_unload_point,  ///< at h of the first unloading point (micromechanics, vitrum)
    fitted_max_load      ///< at h* where the fit reaches P_max: h* = h_f + (P_max/B)^(1/m)
};

/// A vendor's conventions as options for analyse_quasi_static.
struct VendorConventionPreset {
    VendorConvention convention = VendorConvention::vitrum;
    IndentOptions options;   ///< ε, β, E_i, ν_i, π and the unloading-fit window
    AreaFunction ideal_tip;  ///< tip assumed when no calibrated area is given
    StiffnessPoint stiffness_point = StiffnessPoint::first_unload_point;
    std::string description;  ///< one line naming the source of each constant [text]
};

/// The preset of `convention`.
VendorConventionPreset vendor_convention(VendorConvention convention);

/// "vitrum", "nanosuite", "triboscan" or "fischer" (case-insensitive).
/// @throws InvalidArgument naming `--convention`, the text and the accepted names.
VendorConvention parse_vendor_convention(std::string_view name);

/// Depth at which the fitted power law P = B(h − h_f)^m carries `load_N` [m]:
/// h = h_f + (P/B)^(1/m). NaN when the fit is unusable or P ≤ 0.
double fitted_depth_at_load_m(const UnloadingFit& fit, double load_N);

/// dP/dh of the fitted power law at the depth where it carries `load_N` [N/m]:
/// S = B·m·(h − h_f)^(m−1) with h = fitted_depth_at_load_m(fit, load_N). NaN when unusable.
double fitted_stiffness_at_load_N_per_m(const UnloadingFit& fit, double load_N);

/// Oliver–Pharr for one evaluated cycle under `preset`: the cycle's P_max with S and h taken at
/// the preset's StiffnessPoint (first unloading point: the fit's S and h_max unchanged) [SI].
/// @throws InvalidArgument for invalid options.
OliverPharrPoint evaluate_cycle(const CycleResult& cycle, const AreaFunction& area,
                                const VendorConventionPreset& preset);

}  // namespace vitrum::indent
