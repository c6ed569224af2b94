// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>
#include <vitrum/core/series.hpp>

namespace vitrum::writers {

/// Where a conversion came from: enough to reproduce it and to check the input is unchanged.
struct ConversionProvenance {
    std::string input_path;          ///< the file as given [path]
    std::string input_sha256;        ///< SHA-256 of the input's bytes, 64 hex digits [text]
    std::uintmax_t input_bytes = 0;  ///< size of the input [bytes]
    std::string reader_id;           ///< format id of the reader that read it [text]
    std::string converted_utc;       ///< time of the conversion, ISO 8601 UTC [text]
};

/// The provenance object of a conversion [JSON]: tool "vitrum convert", vitrum's version and git
/// commit, the input's path, size and SHA-256, the reader id and the time.
nlohmann::ordered_json provenance_json(const ConversionProvenance& provenance);

/// A dataset as one JSON document [SI, units named beside each column]: `provenance`, `source`
/// (instrument, date, sample, metadata as found, typed properties with units, program), `warnings`,
/// `curves` (name, rows, properties, text, segments with kind and programmed rates, and per
/// column name/unit/original_name/original_unit) and `tables`. With `with_values` every column
/// also carries its `values` (NaN as null); without, the document is the sidecar of CSV files,
/// and `files[k]`, when given, names the file that holds curve k.
nlohmann::ordered_json dataset_json(const Dataset& data, const ConversionProvenance& provenance,
                                    bool with_values, const std::vector<std::string>& files = {});

}  // namespace vitrum::writers
