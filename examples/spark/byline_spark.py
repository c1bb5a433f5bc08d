#!/usr/bin/env python3
"""Run the `byline` command on Apache Spark: one `byline <command> --jsonl` process per partition.

The job rests on the command's JSON-lines contract: `byline <command> --jsonl` reads lines
`{"id": .., "text": ..}` and writes one line per input line, in input order, with the same `id`
and the command's fields, or `{"id": .., "error": ".."}` for a line that is not JSON or has no
string `text`. Each partition is streamed through one process; JSON lines are not parsed in Python
on the way in (with the default field names), so the output is the single-machine output, line
for line.

Local run (the binary is found through --byline and shipped to the executors by the script):

    spark-submit --master 'local[2]' examples/spark/byline_spark.py --command analyze \
        --byline target/release/byline --input corpus.jsonl --output out/ --partitions 8

Cluster run (the binary reaches the executors through --files):

    spark-submit --master yarn --files target/release/byline examples/spark/byline_spark.py \
        --command entities --input hdfs:///news/2026/ --output hdfs:///nlp/entities/ \
        --output-format parquet --layout columns

Options the script does not know (`--sentences 2`, `--tokens`, ...) go to byline unchanged;
write them after `--` to be explicit. `--threads` defaults to `spark.task.cpus` (1).

Input: JSON lines (read as raw bytes, passed through unchanged) or Parquet; the id and text
columns are `id` and `text` unless --id-col / --text-col say otherwise. Blank lines carry no
record: they are skipped and counted. Output: JSON lines (part files in input order), or
Parquet with one JSON string column (`--layout json`: `line`, `id`, `error`, `json`) or the
command's fields as columns (`--layout columns`). A bad input line never fails a task: it comes
back as its `{"id","error"}` record (its `line N` is the line number in the whole input), and
the summary printed at the end counts them.
"""

import argparse
import collections
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time

COMMANDS = ("analyze", "entities", "quotes", "summarize", "sentences", "tokenize")
MISSING = "byline binary not found on executor"
FAILED = "byline failed on executor"
# How the byline CLI starts an error message: `"error":"line N: ...`.
ERROR_PREFIX = b',"error":"line '

# ---------------------------------------------------------------------------------------------
# Output schemas of each command, as the README documents them; `error` is set on the records
# of bad lines, and then every other field is null.

_SPAN = [("start", "long"), ("end", "long"), ("text", "string")]
_FIELDS = {
    "schema": "string",
    "tokens": ("array", _SPAN + [("kind", "string")]),
    "sentences": ("array", _SPAN),
    "paragraphs": ("array", _SPAN),
    "entities": ("array", _SPAN + [("label", "string"), ("cluster", "long")]),
    "clusters": ("array", [("id", "long"), ("name", "string"), ("label", "string"),
                           ("mentions", ("list", "long"))]),
    "quotes": ("array", _SPAN + [
        ("parts", ("list", ("list", "long"))),
        ("kind", "string"),
        ("cue", ("struct", _SPAN)),
        ("speaker", ("struct", _SPAN + [("name", "string"), ("cluster", "long"),
                                        ("via", "string")])),
    ]),
    "summary": ("array", _SPAN + [("index", "long"), ("score", "double")]),
}
COMMAND_FIELDS = {
    "tokenize": ["tokens"],
    "sentences": ["sentences", "paragraphs"],
    "entities": ["entities", "clusters"],
    "quotes": ["quotes"],
    "summarize": ["summary"],
    "analyze": [
        "schema", "paragraphs", "sentences", "tokens", "entities", "clusters", "quotes", "summary",
    ],
}


def _spark_type(spec):
    from pyspark.sql import types as T

    if spec == "string":
        return T.StringType()
    if spec == "long":
        return T.LongType()
    if spec == "double":
        return T.DoubleType()
    kind, inner = spec
    if kind == "list":
        return T.ArrayType(_spark_type(inner))
    struct = T.StructType([T.StructField(name, _spark_type(t)) for name, t in inner])
    return T.ArrayType(struct) if kind == "array" else struct


