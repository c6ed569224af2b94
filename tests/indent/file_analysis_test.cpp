// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The one indentation entry point (issue 18): "ignore" flags, quality warnings, ISO 14577
// columns and the file's tip against the user's, on synthetic indents with known answers.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vitrum/core/channels.hpp>
#include <vitrum/indent/file_analysis.hpp>

#include "check.hpp"
#include "synthetic.hpp"

using namespace vitrum;
using namespace vitrum::indent;

namespace {

Dataset two_tests(bool second_ignored) {
    test::SyntheticIndent s;
    Dataset ds;
    Curve a = s.make();
    a.name = "test_0";
    Curve b = s.make();
    b.name = "test_1";
    if (second_ignored) b.properties[property::ignore] = {1.0, "1"};
    ds.curves = {a, b};
    return ds;
}

bool any_contains(const std::vector<std::string>& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

std::string text(const Record& r, const std::string& key) {
    const FieldValue* v = r.find(key);
    REQUIRE(v != nullptr);
    REQUIRE(std::holds_alternative<std::string>(*v));
    return std::get<std::string>(*v);
}

}  // namespace

TEST_CASE("analyse skips a test the file flags ignore, names it and does not count it failed") {
    const IndentFileResult r = analyse(two_tests(true));
    REQUIRE(r.indents.size() == 1);
    CHECK(r.indents[0].test == "test_0");
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped[0].test == "test_1");
    CHECK(r.skipped[0].reason.find("ignore") != std::string::npos);
    CHECK(any_contains(r.warnings, "test_1: skipped: the file flags this test 'ignore'"));
    const IndentSummary s = r.summary();
    CHECK(s.failed == 0);
    CHECK(s.skipped == 1);
    CHECK(s.usable == 1);
    CHECK(r.failed() == 0);
    CHECK(s.to_record().number("skipped") == std::optional<double>(1.0));

    IndentFileOptions o;
    o.analyse_ignored = true;
    const IndentFileResult all = analyse(two_tests(true), o);
    CHECK(all.indents.size() == 2);
    CHECK(all.skipped.empty());
    CHECK(all.summary().usable == 2);
}

TEST_CASE("analyse writes the ISO 14577 quantities and the quality of each cycle as columns") {
    test::SyntheticIndent s;
    Dataset ds;
    ds.curves = {s.make()};
    const IndentFileResult r = analyse(ds);
    REQUIRE(r.indents.size() == 1);
    const IndentAnalysis& a = r.indents[0];
    REQUIRE(a.ok());
    CHECK(a.warnings.empty());  // exact power-law unload, m = 1.5: nothing to flag
    CHECK(r.summary().flagged == 0);
    const std::vector<Record> rows = a.cycle_records();
    REQUIRE(rows.size() == 1);
    const Record& row = rows[0];
    CHECK(text(row, "quality") == "ok");
    CHECK(text(row, "unloading_fit_bound") == "none");
    // H_IT and E_IT are the Oliver–Pharr H and E of the cycle (ISO 14577-1 4.5, 4.6).
    CHECK_REL(*row.number("hardness_it_Pa"), *row.number("hardness_Pa"), 1e-12);
    CHECK_REL(*row.number("modulus_it_Pa"), *row.number("modulus_Pa"), 1e-12);
    // HM = F_max / (26.43 h_max²) (ISO 14577-1 Annex A); the synthetic loading is P = C h², so
    // the slope of h against √F gives HM_s = C / 26.43 = HM. Exact data: rounding only.
    const double pmax = s.max_loads_N[0], hmax = s.max_depth(pmax);
    CHECK_REL(*row.number("martens_hardness_Pa"), pmax / (26.43 * hmax * hmax), 1e-9);
    CHECK_REL(*row.number("martens_hardness_s_Pa"), pmax / (26.43 * hmax * hmax), 1e-9);
    // η_IT = W_elast / (W_elast + W_plast) by definition (ISO 14577-1 4.8).
    const double we = *row.number("w_elast_J"), wp = *row.number("w_plast_J");
    CHECK(we > 0.0);
    CHECK(wp > 0.0);
    CHECK_REL(*row.number("eta_it"), we / (we + wp), 1e-12);
    // h_r = h_max − F_max/S, the tangent depth (ISO 14577-1 4.2).
    CHECK_REL(*row.number("h_r_m"), hmax - pmax / s.stiffness(pmax), 1e-6);
    // The synthetic hold is at constant depth: no creep.
    CHECK_ABS(*row.number("creep_c_it"), 0.0, 1e-12);

    const Record headline = a.to_record();
    CHECK_REL(*headline.number("martens_hardness_Pa"), *row.number("martens_hardness_Pa"), 1e-15);
    CHECK(text(headline, "quality") == "ok");
    CHECK(text(headline, "tip_source") == "default");  // no tip given, none in the file
}

TEST_CASE("analyse reports the quality flags of a cycle per indent, per row and in the summary") {
    test::SyntheticIndent s;
    s.exponent_m = 2.6;  // above the usual 1.1–2.0 of the quality checks
    Dataset ds;
    ds.curves = {s.make()};
    const IndentFileResult r = analyse(ds);
    REQUIRE(r.indents.size() == 1);
    const IndentAnalysis& a = r.indents[0];
    CHECK(any_contains(a.warnings, "cycle 1: unloading exponent"));
    CHECK(any_contains(r.warnings, "synthetic: cycle 1: unloading exponent"));
    CHECK(r.summary().flagged == 1);
    CHECK(r.summary().to_record().number("flagged") == std::optional<double>(1.0));
    CHECK(text(a.cycle_records()[0], "quality").find("unloading exponent") != std::string::npos);
    CHECK(text(a.to_record(), "quality").find("cycle 1: unloading exponent") != std::string::npos);
}

TEST_CASE("analyse warns when the area option disagrees with the tip the file states") {
    test::SyntheticIndent s;
    Dataset ds;
    Curve c = s.make();
    c.properties[property::tip_shape] = {property::tip_shape_code::sphere, "1"};
    c.properties[property::tip_radius] = {11e-6, "m"};
    ds.curves = {c};

    // No option: the file's sphere is used, and its source recorded.
    const IndentFileResult from_file = analyse(ds);
    CHECK(!any_contains(from_file.warnings, "the file states the tip"));
    CHECK(text(from_file.indents[0].to_record(), "tip_source") == "file");

    IndentFileOptions o;
    o.area = AreaFunction::berkovich();
    const IndentFileResult overridden = analyse(ds, o);
    CHECK(any_contains(overridden.warnings, "the file states the tip sphere"));
    CHECK(any_contains(overridden.warnings, "but the area option"));
    CHECK(text(overridden.indents[0].to_record(), "tip_source") == "option");

    // The same tip stated twice is no disagreement.
    ds.curves[0].properties[property::tip_shape] = {property::tip_shape_code::berkovich, "1"};
    const IndentFileResult same = analyse(ds, o);
    CHECK(!any_contains(same.warnings, "the file states the tip"));
}
