// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <string>
#include <vector>

/// Tiny helpers shared by the bench programs: time a function, print one table row.
namespace vitrum::bench {

/// Median wall time of `repeats` calls of `work` after one warm-up call [s].
inline double median_seconds(const std::function<void()>& work, int repeats) {
    work();
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/// Peak resident memory of this process so far [MiB].
inline double peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

/// One-minute load average of the machine (getloadavg), NaN when unavailable [1]. Print it with
/// every timing: on a shared machine other jobs steal cores.
inline double load_average() {
    double load[1] = {0.0};
    return getloadavg(load, 1) == 1 ? load[0] : std::numeric_limits<double>::quiet_NaN();
}

/// One row of the benchmark table: "| what | value unit | goal | peak MiB |".
inline void row(const std::string& what, double value, const std::string& unit,
                const std::string& goal) {
    std::printf("| %-52s | %12.4g %-10s | %-18s | %8.1f |\n", what.c_str(), value, unit.c_str(),
                goal.c_str(), peak_rss_mib());
}

}  // namespace vitrum::bench
