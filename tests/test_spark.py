"""edumetrics.spark: the Spark path gives exactly what ``edumetrics.extract`` gives.

One local Spark session (``local[2]``) serves the whole module, and the Spark tests run
few jobs: one extraction over every text, one read of a folder, one run of the example.
Skip them locally with ``-m 'not spark'``; CI installs pyspark and Java and runs them.
The texts are the report excerpts in ``tests/data/corpus`` when present, and the
sentences below, written for these tests.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark")
pa = pytest.importorskip("pyarrow")

from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql import types as T  # noqa: E402

import edumetrics  # noqa: E402
from edumetrics import spark as es  # noqa: E402
from edumetrics.records import Flag, Level, Mention, Qualifier, Role, Unit  # noqa: E402
from edumetrics.rules import Rule  # noqa: E402

pytestmark = pytest.mark.spark

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"

# Sentences written for these tests, in the style of county education reports.
SENTENCES = {
    "funding": "2023年全县教育总投入2860万元，比上年增加243万余元，生均公用经费625元/生/年。",
    "rates": "小学、初中入学率分别为99.07%、94.88%，高中毛入学率提高2.9个百分点。",
    "counts": "全县共有中小学46所，在校学生1844.37萬人，专任教师约3200名，培训教师1.2万人次。",
    "target": "力争到2025年学前三年毛入园率达到百分之八十五以上，新建校舍12000平方米。",
    "masked": "全年共投入资金xxxx.xx万元，完成率xx.x%。",
}
NO_MENTION = "一是加强党的建设，二是深化教育改革，推动两学一做常态化。"


def corpus_texts() -> dict[str, str]:
    if not CORPUS.is_dir():
        return {}
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}


# doc_id -> text; None stands for a SQL null text.
DOCUMENTS: dict[str, str | None] = {
    **corpus_texts(),
    **SENTENCES,
    "empty": "",
    "null": None,
    "no_mention": NO_MENTION,
}


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("edumetrics-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def expected_rows(documents: dict[str, str | None]) -> list[dict[str, Any]]:
    """What extract_df must return, computed with the core API."""
    rows = []
    for doc_id, text in documents.items():
        if text is None:
            continue
        for index, mention in enumerate(edumetrics.extract(text)):
            assert text[mention.start : mention.end] == mention.text
            rows.append(
                {
                    "doc_id": doc_id,
                    "mention_index": index,
                    **mention.to_record(),
                    "float_value": mention.float_value,
                }
            )
    return rows


def key(row: dict[str, Any]) -> tuple[str, int]:
    return (row["doc_id"], row["mention_index"])


# --- the schema ---------------------------------------------------------------------

# The Spark type of every Mention field, pinned: a new or changed field fails here until
# this table (and so the documented Spark schema) is updated on purpose.
SPARK_TYPES = {
    "start": ("bigint", False),
    "end": ("bigint", False),
    "text": ("string", False),
    "value": ("decimal(38,10)", True),
    "unit": ("string", False),
    "metric": ("string", False),
    "role": ("string", False),
    "level": ("string", True),
    "qualifier": ("string", False),
    "masked": ("boolean", False),
    "label": ("string", True),
    "unit_text": ("string", False),
    "per": ("string", True),
    "period": ("bigint", True),
    "period_source": ("string", True),
    "sentence_start": ("bigint", False),
    "sentence_end": ("bigint", False),
    "parent": ("bigint", True),
    "flags": ("array<string>", False),
}


def test_schema_has_every_model_field_in_order() -> None:
    assert es.mention_schema().fieldNames() == list(Mention.model_fields)


@pytest.mark.parametrize("name", list(Mention.model_fields))
def test_schema_field_type(name: str) -> None:
    field = es.mention_schema()[name]
    assert (field.dataType.simpleString(), field.nullable) == SPARK_TYPES[name]


def test_schema_nullable_exactly_where_the_model_allows_none() -> None:
    # Built by validation, not by hand: every field that accepts None is given None.
    nullable = {f.name for f in es.mention_schema().fields if f.nullable}
    accepts_none = set()
    base = {"start": 0, "end": 1, "text": "1", "value": Decimal(1), "unit": Unit.ITEM}
    for name in Mention.model_fields:
        try:
            Mention(**{**base, name: None})
        except ValueError:
            continue
        accepts_none.add(name)
    assert nullable == accepts_none


@pytest.mark.parametrize("annotation", [float, dict[str, int], int | str, list[int]])
def test_unmapped_field_type_is_refused(annotation: Any) -> None:
    with pytest.raises(TypeError, match="no Spark type"):
        es._spark_type(annotation)


# --- exact values --------------------------------------------------------------------

VALUES = [
    pytest.param(Decimal("28600000"), Decimal("28600000"), id="integer"),
    pytest.param(Decimal("99.07"), Decimal("99.07"), id="percent"),
    pytest.param(Decimal("2.86E+7"), Decimal("28600000"), id="exponent"),
    pytest.param(Decimal("-130600"), Decimal("-130600"), id="negative-change"),
    pytest.param(Decimal("9999999999999999.9999"), Decimal("9999999999999999.9999"), id="1e16"),
    pytest.param(Decimal("0.00000000005"), Decimal("0"), id="rounded-half-even"),
    pytest.param(Decimal("0.00000000015"), Decimal("0.0000000002"), id="rounded-up"),
    pytest.param(Decimal("9" * 28), Decimal("9" * 28), id="largest"),
    pytest.param(Decimal("1E+28"), None, id="too-large"),
    pytest.param(Decimal("NaN"), None, id="nan"),
    pytest.param(None, None, id="masked"),
]


@pytest.mark.parametrize(("value", "stored"), VALUES)
def test_exact_value(value: Decimal | None, stored: Decimal | None) -> None:
    assert es.exact_value(value) == stored


def test_stored_value_fits_the_column() -> None:
    values = [es.exact_value(p.values[0]) for p in VALUES]
    array = pa.array(values, pa.decimal128(es.VALUE_PRECISION, es.VALUE_SCALE))
    assert array.to_pylist() == values


# --- the worker function, without Spark ------------------------------------------------

RICH = Mention(
    start=2,
    end=9,
    text="99.07%",
    value=Decimal("99.07"),
    unit=Unit.PERCENT,
    metric="enrollment_rate",
    role=Role.TARGET,
    level=Level.PRIMARY,
    qualifier=Qualifier.AT_LEAST,
    label="入学率",
    unit_text="%",
    period=2023,
    sentence_start=0,
    sentence_end=12,
    parent=0,
    flags=(Flag.IMPLAUSIBLE_VALUE, Flag.MALFORMED_NUMBER),
)
MASKED = Mention(start=0, end=4, text="xx万元", value=None, unit=Unit.CNY, masked=True)


def fake_extract(text: str, rules: edumetrics.Rules | None) -> list[Mention]:
    assert rules == edumetrics.Rules()  # the rule set given to the batch function
    return {"rich": [MASKED, RICH], "masked": [MASKED]}.get(text, [])


def test_worker_converts_every_field(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every field value, enum, null and flag list survives the trip into Arrow."""
    monkeypatch.setattr(es, "_EXTRACT", fake_extract)
    monkeypatch.setattr(es, "_ROWS_PER_OUTPUT_BATCH", 2)
    spark_schema = es._output_schema(
        T.StructType(
            [T.StructField("doc_id", T.LongType()), T.StructField("text", T.StringType())]
        ),
        ("doc_id",),
    )
    from pyspark.sql.pandas.types import to_arrow_schema

    schema = to_arrow_schema(spark_schema)
    batch = pa.RecordBatch.from_pydict(
        {"doc_id": [1, 2, 3, 4, 5], "text": ["rich", None, "", "masked", "rich"]}
    )
    out = list(es._mention_batches([batch], "text", ("doc_id",), schema, edumetrics.Rules()))
    assert [b.num_rows for b in out] == [2, 3]  # cut between documents, once 2 are due
    rows = pa.Table.from_batches(out).to_pylist()
    expected = [
        {"doc_id": d, "mention_index": i, **m.to_record(), "float_value": m.float_value}
        for d, ms in [(1, [MASKED, RICH]), (4, [MASKED]), (5, [MASKED, RICH])]
        for i, m in enumerate(ms)
    ]
    assert rows == expected


