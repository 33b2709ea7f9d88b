"""Stage 5, links: which figures are one list, and which are parts of a total.

Decides: the lists (:class:`Group`: figures written one after another with 、和及与或, or one
range) and each part's total (``parent``: the last figure of the same unit before 其中,
in the same sentence or the one a 其中-sentence breaks down), and the flag of parts
that add up to more than their total.
From: the candidates' positions and units, and the joiners between them; no attribute is
decided here. The attribute stages read these links to carry their attribute (the
``*_in_lists`` and ``*_of_parts`` functions).
"""

from __future__ import annotations

from typing import Final

from edumetrics import _patterns as P
from edumetrics._candidates import Candidate, Group
from edumetrics._context import REACH, Context, last_match
from edumetrics._vocab import (
    LIST_JOINERS,
    PARTS_CUE,
)
from edumetrics.records import Flag, Role, Unit

# The ids this module reads and writes, as plain str constants (why: ``_candidates.py``).
_CHANGE: Final = Role.CHANGE.value
_PERCENT: Final = Unit.PERCENT.value
_PERCENTAGE_POINT: Final = Unit.PERCENTAGE_POINT.value

GROUP_REACH = 8  # lists a later list may take its levels from


def list_groups(cands: list[Candidate], ctx: Context) -> list[Group]:
    """The lists of two or more figures, in document order."""
    text = ctx.text
    runs: list[list[Candidate]] = []
    for c in cands:
        if runs and listed(text, runs[-1][-1], c):
            runs[-1].append(c)
            continue
        runs.append([c])
    out = []
    for members in runs:
        if len(members) > 1:
            first = members[0]
            label_start = max(ctx.label_start(first.start), first.start - REACH)
            out.append(Group(members, text[label_start : first.start]))
    return out


def listed(text: str, a: Candidate, b: Candidate) -> bool:
    """Whether ``b`` follows ``a`` as the next item of one list (5所、8所 or 5、8所)."""
    if a.group == b.group:
        return True
    between = text[a.end : b.start]
    return 0 < len(between) <= 2 and all(ch in LIST_JOINERS for ch in between)


def listed_rates(g: Group) -> list[str]:
    """The rates the label of a list of percentages lists in order (小学入学率和初中巩固率
    -> both items), read once per list: the metric and the level stages both ask, after
    the units are settled (``_metric.elided_points``)."""
    if g.rates is None:
        g.rates = _enumerated_rates(g.left) if g.members[0].unit in _RATE_UNITS else []
    return g.rates


_RATE_UNITS = frozenset({_PERCENT, _PERCENTAGE_POINT})


def _enumerated_rates(left: str) -> list[str]:
    found = last_match(P.RATE_LIST, left)
    if found is None:
        return []
    return [w for w in P.RATE_ITEM_SEP.split(found[0]) if w]


def link_parts(cands: list[Candidate], ctx: Context) -> None:
    """其中: a figure after it is a part of the last figure before it in the same unit, in
    its sentence, or in the sentence before when its own opens with 其中 (现有在校学生47478
    人。其中:学前8234人…), unless that one is a change."""
    text = ctx.text
    for i, c in enumerate(cands):
        lo = max(c.sent[0], c.start - REACH)
        k = text.rfind(PARTS_CUE, lo, c.start)
        if k < 0 or ctx.in_aside(lo, k, c.start):  # 其中 in a parenthesis before it
            continue
        first = c.sent[0]
        opening = P.PART_OPENING.match(text, first) if first else None
        if opening is not None and opening.end() == k + len(PARTS_CUE):
            first = ctx.sentence(first - 1)[0]
        for j in range(i - 1, max(-1, i - 1 - GROUP_REACH * 4), -1):
            t = cands[j]
            if t.sent[0] < first:
                break
            if t.end <= k and t.unit == c.unit and t.role != _CHANGE:
                c.parent = j
                c.part_at = k + len(PARTS_CUE)
                break


def flag_parts_exceeding(cands: list[Candidate]) -> None:
    """Flag a total whose parts, all read, add up to more than it."""
    totals: dict[int, list[Candidate]] = {}
    for c in cands:
        if c.parent is not None:
            totals.setdefault(c.parent, []).append(c)
    for j, parts in totals.items():
        total = cands[j]
        values = [p.value for p in parts if p.value is not None]
        if total.value is not None and len(values) == len(parts) and sum(values) > total.value:
            total.flags.append(Flag.PARTS_EXCEED_TOTAL)
