// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/core/units.hpp>
#include <vitrum/indent/area_function.hpp>

namespace vitrum::indent {

double area_term_exponent(std::size_t n) { return 2.0 / std::ldexp(1.0, static_cast<int>(n)); }

AreaFunction AreaFunction::polynomial(const std::vector<double>& coefficients_si,
                                      double constant_m2) {
    if (coefficients_si.size() > kAreaTerms) {
        throw InvalidArgument(
            fmt::format("area function: {} coefficients given, at most {} (C0 … C8) allowed",
                        coefficients_si.size(), kAreaTerms));
    }
    AreaFunction f;
    f.kind_ = Kind::polynomial;
    for (std::size_t i = 0; i < coefficients_si.size(); ++i) {
        if (!std::isfinite(coefficients_si[i])) {
            throw InvalidArgument(fmt::format("area function: coefficient C{} is not finite", i));
        }
        f.c_[i] = coefficients_si[i];
    }
    f.constant_m2_ = constant_m2;
    return f;
}

AreaFunction AreaFunction::polynomial_nm(const std::vector<double>& coefficients_nm) {
    // A[nm²] = Σ Cn·h[nm]^e_n  ⇒  Cn[SI] = Cn[nm]·1e9^e_n·1e-18.
    std::vector<double> si(coefficients_nm.size());
    for (std::size_t i = 0; i < coefficients_nm.size(); ++i) {
        si[i] = coefficients_nm[i] * std::pow(1e9, area_term_exponent(i)) * 1e-18;
    }
    return polynomial(si);
}

AreaFunction AreaFunction::berkovich(double c0) { return polynomial({c0}); }

AreaFunction AreaFunction::cube_corner() { return polynomial({2.598}); }

AreaFunction AreaFunction::vickers(double c0) { return polynomial({c0}); }

AreaFunction AreaFunction::sphere(double radius_m) {
    if (!(radius_m > 0.0) || !std::isfinite(radius_m)) {
        throw InvalidArgument(fmt::format("sphere tip radius = {} m must be > 0", radius_m));
    }
    AreaFunction f;
    f.kind_ = Kind::sphere;
    f.radius_m_ = radius_m;
    return f;
}

AreaFunction AreaFunction::sphere_cone(double radius_m, double half_angle_rad) {
    AreaFunction f = sphere(radius_m);
    if (!(half_angle_rad > 0.0 && half_angle_rad < M_PI / 2)) {
        throw InvalidArgument(
            fmt::format("sphere-cone half angle = {} rad is outside the allowed range (0, π/2)",
                        half_angle_rad));
    }
    f.kind_ = Kind::sphere_cone;
    f.half_angle_rad_ = half_angle_rad;
    return f;
}

AreaFunction AreaFunction::tabulated(std::vector<double> depth_m, std::vector<double> area_m2) {
    if (depth_m.size() != area_m2.size() || depth_m.size() < 2) {
        throw InvalidArgument(fmt::format(
            "tabulated area function: needs ≥ 2 (depth, area) pairs, got {} depths and {} areas",
            depth_m.size(), area_m2.size()));
    }
    for (std::size_t i = 1; i < depth_m.size(); ++i) {
        if (!(depth_m[i] > depth_m[i - 1])) {
            throw InvalidArgument(fmt::format(
                "tabulated area function: depths must increase strictly (row {})", i + 1));
        }
    }
    AreaFunction f;
    f.kind_ = Kind::tabulated;
    f.table_h_ = std::move(depth_m);
    f.table_a_ = std::move(area_m2);
    return f;
}

std::optional<AreaFunction> AreaFunction::from_dataset(const Dataset& dataset, const Curve& curve) {
    std::vector<double> c;
    bool any = false;
    for (std::size_t i = 0; i < kAreaTerms; ++i) {
        const auto v = dataset.property(
            curve, std::string(property::area_coefficient_prefix) + std::to_string(i));
        c.push_back(v ? *v : 0.0);
        any = any || v.has_value();
    }
    if (any) {
        while (!c.empty() && c.back() == 0.0) c.pop_back();
        return polynomial(c);
    }
    // No coefficients: a shape the file states (a spherical tip with its radius, an ideal
    // pyramid) is the file's tip.
    const auto shape = dataset.property(curve, property::tip_shape);
    if (!shape) return std::nullopt;
    const auto radius = dataset.property(curve, property::tip_radius);
    if ((*shape == property::tip_shape_code::sphere ||
         *shape == property::tip_shape_code::cono_spherical) &&
        radius && *radius > 0.0) {
        return sphere(*radius);
    }
    if (*shape == property::tip_shape_code::berkovich) return berkovich();
    if (*shape == property::tip_shape_code::vickers) return vickers();
    if (*shape == property::tip_shape_code::cube_corner) return cube_corner();
    return std::nullopt;
}

AreaFunction AreaFunction::parse(const std::string& text) {
    const std::string t = text::to_lower(text::trim(text));
    const auto fail = [&text](const std::string& why) {
        return InvalidArgument(
            fmt::format("--tip '{}': {}; accepted: berkovich, vickers, cube-corner, sphere:R "
                        "(e.g. sphere:5um), sphere-cone:R:half_angle_deg, or nm coefficients "
                        "C0,C1,…",
                        text, why));
    };
    if (t == "berkovich") return berkovich();
    if (t == "vickers") return vickers();
    if (t == "cube-corner" || t == "cube_corner") return cube_corner();
    const auto radius = [&](const std::string& r) {
        try {
            return parse_quantity_as(r, "m");
        } catch (const UnitError& e) {
            throw fail(fmt::format("radius '{}' is not a length ({})", r, e.what()));
        }
    };
    if (t.rfind("sphere-cone:", 0) == 0) {
        const std::string rest = t.substr(12);
        const auto colon = rest.find(':');
        if (colon == std::string::npos) throw fail("missing the cone half angle");
        double angle_deg = 0.0;
        if (!text::try_parse_double(rest.substr(colon + 1), '.', angle_deg)) {
            throw fail("half angle is not a number");
        }
        return sphere_cone(radius(rest.substr(0, colon)), angle_deg * M_PI / 180.0);
    }
    if (t.rfind("sphere:", 0) == 0) return sphere(radius(t.substr(7)));
    std::vector<double> c;
    std::size_t start = 0;
    while (start <= t.size()) {
        const auto comma = t.find(',', start);
        const std::string field =
            t.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        double v = 0.0;
        if (!text::try_parse_double(field, '.', v)) throw fail("'" + field + "' is not a number");
        c.push_back(v);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return polynomial_nm(c);
}

double AreaFunction::area_m2(double h) const {
    if (!(h > 0.0)) return 0.0;
    switch (kind_) {
        case Kind::polynomial: {
            double a = c_[0] * h * h + c_[1] * h + constant_m2_;
            double root = h;
            for (std::size_t i = 2; i < kAreaTerms; ++i) {
                root = std::sqrt(root);  // h^(1/2), h^(1/4), … exactly as repeated square roots
                if (c_[i] != 0.0) a += c_[i] * root;
            }
            return a;
        }
        case Kind::sphere: {
            const double hh = std::min(h, radius_m_);
            return M_PI * (2.0 * radius_m_ * hh - hh * hh);
        }
        case Kind::sphere_cone: {
            const double ht = radius_m_ * (1.0 - std::sin(half_angle_rad_));
            if (h <= ht) return M_PI * (2.0 * radius_m_ * h - h * h);
            const double r =
                (h - ht) * std::tan(half_angle_rad_) + radius_m_ * std::cos(half_angle_rad_);
            return M_PI * r * r;
        }
        case Kind::tabulated: {
            const auto it = std::upper_bound(table_h_.begin(), table_h_.end(), h);
            std::size_t i = static_cast<std::size_t>(it - table_h_.begin());
            i = std::clamp<std::size_t>(i, 1, table_h_.size() - 1);
            const double t = (h - table_h_[i - 1]) / (table_h_[i] - table_h_[i - 1]);
            return std::max(0.0, table_a_[i - 1] + t * (table_a_[i] - table_a_[i - 1]));
        }
    }
    return 0.0;
}

double AreaFunction::derivative_m(double h) const {
    if (!(h > 0.0)) return 0.0;
    if (kind_ == Kind::polynomial) {
        double d = 2.0 * c_[0] * h + c_[1];
        for (std::size_t i = 2; i < kAreaTerms; ++i) {
            const double e = area_term_exponent(i);
            if (c_[i] != 0.0) d += c_[i] * e * std::pow(h, e - 1.0);
        }
        return d;
    }
    const double step = std::max(h * 1e-6, 1e-15);
    return (area_m2(h + step) - area_m2(std::max(h - step, 0.0))) /
           (h + step - std::max(h - step, 0.0));
}

double AreaFunction::contact_depth_for_area_m(double area) const {
    if (!(area > 0.0)) return 0.0;
    // Bracket by doubling, then bisect-safeguarded Newton.
    double lo = 0.0, hi = 1e-9;
    while (area_m2(hi) < area) {
        lo = hi;
        hi *= 2.0;
        if (hi > 1e-3) {
            throw AnalysisError(fmt::format(
                "area function: area {} m² is not reached at contact depths below 1 mm", area));
        }
    }
    double h = 0.5 * (lo + hi);
    for (int it = 0; it < 200; ++it) {
        const double f = area_m2(h) - area;
        if (f > 0.0)
            hi = h;
        else
            lo = h;
        const double d = derivative_m(h);
        double next = d > 0.0 ? h - f / d : 0.5 * (lo + hi);
        if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
        if (std::abs(next - h) <= 1e-15 * std::max(h, 1e-12)) return next;
        h = next;
    }
    return h;
}

std::string AreaFunction::describe() const {
    switch (kind_) {
        case Kind::polynomial: {
            std::string s = "polynomial (nm units)";
            for (std::size_t i = 0; i < kAreaTerms; ++i) {
                if (c_[i] == 0.0) continue;
                const double nm = c_[i] / (std::pow(1e9, area_term_exponent(i)) * 1e-18);
                s += fmt::format(" C{}={:.8g}", i, nm);
            }
            return s;
        }
        case Kind::sphere:
            return fmt::format("sphere R={:.6g} µm", radius_m_ * 1e6);
        case Kind::sphere_cone:
            return fmt::format("sphere-cone R={:.6g} µm half-angle={:.6g}°", radius_m_ * 1e6,
                               half_angle_rad_ * 180.0 / M_PI);
        case Kind::tabulated:
            return fmt::format("tabulated ({} points)", table_h_.size());
    }
    return "";
}

}  // namespace vitrum::indent
