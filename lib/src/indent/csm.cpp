// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/indent/csm.hpp>

namespace vitrum::indent {

void CsmOptions::validate() const {
    oliver_pharr.validate();
    if (!(frame_stiffness_N_per_m > 0.0)) {
        throw InvalidArgument(fmt::format(
            "CsmOptions.frame_stiffness_N_per_m = {} must be > 0 N/m (infinite: no correction)",
            frame_stiffness_N_per_m));
    }
    if (!(min_depth_m >= 0.0 && min_depth_m < max_depth_m)) {
        throw InvalidArgument(fmt::format(
            "CsmOptions depth window [{}, {}] m must satisfy 0 <= min_depth_m < max_depth_m",
            min_depth_m, max_depth_m));
    }
}

double contact_stiffness_N_per_m(double measured, double frame) {
    if (std::isinf(frame)) return measured;
    const double inv = 1.0 / measured - 1.0 / frame;
    return inv > 0.0 ? 1.0 / inv : std::nan("");
}

namespace {
struct Accumulator {
    double sum = 0.0, sum2 = 0.0;
    std::size_t n = 0;
    void add(double v) {
        sum += v;
        sum2 += v * v;
        ++n;
    }
    double mean() const { return n ? sum / static_cast<double>(n) : std::nan(""); }
    double sd() const {
        if (n < 2) return std::nan("");
        const double m = mean();
        return std::sqrt(
            std::max(0.0, (sum2 - static_cast<double>(n) * m * m) / static_cast<double>(n - 1)));
    }
};
}  // namespace

CsmResult analyse_csm(const Series& data, const AreaFunction& area, const CsmOptions& options) {
    options.validate();
    const auto& h = data.values(channel::depth);
    const auto& p = data.values(channel::load);
    const auto& s = data.values(channel::harmonic_stiffness);
    std::size_t end = data.rows();
    if (options.loading_only) {
        double best = -1.0;
        for (std::size_t i = 0; i < p.size(); ++i) {
            if (std::isfinite(p[i]) && p[i] > best) {
                best = p[i];
                end = i + 1;
            }
        }
    }
    CsmResult out;
    Accumulator e, hard, er;
    for (std::size_t i = 0; i < end; ++i) {
        if (!(std::isfinite(h[i]) && h[i] > 0.0)) continue;
        const double stiffness = contact_stiffness_N_per_m(s[i], options.frame_stiffness_N_per_m);
        const OliverPharrPoint pt =
            oliver_pharr_point(p[i], h[i], stiffness, area, options.oliver_pharr);
        out.rows.push_back(i);
        out.points.push_back(pt);
        if (h[i] >= options.min_depth_m && h[i] <= options.max_depth_m &&
            std::isfinite(pt.modulus_Pa) && std::isfinite(pt.hardness_Pa)) {
            e.add(pt.modulus_Pa);
            hard.add(pt.hardness_Pa);
            er.add(pt.reduced_modulus_Pa);
        }
    }
    out.window_points = e.n;
    // Points lost in the window: rows there whose result is invalid, and rows absent from the
    // file (depth steps wider than 1.5 median steps count as round(step/median) − 1 missing).
    std::vector<double> window_depths;
    std::size_t invalid = 0;
    double dev_sum = 0.0, dev_max = 0.0;
    std::size_t dev_n = 0;
    const std::vector<double>* vendor_area = data.has(channel::vendor_contact_area)
                                                 ? &data.values(channel::vendor_contact_area)
                                                 : nullptr;
    const std::vector<double>* vendor_hardness =
        data.has(channel::vendor_hardness) ? &data.values(channel::vendor_hardness) : nullptr;
    for (std::size_t k = 0; k < out.rows.size(); ++k) {
        const std::size_t i = out.rows[k];
        if (!(h[i] >= options.min_depth_m && h[i] <= options.max_depth_m)) continue;
        window_depths.push_back(h[i]);
        const OliverPharrPoint& pt = out.points[k];
        if (!(std::isfinite(pt.modulus_Pa) && std::isfinite(pt.hardness_Pa))) {
            ++invalid;
            continue;
        }
        double a_vendor = std::nan("");
        if (vendor_area && std::isfinite((*vendor_area)[i])) {
            a_vendor = (*vendor_area)[i];
        } else if (vendor_hardness && (*vendor_hardness)[i] > 0.0) {
            a_vendor = p[i] / (*vendor_hardness)[i];
        }
        if (a_vendor > 0.0) {
            const double d = std::abs(pt.contact_area_m2 - a_vendor) / a_vendor;
            dev_sum += d;
            dev_max = std::max(dev_max, d);
            ++dev_n;
        }
    }
    // Rows absent from the file show as gaps in the acquisition clock (CSM records at a fixed
    // interval; the depth step grows with depth at constant strain rate, so depth gaps would
    // not tell). The typical interval is the median over the whole loading, so a regular loss
    // inside the window (every third point) cannot hide in the window's own median.
    std::size_t missing = 0;
    if (data.has(channel::time) && out.rows.size() >= 3) {
        const auto& t = data.values(channel::time);
        std::vector<double> steps;
        for (std::size_t k = 1; k < out.rows.size(); ++k) {
            const double st = t[out.rows[k]] - t[out.rows[k - 1]];
            if (std::isfinite(st) && st > 0.0) steps.push_back(st);
        }
        if (!steps.empty()) {
            std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
            const double median = steps[steps.size() / 2];
            std::size_t previous = out.rows.size();
            for (std::size_t k = 0; k < out.rows.size(); ++k) {
                const std::size_t i = out.rows[k];
                if (!(h[i] >= options.min_depth_m && h[i] <= options.max_depth_m)) continue;
                if (previous < out.rows.size()) {
                    const double st = t[i] - t[out.rows[previous]];
                    if (std::isfinite(st) && st > 1.5 * median)
                        missing += static_cast<std::size_t>(std::lround(st / median)) - 1;
                }
                previous = k;
            }
        }
    }
    out.window_points_lost = invalid + missing;
    out.window_points_expected = out.window_points + out.window_points_lost;
    if (out.window_points_expected > 0 &&
        static_cast<double>(out.window_points_lost) >
            options.max_lost_fraction * static_cast<double>(out.window_points_expected)) {
        out.warnings.push_back(fmt::format(
            "{} of {} points in the {:g}–{:g} nm averaging window are missing or invalid",
            out.window_points_lost, out.window_points_expected, options.min_depth_m * 1e9,
            options.max_depth_m * 1e9));
    }
    if (dev_n > 0) {
        out.vendor_area_deviation_mean = dev_sum / static_cast<double>(dev_n);
        out.vendor_area_deviation_max = dev_max;
        if (dev_max > options.max_vendor_area_deviation) {
            out.warnings.push_back(fmt::format(
                "recomputed contact area differs from the vendor's by up to {:.3g} % (mean "
                "{:.3g} %) in the window: the file's area function is incomplete or differs",
                100.0 * dev_max, 100.0 * *out.vendor_area_deviation_mean));
        }
    }
    out.mean_modulus_Pa = e.mean();
    out.sd_modulus_Pa = e.sd();
    out.mean_hardness_Pa = hard.mean();
    out.sd_hardness_Pa = hard.sd();
    out.mean_reduced_modulus_Pa = er.mean();
    return out;
}

}  // namespace vitrum::indent
