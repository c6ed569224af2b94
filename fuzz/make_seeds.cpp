// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Writes small but valid seed files for the libFuzzer harness of the binary readers (issue #7):
//   tiny.xls   nanosuite-xls       OLE2 (libgsf writer) with a BIFF8 Workbook stream
//   tiny.xlsx  kla-xlsx            zip (libzip) of hand-written SpreadsheetML parts
//   tiny.hdf5  hdf5-common         common HDF5 format v2.0 (HDF5 C API, v0 superblock, v1 groups)
//   tiny.zip   micromaterials-zip  zip (libzip) of two NanoTest .txt indents
// Every seed holds the same load–hold–unload curve (kCurve); tests/instruments/
// fuzz_seeds_test.cpp checks the readers return exactly these values. The output is
// deterministic: zip entries carry a fixed DOS time, HDF5 objects no modification times, and
// libgsf writes zero directory timestamps.
// Usage: vitrum_fuzz_seeds <output-directory>
#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-stdio.h>
#include <gsf/gsf-utils.h>
#include <hdf5.h>
#include <zip.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct Row {
    double time_s;
    double depth_nm;
    double load_mN;
};

// Loading with P = 0.0005 mN/nm² · h², a 2 s hold at 28.8 mN with creep, then unloading.
// Depth and load have at most two decimals (exact as BIFF8 RK ×100 numbers), times are
// multiples of 0.5 s (exact as RK doubles).
constexpr Row kCurve[] = {
    {0.0, 20.0, 0.2},    {0.5, 40.0, 0.8},    {1.0, 60.0, 1.8},   {1.5, 80.0, 3.2},
    {2.0, 100.0, 5.0},   {2.5, 120.0, 7.2},   {3.0, 140.0, 9.8},  {3.5, 160.0, 12.8},
    {4.0, 180.0, 16.2},  {4.5, 200.0, 20.0},  {5.0, 220.0, 24.2}, {5.5, 240.0, 28.8},
    {6.0, 241.5, 28.8},  {6.5, 242.5, 28.8},  {7.0, 243.0, 28.8}, {7.5, 243.25, 28.8},
    {8.0, 238.5, 25.2},  {8.5, 233.25, 21.6}, {9.0, 227.5, 18.0}, {9.5, 221.0, 14.4},
    {10.0, 213.5, 10.8}, {10.5, 204.75, 7.2}, {11.0, 194.0, 3.6}, {11.5, 180.5, 0.36},
};
constexpr std::size_t kRows = sizeof kCurve / sizeof kCurve[0];
constexpr std::size_t kHoldBegin = 12;       // first row of the hold (marker "End Of Loading")
constexpr std::size_t kUnloadBegin = 16;     // first row of the unloading ("End Of Hold")
constexpr std::size_t kInvalidLoadRow = 13;  // its load is NanoSuite's DBL_MAX marker
constexpr std::size_t kOmittedTimeRow = 5;   // .xlsx: the time cell is left out
constexpr double kHoldPhaseAngle_deg = 1.5;  // "Phase Angle" [deg], hold rows only

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what); }

