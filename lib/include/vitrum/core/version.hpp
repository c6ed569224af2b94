// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <string>

namespace vitrum {

/// vitrum's version, "MAJOR.MINOR.PATCH".
const char* version();
/// Git commit the library was built from ("unknown" outside a git checkout).
const char* git_commit();
/// Current UTC time as ISO 8601 ("2026-11-25T12:00:00Z"), for provenance lines.
std::string utc_timestamp();

}  // namespace vitrum
