// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once
// Internal header of vitrum::instruments: the size check every reader of a zip archive (.xlsx,
// NanoTest .zip, zipped JCAMP-DX) makes before it allocates a member's buffer.

#include <zip.h>

#include <cstddef>
#include <string>

namespace vitrum::zip_member {

/// Why the uncompressed size a zip directory claims for a member cannot be true, or "" when
/// it can. A member's compressed bytes lie inside the archive, deflate expands at most about
/// 1032:1 (so 1100 × (compressed + 64) bytes bounds any real member), and no member may exceed
/// `limit`. A damaged directory entry of a few-KiB archive would otherwise have the reader
/// allocate gigabytes before libzip notices. The reason names the claimed and compressed sizes
/// and the archive size, for the reader's error message.
std::string implausible_size(const zip_stat_t& stat, std::size_t archive_bytes, std::size_t limit);

}  // namespace vitrum::zip_member
