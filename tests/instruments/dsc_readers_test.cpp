// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <filesystem>
#include <sstream>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;

namespace {

const char* const kDscReaders[] = {"netzsch-ascii", "ta-universal",      "ta-trios",     "jcamp-dx",
                                   "setaram",       "perkinelmer-pyris", "mettler-stare"};

std::string head_of(const std::string& path) {
    const std::string bytes = text::read_file_bytes(path);
    return bytes.substr(0, std::size_t{1} << 16);
}

Dataset read_as(const std::string& format, const std::string& bytes, const std::string& name) {
    std::istringstream in(bytes);
    return builtin_readers().find(format)->read(in, name);
}

}  // namespace

TEST_CASE("every DSC reader is registered and describes itself for `vitrum formats`") {
    for (const char* id : kDscReaders) {
        const Reader* r = builtin_readers().find(id);
        REQUIRE_MESSAGE(r != nullptr, id);
        CHECK(r->technique() == Technique::dsc);
        CHECK_FALSE(r->description().empty());
        CHECK_FALSE(r->extensions().empty());
    }
    CHECK(builtin_readers().find("generic-csv") != nullptr);
    CHECK(builtin_readers().find("generic-csv-indent") != nullptr);
    // The generic readers accept any table, so they must come after every vendor reader.
    const auto& all = builtin_readers().readers();
    CHECK(all[all.size() - 2]->format_id() == "generic-csv");
    CHECK(all.back()->format_id() == "generic-csv-indent");
}

TEST_CASE("each real DSC file is detected as its format and claimed by no other DSC reader") {
    const std::pair<const char*, const char*> files[] = {
        {"dsc/dsc_data_analysis/B_1.txt", "netzsch-ascii"},
        {"dsc/pkynetics/sample_dsc_tainstruments.txt", "ta-universal"},
        {"dsc/pkynetics/sample_dsc_setaram.txt", "setaram"},
        {"dsc/pkynetics/sample_dsc_setaram.csv", "setaram"},
        {"dsc/pkynetics/heat_capacity/sample.txt", "setaram"},
        {"dsc/pkynetics/heat_capacity/sapphire.txt", "setaram"},
        {"dsc/pkynetics/heat_capacity/zero.txt", "setaram"},
        {"dsc/chem-spectra-app/dsc.zip", "jcamp-dx"},
    };
    for (const auto& entry : files) {
        const auto& file = entry.first;
        const auto& format = entry.second;
        const std::string path = vitrum::test::testdata(file);
        const std::string head = head_of(path);
        const Reader* found = builtin_readers().detect(head, path);
        REQUIRE_MESSAGE(found != nullptr, file);
        CHECK_MESSAGE(found->format_id() == format, file);
        for (const char* id : kDscReaders) {
            if (std::string(id) == format) continue;
            CHECK_MESSAGE(!builtin_readers().find(id)->sniff(head, path), id << " claims " << file);
        }
    }
}

TEST_CASE("no DSC reader claims the indentation test files") {
    const std::filesystem::path dir = vitrum::test::testdata("indentation");
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        const std::string path = entry.path().string();
        const std::string head = head_of(path);
        for (const char* id : kDscReaders) {
            CHECK_MESSAGE(!builtin_readers().find(id)->sniff(head, path), id << " claims " << path);
        }
        CHECK_MESSAGE(!builtin_readers().find("generic-csv")->sniff(head, path),
                      "generic-csv claims " << path);
    }
}

TEST_CASE("DSC readers refuse empty, binary and wrongly encoded input clearly") {
    for (const char* id : kDscReaders) {
        CHECK_THROWS_WITH_AS(read_as(id, "", "empty.txt"),
                             doctest::Contains("empty.txt: file is empty"), FormatError);
        CHECK_THROWS_WITH_AS(read_as(id, " \r\n\t\n", "blank.txt"),
                             doctest::Contains("blank.txt: file is empty"), FormatError);
    }
    const std::string garbage("#EXPORTTYPE:DATA SINGLE\n\x01\x00\x7F\xFF\x00\x13garbage", 32);
    CHECK_THROWS_WITH_AS(read_as("netzsch-ascii", garbage, "garbage.bin"),
                         doctest::Contains("garbage.bin:2: binary data"), FormatError);
    CHECK_THROWS_WITH_AS(
        read_as("ta-universal", std::string("CLOSED\n\0\0\x01\x02", 11), "bin.txt"),
        doctest::Contains("bin.txt:2: binary data"), FormatError);
    // A UTF-8 BOM promises UTF-8; a lone 0xB0 (a CP1252 degree sign) breaks that promise.
    const std::string wrong =
        "\xEF\xBB\xBF#EXPORTTYPE:DATA SINGLE\n#RANGE:140\xB0"
        "C/10.0(K/min)/50\xB0"
        "C\n";
    CHECK_THROWS_WITH_AS(read_as("netzsch-ascii", wrong, "wrong.txt"),
                         doctest::Contains("wrong.txt:2: byte 0xB0"), ParseError);
    // Random bytes are recognised by no reader at all.
    std::string noise;
    for (int i = 0; i < 4096; ++i) noise.push_back(static_cast<char>((i * 7919 + 13) % 256));
    CHECK(builtin_readers().detect(noise, "noise.bin") == nullptr);
}
