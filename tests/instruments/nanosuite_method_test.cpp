// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// NanoSuite method file FS_XP_MethodInclCalibration.txt (MIT, micromechanics/micromechanics,
// share/testdata/indentation/micromechanics; PROVENANCE.md item 2) and the FS_XP.xls it produced.
#include <cmath>
#include <sstream>
#include <string>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/indent/area_function.hpp>
#include <vitrum/instruments/nanosuite_method.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"
#include "reader_test_support.hpp"

namespace {

const std::string kMethod = "indentation/micromechanics/FS_XP_MethodInclCalibration.txt";
const std::string kXls = "indentation/micromechanics/FS_XP.xls";

vitrum::NanoSuiteMethod parse(const std::string& content) {
    std::istringstream in(content);
    return vitrum::read_nanosuite_method(in, "bad.txt");
}

std::string original_bytes() { return vitrum::test::testdata_bytes(kMethod); }

using vitrum::test::replace_once;

}  // namespace

TEST_CASE("nanosuite method: FS_XP tip area coefficients, tip modulus and Oliver-Pharr inputs") {
    const vitrum::NanoSuiteMethod m =
        vitrum::read_nanosuite_method_file(vitrum::test::testdata(kMethod));
    CHECK(m.method_name ==
          "C:\\Programme\\MTS Systems\\TestWorks\\Methods\\XP\\G-Series CSM Standard Hardness, "
          "Modulus, and Tip Cal.msm");
    CHECK(m.tip_name == "Berk-20210318");
    // "Label0 : m0   Value : 2.4695e+001" … "Label4 : m4   Value : 1.0646e+002" (lines 2767–2771):
    // the decimal text parsed exactly, so 1e-15 relative.
    const double printed[5] = {24.695, 395.77, -16.132, 133.41, 106.46};
    for (std::size_t k = 0; k < 5; ++k) {
        CAPTURE(k);
        CHECK_REL(m.area_coefficients_nm[k], printed[k], 1e-15);
    }
    for (std::size_t k = 5; k < 9; ++k) CHECK(m.area_coefficients_nm[k] == 0.0);  // "0.0000e+000"
    // "Modulus : 1.1635e+005" kgf/mm² (CurrentTipName) × 9.80665e6 Pa exactly = 1.14100e12 Pa;
    // 1141 GPa is the NanoSuite value quoted in indentation.md §4.6, to the 5 printed digits.
    REQUIRE(m.tip_modulus_Pa.has_value());
    CHECK_REL(*m.tip_modulus_Pa, 1.1635e5 * 9.80665e6, 1e-15);
    CHECK_REL(*m.tip_modulus_Pa, 1141e9, 1e-3);
    // Input defaults: Beta 1.000, Epsilon 0.750, Indenter Poissons Ratio 0.070, Poissons Ratio
    // 0.180 (lines 1164, 1190, 1215, 1660).
    REQUIRE(m.beta.has_value());
    REQUIRE(m.epsilon.has_value());
    REQUIRE(m.tip_poisson_ratio.has_value());
    REQUIRE(m.sample_poisson_ratio.has_value());
    CHECK_REL(*m.beta, 1.0, 1e-15);
    CHECK_REL(*m.epsilon, 0.75, 1e-15);
    CHECK_REL(*m.tip_poisson_ratio, 0.07, 1e-15);
    CHECK_REL(*m.sample_poisson_ratio, 0.18, 1e-15);
}

