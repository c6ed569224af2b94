#!/usr/bin/env bash
# The README's second command (and what .ci/run calls): install what is missing, build with
# warnings as errors, run every test with ctest, then check packaging, formatting, and run the
# whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer with a short fuzz smoke
# run of every reader. Tests labelled 'external' read the unlicensed vendor files in ../shared
# and run whenever that folder exists. VITRUM_QUICK=1 stops after the first ctest run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="$(nproc)"
step() { printf '\n=== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }

step "dependencies"
"$root/scripts/install-deps.sh" --tests

step "build (GCC, -Werror)"
export VITRUM_BUILD_DIR="${VITRUM_BUILD_DIR:-$root/build}"
"$root/scripts/build.sh" -DVITRUM_WERROR=ON -DVITRUM_BUILD_TESTS=ON -DVITRUM_BUILD_EXAMPLES=ON \
  -DVITRUM_BUILD_BENCH=ON

step "tests"
(cd "$VITRUM_BUILD_DIR" && ctest --output-on-failure --parallel "$jobs" --timeout 900)
[[ "${VITRUM_QUICK:-0}" == "1" ]] && exit 0

step "package: install + find_package(vitrum) consumer"
"$root/scripts/check-package.sh" "$VITRUM_BUILD_DIR"

step "format: clang-format"
"$root/scripts/check-format.sh"

step "sanitizers: clang, ASan + UBSan, whole suite"
asan="$root/build-asan"
CC=clang CXX=clang++ cmake -S "$root" -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="-O1" -DVITRUM_SANITIZERS=ON -DVITRUM_WERROR=ON -DVITRUM_BUILD_TESTS=ON \
  -DVITRUM_BUILD_EXAMPLES=OFF -DVITRUM_BUILD_BENCH=OFF -DVITRUM_BUILD_FUZZ=ON \
  -DVITRUM_PYTHON=OFF >/dev/null  # an ASan extension cannot load into a plain python3
cmake --build "$asan" --parallel "$jobs"
(cd "$asan" && LSAN_OPTIONS="suppressions=$root/scripts/lsan.supp:print_suppressions=0" \
   ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
   ctest --output-on-failure --parallel "$jobs" --timeout 1800)

step "fuzz smoke: every reader, ${VITRUM_FUZZ_RUNS:=300} inputs each, fixed seed"
VITRUM_FUZZ_RUNS="$VITRUM_FUZZ_RUNS" VITRUM_FUZZ_SKIP="${VITRUM_FUZZ_SKIP-}" \
  VITRUM_FUZZ_BUILD_DIR="$asan" "$root/scripts/fuzz.sh" 10
echo "run-tests: all checks passed"
