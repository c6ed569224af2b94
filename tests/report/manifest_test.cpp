// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <string>
#include <vitrum/core/error.hpp>
#include <vitrum/report/manifest.hpp>

#include "check.hpp"

using vitrum::report::parse_manifest;

namespace {

// A minimal valid manifest with one sample; `sample` replaces the sample object.
std::string manifest_with(const std::string& sample, const std::string& extra = "") {
    return R"({"manifest_version": 1, )" + extra + R"("samples": [)" + sample + "]}";
}

}  // namespace

TEST_CASE("the bundled example manifest parses with units converted to SI") {
    const auto m =
        vitrum::report::read_manifest(vitrum::test::share("examples/cu50zr50/manifest.json"));
    REQUIRE(m.samples.size() == 7);
    CHECK(m.reference == "ribbon");
    CHECK(m.samples[0].is_reference);
    CHECK(m.material_set.value_or("") == "cu50zr50:combo-a");
    // "25 °C" → 298.15 K exactly (offset scale).
    REQUIRE(m.samples[1].deposition_K.has_value());
    CHECK_ABS(*m.samples[1].deposition_K, 298.15, 1e-9);
    // "10 K/min" → 1/6 K/s.
    REQUIRE(m.samples[1].dsc.at(0).heating_rate_K_per_s.has_value());
    CHECK_REL(*m.samples[1].dsc[0].heating_rate_K_per_s, 10.0 / 60.0, 1e-12);
    // "1.4 nm" → 1.4e-9 m.
    REQUIRE(m.samples[1].mro_size_m.has_value());
    CHECK_REL(*m.samples[1].mro_size_m, 1.4e-9, 1e-12);
    CHECK(m.samples[1].indentation.at(0).paths.size() == 10);
    REQUIRE(m.options.poisson_ratio.has_value());
    CHECK_ABS(*m.options.poisson_ratio, 0.36, 1e-12);
}

TEST_CASE("a sample without a deposition names the key and the sample") {
    const std::string text = manifest_with(R"({"name": "film_A"})");
    CHECK_THROWS_WITH_AS(parse_manifest(text, "m.json", ".", false),
                         doctest::Contains("samples[0] 'film_A': key 'deposition': missing"),
                         vitrum::InvalidArgument);
}

TEST_CASE("a deposition temperature in the wrong unit names the key, the sample and the text") {
    const std::string text = manifest_with(R"({"name": "film_B", "deposition": "556 nm"})");
    CHECK_THROWS_WITH_AS(parse_manifest(text, "m.json", ".", false),
                         doctest::Contains("samples[0] 'film_B': key 'deposition': '556 nm'"),
                         vitrum::InvalidArgument);
}

TEST_CASE("a listed file that does not exist names the key, the sample and the path") {
    const std::string text = manifest_with(
        R"({"name": "film_C", "deposition": "500 K", "dsc": [{"file": "missing/run.txt"}]})");
    CHECK_THROWS_WITH_AS(
        parse_manifest(text, "m.json", "/nonexistent-folder", true),
        doctest::Contains("'film_C': key 'dsc.file': file '/nonexistent-folder/missing/run.txt'"),
        vitrum::IoError);
}

TEST_CASE("an unknown key is refused with the keys that are allowed") {
    const std::string text =
        manifest_with(R"({"name": "film_D", "deposition": "500 K", "depositon": "x"})");
    CHECK_THROWS_WITH_AS(parse_manifest(text, "m.json", ".", false),
                         doctest::Contains("key 'depositon': unknown key (allowed: "),
                         vitrum::InvalidArgument);
}

TEST_CASE("a missing samples list and a missing version are named") {
    CHECK_THROWS_WITH_AS(parse_manifest(R"({"manifest_version": 1})", "m.json", ".", false),
                         doctest::Contains("key 'samples': missing"), vitrum::InvalidArgument);
    CHECK_THROWS_WITH_AS(parse_manifest(R"({"samples": []})", "m.json", ".", false),
                         doctest::Contains("key 'manifest_version': missing"),
                         vitrum::InvalidArgument);
}

TEST_CASE("a reference that names no sample is refused") {
    const std::string text =
        manifest_with(R"({"name": "a", "deposition": "reference"})", R"("reference": "ribbon", )");
    CHECK_THROWS_WITH_AS(parse_manifest(text, "m.json", ".", false),
                         doctest::Contains("key 'reference': no sample is named 'ribbon'"),
                         vitrum::InvalidArgument);
}

