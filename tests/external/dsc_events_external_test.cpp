// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The whole-scan event model, through vitrum::dsc::analyse, on the exports in ../shared/dsc-files
// (issue 17: real files must stay right).
#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vitrum/dsc/file_analysis.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;

namespace {

const char* const kIndium = "dsc-files/yargerlab/2025_02_10_Indium_Std_DSC.txt";
// ITS-90 fixed point of indium, 156.5985 °C (Preston-Thomas, Metrologia 27 (1990) 3, Table 1).
constexpr double kIndiumMelt_K = 156.5985 + 273.15;

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Dataset read_text(const std::string& text, const char* format) {
    std::istringstream in(text);
    return builtin_readers().find(format)->read(in, "indium.txt");
}

}  // namespace

TEST_CASE("analyse finds indium's one melting endotherm at the ITS-90 point") {
    const dsc::DscFileResult r =
        dsc::analyse(builtin_readers().read_file(vitrum::test::shared(kIndium)));
    REQUIRE(r.scans.size() == 1);
    const auto& a = r.scans[0].analysis;
    REQUIRE(a.melting);
    REQUIRE(a.melting->peaks.size() == 1);
    // A calibrated instrument's extrapolated onset lies on the fixed point; 0.5 K (issue 17).
    CHECK_ABS(a.melting->peaks[0].onset_extrapolated_K, kIndiumMelt_K, 0.5);
    // 28.62 J/g (NIST SRM 2232 certificate); 3 % covers the baseline choice of a standard run.
    CHECK_REL(a.melting->peaks[0].enthalpy, 28.62e3, 0.03);
    CHECK(!a.glass_transition);  // a melt is never a glass transition
}

TEST_CASE("a search range around indium's melt reports no glass transition") {
    dsc::DscOptions o;
    o.tg_search_K = dsc::TemperatureWindow{420.0, 440.0};
    const dsc::DscFileResult r =
        dsc::analyse(builtin_readers().read_file(vitrum::test::shared(kIndium)), o);
    REQUIRE(r.scans.size() == 1);
    CHECK(!r.scans[0].analysis.glass_transition);
    REQUIRE(r.scans[0].analysis.melting);
    CHECK(r.scans[0].analysis.melting->peaks.size() == 1);
}

TEST_CASE("a corrupted heat-flow cell in the indium run is a flagged spike, not the peak") {
    // Row "t\t100.xx\t-0.0xx" → 3022 W/g, the corrupted cell, well below the melt.
    std::string text = slurp(vitrum::test::shared(kIndium));
    const std::size_t row = text.find("\t100.");
    REQUIRE(row != std::string::npos);
    const std::size_t cell = text.find('\t', row + 1) + 1;
    const std::size_t eol = text.find_first_of("\r\n", cell);
    text.replace(cell, eol - cell, "3022");
    const dsc::DscFileResult r = dsc::analyse(read_text(text, "ta-trios"));
    REQUIRE(r.scans.size() == 1);
    const auto& a = r.scans[0].analysis;
    // The clean run already has a few single-row glitches flagged (see the first test case);
    // the corrupted cell is one more, at the row of 100.0x °C.
    const dsc::DscFileResult clean =
        dsc::analyse(builtin_readers().read_file(vitrum::test::shared(kIndium)));
    CAPTURE(a.spikes_K.size());
    CHECK(a.spikes_K.size() == clean.scans[0].analysis.spikes_K.size() + 1);
    CHECK(std::any_of(a.spikes_K.begin(), a.spikes_K.end(),
                      [](double T_K) { return std::abs(T_K - 373.2) < 0.2; }));
    REQUIRE(a.melting);
    REQUIRE(a.melting->peaks.size() == 1);
    CHECK_ABS(a.melting->peaks[0].onset_extrapolated_K, kIndiumMelt_K, 0.5);
}

TEST_CASE("the Q1000 polymer's glass transition keeps its onset below its midpoint") {
    // Glassize/37_Vac_and_Des_Day7_8_20_18.txt (TA Universal Analysis, Q1000): a broad polymer
    // step near 325 K; the report had onset 322.73 K above midpoint 322.39 K.
    dsc::DscOptions o;
    o.tg_search_K = dsc::TemperatureWindow{300.0, 345.0};
    const dsc::DscFileResult r = dsc::analyse(
        builtin_readers().read_file(vitrum::test::shared("dsc-files/Glassize/"
                                                         "37_Vac_and_Des_Day7_8_20_18.txt")),
        o);
    REQUIRE(r.scans.size() == 1);
    REQUIRE(r.scans[0].analysis.glass_transition);
    const auto& g = *r.scans[0].analysis.glass_transition;
    CHECK(g.onset_extrapolated_K < g.midpoint_K);
    CHECK(g.midpoint_K < g.end_extrapolated_K);
    CHECK(g.delta_cp > 0.0);
}
