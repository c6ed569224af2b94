// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// `vitrum convert FILE... [-o DIR] [--format csv|json|hdf5]`: every channel of any file vitrum
// reads, in SI with the unit in each header. csv: one CSV per curve (run, indent) and per vendor
// table, plus NAME.provenance.json; json: NAME.json with values, metadata and provenance; hdf5:
// indentation tests in the common HDF5 format v2.0 (NAME.hdf5) plus NAME.provenance.json.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <vitrum/core/error.hpp>
#include <vitrum/core/version.hpp>
#include <vitrum/instruments/registry.hpp>
#include <vitrum/instruments/writers/curve_csv.hpp>
#include <vitrum/instruments/writers/dataset_json.hpp>
#include <vitrum/instruments/writers/indentation_hdf5.hpp>
#include <vitrum/report/atomic_file.hpp>
#include <vitrum/report/sha256.hpp>

#include "commands.hpp"
#include "output.hpp"

namespace vitrum::cli {
namespace {

namespace fs = std::filesystem;

struct ConvertArgs {
    std::vector<std::string> files;
    std::string output_dir = ".";
    std::string format = "csv";
    std::string input_format;
};

/// File k of `count` written for one input: NAME.EXT alone, else NAME_<k>.EXT (1-based,
/// zero-padded so that the files sort in curve order).
std::string numbered(const std::string& stem, std::size_t k, std::size_t count,
                     const std::string& ext) {
    if (count == 1) return stem + ext;
    const int width = static_cast<int>(std::to_string(count).size());
    return fmt::format("{}_{:0{}}{}", stem, k + 1, width, ext);
}

std::vector<std::string> convert_file(const std::string& path, const ConvertArgs& args) {
    writers::ConversionProvenance provenance;
    provenance.input_path = path;
    provenance.input_sha256 = report::sha256_file(path);
    provenance.input_bytes = fs::file_size(path);
    provenance.converted_utc = utc_timestamp();
    const Dataset data = builtin_readers().read_file(path, args.input_format);
    provenance.reader_id = data.source.format_id;
    const fs::path dir(args.output_dir);
    const std::string stem = fs::path(path).stem().string();
    std::vector<std::string> written;
    const auto write = [&](const std::string& name, const std::string& bytes) {
        const std::string out = (dir / name).string();
        report::write_file_atomically(out, bytes);
        written.push_back(out);
    };
    if (args.format == "json") {
        write(stem + ".json", writers::dataset_json(data, provenance, true).dump(1) + "\n");
        return written;
    }
    std::vector<std::string> curve_files;
    if (args.format == "hdf5") {
        const std::string out = (dir / (stem + ".hdf5")).string();
        writers::write_indentation_hdf5(data, provenance, out);
        written.push_back(out);
        curve_files.assign(data.curves.size(), stem + ".hdf5");
    } else {
        for (std::size_t k = 0; k < data.curves.size(); ++k) {
            std::ostringstream csv;
            writers::write_curve_csv(csv, data.curves[k]);
            curve_files.push_back(numbered(stem, k, data.curves.size(), ".csv"));
            write(curve_files.back(), csv.str());
        }
        for (std::size_t k = 0; k < data.tables.size(); ++k) {
            std::ostringstream csv;
            writers::write_table_csv(csv, data.tables[k]);
            write(numbered(stem + "_table", k, data.tables.size(), ".csv"), csv.str());
        }
    }
    write(stem + ".provenance.json",
          writers::dataset_json(data, provenance, false, curve_files).dump(1) + "\n");
    return written;
}

int run_convert(const ConvertArgs& args) {
    check_input_format(args.input_format);
    std::error_code ec;
    fs::create_directories(args.output_dir, ec);
    if (ec) {
        throw IoError(
            fmt::format("{}: cannot create the output folder: {}", args.output_dir, ec.message()));
    }
    std::vector<std::string> failed;
    std::set<std::string> stems;
    for (const std::string& path : args.files) {
        // Two inputs with one stem would overwrite each other's outputs.
        const std::string stem = fs::path(path).stem().string();
        if (!stems.insert(stem).second) {
            std::cerr << fmt::format(
                "vitrum convert: {}: another input has the name '{}'; convert it into another "
                "folder (-o)\n",
                path, stem);
            failed.push_back(path);
            continue;
        }
        try {
            for (const std::string& out : convert_file(path, args)) std::cout << out << '\n';
        } catch (const Error& e) {
            std::cerr << "vitrum convert: " << with_file(path, e.what()) << '\n';
            failed.push_back(path);
        } catch (const fs::filesystem_error& e) {
            std::cerr << "vitrum convert: " << path << ": " << e.what() << '\n';
            failed.push_back(path);
        }
    }
    return report_failures("vitrum convert", args.files.size(), failed);
}

}  // namespace

void add_convert_command(CLI::App& app, CommandList& commands) {
    auto* sub = app.add_subcommand(
        "convert",
        "Write every channel of instrument files as plain tables in SI: one CSV per run, indent "
        "or vendor table (units in the header) with NAME.provenance.json (metadata, reader, "
        "vitrum version, SHA-256 of the input); or one JSON document; or indentation tests in "
        "the common HDF5 format v2.0");
    auto args = std::make_shared<ConvertArgs>();
    sub->add_option("FILE", args->files, "Instrument files (any format of `vitrum formats`)")
        ->required();
    sub->add_option("-o,--output", args->output_dir, "Folder to write into (default: .)");
    sub->add_option("--format", args->format,
                    "csv (default), json, or hdf5 (indentation data: common HDF5 format v2.0)")
        ->check(CLI::IsMember({"csv", "json", "hdf5"}));
    sub->add_option("--input-format", args->input_format, "Reader to use (see `vitrum formats`)");
    commands.push_back({sub, [args] { return run_convert(*args); }});
}

}  // namespace vitrum::cli
