// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
//
// NETZSCH Proteus native files (.ngb-ss3 sample run, .ngb-bs3 baseline run, .ngb-ds3 sample +
// correction): a zip of `Streams/stream_N.table` members. Stream 1 is the metadata catalog,
// streams 2 and 3 hold the channels: per channel a header table (type 0x2B22, channel id in the
// low byte of its category) followed by one value table (type 0x2B23) per program segment.
// A .ngb-ds3 stream holds two runs back to back; the second starts where a channel repeats.

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/netzsch_ngb.hpp>

#include "dsc_common.hpp"
#include "indentation_text_support.hpp"
#include "ngb_metadata.hpp"
#include "ngb_records.hpp"
#include "ngb_stream_set.hpp"
#include "zip_member.hpp"

namespace vitrum {
namespace {

constexpr std::uint16_t kChannelHeader = 0x2B22;
constexpr std::uint16_t kSegmentValues = 0x2B23;
constexpr std::uint16_t kValuesF64 = 0x0F40;
constexpr std::uint16_t kValuesF32 = 0x0F3D;
constexpr std::uint16_t kSegmentCategory = 0x7530;

struct ArchiveCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct MemberCloser {
    void operator()(zip_file_t* member) const { zip_fclose(member); }
};

/// A member of the archive, or nullopt when absent.
std::optional<std::string> read_member(zip_t* archive, const char* name, std::size_t archive_bytes,
                                       const std::string& path) {
    const zip_int64_t index = zip_name_locate(archive, name, 0);
    if (index < 0) return std::nullopt;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
        throw FormatError(fmt::format("{}: {}: cannot read the zip entry: {}", path, name,
                                      zip_strerror(archive)));
    }
    if (const std::string why =
            zip_member::implausible_size(stat, archive_bytes, text::kDefaultMaxFileBytes);
        !why.empty()) {
        throw FormatError(fmt::format("{}: {}: {}", path, name, why));
    }
    std::unique_ptr<zip_file_t, MemberCloser> member(
        zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0));
    if (!member) {
        throw FormatError(fmt::format("{}: {}: cannot open the zip member: {}", path, name,
                                      zip_strerror(archive)));
    }
    std::string content(static_cast<std::size_t>(stat.size), '\0');
    const zip_int64_t got = zip_fread(member.get(), content.data(), content.size());
    if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size) {
        throw FormatError(
            fmt::format("{}: {}: zip member truncated or corrupt after {} of {} bytes "
                        "({})",
                        path, name, got < 0 ? 0 : got, static_cast<unsigned long long>(stat.size),
                        zip_file_strerror(member.get())));
    }
    return content;
}

struct RawChannel {
    int id = 0;
    std::vector<double> values;             ///< as stored
    std::vector<std::size_t> segment_ends;  ///< cumulative row count after each value table
    std::size_t header_offset = 0;
};
using RawRun = std::vector<RawChannel>;

void append_values(const ngb::Field& f, RawChannel& channel, const std::string& where) {
    const bool f64 = f.id == kValuesF64;
    if (!f.is_array || f.dtype != (f64 ? ngb::DType::f64 : ngb::DType::f32)) {
        throw FormatError(
            fmt::format("{}: offset {}: channel 0x{:02X}: value field 0x{:04X} is "
                        "not an array of {}",
                        where, f.offset, channel.id, f.id, f64 ? "f64" : "f32"));
    }
    channel.values.reserve(channel.values.size() + f.count);
    const char* p = f.payload.data();
    for (std::uint32_t k = 0; k < f.count; ++k) {
        // The streams are little-endian; so is every platform vitrum builds on (x86-64, arm64).
        if (f64) {
            double v;
            std::memcpy(&v, p + 8 * std::size_t{k}, 8);
            channel.values.push_back(v);
        } else {
            float v;
            std::memcpy(&v, p + 4 * std::size_t{k}, 4);
            channel.values.push_back(static_cast<double>(v));
        }
    }
    channel.segment_ends.push_back(channel.values.size());
}

