// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// TriboScan XPM raw curve maptriplepoint_0001.txt against its row of the results table
// maptriplepoint_00000_LC_results.txt (HannahCarolyn/Premier_Nanoindentation, no licence:
// ../shared only; PROVENANCE.md items 10 and 11).
//
// What was established:
// - Row mapping: the table's rows are the files _0000, _0001, … in order. Its P_max is the load
//   of the first row of the unload segment (t = 10.0096 s in _0001: 5997.455920 µN, printed
//   identically); row 0's P_max (5997.491192 µN) occurs nowhere in _0001, row 1's does.
// - TriboScan evaluates S at the depth where the fit reaches P_max: heff = h_f + (P_max/A)^(1/m)
//   and S = m·P_max/(heff − h_f) (2e-7), then h_c = heff − 0.75 P/S, A from the .ara polynomial,
//   E_r with √3.14, H = P/A.
// - Our power-law fit of the exported rows does not reproduce the vendor's: over windows
//   0.2–0.6 → 0.95–1.0 P_max our S is 2.3–9.4 % higher. The vendor's curve lies up to 0.6 nm off
//   the exported depths (heff = 163.871 nm, deeper than any exported row: max 163.511 nm), with a
//   residual ~3× that of the least-squares optimum in any window, so the vendor fitted data that
//   differ from this text export (the .hys stream), not just another window. Drift is 0 in the
//   table. The measured gaps are pinned below so that a change is noticed.
#include <cmath>
#include <string>
#include <vitrum/core/channels.hpp>
#include <vitrum/indent/quasi_static.hpp>
#include <vitrum/indent/vendor_convention.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;
using namespace vitrum::indent;

namespace {

const std::string kDir = "indentation-files/Premier_Nanoindentation/";

const std::vector<double>& col(const Table& t, const std::string& name) {
    for (const auto& c : t.columns) {
        if (c.name == name) return c.values;
    }
    FAIL("column " << name << " missing");
    return t.columns.front().values;
}

/// The tip's area function from 120122precalanalysis.ara (PROVENANCE.md item 10), nm units.
AreaFunction ara_tip() {
    return AreaFunction::polynomial_nm({24.5, 108912.567827, -14165267.254842, 195611459.215297,
                                        -575906398.850506, 402336605.252534});
}

struct VendorRow {
    double hc, pmax, s, area, heff, er, hardness, prefactor, hf, m;
};

VendorRow vendor_row(const Table& t, std::size_t i) {
    const double m = col(t, "power_law_m")[i];
    // The prefactor "A" has no unit in the header: µN/nm^m, so A_SI = A·1e-6·(1e9)^m [N/m^m].
    const double prefactor_si = col(t, "power_law_A")[i] * 1e-6 * std::pow(1e9, m);
    return {col(t, "vendor_contact_depth")[i],   col(t, "vendor_max_load")[i],
            col(t, "vendor_stiffness")[i],       col(t, "vendor_contact_area")[i],
            col(t, "vendor_effective_depth")[i], col(t, "vendor_reduced_modulus")[i],
            col(t, "vendor_hardness")[i],        prefactor_si,
            col(t, "power_law_hf")[i],           m};
}

}  // namespace

