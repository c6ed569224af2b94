#!/usr/bin/env bash
# The README's second command (and what .ci/run calls): install what is missing, build with
# warnings as errors, and run every test with ctest. Tests labelled 'external' read the
# unlicensed vendor files in ../shared and run whenever that folder exists.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh" --tests
"$root/scripts/build.sh" -DVITRUM_WERROR=ON -DVITRUM_BUILD_TESTS=ON
build="${VITRUM_BUILD_DIR:-$root/build}"
cd "$build"
ctest --output-on-failure --parallel "$(nproc)" --timeout 600
