// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/analysis.hpp>

namespace vitrum::dsc {

std::optional<double> HeatingAnalysis::supercooled_liquid_range_K() const {
    if (!glass_transition || !crystallisation || crystallisation->peaks.empty())
        return std::nullopt;
    return crystallisation->peaks.front().onset_extrapolated_K -
           glass_transition->onset_extrapolated_K;
}

namespace {

TemperatureWindow whole(const Thermogram& scan) {
    return scan.size() ? TemperatureWindow{scan.temperature_K.front(), scan.temperature_K.back()}
                       : TemperatureWindow{};
}

// The peaks of one kind whose top lies in `window`, with their groups (peaks constructed on one
// region share a baseline and so a group).
std::optional<PeakSearchResult> collect_peaks(const ScanEvents& ev, EventKind kind,
                                              const TemperatureWindow& window,
                                              PeakBaseline baseline) {
    PeakSearchResult r;
    r.search_window_K = window;
    r.baseline = baseline;
    r.noise = ev.noise;
    for (const ScanEvent& e : ev.events) {
        if (e.kind != kind || !window.contains(e.peak.peak_K)) continue;
        const bool same_group =
            !r.groups.empty() && !e.group.baseline_T_K.empty() &&
            !r.groups.back().baseline_T_K.empty() &&
            r.groups.back().baseline_T_K.front() == e.group.baseline_T_K.front();
        if (same_group) {
            ++r.groups.back().peak_count;
        } else {
            r.groups.push_back(e.group);
            r.groups.back().first_peak = r.peaks.size();
            r.groups.back().peak_count = 1;
        }
        r.peaks.push_back(e.peak);
    }
    if (r.peaks.empty()) return std::nullopt;
    return r;
}

std::string none_message(const char* what, const TemperatureWindow& w) {
    return fmt::format("no {} between {:.0f} and {:.0f} K", what, w.lo_K, w.hi_K);
}

}  // namespace

HeatingAnalysis analyze_heating(const Thermogram& heating, const HeatingAnalysisOptions& options) {
    PeakOptions cryst = options.crystallisation;
    cryst.kind = PeakKind::exotherm;
    cryst.validate();
    options.glass_transition.validate();
    options.events.validate();
    std::optional<PeakOptions> melt = options.melting;
    if (melt) {
        melt->kind = PeakKind::endotherm;
        melt->validate();
    }
    HeatingAnalysis out;
    if (heating.size() >= 2)
        out.heating_rate_K_per_s = fit_line(heating.time_s, heating.temperature_K).slope;

    ScanEvents ev;
    try {
        ev = find_events(heating, options.events);
    } catch (const AnalysisError& e) {
        out.problems.emplace_back(e.what());
        return out;
    }
    out.events = ev.events;
    out.spikes_K = ev.spikes_K;
    for (const std::string& why : ev.refused) out.problems.push_back(why);

    if (options.find_crystallisation) {
        const TemperatureWindow w = cryst.search_K ? *cryst.search_K : whole(heating);
        out.crystallisation = collect_peaks(ev, EventKind::exotherm, w, cryst.baseline);
        if (!out.crystallisation) out.problems.push_back(none_message("exothermic peak", w));
    }
    if (melt) {
        const TemperatureWindow w = melt->search_K ? *melt->search_K : whole(heating);
        out.melting = collect_peaks(ev, EventKind::endotherm, w, melt->baseline);
        if (!out.melting && options.melting_required)
            out.problems.push_back(none_message("endothermic peak", w));
    }
    if (options.find_glass_transition) {
        const GlassTransitionOptions& tg = options.glass_transition;
        const TemperatureWindow w = tg.search_K ? *tg.search_K : whole(heating);
        if (tg.baseline1_K || tg.baseline2_K) {
            // The user drew the baselines: construct on them.
            try {
                out.glass_transition = find_glass_transition(heating, tg);
            } catch (const AnalysisError& e) {
                out.problems.emplace_back(e.what());
            }
        } else {
            for (const ScanEvent& e : ev.events) {
                if (e.kind == EventKind::glass_step && w.contains(e.step.midpoint_K)) {
                    out.glass_transition = e.step;
                    out.glass_transition->search_window_K = w;
                    break;
                }
            }
            if (!out.glass_transition)
                out.problems.push_back(none_message("glass-transition step", w));
        }
        if (out.glass_transition && tg.heating_rate_K_per_s) {
            out.glass_transition->heating_rate_K_per_s = *tg.heating_rate_K_per_s;
            out.glass_transition->delta_cp =
                out.glass_transition->step_height / *tg.heating_rate_K_per_s;
        }
        if (out.glass_transition) {
            try {
                out.fictive = fictive_temperature(heating, *out.glass_transition);
            } catch (const AnalysisError& e) {
                out.problems.emplace_back(e.what());
            }
        }
    }
    return out;
}

}  // namespace vitrum::dsc
