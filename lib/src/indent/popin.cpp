// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/core/linear_fit.hpp>
#include <vitrum/indent/popin.hpp>

namespace vitrum::indent {

void PopInOptions::validate() const {
    if (!(skip_depth_m >= 0.0)) throw InvalidArgument("PopInOptions.skip_depth_m must be >= 0 m");
    if (!(threshold_mads > 0.0)) {
        throw InvalidArgument(
            fmt::format("PopInOptions.threshold_mads = {} must be > 0", threshold_mads));
    }
    if (!(min_jump_m >= 0.0)) throw InvalidArgument("PopInOptions.min_jump_m must be >= 0 m");
    if (!(max_load_ratio > 0.0 && max_load_ratio <= 1.0)) {
        throw InvalidArgument(
            fmt::format("PopInOptions.max_load_ratio = {} is outside the allowed range (0, 1]",
                        max_load_ratio));
    }
}

namespace {
double median_of(std::vector<double> v) {
    if (v.empty()) return std::nan("");
    auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}
}  // namespace

std::vector<PopIn> find_popins(const std::vector<double>& h, const std::vector<double>& p,
                               std::size_t begin, std::size_t end, const PopInOptions& o) {
    o.validate();
    end = std::min({end, h.size(), p.size()});
    while (begin < end && !(h[begin] >= o.skip_depth_m)) ++begin;
    if (end < begin + 10) {
        throw InvalidArgument(
            fmt::format("find_popins: {} rows deeper than {} nm; need at least 10",
                        end > begin ? end - begin : 0, o.skip_depth_m * 1e9));
    }
    // Increments i ↦ h[i+1] − h[i] for i in [begin, end − 1).
    std::vector<double> idx, dh, slope;
    for (std::size_t i = begin; i + 1 < end; ++i) {
        const double d = h[i + 1] - h[i];
        if (!std::isfinite(d) || !std::isfinite(p[i + 1] - p[i])) continue;
        idx.push_back(static_cast<double>(i));
        dh.push_back(d);
        if (d > 0.0) slope.push_back((p[i + 1] - p[i]) / d);
    }
    if (dh.size() < 10) return {};
    const auto trend = fit_polynomial(idx, dh, 2);
    std::vector<double> resid(dh.size());
    for (std::size_t k = 0; k < dh.size(); ++k) resid[k] = dh[k] - eval_polynomial(trend, idx[k]);
    const double med = median_of(resid);
    std::vector<double> dev(resid.size());
    for (std::size_t k = 0; k < resid.size(); ++k) dev[k] = std::abs(resid[k] - med);
    const double sigma = std::max(1.4826 * median_of(dev), 1e-15);
    const double typical_slope = median_of(slope);

    std::vector<PopIn> events;
    for (std::size_t k = 0; k < resid.size(); ++k) {
        const auto i = static_cast<std::size_t>(idx[k]);
        const bool burst = resid[k] - med > o.threshold_mads * sigma &&
                           (p[i + 1] - p[i]) / dh[k] < o.max_load_ratio * typical_slope;
        if (!burst) continue;
        if (!events.empty() && events.back().end_row == i) {
            events.back().end_row = i + 1;
            events.back().jump_m += resid[k];
            continue;
        }
        events.push_back({i, i + 1, p[i], h[i], resid[k]});
    }
    events.erase(std::remove_if(events.begin(), events.end(),
                                [&o](const PopIn& e) { return e.jump_m < o.min_jump_m; }),
                 events.end());
    return events;
}

double HertzFit::load_at_N(double depth_m) const {
    const double d = depth_m - depth_offset_m;
    return d > 0.0 ? 4.0 / 3.0 * reduced_modulus_Pa * std::sqrt(tip_radius_m) * d * std::sqrt(d)
                   : 0.0;
}

HertzFit fit_hertz(const std::vector<double>& h, const std::vector<double>& p, std::size_t begin,
                   std::size_t end, double radius) {
    if (!(radius > 0.0))
        throw InvalidArgument(fmt::format("fit_hertz: tip radius = {} m must be > 0", radius));
    end = std::min({end, h.size(), p.size()});
    std::vector<double> x, y;
    for (std::size_t i = begin; i < end; ++i) {
        if (std::isfinite(h[i]) && std::isfinite(p[i]) && p[i] > 0.0) {
            x.push_back(h[i]);
            y.push_back(p[i]);
        }
    }
    if (x.size() < 5) {
        throw AnalysisError(
            fmt::format("Hertz fit: {} points with P > 0 before the pop-in; need 5", x.size()));
    }
    const double hs = *std::max_element(x.begin(), x.end());
    const double ps = *std::max_element(y.begin(), y.end());
    // Linear start: (P/P_s)^{2/3} = k'·(h − h0)/h_s.
    std::vector<double> xs(x.size()), y23(y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        xs[i] = x[i] / hs;
        y23[i] = std::cbrt((y[i] / ps) * (y[i] / ps));
    }
    const LineFit line = fit_line(xs, y23);
    const double k0 = std::pow(std::max(line.slope, 1e-6), 1.5);
    const double x00 = line.slope != 0.0 ? -line.intercept / line.slope : 0.0;
    const ResidualFunction f = [&](const std::vector<double>& q, std::vector<double>& r) {
        for (std::size_t i = 0; i < xs.size(); ++i) {
            const double d = xs[i] - q[1];
            r[i] = (d > 0.0 ? q[0] * d * std::sqrt(d) : 0.0) - y[i] / ps;
        }
    };
    const JacobianFunction j = [&](const std::vector<double>& q, std::vector<double>& J) {
        for (std::size_t i = 0; i < xs.size(); ++i) {
            const double d = xs[i] - q[1];
            J[2 * i] = d > 0.0 ? d * std::sqrt(d) : 0.0;
            J[2 * i + 1] = d > 0.0 ? -1.5 * q[0] * std::sqrt(d) : 0.0;
        }
    };
    HertzFit out;
    out.summary = fit_nonlinear(f, xs.size(), {k0, x00}, {}, j);
    out.points = xs.size();
    out.tip_radius_m = radius;
    const double k = out.summary.parameters[0] * ps / (hs * std::sqrt(hs));  // P = k (h − h0)^{3/2}
    out.depth_offset_m = out.summary.parameters[1] * hs;
    out.reduced_modulus_Pa = 0.75 * k / std::sqrt(radius);
    out.residual_rms_N = out.summary.residual_rms * ps;
    return out;
}

double max_shear_stress_Pa(double load_N, double reduced_modulus_Pa, double radius) {
    return 0.31 * std::cbrt(6.0 * load_N * reduced_modulus_Pa * reduced_modulus_Pa /
                            (M_PI * M_PI * M_PI * radius * radius));
}

}  // namespace vitrum::indent