def test_extractor_is_loaded_once_per_process() -> None:
    assert es._extractor() is es._extractor() is es._EXTRACT


TUITION_TEXT = "全年减免学费120万元。"
TUITION = edumetrics.Rules([Rule("tuition", ("学费",), (Unit.CNY,))])


def test_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(edumetrics.MissingExtraError, match=r"pip install 'edumetrics\[spark\]'"):
        es.mention_schema()


def test_id_column_named_like_a_mention_field_is_refused() -> None:
    df_schema = T.StructType([T.StructField("unit", T.StringType())])
    with pytest.raises(ValueError, match="clash"):
        es._output_schema(df_schema, ("unit",))


# --- on Spark --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def extracted(spark: SparkSession) -> tuple[T.StructType, list[dict[str, Any]]]:
    """One Spark job: extract_df over every test document, collected."""
    schema = T.StructType(
        [T.StructField("doc_id", T.StringType(), False), T.StructField("text", T.StringType())]
    )
    df = spark.createDataFrame(list(DOCUMENTS.items()), schema).repartition(2)
    out = es.extract_df(df)
    return out.schema, [row.asDict(recursive=True) for row in out.collect()]


def test_spark_equals_extract_row_for_row(
    extracted: tuple[T.StructType, list[dict[str, Any]]],
) -> None:
    _, rows = extracted
    actual, expected = sorted(rows, key=key), sorted(expected_rows(DOCUMENTS), key=key)
    assert [key(r) for r in actual] == [key(r) for r in expected]
    differences = [
        (key(a), {k: (a[k], e[k]) for k in e if a.get(k) != e[k]})
        for a, e in zip(actual, expected, strict=True)
        if a != e
    ]
    assert differences == []