TEST_CASE(
    "TriboScan results row 1 belongs to maptriplepoint_0001 and its numbers follow the triboscan "
    "convention") {
    const Dataset table =
        builtin_readers().read_file(test::shared(kDir + "maptriplepoint_00000_LC_results.txt"));
    const Dataset raw = builtin_readers().read_file(test::shared(kDir + "maptriplepoint_0001.txt"));
    REQUIRE(table.tables.size() == 1);
    REQUIRE(raw.curves.size() == 1);
    const auto& load = raw.curves[0].data.values(channel::load);
    const auto& time = raw.curves[0].data.values(channel::time);
    REQUIRE(load.size() == 3000);
    const VendorRow v0 = vendor_row(table.tables[0], 0);
    const VendorRow v = vendor_row(table.tables[0], 1);

    // Row 2001 of the data (0-based 2000, t = 10.009600 s, the end of the 10 s load + hold)
    // carries "5997.455920", the very number of the table's row 1 (both 6 decimals: 1e-12).
    CHECK_REL(time[2000], 10.0096, 1e-12);
    CHECK_REL(load[2000], v.pmax, 1e-12);
    std::size_t rows_with_row0_pmax = 0;
    for (double p : load) rows_with_row0_pmax += test::close(p, v0.pmax, 1e-9) ? 1 : 0;
    CHECK(rows_with_row0_pmax == 0);

    // The vendor's own fit: heff is where P = A(h − h_f)^m reaches P_max (A is printed with 4
    // significant digits: ±2e-4 → ±0.007 nm in h), and S = m·P_max/(heff − h_f) (7-digit m: 5e-7).
    const double h_star = v.hf + std::pow(v.pmax / v.prefactor, 1.0 / v.m);
    CHECK_ABS(h_star, v.heff, 0.007e-9);
    CHECK_REL(v.m * v.pmax / (v.heff - v.hf), v.s, 5e-7);

    // The same through vitrum: evaluate_cycle with the vendor's fit and the triboscan preset.
    const VendorConventionPreset tribo = vendor_convention(VendorConvention::triboscan);
    CycleResult cycle;
    cycle.fit.prefactor_B = v.prefactor;
    cycle.fit.final_depth_m = v.hf;
    cycle.fit.exponent_m = v.m;
    cycle.fit.max_load_N = v.pmax;
    cycle.fit.usable = true;
    // A's 4 digits limit h* and S to 2e-4/m relative of (h − h_f) ≈ 6e-5; pass the printed heff
    // through S instead: S(h*) = m·P/(h* − h_f) differs from the table by that much only.
    const OliverPharrPoint r = evaluate_cycle(cycle, ara_tip(), tribo);
    CHECK_REL(r.stiffness_N_per_m, v.s, 1e-4);
    // With the table's heff and S (9 digits), the rest of the row to 1e-6: the .ara polynomial
    // gives A to 2.5e-9 of the table, E_r uses √3.14.
    const OliverPharrPoint exact =
        oliver_pharr_point(v.pmax, v.heff, v.s, ara_tip(), tribo.options.oliver_pharr);
    CHECK_REL(exact.contact_depth_m, v.hc, 1e-7);
    CHECK_REL(exact.contact_area_m2, v.area, 1e-6);
    CHECK_REL(exact.reduced_modulus_Pa, v.er, 1e-6);
    CHECK_REL(exact.hardness_Pa, v.hardness, 1e-6);
}

TEST_CASE(
    "TriboScan maptriplepoint_0001: vitrum's fit of the exported rows against the vendor row "
    "(measured gaps)") {
    const Dataset table =
        builtin_readers().read_file(test::shared(kDir + "maptriplepoint_00000_LC_results.txt"));
    const Dataset raw = builtin_readers().read_file(test::shared(kDir + "maptriplepoint_0001.txt"));
    const VendorRow v = vendor_row(table.tables[0], 1);
    const VendorConventionPreset tribo = vendor_convention(VendorConvention::triboscan);
    const IndentResult res = analyse_quasi_static(raw.curves[0], ara_tip(), tribo.options);
    REQUIRE(res.cycles.size() == 1);
    const CycleResult& cy = res.cycles[0];
    REQUIRE(cy.usable);
    const OliverPharrPoint ours = evaluate_cycle(cy, ara_tip(), tribo);
    // P_max: our unload starts one row earlier (5999.443989 µN at t = 10.0046 s): 3.3e-4 above.
    CHECK_REL(ours.load_N, v.pmax, 5e-4);
    CHECK(ours.load_N >= v.pmax);
    // Measured with window 0.4–0.95: S +3.0 %, m 3.01 vs 3.156 (−4.5 %), h* 0.4 nm shallower,
    // h_c +0.3 %, H −0.4 %, E_r +3.0 %. Bands around these document the gap.
    const double s_ratio = ours.stiffness_N_per_m / v.s;
    const double m_ratio = cy.fit.exponent_m / v.m;
    CAPTURE(s_ratio);
    CAPTURE(m_ratio);
    CAPTURE(ours.depth_m);
    CAPTURE(ours.contact_depth_m);
    CHECK(std::fabs(s_ratio - 1.030) <= 0.01);
    CHECK(std::fabs(m_ratio - 0.955) <= 0.02);
    CHECK_ABS(ours.depth_m, v.heff, 1.0e-9);
    CHECK_REL(ours.contact_depth_m, v.hc, 5e-3);
    CHECK_REL(ours.hardness_Pa, v.hardness, 1e-2);
    CHECK_REL(ours.reduced_modulus_Pa, v.er, 3.5e-2);
    CHECK_FALSE(test::close(ours.stiffness_N_per_m, v.s, 0.02));  // the gap is real: > 2 %
}
