// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/cooling.hpp>
#include <vitrum/dsc/file_analysis.hpp>
#include <vitrum/dsc/segmentation.hpp>

namespace vitrum::dsc {
namespace {

using Json = nlohmann::ordered_json;

Json window_json(const TemperatureWindow& w) { return Json::array({w.lo_K, w.hi_K}); }

void check_window(const std::optional<TemperatureWindow>& w, const char* field) {
    if (w && !(w->lo_K > 0.0 && w->lo_K < w->hi_K && std::isfinite(w->hi_K)))
        throw InvalidArgument(
            fmt::format("{} must satisfy 0 K < lo < hi, got {}:{} K", field, w->lo_K, w->hi_K));
}

// First cooling segment spanning at least 20 K (a cooling-only run: crystallisation on cooling).
std::optional<std::size_t> first_cooling(const std::vector<DscSegment>& segments) {
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& s = segments[i];
        if (s.kind == SegmentKind::cooling && s.start_K - s.end_K >= 20.0) return i;
    }
    return std::nullopt;
}

std::size_t pick_segment(const std::vector<DscSegment>& segments,
                         std::optional<std::size_t> requested) {
    if (requested) {
        // A segment the run does not have is a fact about this file, not a usage error.
        if (*requested < 1 || *requested > segments.size())
            throw AnalysisError(fmt::format("segment {} requested, but the run has {} segment{}",
                                            *requested, segments.size(),
                                            segments.size() == 1 ? "" : "s"));
        return *requested - 1;
    }
    try {
        return choose_heating_segment(segments);
    } catch (const AnalysisError&) {
        if (const auto cooling = first_cooling(segments)) return *cooling;
        throw;
    }
}

HeatingAnalysisOptions heating_options(const DscOptions& o, std::vector<SettingRecord>& settings) {
    HeatingAnalysisOptions h;
    const auto src = [](bool set) {
        return set ? SettingSource::option : SettingSource::default_value;
    };
    h.glass_transition.search_K = o.tg_search_K;
    record_setting(settings, "tg_search_K",
                   o.tg_search_K ? window_json(*o.tg_search_K) : Json("whole scan"),
                   src(o.tg_search_K.has_value()));
    h.crystallisation.search_K = o.tx_search_K;
    record_setting(settings, "tx_search_K",
                   o.tx_search_K ? window_json(*o.tx_search_K) : Json("whole scan"),
                   src(o.tx_search_K.has_value()));
    h.glass_transition.baseline_width_K = o.tg_baseline_width_K;
    h.glass_transition.baseline1_K = o.tg_baseline_before_K;
    h.glass_transition.baseline2_K = o.tg_baseline_after_K;
    if (o.tg_baseline_before_K && o.tg_baseline_after_K)
        record_setting(settings, "tg_baseline_windows_K",
                       Json::array({window_json(*o.tg_baseline_before_K),
                                    window_json(*o.tg_baseline_after_K)}),
                       SettingSource::option);
    else
        record_setting(settings, "tg_baseline_width_K",
                       o.tg_baseline_width_K ? Json(*o.tg_baseline_width_K) : Json("automatic"),
                       src(o.tg_baseline_width_K.has_value()));
    h.crystallisation.baseline = o.crystallisation_baseline.value_or(PeakBaseline::sigmoidal);
    record_setting(settings, "crystallisation_baseline",
                   h.crystallisation.baseline == PeakBaseline::sigmoidal ? "sigmoidal" : "linear",
                   src(o.crystallisation_baseline.has_value()));
    record_setting(settings, "smoothing_window_K", h.glass_transition.smoothing_window_K,
                   SettingSource::default_value);
    // Melting endotherms are always sought; melting_required makes a missing one a problem.
    h.melting = PeakOptions{};
    h.melting_required = o.melting_required;
    return h;
}

// Compares the measured rate with one stated elsewhere; a warning when they disagree.
void compare_rate(double measured_K_per_s, double stated_K_per_s, const char* who, double tolerance,
                  std::vector<std::string>& warnings) {
    if (!(std::isfinite(stated_K_per_s) && stated_K_per_s != 0.0)) return;
    const double rel = std::abs(std::abs(measured_K_per_s) / std::abs(stated_K_per_s) - 1.0);
    if (rel > tolerance)
        warnings.push_back(fmt::format(
            "measured heating rate {:.4g} K/min differs from the {} {:.4g} K/min by {:.0f} %",
            std::abs(measured_K_per_s) * 60.0, who, std::abs(stated_K_per_s) * 60.0, rel * 100.0));
}

// A measured rate that departs from the programmed one by more than this fails the file: the
// time or temperature column is not what its header says (swapped columns, wrong unit) [1].
constexpr double kRateFailTolerance = 0.10;

// Cross-checks of one scan against itself and its header (issue 17, item 3). Every failure
// names the file's values that disagree.
void cross_check(const Thermogram& scan, const DscSegment& seg, std::optional<double> programmed,
                 std::size_t segment_number) {
    const std::vector<double>& t = scan.time_s;
    const std::vector<double>& T = scan.temperature_K;
    for (std::size_t i = 1; i < t.size(); ++i) {
        if (t[i] < t[i - 1])
            throw AnalysisError(fmt::format(
                "segment {}: time runs backwards at row {} of the segment ({:.6g} s after "
                "{:.6g} s)",
                segment_number, i + 1, t[i], t[i - 1]));
    }
    // Within a heating segment the temperature may dither by sensor noise, never fall back by
    // more than 1 K below the highest value reached (a cooling segment may: recalescence).
    if (seg.kind == SegmentKind::heating) {
        double top = -std::numeric_limits<double>::infinity();
        std::size_t at = 0;
        for (std::size_t i = 0; i < T.size(); ++i) {
            if (T[i] > top) {
                top = T[i];
                at = i;
            } else if (top - T[i] > 1.0) {
                throw AnalysisError(fmt::format(
                    "segment {}: temperature is not monotonic in a heating segment: {:.2f} K at "
                    "row {} of the segment after {:.2f} K at row {}",
                    segment_number, T[i], i + 1, top, at + 1));
            }
        }
    }
    // An instrument often cannot follow a programmed cooling rate, nor reach its rate in a short
    // lead-in from room temperature; those mismatches stay warnings (compare_rate). A heating
    // segment spanning 20 K or more is controlled: its rate must match.
    const bool controlled =
        seg.kind == SegmentKind::heating && !T.empty() && T.back() - T.front() >= 20.0;
    if (controlled && programmed && std::isfinite(*programmed) && *programmed != 0.0) {
        const double measured = seg.measured_rate_K_per_s();
        const double rel = std::abs(std::abs(measured) / std::abs(*programmed) - 1.0);
        if (!(rel <= kRateFailTolerance))
            throw AnalysisError(fmt::format(
                "segment {}: measured heating rate {:.4g} K/min (slope of temperature over time) "
                "differs from the programmed {:.4g} K/min in the header by {:.0f} % (more than "
                "{:.0f} %): time and temperature do not fit each other or the header",
                segment_number, std::abs(measured) * 60.0, std::abs(*programmed) * 60.0,
                rel * 100.0, kRateFailTolerance * 100.0));
    }
}

void add_peaks(Record& r, const std::optional<PeakSearchResult>& found, const char* prefix,
               const char* enthalpy_prefix, bool per_mass) {
    if (!found) return;
    const char* unit = per_mass ? "J_per_kg" : "J";
    for (std::size_t k = 0; k < found->peaks.size(); ++k) {
        const PeakResult& p = found->peaks[k];
        r.add(fmt::format("{}{}_onset_K", prefix, k + 1), p.onset_extrapolated_K);
        r.add(fmt::format("{}{}_peak_K", prefix, k + 1), p.peak_K);
        r.add(fmt::format("{}{}_end_K", prefix, k + 1), p.end_extrapolated_K);
        r.add(fmt::format("{}{}_{}", enthalpy_prefix, k + 1, unit), p.enthalpy);
    }
}

}  // namespace

