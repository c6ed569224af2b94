// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// JCAMP-DX DSC curves (##XYPOINTS=(XY..XY) and ##XYDATA=(X++(Y..Y)) in AFFN form), plain or
// inside a zip (BagIt) archive; see /work/shared/reference/dsc.md §1.1 (DSC 214 converted run).
#include <fmt/format.h>
#include <zip.h>

#include <cctype>
#include <cmath>
#include <map>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/core/units.hpp>

#include "dsc_common.hpp"
#include "zip_member.hpp"

namespace vitrum::dsc_io {
namespace {

// JCAMP labels compare without spaces, hyphens, slashes and underscores, in upper case.
std::string normalise_label(std::string_view label) {
    std::string out;
    for (char c : label) {
        if (c == ' ' || c == '-' || c == '/' || c == '_') continue;
        out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    return out;
}

// Unit words JCAMP writers use, mapped to vitrum unit text.
std::string unit_text(std::string_view jcamp_unit) {
    const std::string u = normalise_label(jcamp_unit);
    if (u == "DEGREESCELSIUS" || u == "CELSIUS" || u == "DEGC" || u == "C")
        return "\xC2\xB0"
               "C";
    if (u == "KELVIN" || u == "K" || u == "DEGREESKELVIN") return "K";
    if (u == "SECONDS" || u == "S" || u == "SEC") return "s";
    if (u == "MINUTES" || u == "MIN") return "min";
    return std::string(text::trim(jcamp_unit));
}

std::pair<std::string, std::string> read_zip_member(const std::string& bytes,
                                                    const std::string& path) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    if (archive == nullptr) {
        const std::string why = zip_error_strerror(&error);
        if (source) zip_source_free(source);
        zip_error_fini(&error);
        throw FormatError(fmt::format("{}: not a readable zip archive ({})", path, why));
    }
    zip_error_fini(&error);
    std::pair<std::string, std::string> out;
    const zip_int64_t entries = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        const char* raw_name = zip_get_name(archive, static_cast<zip_uint64_t>(i), 0);
        if (raw_name == nullptr) continue;
        // The archive owns raw_name; keep a copy that outlives zip_discard for the messages.
        const std::string name = raw_name;
        if (!(has_extension(name, ".jdx") || has_extension(name, ".dx") ||
              has_extension(name, ".jcamp"))) {
            continue;
        }
        zip_stat_t st;
        zip_stat_init(&st);
        const std::string why =
            zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) != 0
                ? "its directory entry cannot be read"
                : zip_member::implausible_size(st, bytes.size(), text::kDefaultMaxFileBytes);
        if (!why.empty()) {
            zip_discard(archive);
            throw FormatError(fmt::format("{}: member {}: {}", path, name, why));
        }
        zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        std::string content(static_cast<std::size_t>(st.size), '\0');
        const zip_int64_t got = file ? zip_fread(file, content.data(), st.size) : -1;
        if (file) zip_fclose(file);
        if (got != static_cast<zip_int64_t>(st.size)) {
            zip_discard(archive);
            throw IoError(fmt::format("{}: member {} is damaged (read {} of {} bytes)", path, name,
                                      static_cast<long long>(got),
                                      static_cast<long long>(st.size)));
        }
        out = {name, std::move(content)};
        break;
    }
    zip_discard(archive);
    if (out.first.empty()) {
        throw FormatError(
            fmt::format("{}: the zip archive holds no .jdx/.dx JCAMP-DX member", path));
    }
    return out;
}

// Splits an AFFN data line into number fields: blanks and commas separate, and a sign not
// preceded by an exponent mark starts a new number ("10.0-2.5").
std::vector<std::string_view> affn_fields(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() &&
               (line[i] == ' ' || line[i] == '\t' || line[i] == ',' || line[i] == ';'))
            ++i;
        if (i >= line.size()) break;
        const std::size_t begin = i++;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != ',' &&
               line[i] != ';' &&
               !((line[i] == '-' || line[i] == '+') && line[i - 1] != 'e' && line[i - 1] != 'E')) {
            ++i;
        }
        out.push_back(line.substr(begin, i - begin));
    }
    return out;
}

