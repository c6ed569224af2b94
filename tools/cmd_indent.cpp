// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
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
#include <vitrum/indent/indent_figure.hpp>
#include <vitrum/indent/vendor_convention.hpp>
#include <vitrum/instruments/nanosuite_method.hpp>
#include <vitrum/instruments/registry.hpp>

#include "commands.hpp"
#include "indent_cli.hpp"
#include "output.hpp"

namespace vitrum::cli {

namespace {

using namespace vitrum::indent;

bool has_csm(const Curve& c) {
    if (!c.data.has(channel::harmonic_stiffness)) return false;
    for (double v : c.data.values(channel::harmonic_stiffness)) {
        if (std::isfinite(v) && v > 0.0) return true;
    }
    return false;
}

VendorConventionPreset resolve_convention(const IndentArgs& a) {
    return vendor_convention(parse_vendor_convention(a.convention));
}

/// A tabulated area function from a text file: two columns h_c [nm] and A [nm²] (comma, semicolon,
/// tab or blanks), '#' comments and one header line allowed. Read once per path.
/// @throws ParseError naming the file, line and column; IoError when it cannot be read.
const AreaFunction& area_table(const std::string& path) {
    static std::map<std::string, AreaFunction> cache;
    if (const auto it = cache.find(path); it != cache.end()) return it->second;
    const std::string bytes = text::read_file_bytes(path);
    const auto lines = text::split_lines(bytes);
    std::vector<std::string_view> sample;
    for (const auto line : lines) {
        if (!line.empty() && line.front() != '#') sample.push_back(line);
    }
    const char delimiter = text::detect_delimiter(sample);
    std::vector<double> depth_m, area_m2;
    bool header_seen = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = text::trim(lines[i]);
        if (line.empty() || line.front() == '#') continue;
        auto fields = text::split_fields(line, delimiter);
        fields.erase(std::remove_if(fields.begin(), fields.end(),
                                    [](std::string_view f) { return text::trim(f).empty(); }),
                     fields.end());
        double h = 0.0;
        if (!header_seen && depth_m.empty() && !fields.empty() &&
            !text::try_parse_double(fields[0], '.', h)) {
            header_seen = true;  // column names
            continue;
        }
        if (fields.size() < 2) {
            throw ParseError(Location{path, "", i + 1, 1}, "two columns: h_c [nm], A [nm^2]",
                             std::string(line));
        }
        const double h_nm = text::parse_double(
            fields[0], '.', Location{path, "", i + 1, text::column_of(line, fields[0])});
        const double a_nm2 = text::parse_double(
            fields[1], '.', Location{path, "", i + 1, text::column_of(line, fields[1])});
        depth_m.push_back(h_nm * 1e-9);
        area_m2.push_back(a_nm2 * 1e-18);
    }
    try {
        return cache.emplace(path, AreaFunction::tabulated(depth_m, area_m2)).first->second;
    } catch (const InvalidArgument& e) {
        throw ParseError(Location{path, "", 0, 0}, e.what());
    }
}

AreaFunction resolve_area(const IndentArgs& a, const Dataset& ds, const Curve& c) {
    if (!a.area.empty()) return AreaFunction::parse(a.area);
    if (text::starts_with_nocase(a.tip, "table:")) return area_table(a.tip.substr(6));
    if (!a.tip.empty()) return AreaFunction::parse(a.tip);
    if (auto f = AreaFunction::from_dataset(ds, c)) return *f;
    return resolve_convention(a).ideal_tip;
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

CsmOptions resolve_csm_options(const IndentArgs& a, const OliverPharrOptions& op) {
    CsmOptions o;
    o.oliver_pharr = op;
    const auto [lo, hi] = parse_range(a.depth_window, "--depth-window");
    o.min_depth_m = lo * 1e-9;
    o.max_depth_m = hi * 1e-9;
    if (a.frame_stiffness) o.frame_stiffness_N_per_m = *a.frame_stiffness;
    o.validate();
    return o;
}

void check_arguments(const IndentArgs& a) {
    if (a.method != "auto" && a.method != "qs" && a.method != "csm") {
        throw InvalidArgument("--method must be auto, qs or csm, not '" + a.method + "'");
    }
    resolve_convention(a);
    // Fail on a malformed tip, window or constant before reading any file.
    if (!a.area.empty()) AreaFunction::parse(a.area);
    if (text::starts_with_nocase(a.tip, "table:"))
        area_table(a.tip.substr(6));
    else if (!a.tip.empty())
        AreaFunction::parse(a.tip);
    resolve_indent_options(a, resolve_oliver_pharr(a, Dataset{}, Curve{}));
    resolve_csm_options(a, resolve_oliver_pharr(a, Dataset{}, Curve{}));
}

void save_plot(const IndentArgs& a, const std::vector<AnalysedIndent>& done) {
    std::vector<IndentResult> qs;
    for (const auto& d : done) {
        if (d.quasi_static) qs.push_back(*d.quasi_static);
    }
    if (done.size() == 1 && done[0].quasi_static) {
        load_depth_figure(*done[0].quasi_static).save(a.plot);
    } else if (!qs.empty()) {
        cycles_figure(qs).save(a.plot);
    } else if (!done.empty() && done[0].csm) {
        csm_figure(*done[0].csm, resolve_csm_options(a, OliverPharrOptions{})).save(a.plot);
    }
}

void print_two(std::ostream& out, const ResultTable& main, const ResultTable& summary,
               OutputFormat f, const char* main_key) {
    if (f == OutputFormat::json) {
        std::ostringstream a, b;
        print_table(a, main, f);
        print_table(b, summary, f);
        nlohmann::json j;
        j[main_key] = nlohmann::json::parse(a.str());
        j["summary"] = nlohmann::json::parse(b.str());
        out << j.dump(2) << '\n';
        return;
    }
    print_table(out, main, f);
    out << '\n';
    print_table(out, summary, f);
}

/// The NanoSuite method given with --method-file, read once. @throws Error from the reader.
std::optional<NanoSuiteMethod> resolve_method_file(const IndentArgs& a) {
    if (a.method_file.empty()) return std::nullopt;
    return read_nanosuite_method_file(a.method_file);
}

Dataset read_indent_file(const IndentArgs& a, const std::string& file,
                         const std::optional<NanoSuiteMethod>& method) {
    Dataset ds = builtin_readers().read_file(file, a.input_format, Technique::indentation);
    if (method) {
        for (const auto& w : apply_nanosuite_method(*method, ds)) {
            std::cerr << "vitrum indent: warning: " << w << '\n';
        }
    }
    return ds;
}

int run_analyse(const IndentArgs& a, OutputFormat format) {
    check_arguments(a);
    const VendorConventionPreset preset = resolve_convention(a);
    const std::optional<NanoSuiteMethod> method = resolve_method_file(a);
    int exit_code = kExitOk;
    std::vector<AnalysedIndent> done;
    for (const auto& file : a.files) {
        try {
            const Dataset ds = read_indent_file(a, file, method);
            if (ds.curves.empty()) throw AnalysisError("the file holds no indentation curve");
            for (const auto& w : ds.warnings)
                std::cerr << "vitrum indent: " << file << ": warning: " << w << '\n';
            for (const Curve& c : ds.curves) {
                AnalysedIndent ind{file,         c.name,       std::nullopt,
                                   std::nullopt, std::nullopt, std::nullopt};
                if (auto it = c.properties.find(property::position_x); it != c.properties.end()) {
                    ind.position_x_m = it->second.value;
                }
                if (auto it = c.properties.find(property::position_y); it != c.properties.end()) {
                    ind.position_y_m = it->second.value;
                }
                try {
                    const AreaFunction area = resolve_area(a, ds, c);
                    const OliverPharrOptions op = resolve_oliver_pharr(a, ds, c);
                    const bool csm = a.method == "csm" || (a.method == "auto" && has_csm(c));
                    if (csm)
                        ind.csm = analyse_csm(c.data, area, resolve_csm_options(a, op));
                    else
                        ind.quasi_static =
                            analyse_quasi_static(c, area, resolve_indent_options(a, op));
                    if (ind.quasi_static &&
                        preset.stiffness_point != StiffnessPoint::first_unload_point) {
                        VendorConventionPreset p = preset;
                        p.options.oliver_pharr = op;
                        for (CycleResult& cy : ind.quasi_static->cycles) {
                            if (cy.usable) cy.result = evaluate_cycle(cy, area, p);
                        }
                    }
                    done.push_back(std::move(ind));
                } catch (const InvalidArgument&) {
                    throw;
                } catch (const Error& e) {
                    std::cerr << "vitrum indent: " << file << " [" << c.name << "]: " << e.what()
                              << '\n';
                    exit_code = kExitSomeFailed;
                }
            }
        } catch (const InvalidArgument&) {
            throw;
        } catch (const Error& e) {
            std::cerr << "vitrum indent: " << with_file(file, e.what()) << '\n';
            exit_code = kExitSomeFailed;
        }
    }
    // Nothing analysed: the errors above say why; empty tables would only add noise.
    if (!done.empty() || format == OutputFormat::json)
        print_two(std::cout, indent_table(done), indent_summary_table(done), format, "indents");
    if (!a.plot.empty() && !done.empty()) {
        try {
            save_plot(a, done);
        } catch (const Error& e) {
            std::cerr << "vitrum indent: --plot " << a.plot << ": " << e.what() << '\n';
            exit_code = kExitSomeFailed;
        }
    }
    return exit_code;
}

int run_calibrate(const IndentArgs& a, OutputFormat format) {
    CalibrationOptions co;
    co.reference_modulus_Pa = parse_quantity_as(a.reference_modulus, "Pa");
    co.area_terms = a.terms;
    co.frame_min_depth_m = a.min_depth_nm * 1e-9;
    int exit_code = kExitOk;
    std::vector<CalibrationSample> samples;
    const std::optional<NanoSuiteMethod> method = resolve_method_file(a);
    for (const auto& file : a.files) {
        try {
            const Dataset ds = read_indent_file(a, file, method);
            for (const Curve& c : ds.curves) {
                const OliverPharrOptions op = resolve_oliver_pharr(a, ds, c);
                co.oliver_pharr = op;
                IndentOptions io = resolve_indent_options(a, op);
                io.frame_compliance_m_per_N = 0.0;  // calibration works on the measured compliance
                const IndentResult r = analyse_quasi_static(c, AreaFunction::berkovich(), io);
                for (const auto& cy : r.cycles) {
                    if (cy.fit.usable) {
                        samples.push_back(
                            {cy.fit.max_load_N, cy.fit.max_depth_m, cy.fit.stiffness_N_per_m});
                    }
                }
            }
        } catch (const InvalidArgument&) {
            throw;
        } catch (const Error& e) {
            std::cerr << "vitrum indent calibrate: " << with_file(file, e.what()) << '\n';
            exit_code = kExitSomeFailed;
        }
    }
    if (a.nu) co.oliver_pharr.sample_poisson_ratio = *a.nu;
    const FrameComplianceResult frame = calibrate_frame_compliance(samples, co);
    const AreaCalibrationResult both = calibrate_area_and_frame(samples, co);
    ResultTable t;
    t.headers = {{"quantity", ""}, {"value", "", 8}, {"unit", ""}};
    t.rows.push_back({std::string("samples (usable unloads)"),
                      Cell(static_cast<double>(samples.size())), std::string("")});
    t.rows.push_back({std::string("C_f from 1/S vs 1/sqrt(P)"),
                      Cell(frame.frame_compliance_m_per_N * 1e6), std::string("nm/mN")});
    t.rows.push_back({std::string("C_f iterated with the area function"),
                      Cell(both.frame_compliance_m_per_N * 1e6), std::string("nm/mN")});
    t.rows.push_back({std::string("frame stiffness K_f"), Cell(1.0 / both.frame_compliance_m_per_N),
                      std::string("N/m")});
    for (std::size_t i = 0; i < co.area_terms; ++i) {
        const double si = both.area.coefficients_si()[i];
        t.rows.push_back(
            {fmt::format("area C{}", i), Cell(si / (std::pow(1e9, area_term_exponent(i)) * 1e-18)),
             i == 0 ? std::string("1") : fmt::format("nm^{:g}", 2.0 - area_term_exponent(i))});
    }
    t.rows.push_back(
        {std::string("area fit relative RMS"), Cell(both.relative_rms), std::string("1")});
    t.rows.push_back({std::string("iterations"), Cell(static_cast<double>(both.iterations)),
                      std::string(both.converged ? "converged" : "NOT converged")});
    print_table(std::cout, t, format);
    return both.converged ? exit_code : kExitSomeFailed;
}

}  // namespace

void add_indent_command(CLI::App& app, CommandList& commands) {
    auto args = std::make_shared<IndentArgs>();
    auto format = std::make_shared<OutputFormat>(OutputFormat::table);
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
                    "Only deeper indents enter the frame fit [nm]");

    commands.push_back({sub, [args, format, cal, sub] {
                            if (cal->parsed()) return run_calibrate(*args, *format);
                            if (args->files.empty()) {
                                std::cerr << sub->help();
                                return kExitUsage;
                            }
                            return run_analyse(*args, *format);
                        }});
}

}  // namespace vitrum::cli
