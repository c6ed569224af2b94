// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Times a full heating-scan analysis (segmentation + Tg + fictive T + Tx peaks) of a
// 20 000-point synthetic Cu50Zr50-like scan; prints one table row. Goal: median ≤ 1 ms.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>
#include <vitrum/core/allocator.hpp>
#include <vitrum/dsc/analysis.hpp>
#include <vitrum/dsc/segmentation.hpp>

namespace {

vitrum::dsc::Thermogram scan() {
    const double beta = 10.0 / 60.0;  // K/s
    vitrum::dsc::Thermogram t;
    t.per_mass = true;
    std::mt19937 rng(1);
    std::normal_distribution<double> noise(0.0, 0.02);
    const std::size_t n = 20000;
    for (std::size_t i = 0; i < n; ++i) {
        const double T = 500.0 + 350.0 * static_cast<double>(i) / (n - 1);
        const double ramp = std::clamp((T - 660.0) / 20.0, 0.0, 1.0);
        const double x1 = (T - 740.0) / 6.0, x2 = (T - 775.0) / 6.0;
        const double y = 0.01 * (T - 600.0) + 21.7 * ramp - 50.0 * std::exp(-0.5 * x1 * x1) -
                         20.0 * std::exp(-0.5 * x2 * x2);
        t.temperature_K.push_back(T);
        t.time_s.push_back((T - 500.0) / beta);
        t.heat_flow.push_back(y + noise(rng));
    }
    return t;
}

}  // namespace

int main() {
    vitrum::keep_freed_memory();  // as the CLI does: timings without page-fault churn
    const vitrum::dsc::Thermogram run = scan();
    const vitrum::dsc::HeatingAnalysisOptions options;
    std::vector<double> ms;
    std::size_t peaks = 0;
    for (int rep = 0; rep < 51; ++rep) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto segments = vitrum::dsc::segment_run(run);
        const auto k = vitrum::dsc::choose_heating_segment(segments);
        const auto result =
            vitrum::dsc::analyze_heating(run.slice(segments[k].begin, segments[k].end), options);
        const auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        peaks = result.crystallisation ? result.crystallisation->peaks.size() : 0;
    }
    std::nth_element(ms.begin(), ms.begin() + 25, ms.end());
    std::printf("%-28s %8s %12s %6s\n", "benchmark", "points", "median [ms]", "peaks");
    std::printf("%-28s %8d %12.3f %6zu\n", "dsc full heating analysis", 20000, ms[25], peaks);
    return 0;
}
