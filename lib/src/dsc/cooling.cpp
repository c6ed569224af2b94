// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <algorithm>
#include <utility>
#include <vitrum/dsc/cooling.hpp>

namespace vitrum::dsc {

namespace {
constexpr double kStartTransient_K = 5.0;        // at least this much is skipped [K]
constexpr double kStartTransientFraction = 0.1;  // or this fraction of the span [1]
constexpr double kEndMarginFraction = 0.02;      // peak edge to end of range, of the span [1]
}  // namespace

Thermogram mirror_cooling(const Thermogram& cooling) {
    Thermogram m = cooling.slice(0, cooling.size());
    std::reverse(m.time_s.begin(), m.time_s.end());
    std::reverse(m.temperature_K.begin(), m.temperature_K.end());
    std::reverse(m.heat_flow.begin(), m.heat_flow.end());
    for (double& t : m.time_s) t = -t;
    return m;
}

PeakSearchResult find_cooling_peaks(const Thermogram& cooling, PeakOptions options) {
    options.kind = PeakKind::exotherm;
    // Crystallisation on cooling often completes close to the end of the ramp.
    options.end_margin_fraction = std::min(options.end_margin_fraction, kEndMarginFraction);
    const Thermogram m = mirror_cooling(cooling);
    if (!options.search_K && m.size() >= 2) {
        // Skip the start-up transient of the cooling ramp (its hottest part).
        const double lo = m.temperature_K.front(), hi = m.temperature_K.back();
        const double skip = std::max(kStartTransient_K, kStartTransientFraction * (hi - lo));
        if (hi - skip > lo) options.search_K = TemperatureWindow{lo, hi - skip};
    }
    PeakSearchResult r = find_peaks(m, options);
    for (PeakResult& p : r.peaks) {
        // The mirrored construction's low-temperature "onset" is where the effect ends on cooling.
        std::swap(p.onset_extrapolated_K, p.end_extrapolated_K);
        std::swap(p.leading_tangent, p.trailing_tangent);
    }
    return r;
}

}  // namespace vitrum::dsc
