#!/usr/bin/env bash
# Configures and builds vitrum with CMake + Ninja into build/ (or $VITRUM_BUILD_DIR).
# Extra arguments go to the CMake configure step, e.g. -DVITRUM_WERROR=ON.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VITRUM_BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build" --parallel "$(nproc)"
