// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <vitrum/dsc/peaks.hpp>
#include <vitrum/dsc/thermogram.hpp>

namespace vitrum::dsc {

/// Crystallisation exotherms of a cooling scan (ISO 11357-3), T_ei, T_p, T_ef and ΔH per peak.
/// The scan is mirrored (rows reversed, time negated) so that the heating construction of
/// find_peaks applies; the characteristic temperatures are then given in the order of the
/// experiment: the extrapolated onset T_ei is on the HIGH-temperature side and the end T_ef on
/// the low-temperature side (IUPAC: on cooling, initial and final are interchanged), and the
/// leading tangent is the high-temperature one. `options.kind` is forced to exotherm. Without a
/// search range the hottest max(5 K, 10 % of the span) are skipped: the start-up transient of the
/// cooling ramp. [K, J/kg]
/// @throws InvalidArgument from options.validate(); AnalysisError when no exotherm is found.
PeakSearchResult find_cooling_peaks(const Thermogram& cooling, PeakOptions options = {});

/// The cooling scan as a heating-like thermogram: rows in reverse order, time negated (so time
/// and temperature both increase), heat flow unchanged [same units].
Thermogram mirror_cooling(const Thermogram& cooling);

}  // namespace vitrum::dsc
