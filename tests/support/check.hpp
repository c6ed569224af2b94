// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <doctest/doctest.h>

#include <string>

namespace vitrum::test {

/// Outcome of a tolerance comparison, printable by doctest.
struct Closeness {
    bool ok = false;
    std::string detail;  ///< "actual 1.2345 vs expected 1.2346: rel diff 8.1e-05 > 5e-05"
    explicit operator bool() const { return ok; }
};

/// |actual − expected| ≤ rel·|expected|, or ≤ abs when expected is 0 (or abs > 0 is given and
/// larger). Never uses doctest::Approx's hidden scale.
Closeness close(double actual, double expected, double rel, double abs = 0.0);

/// Path of a file under share/testdata (VITRUM_TESTDATA_DIR).
std::string testdata(const std::string& relative);
/// Path of a file under ../shared (VITRUM_SHARED_DIR), for tests labelled external.
std::string shared(const std::string& relative);
/// Path of a file under share/ (VITRUM_SHARE_DIR).
std::string share(const std::string& relative);

}  // namespace vitrum::test

inline doctest::String toString(const vitrum::test::Closeness& c) { return c.detail.c_str(); }

/// CHECK that `actual` is within relative tolerance `rel` of `expected`; prints both on failure.
#define CHECK_REL(actual, expected, rel) CHECK(::vitrum::test::close((actual), (expected), (rel)))
/// CHECK with an absolute tolerance (for values near zero, or tolerances in the value's unit).
#define CHECK_ABS(actual, expected, abs) \
    CHECK(::vitrum::test::close((actual), (expected), 0.0, (abs)))
#define REQUIRE_REL(actual, expected, rel) \
    REQUIRE(::vitrum::test::close((actual), (expected), (rel)))
