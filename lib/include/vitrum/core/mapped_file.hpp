// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vitrum::text {

/// A regular file mapped read-only into memory: the one copy of its bytes a reader parses in
/// place. Pipes, devices and directories are refused before anything waits on them.
/// Example: `MappedFile f("run.txt", kDefaultMaxFileBytes); parse(f.bytes());`
class MappedFile {
public:
    /// Opens and maps `path` (an empty file maps to no bytes).
    /// @throws IoError naming the path: missing or unreadable, not a regular file (directory,
    ///         FIFO, device, socket), or larger than `max_bytes`.
    MappedFile(const std::string& path, std::size_t max_bytes);
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    /// The whole file [bytes].
    std::string_view bytes() const { return {data_, size_}; }
    /// Size of the file [bytes].
    std::size_t size() const { return size_; }

    /// Reads the first `n` bytes (fewer for a shorter file) with one read, without mapping the
    /// rest into memory: what format detection needs [bytes].
    /// @throws IoError naming the path as the constructor does.
    static std::string read_head(const std::string& path, std::size_t n, std::size_t max_bytes);

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

/// Tells the system that the pages of `consumed` will not be read again soon, when they belong
/// to a MappedFile alive on this thread: they leave resident memory and come back from the page
/// cache if they are read after all. No effect on any other memory, so readers may call it on
/// any text they have finished with.
void release_pages(std::string_view consumed) noexcept;

}  // namespace vitrum::text
