// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/report/study_figures.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace vitrum::report {
namespace {

constexpr Color kBlack{0, 0, 0};
constexpr Color kGrey{110, 110, 110};

// Samples in plotting order: the reference first, then by deposition temperature.
std::vector<const SampleResult*> ordered(const StudyResult& study) {
    std::vector<const SampleResult*> out;
    for (const SampleResult& s : study.samples) out.push_back(&s);
    std::stable_sort(out.begin(), out.end(), [](const SampleResult* a, const SampleResult* b) {
        const double ta = a->spec.deposition_K.value_or(-1.0), tb = b->spec.deposition_K.value_or(-1.0);
        return ta < tb;
    });
    return out;
}

const SampleResult* reference(const StudyResult& study) {
    for (const SampleResult& s : study.samples)
        if (s.spec.name == study.manifest.reference) return &s;
    return nullptr;
}

// Value at temperature T on a curve (nearest point).
double value_at(const DscCurve& c, double T) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < c.temperature_K.size(); ++i)
        if (std::abs(c.temperature_K[i] - T) < std::abs(c.temperature_K[best] - T)) best = i;
    return c.heat_flow_W_per_kg.empty() ? 0.0 : c.heat_flow_W_per_kg[best];
}

std::optional<StudyFigure> dsc_curves(const StudyResult& study) {
    StudyFigure f{"dsc_curves",
                  "Heating curves (endotherm up, shifted vertically for clarity); ▲ marks the Tg "
                  "onset and ◆ the Tx onset found by the analysis.",
                  Figure(1, 1, 900, 900)};
    Panel& p = f.figure.panel();
    p.x_label = "Temperature [K]";
    p.y_label = "Specific heat flow, endo up (shifted) [W/g]";
    p.legend = false;
    double offset = 0.0;
    std::size_t k = 0;
    bool any = false;
    double x_max = 0.0;
    for (const SampleResult* s : ordered(study)) {
        if (!s->dsc_curve || s->dsc_curve->temperature_K.empty()) continue;
        const DscCurve& c = *s->dsc_curve;
        const double scale = c.per_mass ? 1e-3 : 1e3;  // W/kg → W/g; W → mW
        const auto [lo_it, hi_it] = std::minmax_element(c.heat_flow_W_per_kg.begin(), c.heat_flow_W_per_kg.end());
        std::vector<double> y;
        // Align each curve's start, then stack upwards from the lowest point.
        const double start = c.heat_flow_W_per_kg.front();
        for (double q : c.heat_flow_W_per_kg) y.push_back((q - start) * scale + offset);
        const Color color = palette(k++);
        p.line(c.temperature_K, y, Style{color, LineStyle::solid, 1.6});
        if (s->tg_onset_K)
            p.points({*s->tg_onset_K}, {(value_at(c, *s->tg_onset_K) - start) * scale + offset},
                     Style{kBlack, LineStyle::none, 1.0, Marker::triangle, 0.9});
        if (s->tx_onset_K)
            p.points({*s->tx_onset_K}, {(value_at(c, *s->tx_onset_K) - start) * scale + offset},
                     Style{kBlack, LineStyle::none, 1.0, Marker::diamond, 0.9});
        x_max = std::max(x_max, c.temperature_K.back());
        const std::string label = s->spec.is_reference || !s->spec.deposition_K
                                      ? s->spec.name + " (ref.)"
                                      : fmt::format("{}", s->spec.name);
        p.text(c.temperature_K.front() + 4.0, offset + 0.025, label, color);
        const double span = (*hi_it - *lo_it) * scale;
        offset += std::max(0.08, 0.35 * span);
        any = true;
    }
    if (!any) return std::nullopt;
    return f;
}

// Points of samples with a deposition temperature: x from `xf`, y from `yf`.
template <typename X, typename Y>
void collect(const StudyResult& study, X xf, Y yf, std::vector<double>& x, std::vector<double>& y,
             std::vector<double>* err = nullptr,
             std::optional<double> SampleResult::*err_field = nullptr) {
    for (const SampleResult* s : ordered(study)) {
        const std::optional<double> xv = xf(*s), yv = yf(*s);
        if (!xv || !yv) continue;
        x.push_back(*xv);
        y.push_back(*yv);
        if (err) err->push_back(err_field && (s->*err_field) ? (s->*err_field).value() : 0.0);
    }
}

