"""Tables of mentions for pandas, pyarrow and polars: one row per mention.

Each function takes what the other functions return: the list of
:class:`~edumetrics.records.Mention`\\ s of :func:`~edumetrics.extract`, one
:class:`~edumetrics.batch.Extraction` (:func:`~edumetrics.extract_document`), or any
iterable of them (``extract_many(paths)``). Anything else raises a :class:`TypeError`
that says what to pass. The columns, in order:

=================  ==========================================================================
``doc``            the document's name (a file's base name; ``<text>`` for bare mentions)
``start``, ``end`` span into the document's text; ``text`` is exactly ``text[start:end]``
``value``          float64, for plotting and arithmetic (NaN/null when masked)
``value_exact``    the exact decimal value as a string (``"28600000"``, ``"99.07"``)
``unit`` ...       ``unit``, ``metric``, ``role``, ``level``, ``qualifier``, ``masked``
``label`` ...      ``label``, ``unit_text``, ``per``, ``period``
``sentence``       the sentence the figure stands in, as written (null for bare mentions,
                   which do not carry their text)
``sentence_start`` ``sentence_start``, ``sentence_end``, ``parent``, ``flags`` (list of str)
=================  ==========================================================================

Documents that could not be read give no rows. Each exporter needs its extra
(``pandas``, ``arrow``, ``polars``); without it a
:class:`~edumetrics.errors.MissingExtraError` names the install command.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Union

from edumetrics.errors import MissingExtraError
from edumetrics.records import Mention

if TYPE_CHECKING:
    from edumetrics.batch import Extraction

__all__ = [
    "COLUMNS",
    "Results",
    "arrow_schema",
    "columns",
    "exact_decimal",
    "to_arrow",
    "to_pandas",
    "to_polars",
]

COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc", "str"),
    ("start", "int"),
    ("end", "int"),
    ("text", "str"),
    ("value", "float"),
    ("value_exact", "str?"),
    ("unit", "str"),
    ("metric", "str"),
    ("role", "str"),
    ("level", "str?"),
    ("qualifier", "str"),
    ("masked", "bool"),
    ("label", "str?"),
    ("unit_text", "str"),
    ("per", "str?"),
    ("period", "int?"),
    ("period_source", "str?"),
    ("sentence", "str?"),
    ("sentence_start", "int"),
    ("sentence_end", "int"),
    ("parent", "int?"),
    ("flags", "list[str]"),
)
"""Column names and kinds (``?`` marks a column that may hold nulls)."""

Results = Union[Sequence[Mention], "Extraction", Iterable["Extraction"]]
"""What a table is made from: ``extract()``'s list of Mentions, one Extraction, or an
iterable of Extractions."""

_WHAT_TO_PASS = (
    "a list of Mentions (from extract()), an Extraction (from extract_document()) "
    "or an iterable of Extractions (from extract_many())"
)


def exact_decimal(value: Decimal | None) -> str | None:
    """A decimal written out in full, never in exponent form.

    >>> exact_decimal(Decimal("2.86E+7")), exact_decimal(Decimal("99.07")), exact_decimal(None)
    ('28600000', '99.07', None)
    """
    return None if value is None else format(value, "f")


def columns(results: Results, caller: str = "columns()") -> dict[str, list[Any]]:
    """The table as plain Python lists, one per column of :data:`COLUMNS`.

    >>> from edumetrics import extract
    >>> columns(extract("新建小学3所。"))["text"]
    ['3所']
    >>> columns("新建小学3所。")
    Traceback (most recent call last):
    ...
    TypeError: columns() takes a list of Mentions (from extract()), ... not str (...)
    """
    out: dict[str, list[Any]] = {name: [] for name, _ in COLUMNS}
    for doc, text, mentions in _documents(results, caller):
        for m in mentions:
            row = m.to_record(doc)
            row["value"] = m.float_value
            row["value_exact"] = exact_decimal(m.value)
            row["sentence"] = None if text is None else text[m.sentence_start : m.sentence_end]
            for name, values in out.items():
                values.append(row[name])
    return out


def _documents(
    results: object, caller: str
) -> Iterator[tuple[str, str | None, Sequence[Mention]]]:
    """``(doc, text, mentions)`` for each document of ``results`` (text None when the
    mentions came bare), checking every item's type."""
    from edumetrics.batch import Extraction

    if isinstance(results, Extraction):
        yield results.doc, results.text, results.mentions
        return
    if isinstance(results, (str, bytes, Mention)) or not isinstance(results, Iterable):
        raise TypeError(_type_error(caller, results))
    bare: list[Mention] = []
    for i, item in enumerate(results):
        if isinstance(item, Extraction) and not bare:
            yield item.doc, item.text, item.mentions
        elif isinstance(item, Mention) and i == len(bare):
            bare.append(item)
        else:
            raise TypeError(_type_error(caller, item, i))
    if bare:
        yield "<text>", None, bare


