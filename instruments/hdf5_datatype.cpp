// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Datatype messages (HDF5 File Format Specification 2.0, IV.A.2.d); declared in hdf5_messages.hpp.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "hdf5_messages.hpp"

namespace vitrum::indentation_io {
namespace {

constexpr unsigned kMaxNesting = 32;  // member, base and element types inside one another
constexpr unsigned kMaxArrayRank = 32;

enum Class : unsigned {
    kFixedPoint = 0,
    kFloatingPoint = 1,
    kTime = 2,
    kString = 3,
    kBitfield = 4,
    kOpaque = 5,
    kCompound = 6,
    kReference = 7,
    kEnumeration = 8,
    kVariableLength = 9,
    kArray = 10,
};

class DatatypeChecker {
public:
    explicit DatatypeChecker(const Hdf5Bytes& file) : file_(file) {}

    // The datatype at `at`, inside [at, end); returns the offset past it.
    std::uint64_t check(std::uint64_t at, std::uint64_t end, unsigned depth) {
        if (depth > kMaxNesting)
            fail(at, fmt::format("types nested more than {} deep", kMaxNesting));
        need(at, 8, end, "datatype header");
        const unsigned kind = byte(at) & 0x0F, version = byte(at) >> 4;
        const std::uint64_t bits = byte(at + 1) | byte(at + 2) << 8 | byte(at + 3) << 16;
        const std::uint64_t size = uint_at(at + 4, 4);
        if (version < 1 || version > 4)
            fail(at, fmt::format("version {} (expected 1 to 4)", version));
        const std::uint64_t p = at + 8;
        switch (kind) {
            case kFixedPoint:
            case kBitfield:
                return past(p, 4, end, "bit offset and precision");
            case kFloatingPoint:
                return past(p, 12, end, "floating-point properties");
            case kTime:
                return past(p, 2, end, "time precision");
            case kString:
            case kReference:
                return p;
            case kOpaque:
                return past(p, bits & 0xFF, end, "opaque tag");
            case kCompound:
                return compound(at, p, end, version, bits & 0xFFFF, size, depth);
            case kEnumeration:
                return enumeration(at, p, end, version, bits & 0xFFFF, depth);
            case kVariableLength:
                return check(p, end, depth + 1);
            case kArray:
                return array(at, p, end, version, depth);
            default:
                fail(at, fmt::format("unknown datatype class {}", kind));
        }
    }

private:
    [[noreturn]] void fail(std::uint64_t at, const std::string& problem) const {
        file_.fail(at, "datatype", problem);
    }

    // `n` bytes of `what` at `at` must lie inside [at, end).
    void need(std::uint64_t at, std::uint64_t n, std::uint64_t end, const char* what) const {
        if (at > end || n > end - at)
            fail(at, fmt::format("{} ({} bytes) overrun the message", what, n));
    }
    std::uint64_t past(std::uint64_t at, std::uint64_t n, std::uint64_t end,
                       const char* what) const {
        need(at, n, end, what);
        return at + n;
    }

    unsigned byte(std::uint64_t at) const { return file_.byte(at); }
    std::uint64_t uint_at(std::uint64_t at, unsigned width) const {
        return file_.uint_at(at, width);
    }

    // Offset past a NUL-terminated name at `at` (inside [at, end)), padded with NULs to a
    // multiple of 8 bytes before version 3, as libhdf5 steps over it.
    std::uint64_t name(std::uint64_t at, std::uint64_t end, unsigned version,
                       const char* what) const {
        const char* data = file_.bytes().data();
        const void* nul = at < end ? std::memchr(data + at, '\0', end - at) : nullptr;
        if (nul == nullptr) fail(at, fmt::format("{} has no NUL inside the message", what));
        const auto length = static_cast<std::uint64_t>(static_cast<const char*>(nul) - (data + at));
        return past(at, version < 3 ? (length + 8) / 8 * 8 : length + 1, end, what);
    }