std::vector<RawRun> read_runs(const std::vector<ngb::Table>& tables, const std::string& where) {
    std::vector<RawRun> runs(1);
    RawChannel* current = nullptr;
    for (const ngb::Table& t : tables) {
        if (t.type_ref == kChannelHeader) {
            const int id = t.category & 0xFF;
            for (const RawChannel& c : runs.back()) {
                if (c.id == id) {
                    runs.emplace_back();  // a repeated channel starts the next run (.ngb-ds3)
                    break;
                }
            }
            runs.back().push_back(RawChannel{id, {}, {}, t.offset});
            current = &runs.back().back();
        } else if (t.type_ref == kSegmentValues) {
            if (current == nullptr) {
                throw FormatError(fmt::format(
                    "{}: offset {}: segment values before any channel header", where, t.offset));
            }
            const ngb::Field* values = t.find(kValuesF64);
            if (values == nullptr) values = t.find(kValuesF32);
            if (values == nullptr) {
                throw FormatError(
                    fmt::format("{}: offset {}: channel 0x{:02X}: segment table "
                                "without a value array",
                                where, t.offset, current->id));
            }
            if (t.category - kSegmentCategory != static_cast<int>(current->segment_ends.size())) {
                throw FormatError(
                    fmt::format("{}: offset {}: channel 0x{:02X}: segment {} where "
                                "segment {} was expected",
                                where, t.offset, current->id, t.category - kSegmentCategory,
                                current->segment_ends.size()));
            }
            append_values(*values, *current, where);
        }
    }
    // A header without values (the trailer channel 0x87) is no channel.
    for (RawRun& run : runs) {
        run.erase(std::remove_if(run.begin(), run.end(),
                                 [](const RawChannel& c) { return c.segment_ends.empty(); }),
                  run.end());
    }
    return runs;
}

/// How a channel id becomes a column: name, stored unit, and value → SI.
struct ChannelKind {
    const char* name;
    const char* stored_unit;  ///< "" when the file does not say
    const char* si_unit;
    double scale;
    double offset;
};

ChannelKind channel_kind(int id) {
    constexpr double kMlPerMin = 1e-6 / 60.0;  // ml/min → m³/s
    switch (id) {
        case 0x8C:
            return {channel::time, "min", "s", 60.0, 0.0};
        case 0x8D:
            return {channel::temperature, "°C", "K", 1.0, 273.15};
        case 0x8E:
            return {channel::dsc_signal_voltage, "µV", "V", 1e-6, 0.0};
        // TG records the mass change since the start, not the sample mass.
        case 0x90:
            return {"mass_change", "mg", "kg", 1e-6, 0.0};
        case 0x9C:
            return {"purge_1_flow", "ml/min", "m^3/s", kMlPerMin, 0.0};
        case 0x9D:
            return {"purge_2_flow", "ml/min", "m^3/s", kMlPerMin, 0.0};
        case 0x9E:
            return {"protective_flow", "ml/min", "m^3/s", kMlPerMin, 0.0};
        case 0x30:
            return {"furnace_temperature", "°C", "K", 1.0, 273.15};
        case 0x33:
            return {"h_foil_temperature", "°C", "K", 1.0, 273.15};
        // The file states no unit for these; their values stay as stored.
        case 0x32:
            return {"furnace_power", "", "", 1.0, 0.0};
        case 0x34:
            return {"uc_module", "", "", 1.0, 0.0};
        case 0x35:
            return {"environmental_pressure", "", "", 1.0, 0.0};
        case 0x36:
            return {"environmental_acceleration_x", "", "", 1.0, 0.0};
        case 0x37:
            return {"environmental_acceleration_y", "", "", 1.0, 0.0};
        case 0x38:
            return {"environmental_acceleration_z", "", "", 1.0, 0.0};
        default:
            return {nullptr, "", "", 1.0, 0.0};
    }
}

