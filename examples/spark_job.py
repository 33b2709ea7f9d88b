"""Extract every figure from a folder of reports with Spark; write Parquet by metric.

    python examples/spark_job.py IN OUT
    spark-submit examples/spark_job.py IN OUT

IN is a folder (searched recursively; any Hadoop path: file:, hdfs:, s3a: ...) of
.txt/.docx/.html reports; OUT receives Parquet files partitioned by ``metric``
(``OUT/metric=funding/part-....parquet``), one row per mention: ``path``, ``doc_id``,
``mention_index``, every field of ``edumetrics.Mention`` and ``float_value``. Files that
cannot be read are left out; ``read_documents_df(...).where("error IS NOT NULL")`` lists
them. With ``python``, Spark runs locally on every core; with ``spark-submit``, on the
cluster it is given: every executor needs ``edumetrics[spark,io]`` (installed on the
nodes, or shipped with the job as a packed environment or a wheel; see "Scaling out" in
the documentation), else the job stops at once with a ``SparkSetupError`` saying so.
"""

from __future__ import annotations

import os
import sys

from pyspark.sql import SparkSession

from edumetrics.spark import extract_df, read_documents_df


def run(spark: SparkSession, source: str, target: str) -> None:
    """Read the reports under ``source``, extract, write Parquet to ``target`` by metric."""
    documents = read_documents_df(spark, source).where("error IS NULL")
    mentions = extract_df(documents, id_cols=("path", "doc_id"))
    mentions.write.mode("overwrite").partitionBy("metric").parquet(target)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: spark_job.py IN OUT", file=sys.stderr)
        return 2
    # Run locally with `python`, the workers must use this interpreter too.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.appName("edumetrics-extract").getOrCreate()
    try:
        run(spark, argv[0], argv[1])
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
