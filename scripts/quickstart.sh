#!/usr/bin/env bash
# Installs dependencies, builds kg and runs it on samples/: writes
# graph.json and graph.dot in the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
./build/release/app/kg build samples/ -o graph.json --dot graph.dot
echo "wrote $(pwd)/graph.json and $(pwd)/graph.dot"
