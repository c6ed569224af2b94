// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/core/statistics.hpp>

#include "check.hpp"

using namespace vitrum;

TEST_CASE("describe gives mean, sample sd, median, MAD and flags one outlier") {
    // FS_XP Results sheet E per test [GPa] (indentation.md §1.5b): mean 77.722 ± 1.663.
    const std::vector<double> e = {76.015, 76.259, 77.819, 78.765, 76.930,
                                   75.527, 79.959, 80.023, 78.205};
    const SampleStatistics s = describe(e);
    CHECK(s.n == 9);
    CHECK_ABS(s.mean, 77.722, 5e-4);  // published to 3 decimals
    CHECK_ABS(s.sd, 1.663, 5e-4);
    CHECK_ABS(s.median, 77.819, 1e-12);
    CHECK(s.outliers == 0);

    std::vector<double> with_bad = e;
    with_bad.push_back(40.0);
    with_bad.push_back(std::nan(""));
    const SampleStatistics b = describe(with_bad);
    CHECK(b.n == 10);
    CHECK(b.outliers == 1);
    CHECK(b.outlier[9]);
    CHECK_FALSE(b.outlier[10]);
}

TEST_CASE("describe of nothing is NaN and a bad threshold is named") {
    const SampleStatistics s = describe({std::nan("")});
    CHECK(s.n == 0);
    CHECK(std::isnan(s.mean));
    CHECK(std::isnan(describe({1.0}).sd));
    CHECK_THROWS_WITH_AS(describe({1.0}, 0.0), doctest::Contains("outlier_threshold"),
                         vitrum::InvalidArgument);
}
