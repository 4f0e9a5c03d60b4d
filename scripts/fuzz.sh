#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each for
# SECONDS (default 60) on a seed corpus made from samples/, the rule packs,
# the query documentation and the tests. Every input in
# fuzz/regressions/TARGET/ (crashes found before) is run first. Exits
# non-zero when a target crashes; the input is in build/fuzz/artifacts/.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(text_pipeline_fuzzer jsonl_reader_fuzzer graph_json_fuzzer rule_pack_fuzzer
           query_parser_fuzzer)
fi

cmake --preset fuzz >/dev/null
# Only the targets and the libraries they need, not the kg command.
cmake --build --preset fuzz -j "$(nproc)" --target "${targets[@]}"

out=build/fuzz
seeds="$out/seeds"
rm -rf "$seeds"
mkdir -p "$seeds" "$out/artifacts"
for target in "${targets[@]}"; do mkdir -p "$seeds/$target" "$out/corpus/$target"; done

# Seeds: small, valid inputs of each kind, made from the repository.
python3 - "$seeds" <<'PY'
import glob, json, os, re, sys
seeds = sys.argv[1]
def put(target, name, data):
    path = os.path.join(seeds, target)
    if os.path.isdir(path):
        with open(os.path.join(path, name), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
samples = sorted(glob.glob("samples/*.txt"))
for path in samples:
    text = open(path, encoding="utf-8").read()
    name = os.path.basename(path)
    put("text_pipeline_fuzzer", name, text)
    put("jsonl_reader_fuzzer", name + ".jsonl",
        json.dumps({"id": name, "title": text.split("\n")[0], "text": text}) + "\n")
put("jsonl_reader_fuzzer", "mixed.jsonl",
    '{"id":"a","text":"Anna met Jan."}\n{broken\n\n{"id":7,"text":"x"}\n["x"]\n')
for i, line in enumerate(open("tests/rules/relations.tsv", encoding="utf-8")):
    if not line.startswith("#") and "\t" in line:
        put("text_pipeline_fuzzer", "rule-case-%04d.txt" % i, line.split("\t")[0])
for path in sorted(glob.glob("extract/rules/en-news/*")):
    lines = open(path, encoding="utf-8").read().splitlines()[:40]
    put("rule_pack_fuzzer", os.path.basename(path),
        "\n@@ %s\n%s\n" % (os.path.basename(path), "\n".join(lines)))
queries = []
for path in ["docs/query-language.md", "tests/unit/query_test.cpp", "tests/e2e/query_cli_test.cpp"]:
    for m in re.finditer(r"(MATCH [^'\n]*?)(?:'|\"\)|$)", open(path, encoding="utf-8").read(), re.M):
        queries.append(m.group(1).replace('\\"', '"'))
for i, q in enumerate(sorted(set(queries))):
    put("query_parser_fuzzer", "q%03d" % i, q)
PY
if [ -x build/release/app/kg ] && [ -d "$seeds/graph_json_fuzzer" ]; then
  for path in samples/0*.txt; do
    build/release/app/kg build "$path" -q -o "$seeds/graph_json_fuzzer/$(basename "$path" .txt).json"
  done
fi

status=0
for target in "${targets[@]}"; do
  binary="$out/fuzz/$target"
  dict=()
  [ -f "fuzz/${target%_fuzzer}.dict" ] && dict=(-dict="fuzz/${target%_fuzzer}.dict")
  if [ -d "fuzz/regressions/$target" ] && compgen -G "fuzz/regressions/$target/*" >/dev/null; then
    echo "== $target: regression inputs" >&2
    "$binary" -runs=0 "${dict[@]}" fuzz/regressions/"$target"/* 2>"$out/$target.regressions.log" || {
      tail -30 "$out/$target.regressions.log" >&2; status=1; continue; }
  fi
  echo "== $target: $seconds s" >&2
  if ! "$binary" "$out/corpus/$target" "$seeds/$target" "${dict[@]}" \
      -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -max_len=65536 \
      -artifact_prefix="$out/artifacts/$target-" -print_final_stats=1 \
      >"$out/$target.log" 2>&1; then
    tail -40 "$out/$target.log" >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$out/$target.log" | tr '\n' ' ' >&2
  echo >&2
done
exit $status
