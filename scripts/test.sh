#!/usr/bin/env bash
# Installs dependencies, then builds and runs every test twice: in an
# optimised build and under AddressSanitizer + UndefinedBehaviorSanitizer.
# Warnings are errors in both.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jobs="$(nproc)"
for preset in release asan; do
  echo "== $preset build" >&2
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  echo "== $preset tests" >&2
  ctest --preset "$preset" -j "$jobs"
done

