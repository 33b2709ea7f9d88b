"""From many reports to one panel: place × period × metric, each figure with its source.

:func:`to_panel` turns extractions (``extract_many(paths)``) into a tidy
``pandas.DataFrame``, one row per (document, place, period, metric, level, role) and
value, every row pointing back at the figure it came from. How place and period are
decided is told in ``docs/panel.md``; in short:

- **place**: the place the figure's own clause names (``西藏自治区(39.67%)``, ``其中,农村
  为…``, ``市一中``), else the place its line opens with (``广东广州:``), else its
  document's (:class:`~edumetrics._metadata.DocumentInfo`); ``place_source`` says which
  (``sentence``, ``line``, ``document``), and is null when no place is known.
- **period**: the record's own (``Mention.period``): the year the figure's sentence
  states, else its section heading's, else its document's; ``period_source`` says which
  (``stated``, ``section``, ``document``).

A key that holds two different values in one document keeps both rows, each with
``conflict`` set: the panel never picks one silently. The same value said twice under
one key is one row, ``occurrences`` counting how often it was said (the provenance
columns point at the first).

The columns, in order:

=====================  ====================================================================
``doc``, ``path``      the document's name and its path as given (null for a text)
``title`` … ``kind``   ``title``, ``issuer``, ``kind``: what the document says about itself
``place`` …            ``place``, ``place_source``, ``place_masked`` (``xx县``)
``period`` …           ``period`` (a year), ``period_source``
``metric`` …           ``metric``, ``level``, ``role``: the rest of the key
``value``              float64, for plotting (NaN when masked); ``value_exact`` the exact
                       decimal as a string
``unit`` …             ``unit``, ``qualifier``, ``masked``
``conflict``           the key has another value in the same document
``occurrences``        how many figures of the document said this value under this key
``label`` …            provenance: ``label``, ``text``, ``start``, ``end`` (span into the
                       document's text), ``sentence``
=====================  ====================================================================

``wide=True`` gives one row per (document, place, period, role) and one column per
metric and level (``gross_enrollment_rate:preschool``; the metric alone when no level);
a cell whose key conflicts is left empty and named in the ``conflicts`` column.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from edumetrics._metadata import DocumentInfo, _read, mention_place
from edumetrics._normalize import _fold
from edumetrics.errors import MissingExtraError
from edumetrics.records import Role
from edumetrics.tables import exact_decimal

if TYPE_CHECKING:
    from edumetrics.batch import Extraction

__all__ = ["PANEL_COLUMNS", "panel_rows", "to_panel"]


PANEL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc", "str"),
    ("path", "str?"),
    ("title", "str?"),
    ("issuer", "str?"),
    ("kind", "str?"),
    ("place", "str?"),
    ("place_source", "str?"),
    ("place_masked", "bool"),
    ("period", "int?"),
    ("period_source", "str?"),
    ("metric", "str"),
    ("level", "str?"),
    ("role", "str"),
    ("value", "float"),
    ("value_exact", "str?"),
    ("unit", "str"),
    ("qualifier", "str"),
    ("masked", "bool"),
    ("conflict", "bool"),
    ("occurrences", "int"),
    ("label", "str?"),
    ("text", "str"),
    ("start", "int"),
    ("end", "int"),
    ("sentence", "str"),
)
"""Column names and kinds of the tidy panel (``?`` marks a column that may hold nulls)."""

KEY: tuple[str, ...] = ("doc", "place", "period", "metric", "level", "role")
"""The columns that name what a value is of."""

_WIDE_INDEX = ("doc", "path", "place", "period", "role")


def _document_rows(result: Extraction, actual_only: bool) -> list[dict[str, Any]]:
    text = result.text
    folded = _fold(text)
    info: DocumentInfo = _read(text, folded)
    path = result.document.path if result.document is not None else None
    rows: list[dict[str, Any]] = []
    by_value: dict[tuple[Any, ...], dict[str, Any]] = {}
    values_of_key: dict[tuple[Any, ...], set[tuple[str, str]]] = {}
    for m in result.mentions:
        if actual_only and m.role is not Role.ACTUAL:
            continue
        narrowed = mention_place(text, folded, m)
        if narrowed is not None:
            place, place_masked, place_source = narrowed
        elif info.place is not None:
            place, place_masked, place_source = info.place, info.place_masked, "document"
        else:
            place, place_masked, place_source = None, False, None
        period_source = None if m.period_source is None else m.period_source.value
        level = None if m.level is None else m.level.value
        key = (result.doc, place, m.period, m.metric, level, m.role.value)
        exact = exact_decimal(m.value)
        same = by_value.get((*key, m.unit.value, exact))
        if same is not None:
            same["occurrences"] += 1
            continue
        row: dict[str, Any] = {
            "doc": result.doc,
            "path": path,
            "title": info.title,
            "issuer": info.issuer,
            "kind": info.kind,
            "place": place,
            "place_source": place_source,
            "place_masked": place_masked,
            "period": m.period,
            "period_source": period_source,
            "metric": m.metric,
            "level": level,
            "role": m.role.value,
            "value": m.float_value,
            "value_exact": exact,
            "unit": m.unit.value,
            "qualifier": m.qualifier.value,
            "masked": m.masked,
            "conflict": False,
            "occurrences": 1,
            "label": m.label,
            "text": m.text,
            "start": m.start,
            "end": m.end,
            "sentence": result.sentence(m),
        }
        by_value[(*key, m.unit.value, exact)] = row
        rows.append(row)
        if exact is not None:
            values_of_key.setdefault(key, set()).add((m.unit.value, exact))
    for row in rows:
        key = tuple(row[k] for k in KEY)
        row["conflict"] = row["value_exact"] is not None and len(values_of_key[key]) > 1
    return rows


def panel_rows(
    results: Extraction | Iterable[Extraction], actual_only: bool = False
) -> list[dict[str, Any]]:
    """The tidy panel as plain dicts, one per row of :data:`PANEL_COLUMNS`, in document
    order then text order (documents that could not be read give none)."""
    from edumetrics.batch import Extraction

    rows: list[dict[str, Any]] = []
    for result in [results] if isinstance(results, Extraction) else results:
        if result.ok:
            rows.extend(_document_rows(result, actual_only))
    return rows


def to_panel(
    results: Extraction | Iterable[Extraction],
    *,
    actual_only: bool = False,
    wide: bool = False,
) -> Any:
    """A ``pandas.DataFrame`` panel of the figures of many documents (extra ``pandas``).

    ``results`` is one :class:`~edumetrics.batch.Extraction` or any iterable of them
    (``extract_many(paths)``). ``actual_only`` keeps reported figures only (no targets,
    no changes); ``wide`` pivots to one column per metric and level (see the module).

    >>> import edumetrics
    >>> report = "紫阳县2021年教育基本情况\\n全县小学入学率100%,其中农村小学入学率99.8%。"
    >>> panel = edumetrics.to_panel(edumetrics.extract_many([report]))
    >>> panel[["place", "place_source", "period", "metric", "level", "value"]]
        place place_source  period           metric    level  value
    0  紫阳县     document    2021  enrollment_rate  primary  100.0
    1   农村     sentence    2021  enrollment_rate  primary   99.8
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingExtraError("pandas", "to_panel()") from exc
    rows = panel_rows(results, actual_only)
    if wide:
        return _wide(pd, rows)
    dtypes = {"int": "int64", "int?": "Int64", "float": "float64", "bool": "bool"}
    data = {
        name: pd.Series([r[name] for r in rows], dtype=dtypes.get(kind, "object"), name=name)
        for name, kind in PANEL_COLUMNS
    }
    return pd.DataFrame(data)


