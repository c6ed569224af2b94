// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// KLA/Agilent NanoSuite .xls and KLA InView .xlsx indentation readers.
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/registry.hpp>

#include "biff8_workbook.hpp"
#include "kla_nanosuite.hpp"
#include "ole2_container.hpp"
#include "xlsx_workbook.hpp"

namespace vitrum {

namespace {

bool ends_with_nocase(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() &&
           text::to_lower(s.substr(s.size() - suffix.size())) == suffix;
}

// BOUNDSHEET8 names are stored as 8-bit text near the start of the Workbook stream, so a
// NanoSuite export shows "Test 0" in its first 64 KiB.
bool head_mentions_tests(std::string_view head) {
    for (const char* name : {"Test 0", "Test 1", "Required Inputs", "Pre-Test Inputs"}) {
        if (head.find(name) != std::string_view::npos) return true;
    }
    return false;
}

/// Agilent/Keysight/KLA NanoSuite export (G200, XP): BIFF8 .xls in an OLE2 compound file.
class NanoSuiteXlsReader final : public Reader {
public:
    std::string_view format_id() const override { return "nanosuite-xls"; }
    std::string_view description() const override {
        return "Agilent/Keysight/KLA NanoSuite export (G200, XP), Excel 97-2003 .xls";
    }
    Technique technique() const override { return Technique::indentation; }
    std::string_view extensions() const override { return ".xls"; }

    bool sniff(std::string_view head, std::string_view filename) const noexcept override {
        (void)filename;  // an OLE2 file named .xls may be any Excel file; the sheet names decide
        return ole2::has_signature(head) && head_mentions_tests(head);
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        return read_bytes(read_stream(in, path, text::kDefaultMaxFileBytes), path);
    }

    Dataset read_bytes(std::string_view bytes, const std::string& path) const override {
        const std::string stream = ole2::read_stream(bytes, {"Workbook", "Book"}, path);
        const sheet::Workbook book = sheet::parse_biff8(stream, path);
        Dataset data =
            nanosuite::workbook_to_dataset(book, path, "Agilent/KLA NanoSuite (G200/XP)");
        data.source.format_id = std::string(format_id());
        return data;
    }
};

/// KLA InView export (G200X): Office Open XML .xlsx.
class KlaXlsxReader final : public Reader {
public:
    std::string_view format_id() const override { return "kla-xlsx"; }
    std::string_view description() const override {
        return "KLA InView export (G200X), Excel .xlsx";
    }
    Technique technique() const override { return Technique::indentation; }
    std::string_view extensions() const override { return ".xlsx"; }

    bool sniff(std::string_view head, std::string_view filename) const noexcept override {
        if (!sheet::has_zip_signature(head)) return false;
        // An .xlsx names its parts in the local headers; xl/ appears in the first few hundred
        // bytes. Other zips (Micro Materials exports) have no xl/ member.
        return head.find("xl/") != std::string_view::npos &&
               (ends_with_nocase(filename, ".xlsx") ||
                head.find("xl/workbook.xml") != std::string_view::npos);
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        return read_bytes(read_stream(in, path, text::kDefaultMaxFileBytes), path);
    }

    Dataset read_bytes(std::string_view bytes, const std::string& path) const override {
        const sheet::Workbook book = sheet::read_xlsx(bytes, path);
        Dataset data = nanosuite::workbook_to_dataset(book, path, "KLA InView (G200X)");
        data.source.format_id = std::string(format_id());
        return data;
    }
};

}  // namespace

void register_spreadsheet_readers(ReaderRegistry& registry) {
    registry.add(std::make_unique<NanoSuiteXlsReader>());
    registry.add(std::make_unique<KlaXlsxReader>());
}

}  // namespace vitrum
