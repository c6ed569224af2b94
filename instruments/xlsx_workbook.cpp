// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "xlsx_workbook.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <vitrum/core/error.hpp>

#include "zip_member.hpp"

namespace vitrum::sheet {

namespace {

// No worksheet of an instrument export comes near this; it stops zip bombs [bytes].
constexpr zip_uint64_t kMaxMemberBytes = zip_uint64_t{512} << 20;

Location where(const std::string& path, const std::string& part) {
    Location loc;
    loc.file = path;
    loc.sheet = part;
    return loc;
}

struct ZipCloser {
    void operator()(zip_t* archive) const {
        if (archive != nullptr) zip_discard(archive);
    }
};

class Archive {
public:
    Archive(std::string_view bytes, const std::string& path)
        : path_(path), archive_bytes_(bytes.size()) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (source == nullptr) fail_open(error);
        zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (archive == nullptr) {
            zip_source_free(source);
            fail_open(error);
        }
        zip_.reset(archive);
        zip_error_fini(&error);
    }

    bool has(const std::string& member) const {
        return zip_name_locate(zip_.get(), member.c_str(), 0) >= 0;
    }

    std::string read(const std::string& member) const {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(zip_.get(), member.c_str(), 0, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0) {
            throw ParseError(where(path_, member),
                             "the member is listed but cannot be found in "
                             "the zip directory");
        }
        if (const std::string why =
                zip_member::implausible_size(st, archive_bytes_, kMaxMemberBytes);
            !why.empty()) {
            throw ParseError(where(path_, member), why);
        }
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
            zip_fopen(zip_.get(), member.c_str(), 0), &zip_fclose);
        if (!file) {
            throw ParseError(where(path_, member),
                             fmt::format("cannot open the member: {}", zip_strerror(zip_.get())));
        }
        std::string out(static_cast<std::size_t>(st.size), '\0');
        std::size_t done = 0;
        while (done < out.size()) {
            const zip_int64_t got = zip_fread(file.get(), out.data() + done, out.size() - done);
            if (got <= 0) {
                throw ParseError(where(path_, member),
                                 fmt::format("the member ends after {} of {} bytes ({}); the "
                                             "file is truncated or corrupted",
                                             done, out.size(), zip_file_strerror(file.get())));
            }
            done += static_cast<std::size_t>(got);
        }
        return out;
    }

private:
    [[noreturn]] void fail_open(zip_error_t& error) {
        const std::string reason = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw ParseError(where(path_, ""), fmt::format("not a readable zip archive ({}); the "
                                                       "file may be truncated",
                                                       reason));
    }

    std::string path_;
    std::size_t archive_bytes_;
    std::unique_ptr<zip_t, ZipCloser> zip_;
};

// Element and attribute names without their namespace prefix ("x:row" → "row").
std::string_view local(const char* name) {
    std::string_view n(name);
    const auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
    for (pugi::xml_node c : node.children()) {
        if (c.type() == pugi::node_element && local(c.name()) == name) return c;
    }
    return {};
}

pugi::xml_attribute attribute(pugi::xml_node node, std::string_view name, bool prefixed = false) {
    for (pugi::xml_attribute a : node.attributes()) {
        const std::string_view full(a.name());
        const bool has_prefix = full.find(':') != std::string_view::npos;
        if (local(a.name()) == name && has_prefix == prefixed) return a;
    }
    return {};
}

void load_xml(pugi::xml_document& doc, const std::string& xml, const std::string& path,
              const std::string& part) {
    const pugi::xml_parse_result ok = doc.load_buffer(xml.data(), xml.size());
    if (!ok) {
        throw ParseError(where(path, part),
                         fmt::format("well-formed XML, found an error at byte "
                                     "{}: {}",
                                     static_cast<long long>(ok.offset), ok.description()));
    }
}

// Text of a shared or inline string: all <t> below it, except phonetic runs (<rPh>).
void collect_text(pugi::xml_node node, std::string& out) {
    for (pugi::xml_node c : node.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string_view name = local(c.name());
        if (name == "t") {
            out += c.child_value();
        } else if (name != "rPh") {
            collect_text(c, out);
        }
    }
}

std::vector<std::string> read_shared_strings(const Archive& zip, const std::string& path) {
    const std::string member = "xl/sharedStrings.xml";
    std::vector<std::string> strings;
    if (!zip.has(member)) return strings;
    pugi::xml_document doc;
    load_xml(doc, zip.read(member), path, member);
    for (pugi::xml_node si : child(doc, "sst").children()) {
        if (si.type() != pugi::node_element || local(si.name()) != "si") continue;
        std::string text;
        collect_text(si, text);
        strings.push_back(std::move(text));
    }
    return strings;
}

