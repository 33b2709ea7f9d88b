"""Extraction as a Spark job: documents in, one typed row per mention out.

Needs the optional ``spark`` extra (``pip install 'edumetrics[spark]'``: pyspark >= 3.5,
pyarrow, pandas) and a Java runtime (17 or later for pyspark 4). This module imports
pyspark and pyarrow only when one of its functions runs, so it imports (and its doctests
run) without them; a call without them raises :class:`~edumetrics.MissingExtraError`.

- :func:`extract_df` turns a DataFrame with a text column into one row per mention:
  the id columns, ``mention_index`` (the mention's position in ``extract(text)``, which is
  what ``parent`` refers to), every field of :class:`~edumetrics.Mention`, and
  ``float_value``. Rows cross between the JVM and Python as Arrow batches
  (``mapInArrow``); the rule set given (``rules=``, a :class:`~edumetrics.Rules`)
  travels with the job, and each Python worker process compiles its indexes once and
  reuses them for every batch it is given.
- :func:`read_documents_df` reads .txt/.docx/.html/.pdf files with Spark's ``binaryFile``
  source and :func:`edumetrics.readers.read_document`, one row per file, with an ``error``
  column instead of a failed job when a file cannot be read.
- :func:`mention_schema` is the Spark schema of the mention columns, derived from
  ``Mention.model_fields`` (the only place the fields are listed).

The executors need edumetrics too. The first call of :func:`extract_df` or
:func:`read_documents_df` in a Spark application runs a small job that imports it on
the executors; when their Python cannot, or has another version than the driver, it
raises :class:`~edumetrics.errors.SparkSetupError` saying what to do, instead of the
long Py4J trace around a ``ModuleNotFoundError`` that the first real job would end in.

Exact values: ``value`` is ``DECIMAL(38, 10)`` (:data:`VALUE_PRECISION`,
:data:`VALUE_SCALE`): 28 digits before the point and 10 after, so every figure a report
can hold (10^16 yuan with 4 decimals uses 21 digits) is stored exactly. Beyond that,
:func:`exact_value` decides: more than 10 decimal places are rounded half-even to 10, and
a value of 10^28 or more comes out null (``masked`` stays false, ``float_value`` keeps its
magnitude), rather than failing the job.

>>> from decimal import Decimal
>>> exact_value(Decimal("12345678901234567.1234"))
Decimal('12345678901234567.1234000000')
>>> exact_value(Decimal("0.123456789012345")), exact_value(Decimal("1E+28"))
(Decimal('0.1234567890'), None)

Typical use (not run here: it starts a JVM)::

    from edumetrics.spark import extract_df, read_documents_df
    docs = read_documents_df(spark, ["s3a://lake/reports/"])
    mentions = extract_df(docs.where("error IS NULL"))
    mentions.write.partitionBy("metric").parquet("s3a://lake/mentions/")
"""

from __future__ import annotations

import enum
import functools
import os
import tempfile
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation
from typing import Any

from edumetrics.errors import DocumentError, MissingExtraError, SparkSetupError
from edumetrics.readers import SUFFIX_FORMATS, read_document
from edumetrics.records import Mention
from edumetrics.rules import Rules, _resolve

if typing.TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import DataType, StructType

__all__ = [
    "DOCUMENT_SUFFIXES",
    "VALUE_PRECISION",
    "VALUE_SCALE",
    "exact_value",
    "extract_df",
    "mention_schema",
    "read_documents_df",
]

VALUE_PRECISION = 38
"""Digits in the ``value`` column: the most a Spark (and Arrow decimal128) decimal holds."""
VALUE_SCALE = 10
"""Digits after the point in the ``value`` column."""

DOCUMENT_SUFFIXES: tuple[str, ...] = tuple(SUFFIX_FORMATS)
"""File types :func:`read_documents_df` reads by default (any letter case): those
:mod:`edumetrics.readers` picks up in a folder (.txt, .docx, .html/.htm, .pdf ...)."""

# Output rows are cut into Arrow batches of at most this many mentions, so one input
# batch of long reports does not become one huge output batch in worker memory.
_ROWS_PER_OUTPUT_BATCH = 8192

