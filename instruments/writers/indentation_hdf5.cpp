// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>
#include <hdf5.h>

#include <filesystem>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/version.hpp>
#include <vitrum/instruments/writers/indentation_hdf5.hpp>

#include "../hdf5_storage.hpp"

namespace vitrum::writers {
namespace {

using indentation_io::Handle;

/// The name and display unit micromechanics' converters give a canonical channel, with the
/// factor from SI to that unit; other channels keep their name and SI unit.
struct Stored {
    std::string name;
    std::string unit;
    double from_si;
};

Stored stored_as(const Column& c) {
    if (c.name == channel::depth) return {"displacement", "um", 1e6};
    if (c.name == channel::load) return {"force", "mN", 1e3};
    if (c.name == channel::time) return {"time", "s", 1.0};
    std::string name = c.name;  // an HDF5 name must not hold the path separator
    for (char& ch : name) {
        if (ch == '/') ch = '_';
    }
    return {name, c.unit, 1.0};
}

class Writer {
public:
    explicit Writer(std::string path) : path_(std::move(path)) {}

    void check(herr_t status, const std::string& what) const {
        if (status < 0) throw IoError(fmt::format("{}: HDF5 cannot write {}", path_, what));
    }

    hid_t checked(hid_t id, const std::string& what) const {
        if (id < 0) throw IoError(fmt::format("{}: HDF5 cannot create {}", path_, what));
        return id;
    }

    void text_attribute(hid_t object, const char* name, const std::string& value) const {
        const Handle type(checked(H5Tcopy(H5T_C_S1), "a string type"), H5Tclose);
        check(H5Tset_size(type.get(), H5T_VARIABLE), "a string type");
        check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "a string type");
        const Handle space(checked(H5Screate(H5S_SCALAR), "a dataspace"), H5Sclose);
        const Handle attribute(
            checked(H5Acreate2(object, name, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
                    fmt::format("attribute '{}'", name)),
            H5Aclose);
        const char* c_value = value.c_str();
        check(H5Awrite(attribute.get(), type.get(), &c_value), fmt::format("attribute '{}'", name));
    }

    /// A new group [HDF5 id, to be wrapped in a Handle at once].
    hid_t create_group(hid_t parent, const std::string& name) const {
        return checked(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                       fmt::format("group '{}'", name));
    }

    void column(hid_t parent, const Column& c) const {
        const Stored s = stored_as(c);
        std::vector<double> values(c.values);
        for (double& v : values) v *= s.from_si;
        const hsize_t n = values.size();
        const Handle space(checked(H5Screate_simple(1, &n, nullptr), "a dataspace"), H5Sclose);
        const Handle dataset(checked(H5Dcreate2(parent, s.name.c_str(), H5T_IEEE_F64LE, space.get(),
                                                H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                                     fmt::format("dataset '{}'", s.name)),
                             H5Dclose);
        if (n > 0) {
            check(H5Dwrite(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                           values.data()),
                  fmt::format("dataset '{}'", s.name));
        }
        if (!s.unit.empty()) text_attribute(dataset.get(), "unit", s.unit);
    }

private:
    std::string path_;
};

}  // namespace

void write_indentation_hdf5(const Dataset& data, const ConversionProvenance& provenance,
                            const std::string& path) {
    for (const Curve& curve : data.curves) {
        if (!curve.data.has(channel::depth) || !curve.data.has(channel::load)) {
            throw InvalidArgument(fmt::format(
                "{}: curve '{}' has no depth and load columns; the common HDF5 format holds "
                "indentation tests only",
                provenance.input_path, curve.name));
        }
    }
    if (data.curves.empty()) {
        throw InvalidArgument(
            fmt::format("{}: no curves to write as common HDF5", provenance.input_path));
    }
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // library code must not print
    const Writer w(path);
    const Handle file(
        w.checked(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "the file"),
        H5Fclose);
    w.text_attribute(file.get(), "version", "2.0");
    w.text_attribute(file.get(), "uri", fmt::format("vitrum convert {}", version()));
    w.text_attribute(file.get(), "default", "test_1");
    w.text_attribute(file.get(), "original_file_name",
                     std::filesystem::path(provenance.input_path).filename().string());
    w.text_attribute(file.get(), "original_sha256", provenance.input_sha256);
    w.text_attribute(file.get(), "original_format", provenance.reader_id);
    w.text_attribute(file.get(), "vitrum_version", version());
    w.text_attribute(file.get(), "git_commit", git_commit());
    w.text_attribute(file.get(), "converted_utc", provenance.converted_utc);
    {
        const Handle instrument(w.create_group(file.get(), "instrument"), H5Gclose);
        w.text_attribute(instrument.get(), "NX_class", "NXinstrument");
        if (!data.source.instrument.empty())
            w.text_attribute(instrument.get(), "model", data.source.instrument);
        if (!data.source.date.empty()) w.text_attribute(instrument.get(), "date", data.source.date);
        if (!data.source.sample.empty())
            w.text_attribute(instrument.get(), "sample", data.source.sample);
    }
    for (std::size_t k = 0; k < data.curves.size(); ++k) {
        const Curve& curve = data.curves[k];
        const Handle test(w.create_group(file.get(), fmt::format("test_{}", k + 1)), H5Gclose);
        w.text_attribute(test.get(), "NX_class", "NXentry");
        w.text_attribute(test.get(), "name", curve.name);
        const Handle group(w.create_group(test.get(), "data"), H5Gclose);
        w.text_attribute(group.get(), "NX_class", "NXdata");
        w.text_attribute(group.get(), "axes", "displacement");
        w.text_attribute(group.get(), "signal", "force");
        for (const Column& c : curve.data.columns()) w.column(group.get(), c);
    }
    w.check(H5Fflush(file.get(), H5F_SCOPE_GLOBAL), "the file");
}

}  // namespace vitrum::writers