// ---------------------------------------------------------------- BIFF8 (MS-XLS) records
std::string le16(unsigned v) { return {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)}; }
std::string le32(std::uint32_t v) { return le16(v & 0xFFFF) + le16(v >> 16); }
std::string f64(double v) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    return le32(static_cast<std::uint32_t>(bits)) + le32(static_cast<std::uint32_t>(bits >> 32));
}
std::string record(unsigned type, const std::string& body) {
    if (body.size() > 8224) fail("BIFF8 record too long");
    return le16(type) + le16(static_cast<unsigned>(body.size())) + body;
}
// BOF (2.4.21): BIFF8, substream type dt (5 globals, 0x10 worksheet, 0x20 chart).
std::string bof(unsigned dt) {
    return record(0x0809, le16(0x0600) + le16(dt) + le16(0x0DBB) + le16(0x07CC) + le32(0x80C9) +
                              le32(0x0206));
}
std::string eof() { return record(0x000A, ""); }
std::string cell(unsigned row, unsigned col) { return le16(row) + le16(col) + le16(0x0F); }
// XLUnicodeString (2.5.294) with 8-bit characters.
std::string short_string(const std::string& s) {
    return le16(static_cast<unsigned>(s.size())) + std::string(1, '\0') + s;
}
std::string label(unsigned row, unsigned col, const std::string& s) {
    return record(0x0204, cell(row, col) + short_string(s));
}
std::string label_sst(unsigned row, unsigned col, std::uint32_t index) {
    return record(0x00FD, cell(row, col) + le32(index));
}
std::string number(unsigned row, unsigned col, double v) {
    return record(0x0203, cell(row, col) + f64(v));
}
// RkNumber (2.5.217): v·100 as a 30-bit integer (both flag bits set), exact for two decimals.
std::uint32_t rk_hundredths(double v) {
    const long n = std::lround(v * 100.0);
    if (static_cast<double>(n) / 100.0 != v || std::labs(n) >= (1L << 29)) fail("not an RK ×100");
    return (static_cast<std::uint32_t>(n) << 2) | 0x3u;
}
// RkNumber holding the upper 30 bits of the double; exact for 0.5 steps.
std::uint32_t rk_double(double v) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    if ((bits & 0x3FFFFFFFFull) != 0) fail("not an RK double");
    return static_cast<std::uint32_t>(bits >> 32) & ~0x3u;
}
std::string rk(unsigned row, unsigned col, std::uint32_t value) {
    return record(0x027E, cell(row, col) + le32(value));
}
std::string mulrk(unsigned row, unsigned first, const std::vector<std::uint32_t>& values) {
    std::string body = le16(row) + le16(first);
    for (std::uint32_t v : values) body += le16(0x0F) + le32(v);
    return record(0x00BD, body + le16(first + static_cast<unsigned>(values.size()) - 1));
}
// FORMULA (2.4.127) "=v" (PtgNum) with its cached number.
std::string formula_number(unsigned row, unsigned col, double v) {
    const std::string rgce = std::string(1, '\x1F') + f64(v);
    return record(0x0006, cell(row, col) + f64(v) + le16(0) + le32(0) +
                              le16(static_cast<unsigned>(rgce.size())) + rgce);
}
// FORMULA with a cached string (FormulaValue byte 0 = 0, bytes 6–7 = 0xFFFF), then STRING.
std::string formula_text(unsigned row, unsigned col, const std::string& s) {
    const std::string value = std::string(6, '\0') + le16(0xFFFF);
    // PtgStr: ShortXLUnicodeString (cch in one byte, flags, 8-bit characters).
    const std::string rgce = std::string(1, '\x17') + std::string(1, static_cast<char>(s.size())) +
                             std::string(1, '\0') + s;
    return record(0x0006, cell(row, col) + value + le16(0) + le32(0) +
                              le16(static_cast<unsigned>(rgce.size())) + rgce) +
           record(0x0207, short_string(s));
}
std::string boolerr_na(unsigned row, unsigned col) {
    return record(0x0205, cell(row, col) + std::string(1, '\x2A') + std::string(1, '\x01'));
}
std::string dimensions(unsigned rows, unsigned cols) {
    return record(0x0200, le32(0) + le32(rows) + le16(0) + le16(cols) + le16(0));
}

// Shared strings (SST indices used by the cells below).
enum Sst : std::uint32_t { kSegment, kDisplacement, kLoadOnSample, kTimeOnSample, kBegin, kEnd };

// SST (2.4.265) + CONTINUE: "Segment" with one rich-text run, "Displacement Into Surface"
// split across the CONTINUE (whose flags byte switches the rest to UTF-16), "Load On Sample"
// with an empty phonetic block (ExtRst), "Time On Sample" in UTF-16.
std::string sst() {
    const std::string displacement = "Displacement Into Surface";
    const std::size_t split = 13;
    std::string first = le32(7) + le32(6);
    first += le16(7) + std::string(1, '\x08') + le16(1) + "Segment" + le16(0) + le16(1);
    first += le16(static_cast<unsigned>(displacement.size())) + std::string(1, '\0') +
             displacement.substr(0, split);
    std::string rest(1, '\x01');
    for (char c : displacement.substr(split)) rest += std::string(1, c) + std::string(1, '\0');
    const std::string ext_rst = le16(1) + le16(10) + le16(0) + le16(0) + le16(0) + le16(0) +
                                le16(0);  // reserved, cb, Phs, crun, cch, st.cch
    rest += le16(14) + std::string(1, '\x04') + le32(static_cast<std::uint32_t>(ext_rst.size())) +
            "Load On Sample" + ext_rst;
    rest += le16(14) + std::string(1, '\x01');
    for (char c : std::string("Time On Sample")) rest += std::string(1, c) + std::string(1, '\0');
    rest += short_string("Begin Loading") + short_string("END");
    return record(0x00FC, first) + record(0x003C, rest);
}