bool parse_number(std::string_view text, double& out) {
    while (!text.empty() && (text.front() == ' ')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ')) text.remove_suffix(1);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (end != text.data() + text.size() || text.empty()) return false;
    if (ec == std::errc::result_out_of_range) {
        // Beyond the double range: a rounded DBL_MAX ("1.79769313486232E+308", NanoSuite's
        // invalid marker) overflows to ±inf; an underflow is zero.
        const bool negative_exponent =
            text.find("E-") != std::string_view::npos || text.find("e-") != std::string_view::npos;
        out = negative_exponent ? 0.0 : (text.front() == '-' ? -HUGE_VAL : HUGE_VAL);
        return true;
    }
    return ec == std::errc();
}

void read_worksheet(const std::string& xml, const std::vector<std::string>& shared, Sheet& out,
                    const std::string& path) {
    pugi::xml_document doc;
    load_xml(doc, xml, path, out.name);
    const pugi::xml_node data = child(child(doc, "worksheet"), "sheetData");
    std::size_t next_row = 0;
    for (pugi::xml_node row : data.children()) {
        if (row.type() != pugi::node_element || local(row.name()) != "row") continue;
        std::size_t row_index = next_row;
        if (pugi::xml_attribute r = attribute(row, "r")) {
            const long long number = r.as_llong(0);
            if (number < 1 || static_cast<unsigned long long>(number) > Sheet::kMaxRows) {
                throw ParseError(where(path, out.name), "a row number 1…1048576", r.value());
            }
            row_index = static_cast<std::size_t>(number - 1);
        }
        next_row = row_index + 1;
        std::size_t next_col = 0;
        for (pugi::xml_node c : row.children()) {
            if (c.type() != pugi::node_element || local(c.name()) != "c") continue;
            CellRef ref{row_index, next_col};
            if (pugi::xml_attribute r = attribute(c, "r")) {
                if (!parse_cell_ref(r.value(), ref)) {
                    Location loc = where(path, out.name);
                    loc.line = row_index + 1;
                    throw ParseError(loc, "a cell reference like \"AB12\"", r.value());
                }
            }
            next_col = ref.col + 1;
            const std::string_view type = attribute(c, "t").value();
            const char* value = child(c, "v").child_value();
            Location loc = where(path, out.name);
            loc.line = ref.row + 1;
            loc.column = ref.col + 1;
            if (type == "s") {
                std::size_t index = 0;
                const std::string_view v(value);
                const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), index);
                if (ec != std::errc() || end != v.data() + v.size() || index >= shared.size()) {
                    throw ParseError(
                        loc, fmt::format("a shared string index below {}", shared.size()), value);
                }
                out.set_text(ref.row, ref.col, shared[index]);
            } else if (type == "inlineStr") {
                std::string text;
                collect_text(child(c, "is"), text);
                out.set_text(ref.row, ref.col, std::move(text));
            } else if (type == "str") {
                out.set_text(ref.row, ref.col, value);
            } else if (type == "b") {
                out.set_number(ref.row, ref.col, std::string_view(value) == "1" ? 1.0 : 0.0);
            } else if (type == "e" || *value == '\0') {
                continue;  // errors (#N/A …) and cells with only a style stay empty
            } else {
                double number = 0.0;
                if (!parse_number(value, number)) throw ParseError(loc, "a number", value);
                out.set_number(ref.row, ref.col, number);
            }
        }
    }
}

}  // namespace

bool has_zip_signature(std::string_view bytes) noexcept {
    return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

bool parse_cell_ref(std::string_view ref, CellRef& out) noexcept {
    std::size_t i = 0;
    std::size_t col = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
        col = col * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
        if (col > Sheet::kMaxColumns) return false;
        ++i;
    }
    if (i == 0 || i == ref.size()) return false;
    std::size_t row = 0;
    for (; i < ref.size(); ++i) {
        if (ref[i] < '0' || ref[i] > '9') return false;
        row = row * 10 + static_cast<std::size_t>(ref[i] - '0');
        if (row > Sheet::kMaxRows) return false;
    }
    if (row == 0) return false;
    out.row = row - 1;
    out.col = col - 1;
    return true;
}

Workbook read_xlsx(std::string_view bytes, const std::string& path) {
    const Archive zip(bytes, path);
    const std::string book_member = "xl/workbook.xml";
    if (!zip.has(book_member)) {
        throw FormatError(
            fmt::format("{}: the zip archive has no xl/workbook.xml, so it is not an "
                        "Excel .xlsx workbook",
                        path));
    }
    pugi::xml_document book_xml;
    load_xml(book_xml, zip.read(book_member), path, book_member);

    std::map<std::string, std::string> targets;  // relationship id → member path
    const std::string rels_member = "xl/_rels/workbook.xml.rels";
    if (zip.has(rels_member)) {
        pugi::xml_document rels;
        load_xml(rels, zip.read(rels_member), path, rels_member);
        for (pugi::xml_node rel : child(rels, "Relationships").children()) {
            if (rel.type() != pugi::node_element || local(rel.name()) != "Relationship") continue;
            std::string target = rel.attribute("Target").value();
            // Targets are relative to xl/ unless they start at the package root.
            target = target.rfind('/', 0) == 0 ? target.substr(1) : "xl/" + target;
            targets[rel.attribute("Id").value()] = target;
        }
    }
    const std::vector<std::string> shared = read_shared_strings(zip, path);

    Workbook out;
    std::size_t position = 0;
    for (pugi::xml_node s : child(child(book_xml, "workbook"), "sheets").children()) {
        if (s.type() != pugi::node_element || local(s.name()) != "sheet") continue;
        ++position;
        Sheet sheet;
        sheet.name = attribute(s, "name").value();
        const std::string id = attribute(s, "id", true).value();
        auto it = targets.find(id);
        // Without relationships, fall back to the conventional member name.
        const std::string member =
            it != targets.end() ? it->second : fmt::format("xl/worksheets/sheet{}.xml", position);
        if (!zip.has(member)) {
            throw ParseError(where(path, sheet.name),
                             fmt::format("worksheet member '{}' (relationship '{}')", member, id),
                             "nothing in the zip");
        }
        try {
            read_worksheet(zip.read(member), shared, sheet, path);
        } catch (const FormatError& error) {  // Sheet's own limits do not know the file
            if (std::string(error.what()).rfind(path, 0) == 0) throw;
            throw FormatError(fmt::format("{}: {}", path, error.what()));
        }
        out.sheets.push_back(std::move(sheet));
    }
    if (out.sheets.empty()) {
        throw ParseError(where(path, book_member), "at least one <sheet> in <sheets>", "none");
    }
    return out;
}

}  // namespace vitrum::sheet
