// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once
// Internal header of vitrum::instruments: bounds checks of HDF5 datatype messages, run by the
// HDF5 pre-validation (hdf5_validate.cpp) before libhdf5 decodes them.

#include <cstdint>
#include <string>
#include <string_view>

namespace vitrum::indentation_io {

/// Checks the datatype message (HDF5 File Format Specification 2.0, IV.A.2.d) that starts at
/// byte `at` of the file `bytes` and must end by `end` (its message's end): class 0–10, version
/// 1–4, every class's properties inside the message; compound members, enumeration names and
/// opaque tags NUL-terminated inside it; compound members inside the compound's size; array and
/// member dimensions nonzero, ranks at most 32 (4 for version-1 members); member, base and
/// element types checked the same way, nested at most 32 deep. libhdf5 1.10 decodes these
/// fields with strlen and unchecked pointer steps.
/// @param path used in messages
/// @return the offset just past the datatype, nested types included
/// @throws FormatError "path: damaged HDF5 file: datatype at byte N: problem"
std::uint64_t check_hdf5_datatype(std::string_view bytes, std::uint64_t at, std::uint64_t end,
                                  const std::string& path);

}  // namespace vitrum::indentation_io
