#!/usr/bin/env bash
# Installs dependencies, builds kg and runs it on samples/: writes
# graph.json, graph.dot, the diagram graph.png and the interactive view
# graph.html in the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
./build/release/app/kg build samples/ -o graph.json --dot graph.dot --html graph.html
./build/release/app/kg render graph.json -o graph.png --legend --clusters
echo "wrote $(pwd)/graph.json, $(pwd)/graph.dot, $(pwd)/graph.png and $(pwd)/graph.html"
