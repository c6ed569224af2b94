// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Fischer WIN-HCU vendor results of FS1.txt (MIT, micromechanics/micromechanics, in
// share/testdata/indentation/micromechanics; PROVENANCE.md item 7) against vitrum's ISO 14577-1
// evaluation under the `fischer` convention.
//
// What was established (see also lib/src/indent/vendor_convention.cpp):
// - The three printed results HIT, EIT/(1−νs²) and h_r of every indent are mutually consistent
//   with A_p = 24.50 h_c² (Vickers), h_c = h_max' − ε(h_max' − h_r), h_max' − h_r = F_max/S,
//   E_r = √π S/(2√A_p) and EIT/(1−νs²) = 1/(1/E_r − (1 − 0.07²)/1140 GPa) (first test). With a
//   rigid tip instead, h_r comes out 0.009 µm off — 18× the printed rounding.
// - The vendor's internal h_max' is 0.091–0.093 µm deeper than the printed h_max (= the depth at
//   F_max in the F h t rows), and its S is 1.3–1.6 % stiffer than a power-law fit of the rows in
//   the stated window: the file says "Indenter shape correction: Hardness", a tip-rounding
//   calibration of the instrument that the export does not contain. So vitrum's HIT from the raw
//   rows is 16.5–18 % above the vendor's and EIT/(1−νs²) 7–8 % above; the second test pins these
//   measured discrepancies so that a change in them is noticed.
#include <cmath>
#include <string>
#include <vitrum/core/channels.hpp>
#include <vitrum/indent/oliver_pharr.hpp>
#include <vitrum/indent/quasi_static.hpp>
#include <vitrum/indent/vendor_convention.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;
using namespace vitrum::indent;

namespace {

const std::string kFile = "indentation/micromechanics/FS1.txt";

double prop(const Curve& c, const char* key) { return c.properties.at(key).value; }

/// EIT/(1−νs²): the sample's plane-strain modulus from E_r (ISO 14577-1 with ν_s left out) [Pa].
double plane_strain_modulus_Pa(double reduced_modulus_Pa, const OliverPharrOptions& o) {
    const double nui = o.tip_poisson_ratio;
    return 1.0 / (1.0 / reduced_modulus_Pa - (1.0 - nui * nui) / o.tip_modulus_Pa);
}

double max_of(const std::vector<double>& v) {
    double m = -HUGE_VAL;
    for (double x : v) m = std::max(m, x);
    return m;
}

}  // namespace

TEST_CASE(
    "FS1.txt: vendor HIT, EIT/(1-vs^2) and hr agree with ISO 14577-1 under the fischer "
    "convention") {
    const Dataset data = builtin_readers().read_file(test::testdata(kFile));
    REQUIRE(data.curves.size() == 10);
    const VendorConventionPreset fischer = vendor_convention(VendorConvention::fischer);
    const OliverPharrOptions& o = fischer.options.oliver_pharr;
    const double epsilon = prop(data.curves.front(), "epsilon");  // "Epsilon = 0.750"
    // F of the "HM 0.299995/ 117.0/ 0.0= 3928.6" lines [N], indents 1–10.
    const double hm_force[10] = {0.299995, 0.299994, 0.299994, 0.299993, 0.299992,
                                 0.299994, 0.299992, 0.299991, 0.299993, 0.299992};
    for (std::size_t k = 0; k < data.curves.size(); ++k) {
        const Curve& c = data.curves[k];
        CAPTURE(c.name);
        // F_max: the largest F of the rows (e.g. 299.995 mN) is the HM line's force to all
        // printed digits (parsing both decimal texts: 1e-12).
        const double f_max = max_of(c.data.values(channel::load));
        CHECK_REL(f_max, hm_force[k], 1e-12);
        const double hit = prop(c, "vendor_HIT");       // [N/mm²], 1 decimal: ≤ 1e-5 relative
        const double h_r = prop(c, "vendor_hr");        // [µm], 3 decimals: ± 0.5 nm
        const double eit = prop(c, "vendor_EIT_star");  // [GPa], 1 decimal: ≤ 6.5e-4 relative
        // A_p from HIT, then h_c on the Vickers preset; S from h_c − h_r = (1 − ε)·F/S.
        const double area = f_max / hit;
        const double h_c = fischer.ideal_tip.contact_depth_for_area_m(area);
        const double stiffness = (1.0 - epsilon) * f_max / (h_c - h_r);
        const double h_max_internal = h_r + f_max / stiffness;
        const OliverPharrPoint r =
            oliver_pharr_point(f_max, h_max_internal, stiffness, fischer.ideal_tip, o);
        CHECK_REL(r.contact_depth_m, h_c, 1e-9);
        CHECK_REL(r.hardness_Pa, hit, 1e-9);
        // Rounding bound: h_r's ±0.5 nm over h_c − h_r ≈ 144 nm moves S, hence E_r, by 0.35 %
        // (× EIT/E_r ≈ 1.07 → 0.375 %), plus EIT's own 0.065 %: 0.44 %. Measured: +0.15 … +0.46 %,
        // all ten positive (mean +0.30 %), so a small systematic excess remains that the printed
        // digits cannot resolve; 6e-3 still refuses a rigid tip (7 %) or ε = 0.72 (+13 %).
        CHECK_REL(plane_strain_modulus_Pa(r.reduced_modulus_Pa, o), eit, 6e-3);
        // A rigid tip (E_i → ∞) instead of 1140 GPa / 0.07 would be 7–8 % off.
        CHECK_FALSE(test::close(r.reduced_modulus_Pa, eit, 0.05));
    }
}

