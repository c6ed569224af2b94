// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/netzsch_ngb.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

namespace {

using vitrum::test::testdata;

const std::string kDir = "dsc/netzsch-ngb/";
const char* const kFiles[] = {"01_Messung_Probe_G_300_Grad_Ar.ngb-ds3",
                              "DF_FILED_STA_21O2_10K_220222_R1.ngb-ss3",
                              "Douglas_Fir_STA_10K_250730_R13.ngb-ss3",
                              "Douglas_Fir_STA_Baseline_10K_250730_R13.ngb-bs3",
                              "Douglas_Fir_STA_Baseline_10K_250813_R15.ngb-bs3",
                              "RO_FILED_STA_N2_10K_250129_R29.ngb-ss3"};

// The oracle (`*.parity.json`, written by pyngb, MIT) names channels its own way and keeps the
// file's units (min→s already applied to time). Each entry: our column, and the map from our SI
// value back to the oracle's unit.
struct OracleColumn {
    const char* oracle;
    const char* ours;
    double scale;  // oracle = (SI − offset) × scale
    double offset;
};
const OracleColumn kColumns[] = {
    {"time", "time", 1.0, 0.0},
    {"sample_temperature", "temperature", 1.0, 273.15},
    {"dsc_signal", "dsc_signal_voltage", 1e6, 0.0},
    {"mass", "mass_change", 1e6, 0.0},
    {"purge_flow_1", "purge_1_flow", 60e6, 0.0},
    {"purge_flow_2", "purge_2_flow", 60e6, 0.0},
    {"protective_flow", "protective_flow", 60e6, 0.0},
    {"furnace_temperature", "furnace_temperature", 1.0, 273.15},
    {"h_foil_temperature", "h_foil_temperature", 1.0, 273.15},
    {"31", "channel_0x31", 1.0, 0.0},
    {"furnace_power", "furnace_power", 1.0, 0.0},
    {"uc_module", "uc_module", 1.0, 0.0},
    {"environmental_pressure", "environmental_pressure", 1.0, 0.0},
    {"environmental_acceleration_x", "environmental_acceleration_x", 1.0, 0.0},
    {"environmental_acceleration_y", "environmental_acceleration_y", 1.0, 0.0},
    {"environmental_acceleration_z", "environmental_acceleration_z", 1.0, 0.0},
};

// The oracle's numbers are the file's float32 (or float64) values widened to double; ours are
// the same values through an SI scale and back, which costs at most a few double ulps. 1e-9
// relative is far below one float32 ulp (6e-8), so an off-by-one-float32 value would fail; 1e-9
// absolute covers the oracle's zeros (and −273.15 + 273.15 residues).
constexpr double kRel = 1e-9;
constexpr double kAbs = 1e-9;

nlohmann::json oracle(const std::string& file) {
    std::ifstream in(testdata(kDir + file + ".parity.json"));
    REQUIRE(in.good());
    return nlohmann::json::parse(in);
}

void check_value(double ours, double expected) {
    CHECK(vitrum::test::close(ours, expected, kRel, kAbs));
}

std::string read_bytes(const std::string& file) {
    return vitrum::text::read_file_bytes(testdata(kDir + file));
}

}  // namespace

TEST_CASE("netzsch-ngb matches the oracle on every channel of the six Proteus files") {
    for (const char* file : kFiles) {
        CAPTURE(file);
        const nlohmann::json o = oracle(file);
        const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kDir + file));
        REQUIRE(data.curves.size() == 1);
        const vitrum::Series& s = data.curves.front().data;
        CHECK(s.rows() == o.at("num_rows").get<std::size_t>());
        std::size_t matched = 0;
        for (const OracleColumn& c : kColumns) {
            if (!o.at("column_stats").contains(c.oracle)) {
                CHECK_FALSE(s.has(c.ours));
                continue;
            }
            CAPTURE(c.oracle);
            REQUIRE(s.has(c.ours));
            ++matched;
            const nlohmann::json& stats = o.at("column_stats").at(c.oracle);
            std::vector<double> v;
            for (const double x : s.values(c.ours)) v.push_back((x - c.offset) * c.scale);
            CHECK(std::count_if(v.begin(), v.end(), [](double x) { return std::isnan(x); }) ==
                  stats.at("null_count").get<long>());
            check_value(v.front(), stats.at("first").get<double>());
            check_value(v.back(), stats.at("last").get<double>());
            check_value(*std::min_element(v.begin(), v.end()), stats.at("min").get<double>());
            check_value(*std::max_element(v.begin(), v.end()), stats.at("max").get<double>());
        }
        // Every oracle column has a counterpart (nothing dropped, nothing unmapped).
        CHECK(matched == o.at("columns").size());
    }
}

