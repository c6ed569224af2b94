// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <vector>
#include <vitrum/cnt/nucleation.hpp>

namespace vitrum::cnt {

/// Settings of a time–temperature–transformation (TTT) calculation.
struct TttOptions {
    double detectable_fraction =
        1e-6;                 ///< x, crystallized volume fraction that counts as "crystallized" [1]
    double min_K = 0.0;       ///< lowest temperature; 0 means 0.4 T_m [K]
    double max_K = 0.0;       ///< highest temperature; 0 means just below T_m [K]
    int points = 400;         ///< grid points before the nose is refined [1]
    double liquidus_K = 0.0;  ///< T_l for the critical cooling rate; 0 means T_m [K]

    /// @throws InvalidArgument naming the option and its allowed range.
    void validate() const;
};

/// One point of the TTT curve.
struct TttPoint {
    double temperature_K = 0.0;  ///< T [K]
    double time_s = 0.0;  ///< t(x) = [3x/(π I U³)]^{1/4} (Johnson–Mehl–Avrami, small x) [s]
};

/// The TTT curve, its nose and the critical cooling rate.
struct TttResult {
    std::vector<TttPoint> curve;      ///< points where I > 0 and U > 0, by increasing T
    bool has_nose = false;            ///< false when the minimum time lies on the range's edge
    double nose_temperature_K = 0.0;  ///< T_n, where t(x) is smallest [K]
    double nose_time_s = 0.0;         ///< t_n [s]
    double critical_cooling_rate_K_per_s = 0.0;  ///< R_c = (T_l − T_n)/t_n [K/s]
    double detectable_fraction = 0.0;            ///< x used [1]
};

/// Time to crystallize a fraction x at a single temperature [s]; +inf where I or U is 0.
double crystallization_time_s(const CntPoint& point, double detectable_fraction);

/// TTT curve of the model; the nose is refined by Brent minimisation of ln t(T) (Boost.Math).
/// @throws InvalidArgument when the model has no mobility or options are invalid;
///         AnalysisError when no temperature in the range gives a finite time.
TttResult ttt_curve(const CntModel& model, const TttOptions& options = {});

}  // namespace vitrum::cnt