std::optional<StudyFigure> tg_tx(const StudyResult& study) {
    StudyFigure f{"tg_tx",
                  "Glass-transition onset Tg (left) and crystallisation onset Tx (right) versus the "
                  "deposition temperature scaled by the reference glass's Tg; dashed: reference glass.",
                  Figure(1, 2, 1200, 520)};
    auto ratio = [](const SampleResult& s) { return s.deposition_over_tg_ref; };
    std::vector<double> x, tg, x2, tx;
    collect(study, ratio, [](const SampleResult& s) { return s.tg_onset_K; }, x, tg);
    collect(study, ratio, [](const SampleResult& s) { return s.tx_onset_K; }, x2, tx);
    if (x.empty() && x2.empty()) return std::nullopt;
    const SampleResult* ref = reference(study);
    Panel& a = f.figure.panel(0);
    a.x_label = "T#ddep#u / T#dg,ref#u [1]";
    a.y_label = "T#dg#u onset [K]";
    a.line(x, tg, Style{palette(0), LineStyle::solid, 1.2, Marker::circle, 1.0, "films"});
    if (ref && ref->tg_onset_K)
        a.hline(*ref->tg_onset_K, Style{kGrey, LineStyle::dashed, 1.2, Marker::none, 1.0, "reference"});
    Panel& b = f.figure.panel(1);
    b.x_label = a.x_label;
    b.y_label = "T#dx#u onset [K]";
    b.line(x2, tx, Style{palette(1), LineStyle::solid, 1.2, Marker::square, 1.0, "films"});
    if (ref && ref->tx_onset_K)
        b.hline(*ref->tx_onset_K, Style{kGrey, LineStyle::dashed, 1.2, Marker::none, 1.0, "reference"});
    return f;
}

std::optional<StudyFigure> delta_tx(const StudyResult& study) {
    StudyFigure f{"delta_tx",
                  "Width of the supercooled-liquid region ΔTx = Tx − Tg versus the scaled deposition "
                  "temperature; dashed: reference glass.",
                  Figure(1, 1, 800, 520)};
    std::vector<double> x, y;
    collect(study, [](const SampleResult& s) { return s.deposition_over_tg_ref; },
            [](const SampleResult& s) { return s.delta_tx_K; }, x, y);
    if (x.empty()) return std::nullopt;
    Panel& p = f.figure.panel();
    p.x_label = "T#ddep#u / T#dg,ref#u [1]";
    p.y_label = "ΔT#dx#u = T#dx#u − T#dg#u [K]";
    p.line(x, y, Style{palette(2), LineStyle::solid, 1.2, Marker::diamond, 1.0, "films"});
    const SampleResult* ref = reference(study);
    if (ref && ref->delta_tx_K)
        p.hline(*ref->delta_tx_K, Style{kGrey, LineStyle::dashed, 1.2, Marker::none, 1.0, "reference"});
    return f;
}

std::optional<StudyFigure> hardness_modulus(const StudyResult& study) {
    StudyFigure f{"hardness_modulus",
                  "Hardness (left) and Young's modulus (right) versus deposition temperature, mean ± "
                  "sample standard deviation of the indents; band: reference glass mean ± sd.",
                  Figure(1, 2, 1200, 520)};
    auto dep = [](const SampleResult& s) { return s.spec.deposition_K; };
    std::vector<double> x, h, he, x2, e, ee;
    collect(study, dep, [](const SampleResult& s) { return s.hardness_Pa ? std::optional<double>(*s.hardness_Pa * 1e-9) : std::nullopt; },
            x, h, &he, &SampleResult::hardness_sd_Pa);
    collect(study, dep, [](const SampleResult& s) { return s.modulus_Pa ? std::optional<double>(*s.modulus_Pa * 1e-9) : std::nullopt; },
            x2, e, &ee, &SampleResult::modulus_sd_Pa);
    if (x.empty() && x2.empty()) return std::nullopt;
    for (double& v : he) v *= 1e-9;
    for (double& v : ee) v *= 1e-9;
    const SampleResult* ref = reference(study);
    Panel& a = f.figure.panel(0);
    a.x_label = "Deposition temperature T#ddep#u [K]";
    a.y_label = "Hardness H [GPa]";
    if (ref && ref->hardness_Pa) {
        const double m = *ref->hardness_Pa * 1e-9, sd = ref->hardness_sd_Pa.value_or(0.0) * 1e-9;
        a.y_band(m - sd, m + sd, kGrey, 0.18, "reference ± sd");
        a.hline(m, Style{kGrey, LineStyle::dashed, 1.0});
    }
    a.error_bars(x, h, he, Style{palette(1), LineStyle::none, 1.4, Marker::square, 1.0, "films"});
    Panel& b = f.figure.panel(1);
    b.x_label = a.x_label;
    b.y_label = "Young's modulus E [GPa]";
    if (ref && ref->modulus_Pa) {
        const double m = *ref->modulus_Pa * 1e-9, sd = ref->modulus_sd_Pa.value_or(0.0) * 1e-9;
        b.y_band(m - sd, m + sd, kGrey, 0.18, "reference ± sd");
        b.hline(m, Style{kGrey, LineStyle::dashed, 1.0});
    }
    b.error_bars(x2, e, ee, Style{palette(0), LineStyle::none, 1.4, Marker::circle, 1.0, "films"});
    return f;
}

