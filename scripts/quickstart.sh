#!/usr/bin/env bash
# Installs dependencies, builds kg and runs it on samples/: writes
# graph.json, graph.dot and the diagram graph.png in the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
./build/release/app/kg build samples/ -o graph.json --dot graph.dot
./build/release/app/kg render graph.json -o graph.png --legend --clusters
echo "wrote $(pwd)/graph.json, $(pwd)/graph.dot and $(pwd)/graph.png"
