"""The extractor: every quantity mention of a report, what it measures, and where it is.

>>> for m in extract("全市义务教育阶段小学、初中入学率为99.07%、94.88%。"):
...     print(m.text, m.value, m.unit.value, m.metric, m.level.value)
99.07% 99.07 percent enrollment_rate primary
94.88% 94.88 percent enrollment_rate junior_secondary

The work is done in ``_engine.py`` (how, its docstring says); this module is the public
face: it checks the argument and builds the records. It stays plain Python in every
build, so a wrong argument gets the same error whether the engine is compiled or not.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager

from edumetrics import _build, _engine, _parts
from edumetrics._build import Row
from edumetrics.records import Mention
from edumetrics.rules import Rules, _resolve

__all__ = ["extract"]

# A text longer than this is read in parts (``_parts.py``): the same records, at the cost
# per character of a short text.
_IN_PARTS = 4 * _parts.PART

# A text this long is read with the cyclic garbage collector paused (see _collector_paused).
_PAUSED = _parts.PART


@contextmanager
def _collector_paused(text: str) -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a long ``text`` is read, and restore
    it after (on an error too); a short text, or a collector the caller has disabled, is
    left alone.

    Why: reading a long text makes tens of thousands of objects (figures, windows,
    records) that live to the end of the call and hold no reference cycles, so every
    collection the allocations trigger traverses them for nothing. Measured on a dense
    report (compiled): they cost about 7% of a 190,000-character call, and made the time
    per character grow 1.32x from 100 KB to 10 MB instead of 1.13x. Whatever cyclic
    garbage another thread makes meanwhile is collected once the call returns.
    """
    if len(text) < _PAUSED or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def extract(text: str, rules: Rules | None = None) -> list[Mention]:
    """Every quantity mention in ``text``, in document order.

    ``rules`` is the set of metric rules to read with (:class:`~edumetrics.Rules`); by
    default the built-in set (and any rule of the deprecated ``register_metric``).
    Raises :class:`TypeError` for anything but a ``str`` (or a ``rules`` that is not a
    Rules); never raises for a ``str``. Every record satisfies
    ``text[m.start:m.end] == m.text``. A long text is read a part at a time (the same
    records): the extractor's working state stays that of a short text, and what the call
    holds is mostly its records, about 0.9 KB each. While it reads a text of 65,536
    characters or more, Python's cyclic garbage collector is paused (none of what it
    makes holds a reference cycle); the collector is left as it was found.
    """
    if not isinstance(text, str):  # (the check of _extract_rows, without its call)
        raise TypeError(_type_error_message(text))
    rule_set = _resolve(rules)
    with _collector_paused(text):
        if len(text) <= _IN_PARTS:
            return _build.mentions(_engine.rows(text, rule_set), text)
        parts = _parts.mentions(_parts.split(text, _parts.PART), text, rule_set)
        return [m for _, records in parts for m in records]


def _extract_rows(text: str, rules: Rules | None) -> list[Row]:
    """What :func:`extract` returns, as rows (``_build.Row``)."""
    if not isinstance(text, str):
        raise TypeError(_type_error_message(text))
    rule_set = _resolve(rules)
    with _collector_paused(text):
        if len(text) <= _IN_PARTS:
            return _engine.rows(text, rule_set)
        parts = _parts.rows(_parts.split(text, _parts.PART), text, rule_set)
        return [row.moved(at, first) for at, first, _, found in parts for row in found]


def _type_error_message(obj: object) -> str:
    kind = type(obj).__name__
    if isinstance(obj, (bytes, bytearray, memoryview)):
        return (
            f"extract() takes the text as str, not {kind}: decode it first "
            "(e.g. data.decode('utf-8')) or read files with edumetrics.read_document()"
        )
    if isinstance(obj, os.PathLike):
        return (
            f"extract() takes the text as str, not {kind}: to read a file, use "
            "edumetrics.read_document(path).text, or edumetrics.extract_document(path)"
        )
    return f"extract() takes the text as str, not {kind}"
