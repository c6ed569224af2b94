// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/core/error.hpp>
#include <vitrum/core/units.hpp>

#include "check.hpp"

using namespace vitrum;

// Conversion factors are exact by SI definition (BIPM SI Brochure, 9th ed.), so 1e-12.
TEST_CASE("parse_unit converts DSC and indentation units to SI exactly") {
    CHECK_REL(parse_unit("mW").factor, 1e-3, 1e-12);
    CHECK_REL(parse_unit("mW/mg").factor, 1.0e3, 1e-12);  // 1 mW/mg = 1 W/g = 1000 W/kg
    CHECK(parse_unit("mW/mg").si_name() == "W/kg");
    CHECK_REL(parse_unit("W/g").factor, 1.0e3, 1e-12);
    CHECK_REL(parse_unit("min").factor, 60.0, 1e-12);
    CHECK_REL(parse_unit("nm").factor, 1e-9, 1e-12);
    CHECK_REL(parse_unit("µN").factor, 1e-6, 1e-12);
    CHECK_REL(parse_unit("uN").factor, 1e-6, 1e-12);
    CHECK_REL(parse_unit("GPa").factor, 1e9, 1e-12);
    CHECK_REL(parse_unit("N/mm²").factor, 1e6, 1e-12);
    CHECK_REL(parse_unit("kgf/mm^2").factor, 9.80665e6, 1e-12);
    CHECK_REL(parse_unit("J/(g·K)").factor, 1e3, 1e-12);
    CHECK(parse_unit("J/(g·K)").si_name() == "J/(kg K)");
    CHECK_REL(parse_unit("cm3/mol").factor, 1e-6, 1e-12);
    CHECK_REL(parse_unit("ml/min").factor, 1e-6 / 60.0, 1e-12);  // purge flow, lower-case litre
    CHECK_REL(parse_unit("mL/min").factor, 1e-6 / 60.0, 1e-12);
    CHECK(parse_unit("m^3/mol").si_name() == "m^3/mol");
    CHECK_REL(parse_unit("kJ/mol").factor, 1e3, 1e-12);
    // J/m^2 and N/m are one dimension; vitrum spells it N/m.
    CHECK(parse_unit("J/m^2").dimension == parse_unit("N/m").dimension);
    CHECK_REL(parse_unit("Wg^-1").factor, 1e3, 1e-12);
    CHECK(parse_unit("µN/nm").si_name() == "N/m");
    CHECK_REL(parse_unit("µN/nm").factor, 1e3, 1e-12);
    CHECK(parse_unit("uV/mW").si_name() == "A^-1");
}

TEST_CASE("a temperature scale alone is absolute, inside a compound it is a difference") {
    CHECK_REL(parse_unit("°C").to_si(25.0), 298.15, 1e-12);
    CHECK_REL(parse_unit("degC").to_si(0.0), 273.15, 1e-12);
    CHECK_REL(parse_unit("K").to_si(300.0), 300.0, 1e-12);
    CHECK_REL(parse_unit("°F").to_si(32.0), 273.15, 1e-12);
    CHECK_ABS(parse_unit("K/min").offset, 0.0, 0.0);
    CHECK_REL(parse_unit("°C/min").to_si(10.0), 10.0 / 60.0, 1e-12);
    CHECK_ABS(parse_unit("mJ/°C").offset, 0.0, 0.0);
    CHECK_REL(convert_unit(156.5985, "°C", "K"), 429.7485, 1e-12);
}

TEST_CASE("split_name_and_unit reads the vendors' header styles") {
    auto check = [](const char* header, const char* name, const char* unit) {
        const auto nu = split_name_and_unit(header);
        CHECK(nu.name == name);
        CHECK(nu.unit == unit);
    };
    check("Temp./°C", "Temp.", "°C");
    check("DSC/(mW/mg)", "DSC", "mW/mg");
    check("Heat Flow (mW)", "Heat Flow", "mW");
    check("Heat Flow (W/g)", "Heat Flow", "W/g");
    check("Load [mN]", "Load", "mN");
    check("Force_µN", "Force", "µN");
    check("Time_s", "Time", "s");
    check("Sample Temperature (°C)", "Sample Temperature", "°C");
    check("Segment", "Segment", "");
    check("Heat Flow (Normalized)", "Heat Flow (Normalized)", "");
}

TEST_CASE("parse_quantity reads numbers with units and checks the dimension") {
    CHECK_REL(parse_quantity_as("1208 K", "K"), 1208.0, 1e-12);
    CHECK_REL(parse_quantity_as("12 kJ/mol", "J/mol"), 12000.0, 1e-12);
    CHECK_REL(parse_quantity_as("0.26 J/m^2", "J/m^2"), 0.26, 1e-12);
    CHECK_REL(parse_quantity_as("1.6nm", "m"), 1.6e-9, 1e-12);
    CHECK_REL(parse_quantity_as("10 K/min", "K/s"), 10.0 / 60.0, 1e-12);
    CHECK_THROWS_WITH_AS(parse_quantity_as("12 kJ/mol", "K"),
                         doctest::Contains("'12 kJ/mol' has unit of J/mol, expected K"), UnitError);
    CHECK_THROWS_WITH_AS(parse_quantity("12 furlongs"),
                         doctest::Contains("cannot read quantity '12 furlongs'"), UnitError);
    CHECK_THROWS_WITH_AS(parse_quantity("K 12"), doctest::Contains("expected a number first"),
                         UnitError);
}

