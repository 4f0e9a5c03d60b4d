#!/usr/bin/env bash
# Diagram speed and stability: builds the graph of samples/ and of the
# first ARTICLES lines of a JSON Lines corpus (default: 2,000 lines of
# ../shared/bench/news.jsonl), then times `kg render` with default options
# (SVG and PNG) twice each and checks that both runs gave identical bytes;
# also times plain `dot -Tsvg` on the DOT file `kg build --dot` writes.
#
#   bench/render_bench.sh [CORPUS.jsonl] [ARTICLES]
set -euo pipefail
cd "$(dirname "$0")/.."

corpus="${1:-../shared/bench/news.jsonl}"
articles="${2:-2000}"
kg=build/bench/app/kg
[ -x "$kg" ] || kg=build/release/app/kg

# Only files this script made are removed: never the corpus itself.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

seconds() {  # prints the wall-clock seconds of a command
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

measure() {  # name graph.json
  local name=$1 graph=$2 format
  for format in svg png; do
    local t1 t2 same
    t1=$(seconds "$kg" render "$graph" -o "$scratch/$name-1.$format")
    t2=$(seconds "$kg" render "$graph" -o "$scratch/$name-2.$format")
    same=no
    cmp -s "$scratch/$name-1.$format" "$scratch/$name-2.$format" && same=yes
    printf '%-10s render %-4s %6.2f s, %6.2f s   identical bytes: %s\n' "$name" "$format" "$t1" "$t2" "$same"
  done
  printf '%-10s dot -Tsvg graph.dot  %6.2f s\n' "$name" "$(seconds dot -Tsvg "$scratch/$name.dot" -o "$scratch/$name-dot.svg")"
}

"$kg" build samples -q -o "$scratch/samples.json" --dot "$scratch/samples.dot"
measure samples "$scratch/samples.json"
if [ -f "$corpus" ]; then
  head -n "$articles" "$corpus" > "$scratch/corpus.jsonl"
  "$kg" build "$scratch/corpus.jsonl" -q -o "$scratch/corpus.json" --dot "$scratch/corpus.dot"
  measure "news$articles" "$scratch/corpus.json"
  printf '%-10s render --all svg %6.2f s\n' "news$articles" "$(seconds "$kg" render "$scratch/corpus.json" --all -o "$scratch/all.svg")"
else
  echo "render_bench: no corpus at $corpus; measured samples/ only" >&2
fi
