// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <optional>
#include <vitrum/core/series.hpp>
#include <vitrum/indent/oliver_pharr.hpp>
#include <vitrum/indent/segmentation.hpp>
#include <vitrum/indent/unloading_fit.hpp>

namespace vitrum::indent {

/// The ISO 14577-1 quantities of one load–hold–unload cycle, with the standard's names. Each
/// is absent when the cycle does not allow it (no hold, no time column, unusable fit).
struct IsoQuantities {
    std::optional<double> H_IT_Pa;    ///< indentation hardness F_max/A_p(h_c) [Pa]
    std::optional<double> E_IT_Pa;    ///< indentation modulus (sample ν applied) [Pa]
    std::optional<double> HM_Pa;      ///< Martens hardness F_max/A_s(h_max), A_s = 26.43 h² [Pa]
    std::optional<double> HM_s_Pa;    ///< Martens hardness from the loading slope [Pa]
    std::optional<double> h_max_m;    ///< maximum depth [m]
    std::optional<double> h_r_m;      ///< tangent depth h_max − F_max/S [m]
    std::optional<double> h_c_m;      ///< contact depth h_max − ε(h_max − h_r) [m]
    std::optional<double> h_p_m;      ///< permanent depth (power-law h_f) [m]
    std::optional<double> W_total_J;  ///< ∫F dh over the loading [J]
    std::optional<double> W_elast_J;  ///< ∫F dh over the unloading (fit below its end) [J]
    std::optional<double> W_plast_J;  ///< W_total − W_elast [J]
    std::optional<double> eta_IT;     ///< W_elast / W_total [1]
    std::optional<double> C_IT;       ///< creep (h2 − h1)/h1 over the hold at F_max [1]
};

/// ISO 14577-1 quantities of `cycle` from the corrected series (surface at depth 0), its
/// unloading fit and Oliver–Pharr point (H_IT = H, E_IT = E, h_c as ISO 14577-1 eq. for
/// h_c = h_max − ε(h_max − h_r)). HM uses the Berkovich/Vickers surface area A_s = 26.43 h²;
/// HM_s = 1/(26.43 m²) with m the slope of h versus √F over 50–90 % of F_max (ISO 14577-1
/// Annex A). Works for every format: it needs depth, load and, for C_IT, time.
IsoQuantities iso14577_quantities(const Series& corrected, const Cycle& cycle,
                                  const UnloadingFit& fit, const OliverPharrPoint& point);

}  // namespace vitrum::indent
