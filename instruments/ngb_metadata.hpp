// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once
// Internal header of vitrum::instruments: what stream 1 (the metadata catalog) of a NETZSCH
// .ngb-* file says about a run.

#include <array>
#include <optional>
#include <string>
#include <vector>
#include <vitrum/core/series.hpp>

#include "ngb_records.hpp"

namespace vitrum::ngb {

/// One step of the temperature program, as stored (°C, °C/min, min).
struct ProgramStage {
    int ordinal = 0;              ///< position in the program (table category − 0x7530)
    int stage_type = 0;           ///< 0 initial, 1 ramp or isotherm, 2 emergency-reset limit
    double temperature_C = 0;     ///< target temperature [°C]
    double rate_C_per_min = 0;    ///< heating rate [°C/min], 0 for an isotherm
    double duration_min = 0;      ///< duration [min]
    double acquisition_rate = 0;  ///< points per minute as stored
};

/// Metadata of a run: provenance text, typed SI properties, the program and the DSC sensitivity.
struct Metadata {
    SourceInfo source;                 ///< instrument, date, sample, metadata, properties
    std::vector<ProgramStage> stages;  ///< sorted by ordinal
    /// Sensitivity constants P0…P5 of S(T) = (P2 + P3 z + P4 z² + P5 z³) exp(−z²),
    /// z = (T − P0)/P1 with T in °C and S in µV/mW; absent when the file has none.
    std::optional<std::array<double, 6>> sensitivity;
};

/// Reads the metadata tables of stream 1. Each key comes from the first table of its category
/// that carries the field (stream order is the file's own precedence). Never throws on missing
/// fields: absent values stay absent.
Metadata read_metadata(const std::vector<Table>& tables);

/// Unix seconds as ISO 8601 UTC ("2023-02-22T22:43:46Z").
std::string iso8601_utc(long long unix_seconds);

}  // namespace vitrum::ngb
