"""Throughput of the Spark path (``edumetrics.spark.extract_df``) against the core API.

    python benchmarks/bench_spark.py [--docs N] [--cores C]

Both paths get the same documents and the same cores: ``extract_many`` with one worker
and with C worker processes (or ``extract`` in a loop when the batch API is not there),
and a local Spark session with ``local[C]``. The Spark figure is for a warm session (JVM
and Python workers started by a first, untimed run) and times ``extract_df(df).count()``:
every document goes through the Python workers, but neither collecting rows to the
driver nor writing files is counted. The documents are the report excerpts in
``tests/data/corpus`` repeated to ``--docs`` (default 2000). Prints the machine, Python,
pyspark and Java versions.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import edumetrics

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"
FALLBACK = [
    "2023年全县教育总投入2860万元，比上年增加243万余元，生均公用经费625元/生/年。",
    "小学、初中入学率分别为99.07%、94.88%，高中毛入学率提高2.9个百分点。",
    "全县共有中小学46所，在校学生1844.37萬人，专任教师约3200名，培训教师1.2万人次。",
]


def documents(n: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))] or FALLBACK
    return [texts[i % len(texts)] for i in range(n)]


def core_runners(cores: int) -> list[tuple[str, Callable[[Sequence[str]], int]]]:
    """The core API: ``extract_many`` with 1 and ``cores`` workers, else an ``extract`` loop."""
    try:
        from edumetrics.batch import extract_many
    except ImportError:

        def loop(texts: Sequence[str]) -> int:
            return sum(len(edumetrics.extract(t)) for t in texts)

        return [("extract (loop)", loop)]

    def many(workers: int) -> Callable[[Sequence[str]], int]:
        def run(texts: Sequence[str]) -> int:
            return sum(len(r.mentions) for r in extract_many(texts, workers=workers))

        return run

    return [(f"extract_many(workers={w})", many(w)) for w in sorted({1, cores})]


def machine() -> str:
    java = subprocess.run(["java", "-version"], capture_output=True, text=True, check=False)
    import pyspark

    return "\n".join(
        [
            f"machine: {platform.platform()}, {platform.machine()}, {os.cpu_count()} cores visible",
            f"cpu:     {cpu_model()}",
            f"python:  {platform.python_implementation()} {platform.python_version()}",
            f"pyspark: {pyspark.__version__}; java: {java.stderr.splitlines()[0]}",
            "load:    {:.2f} {:.2f} {:.2f} (1, 5, 15 min: other work on the cores)".format(
                *os.getloadavg()
            ),
        ]
    )


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def report(name: str, docs: int, chars: int, rows: int, seconds: float) -> None:
    print(
        f"{name:<34} {docs / seconds:>9,.0f} docs/s {rows / seconds:>11,.0f} rows/s "
        f"{chars / seconds:>13,.0f} chars/s   ({rows:,} rows in {seconds:.2f} s)"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents per run")
    parser.add_argument("--cores", type=int, default=2, help="cores for both paths")
    args = parser.parse_args(argv)

    texts = documents(args.docs)
    chars = sum(map(len, texts))
    print(machine())
    print(f"input:   {len(texts):,} documents, {chars:,} characters, {args.cores} cores\n")

    rows = -1
    for name, run in core_runners(args.cores):
        run(texts[:10])  # load the rules
        start = time.perf_counter()
        rows = run(texts)
        report(name, len(texts), chars, rows, time.perf_counter() - start)

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from edumetrics.spark import extract_df

    spark = (
        SparkSession.builder.master(f"local[{args.cores}]")
        .appName("edumetrics-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(args.cores))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        df = spark.createDataFrame(
            [(i, t) for i, t in enumerate(texts)], "doc_id long, text string"
        ).repartition(args.cores)
        df = df.cache()
        df.count()  # materialise the input: its creation is not timed
        extract_df(df).count()  # warm-up: starts the Python workers, loads the rules
        start = time.perf_counter()
        spark_rows = extract_df(df).count()
        seconds = time.perf_counter() - start
        report(f"spark extract_df local[{args.cores}]", len(texts), chars, spark_rows, seconds)
        if spark_rows != rows:
            print(f"MISMATCH: the core API gave {rows:,} rows, Spark {spark_rows:,}")
            return 1
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