@pytest.mark.parametrize("doc_id", ["empty", "null", "no_mention"])
def test_documents_without_mentions_give_no_rows(
    extracted: tuple[T.StructType, list[dict[str, Any]]], doc_id: str
) -> None:
    _, rows = extracted
    assert [r for r in rows if r["doc_id"] == doc_id] == []
    assert edumetrics.extract(DOCUMENTS[doc_id] or "") == []


def test_output_schema(extracted: tuple[T.StructType, list[dict[str, Any]]]) -> None:
    schema, _ = extracted
    assert schema.fieldNames() == [
        "doc_id",
        "mention_index",
        *Mention.model_fields,
        "float_value",
    ]
    assert schema["doc_id"] == T.StructField("doc_id", T.StringType(), False)
    assert schema["mention_index"] == T.StructField("mention_index", T.LongType(), False)
    assert T.StructType(schema.fields[2:-1]) == es.mention_schema()


def test_the_rule_set_passed_reaches_the_executors(spark: SparkSession) -> None:
    df = spark.createDataFrame(
        [("a", TUITION_TEXT), ("b", TUITION_TEXT)], "doc_id string, text string"
    ).repartition(2)
    rows = es.extract_df(df, rules=TUITION).select("text", "metric").collect()
    assert [tuple(r) for r in rows] == [("120万元", "tuition")] * 2
    rows = es.extract_df(df).select("text", "metric").collect()
    assert [tuple(r) for r in rows] == [("120万元", "funding")] * 2


def test_registered_metrics_reach_the_executors_the_deprecated_way(spark: SparkSession) -> None:
    df = spark.createDataFrame([("t", TUITION_TEXT)], "doc_id string, text string")
    with pytest.warns(DeprecationWarning, match="deprecated"):
        edumetrics.register_metric("tuition", ["学费"], units=[Unit.CNY])
    try:
        rows = es.extract_df(df).select("text", "metric").collect()
        expected = [(m.text, m.metric) for m in edumetrics.extract(TUITION_TEXT)]
    finally:
        with pytest.warns(DeprecationWarning, match="deprecated"):
            edumetrics.unregister_metric("tuition")
    assert [tuple(r) for r in rows] == expected == [("120万元", "tuition")]


def test_text_column_must_be_a_string(spark: SparkSession) -> None:
    df = spark.createDataFrame([(1, b"x")], "doc_id long, text binary")
    with pytest.raises(TypeError, match="must be a string"):
        es.extract_df(df)


def test_missing_column_is_named(spark: SparkSession) -> None:
    df = spark.createDataFrame([(1, "x")], "id long, body string")
    with pytest.raises(ValueError, match=r"\['text', 'doc_id'\]"):
        es.extract_df(df)


