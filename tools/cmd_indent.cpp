// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/core/units.hpp>
#include <vitrum/indent/calibration.hpp>
#include <vitrum/indent/file_analysis.hpp>
#include <vitrum/indent/indent_figure.hpp>
#include <vitrum/indent/joint_calibration.hpp>
#include <vitrum/indent/vendor_convention.hpp>
#include <vitrum/instruments/generic_csv.hpp>
#include <vitrum/instruments/nanosuite_method.hpp>
#include <vitrum/instruments/registry.hpp>

#include "commands.hpp"
#include "indent_cli.hpp"
#include "output.hpp"
#include "record_output.hpp"

namespace vitrum::cli {

namespace {

using namespace vitrum::indent;

VendorConventionPreset resolve_convention(const IndentArgs& a) {
    return vendor_convention(parse_vendor_convention(a.convention));
}

OliverPharrOptions resolve_oliver_pharr(const IndentArgs& a, const Dataset& ds, const Curve& c) {
    OliverPharrOptions o = resolve_convention(a).options.oliver_pharr;
    if (auto v = ds.property(c, property::epsilon)) o.epsilon = *v;
    if (auto v = ds.property(c, property::beta)) o.beta = *v;
    if (auto v = ds.property(c, property::tip_modulus)) o.tip_modulus_Pa = *v;
    if (auto v = ds.property(c, property::tip_poisson_ratio)) o.tip_poisson_ratio = *v;
    if (auto v = ds.property(c, property::poisson_ratio)) o.sample_poisson_ratio = *v;
    if (a.nu) o.sample_poisson_ratio = *a.nu;
    if (a.tip_nu) o.tip_poisson_ratio = *a.tip_nu;
    if (!a.tip_modulus.empty()) o.tip_modulus_Pa = parse_quantity_as(a.tip_modulus, "Pa");
    if (a.epsilon) o.epsilon = *a.epsilon;
    if (a.beta) o.beta = *a.beta;
    o.validate();
    return o;
}

IndentOptions resolve_indent_options(const IndentArgs& a, const OliverPharrOptions& op) {
    IndentOptions o = resolve_convention(a).options;
    o.oliver_pharr = op;
    if (!a.window.empty()) {
        const auto [lo, hi] = parse_range(a.window, "--window");
        o.unloading.lower_fraction = lo;
        o.unloading.upper_fraction = hi;
    }
    if (a.frame_stiffness) o.frame_compliance_m_per_N = 1.0 / *a.frame_stiffness;
    if (a.drift == "measured")
        o.drift = DriftMode::measured;
    else if (a.drift != "none")
        throw InvalidArgument("--drift must be none or measured, not '" + a.drift + "'");
    o.validate();
    return o;
}

/// The NanoSuite method given with --method-file, read once. @throws Error from the reader.
std::optional<NanoSuiteMethod> resolve_method_file(const IndentArgs& a) {
    if (a.method_file.empty()) return std::nullopt;
    return read_nanosuite_method_file(a.method_file);
}

Dataset read_indent_file(const IndentArgs& a, const std::string& file,
                         const std::optional<NanoSuiteMethod>& method) {
    Dataset ds = a.columns.empty()
                     ? builtin_readers().read_file(file, a.input_format, Technique::indentation)
                     : read_generic_table_file(file, {ColumnMap::parse(a.columns), 0, 0});
    if (method) {
        for (const auto& w : apply_nanosuite_method(*method, ds)) {
            std::cerr << "vitrum indent: warning: " << w << '\n';
        }
    }
    return ds;
}

/// The library options from the flags (the CLI's only policy: which flag sets which field).
IndentFileOptions make_indent_options(const IndentArgs& a) {
    IndentFileOptions o;
    o.convention = parse_vendor_convention(a.convention);
    if (!a.area.empty())
        o.area = AreaFunction::parse(a.area);
    else if (!a.tip.empty())
        o.area = parse_tip(a.tip);
    o.sample_poisson_ratio = a.nu;
    o.tip_poisson_ratio = a.tip_nu;
    if (!a.tip_modulus.empty()) o.tip_modulus_Pa = parse_quantity_as(a.tip_modulus, "Pa");
    o.epsilon = a.epsilon;
    o.beta = a.beta;
    if (!a.window.empty()) {
        const auto [lo, hi] = parse_range(a.window, "--window");
        o.unload_fit_lower = lo;
        o.unload_fit_upper = hi;
    }
    o.frame_stiffness_N_per_m = a.frame_stiffness;
    if (a.drift == "measured")
        o.drift = DriftMode::measured;
    else if (a.drift != "none")
        throw InvalidArgument("--drift must be none or measured, not '" + a.drift + "'");
    if (a.method == "qs")
        o.method = IndentMethod::quasi_static;
    else if (a.method == "csm")
        o.method = IndentMethod::csm;
    else if (a.method != "auto")
        throw InvalidArgument("--method must be auto, qs or csm, not '" + a.method + "'");
    const auto [lo, hi] = parse_range(a.depth_window, "--depth-window");
    o.csm_min_depth_m = lo * 1e-9;
    o.csm_max_depth_m = hi * 1e-9;
    if (!a.columns.empty()) ColumnMap::parse(a.columns);  // a bad map is a usage error
    o.validate();
    return o;
}

void save_results_plot(const IndentArgs& a, const std::vector<IndentAnalysis>& done) {
    std::vector<IndentResult> qs;
    for (const auto& d : done)
        if (d.quasi_static) qs.push_back(*d.quasi_static);
    if (done.size() == 1 && done[0].quasi_static) {
        load_depth_figure(*done[0].quasi_static).save(a.plot);
    } else if (!qs.empty()) {
        cycles_figure(qs).save(a.plot);
    } else {
        for (const auto& d : done)
            if (d.csm) {
                CsmOptions co;
                co.min_depth_m = make_indent_options(a).csm_min_depth_m;
                co.max_depth_m = make_indent_options(a).csm_max_depth_m;
                csm_figure(*d.csm, co).save(a.plot);
                return;
            }
    }
}

int run_analyse(const IndentArgs& a, OutputFormat format, bool summary_only) {
    const IndentFileOptions options = make_indent_options(a);  // usage errors first
    check_input_format(a.input_format);
    const std::optional<NanoSuiteMethod> method = resolve_method_file(a);
    std::vector<std::string> failed;
    std::vector<Record> cycles, tests, summaries;
    std::vector<IndentAnalysis> done;
    for (const auto& file : a.files) {
        try {
            const Dataset ds = read_indent_file(a, file, method);
            IndentFileResult r = indent::analyse(ds, options);
            for (const auto& w : r.warnings)
                std::cerr << "vitrum indent: " << file << ": warning: " << w << '\n';
            for (auto& ind : r.indents) {
                if (!ind.ok()) {
                    std::cerr << "vitrum indent: " << file << " [" << ind.test
                              << "]: failed: " << ind.error << '\n';
                    failed.push_back(file + " [" + ind.test + "]");
                }
                Record headline = ind.to_record();
                headline.fields.insert(headline.fields.begin(), {"file", file});
                tests.push_back(std::move(headline));
                for (Record rec : ind.cycle_records()) {
                    rec.fields.insert(rec.fields.begin(), {"file", file});
                    cycles.push_back(std::move(rec));
                }
            }
            Record sum = r.summary().to_record();
            sum.fields.insert(sum.fields.begin(), {"file", file});
            summaries.push_back(std::move(sum));
            for (auto& ind : r.indents) done.push_back(std::move(ind));
        } catch (const Error& e) {
            // Whatever this file caused fails this file only; the batch goes on.
            std::cerr << "vitrum indent: " << with_file(file, e.what()) << '\n';
            failed.push_back(file);
        }
    }
    if (format == OutputFormat::json) {
        nlohmann::ordered_json j;
        j["indents"] = to_json(cycles);
        j["tests"] = to_json(tests);
        j["summary"] = to_json(summaries);
        std::cout << j.dump(2) << '\n';
    } else if (!cycles.empty() || !summaries.empty()) {
        // CSV is one table per run: the cycles, or with --summary the per-file statistics.
        if (format == OutputFormat::csv) {
            print_records(std::cout, summary_only ? summaries : cycles, format);
        } else {
            if (!summary_only) {
                print_records(std::cout, cycles, format);
                std::cout << '\n';
            }
            print_records(std::cout, summaries, format);
        }
    }
    if (!a.plot.empty() && !done.empty()) {
        try {
            save_results_plot(a, done);
        } catch (const Error& e) {
            std::cerr << "vitrum indent: --plot " << a.plot << ": " << e.what() << '\n';
            failed.push_back(a.plot);
        }
    }
    return report_failures("vitrum indent", a.files.size(), failed);
}

int run_calibrate(const IndentArgs& a, OutputFormat format) {
    JointCalibrationOptions jo;
    CalibrationOptions& co = jo.calibration;
    co.reference_modulus_Pa = parse_quantity_as(a.reference_modulus, "Pa");
    co.area_terms = a.terms;
    const double min_depth_m = a.min_depth_nm * 1e-9;
    if (a.frame_compliance_nm_per_mN)
        jo.fixed_frame_compliance_m_per_N = *a.frame_compliance_nm_per_mN * 1e-6;
    jo.validate();  // a bad option is a usage error, before any file is read
    int exit_code = kExitOk;
    std::vector<CalibrationSample> samples;
    std::size_t csm_points = 0, unloads = 0;
    const std::optional<NanoSuiteMethod> method = resolve_method_file(a);
    for (const auto& file : a.files) {
        try {
            const Dataset ds = read_indent_file(a, file, method);
            for (const Curve& c : ds.curves) {
                const OliverPharrOptions op = resolve_oliver_pharr(a, ds, c);
                co.oliver_pharr = op;
                // Every CSM point is an (h, P, S) triple: one test spans the depth range.
                const auto csm = c.data.has(channel::harmonic_stiffness)
                                     ? csm_calibration_samples(c.data, min_depth_m)
                                     : std::vector<CalibrationSample>{};
                if (!csm.empty()) {
                    samples.insert(samples.end(), csm.begin(), csm.end());
                    csm_points += csm.size();
                    continue;
                }
                IndentOptions io = resolve_indent_options(a, op);
                io.frame_compliance_m_per_N = 0.0;  // calibration works on the measured compliance
                const IndentResult r = analyse_quasi_static(c, AreaFunction::berkovich(), io);
                for (const auto& cy : r.cycles) {
                    if (cy.fit.usable && cy.fit.max_depth_m >= min_depth_m) {
                        samples.push_back(
                            {cy.fit.max_load_N, cy.fit.max_depth_m, cy.fit.stiffness_N_per_m});
                        ++unloads;
                    }
                }
            }
        } catch (const Error& e) {
            std::cerr << "vitrum indent calibrate: " << with_file(file, e.what()) << '\n';
            exit_code = kExitSomeFailed;
        }
    }
    if (a.nu) co.oliver_pharr.sample_poisson_ratio = *a.nu;
    JointCalibrationResult r;
    try {
        r = calibrate_jointly(samples, jo);
    } catch (const AnalysisError& e) {
        // A fit that breaks a constraint or does not converge is no result: nothing printed.
        std::cerr << "vitrum indent calibrate: " << e.what() << '\n';
        return kExitSomeFailed;
    }
    ResultTable t;
    t.headers = {{"quantity", ""}, {"value", "", 8}, {"std_error", "", 3}, {"unit", ""}};
    const Cell none{};
    t.rows.push_back({std::string("samples (CSM points)"), Cell(static_cast<double>(csm_points)),
                      none, std::string("")});
    t.rows.push_back({std::string("samples (unloads)"), Cell(static_cast<double>(unloads)), none,
                      std::string("")});
    t.rows.push_back({std::string(r.frame_fixed      ? "frame compliance C_f (given)"
                                  : r.frame_at_bound ? "frame compliance C_f (held at 0)"
                                                     : "frame compliance C_f"),
                      Cell(r.frame_compliance_m_per_N * 1e6),
                      Cell(r.frame_compliance_stderr_m_per_N * 1e6), std::string("nm/mN")});
    if (r.frame_compliance_m_per_N > 0.0)
        t.rows.push_back({std::string("frame stiffness K_f"),
                          Cell(1.0 / r.frame_compliance_m_per_N), none, std::string("N/m")});
    for (std::size_t i = 0; i < r.coefficients_si.size(); ++i) {
        const double to_nm = std::pow(1e9, 2.0 - area_term_exponent(i));
        t.rows.push_back(
            {fmt::format("area C{}", i), Cell(r.coefficients_si[i] * to_nm),
             Cell(r.coefficients_stderr_si[i] * to_nm),
             i == 0 ? std::string("1") : fmt::format("nm^{:g}", 2.0 - area_term_exponent(i))});
    }
    t.rows.push_back({std::string("calibrated h_c from"), Cell(r.min_contact_depth_m * 1e9), none,
                      std::string("nm")});
    t.rows.push_back({std::string("calibrated h_c to"), Cell(r.max_contact_depth_m * 1e9), none,
                      std::string("nm")});
    t.rows.push_back(
        {std::string("area fit relative RMS"), Cell(r.relative_rms), none, std::string("1")});
    if (!r.frame_fixed)
        t.rows.push_back({std::string("iterations (C_f search)"),
                          Cell(static_cast<double>(r.iterations)), none, std::string("converged")});
    print_table(std::cout, t, format);
    if (!a.tip_output.empty()) {
        std::ofstream out(a.tip_output);
        if (out) write_calibrated_tip(out, r);
        if (!out) {
            std::cerr << "vitrum indent calibrate: cannot write " << a.tip_output << '\n';
            return kExitSomeFailed;
        }
    }
    return exit_code;
}

}  // namespace

void add_indent_command(CLI::App& app, CommandList& commands) {
    auto args = std::make_shared<IndentArgs>();
    auto format = std::make_shared<OutputFormat>(OutputFormat::table);
    auto summary = std::make_shared<bool>(false);
    auto* sub = app.add_subcommand(
        "indent", "Oliver–Pharr hardness and modulus from nanoindentation exports");
    auto add_common = [&](CLI::App* s) {
        s->add_option("--nu", args->nu, "Sample Poisson ratio (default: the file's, else 0.3)");
        s->add_option("--tip-nu", args->tip_nu, "Tip Poisson ratio (default 0.07)");
        s->add_option("--tip-modulus", args->tip_modulus,
                      "Tip modulus with unit (default 1141GPa)");
        s->add_option("--epsilon", args->epsilon, "Contact depth factor ε (default 0.75)");
        s->add_option("--beta", args->beta, "Geometry factor β in E_r (default 1)");
        s->add_option("--window", args->window,
                      "Unloading fit window as fractions of P_max (default 0.5:0.99)");
        s->add_option("--frame-stiffness", args->frame_stiffness,
                      "Frame stiffness to remove [N/m]");
        s->add_option("--drift", args->drift, "Thermal drift: none or measured (low-load hold)");
        s->add_option("--input-format", args->input_format, "Reader id (see `vitrum formats`)");
        s->add_option("--columns", args->columns,
                      "Read FILE as a generic table with this column map: channel=column[:unit],… "
                      "e.g. depth=1:nm,load=2:mN,time=3:s");
        s->add_option("--method-file", args->method_file,
                      "NanoSuite method text export: tip area function C0..C8, tip modulus, "
                      "ν_i, ε, β where the data file lacks them");
        s->add_option("--convention", args->convention,
                      "Vendor conventions: vitrum | nanosuite | triboscan | fischer (constants, "
                      "unload window, ideal tip, where S is taken)");
        add_format_option(*s, *format);
    };
    sub->add_option("FILE", args->files, "Indentation export(s)");
    add_common(sub);
    sub->add_option(
        "--tip", args->tip,
        "berkovich | vickers | cube-corner | sphere:R | sphere-cone:R:deg | C0,C1,… (nm) | "
        "table:FILE (columns h_c [nm], A [nm^2], linear between rows)");
    sub->add_option("--area", args->area, "Area function coefficients C0,C1,… in nm units");
    sub->add_option("--depth-window", args->depth_window,
                    "CSM averaging window in nm (default 100:200)");
    sub->add_option("--method", args->method, "auto | qs | csm");
    sub->add_flag("--summary", *summary,
                  "Print the per-file statistics (n, failed, E and H mean and sd) instead of the "
                  "per-indent table");
    sub->add_option("--plot", args->plot,
                    "Figure: load-depth with fit and tangent, or H and E (.svg/.png/.pdf)");
    sub->footer("Example: vitrum indent FQ.xls --nu 0.18 --window 0.5:0.999 --plot fq.svg");

    auto* cal = sub->add_subcommand(
        "calibrate", "Frame compliance and area function from a reference (fused silica)");
    cal->add_option("FILE", args->files, "Quasi-static indents on the reference")->required();
    add_common(cal);
    cal->add_option("--reference-modulus", args->reference_modulus,
                    "E of the reference with unit (default 72GPa)");
    cal->add_option("--terms", args->terms, "Area-function terms C0… to fit (1–9, default 3)");
    cal->add_option("--min-depth", args->min_depth_nm,
                    "Only deeper indents / CSM points enter the calibration [nm]");
    cal->add_option("--frame-compliance", args->frame_compliance_nm_per_mN,
                    "Hold the frame compliance at this value [nm/mN] and fit the area only");
    cal->add_option("--output", args->tip_output,
                    "Write the calibrated tip (h_c [nm], A [nm^2]) for --tip table:FILE");

    commands.push_back({sub, [args, format, cal, sub, summary] {
                            if (cal->parsed()) return run_calibrate(*args, *format);
                            if (args->files.empty()) {
                                std::cerr << sub->help();
                                return kExitUsage;
                            }
                            return run_analyse(*args, *format, *summary);
                        }});
}

}  // namespace vitrum::cli
