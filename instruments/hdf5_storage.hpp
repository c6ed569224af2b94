// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once
// Internal header of vitrum::instruments: checks run through libhdf5's own API on an opened
// dataset before its values are read, for the layouts libhdf5 1.10 trusts (number bit layouts,
// chunk indexes and filters, contiguous and compact extents), and the identifier handle they
// share with the hdf5-common reader.

#include <hdf5.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace vitrum::indentation_io {

/// Closes an HDF5 identifier with the matching H5?close.
class Handle {
public:
    using Closer = herr_t (*)(hid_t);
    Handle(hid_t id, Closer closer) : id_(id), closer_(closer) {}
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    ~Handle() {
        if (id_ >= 0) closer_(id_);
    }
    /// The identifier (negative when the call that made it failed).
    hid_t get() const { return id_; }
    /// True when the identifier is open.
    bool valid() const { return id_ >= 0; }

private:
    hid_t id_;
    Closer closer_;
};

/// Printable ASCII copy: bytes outside 0x20–0x7E become '?' (attribute strings and filter names
/// may hold stray bytes).
std::string printable(const std::string& s);

/// True when the bit layout of a stored integer or float of `value_bytes` bytes lies inside
/// those bytes (precision, offset; sign, exponent and mantissa fields of a float), at most 16.
bool number_layout_ok(hid_t type, std::size_t value_bytes);

/// The layout in words, for messages: "N bits of precision at bit offset K in B bytes".
std::string number_layout(hid_t type, std::size_t value_bytes);

/// @throws FormatError naming `path` and `dataset` when number_layout_ok is false.
void check_number_layout(hid_t type, std::size_t value_bytes, const std::string& path,
                         const std::string& dataset);

/// Checks that dataset `name` of `n` values of `value_bytes` bytes stores what libhdf5 will
/// read: a contiguous layout inside the file image, a compact one holding every value, a chunked
/// one with chunks inside its maximum extent, filters limited to deflate, shuffle and Fletcher-32,
/// and every stored chunk inside `image` unpacking (with zlib) to exactly one chunk.
/// @throws FormatError naming `path`, the dataset and the offending size or byte offset.
void check_storage_extent(hid_t dataset, hsize_t n, std::size_t value_bytes, hid_t file,
                          std::string_view image, const std::string& path, const std::string& name);

}  // namespace vitrum::indentation_io