_QUANTUM = Decimal(1).scaleb(-VALUE_SCALE)
_CONTEXT = Context(prec=VALUE_PRECISION, rounding=ROUND_HALF_EVEN)

_EXTRA_COLUMNS = ("mention_index", "float_value")


def _require_spark(feature: str) -> None:
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("spark", feature) from exc


# Spark applications whose executors were found to import this version of edumetrics.
_CHECKED_APPS: set[str] = set()


def _check_executors(spark: SparkSession) -> None:
    """Raise :class:`SparkSetupError` unless the executors import this edumetrics (once
    per Spark application; Spark Connect sessions, which have no SparkContext, are not
    checked)."""
    from pyspark.errors import PySparkException

    from edumetrics import __version__

    try:
        context = spark.sparkContext
        app = context.applicationId
    except (AttributeError, PySparkException):  # Spark Connect: no SparkContext here
        return
    if app in _CHECKED_APPS:
        return

    # Defined here, so that it is shipped by value: it must run where edumetrics is not.
    def probe(_: object) -> tuple[str, str | None]:
        import sys

        try:
            from edumetrics import __version__ as found
        except ImportError:
            return sys.executable, None
        return sys.executable, found

    slots = max(1, min(context.defaultParallelism, 64))
    seen = set(context.parallelize(range(slots), slots).map(probe).collect())
    for python, found in sorted(seen, key=str):
        if found != __version__:
            raise SparkSetupError(python, found, __version__)
    _CHECKED_APPS.add(app)


def exact_value(value: Decimal | None) -> Decimal | None:
    """``value`` as stored in the ``DECIMAL(38, 10)`` column (see the module docstring).

    >>> exact_value(Decimal("28600000")), exact_value(None)
    (Decimal('28600000.0000000000'), None)
    """
    if value is None or not value.is_finite():
        return None
    try:
        return value.quantize(_QUANTUM, context=_CONTEXT)
    except InvalidOperation:  # more than VALUE_PRECISION digits after quantizing
        return None


# --- the schema, derived from the record model --------------------------------------


def _spark_type(annotation: Any) -> tuple[DataType, bool]:
    """The Spark type and nullability for a ``Mention`` field annotation."""
    from pyspark.sql import types as T

    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"no Spark type for the union {annotation!r}")
        return _spark_type(inner[0])[0], True
    if typing.get_origin(annotation) is tuple and len(args) == 2 and args[1] is Ellipsis:
        element, _ = _spark_type(args[0])
        return T.ArrayType(element, containsNull=False), False
    if isinstance(annotation, type):
        if issubclass(annotation, enum.Enum):  # enums travel as their string ids
            return T.StringType(), False
        scalar: dict[type, DataType] = {
            bool: T.BooleanType(),
            int: T.LongType(),
            str: T.StringType(),
            Decimal: T.DecimalType(VALUE_PRECISION, VALUE_SCALE),
        }
        if annotation in scalar:
            return scalar[annotation], False
    raise TypeError(f"no Spark type for the Mention field type {annotation!r}")


def mention_schema() -> StructType:
    """The Spark schema of the mention columns: one field per ``Mention`` field, in order.

    ``int`` is ``bigint``, ``Decimal`` is ``decimal(38,10)``, enums are their string ids,
    ``flags`` is ``array<string>``; a field is nullable exactly when the model allows
    ``None``. A field of a type with no mapping raises :class:`TypeError`, so a change to
    the model cannot pass unnoticed.
    """
    _require_spark("edumetrics.spark.mention_schema()")
    from pyspark.sql import types as T

    fields = []
    for name, info in Mention.model_fields.items():
        spark_type, nullable = _spark_type(info.annotation)
        fields.append(T.StructField(name, spark_type, nullable))
    return T.StructType(fields)


def _output_schema(df_schema: StructType, id_cols: Sequence[str]) -> StructType:
    from pyspark.sql import types as T

    mention = mention_schema()
    taken = set(mention.fieldNames()) | set(_EXTRA_COLUMNS)
    clash = sorted(taken.intersection(id_cols))
    if clash:
        raise ValueError(f"id columns {clash} clash with mention columns; rename them first")
    ids = [df_schema[name] for name in id_cols]
    return T.StructType(
        [
            *ids,
            T.StructField("mention_index", T.LongType(), False),
            *mention.fields,
            T.StructField("float_value", T.DoubleType(), True),
        ]
    )


