// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// ReaderRegistry::read_file: detection on the first block, refusal of what is not a regular file.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

namespace fs = std::filesystem;
using namespace vitrum;

namespace {

// ctest runs cases as parallel processes with the same rand() sequence: pid + counter.
static int temp_dir_counter = 0;

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("vitrum-registry-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(++temp_dir_counter));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

}  // namespace

TEST_CASE("read_file refuses a named pipe instead of waiting for a writer") {
    const TempDir dir;
    const std::string fifo = (dir.path / "scan.txt").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_THROWS_WITH_AS(builtin_readers().read_file(fifo),
                         doctest::Contains("scan.txt: is a named pipe (FIFO), not a regular file"),
                         IoError);
    CHECK_THROWS_WITH_AS(builtin_readers().read_file(fifo, "generic-csv"),
                         doctest::Contains("is a named pipe (FIFO)"), IoError);
}

TEST_CASE("read_file refuses a directory") {
    const TempDir dir;
    CHECK_THROWS_WITH_AS(builtin_readers().read_file(dir.path.string()),
                         doctest::Contains("is a directory, not a file"), IoError);
}

TEST_CASE("an unrecognised file of 1 GiB is refused from its first block") {
    // Sparse: the file takes no disk space, and detection must read its first 64 KiB only.
    const TempDir dir;
    const fs::path path = dir.path / "unknown.bin";
    {
        std::ofstream out(path, std::ios::binary);
        for (int i = 0; i < 100; ++i) out << "not an instrument export\n";
    }
    fs::resize_file(path, std::uintmax_t{1} << 30);
    CHECK_THROWS_WITH_AS(builtin_readers().read_file(path.string()),
                         doctest::Contains("unknown.bin: no reader recognises this file"),
                         FormatError);
}

TEST_CASE("read_file reads a regular file through its mapping like a stream") {
    const TempDir dir;
    const fs::path path = dir.path / "table.csv";
    std::ofstream(path) << "Time (s),Temperature (°C),Heat Flow (mW)\n0,25,0.1\n1,26,0.2\n"
                           "2,27,0.3\n";
    const Dataset data = builtin_readers().read_file(path.string());
    CHECK(data.source.format_id == "generic-csv");
    REQUIRE(data.curves.size() == 1);
    CHECK(data.curves[0].data.rows() == 3);
    // 27 °C in K, exact by the definition of the kelvin offset.
    CHECK_ABS(data.curves[0].data.values("temperature")[2], 300.15, 1e-12);
}