TEST_CASE("netzsch-ngb reads the metadata the oracle lists") {
    for (const char* file : kFiles) {
        CAPTURE(file);
        const nlohmann::json o = oracle(file);
        const nlohmann::json& m = o.at("metadata");
        const vitrum::Dataset data = vitrum::builtin_readers().read_file(testdata(kDir + file));
        const vitrum::SourceInfo& src = data.source;
        for (const char* key : {"sample_name", "sample_id", "material", "crucible_type",
                                "furnace_type", "carrier_type", "instrument", "application_version",
                                "operator", "lab", "project", "comment", "correction_file_path"}) {
            CAPTURE(key);
            REQUIRE(src.metadata.count(key) == 1);
            CHECK(src.metadata.at(key) == m.at(key).get<std::string>());
        }
        CHECK(src.sample == m.at("sample_name").get<std::string>());
        CHECK(src.instrument == m.at("instrument").get<std::string>());
        // The oracle writes UTC as "+00:00", vitrum as "Z".
        std::string date = m.at("date_performed").get<std::string>();
        date.replace(date.find("+00:00"), 6, "Z");
        CHECK(src.date == date);
        // Masses in mg in the file; the oracle holds the stored f64 (sample) or f32 (crucible).
        const double sample_mg = m.at("sample_mass").get<double>();
        if (sample_mg > 0) {
            CHECK_REL(src.properties.at(vitrum::property::sample_mass).value, sample_mg * 1e-6,
                      1e-12);
        } else {
            CHECK(src.properties.count(vitrum::property::sample_mass) == 0);  // −1000: not entered
        }
        CHECK_REL(src.properties.at("crucible_mass").value,
                  m.at("crucible_mass").get<double>() * 1e-6, 1e-12);
        for (int k = 0; k < 6; ++k) {
            const std::string key = "p" + std::to_string(k);
            CHECK_REL(std::stod(src.metadata.at("dsc_sensitivity_" + key)),
                      m.at("calibration_constants").at(key).get<double>(), 1e-12);
        }
        // Program: every executed stage (stage_type 1) becomes one program segment and one data
        // segment, in ordinal order; rates in °C/min, times in s in the oracle.
        std::vector<nlohmann::json> body;
        for (int k = 0; m.at("temperature_program").contains("stage_" + std::to_string(k)); ++k) {
            const nlohmann::json& st = m.at("temperature_program").at("stage_" + std::to_string(k));
            if (st.at("stage_type").get<int>() == 1) body.push_back(st);
        }
        REQUIRE(src.program.size() == body.size());
        REQUIRE(data.curves.front().data.segments.size() == body.size());
        for (std::size_t k = 0; k < body.size(); ++k) {
            CAPTURE(k);
            CHECK_REL(*src.program[k].program_end_K,
                      body[k].at("temperature").get<double>() + 273.15, 1e-12);
            CHECK_ABS(std::fabs(*src.program[k].program_rate_K_per_s),
                      body[k].at("heating_rate").get<double>() / 60.0, 1e-12);
            CHECK(data.curves.front().data.segments[k].kind == src.program[k].kind);
        }
        // Calibrated files convert the DSC voltage to heat flow; all six carry the constants.
        CHECK(data.curves.front().data.has(vitrum::channel::heat_flow));
        CHECK(src.properties.at(vitrum::property::exotherm_sign).value == 1.0);
    }
}

TEST_CASE("netzsch-ngb converts the DSC voltage with the file's sensitivity S(T)") {
    const vitrum::Dataset data = vitrum::builtin_readers().read_file(
        testdata(kDir + "DF_FILED_STA_21O2_10K_220222_R1.ngb-ss3"));
    const vitrum::Series& s = data.curves.front().data;
    // S(T) = (P2 + P3 z + P4 z² + P5 z³) exp(−z²), z = (T − P0)/P1 [µV/mW], constants of the
    // file (stream 1, calibration table), evaluated here independently on the first row.
    const double p[] = {69.19999694824219,   759.6948852539062,  0.9252583384513855,
                        -0.3378215730190277, 1.0889108180999756, -0.7336956858634949};
    const double t_C = s.values(vitrum::channel::temperature).front() - 273.15;
    const double z = (t_C - p[0]) / p[1];
    const double sens = (p[2] + p[3] * z + p[4] * z * z + p[5] * z * z * z) * std::exp(-z * z);
    const double expected_W = -8.40454387664795 / sens * 1e-3;  // µV / (µV/mW) → mW → W
    // Same formula and float64 arithmetic in another order: a few ulps.
    CHECK_REL(s.values(vitrum::channel::heat_flow).front(), expected_W, 1e-12);
}

