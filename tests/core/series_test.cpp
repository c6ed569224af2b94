// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/series.hpp>

#include "check.hpp"

using namespace vitrum;

TEST_CASE("Series keeps columns of equal length and slices segments with the rows") {
    Series s;
    s.add_column({channel::time, "s", "Time", "min", {0, 60, 120, 180}});
    s.add_column({channel::temperature, "K", "Temp.", "°C", {300, 301, 302, 303}});
    s.segments.push_back({0, 2, SegmentKind::isothermal, "S1", {}, {}, {}});
    s.segments.push_back({2, 4, SegmentKind::heating, "S2", 1.0 / 60.0, {}, {}});
    CHECK(s.rows() == 4);
    CHECK_THROWS_WITH_AS(s.add_column({"x", "", "", "", {1, 2}}),
                         doctest::Contains("column 'x' has 2 rows, the series has 4"),
                         InvalidArgument);
    CHECK_THROWS_WITH_AS(s.column("heat_flow"),
                         doctest::Contains("no column 'heat_flow' (columns: time, temperature)"),
                         InvalidArgument);
    const Series part = s.slice(1, 3);
    CHECK(part.rows() == 2);
    CHECK_ABS(part.values(channel::temperature)[0], 301.0, 0.0);
    REQUIRE(part.segments.size() == 2);
    CHECK(part.segments[0].begin == 0);
    CHECK(part.segments[0].end == 1);
    CHECK(part.segments[1].begin == 1);
    CHECK(part.segments[1].end == 2);
}

TEST_CASE("Location prints file:line:column or the sheet and row") {
    CHECK(Location{"a.txt", "", 12, 5}.to_string() == "a.txt:12:5");
    CHECK(Location{"a.xls", "Test 001", 3, 2}.to_string() == "a.xls [Test 001] row 3 col 2");
    CHECK(Location{"a.txt", "", 0, 0}.to_string() == "a.txt");
    const ParseError e(Location{"a.txt", "", 2, 7}, "a number", "1.2.3");
    CHECK(std::string(e.what()) == "a.txt:2:7: expected a number, found '1.2.3'");
    CHECK(e.where().line == 2);
}
