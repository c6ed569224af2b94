// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "indent_file_structure.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <regex>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/core/units.hpp>

namespace vitrum::indentation_io {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

std::optional<double> plain_number(const std::string& text) {
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text::trim(text).size() && std::isfinite(v)) return v;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

// A quantity of dimension `si_unit` from an attribute: the value's own unit ("11 um"), else the
// unit written in the key ("tip_radius_um", "radius [µm]"), else nullopt.
std::optional<double> quantity(const std::string& key, const std::string& value,
                               const char* si_unit) {
    try {
        return parse_quantity_as(value, si_unit);
    } catch (const Error&) {
    }
    const auto number = plain_number(value);
    if (!number) return std::nullopt;
    const NameAndUnit nu = split_name_and_unit(key);
    if (nu.unit.empty()) return std::nullopt;
    try {
        return convert_unit(*number, nu.unit, si_unit);
    } catch (const Error&) {
        return std::nullopt;
    }
}

std::optional<double> shape_code(const std::string& value) {
    if (contains(value, "berkovich")) return property::tip_shape_code::berkovich;
    if (contains(value, "cube")) return property::tip_shape_code::cube_corner;
    if (contains(value, "vickers")) return property::tip_shape_code::vickers;
    if (contains(value, "knoop")) return property::tip_shape_code::knoop;
    if (contains(value, "flat")) return property::tip_shape_code::flat_punch;
    if (contains(value, "cono") || contains(value, "conical"))
        return property::tip_shape_code::cono_spherical;
    if (contains(value, "spher")) return property::tip_shape_code::sphere;
    return std::nullopt;
}

}  // namespace

bool apply_stated_segments(Curve& curve, const std::vector<double>& indices,
                           const std::string& where, std::vector<std::string>& warnings) {
    const std::size_t rows = curve.data.rows();
    std::vector<std::size_t> n;
    for (const double v : indices) {
        if (!(v >= 0.0) || v != std::floor(v) || v > 1e12) {
            warnings.push_back(fmt::format(
                "{}: 'indices' holds {} which is not a row count; the file's segment lengths are "
                "not used, segments come from the data",
                where, v));
            return false;
        }
        n.push_back(static_cast<std::size_t>(v));
    }
    if (n.empty()) return false;
    std::size_t total = 0;
    for (const std::size_t k : n) total += k;
    std::vector<std::size_t> ends;
    if (total <= rows) {  // lengths
        std::size_t e = 0;
        for (const std::size_t k : n) ends.push_back(e += k);
    } else if (std::is_sorted(n.begin(), n.end()) && n.back() <= rows &&
               std::adjacent_find(n.begin(), n.end()) == n.end()) {  // cumulative end rows
        ends = n;
        total = n.back();
    } else {
        warnings.push_back(fmt::format(
            "{}: 'indices' states {} rows of load/hold/unload but the test has only {}; the "
            "file's segment lengths are not used, segments come from the data",
            where, total, rows));
        return false;
    }
    // Kinds: (load, hold, unload) per cycle; two lengths are (load, unload).
    std::vector<SegmentKind> kinds;
    if (ends.size() == 2) {
        kinds = {SegmentKind::loading, SegmentKind::unloading};
    } else if (ends.size() % 3 == 0) {
        for (std::size_t k = 0; k < ends.size(); k += 3) {
            kinds.insert(kinds.end(),
                         {SegmentKind::loading, SegmentKind::holding, SegmentKind::unloading});
        }
    } else {
        warnings.push_back(fmt::format(
            "{}: 'indices' has {} entries (expected load, hold, unload lengths: a multiple of 3, "
            "or 2); the file's segment lengths are not used, segments come from the data",
            where, ends.size()));
        return false;
    }
    if (total < rows) {
        double peak = -std::numeric_limits<double>::infinity();
        if (curve.data.has(channel::load)) {
            const auto& p = curve.data.values(channel::load);
            for (std::size_t i = total; i < rows; ++i)
                if (std::isfinite(p[i])) peak = std::max(peak, p[i]);
        }
        warnings.push_back(fmt::format(
            "{}: rows {}–{} ({} rows{}) lie beyond the load, hold and unload lengths stated in "
            "'indices' ({} rows) and are dropped",
            where, total + 1, rows, rows - total,
            std::isfinite(peak) ? fmt::format(", load up to {:.4g} mN", peak * 1e3) : "", total));
        curve.data = curve.data.slice(0, total);
    }
    curve.data.segments.clear();
    std::size_t begin = 0;
    for (std::size_t k = 0; k < ends.size(); ++k) {
        Segment s;
        s.begin = begin;
        s.end = ends[k];
        s.kind = kinds[k];
        s.label = fmt::format("indices[{}]", k);
        begin = ends[k];
        if (s.end > s.begin) curve.data.segments.push_back(s);
    }
    curve.properties[property::segments_stated] = {1.0, "1"};
    return true;
}

