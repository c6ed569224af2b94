// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <algorithm>
#include <string>
#include <vector>
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

namespace {

using vitrum::test::testdata;

const std::vector<std::string> kIds = {"hysitron-hld",       "hysitron-results",  "hysitron-txt",
                                       "fischer-txt",        "femtotools-txt",    "hdf5-common",
                                       "micromaterials-zip", "micromaterials-txt"};

/// Ids of this family's readers that claim the file.
std::vector<std::string> claims(const std::string& path) {
    const std::string bytes = vitrum::text::read_file_bytes(path);
    const std::string head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 65536));
    std::vector<std::string> out;
    for (const std::string& id : kIds) {
        const vitrum::Reader* reader = vitrum::builtin_readers().find(id);
        REQUIRE(reader != nullptr);
        if (reader->sniff(head, path)) out.push_back(id);
    }
    return out;
}

}  // namespace

TEST_CASE("indentation text readers are all registered as indentation readers") {
    for (const std::string& id : kIds) {
        const vitrum::Reader* reader = vitrum::builtin_readers().find(id);
        REQUIRE(reader != nullptr);
        CHECK(reader->technique() == vitrum::Technique::indentation);
        CHECK_FALSE(reader->description().empty());
    }
}

TEST_CASE("each indentation test file is claimed by exactly its own reader") {
    const std::vector<std::pair<std::string, std::string>> files = {
        {"indentation/micromechanics/Exp-50mN_0000.hld", "hysitron-hld"},
        {"indentation/micromechanics/RobinSteel0000LC.txt", "hysitron-txt"},
        {"indentation/merrypopins/grain10_6um_indent02_HL_QS_LC.txt", "hysitron-txt"},
        {"indentation/micromechanics/FS1.txt", "fischer-txt"},
        {"indentation/micromechanics/N1_1.hdf5", "hdf5-common"},
        {"indentation/micromechanics/multipleIndentations.zip", "micromaterials-zip"},
    };
    for (const auto& entry : files) {
        const auto& file = entry.first;
        const auto& id = entry.second;
        CAPTURE(file);
        CHECK(claims(testdata(file)) == std::vector<std::string>{id});
    }
}

TEST_CASE("indentation text readers claim none of the DSC and spreadsheet test files") {
    const std::vector<std::string> files = {
        "dsc/chem-spectra-app/dsc.zip",
        "dsc/dsc_data_analysis/B_1.txt",
        "dsc/pkynetics/sample_dsc_setaram.csv",
        "dsc/pkynetics/sample_dsc_setaram.txt",
        "dsc/pkynetics/sample_dsc_tainstruments.txt",
        "dsc/pkynetics/heat_capacity/sample.txt",
        "dsc/pkynetics/heat_capacity/sapphire.txt",
        "dsc/pkynetics/heat_capacity/zero.txt",
        "indentation/micromechanics/FS_XP.xls",
        "indentation/micromechanics/FQ.xls",
        "indentation/micromechanics/Popin.xls",
        "indentation/indentationGUI/FusedSilica.xlsx",
        "indentation/micromechanics/FS_XP_MethodInclCalibration.txt",
        "indentation/micromechanics/ISO.txt",
        "indentation/micromechanics/CSM.txt",
    };
    for (const std::string& file : files) {
        CAPTURE(file);
        CHECK(claims(testdata(file)).empty());
    }
}