# --- executor side -------------------------------------------------------------------

_EXTRACT: Callable[[str, Rules | None], list[Mention]] | None = None


def _extractor() -> Callable[[str, Rules | None], list[Mention]]:
    """``edumetrics.extract``, imported and warmed up once per (worker) process.

    A rule set shipped with a job compiles its indexes on its first use in the process
    and keeps them (equal rule sets share them, see :class:`~edumetrics.Rules`), never
    per batch or row.
    """
    global _EXTRACT
    if _EXTRACT is None:
        from edumetrics._vocab import WARM_UP_SENTENCE
        from edumetrics.extract import extract

        extract(WARM_UP_SENTENCE)  # builds anything the rules build lazily
        _EXTRACT = extract
    return _EXTRACT


def _arrow_batch(
    ids: list[pa.Array], rows: list[int], columns: dict[str, list[Any]], schema: pa.Schema
) -> pa.RecordBatch:
    import pyarrow as pa

    take = pa.array(rows, pa.int64())
    arrays = [col.take(take) for col in ids]
    arrays += [pa.array(values, schema.field(name).type) for name, values in columns.items()]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def _mention_batches(
    batches: Iterable[pa.RecordBatch],
    text_col: str,
    id_cols: tuple[str, ...],
    schema: pa.Schema,
    rules: Rules,
) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function: input batches of documents to batches of mentions."""
    extract = _extractor()
    names = schema.names[len(id_cols) :]
    for batch in batches:
        ids = [batch.column(name) for name in id_cols]
        rows: list[int] = []  # the input row of each mention
        columns: dict[str, list[Any]] = {name: [] for name in names}
        for row, text in enumerate(batch.column(text_col).to_pylist()):
            if text is None:  # a SQL null is no document: no rows (extract(None) raises)
                continue
            for index, mention in enumerate(extract(text, rules)):
                record = mention.to_record()
                record["value"] = exact_value(mention.value)
                record["mention_index"] = index
                record["float_value"] = mention.float_value
                rows.append(row)
                for name in names:
                    columns[name].append(record[name])
            if len(rows) >= _ROWS_PER_OUTPUT_BATCH:
                yield _arrow_batch(ids, rows, columns, schema)
                rows = []
                columns = {name: [] for name in names}
        if rows:
            yield _arrow_batch(ids, rows, columns, schema)


def extract_df(
    df: DataFrame,
    text_col: str = "text",
    id_cols: Sequence[str] = ("doc_id",),
    rules: Rules | None = None,
) -> DataFrame:
    """One row per mention in ``df[text_col]``, keyed by ``id_cols``.

    Columns: ``id_cols`` (as in ``df``), ``mention_index`` (position in the document's
    result list; ``parent`` refers to it), the fields of :func:`mention_schema`, and
    ``float_value``. Row for row, this is ``edumetrics.extract`` applied to each text: an
    empty text gives no rows, and so does a null text. ``rules`` (a
    :class:`~edumetrics.Rules`, the built-in set by default) is shipped to the executors
    with the job, so its metrics apply there. A text column that is not a string
    raises :class:`TypeError`; an id column named like a mention column raises
    :class:`ValueError`; executors without this version of edumetrics raise
    :class:`~edumetrics.errors.SparkSetupError`. Lazy, like any Spark transformation
    (but for that check, once per application).
    """
    rule_set = _resolve(rules)
    _require_spark("edumetrics.spark.extract_df()")
    from pyspark.sql import types as T
    from pyspark.sql.pandas.types import to_arrow_schema

    id_cols = tuple(id_cols)
    missing = [c for c in (text_col, *id_cols) if c not in df.columns]
    if missing:
        raise ValueError(f"no column(s) {missing} in the DataFrame (columns: {df.columns})")
    if not isinstance(df.schema[text_col].dataType, T.StringType):
        raise TypeError(f"column {text_col!r} must be a string, not {df.schema[text_col]}")
    _check_executors(df.sparkSession)
    schema = _output_schema(df.schema, id_cols)
    func = functools.partial(
        _mention_batches,
        text_col=text_col,
        id_cols=id_cols,
        schema=to_arrow_schema(schema),
        rules=rule_set,
    )
    return df.select(*dict.fromkeys((*id_cols, text_col))).mapInArrow(func, schema)


# --- reading documents ---------------------------------------------------------------


def _read_bytes(name: str, data: bytes) -> str:
    """The text of a document given as its file name and bytes, by :func:`read_document`.

    The readers take a path, so the bytes go to a temporary file of the same name first.
    A :class:`~edumetrics.DocumentError` names ``name``, not the temporary file.
    """
    with tempfile.TemporaryDirectory(prefix="edumetrics-") as tmp:
        path = os.path.join(tmp, name)
        with open(path, "wb") as fh:
            fh.write(data)
        try:
            return read_document(path).text
        except DocumentError as exc:
            raise DocumentError(name, exc.reason) from exc


def _document_batches(
    batches: Iterable[pa.RecordBatch], schema: pa.Schema
) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function: ``binaryFile`` rows to (path, doc_id, text, error)."""
    import pyarrow as pa

    for batch in batches:
        out: dict[str, list[str | None]] = {name: [] for name in schema.names}
        contents = batch.column("content")
        for i, path in enumerate(batch.column("path").to_pylist()):
            name = path.rsplit("/", 1)[-1]
            text: str | None = None
            error: str | None = None
            try:
                text = _read_bytes(name, contents[i].as_py())
            except DocumentError as exc:  # this file only: the job goes on
                error = f"DocumentError: {DocumentError(path, exc.reason)}"
            except MissingExtraError as exc:  # the reader's extra is not on this executor
                error = f"MissingExtraError: {exc}"
            out["path"].append(path)
            out["doc_id"].append(name)
            out["text"].append(text)
            out["error"].append(error)
        yield pa.RecordBatch.from_pydict(out, schema=schema)