Column make_column(const RawChannel& raw) {
    const ChannelKind kind = channel_kind(raw.id);
    Column c;
    c.name = kind.name != nullptr ? kind.name : fmt::format("channel_0x{:02X}", raw.id);
    c.original_name = fmt::format("0x{:02X}", raw.id);
    c.original_unit = kind.stored_unit;
    c.unit = kind.si_unit;
    c.values.reserve(raw.values.size());
    for (const double v : raw.values) c.values.push_back(v * kind.scale + kind.offset);
    return c;
}

/// Heat flow [W] from the DSC signal [V] and sample temperature [K] through the sensitivity
/// S(T) [µV/mW]; empty when S is not positive and finite on every row.
std::vector<double> heat_flow_W(const std::vector<double>& signal_V,
                                const std::vector<double>& temperature_K,
                                const std::array<double, 6>& p) {
    std::vector<double> out(signal_V.size());
    for (std::size_t k = 0; k < signal_V.size(); ++k) {
        const double z = (temperature_K[k] - 273.15 - p[0]) / p[1];
        const double s_uV_per_mW = (p[2] + z * (p[3] + z * (p[4] + z * p[5]))) * std::exp(-z * z);
        if (!(s_uV_per_mW > 0.0) || !std::isfinite(s_uV_per_mW)) return {};
        // µV/mW equals 1e-3 V/W.
        out[k] = signal_V[k] / (s_uV_per_mW * 1e-3);
    }
    return out;
}

struct Streams {
    std::string metadata_bytes;  ///< stream 1; the metadata fields point into it
    std::vector<ngb::Table> metadata;
    std::vector<RawRun> primary;    ///< stream 2
    std::vector<RawRun> secondary;  ///< stream 3 (may be empty)
};

// Returned through a unique_ptr: the metadata tables view `metadata_bytes`, which must not move.
std::unique_ptr<Streams> parse_streams(std::string metadata, std::string_view two,
                                       std::optional<std::string_view> three,
                                       const std::string& path) {
    auto owned = std::make_unique<Streams>();
    Streams& s = *owned;
    s.metadata_bytes = std::move(metadata);
    s.metadata = ngb::parse_stream(s.metadata_bytes, 1, fmt::format("{}: stream_1.table", path));
    const std::string where2 = fmt::format("{}: stream_2.table", path);
    s.primary = read_runs(ngb::parse_stream(two, 2, where2), where2);
    if (three) {
        const std::string where3 = fmt::format("{}: stream_3.table", path);
        s.secondary = read_runs(ngb::parse_stream(*three, 3, where3), where3);
    }
    return owned;
}

std::unique_ptr<Streams> open_streams(std::string_view bytes, const std::string& path) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
        const std::string reason = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw FormatError(fmt::format("{}: cannot read as zip: {}", path, reason));
    }
    std::unique_ptr<zip_t, ArchiveCloser> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!archive) {
        const std::string reason = zip_error_strerror(&error);
        zip_source_free(source);
        zip_error_fini(&error);
        throw FormatError(fmt::format(
            "{}: not a readable NETZSCH .ngb container (zip archive truncated or damaged: {})",
            path, reason));
    }
    zip_error_fini(&error);
    const auto stream = [&](int n, bool required) -> std::optional<std::string> {
        const std::string name = fmt::format("Streams/stream_{}.table", n);
        auto content = read_member(archive.get(), name.c_str(), bytes.size(), path);
        if (!content && required) {
            throw FormatError(fmt::format("{}: the archive has no member {}", path, name));
        }
        return content;
    };
    std::string metadata = *stream(1, true);
    const std::string two = *stream(2, true);
    const std::optional<std::string> three = stream(3, false);
    return parse_streams(std::move(metadata), two,
                         three ? std::optional<std::string_view>(*three) : std::nullopt, path);
}

