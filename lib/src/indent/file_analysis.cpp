// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/statistics.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/indent/file_analysis.hpp>

namespace vitrum::indent {
namespace {

bool has_csm(const Curve& c) {
    if (!c.data.has(channel::harmonic_stiffness)) return false;
    for (double v : c.data.values(channel::harmonic_stiffness))
        if (std::isfinite(v) && v > 0.0) return true;
    return false;
}

const char* convention_name(VendorConvention c) {
    switch (c) {
        case VendorConvention::nanosuite:
            return "nanosuite";
        case VendorConvention::triboscan:
            return "triboscan";
        case VendorConvention::fischer:
            return "fischer";
        case VendorConvention::vitrum:
            break;
    }
    return "vitrum";
}

// The resolved constants of one curve, with the source of each.
struct Resolved {
    AreaFunction area;
    std::string area_source;
    OliverPharrOptions op;
    std::vector<SettingRecord> settings;
    std::vector<std::string> warnings;
};

// Largest relative difference of two tips' areas over 50 nm – 2 µm, with its depth, when it
// exceeds 1 % (two descriptions of the same tip agree far better; a sphere and a Berkovich
// differ by orders of magnitude).
std::optional<std::pair<double, double>> tip_disagreement(const AreaFunction& file,
                                                          const AreaFunction& chosen) {
    double worst = 0.0, at = 0.0;
    for (double h : {50e-9, 100e-9, 200e-9, 500e-9, 1e-6, 2e-6}) {
        const double a = file.area_m2(h), b = chosen.area_m2(h);
        if (!(a > 0.0 && b > 0.0)) continue;
        const double d = std::abs(b - a) / a;
        if (d > worst) {
            worst = d;
            at = h;
        }
    }
    if (worst > 0.01) return std::pair{worst, at};
    return std::nullopt;
}

// One constant: option > file > preset (vendor or default).
double pick(std::vector<SettingRecord>& settings, const char* name, std::optional<double> option,
            std::optional<double> file, double preset, SettingSource preset_source) {
    if (option) {
        record_setting(settings, name, *option, SettingSource::option);
        return *option;
    }
    if (file) {
        record_setting(settings, name, *file, SettingSource::file);
        return *file;
    }
    record_setting(settings, name, preset, preset_source);
    return preset;
}

Resolved resolve(const Dataset& ds, const Curve& c, const IndentFileOptions& o,
                 const VendorConventionPreset& preset) {
    Resolved r{preset.ideal_tip, "default", preset.options.oliver_pharr, {}, {}};
    const SettingSource preset_source = o.convention == VendorConvention::vitrum
                                            ? SettingSource::default_value
                                            : SettingSource::vendor;
    const std::optional<AreaFunction> file_area = AreaFunction::from_dataset(ds, c);
    if (o.area) {
        r.area = *o.area;
        r.area_source = "option";
        record_setting(r.settings, "area_function", r.area.describe(), SettingSource::option);
        if (file_area) {
            if (const auto d = tip_disagreement(*file_area, r.area))
                r.warnings.push_back(fmt::format(
                    "the file states the tip {} but the area option {} is used (areas differ "
                    "by {:.3g} % at h_c = {:g} nm)",
                    file_area->describe(), r.area.describe(), 100.0 * d->first, d->second * 1e9));
        }
    } else if (file_area) {
        r.area = *file_area;
        r.area_source = "file";
        record_setting(r.settings, "area_function", r.area.describe(), SettingSource::file);
    } else {
        record_setting(r.settings, "area_function", r.area.describe(), preset_source);
        r.warnings.push_back(fmt::format(
            "no tip area function given or in the file: ideal {} assumed", r.area.describe()));
    }
    const OliverPharrOptions& p = preset.options.oliver_pharr;
    const auto file = [&](const char* key) { return ds.property(c, key); };
    r.op.sample_poisson_ratio =
        pick(r.settings, "sample_poisson_ratio", o.sample_poisson_ratio,
             file(property::poisson_ratio), p.sample_poisson_ratio, SettingSource::default_value);
    if (!o.sample_poisson_ratio && !file(property::poisson_ratio))
        r.warnings.push_back(
            fmt::format("no sample Poisson ratio given or in the file: ν = {:g} "
                        "assumed",
                        p.sample_poisson_ratio));
    r.op.tip_poisson_ratio =
        pick(r.settings, "tip_poisson_ratio", o.tip_poisson_ratio,
             file(property::tip_poisson_ratio), p.tip_poisson_ratio, preset_source);
    r.op.tip_modulus_Pa = pick(r.settings, "tip_modulus_Pa", o.tip_modulus_Pa,
                               file(property::tip_modulus), p.tip_modulus_Pa, preset_source);
    r.op.epsilon =
        pick(r.settings, "epsilon", o.epsilon, file(property::epsilon), p.epsilon, preset_source);
    r.op.beta = pick(r.settings, "beta", o.beta, file(property::beta), p.beta, preset_source);
    r.op.validate();
    return r;
}

IndentOptions quasi_static_options(const IndentFileOptions& o, const VendorConventionPreset& preset,
                                   const OliverPharrOptions& op,
                                   std::vector<SettingRecord>& settings) {
    IndentOptions io = preset.options;
    io.oliver_pharr = op;
    const SettingSource preset_source = o.convention == VendorConvention::vitrum
                                            ? SettingSource::default_value
                                            : SettingSource::vendor;
    const bool window = o.unload_fit_lower || o.unload_fit_upper;
    if (o.unload_fit_lower) io.unloading.lower_fraction = *o.unload_fit_lower;
    if (o.unload_fit_upper) io.unloading.upper_fraction = *o.unload_fit_upper;
    record_setting(
        settings, "unload_fit_window",
        nlohmann::ordered_json::array({io.unloading.lower_fraction, io.unloading.upper_fraction}),
        window ? SettingSource::option : preset_source);
    if (o.frame_stiffness_N_per_m) io.frame_compliance_m_per_N = 1.0 / *o.frame_stiffness_N_per_m;
    io.drift = o.drift;
    io.honour_ignore_flag = false;  // analyse() has skipped flagged tests unless asked not to
    io.validate();
    return io;
}

CsmOptions csm_options(const IndentFileOptions& o, const OliverPharrOptions& op) {
    CsmOptions c;
    c.oliver_pharr = op;
    c.min_depth_m = o.csm_min_depth_m;
    c.max_depth_m = o.csm_max_depth_m;
    if (o.frame_stiffness_N_per_m) c.frame_stiffness_N_per_m = *o.frame_stiffness_N_per_m;
    c.validate();
    return c;
}

std::optional<double> position(const Curve& c, const char* key) {
    if (auto it = c.properties.find(key); it != c.properties.end()) return it->second.value;
    return std::nullopt;
}

void add_point(Record& r, const OliverPharrPoint& p) {
    r.add("contact_depth_m", p.contact_depth_m);
    r.add("stiffness_N_per_m", p.stiffness_N_per_m);
    r.add("contact_area_m2", p.contact_area_m2);
    r.add("reduced_modulus_Pa", p.reduced_modulus_Pa);
    r.add("modulus_Pa", p.modulus_Pa);
    r.add("hardness_Pa", p.hardness_Pa);
}

// ISO 14577-1 quantities under their standard names, SI keys (absent ones empty).
void add_iso(Record& r, const IsoQuantities* iso) {
    const auto v = [&](std::optional<double> IsoQuantities::*field) {
        return iso != nullptr ? iso->*field : std::nullopt;
    };
    r.add("hardness_it_Pa", v(&IsoQuantities::H_IT_Pa));
    r.add("modulus_it_Pa", v(&IsoQuantities::E_IT_Pa));
    r.add("martens_hardness_Pa", v(&IsoQuantities::HM_Pa));
    r.add("martens_hardness_s_Pa", v(&IsoQuantities::HM_s_Pa));
    r.add("h_r_m", v(&IsoQuantities::h_r_m));
    r.add("w_elast_J", v(&IsoQuantities::W_elast_J));
    r.add("w_plast_J", v(&IsoQuantities::W_plast_J));
    r.add("eta_it", v(&IsoQuantities::eta_IT));
    r.add("creep_c_it", v(&IsoQuantities::C_IT));
}

std::string quality_text(const std::vector<std::string>& warnings) {
    if (warnings.empty()) return "ok";
    std::string out;
    for (const std::string& w : warnings) out += (out.empty() ? "" : "; ") + w;
    return out;
}

std::string bound_text(const UnloadingFit& fit) {
    return fit.active_bound.empty() ? std::string("none") : fit.active_bound;
}

}  // namespace

void IndentFileOptions::validate() const {
    const auto positive = [](const std::optional<double>& v, const char* field) {
        if (v && !(std::isfinite(*v) && *v > 0.0))
            throw InvalidArgument(fmt::format("{} must be > 0, got {}", field, *v));
    };
    if (sample_poisson_ratio && !(*sample_poisson_ratio > -1.0 && *sample_poisson_ratio < 0.5))
        throw InvalidArgument(fmt::format("sample_poisson_ratio must lie in (−1, 0.5), got {}",
                                          *sample_poisson_ratio));
    if (tip_poisson_ratio && !(*tip_poisson_ratio > -1.0 && *tip_poisson_ratio < 0.5))
        throw InvalidArgument(
            fmt::format("tip_poisson_ratio must lie in (−1, 0.5), got {}", *tip_poisson_ratio));
    positive(tip_modulus_Pa, "tip_modulus_Pa");
    positive(epsilon, "epsilon");
    positive(beta, "beta");
    positive(frame_stiffness_N_per_m, "frame_stiffness_N_per_m");
    for (const auto& [v, name] : {std::pair{unload_fit_lower, "unload_fit_lower"},
                                  std::pair{unload_fit_upper, "unload_fit_upper"}})
        if (v && !(*v >= 0.0 && *v <= 1.0))
            throw InvalidArgument(fmt::format("{} must lie in [0, 1], got {}", name, *v));
    if (unload_fit_lower && unload_fit_upper && !(*unload_fit_lower < *unload_fit_upper))
        throw InvalidArgument(
            fmt::format("unload_fit_lower ({}) must be below unload_fit_upper "
                        "({})",
                        *unload_fit_lower, *unload_fit_upper));
    if (!(csm_min_depth_m >= 0.0 && csm_min_depth_m < csm_max_depth_m))
        throw InvalidArgument(
            fmt::format("csm_min_depth_m ({}) must be ≥ 0 and below "
                        "csm_max_depth_m ({})",
                        csm_min_depth_m, csm_max_depth_m));
}

std::vector<Record> IndentAnalysis::cycle_records() const {
    std::vector<Record> rows;
    const auto finish = [&](Record& r, const std::string& status) {
        r.add("position_x_m", position_x_m);
        r.add("position_y_m", position_y_m);
        r.add("status", status);
        rows.push_back(std::move(r));
    };
    if (quasi_static) {
        for (const CycleResult& c : quasi_static->cycles) {
            Record r;
            r.add("test", test).add("method", "quasi-static");
            r.add("cycle", static_cast<double>(c.number));
            r.add("max_load_N", c.fit.max_load_N);
            r.add("max_depth_m", c.fit.max_depth_m);
            if (c.usable) {
                add_point(r, c.result);
                r.add("stiffness_squared_over_load_Pa", c.result.stiffness_squared_over_load_Pa);
            } else {
                for (const char* k : {"contact_depth_m", "stiffness_N_per_m", "contact_area_m2",
                                      "reduced_modulus_Pa", "modulus_Pa", "hardness_Pa",
                                      "stiffness_squared_over_load_Pa"})
                    r.add_missing(k);
            }
            r.add("unloading_exponent", c.fit.exponent_m);
            r.add("fit_residual_N", c.fit.residual_rms_N);
            r.add("unloading_fit_bound", bound_text(c.fit));
            add_iso(r, &c.iso);
            r.add("quality", quality_text(c.quality.warnings));
            finish(r, c.usable ? "ok" : "failed: " + c.status);
        }
        if (!quasi_static->cycles.empty()) return rows;
    }
    Record r;
    r.add("test", test).add("method", csm ? "csm" : "quasi-static");
    r.add_missing("cycle").add_missing("max_load_N").add_missing("max_depth_m");
    if (csm && headline) {
        add_point(r, *headline);
    } else {
        for (const char* k : {"contact_depth_m", "stiffness_N_per_m", "contact_area_m2",
                              "reduced_modulus_Pa", "modulus_Pa", "hardness_Pa"})
            r.add_missing(k);
    }
    r.add_missing("stiffness_squared_over_load_Pa").add_missing("unloading_exponent");
    r.add_missing("fit_residual_N").add_missing("unloading_fit_bound");
    add_iso(r, nullptr);
    r.add("quality", quality_text(warnings));
    finish(r, ok() ? fmt::format("ok: mean of {} CSM points", csm ? csm->window_points : 0)
                   : "failed: " + error);
    return rows;
}

Record IndentAnalysis::to_record() const {
    Record r;
    r.add("test", test).add("method", csm ? "csm" : "quasi-static");
    r.add("cycle", headline && headline_cycle > 0
                       ? std::optional<double>(static_cast<double>(headline_cycle))
                       : std::nullopt);
    const auto v = [&](double OliverPharrPoint::*field) {
        return headline ? std::optional<double>((*headline).*field) : std::nullopt;
    };
    r.add("max_load_N", csm ? std::nullopt : v(&OliverPharrPoint::load_N));
    r.add("max_depth_m", csm ? std::nullopt : v(&OliverPharrPoint::depth_m));
    r.add("contact_depth_m", csm ? std::nullopt : v(&OliverPharrPoint::contact_depth_m));
    r.add("contact_area_m2", csm ? std::nullopt : v(&OliverPharrPoint::contact_area_m2));
    r.add("reduced_modulus_Pa", v(&OliverPharrPoint::reduced_modulus_Pa));
    r.add("modulus_Pa", v(&OliverPharrPoint::modulus_Pa));
    r.add("hardness_Pa", v(&OliverPharrPoint::hardness_Pa));
    const CycleResult* cycle = nullptr;
    if (quasi_static && headline)
        for (const CycleResult& c : quasi_static->cycles)
            if (c.number == headline_cycle) cycle = &c;
    if (cycle != nullptr)
        r.add("unloading_fit_bound", bound_text(cycle->fit));
    else
        r.add_missing("unloading_fit_bound");
    add_iso(r, cycle != nullptr ? &cycle->iso : nullptr);
    r.add("tip_source", area_source.empty() ? std::string("none") : area_source);
    r.add("position_x_m", position_x_m);
    r.add("position_y_m", position_y_m);
    r.add("quality", quality_text(warnings));
    r.add("status", ok() ? std::string("ok") : "failed: " + error);
    return r;
}

Record IndentSummary::to_record() const {
    Record r;
    r.add("indents", static_cast<double>(indents));
    r.add("usable", static_cast<double>(usable));
    r.add("failed", static_cast<double>(failed));
    r.add("skipped", static_cast<double>(skipped));
    r.add("flagged", static_cast<double>(flagged));
    r.add("modulus_mean_Pa", modulus_mean_Pa);
    r.add("modulus_sd_Pa", modulus_sd_Pa);
    r.add("hardness_mean_Pa", hardness_mean_Pa);
    r.add("hardness_sd_Pa", hardness_sd_Pa);
    std::string flagged;
    for (const auto& o : outliers) flagged += (flagged.empty() ? "" : " ") + o;
    r.add("outliers", flagged.empty() ? std::string("none") : flagged);
    return r;
}

IndentSummary IndentFileResult::summary() const {
    IndentSummary s;
    s.indents = indents.size();
    s.skipped = skipped.size();
    std::vector<double> e, h;
    std::vector<const IndentAnalysis*> used;
    for (const IndentAnalysis& a : indents) {
        s.flagged += !a.warnings.empty();
        if (!a.ok()) {
            ++s.failed;
            continue;
        }
        e.push_back(a.headline->modulus_Pa);
        h.push_back(a.headline->hardness_Pa);
        used.push_back(&a);
    }
    s.usable = used.size();
    if (used.empty()) return s;
    const SampleStatistics se = describe(e), sh = describe(h);
    s.modulus_mean_Pa = se.mean;
    s.hardness_mean_Pa = sh.mean;
    if (used.size() > 1) {
        s.modulus_sd_Pa = se.sd;
        s.hardness_sd_Pa = sh.sd;
    }
    for (std::size_t i = 0; i < used.size(); ++i)
        if (se.outlier[i] || sh.outlier[i]) s.outliers.push_back(used[i]->test);
    return s;
}

AreaFunction read_area_table(const std::string& path) {
    const std::string bytes = text::read_file_bytes(path);
    const auto lines = text::split_lines(bytes);
    std::vector<std::string_view> sample;
    for (const auto line : lines)
        if (!line.empty() && line.front() != '#') sample.push_back(line);
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
        if (fields.size() < 2)
            throw ParseError(Location{path, "", i + 1, 1}, "two columns: h_c [nm], A [nm^2]",
                             std::string(line));
        const double h_nm = text::parse_double(
            fields[0], '.', Location{path, "", i + 1, text::column_of(line, fields[0])});
        const double a_nm2 = text::parse_double(
            fields[1], '.', Location{path, "", i + 1, text::column_of(line, fields[1])});
        depth_m.push_back(h_nm * 1e-9);
        area_m2.push_back(a_nm2 * 1e-18);
    }
    try {
        return AreaFunction::tabulated(depth_m, area_m2);
    } catch (const InvalidArgument& e) {
        throw ParseError(Location{path, "", 0, 0}, e.what());
    }
}

