// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <filesystem>
#include <set>
#include <vitrum/core/error.hpp>
#include <vitrum/core/units.hpp>
#include <vitrum/report/atomic_file.hpp>
#include <vitrum/report/manifest.hpp>

namespace vitrum::report {
namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

// Where in the manifest a value sits, for messages: "samples[2] 'film_RT': key 'deposition'".
struct Context {
    const std::string& manifest;
    std::string where;  // "" at top level, else "samples[2] 'film_RT'"

    [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
        throw InvalidArgument(fmt::format("{}: {}key '{}': {}", manifest,
                                          where.empty() ? "" : where + ": ", key, problem));
    }
};

const char* type_name(const Json& j) { return j.type_name(); }

void check_keys(const Json& object, const std::set<std::string>& allowed, const Context& ctx,
                const std::string& parent) {
    for (const auto& item : object.items()) {
        if (allowed.count(item.key()) == 0) {
            std::string list;
            for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
            ctx.fail(parent.empty() ? item.key() : parent + "." + item.key(),
                     fmt::format("unknown key (allowed: {})", list));
        }
    }
}

std::string get_string(const Json& j, const std::string& key, const Context& ctx) {
    if (!j.is_string()) ctx.fail(key, fmt::format("must be a string (found {})", type_name(j)));
    return j.get<std::string>();
}

double get_number(const Json& j, const std::string& key, const Context& ctx, double lo, double hi) {
    if (!j.is_number()) ctx.fail(key, fmt::format("must be a number (found {})", type_name(j)));
    const double v = j.get<double>();
    if (!(v >= lo && v <= hi))
        ctx.fail(key, fmt::format("must be in [{}, {}] (found {})", lo, hi, v));
    return v;
}

// A quantity written as text with its unit ("556 K", "25 °C", "10 K/min", "1.4 nm").
double get_quantity(const Json& j, const std::string& key, const Context& ctx,
                    const std::string& si_unit) {
    const std::string text = get_string(j, key, ctx);
    try {
        return parse_quantity_as(text, si_unit);
    } catch (const Error& e) {
        ctx.fail(key, fmt::format("'{}' is not a quantity in {} ({})", text, si_unit, e.what()));
    }
}

std::pair<double, double> get_window(const Json& j, const std::string& key, const Context& ctx) {
    if (!j.is_array() || j.size() != 2)
        ctx.fail(key, "must be a list of two temperatures, e.g. [\"600 K\", \"720 K\"]");
    const double lo = get_quantity(j[0], key, ctx, "K");
    const double hi = get_quantity(j[1], key, ctx, "K");
    if (!(lo < hi)) ctx.fail(key, "the first temperature must be below the second");
    return {lo, hi};
}

AnalysisOptions parse_options(const Json& j, const Context& ctx) {
    AnalysisOptions o;
    if (!j.is_object()) ctx.fail("options", "must be an object with 'dsc' and/or 'indentation'");
    check_keys(j, {"dsc", "indentation"}, ctx, "options");
    if (j.contains("dsc")) {
        const Json& d = j["dsc"];
        if (!d.is_object()) ctx.fail("options.dsc", "must be an object");
        check_keys(d, {"tg_search", "tx_search"}, ctx, "options.dsc");
        if (d.contains("tg_search")) {
            auto [lo, hi] = get_window(d["tg_search"], "options.dsc.tg_search", ctx);
            o.tg_search_lo_K = lo;
            o.tg_search_hi_K = hi;
        }
        if (d.contains("tx_search")) {
            auto [lo, hi] = get_window(d["tx_search"], "options.dsc.tx_search", ctx);
            o.tx_search_lo_K = lo;
            o.tx_search_hi_K = hi;
        }
    }
    if (j.contains("indentation")) {
        const Json& d = j["indentation"];
        if (!d.is_object()) ctx.fail("options.indentation", "must be an object");
        check_keys(d, {"poisson_ratio", "tip", "epsilon", "beta", "unload_fit"}, ctx,
                   "options.indentation");
        if (d.contains("poisson_ratio"))
            o.poisson_ratio =
                get_number(d["poisson_ratio"], "options.indentation.poisson_ratio", ctx, -1.0, 0.5);
        if (d.contains("tip")) o.tip = get_string(d["tip"], "options.indentation.tip", ctx);
        if (d.contains("epsilon"))
            o.epsilon = get_number(d["epsilon"], "options.indentation.epsilon", ctx, 0.5, 1.0);
        if (d.contains("beta"))
            o.beta = get_number(d["beta"], "options.indentation.beta", ctx, 0.9, 1.2);
        if (d.contains("unload_fit")) {
            const Json& w = d["unload_fit"];
            const std::string key = "options.indentation.unload_fit";
            if (!w.is_array() || w.size() != 2)
                ctx.fail(key, "must be two load fractions, e.g. [0.5, 0.99]");
            o.unload_fit_lower = get_number(w[0], key, ctx, 0.0, 1.0);
            o.unload_fit_upper = get_number(w[1], key, ctx, 0.0, 1.0);
            if (*o.unload_fit_lower >= *o.unload_fit_upper)
                ctx.fail(key, "the lower fraction must be below the upper one");
        }
    }
    return o;
}

std::string resolve(const std::string& folder, const std::string& file) {
    const fs::path p(file);
    return p.is_absolute() ? p.string() : (fs::path(folder) / p).lexically_normal().string();
}

void check_exists(const std::string& path, const std::string& key, const Context& ctx, bool check) {
    if (check && !fs::is_regular_file(path))
        throw IoError(fmt::format("{}: {}: key '{}': file '{}' does not exist", ctx.manifest,
                                  ctx.where, key, path));
}

SampleSpec parse_sample(const Json& j, std::size_t index, const std::string& manifest,
                        const std::string& folder, bool check_files) {
    Context ctx{manifest, fmt::format("samples[{}]", index)};
    if (!j.is_object()) ctx.fail("samples", fmt::format("entry {} must be an object", index));
    SampleSpec s;
    if (!j.contains("name")) ctx.fail("name", "missing (every sample needs a name)");
    s.name = get_string(j["name"], "name", ctx);
    if (s.name.empty()) ctx.fail("name", "must not be empty");
    ctx.where += " '" + s.name + "'";
    check_keys(j, {"name", "deposition", "dsc", "indentation", "mro", "notes", "options"}, ctx, "");
    if (!j.contains("deposition"))
        ctx.fail("deposition",
                 "missing (a temperature such as \"556 K\" or \"25 °C\", or \"reference\")");
    s.deposition_text = get_string(j["deposition"], "deposition", ctx);
    if (s.deposition_text == "reference") {
        s.is_reference = true;
    } else {
        s.deposition_K = get_quantity(j["deposition"], "deposition", ctx, "K");
        if (*s.deposition_K <= 0.0) ctx.fail("deposition", "must be above absolute zero");
    }
    if (j.contains("dsc")) {
        if (!j["dsc"].is_array())
            ctx.fail("dsc", "must be a list of {\"file\": …, \"heating_rate\": …}");
        for (const Json& d : j["dsc"]) {
            if (!d.is_object() || !d.contains("file"))
                ctx.fail("dsc", "every entry needs a 'file'");
            check_keys(d, {"file", "heating_rate", "format", "baseline", "ngb_run"}, ctx, "dsc");
            DscInput in;
            in.file = get_string(d["file"], "dsc.file", ctx);
            in.path = resolve(folder, in.file);
            check_exists(in.path, "dsc.file", ctx, check_files);
            if (d.contains("heating_rate")) {
                in.heating_rate_K_per_s =
                    get_quantity(d["heating_rate"], "dsc.heating_rate", ctx, "K/s");
                if (*in.heating_rate_K_per_s <= 0.0)
                    ctx.fail("dsc.heating_rate", "must be positive");
            }
            if (d.contains("format")) in.format = get_string(d["format"], "dsc.format", ctx);
            // NETZSCH .ngb-* files: a baseline run to subtract, and which run of the file.
            if (d.contains("baseline")) {
                in.baseline_file = get_string(d["baseline"], "dsc.baseline", ctx);
                in.baseline_path = resolve(folder, in.baseline_file);
                check_exists(in.baseline_path, "dsc.baseline", ctx, check_files);
            }
            if (d.contains("ngb_run")) {
                in.ngb_run = get_string(d["ngb_run"], "dsc.ngb_run", ctx);
                if (in.ngb_run != "sample" && in.ngb_run != "correction" &&
                    in.ngb_run != "corrected")
                    ctx.fail("dsc.ngb_run", "must be \"sample\", \"correction\" or \"corrected\"");
            }
            s.dsc.push_back(std::move(in));
        }
    }
    if (j.contains("indentation")) {
        if (!j["indentation"].is_array())
            ctx.fail("indentation",
                     "must be a list of {\"files\": […], \"poisson_ratio\": …, \"tip\": …}");
        for (const Json& d : j["indentation"]) {
            if (!d.is_object() || (!d.contains("files") && !d.contains("file")))
                ctx.fail("indentation", "every entry needs 'files' (a list) or 'file'");
            check_keys(d, {"file", "files", "poisson_ratio", "tip", "format"}, ctx, "indentation");
            IndentationInput in;
            if (d.contains("file"))
                in.files.push_back(get_string(d["file"], "indentation.file", ctx));
            if (d.contains("files")) {
                if (!d["files"].is_array())
                    ctx.fail("indentation.files", "must be a list of paths");
                for (const Json& f : d["files"])
                    in.files.push_back(get_string(f, "indentation.files", ctx));
            }
            for (const std::string& f : in.files) {
                in.paths.push_back(resolve(folder, f));
                check_exists(in.paths.back(), "indentation.files", ctx, check_files);
            }
            if (d.contains("poisson_ratio"))
                in.poisson_ratio =
                    get_number(d["poisson_ratio"], "indentation.poisson_ratio", ctx, -1.0, 0.5);
            if (d.contains("tip")) in.tip = get_string(d["tip"], "indentation.tip", ctx);
            if (d.contains("format"))
                in.format = get_string(d["format"], "indentation.format", ctx);
            s.indentation.push_back(std::move(in));
        }
    }
    if (j.contains("mro")) {
        const Json& m = j["mro"];
        if (!m.is_object() || !m.contains("size"))
            ctx.fail("mro", "must be {\"size\": \"1.4 nm\", \"uncertainty\": \"0.1 nm\"}");
        check_keys(m, {"size", "uncertainty"}, ctx, "mro");
        s.mro_size_m = get_quantity(m["size"], "mro.size", ctx, "m");
        if (*s.mro_size_m <= 0.0) ctx.fail("mro.size", "must be positive");
        if (m.contains("uncertainty"))
            s.mro_uncertainty_m = get_quantity(m["uncertainty"], "mro.uncertainty", ctx, "m");
    }
    if (j.contains("notes")) s.notes = get_string(j["notes"], "notes", ctx);
    if (j.contains("options")) s.options = parse_options(j["options"], ctx);
    return s;
}

InlineMaterial parse_inline_material(const Json& m, const Context& ctx) {
    check_keys(m,
               {"melting", "enthalpy_of_fusion", "molar_volume", "heat_capacity_difference",
                "driving_force", "interfacial_energy"},
               ctx, "material");
    InlineMaterial out;
    for (const char* key : {"melting", "enthalpy_of_fusion", "molar_volume", "interfacial_energy"})
        if (!m.contains(key)) ctx.fail(std::string("material.") + key, "missing");
    out.melting_K = get_quantity(m["melting"], "material.melting", ctx, "K");
    out.enthalpy_of_fusion_J_per_mol =
        get_quantity(m["enthalpy_of_fusion"], "material.enthalpy_of_fusion", ctx, "J/mol");
    out.molar_volume_m3_per_mol =
        get_quantity(m["molar_volume"], "material.molar_volume", ctx, "m^3/mol");
    if (m.contains("heat_capacity_difference"))
        out.heat_capacity_difference_J_per_mol_K = get_quantity(
            m["heat_capacity_difference"], "material.heat_capacity_difference", ctx, "J/(mol K)");
    if (m.contains("driving_force"))
        out.driving_force = get_string(m["driving_force"], "material.driving_force", ctx);
    out.interfacial_energy =
        get_string(m["interfacial_energy"], "material.interfacial_energy", ctx);
    return out;
}

}  // namespace

