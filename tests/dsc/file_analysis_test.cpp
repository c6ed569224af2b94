// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// vitrum::dsc::analyse: the cross-checks of a file against its own header (issue 17, item 3).
#include <fmt/format.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vitrum/core/error.hpp>
#include <vitrum/dsc/file_analysis.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

namespace {

struct Scan {
    double header_rate_K_per_min = 5.0;  // the programmed rate written in the header
    double true_rate_K_per_min = 5.0;    // the rate the rows follow
    bool swap_columns = false;           // write time where the temperature belongs
    double glitch_K = 0.0;               // temperature drop at one row in mid-scan
};

// A NETZSCH ASCII export (the example study's layout) of a 25 → 200 °C heating at the header's
// rate with a Gaussian melting endotherm of 28.6 J/g at 156.6 °C on a flat baseline.
std::string netzsch_text(const Scan& scan) {
    std::string out =
        "#EXPORTTYPE:DATA SINGLE\n#FORMAT:NETZSCH5\n#FTYPE:UTF-8\n#DECIMAL:POINT\n"
        "#SEPARATOR:SEMICOLON\n#MTYPE:DSC\n#SAMPLE:synthetic\n#SAMPLE MASS /mg:5.000\n#EXO:-1\n";
    out +=
        fmt::format("#RANGE:25°C/{:.1f}(K/min)/200°C\n#SEGMENT:S1/1\n", scan.header_rate_K_per_min);
    out += fmt::format("#SEG. 1:25°C/{:.1f}(K/min)/200°C\n\n", scan.header_rate_K_per_min);
    out += "##Temp./°C;Time/min;DSC/(mW/mg)\n";
    const double beta = scan.true_rate_K_per_min / 60.0;
    for (int i = 0; i <= 1750; ++i) {
        double T_C = 25.0 + 0.1 * i;
        const double t_min = 0.1 * i / scan.true_rate_K_per_min;
        const double x = (T_C - 156.6) / 1.0;
        const double q_W_per_kg =
            0.2 + 28.6e3 * beta * std::exp(-0.5 * x * x) / std::sqrt(2.0 * M_PI);
        if (i == 900) T_C -= scan.glitch_K;
        const double first = scan.swap_columns ? t_min : T_C;
        const double second = scan.swap_columns ? T_C : t_min;
        out += fmt::format("{:.5f};{:.5f};{:.6f}\n", first, second, q_W_per_kg * 1e-3);
    }
    return out;
}

vitrum::dsc::DscFileResult analyse_text(const std::string& text) {
    std::istringstream in(text);
    const vitrum::Dataset d =
        vitrum::builtin_readers().find("netzsch-ascii")->read(in, "synthetic.txt");
    return vitrum::dsc::analyse(d);
}

}  // namespace

TEST_CASE("analyse accepts a scan whose rows follow the programmed rate") {
    const auto r = analyse_text(netzsch_text({}));
    REQUIRE(r.scans.size() == 1);
    // Rows written at exactly 5 K/min: the fitted slope is exact to rounding (5 decimals).
    CHECK_REL(r.scans[0].analysis.heating_rate_K_per_s, 5.0 / 60.0, 1e-5);
    REQUIRE(r.scans[0].analysis.melting);
    REQUIRE(r.scans[0].analysis.melting->peaks.size() == 1);
    // The Gaussian's apex is its centre; 0.1 K sampling and the parabola through three points.
    CHECK_ABS(r.scans[0].analysis.melting->peaks[0].peak_K, 156.6 + 273.15, 0.05);
}

TEST_CASE("analyse fails a file whose measured rate departs from the header's by over 10 %") {
    Scan s;
    s.true_rate_K_per_min = 10.0;
    CHECK_THROWS_WITH_AS(analyse_text(netzsch_text(s)),
                         doctest::Contains("measured heating rate 10 K/min"),
                         vitrum::AnalysisError);
    CHECK_THROWS_WITH_AS(analyse_text(netzsch_text(s)),
                         doctest::Contains("programmed 5 K/min in the header by 100 %"),
                         vitrum::AnalysisError);
    // 8 % off: still within the 10 % a controlled ramp must keep; a warning only.
    s.true_rate_K_per_min = 5.4;
    const auto r = analyse_text(netzsch_text(s));
    REQUIRE(r.scans.size() == 1);
    CHECK(!r.scans[0].warnings.empty());
}

TEST_CASE("analyse fails a file whose time and temperature columns are swapped") {
    // The example: read as it stands, the melt of indium would come out near 25.6 °C at
    // "0.2 K/min" although the header says 5 K/min (35 min over 175 "min" of temperature).
    Scan s;
    s.swap_columns = true;
    CHECK_THROWS_WITH_AS(analyse_text(netzsch_text(s)),
                         doctest::Contains("measured heating rate 0.2 K/min"),
                         vitrum::AnalysisError);
}

TEST_CASE("analyse fails a heating segment whose temperature runs backwards") {
    Scan s;
    s.glitch_K = 3.0;  // row 901 reads 3 K below the row before it
    CHECK_THROWS_WITH_AS(analyse_text(netzsch_text(s)),
                         doctest::Contains("temperature is not monotonic in a heating segment"),
                         vitrum::AnalysisError);
    s.glitch_K = 0.05;  // sensor dither stays below the 1 K allowed
    CHECK_NOTHROW(analyse_text(netzsch_text(s)));
}
