// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
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

namespace {

// The former analysis (peaks first, Tg below the first exotherm), kept while the event model
// is opt-in (HeatingAnalysisOptions::event_model).
// An exotherm whose extremum lies inside a taller endotherm (within its integration limits) is
// an artefact of that endotherm's baseline.
bool artefact_of(const PeakResult& exo, const PeakResult& endo) {
    return endo.height > exo.height && endo.start_K <= exo.peak_K && exo.peak_K <= endo.end_K;
}

// Melting endotherms: above the last exotherm by default. When no exotherm is left, or every
// exotherm peaks inside a taller endotherm (baseline artefacts of a sharp melting peak, e.g. an
// indium standard), the whole scan is searched and those exotherms are dropped.
void find_melting(const Thermogram& heating, PeakOptions melt, bool required,
                  HeatingAnalysis& out) {
    std::optional<PeakSearchResult> full;
    if (!melt.search_K) {
        try {
            full = find_peaks(heating, melt);
        } catch (const AnalysisError&) {
        }
    }
    auto& cryst = out.crystallisation;
    if (full && cryst && !cryst->peaks.empty()) {
        const bool all_artefacts =
            std::all_of(cryst->peaks.begin(), cryst->peaks.end(), [&](const PeakResult& x) {
                return std::any_of(full->peaks.begin(), full->peaks.end(),
                                   [&](const PeakResult& m) { return artefact_of(x, m); });
            });
        if (all_artefacts) cryst.reset();
    }
    if (full && (!cryst || cryst->peaks.empty())) {
        out.melting = std::move(full);
        return;
    }
    if (!melt.search_K && cryst && !cryst->peaks.empty()) {
        const double lo = cryst->peaks.back().end_K;
        if (lo < heating.temperature_K.back()) {
            melt.search_K = TemperatureWindow{lo, heating.temperature_K.back()};
        }
    }
    try {
        out.melting = find_peaks(heating, melt);
    } catch (const AnalysisError& e) {
        if (required) out.problems.emplace_back(e.what());
    }
}

// T lies within the integration range of one of the exotherms found.
bool inside_exotherm(double T_K, const HeatingAnalysis& out) {
    if (!out.crystallisation) return false;
    const auto& peaks = out.crystallisation->peaks;
    return std::any_of(peaks.begin(), peaks.end(),
                       [&](const PeakResult& p) { return p.start_K <= T_K && T_K <= p.end_K; });
}

}  // namespace

namespace {

HeatingAnalysis analyze_heating_legacy(const Thermogram& heating,
                                       const HeatingAnalysisOptions& options) {
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
    if (melt) find_melting(heating, *melt, options.melting_required, out);
    if (options.find_glass_transition) {
        GlassTransitionOptions tg = options.glass_transition;
        bool cut_by_exotherm = false;
        if (!tg.search_K && out.melting && !out.melting->peaks.empty() &&
            (!out.crystallisation || out.crystallisation->peaks.empty())) {
            // No exotherm: the step lies below the first melting endotherm.
            const PeakResult& first = out.melting->peaks.front();
            const double hi =
                first.onset_extrapolated_K - (first.peak_K - first.onset_extrapolated_K);
            if (hi > heating.temperature_K.front() + 20.0) {
                tg.search_K = TemperatureWindow{heating.temperature_K.front(), hi};
            }
        }
        if (!tg.search_K && out.crystallisation && !out.crystallisation->peaks.empty()) {
            // The step lies below the first exotherm; stop well before its deviation starts.
            const PeakResult& first = out.crystallisation->peaks.front();
            const double hi =
                first.onset_extrapolated_K - (first.peak_K - first.onset_extrapolated_K);
            if (hi > heating.temperature_K.front() + 20.0) {
                tg.search_K = TemperatureWindow{heating.temperature_K.front(), hi};
                cut_by_exotherm = true;
            }
        }
        std::string tg_problem;
        try {
            out.glass_transition = find_glass_transition(heating, tg);
        } catch (const AnalysisError& e) {
            tg_problem = e.what();
        }
        if (!out.glass_transition && cut_by_exotherm) {
            // The window was cut below an "exotherm" that may itself lie on the step (a broad
            // transition bends the curve above the peak finder's chord). Search the whole scan,
            // unless the steepest rise found there is an edge of an exotherm, as the trailing
            // edge of a large crystallisation peak would be.
            try {
                GlassTransitionResult whole =
                    find_glass_transition(heating, options.glass_transition);
                if (!inside_exotherm(whole.inflection_K, out)) out.glass_transition = whole;
            } catch (const AnalysisError&) {
                // Keep the message of the first search.
            }
        }
        if (!out.glass_transition) {
            out.problems.push_back(tg_problem);
        } else {
            try {
                out.fictive = fictive_temperature(heating, *out.glass_transition);
            } catch (const AnalysisError& e) {
                out.problems.emplace_back(e.what());
            }
        }
    }
    if (out.crystallisation && out.glass_transition && !cryst.search_K) {
        // Keep the pre-peak baseline on the supercooled liquid, above the Tg step; a "peak" whose
        // top lies on the step or its overshoot is not a crystallisation peak.
        const double lo = std::max(out.glass_transition->last_deviation_K,
                                   out.glass_transition->baseline2_window_K.lo_K);
        const auto& groups = out.crystallisation->groups;
        const auto& peaks = out.crystallisation->peaks;
        const bool on_step = std::any_of(peaks.begin(), peaks.end(),
                                         [&](const PeakResult& p) { return p.peak_K < lo; });
        if (on_step || (!groups.empty() && groups.front().before_window_K.lo_K < lo &&
                        !peaks.empty() && lo < peaks.front().start_K)) {
            PeakOptions again = cryst;
            again.search_K = TemperatureWindow{lo, heating.temperature_K.back()};
            try {
                out.crystallisation = find_peaks(heating, again);
            } catch (const AnalysisError& e) {
                // Without peaks on the step nothing is left; otherwise keep the first
                // construction: it found the peaks, only its window was wider.
                if (on_step) {
                    out.crystallisation.reset();
                    out.problems.emplace_back(e.what());
                }
            }
        }
    }
    return out;
}

}  // namespace

