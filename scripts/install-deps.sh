#!/usr/bin/env bash
# Installs the Debian packages vitrum needs to build, test and draw figures.
# Idempotent and non-interactive; run as root (or with sudo). Usage:
#   scripts/install-deps.sh            # build + run
#   scripts/install-deps.sh --tests    # also what the test suite uses (chromium, clang, zip,
#                                      # pytest, dask.distributed, nbconvert for the Python module)
#   scripts/install-deps.sh --bench    # also what scripts/bench.sh compares with (pandas)
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config git
  libeigen3-dev libboost-dev libgsl-dev nlohmann-json3-dev libfmt-dev doctest-dev libcli11-dev
  libgsf-1-dev libzip-dev libpugixml-dev libhdf5-dev zlib1g-dev libvalijson-dev libmd-dev
  libplplot-dev plplot-driver-cairo fonts-dejavu-core
  pybind11-dev python3-dev python3-numpy
)
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(chromium clang libclang-rt-14-dev zip unzip clang-format python3 python3-pandas
             python3-pytest python3-matplotlib python3-distributed python3-ipykernel
             python3-nbconvert jupyter-nbconvert)
fi
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(python3 python3-pandas time)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
