// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
//
// Fischer WIN-HCU (Fischerscope HM2000 / Picodentor) text export of a `.hap` application: a
// header ("FS1.hap<TAB>Name of the application", "F = …", "C = …", "R = …"), block statistics,
// then per indent a "<app>   dd.mm.yyyy  hh:mm:ss" line, the vendor's ISO 14577 results
// ("HIT<TAB>[N/mm²]<TAB>8553.6" …), the power-law fit window line and "F h t" rows in mN, µm, s
// with decimal commas. Line ends mix CRLF and LF.

#include <fmt/format.h>

#include <map>
#include <vitrum/core/channels.hpp>

#include "indentation_text_readers.hpp"
#include "indentation_text_support.hpp"

namespace vitrum::indentation_io {
namespace {

constexpr std::string_view kSignature = "Name of the application";

/// Vendor result labels → property names (values converted to SI from the bracketed unit).
const std::map<std::string, std::string>& result_names() {
    static const std::map<std::string, std::string> names = {{"EIT/(1-vs^2)", "vendor_EIT_star"},
                                                             {"HIT", "vendor_HIT"},
                                                             {"HUpl", "vendor_HUpl"},
                                                             {"hr", "vendor_hr"},
                                                             {"hmax", "vendor_max_depth"},
                                                             {"Compliance", "vendor_compliance"},
                                                             {"Wt", "vendor_Wt"},
                                                             {"We", "vendor_We"},
                                                             {"Wr", "vendor_Wr"},
                                                             {"HM", "vendor_HM"}};
    return names;
}

/// A number written with either decimal mark ("83.7" in results, "0,416" in data rows).
bool parse_either(std::string_view field, double& out) {
    return text::try_parse_double(field, '.', out) || text::try_parse_double(field, ',', out);
}

class FischerTxtReader final : public Reader {
public:
    std::string_view format_id() const override { return "fischer-txt"; }
    std::string_view description() const override {
        return "Fischer WIN-HCU (Fischerscope) text export: per-indent ISO 14577 results and F h t "
               "rows (mN, µm, s, decimal commas)";
    }
    Technique technique() const override { return Technique::indentation; }
    std::string_view extensions() const override { return ".txt"; }

    bool sniff(std::string_view head, std::string_view) const noexcept override {
        const auto end = head.find_first_of("\r\n");
        const std::string_view first = head.substr(0, end);
        const auto tab = first.find('\t');
        return tab != std::string_view::npos && tab >= 4 &&
               ends_with_nocase(first.substr(0, tab), ".hap") &&
               text::trim(first.substr(tab + 1)) == kSignature;
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        return read_guarded(path, [&] { return parse(in, path); });
    }

private:
    Dataset parse(std::istream& in, const std::string& path) const {
        const std::string bytes = read_stream(in, path, text::kDefaultMaxFileBytes);
        const TextFile file(bytes, path);
        if (file.size() == 0 || !sniff(file[0], "")) {
            throw ParseError(file.at(0), "'<name>.hap<TAB>Name of the application'",
                             file.size() == 0 ? std::string("end of file") : std::string(file[0]));
        }
        const std::string app(text::trim(file[0].substr(0, file[0].find('\t'))));
        Dataset data;
        data.source.encoding = file.encoding();
        data.source.instrument = "Fischerscope (WIN-HCU)";
        data.source.sample = app;
        std::size_t i = 1;
        for (; i < file.size() && !is_indent_start(file[i], app); ++i) {
            const std::string_view line = text::trim(file[i]);
            const auto equals = line.find(" = ");
            if (equals != std::string_view::npos && equals <= 2) {
                data.source.metadata[std::string(line.substr(0, equals))] =
                    std::string(text::trim(line.substr(equals + 3)));
            }
        }
        while (i < file.size()) data.curves.push_back(read_indent(file, i, app, data));
        if (data.curves.empty()) {
            throw ParseError(file.at(file.size()),
                             fmt::format("an indent block '{}   date time'", app), "end of file");
        }
        return data;
    }

private:
    static bool is_indent_start(std::string_view line, const std::string& app) {
        return line.size() > app.size() + 1 && line.substr(0, app.size()) == app &&
               line[app.size()] == ' ';
    }

