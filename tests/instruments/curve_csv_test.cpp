// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// writers::write_curve_csv: a converted curve reads back through vitrum's own generic CSV reader
// to the same doubles, and loads with a plain pandas.read_csv (Debian's python3-pandas).
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <vitrum/core/channels.hpp>
#include <vitrum/instruments/generic_csv.hpp>
#include <vitrum/instruments/netzsch_ngb.hpp>
#include <vitrum/instruments/registry.hpp>
#include <vitrum/instruments/writers/curve_csv.hpp>

#include "check.hpp"

namespace {

namespace fs = std::filesystem;
using vitrum::Column;
using vitrum::Curve;

const std::string kNgbSample = "dsc/netzsch-ngb/Douglas_Fir_STA_10K_250730_R13.ngb-ss3";

std::string csv_of(const Curve& curve) {
    std::ostringstream out;
    vitrum::writers::write_curve_csv(out, curve);
    return out.str();
}

fs::path unique_temp(const std::string& name) {
    return fs::temp_directory_path() /
           ("vitrum-curve-csv-" + std::to_string(::getpid()) + "-" + name);
}

}  // namespace

TEST_CASE("csv_header puts the SI unit in brackets and leaves a unitless name bare") {
    CHECK(vitrum::writers::csv_header(Column{"temperature", "K", "", "", {}}) == "temperature [K]");
    CHECK(vitrum::writers::csv_header(Column{"furnace_power", "", "", "", {}}) == "furnace_power");
}

TEST_CASE(
    "write_curve_csv writes the header first, a segment index, shortest doubles and NaN "
    "as an empty cell") {
    Curve curve;
    curve.data.add_column(Column{"time", "s", "", "", {0.0, 0.1, 0.2}});
    curve.data.add_column(Column{
        "heat flow, raw", "W", "", "", {1e-3, std::numeric_limits<double>::quiet_NaN(), -2.5e-4}});
    curve.data.segments.push_back({0, 2, vitrum::SegmentKind::heating, "S1", {}, {}, {}});
    CHECK(csv_of(curve) ==
          "segment,time [s],\"heat flow, raw [W]\"\n"
          "1,0,0.001\n"
          "1,0.1,\n"
          ",0.2,-0.00025\n");
}

TEST_CASE(
    "a NETZSCH run converted to CSV reads back through the generic reader to the same "
    "doubles in every channel") {
    const vitrum::Dataset original =
        vitrum::builtin_readers().read_file(vitrum::test::testdata(kNgbSample));
    REQUIRE(original.curves.size() == 1);
    const Curve& curve = original.curves.front();
    std::istringstream in(csv_of(curve));
    const vitrum::Dataset back = vitrum::read_generic_table(in, "converted.csv");
    REQUIRE(back.curves.size() == 1);
    const auto& columns = back.curves.front().data.columns();
    // The generic reader keeps column order; the first column is the segment index.
    REQUIRE(columns.size() == curve.data.columns().size() + 1);
    CHECK(back.curves.front().data.rows() == curve.data.rows());
    std::size_t compared = 0;
    for (std::size_t c = 0; c < curve.data.columns().size(); ++c) {
        const Column& want = curve.data.columns()[c];
        const Column& got = columns[c + 1];
        CAPTURE(want.name);
        // Shortest round-trip decimals and SI units (factor 1, offset 0) give the same doubles.
        for (std::size_t r = 0; r < want.values.size(); ++r) {
            if (std::isnan(want.values[r])) {
                CHECK(std::isnan(got.values[r]));
            } else if (got.values[r] != want.values[r]) {
                FAIL_CHECK("row " << r << ": " << got.values[r] << " != " << want.values[r]);
                break;
            }
        }
        ++compared;
    }
    CHECK(compared >= 6);  // time, temperature, DSC signal, TG, furnace, flows (oracle)
    const auto& segment = columns.front().values;
    CHECK_ABS(segment.front(), 1.0, 0.0);
    CHECK_ABS(segment.back(), static_cast<double>(curve.data.segments.size()), 0.0);
}

TEST_CASE("a converted CSV loads with a plain pandas.read_csv: same rows, columns and values") {
    const char* python = "/usr/bin/python3";
    if (!fs::exists(python) ||
        std::system("/usr/bin/python3 -c 'import pandas' >/dev/null 2>&1") != 0) {
        MESSAGE("skipped: Debian's python3 with pandas is not installed");
        return;
    }
    const vitrum::Dataset original =
        vitrum::builtin_readers().read_file(vitrum::test::testdata(kNgbSample));
    const Curve& curve = original.curves.front();
    const fs::path csv = unique_temp("pandas.csv");
    const fs::path out = unique_temp("pandas.txt");
    {
        std::ofstream f(csv);
        vitrum::writers::write_curve_csv(f, curve);
    }
    // pandas prints rows, columns, the first header, and the last value of temperature [K].
    const std::string script =
        "import pandas, sys; d = pandas.read_csv(sys.argv[1]); "
        "print(d.shape[0], d.shape[1], d.columns[1], repr(float(d['temperature [K]'].iloc[-1])))";
    const std::string command = std::string(python) + " -c \"" + script + "\" '" + csv.string() +
                                "' > '" + out.string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    std::ifstream result(out);
    std::size_t rows = 0, cols = 0;
    std::string first, last_word;
    result >> rows >> cols >> first;
    std::string rest;
    std::getline(result, rest);
    fs::remove(csv);
    fs::remove(out);
    CHECK(rows == curve.data.rows());
    CHECK(cols == curve.data.columns().size() + 1);
    CHECK(first == "time");  // "time [s]" splits at the blank when read with >>
    // Python's repr is the shortest round-trip form too: the same double.
    const double last_K = std::stod(rest.substr(rest.find_last_of(' ') + 1));
    CHECK_ABS(last_K, curve.data.values(vitrum::channel::temperature).back(), 0.0);
}