# The lake: file name -> bytes. a.txt is UTF-8, b.TXT GB18030 in a subfolder, the .docx is
# damaged, the .jpg is not a report and is not read at all.
FILES = {
    "a.txt": SENTENCES["funding"].encode("utf-8"),
    "sub/b.TXT": SENTENCES["counts"].encode("gb18030"),
    "c.html": f"<html><body><p>{SENTENCES['rates']}</p></body></html>".encode(),
    "broken.docx": b"not a zip archive",
    "skipped.jpg": b"\xff\xd8\xff",
}


@pytest.fixture(scope="module")
def lake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of reports: the FILES table, and ``d.docx`` made with python-docx."""
    docx = pytest.importorskip("docx")
    root = tmp_path_factory.mktemp("lake")
    for name, content in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    document = docx.Document()
    document.add_paragraph(SENTENCES["target"])
    document.save(root / "d.docx")
    return root


READABLE = ["a.txt", "sub/b.TXT", "c.html", "d.docx"]


def test_read_documents_df(spark: SparkSession, lake: Path) -> None:
    from edumetrics.readers import read_document

    rows = {r.doc_id: r.asDict() for r in es.read_documents_df(spark, str(lake)).collect()}
    assert sorted(rows) == ["a.txt", "b.TXT", "broken.docx", "c.html", "d.docx"]
    for name in READABLE:
        row = rows[Path(name).name]
        assert (row["text"], row["error"]) == (read_document(lake / name).text, None)
        assert row["path"].endswith(name)
    broken = rows["broken.docx"]
    assert broken["text"] is None
    assert broken["error"].startswith(f"DocumentError: {broken['path']}: ")


def test_example_job_writes_parquet_by_metric(
    spark: SparkSession, lake: Path, tmp_path: Path
) -> None:
    spec = importlib.util.spec_from_file_location("spark_job", ROOT / "examples" / "spark_job.py")
    assert spec is not None
    assert spec.loader is not None
    job = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(job)
    out = tmp_path / "mentions"
    job.run(spark, str(lake), str(out))
    from edumetrics.readers import read_document

    texts = [read_document(lake / name).text for name in READABLE]
    expected = [m for text in texts for m in edumetrics.extract(text)]
    partitions = {p.name for p in out.iterdir() if p.is_dir()}
    assert partitions == {f"metric={m.metric}" for m in expected}
    if expected:  # Spark cannot infer the schema of an empty folder
        assert spark.read.parquet(str(out)).count() == len(expected)


# --- executors without edumetrics --------------------------------------------------------

# Executors whose Python cannot import edumetrics: the same interpreter, with edumetrics
# hidden by a sitecustomize that refuses to import it.
BLOCK_EDUMETRICS = """
import sys

class _Hide:
    def find_spec(self, name, path=None, target=None):
        if name == "edumetrics" or name.startswith("edumetrics."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, _Hide())
"""


def test_executors_without_edumetrics_say_what_to_do(
    spark: SparkSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hide = tmp_path / "hide"
    hide.mkdir()
    (hide / "sitecustomize.py").write_text(BLOCK_EDUMETRICS, encoding="utf-8")
    python = tmp_path / "python"
    python.write_text(
        f'#!/bin/sh\nPYTHONPATH="{hide}${{PYTHONPATH:+:$PYTHONPATH}}" exec {sys.executable} "$@"\n',
        encoding="utf-8",
    )
    python.chmod(0o755)
    # what PYSPARK_PYTHON sets when a Spark application starts: the executors' Python
    monkeypatch.setattr(spark.sparkContext, "pythonExec", str(python))
    monkeypatch.setattr(es, "_CHECKED_APPS", set())
    df = spark.createDataFrame([("a", "新建小学3所。")], "doc_id string, text string")
    with pytest.raises(edumetrics.errors.SparkSetupError) as info:
        es.extract_df(df)
    assert str(info.value).startswith(
        f"the Spark executors' Python ({sys.executable}) cannot import edumetrics: "
        "point PYSPARK_PYTHON at a Python that has edumetrics[spark]"
    )
    assert "--archives" in str(info.value)
    assert (info.value.found, info.value.expected) == (None, edumetrics.__version__)
    with pytest.raises(edumetrics.errors.SparkSetupError):
        es.read_documents_df(spark, str(tmp_path))


def test_executors_are_checked_once_per_application(spark: SparkSession) -> None:
    es._check_executors(spark)
    assert spark.sparkContext.applicationId in es._CHECKED_APPS
