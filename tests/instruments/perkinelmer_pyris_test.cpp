// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// No real Pyris export is available; these files follow the layout in reference/dsc.md §1.5.
#include <sstream>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "check.hpp"

using namespace vitrum;

namespace {

// Windows-1252 bytes (° = 0xB0), a TAB+10 spaces+TAB separator line and a calibration trailer.
const char* const kPyris =
    "Filename:\tC:\\Data\\vit105.dsc\r\nSample ID:\tVit105\r\nSample Weight:\t10.500 mg\r\n\r\n"
    "1) Hold for 1.0 min at 50.00\xB0"
    "C\r\n2) Heat from 50.00\xB0"
    "C to 500.00\xB0"
    "C at 20.00\xB0"
    "C/min\r\n\r\n"
    "Time\tUnsubtracted Heat Flow\tBaseline Heat Flow\tProgram Temp.\tSample Temp.\tGas Flow\r\n"
    "\t          \t\r\n"
    "0.000\t1.234\t0.000\t50.000\t49.800\t20.0\r\n0.050\t1.240\t0.000\t51.000\t50.700\t20.0\r\n"
    "0.100\t1.250\t0.000\t52.000\t51.600\t20.0\r\n\r\nTEMPERATURE CALIBRATION "
    "INPUTS:\r\nIndium\t156.60\r\n";

}  // namespace

TEST_CASE("perkinelmer-pyris reads the step program, sample weight and columns up to the trailer") {
    REQUIRE(builtin_readers().detect(kPyris, "vit105.txt") ==
            builtin_readers().find("perkinelmer-pyris"));
    std::istringstream in(kPyris);
    const Dataset d = builtin_readers().find("perkinelmer-pyris")->read(in, "vit105.txt");
    CHECK(d.source.sample == "Vit105");
    CHECK(d.source.encoding == "CP1252");
    CHECK_REL(d.source.properties.at(property::sample_mass).value, 10.5e-6, 1e-12);
    REQUIRE(d.source.program.size() == 2);
    CHECK(d.source.program[0].kind == SegmentKind::isothermal);
    CHECK_REL(d.source.properties.at(property::heating_rate).value, 20.0 / 60.0, 1e-12);
    const Series& s = d.curves.front().data;
    REQUIRE(s.rows() == 3);
    CHECK_REL(s.values(channel::time)[2], 6.0, 1e-12);            // 0.100 min
    CHECK_REL(s.values(channel::heat_flow)[0], 1.234e-3, 1e-12);  // unsubtracted, mW
    CHECK_REL(s.values(channel::temperature)[2], 324.75, 1e-12);  // sample temperature
    CHECK_REL(s.values(channel::program_temperature)[2], 325.15, 1e-12);
    CHECK(s.has("Baseline Heat Flow"));
}

TEST_CASE("perkinelmer-pyris refuses a bad number with its line and column") {
    std::string bad(kPyris);
    bad.replace(bad.find("1.240"), 5, "1.2.0");
    std::istringstream in(bad);
    CHECK_THROWS_WITH_AS(builtin_readers().find("perkinelmer-pyris")->read(in, "bad.txt"),
                         doctest::Contains("bad.txt:11:7: expected a number, found '1.2.0'"),
                         ParseError);
}