std::string test_sheet() {
    std::string s = bof(0x10) + dimensions(kRows + 3, 5);
    for (unsigned c = 0; c < 4; ++c) s += label_sst(0, c, kSegment + c);
    s += label(0, 4, "Phase Angle") + label(1, 1, "nm") + label(1, 2, "mN") + label(1, 3, "s") +
         label(1, 4, "deg");
    for (std::size_t i = 0; i < kRows; ++i) {
        const unsigned r = static_cast<unsigned>(i) + 2;
        const Row& v = kCurve[i];
        if (i == 0) s += label_sst(r, 0, kBegin);
        if (i == kHoldBegin) s += label(r, 0, "End Of Loading");
        if (i == kUnloadBegin) s += formula_text(r, 0, "End Of Hold");
        // Three cell encodings in turn, so that every record kind carries data.
        if (i >= kHoldBegin && i < kUnloadBegin) s += number(r, 4, kHoldPhaseAngle_deg);
        if (i % 3 == 0) {
            s += mulrk(r, 1,
                       {rk_hundredths(v.depth_nm), rk_hundredths(v.load_mN), rk_double(v.time_s)});
        } else if (i % 3 == 1) {
            s += number(r, 1, v.depth_nm);
            s += i == kInvalidLoadRow ? number(r, 2, DBL_MAX) : rk(r, 2, rk_hundredths(v.load_mN));
            s += formula_number(r, 3, v.time_s);
        } else {
            s += rk(r, 1, rk_hundredths(v.depth_nm)) + number(r, 2, v.load_mN) +
                 number(r, 3, v.time_s);
        }
    }
    return s + label_sst(static_cast<unsigned>(kRows) + 2, 0, kEnd) + eof();
}

// Vendor results: test 1 has E = 72.5 GPa, H = 9.25 GPa, an #N/A drift rate, tip B123 and
// X position 12.5 µm; its cycle 2 (row label "1-2") has E = 71 GPa.
std::string results_sheet() {
    return bof(0x10) + label(0, 0, "Test") + label(0, 1, "Modulus") + label(0, 2, "Hardness") +
           label(0, 3, "Drift Correction") + label(0, 4, "Tip Name") + label(0, 5, "X Position") +
           label(1, 1, "GPa") + label(1, 2, "GPa") + label(1, 3, "nm/s") + label(1, 5, "um") +
           rk(2, 0, (1u << 2) | 0x2u) + number(2, 1, 72.5) + number(2, 2, 9.25) + boolerr_na(2, 3) +
           label(2, 4, "B123") + number(2, 5, 12.5) + label(3, 0, "1-2") + number(3, 1, 71.0) +
           eof();
}

std::string inputs_sheet() {
    return bof(0x10) + label(0, 0, "Test") + label(0, 1, "Poisson's Ratio") +
           rk(1, 0, (1u << 2) | 0x2u) + number(1, 1, 0.18) + eof();
}

std::string workbook_stream() {
    const std::vector<std::pair<std::string, unsigned>> sheets = {
        {"Results", 0}, {"Required Inputs", 0}, {"Test 001", 0}, {"Chart1", 2}};
    const std::vector<std::string> bodies = {results_sheet(), inputs_sheet(), test_sheet(),
                                             bof(0x20) + eof()};
    const auto boundsheet = [](std::uint32_t offset, const std::string& name, unsigned type) {
        return record(0x0085, le32(offset) + std::string(1, '\0') +
                                  std::string(1, static_cast<char>(type)) +
                                  std::string(1, static_cast<char>(name.size())) +
                                  std::string(1, '\0') + name);
    };
    const std::string codepage = record(0x0042, le16(1200));
    // The globals' size does not depend on the offsets, so lay them out once with zeros.
    std::size_t globals = bof(5).size() + codepage.size() + sst().size() + eof().size();
    for (const auto& sheet : sheets) globals += boundsheet(0, sheet.first, sheet.second).size();
    std::string stream = bof(5) + codepage;
    std::size_t offset = globals;
    for (std::size_t k = 0; k < sheets.size(); ++k) {
        stream += boundsheet(static_cast<std::uint32_t>(offset), sheets[k].first, sheets[k].second);
        offset += bodies[k].size();
    }
    stream += sst() + eof();
    for (const std::string& body : bodies) stream += body;
    return stream;
}