def command_schema(command):
    """The Spark schema of one output line of `command`: id, the command's fields, error."""
    fields = [("id", "string")] + [(n, _FIELDS[n]) for n in COMMAND_FIELDS[command]]
    return _spark_type(("struct", fields + [("error", "string")]))


# ---------------------------------------------------------------------------------------------
# On the executors


def executable(path):
    """`path`, made executable; or an executable copy of it where it cannot be changed (files a
    cluster manager localized read-only)."""
    if os.access(path, os.X_OK):
        return path
    try:
        os.chmod(path, 0o755)
        return path
    except OSError:
        pass
    import tempfile

    st = os.stat(path)
    name = f"byline-{os.getuid()}-{st.st_size}-{int(st.st_mtime)}"
    copy = os.path.join(tempfile.gettempdir(), name)
    if not os.access(copy, os.X_OK):
        part = f"{copy}.{os.getpid()}"
        shutil.copyfile(path, part)
        os.chmod(part, 0o755)
        os.replace(part, copy)
    return copy


def resolve_binary(spec):
    """The path of the byline binary on this machine, or RuntimeError saying how to ship it.

    Looked for, in order: the file of that name shipped with the job (`spark-submit --files`,
    or added by the driver from --byline), the path itself, the name on PATH."""
    from pyspark import SparkFiles

    name = os.path.basename(spec)
    tried = []
    try:
        shipped = SparkFiles.get(name)
        tried.append(shipped)
        candidates = [shipped]
    except Exception:  # no SparkContext files root (should not happen on an executor)
        candidates = []
    if os.sep in spec:
        candidates.append(spec)
        tried.append(spec)
    found = shutil.which(name)
    tried.append(f"{name} on PATH")
    if found:
        candidates.append(found)
    for path in candidates:
        if os.path.isfile(path):
            return executable(path)
    raise RuntimeError(
        f"{MISSING} {socket.gethostname()}: tried {', '.join(tried)}. Ship it with "
        f"`spark-submit --files /path/to/byline ...`, or pass --byline with a path that "
        f"exists on the driver (it is shipped from there) or on every executor."
    )


class CountsParam:
    """Accumulator of per-partition counts: {partition: (lines, errors, blanks, samples)}.

    Keyed by partition so that a retried or speculative task overwrites its own entry instead
    of counting twice."""

    def zero(self, value):
        return {}

    def addInPlace(self, a, b):
        a.update(b)
        return a


def fix_line_number(out, lineno):
    """Rewrites `"error":"line N` of an error record to the line number in the whole input.

    >>> fix_line_number(b'{"id":null,"error":"line 3: not valid JSON: at line 1 column 2"}', 1017)
    b'{"id":null,"error":"line 1017: not valid JSON: at line 1 column 2"}'
    >>> fix_line_number(b'{"id":{"error":"line 3: x"},"error":"line 4: no text"}', 12)
    b'{"id":{"error":"line 3: x"},"error":"line 12: no text"}'
    >>> fix_line_number(b'{"id":"a","summary":[]}', 7)
    b'{"id":"a","summary":[]}'
    """
    at = out.rfind(ERROR_PREFIX)
    if at < 0:
        return out
    start = at + len(ERROR_PREFIX)
    end = start
    while end < len(out) and 48 <= out[end] <= 57:
        end += 1
    if end == start:
        return out
    return out[:start] + str(lineno).encode() + out[end:]


def is_error_record(out):
    """Whether a byline output line is an `{"id","error"}` record.

    >>> is_error_record(b'{"id":{"error":"x"},"error":"line 1: no text"}')
    True
    >>> is_error_record(b'{"id":{"error":"x"},"entities":[],"clusters":[]}')
    False
    >>> is_error_record(b'{"id":1,"sentences":[{"start":0,"end":9,"text":"\\\\"error\\\\": no"}]}')
    False
    """
    if b'"error":' not in out:
        return False
    try:
        value = json.loads(out)
    except ValueError:
        return False
    return isinstance(value, dict) and set(value) == {"id", "error"}


