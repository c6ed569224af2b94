// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <limits>
#include <vitrum/core/error.hpp>
#include <vitrum/indent/oliver_pharr.hpp>

namespace vitrum::indent {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void require(bool ok, const char* name, double value, const char* range) {
    if (!ok) {
        throw InvalidArgument(fmt::format(
            "OliverPharrOptions.{} = {} is outside the allowed range {}", name, value, range));
    }
}
}  // namespace

void OliverPharrOptions::validate() const {
    require(epsilon > 0.0 && epsilon <= 1.0, "epsilon", epsilon, "(0, 1]");
    require(beta >= 0.5 && beta <= 2.0, "beta", beta, "[0.5, 2]");
    require(tip_modulus_Pa > 0.0 && std::isfinite(tip_modulus_Pa), "tip_modulus_Pa", tip_modulus_Pa,
            "(0, inf) Pa");
    require(tip_poisson_ratio > -1.0 && tip_poisson_ratio < 0.5, "tip_poisson_ratio",
            tip_poisson_ratio, "(-1, 0.5)");
    require(sample_poisson_ratio > -1.0 && sample_poisson_ratio < 0.5, "sample_poisson_ratio",
            sample_poisson_ratio, "(-1, 0.5)");
    require(pi >= 3.0 && pi <= 3.2, "pi", pi, "[3, 3.2]");
}

double reduced_modulus_from_modulus_Pa(double modulus_Pa, const OliverPharrOptions& o) {
    const double nu = o.sample_poisson_ratio, nui = o.tip_poisson_ratio;
    return 1.0 / ((1.0 - nu * nu) / modulus_Pa + (1.0 - nui * nui) / o.tip_modulus_Pa);
}

double modulus_from_reduced_Pa(double reduced_modulus_Pa, const OliverPharrOptions& o) {
    const double nu = o.sample_poisson_ratio, nui = o.tip_poisson_ratio;
    const double denom = 1.0 / reduced_modulus_Pa - (1.0 - nui * nui) / o.tip_modulus_Pa;
    return denom > 0.0 ? (1.0 - nu * nu) / denom : kNaN;
}

double area_from_stiffness_m2(double stiffness_N_per_m, double reduced_modulus_Pa,
                              const OliverPharrOptions& o) {
    const double q = stiffness_N_per_m / (o.beta * reduced_modulus_Pa);
    return 0.25 * o.pi * q * q;
}

OliverPharrPoint oliver_pharr_point(double load_N, double depth_m, double stiffness_N_per_m,
                                    const AreaFunction& area, const OliverPharrOptions& o) {
    o.validate();
    OliverPharrPoint r;
    r.load_N = load_N;
    r.depth_m = depth_m;
    r.stiffness_N_per_m = stiffness_N_per_m;
    const bool valid = std::isfinite(load_N) && std::isfinite(depth_m) &&
                       std::isfinite(stiffness_N_per_m) && load_N > 0.0 && stiffness_N_per_m > 0.0;
    if (!valid) {
        r.contact_depth_m = r.contact_area_m2 = r.reduced_modulus_Pa = r.modulus_Pa = kNaN;
        r.hardness_Pa = r.stiffness_squared_over_load_Pa = kNaN;
        return r;
    }
    r.contact_depth_m = depth_m - o.epsilon * load_N / stiffness_N_per_m;
    r.contact_area_m2 = area.area_m2(r.contact_depth_m);
    r.stiffness_squared_over_load_Pa = stiffness_N_per_m * stiffness_N_per_m / load_N;
    if (!(r.contact_area_m2 > 0.0)) {
        r.contact_area_m2 = r.reduced_modulus_Pa = r.modulus_Pa = r.hardness_Pa = kNaN;
        return r;
    }
    r.reduced_modulus_Pa =
        std::sqrt(o.pi) * stiffness_N_per_m / (2.0 * o.beta * std::sqrt(r.contact_area_m2));
    r.modulus_Pa = modulus_from_reduced_Pa(r.reduced_modulus_Pa, o);
    r.hardness_Pa = load_N / r.contact_area_m2;
    return r;
}

}  // namespace vitrum::indent
