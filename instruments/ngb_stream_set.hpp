// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once
// Internal header of vitrum::instruments: the streams of a NETZSCH Proteus file without their
// zip container. libzip checks every member's CRC-32, so a mutated .ngb file is refused before
// the record parser sees it; the fuzz harness (fuzz/fuzz_reader.cpp, format "ngb-stream-set")
// feeds the streams directly instead. Seed: share/testdata/fuzz-seeds/tiny.ngb-stream-set.

#include <string>
#include <string_view>
#include <vitrum/core/series.hpp>
#include <vitrum/instruments/netzsch_ngb.hpp>

namespace vitrum::ngb {

/// Joins the members of a stream set: stream_1, stream_2 and optionally stream_3, in this order.
inline constexpr std::string_view kStreamSetSeparator("\n--vitrum-ngb-stream-set--\n");

/// Reads a run from `stream_1.table` SEP `stream_2.table` [SEP `stream_3.table`] (SEP =
/// kStreamSetSeparator), exactly as read_netzsch_ngb reads those members of a .ngb-* zip.
/// @throws FormatError as read_netzsch_ngb, and when fewer than two streams are given
Dataset read_stream_set(std::string_view bytes, const std::string& path, NgbRun run);

}  // namespace vitrum::ngb