def make_runner(spec, command, byline_args, counts):
    """The function that streams one partition of (index, line bytes) through byline."""

    def run(partition, items):
        exe = resolve_binary(spec)
        argv = [exe, command, "--jsonl", *byline_args]
        try:
            proc = subprocess.Popen(
                argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                bufsize=1 << 20,
            )
        except OSError as e:
            raise RuntimeError(
                f"{FAILED} {socket.gethostname()}: cannot start {exe}: {e} (a binary built for "
                f"another system or a newer glibc? see the README, section Scale out)"
            ) from e
        pending = collections.deque()
        state = {"blanks": 0, "error": None}
        stderr_tail = collections.deque(maxlen=20)

        def feed():
            try:
                for index, line in items:
                    if not line.strip():
                        state["blanks"] += 1
                        continue
                    pending.append(index)
                    proc.stdin.write(line)
                    proc.stdin.write(b"\n")
                proc.stdin.close()
            except BrokenPipeError:
                pass  # byline stopped early: the reader reports it with byline's stderr
            except BaseException as e:  # an error reading the partition: fail the task
                state["error"] = e
                try:
                    proc.stdin.close()
                except OSError:
                    pass

        def drain_stderr():
            for line in proc.stderr:
                stderr_tail.append(line.decode("utf-8", "replace").rstrip())

        writer = threading.Thread(target=feed, daemon=True)
        reader = threading.Thread(target=drain_stderr, daemon=True)
        writer.start()
        reader.start()

        def failure(what):
            proc.kill()
            proc.wait()
            reader.join()
            tail = " | ".join(stderr_tail) or "(no output on stderr)"
            return RuntimeError(
                f"{FAILED} {socket.gethostname()}, partition {partition}: {what}; "
                f"`{' '.join(argv)}` exited with {proc.returncode}: {tail}"
            )

        lines = errors = 0
        samples = []
        finished = False
        try:
            for out in proc.stdout:
                out = out.rstrip(b"\n")
                if not pending:
                    raise failure("byline wrote more lines than it was given")
                index = pending.popleft()
                lines += 1
                if is_error_record(out):
                    errors += 1
                    out = fix_line_number(out, index + 1)
                    if len(samples) < 5:
                        samples.append((index + 1, out[:300].decode("utf-8", "replace")))
                yield index + 1, out.decode("utf-8")
            finished = True
        finally:  # a consumer that stops early, or an error: no process is left behind
            if not finished:
                proc.kill()
                proc.wait()
        writer.join()
        code = proc.wait()
        reader.join()
        if state["error"] is not None:
            raise state["error"]
        if pending:
            raise failure(f"byline wrote {lines} lines for {lines + len(pending)} input lines")
        if code not in (0, 1):  # 1: some lines were errors, each reported in its record
            raise failure("byline did not finish")
        counts.add({partition: (lines, errors, state["blanks"], samples)})

    return run


# ---------------------------------------------------------------------------------------------
# On the driver


