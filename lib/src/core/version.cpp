// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <ctime>
#include <vitrum/core/version.hpp>

#ifndef VITRUM_VERSION_STRING
#define VITRUM_VERSION_STRING "0.0.0"
#endif
#ifndef VITRUM_GIT_COMMIT
#define VITRUM_GIT_COMMIT "unknown"
#endif

namespace vitrum {

const char* version() { return VITRUM_VERSION_STRING; }
const char* git_commit() { return VITRUM_GIT_COMMIT; }

std::string utc_timestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

}  // namespace vitrum
