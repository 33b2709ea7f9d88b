"""Stage 1, candidates: where the figures of a working copy are.

Decides: each figure's span (number through unit), its unit as written and its canonical
unit id, its numeral as written, the multiplier and inner qualifier written with it, the
list or range it is written in (``group``), and what is not a figure at all (ordinals,
numbers in names and titles, the article 一, page furniture).
From: one pass of :data:`edumetrics._patterns.QUANTITY` over the working copy (:func:`scan`),
and the few characters around each figure.

:class:`Candidate` is the one mutable object of the engine: each later stage fills in the
fields it owns, and only those (see ``_engine.py`` for who owns what).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Final, final

from edumetrics import _patterns as P
from edumetrics._vocab import (
    ARTICLE_FOLLOWERS,
    ARTICLE_MEASURES,
    ARTICLE_ONE,
    HEADER_MULTIPLIERS,
    HEADING_MARK,
    INNER_QUALIFIERS,
    LINE_START_AFTER,
    MINUS_AFTER,
    MINUS_SIGNS,
    NAME_QUOTES,
    NUMERAL_BIG_UNITS,
    ORDINAL_PREFIX,
    PERCENT_WORDS,
    TENTHS_WORD,
    TITLE_MARKS,
    UNIT_SURFACES,
    WORD_BEFORE_YI,
)
from edumetrics.records import Flag, Metric, Qualifier, Role, Unit

# The ids this module reads and writes, as plain str constants: on Python 3.11 each read
# of an enum's member (Role.TARGET) goes through EnumType.__getattr__, a cost the hot path
# would pay per figure, and the rows keep plain values (they pickle fast to and from
# worker processes; a record's metric is a str, a user's id or a built-in one).
_OTHER: Final = Metric.OTHER.value
_AT_LEAST: Final = Qualifier.AT_LEAST.value
_AT_MOST: Final = Qualifier.AT_MOST.value
_EXACT: Final = Qualifier.EXACT.value
_ACTUAL: Final = Role.ACTUAL.value
_PERCENT: Final = Unit.PERCENT.value
_PERSON: Final = Unit.PERSON.value

_OPEN_QUOTES = NAME_QUOTES
_ORDINAL_OR_QUOTE = ORDINAL_PREFIX + NAME_QUOTES  # 第3名; “五项管理” and other names
_OPEN_TITLE, _CLOSE_TITLE = TITLE_MARKS


class Candidate:
    """A candidate mention on the working copy, filled in step by step.

    A plain class rather than a dataclass: the compiled build constructs it natively (a
    dataclass's generated ``__init__`` stays interpreted, and cost a dense report 4% of its
    time), one per figure."""

    __slots__ = (
        "bare", "cents", "end", "flags", "from_header", "group", "head_len", "label", "level",
        "level_by_head", "level_from_list", "level_known", "listed", "masked", "metric",
        "negative", "num", "parent", "part_at", "per", "period", "period_source", "qualifier",
        "rate_elided", "role", "sent", "standard", "start", "unit", "unit_text", "value",
    )  # fmt: skip

    def __init__(  # (the fields every candidate is found with; the rest are read later)
        self, start: int, end: int, num: str, unit: str, unit_text: str, per: str | None,
        group: int,
    ) -> None:  # fmt: skip
        self.start = start  # working offsets, number through unit
        self.end = end
        self.num = num  # numeral as written (with multiplier, without inner qualifier)
        self.unit = unit  # canonical unit id
        self.unit_text = unit_text
        self.per = per
        self.group = group  # candidates written as one list or range share a group id
        self.negative: bool = False  # written with a minus sign (增长-3.5%)
        self.cents: str = ""  # the 角/分 (or 整) after 元/圆, as written: 5角 of 12元5角
        self.value: Decimal | None = None
        self.masked: bool = False
        self.flags: list[Flag] = []
        self.qualifier: str = _EXACT
        self.metric: str = _OTHER
        self.role: str = _ACTUAL
        self.level: str | None = None
        self.level_from_list: bool = False
        self.level_known: bool = False  # the figure's own words name its level
        self.rate_elided: bool = False  # a percent whose label names no rate
        self.bare: bool = False  # its label names nothing of its own
        self.listed: bool = False  # its label is a conjunction after the figure before it (…和3名)
        self.level_by_head: bool = False  # the noun after its unit names its level (3所幼儿园)
        self.standard: bool = False  # a target because it is a standard (补助标准为每生每年2000元)
        # its unit is named by a header before it (收入(万元):1,256.32)
        self.from_header: bool = False
        self.label: str | None = None
        self.head_len: int = 0  # characters of the noun after the unit (110所幼儿园)
        self.period: int | None = None
        self.period_source: str | None = None  # stated, section or document
        self.sent: tuple[int, int] = (0, 0)
        self.parent: int | None = None  # the index of the total it is a part of (其中)
        self.part_at: int = 0  # where the words of a part start (after its 其中)


@final
class Group:
    """Figures written as one list or range (5所、8所; 入学率、巩固率分别为99%、95%), and the
    label before its first member, which the list's members share."""

    __slots__ = ("left", "members", "rates")

    def __init__(self, members: list[Candidate], left: str) -> None:
        self.members: Final = members
        self.left: Final = left
        self.rates: list[str] | None = None  # the rates its label lists (_links.listed_rates)


