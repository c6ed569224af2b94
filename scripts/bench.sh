#!/usr/bin/env bash
# Runs every bench/ program and times whole processes on large generated inputs; prints one
# table: program, input, size, MB/s, peak memory and the ratio to pandas.read_csv on the same
# text. Builds a Release tree only when none exists (set VITRUM_BENCH_BUILD_DIR to reuse one, a
# Release or RelWithDebInfo build with VITRUM_BUILD_BENCH=ON).
# Usage: scripts/bench.sh [--gigabyte] [--runs N]
#   --gigabyte  also the ~1 GB CSV and the 1 GiB unrecognised file (writes ~2 GB to the data dir)
#   --runs N    timed runs per measurement, the median is printed (default 3)
# Inputs are written once by bench/generate_large_inputs.py into $VITRUM_BENCH_DATA
# (default: <build>/bench-data). pandas comes from scripts/install-deps.sh --bench.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VITRUM_BENCH_BUILD_DIR:-$root/build-bench}"
gigabyte=0
runs=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --gigabyte) gigabyte=1 ;;
    --runs) runs="$2"; shift ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if ! grep -Eqs 'CMAKE_BUILD_TYPE:STRING=(Release|RelWithDebInfo)$' "$build/CMakeCache.txt" ||
   [[ ! -x "$build/tools/vitrum" || ! -x "$build/bench/read_once" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DVITRUM_BUILD_BENCH=ON \
    -DVITRUM_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" >/dev/null
fi
data="${VITRUM_BENCH_DATA:-$build/bench-data}"
gen_args=("$data")
[[ $gigabyte -eq 1 ]] || gen_args+=(--no-gigabyte)
/usr/bin/python3 "$root/bench/generate_large_inputs.py" "${gen_args[@]}"

echo "vitrum benchmarks on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown), load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-52s | %23s | %-18s | %8s |\n' "benchmark" "result" "goal" "peak MiB"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..54})" "$(printf -- '-%.0s' {1..25})" "$(printf -- '-%.0s' {1..20})" "$(printf -- '-%.0s' {1..10})"
for program in "$build"/bench/bench_*; do
  [[ -x "$program" ]] || continue
  "$program"
done

# Median wall seconds and peak KiB of `runs` runs of a command (GNU time), as "seconds kib".
measure() {
  local out
  out=$(mktemp)
  for _ in $(seq "$runs"); do
    # Wall time from the shell's clock (GNU time prints 10 ms steps), peak memory from GNU time.
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$out" "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }') $(awk 'NF { last = $0 } END { print last }' "$out")"
  done | sort -n | awk '{ t[NR] = $1; m[NR] = $2 } END { i = int((NR + 1) / 2); print t[i], m[i] }'
}

# pandas.read_csv on the data rows of `file` (header lines skipped, no type guessing beyond
# floats), timed inside Python so its interpreter start does not count against it: MB/s. Debian's
# /usr/bin/python3 with python3-pandas, whatever python3 comes first on the PATH.
pandas_rate() {
  /usr/bin/python3 - "$1" "$2" "$3" <<'PY' 2>/dev/null || echo "-"
import os, sys, time
import pandas
path, sep, encoding = sys.argv[1], sys.argv[2], sys.argv[3]
with open(path, "rb") as f:
    head = f.read(65536).decode(encoding, "replace").splitlines()
skip = next(i for i, line in enumerate(head)
            if line.strip()[:1] in tuple("0123456789-.") and not line.startswith("#"))
sep = "\t" if sep == "tab" else sep
best = None
for _ in range(3):
    t = time.perf_counter()
    pandas.read_csv(path, sep=sep, skiprows=skip, header=None, encoding=encoding,
                    skipinitialspace=True, engine="c")
    t = time.perf_counter() - t
    best = t if best is None else min(best, t)
print(f"{os.path.getsize(path) / best / 1e6:.0f}")
PY
}

echo
echo "Whole processes on generated exports (${runs} runs each, median; read = bench/read_once,"
echo "dsc/indent = the CLI with the analysis; pandas = pandas.read_csv in process, best of 3):"
printf '| %-16s | %-22s | %7s | %8s | %9s | %11s | %12s | %12s |\n' "program" "input" "MB" "MB/s" "peak MiB" "goal MiB" "pandas MB/s" "vs pandas"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' "------------------" "------------------------" "---------" "----------" "-----------" "-------------" "--------------" "--------------"
row() {  # program-label input pandas-sep pandas-encoding command...
  local label="$1" input="$2" sep="$3" enc="$4"
  shift 4
  local file="$data/$input"
  [[ -f "$file" ]] || return 0
  local size_mb seconds kib rate peak pandas ratio
  size_mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
  read -r seconds kib < <(measure "$@" "$file")
  rate=$(awk -v s="$size_mb" -v t="$seconds" 'BEGIN { printf "%.0f", (t > 0 ? s / t : 0) }')
  peak=$(awk -v k="$kib" 'BEGIN { printf "%.1f", k / 1024 }')
  local ratio_file
  # Goal: peak memory at most 1.5 x the file + 30 MB.
  ratio_file=$(awk -v s="$size_mb" 'BEGIN { printf "%.1f", (1.5 * s + 30) / 1.048576 }')
  pandas="-"
  ratio="-"
  if [[ "$sep" != "-" ]]; then
    pandas=$(pandas_rate "$file" "$sep" "$enc")
    [[ "$pandas" != "-" ]] && ratio=$(awk -v a="$rate" -v b="$pandas" 'BEGIN { printf "%.1fx", a / b }')
  fi
  if [[ "$label" == *refused* ]]; then  # goal: refused in < 50 ms, whatever the size
    rate=$(awk -v t="$seconds" 'BEGIN { printf "%.0f ms", t * 1000 }')
    ratio_file="< 50 ms"
  fi
  printf '| %-16s | %-22s | %7s | %8s | %9s | %11s | %12s | %12s |\n' "$label" "$input" "$size_mb" "$rate" "$peak" "$ratio_file" "$pandas" "$ratio"
}
vitrum="$build/tools/vitrum"
reader="$build/bench/read_once"
row "read" netzsch_1e6.txt ";" cp1252 "$reader"
row "vitrum dsc" netzsch_1e6.txt ";" cp1252 "$vitrum" dsc
row "read" ta_universal_1e6.txt tab cp1252 "$reader"
row "vitrum dsc" ta_universal_1e6.txt tab cp1252 "$vitrum" dsc
row "read" ta_trios_1e6.txt tab utf-8 "$reader"
row "vitrum dsc" ta_trios_1e6.txt tab utf-8 "$vitrum" dsc
row "read" generic_1e6.csv "," utf-8 "$reader"
row "vitrum dsc" generic_1e6.csv "," utf-8 "$vitrum" dsc
row "read" triboscan_1e6.txt tab latin-1 "$reader"
row "vitrum indent" triboscan_1e6.txt tab latin-1 "$vitrum" indent
if [[ $gigabyte -eq 1 ]]; then
  row "read" generic_1GB.csv "," utf-8 "$reader"
  row "read (refused)" unrecognised_1GB.bin "-" "-" "$reader"
fi