def _type_error(caller: str, obj: object, index: int | None = None) -> str:
    from edumetrics.batch import Extraction

    kind = type(obj).__name__
    if index is not None:
        if isinstance(obj, (Mention, Extraction)):
            return f"{caller} takes {_WHAT_TO_PASS}, not a mix of Mentions and Extractions"
        return f"{caller} takes {_WHAT_TO_PASS}; item {index} is {kind}"
    hint = ""
    if isinstance(obj, Mention):
        hint = " (put a single Mention in a list)"
    elif isinstance(obj, (str, os.PathLike)):
        hint = " (extract the text or file first: edumetrics.extract_document(...))"
    return f"{caller} takes {_WHAT_TO_PASS}, not {kind}{hint}"


def to_pandas(results: Results) -> Any:
    """A ``pandas.DataFrame`` with one row per mention (extra ``pandas``).

    Integer columns that may be empty (``period``, ``parent``) use pandas' nullable
    ``Int64``; ``value`` is float64 with NaN for masked figures.
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingExtraError("pandas", "to_pandas()") from exc
    cols = columns(results, "to_pandas()")
    dtypes = {"int": "int64", "int?": "Int64", "float": "float64", "bool": "bool"}
    data = {
        name: pd.Series(cols[name], dtype=dtypes.get(kind, "object"), name=name)
        for name, kind in COLUMNS
    }
    return pd.DataFrame(data)


def _arrow_schema(pa: Any) -> Any:
    types = {
        "str": pa.string(),
        "str?": pa.string(),
        "int": pa.int64(),
        "int?": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "list[str]": pa.list_(pa.string()),
    }
    return pa.schema(
        [
            pa.field(name, types[kind], nullable=kind.endswith("?") or kind == "float")
            for name, kind in COLUMNS
        ]
    )


def arrow_schema() -> Any:
    """The ``pyarrow.Schema`` of :func:`to_arrow` tables (extra ``arrow``)."""
    try:
        import pyarrow as pa
    except ImportError as exc:
        raise MissingExtraError("arrow", "to_arrow()") from exc
    return _arrow_schema(pa)


def to_arrow(results: Results) -> Any:
    """A ``pyarrow.Table`` with one row per mention (extra ``arrow``)."""
    try:
        import pyarrow as pa
    except ImportError as exc:
        raise MissingExtraError("arrow", "to_arrow()") from exc
    return pa.table(columns(results, "to_arrow()"), schema=_arrow_schema(pa))


def to_polars(results: Results) -> Any:
    """A ``polars.DataFrame`` with one row per mention (extra ``polars``)."""
    try:
        import polars as pl
    except ImportError as exc:
        raise MissingExtraError("polars", "to_polars()") from exc
    types: dict[str, Any] = {
        "str": pl.String,
        "str?": pl.String,
        "int": pl.Int64,
        "int?": pl.Int64,
        "float": pl.Float64,
        "bool": pl.Boolean,
        "list[str]": pl.List(pl.String),
    }
    schema = {name: types[kind] for name, kind in COLUMNS}
    return pl.DataFrame(columns(results, "to_polars()"), schema=schema)