std::optional<StudyFigure> load_depth(const StudyResult& study) {
    std::vector<const SampleResult*> with;
    for (const SampleResult* s : ordered(study))
        if (!s->indent_curves.empty()) with.push_back(s);
    if (with.empty()) return std::nullopt;
    const int cols = with.size() > 4 ? 4 : static_cast<int>(with.size());
    const int rows = static_cast<int>((with.size() + cols - 1) / cols);
    StudyFigure f{"load_depth",
                  "Load–depth curves of every usable indent, one panel per sample (after the "
                  "surface, frame-compliance and drift corrections the analysis applied).",
                  Figure(rows, cols, 300 * cols + 60, 300 * rows + 40)};
    double p_max = 0.0, h_max = 0.0;
    for (const SampleResult* s : with)
        for (const IndentCurve& c : s->indent_curves) {
            for (double v : c.load_N) p_max = std::max(p_max, v);
            for (double v : c.depth_m) h_max = std::max(h_max, v);
        }
    for (std::size_t i = 0; i < with.size(); ++i) {
        Panel& p = f.figure.panel(static_cast<int>(i));
        p.title = with[i]->spec.name;
        p.x_label = "Depth h [nm]";
        p.y_label = "Load P [mN]";
        p.x_range = std::make_pair(0.0, h_max * 1e9 * 1.05);
        p.y_range = std::make_pair(0.0, p_max * 1e3 * 1.08);
        for (const IndentCurve& c : with[i]->indent_curves) {
            std::vector<double> h, load;
            for (double v : c.depth_m) h.push_back(v * 1e9);
            for (double v : c.load_N) load.push_back(v * 1e3);
            p.line(h, load, Style{palette(i), LineStyle::solid, 0.8});
        }
    }
    return f;
}

std::optional<StudyFigure> critical_size(const StudyResult& study) {
    if (!study.critical_size || study.critical_size->temperature_K.empty()) return std::nullopt;
    const CriticalSizeCurve& c = *study.critical_size;
    StudyFigure f{"critical_size",
                  fmt::format("Critical nucleus diameter d*(T) from classical nucleation theory "
                              "({}); bands: measured MRO domain sizes ± uncertainty; dotted "
                              "lines: each sample's Tg onset.",
                              c.material),
                  Figure(1, 1, 900, 600)};
    Panel& p = f.figure.panel();
    p.x_label = "Temperature T [K]";
    p.y_label = "Critical nucleus diameter d* [nm]";
    std::vector<double> d;
    for (double v : c.diameter_m) d.push_back(v * 1e9);
    double d_top = 0.0;
    std::size_t k = 0;
    for (const SampleResult* s : ordered(study)) {
        if (s->spec.mro_size_m) {
            const double m = *s->spec.mro_size_m * 1e9, u = s->spec.mro_uncertainty_m.value_or(0.0) * 1e9;
            p.y_band(m - u, m + u, palette(k + 2), 0.30, fmt::format("d#dMRO#u {}", s->spec.name));
            d_top = std::max(d_top, m + u);
            ++k;
        }
    }
    for (const SampleResult* s : ordered(study))
        if (s->tg_onset_K) p.vline(*s->tg_onset_K, Style{kGrey, LineStyle::dotted, 1.0});
    p.line(c.temperature_K, d, Style{kBlack, LineStyle::solid, 2.0, Marker::none, 1.0, "d*(T), CNT"});
    // Show the range that matters: up to about twice the largest domain or the d* at Tx.
    double y_hi = std::max(4.0, 2.2 * d_top);
    p.y_range = std::make_pair(0.0, y_hi);
    return f;
}

}  // namespace

std::vector<StudyFigure> study_figures(const StudyResult& study) {
    std::vector<StudyFigure> out;
    for (auto build : {dsc_curves, tg_tx, delta_tx, hardness_modulus, load_depth, critical_size}) {
        if (auto f = build(study)) out.push_back(std::move(*f));
    }
    return out;
}

}  // namespace vitrum::report
