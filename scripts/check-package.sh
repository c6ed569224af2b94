#!/usr/bin/env bash
# Installs the build into a temporary prefix and builds + runs a consumer project that finds
# vitrum with find_package(vitrum). Usage: scripts/check-package.sh [BUILD_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-${VITRUM_BUILD_DIR:-$root/build}}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
cmake -S "$root/tests/package/consumer" -B "$tmp/consumer" -G Ninja \
  -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/consumer" >/dev/null
"$tmp/consumer/consumer"
"$tmp/consumer/consumer_readers"
# vitrum::core's link interface must carry none of the file-format or drawing libraries.
core_interface="$(grep -A3 'set_target_properties(vitrum::core' "$tmp"/prefix/lib*/cmake/vitrum/vitrumTargets.cmake)"
if grep -Eqi 'plplot|hdf5|gsf|zip' <<<"$core_interface"; then
  echo "check-package: vitrum::core links a drawing or file-format library:" >&2
  echo "$core_interface" >&2
  exit 1
fi
"$tmp/prefix/bin/vitrum" --version
echo "check-package: install + find_package(vitrum) consumer OK"
