// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>
#include <vitrum/dsc/dsc_figure.hpp>

#include "check.hpp"
#include "random_curves.hpp"

using vitrum::report::Layer;

namespace {

std::size_t chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("heating_figure labels every event without overlapping text and lists constructions") {
    // Seeded random scans with a glass step and two or three exotherms a few kelvin apart: the
    // labels of close events must go to different rows.
    int checked = 0;
    for (unsigned seed = 1000; seed < 1100 && checked < 5; ++seed) {
        const vitrum::test::RandomCurve rc = vitrum::test::random_curve(seed);
        vitrum::dsc::HeatingAnalysisOptions o;
        o.melting = vitrum::dsc::PeakOptions{};
        o.melting_required = false;
        const auto a = vitrum::dsc::analyze_heating(rc.thermogram, o);
        if (!a.glass_transition || !a.crystallisation || a.crystallisation->peaks.size() < 2)
            continue;
        ++checked;
        CAPTURE(seed);
        const auto fig = vitrum::dsc::heating_figure(rc.thermogram, a);
        const auto& layers = fig.panels().front().layers();
        std::vector<const Layer*> texts;
        std::map<std::string, int> legend;
        for (const Layer& l : layers) {
            if (l.kind == Layer::Kind::text) texts.push_back(&l);
            if (!l.style.label.empty()) ++legend[l.style.label];
        }
        // Tg onset, mid, end; T_f when constructed; one onset per peak.
        const std::size_t want = 3 + (a.fictive ? 1 : 0) + a.crystallisation->peaks.size() +
                                 (a.melting ? a.melting->peaks.size() : 0);
        CHECK(texts.size() == want);
        const double span_K =
            rc.thermogram.temperature_K.back() - rc.thermogram.temperature_K.front();
        for (std::size_t i = 0; i < texts.size(); ++i)
            for (std::size_t j = 0; j < texts.size(); ++j) {
                if (i == j || texts[i]->y.front() != texts[j]->y.front()) continue;
                if (texts[i]->x.front() > texts[j]->x.front()) continue;
                // Same row, i left of j: i's text ends before j's starts.
                const double end_K = texts[i]->x.front() +
                                     static_cast<double>(chars(texts[i]->text)) * span_K / 70.0;
                CHECK(end_K <= texts[j]->x.front());
            }
        CHECK(legend["Tg tangent"] == 1);
        CHECK(legend["Tx baseline"] == 1);
        CHECK(legend["Tx tangents"] == 1);
        CHECK(legend["Tg onset, mid, end"] == 1);
    }
    CHECK(checked == 5);
}
