// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once
// Internal header of vitrum::instruments: bounds checks of the object header messages that
// libhdf5 1.10 decodes with unchecked lengths, run by the HDF5 pre-validation (hdf5_validate.cpp)
// on version-1 object headers. Sections refer to the HDF5 File Format Specification 2.0.

#include <cstdint>

#include "hdf5_bytes.hpp"

namespace vitrum::indentation_io {

/// Object header message types (IV.A.2) that the pre-validation looks at.
inline constexpr std::uint16_t kMsgDataspace = 0x0001;
inline constexpr std::uint16_t kMsgDatatype = 0x0003;
inline constexpr std::uint16_t kMsgFillOld = 0x0004;
inline constexpr std::uint16_t kMsgFill = 0x0005;
inline constexpr std::uint16_t kMsgLayout = 0x0008;
inline constexpr std::uint16_t kMsgFilters = 0x000B;
inline constexpr std::uint16_t kMsgAttribute = 0x000C;
inline constexpr std::uint16_t kMsgContinuation = 0x0010;
inline constexpr std::uint16_t kMsgSymbolTable = 0x0011;

/// Checks the datatype message (IV.A.2.d) that starts at byte `at` of `file` and must end by
/// `end` (its message's end): class 0–10, version 1–4, every class's properties inside the
/// message; compound members, enumeration names and opaque tags NUL-terminated inside it;
/// compound members inside the compound's size; array and member dimensions nonzero, ranks at
/// most 32 (4 for version-1 members); member, base and element types checked the same way,
/// nested at most 32 deep. libhdf5 1.10 decodes these fields with strlen and unchecked pointer
/// steps.
/// @return the offset just past the datatype, nested types included
/// @throws FormatError "path: damaged HDF5 file: datatype at byte N: problem"
std::uint64_t check_hdf5_datatype(const Hdf5Bytes& file, std::uint64_t at, std::uint64_t end);

/// Checks the dataspace message (IV.A.2.b) of `size` bytes at `at`: version 1 or 2, rank at most
/// 32, dimensions (and maximum dimensions and permutation when flagged) of `length_size` bytes
/// each inside the message.
/// @throws FormatError "path: damaged HDF5 file: dataspace message at byte N: problem"
void check_hdf5_dataspace(const Hdf5Bytes& file, std::uint64_t at, std::uint64_t size,
                          unsigned length_size);

/// Checks a fill value message of `size` bytes at `at`, old (IV.A.2.e, kMsgFillOld) or new
/// (IV.A.2.f, kMsgFill, versions 1–3): the value's size must fit the message, as libhdf5 1.10
/// copies that many bytes.
/// @throws FormatError "path: damaged HDF5 file: fill value message at byte N: problem"
void check_hdf5_fill_value(const Hdf5Bytes& file, std::uint64_t type, std::uint64_t at,
                           std::uint64_t size);

/// Checks the filter pipeline message (IV.A.2.l) of `size` bytes at `at`: version 1 or 2, at
/// most 32 filters, each filter's name and client data inside the message.
/// @throws FormatError "path: damaged HDF5 file: filter pipeline message at byte N: problem"
void check_hdf5_filter_pipeline(const Hdf5Bytes& file, std::uint64_t at, std::uint64_t size);

}  // namespace vitrum::indentation_io
