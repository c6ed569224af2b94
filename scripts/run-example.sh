#!/usr/bin/env bash
# The README's first command: install what is missing, build, and run vitrum's main job on the
# bundled example study (share/examples/cu50zr50). Output goes to out/ (or $1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
build="${VITRUM_BUILD_DIR:-$root/build}"
out="${1:-$root/out}"
mkdir -p "$out"
example="$root/share/examples/cu50zr50"
if [[ -f "$example/manifest.json" ]] && "$build/tools/vitrum" report --help >/dev/null 2>&1; then
  "$build/tools/vitrum" report "$example/manifest.json" -o "$out/cu50zr50"
  echo "Report written to $out/cu50zr50/index.html"
else
  "$build/tools/vitrum" dsc "$example"/dsc/*.txt --plot "$out/dsc.svg"
  echo "Figure written to $out/dsc.svg"
fi
