#!/usr/bin/env bash
# Installs what kg needs to build, test and run, from Debian 12's packages.
# Only missing packages are installed, so a second run costs nothing.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config     # toolchain
  libboost-graph-dev                   # graph storage and algorithms
  rapidjson-dev                        # graph JSON
  libxxhash-dev                        # checksums of binary graph files
  libxml2-utils util-linux             # tests: xmllint checks XML output; prlimit caps memory
  libjgrapht-java                      # tests: its jar holds the GraphML and GEXF XSDs
  libutf8proc-dev                      # Unicode classes, case folding, normalisation, widths
  libssl-dev                           # SHA-256 of every article (libcrypto)
  libjemalloc-dev                      # the kg command's allocator
  libgraphviz-dev graphviz             # DOT (cgraph) and diagrams (gvc)
  fonts-dejavu-core                    # glyphs for rendered diagrams
  catch2                               # tests
  clang libclang-rt-14-dev             # fuzzing: libFuzzer targets in fuzz/
  python3 python3-networkx             # tests: NetworkX reads the JSON and GraphML
  python3-distributed                  # scripts/dask_build.py: kg on a Dask cluster
  iso-codes                            # source of the country lexicon
  wordnet-base                         # source of the lemma lexicon (extract/models/)
  chromium                             # tests: the HTML view in a real browser
)
# The HTML view's libraries come from npm (web/package-lock.json, installed
# by the build): Node.js and npm from Debian unless some npm is present.
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
