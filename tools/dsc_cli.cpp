// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "dsc_cli.hpp"

#include <fmt/format.h>

#include <map>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/core/units.hpp>
#include <vitrum/dsc/cooling.hpp>
#include <vitrum/instruments/registry.hpp>

namespace vitrum::cli {

void add_dsc_analysis_options(CLI::App& app, DscArgs& args) {
    add_format_option(app, args.format);
    app.add_option("--tg-range", args.tg_range,
                   "Search the glass transition in lo:hi (K, or °C with a C suffix: 330:450C)");
    app.add_option("--tx-range", args.tx_range,
                   "Search crystallisation peaks in lo:hi (as --tg-range)");
    app.add_option("--baseline-window", args.baseline_window,
                   "Tg baseline windows: a width in K (e.g. 15), or lo1:hi1,lo2:hi2 in K");
    app.add_option("--endo", args.endo,
                   "Orientation of endotherms in plots and lines: up (ISO 11357-1) or down")
        ->check(CLI::IsMember({"up", "down"}));
    app.add_option("--segment", args.segment,
                   "Analyse this segment (1-based) instead of the first heating");
    app.add_option("--input-format", args.input_format, "Reader to use (see `vitrum formats`)");
    app.add_flag("--sigmoidal", args.sigmoidal, "Sigmoidal instead of linear baseline under peaks");
}

dsc::TemperatureWindow parse_temperature_range(const std::string& text, const std::string& option) {
    std::string body(text::trim(text));
    double offset = 0.0;
    for (const char* suffix : {"°C", "degC", "C", "c", "K", "k"}) {
        const std::string s(suffix);
        if (body.size() > s.size() && body.compare(body.size() - s.size(), s.size(), s) == 0) {
            if (s != "K" && s != "k") offset = kCelsiusOffset_K;
            body.erase(body.size() - s.size());
            break;
        }
    }
    const auto colon = body.find(':');
    double lo = 0, hi = 0;
    if (colon == std::string::npos || !text::try_parse_double(body.substr(0, colon), '.', lo) ||
        !text::try_parse_double(body.substr(colon + 1), '.', hi)) {
        throw InvalidArgument(fmt::format(
            "{} expects lo:hi in K (600:720) or °C (327:447C), got '{}'", option, text));
    }
    const dsc::TemperatureWindow w{lo + offset, hi + offset};
    if (!(w.lo_K > 0.0 && w.lo_K < w.hi_K)) {
        throw InvalidArgument(fmt::format("{} must satisfy 0 K < lo < hi, got '{}'", option, text));
    }
    return w;
}

namespace {

dsc::HeatingAnalysisOptions make_options(const DscArgs& args) {
    dsc::HeatingAnalysisOptions o;
    if (!args.tg_range.empty())
        o.glass_transition.search_K = parse_temperature_range(args.tg_range, "--tg-range");
    if (!args.tx_range.empty())
        o.crystallisation.search_K = parse_temperature_range(args.tx_range, "--tx-range");
    if (args.sigmoidal) o.crystallisation.baseline = dsc::PeakBaseline::sigmoidal;
    if (!args.baseline_window.empty()) {
        const auto comma = args.baseline_window.find(',');
        if (comma == std::string::npos) {
            double width = 0;
            if (!text::try_parse_double(args.baseline_window, '.', width) || !(width > 0)) {
                throw InvalidArgument(fmt::format(
                    "--baseline-window expects a width in K (15) or lo1:hi1,lo2:hi2, got '{}'",
                    args.baseline_window));
            }
            o.glass_transition.baseline_width_K = width;
        } else {
            o.glass_transition.baseline1_K =
                parse_temperature_range(args.baseline_window.substr(0, comma), "--baseline-window");
            o.glass_transition.baseline2_K = parse_temperature_range(
                args.baseline_window.substr(comma + 1), "--baseline-window");
        }
    }
    // Melting endotherms are always reported when present; --melting makes a missing one an error.
    o.melting = dsc::PeakOptions{};
    o.melting_required = args.melting;
    return o;
}

// First cooling segment spanning at least 20 K.
std::optional<std::size_t> first_cooling(const std::vector<dsc::DscSegment>& segments) {
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& s = segments[i];
        if (s.kind == SegmentKind::cooling && s.start_K - s.end_K >= 20.0) return i;
    }
    return std::nullopt;
}

}  // namespace

std::vector<CurveOutcome> analyse_file(const std::string& path, const DscArgs& args) {
    const dsc::HeatingAnalysisOptions options = make_options(args);
    const Dataset data = builtin_readers().read_file(path, args.input_format, Technique::dsc);
    if (data.curves.empty()) throw FormatError(fmt::format("{}: no DSC curve in the file", path));
    dsc::NormalizeOptions norm;
    norm.endotherm =
        args.endo == "down" ? dsc::EndothermDirection::down : dsc::EndothermDirection::up;
    std::vector<CurveOutcome> out;
    for (std::size_t c = 0; c < data.curves.size(); ++c) {
        const dsc::Thermogram run = dsc::normalize(data, c, norm);
        const auto segments = dsc::segment_run(run);
        CurveOutcome o;
        std::size_t k = 0;
        try {
            k = dsc::choose_heating_segment(segments, args.segment);
        } catch (const AnalysisError&) {
            // A cooling-only run (e.g. crystallisation on cooling): analyse its first long cooling.
            const auto cooling = first_cooling(segments);
            if (!cooling) throw;
            k = *cooling;
        }
        o.curve_name = data.curves[c].name;
        o.segment_number = k + 1;
        o.heating = run.slice(segments[k].begin, segments[k].end);
        o.cooling = segments[k].kind == SegmentKind::cooling;
        // The reader's assumptions (a sign convention the file does not state, …) come first.
        o.heating.warnings.insert(o.heating.warnings.begin(), data.warnings.begin(),
                                  data.warnings.end());
        if (o.cooling) {
            o.analysis.heating_rate_K_per_s = segments[k].measured_rate_K_per_s();
            try {
                o.analysis.crystallisation =
                    dsc::find_cooling_peaks(o.heating, options.crystallisation);
            } catch (const AnalysisError& e) {
                o.analysis.problems.emplace_back(e.what());
            }
        } else {
            o.analysis = dsc::analyze_heating(o.heating, options);
        }
        out.push_back(std::move(o));
    }
    return out;
}

}  // namespace vitrum::cli