def _suffix_glob(suffixes: Sequence[str]) -> str:
    """A Hadoop glob matching any of ``suffixes`` in any letter case.

    >>> _suffix_glob([".txt", ".htm"])
    '*.{[tT][xX][tT],[hH][tT][mM]}'
    """
    parts = [
        "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in s.lstrip("."))
        for s in suffixes
    ]
    return "*.{" + ",".join(parts) + "}"


def read_documents_df(
    spark: SparkSession,
    paths: str | Sequence[str],
    *,
    suffixes: Sequence[str] = DOCUMENT_SUFFIXES,
) -> DataFrame:
    """One row per document file under ``paths`` (files or folders, searched recursively).

    Columns: ``path`` (the file's URI, unique), ``doc_id`` (its file name, as in the
    gold corpora; not unique across folders), ``text`` (exactly
    ``read_document(file).text``, so spans index it) and ``error``. A file that cannot be
    read (damaged, empty, undecodable, or its reader's extra missing on the executor)
    gets ``text`` null and ``error`` the typed error's name and message, so one bad file
    does not fail the job; keep the good ones with ``.where("error IS NULL")``. Any other
    exception fails the job as usual. Only files ending in one of ``suffixes`` are read.
    Each file is held whole in memory, a batch of them at a time; for large files lower
    ``spark.sql.execution.arrow.maxRecordsPerBatch`` (10000 files by default).
    """
    _require_spark("edumetrics.spark.read_documents_df()")
    _check_executors(spark)
    from pyspark.sql import types as T
    from pyspark.sql.pandas.types import to_arrow_schema

    schema = T.StructType(
        [
            T.StructField("path", T.StringType(), False),
            T.StructField("doc_id", T.StringType(), False),
            T.StructField("text", T.StringType(), True),
            T.StructField("error", T.StringType(), True),
        ]
    )
    files = (
        spark.read.format("binaryFile")
        .option("pathGlobFilter", _suffix_glob(suffixes))
        .option("recursiveFileLookup", "true")
        .load([paths] if isinstance(paths, str) else list(paths))
        .select("path", "content")
    )
    func = functools.partial(_document_batches, schema=to_arrow_schema(schema))
    return files.mapInArrow(func, schema)
