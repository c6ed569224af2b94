// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Parse throughput of every reader on the real vendor files (share/testdata and ../shared):
// bytes read per second of wall time, one core, file already in the page cache.
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <vitrum/core/allocator.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "bench_util.hpp"

namespace fs = std::filesystem;

int main() {
    vitrum::keep_freed_memory();  // as the CLI does: timings without page-fault churn
    const auto& registry = vitrum::builtin_readers();
    struct Totals {
        double bytes = 0.0;
        double seconds = 0.0;
        int files = 0;
    };
    std::map<std::string, Totals> per_format;
    for (const char* root : {VITRUM_TESTDATA_DIR, VITRUM_SHARED_DIR}) {
        if (!fs::exists(root)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (!entry.is_regular_file() || entry.path().extension() == ".md") continue;
            const std::string path = entry.path().string();
            try {
                const vitrum::Dataset probe = registry.read_file(path);
                const double size = static_cast<double>(entry.file_size());
                const int repeats = size > 1e6 ? 5 : 20;
                const double t = vitrum::bench::median_seconds(
                    [&] { (void)registry.read_file(path, probe.source.format_id); }, repeats);
                auto& totals = per_format[probe.source.format_id];
                totals.bytes += size;
                totals.seconds += t;
                totals.files += 1;
            } catch (const vitrum::Error&) {
                // Refused files (the corrupted Setaram CSV, non-data files) are not timed.
            }
        }
    }
    for (const auto& [format, totals] : per_format) {
        vitrum::bench::row(fmt::format("read {} ({} files)", format, totals.files),
                           totals.bytes / totals.seconds / 1e6, "MB/s", ">= 300 MB/s (text)");
    }
    return 0;
}
