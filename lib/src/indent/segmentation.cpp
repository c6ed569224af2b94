// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/linear_fit.hpp>
#include <vitrum/indent/segmentation.hpp>

namespace vitrum::indent {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void check_odd_window(std::size_t w, const char* name) {
    if (w == 0 || w % 2 == 0) {
        throw InvalidArgument(fmt::format("{} = {} must be an odd number >= 1", name, w));
    }
}

struct Run {
    std::size_t begin, end;
    int state;  // +1 loading, 0 hold, −1 unloading
};

void runs_of(const std::vector<int>& state, std::vector<Run>& runs) {
    runs.clear();
    const std::size_t n = state.size();
    for (std::size_t i = 0; i < n;) {
        std::size_t end = i + 1;
        while (end < n && state[end] == state[i]) ++end;
        runs.push_back({i, end, state[i]});
        i = end;
    }
}
/// Median of five finite values without sorting: the median of three of e, the larger of the two
/// pair minima and the smaller of the two pair maxima.
double median_of_five(double a, double b, double c, double d, double e) {
    const double f = std::max(std::min(a, b), std::min(c, d));
    const double g = std::min(std::max(a, b), std::max(c, d));
    return std::max(std::min(e, f), std::min(std::max(e, f), g));
}

}  // namespace

void SurfaceOptions::validate() const {
    check_odd_window(median_window, "SurfaceOptions.median_window");
    const bool needs_threshold = method == SurfaceMethod::load ||
                                 method == SurfaceMethod::stiffness ||
                                 method == SurfaceMethod::slope;
    if (needs_threshold && !(threshold > 0.0 && std::isfinite(threshold))) {
        throw InvalidArgument(fmt::format(
            "SurfaceOptions.threshold = {} must be > 0 for this surface method", threshold));
    }
}

void CycleOptions::validate() const {
    if (!(relative_rate_noise > 0.0 && relative_rate_noise < 1.0)) {
        throw InvalidArgument(
            fmt::format("CycleOptions.relative_rate_noise = {} is outside the allowed range (0, 1)",
                        relative_rate_noise));
    }
    if (!(load_noise_N >= 0.0)) {
        throw InvalidArgument(
            fmt::format("CycleOptions.load_noise_N = {} must be >= 0 N", load_noise_N));
    }
    check_odd_window(median_window, "CycleOptions.median_window");
}

std::vector<double> median_filter(const std::vector<double>& values, std::size_t width) {
    check_odd_window(width, "median_filter width");
    if (width == 1) return values;
    const std::size_t half = width / 2;
    std::vector<double> out(values.size(), kNaN);
    // Narrow windows (the defaults are 5): insertion sort into a fixed buffer is several times
    // faster than nth_element on a vector and gives the same element.
    constexpr std::size_t kSmall = 15;
    if (width <= kSmall) {
        double window[kSmall];
        const std::size_t n = values.size();
        // Default width 5 on finite data (the usual case): the interior needs no finiteness
        // test per window, checked once here for the whole series.
        std::size_t interior_begin = n, interior_end = n;
        if (width == 5 && n >= 5 &&
            std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); })) {
            interior_begin = 2;
            interior_end = n - 2;
        }
        for (std::size_t i = interior_begin; i < interior_end; ++i) {
            const double* v = values.data() + (i - 2);
            out[i] = median_of_five(v[0], v[1], v[2], v[3], v[4]);
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (i == interior_begin) i = interior_end;
            if (i >= n) break;
            const std::size_t lo = i >= half ? i - half : 0;
            const std::size_t hi = std::min(values.size(), i + half + 1);
            if (hi - lo == 5) {
                const double* v = values.data() + lo;
                if (std::all_of(v, v + 5, [](double x) { return std::isfinite(x); })) {
                    out[i] = median_of_five(v[0], v[1], v[2], v[3], v[4]);
                    continue;
                }
            }
            std::size_t count = 0;
            for (std::size_t k = lo; k < hi; ++k) {
                const double v = values[k];
                if (!std::isfinite(v)) continue;
                std::size_t j = count++;
                for (; j > 0 && window[j - 1] > v; --j) window[j] = window[j - 1];
                window[j] = v;
            }
            if (count > 0) out[i] = window[count / 2];
        }
        return out;
    }
    std::vector<double> window;
    window.reserve(width);
    for (std::size_t i = 0; i < values.size(); ++i) {
        window.clear();
        const std::size_t lo = i >= half ? i - half : 0;
        const std::size_t hi = std::min(values.size(), i + half + 1);
        for (std::size_t k = lo; k < hi; ++k) {
            if (std::isfinite(values[k])) window.push_back(values[k]);
        }
        if (window.empty()) continue;
        auto mid = window.begin() + static_cast<std::ptrdiff_t>(window.size() / 2);
        std::nth_element(window.begin(), mid, window.end());
        out[i] = *mid;
    }
    return out;
}

