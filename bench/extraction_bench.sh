#!/usr/bin/env bash
# Extraction throughput on real news: runs `kg build` over a JSON Lines
# corpus (default ../shared/bench/news.jsonl, 25 MB, 20,379 articles) with
# one thread and with all cores, and reports MB/s, articles/s and peak
# memory. Build first: cmake --preset bench && cmake --build --preset bench
#
#   bench/extraction_bench.sh [CORPUS.jsonl] [REPEAT]
#
# REPEAT concatenates the corpus with itself to show that memory stays
# bounded as input grows (the graph grows; the batches do not).
set -euo pipefail
cd "$(dirname "$0")/.."

corpus="${1:-../shared/bench/news.jsonl}"
repeat="${2:-1}"
kg=build/bench/app/kg
[ -x "$kg" ] || kg=build/release/app/kg
if [ ! -f "$corpus" ]; then
  echo "extraction_bench: no corpus at $corpus" >&2
  exit 2
fi

# Only files this script made are removed: never the corpus itself.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
input="$corpus"
if [ "$repeat" -gt 1 ]; then
  input="$scratch/repeated.jsonl"
  for _ in $(seq "$repeat"); do cat "$corpus"; done > "$input"
fi
bytes=$(stat -c %s "$input")
articles=$(wc -l < "$input")
out="$scratch/graph.json"

for threads in 1 "$(nproc)"; do
  report=$( { /usr/bin/time -f "%e %M" "$kg" build "$input" -q -j "$threads" -o "$out"; } 2>&1 | tail -n 1)
  seconds=${report% *}
  peak_kb=${report#* }
  awk -v s="$seconds" -v b="$bytes" -v a="$articles" -v m="$peak_kb" -v t="$threads" 'BEGIN {
    printf "%2d thread(s): %6.2f s  %6.1f MB/s  %8.0f articles/s  peak memory %6.0f MB\n",
           t, s, b / 1e6 / s, a / s, m / 1024 }'
done
echo "graph: $(stat -c %s "$out") bytes of JSON for $articles articles ($((bytes / 1000000)) MB of input)"