AnalysisOptions AnalysisOptions::merged_with(const AnalysisOptions& over) const {
    AnalysisOptions o = *this;
    auto take = [](auto& mine, const auto& theirs) {
        if (theirs) mine = theirs;
    };
    take(o.tg_search_lo_K, over.tg_search_lo_K);
    take(o.tg_search_hi_K, over.tg_search_hi_K);
    take(o.tx_search_lo_K, over.tx_search_lo_K);
    take(o.tx_search_hi_K, over.tx_search_hi_K);
    take(o.poisson_ratio, over.poisson_ratio);
    take(o.tip, over.tip);
    take(o.epsilon, over.epsilon);
    take(o.beta, over.beta);
    take(o.unload_fit_lower, over.unload_fit_lower);
    take(o.unload_fit_upper, over.unload_fit_upper);
    return o;
}

nlohmann::ordered_json AnalysisOptions::to_json() const {
    Json j = Json::object();
    auto put = [&j](const char* key, const auto& v) {
        if (v) j[key] = *v;
    };
    put("tg_search_lo_K", tg_search_lo_K);
    put("tg_search_hi_K", tg_search_hi_K);
    put("tx_search_lo_K", tx_search_lo_K);
    put("tx_search_hi_K", tx_search_hi_K);
    put("poisson_ratio", poisson_ratio);
    put("tip", tip);
    put("epsilon", epsilon);
    put("beta", beta);
    put("unload_fit_lower", unload_fit_lower);
    put("unload_fit_upper", unload_fit_upper);
    return j;
}

