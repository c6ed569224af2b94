#!/usr/bin/env bash
# Builds the libFuzzer harness (clang, ASan + UBSan) and fuzzes every reader for SECONDS each
# (default 60), seeded with the real files in share/testdata and ../shared. Findings (crash-*,
# timeout-*, leak-*) are written to fuzz/findings/<format>/ and make the script exit non-zero.
# Usage: scripts/fuzz.sh [SECONDS] [FORMAT...]     scripts/fuzz.sh --summary
# VITRUM_FUZZ_RUNS=N runs N inputs per reader with a fixed seed instead (repeatable, for CI);
# VITRUM_FUZZ_SKIP="id …" leaves readers out (see fuzz/known-issues/README.md);
# VITRUM_FUZZ_MAX_LEN=BYTES caps the input size (default 4194304; 65536 runs ~10× more inputs).
# VITRUM_FUZZ_MALLOC_MB=MB: a single allocation above MB is a finding (default 512: no input of
# at most 4 MiB justifies more, so a bigger one trusts a size claimed by the file).
# VITRUM_FUZZ_OPTIONS="-flag=value …" passes more libFuzzer flags, e.g. -entropic=0 (the plain
# power schedule, still coverage-guided; about 5 % more inputs per second measured here).
# Every timed run appends "format executions seconds result date coverage options" to
# fuzz/ledger.tsv (committed; result ok, finding, or stopped: interrupted with Ctrl-C, no input
# failed; options as given in VITRUM_FUZZ_OPTIONS);
# --summary prints the executions each reader has survived, summed over the ledger.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ledger="$root/fuzz/ledger.tsv"
if [[ "${1:-}" == "--summary" ]]; then
  # Column 6: "guided" when the readers carried libFuzzer's coverage instrumentation, "blind"
  # for the runs before it was added (2026-11-25, random mutation of the seeds only).
  awk -F'\t' 'NR > 1 { runs[$1]++; secs[$1] += $3
                 if ($4 == "ok" || $4 == "stopped") {
                   ok[$1] += $2; if ($6 == "guided") guided[$1] += $2 }
                 else bad[$1]++ }
       END { printf "%-22s %6s %14s %14s %10s %9s\n", "format", "runs", "executions_ok",
                    "of_them_guided", "seconds", "findings"
             for (f in runs) printf "%-22s %6d %14d %14d %10d %9d\n", f, runs[f], ok[f],
                                    guided[f], secs[f], bad[f] }' \
    "$ledger" | { read -r header; echo "$header"; sort; }
  exit 0
fi
seconds="${1:-60}"; shift || true
build="${VITRUM_FUZZ_BUILD_DIR:-$root/build-fuzz}"
if ! grep -q "VITRUM_BUILD_FUZZ:BOOL=ON" "$build/CMakeCache.txt" 2>/dev/null; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DVITRUM_BUILD_FUZZ=ON -DVITRUM_SANITIZERS=ON -DVITRUM_BUILD_TESTS=OFF \
    -DVITRUM_BUILD_EXAMPLES=OFF -DVITRUM_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" --target vitrum_fuzz_reader vitrum >/dev/null
formats=("$@")
if [[ ${#formats[@]} -eq 0 ]]; then
  mapfile -t formats < <("$build/tools/vitrum" formats --format csv | tail -n +2 | cut -d, -f1)
  # ngb-stream-set: the streams of a NETZSCH .ngb-* file without the zip (fuzz/fuzz_reader.cpp).
  formats+=(detect ngb-stream-set)
fi
# One seed folder per run, so that two runs over different readers may share the build.
seeds="$build/fuzz-seeds-$$"
rm -rf "$seeds"; mkdir -p "$seeds"
trap 'rm -rf "$seeds"' EXIT
# Seeds: every real vendor file, small enough for libFuzzer's -max_len.
find "$root/share/testdata" "$root/share/examples" "$root/../shared/dsc-files" \
     "$root/../shared/indentation-files" -type f -size -5M ! -name '*.md' 2>/dev/null |
  while read -r f; do cp "$f" "$seeds/$(sha1sum "$f" | cut -c1-16)"; done
status=0
printf '%-22s %12s %10s  %s\n' "format" "executions" "seconds" "result"
limit=(-max_total_time="$seconds")
read -r -a options <<<"${VITRUM_FUZZ_OPTIONS:-}"
if [[ -n "${VITRUM_FUZZ_RUNS:-}" ]]; then limit=(-runs="$VITRUM_FUZZ_RUNS" -seed=1); fi
for format in "${formats[@]}"; do
  if [[ " ${VITRUM_FUZZ_SKIP:-} " == *" $format "* ]]; then
    printf '%-22s %12s %10s  %s\n' "$format" "-" "-" "skipped (fuzz/known-issues)"
    continue
  fi
  out="$root/fuzz/findings/$format"; mkdir -p "$out"
  corpus="$build/corpus/$format"; mkdir -p "$corpus"
  log="$build/fuzz-$format.log"
  set +e
  started=$SECONDS
  VITRUM_FUZZ_FORMAT="$format" ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    LSAN_OPTIONS="suppressions=$root/scripts/lsan.supp:print_suppressions=0" \
    "$build/fuzz/vitrum_fuzz_reader" "$corpus" "$seeds" "${limit[@]}" ${options[@]+"${options[@]}"} \
    -max_len="${VITRUM_FUZZ_MAX_LEN:-4194304}" -rss_limit_mb=4096 \
    -malloc_limit_mb="${VITRUM_FUZZ_MALLOC_MB:-512}" -timeout=20 -artifact_prefix="$out/" \
    -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
  elapsed=$((SECONDS - started))
  # Stopped by hand (SIGINT: libFuzzer exits 72 after "run interrupted"): every input so far
  # passed, so the executions count, but the run is marked as cut short.
  if [[ $rc -eq 0 ]]; then result="ok"
  elif [[ $rc -eq 72 ]] && grep -q "libFuzzer: run interrupted" "$log"; then result="stopped"
  else result="FINDING (see $log)"; status=1; fi
  printf '%-22s %12s %10s  %s\n' "$format" "${execs:-?}" "$elapsed" "$result"
  if [[ -z "${VITRUM_FUZZ_RUNS:-}" ]]; then  # CI smoke runs are not worth a ledger line
    [[ -f "$ledger" ]] ||
      printf 'format\texecutions\tseconds\tresult\tdate\tcoverage\toptions\n' >"$ledger"
    printf '%s\t%s\t%s\t%s\t%s\tguided\t%s\n' "$format" "${execs:-0}" "$elapsed" \
      "$(case "$result" in ok | stopped) echo "$result" ;; *) echo finding ;; esac)" \
      "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "${VITRUM_FUZZ_OPTIONS:-}" >>"$ledger"
  fi
done
exit $status
