"""Score JSON Lines with PySpark, two ways, and check that they agree.

1. ``mapInPandas`` over the Python package (``avis_fr.spark.score_jsonl``): the
   executors need the ``avis-fr`` wheel installed in their Python.
2. ``rdd.pipe("avis score -q")`` over the command line: the executors need the
   ``avis`` binary (``spark-submit --files target/release/avis``, then
   ``rdd.pipe("./avis score -q")``).

Run in local mode from the repository root (after ``pip install ./python pyspark``
and ``cargo build --release``):

    python python/examples/spark_score.py data/consultation-2015.jsonl \\
        --avis target/release/avis --partitions 4

Both give, for each record, the line ``avis score`` writes; the script prints how
many records each way scored and whether they are the same records.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys

import avis_fr.spark


def spark_session(cores: int = 2):
    """A local Spark session whose Python workers run this interpreter."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    # Local mode talks to itself: on the loopback interface, whatever the host's
    # name resolves to (large task results are fetched from the driver's block
    # manager at the address it advertises).
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("avis-fr")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )


def by_package(spark, path: str, partitions: int, topic=None) -> list:
    """The scored lines through ``mapInPandas`` and the Python package."""
    lines = spark.read.text(path).repartition(partitions)
    return [row.value for row in avis_fr.spark.score_jsonl(lines, topic=topic).collect()]


def by_binary(spark, path: str, partitions: int, command: str) -> list:
    """The scored lines through ``rdd.pipe`` and the ``avis`` binary (``command``,
    e.g. ``"avis score -q"``): each partition's lines are its standard input."""
    rdd = spark.sparkContext.textFile(path).repartition(partitions)
    return rdd.pipe(command).collect()


def same_records(a: list, b: list) -> bool:
    """Whether two lists of JSON lines hold the same records, in any order (each
    record compared whole, fields in order, as JSON)."""
    def canonical(lines):
        return sorted(json.dumps(json.loads(line), ensure_ascii=False) for line in lines)

    return canonical(a) == canonical(b)


def main(argv=None) -> int:
    """Score a JSON Lines file both ways in local mode and compare."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", help="JSON Lines file, one record per line with a string `text`")
    ap.add_argument("--avis", default="avis", help="the avis binary (default: avis on PATH)")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--topic", default=None,
                    help="a built-in topic's name or a topic TOML file, for both ways (default: none)")
    args = ap.parse_args(argv)
    path = os.path.abspath(args.path)
    command = f"{shlex.quote(os.path.abspath(args.avis))} score -q"
    topic = args.topic
    if topic and os.path.exists(topic):
        topic = os.path.abspath(topic)  # the executors' working directory is not ours
    if topic:
        command += f" --topic {shlex.quote(topic)}"
    spark = spark_session()
    try:
        package = by_package(spark, path, args.partitions, topic=topic)
        binary = by_binary(spark, path, args.partitions, command)
    finally:
        spark.stop()
    same = same_records(package, binary)
    print(f"mapInPandas: {len(package)} records; rdd.pipe: {len(binary)} records; same records: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
