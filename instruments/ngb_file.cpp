// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// NETZSCH Proteus files read from disk with the run choice and a separate baseline: the one
// place the CLI (`vitrum dsc`) and the report's loader take these choices from.
#include <fmt/format.h>

#include <fstream>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/netzsch_ngb.hpp>
#include <vitrum/instruments/registry.hpp>

namespace vitrum {
namespace {

// The bytes of an .ngb-* file and the id of the ngb reader that recognises it.
std::pair<std::string, std::string> ngb_bytes(const std::string& path, const char* field) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(fmt::format("{}: cannot open the file", path));
    std::string bytes = read_stream(in, path, builtin_readers().max_file_bytes);
    const Reader* reader = builtin_readers().detect(bytes.substr(0, 1 << 16), path);
    const std::string id = reader != nullptr ? std::string(reader->format_id()) : "";
    if (id.rfind("netzsch-ngb-", 0) != 0) {
        throw InvalidArgument(fmt::format(
            "{}: {} applies to NETZSCH Proteus .ngb-ss3/.ngb-bs3/.ngb-ds3 files; this file is {}",
            path, field, id.empty() ? std::string("of no known format") : "read as " + id));
    }
    return {std::move(bytes), id};
}

}  // namespace

NgbRun parse_ngb_run(std::string_view text) {
    if (text == "sample") return NgbRun::sample;
    if (text == "correction") return NgbRun::correction;
    if (text == "corrected") return NgbRun::corrected;
    throw InvalidArgument(
        fmt::format("ngb_run: '{}' is not a run (allowed: sample, correction, corrected)", text));
}

Dataset read_netzsch_ngb_file(const std::string& path, const NgbReadOptions& options) {
    const auto [bytes, id] =
        ngb_bytes(path, options.baseline_path.empty() ? "ngb_run" : "baseline");
    Dataset data = read_netzsch_ngb(bytes, path, options.run);
    data.source.path = path;
    data.source.format_id = id;
    if (!options.baseline_path.empty()) {
        const auto baseline_file = ngb_bytes(options.baseline_path, "baseline");
        Dataset baseline = read_netzsch_ngb(baseline_file.first, options.baseline_path);
        baseline.source.path = options.baseline_path;
        data = subtract_ngb_baseline(data, baseline);
    }
    return data;
}

Dataset read_study_file(const std::string& path, const std::string& format_id,
                        const std::string& technique, const std::string& baseline_path,
                        const std::string& ngb_run) {
    if (!baseline_path.empty() || !ngb_run.empty()) {
        NgbReadOptions ngb;
        if (!ngb_run.empty()) ngb.run = parse_ngb_run(ngb_run);
        ngb.baseline_path = baseline_path;
        return read_netzsch_ngb_file(path, ngb);
    }
    return builtin_readers().read_file(
        path, format_id, technique == "dsc" ? Technique::dsc : Technique::indentation);
}

}  // namespace vitrum
