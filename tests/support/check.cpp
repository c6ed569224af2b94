// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "check.hpp"

#include <fmt/format.h>

#include <cmath>

namespace vitrum::test {

Closeness close(double actual, double expected, double rel, double abs) {
    Closeness c;
    const double diff = std::fabs(actual - expected);
    const double allowed = std::max(rel * std::fabs(expected), abs);
    c.ok = std::isfinite(actual) && std::isfinite(expected) && diff <= allowed;
    const double rel_diff = expected != 0.0 ? diff / std::fabs(expected) : diff;
    c.detail = fmt::format(
        "actual {:.12g} vs expected {:.12g}: |diff| {:.3g} (rel {:.3g}), allowed "
        "{:.3g} (rel {:.3g}, abs {:.3g})",
        actual, expected, diff, rel_diff, allowed, rel, abs);
    return c;
}

std::string testdata(const std::string& relative) {
    return std::string(VITRUM_TESTDATA_DIR) + "/" + relative;
}
std::string shared(const std::string& relative) {
    return std::string(VITRUM_SHARED_DIR) + "/" + relative;
}
std::string share(const std::string& relative) {
    return std::string(VITRUM_SHARE_DIR) + "/" + relative;
}

}  // namespace vitrum::test
