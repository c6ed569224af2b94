// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "ngb_metadata.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vitrum/core/channels.hpp>

#include "dsc_common.hpp"

namespace vitrum::ngb {
namespace {

// Table categories and field ids of stream 1 (reverse engineered; see PROVENANCE of the test
// files). A category alone is ambiguous: a table is recognised by category and field together.
constexpr std::uint16_t kMeasurement = 0x1770;
constexpr std::uint16_t kRunInfo = 0x1772;
constexpr std::uint16_t kInstrument = 0x1775;
constexpr std::uint16_t kCarrier = 0x1779;
constexpr std::uint16_t kFurnace = 0x177A;
constexpr std::uint16_t kCrucible = 0x177E;
constexpr std::uint16_t kSample = 0x7530;  // also program stages, fixpoints, device parameters
constexpr std::uint16_t kCalibration = 0x01F5;
constexpr std::uint16_t kApplication = 0x0300;
constexpr std::uint16_t kName = 0x0840;
constexpr std::uint16_t kMass_mg = 0x0C9E;
constexpr std::uint16_t kStageType = 0x083F;
constexpr std::uint16_t kStageTemperature = 0x0E17;
constexpr std::uint16_t kStageRate = 0x0E13;
constexpr std::uint16_t kStageAcquisition = 0x0E14;
constexpr std::uint16_t kStageTime = 0x0E15;
constexpr std::array<std::uint16_t, 6> kSensitivityFields = {0x044F, 0x0450, 0x0451,
                                                             0x0452, 0x0453, 0x04C3};

const Field* first_field(const std::vector<Table>& tables, std::uint16_t category,
                         std::uint16_t id) {
    for (const Table& t : tables) {
        if (t.category != category) continue;
        if (const Field* f = t.find(id)) return f;
    }
    return nullptr;
}

void put_text(const std::vector<Table>& tables, std::uint16_t category, std::uint16_t id,
              const char* key, SourceInfo& src) {
    const Field* f = first_field(tables, category, id);
    if (f == nullptr) return;
    if (auto s = f->text()) src.metadata[key] = *s;
}

void put_mass(double mass_mg, const char* key, SourceInfo& src) {
    src.metadata[key] = fmt::format("{} mg", mass_mg);
    // Proteus writes −1000 for "not entered" (baseline runs); only a positive mass is a mass.
    if (mass_mg > 0 && std::isfinite(mass_mg)) src.properties[key] = Quantity{mass_mg * 1e-6, "kg"};
}

void read_crucibles(const std::vector<Table>& tables, SourceInfo& src) {
    // Two crucible tables carry a mass; the table before each tells which crucible it is: one
    // ending in field 0x0C83 (f32) precedes the sample crucible, one ending in 0x10C4 (u16)
    // the reference crucible.
    bool sample_done = false;
    bool reference_done = false;
    for (std::size_t k = 1; k < tables.size(); ++k) {
        const Field* mass = tables[k].category == kCrucible ? tables[k].find(kMass_mg) : nullptr;
        const auto value = mass != nullptr ? mass->number() : std::nullopt;
        if (!value || tables[k - 1].fields.empty()) continue;
        const std::uint16_t last = tables[k - 1].fields.back().id;
        if (last == 0x0C83 && !sample_done) {
            put_mass(*value, "crucible_mass", src);
            sample_done = true;
        } else if (last == 0x10C4 && !reference_done) {
            put_mass(*value, "reference_crucible_mass", src);
            reference_done = true;
        }
    }
}

std::vector<ProgramStage> read_program(const std::vector<Table>& tables) {
    std::vector<ProgramStage> stages;
    for (const Table& t : tables) {
        if (t.category < kSample || t.category >= kSample + 0x100) continue;
        const Field* type = t.find(kStageType);
        const Field* temperature = t.find(kStageTemperature);
        const Field* rate = t.find(kStageRate);
        const Field* acquisition = t.find(kStageAcquisition);
        const Field* time = t.find(kStageTime);
        if (!type || !temperature || !rate || !acquisition || !time) continue;
        const int ordinal = t.category - kSample;
        // Each stage is written once per edit; the first table of an ordinal wins.
        if (std::any_of(stages.begin(), stages.end(),
                        [&](const ProgramStage& s) { return s.ordinal == ordinal; })) {
            continue;
        }
        ProgramStage s;
        s.ordinal = ordinal;
        s.stage_type = static_cast<int>(type->number().value_or(-1));
        s.temperature_C = temperature->number().value_or(NAN);
        s.rate_C_per_min = rate->number().value_or(NAN);
        s.acquisition_rate = acquisition->number().value_or(NAN);
        s.duration_min = time->number().value_or(NAN);
        stages.push_back(s);
    }
    // Stream order is edit order; the program runs in ordinal order.
    std::sort(stages.begin(), stages.end(),
              [](const ProgramStage& a, const ProgramStage& b) { return a.ordinal < b.ordinal; });
    return stages;
}

void describe_program(const std::vector<ProgramStage>& stages, SourceInfo& src) {
    std::optional<double> previous_C;
    for (const ProgramStage& s : stages) {
        if (s.stage_type == 1 && previous_C) {
            Segment seg;
            seg.program_start_K = *previous_C + 273.15;
            seg.program_end_K = s.temperature_C + 273.15;
            const double sign = s.temperature_C < *previous_C ? -1.0 : 1.0;
            seg.program_rate_K_per_s = sign * std::fabs(s.rate_C_per_min) / 60.0;
            seg.kind = dsc_io::kind_from_temperatures(*seg.program_start_K, *seg.program_end_K,
                                                      s.duration_min * 60.0);
            seg.label = s.rate_C_per_min != 0.0 ? fmt::format("{}°C/{}(K/min)/{}°C", *previous_C,
                                                              s.rate_C_per_min, s.temperature_C)
                                                : fmt::format("{}°C/{} min/{}°C", *previous_C,
                                                              s.duration_min, s.temperature_C);
            src.program.push_back(seg);
        }
        if (s.stage_type == 2) {
            src.metadata["program_emergency_reset_temperature"] =
                fmt::format("{} °C", s.temperature_C);
        }
        if (s.stage_type != 2) previous_C = s.temperature_C;
    }
}

}  // namespace

std::string iso8601_utc(long long t) {
    long long days = t / 86400;
    long long secs = t % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    // Civil date from days since 1970-01-01 (proleptic Gregorian, 400-year eras).
    const long long z = days + 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const long long day = doy - (153 * mp + 2) / 5 + 1;
    const long long month = mp < 10 ? mp + 3 : mp - 9;
    const long long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", year, month, day, secs / 3600,
                       (secs / 60) % 60, secs % 60);
}

