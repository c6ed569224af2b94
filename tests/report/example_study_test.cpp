// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>
#include <vitrum/core/error.hpp>
#include <vitrum/report/atomic_file.hpp>
#include <vitrum/report/example_study.hpp>

#include "check.hpp"

namespace fs = std::filesystem;
using namespace vitrum::report;

TEST_CASE("the generator reproduces share/examples/cu50zr50 byte for byte") {
    const fs::path dir =
        fs::temp_directory_path() / ("vitrum-example-" + std::to_string(std::random_device{}()));
    const std::vector<std::string> written = write_example_study(dir.string());
    // 7 DSC runs, 70 indents, 4 runs of the heating-rate series, manifest, README
    CHECK(written.size() == 7 * 11 + 4 + 2);
    const std::string committed = vitrum::test::share("examples/cu50zr50");
    for (const std::string& rel : written) {
        CAPTURE(rel);
        REQUIRE(fs::exists(fs::path(committed) / rel));
        CHECK(read_whole_file((dir / rel).string()) ==
              read_whole_file((fs::path(committed) / rel).string()));
    }
    fs::remove_all(dir);
}

TEST_CASE("the per-indent targets have exactly the stated mean and sample standard deviation") {
    const ExampleSettings cfg;
    for (const ExampleSample& s : example_samples()) {
        const IndentTargets t = example_indent_targets(s, cfg);
        REQUIRE(t.hardness_Pa.size() == 10);
        const double n = 10.0;
        const double mean = std::accumulate(t.hardness_Pa.begin(), t.hardness_Pa.end(), 0.0) / n;
        double ss = 0.0;
        for (double v : t.hardness_Pa) ss += (v - mean) * (v - mean);
        // Exact by construction (rescaled draws): only rounding remains.
        CHECK_REL(mean, s.hardness_Pa, 1e-12);
        CHECK_REL(std::sqrt(ss / (n - 1.0)), s.hardness_sd_Pa, 1e-10);
    }
}

TEST_CASE("the example follows the seed paper's Fig. 1 numbers") {
    const std::vector<ExampleSample> samples = example_samples();
    REQUIRE(samples.size() == 7);
    // Seed paper: ribbon Tg = 654 K; RT film +23 K; 556 K (0.85 Tg) film +46 K, Tx 737 K,
    // H 7.997 ± 0.259 GPa, E 135.405 ± 3.412 GPa; ribbon H 7.2 ± 0.244 GPa (rounded here).
    CHECK_ABS(samples[0].tg_onset_K, 654.0, 1e-9);
    CHECK_ABS(samples[1].tg_onset_K - samples[0].tg_onset_K, 23.0, 1e-9);
    CHECK_ABS(samples[5].tg_onset_K - samples[0].tg_onset_K, 46.0, 1e-9);
    CHECK_ABS(samples[5].tx_onset_K, 737.0, 1e-9);
    CHECK_REL(samples[5].hardness_Pa, 7.997e9, 1e-3);
    CHECK_REL(samples[5].modulus_Pa, 135.405e9, 2e-3);
    CHECK_REL(samples[0].hardness_Pa, 7.2e9, 1e-9);
    // Tg falls again beyond 0.85 Tg_ref.
    CHECK(samples[6].tg_onset_K < samples[5].tg_onset_K);
}

TEST_CASE("a synthetic indent file starts with the TriboScan header and its point count") {
    const ExampleSettings cfg;
    const std::string text = example_indent_file(example_samples()[0], 0, cfg);
    CHECK(text.find("\n\nNumber of Points = 481\nDepth (nm)\tLoad (\xB5N)\tTime (s)\n") !=
          std::string::npos);
    CHECK_THROWS_WITH_AS(example_indent_file(example_samples()[0], 10, cfg),
                         doctest::Contains("index must be in [0, 9]"), vitrum::InvalidArgument);
}
