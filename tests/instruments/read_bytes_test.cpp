// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Reader::read_bytes (what ReaderRegistry::read_file calls) against Reader::read on a stream:
// the same Dataset, and nothing read beyond the bytes handed over.
#include <sstream>
#include <string>
#include <string_view>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "reader_test_support.hpp"

namespace {

using namespace vitrum;

// Every column of every curve equal bit for bit (NaN equal to NaN), and the same tables.
void check_same(const Dataset& a, const Dataset& b) {
    REQUIRE(a.curves.size() == b.curves.size());
    for (std::size_t i = 0; i < a.curves.size(); ++i) {
        const auto& ca = a.curves[i].data.columns();
        const auto& cb = b.curves[i].data.columns();
        REQUIRE(ca.size() == cb.size());
        for (std::size_t c = 0; c < ca.size(); ++c) {
            CHECK(ca[c].name == cb[c].name);
            REQUIRE(ca[c].values.size() == cb[c].values.size());
            std::size_t differ = 0;
            for (std::size_t r = 0; r < ca[c].values.size(); ++r) {
                const double x = ca[c].values[r], y = cb[c].values[r];
                if (!(x == y || (x != x && y != y))) ++differ;
            }
            CHECK_MESSAGE(differ == 0, ca[c].name);
        }
    }
    CHECK(a.tables.size() == b.tables.size());
    CHECK(a.warnings == b.warnings);
}

Dataset read_stream_of(const Reader& reader, const std::string& bytes, const std::string& name) {
    std::istringstream in(bytes);
    return reader.read(in, name);
}

}  // namespace

TEST_CASE("read_bytes gives what read gives, for a text reader and both spreadsheet readers") {
    struct Case {
        const char* format;
        const char* file;
    };
    for (const Case c : {Case{"setaram", "dsc/pkynetics/sample_dsc_setaram.txt"},
                         Case{"nanosuite-xls", "indentation/micromechanics/FQ.xls"},
                         Case{"kla-xlsx", "indentation/indentationGUI/FusedSilica.xlsx"}}) {
        CAPTURE(c.file);
        const Reader* reader = builtin_readers().find(c.format);
        REQUIRE(reader != nullptr);
        const std::string bytes = test::testdata_bytes(c.file);
        check_same(reader->read_bytes(bytes, c.file), read_stream_of(*reader, bytes, c.file));
    }
}

TEST_CASE("read_bytes reads only the bytes it is given, not the buffer around them") {
    // The view ends where the file ends; a buffer continuing with more data rows must not be
    // read past the view (the default read_bytes seeks to measure the size, then reads).
    const Reader* reader = builtin_readers().find("setaram");
    REQUIRE(reader != nullptr);
    const std::string file = test::testdata_bytes("dsc/pkynetics/sample_dsc_setaram.txt");
    const std::string longer = file + file.substr(file.size() / 2);
    const Dataset whole = reader->read_bytes(file, "a.txt");
    const Dataset viewed =
        reader->read_bytes(std::string_view(longer).substr(0, file.size()), "a.txt");
    check_same(whole, viewed);
    // A view cut inside the OLE2 container of an .xls is a truncated file, refused with its name.
    const std::string xls = test::testdata_bytes("indentation/micromechanics/FQ.xls");
    const Reader* nanosuite = builtin_readers().find("nanosuite-xls");
    REQUIRE(nanosuite != nullptr);
    CHECK_THROWS_AS(
        nanosuite->read_bytes(std::string_view(xls).substr(0, xls.size() / 2), "cut.xls"),
        ParseError);
}
