// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <algorithm>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/analysis.hpp>

namespace vitrum::dsc {

std::optional<double> HeatingAnalysis::supercooled_liquid_range_K() const {
    if (!glass_transition || !crystallisation || crystallisation->peaks.empty())
        return std::nullopt;
    return crystallisation->peaks.front().onset_extrapolated_K -
           glass_transition->onset_extrapolated_K;
}

HeatingAnalysis analyze_heating(const Thermogram& heating, const HeatingAnalysisOptions& options) {
    PeakOptions cryst = options.crystallisation;
    cryst.kind = PeakKind::exotherm;
    cryst.validate();
    options.glass_transition.validate();
    std::optional<PeakOptions> melt = options.melting;
    if (melt) {
        melt->kind = PeakKind::endotherm;
        melt->validate();
    }
    HeatingAnalysis out;
    if (heating.size() >= 2)
        out.heating_rate_K_per_s = fit_line(heating.time_s, heating.temperature_K).slope;

    if (options.find_crystallisation) {
        try {
            out.crystallisation = find_peaks(heating, cryst);
        } catch (const AnalysisError& e) {
            out.problems.emplace_back(e.what());
        }
    }
    if (options.find_glass_transition) {
        GlassTransitionOptions tg = options.glass_transition;
        if (!tg.search_K && out.crystallisation && !out.crystallisation->peaks.empty()) {
            // The step lies below the first exotherm; stop well before its deviation starts.
            const PeakResult& first = out.crystallisation->peaks.front();
            const double hi =
                first.onset_extrapolated_K - (first.peak_K - first.onset_extrapolated_K);
            if (hi > heating.temperature_K.front() + 20.0) {
                tg.search_K = TemperatureWindow{heating.temperature_K.front(), hi};
            }
        }
        try {
            out.glass_transition = find_glass_transition(heating, tg);
            out.fictive = fictive_temperature(heating, *out.glass_transition);
        } catch (const AnalysisError& e) {
            out.problems.emplace_back(e.what());
        }
    }
    if (out.crystallisation && out.glass_transition && !cryst.search_K) {
        // Keep the pre-peak baseline on the supercooled liquid, above the Tg step.
        const double lo = std::max(out.glass_transition->last_deviation_K,
                                   out.glass_transition->baseline2_window_K.lo_K);
        const auto& groups = out.crystallisation->groups;
        if (!groups.empty() && groups.front().before_window_K.lo_K < lo &&
            lo < out.crystallisation->peaks.front().start_K) {
            PeakOptions again = cryst;
            again.search_K = TemperatureWindow{lo, heating.temperature_K.back()};
            try {
                out.crystallisation = find_peaks(heating, again);
            } catch (const AnalysisError&) {
                // Keep the first construction: it found the peaks, only its window was wider.
            }
        }
    }
    if (melt) {
        if (!melt->search_K && out.crystallisation && !out.crystallisation->peaks.empty()) {
            const double lo = out.crystallisation->peaks.back().end_K;
            if (lo < heating.temperature_K.back()) {
                melt->search_K = TemperatureWindow{lo, heating.temperature_K.back()};
            }
        }
        try {
            out.melting = find_peaks(heating, *melt);
        } catch (const AnalysisError& e) {
            out.problems.emplace_back(e.what());
        }
    }
    return out;
}

}  // namespace vitrum::dsc