std::size_t find_surface(const Series& data, const SurfaceOptions& options) {
    options.validate();
    const auto& h = data.values(channel::depth);
    if (options.method == SurfaceMethod::manual) {
        if (options.manual_row >= data.rows()) {
            throw InvalidArgument(
                fmt::format("SurfaceOptions.manual_row = {} is outside the {} rows",
                            options.manual_row, data.rows()));
        }
        return options.manual_row;
    }
    if (options.method == SurfaceMethod::file) {
        for (std::size_t i = 0; i < h.size(); ++i) {
            if (std::isfinite(h[i]) && h[i] >= 0.0) return i;
        }
        throw AnalysisError("surface: no row with depth >= 0");
    }
    std::vector<double> signal;
    const char* what = "";
    if (options.method == SurfaceMethod::load) {
        signal = median_filter(data.values(channel::load), options.median_window);
        what = "load";
    } else if (options.method == SurfaceMethod::stiffness) {
        signal = median_filter(data.values(channel::harmonic_stiffness), options.median_window);
        what = "harmonic stiffness";
    } else {
        const auto& p = data.values(channel::load);
        signal.assign(p.size(), kNaN);
        for (std::size_t i = 1; i + 1 < p.size(); ++i) {
            const double dh = h[i + 1] - h[i - 1];
            if (dh != 0.0) signal[i] = (p[i + 1] - p[i - 1]) / dh;
        }
        signal = median_filter(signal, options.median_window);
        what = "dP/dh";
    }
    for (std::size_t i = 0; i < signal.size(); ++i) {
        if (std::isfinite(signal[i]) && signal[i] > options.threshold) return i;
    }
    throw AnalysisError(
        fmt::format("surface: {} never exceeds the threshold {}", what, options.threshold));
}

