"""Rows and records: the row type the engine fills in, the records made of rows, and the
rows' wire form.

A :class:`Row` is a mention as plain values, as the engine (``_engine.py``) found it;
``extract`` turns rows into records here, without re-validation: this is what
``model_construct`` does once it has matched names and defaults, at a fraction of its
cost (a report has hundreds of records, each built from values the engine has already
checked). ``tests/test_records.py`` checks that such a record validates to itself.
``extract_many``'s workers send their rows in the wire form of :func:`to_wire` and the
parent builds the records with :func:`from_wire`. A wheel compiles this module with the
engine (``hatch_build.py``): a row is then a native object, built and read by field at
the speed of a tuple.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Final, final

from edumetrics.records import (
    ALL_FIELDS,
    FLAG_BY_ID,
    LEVEL_BY_ID,
    PERIOD_SOURCE_BY_ID,
    QUALIFIER_BY_ID,
    ROLE_BY_ID,
    UNIT_BY_ID,
    Mention,
)

__all__ = ["Row", "WireRow", "from_wire", "mentions", "to_wire"]


@final
class Row:
    """A mention as plain values: the fields of ``Mention`` but ``text`` (a record's text
    is its document's ``[start:end]``), in its order but ``period_source`` last, enum
    members as their ids, spans into the raw text. Frozen: every field is ``Final``."""

    __slots__ = (
        "end", "flags", "label", "level", "masked", "metric", "parent", "per", "period",
        "period_source", "qualifier", "role", "sentence_end", "sentence_start", "start",
        "unit", "unit_text", "value",
    )  # fmt: skip

    def __init__(
        self,
        start: int,
        end: int,
        value: Decimal | None,
        unit: str,
        metric: str,
        role: str,
        level: str | None,
        qualifier: str,
        masked: bool,
        label: str | None,
        unit_text: str,
        per: str | None,
        period: int | None,
        sentence_start: int,
        sentence_end: int,
        parent: int | None,
        flags: tuple[str, ...],
        period_source: str | None,
    ) -> None:
        self.start: Final = start
        self.end: Final = end
        self.value: Final = value
        self.unit: Final = unit
        self.metric: Final = metric
        self.role: Final = role
        self.level: Final = level
        self.qualifier: Final = qualifier
        self.masked: Final = masked
        self.label: Final = label
        self.unit_text: Final = unit_text
        self.per: Final = per
        self.period: Final = period
        self.sentence_start: Final = sentence_start
        self.sentence_end: Final = sentence_end
        self.parent: Final = parent
        self.flags: Final = flags
        self.period_source: Final = period_source

    def with_level(self, level: str | None) -> Row:
        """This row, its level being ``level``."""
        return Row(
            self.start, self.end, self.value, self.unit, self.metric, self.role, level,
            self.qualifier, self.masked, self.label, self.unit_text, self.per, self.period,
            self.sentence_start, self.sentence_end, self.parent, self.flags, self.period_source,
        )  # fmt: skip

    def moved(self, at: int, first: int) -> Row:
        """This row of a part that starts at ``at`` of a longer text whose rows before it
        are ``first``, as a row of the longer text."""
        parent = None if self.parent is None else self.parent + first
        return Row(
            self.start + at, self.end + at, self.value, self.unit, self.metric, self.role,
            self.level, self.qualifier, self.masked, self.label, self.unit_text, self.per,
            self.period, self.sentence_start + at, self.sentence_end + at, parent, self.flags,
            self.period_source,
        )  # fmt: skip

    def with_parent(self, parent: int | None) -> Row:
        """This row, the total it is a part of being ``parent``."""
        return Row(
            self.start, self.end, self.value, self.unit, self.metric, self.role, self.level,
            self.qualifier, self.masked, self.label, self.unit_text, self.per, self.period,
            self.sentence_start, self.sentence_end, parent, self.flags, self.period_source,
        )  # fmt: skip


WireRow = tuple[
    int, int, str | None, str, str, str, str | None, str, bool, str | None, str, str | None,
    int | None, int, int, int | None, tuple[str, ...], str | None,
]  # fmt: skip
"""A row as ``extract_many``'s workers send it: a plain tuple of the row's fields in
order, the value as its string. Pickling a Decimal goes through its ``__reduce__`` (a
class lookup, an argument tuple, a call at the other end), a str is copied as bytes, and
``Decimal(str)`` gives the same coefficient and exponent back; with the text left out
(the parent slices it from the document) the workers pickle their rows in half the time
records would take, and the parent's share (unpickling and building) stays small."""


def mentions(rows: Iterable[Row], document: str, at: int = 0, first: int = 0) -> list[Mention]:
    """The records of ``rows`` found in ``document``, in order. For a part of a longer
    text: ``at``, where the part starts in it, and ``first``, how many records the text
    has before the part (spans and ``parent`` are the longer text's)."""
    return [_record(row, document, at, first) for row in rows]


def to_wire(rows: Iterable[Row]) -> list[WireRow]:
    """``rows`` in the form a worker process sends them (see :data:`WireRow`)."""
    return [_wire(r) for r in rows]


def from_wire(wire: Iterable[WireRow], document: str) -> list[Mention]:
    """The records of rows sent in the form of :func:`to_wire`, found in ``document``."""
    return [_record(_unwire(w), document, 0, 0) for w in wire]


def _wire(r: Row) -> WireRow:
    value = None if r.value is None else str(r.value)
    return (
        r.start, r.end, value, r.unit, r.metric, r.role, r.level, r.qualifier, r.masked,
        r.label, r.unit_text, r.per, r.period, r.sentence_start, r.sentence_end, r.parent,
        r.flags, r.period_source,
    )  # fmt: skip


def _unwire(w: WireRow) -> Row:
    value = None if w[2] is None else Decimal(w[2])
    return Row(
        w[0], w[1], value, w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10], w[11], w[12],
        w[13], w[14], w[15], w[16], w[17],
    )  # fmt: skip