Manifest parse_manifest(const std::string& json_text, const std::string& path,
                        const std::string& folder, bool check_files) {
    Manifest m;
    m.path = path;
    m.folder = folder;
    try {
        m.raw = Json::parse(json_text);
    } catch (const Json::parse_error& e) {
        // Byte offset → line and column of the JSON syntax error.
        Location where{path, "", 1, 1};
        for (std::size_t i = 0; i + 1 < e.byte && i < json_text.size(); ++i) {
            if (json_text[i] == '\n') {
                ++where.line;
                where.column = 1;
            } else {
                ++where.column;
            }
        }
        throw ParseError(where, "valid JSON", e.what());
    }
    const Context ctx{path, ""};
    const Json& j = m.raw;
    if (!j.is_object()) ctx.fail("(top level)", "the manifest must be a JSON object");
    check_keys(j,
               {"$schema", "manifest_version", "title", "material", "reference", "tg_reference",
                "options", "samples"},
               ctx, "");
    if (!j.contains("manifest_version")) ctx.fail("manifest_version", "missing (write 1)");
    if (get_number(j["manifest_version"], "manifest_version", ctx, 1, 1) != 1.0)
        ctx.fail("manifest_version", "must be 1");
    if (j.contains("title")) m.title = get_string(j["title"], "title", ctx);
    if (j.contains("material")) {
        if (j["material"].is_string())
            m.material_set = j["material"].get<std::string>();
        else if (j["material"].is_object())
            m.material = parse_inline_material(j["material"], ctx);
        else
            ctx.fail("material", "must be a set name (\"cu50zr50:set\") or an object");
    }
    if (j.contains("tg_reference"))
        m.tg_reference_K = get_quantity(j["tg_reference"], "tg_reference", ctx, "K");
    if (j.contains("options")) m.options = parse_options(j["options"], ctx);
    if (!j.contains("samples")) ctx.fail("samples", "missing (a list of samples)");
    if (!j["samples"].is_array() || j["samples"].empty())
        ctx.fail("samples", "must be a non-empty list");
    std::set<std::string> names;
    for (std::size_t i = 0; i < j["samples"].size(); ++i) {
        SampleSpec s = parse_sample(j["samples"][i], i, path, folder, check_files);
        if (!names.insert(s.name).second)
            Context{path, fmt::format("samples[{}] '{}'", i, s.name)}.fail(
                "name", "used by another sample");
        m.samples.push_back(std::move(s));
    }
    if (j.contains("reference")) {
        m.reference = get_string(j["reference"], "reference", ctx);
        if (names.count(m.reference) == 0)
            ctx.fail("reference", fmt::format("no sample is named '{}'", m.reference));
    } else {
        for (const SampleSpec& s : m.samples)
            if (s.is_reference) m.reference = s.name;
    }
    return m;
}

