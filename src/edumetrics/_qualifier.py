"""Stage 4a, qualifier: exact, approximate, at least or at most.

Decides: ``qualifier``, from the words right before the number (约, 近, 超过, 不少于 …:
``QUALIFIERS_BEFORE``), an adverb of degree (至少, 最多), or the words right after it
(左右, 以上, 余 …: ``QUALIFIERS_AFTER``); a qualifier written inside the numeral (243万余元)
was read by the candidates stage.
Carries: the qualifier after the last figure of a list of bare figures bounds each of
them (分别降至1%、3%以下).
"""

from __future__ import annotations

from typing import Final

from edumetrics import _patterns as P
from edumetrics._candidates import Candidate
from edumetrics._context import Window, qualifier_before
from edumetrics._links import listed
from edumetrics._vocab import (
    ADVERB_QUALIFIERS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
)
from edumetrics.records import Qualifier

# The ids this module reads and writes, as plain str constants (why: ``_candidates.py``).
_EXACT: Final = Qualifier.EXACT.value

# the first characters of the adverbs (至少, 最多): a cheap test before the pattern's
_ADVERB_STARTS = tuple(sorted({w[0] for w in ADVERB_QUALIFIERS}))


def read_qualifier(c: Candidate, w: Window) -> None:
    """The qualifier written around the figure, unless one was written inside it."""
    if c.qualifier != _EXACT:
        return
    left = w.left
    before = qualifier_before(left)  # anchored at the end
    if before:
        word = before if before in QUALIFIERS_BEFORE else before[:-1]
        c.qualifier = QUALIFIERS_BEFORE[word]
        return
    adverb = P.ADVERB_QUALIFIER.match(left) if any(w in left for w in _ADVERB_STARTS) else None
    if adverb:
        c.qualifier = QUALIFIERS_BEFORE[adverb["word"]]
        return
    after = P.QUALIFIER_AFTER.match(w.right)
    if after:
        c.qualifier = QUALIFIERS_AFTER[after[0]]


def share_qualifiers(cands: list[Candidate], text: str) -> None:
    """分别降至1%、3%以下, 分别为30%、40%左右: a qualifier after the last figure of a list of
    bare figures (see listed) bounds each of them; not a zero (降至0、1%…: nothing is
    below none)."""
    run: list[Candidate] = []
    for c in [*cands, None]:
        prev = run[-1] if run else None
        if c and prev and c.unit == prev.unit and listed(text, prev, c):
            run.append(c)
            continue
        last = prev if len(run) > 1 else None
        if last and last.qualifier != _EXACT and P.QUALIFIER_AFTER.match(text, last.end):
            for item in run[:-1]:
                if item.qualifier == _EXACT and item.value:
                    item.qualifier = last.qualifier
        run = [] if c is None else [c]