def scan(text: str) -> Iterator[re.Match[str]]:
    """The figures of ``text`` as QUANTITY matches (each figure in group ``figure``): what
    ``finditer`` of ``(?=NUMERAL_FIRST)FIGURE`` finds, a figure at each place where the
    one before ends or later (QUANTITY resumes one character after each start: a match
    inside the figure before is one that finditer would not have tried). One at a time:
    a dense report's matches, all alive at once, would make each collection of the
    garbage collector's youngest generation walk them all."""
    end = 0
    for m in P.QUANTITY.finditer(text):
        if m.start() >= end:
            yield m
            end = m.end(_FIGURE)


def find(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    group = 0
    for m in scan(text):
        main = _main_candidate(text, m, group)
        pre_start, pre_end = m.regs[_PRE]
        has_pre = pre_end > pre_start
        if _is_not_a_mention(text, main, pre_start if has_pre else main.start):
            continue
        if has_pre:
            out.extend(_pre_candidates(text, m, main, group))
        elif _minus_before(text, main.start):
            main.start -= 1
            main.negative = True
        elif out and _ranges_to(text, out[-1], main):
            out[-1].qualifier, main.qualifier = _AT_LEAST, _AT_MOST
            main.group = out[-1].group
        out.append(main)
        group += 1
        if main.unit_text[:1] in _MULTIPLIERS and text.startswith("(", main.end):
            parts = _breakdown(text, main, group)
            out.extend(parts)
            group += len(parts)
    return out


_MULTIPLIERS = frozenset(NUMERAL_BIG_UNITS)


_BREAKDOWN_REACH = 120  # characters of a parenthesis that may break a figure down


def _breakdown(text: str, total: Candidate, group: int) -> list[Candidate]:
    """占地面积66.3万平方米(幼儿园6.4万、小学24.3万…): a breakdown in a parenthesis right
    after a figure, whose parts write its multiplier and leave its unit out, gives one
    figure per part, in the total's unit (SPEC dev notes, 23)."""
    close = text.find(")", total.end, total.end + _BREAKDOWN_REACH)
    if close < 0:
        return []
    mult = total.unit_text[0]
    out = []
    at = total.end + 1  # where the next part must start: every part is one
    for k, m in enumerate(P.BREAKDOWN_PART.finditer(text, at, close + 1)):
        if m.start() != at or m["mult"] != mult:
            return []  # not a breakdown in the total's multiplier
        out.append(
            Candidate(m.start("num"), m.end(), m["num"] + mult, total.unit, mult, None, group + k)
        )
        at = m.end() + 1
    return out if at == close + 1 else []


# QUANTITY's groups by number: a match's spans are read in one call (``Match.regs``, in
# CPython's re since its beginning and in typeshed), where each lookup of a group by name
# costs as much again as the whole tuple.
_GROUP = P.QUANTITY.groupindex


_FIGURE, _PRE, _PCT, _CHENG, _POP, _HDR = (
    _GROUP[g] for g in ("figure", "pre", "pct", "cheng", "pop", "hdr")
)


# the two numeral branches: numeral, qualifier, multiplier, qualifier, unit, per
_NUMERAL_BRANCHES = tuple(
    tuple(_GROUP[g] for g in names)
    for names in (
        ("ar", "q1", "mult", "q2", "unit", "cents", "per"),
        ("cn", "cq1", "cmult", "cq2", "cunit", "ccents", "cper"),
    )
)


def _main_candidate(text: str, m: re.Match[str], group: int) -> Candidate:
    regs = m.regs
    end = regs[_FIGURE][1]
    for num_g, q1_g, mult_g, q2_g, unit_g, cents_g, per_g in _NUMERAL_BRANCHES:
        start, num_end = regs[num_g]
        if start < 0:
            continue
        mult_start, mult_end = regs[mult_g]
        num = text[start:num_end] + text[mult_start:mult_end]  # an unmatched group is (-1, -1)
        unit_start, unit_end = regs[unit_g]
        per_start, per_end = regs[per_g]
        c = Candidate(
            start,
            end,
            num,
            UNIT_SURFACES[text[unit_start:unit_end]],
            text[num_end:unit_end],  # qualifiers, multiplier and unit are contiguous
            text[per_start:per_end] if per_start >= 0 else None,
            group,
        )
        for q_start, q_end in (regs[q1_g], regs[q2_g]):
            if q_start >= 0:
                c.qualifier = INNER_QUALIFIERS[text[q_start:q_end]]
        cents_start, cents_end = regs[cents_g]
        if cents_start >= 0:
            c.cents = text[cents_start:cents_end]
        return c
    if regs[_PCT][0] >= 0:
        pct_start = regs[_PCT][0]
        start = pct_start - len(PERCENT_WORDS)
        return Candidate(start, end, text[pct_start:end], _PERCENT, PERCENT_WORDS, None, group)
    if regs[_CHENG][0] >= 0:
        start = regs[_CHENG][0]
        written = text[start : regs[_CHENG][1]]
        return Candidate(start, end, written, _PERCENT, TENTHS_WORD, None, group)
    if regs[_POP][0] >= 0:
        start = regs[_POP][0]
        return Candidate(start, end, text[start:end], _PERSON, "", None, group)
    return _header_candidate(text, regs[_HDR][0], end, group)


def _header_candidate(text: str, start: int, end: int, group: int) -> Candidate:
    """收入合计(万元):1,256.32: a bare number in the unit its header names (the multiplier
    of 万元 is the number's)."""
    header = P.HEADER_UNIT.search(text, max(0, start - _HEADER_REACH), start)
    if header is None:  # pragma: no cover - QUANTITY matched the same header
        raise AssertionError(f"no unit header before {text[start:end]!r}")
    written = header["unit"]
    mult = written[0] if len(written) > 1 and written[0] in HEADER_MULTIPLIERS else ""
    unit = UNIT_SURFACES[written[len(mult) :]]
    c = Candidate(start, end, text[start:end] + mult, unit, written, None, group)
    c.from_header = True
    return c


_HEADER_REACH = 12  # characters of the longest header form, (单位:万平方米):


def _pre_candidates(text: str, m: re.Match[str], main: Candidate, group: int) -> list[Candidate]:
    out = []
    items = list(P.PRE_ITEM.finditer(text, m.start("pre"), m.end("pre")))
    is_range = bool(items) and items[-1]["sep"] in P.RANGE_SEPARATORS
    # A list starting a line with 、 is a list marker (3、4所学校...), not a figure.
    if items and items[0]["sep"] == HEADING_MARK and starts_line(text, items[0].start()):
        items = items[1:]
    shared_mult = m["mult"] or m["cmult"] or ""
    for it in items:
        num = it["num"]
        if is_range and shared_mult and num[-1:].isdigit():
            num += shared_mult  # 4~6万平方米 is 4万 to 6万
        c = Candidate(it.start("num"), it.end("num"), num, main.unit, "", main.per, group)
        if is_range:
            c.qualifier = _AT_LEAST
        out.append(c)
    if is_range and out:
        main.qualifier = _AT_MOST
    return out


def _ranges_to(text: str, low: Candidate, high: Candidate) -> bool:
    """400元至800元, 85%~97%: two figures of one unit joined by a range separator."""
    return (
        high.start - low.end == 1
        and text[low.end] in P.RANGE_SEPARATORS
        and low.unit == high.unit
        and low.qualifier == high.qualifier == _EXACT
    )


def _minus_before(text: str, pos: int) -> bool:
    """增长-3.5%, 增速为-2%, 增长率为负3.2%: a minus sign (or 负) right before the number,
    after a word that states a value. A dash after a numeral is a range (3-5所), and one
    after other words is punctuation (学校——34所), so only these words admit the sign."""
    return pos >= 2 and text[pos - 1] in MINUS_SIGNS and text[pos - 2] in _BEFORE_MINUS


_BEFORE_MINUS = frozenset(MINUS_AFTER)


def starts_line(text: str, pos: int) -> bool:
    return pos == 0 or text[pos - 1] in LINE_START_AFTER


def _is_not_a_mention(text: str, c: Candidate, start: int) -> bool:
    """Ordinals, numbers in names and titles, the article 一, page furniture.

    ``start`` is where the figure's writing starts (its list, if it has one).
    """
    before = text[start - 1] if start else ""
    if before and before in _ORDINAL_OR_QUOTE:  # ordinals; “五项管理” and other names
        return True
    if c.num.endswith(".") and starts_line(text, start):  # a list marker: 2. 本文档…
        return True
    if c.unit == _PERSON and P.RANK.search(text, max(0, start - 4), start):
        return True
    if P.NAMED.match(text, start) or (start != c.start and P.NAMED.match(text, c.start)):
        return True
    if c.num == ARTICLE_ONE and _is_article(text, c, before):
        return True
    if _inside_title(text, start, c.end):
        return True
    # page furniture reads "label: value" (大小:18.62KB), the colon right before the value
    # or before the line break that precedes it
    if before not in (":", "=", "\n"):
        return False
    return P.FURNITURE.search(text, max(0, start - 8), start) is not None


def _is_article(text: str, c: Candidate, before: str) -> bool:
    if before in WORD_BEFORE_YI:
        return True
    if c.unit_text in ARTICLE_MEASURES:
        return True
    after = text[c.end : c.end + 2]
    return after.startswith(ARTICLE_FOLLOWERS) or text.startswith(c.unit_text, c.end)


def _inside_title(text: str, start: int, end: int) -> bool:
    """《50个典型案例》: a number in a title is part of the title."""
    open_title = text.rfind(_OPEN_TITLE, max(0, start - 60), start)
    if open_title >= 0 and text.rfind(_CLOSE_TITLE, open_title, start) < 0:
        close = text.find(_CLOSE_TITLE, end, end + 60)
        if close >= 0 and text.find(_OPEN_TITLE, end, close) < 0:
            return True
    return False