def _wide(pd: Any, rows: list[dict[str, Any]]) -> Any:
    """One row per (document, place, period, role), one column per metric and level."""
    cells: dict[tuple[Any, ...], dict[str, float | None]] = {}
    conflicts: dict[tuple[Any, ...], list[str]] = {}
    columns: dict[str, None] = {}
    for row in rows:
        index = tuple(row[k] for k in _WIDE_INDEX)
        column = row["metric"] if row["level"] is None else f"{row['metric']}:{row['level']}"
        columns.setdefault(column, None)
        cell = cells.setdefault(index, {})
        if row["conflict"]:
            if column not in conflicts.setdefault(index, []):
                conflicts[index].append(column)
            cell[column] = None
        elif column not in cell or (cell[column] is None and not row["masked"]):
            cell[column] = row["value"]
    names = sorted(columns)
    records = [
        {
            **dict(zip(_WIDE_INDEX, index, strict=True)),
            **{name: cell.get(name) for name in names},
            "conflicts": ";".join(conflicts.get(index, [])),
        }
        for index, cell in cells.items()
    ]
    frame = pd.DataFrame.from_records(records, columns=[*_WIDE_INDEX, *names, "conflicts"])
    frame["period"] = frame["period"].astype("Int64")
    for name in names:
        frame[name] = frame[name].astype("float64")
    return frame