class JcampDxReader final : public Reader {
public:
    std::string_view format_id() const override { return "jcamp-dx"; }
    std::string_view description() const override {
        return "JCAMP-DX DSC curve (##XYPOINTS / ##XYDATA, AFFN), also inside a .zip (BagIt)";
    }
    Technique technique() const override { return Technique::dsc; }
    std::string_view extensions() const override { return ".jdx .dx .zip"; }

    bool sniff(std::string_view head, std::string_view) const noexcept override {
        if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
            const std::string lower = text::to_lower(head);
            return lower.find(".jdx") != std::string::npos ||
                   lower.find(".jcamp") != std::string::npos;
        }
        const std::string t = text::to_lower(sniff_text(head.substr(0, 8192)));
        return t.find("##jcamp") != std::string::npos &&
               (t.find("calorimetry") != std::string::npos || t.find("dsc") != std::string::npos);
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        std::string bytes = read_stream(in, path, text::kDefaultMaxFileBytes);
        if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
            throw FormatError(fmt::format("{}: file is empty", path));
        }
        std::string where = path;
        if (bytes.compare(0, 4, std::string("PK\x03\x04", 4)) == 0) {
            auto member = read_zip_member(bytes, path);
            where = path + "!" + member.first;
            bytes = std::move(member.second);
        }
        return parse(bytes, where);
    }