namespace {

CycleSegmentation pair_runs(const std::vector<Run>& runs, const std::vector<double>& load) {
    CycleSegmentation seg;
    const Run* pending = nullptr;
    for (const Run& r : runs) {
        if (r.state > 0) {
            pending = &r;
        } else if (r.state < 0 && pending != nullptr) {
            Cycle c;
            c.load_begin = pending->begin;
            c.hold_begin = pending->end;
            c.unload_begin = r.begin;
            c.unload_end = r.end;
            // The peak of the hold is where unloading really starts: the last row of the hold
            // at the highest load keeps h_max at the top of the unload.
            seg.cycles.push_back(c);
            pending = nullptr;
        }
    }
    if (seg.cycles.empty()) return seg;
    const Cycle& last = seg.cycles.back();
    const double peak = load[last.unload_begin];
    for (const Run& r : runs) {
        if (r.begin < last.unload_end || r.state != 0) continue;
        double sum = 0.0;
        std::size_t n = 0;
        for (std::size_t i = r.begin; i < r.end; ++i) {
            if (std::isfinite(load[i])) {
                sum += load[i];
                ++n;
            }
        }
        if (n >= 3 && sum / static_cast<double>(n) < 0.5 * peak) {
            seg.drift_hold = std::make_pair(r.begin, r.end);
            break;
        }
    }
    return seg;
}

// Loading (+1), hold (0) and unloading (−1) runs of rows [0, end): a row moves when its |dP/dt|
// exceeds relative_rate_noise of the range's 98th-percentile rate (not the maximum: duplicated
// or nearly duplicated time stamps, which NanoSuite writes, give single huge rates that would
// turn everything into a hold); runs shorter than min_run take the state of the run before.
void rate_runs(const std::vector<double>& p, const std::vector<double>& rate, std::size_t end,
               const CycleOptions& options, std::vector<int>& state, std::vector<Run>& runs) {
    std::vector<double> abs_rates;
    abs_rates.reserve(end);
    for (std::size_t i = 0; i < end; ++i) {
        if (std::isfinite(rate[i])) abs_rates.push_back(std::abs(rate[i]));
    }
    double max_rate = 0.0;
    if (!abs_rates.empty()) {
        auto q = abs_rates.begin() +
                 static_cast<std::ptrdiff_t>(0.98 * static_cast<double>(abs_rates.size() - 1));
        std::nth_element(abs_rates.begin(), q, abs_rates.end());
        max_rate = *q;
    }
    state.assign(end, 0);
    if (max_rate > 0.0) {
        for (std::size_t i = 0; i < end; ++i) {
            if (!std::isfinite(rate[i]) || !(p[i] > options.load_noise_N)) continue;
            const double r = rate[i] / max_rate;
            state[i] = r > options.relative_rate_noise    ? 1
                       : r < -options.relative_rate_noise ? -1
                                                          : 0;
        }
    }
    // Short runs (noise, CSM wiggles) take the state of the run before them; repeat until stable.
    for (int pass = 0; pass < 4; ++pass) {
        runs_of(state, runs);
        bool changed = false;
        for (std::size_t k = 0; k < runs.size(); ++k) {
            if (runs[k].end - runs[k].begin >= options.min_run) continue;
            const int fill =
                k > 0 ? runs[k - 1].state : (k + 1 < runs.size() ? runs[k + 1].state : 0);
            if (fill == runs[k].state) continue;
            for (std::size_t i = runs[k].begin; i < runs[k].end; ++i) state[i] = fill;
            changed = true;
        }
        if (!changed) break;
    }
    runs_of(state, runs);
}

// Cycles whose ramps are slow next to the later, larger ones (the first cycles of a Fischer
// ESP or any increasing-load series: the rate grows with the load) read as a hold against the
// whole curve's rate scale. The rows before the first cycle found are classified again with
// their own rate scale; a cycle found there counts only when it is a real excursion: a peak
// above 1 % of the next cycle's peak and 10× the load noise, reached by a rise and left by a
// drop of at least half of it.
void add_early_cycles(const std::vector<double>& p, const std::vector<double>& rate,
                      const std::vector<double>& load, const CycleOptions& options,
                      CycleSegmentation& seg) {
    std::vector<int> state;
    std::vector<Run> runs;
    for (int pass = 0; pass < 8 && !seg.cycles.empty(); ++pass) {
        const Cycle next = seg.cycles.front();
        if (next.load_begin < 2 * options.min_run) return;
        rate_runs(p, rate, next.load_begin, options, state, runs);
        const std::vector<Cycle> found = pair_runs(runs, load).cycles;
        std::vector<Cycle> kept;
        for (const Cycle& c : found) {
            const double top = p[c.unload_begin];
            const double rise = top - p[c.load_begin];
            const double drop = top - p[c.unload_end - 1];
            if (std::isfinite(top) && top > 0.01 * p[next.unload_begin] &&
                top > 10.0 * options.load_noise_N && rise >= 0.5 * top && drop >= 0.5 * rise) {
                kept.push_back(c);
            }
        }
        if (kept.empty()) return;
        seg.cycles.insert(seg.cycles.begin(), kept.begin(), kept.end());
    }
}

}  // namespace

