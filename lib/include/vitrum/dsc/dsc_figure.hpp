// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>
#include <vitrum/core/plot.hpp>
#include <vitrum/dsc/analysis.hpp>
#include <vitrum/dsc/thermogram.hpp>

namespace vitrum::dsc {

/// A one-panel figure of a heating scan with its construction: the curve (W/g when per mass,
/// else mW, in the thermogram's orientation) against temperature in K, the Tg baselines and
/// tangent, the peak baselines and tangents, shaded baseline windows, and vertical marks at
/// T_eig, T_mg, T_efg, T_f and each peak's T_ei and T_p. Every event is labelled (T_eig,
/// T_mg, T_efg, T_f, each T_ei) by a text layer placed in rows below the top of the curve so
/// that no two labels overlap (a label is taken as (characters + 1) × 1/70 of the temperature
/// span wide); each kind of construction appears once in the legend.
report::Figure heating_figure(const Thermogram& heating, const HeatingAnalysis& analysis,
                              const std::string& title = "");

}  // namespace vitrum::dsc
