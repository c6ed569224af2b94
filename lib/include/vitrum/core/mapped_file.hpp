// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <cstdint>
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

/// Asks for 2 MiB pages on the whole pages of [data, data + bytes) when the system offers them
/// on request (transparent huge pages in "madvise" mode): a column of a million doubles is then
/// four page faults instead of two thousand. A hint only; no effect on small or other memory.
void prefer_huge_pages(const void* data, std::size_t bytes) noexcept;

/// release_pages() behind a reader that walks a text front to back, a few MiB at a time, so that
/// a file being parsed does not stay resident next to the numbers parsed from it.
class ReleaseBehind {
public:
    /// Everything before `position` has been read for good.
    void passed(const char* position) noexcept {
        const auto at = reinterpret_cast<std::uintptr_t>(position);
        if (from_ == nullptr || at < reinterpret_cast<std::uintptr_t>(from_)) {
            from_ = position;  // another buffer (the converted header): start over
        } else if (at - reinterpret_cast<std::uintptr_t>(from_) > kStep) {
            release_pages(
                {from_, static_cast<std::size_t>(at - reinterpret_cast<std::uintptr_t>(from_))});
            from_ = position;
        }
    }

private:
    static constexpr std::uintptr_t kStep = std::uintptr_t{8} << 20;
    const char* from_ = nullptr;
};

}  // namespace vitrum::text
