#!/usr/bin/env bash
# Builds (Release) and runs every bench/ program; prints one table: what was measured, the
# figure, the goal, and the peak memory of that program. Usage: scripts/bench.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VITRUM_BENCH_BUILD_DIR:-$root/build-bench}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DVITRUM_BUILD_BENCH=ON \
  -DVITRUM_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" >/dev/null
echo "vitrum benchmarks on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
printf '| %-52s | %23s | %-18s | %8s |\n' "benchmark" "result" "goal" "peak MiB"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..54})" "$(printf -- '-%.0s' {1..25})" "$(printf -- '-%.0s' {1..20})" "$(printf -- '-%.0s' {1..10})"
for program in "$build"/bench/bench_*; do
  [[ -x "$program" ]] || continue
  "$program"
done
