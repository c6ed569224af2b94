// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>
#include <vitrum/core/series.hpp>
#include <vitrum/instruments/writers/dataset_json.hpp>

namespace vitrum::writers {

/// Writes indentation curves in the micromechanics common HDF5 format v2.0 [file]: root
/// attributes `version` "2.0", `uri` naming vitrum's converter, `default` (the first test),
/// `original_file_name`, `original_sha256`, `vitrum_version`, `git_commit`; a group `instrument`
/// (NX_class NXinstrument; model, reader, date, sample as stated); per curve a group `test_N`
/// (N = 1, 2, …; NX_class NXentry, attribute `name`) with `data` (NXdata, axes displacement,
/// signal force) holding `displacement` [µm, attribute unit "um"], `force` [mN, "mN"], `time`
/// [s, "s"] as 64-bit floats, as micromechanics' converters write them, and every other column
/// under its own name in its SI unit (attribute `unit`).
/// @throws InvalidArgument when a curve has no depth or no load column (not indentation data);
///         IoError naming `path` when HDF5 cannot create or write the file
void write_indentation_hdf5(const Dataset& data, const ConversionProvenance& provenance,
                            const std::string& path);

}  // namespace vitrum::writers
