// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;

TEST_CASE(
    "every file in ../shared/dsc-files is detected as its format and claimed by no other DSC "
    "reader") {
    const std::pair<const char*, const char*> files[] = {
        {"dsc-files/Glassize/37_Vac_and_Des_Day7_8_20_18.txt", "ta-universal"},
        {"dsc-files/PolyKineticAnalyzer/PBS_10Kmin.txt", "netzsch-ascii"},
        {"dsc-files/PolyKineticAnalyzer/PEG_10Kmin.txt", "netzsch-ascii"},
        {"dsc-files/dsc_data_analysis/B_1.txt", "netzsch-ascii"},
        {"dsc-files/chem-spectra-app/dsc.zip", "jcamp-dx"},
        {"dsc-files/pkynetics/sample_dsc_tainstruments.txt", "ta-universal"},
        {"dsc-files/pkynetics/sample_dsc_setaram.txt", "setaram"},
        {"dsc-files/pkynetics/sample_dsc_setaram.csv", "setaram"},
        {"dsc-files/pkynetics/heat_capacity/sample.txt", "setaram"},
        {"dsc-files/yargerlab/2025_02_10_Indium_Std_DSC.txt", "ta-trios"},
    };
    const char* const dsc_readers[] = {"netzsch-ascii", "ta-universal", "ta-trios",
                                       "jcamp-dx",      "setaram",      "perkinelmer-pyris",
                                       "mettler-stare", "generic-csv"};
    for (const auto& entry : files) {
        const auto& file = entry.first;
        const auto& format = entry.second;
        const std::string path = vitrum::test::shared(file);
        const std::string bytes = text::read_file_bytes(path);
        const std::string_view head(bytes.data(), std::min<std::size_t>(bytes.size(), 1 << 16));
        const Reader* found = builtin_readers().detect(head, path);
        REQUIRE_MESSAGE(found != nullptr, file);
        CHECK_MESSAGE(found->format_id() == format, file);
        for (const char* id : dsc_readers) {
            if (std::string(id) == format || std::string(id) == "generic-csv") continue;
            CHECK_MESSAGE(!builtin_readers().find(id)->sniff(head, path), id << " claims " << file);
        }
    }
}
