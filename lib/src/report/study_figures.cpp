// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vitrum/report/study_figures.hpp>

namespace vitrum::report {
namespace {

constexpr Color kBlack{0, 0, 0};
constexpr Color kGrey{110, 110, 110};

// Samples in plotting order: the reference first, then by deposition temperature.
std::vector<const SampleResult*> ordered(const StudyResult& study) {
    std::vector<const SampleResult*> out;
    for (const SampleResult& s : study.samples) out.push_back(&s);
    std::stable_sort(out.begin(), out.end(), [](const SampleResult* a, const SampleResult* b) {
        const double ta = a->spec.deposition_K.value_or(-1.0),
                     tb = b->spec.deposition_K.value_or(-1.0);
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

// Curve colours: the palette without its yellow, which is too pale for thin lines on white.
Color curve_color(std::size_t k) {
    static constexpr std::size_t kOrder[] = {0, 1, 2, 3, 4, 5, 7};
    return palette(kOrder[k % 7]);
}

// Stacks every sample's heating curve on `p`, `step` [W/g] apart; the y range is left automatic
// unless `window` is given, in which case only that temperature range is drawn.
bool stack_curves(const std::vector<const SampleResult*>& samples, Panel& p, double step,
                  std::optional<std::pair<double, double>> window, double* y_min = nullptr) {
    double offset = 0.0;
    std::size_t k = 0;
    bool any = false;
    for (const SampleResult* s : samples) {
        if (!s->dsc_curve || s->dsc_curve->temperature_K.empty()) continue;
        const DscCurve& c = *s->dsc_curve;
        const double scale = c.per_mass ? 1e-3 : 1e3;  // W/kg → W/g; W → mW
        // Each curve starts at its own offset: align on the first point inside the window.
        std::size_t first = 0;
        if (window)
            while (first + 1 < c.temperature_K.size() && c.temperature_K[first] < window->first)
                ++first;
        const double start = c.heat_flow_W_per_kg[first];
        std::vector<double> x, y;
        for (std::size_t i = first; i < c.temperature_K.size(); ++i) {
            if (window && c.temperature_K[i] > window->second) break;
            x.push_back(c.temperature_K[i]);
            y.push_back((c.heat_flow_W_per_kg[i] - start) * scale + offset);
            if (y_min) *y_min = std::min(*y_min, y.back());
        }
        const Color color = curve_color(k++);
        p.line(x, y, Style{color, LineStyle::solid, 1.6});
        auto mark = [&](const std::optional<double>& T, Marker m) {
            if (!T || (window && (*T < window->first || *T > window->second))) return;
            p.points({*T}, {(value_at(c, *T) - start) * scale + offset},
                     Style{kBlack, LineStyle::none, 1.0, m, 0.9});
        };
        mark(s->tg_onset_K, Marker::triangle);
        mark(s->tx_onset_K, Marker::diamond);
        const std::string label = s->spec.is_reference ? s->spec.name + " (ref.)" : s->spec.name;
        p.text(x.front() + (window ? 2.0 : 4.0), offset + 0.3 * step, label, color);
        offset += step;
        any = true;
    }
    return any;
}

// Splits `samples` into pages of at most `per_page`, as evenly as possible.
std::vector<std::vector<const SampleResult*>> pages(const std::vector<const SampleResult*>& samples,
                                                    std::size_t per_page) {
    std::vector<std::vector<const SampleResult*>> out;
    if (samples.empty()) return out;
    const std::size_t n_pages = (samples.size() + per_page - 1) / per_page;
    const std::size_t size = (samples.size() + n_pages - 1) / n_pages;
    for (std::size_t i = 0; i < samples.size(); i += size)
        out.emplace_back(
            samples.begin() + static_cast<std::ptrdiff_t>(i),
            samples.begin() + static_cast<std::ptrdiff_t>(std::min(samples.size(), i + size)));
    return out;
}

// Names and captions of page `k` (0-based) of `n` of a split figure.
void name_page(StudyFigure& f, std::size_t k, std::size_t n,
               const std::vector<const SampleResult*>& samples) {
    if (n < 2) return;
    f.page = static_cast<int>(k + 1);
    f.name += fmt::format("_{:02d}", k + 1);
    f.caption += fmt::format(" Page {} of {}: samples {} to {}.", k + 1, n,
                             samples.front()->spec.name, samples.back()->spec.name);
}

std::optional<StudyFigure> dsc_curves_page(const std::vector<const SampleResult*>& samples) {
    StudyFigure f{"dsc_curves",
                  "Heating curves, endotherm up and shifted vertically. Left: whole scan; right: "
                  "the glass-transition region. ▲ marks the Tg onset and ◆ the Tx onset found by "
                  "the analysis.",
                  Figure(1, 2, 1300, 820)};
    // Left: spacing by the deepest exotherm so that curves do not cross.
    double span = 0.0, tg_lo = 1e9, tg_hi = 0.0, tx_lo = 1e9;
    for (const SampleResult* sp : samples) {
        const SampleResult& s = *sp;
        if (!s.dsc_curve || s.dsc_curve->heat_flow_W_per_kg.empty()) continue;
        const auto [lo, hi] = std::minmax_element(s.dsc_curve->heat_flow_W_per_kg.begin(),
                                                  s.dsc_curve->heat_flow_W_per_kg.end());
        span = std::max(span, (*hi - *lo) * (s.dsc_curve->per_mass ? 1e-3 : 1e3));
        if (s.tg_onset_K) {
            tg_lo = std::min(tg_lo, *s.tg_onset_K);
            tg_hi = std::max(tg_hi, *s.tg_onset_K);
        }
        if (s.tx_onset_K) tx_lo = std::min(tx_lo, *s.tx_onset_K);
    }
    Panel& whole = f.figure.panel(0);
    whole.x_label = "Temperature [K]";
    whole.y_label = "Specific heat flow, endo up (shifted) [W/g]";
    whole.legend = false;
    const double step = std::max(0.05, 0.45 * span);
    double y_min = 0.0;
    if (!stack_curves(samples, whole, step, std::nullopt, &y_min)) return std::nullopt;
    std::size_t n = 0;
    for (const SampleResult* s : samples) n += s->dsc_curve ? 1 : 0;
    // Head room for the label of the top curve.
    whole.y_range = std::make_pair(y_min - 0.04 * step, step * (static_cast<double>(n) - 0.35));
    if (tg_hi <= 0.0) {
        // `whole` lives in the figure being replaced: copy it out first.
        Panel kept = whole;
        f.figure = Figure(1, 1, 900, 820);
        f.figure.panel(0) = std::move(kept);
        return f;
    }
    // Right: the Tg region, from below the lowest Tg to just past the highest.
    Panel& zoom = f.figure.panel(1);
    zoom.x_label = "Temperature [K]";
    zoom.y_label = "Specific heat flow, endo up (shifted) [W/g]";
    zoom.legend = false;
    const double lo = std::floor(tg_lo - 45.0),
                 hi = std::ceil(std::max(tg_hi + 25.0, std::min(tx_lo, tg_hi + 40.0)));
    stack_curves(samples, zoom, 0.1, std::make_pair(lo, hi));
    zoom.x_range = std::make_pair(lo, hi);
    zoom.y_range = std::make_pair(-0.08, 0.1 * static_cast<double>(n) + 0.04);
    return f;
}

std::vector<StudyFigure> dsc_curves(const StudyResult& study) {
    std::vector<const SampleResult*> with;
    for (const SampleResult* s : ordered(study))
        if (s->dsc_curve && !s->dsc_curve->temperature_K.empty()) with.push_back(s);
    std::vector<StudyFigure> out;
    const auto split = pages(with, kDscCurvesPerPage);
    for (std::size_t k = 0; k < split.size(); ++k)
        if (auto f = dsc_curves_page(split[k])) {
            name_page(*f, k, split.size(), split[k]);
            out.push_back(std::move(*f));
        }
    return out;
}

// Lines join the points of a few samples; many are shown as points only.
LineStyle joined(const std::vector<double>& x) {
    return x.size() > kDscCurvesPerPage ? LineStyle::none : LineStyle::solid;
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
    StudyFigure f{
        "tg_tx",
        "Glass-transition onset Tg (left) and crystallisation onset Tx (right) versus the "
        "deposition temperature scaled by the reference glass's Tg; dashed: reference glass.",
        Figure(1, 2, 1200, 520)};
    auto ratio = [](const SampleResult& s) { return s.deposition_over_tg_ref; };
    std::vector<double> x, tg, x2, tx;
    collect(
        study, ratio, [](const SampleResult& s) { return s.tg_onset_K; }, x, tg);
    collect(
        study, ratio, [](const SampleResult& s) { return s.tx_onset_K; }, x2, tx);
    if (x.empty() && x2.empty()) return std::nullopt;
    const SampleResult* ref = reference(study);
    Panel& a = f.figure.panel(0);
    a.x_label = "T#ddep#u / T#dg,ref#u [1]";
    a.y_label = "T#dg#u onset [K]";
    a.line(x, tg, Style{palette(0), joined(x), 1.2, Marker::circle, 1.0, "films"});
    if (ref && ref->tg_onset_K)
        a.hline(*ref->tg_onset_K,
                Style{kGrey, LineStyle::dashed, 1.2, Marker::none, 1.0, "reference"});
    Panel& b = f.figure.panel(1);
    b.x_label = a.x_label;
    b.y_label = "T#dx#u onset [K]";
    b.line(x2, tx, Style{palette(1), joined(x2), 1.2, Marker::square, 1.0, "films"});
    if (ref && ref->tx_onset_K)
        b.hline(*ref->tx_onset_K,
                Style{kGrey, LineStyle::dashed, 1.2, Marker::none, 1.0, "reference"});
    return f;
}

std::optional<StudyFigure> delta_tx(const StudyResult& study) {
    StudyFigure f{
        "delta_tx",
        "Width of the supercooled-liquid region ΔTx = Tx − Tg versus the scaled deposition "
        "temperature; dashed: reference glass.",
        Figure(1, 1, 800, 520)};
    std::vector<double> x, y;
    collect(
        study, [](const SampleResult& s) { return s.deposition_over_tg_ref; },
        [](const SampleResult& s) { return s.delta_tx_K; }, x, y);
    if (x.empty()) return std::nullopt;
    Panel& p = f.figure.panel();
    p.x_label = "T#ddep#u / T#dg,ref#u [1]";
    p.y_label = "ΔT#dx#u = T#dx#u − T#dg#u [K]";
    p.line(x, y, Style{palette(2), joined(x), 1.2, Marker::diamond, 1.0, "films"});
    const SampleResult* ref = reference(study);
    if (ref && ref->delta_tx_K)
        p.hline(*ref->delta_tx_K,
                Style{kGrey, LineStyle::dashed, 1.2, Marker::none, 1.0, "reference"});
    return f;
}

std::optional<StudyFigure> hardness_modulus(const StudyResult& study) {
    StudyFigure f{
        "hardness_modulus",
        "Hardness (left) and Young's modulus (right) versus deposition temperature, mean ± "
        "sample standard deviation of the indents; band: reference glass mean ± sd.",
        Figure(1, 2, 1200, 520)};
    auto dep = [](const SampleResult& s) { return s.spec.deposition_K; };
    std::vector<double> x, h, he, x2, e, ee;
    collect(
        study, dep,
        [](const SampleResult& s) {
            return s.hardness_Pa ? std::optional<double>(*s.hardness_Pa * 1e-9) : std::nullopt;
        },
        x, h, &he, &SampleResult::hardness_sd_Pa);
    collect(
        study, dep,
        [](const SampleResult& s) {
            return s.modulus_Pa ? std::optional<double>(*s.modulus_Pa * 1e-9) : std::nullopt;
        },
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

StudyFigure load_depth_page(const std::vector<const SampleResult*>& with, double p_max,
                            double h_max) {
    const int cols = with.size() > 4 ? 4 : static_cast<int>(with.size());
    const int rows = static_cast<int>((with.size() + cols - 1) / cols);
    StudyFigure f{"load_depth",
                  "Load–depth curves of every usable indent, one panel per sample (after the "
                  "surface, frame-compliance and drift corrections the analysis applied).",
                  Figure(rows, cols, 300 * cols + 60, 300 * rows + 40)};
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
            p.line(h, load, Style{curve_color(i), LineStyle::solid, 0.8});
        }
    }
    return f;
}

// One panel per sample; every page on the same axes so that pages compare at a glance.
std::vector<StudyFigure> load_depth(const StudyResult& study) {
    std::vector<const SampleResult*> with;
    for (const SampleResult* s : ordered(study))
        if (!s->indent_curves.empty()) with.push_back(s);
    double p_max = 0.0, h_max = 0.0;
    for (const SampleResult* s : with)
        for (const IndentCurve& c : s->indent_curves) {
            for (double v : c.load_N) p_max = std::max(p_max, v);
            for (double v : c.depth_m) h_max = std::max(h_max, v);
        }
    std::vector<StudyFigure> out;
    const auto split = pages(with, kLoadDepthPanelsPerPage);
    for (std::size_t k = 0; k < split.size(); ++k) {
        out.push_back(load_depth_page(split[k], p_max, h_max));
        name_page(out.back(), k, split.size(), split[k]);
    }
    return out;
}

std::optional<StudyFigure> critical_size(const StudyResult& study) {
    if (!study.critical_size || study.critical_size->temperature_K.empty()) return std::nullopt;
    const CriticalSizeCurve& c = *study.critical_size;
    std::vector<const SampleResult*> with_mro;
    for (const SampleResult* s : ordered(study))
        if (s->spec.mro_size_m) with_mro.push_back(s);
    // Many samples: one band and one Tg line each would bury the curve; a point per sample at
    // (Tg onset, d_MRO ± uncertainty) says the same.
    const bool as_points = with_mro.size() > kMroBandsMax;
    StudyFigure f{"critical_size",
                  fmt::format("Critical nucleus diameter d*(T) from classical nucleation theory "
                              "({}); {}",
                              c.material,
                              as_points ? "points: each sample's measured MRO domain size ± "
                                          "uncertainty at its Tg onset."
                                        : "bands: measured MRO domain sizes ± uncertainty; "
                                          "dotted lines: each sample's Tg onset."),
                  Figure(1, 1, 900, 600)};
    Panel& p = f.figure.panel();
    p.x_label = "Temperature T [K]";
    p.y_label = "Critical nucleus diameter d* [nm]";
    std::vector<double> d;
    for (double v : c.diameter_m) d.push_back(v * 1e9);
    double d_top = 0.0;
    std::vector<double> tg, mro, mro_err;
    for (std::size_t k = 0; k < with_mro.size(); ++k) {
        const SampleResult* s = with_mro[k];
        const double m = *s->spec.mro_size_m * 1e9,
                     u = s->spec.mro_uncertainty_m.value_or(0.0) * 1e9;
        d_top = std::max(d_top, m + u);
        if (!as_points) {
            p.y_band(m - u, m + u, palette(k + 2), 0.30, fmt::format("d#dMRO#u {}", s->spec.name));
        } else if (s->tg_onset_K) {
            tg.push_back(*s->tg_onset_K);
            mro.push_back(m);
            mro_err.push_back(u);
        }
    }
    if (as_points)
        p.error_bars(
            tg, mro, mro_err,
            Style{palette(2), LineStyle::none, 1.0, Marker::circle, 0.7, "d#dMRO#u at T#dg#u"});
    else
        for (const SampleResult* s : ordered(study))
            if (s->tg_onset_K) p.vline(*s->tg_onset_K, Style{kGrey, LineStyle::dotted, 1.0});
    p.line(c.temperature_K, d,
           Style{kBlack, LineStyle::solid, 2.0, Marker::none, 1.0, "d*(T), CNT"});
    // Show the range that matters: up to about twice the largest domain or the d* at Tx.
    double y_hi = std::max(4.0, 2.2 * d_top);
    p.y_range = std::make_pair(0.0, y_hi);
    return f;
}

}  // namespace

std::vector<StudyFigure> study_figures(const StudyResult& study) {
    std::vector<StudyFigure> out;
    for (StudyFigure& f : dsc_curves(study)) out.push_back(std::move(f));
    for (auto build : {tg_tx, delta_tx, hardness_modulus})
        if (auto f = build(study)) out.push_back(std::move(*f));
    for (StudyFigure& f : load_depth(study)) out.push_back(std::move(f));
    if (auto f = critical_size(study)) out.push_back(std::move(*f));
    return out;
}

}  // namespace vitrum::report
