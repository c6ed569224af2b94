// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vitrum/cnt/cnt_figure.hpp>
#include <vitrum/core/error.hpp>

namespace vitrum::cnt {

report::Figure critical_diameter_figure(const std::vector<CntPoint>& points,
                                        const CntFigureOptions& options) {
    std::vector<double> t, d_nm;
    for (const auto& p : points) {
        if (p.state != NucleationState::nucleating) continue;
        t.push_back(p.temperature_K);
        d_nm.push_back(p.nucleus.diameter_m * 1e9);
    }
    if (t.empty()) throw InvalidArgument("critical-diameter figure: no temperature below T_m");
    // d* diverges at T_m; show up to 4× the smallest d* (or 1.5× the MRO band) so the region
    // where d* meets the MRO sizes stays readable.
    double y_max = 4.0 * *std::min_element(d_nm.begin(), d_nm.end());
    if (options.mro_min_m) {
        y_max =
            std::max(y_max, 1.5e9 * (options.mro_max_m ? *options.mro_max_m : *options.mro_min_m));
    }
    std::vector<double> t_shown, d_shown;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (d_nm[i] > y_max) continue;
        t_shown.push_back(t[i]);
        d_shown.push_back(d_nm[i]);
    }
    t.swap(t_shown);
    d_nm.swap(d_shown);
    report::Figure figure;
    figure.title = options.title;
    auto& panel = figure.panel();
    panel.title = "Critical nucleus diameter";
    panel.x_label = "Temperature [K]";
    panel.y_label = "Critical diameter d* [nm]";
    panel.y_range = std::make_pair(0.0, y_max);
    report::Style curve;
    curve.color = report::palette(0);
    curve.label = options.curve_label;
    panel.line(t, d_nm, curve);
    if (options.mro_min_m) {
        const double lo = *options.mro_min_m * 1e9;
        const double hi = (options.mro_max_m ? *options.mro_max_m : *options.mro_min_m) * 1e9;
        if (hi > lo) {
            panel.y_band(lo, hi, report::palette(1), 0.3,
                         fmt::format("MRO domains {:.3g}-{:.3g} nm", lo, hi));
        } else {
            report::Style mro;
            mro.color = report::palette(1);
            mro.line = report::LineStyle::dashed;
            mro.label = fmt::format("MRO domain {:.3g} nm", lo);
            panel.hline(lo, mro, mro.label);
        }
    }
    if (options.glass_transition_K) {
        report::Style tg;
        tg.color = report::palette(2);
        tg.line = report::LineStyle::dashed;
        tg.label = fmt::format("T_g = {:.0f} K", *options.glass_transition_K);
        panel.vline(*options.glass_transition_K, tg, tg.label);
    }
    return figure;
}

report::Figure ttt_figure(const TttResult& ttt, const CntFigureOptions& options) {
    if (ttt.curve.empty()) throw InvalidArgument("TTT figure: the TTT curve is empty");
    std::vector<double> time, temperature;
    // Times span hundreds of decades away from the nose; six decades show its shape.
    const double t_limit = ttt.nose_time_s * 1e6;
    for (const auto& p : ttt.curve) {
        if (p.time_s > t_limit) continue;
        time.push_back(p.time_s);
        temperature.push_back(p.temperature_K);
    }
    report::Figure figure;
    figure.title = options.title;
    auto& panel = figure.panel();
    panel.title = fmt::format("TTT, crystallized fraction x = {:g}", ttt.detectable_fraction);
    panel.x_label = "Time [s]";
    panel.y_label = "Temperature [K]";
    panel.log_x = true;
    report::Style curve;
    curve.color = report::palette(0);
    curve.label = "t(x), CNT + JMA";
    panel.line(time, temperature, curve);
    if (ttt.has_nose) {
        report::Style nose;
        nose.color = report::palette(3);
        nose.line = report::LineStyle::none;
        nose.marker = report::Marker::circle;
        nose.label =
            fmt::format("nose {:.0f} K, {:.3g} s; R_c = {:.3g} K/s", ttt.nose_temperature_K,
                        ttt.nose_time_s, ttt.critical_cooling_rate_K_per_s);
        panel.points({ttt.nose_time_s}, {ttt.nose_temperature_K}, nose);
    }
    if (options.glass_transition_K) {
        report::Style tg;
        tg.color = report::palette(2);
        tg.line = report::LineStyle::dashed;
        tg.label = fmt::format("T_g = {:.0f} K", *options.glass_transition_K);
        panel.hline(*options.glass_transition_K, tg, tg.label);
    }
    return figure;
}

}  // namespace vitrum::cnt
