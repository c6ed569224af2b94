// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "zip_member.hpp"

#include <fmt/format.h>

namespace vitrum::zip_member {

std::string implausible_size(const zip_stat_t& stat, std::size_t archive_bytes, std::size_t limit) {
    if ((stat.valid & ZIP_STAT_SIZE) == 0) return "the member's size is not recorded";
    const auto claimed = static_cast<unsigned long long>(stat.size);
    // Without a recorded compressed size, the whole archive is the most it can be.
    const zip_uint64_t compressed =
        (stat.valid & ZIP_STAT_COMP_SIZE) != 0 ? stat.comp_size : archive_bytes;
    if (compressed > archive_bytes) {
        return fmt::format("member claims {} compressed bytes in a {}-byte archive",
                           static_cast<unsigned long long>(compressed), archive_bytes);
    }
    if (stat.size > limit) {
        return fmt::format("member claims {} bytes, above the limit of {} bytes", claimed, limit);
    }
    if (stat.size > 1100 * (compressed + 64)) {
        return fmt::format("member claims {} bytes from {} compressed bytes", claimed,
                           static_cast<unsigned long long>(compressed));
    }
    return {};
}

}  // namespace vitrum::zip_member
