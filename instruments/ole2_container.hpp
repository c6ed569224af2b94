// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once
// Internal header of vitrum::instruments: OLE2 compound files (the container of .xls) via libgsf.

#include <string>
#include <string_view>
#include <vector>

namespace vitrum::ole2 {

/// True when `bytes` start with the OLE2 signature D0 CF 11 E0 A1 B1 1A E1.
bool has_signature(std::string_view bytes) noexcept;

/// Copies the first top-level stream of the compound file whose name is in `names`
/// (e.g. {"Workbook", "Book"}), reading the container from memory.
/// @param path used in messages
/// @throws ParseError naming the file when the container cannot be opened (truncated,
///         corrupted); FormatError when none of the streams exists.
std::string read_stream(std::string_view bytes, const std::vector<std::string>& names,
                        const std::string& path);

}  // namespace vitrum::ole2