AreaFunction parse_tip(const std::string& text) {
    if (text::starts_with_nocase(text, "table:")) return read_area_table(text.substr(6));
    return AreaFunction::parse(text);
}

IndentFileResult analyse(const Dataset& data, const IndentFileOptions& options) {
    options.validate();
    if (data.curves.empty()) throw FormatError("the file holds no indentation curve");
    const VendorConventionPreset preset = vendor_convention(options.convention);
    IndentFileResult out;
    out.warnings = data.warnings;
    record_setting(out.settings, "convention", convention_name(options.convention),
                   options.convention == VendorConvention::vitrum ? SettingSource::default_value
                                                                  : SettingSource::option);
    for (std::size_t i = 0; i < data.curves.size(); ++i) {
        const Curve& c = data.curves[i];
        if (!options.analyse_ignored) {
            if (auto it = c.properties.find(property::ignore);
                it != c.properties.end() && it->second.value != 0.0) {
                // The operator excluded this test in the instrument software: honour it, say
                // so, and do not count it as a failure.
                SkippedIndent skip{c.name, "the file flags this test 'ignore'"};
                out.warnings.push_back(fmt::format("{}: skipped: {}", skip.test, skip.reason));
                out.skipped.push_back(std::move(skip));
                continue;
            }
        }
        IndentAnalysis a;
        a.test = c.name;
        a.position_x_m = position(c, property::position_x);
        a.position_y_m = position(c, property::position_y);
        try {
            Resolved r = resolve(data, c, options, preset);
            a.area_description = r.area.describe();
            a.area_source = r.area_source;
            const bool csm = options.method == IndentMethod::csm ||
                             (options.method == IndentMethod::automatic && has_csm(c));
            record_setting(r.settings, "method", csm ? "csm" : "quasi-static",
                           options.method == IndentMethod::automatic ? SettingSource::file
                                                                     : SettingSource::option);
            if (csm) {
                const CsmOptions co = csm_options(options, r.op);
                record_setting(r.settings, "csm_depth_window_m",
                               nlohmann::ordered_json::array({co.min_depth_m, co.max_depth_m}),
                               SettingSource::default_value);
                a.csm = analyse_csm(c.data, r.area, co);
                a.warnings = a.csm->warnings;
                if (a.csm->window_points > 0 && std::isfinite(a.csm->mean_modulus_Pa) &&
                    std::isfinite(a.csm->mean_hardness_Pa)) {
                    OliverPharrPoint p;
                    p.load_N = p.depth_m = p.contact_depth_m = p.contact_area_m2 = std::nan("");
                    p.stiffness_N_per_m = p.stiffness_squared_over_load_Pa = std::nan("");
                    p.reduced_modulus_Pa = a.csm->mean_reduced_modulus_Pa;
                    p.modulus_Pa = a.csm->mean_modulus_Pa;
                    p.hardness_Pa = a.csm->mean_hardness_Pa;
                    a.headline = p;
                } else {
                    a.error = fmt::format("no CSM point between {:g} and {:g} nm",
                                          co.min_depth_m * 1e9, co.max_depth_m * 1e9);
                }
            } else {
                const IndentOptions io = quasi_static_options(options, preset, r.op, r.settings);
                a.quasi_static = analyse_quasi_static(c, r.area, io);
                for (const CycleResult& cy : a.quasi_static->cycles)
                    for (const std::string& w : cy.quality.warnings)
                        a.warnings.push_back(fmt::format("cycle {}: {}", cy.number, w));
                if (preset.stiffness_point != StiffnessPoint::first_unload_point) {
                    VendorConventionPreset p = preset;
                    p.options.oliver_pharr = r.op;
                    for (CycleResult& cy : a.quasi_static->cycles)
                        if (cy.usable) cy.result = evaluate_cycle(cy, r.area, p);
                }
                // One value per indent: its last usable cycle, the deepest.
                for (const CycleResult& cy : a.quasi_static->cycles)
                    if (cy.usable) {
                        a.headline = cy.result;
                        a.headline_cycle = cy.number;
                    }
                if (!a.headline)
                    a.error =
                        a.quasi_static->cycles.empty()
                            ? "no load–unload cycle found"
                            : "no usable cycle (" + a.quasi_static->cycles.back().status + ")";
            }
            for (const std::string& w : r.warnings)
                if (std::find(out.warnings.begin(), out.warnings.end(), w) == out.warnings.end())
                    out.warnings.push_back(w);
            for (SettingRecord& s : r.settings) {
                const auto it =
                    std::find_if(out.settings.begin(), out.settings.end(),
                                 [&](const SettingRecord& x) { return x.name == s.name; });
                if (it == out.settings.end()) {
                    out.settings.push_back(std::move(s));
                } else if (it->value != s.value && it->source != SettingSource::option) {
                    // Tests of one file may state different constants: say so once.
                    it->value = "varies by test";
                    it->source = s.source;
                }
            }
        } catch (const Error& e) {
            // Options were validated above: what fails here belongs to this indent alone.
            a.error = e.what();
        }
        if (!a.warnings.empty()) out.warnings.push_back(a.test + ": " + quality_text(a.warnings));
        out.indents.push_back(std::move(a));
    }
    return out;
}

}  // namespace vitrum::indent