void write_xls(const std::string& path) {
    const std::string stream = workbook_stream();
    GError* error = nullptr;
    GsfOutput* sink = gsf_output_stdio_new(path.c_str(), &error);
    if (sink == nullptr) fail(path + ": " + (error != nullptr ? error->message : "cannot create"));
    GsfOutfile* ole = gsf_outfile_msole_new(sink);
    GsfOutput* workbook = gsf_outfile_new_child(ole, "Workbook", FALSE);
    const bool ok = gsf_output_write(workbook, stream.size(),
                                     reinterpret_cast<const guint8*>(stream.data())) != FALSE &&
                    gsf_output_close(workbook) != FALSE &&
                    gsf_output_close(GSF_OUTPUT(ole)) != FALSE &&  // closes the sink too
                    (gsf_output_is_closed(sink) != FALSE || gsf_output_close(sink) != FALSE);
    g_object_unref(workbook);
    g_object_unref(ole);
    g_object_unref(sink);
    if (!ok) fail(path + ": libgsf could not write the compound file");
}

// ---------------------------------------------------------------- zip (.xlsx and NanoTest)
struct ZipMember {
    std::string name;
    std::string content;
    bool deflate;
};

void write_zip(const std::string& path, const std::vector<ZipMember>& members) {
    std::remove(path.c_str());
    int code = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (archive == nullptr) fail(path + ": libzip cannot create it");
    for (const ZipMember& m : members) {
        zip_source_t* source =
            zip_source_buffer(archive, m.content.data(), m.content.size(), 0);  // zip_close reads
        const zip_int64_t index =
            source == nullptr ? -1
                              : zip_file_add(archive, m.name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            zip_discard(archive);
            fail(path + ": cannot add " + m.name);
        }
        const auto at = static_cast<zip_uint64_t>(index);
        // A fixed DOS time (2024-01-01 00:00) keeps the archive byte-identical between runs.
        constexpr zip_uint16_t kDosDate = ((2024 - 1980) << 9) | (1 << 5) | 1;
        if (zip_set_file_compression(archive, at, m.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 9) !=
                0 ||
            zip_file_set_dostime(archive, at, 0, kDosDate, 0) != 0) {
            zip_discard(archive);
            fail(path + ": cannot set the attributes of " + m.name);
        }
    }
    if (zip_close(archive) != 0) {
        const std::string reason = zip_strerror(archive);
        zip_discard(archive);
        fail(path + ": " + reason);
    }
}

std::string fmt_number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    double back = 0.0;
    for (int precision = 1; precision <= 17; ++precision) {  // shortest text that reads back
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, v);
        std::sscanf(buffer, "%lf", &back);
        if (back == v) break;
    }
    return buffer;
}

std::string col_name(unsigned col) { return std::string(1, static_cast<char>('A' + col)); }

std::string xml_cell(unsigned row, unsigned col, const std::string& attributes,
                     const std::string& inner) {
    return "<c r=\"" + col_name(col) + std::to_string(row + 1) + "\"" + attributes + ">" + inner +
           "</c>";
}
std::string xml_number(unsigned row, unsigned col, double v) {
    return xml_cell(row, col, "", "<v>" + fmt_number(v) + "</v>");
}
std::string xml_shared(unsigned row, unsigned col, unsigned index) {
    return xml_cell(row, col, " t=\"s\"", "<v>" + std::to_string(index) + "</v>");
}
std::string xml_inline(unsigned row, unsigned col, const std::string& s) {
    return xml_cell(row, col, " t=\"inlineStr\"", "<is><t>" + s + "</t></is>");
}

