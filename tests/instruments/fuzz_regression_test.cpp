// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Inputs that once crashed a reader under libFuzzer (share/testdata/fuzz/<format>/…). Each must
// now be read or refused with a vitrum::Error — never crash.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

namespace fs = std::filesystem;

TEST_CASE("inputs that once crashed a reader under the fuzzer are now read or refused cleanly") {
    const fs::path root = fs::path(VITRUM_TESTDATA_DIR) / "fuzz";
    int checked = 0;
    for (const auto& format_dir : fs::directory_iterator(root)) {
        const vitrum::Reader* reader =
            vitrum::builtin_readers().find(format_dir.path().filename().string());
        REQUIRE_MESSAGE(reader != nullptr, format_dir.path().string());
        for (const auto& input : fs::directory_iterator(format_dir.path())) {
            std::ifstream in(input.path(), std::ios::binary);
            std::stringstream bytes;
            bytes << in.rdbuf();
            std::istringstream stream(bytes.str());
            try {
                (void)reader->read(stream, input.path().filename().string());
            } catch (const vitrum::Error& e) {
                CHECK(std::string(e.what()).find(input.path().filename().string()) !=
                      std::string::npos);
            }
            ++checked;
        }
    }
    CHECK(checked >= 1);
}
