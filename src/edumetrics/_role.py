"""Stage 4b, role: an actual figure, a target, or a change (and the sign of a change).

Decides: ``role`` and ``standard``, and negates ``value`` for a change downwards.
From, in order: a change cue governing the figure (比上年增长, 减少, 提高…个百分点:
``CHANGE_CUES``); a target cue in its clause or in the clause around its parenthesis
(力争, 计划, 目标: ``TARGET_CUES``) unless what follows it was done; a standard (按…标准);
else where it stands (:func:`looks_forward`): a goal section, a plan or budget, a year
after the document's own.
Carries (called by ``_engine.rows`` in this order): a sentence's goal to its later
figures (:func:`carry_targets`), a list's first member's role to the others
(:func:`roles_in_lists`), a planned total's role to its parts (:func:`roles_of_parts`).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from edumetrics import _patterns as P
from edumetrics._candidates import Candidate, Group
from edumetrics._context import Context, Window, last_match
from edumetrics._document import Layout
from edumetrics._vocab import (
    ADJACENT_CHANGE_CUES,
    BOUND_CUES,
    CHANGE_CUES,
    CHANGE_NOUNS,
    COMPARED_ONLY_CUES,
    FASTEST_CHANGES,
    NEGATION,
    STANDARD_CUES,
    STANDARD_WORD,
)
from edumetrics.records import Role, Unit

# The ids this module reads and writes, as plain str constants (why: ``_candidates.py``).
_ACTUAL: Final = Role.ACTUAL.value
_CHANGE: Final = Role.CHANGE.value
_TARGET: Final = Role.TARGET.value
_PERCENT: Final = Unit.PERCENT.value
_PERCENTAGE_POINT: Final = Unit.PERCENTAGE_POINT.value


def looks_forward(c: Candidate, left: str, layout: Layout) -> bool:
    """Whether a figure with no cue of its own is a goal for where it stands: in a
    section announcing goals (三、下一步工作打算), unless something was done; in a plan or
    a budget, unless marked as realised (现有, 已, 比上年的) or stated for a year before
    the document's own; in any document, when stated for a year after it (到2025年)."""
    if layout.in_plan(c.start):
        return not P.ACTUAL_MARKER.search(left)
    later = ahead(c.period, layout)
    if later is not None:
        return later
    return layout.forward and not P.REALISED.search(left)


def ahead(period: int | None, layout: Layout) -> bool | None:
    """Whether a year stated for a figure lies after its document's own (None: neither
    after nor before, or no year to compare)."""
    if period is None or layout.year is None or period == layout.year:
        return None
    return period > layout.year


def read_role(c: Candidate, w: Window, layout: Layout) -> None:
    """The role the figure's own words give it, else where it stands (see
    :func:`looks_forward`)."""
    left, right = w.left, w.right
    sign = _change_sign(left, c.unit == _PERCENTAGE_POINT)
    if sign is None and c.unit == _PERCENT and (fastest := last_match(P.FASTEST_CHANGE, left)):
        sign = FASTEST_CHANGES[fastest[0]]  # 增长最快的是犍为县(30.70%)
    if sign is not None or P.INCREMENT_AFTER.search(right):
        c.role = _CHANGE
        if sign is not None and sign < 0 and c.value is not None:
            c.value = -c.value
        return
    for scope in (left, w.governing):
        m = _last_target(scope)
        # 计划投资的300万元 / 绩效目标完成情况:实际资助…: what follows the cue was done
        if (
            m is not None
            and P.DONE_AFTER_GOAL.search(scope, m.end()) is None
            and P.DONE_BEFORE.match(scope[: m.start()]) is None  # 已按计划新建…
        ):
            c.role = _TARGET
            # 补助标准为每生每年2000元: a standard, unless a goal was stated before it
            c.standard = m[0] in STANDARD_CUES and all(
                t[0] in STANDARD_CUES for t in P.TARGET.finditer(scope, 0, m.start())
            )
            return
    if STANDARD_WORD in right and P.STANDARD_AFTER.match(right):  # 按每生每年1000元标准
        c.role = _TARGET
        c.standard = True
    elif looks_forward(c, left, layout):
        c.role = _TARGET


