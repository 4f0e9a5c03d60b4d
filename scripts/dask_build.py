#!/usr/bin/env python3
"""Builds a kg graph on a Dask cluster.

The JSON Lines input is cut into partitions; each worker runs `kg extract`
on its partitions and merges what it extracted into one partial fragment
(`kg merge --partial`); partials are merged pairwise up a reduction tree,
and the last `kg merge` writes the graph. Merging is associative and
commutative, so the graph is byte for byte the one `kg build` writes.

    scripts/dask_build.py articles.jsonl -o graph.json                   # a local cluster
    scripts/dask_build.py articles.jsonl -o graph.json --scheduler tcp://host:8786

On a real cluster, every worker must read the input paths (a shared file
system) and run the kg binary given by --kg.
Needs Debian's python3-distributed. Exit status as kg's: 0 ok, 1 some
articles were bad (reported, the rest merged), 3 failure.
"""

import argparse
import os
import subprocess
import sys


def default_kg():
    built = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build", "release",
                         "app", "kg")
    return os.path.normpath(built) if os.access(built, os.X_OK) else "kg"


def run_kg(kg, args, data):
    """Runs kg with `data` on standard input: (stdout, stderr, exit code).
    Exit 1 (some inputs were bad) is a result; 2 and above are failures."""
    done = subprocess.run([kg] + args, input=data, capture_output=True, check=False)
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode not in (0, 1):
        raise RuntimeError("kg %s: exit %d: %s" % (" ".join(args), done.returncode, stderr))
    return done.stdout, stderr, done.returncode


def blocks(paths, size):
    """The input cut into (path, start, end) byte ranges of about `size`."""
    for path in paths:
        total = os.path.getsize(path)
        for start in range(0, max(total, 1), size):
            yield (path, start, min(start + size, total))


def line_starts(block):
    """How many lines start in [start, end): each block holds those lines."""
    path, start, end = block
    begin = max(start - 1, 0)
    with open(path, "rb") as f:
        f.seek(begin)
        data = f.read(max(end - 1 - begin, 0))
    return (1 if start == 0 and end > 0 else 0) + data.count(b"\n")


def read_block(path, start, end):
    """The lines that start in [start, end)."""
    lines = []
    with open(path, "rb") as f:
        if start > 0:
            f.seek(start - 1)
            f.readline()  # the rest of the line that started before
        while f.tell() < end:
            line = f.readline()
            if not line:
                break
            lines.append(line)
    return lines


def extract_block(task, kg, extract_args, merge_args):
    """One block of JSON Lines -> one partial fragment, with problems.
    Documents keep the path and line numbers `kg build` gives them."""
    path, start, end, first_line = task
    lines = read_block(path, start, end)
    while lines and not lines[0].strip():  # kg reads from the first article
        lines.pop(0)
        first_line += 1
    if not lines:
        return {"partial": b"", "problems": []}
    fragments, extract_errors, _ = run_kg(
        kg, ["extract", "-q", "--source", path, "--first-line", str(first_line), "-"] +
        extract_args, b"".join(lines))
    partial, merge_errors, _ = run_kg(kg, ["merge", "--partial", "-q", "-"] + merge_args,
                                      fragments)
    problems = [text for text in (extract_errors, merge_errors) if text]
    return {"partial": partial, "problems": problems}


def merge_partials(results, kg, merge_args):
    """Several partials -> one partial: a step of the reduction tree."""
    results = list(results)
    partials = [r["partial"] for r in results if r["partial"]]
    problems = [p for r in results for p in r["problems"]]
    if len(partials) > 1:
        merged, errors, _ = run_kg(kg, ["merge", "--partial", "-q", "-"] + merge_args,
                                   b"".join(partials))
        partials = [merged]
        if errors:
            problems.append(errors)
    return {"partial": partials[0] if partials else b"", "problems": problems}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+",
                        help="JSON Lines files of articles, at paths every worker can read")
    parser.add_argument("-o", "--output", required=True, help="graph JSON to write")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler "
                        "(default: start a local cluster)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="workers of the local cluster (default: one per core)")
    parser.add_argument("--partition-bytes", type=int, default=16 << 20,
                        help="input bytes per partition (default: 16 MiB)")
    parser.add_argument("--kg", default=default_kg(), help="the kg binary the workers run")
    parser.add_argument("--rules", action="append", default=[], help="rule pack (repeatable)")
    parser.add_argument("--max-evidence", type=int, help="as for kg merge")
    args = parser.parse_args()

    # Imported here so that --help works without Dask installed.
    import dask.bag
    from distributed import Client, LocalCluster

    extract_args = ["-j", "1"] + [a for rules in args.rules for a in ("--rules", rules)]
    merge_args = [] if args.max_evidence is None else ["--max-evidence", str(args.max_evidence)]
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    with client:
        # Line numbers first (each block counts its own), so that documents
        # get the paths kg build gives them; then extraction and the merges.
        cut = list(blocks(args.inputs, args.partition_bytes))
        counts = dask.bag.from_sequence(cut, partition_size=1).map(line_starts).compute()
        tasks = []
        line = {}
        for (path, start, end), count in zip(cut, counts):
            tasks.append((path, start, end, line.get(path, 1)))
            line[path] = line.get(path, 1) + count
        result = dask.bag.from_sequence(tasks, partition_size=1).reduction(
            lambda part: merge_partials(
                [extract_block(task, args.kg, extract_args, merge_args) for task in part],
                args.kg, merge_args),
            lambda results: merge_partials(results, args.kg, merge_args),
            split_every=4).compute()
    for problem in result["problems"]:
        sys.stderr.write(problem)
    if not result["partial"]:
        sys.stderr.write("dask_build: no readable articles; nothing written\n")
        return 3
    _, errors, code = run_kg(args.kg, ["merge", "-q", "-", "-o", args.output] + merge_args,
                             result["partial"])
    sys.stderr.write(errors)
    return 1 if result["problems"] or code == 1 else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as error:
        sys.stderr.write("dask_build: %s\n" % error)
        sys.exit(3)
