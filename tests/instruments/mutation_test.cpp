// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Mutation test over every real vendor file in share/testdata: truncations at ten points,
// byte flips, a wrong encoding, a swapped delimiter and an empty file. Each mutant must give
// either a Dataset or a vitrum::Error whose message names the file — never another exception,
// a crash, an abort, an infinite value, or a NaN from a reader that does not document NaN as
// its marker of a missing/invalid cell (see nan_marks_missing_cells).
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

namespace fs = std::filesystem;
using namespace vitrum;

namespace {

std::vector<fs::path> vendor_files() {
    std::vector<fs::path> files;
    for (const char* sub : {"dsc", "indentation"}) {
        const fs::path root = fs::path(VITRUM_TESTDATA_DIR) / sub;
        for (const auto& e : fs::recursive_directory_iterator(root)) {
            if (e.is_regular_file() && e.path().extension() != ".md") files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

struct Mutant {
    std::string what;
    std::string bytes;
};

std::vector<Mutant> mutants_of(const std::string& original, std::uint32_t seed) {
    std::vector<Mutant> out;
    out.push_back({"empty file", ""});
    for (int k = 0; k < 10; ++k) {
        // Ten cut points spread over the file, offset so they fall inside lines and records.
        const std::size_t at = original.size() * static_cast<std::size_t>(2 * k + 1) / 20 + 7;
        if (at < original.size())
            out.push_back({"truncated at byte " + std::to_string(at), original.substr(0, at)});
    }
    std::mt19937 rng(seed);
    for (int k = 0; k < 8 && !original.empty(); ++k) {
        std::string flipped = original;
        const std::size_t at =
            std::uniform_int_distribution<std::size_t>(0, original.size() - 1)(rng);
        flipped[at] = static_cast<char>(flipped[at] ^ static_cast<char>(1 + rng() % 255));
        out.push_back({"byte flipped at " + std::to_string(at), flipped});
    }
    // Wrong encoding: single-byte text presented as UTF-16LE (every byte widened), and UTF-16
    // text with its high bytes dropped.
    const std::string enc = text::detect_encoding(original.substr(0, 4096));
    std::string recoded;
    if (enc.rfind("UTF-16", 0) == 0) {
        for (std::size_t i = 0; i < original.size(); i += 2) recoded += original[i];
    } else {
        recoded = "\xFF\xFE";
        for (char c : original.substr(0, 1 << 20)) {
            recoded += c;
            recoded += '\0';
        }
    }
    out.push_back({"wrong encoding", recoded});
    std::string swapped = original;
    for (auto& c : swapped) {
        if (c == '\t' || c == ';')
            c = ',';
        else if (c == ',')
            c = ';';
    }
    out.push_back({"swapped delimiters", swapped});
    return out;
}

/// Readers whose contract makes NaN the marker of a missing or invalid cell; every other reader
/// must never return NaN (a damaged number is refused with its location instead).
bool nan_marks_missing_cells(const std::string& format_id) {
    static const std::vector<std::string> documented = {
        "generic-csv",         // empty fields → NaN, with a warning (dsc_common.hpp RawLayout)
        "generic-csv-indent",  // same parser
        "ta-trios",            // empty fields and channels absent from a step → NaN, warned
        "nanosuite-xls",       // empty cells and the DBL_MAX "no value" marker → NaN
        "kla-xlsx",            // (kla_nanosuite.hpp read_test_sheet)
        "hdf5-common",         // non-finite stored values → NaN, warned
    };
    return std::find(documented.begin(), documented.end(), format_id) != documented.end();
}

/// No infinite value ever; NaN only from readers that document it as a missing-cell marker.
void check_dataset(const Dataset& data, const std::string& what) {
    const bool nan_allowed = nan_marks_missing_cells(data.source.format_id);
    for (const auto& curve : data.curves) {
        for (const auto& column : curve.data.columns()) {
            for (double v : column.values) {
                if (std::isinf(v)) {
                    FAIL_CHECK(what << ": infinite value in column " << column.name);
                    return;
                }
                if (std::isnan(v) && !nan_allowed) {
                    FAIL_CHECK(what << ": silent NaN in column " << column.name << " from "
                                    << data.source.format_id);
                    return;
                }
            }
        }
    }
}

}  // namespace

TEST_CASE("every mutant of every real vendor file is read or refused with a vitrum error") {
    const auto files = vendor_files();
    REQUIRE(files.size() >= 15);
    const fs::path tmp =
        fs::temp_directory_path() / ("vitrum-mutation-" + std::to_string(::getpid()));
    fs::create_directories(tmp);
    std::size_t refused = 0, read = 0;
    std::uint32_t seed = 20261125;
    for (const auto& file : files) {
        const std::string original = text::read_file_bytes(file.string());
        for (const auto& mutant : mutants_of(original, seed++)) {
            const fs::path path = tmp / file.filename();
            {
                std::ofstream out(path, std::ios::binary);
                out.write(mutant.bytes.data(), static_cast<std::streamsize>(mutant.bytes.size()));
            }
            const std::string what = file.filename().string() + ", " + mutant.what;
            try {
                const Dataset data = builtin_readers().read_file(path.string());
                check_dataset(data, what);
                ++read;
            } catch (const vitrum::Error& e) {
                ++refused;
                const std::string message = e.what();
                CHECK_MESSAGE(message.find(path.filename().string()) != std::string::npos,
                              what << ": message does not name the file: " << message);
            } catch (const std::exception& e) {
                FAIL_CHECK(what << ": non-vitrum exception " << e.what());
            }
        }
    }
    fs::remove_all(tmp);
    MESSAGE("mutants read: " << read << ", refused: " << refused);
    CHECK(refused > 0);
}
