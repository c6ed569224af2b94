// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Tg from a DSC export and H, E from an indentation export, in two library calls each:
// read the file, then the technique's one entry point (the same the CLI and the report use).
//   tg_and_hardness DSC_FILE INDENT_FILE
#include <cstdio>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/file_analysis.hpp>
#include <vitrum/indent/file_analysis.hpp>
#include <vitrum/instruments/registry.hpp>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s DSC_FILE INDENT_FILE\n", argv[0]);
        return 2;
    }
    try {
        const vitrum::Dataset run = vitrum::builtin_readers().read_file(argv[1]);
        const vitrum::dsc::DscFileResult dsc = vitrum::dsc::analyse(run);
        for (const auto& scan : dsc.scans) {
            const auto& tg = scan.analysis.glass_transition;
            if (tg)
                std::printf("%s: Tg onset %.2f K, midpoint %.2f K\n", scan.curve_name.c_str(),
                            tg->onset_extrapolated_K, tg->midpoint_K);
            else
                std::printf("%s: no glass transition\n", scan.curve_name.c_str());
        }

        const vitrum::Dataset tests = vitrum::builtin_readers().read_file(argv[2]);
        vitrum::indent::IndentFileOptions options;
        options.sample_poisson_ratio = 0.36;  // Cu–Zr glasses
        const vitrum::indent::IndentFileResult indents = vitrum::indent::analyse(tests, options);
        for (const auto& a : indents.indents) {
            if (a.ok())
                std::printf("%s: H %.3f GPa, E %.2f GPa\n", a.test.c_str(),
                            a.headline->hardness_Pa * 1e-9, a.headline->modulus_Pa * 1e-9);
            else
                std::printf("%s: failed: %s\n", a.test.c_str(), a.error.c_str());
        }
        return indents.failed() == 0 ? 0 : 1;
    } catch (const vitrum::Error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}