HeatingAnalysis analyze_heating(const Thermogram& heating, const HeatingAnalysisOptions& options) {
    if (!options.event_model) return analyze_heating_legacy(heating, options);
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
    EventOptions event_options = options.events;
    event_options.peak_baseline = cryst.baseline;
    try {
        ev = find_events(heating, event_options);
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
                    // A glassy baseline shorter than half the step (a broad step whose tail
                    // fragments the quiet stretch before it) is handed to the former
                    // construction below.
                    if (e.step.baseline1_window_K.width_K() <
                        0.5 * (e.step.end_extrapolated_K - e.step.onset_extrapolated_K))
                        break;
                    out.glass_transition = e.step;
                    out.glass_transition->search_window_K = w;
                    // Where the former construction (tuned on real broad steps with curved
                    // baselines) finds this same step clear of every peak, its numbers are kept.
                    try {
                        GlassTransitionResult g = find_glass_transition(heating, tg);
                        const bool same =
                            e.range_K.contains(g.midpoint_K) &&
                            e.range_K.contains(g.onset_extrapolated_K) &&
                            e.range_K.contains(g.end_extrapolated_K) &&
                            std::fabs(g.midpoint_K - e.step.midpoint_K) <
                                0.1 * (e.step.end_extrapolated_K - e.step.onset_extrapolated_K);
                        if (same && ev.noise < 1e-3 * e.step.step_height) out.glass_transition = g;
                    } catch (const AnalysisError&) {
                    }
                    break;
                }
            }
            if (!out.glass_transition) {
                // A step much broader than the quiet stretches around it (a borosilicate glass
                // spans 100 K) leaves no quiet baseline beside it for the event model; the
                // former construction, with baselines beside the steepest rise, is kept for it,
                // unless it lies on a peak the event model found (a melt is never a glass
                // transition) or breaks T_eig <= T_mg <= T_efg.
                try {
                    GlassTransitionResult g = find_glass_transition(heating, tg);
                    const bool ordered = g.onset_extrapolated_K <= g.midpoint_K &&
                                         g.midpoint_K <= g.end_extrapolated_K;
                    const bool on_peak =
                        std::any_of(ev.events.begin(), ev.events.end(), [&](const ScanEvent& e) {
                            return e.kind != EventKind::glass_step &&
                                   e.range_K.lo_K < g.last_deviation_K &&
                                   g.first_deviation_K < e.range_K.hi_K;
                        });
                    if (ordered && !on_peak) {
                        g.quality = Quality::noisy;
                        out.glass_transition = g;
                    } else {
                        out.problems.push_back(none_message("glass-transition step", w) +
                                               " (the steepest rise is a peak's edge)");
                    }
                } catch (const AnalysisError& e) {
                    out.problems.emplace_back(e.what());
                }
            }
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
