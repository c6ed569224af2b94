// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
//
// The micromechanics "common HDF5 format" v2.0 (NeXus-like): root attributes `version` = "2.0"
// and `uri` (the converter script, which names the vendor), one group `test_N` per indent with
// 1-D datasets in `test_N/data`. Dataset names and their units differ per converter; a `unit`
// attribute on a dataset, when present, wins over the per-vendor default. The file is opened from
// memory (core driver + file image); HDF5's own error printing is switched off.

#include <fmt/format.h>
#include <hdf5.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <optional>
#include <vitrum/core/channels.hpp>

#include "hdf5_storage.hpp"
#include "hdf5_validate.hpp"
#include "indent_file_structure.hpp"
#include "indentation_text_readers.hpp"
#include "indentation_text_support.hpp"

namespace vitrum::indentation_io {
namespace {

constexpr std::string_view kHdf5Signature("\x89HDF\r\n\x1a\n", 8);

/// One vendor's dataset names for a canonical channel and their default factor to SI.
struct ChannelName {
    const char* canonical;
    const char* dataset;
    double factor_to_si;
};

/// Per-converter names; factors follow micromechanics' terms.json (which scales to mN, µm, s,
/// mN/µm), multiplied back to SI.
const std::map<std::string, std::vector<ChannelName>>& vendor_channels() {
    using namespace channel;
    static const std::map<std::string, std::vector<ChannelName>> table = {
        {"Fischer", {{depth, "displacement", 1e-6}, {load, "force", 1e-3}, {time, "time", 1.0}}},
        {"Micromaterials",
         {{depth, "displacement", 1e-9}, {load, "force", 1e-3}, {time, "time", 1.0}}},
        {"MTS",
         {{depth, "displacement_into_surface", 1e-9},
          {load, "load_on_sample", 1e-3},
          {time, "time_on_sample", 1.0},
          {harmonic_stiffness, "harmonic_contact_stiffness", 1.0},
          {vendor_hardness, "hardness", 1e9},
          {vendor_modulus, "modulus", 1e9},
          {vendor_contact_area, "contact_area", 1e-18},
          {vendor_contact_depth, "contact_depth", 1e-9},
          {vendor_reduced_modulus, "reduced_modulus", 1e9},
          {harmonic_displacement, "harmonic_displacement", 1e-9},
          {harmonic_load, "harmonic_load", 1e-3},
          {harmonic_frequency, "harmonic_frequency", 1.0},
          {raw_displacement, "raw_displacement", 1e-9},
          {raw_load, "raw_load", 1e-3}}},
        {"KLA",
         {{depth, "depth", 1.0},
          {depth, "show_depth", 1.0},
          {depth, "displacement", 1.0},
          {load, "load", 1.0},
          {load, "force", 1.0},
          {load, "show_load", 1.0},
          {time, "time_on_sample", 1.0},
          {time, "time", 1.0},
          {harmonic_stiffness, "show_stiffness", 1.0}}},
        {"Hysitron",
         {{depth, "indent_disp", 1e-9},
          {depth, "normal_disp", 1e-9},
          {load, "indent_load", 1e-6},
          {load, "normal_force", 1e-6},
          {time, "test_time", 1.0},
          {time, "time", 1.0},
          {harmonic_stiffness, "complex_stiff", 1e3}}},
        // vitrum's own conversions (`vitrum convert --format hdf5`); units in attributes.
        {"vitrum", {{depth, "displacement", 1e-6}, {load, "force", 1e-3}, {time, "time", 1.0}}},
        {"Femtotools",
         {{depth, "displacement", 1e-6},
          {load, "force_a", 1e-6},
          {time, "time", 1.0},
          {harmonic_stiffness, "real_stiffness", 1.0}}},
    };
    return table;
}

/// Vendor key from the converter named in the root attribute `uri`.
std::string vendor_of(const std::string& uri) {
    const std::string u = text::to_lower(uri);
    if (u.find("hap2hdf") != std::string::npos) return "Fischer";
    if (u.find("micromaterials2hdf") != std::string::npos) return "Micromaterials";
    if (u.find("xls2hdf") != std::string::npos) return "MTS";
    if (u.find("nmd2hdf") != std::string::npos) return "KLA";
    if (u.find("femtotools") != std::string::npos) return "Femtotools";
    if (u.find("hysitron") != std::string::npos) return "Hysitron";
    if (u.rfind("vitrum convert", 0) == 0) return "vitrum";
    return "";
}

/// A scalar attribute as text ("2.0", "15"), or nullopt when it is not a string or a number.
/// A scalar attribute as text, or nullopt when absent or not a scalar string or number. A
/// number whose layout is damaged makes the file corrupt (`label` names it in the message).
std::optional<std::string> read_attribute(hid_t object, const std::string& name,
                                          const std::string& path, const std::string& label) {
    if (H5Aexists(object, name.c_str()) <= 0) return std::nullopt;
    const Handle attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose);
    if (!attribute.valid()) return std::nullopt;
    const Handle type(H5Aget_type(attribute.get()), H5Tclose);
    const Handle space(H5Aget_space(attribute.get()), H5Sclose);
    if (H5Sget_simple_extent_npoints(space.get()) != 1) return std::nullopt;
    const H5T_class_t kind = H5Tget_class(type.get());
    if (kind == H5T_STRING) {
        if (H5Tis_variable_str(type.get()) > 0) {
            char* value = nullptr;
            const Handle memory(H5Tcopy(H5T_C_S1), H5Tclose);
            H5Tset_size(memory.get(), H5T_VARIABLE);
            H5Tset_cset(memory.get(), H5Tget_cset(type.get()));
            if (H5Aread(attribute.get(), memory.get(), &value) < 0 || value == nullptr)
                return std::nullopt;
            std::string out(value);
            H5free_memory(value);
            return out;
        }
        std::string buffer(H5Tget_size(type.get()), '\0');
        if (H5Aread(attribute.get(), type.get(), buffer.data()) < 0) return std::nullopt;
        return std::string(buffer.c_str());
    }
    if (kind == H5T_INTEGER || kind == H5T_FLOAT) {
        const std::size_t value_bytes = H5Tget_size(type.get());
        if (!number_layout_ok(type.get(), value_bytes)) {
            throw FormatError(fmt::format("{}: attribute '{}' has a damaged number layout ({})",
                                          path, label, number_layout(type.get(), value_bytes)));
        }
        double value = 0.0;
        if (H5Aread(attribute.get(), H5T_NATIVE_DOUBLE, &value) < 0) return std::nullopt;
        return fmt::format("{}", value);
    }
    return std::nullopt;
}

/// Names of the links in a group, in name order.
std::vector<std::string> link_names(hid_t group) {
    std::vector<std::string> names;
    const auto collect = [](hid_t, const char* name, const H5L_info_t*, void* out) -> herr_t {
        static_cast<std::vector<std::string>*>(out)->emplace_back(name);
        return 0;
    };
    H5Literate(group, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect, &names);
    return names;
}

/// Every scalar attribute of `object` into metadata under "<prefix><name>".
void copy_attributes(hid_t object, const std::string& prefix, const std::string& path,
                     std::map<std::string, std::string>& out) {
    H5O_info_t info;
    if (H5Oget_info2(object, &info, H5O_INFO_NUM_ATTRS) < 0) return;
    for (hsize_t k = 0; k < info.num_attrs; ++k) {
        char name[256] = {0};
        if (H5Aget_name_by_idx(object, ".", H5_INDEX_NAME, H5_ITER_INC, k, name, sizeof name,
                               H5P_DEFAULT) < 0) {
            continue;
        }
        if (const auto value = read_attribute(object, name, path, prefix + name)) {
            out[prefix + name] = printable(*value);
        }
    }
}

/// Number after "test_" (for numeric ordering), or nullopt.
std::optional<long> test_number(const std::string& name) {
    if (name.rfind("test_", 0) != 0 || name.size() == 5) return std::nullopt;
    long n = 0;
    for (std::size_t k = 5; k < name.size(); ++k) {
        if (name[k] < '0' || name[k] > '9') return std::nullopt;
        n = n * 10 + (name[k] - '0');
    }
    return n;
}

class Hdf5CommonReader final : public Reader {
public:
    std::string_view format_id() const override { return "hdf5-common"; }
    std::string_view description() const override {
        return "micromechanics common HDF5 format v2.0 (converted Fischer, Micro Materials, "
               "MTS/KLA, Hysitron, FemtoTools tests)";
    }
    Technique technique() const override { return Technique::indentation; }
    std::string_view extensions() const override { return ".hdf5 .h5"; }

