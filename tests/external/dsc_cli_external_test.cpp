// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The dsc analysis on the unlicensed exports kept in ../shared/dsc-files (see PROVENANCE.md).
#include <vitrum/dsc/analysis.hpp>
#include <vitrum/dsc/cooling.hpp>
#include <vitrum/dsc/segmentation.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;

namespace {

// First segment of the first curve of a shared file.
dsc::Thermogram first_segment(const char* file) {
    const Dataset d = builtin_readers().read_file(vitrum::test::shared(file));
    const dsc::Thermogram run = dsc::normalize(d, 0, {});
    const auto segs = dsc::segment_run(run);
    REQUIRE(!segs.empty());
    return run.slice(segs[0].begin, segs[0].end);
}

}  // namespace

TEST_CASE("the indium standard's melting endotherm is analysed on its heating segment") {
    const Dataset d = builtin_readers().read_file(
        vitrum::test::shared("dsc-files/yargerlab/2025_02_10_Indium_Std_DSC.txt"));
    const dsc::Thermogram run = dsc::normalize(d, 0, {});
    const auto segs = dsc::segment_run(run);
    const std::size_t k = dsc::choose_heating_segment(segs);
    dsc::HeatingAnalysisOptions o;
    o.melting = dsc::PeakOptions{};
    const auto a = dsc::analyze_heating(run.slice(segs[k].begin, segs[k].end), o);
    REQUIRE(a.melting);
    REQUIRE(a.melting->peaks.size() == 1);
    const auto& m = a.melting->peaks.front();
    // ITS-90 indium fixed point 156.5985 °C; a DSC onset within 1 K is expected (calibration).
    CHECK_ABS(m.onset_extrapolated_K, 156.5985 + 273.15, 1.0);
    // Raw maximum 157.88 °C (PROVENANCE.md); the 2 K smoothing window lowers it by ~0.3 K.
    CHECK_ABS(m.peak_K, 157.88 + 273.15, 0.5);
    // Literature 28.6 J/g (indium heat of fusion); 3 % for the baseline construction.
    CHECK_REL(m.enthalpy * 1e-3, 28.6, 0.03);
    CHECK((!a.crystallisation || a.crystallisation->peaks.empty()));
}

TEST_CASE("the PBS cooling run gives its crystallisation exotherm with the onset above the peak") {
    const auto cooling = first_segment("dsc-files/PolyKineticAnalyzer/PBS_10Kmin.txt");
    const auto r = dsc::find_cooling_peaks(cooling);
    REQUIRE(r.peaks.size() == 1);
    const auto& p = r.peaks.front();
    // Crystallisation peak near 76 °C (PolyKineticAnalyzer sample; measured 76.2 °C); 1 K.
    CHECK_ABS(p.peak_K, 76.0 + 273.15, 1.0);
    CHECK(p.onset_extrapolated_K > p.peak_K);
    CHECK(p.peak_K > p.end_extrapolated_K);
}

TEST_CASE("the PEG cooling run gives its crystallisation exotherm near the end of the ramp") {
    const auto cooling = first_segment("dsc-files/PolyKineticAnalyzer/PEG_10Kmin.txt");
    const auto r = dsc::find_cooling_peaks(cooling);
    REQUIRE(r.peaks.size() == 1);
    // Crystallisation peak at 36.6 °C (PolyKineticAnalyzer sample); 1 K.
    CHECK_ABS(r.peaks.front().peak_K, 36.6 + 273.15, 1.0);
    CHECK(r.peaks.front().onset_extrapolated_K > r.peaks.front().peak_K);
}
