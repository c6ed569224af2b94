// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>
#include <string_view>

namespace vitrum::report {

/// A fresh name for a temporary file beside `path` (same folder, hidden, unique per process and
/// call), to be renamed over `path` once complete.
std::string temporary_path_for(const std::string& path);

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed, then
/// renamed over the target, so a reader never sees a half-written file.
/// @throws IoError naming the path and the reason.
void write_file_atomically(const std::string& path, std::string_view bytes);

/// Reads a whole file as bytes. @throws IoError naming the path.
std::string read_whole_file(const std::string& path);

}  // namespace vitrum::report
