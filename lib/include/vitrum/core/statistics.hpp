// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <vector>

namespace vitrum {

/// Summary of one quantity over indents (or cycles) of a sample [unit of the values].
struct SampleStatistics {
    std::size_t n = 0;    ///< finite values [1]
    double mean = 0.0;    ///< arithmetic mean (NaN when n = 0)
    double sd = 0.0;      ///< sample standard deviation, n − 1 in the denominator (NaN for n < 2)
    double median = 0.0;  ///< median (NaN when n = 0)
    double mad = 0.0;     ///< median absolute deviation (unscaled)
    /// Per input value: |x − median| > k·1.4826·MAD (Iglewicz–Hoaglin modified z-score);
    /// false for NaN inputs and when MAD = 0.
    std::vector<bool> outlier;
    std::size_t outliers = 0;  ///< number of flagged values [1]
};

/// Mean, sd, median, MAD and robust outlier flags; NaN values are skipped (not flagged).
/// @param outlier_threshold k in robust σ units (3.5 is the usual modified z-score limit)
SampleStatistics describe(const std::vector<double>& values, double outlier_threshold = 3.5);

}  // namespace vitrum