TEST_CASE("FS1.txt: vitrum's unload fit of the rows against the vendor results (measured gaps)") {
    const Dataset data = builtin_readers().read_file(test::testdata(kFile));
    REQUIRE(data.curves.size() == 10);
    const VendorConventionPreset fischer = vendor_convention(VendorConvention::fischer);
    const OliverPharrOptions& o = fischer.options.oliver_pharr;
    for (const Curve& c : data.curves) {
        CAPTURE(c.name);
        IndentOptions options = fischer.options;
        // The file's window "20.95% - 95.33% Fmax", widened by half its last printed digit.
        options.unloading.lower_fraction = prop(c, "vendor_fit_lower_fraction") - 5e-5;
        options.unloading.upper_fraction = prop(c, "vendor_fit_upper_fraction") + 5e-5;
        const IndentResult r = analyse_quasi_static(c, fischer.ideal_tip, options);
        // "F = ESP n 300.000mN/120s/37s", "R = 10% 8 Cycles": eight load–unload cycles to 7.4,
        // 23, 47, 81, 122, 173, 232 and 300 mN; WIN-HCU reports the last (its unload is the
        // "2.2" s of "HIT 0.300 / 120.0 / 0.0 / 2.2"). find_cycles currently misses the first,
        // shallow one (7.4 mN, 2.5 % of F_max) and finds the other seven.
        REQUIRE(r.cycles.size() >= 7);
        const CycleResult& last = r.cycles.back();
        REQUIRE(last.usable);
        // F_max and h_max: the vendor's are those of the first row at F_max (t = 117.0 s, the
        // "117.0" of "HM 0.299995/ 117.0/ 0.0"); h there equals the printed hmax to its 3
        // decimals (± 0.5 nm). vitrum's unload starts at the last row at F_max (t = 117.1 s):
        // the same F (indent 5: 1 µN less, 3.3e-6) and 2.8–3.2 nm more depth (creep).
        const auto& time = c.data.values(channel::time);
        const auto& depth = c.data.values(channel::depth);
        std::size_t at_hm = 0;
        while (at_hm < time.size() && !test::close(time[at_hm], 117.0, 1e-12)) ++at_hm;
        REQUIRE(at_hm < time.size());
        CHECK_ABS(depth[at_hm], prop(c, "vendor_max_depth"), 0.5e-9);
        CHECK_REL(last.fit.max_load_N, c.data.values(channel::load)[at_hm], 5e-6);
        const double extra_depth = last.fit.max_depth_m - prop(c, "vendor_max_depth");
        CHECK(extra_depth > 2.3e-9);
        CHECK(extra_depth < 3.7e-9);
        CHECK(last.fit.points == 23);  // the 23 rows from 95.33 % down to 20.95 % of F_max

        // The vendor's S, from its HIT, EIT/(1−νs²) and ISO 14577-1 (first test).
        const double f_max = last.fit.max_load_N;
        const double area_vendor = f_max / prop(c, "vendor_HIT");
        const double eit = prop(c, "vendor_EIT_star");
        const double er_vendor =
            1.0 /
            (1.0 / eit + (1.0 - o.tip_poisson_ratio * o.tip_poisson_ratio) / o.tip_modulus_Pa);
        const double s_vendor = er_vendor * 2.0 * std::sqrt(area_vendor) / std::sqrt(M_PI);
        // Measured: ours is 1.26–1.45 % below on all ten indents; the vendor value carries EIT's
        // 6.5e-4 rounding, so the band 0.986 ± 0.003 (documented gap, not agreement).
        const double s_ratio = last.fit.stiffness_N_per_m / s_vendor;
        CAPTURE(s_ratio);
        CHECK(std::fabs(s_ratio - 0.986) <= 3e-3);
        // Without the vendor's indenter shape correction our A_p is 14–15 % smaller, so HIT is
        // 16.5–18.1 % higher (measured), and EIT/(1−νs²) 6.9–7.9 % higher.
        const double hit_ratio = last.result.hardness_Pa / prop(c, "vendor_HIT");
        const double eit_ratio = plane_strain_modulus_Pa(last.result.reduced_modulus_Pa, o) / eit;
        CAPTURE(hit_ratio);
        CAPTURE(eit_ratio);
        CHECK(hit_ratio > 1.16);
        CHECK(hit_ratio < 1.20);
        CHECK(eit_ratio > 1.06);
        CHECK(eit_ratio < 1.09);
    }
}
