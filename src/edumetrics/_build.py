"""Records from rows (``records.Row``), without re-validation.

This is what ``model_construct`` does once it has matched names and defaults, at a
fraction of its cost: a report has hundreds of records, the extractor builds each from
values it has already checked, and ``extract_many``'s parent builds every record its
workers found. ``tests/test_records.py`` checks that such a record validates to itself.
Kept apart from ``records.py`` (the models) so that a wheel can compile it with the
extractor's engine (see ``hatch_build.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

from edumetrics.records import (
    ALL_FIELDS,
    FLAG_BY_ID,
    LEVEL_BY_ID,
    QUALIFIER_BY_ID,
    ROLE_BY_ID,
    UNIT_BY_ID,
    Mention,
    Row,
)

__all__ = ["mention", "mentions"]

_new = Mention.__new__
_set = object.__setattr__


def mention(row: Row) -> Mention:
    """The record of one row."""
    (start, end, text, value, unit, metric, role, level, qualifier, masked, label,
     unit_text, per, period, sentence_start, sentence_end, parent, flags) = row  # fmt: skip
    m = _new(Mention)
    _set(m, "__dict__", {
        "start": start, "end": end, "text": text, "value": value,
        "unit": UNIT_BY_ID[unit], "metric": metric, "role": ROLE_BY_ID[role],
        "level": None if level is None else LEVEL_BY_ID[level],
        "qualifier": QUALIFIER_BY_ID[qualifier], "masked": masked, "label": label,
        "unit_text": unit_text, "per": per, "period": period,
        "sentence_start": sentence_start, "sentence_end": sentence_end, "parent": parent,
        "flags": tuple([FLAG_BY_ID[f] for f in flags]) if flags else (),
    })  # fmt: skip
    _set(m, "__pydantic_fields_set__", ALL_FIELDS)
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m


def mentions(rows: Iterable[Row]) -> list[Mention]:
    """The records of ``rows``, in order."""
    return [mention(row) for row in rows]