    bool sniff(std::string_view head, std::string_view filename) const noexcept override {
        return head.substr(0, kHdf5Signature.size()) == kHdf5Signature &&
               (ends_with_nocase(filename, ".hdf5") || ends_with_nocase(filename, ".h5") ||
                ends_with_nocase(filename, ".hdf"));
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        return read_guarded(path, [&] { return parse(in, path); });
    }

private:
    Dataset parse(std::istream& in, const std::string& path) const {
        std::string bytes = read_stream(in, path, text::kDefaultMaxFileBytes);
        if (bytes.substr(0, kHdf5Signature.size()) != kHdf5Signature) {
            throw FormatError(
                fmt::format("{}: not an HDF5 file (no HDF5 signature at offset 0)", path));
        }
        validate_hdf5_structure(bytes, path);         // libhdf5 trusts the v1 group structures
        H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // library code must not print
        H5PLset_loading_state(0);  // a file must not make libhdf5 load filter plugins
        const Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
        if (H5Pset_fapl_core(fapl.get(), 1 << 20, 0) < 0 ||
            H5Pset_file_image(fapl.get(), bytes.data(), bytes.size()) < 0) {
            throw FormatError(fmt::format("{}: HDF5 could not take the file image", path));
        }
        // Each open needs its own name: HDF5 shares open files by name.
        static std::atomic<unsigned long> counter{0};
        const std::string name = fmt::format("vitrum-image-{}", counter++);
        const Handle file(H5Fopen(name.c_str(), H5F_ACC_RDONLY, fapl.get()), H5Fclose);
        if (!file.valid())
            throw FormatError(
                fmt::format("{}: HDF5 cannot open the file (corrupt or truncated)", path));

        Dataset data;
        data.source.encoding = "binary";
        const auto version = read_attribute(file.get(), "version", path, "version");
        if (!version || *version != "2.0") {
            throw FormatError(fmt::format(
                "{}: not the common HDF5 indentation format (root attribute 'version' is {}, "
                "expected \"2.0\")",
                path, version ? "'" + printable(*version) + "'" : std::string("missing")));
        }
        copy_attributes(file.get(), "", path, data.source.metadata);
        const std::string uri = read_attribute(file.get(), "uri", path, "uri").value_or("");
        const std::string vendor = vendor_of(uri);
        if (vendor.empty()) {
            data.warnings.push_back(fmt::format(
                "unknown converter '{}': channel names and units come from dataset attributes only",
                printable(uri)));
        }
        data.source.instrument = vendor;
        if (H5Lexists(file.get(), "instrument", H5P_DEFAULT) > 0) {
            const Handle instrument(H5Gopen2(file.get(), "instrument", H5P_DEFAULT), H5Gclose);
            if (instrument.valid())
                copy_attributes(instrument.get(), "instrument/", path, data.source.metadata);
        }

        std::vector<std::pair<long, std::string>> tests;
        for (const std::string& link : link_names(file.get())) {
            if (const auto n = test_number(link)) tests.emplace_back(*n, link);
        }
        std::sort(tests.begin(), tests.end());
        if (tests.empty()) throw FormatError(fmt::format("{}: no 'test_N' groups", path));
        const double load_factor = vendor_load_factor(vendor);
        stated_properties(data.source.metadata, load_factor, data.source.properties, path,
                          data.warnings);
        // A damaged test fails alone: the others are read, the failure is named.
        std::exception_ptr first_failure;
        for (const auto& [number, group] : tests) {
            try {
                Curve curve = read_test(file.get(), bytes, path, group, vendor, data);
                const auto max_load = data.property(curve, property::stated_max_load);
                if (max_load) check_stated_max_load(curve, *max_load, group, data.warnings);
                data.curves.push_back(std::move(curve));
            } catch (const Error& e) {
                if (!first_failure) first_failure = std::current_exception();
                data.warnings.push_back(
                    fmt::format("{}: test '{}' not read (damaged): {}", path, group, e.what()));
            }
        }
        if (data.curves.empty() && first_failure) std::rethrow_exception(first_failure);
        return data;
    }