_new = Mention.__new__
_set = object.__setattr__


def _shared_keys() -> dict[str, object]:
    """An empty record's fields, as the dict a record's are copied from: a dict of a
    class's instance shares its keys with the others (PEP 412), and so do its copies; a
    record's fields then take 280 bytes instead of 464 (a dense report holds one record
    every 17 characters)."""
    m = _new(Mention)
    for name in Mention.model_fields:
        _set(m, name, None)
    fields: dict[str, object] = m.__dict__
    return fields


_FIELDS = _shared_keys()


def _record(row: Row, document: str, at: int, first: int) -> Mention:
    """The record of ``row``, its text cut from ``document``, which starts at ``at`` of
    the text whose records before it are ``first``."""
    m = _new(Mention)
    level, flags, source, parent = row.level, row.flags, row.period_source, row.parent
    d = _FIELDS.copy()  # (the fields in the order of Mention.model_fields)
    d["start"] = row.start + at
    d["end"] = row.end + at
    d["text"] = document[row.start : row.end]
    d["value"] = row.value
    d["unit"] = UNIT_BY_ID[row.unit]
    d["metric"] = row.metric
    d["role"] = ROLE_BY_ID[row.role]
    d["level"] = None if level is None else LEVEL_BY_ID[level]
    d["qualifier"] = QUALIFIER_BY_ID[row.qualifier]
    d["masked"] = row.masked
    d["label"] = row.label
    d["unit_text"] = row.unit_text
    d["per"] = row.per
    d["period"] = row.period
    d["period_source"] = None if source is None else PERIOD_SOURCE_BY_ID[source]
    d["sentence_start"] = row.sentence_start + at
    d["sentence_end"] = row.sentence_end + at
    d["parent"] = None if parent is None else parent + first
    d["flags"] = tuple([FLAG_BY_ID[f] for f in flags]) if flags else ()
    _set(m, "__dict__", d)
    _set(m, "__pydantic_fields_set__", ALL_FIELDS)
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m
