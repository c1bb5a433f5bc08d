#!/usr/bin/env python3
"""Throughput of byline on Spark against one process, and the cost of one process start.

    PYSPARK_PYTHON=$VENV/bin/python $VENV/bin/python examples/spark/bench.py \
        --byline target/release/byline --spark-submit $VENV/bin/spark-submit \
        --articles ../shared/data/cnndm/dev.jsonl --copies 10

Runs, on the CNN/DM articles repeated --copies times (as {"id","text"} in a temp dir):
one `byline analyze --jsonl --threads 1` process; Spark local[1] and local[2]
(byline_spark.py --command analyze); the start of one byline process on no input; and Spark
local[1] on one copy in 1, 10 and 100 partitions, which prices one more partition (process start
plus Spark's task). Prints wall time, and for byline alone also CPU time (user + sys), the
steadier figure on a busy machine. (Spark's CPU time is not given: the byline processes run
under Python workers that Spark does not always reap, so their CPU time would go uncounted.)
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(argv, **kw):
    """(wall seconds, CPU seconds of the children) of one command, which must succeed."""
    w, c = time.perf_counter(), cpu()
    r = subprocess.run(argv, **kw)
    if r.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(argv)} exited with {r.returncode}")
    return time.perf_counter() - w, cpu() - c


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--byline", required=True)
    p.add_argument("--spark-submit", required=True)
    p.add_argument("--articles", required=True, help="CNN/DM JSONL (id, article)")
    p.add_argument("--copies", type=int, default=10)
    p.add_argument("--partitions", type=int, default=8)
    args = p.parse_args()

    tmp = tempfile.mkdtemp(prefix="byline-bench-")
    one, many = os.path.join(tmp, "one.jsonl"), os.path.join(tmp, "many.jsonl")
    with open(args.articles, encoding="utf-8") as src:
        lines = []
        for line in src:
            a = json.loads(line)
            lines.append(json.dumps({"id": a["id"], "text": a["article"]}, ensure_ascii=False))
    with open(one, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(many, "w", encoding="utf-8") as f:
        for k in range(args.copies):
            for n, line in enumerate(lines):
                f.write(line.replace('"id": "', f'"id": "{k}-', 1) + "\n")
    n_one, n_many = len(lines), len(lines) * args.copies
    print(f"bench: {n_many} articles ({args.copies} x {n_one} from {args.articles})")

    starts = [timed([args.byline, "analyze", "--jsonl", "--threads", "1"], input=b"",
                    capture_output=True) for _ in range(20)]
    starts.sort()
    print(f"process start on no input: wall median {starts[10][0] * 1e3:.0f} ms, "
          f"CPU median {sorted(c for _, c in starts)[10] * 1e3:.0f} ms")

    with open(os.devnull, "wb") as null:
        w, c = timed([args.byline, "analyze", "--jsonl", "--threads", "1", many],
                     stdout=null, stderr=subprocess.DEVNULL)
    print(f"one process --threads 1: {n_many / w:.0f} articles/s wall ({w:.1f} s), "
          f"{n_many / c:.0f} articles per CPU second ({c:.1f} s CPU)")

    def spark(master, path, partitions):
        out = os.path.join(tmp, f"out-{master[6]}-{partitions}")
        summary = out + ".json"
        argv = [args.spark_submit, "--master", master, "--conf", "spark.ui.enabled=false",
                os.path.join(HERE, "byline_spark.py"), "--command", "analyze",
                "--byline", args.byline, "--input", path, "--output", out,
                "--partitions", str(partitions), "--summary", summary, "--mode", "overwrite"]
        w, _ = timed(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(summary, encoding="utf-8") as f:
            job = json.load(f)["seconds"]
        return w, job

    for master in ("local[1]", "local[2]"):
        w, job = spark(master, many, args.partitions)
        print(f"Spark {master}, {args.partitions} partitions: {n_many / job:.0f} articles/s "
              f"in the job ({job:.1f} s), {n_many / w:.0f} articles/s with spark-submit's start "
              f"({w:.1f} s wall)")

    sweep = []
    for partitions in (1, 10, 100):
        _, job = spark("local[1]", one, partitions)
        sweep.append((partitions, job))
        print(f"Spark local[1], {n_one} articles in {partitions} partitions: job {job:.1f} s")
    (p0, j0), (p1, j1) = sweep[0], sweep[-1]
    print(f"one more partition costs {(j1 - j0) / (p1 - p0) * 1e3:.0f} ms of job time")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
