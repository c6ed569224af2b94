// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <vector>
#include <vitrum/core/error.hpp>
#include <vitrum/core/mapped_file.hpp>

namespace vitrum::text {
namespace {

// The mappings alive on this thread, for release_pages(): a reader only sees string_views, and
// must not hand heap memory to madvise.
thread_local std::vector<std::string_view> live_mappings;

const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

// Opens `path` for reading without ever blocking: O_NONBLOCK keeps open() of a FIFO from
// waiting for a writer, and the fstat() on the open descriptor refuses whatever is not a
// regular file (a stat() before open() would leave a window for a swap).
struct Descriptor {
    int fd = -1;
    std::size_t size = 0;
    Descriptor(const std::string& path, std::size_t max_bytes) {
        fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) throw IoError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
        struct stat st {};
        if (::fstat(fd, &st) != 0) {
            const int err = errno;
            ::close(fd);
            throw IoError(fmt::format("{}: cannot open: {}", path, std::strerror(err)));
        }
        if (S_ISDIR(st.st_mode)) {
            ::close(fd);
            throw IoError(fmt::format("{}: is a directory, not a file", path));
        }
        if (!S_ISREG(st.st_mode)) {
            ::close(fd);
            throw IoError(fmt::format("{}: is {}, not a regular file; vitrum reads files only",
                                      path, kind_of(st.st_mode)));
        }
        if (static_cast<std::size_t>(st.st_size) > max_bytes) {
            ::close(fd);
            throw IoError(fmt::format("{}: file is {} bytes, more than the limit of {} bytes", path,
                                      static_cast<long long>(st.st_size), max_bytes));
        }
        size = static_cast<std::size_t>(st.st_size);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

std::size_t page_size() {
    static const auto size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    return size;
}

}  // namespace

MappedFile::MappedFile(const std::string& path, std::size_t max_bytes) {
    const Descriptor file(path, max_bytes);
    if (file.size == 0) return;
    // MAP_POPULATE maps every page in one call instead of one page fault per 4 KiB; a very large
    // file is faulted in as it is read, so that readers releasing what they have parsed keep
    // resident memory bounded.
    const int populate = file.size <= (std::size_t{256} << 20) ? MAP_POPULATE : 0;
    void* at = ::mmap(nullptr, file.size, PROT_READ, MAP_PRIVATE | populate, file.fd, 0);
    if (at == MAP_FAILED) {
        throw IoError(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
    }
    ::madvise(at, file.size, MADV_SEQUENTIAL);
    data_ = static_cast<const char*>(at);
    size_ = file.size;
    live_mappings.push_back(bytes());
}

MappedFile::~MappedFile() {
    if (data_ == nullptr) return;
    const auto it = std::find_if(live_mappings.begin(), live_mappings.end(),
                                 [&](std::string_view m) { return m.data() == data_; });
    if (it != live_mappings.end()) live_mappings.erase(it);
    ::munmap(const_cast<char*>(data_), size_);
}

std::string MappedFile::read_head(const std::string& path, std::size_t n, std::size_t max_bytes) {
    const Descriptor file(path, max_bytes);
    std::string head(std::min(n, file.size), '\0');
    std::size_t got = 0;
    while (got < head.size()) {
        const ssize_t r =
            ::pread(file.fd, head.data() + got, head.size() - got, static_cast<off_t>(got));
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) throw IoError(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
        if (r == 0) break;
        got += static_cast<std::size_t>(r);
    }
    head.resize(got);
    return head;
}

void release_pages(std::string_view consumed) noexcept {
    if (consumed.empty()) return;
    const auto begin = reinterpret_cast<std::uintptr_t>(consumed.data());
    const auto end = begin + consumed.size();
    for (const std::string_view m : live_mappings) {
        const auto m_begin = reinterpret_cast<std::uintptr_t>(m.data());
        if (begin < m_begin || end > m_begin + m.size()) continue;
        // Whole pages inside `consumed` only: the pages at either end may hold text still needed.
        const std::size_t page = page_size();
        const std::uintptr_t first = (begin + page - 1) / page * page;
        const std::uintptr_t last = end / page * page;
        if (last > first) {
            ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
        }
        return;
    }
}

void prefer_huge_pages(const void* data, std::size_t bytes) noexcept {
#if defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
    if (bytes < 2 * huge) return;  // at least one aligned huge page inside
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + huge - 1) / huge * huge;
    const std::uintptr_t last = (begin + bytes) / huge * huge;
    if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
    (void)data;
    (void)bytes;
#endif
}

}  // namespace vitrum::text