void DscOptions::validate() const {
    check_window(tg_search_K, "tg_search_K");
    check_window(tx_search_K, "tx_search_K");
    check_window(tg_baseline_before_K, "tg_baseline_before_K");
    check_window(tg_baseline_after_K, "tg_baseline_after_K");
    if (tg_baseline_before_K.has_value() != tg_baseline_after_K.has_value())
        throw InvalidArgument(
            "tg_baseline_before_K and tg_baseline_after_K must be given together");
    if (tg_baseline_width_K && !(*tg_baseline_width_K > 0.0))
        throw InvalidArgument(
            fmt::format("tg_baseline_width_K must be > 0 K, got {}", *tg_baseline_width_K));
    if (segment && *segment == 0)
        throw InvalidArgument("segment is 1-based: it must be ≥ 1, got 0");
    if (stated_heating_rate_K_per_s &&
        !(std::isfinite(*stated_heating_rate_K_per_s) && *stated_heating_rate_K_per_s != 0.0))
        throw InvalidArgument(
            fmt::format("stated_heating_rate_K_per_s must be finite and ≠ 0, "
                        "got {}",
                        *stated_heating_rate_K_per_s));
    if (!(rate_tolerance > 0.0 && rate_tolerance < 1.0))
        throw InvalidArgument(
            fmt::format("rate_tolerance must lie in (0, 1), got {}", rate_tolerance));
}

bool DscScanResult::measured() const {
    const auto has_peaks = [](const std::optional<PeakSearchResult>& s) {
        return s && !s->peaks.empty();
    };
    return analysis.glass_transition || has_peaks(analysis.crystallisation) ||
           has_peaks(analysis.melting);
}

