// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The header-phrase scanner that replaced std::regex in the DSC readers, and the readers on
// megabyte-long header lines (libstdc++'s std::regex overflowed the stack there: exit 139).
#include "../../instruments/line_scanner.hpp"

#include <sstream>
#include <string>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "../../instruments/dsc_common.hpp"
#include "check.hpp"

using namespace vitrum;
using namespace vitrum::dsc_io;

TEST_CASE("find_milligrams finds the leftmost '<number> mg' as the former regex did") {
    // Former pattern: ([0-9]+(?:[.,][0-9]+)?)\s*mg\b
    CHECK(find_milligrams("Sample: Vit105 ribbon, 0.02 mg") == std::string_view("0.02"));
    CHECK(find_milligrams("Weight 12,5mg (pan 20 mg)") == std::string_view("12,5"));
    CHECK(find_milligrams("1.2.3 mg") == std::string_view("2.3"));  // leftmost match starts at 2
    CHECK(find_milligrams("x7\tmg") == std::string_view("7"));
    CHECK_FALSE(find_milligrams("5 mgx"));  // \b: a word character follows
    CHECK_FALSE(find_milligrams("5 m g"));
    CHECK_FALSE(find_milligrams("mg 5"));
    CHECK_FALSE(find_milligrams(""));
    CHECK(find_milligrams("5 mg_") == std::nullopt);
    CHECK(find_milligrams("5 mg.") == std::string_view("5"));
}

TEST_CASE("millilitre_as_mL rewrites ml only where it stands as a word") {
    CHECK(millilitre_as_mL("ml/min") == "mL/min");
    CHECK(millilitre_as_mL("ml") == "mL");
    CHECK(millilitre_as_mL("(ml)") == "(mL)");
    CHECK(millilitre_as_mL("mmol") == "mmol");
    CHECK(millilitre_as_mL("mlx ml_") == "mlx ml_");
    CHECK(millilitre_as_mL("") == "");
}

TEST_CASE("LineScanner consumes what it names or nothing") {
    LineScanner in("-12,5 \xC2\xB0 C/min");
    CHECK(in.number() == std::string_view("-12,5"));
    CHECK(in.celsius());
    CHECK_FALSE(in.word("/MIN/"));
    CHECK(in.word("/MIN"));
    CHECK(in.at_end());
    LineScanner bare("C5");
    CHECK(bare.number().empty());
    CHECK(bare.position() == 0);
    CHECK(bare.celsius());
    CHECK(bare.digits_and_dots(true) == std::string_view("5"));
    LineScanner dots("-1.2.3x");
    CHECK(dots.digits_and_dots(false).empty());
    CHECK(dots.digits_and_dots(true) == std::string_view("-1.2.3"));
    CHECK(dots.rest() == "x");
}

TEST_CASE("parse_ta_step finds a step anywhere in the text, in any letter case") {
    std::optional<double> current = 300.0;
    const auto ramp = parse_ta_step("1: RAMP 20.00 K/min to 25.00 C", current);
    REQUIRE(ramp);
    CHECK(ramp->kind == SegmentKind::cooling);  // 300 K → 298.15 K
    CHECK_REL(*ramp->program_rate_K_per_s, -20.0 / 60.0, 1e-12);
    CHECK(parse_ta_step("2: isothermal for 3 min", current));
    CHECK_FALSE(
        parse_ta_step("Ramp 5 min to 30 \xC2\xB0"
                      "C",
                      current));  // no rate unit
    CHECK_FALSE(parse_ta_step("Isothermal for min", current));
}

namespace {

// A reader given `text` either reads it or refuses it with a vitrum::Error; a stack overflow
// ends the test program instead.
void read_or_refuse(const char* format, const std::string& text) {
    const Reader* reader = builtin_readers().find(format);
    REQUIRE(reader != nullptr);
    try {
        (void)reader->read_bytes(text, "long.txt");
    } catch (const vitrum::Error& e) {
        MESSAGE(std::string(format) << ": " << std::string(e.what()).substr(0, 120));
    }
}

}  // namespace

TEST_CASE("DSC readers survive a 2 MB header line where a step or mass is looked for") {
    const std::string digits(2'000'000, '1');
    const std::string rows =
        "Index t Ts Tr Value\n[s] [\xC2\xB0"
        "C] [\xC2\xB0"
        "C] [Wg^-1]\n0 0 50 50 1\n1 1 60 60 1\n";
    read_or_refuse("mettler-stare", "Sample: " + digits + " mgx\n" + rows);
    read_or_refuse("perkinelmer-pyris",
                   "Sample Weight: 1.0 mg\n1) Heat from " + digits + "\nTime\tHeat Flow\n");
    read_or_refuse("netzsch-ascii", "#SEGMENT:\tS1/1\n#RANGE:\t" + digits +
                                        "\xC2\xB0"
                                        "C/10.0(K/min)/" +
                                        digits + "\n##Temp./\xC2\xB0" + "C;DSC/(mW/mg)\n1;2\n");
    read_or_refuse("ta-universal",
                   "Nsig\t3\nSig1\tTime (min)\nSig2\tTemperature (\xC2\xB0"
                   "C)\nSig3\tHeat Flow (W/g)\nOrgMethod\t1: Ramp " +
                       digits + " \xC2\xB0" + "C/min to " + digits +
                       "\nStartOfData\n0.01\t300.0\t0.1\n0.02\t300.2\t0.1\n");
    // The phrases themselves, as long as the line: still parsed in linear time.
    std::optional<double> current;
    CHECK_FALSE(parse_ta_step("Ramp " + digits + " C/min to " + digits + " x", current));
    CHECK_FALSE(parse_netzsch_step(digits + "\xC2\xB0" + "C/" + digits + "(K/min)/" + digits));
    CHECK(find_milligrams(digits + " mg")->size() == digits.size());
}
