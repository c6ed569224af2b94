// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "dsc_cli.hpp"

#include <fmt/format.h>

#include <map>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/core/units.hpp>
#include <vitrum/instruments/generic_csv.hpp>
#include <vitrum/instruments/netzsch_ngb.hpp>
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
    app.add_option("--columns", args.columns,
                   "Read FILE as a generic table with this column map: channel=column[:unit],… "
                   "(column = 1-based number or header), e.g. time=1:min,temperature=2:°C,"
                   "heat_flow=3:mW");
    app.add_option("--peak-baseline", args.peak_baseline,
                   "Baseline under exotherms: sigmoidal (default; follows the Δcp lost on "
                   "crystallising) or linear")
        ->check(CLI::IsMember({"linear", "sigmoidal"}));
    app.add_flag("--sigmoidal", args.sigmoidal, "Same as --peak-baseline sigmoidal (the default)");
    app.add_option("--ngb-run", args.ngb_run,
                   "NETZSCH .ngb-* files: the run to analyse: sample (default), correction (the "
                   "correction run inside a .ngb-ds3) or corrected (sample − correction)")
        ->check(CLI::IsMember({"sample", "correction", "corrected"}));
    app.add_option("--baseline", args.baseline,
                   "NETZSCH .ngb-* files: subtract this baseline run (.ngb-bs3) from each FILE");
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

dsc::DscOptions make_options(const DscArgs& args) {
    dsc::DscOptions o;
    if (!args.tg_range.empty())
        o.tg_search_K = parse_temperature_range(args.tg_range, "--tg-range");
    if (!args.tx_range.empty())
        o.tx_search_K = parse_temperature_range(args.tx_range, "--tx-range");
    if (!args.peak_baseline.empty())
        o.crystallisation_baseline = args.peak_baseline == "linear" ? dsc::PeakBaseline::linear
                                                                    : dsc::PeakBaseline::sigmoidal;
    else if (args.sigmoidal)
        o.crystallisation_baseline = dsc::PeakBaseline::sigmoidal;
    if (!args.baseline_window.empty()) {
        const auto comma = args.baseline_window.find(',');
        if (comma == std::string::npos) {
            double width = 0;
            if (!text::try_parse_double(args.baseline_window, '.', width) || !(width > 0)) {
                throw InvalidArgument(fmt::format(
                    "--baseline-window expects a width in K (15) or lo1:hi1,lo2:hi2, got '{}'",
                    args.baseline_window));
            }
            o.tg_baseline_width_K = width;
        } else {
            o.tg_baseline_before_K =
                parse_temperature_range(args.baseline_window.substr(0, comma), "--baseline-window");
            o.tg_baseline_after_K = parse_temperature_range(args.baseline_window.substr(comma + 1),
                                                            "--baseline-window");
        }
    }
    if (args.segment) {
        if (*args.segment == 0) throw InvalidArgument("--segment is 1-based: give 1 or more");
        o.segment = args.segment;
    }
    o.endotherm = args.endo == "down" ? dsc::EndothermDirection::down : dsc::EndothermDirection::up;
    o.melting_required = args.melting;
    if (!args.columns.empty()) ColumnMap::parse(args.columns);  // a bad map is a usage error
    o.validate();
    return o;
}

dsc::DscFileResult analyse_file(const std::string& path, const DscArgs& args) {
    const dsc::DscOptions options = make_options(args);
    if (!args.ngb_run.empty() || !args.baseline.empty()) {
        NgbReadOptions ngb;
        if (!args.ngb_run.empty()) ngb.run = parse_ngb_run(args.ngb_run);
        ngb.baseline_path = args.baseline;
        try {
            return dsc::analyse(read_netzsch_ngb_file(path, ngb), options);
        } catch (const InvalidArgument& e) {
            // The library names its fields; here they are flags.
            std::string message = e.what();
            for (const auto& [field, flag] :
                 {std::pair<std::string, std::string>{"ngb_run", "--ngb-run"},
                  {"baseline", "--baseline"}}) {
                const auto at = message.find(field + " applies");
                if (at != std::string::npos) message.replace(at, field.size(), flag);
            }
            throw InvalidArgument(message);
        }
    }
    const Dataset data =
        args.columns.empty()
            ? builtin_readers().read_file(path, args.input_format, Technique::dsc)
            : read_generic_table_file(path, {ColumnMap::parse(args.columns), 0, 0});
    return dsc::analyse(data, options);
}

}  // namespace vitrum::cli
