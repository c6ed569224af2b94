// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Throughput of the full quasi-static analysis (segmentation, power-law unloading fit,
// Oliver–Pharr) on a synthetic map of indents × 1000 points, on 1…N threads. Plain C++.
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <thread>
#include <vector>
#include <vitrum/core/channels.hpp>
#include <vitrum/indent/quasi_static.hpp>

namespace {

using namespace vitrum;
using namespace vitrum::indent;

// 400 loading, 100 hold, 400 unloading, 100 drift-hold points; H, E_r vary a little per indent.
Curve synthetic_indent(int index) {
    std::mt19937 rng(static_cast<unsigned>(index));
    std::normal_distribution<double> noise(0.0, 0.05e-9);
    const double hardness = 6e9 * (1.0 + 0.05 * std::sin(index * 0.37));
    const double er = 90e9 * (1.0 + 0.03 * std::cos(index * 0.21));
    const double pmax = 10e-3, m = 1.4;
    const double a = pmax / hardness;
    const double s = 2.0 * er * std::sqrt(a / M_PI);
    const double hmax = std::sqrt(a / 24.5) + 0.75 * pmax / s;
    const double hf = hmax - m * pmax / s;
    std::vector<double> t, h, p;
    auto push = [&](double hh, double pp) {
        t.push_back(0.1 * static_cast<double>(t.size()));
        h.push_back(hh + noise(rng));
        p.push_back(pp);
    };
    for (int i = 0; i < 400; ++i) {
        const double load = pmax * i / 400.0;
        push(hmax * std::sqrt(load / pmax), load);
    }
    for (int i = 0; i < 100; ++i) push(hmax, pmax);
    for (int i = 0; i < 400; ++i) {
        const double load = pmax * (1.0 - 0.9 * i / 399.0);
        push(hf + (hmax - hf) * std::pow(load / pmax, 1.0 / m), load);
    }
    for (int i = 0; i < 100; ++i) push(hf + (hmax - hf) * std::pow(0.1, 1.0 / m), 0.1 * pmax);
    Curve c;
    c.name = "indent " + std::to_string(index);
    c.data.add_column({channel::time, "s", "", "", t});
    c.data.add_column({channel::depth, "m", "", "", h});
    c.data.add_column({channel::load, "N", "", "", p});
    return c;
}

double run(const std::vector<Curve>& curves, unsigned threads, std::size_t& usable) {
    const AreaFunction area = AreaFunction::berkovich();
    const IndentOptions options;
    std::atomic<std::size_t> next{0}, ok{0};
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (unsigned k = 0; k < threads; ++k) {
        pool.emplace_back([&] {
            for (std::size_t i = next++; i < curves.size(); i = next++) {
                const IndentResult r = analyse_quasi_static(curves[i], area, options);
                if (!r.cycles.empty() && r.cycles[0].usable) ++ok;
            }
        });
    }
    for (auto& th : pool) th.join();
    usable = ok;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 4000;
    std::vector<Curve> curves;
    for (int i = 0; i < n; ++i) curves.push_back(synthetic_indent(i));
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    std::printf(
        "vitrum indent analysis: %d synthetic indents x 1000 points (goal >= 20000 "
        "indents/s/core)\n",
        n);
    std::printf("%8s %12s %16s %18s %10s\n", "threads", "time [s]", "indents/s", "indents/s/thread",
                "usable");
    for (unsigned th = 1; th <= hw; th *= 2) {
        std::size_t usable = 0;
        const double sec = run(curves, th, usable);
        std::printf("%8u %12.3f %16.0f %18.0f %10zu\n", th, sec, n / sec, n / sec / th, usable);
    }
    return 0;
}
