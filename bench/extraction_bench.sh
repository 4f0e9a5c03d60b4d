#!/usr/bin/env bash
# Throughput and peak memory of the whole pipeline on real news: for a JSON
# Lines corpus (default ../shared/bench/news.jsonl, 25 MB, 20,379 articles)
# and, with MB, for the corpus repeated to about MB megabytes, it times
#   - kg build with 1 thread and with 2 threads, and two 1-thread builds
#     at once (what two cores of the machine give at best),
#   - kg extract (2 threads) and kg merge of its fragments, apart,
#   - scripts/dask_build.py on a 2-worker local Dask cluster,
# each RUNS times (default 3), and prints the median time, MB/s and the
# median peak memory (largest resident set of one process). It also checks
# that the three paths wrote the same bytes. Build first:
#   cmake --preset bench && cmake --build --preset bench --target kg
#
#   bench/extraction_bench.sh [CORPUS.jsonl] [MB] [RUNS]
#
# Each repetition of the corpus gets its own article ids (`"id": "copyN-..."`),
# so the repeated corpus is a larger corpus, not the same articles skipped
# as already merged: the graph grows as it would on a real archive.
set -euo pipefail
# A corpus given is taken from where the script was started.
corpus=$(realpath -m "${1:-$(dirname "$0")/../../shared/bench/news.jsonl}")
cd "$(dirname "$0")/.."
target_mb="${2:-0}"
runs="${3:-3}"
kg=build/bench/app/kg
[ -x "$kg" ] || kg=build/release/app/kg
if [ ! -f "$corpus" ]; then
  echo "extraction_bench: no corpus at $corpus" >&2
  exit 2
fi
if ! head -n 1 "$corpus" | grep -q '^{"id": "'; then
  echo "extraction_bench: $corpus: lines must start with {\"id\": \"" >&2
  exit 2
fi
# Debian's python3-distributed belongs to /usr/bin/python3, which another
# python3 first on the PATH may not see.
dask_python=
for python in python3 /usr/bin/python3; do
  if "$python" -c 'import distributed' 2> /dev/null; then
    dask_python=$python
    break
  fi
done

# Only files this script made are removed: never the corpus itself.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# median VALUES...: the middle value (the lower middle for an even count).
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# timed NAME COMMAND...: runs COMMAND RUNS times; sets seconds (on the
# clock), cpu (user + system, which a busy machine disturbs less) and
# peak_mb to the medians. The command writes its output to files it names.
timed() {
  local name=$1 times=() cpus=() peaks=() report
  shift
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$scratch/time" -f "%e %U %S %M" "$@" > /dev/null 2> "$scratch/stderr" || {
      echo "extraction_bench: $name failed:" >&2
      cat "$scratch/stderr" >&2
      exit 3
    }
    report=$(tail -n 1 "$scratch/time")
    read -r clock user system peak_kb <<< "$report"
    times+=("$clock")
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')")
    peaks+=("$(awk -v k="$peak_kb" 'BEGIN { printf "%.0f", k / 1024 }')")
  done
  seconds=$(median "${times[@]}")
  cpu=$(median "${cpus[@]}")
  peak_mb=$(median "${peaks[@]}")
}

# row LABEL: one line of the table from seconds, cpu and peak_mb.
row() {
  awk -v l="$1" -v s="$seconds" -v c="$cpu" -v b="$bytes" -v a="$articles" -v m="$peak_mb" 'BEGIN {
    printf "  %-26s %7.2f s %6.2f MB/s %6.0f articles/s | cpu %7.2f s %6.2f MB/cpu-s | peak %5d MB\n",
           l, s, b / 1e6 / s, a / s, c, b / 1e6 / c, m }'
}

bench() {
  local input=$1
  bytes=$(stat -c %s "$input")
  articles=$(wc -l < "$input")
  echo "$input: $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $articles articles;" \
    "median of $runs runs; load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
  timed "kg build -j 1" "$kg" build "$input" -q -j 1 -o "$scratch/build.json"
  row "kg build, 1 thread"
  local one=$seconds
  timed "kg build -j 2" "$kg" build "$input" -q -j 2 -o "$scratch/build.json"
  row "kg build, 2 threads"
  awk -v a="$one" -v b="$seconds" 'BEGIN { printf "  %-26s %8.2fx\n", "speed-up, 2 threads", a / b }'
  # What two cores of this machine give at best: two one-thread builds of
  # the whole input at once. Twice the work in the time of one would be
  # 2x; cores that share caches, memory bandwidth or a host give less.
  timed "two kg build -j 1 at once" sh -c \
    '"$1" build "$2" -q -j 1 -o "$3.a" & first=$!; "$1" build "$2" -q -j 1 -o "$3.b" && wait $first' \
    sh "$kg" "$input" "$scratch/pair"
  awk -v a="$one" -v b="$seconds" 'BEGIN {
    printf "  %-26s %8.2fx (two 1-thread builds at once took %.2f s)\n", "ceiling, 2 cores", 2 * a / b, b }'
  timed "kg extract -j 2" "$kg" extract "$input" -q -j 2 -o "$scratch/fragments.jsonl"
  row "kg extract, 2 threads"
  echo "  $(printf '%-26s' 'fragments') $(awk -v b="$(stat -c %s "$scratch/fragments.jsonl")" \
    'BEGIN { printf "%.1f MB", b / 1e6 }')"
  timed "kg merge" "$kg" merge "$scratch/fragments.jsonl" -q -o "$scratch/merged.json"
  row "kg merge of the fragments"
  cmp -s "$scratch/build.json" "$scratch/merged.json" || {
    echo "extraction_bench: kg extract + kg merge differ from kg build" >&2
    exit 3
  }
  if [ -n "$dask_python" ]; then
    timed "dask_build.py" "$dask_python" scripts/dask_build.py "$input" --workers 2 --kg "$kg" \
      -o "$scratch/dask.json"
    row "Dask, 2 local workers"
    cmp -s "$scratch/build.json" "$scratch/dask.json" || {
      echo "extraction_bench: the Dask graph differs from kg build's" >&2
      exit 3
    }
  else
    echo "  Dask: python3-distributed is not installed; skipped"
  fi
  echo "  graph: $(awk -v b="$(stat -c %s "$scratch/build.json")" \
    'BEGIN { printf "%.1f MB", b / 1e6 }') of JSON; the three paths wrote the same bytes" \
    "(load average after: $(cut -d ' ' -f 1-3 /proc/loadavg))"
}

echo "kg: $kg; $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
  "$(grep -m 1 'model name' /proc/cpuinfo | cut -d : -f 2 | sed 's/^ *//')"
bench "$corpus"
if [ "$target_mb" -gt 0 ]; then
  repeated="$scratch/repeated.jsonl"
  copy=0
  while [ "$(stat -c %s "$repeated" 2> /dev/null || echo 0)" -lt $((target_mb * 1000000)) ]; do
    copy=$((copy + 1))
    sed "s/^{\"id\": \"/{\"id\": \"copy$copy-/" "$corpus" >> "$repeated"
  done
  bench "$repeated"
fi
