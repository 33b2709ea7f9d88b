"""Records from rows (``records.Row``), without re-validation; and the rows' wire form.

This is what ``model_construct`` does once it has matched names and defaults, at a
fraction of its cost: a report has hundreds of records, the extractor builds each from
values it has already checked, and ``extract_many``'s parent builds every record its
workers found. ``tests/test_records.py`` checks that such a record validates to itself.
Kept apart from ``records.py`` (the models) so that a wheel can compile it with the
extractor's engine (see ``hatch_build.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from edumetrics.records import (
    ALL_FIELDS,
    FLAG_BY_ID,
    LEVEL_BY_ID,
    PERIOD_SOURCE_BY_ID,
    QUALIFIER_BY_ID,
    ROLE_BY_ID,
    UNIT_BY_ID,
    Mention,
    Row,
)

__all__ = ["from_wire", "mention", "mentions"]

_new = Mention.__new__
_set = object.__setattr__


def mention(row: Row, document: str) -> Mention:
    """The record of one row found in ``document``."""
    return _record(row, document, row[2])


def mentions(rows: Iterable[Row], document: str) -> list[Mention]:
    """The records of ``rows`` found in ``document``, in order."""
    return [_record(row, document, row[2]) for row in rows]


def from_wire(rows: Iterable[Row], document: str) -> list[Mention]:
    """The records of rows in the form ``extract_many``'s workers send them.

    That form (``_engine.rows(text, wire=True)``) has the value as its string: pickling a
    Decimal goes through its ``__reduce__`` (a class lookup, an argument tuple, a call at
    the other end), a str is copied as bytes, and ``Decimal(str)`` gives the same
    coefficient and exponent back. With the text left out of every row (the parent
    slices it from the document), the workers pickle their rows in half the time; the
    parent's share (unpickling and building) stays what it was.
    """
    return [
        _record(row, document, None if row[2] is None else Decimal(row[2])) for row in rows
    ]


def _record(row: Row, document: str, value: Decimal | None) -> Mention:
    """The record of ``row`` (its value given as a Decimal), its text cut from ``document``."""
    (start, end, _, unit, metric, role, level, qualifier, masked, label, unit_text, per,
     period, sentence_start, sentence_end, parent, flags, period_source) = row  # fmt: skip
    m = _new(Mention)
    _set(m, "__dict__", {
        "start": start, "end": end, "text": document[start:end], "value": value,
        "unit": UNIT_BY_ID[unit], "metric": metric, "role": ROLE_BY_ID[role],
        "level": None if level is None else LEVEL_BY_ID[level],
        "qualifier": QUALIFIER_BY_ID[qualifier], "masked": masked, "label": label,
        "unit_text": unit_text, "per": per, "period": period,
        "period_source": None if period_source is None else PERIOD_SOURCE_BY_ID[period_source],
        "sentence_start": sentence_start, "sentence_end": sentence_end, "parent": parent,
        "flags": tuple([FLAG_BY_ID[f] for f in flags]) if flags else (),
    })  # fmt: skip
    _set(m, "__pydantic_fields_set__", ALL_FIELDS)
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m
