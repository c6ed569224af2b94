// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>

/// An output folder that is replaced as a whole: the new contents are written to a hidden
/// temporary folder beside it and swapped in with one rename, so that a run killed at any point
/// leaves either the previous complete folder or the new complete one, never a mix.
namespace vitrum::report {

/// Exclusive right to write one output folder, held for the lifetime of the object.
///
/// The lock is a file `.NAME.lock` beside the folder NAME, locked with flock(2): the kernel
/// releases it when the process ends, however it ends, so a lock left by a killed run is never
/// mistaken for a live one. Taking the lock also removes temporary folders left beside the
/// folder by killed runs (`.NAME.vitrum-tmp-*`). The lock file is removed when released.
class OutputFolderLock {
public:
    /// @throws IoError when another process holds the lock (the message names the folder and
    ///         that process's id) or when the parent folder cannot be created or written.
    explicit OutputFolderLock(const std::string& folder);
    ~OutputFolderLock();
    OutputFolderLock(const OutputFolderLock&) = delete;
    OutputFolderLock& operator=(const OutputFolderLock&) = delete;

    /// The folder this lock guards, as given.
    const std::string& folder() const { return folder_; }

    /// A fresh, empty, hidden folder beside the guarded one, on the same file system.
    /// @throws IoError when it cannot be created.
    std::string make_temporary_folder() const;

    /// Replaces the guarded folder by `temporary` (from make_temporary_folder) atomically
    /// (renameat2 with RENAME_EXCHANGE when the folder exists), then removes the previous
    /// contents. @throws IoError when the rename fails (the previous folder is left intact).
    void commit(const std::string& temporary) const;

private:
    std::string folder_;
    std::string lock_path_;
    int fd_ = -1;
};

/// Checks that `folder` may be replaced as a whole: it is missing, empty, or holds only files a
/// report writes (summary.*, index.html, *.svg, *.png), so that no file of the user's is lost.
/// @throws IoError naming the first other entry.
void check_replaceable_report_folder(const std::string& folder);

}  // namespace vitrum::report
