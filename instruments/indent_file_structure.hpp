// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

// What an indentation file states about its own structure (segment lengths, maximum load, tip,
// ν, frame stiffness, "ignore" flags), turned into Series segments and Curve properties so that
// the analysis uses the file's statement instead of guessing. Shared by the readers.

#include <map>
#include <string>
#include <vector>
#include <vitrum/instruments/reader.hpp>

namespace vitrum::indentation_io {

/// Applies segment lengths stated by the file (`indices`: load, hold, unload lengths, repeated
/// per cycle; or cumulative end rows) to `curve`: marks the segments, sets
/// `property::segments_stated`, and drops rows beyond the stated total with a warning that
/// names them (`where` is the test's name in messages). Returns false (with a warning) when the
/// statement does not fit the data; the curve is then left as it was.
bool apply_stated_segments(Curve& curve, const std::vector<double>& indices,
                           const std::string& where, std::vector<std::string>& warnings);

/// Warns about rows whose load exceeds twice the maximum the file states (`stated_max_N`)
/// and marks them NaN (damaged data: never analysed as a cycle).
void check_stated_max_load(Curve& curve, double stated_max_N, const std::string& where,
                           std::vector<std::string>& warnings);

/// Typed properties from attribute text found on the file, instrument or test (lower-case key
/// → value as text): tip shape and radius, sample ν, frame stiffness or compliance, ignore
/// flag, maximum load (`load_factor_to_N` converts a unitless maximum load). Unknown keys are
/// left alone; a number whose unit cannot be told is reported, not guessed.
void stated_properties(const std::map<std::string, std::string>& attributes,
                       double load_factor_to_N, std::map<std::string, Quantity>& properties,
                       const std::string& where, std::vector<std::string>& warnings);

}  // namespace vitrum::indentation_io
