// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Setaram (Calisto-style) text/CSV export: a title block with the mass, then a column line
// (whitespace without units, or ';' with units); see /work/shared/reference/dsc.md §1.6.
#include <fmt/format.h>

#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/core/units.hpp>

#include "dsc_common.hpp"

namespace vitrum::dsc_io {
namespace {

bool is_column_line(std::string_view t) {
    return text::starts_with_nocase(t, "Index") || (t.find("Time") != std::string_view::npos &&
                                                    t.find("HeatFlow") != std::string_view::npos);
}

// Units of the whitespace layout, which has none in its column line (time s, temperatures °C,
// TG mg, heat flow mW, as written in the ';' layout of the same software).
std::string default_unit(const std::string& name) {
    const std::string n = text::to_lower(name);
    if (n == "time") return "s";
    if (n == "furnace" || n == "sample")
        return "\xC2\xB0"
               "C";
    if (n == "tg") return "mg";
    if (n == "heatflow") return "mW";
    return "";
}

class SetaramReader final : public Reader {
public:
    std::string_view format_id() const override { return "setaram"; }
    std::string_view description() const override {
        return "Setaram (Calisto-style) text/CSV export: title block with mass, Index Time Furnace "
               "Sample TG HeatFlow";
    }
    Technique technique() const override { return Technique::dsc; }
    std::string_view extensions() const override { return ".txt .csv"; }

    bool sniff(std::string_view head, std::string_view) const noexcept override {
        const std::string t = sniff_text(head.substr(0, 4096));
        const std::string first = t.substr(0, t.find_first_of("\r\n"));
        return (t.find("Creation Date :") != std::string::npos &&
                t.find("HeatFlow") != std::string::npos) ||
               (first.find("Furnace") != std::string::npos &&
                first.find("HeatFlow") != std::string::npos);
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        const TextInput decoded(in, path);
        const auto& lines = decoded.lines();
        Dataset data;
        SourceInfo& src = data.source;
        src.encoding = decoded.encoding();

        std::size_t header = lines.size();
        std::string block;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string_view t = text::trim(lines[i]);
            if (is_column_line(t)) {
                header = i;
                break;
            }
            if (t.empty()) continue;
            const auto colon = t.find(" :");
            if (colon == std::string_view::npos) {
                if (i == 0) src.sample = std::string(t);
                continue;
            }
            const std::string key(text::trim(t.substr(0, colon)));
            const std::string value(text::trim(t.substr(colon + 2)));
            if (value.empty()) {
                block = key;
                continue;
            }
            src.metadata[block.empty() ? key : block + "/" + key] = value;
        }
        if (header == lines.size()) {
            throw ParseError(Location{path, "", lines.size(), 0},
                             "a column line ('Index Time Furnace Sample TG HeatFlow')",
                             "end of file");
        }
        const std::string_view column_line = text::trim(lines[header]);
        const char delim = column_line.find(';') != std::string_view::npos ? ';' : ' ';
        std::vector<NameAndUnit> headers;
        bool assumed = false;
        for (auto f : text::split_fields(column_line, delim)) {
            NameAndUnit nu = split_name_and_unit(f);
            if (nu.unit.empty() && !(nu.unit = default_unit(nu.name)).empty()) assumed = true;
            headers.push_back(nu);
        }
        if (assumed) {
            data.warnings.push_back(
                "the column line has no units; assumed time s, temperatures °C, TG mg, HeatFlow "
                "mW");
        }
        std::vector<std::string_view> sample;
        for (std::size_t i = header + 1; i < lines.size() && sample.size() < 400; ++i) {
            for (auto f : text::split_fields(lines[i], delim)) sample.push_back(f);
        }
        TableLayout layout;
        layout.delimiter = delim;
        layout.decimal = text::detect_decimal(sample);
        layout.columns = headers.size();
        RawTable raw = parse_rows(lines, header + 1, lines.size(), layout, path);
        if (raw.line_numbers.empty()) {
            throw ParseError(Location{path, "", header + 2, 0}, "data rows after the column line",
                             "none");
        }
        Curve curve;
        std::vector<std::string> taken;
        for (std::size_t k = 0; k < headers.size(); ++k) {
            if (text::to_lower(headers[k].name) == "index") continue;
            Column c = make_column(headers[k].name, headers[k].unit, std::move(raw.columns[k]),
                                   taken, data.warnings);
            taken.push_back(c.name);
            curve.data.add_column(std::move(c));
        }
        sort_by_time(curve.data, data.warnings);
        fill_source(src, data.warnings);
        // Setaram (Calisto, SETSOFT) plots and exports heat flow with exothermic effects up; the
        // file does not say so. Evidence in the bundled Duran scan: the glass transition above
        // Schott's 525 °C, an endothermic c_p rise, is a downward step of the raw signal (with
        // its enthalpy-recovery dip after it), and the heating offset is negative.
        src.properties[property::exotherm_sign] = Quantity{1.0, "1"};
        data.warnings.push_back(
            "heat-flow sign not stated by the file; Setaram's convention (exothermic up) assumed");
        curve.name = !src.sample.empty() ? src.sample : file_stem(path);
        data.curves.push_back(std::move(curve));
        return data;
    }

private:
    static void fill_source(SourceInfo& src, std::vector<std::string>& warnings) {
        if (auto it = src.metadata.find("Creation Date"); it != src.metadata.end())
            src.date = it->second;
        for (const char* key : {"HeatFlow/Initial Mass", "TG/Initial Mass", "Initial Mass"}) {
            const auto it = src.metadata.find(key);
            if (it == src.metadata.end()) continue;
            std::string mass = it->second;
            for (auto& c : mass) {
                if (c == ',') c = '.';
            }
            try {
                const double kg = parse_quantity_as(mass, "kg");
                if (kg > 0) {
                    src.properties[property::sample_mass] = Quantity{kg, "kg"};
                } else {
                    warnings.push_back(fmt::format("{} is {} (a blank run); sample mass not set",
                                                   key, it->second));
                }
            } catch (const UnitError&) {
                warnings.push_back(
                    fmt::format("{} '{}' is not a mass; sample mass not set", key, it->second));
            }
            break;
        }
    }
};

}  // namespace

std::unique_ptr<Reader> make_setaram_reader() { return std::make_unique<SetaramReader>(); }

}  // namespace vitrum::dsc_io