TEST_CASE("JSON syntax errors carry the line of the manifest") {
    const std::string text = "{\n  \"manifest_version\": 1,\n  \"samples\": [\n}\n";
    CHECK_THROWS_WITH_AS(parse_manifest(text, "broken.json", ".", false),
                         doctest::Contains("broken.json:4:"), vitrum::ParseError);
}

TEST_CASE("sample options override study options field by field") {
    const std::string text = manifest_with(
        R"({"name": "a", "deposition": "500 K", "options": {"indentation": {"poisson_ratio": 0.3}}})",
        R"("options": {"indentation": {"poisson_ratio": 0.36, "tip": "berkovich"},
                       "dsc": {"tg_search": ["600 K", "720 K"]}}, )");
    const auto m = parse_manifest(text, "m.json", ".", false);
    const auto o = m.options_for(m.samples[0]);
    CHECK_ABS(o.poisson_ratio.value_or(0.0), 0.3, 1e-12);
    CHECK(o.tip.value_or("") == "berkovich");
    CHECK_ABS(o.tg_search_hi_K.value_or(0.0), 720.0, 1e-9);
}

TEST_CASE("a skeleton for scanned files groups indents by folder and DSC runs by file stem") {
    const auto j =
        vitrum::report::manifest_skeleton({{"dsc/a.txt", "dsc", "netzsch-ascii"},
                                           {"ind/a/1.txt", "indentation", "hysitron-txt"},
                                           {"ind/a/2.txt", "indentation", "hysitron-txt"}},
                                          "study");
    REQUIRE(j["samples"].size() == 1);
    CHECK(j["samples"][0]["name"] == "a");
    CHECK(j["samples"][0]["indentation"][0]["files"].size() == 2);
    CHECK(j["samples"][0]["dsc"][0]["file"] == "dsc/a.txt");
}

TEST_CASE("a DSC entry carries a NETZSCH baseline file and the run to analyse") {
    const std::string text = manifest_with(
        R"({"name": "fir", "deposition": "reference", "dsc": [{"file": "r13.ngb-ss3",
            "baseline": "base/r13.ngb-bs3", "ngb_run": "corrected"}]})");
    const auto m = parse_manifest(text, "m.json", "/study", false);
    const auto& d = m.samples.at(0).dsc.at(0);
    CHECK(d.baseline_file == "base/r13.ngb-bs3");
    CHECK(d.baseline_path == "/study/base/r13.ngb-bs3");
    CHECK(d.ngb_run == "corrected");
    const auto plain = parse_manifest(
        manifest_with(R"({"name": "a", "deposition": "reference", "dsc": [{"file": "x.txt"}]})"),
        "m.json", "/study", false);
    CHECK(plain.samples.at(0).dsc.at(0).baseline_path.empty());
    CHECK(plain.samples.at(0).dsc.at(0).ngb_run.empty());
}

TEST_CASE("an unknown ngb_run or a missing baseline file names the key and the sample") {
    const std::string bad_run = manifest_with(
        R"({"name": "fir", "deposition": "reference", "dsc": [{"file": "r.ngb-ds3",
            "ngb_run": "baseline"}]})");
    CHECK_THROWS_WITH_AS(parse_manifest(bad_run, "m.json", ".", false),
                         doctest::Contains("samples[0] 'fir': key 'dsc.ngb_run': must be "
                                           "\"sample\", \"correction\" or \"corrected\""),
                         vitrum::InvalidArgument);
    // The sample file exists (share/testdata); its baseline does not.
    const std::string missing = manifest_with(
        R"({"name": "fir", "deposition": "reference", "dsc": [{"file":
            "Douglas_Fir_STA_10K_250730_R13.ngb-ss3", "baseline": "missing.ngb-bs3"}]})");
    const std::string folder = vitrum::test::testdata("dsc/netzsch-ngb");
    const std::string expected =
        "key 'dsc.baseline': file '" + folder + "/missing.ngb-bs3' does not exist";
    CHECK_THROWS_WITH_AS(parse_manifest(missing, "m.json", folder, true),
                         doctest::Contains(expected.c_str()), vitrum::IoError);
}