const char* const kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const char* const kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char* const kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const char* const kPkgRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

std::string xlsx_test_sheet() {
    std::string rows = "<row r=\"1\">";
    for (unsigned c = 0; c < 4; ++c) rows += xml_shared(0, c, c);
    rows += "</row><row r=\"2\">" + xml_inline(1, 1, "nm") + xml_inline(1, 2, "mN") +
            xml_inline(1, 3, "s") + "</row>";
    for (std::size_t i = 0; i < kRows; ++i) {
        const unsigned r = static_cast<unsigned>(i) + 2;
        const Row& v = kCurve[i];
        if (i == 1) {
            // No row or cell references: positions follow from the order.
            rows += "<row><c/><c><v>" + fmt_number(v.depth_nm) + "</v></c><c><v>" +
                    fmt_number(v.load_mN) + "</v></c><c><v>" + fmt_number(v.time_s) +
                    "</v></c></row>";
            continue;
        }
        rows += "<row r=\"" + std::to_string(r + 1) + "\">";
        if (i == 0) rows += xml_shared(r, 0, 4);
        if (i == kHoldBegin) rows += xml_cell(r, 0, " t=\"str\"", "<v>End Of Loading</v>");
        if (i == kUnloadBegin) rows += xml_shared(r, 0, 5);
        rows += xml_number(r, 1, v.depth_nm);
        rows += i == kInvalidLoadRow ? xml_cell(r, 2, "", "<v>1.79769313486232E+308</v>")
                                     : xml_number(r, 2, v.load_mN);
        if (i != kOmittedTimeRow) rows += xml_number(r, 3, v.time_s);
        rows += "</row>";
    }
    rows += "<row r=\"" + std::to_string(kRows + 3) + "\">" +
            xml_cell(static_cast<unsigned>(kRows) + 2, 0, " t=\"str\"", "<v>END</v>") + "</row>";
    return std::string(kXmlHead) + "<worksheet xmlns=\"" + kMainNs + "\"><sheetData>" + rows +
           "</sheetData></worksheet>";
}

std::string xlsx_results_sheet() {
    return std::string(kXmlHead) + "<worksheet xmlns=\"" + kMainNs + "\"><sheetData><row r=\"1\">" +
           xml_inline(0, 0, "Test") + xml_inline(0, 1, "Modulus") + xml_inline(0, 2, "Hardness") +
           xml_inline(0, 3, "Drift Correction") + xml_inline(0, 4, "Valid") +
           "</row><row r=\"2\">" + xml_inline(1, 1, "GPa") + xml_inline(1, 2, "GPa") +
           xml_inline(1, 3, "nm/s") + "</row><row r=\"3\">" + xml_number(2, 0, 1) +
           xml_number(2, 1, 72.5) + xml_cell(2, 2, "", "<v> +9.25 </v>") +
           xml_cell(2, 3, " t=\"e\"", "<v>#N/A</v>") + xml_cell(2, 4, " t=\"b\"", "<v>1</v>") +
           "</row></sheetData></worksheet>";
}

std::vector<ZipMember> xlsx_members() {
    const std::string types =
        std::string(kXmlHead) +
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>";
    const std::string package_rels =
        std::string(kXmlHead) + "<Relationships xmlns=\"" + kPkgRelNs +
        "\"><Relationship Id=\"rId1\" Type=\"" + kRelNs +
        "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    const std::string workbook =
        std::string(kXmlHead) + "<workbook xmlns=\"" + kMainNs + "\" xmlns:r=\"" + kRelNs +
        "\"><sheets><sheet name=\"Results\" sheetId=\"1\" r:id=\"rId1\"/>"
        "<sheet name=\"Test 001\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";
    const std::string workbook_rels =
        std::string(kXmlHead) + "<Relationships xmlns=\"" + kPkgRelNs +
        "\"><Relationship Id=\"rId1\" Type=\"" + kRelNs +
        "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" +
        kRelNs +
        "/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/><Relationship Id=\"rId3\" "
        "Type=\"" +
        kRelNs + "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>";
    // A namespace prefix, a rich-text string and a phonetic run the reader must skip.
    const std::string shared =
        std::string(kXmlHead) + "<x:sst xmlns:x=\"" + kMainNs +
        "\" count=\"6\" uniqueCount=\"6\"><x:si><x:t>Segment</x:t></x:si>"
        "<x:si><x:t>Displacement Into Surface</x:t></x:si><x:si><x:t>Load On Sample</x:t></x:si>"
        "<x:si><x:t>Time On Sample</x:t></x:si><x:si><x:t>Begin Loading</x:t></x:si>"
        "<x:si><x:r><x:t>End Of </x:t></x:r><x:r><x:t>Hold</x:t></x:r>"
        "<x:rPh sb=\"0\" eb=\"1\"><x:t>x</x:t></x:rPh></x:si></x:sst>";
    return {{"[Content_Types].xml", types, true},
            {"_rels/.rels", package_rels, true},
            {"xl/workbook.xml", workbook, true},
            {"xl/_rels/workbook.xml.rels", workbook_rels, true},
            {"xl/worksheets/sheet1.xml", xlsx_results_sheet(), false},
            {"xl/worksheets/sheet2.xml", xlsx_test_sheet(), true},
            {"xl/sharedStrings.xml", shared, false}};
}

