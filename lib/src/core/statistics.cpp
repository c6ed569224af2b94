// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vitrum/core/error.hpp>
#include <vitrum/core/statistics.hpp>

namespace vitrum {

namespace {
double median_sorted(const std::vector<double>& v) {
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}
}  // namespace

SampleStatistics describe(const std::vector<double>& values, double outlier_threshold) {
    if (!(outlier_threshold > 0.0)) {
        throw InvalidArgument(
            fmt::format("describe: outlier_threshold = {} must be > 0", outlier_threshold));
    }
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    SampleStatistics s;
    s.outlier.assign(values.size(), false);
    std::vector<double> finite;
    for (double v : values) {
        if (std::isfinite(v)) finite.push_back(v);
    }
    s.n = finite.size();
    if (s.n == 0) {
        s.mean = s.sd = s.median = s.mad = kNaN;
        return s;
    }
    double sum = 0.0;
    for (double v : finite) sum += v;
    s.mean = sum / static_cast<double>(s.n);
    double ss = 0.0;
    for (double v : finite) ss += (v - s.mean) * (v - s.mean);
    s.sd = s.n > 1 ? std::sqrt(ss / static_cast<double>(s.n - 1)) : kNaN;
    std::sort(finite.begin(), finite.end());
    s.median = median_sorted(finite);
    for (double& v : finite) v = std::abs(v - s.median);
    std::sort(finite.begin(), finite.end());
    s.mad = median_sorted(finite);
    if (s.mad > 0.0) {
        const double limit = outlier_threshold * 1.4826 * s.mad;
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (std::isfinite(values[i]) && std::abs(values[i] - s.median) > limit) {
                s.outlier[i] = true;
                ++s.outliers;
            }
        }
    }
    return s;
}

}  // namespace vitrum
