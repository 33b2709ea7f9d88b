"""edumetrics.tables: one row per mention for pandas, pyarrow and polars.

The rows are made from hand-built Mentions, so these tests do not depend on the extractor.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from edumetrics import (
    Extraction,
    MissingExtraError,
    extract,
    extract_document,
    extract_many,
    to_arrow,
    to_pandas,
    to_polars,
)
from edumetrics.errors import DocumentError
from edumetrics.records import Flag, Level, Mention, Role, Unit
from edumetrics.tables import COLUMNS, columns

TEXT = "全年投资2860万元，比上年增长6.3%。小学入学率xx.xx%。"
FUNDING = Mention(
    start=4,
    end=10,
    text="2860万元",
    value=Decimal("2.86E+7"),
    unit=Unit.CNY,
    metric="funding",
    label="投资",
    unit_text="万元",
    sentence_start=0,
    sentence_end=21,
    period=2023,
)
GROWTH = Mention(
    start=16,
    end=20,
    text="6.3%",
    value=Decimal("6.3"),
    unit=Unit.PERCENT,
    metric="growth_rate",
    role=Role.CHANGE,
    unit_text="%",
    sentence_start=0,
    sentence_end=21,
    parent=0,
    flags=(Flag.IMPLAUSIBLE_VALUE, Flag.MALFORMED_NUMBER),
)
MASKED = Mention(
    start=26,
    end=32,
    text="xx.xx%",
    value=None,
    unit=Unit.PERCENT,
    metric="enrollment_rate",
    level=Level.PRIMARY,
    masked=True,
    unit_text="%",
    sentence_start=21,
    sentence_end=33,
)
REPORT = Extraction("report.txt", TEXT, (FUNDING, GROWTH, MASKED))
FAILED = Extraction("bad.txt", "", error=DocumentError("bad.txt", "no such file"))
NAMES = [name for name, _ in COLUMNS]


def test_hand_made_spans_are_exact() -> None:
    assert all(TEXT[m.start : m.end] == m.text for m in REPORT.mentions)


def test_columns_are_plain_lists_in_order() -> None:
    cols = columns([REPORT, FAILED, Extraction("other.txt", "入学率99%", ())])
    assert list(cols) == NAMES
    assert cols["doc"] == ["report.txt"] * 3
    assert cols["value"] == [28600000.0, 6.3, None]
    assert cols["value_exact"] == ["28600000", "6.3", None]
    assert cols["sentence"] == [TEXT[:21], TEXT[:21], "小学入学率xx.xx%。"]
    assert cols["flags"] == [[], ["implausible_value", "malformed_number"], []]
    assert cols["level"] == [None, None, "primary"]


def test_pandas() -> None:
    df = to_pandas(REPORT)
    assert list(df.columns) == NAMES
    assert {c: str(df[c].dtype) for c in ("start", "value", "masked", "period", "parent")} == {
        "start": "int64",
        "value": "float64",
        "masked": "bool",
        "period": "Int64",
        "parent": "Int64",
    }
    assert df["value"].iloc[0] == 28600000.0
    assert math.isnan(df["value"].iloc[2])
    assert Decimal(df["value_exact"].iloc[1]) == Decimal("6.3")
    assert df["metric"].tolist() == ["funding", "growth_rate", "enrollment_rate"]
    assert df["sentence"].iloc[2] == "小学入学率xx.xx%。"


def test_arrow() -> None:
    import pyarrow as pa

    table = to_arrow([REPORT, FAILED])
    assert table.column_names == NAMES
    assert table.schema.field("value").type == pa.float64()
    assert table.schema.field("flags").type == pa.list_(pa.string())
    assert table.column("value").to_pylist() == [28600000.0, 6.3, None]
    assert table.column("parent").to_pylist() == [None, 0, None]


def test_polars() -> None:
    import polars as pl

    df = to_polars(REPORT)
    assert df.columns == NAMES
    assert (df.schema["value"], df.schema["period"]) == (pl.Float64, pl.Int64)
    assert df["value_exact"].to_list() == ["28600000", "6.3", None]
    assert df["flags"].to_list()[1] == ["implausible_value", "malformed_number"]


EXPORTERS: list[tuple[Callable[[Any], Any], Callable[[Any], int]]] = [
    (to_pandas, len),
    (to_arrow, lambda t: t.num_rows),
    (to_polars, lambda t: t.height),
]


@pytest.mark.parametrize(("export", "rows"), EXPORTERS, ids=["pandas", "arrow", "polars"])
def test_no_mentions_keep_all_columns(
    export: Callable[[Any], Any], rows: Callable[[Any], int]
) -> None:
    table = export([FAILED])
    assert rows(table) == 0
    assert list(getattr(table, "column_names", None) or table.columns) == NAMES


@pytest.mark.parametrize(("export", "rows"), EXPORTERS, ids=["pandas", "arrow", "polars"])
def test_methods_and_functions_agree(
    export: Callable[[Any], Any], rows: Callable[[Any], int]
) -> None:
    method = getattr(REPORT, export.__name__)
    assert rows(method()) == rows(export(REPORT)) == 3


def test_many_real_documents() -> None:
    corpus = sorted((Path(__file__).parent / "data" / "corpus").glob("*.txt"))
    results = [extract_document(p) for p in corpus]
    df = to_pandas(results)
    assert len(df) == sum(len(r.mentions) for r in results)
    assert set(df["doc"]) <= {p.name for p in corpus}
    by_doc = {r.doc: r.text for r in results}
    spans = zip(df.doc, df.start, df.end, df.text, strict=True)
    assert all(by_doc[d][s:e] == t for d, s, e, t in spans)


MISSING = [
    (to_pandas, "pandas", "pandas"),
    (to_arrow, "pyarrow", "arrow"),
    (to_polars, "polars", "polars"),
]


@pytest.mark.parametrize(("export", "module", "extra"), MISSING, ids=[m[2] for m in MISSING])
def test_missing_extra_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch, export: Callable[[Any], Any], module: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MissingExtraError, match=rf"pip install 'edumetrics\[{extra}\]'") as info:
        export(REPORT)
    assert info.value.extra == extra


# --- what a table is made from ---------------------------------------------------------


@pytest.mark.parametrize(("export", "rows"), EXPORTERS, ids=["pandas", "arrow", "polars"])
def test_extract_result_makes_a_table(
    export: Callable[[Any], Any], rows: Callable[[Any], int]
) -> None:
    mentions = extract("全市小学入学率为99.07%。投资4551万元。")
    table = export(mentions)
    assert rows(table) == 2
    cols = columns(mentions)
    assert cols["doc"] == ["<text>", "<text>"]
    assert cols["text"] == ["99.07%", "4551万元"]
    assert cols["sentence"] == [None, None]  # bare mentions do not carry their text


def test_iterables_of_results_make_one_table() -> None:
    texts = ["新建小学3所。", "投资4551万元。"]
    assert columns(extract_many(texts))["text"] == ["3所", "4551万元"]
    assert columns(iter([REPORT]))["doc"] == ["report.txt"] * 3
    assert columns([])["doc"] == []


NOT_TABLES = [
    ("新建小学3所。", r"not str \(extract the text or file first"),
    (Path("report.txt"), r"not PosixPath \(extract the text or file first"),
    (FUNDING, r"not Mention \(put a single Mention in a list\)"),
    (42, r"not int$"),
    ([REPORT, FUNDING], r"not a mix of Mentions and Extractions"),
    ([FUNDING, REPORT], r"not a mix of Mentions and Extractions"),
    ([FUNDING, "3所"], r"item 1 is str"),
]


@pytest.mark.parametrize(("export", "rows"), EXPORTERS, ids=["pandas", "arrow", "polars"])
@pytest.mark.parametrize(("bad", "message"), NOT_TABLES, ids=[repr(b)[:30] for b, _ in NOT_TABLES])
def test_anything_else_says_what_to_pass(
    export: Callable[[Any], Any], rows: Callable[[Any], int], bad: object, message: str
) -> None:
    with pytest.raises(TypeError, match=message) as info:
        export(bad)
    assert str(info.value).startswith(f"{export.__name__}() takes a list of Mentions")
