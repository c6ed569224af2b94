// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>
#include <string_view>

namespace vitrum::indentation_io {

/// Checks the HDF5 structures that libhdf5 1.10 decodes without bounds checks, before the file
/// is handed to it: the superblock (signature, versions, field sizes, end-of-file address against
/// the real size) and, for version-0/1 superblocks, the whole v1 group tree reachable from the
/// root (object headers and their continuation chunks, symbol table messages, local heaps, v1
/// group B-tree nodes "TREE" and symbol nodes "SNOD", link-name offsets NUL-terminated inside
/// their heap). Follows the HDF5 File Format Specification, version 2.0 (superblock, sections
/// III.A–III.D and IV.A.1.a). Depth and object counts are limited.
/// @throws FormatError naming `path`, the byte offset and the offending value.
void validate_hdf5_structure(std::string_view bytes, const std::string& path);

}  // namespace vitrum::indentation_io
