// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "hdf5_messages.hpp"

#include <fmt/format.h>

namespace vitrum::indentation_io {

void check_hdf5_dataspace(const Hdf5Bytes& file, std::uint64_t at, std::uint64_t size,
                          unsigned length_size) {
    const unsigned version = size >= 4 ? file.byte(at) : 0;
    if (version < 1 || version > 2)
        file.fail(at, "dataspace message", fmt::format("version {} (expected 1 or 2)", version));
    const std::uint64_t rank = file.byte(at + 1);
    const unsigned flags = file.byte(at + 2);
    // Dimensions, then maximum dimensions (flag 1), then a permutation (flag 2, version 1).
    const std::uint64_t lists = 1 + ((flags & 1U) != 0) + (version == 1 && (flags & 2U) != 0);
    const std::uint64_t first = at + (version == 1 ? 8 : 4);
    if (rank > 32 || first + lists * rank * length_size > at + size)
        file.fail(at, "dataspace message",
                  fmt::format("rank {} does not fit a {}-byte message", rank, size));
}

void check_hdf5_fill_value(const Hdf5Bytes& file, std::uint64_t type, std::uint64_t at,
                           std::uint64_t size) {
    std::uint64_t size_at = at;  // old message: size, then the value
    if (type == kMsgFill) {
        const unsigned version = size >= 1 ? file.byte(at) : 0;
        if (version < 1 || version > 3)
            file.fail(at, "fill value message", fmt::format("unknown version {}", version));
        if (version == 3) {
            if ((file.byte(at + 1) & 0x20U) == 0) return;  // no value defined
            size_at = at + 2;
        } else {
            if (version == 2 && file.byte(at + 3) == 0) return;  // no value defined
            size_at = at + 4;
        }
    }
    if (size_at + 4 > at + size) file.fail(at, "fill value message", "too short");
    const std::uint64_t value = file.uint_at(size_at, 4);
    if (value > at + size - (size_at + 4))
        file.fail(size_at, "fill value message",
                  fmt::format("a {}-byte value overruns the message", value));
}

void check_hdf5_filter_pipeline(const Hdf5Bytes& file, std::uint64_t at, std::uint64_t size) {
    const char* what = "filter pipeline message";
    const unsigned version = size >= 2 ? file.byte(at) : 0;
    if (version < 1 || version > 2) file.fail(at, what, fmt::format("unknown version {}", version));
    const unsigned filters = file.byte(at + 1);
    if (filters > 32) file.fail(at, what, fmt::format("{} filters (at most 32)", filters));
    const std::uint64_t end = at + size;
    std::uint64_t p = at + (version == 1 ? 8 : 2);
    for (unsigned k = 0; k < filters; ++k) {
        if (p + 2 > end) file.fail(p, what, "filters overrun the message");
        const std::uint64_t id = file.uint_at(p, 2);
        const bool named = version == 1 || id >= 256;
        const std::uint64_t fixed = named ? 8 : 6;  // id, [name length], flags, values
        if (p + fixed > end) file.fail(p, what, "filters overrun the message");
        const std::uint64_t name = named ? file.uint_at(p + 2, 2) : 0;
        const std::uint64_t values = file.uint_at(p + fixed - 2, 2);
        std::uint64_t next = p + fixed + (version == 1 ? (name + 7) / 8 * 8 : name) + 4 * values;
        if (version == 1 && values % 2 == 1) next += 4;  // padding
        if (next > end) {
            file.fail(
                p, what,
                fmt::format("filter {} with a {}-byte name and {} values overruns the message", id,
                            name, values));
        }
        p = next;
    }
}

}  // namespace vitrum::indentation_io