Record DscScanResult::to_record() const {
    Record r;
    const bool per_mass = scan.per_mass;
    r.add("curve", curve_name);
    r.add("segment", static_cast<double>(segment_number));
    r.add("segment_kind", cooling ? "cooling" : "heating");
    r.add("heating_rate_K_per_s", analysis.heating_rate_K_per_s);
    const auto& tg = analysis.glass_transition;
    const auto tg_value = [&](double GlassTransitionResult::*field) {
        return tg ? std::optional<double>((*tg).*field) : std::nullopt;
    };
    r.add("tg_first_deviation_K", tg_value(&GlassTransitionResult::first_deviation_K));
    r.add("tg_onset_K", tg_value(&GlassTransitionResult::onset_extrapolated_K));
    r.add("tg_inflection_K", tg_value(&GlassTransitionResult::inflection_K));
    r.add("tg_midpoint_K", tg_value(&GlassTransitionResult::midpoint_K));
    r.add("tg_end_K", tg_value(&GlassTransitionResult::end_extrapolated_K));
    r.add("tg_last_deviation_K", tg_value(&GlassTransitionResult::last_deviation_K));
    r.add(per_mass ? "delta_cp_J_per_kg_K" : "delta_cp_J_per_K",
          tg_value(&GlassTransitionResult::delta_cp));
    r.add("tf_K",
          analysis.fictive ? std::optional<double>(analysis.fictive->fictive_K) : std::nullopt);
    if (cooling) {
        add_peaks(r, analysis.crystallisation, "tc", "delta_hc", per_mass);
        return r;
    }
    add_peaks(r, analysis.crystallisation, "tx", "delta_hx", per_mass);
    if (analysis.crystallisation && !analysis.crystallisation->peaks.empty()) {
        double total = 0.0;
        for (const auto& p : analysis.crystallisation->peaks) total += p.enthalpy;
        r.add(per_mass ? "delta_hx_total_J_per_kg" : "delta_hx_total_J", total);
    }
    r.add("delta_tx_K", analysis.supercooled_liquid_range_K());
    add_peaks(r, analysis.melting, "tm", "delta_hm", per_mass);
    return r;
}

DscFileResult analyse(const Dataset& data, const DscOptions& options) {
    options.validate();
    if (data.curves.empty()) throw FormatError("the file holds no DSC curve");
    DscFileResult out;
    const HeatingAnalysisOptions heating = heating_options(options, out.settings);
    record_setting(out.settings, "endotherm",
                   options.endotherm == EndothermDirection::up ? "up" : "down",
                   options.endotherm == EndothermDirection::up ? SettingSource::default_value
                                                               : SettingSource::option);
    out.warnings = data.warnings;
    NormalizeOptions norm;
    norm.endotherm = options.endotherm;
    for (std::size_t c = 0; c < data.curves.size(); ++c) {
        const Thermogram run = normalize(data, c, norm);
        const std::vector<DscSegment> segments = segment_run(run);
        const std::size_t k = pick_segment(segments, options.segment);
        DscScanResult s;
        s.curve_name = data.curves[c].name;
        s.segment_number = k + 1;
        s.segment_label = segments[k].label;
        s.scan = run.slice(segments[k].begin, segments[k].end);
        s.cooling = segments[k].kind == SegmentKind::cooling;
        const std::optional<double> programmed =
            segments[k].program_rate_K_per_s
                ? segments[k].program_rate_K_per_s
                : data.property(data.curves[c], property::heating_rate);
        cross_check(s.scan, segments[k], programmed, k + 1);
        s.warnings = data.warnings;
        s.warnings.insert(s.warnings.end(), run.warnings.begin(), run.warnings.end());
        if (s.cooling) {
            s.analysis.heating_rate_K_per_s = segments[k].measured_rate_K_per_s();
            try {
                s.analysis.crystallisation = find_cooling_peaks(s.scan, heating.crystallisation);
            } catch (const AnalysisError& e) {
                s.analysis.problems.emplace_back(e.what());
            }
        } else {
            // Δcp divides by the measured rate of this scan; a stated rate is only compared.
            s.analysis = analyze_heating(s.scan, heating);
        }
        const double measured = s.analysis.heating_rate_K_per_s;
        if (options.stated_heating_rate_K_per_s)
            compare_rate(measured, *options.stated_heating_rate_K_per_s, "stated",
                         options.rate_tolerance, s.warnings);
        if (programmed)
            compare_rate(measured, *programmed, "programmed", options.rate_tolerance, s.warnings);
        if (c == 0) {
            record_setting(out.settings, "segment", static_cast<double>(k + 1),
                           options.segment ? SettingSource::option : SettingSource::default_value);
            record_setting(out.settings, "sample_mass_kg",
                           s.scan.sample_mass_kg ? Json(*s.scan.sample_mass_kg) : Json(nullptr),
                           SettingSource::file);
            if (options.stated_heating_rate_K_per_s)
                record_setting(out.settings, "stated_heating_rate_K_per_s",
                               *options.stated_heating_rate_K_per_s, SettingSource::option);
        }
        out.scans.push_back(std::move(s));
    }
    return out;
}

}  // namespace vitrum::dsc