private:
    static Dataset parse(const std::string& bytes, const std::string& path) {
        const text::DecodedText decoded = text::decode_to_utf8(bytes, path);
        const auto lines = text::split_lines(decoded.utf8);
        Dataset data;
        SourceInfo& src = data.source;
        src.encoding = decoded.encoding;
        std::map<std::string, std::string> label;  // normalised label → value
        std::vector<double> xs, ys;
        std::string form;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::string_view t = text::trim(lines[i]);
            if (const auto c = t.find("$$"); c != std::string_view::npos)
                t = text::trim(t.substr(0, c));
            if (t.empty()) continue;
            if (t.substr(0, 2) != "##") {
                if (form.empty()) {
                    throw ParseError(Location{path, "", i + 1, 1}, "a '##LABEL=value' line",
                                     std::string(t));
                }
                read_data_line(lines[i], t, i, form, label, path, xs, ys);
                continue;
            }
            const auto eq = t.find('=');
            const std::string name(
                text::trim(t.substr(2, eq == std::string_view::npos ? t.size() : eq - 2)));
            const std::string value(eq == std::string_view::npos ? ""
                                                                 : text::trim(t.substr(eq + 1)));
            const std::string key = normalise_label(name);
            form.clear();
            if (key == "XYPOINTS" || key == "XYDATA") {
                form = key == "XYPOINTS" ? "XY" : "X++";
                if (form == "X++" && value.find("X++") == std::string::npos) {
                    throw ParseError(Location{path, "", i + 1, 0}, "(X++(Y..Y)) data", value);
                }
                continue;
            }
            if (key == "END") break;
            if (!label.count(key)) label[key] = value;
            src.metadata[name] = value;
        }
        if (xs.empty()) {
            throw ParseError(Location{path, "", lines.size(), 0},
                             "an ##XYPOINTS or ##XYDATA block with data", "none");
        }
        const auto get = [&](const char* k) {
            return label.count(k) ? label.at(k) : std::string();
        };
        const double xf = parse_header_number(get("XFACTOR")).value_or(1.0);
        const double yf = parse_header_number(get("YFACTOR")).value_or(1.0);
        for (double& x : xs) x *= xf;
        for (double& y : ys) y *= yf;
        const std::string xu = unit_text(get("XUNITS")), yu = unit_text(get("YUNITS"));
        const bool x_is_time = is_unit(xu) && parse_unit(xu).dimension == parse_unit("s").dimension;
        Curve curve;
        std::vector<std::string> taken;
        Column x = make_column(x_is_time ? "Time" : "Temperature", xu, std::move(xs), taken,
                               data.warnings);
        taken.push_back(x.name);
        curve.data.add_column(std::move(x));
        curve.data.add_column(make_column("Heat Flow", yu, std::move(ys), taken, data.warnings));

        src.instrument = std::string(text::trim(get("BRAND") + " " + get("INSTRUMENT")));
        src.date = std::string(text::trim(get("DATE") + " " + get("TIME")));
        src.sample = !get("SAMPLE").empty() ? get("SAMPLE") : get("TITLE");
        if (const std::string amount = get("AMOUNT"); !amount.empty()) {
            if (const auto mg = parse_header_number(amount)) {
                // The NETZSCH converter copies "#SAMPLE MASS /mg" here without its unit.
                if (*mg > 0) src.properties[property::sample_mass] = Quantity{*mg * 1e-6, "kg"};
                data.warnings.push_back(fmt::format("##AMOUNT={} has no unit; read as mg", amount));
            } else {
                std::string dotted = amount;
                for (auto& c : dotted) c = c == ',' ? '.' : c;
                try {
                    src.properties[property::sample_mass] =
                        Quantity{parse_quantity_as(dotted, "kg"), "kg"};
                } catch (const UnitError&) {
                    data.warnings.push_back(
                        fmt::format("##AMOUNT={} is not a mass; ignored", amount));
                }
            }
        }
        if (auto seg = parse_netzsch_step(get("TEMPERATURE"))) src.program.push_back(*seg);
        set_single_ramp_rate(src);
        curve.name = !src.sample.empty() ? src.sample : file_stem(path);
        data.curves.push_back(std::move(curve));
        return data;
    }

    static void read_data_line(std::string_view line, std::string_view t, std::size_t i,
                               const std::string& form,
                               const std::map<std::string, std::string>& label,
                               const std::string& path, std::vector<double>& xs,
                               std::vector<double>& ys) {
        const auto fields = affn_fields(t);
        std::vector<double> v;
        for (auto f : fields) {
            double d = 0.0;
            if (!text::try_parse_double(f, '.', d)) {
                throw ParseError(Location{path, "", i + 1, text::column_of(line, f)},
                                 "an AFFN number (compressed SQZ/DIF/DUP data is not supported)",
                                 std::string(f));
            }
            v.push_back(d);
        }
        if (form == "XY") {
            if (v.size() % 2 != 0) {
                throw ParseError(Location{path, "", i + 1, 0}, "x, y pairs", std::string(t));
            }
            for (std::size_t k = 0; k < v.size(); k += 2) {
                xs.push_back(v[k]);
                ys.push_back(v[k + 1]);
            }
            return;
        }
        // (X++(Y..Y)): x of the first y on the line, then equal steps of
        // (LASTX−FIRSTX)/(NPOINTS−1).
        const auto num = [&](const char* k) {
            const auto it = label.find(k);
            return it == label.end() ? std::optional<double>() : parse_header_number(it->second);
        };
        const auto first = num("FIRSTX"), last = num("LASTX"), n = num("NPOINTS");
        const auto xf = num("XFACTOR").value_or(1.0);
        if (!first || !last || !n || *n < 2) {
            throw ParseError(Location{path, "", i + 1, 0},
                             "##FIRSTX, ##LASTX and ##NPOINTS before ##XYDATA", "missing");
        }
        const double step = (*last - *first) / (*n - 1) / xf;
        for (std::size_t k = 1; k < v.size(); ++k) {
            xs.push_back(v[0] + static_cast<double>(k - 1) * step);
            ys.push_back(v[k]);
        }
    }
};

}  // namespace

std::unique_ptr<Reader> make_jcamp_dx_reader() { return std::make_unique<JcampDxReader>(); }

}  // namespace vitrum::dsc_io
