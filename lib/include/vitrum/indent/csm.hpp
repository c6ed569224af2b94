// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>
#include <vitrum/core/series.hpp>
#include <vitrum/indent/area_function.hpp>
#include <vitrum/indent/oliver_pharr.hpp>

namespace vitrum::indent {

/// Settings of the continuous-stiffness (CSM) evaluation.
struct CsmOptions {
    OliverPharrOptions oliver_pharr;
    /// K_f removed as 1/S = 1/S_meas − 1/K_f (NanoSuite "Harmonic Contact Stiffness"); infinite
    /// means the file's stiffness is already the contact stiffness [N/m].
    double frame_stiffness_N_per_m = std::numeric_limits<double>::infinity();
    double min_depth_m = 100e-9;  ///< averaging window start (NanoSuite default 100 nm) [m]
    double max_depth_m = 200e-9;  ///< averaging window end (NanoSuite default 200 nm) [m]
    bool loading_only = true;     ///< use rows up to the maximum load only (NanoSuite validity)
    /// Share of the window's points that may be missing (invalid rows, or gaps in depth wider
    /// than the window's median step) before a warning [1].
    double max_lost_fraction = 0.1;
    /// Relative difference between the recomputed contact area and the vendor's (from its
    /// contact-area or hardness channel) above which a warning is given [1] (0.1 %, issue 18).
    double max_vendor_area_deviation = 1e-3;

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// H and E versus depth from the harmonic stiffness, and their means over the depth window.
struct CsmResult {
    std::vector<std::size_t> rows;           ///< series rows evaluated
    std::vector<OliverPharrPoint> points;    ///< one per row (NaN where invalid)
    std::size_t window_points = 0;           ///< finite points inside the depth window [1]
    double mean_modulus_Pa = 0.0;            ///< mean E in the window [Pa] (NaN when empty)
    double sd_modulus_Pa = 0.0;              ///< sample standard deviation of E [Pa]
    double mean_hardness_Pa = 0.0;           ///< mean H in the window [Pa]
    double sd_hardness_Pa = 0.0;             ///< sample standard deviation of H [Pa]
    double mean_reduced_modulus_Pa = 0.0;    ///< mean E_r in the window [Pa]
    std::size_t window_points_lost = 0;      ///< invalid rows plus rows missing by depth gaps [1]
    std::size_t window_points_expected = 0;  ///< window_points + window_points_lost [1]
    /// Mean and largest |A − A_vendor|/A_vendor over the window, when the file carries the
    /// vendor's contact-area or hardness channel [1].
    std::optional<double> vendor_area_deviation_mean;
    std::optional<double> vendor_area_deviation_max;
    std::vector<std::string> warnings;  ///< points lost in the window, vendor-area deviation
};

/// Contact stiffness with the frame removed: 1/(1/S_meas − 1/K_f) [N/m]; NaN when S_meas ≥ K_f.
double contact_stiffness_N_per_m(double measured_N_per_m, double frame_stiffness_N_per_m);

/// Evaluates every row with depth > 0 (and, by default, before the maximum load) using the
/// `harmonic_stiffness` column: h_c, A, E_r, E, H, S²/P, then averages over
/// [min_depth_m, max_depth_m] of depth.
/// @throws InvalidArgument when `harmonic_stiffness`, `depth` or `load` is missing or options
///         are invalid.
CsmResult analyse_csm(const Series& data, const AreaFunction& area, const CsmOptions& options);

}  // namespace vitrum::indent
