// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <vitrum/core/error.hpp>
#include <vitrum/report/atomic_file.hpp>
#include <vitrum/report/output_folder.hpp>

#include "check.hpp"

namespace fs = std::filesystem;
using vitrum::report::OutputFolderLock;
using vitrum::report::read_whole_file;

namespace {

fs::path fresh_parent(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("vitrum-outfolder-" + name + "-" + std::to_string(::getpid()) +
                                     "-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    return dir;
}

std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("a second lock on the same output folder refuses and names the holder") {
    const fs::path parent = fresh_parent("lock");
    const std::string out = (parent / "out").string();
    const std::string holder = "(process " + std::to_string(::getpid());
    {
        const OutputFolderLock first(out);
        CHECK(fs::exists(parent / ".out.lock"));
        // flock(2) locks belong to the open file, so a second lock in this process conflicts
        // just as one from another process does.
        CHECK_THROWS_WITH_AS(OutputFolderLock{out + "/"},
                             doctest::Contains("another vitrum report is being written into"),
                             vitrum::IoError);
        CHECK_THROWS_WITH_AS(OutputFolderLock{out}, doctest::Contains(holder.c_str()),
                             vitrum::IoError);
    }
    // Released: the lock file is gone and the folder can be locked again.
    CHECK(listing(parent).empty());
    CHECK_NOTHROW(OutputFolderLock{out});
    fs::remove_all(parent);
}

TEST_CASE("a lock file and temporary folders left by a killed run are taken over and removed") {
    const fs::path parent = fresh_parent("stale");
    std::ofstream(parent / ".out.lock") << "999999\n";  // no process holds it
    fs::create_directories(parent / ".out.vitrum-tmp-999999-0badf00d");
    std::ofstream(parent / ".out.vitrum-tmp-999999-0badf00d" / "summary.csv") << "half";
    fs::create_directories(parent / ".other.vitrum-tmp-1-2");  // another folder's: kept
    {
        const OutputFolderLock lock((parent / "out").string());
        CHECK(listing(parent) == std::vector<std::string>{".other.vitrum-tmp-1-2", ".out.lock"});
    }
    CHECK(listing(parent) == std::vector<std::string>{".other.vitrum-tmp-1-2"});
    fs::remove_all(parent);
}

TEST_CASE("commit replaces the whole folder and leaves nothing beside it") {
    const fs::path parent = fresh_parent("commit");
    const fs::path out = parent / "out";
    const OutputFolderLock lock(out.string());
    for (const std::string version : {"first", "second"}) {
        const std::string temp = lock.make_temporary_folder();
        CHECK(fs::path(temp).parent_path() == parent);
        std::ofstream(fs::path(temp) / "index.html") << version;
        if (version == "first") std::ofstream(fs::path(temp) / "old.svg") << "x";
        lock.commit(temp);
        CHECK(read_whole_file((out / "index.html").string()) == version);
        CHECK(listing(parent) == std::vector<std::string>{".out.lock", "out"});
    }
    CHECK_FALSE(fs::exists(out / "old.svg"));  // no file of the previous report survives
    fs::remove_all(parent);
}

TEST_CASE("a folder holding files a report does not write is not replaced") {
    const fs::path parent = fresh_parent("foreign");
    const fs::path out = parent / "out";
    CHECK_NOTHROW(vitrum::report::check_replaceable_report_folder(out.string()));
    fs::create_directories(out);
    std::ofstream(out / "index.html") << "old";
    std::ofstream(out / "dsc_curves_01.png") << "old";
    CHECK_NOTHROW(vitrum::report::check_replaceable_report_folder(out.string()));
    std::ofstream(out / "notes.txt") << "mine";
    CHECK_THROWS_WITH_AS(vitrum::report::check_replaceable_report_folder(out.string()),
                         doctest::Contains("holds 'notes.txt', which a report does not write"),
                         vitrum::IoError);
    std::ofstream(parent / "file") << "x";
    CHECK_THROWS_WITH_AS(
        vitrum::report::check_replaceable_report_folder((parent / "file").string()),
        doctest::Contains("exists and is not a folder"), vitrum::IoError);
    fs::remove_all(parent);
}