Manifest read_manifest(const std::string& path, bool check_files) {
    const std::string text = read_whole_file(path);
    const fs::path p(path);
    const std::string folder = p.has_parent_path() ? p.parent_path().string() : ".";
    return parse_manifest(text, path, folder, check_files);
}

nlohmann::ordered_json manifest_skeleton(const std::vector<ScannedFile>& files,
                                         const std::string& title) {
    Json j;
    j["manifest_version"] = 1;
    j["title"] = title;
    j["material"] = "cu50zr50:set";
    j["options"] = {{"indentation", {{"tip", "berkovich"}, {"poisson_ratio", 0.36}}}};
    // DSC: one sample per file stem; indentation: one sample per folder (or file stem).
    std::map<std::string, Json> samples;
    std::vector<std::string> order;
    auto sample = [&](const std::string& name) -> Json& {
        if (samples.count(name) == 0) {
            order.push_back(name);
            samples[name] =
                Json{{"name", name}, {"deposition", "TODO: e.g. \"556 K\" or \"reference\""}};
        }
        return samples[name];
    };
    for (const ScannedFile& f : files) {
        const fs::path p(f.relative_path);
        if (f.technique == "dsc") {
            Json& s = sample(p.stem().string());
            s["dsc"].push_back({{"file", f.relative_path},
                                {"heating_rate", "TODO: e.g. 10 K/min"},
                                {"format", f.format}});
        } else {
            const std::string name = p.has_parent_path() && p.parent_path().filename() != "."
                                         ? p.parent_path().filename().string()
                                         : p.stem().string();
            Json& s = sample(name);
            if (!s.contains("indentation"))
                s["indentation"] =
                    Json::array({Json{{"files", Json::array()}, {"format", f.format}}});
            s["indentation"][0]["files"].push_back(f.relative_path);
        }
    }
    j["samples"] = Json::array();
    for (const std::string& name : order) j["samples"].push_back(samples[name]);
    return j;
}

}  // namespace vitrum::report
