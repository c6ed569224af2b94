// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// writers::dataset_json: the JSON document and the CSV sidecar of `vitrum convert`.
#include <cmath>
#include <limits>
#include <vitrum/core/version.hpp>
#include <vitrum/instruments/writers/dataset_json.hpp>

#include "check.hpp"

namespace {

vitrum::Dataset small_dataset() {
    vitrum::Dataset data;
    data.source.format_id = "netzsch-ngb-ss3";
    data.source.sample = "fir";
    data.source.properties["sample_mass"] = {1.5e-5, "kg"};
    vitrum::Curve curve;
    curve.name = "fir";
    curve.data.add_column({"time", "s", "0x8C", "min", {0.0, 60.0}});
    curve.data.add_column(
        {"temperature", "K", "0x8D", "°C", {300.0, std::numeric_limits<double>::quiet_NaN()}});
    curve.data.segments.push_back(
        {0, 2, vitrum::SegmentKind::heating, "S1/1", 10.0 / 60.0, {}, {}});
    data.curves.push_back(curve);
    data.warnings.push_back("no DSC sensitivity");
    return data;
}

const vitrum::writers::ConversionProvenance kProvenance{"in/fir.ngb-ss3", std::string(64, 'f'), 42,
                                                        "netzsch-ngb-ss3", "2026-12-07T12:00:00Z"};

}  // namespace

TEST_CASE("dataset_json with values carries provenance, units, segments and NaN as null") {
    const auto doc = vitrum::writers::dataset_json(small_dataset(), kProvenance, true);
    const auto& p = doc.at("provenance");
    CHECK(p.at("tool") == "vitrum convert");
    CHECK(p.at("vitrum_version") == vitrum::version());
    CHECK(p.at("git_commit") == vitrum::git_commit());
    CHECK(p.at("input").at("sha256") == std::string(64, 'f'));
    CHECK(p.at("input").at("bytes") == 42);
    CHECK(p.at("reader") == "netzsch-ngb-ss3");
    CHECK(doc.at("source").at("properties").at("sample_mass").at("unit") == "kg");
    const auto& curve = doc.at("curves").at(0);
    CHECK(curve.at("rows") == 2);
    CHECK(curve.at("segments").at(0).at("kind") == "heating");
    CHECK_REL(curve.at("segments").at(0).at("program_rate_K_per_s").get<double>(), 10.0 / 60.0,
              1e-15);
    const auto& temperature = curve.at("columns").at(1);
    CHECK(temperature.at("unit") == "K");
    CHECK(temperature.at("original_unit") == "°C");
    CHECK_REL(temperature.at("values").at(0).get<double>(), 300.0, 0.0);
    CHECK(temperature.at("values").at(1).is_null());
    CHECK(doc.at("warnings").at(0) == "no DSC sensitivity");
}

TEST_CASE("dataset_json as a CSV sidecar names each curve's file and carries no values") {
    const auto doc =
        vitrum::writers::dataset_json(small_dataset(), kProvenance, false, {"fir.csv"});
    const auto& curve = doc.at("curves").at(0);
    CHECK(curve.at("file") == "fir.csv");
    CHECK_FALSE(curve.at("columns").at(0).contains("values"));
}
