#!/usr/bin/env python3
"""Compares the JSON lines of one `byline --jsonl` process with a Spark job's output directory:
the same set of lines, byte for byte, after sorting by id; also whether the part files, read in
order, give the lines in input order. Exits 1 on any difference.

    check_equal.py single.jsonl spark_output_dir [--summary summary.json --lines N --errors E]
"""

import argparse
import glob
import json
import os
import sys


def read_lines(paths):
    lines = []
    for path in paths:
        with open(path, "rb") as f:
            lines.extend(line.rstrip(b"\n") for line in f)
    return lines


def by_id(line):
    """Sort key: the id as canonical JSON, then the whole line (several bad lines have id null)."""
    value = json.loads(line)
    return (json.dumps(value.get("id"), sort_keys=True), line)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("single")
    p.add_argument("spark_dir")
    p.add_argument("--summary", help="the job summary written by byline_spark.py --summary")
    p.add_argument("--lines", type=int, help="expected number of records")
    p.add_argument("--errors", type=int, help="expected number of error records")
    p.add_argument("--partitions", type=int, help="expected number of partitions")
    args = p.parse_args()

    single = read_lines([args.single])
    parts = sorted(glob.glob(os.path.join(args.spark_dir, "part-*")))
    if not parts:
        sys.exit(f"check_equal: no part files in {args.spark_dir}")
    spark = read_lines(parts)
    failures = []
    if args.lines is not None and len(single) != args.lines:
        failures.append(f"the single process wrote {len(single)} lines, expected {args.lines}")
    a, b = sorted(single, key=by_id), sorted(spark, key=by_id)
    if a != b:
        only_single = set(a) - set(b)
        only_spark = set(b) - set(a)
        failures.append(
            f"different lines: single process {len(a)}, Spark {len(b)}; "
            f"{len(only_single)} only in the single process, {len(only_spark)} only in Spark"
        )
        for line in sorted(only_single)[:2]:
            failures.append(f"  only single: {line[:200].decode('utf-8', 'replace')}")
        for line in sorted(only_spark)[:2]:
            failures.append(f"  only Spark:  {line[:200].decode('utf-8', 'replace')}")
    elif single != spark:
        failures.append("same lines, but the part files in order are not in input order")
    errors = sum(1 for line in single if set(json.loads(line)) == {"id", "error"})
    if args.errors is not None and errors != args.errors:
        failures.append(f"{errors} error records in the single process output, expected {args.errors}")
    if args.summary:
        with open(args.summary, encoding="utf-8") as f:
            summary = json.load(f)
        want = {"records": len(single), "errors": errors}
        if args.partitions is not None:
            want["partitions"] = args.partitions
        for key, value in want.items():
            if summary.get(key) != value:
                failures.append(f"job summary {key} = {summary.get(key)}, expected {value}")
    if failures:
        print("check_equal: FAILED", file=sys.stderr)
        for f in failures:
            print(f"check_equal: {f}", file=sys.stderr)
        sys.exit(1)
    print(
        f"check_equal: identical: {len(single)} lines ({errors} error records) from one process "
        f"and from Spark in {len(parts)} part files, byte for byte and in input order"
    )


if __name__ == "__main__":
    main()