def parse_args(argv):
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        allow_abbrev=False,
        epilog="Options not listed here are passed to byline (e.g. --sentences 2, --tokens).",
    )
    p.add_argument("--command", required=True, choices=COMMANDS)
    p.add_argument("--input", required=True, help="file, directory or glob of JSONL or Parquet")
    p.add_argument("--output", required=True, help="output directory (Spark part files)")
    p.add_argument("--input-format", choices=("auto", "jsonl", "parquet"), default="auto",
                   help="default: parquet if the input path ends in .parquet, else jsonl")
    p.add_argument("--output-format", choices=("jsonl", "parquet"), default="jsonl")
    p.add_argument("--layout", choices=("json", "columns"), default="json",
                   help="Parquet output: one JSON string column (json) or the fields (columns)")
    p.add_argument("--id-col", default="id", help="name of the id field/column (default id)")
    p.add_argument("--text-col", default="text", help="name of the text field/column")
    p.add_argument("--partitions", type=int, default=0,
                   help="repartition into N contiguous ranges of lines (default: as read)")
    p.add_argument("--byline", default="byline",
                   help="the byline binary: a path on the driver (shipped to the executors), or "
                        "the name of a file shipped with spark-submit --files (default byline)")
    p.add_argument("--master", help="Spark master when not run through spark-submit")
    p.add_argument("--mode", choices=("error", "overwrite"), default="error",
                   help="when the output exists: fail (default) or overwrite it")
    p.add_argument("--summary", help="also write the job summary as JSON to this local file")
    p.add_argument("--log-level", default="WARN", help="Spark's log level (default WARN)")
    p.add_argument("--strict", action="store_true",
                   help="exit with status 1 when any line was an error record (like byline)")
    args, rest = p.parse_known_args(argv)
    rest = [a for a in rest if a != "--"]
    for bad in ("--jsonl", "--conll", "--pretty", "-h", "--help", "-V", "--version"):
        if bad in rest:
            p.error(f"{bad} cannot be passed to byline here (the script runs byline --jsonl)")
    if "--threads" not in rest:
        rest = rest + ["--threads", "THREADS"]  # filled in with spark.task.cpus
    if args.partitions < 0:
        p.error("--partitions must be 0 (keep the input's partitions) or more")
    return args, rest


def already_shipped(path):
    """Whether the job already ships a file of that name and size (spark-submit --files)."""
    from pyspark import SparkFiles

    try:
        shipped = SparkFiles.get(os.path.basename(path))
        return os.path.isfile(shipped) and os.path.getsize(shipped) == os.path.getsize(path)
    except Exception:
        return False


def check_options_locally(exe, command, byline_args):
    """Runs byline on no input to report a bad byline option before any task starts."""
    r = subprocess.run([exe, command, "--jsonl", *byline_args], input=b"", capture_output=True)
    if r.returncode == 2:
        sys.exit(f"byline_spark: byline rejected the options: "
                 f"{r.stderr.decode('utf-8', 'replace').strip()}")


def read_lines(spark, args):
    """The input as an RDD of JSON lines (bytes), in input order within each partition."""
    from pyspark.sql import functions as F

    fmt = args.input_format
    if fmt == "auto":
        fmt = "parquet" if args.input.rstrip("/").endswith(".parquet") else "jsonl"
    if fmt == "jsonl":
        # Raw bytes, split at \n only, as byline does (a \r before it is dropped by byline).
        df = spark.read.option("lineSep", "\n").text(args.input)
        lines = df.select(F.col("value").cast("binary")).rdd.map(lambda r: bytes(r[0]))
        if (args.id_col, args.text_col) == ("id", "text"):
            return lines
        id_col, text_col = args.id_col, args.text_col

        def rename(line):
            try:
                value = json.loads(line)
            except ValueError:
                return line  # byline reports it
            if not isinstance(value, dict):
                return line
            record = {"id": value.get(id_col)}
            if text_col in value:
                record["text"] = value[text_col]
            return json.dumps(record, ensure_ascii=False).encode("utf-8")

        return lines.map(rename)
    df = spark.read.parquet(args.input)
    missing = [c for c in (args.id_col, args.text_col) if c not in df.columns]
    if missing:
        sys.exit(f"byline_spark: {args.input} has no column {', '.join(missing)}; its columns "
                 f"are {', '.join(df.columns)} (choose them with --id-col and --text-col)")

    def to_line(row):
        record = {"id": row[0], "text": row[1]}
        return json.dumps(record, ensure_ascii=False, default=str).encode("utf-8")

    return df.select(args.id_col, args.text_col).rdd.map(to_line)