TEST_CASE("unknown units and mismatched conversions are refused with the text") {
    CHECK_THROWS_WITH_AS(parse_unit("kPa gauge"), doctest::Contains("cannot read unit 'kPa gauge'"),
                         UnitError);
    CHECK_THROWS_WITH_AS(convert_unit(1.0, "mW", "K"), doctest::Contains("dimensions differ"),
                         UnitError);
    CHECK_THROWS_AS(parse_unit(""), UnitError);
    CHECK_FALSE(is_unit("Normalized"));
}

TEST_CASE("the longest spelling wins, so prefixes never split a unit") {
    // SI Brochure prefixes; "mol", "min", "cal" and "Pa" start with a letter that is also a
    // prefix or a unit, so a shorter match would give milli-"ol" or metre-"in".
    CHECK_REL(parse_unit("mol").factor, 1.0, 1e-12);
    CHECK_REL(parse_unit("mmol").factor, 1e-3, 1e-12);
    CHECK(parse_unit("mmol").si_name() == "mol");
    CHECK_REL(parse_unit("min").factor, 60.0, 1e-12);
    CHECK_REL(parse_unit("ms").factor, 1e-3, 1e-12);
    CHECK_REL(parse_unit("mm").factor, 1e-3, 1e-12);
    CHECK_REL(parse_unit("kcal").factor, 4184.0, 1e-12);
    CHECK_REL(parse_unit("mK").factor, 1e-3, 1e-12);
    CHECK(parse_unit("mK").si_name() == "K");
    CHECK_REL(parse_unit("MPa").factor, 1e6, 1e-12);
    CHECK_REL(parse_unit("µm").factor, 1e-6, 1e-12);
    CHECK_REL(parse_unit("μm").factor, 1e-6, 1e-12);  // Greek mu as well as the micro sign
    // is_unit answers without parsing for text that no unit can start, and agrees with
    // parse_unit on what can.
    CHECK(is_unit(" (mW/mg)"));
    CHECK(is_unit("%"));
    CHECK(is_unit("1/s"));
    CHECK(is_unit("\tK"));
    CHECK_FALSE(is_unit("-5"));
    CHECK_FALSE(is_unit("/s"));
    CHECK_THROWS_AS(parse_unit("/s"), UnitError);
    CHECK_FALSE(is_unit("   "));
}

TEST_CASE("brackets nest up to 8 deep and deeper ones are refused, not recursed into") {
    // Fuzzing the TA and Pyris readers found header units of thousands of '(' that overflowed
    // the stack of the recursive unit parser (fuzz/findings, units.cpp kMaxDepth).
    const std::string eight = std::string(8, '(') + "mW" + std::string(8, ')');
    CHECK_REL(parse_unit(eight).factor, 1e-3, 1e-15);  // mW → W, exact up to rounding
    const std::string nine = "(" + eight + ")";
    CHECK_THROWS_WITH_AS(parse_unit(nine), doctest::Contains("brackets nested deeper than 8"),
                         UnitError);
    CHECK_THROWS_AS(parse_unit(std::string(100000, '(') + "mW"), UnitError);
    CHECK_FALSE(is_unit("x" + std::string(100000, '(')));
    // Juxtaposed bracket groups are not nesting: each closes before the next opens.
    std::string many;
    for (int i = 0; i < 20; ++i) many += "(((m)))";
    CHECK_REL(parse_unit(many).factor, 1.0, 0.0);
}

TEST_CASE("exponents beyond 99 and dimensions beyond 64 are refused without int overflow") {
    // Fuzzing (hysitron-results, hysitron-txt, fischer-txt) found "^-1111111111" exponents and
    // long products that overflowed the int exponents (UBSan). Real units stay within ±4.
    CHECK_THROWS_WITH_AS(parse_unit("m^-1111111111"), doctest::Contains("exponent beyond 99"),
                         UnitError);
    CHECK_THROWS_WITH_AS(parse_unit("(m^99)^99"), doctest::Contains("dimension exponent beyond"),
                         UnitError);
    std::string many;
    for (int i = 0; i < 40; ++i) many += "m^60 ";
    CHECK_THROWS_WITH_AS(parse_unit(many), doctest::Contains("dimension exponent beyond"),
                         UnitError);
    CHECK(parse_unit("m^64").dimension.exponent[0] == 64);
    CHECK(parse_unit("m^-64 s^-64").dimension.exponent[2] == -64);
}