    /// Reads the indent starting at line `i`; leaves `i` at the next indent or the end.
    static Curve read_indent(const TextFile& file, std::size_t& i, const std::string& app,
                             Dataset& data) {
        const std::size_t start = i;
        Curve curve;
        curve.text["date"] = std::string(text::trim(file[i].substr(app.size())));
        ++i;
        std::size_t header_line = 0;
        for (; i < file.size() && !is_indent_start(file[i], app); ++i) {
            const std::string_view line = text::trim(file[i]);
            if (line == "F\th\tt" || line.rfind("F\th\tt\t", 0) == 0) {
                header_line = i;
                break;
            }
            read_result_line(file, i, curve, data);
        }
        if (header_line == 0) {
            throw ParseError(file.at(i), "the 'F<TAB>h<TAB>t' data header of the indent",
                             i < file.size() ? std::string(file[i]) : std::string("end of file"));
        }
        if (curve.name.empty()) curve.name = fmt::format("indent {}", data.curves.size() + 1);

        const std::vector<std::string_view> names =
            text::split_fields(text::trim(file[header_line]), '\t');
        std::vector<std::vector<double>> columns(names.size());
        std::vector<double> row;
        for (i = header_line + 1; i < file.size() && !is_indent_start(file[i], app); ++i) {
            if (text::trim(file[i]).empty()) continue;
            parse_number_row(file, i, '\t', ',', row);
            if (row.size() != names.size()) {
                throw ParseError(file.at(i), fmt::format("{} tab-separated numbers", names.size()),
                                 std::string(file[i]));
            }
            for (std::size_t c = 0; c < row.size(); ++c) columns[c].push_back(row[c]);
        }
        if (columns.front().empty()) {
            throw ParseError(
                file.at(header_line + 1),
                fmt::format("F h t data rows for the indent starting on line {}", start + 1),
                i < file.size() ? std::string(file[i]) : std::string("end of file"));
        }
        for (std::size_t c = 0; c < names.size(); ++c) {
            const std::string name(text::trim(names[c]));
            if (name == "F")
                curve.data.add_column(si_column(channel::load, "F", "mN", std::move(columns[c])));
            else if (name == "h")
                curve.data.add_column(si_column(channel::depth, "h", "µm", std::move(columns[c])));
            else if (name == "t")
                curve.data.add_column(si_column(channel::time, "t", "s", std::move(columns[c])));
            else
                curve.data.add_column(si_column(name, name, "", std::move(columns[c])));
        }
        return curve;
    }

    /// One line of the per-indent header: results, position, fit window, block/value.
    static void read_result_line(const TextFile& file, std::size_t i, Curve& curve, Dataset& data) {
        const std::string_view line = text::trim(file[i]);
        if (line.empty()) return;
        if (line.rfind("Block", 0) == 0 && line.find("Value") != std::string_view::npos) {
            // "Block : 1   Value : 2" → "Block 1 Value 2", the vendor's name of the indent.
            std::string name;
            for (const std::string_view part : text::split_fields(line, ' ')) {
                if (part == ":") continue;
                if (!name.empty()) name += ' ';
                name += std::string(part);
            }
            curve.name = name;
            return;
        }
        if (line.rfind("x=", 0) == 0) {
            curve.text["position"] = std::string(line);  // stage units are not stated
            return;
        }
        if (line.find("Fmax") != std::string_view::npos &&
            line.find("Epsilon") != std::string_view::npos) {
            read_fit_window(file, i, curve, data);
            return;
        }
        if (line.rfind("HM ", 0) == 0 && line.find('=') != std::string_view::npos) {
            double hm = 0.0;
            const std::string_view value = text::trim(line.substr(line.rfind('=') + 1));
            if (parse_either(value, hm))
                curve.properties["vendor_HM"] = {to_si(hm, "N/mm^2"), "Pa"};
            return;
        }
        const std::vector<std::string_view> fields = text::split_fields(line, '\t');
        if (fields.size() < 3) return;
        const std::string label(text::trim(fields[0]));
        const std::string_view bracket = text::trim(fields[1]);
        const auto it = result_names().find(label);
        if (it == result_names().end() || bracket.size() < 2 || bracket.front() != '[') return;
        const std::string unit(bracket.substr(1, bracket.size() - 2));
        double value = 0.0;
        if (!parse_either(fields[2], value)) {
            throw ParseError(file.at(i, fields[2]), fmt::format("a number for {}", label),
                             std::string(fields[2]));
        }
        try {
            const UnitConversion conversion = parse_unit(unit);
            curve.properties[it->second] = {conversion.to_si(value), conversion.si_name()};
        } catch (const UnitError& e) {
            throw ParseError(file.at(i, fields[1]), fmt::format("a known unit ({})", e.what()),
                             unit);
        }
        curve.text[label] = std::string(line);
    }

    /// "20.95%  -  95.33% Fmax     Epsilon = 0.750": fit window as fractions of Fmax, and ε.
    static void read_fit_window(const TextFile& file, std::size_t i, Curve& curve, Dataset& data) {
        const std::string_view line = text::trim(file[i]);
        const std::vector<std::string_view> parts = text::split_fields(line, ' ');
        std::vector<double> percents;
        for (const std::string_view p : parts) {
            double v = 0.0;
            if (p.size() > 1 && p.back() == '%' && parse_either(p.substr(0, p.size() - 1), v)) {
                percents.push_back(v / 100.0);
            }
        }
        double epsilon = 0.0;
        if (percents.size() != 2 || !parse_either(parts.back(), epsilon)) {
            throw ParseError(file.at(i), "'<a>%  -  <b>% Fmax     Epsilon = <ε>'",
                             std::string(line));
        }
        curve.properties["vendor_fit_lower_fraction"] = {percents[0], "1"};
        curve.properties["vendor_fit_upper_fraction"] = {percents[1], "1"};
        curve.properties[property::epsilon] = {epsilon, "1"};
        data.source.properties[property::epsilon] = {epsilon, "1"};
        curve.text["fit window"] = std::string(line);
    }
};

}  // namespace

std::unique_ptr<Reader> make_fischer_txt_reader() { return std::make_unique<FischerTxtReader>(); }

}  // namespace vitrum::indentation_io