TEST_CASE("netzsch-ngb splits a .ngb-ds3 file into sample, correction and corrected runs") {
    const std::string file = "01_Messung_Probe_G_300_Grad_Ar.ngb-ds3";
    const std::string bytes = read_bytes(file);
    const vitrum::Dataset sample = vitrum::read_netzsch_ngb(bytes, file, vitrum::NgbRun::sample);
    const vitrum::Dataset correction =
        vitrum::read_netzsch_ngb(bytes, file, vitrum::NgbRun::correction);
    const vitrum::Dataset corrected =
        vitrum::read_netzsch_ngb(bytes, file, vitrum::NgbRun::corrected);
    const vitrum::Series& a = sample.curves.front().data;
    const vitrum::Series& b = correction.curves.front().data;
    const vitrum::Series& c = corrected.curves.front().data;
    // Both runs have 5801 rows in 5 segments (751 + 250 + 1950 + 250 + 2600 values per channel).
    REQUIRE(b.rows() == 5801);
    REQUIRE(c.rows() == a.rows());
    CHECK(b.segments.size() == 5);
    CHECK(correction.source.metadata.at("run") == "correction");
    CHECK(corrected.source.metadata.at("run") == "corrected");
    // The correction was sampled at slightly different times (its last row is 0.1 s later):
    // the corrected signal is sample − correction interpolated linearly at the sample's time.
    const auto& tb = b.values("time");
    for (std::size_t k : {std::size_t{0}, std::size_t{1000}, std::size_t{5000}, a.rows() - 1}) {
        CAPTURE(k);
        const double t = a.values("time")[k];
        const std::size_t j =
            static_cast<std::size_t>(std::lower_bound(tb.begin(), tb.end(), t) - tb.begin());
        REQUIRE(j < tb.size());
        const auto at = [&](const char* name) {
            const auto& y = b.values(name);
            if (tb[j] == t) return y[j];
            return y[j - 1] + (t - tb[j - 1]) / (tb[j] - tb[j - 1]) * (y[j] - y[j - 1]);
        };
        // Same arithmetic, maybe in another order: a few ulps of the 1e-5 V signal.
        CHECK_ABS(c.values("dsc_signal_voltage")[k],
                  a.values("dsc_signal_voltage")[k] - at("dsc_signal_voltage"), 1e-18);
        CHECK_ABS(c.values("mass_change")[k], a.values("mass_change")[k] - at("mass_change"),
                  1e-18);
        CHECK(c.values("temperature")[k] == a.values("temperature")[k]);
    }
    // The correction is a different measurement, not a copy of the sample.
    CHECK(b.values("dsc_signal_voltage")[1000] != a.values("dsc_signal_voltage")[1000]);
}

TEST_CASE("subtract_ngb_baseline interpolates a separate baseline onto the sample's time") {
    const vitrum::Dataset sample = vitrum::builtin_readers().read_file(
        testdata(kDir + "Douglas_Fir_STA_10K_250730_R13.ngb-ss3"));
    const vitrum::Dataset baseline = vitrum::builtin_readers().read_file(
        testdata(kDir + "Douglas_Fir_STA_Baseline_10K_250730_R13.ngb-bs3"));
    const vitrum::Dataset corrected = vitrum::subtract_ngb_baseline(sample, baseline);
    const auto& s = sample.curves.front().data;
    const auto& b = baseline.curves.front().data;
    const auto& c = corrected.curves.front().data;
    REQUIRE(c.rows() == s.rows());
    // 9190 sample rows, 9191 baseline rows: same sampling, so row 0 matches in time.
    CHECK(s.values("time")[0] == b.values("time")[0]);
    CHECK_ABS(c.values("dsc_signal_voltage")[0],
              s.values("dsc_signal_voltage")[0] - b.values("dsc_signal_voltage")[0], 1e-18);
    CHECK(corrected.source.metadata.at("baseline_subtracted") == baseline.source.path);
    vitrum::Dataset no_time = baseline;
    no_time.curves.front().data = vitrum::Series{};
    CHECK_THROWS_WITH_AS(vitrum::subtract_ngb_baseline(sample, no_time),
                         doctest::Contains("the baseline has no time column"),
                         vitrum::InvalidArgument);
}

TEST_CASE("netzsch-ngb refuses a correction run from a single-run file") {
    const std::string file = "RO_FILED_STA_N2_10K_250129_R29.ngb-ss3";
    CHECK_THROWS_WITH_AS(
        vitrum::read_netzsch_ngb(read_bytes(file), file, vitrum::NgbRun::correction),
        doctest::Contains("holds one run"), vitrum::InvalidArgument);
}

TEST_CASE("netzsch-ngb sniffs by extension and by the first zip member") {
    const vitrum::ReaderRegistry& r = vitrum::builtin_readers();
    const std::string head = read_bytes("RO_FILED_STA_N2_10K_250129_R29.ngb-ss3").substr(0, 65536);
    CHECK(r.detect(head, "x.ngb-ss3")->format_id() == "netzsch-ngb-ss3");
    CHECK(r.detect(head, "x.ngb-bs3")->format_id() == "netzsch-ngb-bs3");
    CHECK(r.detect(head, "x.NGB-DS3")->format_id() == "netzsch-ngb-ds3");
    CHECK(r.detect(head, "renamed.bin")->format_id() == "netzsch-ngb-ss3");
    CHECK_FALSE(r.find("netzsch-ngb-ss3")->sniff("PK", "x.ngb-ss3"));
    CHECK_FALSE(r.find("netzsch-ngb-ss3")->sniff(std::string(64, '\0'), "x.ngb-ss3"));
}