Metadata read_metadata(const std::vector<Table>& tables) {
    Metadata m;
    SourceInfo& src = m.source;
    put_text(tables, kInstrument, 0x1059, "instrument", src);
    put_text(tables, kRunInfo, 0x083C, "project", src);
    put_text(tables, kRunInfo, 0x0834, "lab", src);
    put_text(tables, kRunInfo, 0x0835, "operator", src);
    put_text(tables, kRunInfo, 0x083D, "comment", src);
    put_text(tables, kCrucible, kName, "crucible_type", src);
    put_text(tables, kFurnace, kName, "furnace_type", src);
    put_text(tables, kCarrier, kName, "carrier_type", src);
    put_text(tables, kSample, 0x0898, "sample_id", src);
    put_text(tables, kSample, kName, "sample_name", src);
    put_text(tables, kSample, 0x0962, "material", src);
    put_text(tables, kMeasurement, 0x0843, "correction_file_path", src);
    if (const Field* f = first_field(tables, kRunInfo, 0x083E); f && f->integer()) {
        src.metadata["date_performed"] = iso8601_utc(*f->integer());
    }
    if (const Field* f = first_field(tables, kSample, kMass_mg); f && f->number()) {
        put_mass(*f->number(), property::sample_mass, src);
    }
    read_crucibles(tables, src);
    for (const Table& t : tables) {
        if (src.metadata.count("application_version") != 0) break;
        if (t.category != kApplication && t.category != kInstrument) continue;
        for (const Field& f : t.fields) {
            const auto s = f.text();
            if (s && s->rfind("Version ", 0) == 0) {
                src.metadata["application_version"] = *s;
                break;
            }
        }
    }
    for (const Table& t : tables) {
        if (t.category != kCalibration) continue;
        std::array<double, 6> p{};
        bool all = true;
        for (std::size_t k = 0; k < p.size() && all; ++k) {
            const Field* f = t.find(kSensitivityFields[k]);
            const auto v = f != nullptr ? f->number() : std::nullopt;
            all = v.has_value() && std::isfinite(*v);
            if (all) p[k] = *v;
        }
        if (!all) continue;
        for (std::size_t k = 0; k < p.size(); ++k) {
            src.metadata[fmt::format("dsc_sensitivity_p{}", k)] = fmt::format("{}", p[k]);
        }
        // P1 scales z; zero would make S(T) undefined everywhere.
        if (p[1] != 0.0) m.sensitivity = p;
        break;
    }
    // Enthalpy standards of the sensitivity calibration (0x0454 present, 0x0444 absent) store
    // melting, an endothermic effect, with a negative peak area (0x0456): endotherms point down
    // in this file's DSC signal, so exotherms point up.
    for (const Table& t : tables) {
        const Field* area = t.find(0x0456);
        if (t.find(0x0454) == nullptr || t.find(0x0444) != nullptr || area == nullptr) continue;
        if (const auto a = area->number(); a && *a != 0.0) {
            src.properties[property::exotherm_sign] = Quantity{*a < 0 ? 1.0 : -1.0, "1"};
            break;
        }
    }
    m.stages = read_program(tables);
    describe_program(m.stages, src);
    dsc_io::set_single_ramp_rate(src);
    src.instrument = src.metadata.count("instrument") ? src.metadata["instrument"] : "NETZSCH";
    if (src.metadata.count("date_performed")) src.date = src.metadata["date_performed"];
    if (src.metadata.count("sample_name")) src.sample = src.metadata["sample_name"];
    return m;
}

}  // namespace vitrum::ngb
