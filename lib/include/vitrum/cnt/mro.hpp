// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <vector>
#include <vitrum/cnt/nucleation.hpp>

namespace vitrum::cnt {

/// A measured medium-range-order (MRO) domain size compared with the critical nucleus.
struct MroComparison {
    double mro_diameter_m = 0.0;              ///< d_MRO, the measured domain size [m]
    std::vector<double> crossing_K;           ///< temperatures where d*(T) = d_MRO, increasing [K]
    double min_critical_diameter_m = 0.0;     ///< smallest d* in the searched range [m]
    double min_critical_diameter_at_K = 0.0;  ///< where that minimum is [K]
    double search_min_K = 0.0;                ///< searched range, lower end [K]
    double search_max_K = 0.0;                ///< searched range, upper end [K]
};

/// d_MRO / d*(T) at one point [1]; 0 when the point does not nucleate (d* is unbounded).
double mro_ratio(const CntPoint& point, double mro_diameter_m);

/// Finds every temperature in [min_K, max_K] (max_K is capped just below T_m) where the critical
/// diameter equals d_MRO: a scan on `scan_points` temperatures brackets each sign change of
/// d*(T) − d_MRO, then Boost.Math TOMS 748 refines it to 1e-10 relative. d* need not be monotone
/// (Hoffman and Thompson–Spaepen ΔG give a minimum), so there may be 0, 1 or 2 crossings.
/// @throws InvalidArgument when d_MRO ≤ 0 or the range is empty.
MroComparison compare_with_mro(const CntModel& model, double mro_diameter_m, double min_K,
                               double max_K, int scan_points = 2000);

}  // namespace vitrum::cnt
