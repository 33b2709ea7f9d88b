"""The span check every test of extraction uses: each record's span, read in the input.

A record's ``text`` is cut from the document at its span, so comparing ``text[start:end]``
with ``m.text`` alone cannot fail. This check also reads the span's piece of the input
(through the extractor's normaliser, which folds 萬 to 万 and full-width digits) against
what the record says it found there, fields the extractor set from its working copy:
the piece must start with the figure (a numeral, a sign, a mask or 百分之) and end with
the unit as read (``unit_text``, then ``per``); a unit read from a header before the
figure (收入(万元):1,256.32, a table's header row) must stand before it, and a bare
number must be the record's value but for the unit's multiplier (万: 10^4). Spans must be
in bounds, ordered and non-overlapping, each inside its sentence. ``tests/test_extract.py``
shows the check failing on deliberately broken records.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from decimal import Decimal

from edumetrics import Mention
from edumetrics._normalize import normalize

# what a figure starts with, after normalising: a sign, a qualifier inside the span
# (近, 约 …), a numeral character, a mask character
_FIGURE_START = re.compile(
    r"(?:[-−+]|负)?(?:[近约逾超]|百分之)?"
    r"[0-9.零〇○一二两三四五六七八九十百千万亿壹贰叁参肆伍陆柒捌玖拾佰仟xX×*]"
)
# the 角 and 分 after a yuan amount, or 整 closing it (叁元伍角捌分, 壹佰圆整): the unit
# read is the yuan's
_SMALL_CHANGE = re.compile(r"(?:零?[0-9一二两三四五六七八九壹贰叁参肆伍陆柒捌玖]+[角分])*[整正]?$")
_HEADER_REACH = 1000  # a header's unit (a table's header row) stands this close before
_BARE_NUMBER = re.compile(r"[0-9,]+(?:\.[0-9]+)?")
_MULTIPLIERS = {Decimal(10) ** k for k in (0, 3, 4, 7, 8)}  # 千 万 千万 亿


def span_errors(text: str, found: Sequence[Mention]) -> list[str]:
    """What is wrong with the spans of ``found`` in the input ``text`` (empty if nothing)."""
    errors = []
    for m in found:
        where = f"{m.start}:{m.end} {m.text!r}"
        if not 0 <= m.start < m.end <= len(text):
            errors.append(f"{where}: out of bounds")
            continue
        piece = text[m.start : m.end]
        if piece != m.text:
            errors.append(f"{where}: the input holds {piece!r} there")
        read = normalize(piece).text
        if not _FIGURE_START.match(read):
            errors.append(f"{where}: {piece!r} does not start with a figure")
        unit = m.unit_text + (m.per or "")
        if m.unit_text in ("元", "圆") and not m.per:
            read = _SMALL_CHANGE.sub("", read, count=1)
        if not (read.endswith(unit) or read.startswith(unit)):
            before = normalize(text[max(0, m.start - _HEADER_REACH) : m.start]).text
            if unit in read or m.unit_text not in before:
                errors.append(f"{where}: {piece!r} does not end with its unit {unit!r}")
        if _BARE_NUMBER.fullmatch(read) and m.value is not None:
            number = Decimal(read.replace(",", ""))
            value = abs(m.value)  # (a change is signed by its cue: 下降0.42)
            reads = value / number in _MULTIPLIERS if number else not value
            if not reads:
                errors.append(f"{where}: {piece!r} does not read as {m.value}")
        if not m.sentence_start <= m.start < m.end <= m.sentence_end and m.sentence_end:
            errors.append(f"{where}: outside its sentence {m.sentence_start}:{m.sentence_end}")
    for a, b in itertools.pairwise(found):
        if b.start < a.end:
            errors.append(f"{a.start}:{a.end} {a.text!r} overlaps or follows {b.text!r}")
    return errors
