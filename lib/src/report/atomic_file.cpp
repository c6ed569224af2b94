// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <vitrum/core/error.hpp>
#include <vitrum/report/atomic_file.hpp>

namespace vitrum::report {

std::string temporary_path_for(const std::string& path) {
    namespace fs = std::filesystem;
    static const unsigned salt = std::random_device{}();  // differs between processes
    static std::atomic<unsigned> counter{0};
    const fs::path target(path);
    return (target.parent_path() /
            fmt::format(".{}.tmp{:08x}-{}", target.filename().string(), salt, counter.fetch_add(1)))
        .string();
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path temp = temporary_path_for(path);
    std::FILE* f = std::fopen(temp.string().c_str(), "wb");
    if (f == nullptr)
        throw IoError(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    const bool closed = std::fclose(f) == 0;
    if (!ok || !closed) {
        std::remove(temp.string().c_str());
        throw IoError(fmt::format("cannot write '{}': disk full or write error", path));
    }
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        std::remove(temp.string().c_str());
        throw IoError(fmt::format("cannot write '{}': {}", path, ec.message()));
    }
}

std::string read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace vitrum::report
