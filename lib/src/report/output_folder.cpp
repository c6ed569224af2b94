// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <vitrum/core/error.hpp>
#include <vitrum/report/output_folder.hpp>

namespace vitrum::report {
namespace {

namespace fs = std::filesystem;

// "out/", "./out" and "out" name the same folder; its parent holds the lock and the temporaries.
fs::path normalised(const std::string& folder) {
    fs::path p = fs::absolute(fs::path(folder)).lexically_normal();
    if (p.filename().empty()) p = p.parent_path();
    return p;
}

std::string temporary_prefix(const fs::path& folder) {
    return "." + folder.filename().string() + ".vitrum-tmp-";
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Removes what killed runs left beside the folder; only called under the lock, so nobody else
// can be writing these.
void remove_stale_temporaries(const fs::path& folder) {
    std::error_code ec;
    const std::string prefix = temporary_prefix(folder);
    for (const auto& entry : fs::directory_iterator(folder.parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (starts_with(name, prefix)) fs::remove_all(entry.path(), ec);
    }
}

std::string holder_of(int fd) {
    char buffer[32] = {};
    const ssize_t n = pread(fd, buffer, sizeof buffer - 1, 0);
    std::string pid = n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    return pid.empty() ? "unknown" : pid;
}

}  // namespace

OutputFolderLock::OutputFolderLock(const std::string& folder) : folder_(folder) {
    const fs::path target = normalised(folder);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec)
        throw IoError(fmt::format("cannot create the folder '{}': {}",
                                  target.parent_path().string(), ec.message()));
    lock_path_ = (target.parent_path() / ("." + target.filename().string() + ".lock")).string();
    // The lock file may be unlinked by the holder between our open() and flock(): then we hold
    // a lock on a file nobody else will see, so check that the path still names our file.
    for (int attempt = 0; attempt < 100; ++attempt) {
        const int fd = ::open(lock_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            throw IoError(fmt::format("cannot create the lock file '{}': {}", lock_path_,
                                      std::strerror(errno)));
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            const std::string holder = holder_of(fd);
            ::close(fd);
            if (error == EWOULDBLOCK)
                throw IoError(fmt::format(
                    "another vitrum report is being written into '{}' (process {}, lock file "
                    "'{}'); wait for it to finish or choose another output folder",
                    folder, holder, lock_path_));
            throw IoError(fmt::format("cannot lock '{}': {}", lock_path_, std::strerror(error)));
        }
        struct stat held {
        }, named{};
        if (::fstat(fd, &held) == 0 && ::stat(lock_path_.c_str(), &named) == 0 &&
            held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
            fd_ = fd;
            break;
        }
        ::close(fd);
    }
    if (fd_ < 0) throw IoError(fmt::format("cannot lock '{}': it keeps changing", lock_path_));
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
        // The pid is only for the message of a second run; the lock itself holds.
    }
    remove_stale_temporaries(target);
}

OutputFolderLock::~OutputFolderLock() {
    if (fd_ < 0) return;
    ::unlink(lock_path_.c_str());  // before unlocking, so no one locks a file about to vanish
    ::close(fd_);
}

std::string OutputFolderLock::make_temporary_folder() const {
    const fs::path target = normalised(folder_);
    std::random_device random;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const fs::path temp =
            target.parent_path() /
            fmt::format("{}{}-{:08x}", temporary_prefix(target), ::getpid(), random());
        if (::mkdir(temp.c_str(), 0755) == 0) return temp.string();
        if (errno != EEXIST)
            throw IoError(fmt::format("cannot create the temporary folder '{}': {}", temp.string(),
                                      std::strerror(errno)));
    }
    throw IoError(fmt::format("cannot create a temporary folder beside '{}'", folder_));
}

void OutputFolderLock::commit(const std::string& temporary) const {
    const fs::path target = normalised(folder_);
    std::error_code ec;
    if (!fs::exists(target, ec)) {
        if (::rename(temporary.c_str(), target.c_str()) != 0)
            throw IoError(fmt::format("cannot move '{}' to '{}': {}", temporary, folder_,
                                      std::strerror(errno)));
        return;
    }
    // One atomic swap: the folder's name points at the old or at the new contents, never at
    // neither. The old contents end up under the temporary name and are removed; a kill before
    // that leaves a stale temporary, removed by the next run.
    if (::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
        if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
            throw IoError(fmt::format("cannot replace '{}' by '{}': {}", folder_, temporary,
                                      std::strerror(errno)));
        // File systems without RENAME_EXCHANGE: two renames, with a short moment in between
        // when the folder is missing.
        const std::string old = make_temporary_folder();
        ::rmdir(old.c_str());
        if (::rename(target.c_str(), old.c_str()) != 0 ||
            ::rename(temporary.c_str(), target.c_str()) != 0)
            throw IoError(fmt::format("cannot replace '{}' by '{}': {}", folder_, temporary,
                                      std::strerror(errno)));
        fs::remove_all(old, ec);
        return;
    }
    fs::remove_all(temporary, ec);
}

void check_replaceable_report_folder(const std::string& folder) {
    std::error_code ec;
    const fs::path target = normalised(folder);
    if (!fs::exists(target, ec)) return;
    if (!fs::is_directory(target, ec))
        throw IoError(fmt::format("output folder '{}' exists and is not a folder", folder));
    for (const auto& entry : fs::directory_iterator(target, ec)) {
        const std::string name = entry.path().filename().string();
        const bool ours = entry.is_regular_file() &&
                          (starts_with(name, "summary.") || name == "index.html" ||
                           ends_with(name, ".svg") || ends_with(name, ".png") ||
                           (starts_with(name, ".") && name.find(".tmp") != std::string::npos));
        if (!ours)
            throw IoError(fmt::format(
                "output folder '{}' holds '{}', which a report does not write; the folder is "
                "replaced as a whole, so nothing was written: move that file away or choose "
                "another output folder",
                folder, name));
    }
    if (ec)
        throw IoError(fmt::format("cannot list the output folder '{}': {}", folder, ec.message()));
}

}  // namespace vitrum::report
