// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
//
// Hysitron/Bruker TriboScan analysis results (e.g. the XPM "… LC.txt" export): one row per indent
// with the vendor's Oliver–Pharr numbers. Layout: "Number of Data Points = N", a blank line,
// the header "File<TAB>hc(nm)<TAB>Pmax(µN)<TAB>S(µN/nm)<TAB>A(nm^2)<TAB>…<TAB>Drift(nm/s)",
// then N rows whose first field is the raw-curve file name. The reader returns no curves, only
// the table, so an analysis can be compared with the vendor's.

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <vitrum/core/channels.hpp>

#include "indentation_text_readers.hpp"
#include "indentation_text_support.hpp"

namespace vitrum::indentation_io {
namespace {

constexpr std::string_view kCountKey = "Number of Data Points";

/// Vendor column names (before the unit) → names in the table. "A" is the contact area when it
/// has a unit (nm^2) and the power-law prefactor of P = A (h − hf)^m when it has none.
std::string result_column_name(const NameAndUnit& h) {
    static const std::map<std::string, std::string> names = {{"hc", "vendor_contact_depth"},
                                                             {"Pmax", "vendor_max_load"},
                                                             {"S", "vendor_stiffness"},
                                                             {"hmax", "vendor_max_depth"},
                                                             {"heff", "vendor_effective_depth"},
                                                             {"Er", "vendor_reduced_modulus"},
                                                             {"H", "vendor_hardness"},
                                                             {"hf", "power_law_hf"},
                                                             {"m", "power_law_m"},
                                                             {"X", "position_x"},
                                                             {"Y", "position_y"},
                                                             {"Drift", "drift_rate"}};
    if (h.name == "A") return h.unit.empty() ? "power_law_A" : "vendor_contact_area";
    const auto it = names.find(h.name);
    return it == names.end() ? h.name : it->second;
}

class HysitronResultsReader final : public Reader {
public:
    std::string_view format_id() const override { return "hysitron-results"; }
    std::string_view description() const override {
        return "Hysitron/Bruker TriboScan results table (one row per indent: hc, Pmax, S, A, Er, "
               "H, "
               "power-law A/hf/m, X/Y); vendor values only, no curves";
    }
    Technique technique() const override { return Technique::indentation; }
    std::string_view extensions() const override { return ".txt"; }

    bool sniff(std::string_view head, std::string_view) const noexcept override {
        return head.substr(0, kCountKey.size()) == kCountKey &&
               head.substr(0, 2048).find("hc(nm)") != std::string_view::npos;
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        return read_latin1_text(in, path,
                                [this](const TextFile& file, Dataset& data) { parse(file, data); });
    }

private:
    void parse(const TextFile& file, Dataset& data) const {
        if (file.size() == 0 || file[0].substr(0, kCountKey.size()) != kCountKey) {
            throw ParseError(file.at(0), "'Number of Data Points = N'",
                             file.size() == 0 ? std::string("end of file") : std::string(file[0]));
        }
        const auto equals = file[0].find('=');
        const std::string_view count_field =
            equals == std::string_view::npos ? std::string_view() : file[0].substr(equals + 1);
        double announced = 0.0;
        // A count above 1e15 fits no file (and would overflow the size_t cast below).
        if (!text::try_parse_double(count_field, '.', announced) || announced < 0 ||
            announced > 1e15 || announced != std::floor(announced)) {
            throw ParseError(file.at(0, count_field), "a row count after '='",
                             std::string(file[0]));
        }
        std::size_t header_line = 1;
        while (header_line < file.size() && text::trim(file[header_line]).empty()) ++header_line;
        if (header_line >= file.size()) {
            throw ParseError(file.at(header_line), "the column header 'File<TAB>hc(nm)…'",
                             "end of file");
        }
        const std::vector<std::string_view> fields = text::split_fields(file[header_line], '\t');
        if (fields.size() < 2 || text::trim(fields[0]) != "File") {
            throw ParseError(file.at(header_line), "the column header 'File<TAB>hc(nm)…'",
                             std::string(file[header_line]));
        }
        Table table;
        table.name = "TriboScan results";
        std::vector<NameAndUnit> headers;
        std::vector<std::vector<double>> values(fields.size() - 1);
        for (std::size_t c = 1; c < fields.size(); ++c)
            headers.push_back(split_name_and_unit(fields[c]));

        std::vector<double> row;
        for (std::size_t i = header_line + 1; i < file.size(); ++i) {
            const std::string_view line = file[i];
            if (text::trim(line).empty()) continue;
            const std::vector<std::string_view> cells = text::split_fields(line, '\t');
            if (cells.size() != fields.size()) {
                throw ParseError(file.at(i),
                                 fmt::format("{} tab-separated fields (file name and {} numbers)",
                                             fields.size(), fields.size() - 1),
                                 std::string(line));
            }
            table.row_labels.emplace_back(text::trim(cells[0]));
            for (std::size_t c = 1; c < cells.size(); ++c) {
                values[c - 1].push_back(text::parse_double(cells[c], '.', file.at(i, cells[c])));
            }
        }
        if (table.row_labels.size() != static_cast<std::size_t>(announced)) {
            throw ParseError(
                file.at(0),
                fmt::format("{} result rows as announced", static_cast<std::size_t>(announced)),
                fmt::format("{} rows", table.row_labels.size()));
        }
        for (std::size_t c = 0; c < headers.size(); ++c) {
            const std::string unit = is_unit(headers[c].unit) ? headers[c].unit : std::string();
            Column column = si_column(result_column_name(headers[c]), text::trim(fields[c + 1]),
                                      unit, std::move(values[c]));
            // The power-law prefactor is in µN/nm^m with m per row: no single SI unit exists.
            if (column.name == "power_law_A") column.original_unit = "µN/nm^m";
            table.columns.push_back(std::move(column));
        }
        data.tables.push_back(std::move(table));
    }
};

}  // namespace

std::unique_ptr<Reader> make_hysitron_results_reader() {
    return std::make_unique<HysitronResultsReader>();
}

}  // namespace vitrum::indentation_io