// NanoTest indent text: time s, depth nm, load mN, tab-separated, six decimals.
std::string nanotest_text(std::size_t rows, const char* newline, bool approach) {
    std::string out;
    char line[96];
    if (approach)
        out += std::string("0.000000\t-12.500000\t-0.010000") + newline +
               "0.000000\t-3.250000\t-0.005000" + newline;
    for (std::size_t i = 0; i < rows; ++i) {
        std::snprintf(line, sizeof line, "%.6f\t%.6f\t%.6f%s", kCurve[i].time_s, kCurve[i].depth_nm,
                      kCurve[i].load_mN, newline);
        out += line;
    }
    return out;
}

// ---------------------------------------------------------------- HDF5 common format
class H5Id {
public:
    H5Id(hid_t id, herr_t (*close)(hid_t), const char* what) : id_(id), close_(close) {
        if (id < 0) fail(std::string("HDF5: cannot create ") + what);
    }
    H5Id(const H5Id&) = delete;
    H5Id& operator=(const H5Id&) = delete;
    ~H5Id() { close_(id_); }
    operator hid_t() const { return id_; }

private:
    hid_t id_;
    herr_t (*close_)(hid_t);
};

void check(herr_t status, const char* what) {
    if (status < 0) fail(std::string("HDF5: ") + what);
}