    std::uint64_t compound(std::uint64_t at, std::uint64_t p, std::uint64_t end, unsigned version,
                           std::uint64_t members, std::uint64_t size, unsigned depth) {
        if (members == 0) fail(at, "compound type without members");
        // Version 3 stores each member's offset in as few bytes as the compound's size needs.
        const unsigned offset_width = size < (1u << 8)    ? 1
                                      : size < (1u << 16) ? 2
                                      : size < (1u << 24) ? 3
                                                          : 4;
        for (std::uint64_t k = 0; k < members; ++k) {
            const std::uint64_t member_at = p;
            p = name(p, end, version, "compound member name");
            const unsigned width = version < 3 ? 4 : offset_width;
            need(p, width, end, "compound member offset");
            const std::uint64_t offset = uint_at(p, width);
            p += width;
            std::uint64_t count = 1;  // elements of a version-1 array member
            if (version == 1) {
                // Rank, 3 reserved, permutation, 4 reserved, four dimension sizes.
                need(p, 28, end, "compound member dimensions");
                const unsigned rank = byte(p);
                if (rank > 4) fail(p, fmt::format("compound member of rank {} (at most 4)", rank));
                for (unsigned r = 0; r < rank; ++r) {
                    const std::uint64_t dim = uint_at(p + 12 + 4 * r, 4);
                    if (dim == 0) fail(p + 12 + 4 * r, "compound member dimension of 0");
                    count = std::min(count * dim, size + 1);  // beyond size fails below anyway
                }
                p += 28;
            }
            const std::uint64_t type_at = p;
            p = check(p, end, depth + 1);
            const std::uint64_t member_size = uint_at(type_at + 4, 4);
            if (offset > size || (member_size != 0 && count > (size - offset) / member_size)) {
                fail(member_at, fmt::format("compound member {} of {} × {} bytes at offset {} lies "
                                            "outside the {}-byte compound",
                                            k + 1, count, member_size, offset, size));
            }
        }
        return p;
    }

    std::uint64_t enumeration(std::uint64_t at, std::uint64_t p, std::uint64_t end,
                              unsigned version, std::uint64_t members, unsigned depth) {
        if (members == 0) fail(at, "enumeration without members");
        const std::uint64_t base_at = p;
        p = check(p, end, depth + 1);
        if ((byte(base_at) & 0x0F) != kFixedPoint)
            fail(base_at, fmt::format("enumeration over a type of class {} (expected an integer)",
                                      byte(base_at) & 0x0F));
        for (std::uint64_t k = 0; k < members; ++k) p = name(p, end, version, "enumeration name");
        return past(p, members * uint_at(base_at + 4, 4), end, "enumeration values");
    }

    std::uint64_t array(std::uint64_t at, std::uint64_t p, std::uint64_t end, unsigned version,
                        unsigned depth) {
        if (version < 2) fail(at, "array type of version 1 (arrays start at version 2)");
        need(p, 1, end, "array rank");
        const unsigned rank = byte(p);
        if (rank == 0 || rank > kMaxArrayRank)
            fail(p, fmt::format("array of rank {} (expected 1 to {})", rank, kMaxArrayRank));
        p += version == 2 ? 4 : 1;  // version 2: three reserved bytes
        need(p, 4 * std::uint64_t{rank}, end, "array dimensions");
        for (unsigned r = 0; r < rank; ++r)
            if (uint_at(p + 4 * r, 4) == 0) fail(p + 4 * r, "array dimension of 0");
        p += 4 * std::uint64_t{rank};
        if (version == 2) p = past(p, 4 * std::uint64_t{rank}, end, "array permutation");
        return check(p, end, depth + 1);
    }

    const Hdf5Bytes& file_;
};

}  // namespace

std::uint64_t check_hdf5_datatype(const Hdf5Bytes& file, std::uint64_t at, std::uint64_t end) {
    DatatypeChecker checker(file);
    return checker.check(at, std::min<std::uint64_t>(end, file.bytes().size()), 0);
}

}  // namespace vitrum::indentation_io