Dataset build_run(const Streams& s, std::size_t run, const std::string& path) {
    ngb::Metadata meta = ngb::read_metadata(s.metadata);
    Dataset data;
    data.source = std::move(meta.source);
    data.source.encoding = "binary";
    data.source.metadata["run"] = run == 0 ? "sample" : "correction";
    Curve curve;
    const RawRun& primary = s.primary[run];
    const RawChannel* time = nullptr;
    for (const RawChannel& c : primary) {
        if (c.id == 0x8C) time = &c;
    }
    if (time == nullptr) {
        throw FormatError(
            fmt::format("{}: stream_2.table: run {} has no time channel (0x8C)", path, run + 1));
    }
    const auto add = [&](const RawChannel& c, const char* stream) {
        if (c.values.size() != time->values.size() || c.segment_ends != time->segment_ends) {
            throw FormatError(fmt::format(
                "{}: {}: offset {}: channel 0x{:02X} has {} values in {} segments, the time "
                "channel {} in {}",
                path, stream, c.header_offset, c.id, c.values.size(), c.segment_ends.size(),
                time->values.size(), time->segment_ends.size()));
        }
        Column column = make_column(c);
        if (curve.data.has(column.name)) {
            throw FormatError(fmt::format("{}: {}: offset {}: channel 0x{:02X} appears twice", path,
                                          stream, c.header_offset, c.id));
        }
        curve.data.add_column(std::move(column));
    };
    for (const RawChannel& c : primary) add(c, "stream_2.table");
    if (run < s.secondary.size()) {
        for (const RawChannel& c : s.secondary[run]) add(c, "stream_3.table");
    }
    std::vector<std::string> unitless;
    for (const Column& c : curve.data.columns()) {
        if (c.unit.empty()) unitless.push_back(c.name);
    }
    if (!unitless.empty()) {
        data.warnings.push_back(fmt::format("the file states no unit for {}; kept as stored",
                                            fmt::join(unitless, ", ")));
    }
    if (meta.sensitivity && curve.data.has(channel::dsc_signal_voltage) &&
        curve.data.has(channel::temperature)) {
        auto flow = heat_flow_W(curve.data.values(channel::dsc_signal_voltage),
                                curve.data.values(channel::temperature), *meta.sensitivity);
        if (!flow.empty()) {
            curve.data.add_column(
                Column{channel::heat_flow, "W", "heat flow from DSC/S(T)", "mW", std::move(flow)});
        } else {
            data.warnings.push_back(
                "the DSC sensitivity S(T) is not positive over the measured temperatures; the DSC "
                "signal stays a voltage");
        }
    } else {
        data.warnings.push_back(
            "no DSC sensitivity calibration in the file: the DSC signal stays a voltage (onsets "
            "are valid; enthalpies need heat flow)");
    }
    // Segments are the file's own value tables; the k-th is the k-th executed program stage.
    std::size_t begin = 0;
    for (std::size_t k = 0; k < time->segment_ends.size(); ++k) {
        Segment seg;
        seg.begin = begin;
        seg.end = time->segment_ends[k];
        begin = seg.end;
        seg.label = fmt::format("S{}/{}", k + 1, time->segment_ends.size());
        if (k < data.source.program.size()) {
            const Segment& p = data.source.program[k];
            seg.kind = p.kind;
            seg.program_rate_K_per_s = p.program_rate_K_per_s;
            seg.program_start_K = p.program_start_K;
            seg.program_end_K = p.program_end_K;
            seg.label += " " + p.label;
        }
        curve.data.segments.push_back(seg);
    }
    dsc_io::classify_segments(curve.data);
    curve.name = !data.source.sample.empty() ? data.source.sample : dsc_io::file_stem(path);
    if (run == 1) curve.name += " (correction)";
    data.curves.push_back(std::move(curve));
    return data;
}

class NetzschNgbReader final : public Reader {
public:
    NetzschNgbReader(std::string_view id, std::string_view extension, std::string_view description,
                     bool claims_unnamed)
        : id_(id),
          extension_(extension),
          description_(description),
          claims_unnamed_(claims_unnamed) {}

    std::string_view format_id() const override { return id_; }
    std::string_view description() const override { return description_; }
    Technique technique() const override { return Technique::dsc; }
    std::string_view extensions() const override { return extension_; }

