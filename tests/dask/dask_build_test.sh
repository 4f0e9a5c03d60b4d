#!/usr/bin/env bash
# The Dask build (scripts/dask_build.py) on a two-worker local cluster
# writes the bytes kg build writes, with partitions that cut lines apart,
# a blank line and a bad line. Usage: dask_build_test.sh KG SOURCE_DIR
set -euo pipefail
kg=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$source_dir/samples" "$work/articles.jsonl" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
names = sorted(n for n in os.listdir(src) if n.endswith(".txt"))
with open(out, "w", encoding="utf-8") as f:
    for i, name in enumerate(names):
        text = open(os.path.join(src, name), encoding="utf-8").read()
        f.write(json.dumps({"id": "art-%d" % (i + 1), "title": name, "text": text}) + "\n")
        if i == 4:
            f.write("\n{not json\n")
PY

status=0
"$kg" build "$work/articles.jsonl" -q -o "$work/built.json" 2>"$work/build.err" || status=$?
[ "$status" -eq 1 ] || { echo "kg build: exit $status, expected 1"; exit 1; }
status=0
/usr/bin/python3 "$source_dir/scripts/dask_build.py" "$work/articles.jsonl" -o "$work/dask.json" \
  --workers 2 --partition-bytes 7000 --kg "$kg" 2>"$work/dask.err" || status=$?
[ "$status" -eq 1 ] || { echo "dask_build: exit $status, expected 1"; cat "$work/dask.err"; exit 1; }
grep -q "articles.jsonl:7:2: malformed JSON" "$work/dask.err" ||
  { echo "dask_build did not report the bad line:"; cat "$work/dask.err"; exit 1; }
cmp "$work/built.json" "$work/dask.json"
echo "dask_build: same bytes as kg build"