    static double vendor_load_factor(const std::string& vendor) {
        const auto it = vendor_channels().find(vendor);
        if (it == vendor_channels().end()) return 0.0;
        for (const ChannelName& c : it->second)
            if (std::string(c.canonical) == channel::load) return c.factor_to_si;
        return 0.0;
    }

private:
    static Curve read_test(hid_t file, std::string_view image, const std::string& path,
                           const std::string& group, const std::string& vendor, Dataset& data) {
        const std::string data_path = group + "/data";
        if (H5Lexists(file, group.c_str(), H5P_DEFAULT) <= 0 ||
            H5Lexists(file, data_path.c_str(), H5P_DEFAULT) <= 0) {
            throw FormatError(fmt::format("{}: group '{}' has no 'data' subgroup", path, group));
        }
        const Handle data_group(H5Gopen2(file, data_path.c_str(), H5P_DEFAULT), H5Gclose);
        if (!data_group.valid())
            throw FormatError(fmt::format("{}: cannot open '{}'", path, data_path));
        const auto it = vendor_channels().find(vendor);
        const std::vector<ChannelName> none;
        const std::vector<ChannelName>& names = it == vendor_channels().end() ? none : it->second;

        Curve curve;
        curve.name = group;
        // Attributes of the test and its data group: tip, ν, frame stiffness, "ignore" flag.
        std::map<std::string, std::string> test_attributes;
        {
            const Handle test_group(H5Gopen2(file, group.c_str(), H5P_DEFAULT), H5Gclose);
            if (test_group.valid()) copy_attributes(test_group.get(), "", path, test_attributes);
            copy_attributes(data_group.get(), "data/", path, test_attributes);
            for (const auto& [k, v] : test_attributes) curve.text[k] = v;
        }
        stated_properties(test_attributes, vendor_load_factor(vendor), curve.properties, group,
                          data.warnings);
        std::optional<std::vector<double>> indices;
        std::optional<std::size_t> rows;
        for (const std::string& dataset_name : link_names(data_group.get())) {
            H5O_info_t object;
            if (H5Oget_info_by_name2(data_group.get(), dataset_name.c_str(), &object,
                                     H5O_INFO_BASIC, H5P_DEFAULT) < 0) {
                throw FormatError(fmt::format("{}: cannot read the object header of '{}/{}'", path,
                                              data_path, dataset_name));
            }
            if (object.type != H5O_TYPE_DATASET) continue;  // a subgroup, not a dataset
            const Handle dataset(H5Dopen2(data_group.get(), dataset_name.c_str(), H5P_DEFAULT),
                                 H5Dclose);
            if (!dataset.valid()) {
                throw FormatError(fmt::format("{}: cannot open dataset '{}/{}' (damaged header)",
                                              path, data_path, dataset_name));
            }
            const Handle space(H5Dget_space(dataset.get()), H5Sclose);
            const Handle type(H5Dget_type(dataset.get()), H5Tclose);
            const H5T_class_t kind = H5Tget_class(type.get());
            if (H5Sget_simple_extent_ndims(space.get()) != 1 ||
                (kind != H5T_FLOAT && kind != H5T_INTEGER)) {
                continue;
            }
            hsize_t n = 0;
            H5Sget_simple_extent_dims(space.get(), &n, nullptr);
            // The dataspace may claim any count; allocate only what the stored bytes justify
            // (deflate compresses at most ~1032:1, so a larger ratio cannot be real data).
            const hsize_t stored_bytes = H5Dget_storage_size(dataset.get());
            // No stored number is wider than 16 bytes; a damaged datatype message claiming
            // gigabytes per value would make H5Dread allocate a conversion buffer that large.
            const std::size_t value_bytes = H5Tget_size(type.get());
            if (value_bytes == 0 || value_bytes > 16) {
                throw FormatError(
                    fmt::format("{}: dataset '{}/{}' has {}-byte numbers (damaged "
                                "datatype; at most 16 bytes)",
                                path, data_path, dataset_name, value_bytes));
            }
            check_number_layout(type.get(), value_bytes, path, data_path + "/" + dataset_name);
            check_storage_extent(dataset.get(), n, value_bytes, file, image, path,
                                 data_path + "/" + dataset_name);
            // Stored chunks lie inside the file, so a damaged chunk index cannot claim more.
            hsize_t file_bytes = 0;
            if (H5Fget_filesize(file, &file_bytes) < 0 || stored_bytes > file_bytes) {
                throw FormatError(fmt::format(
                    "{}: dataset '{}/{}' claims {} stored bytes in a {}-byte file (damaged "
                    "storage index)",
                    path, data_path, dataset_name, stored_bytes, file_bytes));
            }
            if (n / 1032 > stored_bytes / value_bytes) {
                throw FormatError(
                    fmt::format("{}: dataset '{}/{}' claims {} values but stores only {} bytes",
                                path, data_path, dataset_name, n, stored_bytes));
            }
            std::vector<double> values(static_cast<std::size_t>(n));
            if (n > 0 && H5Dread(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                                 values.data()) < 0) {
                throw FormatError(
                    fmt::format("{}: cannot read dataset '{}/{}'", path, data_path, dataset_name));
            }
            // Invalid cells (any non-finite value) become NaN, as in the other readers.
            // |v| > 1e200 counts as invalid too: the unit factors (≤ 1e9) must not overflow it.
            std::size_t invalid = 0;
            for (double& v : values) {
                if (!std::isfinite(v) || std::abs(v) > 1e200) {
                    v = std::numeric_limits<double>::quiet_NaN();
                    ++invalid;
                }
            }
            if (invalid > 0) {
                data.warnings.push_back(
                    fmt::format("{}/{}: {} non-finite or absurd values; those cells are NaN",
                                data_path, dataset_name, invalid));
            }
            if (dataset_name == "indices") {  // the file's own segment lengths, not a channel
                indices = std::move(values);
                continue;
            }
            if (rows && *rows != values.size()) {
                data.warnings.push_back(
                    fmt::format("{}/{}: {} values where the other datasets have {}; skipped",
                                data_path, dataset_name, values.size(), *rows));
                continue;
            }
            rows = values.size();
            // Canonical name: first vendor entry for this dataset whose channel is still free.
            std::string name = dataset_name;
            double factor = 1.0;
            bool known_factor = false;
            for (const ChannelName& c : names) {
                if (dataset_name == c.dataset && !curve.data.has(c.canonical)) {
                    name = c.canonical;
                    factor = c.factor_to_si;
                    known_factor = true;
                    break;
                }
            }
            const std::string unit =
                printable(read_attribute(dataset.get(), "unit", path,
                                         data_path + "/" + dataset_name + "/unit")
                              .value_or(""));
            if (!unit.empty() && is_unit(unit)) {
                curve.data.add_column(si_column(name, dataset_name, unit, std::move(values)));
                continue;
            }
            Column column;
            column.name = name;
            column.original_name = dataset_name;
            column.original_unit = unit;
            if (known_factor) {
                for (double& v : values) v *= factor;
                column.unit =
                    name == channel::depth || name == channel::vendor_contact_depth ||
                            name == channel::harmonic_displacement ||
                            name == channel::raw_displacement
                        ? "m"
                    : name == channel::time                ? "s"
                    : name == channel::harmonic_stiffness  ? "N/m"
                    : name == channel::harmonic_frequency  ? "Hz"
                    : name == channel::vendor_contact_area ? "m^2"
                    : (name == channel::vendor_hardness || name == channel::vendor_modulus ||
                       name == channel::vendor_reduced_modulus)
                        ? "Pa"
                        : "N";
            }
            column.values = std::move(values);
            curve.data.add_column(std::move(column));
        }
        for (const char* needed : {channel::depth, channel::load}) {
            if (!curve.data.has(needed)) {
                throw FormatError(fmt::format("{}: '{}' has no {} dataset for converter '{}'", path,
                                              data_path, needed,
                                              vendor.empty() ? "unknown" : vendor));
            }
        }
        if (indices) apply_stated_segments(curve, *indices, group, data.warnings);
        return curve;
    }
};

}  // namespace

std::unique_ptr<Reader> make_hdf5_common_reader() { return std::make_unique<Hdf5CommonReader>(); }

}  // namespace vitrum::indentation_io
