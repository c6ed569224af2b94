// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>
#include <vitrum/core/series.hpp>
#include <vitrum/indent/segmentation.hpp>
#include <vitrum/indent/unloading_fit.hpp>

namespace vitrum::indent {

/// Limits of the per-cycle quality checks.
struct QualityOptions {
    double max_relative_residual = 0.01;  ///< fit RMS / P_max above this is flagged [1]
    double usual_min_exponent = 1.1;      ///< m below this is unusual (OP: 1.2–1.6) [1]
    double usual_max_exponent = 2.0;      ///< m above this is unusual (GUI bound 2) [1]
    std::size_t stuck_rows = 10;          ///< equal depths over this many loading rows: damaged
    /// Share of the loading with a stuck depth from which the cycle is refused [1].
    double stuck_refuse_fraction = 0.5;
};

/// Checks on one load–hold–unload cycle, the ones users ask tools for (offsets, odd unloading
/// curvature, displacement falling during the hold, damaged channels). Every number is absent
/// when it cannot be computed; `warnings` says in words what is flagged.
struct CycleQuality {
    std::optional<double> hold_drift_rate_m_per_s;  ///< dh/dt over the peak hold [m/s]
    /// Loads (fraction of P_max) where the unloading branch lies shallower than the loading
    /// branch: the branches cross (drift, a load offset or a slipping sample).
    std::vector<double> crossing_load_fractions;
    double relative_fit_residual = 0.0;  ///< RMS of the unloading fit / P_max [1]
    bool unusual_exponent = false;       ///< m outside [usual_min, usual_max]
    bool fit_at_bound = false;           ///< the unloading power law ended on a bound
    /// Contact-point uncertainty: depth between the contact row and the first row above 1 %
    /// of P_max [m] (how far the zero moves with the contact criterion).
    std::optional<double> surface_uncertainty_m;
    std::size_t stuck_depth_rows = 0;  ///< longest run of equal depths while loading [1]
    bool damaged = false;              ///< stuck depth over most of the loading: refused
    std::vector<std::string> warnings;
};

/// Runs the checks on `cycle` of the corrected series (depth, load, optional time).
CycleQuality check_cycle(const Series& corrected, const Cycle& cycle, const UnloadingFit& fit,
                         std::size_t surface_row, const QualityOptions& options = {});

}  // namespace vitrum::indent
