// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The common HDF5 format's statements about its own structure (issue 18): `indices`, junk rows
// after them, the stated maximum load, the tip, ν and the per-test "ignore" flag. The files are
// written here with the HDF5 C API in the layout of a Micro Materials conversion.
#include <hdf5.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/indent/area_function.hpp>
#include <vitrum/indent/quasi_static.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

namespace {

namespace fs = std::filesystem;

struct TestSpec {
    std::string name;
    std::size_t load = 300, hold = 50, unload = 200, junk = 0;
    double junk_load_mN = 955.0;
    bool ignore = false;
    bool with_indices = true;
    bool stuck_depth = false;  ///< depth zero through the whole loading
};

void string_attribute(hid_t object, const char* name, const std::string& value) {
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, value.size() + 1);
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t a = H5Acreate2(object, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(a, type, value.c_str());
    H5Aclose(a);
    H5Sclose(space);
    H5Tclose(type);
}

void number_attribute(hid_t object, const char* name, double value) {
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t a = H5Acreate2(object, name, H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(a, H5T_NATIVE_DOUBLE, &value);
    H5Aclose(a);
    H5Sclose(space);
}

void dataset(hid_t group, const char* name, hid_t file_type, hid_t memory_type, const void* values,
             hsize_t count) {
    const hid_t space = H5Screate_simple(1, &count, nullptr);
    const hid_t d =
        H5Dcreate2(group, name, file_type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    H5Dwrite(d, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values);
    H5Dclose(d);
    H5Sclose(space);
}

// Kick's law loading P = C h², a hold, and an unload P = P_max ((h − h_f)/(h_max − h_f))^1.5
// with S = 1.5 P_max/(h_max − h_f); depth nm, load mN, time s (Micro Materials units).
void write_test(hid_t file, const TestSpec& t) {
    const double pmax = 50.0, hmax = 1000.0, hf = 700.0;
    std::vector<double> h, p, time;
    double clock = 0.0;
    for (std::size_t i = 0; i < t.load; ++i) {
        const double x = static_cast<double>(i + 1) / t.load;
        p.push_back(pmax * x);
        h.push_back(t.stuck_depth ? 0.0 : hmax * std::sqrt(x));
        time.push_back(clock += 0.1);
    }
    for (std::size_t i = 0; i < t.hold; ++i) {
        p.push_back(pmax);
        h.push_back(hmax);
        time.push_back(clock += 0.1);
    }
    for (std::size_t i = 0; i < t.unload; ++i) {
        const double pp = pmax * (1.0 - 0.9 * static_cast<double>(i) / (t.unload - 1));
        p.push_back(pp);
        h.push_back(hf + (hmax - hf) * std::pow(pp / pmax, 1.0 / 1.5));
        time.push_back(clock += 0.1);
    }
    for (std::size_t i = 0; i < t.junk; ++i) {
        p.push_back(t.junk_load_mN + 0.3 * std::sin(static_cast<double>(i)));
        h.push_back(12345.0);
        time.push_back(clock += 0.1);
    }
    const hid_t g = H5Gcreate2(file, t.name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    if (t.ignore) number_attribute(g, "ignore", 1.0);
    const hid_t d = H5Gcreate2(g, "data", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    dataset(d, "displacement", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, h.data(), h.size());
    dataset(d, "force", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, p.data(), p.size());
    dataset(d, "time", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, time.data(), time.size());
    if (t.with_indices) {
        const std::vector<int> lengths{static_cast<int>(t.load), static_cast<int>(t.hold),
                                       static_cast<int>(t.unload)};
        dataset(d, "indices", H5T_STD_I32LE, H5T_NATIVE_INT, lengths.data(), lengths.size());
    }
    H5Gclose(d);
    H5Gclose(g);
}

vitrum::Dataset write_and_read(const std::vector<TestSpec>& tests) {
    // ctest runs each case in its own process, all with the same rand() sequence: the pid and a
    // counter keep parallel cases from writing the same file.
    static int counter = 0;
    const fs::path path =
        fs::temp_directory_path() / ("vitrum-hdf5-structure-" + std::to_string(::getpid()) + "-" +
                                     std::to_string(++counter) + ".hdf5");
    {
        const hid_t fcpl = H5Pcreate(H5P_FILE_CREATE);
        const hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
        // v0 superblock and v1 groups, the layout hdf5_validate.cpp accepts (as h5py writes).
        H5Pset_libver_bounds(fapl, H5F_LIBVER_EARLIEST, H5F_LIBVER_V18);
        const hid_t file = H5Fcreate(path.string().c_str(), H5F_ACC_TRUNC, fcpl, fapl);
        REQUIRE(file >= 0);
        string_attribute(file, "version", "2.0");
        string_attribute(file, "uri",
                         "https://github.com/micromechanics/tools/blob/main/Micromaterials2hdf.py");
        const hid_t instrument =
            H5Gcreate2(file, "instrument", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
        number_attribute(instrument, "max_load", 50.0);  // mN, the converter's load unit
        string_attribute(instrument, "indenter", "spherical, R = 11 um");
        number_attribute(instrument, "poisson_ratio", 0.3);
        H5Gclose(instrument);
        for (const TestSpec& t : tests) write_test(file, t);
        H5Fclose(file);
        H5Pclose(fapl);
        H5Pclose(fcpl);
    }
    vitrum::Dataset data = vitrum::builtin_readers().read_file(path.string());
    fs::remove(path);
    return data;
}

bool any_warning(const vitrum::Dataset& data, const std::string& part) {
    for (const std::string& w : data.warnings)
        if (w.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("hdf5-common cuts each test to its indices and names the dropped junk rows") {
    TestSpec junk{"test_1"};
    junk.junk = 99;
    TestSpec clean{"test_2"};
    const vitrum::Dataset data = write_and_read({junk, clean});
    REQUIRE(data.curves.size() == 2);
    const vitrum::Curve& c = data.curves[0];
    CHECK(c.data.rows() == 550);  // 300 + 50 + 200 stated in `indices`
    REQUIRE(c.data.segments.size() == 3);
    CHECK(c.data.segments[0].kind == vitrum::SegmentKind::loading);
    CHECK(c.data.segments[1].begin == 300);
    CHECK(c.data.segments[2].kind == vitrum::SegmentKind::unloading);
    CHECK(c.data.segments[2].end == 550);
    CHECK(c.properties.at(vitrum::property::segments_stated).value == 1.0);
    CHECK(any_warning(data, "test_1: rows 551–649 (99 rows, load up to 955.3 mN)"));
    // The file's own maximum load (50 mN) and tip (an 11 µm sphere) and ν reach the Dataset.
    CHECK_REL(*data.property(c, vitrum::property::stated_max_load), 50e-3, 1e-12);
    CHECK(*data.property(c, vitrum::property::tip_shape) ==
          vitrum::property::tip_shape_code::sphere);
    CHECK_REL(*data.property(c, vitrum::property::tip_radius), 11e-6, 1e-12);
    CHECK_REL(*data.property(c, vitrum::property::poisson_ratio), 0.3, 1e-12);
    const auto area = vitrum::indent::AreaFunction::from_dataset(data, c);
    REQUIRE(area.has_value());
    CHECK(area->kind() == vitrum::indent::AreaFunction::Kind::sphere);
}

TEST_CASE("quasi-static analysis of the cut test uses the stated segments and recovers S") {
    TestSpec junk{"test_1"};
    junk.junk = 99;
    const vitrum::Dataset data = write_and_read({junk});
    REQUIRE(data.curves.size() == 1);
    vitrum::indent::IndentOptions o;
    const auto r = vitrum::indent::analyse_quasi_static(
        data.curves[0], vitrum::indent::AreaFunction::berkovich(), o);
    CHECK(r.segmentation_source == "file's stated segments");
    REQUIRE(r.cycles.size() == 1);
    REQUIRE(r.cycles[0].usable);
    // Analytic: S = 1.5 P_max/(h_max − h_f) = 1.5 · 50 mN / 300 nm = 250 kN/m; P_max 50 mN
    // (not the junk's 955 mN). The window (0.5–0.99 P_max) holds exact power-law rows.
    CHECK_REL(r.cycles[0].fit.max_load_N, 50e-3, 1e-12);
    CHECK_REL(r.cycles[0].fit.stiffness_N_per_m, 250e3, 1e-6);
}

TEST_CASE("loads far above the stated maximum are damaged data, set invalid and named") {
    TestSpec junk{"test_1"};
    junk.junk = 20;
    junk.with_indices = false;  // nothing cuts the junk: the max-load check must catch it
    const vitrum::Dataset data = write_and_read({junk});
    REQUIRE(data.curves.size() == 1);
    CHECK(any_warning(data, "damaged data: 20 rows from row 551"));
    CHECK(any_warning(data, "stated maximum load 50 mN"));
    const auto& p = data.curves[0].data.values(vitrum::channel::load);
    CHECK(std::isnan(p[560]));
}

TEST_CASE("a test flagged ignore is read but not analysed, and says why") {
    TestSpec ignored{"test_1"};
    ignored.ignore = true;
    const vitrum::Dataset data = write_and_read({ignored});
    REQUIRE(data.curves.size() == 1);
    CHECK(data.curves[0].properties.at(vitrum::property::ignore).value == 1.0);
    const auto r = vitrum::indent::analyse_quasi_static(
        data.curves[0], vitrum::indent::AreaFunction::berkovich(), {});
    CHECK(r.ignored);
    CHECK(r.cycles.empty());
    CHECK(r.status.find("ignore") != std::string::npos);
}

TEST_CASE("depth stuck at zero through the loading is damaged data and the cycle is refused") {
    TestSpec stuck{"test_1"};
    stuck.stuck_depth = true;
    const vitrum::Dataset data = write_and_read({stuck});
    REQUIRE(data.curves.size() == 1);
    vitrum::indent::IndentOptions o;
    const auto r = vitrum::indent::analyse_quasi_static(
        data.curves[0], vitrum::indent::AreaFunction::berkovich(), o);
    REQUIRE(r.cycles.size() == 1);
    CHECK_FALSE(r.cycles[0].usable);
    CHECK(r.cycles[0].quality.damaged);
    CHECK(r.cycles[0].status.find("damaged data: depth stuck") != std::string::npos);
    CHECK(std::isnan(r.cycles[0].result.modulus_Pa));  // absent, never 0
}