def _last_target(scope: str) -> re.Match[str] | None:
    """The last target cue of ``scope`` that is not part of the noun of a rate of what was
    done against a plan (计划完成率 names no goal; 确保计划完成率达到95% does)."""
    last = last_match(P.TARGET, scope)
    if last is None or not P.PLAN_RATE.match(scope, last.start()):
        return last
    for m in reversed(list(P.TARGET.finditer(scope, 0, last.start()))):
        if not P.PLAN_RATE.match(scope, m.start()):
            return m
    return None


def _change_sign(left: str, points: bool) -> int | None:
    """Sign of a change cue that governs the number right after ``left``, if any
    (``points``: the number is in percentage points, always a difference)."""
    tail = left[-8:]
    m = last_match(P.CHANGE, tail)
    if m is None:
        return None
    word = m[0]
    at = len(left) - len(tail) + m.start()
    if at and left[at - 1] == NEGATION:  # 不低于650元, 不少于: a floor, not a change
        return None
    if (len(word) == 1 or word in COMPARED_ONLY_CUES) and not P.COMPARISON.search(left):
        return None
    # the cue must govern this number: only function words may stand between them
    between = tail[m.end() :]
    if word in BOUND_CUES and not (between or points or P.COMPARISON.search(left)):
        return None  # 辍学率低于0.5%: a bound (see QUALIFIERS_BEFORE), not a change
    if (len(between) > 4 or P.FUND_NOUN.search(between)) and not P.COMPARISON.search(left):
        return None  # 能力提升补助资金1462万元: the cue is part of the fund's name
    return _CHANGE_SIGNS[word]


_CHANGE_SIGNS = {**CHANGE_CUES, **ADJACENT_CHANGE_CUES, **CHANGE_NOUNS}


def carry_targets(cands: list[Candidate], ctx: Context) -> None:
    """A goal stated for a sentence covers its later figures (力争…达到95%以上,…达到97%)
    unless a later clause reports something done (已, 完成, 现有, 其中 …); a standard
    covers only its own figure, and the other end of its range."""
    for prev, c in pairwise(cands):
        if c.standard and prev.group == c.group and prev.role == _ACTUAL:
            prev.role = _TARGET  # 按每人每月300～800元标准: the range is the standard
        if prev.role != _TARGET or c.role != _ACTUAL or prev.sent != c.sent:
            continue
        if prev.standard and prev.group != c.group:
            continue  # a standard sets its own figure (…标准为2000元,共补助学生4260人)
        if not P.ACTUAL_MARKER.search(ctx.text, prev.end, c.start):
            c.role = _TARGET


def roles_in_lists(groups: list[Group]) -> None:
    """Every member of a list in the first member's unit shares its role: a change (and
    its sign: 分别减少3所、5所) or a target."""
    for g in groups:
        first = g.members[0]
        negative = first.value is not None and first.value < 0
        for c in g.members[1:]:
            if c.unit != first.unit:
                continue
            if first.role == _CHANGE and c.role != _CHANGE:
                c.role = _CHANGE
                if c.value is not None and negative:
                    c.value = -c.value
            elif first.role == _TARGET:
                c.role = _TARGET


def roles_of_parts(cands: list[Candidate], ctx: Context) -> None:
    """A part (其中) of a planned total is planned too (计划招生4200人,其中…), unless its
    clause reports it done (计划招聘100名,其中已到岗60名)."""
    for c in cands:
        if c.parent is None:
            continue
        total = cands[c.parent]
        if (
            total.role == _TARGET
            and c.role == _ACTUAL
            and not P.ACTUAL_MARKER.search(ctx.text, c.part_at, c.start)
        ):
            c.role = _TARGET


def cell_role(period: int | None, layout: Layout) -> str:
    """The role of a table's cell: a target when its column's year lies after the
    document's own, or, with no year of its own, in a plan or budget."""
    later = ahead(period, layout)
    return _TARGET if later or (later is None and layout.forward) else _ACTUAL