    bool sniff(std::string_view head, std::string_view filename) const noexcept override {
        if (head.size() < 30 || head.substr(0, 4) != std::string_view("PK\x03\x04", 4)) {
            return false;
        }
        if (dsc_io::has_extension(filename, extension_)) return true;
        // Another name: the first member of a Proteus file is one of its streams.
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(head[k]); };
        const std::size_t name_length = byte(26) | (byte(27) << 8);
        if (!claims_unnamed_ || 30 + name_length > head.size() ||
            text::to_lower(filename).find(".ngb-") != std::string::npos) {
            return false;
        }
        return head.substr(30, name_length).rfind("Streams/stream_", 0) == 0;
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        const std::string bytes = read_stream(in, path, text::kDefaultMaxFileBytes);
        return read_bytes(bytes, path);
    }

    Dataset read_bytes(std::string_view bytes, const std::string& path) const override {
        return read_netzsch_ngb(bytes, path, NgbRun::sample);
    }

private:
    std::string_view id_;
    std::string_view extension_;
    std::string_view description_;
    bool claims_unnamed_;
};

}  // namespace

namespace {

Dataset select_run(const Streams& s, const std::string& path, NgbRun run) {
    if (s.primary.empty() || s.primary.front().empty()) {
        throw FormatError(fmt::format("{}: stream_2.table holds no channels", path));
    }
    if (run == NgbRun::sample) return build_run(s, 0, path);
    if (s.primary.size() < 2) {
        throw InvalidArgument(fmt::format(
            "{}: the file holds one run; a correction run exists only in .ngb-ds3 files "
            "(use subtract_ngb_baseline with a separate .ngb-bs3 file)",
            path));
    }
    if (s.primary.size() > 2) {
        throw FormatError(fmt::format("{}: stream_2.table holds {} runs, expected 1 or 2", path,
                                      s.primary.size()));
    }
    Dataset correction = build_run(s, 1, path);
    if (run == NgbRun::correction) return correction;
    return subtract_ngb_baseline(build_run(s, 0, path), correction);
}

}  // namespace

Dataset read_netzsch_ngb(std::string_view bytes, const std::string& path, NgbRun run) {
    return indentation_io::read_guarded(
        path, [&] { return select_run(*open_streams(bytes, path), path, run); });
}

namespace ngb {

Dataset read_stream_set(std::string_view bytes, const std::string& path, NgbRun run) {
    return indentation_io::read_guarded(path, [&] {
        std::vector<std::string_view> parts;
        std::size_t begin = 0;
        while (parts.size() < 3) {
            const std::size_t at = bytes.find(kStreamSetSeparator, begin);
            parts.push_back(bytes.substr(begin, at == std::string_view::npos ? at : at - begin));
            if (at == std::string_view::npos) break;
            begin = at + kStreamSetSeparator.size();
        }
        if (parts.size() < 2) {
            throw FormatError(
                fmt::format("{}: a stream set needs stream_1 and stream_2 (found {} part)", path,
                            parts.size()));
        }
        const auto three =
            parts.size() > 2 ? std::optional<std::string_view>(parts[2]) : std::nullopt;
        return select_run(*parse_streams(std::string(parts[0]), parts[1], three, path), path, run);
    });
}

}  // namespace ngb

namespace dsc_io {

void add_netzsch_ngb_readers(ReaderRegistry& registry) {
    registry.add(std::make_unique<NetzschNgbReader>(
        "netzsch-ngb-ss3", ".ngb-ss3",
        "NETZSCH Proteus native sample run (.ngb-ss3, zip of Streams/stream_N.table)", true));
    registry.add(std::make_unique<NetzschNgbReader>(
        "netzsch-ngb-bs3", ".ngb-bs3", "NETZSCH Proteus native baseline/correction run (.ngb-bs3)",
        false));
    registry.add(std::make_unique<NetzschNgbReader>(
        "netzsch-ngb-ds3", ".ngb-ds3",
        "NETZSCH Proteus native sample + correction (.ngb-ds3; sample run by default)", false));
}

}  // namespace dsc_io
}  // namespace vitrum
