// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Internal to the CLI: options and result tables of `vitrum indent`.
#pragma once

#include <optional>
#include <string>
#include <vector>
#include <vitrum/indent/csm.hpp>
#include <vitrum/indent/quasi_static.hpp>

#include "output.hpp"

namespace vitrum::cli {

/// Command-line settings of `vitrum indent` (raw text, parsed by resolve_*).
struct IndentArgs {
    std::vector<std::string> files;
    std::optional<double> nu;
    std::optional<double> tip_nu;
    std::string tip_modulus;  ///< e.g. "1141GPa"
    std::string tip;   ///< berkovich | cube-corner | sphere:R | sphere-cone:R:deg | C0,C1,…
    std::string area;  ///< nm coefficients "C0,C1,…"
    std::string window = "";               ///< "lower:upper" fractions of P_max
    std::string depth_window = "100:200";  ///< nm
    std::optional<double> epsilon;
    std::optional<double> beta;
    std::optional<double> frame_stiffness;  ///< N/m
    std::string method = "auto";            ///< auto | qs | csm
    std::string drift = "none";             ///< none | measured
    std::string input_format;
    std::string columns;  ///< generic-table column map "channel=col[:unit],…"
    std::string plot;
    std::string method_file;            ///< NanoSuite method text export (area function, E_i …)
    std::string convention = "vitrum";  ///< vitrum | nanosuite | triboscan | fischer
    // calibrate
    std::string reference_modulus = "72GPa";
    std::size_t terms = 3;
    double min_depth_nm = 0.0;
    std::string tip_output;  ///< calibrate --output: the calibrated tip table
    std::optional<double> frame_compliance_nm_per_mN;  ///< calibrate: C_f held, not fitted
};

/// One analysed indent: quasi-static cycles or a CSM evaluation.
struct AnalysedIndent {
    std::string file;
    std::string test;
    std::optional<indent::IndentResult> quasi_static;
    std::optional<indent::CsmResult> csm;
    std::optional<double> position_x_m;  ///< stage x [m] when the file gives it
    std::optional<double> position_y_m;  ///< stage y [m]
};

/// Per indent/cycle rows: P_max [mN], h_max [nm], h_c [nm], S [N/m], A [nm²], E_r, E, H [GPa], m.
ResultTable indent_table(const std::vector<AnalysedIndent>& indents);
/// Per file: n, E mean ± sd, H mean ± sd [GPa], robust outliers (median/MAD).
ResultTable indent_summary_table(const std::vector<AnalysedIndent>& indents);

/// "a:b" → {a, b}; @throws InvalidArgument naming `option`.
std::pair<double, double> parse_range(const std::string& text, const std::string& option);

}  // namespace vitrum::cli