void string_attribute(hid_t object, const char* name, const std::string& value) {
    const H5Id type(H5Tcopy(H5T_C_S1), H5Tclose, "a string type");
    check(H5Tset_size(type, value.size() + 1), "string size");
    const H5Id space(H5Screate(H5S_SCALAR), H5Sclose, "a scalar dataspace");
    const H5Id attribute(H5Acreate2(object, name, type, space, H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                         name);
    check(H5Awrite(attribute, type, value.c_str()), name);
}

void dataset(hid_t group, hid_t dcpl, const char* name, hid_t file_type, hid_t memory_type,
             const void* values, hsize_t count) {
    const H5Id space(H5Screate_simple(1, &count, nullptr), H5Sclose, "a dataspace");
    const H5Id set(H5Dcreate2(group, name, file_type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT),
                   H5Dclose, name);
    check(H5Dwrite(set, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values), name);
}

// Chunked layout with the shuffle and deflate filters, as h5py writes with compression="gzip":
// chunks of 8 values (a chunk B-tree with several entries) instead of contiguous storage.
enum class Storage { contiguous, chunked_deflate };

void write_hdf5(const std::string& path, Storage storage) {
    // v0 superblock and v1 (symbol table) groups, which hdf5_validate.cpp checks; K = 1 gives
    // small B-tree and symbol-table nodes, and the data group needs several of each.
    const H5Id fcpl(H5Pcreate(H5P_FILE_CREATE), H5Pclose, "fcpl");
    check(H5Pset_sym_k(fcpl, 1, 1), "sym_k");
    // Chunk B-tree nodes of K = 2 instead of 32 keep the chunked file under 8 KiB; a K other
    // than 32 makes libhdf5 write a version-1 superblock, which stores it.
    if (storage == Storage::chunked_deflate) check(H5Pset_istore_k(fcpl, 2), "istore_k");
    const H5Id fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "fapl");
    check(H5Pset_libver_bounds(fapl, H5F_LIBVER_EARLIEST, H5F_LIBVER_V18), "libver bounds");
    const H5Id gcpl(H5Pcreate(H5P_GROUP_CREATE), H5Pclose, "gcpl");
    check(H5Pset_obj_track_times(gcpl, 0), "group times");
    check(H5Pset_local_heap_size_hint(gcpl, 64), "heap size");
    const H5Id contiguous(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "dcpl");
    check(H5Pset_obj_track_times(contiguous, 0), "dataset times");  // reproducible bytes
    const H5Id chunked(H5Pcopy(contiguous), H5Pclose, "chunked dcpl");
    const hsize_t chunk = 8;
    check(H5Pset_chunk(chunked, 1, &chunk), "chunk");
    check(H5Pset_shuffle(chunked), "shuffle");
    check(H5Pset_deflate(chunked, 6), "deflate");

    const H5Id file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl, fapl), H5Fclose, path.c_str());
    string_attribute(file, "version", "2.0");
    string_attribute(file, "uri", "vitrum fuzz/make_seeds.cpp (layout of xls2hdf)");
    {
        const H5Id instrument(H5Gcreate2(file, "instrument", H5P_DEFAULT, gcpl, H5P_DEFAULT),
                              H5Gclose, "instrument");
        string_attribute(instrument, "model", "G200");
    }
    std::vector<double> depth_nm, load_mN, time_s;
    std::vector<std::int32_t> segment;
    for (std::size_t i = 0; i < kRows; ++i) {
        depth_nm.push_back(kCurve[i].depth_nm);
        load_mN.push_back(kCurve[i].load_mN);
        time_s.push_back(kCurve[i].time_s);
        segment.push_back(i < kHoldBegin ? 1 : i < kUnloadBegin ? 2 : 3);
    }
    // test_2 (the first 4 rows) sorts before test_10 (the whole curve) by number, not by name.
    for (const auto& [name, rows] : {std::pair<const char*, std::size_t>{"test_10", kRows},
                                     std::pair<const char*, std::size_t>{"test_2", 4}}) {
        const H5Id test(H5Gcreate2(file, name, H5P_DEFAULT, gcpl, H5P_DEFAULT), H5Gclose, name);
        const H5Id data(H5Gcreate2(test, "data", H5P_DEFAULT, gcpl, H5P_DEFAULT), H5Gclose, "data");
        // test_2's 4 rows stay contiguous (one chunk of 8 would exceed the dataspace's extent).
        const hid_t dcpl = storage == Storage::chunked_deflate && rows == kRows
                               ? static_cast<hid_t>(chunked)
                               : static_cast<hid_t>(contiguous);
        dataset(data, dcpl, "displacement_into_surface", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE,
                depth_nm.data(), rows);
        dataset(data, dcpl, "load_on_sample", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, load_mN.data(),
                rows);
        dataset(data, dcpl, "time_on_sample", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, time_s.data(),
                rows);
        if (rows == kRows) {
            dataset(data, dcpl, "segment", H5T_STD_I32LE, H5T_NATIVE_INT32, segment.data(), rows);
            const H5Id set(H5Dopen2(data, "time_on_sample", H5P_DEFAULT), H5Dclose, "time");
            string_attribute(set, "unit", "s");
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <output-directory>\n", argv[0]);
        return 2;
    }
    const std::string dir = argv[1];
    try {
        gsf_init();
        write_xls(dir + "/tiny.xls");
        write_zip(dir + "/tiny.xlsx", xlsx_members());
        write_hdf5(dir + "/tiny.hdf5", Storage::contiguous);
        write_hdf5(dir + "/tiny-chunked.hdf5", Storage::chunked_deflate);
        write_zip(dir + "/tiny.zip",
                  {{"indent 1.txt", nanotest_text(kRows, "\r\n", true), true},
                   {"indent 2.txt", nanotest_text(kHoldBegin, "\n", false), false}});
        gsf_shutdown();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "vitrum_fuzz_seeds: %s\n", e.what());
        return 1;
    }
    return 0;
}
