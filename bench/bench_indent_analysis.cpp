// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Indentation analysis speed (issue #4): FQ.xls read + full quasi-static analysis (warm), and a
// synthetic map of quasi-static indents × 1000 points analysed on 1…N threads (batch mode),
// with the scaling and the peak memory. Usage: bench_indent_analysis [indents] [distinct curves]
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>
#include <vitrum/core/allocator.hpp>
#include <vitrum/core/channels.hpp>
#include <vitrum/indent/quasi_static.hpp>
#include <vitrum/instruments/registry.hpp>

#include "bench_util.hpp"

namespace {

using namespace vitrum;
using namespace vitrum::indent;

// 400 loading, 100 hold, 400 unloading, 100 drift-hold points; H, E_r vary a little per indent,
// 0.05 nm depth noise.
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

// CPU time of the calling thread [s]: on a machine shared with other jobs, indents per CPU
// second is the per-core speed that wall time cannot show.
double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// Batch mode: `threads` workers take the next indent from a shared counter until `indents`
// are done (indent i is curve i mod pool size). Returns the wall time [s]; `cpu_s` is the CPU
// time of all workers [s].
double analyse_map(const std::vector<Curve>& pool, std::size_t indents, unsigned threads,
                   std::size_t& usable, double& cpu_s) {
    const AreaFunction area = AreaFunction::berkovich();
    const IndentOptions options;
    std::atomic<std::size_t> next{0}, ok{0};
    std::atomic<long long> cpu_ns{0};
    const auto start = std::chrono::steady_clock::now();
    auto worker = [&] {
        const double cpu0 = thread_cpu_seconds();
        std::size_t mine = 0;
        for (std::size_t i = next++; i < indents; i = next++) {
            const IndentResult r = analyse_quasi_static(pool[i % pool.size()], area, options);
            if (!r.cycles.empty() && r.cycles[0].usable) ++mine;
        }
        ok += mine;
        cpu_ns += static_cast<long long>(1e9 * (thread_cpu_seconds() - cpu0));
    };
    std::vector<std::thread> workers;
    for (unsigned k = 1; k < threads; ++k) workers.emplace_back(worker);
    worker();
    for (auto& w : workers) w.join();
    usable = ok;
    cpu_s = 1e-9 * static_cast<double>(cpu_ns.load());
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// FQ.xls (NanoSuite, 10 tests × 5 cycles): analyse every test with the options of
// tests/indent/vendor_files_test.cpp; returns the usable cycles.
std::size_t analyse_fq(const Dataset& ds) {
    IndentOptions o;
    o.oliver_pharr.sample_poisson_ratio = 0.18;
    o.unloading.upper_fraction = 0.999;
    std::size_t usable = 0;
    for (const Curve& c : ds.curves) {
        const IndentResult r = analyse_quasi_static(c, AreaFunction::berkovich(), o);
        for (const CycleResult& cy : r.cycles) usable += cy.usable ? 1 : 0;
    }
    return usable;
}

}  // namespace

// The count in `text`, or nullopt when it is not a whole number ≥ 1.
std::optional<std::size_t> count_argument(const char* text) {
    char* end = nullptr;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (end == text || *end != '\0' || value == 0 || text[0] == '-') return std::nullopt;
    return static_cast<std::size_t>(value);
}

int main(int argc, char** argv) {
    vitrum::keep_freed_memory();  // as the CLI does: timings without page-fault churn
    std::size_t counts[2] = {100000, 1000};
    for (int i = 1; i < argc; ++i) {
        const auto value = i <= 2 ? count_argument(argv[i]) : std::nullopt;
        if (!value) {
            std::fprintf(stderr,
                         "usage: bench_indent_analysis [indents (100000)] [distinct curves "
                         "(1000)]\n  FQ.xls read + analysis, then a synthetic map of quasi-static "
                         "indents x 1000 points on 1..N threads\n");
            return std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h" ? 0 : 2;
        }
        counts[i - 1] = *value;
    }
    const std::size_t indents = counts[0];
    const std::size_t distinct = std::max<std::size_t>(1, std::min(indents, counts[1]));
    int failures = 0;

    const std::string fq = std::string(VITRUM_TESTDATA_DIR) + "/indentation/micromechanics/FQ.xls";
    std::size_t fq_usable = 0;
    const double fq_s = vitrum::bench::median_seconds(
        [&] { fq_usable = analyse_fq(builtin_readers().read_file(fq)); }, 20);
    vitrum::bench::row(fmt::format("indent FQ.xls read + analysis, {} cycles (load {:.1f})",
                                   fq_usable, vitrum::bench::load_average()),
                       fq_s * 1e3, "ms", "<= 10 ms warm");
    const Dataset fq_data = builtin_readers().read_file(fq);
    const double fq_analysis_s =
        vitrum::bench::median_seconds([&] { fq_usable = analyse_fq(fq_data); }, 20);
    vitrum::bench::row(
        fmt::format("indent FQ.xls analysis only (load {:.1f})", vitrum::bench::load_average()),
        fq_analysis_s * 1e3, "ms", "part of the 10 ms");
    if (fq_usable != 50) ++failures;

    // A pool of distinct curves keeps memory small (24 kB each) while the map is analysed in full.
    std::vector<Curve> pool;
    pool.reserve(distinct);
    for (std::size_t i = 0; i < distinct; ++i)
        pool.push_back(synthetic_indent(static_cast<int>(i)));
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    std::size_t warm_usable = 0;
    double warm_cpu = 0.0;
    analyse_map(pool, std::min<std::size_t>(indents, 1000), cores, warm_usable,
                warm_cpu);  // warm-up

    double single_rate = 0.0;
    for (unsigned threads = 1; threads <= cores;
         threads = threads < cores ? std::min(2 * threads, cores) : cores + 1) {
        std::size_t usable = 0;
        double cpu_s = 0.0;
        const double s = analyse_map(pool, indents, threads, usable, cpu_s);
        const double rate = static_cast<double>(indents) / s;
        if (threads == 1) single_rate = rate;
        vitrum::bench::row(
            fmt::format("indent map {} x 1000 pts, {} thread{} (load {:.1f})", indents, threads,
                        threads == 1 ? "" : "s", vitrum::bench::load_average()),
            rate / threads, "/s/core", ">= 20000 /s/core");
        vitrum::bench::row(fmt::format("indent map, {} thread{}: per CPU second of the workers",
                                       threads, threads == 1 ? "" : "s"),
                           static_cast<double>(indents) / cpu_s, "/CPU s", ">= 20000 /s/core");
        if (threads > 1) {
            vitrum::bench::row(fmt::format("indent map scaling {} threads / 1 thread", threads),
                               rate / single_rate, "x", fmt::format("~ {} (cores)", threads));
        }
        if (usable != indents) {
            std::fprintf(stderr, "bench_indent_analysis: only %zu of %zu indents usable\n", usable,
                         indents);
            ++failures;
        }
    }
    return failures == 0 ? 0 : 1;
}
