// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/indent/quasi_static.hpp>

namespace vitrum::indent {

void IndentOptions::validate() const {
    oliver_pharr.validate();
    unloading.validate();
    surface.validate();
    cycles.validate();
    if (!(frame_compliance_m_per_N >= 0.0 && frame_compliance_m_per_N < 1e-3)) {
        throw InvalidArgument(
            fmt::format("IndentOptions.frame_compliance_m_per_N = {} is outside the allowed range "
                        "[0, 1e-3) m/N",
                        frame_compliance_m_per_N));
    }
    if (!std::isfinite(drift_rate_m_per_s)) {
        throw InvalidArgument("IndentOptions.drift_rate_m_per_s must be finite");
    }
    if (!(drift_fraction > 0.0 && drift_fraction <= 1.0)) {
        throw InvalidArgument(
            fmt::format("IndentOptions.drift_fraction = {} is outside the allowed range (0, 1]",
                        drift_fraction));
    }
}

namespace {
OliverPharrPoint invalid_point() {
    return oliver_pharr_point(std::nan(""), std::nan(""), std::nan(""), AreaFunction::berkovich(),
                              {});
}
}  // namespace

IndentResult analyse_quasi_static(const Curve& curve, const AreaFunction& area,
                                  const IndentOptions& options) {
    options.validate();
    IndentResult out;
    out.name = curve.name;
    if (auto it = curve.properties.find(property::position_x); it != curve.properties.end()) {
        out.position_x_m = it->second.value;
    }
    if (auto it = curve.properties.find(property::position_y); it != curve.properties.end()) {
        out.position_y_m = it->second.value;
    }
    if (options.honour_ignore_flag) {
        if (auto it = curve.properties.find(property::ignore);
            it != curve.properties.end() && it->second.value != 0.0) {
            out.ignored = true;
            out.status = "ignored: the file flags this test 'ignore'";
            return out;
        }
    }
    const Series& raw = curve.data;
    out.surface_row = find_surface(raw, options.surface);
    const bool keep_zero = options.surface.method == SurfaceMethod::file;

    // Frame compliance first (it changes depth, not time), then segmentation on load only, so
    // the drift hold can be located before the drift correction is applied.
    Series frame_corrected =
        corrected_series(raw, out.surface_row, options.frame_compliance_m_per_N, 0.0, keep_zero);
    const auto stated = curve.properties.find(property::segments_stated);
    CycleSegmentation seg;
    if (options.use_stated_segments && stated != curve.properties.end() &&
        stated->second.value != 0.0) {
        seg = cycles_from_segments(frame_corrected);
    }
    if (seg.cycles.empty()) seg = find_cycles(frame_corrected, options.cycles);
    out.segmentation_source = seg.source;

    if (options.drift == DriftMode::given) {
        out.drift_rate_m_per_s = options.drift_rate_m_per_s;
    } else if (options.drift == DriftMode::measured) {
        if (!seg.drift_hold) {
            throw AnalysisError(fmt::format(
                "{}: drift correction asked, but no low-load hold follows the last unload",
                curve.name));
        }
        if (!raw.has(channel::time)) {
            throw AnalysisError(
                fmt::format("{}: drift correction needs a time column", curve.name));
        }
        out.drift_rate_m_per_s = drift_rate_m_per_s(frame_corrected, seg.drift_hold->first,
                                                    seg.drift_hold->second, options.drift_fraction);
    }
    out.corrected = out.drift_rate_m_per_s != 0.0
                        ? corrected_series(raw, out.surface_row, options.frame_compliance_m_per_N,
                                           out.drift_rate_m_per_s, keep_zero)
                        : std::move(frame_corrected);

    const auto& h = out.corrected.values(channel::depth);
    const auto& p = out.corrected.values(channel::load);
    std::size_t number = 0;
    for (const Cycle& c : seg.cycles) {
        CycleResult r;
        r.number = ++number;
        r.rows = c;
        try {
            r.fit = fit_unloading(h, p, c.unload_begin, c.unload_end, options.unloading);
            if (r.fit.usable) {
                r.result = oliver_pharr_point(r.fit.max_load_N, r.fit.max_depth_m,
                                              r.fit.stiffness_N_per_m, area, options.oliver_pharr);
                r.usable = std::isfinite(r.result.hardness_Pa);
                r.status = r.usable ? "ok" : "contact depth outside the area function";
            } else {
                r.result = invalid_point();
                r.status = r.fit.status;
            }
        } catch (const AnalysisError& e) {
            r.result = invalid_point();
            r.status = e.what();
        }
        r.quality = check_cycle(out.corrected, c, r.fit, out.surface_row, options.quality);
        if (r.quality.damaged && r.usable) {
            r.usable = false;
            r.status = r.quality.warnings.back();
            r.result = invalid_point();
        }
        if (r.usable && !(r.result.contact_area_m2 > 0.0)) {
            r.usable = false;
            r.status = "contact area is not positive";
            r.result = invalid_point();
        }
        r.iso = iso14577_quantities(out.corrected, c, r.fit, r.result);
        if (!r.usable) {
            r.iso.H_IT_Pa.reset();
            r.iso.E_IT_Pa.reset();
        }
        out.cycles.push_back(std::move(r));
    }
    std::size_t usable = 0;
    for (const CycleResult& r : out.cycles) usable += r.usable;
    out.status = usable == out.cycles.size() ? "ok"
                 : usable == 0               ? "every cycle failed: " + out.cycles.front().status
                               : fmt::format("{} of {} cycles failed", out.cycles.size() - usable,
                                             out.cycles.size());
    return out;
}

}  // namespace vitrum::indent
