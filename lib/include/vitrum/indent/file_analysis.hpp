// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>
#include <vitrum/core/record.hpp>
#include <vitrum/core/series.hpp>
#include <vitrum/core/setting.hpp>
#include <vitrum/indent/area_function.hpp>
#include <vitrum/indent/csm.hpp>
#include <vitrum/indent/quasi_static.hpp>
#include <vitrum/indent/vendor_convention.hpp>

namespace vitrum::indent {

/// How an indent is evaluated.
enum class IndentMethod {
    automatic,     ///< CSM when the curve has a positive harmonic stiffness, else quasi-static
    quasi_static,  ///< Oliver–Pharr on each unloading
    csm            ///< continuous stiffness, averaged over a depth window
};

/// Every choice that turns an indentation file into H and E. Each unset field is taken from the
/// file when it states it, else from the vendor convention, else from vitrum's default; the
/// result records which (IndentFileResult::settings). The CLI, the report and the Python
/// module fill this struct and call analyse().
struct IndentFileOptions {
    VendorConvention convention = VendorConvention::vitrum;
    std::optional<AreaFunction> area;               ///< tip area function (overrides the file)
    std::optional<double> sample_poisson_ratio;     ///< sample ν [1]; default 0.3 (warned)
    std::optional<double> tip_poisson_ratio;        ///< ν_i [1]
    std::optional<double> tip_modulus_Pa;           ///< E_i [Pa]
    std::optional<double> epsilon;                  ///< ε [1]
    std::optional<double> beta;                     ///< β [1]
    std::optional<double> unload_fit_lower;         ///< unloading fit window, lower P/P_max [1]
    std::optional<double> unload_fit_upper;         ///< unloading fit window, upper P/P_max [1]
    std::optional<double> frame_stiffness_N_per_m;  ///< K_f removed from the data [N/m]
    DriftMode drift = DriftMode::none;              ///< thermal drift correction
    IndentMethod method = IndentMethod::automatic;
    double csm_min_depth_m = 100e-9;  ///< CSM averaging window start [m]
    double csm_max_depth_m = 200e-9;  ///< CSM averaging window end [m]
    /// Analyse the tests the file flags "ignore" as well (default: they are skipped, listed in
    /// IndentFileResult::skipped with the reason, and do not count as failures).
    bool analyse_ignored = false;

    /// @throws InvalidArgument naming the field and its allowed range.
    void validate() const;
};

/// One indent (one curve of the file) evaluated, or the reason it could not be.
struct IndentAnalysis {
    std::string test;                    ///< the curve's name
    std::optional<double> position_x_m;  ///< stage x [m] when the file gives it
    std::optional<double> position_y_m;  ///< stage y [m]
    std::optional<IndentResult> quasi_static;
    std::optional<CsmResult> csm;
    std::string area_description;  ///< the area function used
    std::string area_source;       ///< where it came from: "option", "file" or "default"
    /// The indent's values: the deepest usable cycle (quasi-static) or the window means (CSM).
    std::optional<OliverPharrPoint> headline;
    std::size_t headline_cycle = 0;  ///< 1-based cycle of `headline` (0 for CSM)
    std::string error;               ///< why the indent has no values (empty when it has)
    /// What the quality checks flagged, in words: per cycle ("cycle 2: unloading exponent …"),
    /// CSM points lost in the window, vendor-area deviation, a file tip the option overrode.
    std::vector<std::string> warnings;

    bool ok() const { return headline.has_value(); }
    /// One row per cycle (quasi-static) or one CSM row: test, method, cycle, max_load_N,
    /// max_depth_m, contact_depth_m, stiffness_N_per_m, contact_area_m2, reduced_modulus_Pa,
    /// modulus_Pa, hardness_Pa, stiffness_squared_over_load_Pa, unloading_exponent,
    /// fit_residual_N, unloading_fit_bound, the ISO 14577-1 quantities (hardness_it_Pa,
    /// modulus_it_Pa, martens_hardness_Pa, martens_hardness_s_Pa, h_r_m, w_elast_J, w_plast_J,
    /// eta_it, creep_c_it), position_x_m, position_y_m, quality ("ok" or the flags), status.
    std::vector<Record> cycle_records() const;
    /// One row with the headline values (those of the headline cycle, ISO quantities
    /// included), tip_source, quality ("ok" or every flag of the indent) and the status ("ok"
    /// or "failed: …").
    Record to_record() const;
};

/// A test the file flags to be left out, with the reason; not analysed, not a failure.
struct SkippedIndent {
    std::string test;    ///< the curve's name
    std::string reason;  ///< e.g. "the file flags this test 'ignore'"
};

/// Mean, sample sd and robust outliers of the usable indents of one file.
struct IndentSummary {
    std::size_t indents = 0;  ///< indents analysed (skipped tests not included) [1]
    std::size_t usable = 0;   ///< indents with values [1]
    std::size_t failed = 0;   ///< indents without values [1]
    std::size_t skipped = 0;  ///< tests the file flags "ignore", not analysed [1]
    std::size_t flagged = 0;  ///< analysed indents with at least one quality warning [1]
    std::optional<double> modulus_mean_Pa, modulus_sd_Pa;    ///< E [Pa]
    std::optional<double> hardness_mean_Pa, hardness_sd_Pa;  ///< H [Pa]
    std::vector<std::string> outliers;  ///< tests flagged by the median/MAD rule (|z| > 3.5)
    Record to_record() const;
};

/// Every indent of a file, with the settings that produced them.
struct IndentFileResult {
    std::vector<IndentAnalysis> indents;  ///< every analysed test, failed ones included
    std::vector<SkippedIndent> skipped;   ///< tests left out as the file asks (also warned)
    std::vector<SettingRecord> settings;  ///< resolved settings and where each came from
    std::vector<std::string> warnings;    ///< reader warnings, defaults assumed, disagreements
    IndentSummary summary() const;
    std::size_t failed() const { return summary().failed; }
};

/// A tip description: "berkovich", "vickers", "cube-corner", "sphere:R", "sphere-cone:R:deg",
/// "C0,C1,…" (nm units; AreaFunction::parse) or "table:FILE" (read_area_table).
/// @throws InvalidArgument for an unknown form; ParseError / IoError for a bad table file.
AreaFunction parse_tip(const std::string& text);

/// A tabulated area function from a text file of two columns h_c [nm] and A [nm²] (comma,
/// semicolon, tab or blanks; '#' comments and one header line allowed), linear in between.
/// @throws IoError when unreadable; ParseError naming file, line and column of a bad value.
AreaFunction read_area_table(const std::string& path);

/// The one indentation entry point. Per curve: the area function (option > file > the
/// convention's ideal tip, warned; an option that disagrees with the file's tip is warned
/// too), the constants ν, ν_i, E_i, ε, β (option > file > vendor convention), quasi-static or
/// CSM, and the vendor's stiffness point. A test the file flags "ignore" is skipped with its
/// reason (IndentFileResult::skipped) unless `analyse_ignored`. An indent that cannot be
/// evaluated gets its reason in IndentAnalysis::error and no values; the others go on. The
/// quality checks of every cycle and the CSM window land in IndentAnalysis::warnings and, one
/// line per flagged indent, in IndentFileResult::warnings.
/// @throws InvalidArgument for invalid options; FormatError when the file holds no curve.
IndentFileResult analyse(const Dataset& data, const IndentFileOptions& options = {});

}  // namespace vitrum::indent
