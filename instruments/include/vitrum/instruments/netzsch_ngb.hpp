// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>
#include <string_view>
#include <vitrum/core/series.hpp>

namespace vitrum {

/// Which run of a NETZSCH Proteus file to return. `.ngb-ds3` ("Sample + Correction") files hold
/// the sample run and then a verbatim copy of the correction run; Proteus subtracts the latter
/// only on display. `.ngb-ss3` and `.ngb-bs3` files hold one run.
enum class NgbRun {
    sample,      ///< the measured run as stored (the default of every reader)
    correction,  ///< the embedded correction (baseline) run of a .ngb-ds3 file
    corrected    ///< sample − correction on the sample's time base (see subtract_ngb_baseline)
};

/// Reads a NETZSCH Proteus .ngb-ss3/.ngb-bs3/.ngb-ds3 file held in memory [SI columns: s, K, V,
/// W, kg, m³/s]. Channels: time [s], temperature (sample) [K], dsc_signal_voltage [V], heat_flow
/// [W] (only when the file carries DSC sensitivity constants, S(T) in µV/mW), mass_change (TG)
/// [kg], furnace_temperature [K], gas flows [m³/s], and the remaining recorded channels.
/// Segments come from the file's own segment tables, labelled with the temperature program.
/// @param bytes the whole file
/// @param path  used in messages and provenance
/// @param run   which run to return; `correction` and `corrected` need a .ngb-ds3 file
/// @throws FormatError naming the file, the stream and the byte offset of damaged content;
///         InvalidArgument when `run` asks for a correction run the file does not hold
Dataset read_netzsch_ngb(std::string_view bytes, const std::string& path,
                         NgbRun run = NgbRun::sample);

/// Subtracts a baseline (correction) run from a sample run [columns in their SI units]: the
/// baseline's dsc_signal_voltage [V], heat_flow [W] and mass_change [kg] are interpolated
/// linearly in time onto the sample's time base and subtracted; rows outside the baseline's
/// time range become NaN (no extrapolation). Other columns, segments and metadata stay the
/// sample's; metadata "baseline_subtracted" names the baseline's path.
/// @throws InvalidArgument when either run has no time column, a run's time does not increase,
///         or the sample has a signal column the baseline lacks
Dataset subtract_ngb_baseline(const Dataset& sample, const Dataset& baseline);

/// The run named "sample", "correction" or "corrected" (the option field `ngb_run`) [enum].
/// @throws InvalidArgument naming `ngb_run`, the text and the allowed values
NgbRun parse_ngb_run(std::string_view text);

/// How to read a NETZSCH Proteus file from disk: which run, and a separate baseline to subtract.
struct NgbReadOptions {
    NgbRun run = NgbRun::sample;  ///< run of the file to return (field `ngb_run`)
    std::string baseline_path;    ///< .ngb-bs3 (or any .ngb-*) file whose sample run is
                                  ///< subtracted (field `baseline`); empty = none [path]
};

/// Reads the .ngb-* file at `path` with `options` [SI columns, as read_netzsch_ngb]: the chosen
/// run, minus the baseline file's run when one is given (subtract_ngb_baseline). source.path and
/// source.format_id are filled as ReaderRegistry::read_file does.
/// Example: `read_netzsch_ngb_file("r13.ngb-ss3", {NgbRun::sample, "baseline_r13.ngb-bs3"})`.
/// @throws IoError when a file cannot be read; InvalidArgument when `path` or `baseline_path`
///         is no NETZSCH .ngb-* file (naming the field); what read_netzsch_ngb throws
Dataset read_netzsch_ngb_file(const std::string& path, const NgbReadOptions& options);

/// Reads any file the way a study manifest entry asks: with a baseline to subtract or an ngb run
/// named, through read_netzsch_ngb_file; otherwise detected (or `format_id`) by the built-in
/// registry for `technique` ("dsc" or "indentation"). The one loader of `vitrum report` and of
/// the Python module's report [SI columns].
/// @throws what read_netzsch_ngb_file and ReaderRegistry::read_file throw.
Dataset read_study_file(const std::string& path, const std::string& format_id,
                        const std::string& technique, const std::string& baseline_path,
                        const std::string& ngb_run);

}  // namespace vitrum
