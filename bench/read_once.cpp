// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Reads the files named on the command line with the format detection of `vitrum` and nothing
// else, so that scripts/bench.sh can time reading as a whole process (wall time, peak memory)
// next to `vitrum dsc`/`vitrum indent`, which add the analysis.
// Usage: read_once [--repeat N] [--default-allocator] FILE...
// Prints the rows read and, with --repeat, the median MB/s of N more reads in the same process;
// --default-allocator skips vitrum::keep_freed_memory() (glibc returns freed memory at once).
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>
#include <vitrum/core/allocator.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "bench_util.hpp"

int main(int argc, char** argv) {
    int repeat = 0;
    bool default_allocator = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--default-allocator") {
            default_allocator = true;
        } else if (arg == "--repeat" && i + 1 < argc) {
            repeat = std::atoi(argv[++i]);
        } else {
            files.push_back(arg);
        }
    }
    // As the CLI does; --default-allocator measures what it saves.
    if (!default_allocator) vitrum::keep_freed_memory();
    try {
        for (const auto& path : files) {
            const vitrum::Dataset data = vitrum::builtin_readers().read_file(path);
            std::size_t rows = 0;
            for (const auto& curve : data.curves) rows += curve.data.rows();
            fmt::print("{}: {} rows ({})\n", path, rows, data.source.format_id);
            if (repeat > 0) {
                const double seconds = vitrum::bench::median_seconds(
                    [&] { (void)vitrum::builtin_readers().read_file(path); }, repeat);
                const double bytes = static_cast<double>(std::filesystem::file_size(path));
                fmt::print("{}: {:.0f} MB/s in process (median of {})\n", path,
                           bytes / seconds / 1e6, repeat);
            }
        }
    } catch (const vitrum::Error& e) {
        fmt::print(stderr, "read_once: {}\n", e.what());
        return 1;
    }
    return 0;
}