TEST_CASE(
    "nanosuite method: C3 and C4 complete the FS_XP area function to the file's Contact Area") {
    vitrum::Dataset ds = vitrum::builtin_readers().read_file(vitrum::test::testdata(kXls));
    const auto c2_only = vitrum::indent::AreaFunction::from_dataset(ds, ds.curves.front());
    REQUIRE(c2_only.has_value());
    const vitrum::NanoSuiteMethod m =
        vitrum::read_nanosuite_method_file(vitrum::test::testdata(kMethod));
    const std::vector<std::string> warnings = vitrum::apply_nanosuite_method(m, ds);
    // The Results sheet's C0–C2 (24.6954, 395.7700812, −16.13158277) round to the method's
    // five digits, so they are kept without a warning.
    CHECK(warnings.empty());
    CHECK_REL(ds.source.properties.at("area_c0").value, 24.6954, 1e-12);
    CHECK_REL(ds.source.properties.at("area_c3").value, 133.41 * std::pow(1e9, 0.25) * 1e-18,
              1e-12);
    CHECK_REL(ds.source.properties.at("tip_modulus").value, 1.1635e5 * 9.80665e6, 1e-15);
    CHECK(ds.source.metadata.at("tip_name") == "Berk-20210318");
    const auto full = vitrum::indent::AreaFunction::from_dataset(ds, ds.curves.front());
    REQUIRE(full.has_value());

    // Every valid row: A(h_c) from the file's own Contact Depth against its Contact Area. The
    // coefficients are printed, not exact: C0 = 24.6954 (Results, 6 digits: ±5e-5), C3, C4 from
    // the method (5 digits: ±0.005); C1, C2 carry 10 digits. Their rounding bounds the relative
    // error of A at h_c [nm] by (5e-5·h² + 0.005·(h^¼ + h^⅛))/A(h): 2e-6 at depth, ≈ 3e-5 at
    // 0.1 nm. (The hoped-for 1e-6 is not reachable: deeper than 30 nm every row is 1.3–1.4e-6
    // high, i.e. the unrounded C0 is ≈ 24.69537.)
    std::size_t rows = 0, c2_outside = 0;
    double worst_full = 0.0;  // measured error / bound
    for (const vitrum::Curve& c : ds.curves) {
        const auto& hc = c.data.values(vitrum::channel::vendor_contact_depth);
        const auto& area = c.data.values(vitrum::channel::vendor_contact_area);
        for (std::size_t i = 0; i < hc.size(); ++i) {
            if (!std::isfinite(hc[i]) || !std::isfinite(area[i]) || !(hc[i] > 0.0)) continue;
            const double h_nm = hc[i] * 1e9;
            const double a_nm2 = area[i] * 1e18;
            const double bound =
                (5e-5 * h_nm * h_nm + 0.005 * (std::pow(h_nm, 0.25) + std::pow(h_nm, 0.125))) /
                a_nm2;
            const double err_full = std::fabs(full->area_m2(hc[i]) / area[i] - 1.0);
            const double err_c2 = std::fabs(c2_only->area_m2(hc[i]) / area[i] - 1.0);
            worst_full = std::max(worst_full, err_full / bound);
            c2_outside += err_c2 > bound ? 1 : 0;
            ++rows;
        }
    }
    CAPTURE(worst_full);
    CHECK(rows == 2450);  // valid Contact Depth rows of the 9 tests
    // C0–C4 reproduce every row within its rounding bound (measured: at most 0.72 of it) …
    CHECK(worst_full <= 1.0);
    // … and C0–C2 alone (the Results sheet only) miss every row by more than it (measured 3.3e-4
    // below 300 nm depth … 0.98 at sub-nm contact depths).
    CHECK(c2_outside == rows);
}

TEST_CASE("nanosuite method: applying it to data from another tip warns with both tip names") {
    // FQ.xls was measured with tip "TB22169 NV" (its Results sheet), FS_XP with "Berk-20210318".
    vitrum::Dataset ds = vitrum::builtin_readers().read_file(
        vitrum::test::testdata("indentation/micromechanics/FQ.xls"));
    REQUIRE(ds.source.metadata.count("tip_name") == 1);
    const std::vector<std::string> warnings = vitrum::apply_nanosuite_method(
        vitrum::read_nanosuite_method_file(vitrum::test::testdata(kMethod)), ds);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("TB22169 NV") != std::string::npos);
    CHECK(warnings[0].find("Berk-20210318") != std::string::npos);
    CHECK(ds.warnings.back() == warnings[0]);
}

TEST_CASE("nanosuite method: refuses a wrong first line, a bad coefficient and a missing tip") {
    CHECK_THROWS_WITH_AS(parse("Channels\r\n"), doctest::Contains("bad.txt:1"), vitrum::ParseError);
    CHECK_THROWS_WITH_AS(parse("Channels\r\n"), doctest::Contains("Method Name"),
                         vitrum::ParseError);
    const std::string bad_label =
        replace_once(original_bytes(), "Value : 1.3341e+002", "Value : 1.3341e+0O2");
    CHECK_THROWS_WITH_AS(parse(bad_label), doctest::Contains("bad.txt:2770"), vitrum::ParseError);
    CHECK_THROWS_WITH_AS(parse(bad_label), doctest::Contains("1.3341e+0O2"), vitrum::ParseError);
    CHECK_THROWS_WITH_AS(vitrum::read_nanosuite_method_file("/nonexistent/method.txt"),
                         doctest::Contains("/nonexistent/method.txt"), vitrum::IoError);
    const std::string no_tip = replace_once(original_bytes(), "\tIndenter Tip\r\n", "\tTip\r\n");
    CHECK_THROWS_WITH_AS(parse(no_tip), doctest::Contains("CurrentTipName"), vitrum::ParseError);
}

TEST_CASE("nanosuite method: every truncation either parses or is refused with a vitrum error") {
    // Cut the real file at 97 places (80 spread over its length, 17 inside the tip block): no
    // crash, no foreign exception, and every cut before the tip's first coefficient is refused.
    const std::string full = original_bytes();
    const std::size_t tip = full.find("CurrentTipName");
    const std::size_t label0 = full.find("Label0", tip);
    REQUIRE(label0 != std::string::npos);
    std::size_t refused = 0, parsed = 0, before_label0 = 0;
    for (std::size_t k = 1; k <= 97; ++k) {
        const std::size_t cut = k <= 80 ? full.size() * k / 81 : tip + (k - 80) * 40;
        CAPTURE(cut);
        before_label0 += cut <= label0 ? 1 : 0;
        try {
            parse(full.substr(0, cut));
            ++parsed;
            CHECK(cut > label0);
        } catch (const vitrum::Error&) {
            ++refused;
        }
    }
    CHECK(refused + parsed == 97);
    CHECK(refused >= before_label0);
    CHECK(before_label0 >= 70);  // the tip block starts at 86 % of the file
}
