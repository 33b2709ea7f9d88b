"""Tables of mentions for pandas, pyarrow and polars: one row per mention.

Each function takes one :class:`~edumetrics.batch.Extraction` or any iterable of them
(for example ``extract_many(paths)``). The columns, in order:

=================  ==========================================================================
``doc``            the document's name (a file's base name)
``start``, ``end`` span into the document's text; ``text`` is exactly ``text[start:end]``
``value``          float64, for plotting and arithmetic (NaN/null when masked)
``value_exact``    the exact decimal value as a string (``"28600000"``, ``"99.07"``)
``unit`` ...       ``unit``, ``metric``, ``role``, ``level``, ``qualifier``, ``masked``
``label`` ...      ``label``, ``unit_text``, ``per``, ``period``
``sentence``       the sentence the figure stands in, as written
``sentence_start`` ``sentence_start``, ``sentence_end``, ``parent``, ``flags`` (list of str)
=================  ==========================================================================

Documents that could not be read give no rows. Each exporter needs its extra
(``pandas``, ``arrow``, ``polars``); without it a
:class:`~edumetrics.errors.MissingExtraError` names the install command.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from edumetrics.errors import MissingExtraError

if TYPE_CHECKING:
    from edumetrics.batch import Extraction

__all__ = [
    "COLUMNS",
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
    ("sentence", "str"),
    ("sentence_start", "int"),
    ("sentence_end", "int"),
    ("parent", "int?"),
    ("flags", "list[str]"),
)
"""Column names and kinds (``?`` marks a column that may hold nulls)."""


def exact_decimal(value: Decimal | None) -> str | None:
    """A decimal written out in full, never in exponent form.

    >>> exact_decimal(Decimal("2.86E+7")), exact_decimal(Decimal("99.07")), exact_decimal(None)
    ('28600000', '99.07', None)
    """
    return None if value is None else format(value, "f")


def columns(results: Extraction | Iterable[Extraction]) -> dict[str, list[Any]]:
    """The table as plain Python lists, one per column of :data:`COLUMNS`.

    >>> from edumetrics.batch import Extraction
    >>> columns(Extraction("a.txt", "", ()))["doc"]
    []
    """
    from edumetrics.batch import Extraction

    out: dict[str, list[Any]] = {name: [] for name, _ in COLUMNS}
    for result in [results] if isinstance(results, Extraction) else results:
        for m in result.mentions:
            row = m.to_record(result.doc)
            row["value"] = m.float_value
            row["value_exact"] = exact_decimal(m.value)
            row["sentence"] = result.sentence(m)
            for name, values in out.items():
                values.append(row[name])
    return out


def to_pandas(results: Extraction | Iterable[Extraction]) -> Any:
    """A ``pandas.DataFrame`` with one row per mention (extra ``pandas``).

    Integer columns that may be empty (``period``, ``parent``) use pandas' nullable
    ``Int64``; ``value`` is float64 with NaN for masked figures.
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingExtraError("pandas", "to_pandas()") from exc
    cols = columns(results)
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


def to_arrow(results: Extraction | Iterable[Extraction]) -> Any:
    """A ``pyarrow.Table`` with one row per mention (extra ``arrow``)."""
    try:
        import pyarrow as pa
    except ImportError as exc:
        raise MissingExtraError("arrow", "to_arrow()") from exc
    return pa.table(columns(results), schema=_arrow_schema(pa))


def to_polars(results: Extraction | Iterable[Extraction]) -> Any:
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
    return pl.DataFrame(columns(results), schema={name: types[kind] for name, kind in COLUMNS})
