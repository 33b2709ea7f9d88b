"""Stage 4c, metric: what a figure measures (and the measure words whose unit depends on it).

Decides: ``metric``, ``head_len`` (the noun after a count is the count's own), the unit of
the measure words 块 and 处 and of a 个 whose 百分点 a list left out, and the flag of a
percentage over 100 where the metric cannot exceed it.
From: the unit first (a rate word for percentages, money words for yuan, the counted
noun for counts: the rule set's word index, ``Rules``, for the unit's allowed metrics),
then the noun after the unit, then the label before the figure.
Carries (called by ``_engine.rows`` in this order): a list's first member's metric, or
one rate per member when the label enumerates them (:func:`metrics_in_lists`); per
capita to the amounts after a per-capita figure, an elided rate's word, a count's noun
to a bare count of the same sentence (:func:`carry_in_sentences`); a total's metric to a
part naming nothing finer (:func:`metrics_of_parts`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise
from typing import Final

from edumetrics import _patterns as P
from edumetrics._candidates import Candidate, Group
from edumetrics._context import (
    BARE_LABEL,
    LABEL_END_SLACK,
    REACH,
    Context,
    Window,
    trim_label_end,
    unqualified,
)
from edumetrics._links import listed_rates
from edumetrics._vocab import (
    GENERAL_MEASURE,
    LABEL_JOINERS,
    LEVEL_WORDS,
    METRICS,
    PER_CAPITA_WORDS,
    PER_PERSON_DENOMINATORS,
    RATE_SUFFIX,
    RATE_WORDS,
    THING_MEASURES,
    TOTAL_WORDS,
    UNIT_METRICS,
)
from edumetrics.records import UNIT_BY_ID, Flag, Metric, Role, Unit
from edumetrics.rules import Rules

# The ids this module reads and writes, as plain str constants (why: ``_candidates.py``).
_FUNDING: Final = Metric.FUNDING.value
_GROWTH_RATE: Final = Metric.GROWTH_RATE.value
_OTHER: Final = Metric.OTHER.value
_OTHER_RATE: Final = Metric.OTHER_RATE.value
_PERSON_COUNT: Final = Metric.PERSON_COUNT.value
_PER_CAPITA_FUNDING: Final = Metric.PER_CAPITA_FUNDING.value
_SHARE: Final = Metric.SHARE.value
_STUDENT_COUNT: Final = Metric.STUDENT_COUNT.value
_TEACHER_COUNT: Final = Metric.TEACHER_COUNT.value
_ACTUAL: Final = Role.ACTUAL.value
_CHANGE: Final = Role.CHANGE.value
_CNY: Final = Unit.CNY.value
_ITEM: Final = Unit.ITEM.value
_PERCENT: Final = Unit.PERCENT.value
_PERCENTAGE_POINT: Final = Unit.PERCENTAGE_POINT.value

_MAY_EXCEED_100 = frozenset(m for m, row in METRICS.items() if row.may_exceed_100)


_HUNDRED = Decimal(100)


def _of_kind(kind: str) -> frozenset[str]:
    """The built-in metrics of one kind (see ``_vocab.MetricRow``)."""
    return frozenset(m for m, row in METRICS.items() if row.kind == kind)


class ColumnMetric:
    """What a table column measures, read with the metric rules of a call."""

    __slots__ = ("rules",)

    def __init__(self, rules: Rules) -> None:
        self.rules = rules

    def of(self, unit: str, name: str) -> str:
        """What a table column named ``name`` (its header's words, or the row's label when
        the header names nothing) measures in ``unit`` (学校数: schools)."""
        if unit == _CNY:
            per_capita = any(w in name for w in PER_CAPITA_WORDS)
            return _PER_CAPITA_FUNDING if per_capita else _FUNDING
        if unit in (Unit.PERCENT, Unit.PERCENTAGE_POINT):
            word = P.RATE.search(name)
            return _SHARE if word is None else rate_of(word[0])
        allowed, default = _UNIT_METRICS[unit]
        return self.rules._index(UNIT_BY_ID[unit], allowed).last(name) or default


def read_metric(c: Candidate, w: Window, ctx: Context) -> None:
    """The metric the figure's own words give it; ``head_len`` when the noun after a
    count's unit named what it counts (5名研究生和3名师范生: that noun is the count's, and
    the next label starts after it)."""
    c.metric = _own_metric(c, w, ctx.rules)
    if c.metric == _PERSON_COUNT and P.EXAM_TAKERS.match(w.right):
        c.metric = _STUDENT_COUNT  # 共有58238人报名参加普通高考: candidates are students
    if (
        c.metric == _FUNDING
        and ctx.layout.per_capita(c.start)
        and not P.MONEY_CUE.search(w.left)
        and not P.TOTAL.search(w.sent_left)
    ):
        # (1)全市普通小学为8547.85元 under 2.各级教育生均…支出情况: the section's measure
        c.metric = _PER_CAPITA_FUNDING
    if (
        c.value is not None
        and c.unit in (_PERCENT, _PERCENTAGE_POINT)
        and c.value > _HUNDRED
        and c.metric not in _MAY_EXCEED_100
    ):
        c.flags.append(Flag.IMPLAUSIBLE_VALUE)


def _own_metric(c: Candidate, w: Window, rules: Rules) -> str:
    left, sent_left = w.left, w.sent_left
    unit = UNIT_BY_ID[c.unit]
    if unit in (Unit.PERCENT, Unit.PERCENTAGE_POINT):
        return _rate_metric(c, left, sent_left, rules)
    if unit is Unit.CNY:
        return _money_metric(c, left, rules)
    if c.unit_text == "‰":  # a rate per mille (辍学率3‰) is the rate its word names
        word = P.RATE.search(left)
        return _OTHER if word is None else rate_of(word[0])
    allowed, default = _UNIT_METRICS[c.unit]
    if unit is Unit.OTHER and c.unit_text[-1:] in _THING_MEASURE_WORDS:
        # 民办幼儿园23家, 147家校外培训机构, 运动场246块: things counted by a measure word
        # SPEC gives no unit of its own are counted as items are (the unit stays
        # other); 合作企业56家 names no such thing
        unit, allowed = Unit.ITEM, _THINGS
    head = w.head
    found = _count_metric(unit, head, left, w.label_cut, sent_left, allowed, rules)
    if head and found is not None and w.right.startswith(head):
        c.head_len = len(head)
    if unit is Unit.PERSON and found in _RECRUITABLE and P.RECRUIT.search(left):
        # 引进了x名研究生和x名公费师范生: the students or graduates an education bureau
        # recruits are teachers (引进优秀人才 names people of its own)
        return _TEACHER_COUNT
    return found or default


def _rate_metric(c: Candidate, left: str, sent_left: str, rules: Rules) -> str:
    scope = left if c.unit == _PERCENT else sent_left
    user = rules._user_index(UNIT_BY_ID[c.unit])
    if user is not None and (found := user.last(scope)) is not None:
        return found
    word = P.RATE.search(scope)  # the rate word ending last
    if word is not None:
        return rate_of(word[0])
    c.rate_elided = True
    if c.unit == _PERCENTAGE_POINT:
        return _OTHER_RATE
    if c.role == _CHANGE:
        return _GROWTH_RATE
    return _SHARE


_RATE_KEYS = sorted(RATE_WORDS, key=len, reverse=True)


def rate_of(word: str) -> str:
    """Metric of a rate word (毛入园率 -> gross_enrollment_rate; 文盲率 -> other_rate)."""
    for key in _RATE_KEYS:
        if word.endswith(key):
            return RATE_WORDS[key]
    return _OTHER_RATE if word.endswith(RATE_SUFFIX) else _SHARE


def _money_metric(c: Candidate, left: str, rules: Rules) -> str:
    user = rules._user_index(Unit.CNY)
    if user is not None and (found := user.last(left)) is not None:
        return found
    if c.per and any(p in c.per for p in PER_PERSON_DENOMINATORS):
        return _PER_CAPITA_FUNDING
    if any(w in left for w in PER_CAPITA_WORDS) and not any(w in left for w in TOTAL_WORDS):
        return _PER_CAPITA_FUNDING
    return _FUNDING


# the learners an education bureau recruits, or people it names no kind of, are teachers
_RECRUITABLE = frozenset({*_of_kind("learners"), None})


_THINGS = _of_kind("things")


_THING_MEASURE_WORDS = frozenset(THING_MEASURES)


_UNIT_METRICS = {u: (frozenset(allowed), default) for u, (allowed, default) in UNIT_METRICS.items()}


def _count_metric(
    unit: Unit,
    head: str,
    left: str,
    left_cut: str | None,
    sent_left: str,
    allowed: frozenset[str],
    rules: Rules,
) -> str | None:
    """What a count counts: the noun after its unit (110所幼儿园), else the label's end.

    Chinese noun phrases are head-final, so within the noun after the unit the last known
    word wins (25本教师必读书目 counts 书目); a noun there that names nothing known makes
    the count ``other`` rather than borrowing a word from the label (15篇教科研论文).
    """
    index = rules._index(unit, allowed)
    if head:
        return index.last(head)
    label = trim_label_end(left) if left_cut is None else left_cut
    if unit is Unit.ITEM:
        # an item's label names things, not people: 考试16次 counts exams
        things = rules._index(unit, _THINGS)
        # 其中小学5012个: 其中 names nothing; 册数小学不少于25册: the level ends the label
        label = P.LABEL_TRIM_START.sub("", unqualified(label))
        # a level word just before the figure gives its level (生均图书小学25册、初中35册);
        # the thing counted is named before it, if anything is (新建幼儿园3个: nothing)
        level = P.LEVEL_AT_END_BACKWARDS.match(label[::-1])  # a level word ending it
        at = -1 if level is None else len(label) - level.end()  # where the level starts
        if at == 0:
            # 小学配备计算机3200台,初中2600台: a label that is only a level counts what
            # the sentence counted before it (班级9846个,其中小学5012个: classes, not schools)
            before = sent_left[: len(sent_left) - len(left)]
            if not before.strip():
                return things.last(label)
            # (生均图书:小学32.5册,初中45.8册: books, not the 小学 of the figure before)
            return things.last(P.LEVEL.sub(blank_level_word, before))
        if at > 0:
            before = label[:at]
            found = things.last(before, LABEL_END_SLACK)
            if found is None and before[-1] in LABEL_JOINERS:
                # …、初中35册: the thing the list counts, named before its first level
                found = things.last(P.LEVEL.sub(blank_level_word, before))
            if found is not None:
                return found
        return things.last(label, LABEL_END_SLACK)
    found = index.last(label, LABEL_END_SLACK)
    if found is None and (bare := unqualified(label)) != label:
        found = index.last(bare, LABEL_END_SLACK)  # 教师不少于: 教师
    if found is None and unit is Unit.PERSON:
        # a count of people with no noun of its own (共计xx人, 比上年增加597人) counts
        # the people the sentence has been speaking of
        found = index.last(sent_left)
    return found


def blank_level_word(m: re.Match[str]) -> str:
    """A level word blanked out (a decoy such as 科技 kept as written)."""
    return "|" if m[0] in LEVEL_WORDS else m[0]


def elided_points(groups: list[Group]) -> None:
    """分别提高0.3个和0.5个百分点: a 个 in a list that ends in 个百分点 is that unit, its
    百分点 left out, and measures what the last one measures."""
    for g in groups:
        last = g.members[-1]
        if last.unit != _PERCENTAGE_POINT or not last.unit_text.startswith(GENERAL_MEASURE):
            continue
        for c in g.members[:-1]:
            if c.unit == _ITEM and c.unit_text == GENERAL_MEASURE:
                c.unit = _PERCENTAGE_POINT
                c.metric = last.metric


def metrics_in_lists(groups: list[Group]) -> None:
    """Every member of a list in the first member's unit measures what the first does,
    unless the label enumerates one rate per member (入学率、巩固率分别为99%、95%)."""
    for g in groups:
        first = g.members[0]
        items = listed_rates(g)
        if len(items) == len(g.members):
            for c, item in zip(g.members, items, strict=True):
                c.metric = rate_of(item)
            continue
        for c in g.members[1:]:
            if c.unit == first.unit:
                c.metric = first.metric



def carry_in_sentences(cands: list[Candidate], ctx: Context) -> None:
    """A figure whose words name no measure of its own takes the one of the figure before
    it in its sentence: per capita (:func:`_per_capita_in_sentence`), a rate
    (:func:`_rates_in_sentence`), what a count counts (:func:`_counts_in_sentence`)."""
    _per_capita_in_sentence(cands, ctx)
    _rates_in_sentence(cands)
    _counts_in_sentence(cands)


def metrics_of_parts(cands: list[Candidate]) -> None:
    """A part (其中) naming nothing, or nothing finer than its total, measures what the
    total measures: 车辆5辆,其中一般公务用车3辆 counts cars too; 招聘教师215人,其中研究生12人
    teachers too."""
    for c in cands:
        if c.parent is not None:
            total = cands[c.parent]
            if c.metric == _OTHER or _finer(c.metric, total.metric):
                c.metric = total.metric


def _per_capita_in_sentence(cands: list[Candidate], ctx: Context) -> None:
    """An amount in yuan right after a per-capita figure of the same sentence (or of the
    sentence a 其中 continues) is per capita when it is a change (提高了105元) or its label
    names no amount of its own: only a level (生均公用经费小学达到720元,初中达到940元), a
    comparison's base (比上年的7901.77元) or a part (其中,农村为7403.91元)."""
    text = ctx.text
    prev: Candidate | None = None  # the last amount in yuan
    for c in cands:
        if c.unit != _CNY:
            continue
        last, prev = prev, c
        if (
            c.metric == _FUNDING
            and last is not None
            and last.metric == _PER_CAPITA_FUNDING
            and (last.sent == c.sent or _continues(text, c.sent[0], last.sent))
            and (c.role == _CHANGE or c.label is None or not P.MONEY_CUE.search(c.label))
            and not P.TOTAL.search(text, max(c.sent[0], c.start - REACH), c.start)
        ):
            c.metric = _PER_CAPITA_FUNDING