def number_lines(lines, partitions):
    """(index, line) pairs with global 0-based line indices; with `partitions`, repartitioned
    into that many contiguous ranges of lines, each in input order."""
    sizes = lines.mapPartitions(lambda it: [sum(1 for _ in it)]).collect()
    starts = [0]
    for n in sizes:
        starts.append(starts[-1] + n)
    total = starts[-1]
    indexed = lines.mapPartitionsWithIndex(
        lambda p, it: ((starts[p] + i, line) for i, line in enumerate(it))
    )
    if partitions:
        n = partitions
        indexed = indexed.repartitionAndSortWithinPartitions(
            n, partitionFunc=lambda k: min(k * n // max(total, 1), n - 1)
        )
    return indexed, total


def write_output(spark, rows, args):
    from pyspark.sql import functions as F

    df = spark.createDataFrame(rows, "line BIGINT, json STRING")  # line: 1-based input line
    if args.output_format == "jsonl":
        df.select("json").write.mode(args.mode).text(args.output)
        return
    if args.layout == "json":
        df = df.select(
            "line",
            F.get_json_object("json", "$.id").alias("id"),
            F.get_json_object("json", "$.error").alias("error"),
            "json",
        )
    else:
        parsed = F.from_json("json", command_schema(args.command), {"mode": "PERMISSIVE"})
        df = df.select("line", parsed.alias("r")).select("line", "r.*")
    df.write.mode(args.mode).parquet(args.output)


def main(argv):
    args, byline_args = parse_args(argv)
    spec = args.byline
    local = os.path.isfile(spec)
    if local:  # a binary on the driver: report bad byline options before Spark starts
        threads = [a if a != "THREADS" else "1" for a in byline_args]
        check_options_locally(os.path.abspath(spec), args.command, threads)
    elif os.sep in spec:
        print(f"byline_spark: --byline {spec} is not a file on the driver; the executors must "
              f"have it (or build it: cargo build --release -p byline-cli)", file=sys.stderr)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(f"byline {args.command}")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel(args.log_level)
    cpus = sc.getConf().get("spark.task.cpus", "1")
    byline_args = [cpus if a == "THREADS" else a for a in byline_args]
    if local and not already_shipped(spec):  # ship it, as spark-submit --files would
        try:
            sc.addFile(os.path.abspath(spec))
        except Exception as e:
            print(f"byline_spark: not shipping {spec} again: {e}", file=sys.stderr)

    started = time.time()
    lines = read_lines(spark, args)
    indexed, total = number_lines(lines, args.partitions)
    partitions = indexed.getNumPartitions()
    counts = sc.accumulator({}, CountsParam())
    rows = indexed.mapPartitionsWithIndex(make_runner(spec, args.command, byline_args, counts))
    try:
        write_output(spark, rows, args)
    except Exception as e:
        text = str(e)
        for marker in (MISSING, FAILED):
            if marker in text:
                start = text.index(marker)
                sys.exit("byline_spark: " + text[start:].split("\n")[0])
        raise
    seconds = time.time() - started

    per = counts.value
    docs = sum(v[0] for v in per.values())
    errors = sum(v[1] for v in per.values())
    blanks = sum(v[2] for v in per.values())
    samples = sorted(s for v in per.values() for s in v[3])[:5]
    summary = {
        "command": args.command,
        "input_lines": total,
        "records": docs,
        "errors": errors,
        "blank_lines": blanks,
        "partitions": partitions,
        "seconds": round(seconds, 2),
        "records_per_second": round(docs / max(seconds, 1e-9), 1),
        "output": args.output,
    }
    print(
        f"byline_spark: {args.command}: {total} input lines in {partitions} partitions -> "
        f"{docs} records, {errors} errors, {blanks} blank lines skipped; "
        f"{seconds:.1f} s ({summary['records_per_second']} records/s) -> {args.output}",
        file=sys.stderr,
    )
    for lineno, record in samples:
        print(f"byline_spark:   error at line {lineno}: {record}", file=sys.stderr)
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2)
            f.write("\n")
    spark.stop()
    return 1 if args.strict and errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
