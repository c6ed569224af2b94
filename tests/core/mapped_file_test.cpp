// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vitrum/core/error.hpp>
#include <vitrum/core/mapped_file.hpp>
#include <vitrum/core/text.hpp>

#include "check.hpp"

namespace fs = std::filesystem;
using namespace vitrum;

namespace {

// A fresh directory under the system's temporary folder, removed at the end of the test.
// ctest runs cases as parallel processes with the same rand() sequence: pid + counter.
static int temp_dir_counter = 0;

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("vitrum-mapped-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(++temp_dir_counter));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    std::string file(const std::string& name, const std::string& bytes) const {
        const fs::path p = path / name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p.string();
    }
};

}  // namespace

TEST_CASE("a mapped file gives the file's bytes and its head on request") {
    const TempDir dir;
    const std::string path = dir.file("a.txt", "line 1\nline 2\n");
    const text::MappedFile file(path, 1 << 20);
    CHECK(file.size() == 14);
    CHECK(file.bytes() == "line 1\nline 2\n");
    CHECK(text::MappedFile::read_head(path, 4, 1 << 20) == "line");
    CHECK(text::MappedFile::read_head(path, 1000, 1 << 20) == "line 1\nline 2\n");
    CHECK(text::MappedFile(dir.file("empty.txt", ""), 10).bytes().empty());
}

TEST_CASE("a named pipe is refused at once, never waited on") {
    const TempDir dir;
    const std::string fifo = (dir.path / "pipe").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // Nobody writes to the pipe: opening it for reading in the usual way would block forever.
    CHECK_THROWS_WITH_AS(text::MappedFile(fifo, 1 << 20),
                         doctest::Contains("pipe: is a named pipe (FIFO), not a regular file"),
                         IoError);
    CHECK_THROWS_WITH_AS(text::MappedFile::read_head(fifo, 16, 1 << 20),
                         doctest::Contains("is a named pipe (FIFO)"), IoError);
    CHECK_THROWS_WITH_AS(text::read_file_bytes(fifo), doctest::Contains("is a named pipe (FIFO)"),
                         IoError);
}

TEST_CASE("a directory, a device and a missing file are refused with their path") {
    const TempDir dir;
    CHECK_THROWS_WITH_AS(text::MappedFile(dir.path.string(), 1 << 20),
                         doctest::Contains("is a directory, not a file"), IoError);
    CHECK_THROWS_WITH_AS(text::MappedFile("/dev/null", 1 << 20),
                         doctest::Contains("/dev/null: is a character device"), IoError);
    CHECK_THROWS_WITH_AS(text::MappedFile((dir.path / "nope.txt").string(), 1 << 20),
                         doctest::Contains("nope.txt: cannot open: No such file"), IoError);
}

TEST_CASE("a file larger than the limit is refused before it is mapped") {
    const TempDir dir;
    const std::string path = dir.file("big.txt", std::string(100, 'x'));
    CHECK_THROWS_WITH_AS(text::MappedFile(path, 99),
                         doctest::Contains("big.txt: file is 100 bytes, more than the limit of 99"),
                         IoError);
}

TEST_CASE("release_pages leaves the text readable and ignores memory that is not a mapping") {
    const TempDir dir;
    std::string bytes;
    for (int i = 0; i < 100000; ++i) bytes += "12.5;13.25;-0.5\n";
    const std::string path = dir.file("rows.txt", bytes);
    const text::MappedFile file(path, std::size_t{1} << 30);
    text::release_pages(file.bytes());
    // Released pages come back from the page cache: the bytes are unchanged.
    CHECK(file.bytes() == bytes);
    std::string heap = bytes;
    text::release_pages(heap);  // not a mapping: must not touch it
    CHECK(heap == bytes);
}