def _continues(text: str, start: int, prev: tuple[int, int]) -> bool:
    """Whether the sentence at ``start`` opens with 其中 right after sentence ``prev``."""
    return prev[1] == start and P.PART_OPENING.match(text, start) is not None


def _rates_in_sentence(cands: list[Candidate]) -> None:
    """小学入学率为99.07%,初中为98%: a rate whose label only names a level (its rate word
    left out) measures what the rate before it in the sentence measures."""
    for prev, c in pairwise(cands):
        if (
            c.rate_elided
            and not prev.rate_elided
            and c.sent == prev.sent
            and (
                # (a goal beside what was reached: 力争达到95%,去年为90%)
                (c.unit == prev.unit and _same_kind(c.role, prev.role))
                # 毛入学率较上年提高2个百分点,达到93.2%: the rate it rose to
                or (
                    prev.unit == _PERCENTAGE_POINT
                    and c.unit == _PERCENT
                    and c.role == _ACTUAL
                )
            )
            and len(c.label or "") <= BARE_LABEL + 1
        ):
            c.metric = prev.metric
            c.rate_elided = False


def _counts_in_sentence(cands: list[Candidate]) -> None:
    """计算机5000台,比上年增加300台 / 资源教室24间,累计达到156间: a count whose words name
    nothing counts what the count before it in the sentence counts."""
    for prev, c in pairwise(cands):
        if (
            c.metric == _OTHER
            and c.unit == prev.unit == _ITEM
            and (c.bare or c.label is None)
            and prev.metric != _OTHER
            and prev.sent == c.sent
        ):
            c.metric = prev.metric


def _same_kind(role: str, other: str) -> bool:
    """Whether two figures' roles both state a level (actual or target) or both a change."""
    return role == other or _CHANGE not in (role, other)


def _finer(part: str, total: str) -> bool:
    """Whether a part (其中) of a count of ``total`` with the metric ``part`` is better
    read as ``total``: people of no named kind among staff or learners, or learners among
    staff (招聘教师215人,其中研究生12人: teachers)."""
    return (_KIND_OF.get(part, ""), _KIND_OF.get(total, "")) in _READ_AS_TOTAL


_KIND_OF = {m: row.kind for m, row in METRICS.items()}
# (a part's kind, its total's kind) where the part is read as the total
_READ_AS_TOTAL = frozenset({("people", "staff"), ("people", "learners"), ("learners", "staff")})
