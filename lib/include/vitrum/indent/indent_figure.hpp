// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <vector>
#include <vitrum/core/plot.hpp>
#include <vitrum/indent/csm.hpp>
#include <vitrum/indent/quasi_static.hpp>

namespace vitrum::indent {

/// Load [mN] vs depth [nm] of one indent with, per usable cycle, the fitted power law over its
/// window (dashed) and the tangent of slope S at h_max (dotted).
report::Figure load_depth_figure(const IndentResult& result);

/// H [GPa] and E [GPa] versus depth [nm] from a CSM evaluation, with the averaging window
/// shaded; two panels side by side.
report::Figure csm_figure(const CsmResult& result, const CsmOptions& options);

/// H [GPa] and E [GPa] per cycle against h_max [nm] for several indents (one colour each).
report::Figure cycles_figure(const std::vector<IndentResult>& results);

}  // namespace vitrum::indent