CycleSegmentation find_cycles(const Series& data, const CycleOptions& options) {
    options.validate();
    const auto& raw_load = data.values(channel::load);
    const std::size_t n = raw_load.size();
    const std::vector<double> p = median_filter(raw_load, options.median_window);
    const std::vector<double>* t = data.has(channel::time) ? &data.values(channel::time) : nullptr;

    std::vector<double> rate(n, kNaN);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t a = i > 0 ? i - 1 : 0;
        const std::size_t b = std::min(n - 1, i + 1);
        if (a == b) continue;
        const double dt = t ? (*t)[b] - (*t)[a] : static_cast<double>(b - a);
        if (!(dt > 0.0) || !std::isfinite(p[a]) || !std::isfinite(p[b])) continue;
        rate[i] = (p[b] - p[a]) / dt;
    }
    std::vector<int> state;
    std::vector<Run> runs;
    runs.reserve(64);
    rate_runs(p, rate, n, options, state, runs);
    CycleSegmentation seg = pair_runs(runs, raw_load);
    seg.source = "data";
    if (!seg.cycles.empty()) {
        add_early_cycles(p, rate, raw_load, options, seg);
        // The vendor's unload marker, when it is within a few rows, fixes the first unloading
        // row exactly (rate thresholds find it only to ±2 rows); P_max and h_max are read there.
        for (Cycle& c : seg.cycles) {
            for (const Segment& s : data.segments) {
                if (s.kind != SegmentKind::unloading || s.begin >= n) continue;
                const std::size_t d =
                    s.begin > c.unload_begin ? s.begin - c.unload_begin : c.unload_begin - s.begin;
                if (d <= options.min_run && s.begin > c.hold_begin && s.begin < c.unload_end) {
                    c.unload_begin = s.begin;
                    seg.source = "data, unload starts from file markers";
                }
            }
        }
        return seg;
    }

    // Fall back to the reader's segment marks.
    std::vector<Run> marked;
    for (const Segment& s : data.segments) {
        const int st = s.kind == SegmentKind::loading     ? 1
                       : s.kind == SegmentKind::unloading ? -1
                                                          : 0;
        if (s.end > s.begin && s.end <= n) marked.push_back({s.begin, s.end, st});
    }
    seg = pair_runs(marked, raw_load);
    seg.source = "file segments";
    if (seg.cycles.empty()) {
        throw AnalysisError(fmt::format(
            "segmentation: no loading followed by unloading in {} rows (neither from dP/dt with "
            "relative noise {} nor from the file's {} segment marks)",
            n, options.relative_rate_noise, data.segments.size()));
    }
    return seg;
}

CycleSegmentation cycles_from_segments(const Series& data) {
    const std::size_t n = data.rows();
    std::vector<Run> marked;
    for (const Segment& s : data.segments) {
        const int st = s.kind == SegmentKind::loading     ? 1
                       : s.kind == SegmentKind::unloading ? -1
                                                          : 0;
        if (s.end > s.begin && s.end <= n) marked.push_back({s.begin, s.end, st});
    }
    CycleSegmentation seg = pair_runs(marked, data.values(channel::load));
    seg.source = "file's stated segments";
    return seg;
}

double drift_rate_m_per_s(const Series& data, std::size_t begin, std::size_t end, double fraction) {
    if (!(fraction > 0.0 && fraction <= 1.0)) {
        throw InvalidArgument(
            fmt::format("drift fraction = {} is outside the allowed range (0, 1]", fraction));
    }
    end = std::min(end, data.rows());
    if (begin >= end) throw AnalysisError("drift: empty hold");
    const std::size_t len = end - begin;
    const std::size_t first =
        end - std::max<std::size_t>(
                  1, static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(len))));
    const auto& t = data.values(channel::time);
    const auto& h = data.values(channel::depth);
    std::size_t finite = 0;
    for (std::size_t i = first; i < end; ++i) finite += std::isfinite(t[i]) && std::isfinite(h[i]);
    if (finite < 3) {
        throw AnalysisError(fmt::format("drift: {} finite points in the hold rows {}–{}; need 3",
                                        finite, first + 1, end));
    }
    return fit_line(t, h, first, end).slope;
}

Series corrected_series(const Series& data, std::size_t surface_row,
                        double frame_compliance_m_per_N, double drift_rate, bool keep_zero) {
    Series out = data;
    auto& h = out.column(channel::depth).values;
    auto& p = out.column(channel::load).values;
    const std::vector<double>* t = data.has(channel::time) ? &data.values(channel::time) : nullptr;
    if (surface_row >= h.size())
        throw InvalidArgument("corrected_series: surface row outside the data");
    const double t0 = t ? (*t)[surface_row] : 0.0;
    for (std::size_t i = 0; i < h.size(); ++i) {
        h[i] -= frame_compliance_m_per_N * p[i];
        if (t && drift_rate != 0.0) h[i] -= drift_rate * ((*t)[i] - t0);
    }
    if (!keep_zero) {
        const double h0 = h[surface_row], p0 = p[surface_row];
        for (std::size_t i = 0; i < h.size(); ++i) {
            h[i] -= h0;
            p[i] -= p0;
        }
    }
    return out;
}

}  // namespace vitrum::indent