void check_stated_max_load(Curve& curve, double stated_max_N, const std::string& where,
                           std::vector<std::string>& warnings) {
    if (!(stated_max_N > 0.0) || !curve.data.has(channel::load)) return;
    auto& p = curve.data.column(channel::load).values;
    // Twice the stated maximum: load control overshoots by a few per cent at most.
    const double limit = 2.0 * stated_max_N;
    std::size_t first = 0, count = 0;
    double peak = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (!(std::isfinite(p[i]) && p[i] > limit)) continue;
        if (count++ == 0) first = i;
        peak = std::max(peak, p[i]);
        p[i] = kNaN;
        if (curve.data.has(channel::depth)) curve.data.column(channel::depth).values[i] = kNaN;
    }
    if (count > 0) {
        warnings.push_back(fmt::format(
            "{}: damaged data: {} rows from row {} carry loads up to {:.4g} mN, {:.3g}× the "
            "file's stated maximum load {:.4g} mN; those rows are set invalid",
            where, count, first + 1, peak * 1e3, peak / stated_max_N, stated_max_N * 1e3));
    }
}

void stated_properties(const std::map<std::string, std::string>& attributes,
                       double load_factor_to_N, std::map<std::string, Quantity>& properties,
                       const std::string& where, std::vector<std::string>& warnings) {
    const std::regex length_in_text(
        R"(([0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)\s*(nm|um|µm|mm|m)\b)");
    for (const auto& [raw_key, raw_value] : attributes) {
        const std::string key = text::to_lower(raw_key);
        const std::string value = text::to_lower(text::trim(raw_value));
        const std::string leaf =
            key.substr(key.rfind('/') == std::string::npos ? 0 : key.rfind('/') + 1);
        if (contains(leaf, "ignore")) {
            const auto v = plain_number(value);
            const bool on = v ? *v != 0.0 : (value == "true" || value == "yes");
            properties[property::ignore] = {on ? 1.0 : 0.0, "1"};
        } else if (contains(leaf, "radius")) {
            if (const auto r = quantity(raw_key, raw_value, "m"); r && *r > 0.0) {
                properties[property::tip_radius] = {*r, "m"};
            } else {
                warnings.push_back(fmt::format(
                    "{}: tip radius '{}' = '{}' has no unit that vitrum can read; not used", where,
                    raw_key, raw_value));
            }
        } else if (contains(leaf, "tip") || contains(leaf, "indenter") || contains(leaf, "shape") ||
                   contains(leaf, "geometry")) {
            if (const auto code = shape_code(value)) {
                properties[property::tip_shape] = {*code, "1"};
                std::smatch m;
                if (!properties.count(property::tip_radius) &&
                    std::regex_search(raw_value, m, length_in_text)) {
                    try {
                        properties[property::tip_radius] = {
                            parse_quantity_as(m.str(1) + " " + m.str(2), "m"), "m"};
                    } catch (const Error&) {
                    }
                }
            }
        } else if (contains(leaf, "poisson") || leaf == "nu" || leaf == "nu_sample" ||
                   leaf == "sample_nu") {
            const auto v = plain_number(value);
            if (v && *v > -1.0 && *v <= 0.5) properties[property::poisson_ratio] = {*v, "1"};
        } else if (contains(leaf, "frame") && contains(leaf, "stiff")) {
            if (const auto k = quantity(raw_key, raw_value, "N/m"); k && *k > 0.0)
                properties[property::frame_stiffness] = {*k, "N/m"};
        } else if ((contains(leaf, "frame") || contains(leaf, "machine")) &&
                   contains(leaf, "compliance")) {
            if (const auto c = quantity(raw_key, raw_value, "m/N"); c && *c >= 0.0)
                properties[property::frame_compliance] = {*c, "m/N"};
        } else if (contains(leaf, "max_load") || contains(leaf, "maximum_load") ||
                   contains(leaf, "max_force")) {
            std::optional<double> p = quantity(raw_key, raw_value, "N");
            if (!p && load_factor_to_N > 0.0)
                if (const auto v = plain_number(value)) p = *v * load_factor_to_N;
            if (p && *p > 0.0) properties[property::stated_max_load] = {*p, "N"};
        }
    }
}

}  // namespace vitrum::indentation_io
