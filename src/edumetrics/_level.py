"""Stage 4d, level: the stage of education a figure is about.

Decides: ``level`` (and ``level_known``, ``level_by_head``, ``level_from_list``, ``bare``,
``listed``, which say how it was decided).
From, in order: the figure's own words (the noun after its unit, then its label: the most
specific stage named wins); else its neighbours (:func:`carry_levels`: the figure it is an
aside of, the figure an elliptical one continues, the sentence's lead or subject, the
previous sentence's one topic); else the section heading's level, else the title's.
Carries (called by ``_engine.rows`` in this order): one level per member of a list its
label enumerates (:func:`levels_in_lists`), the levels of the figures 分别 refers back to
(:func:`levels_respectively`), a total's level to its parts (:func:`levels_of_parts`),
a table column's level to its cells (:func:`with_column_levels`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from edumetrics import _patterns as P
from edumetrics._build import Row
from edumetrics._candidates import Candidate, Group
from edumetrics._context import BARE_LABEL, REACH, Context, Window, last_match
from edumetrics._document import levels_named
from edumetrics._links import GROUP_REACH, listed_rates
from edumetrics._vocab import (
    FULL_STOP,
    LABEL_JOINERS,
    LEVEL_PRIORITY,
    LEVEL_WORDS,
    RESPECTIVELY,
)
from edumetrics.records import UNIT_BY_ID, Level, Role, Unit
from edumetrics.rules import Rules

# The ids this module reads and writes, as plain str constants (why: ``_candidates.py``).
_ADULT: Final = Level.ADULT.value
_HIGHER: Final = Level.HIGHER.value
_VOCATIONAL: Final = Level.VOCATIONAL.value
_CHANGE: Final = Role.CHANGE.value
_CNY: Final = Unit.CNY.value
_ITEM: Final = Unit.ITEM.value
_M2: Final = Unit.M2.value
_MU: Final = Unit.MU.value
_PERSON: Final = Unit.PERSON.value
_PERSON_TIME: Final = Unit.PERSON_TIME.value
_SCHOOL: Final = Unit.SCHOOL.value


def with_column_levels(found: list[Row], columns: list[tuple[int, int, str]]) -> list[Row]:
    """Rows standing in a grid's cell whose column header names a level take that level
    (a table's header says what its columns are, over what the text around says)."""
    if not columns:
        return found
    starts = [start for start, _, _ in columns]
    out = []
    for row in found:
        k = bisect_left(starts, row.start + 1) - 1
        if k >= 0 and row.end <= columns[k][1]:
            row = row.with_level(columns[k][2])
        out.append(row)
    return out


def _blank_decoy(m: re.Match[str]) -> str:
    """A decoy (其中) blanked out, a level word kept as written."""
    return m[0] if m[0] in LEVEL_WORDS else "|"


def read_level(c: Candidate, w: Window, rules: Rules) -> None:
    """The level the figure's own words name: the noun after its unit, then its own label
    (asides left out: 在校生(含在园幼儿), 中小学(幼儿园) name no level of the figure); else
    whether it names nothing of its own (``bare``, ``listed``), for :func:`carry_levels`."""
    head, named = w.head, w.named
    for scope in (head, w.own_words):
        found = level_in(scope, nearest_last=scope is not head)
        if found is not None:
            c.level = found or None
            c.level_known = True
            c.level_by_head = scope is head
            return
    c.listed = w.listed
    c.bare = not head and (
        len(named) <= BARE_LABEL
        or c.role == _CHANGE
        or _only_what_it_counts(named, c.unit, rules)
    )


def _only_what_it_counts(named: str, unit: str, rules: Rules) -> bool:
    """普通高中3所,在校学生5678人,专任教师412人: a label that is the counted noun, with at
    most an attribute before it (在校, 专任, 女 …), names nothing of its own; one with a
    verb (招聘教师) reports something else done."""
    if unit not in _COUNTED_UNITS:
        return False
    m = P.COUNT_ATTRIBUTE.match(named)
    noun = named[m.end() :] if m else named
    return noun in rules._index(UNIT_BY_ID[unit]).metric_of


_COUNTED_UNITS = frozenset({_PERSON, _PERSON_TIME, _SCHOOL, _ITEM})


def _topic_level(
    text: str,
    ctx: Context,
    sent_start: int,
    bare: bool,
    last_level: dict[int, str | None],
    topics: dict[int, set[str]],
) -> str | None:
    """The one level the previous sentence of the same paragraph speaks of, if any
    (``topics``: the levels each sentence's previous sentence names, as read so far).

    A sentence without figures (加快“普九”攻坚步伐。) announces the topic of the next. One
    reporting figures of its own is continued only by a figure that names nothing but
    what it counts (特殊教育学校1所。在校生120人), and only when its last figure is of the
    one level it names; a figure naming a subject of its own (民办学校12所, 教育经费总投
    入5.2亿元) takes nothing from it.
    """
    if sent_start < 2 or text[sent_start - 1] != FULL_STOP:
        return None
    prev_start = ctx.sentence(sent_start - 1)[0]
    with_figures = prev_start in last_level
    if with_figures and not bare:
        return None
    levels = topics.get(sent_start)
    if levels is None:  # (read once per sentence)
        levels = topics[sent_start] = levels_named(
            text, max(prev_start, sent_start - REACH), sent_start
        ) - {""}
    if len(levels) != 1:
        return None
    (level,) = levels
    return None if with_figures and last_level[prev_start] != level else level


def carry_levels(cands: list[Candidate], ctx: Context) -> None:
    """A figure whose own words name no level may take it from its neighbours.

    An elliptical figure (学生67688人 after 小学164所, 比上年增加5904人) takes the level of
    the figure before it. A sentence that names no level at all continues the previous
    sentence of its paragraph when that one speaks of a single level (加快“普九”攻坚步伐。
    止年底,汉阴县投资4551万元). A sentence whose first figure's label opens with one level,
    and names no other, speaks of it throughout (学前教育资助幼儿2860人次,发放资金143万元).
    Other level words of the sentence are not borrowed: they usually belong to another
    figure (7所挂钩联系学校 after 23所小学).
    """
    _LevelCarrier(cands, ctx).run()


class _LevelCarrier:
    """What :func:`carry_levels` remembers while it walks a text's figures in order; each
    sentence's and statement's answers are computed once, so the walk stays linear."""

    __slots__ = (
        "built",
        "cands",
        "ctx",
        "exam",
        "first",
        "last_level",
        "named",
        "scope",
        "semicolon",
        "stmt_first",
        "subject",
        "topics",
    )

    def __init__(self, cands: list[Candidate], ctx: Context) -> None:
        self.cands, self.ctx = cands, ctx
        self.last_level: dict[int, str | None] = {}  # per sentence start: its last figure's
        self.first: dict[int, int] = {}  # per sentence start: where its first figure starts
        self.stmt_first: dict[int, int] = {}  # the same per statement (parted by ;, or
        # the sentence itself when it has none)
        self.semicolon: dict[int, bool] = {}  # per sentence start: whether it has statements
        self.subject: dict[int, str | None] = {}  # per statement start: its subject's level
        self.scope: dict[int, tuple[int, int, int]] = {}  # per statement: where it is read
        self.built: dict[int, str | None] = {}  # its subject's level, even a verb's object
        self.named: dict[int, set[str]] = {}  # per sentence start: the levels it names
        self.topics: dict[int, set[str]] = {}  # per sentence start: its topic's levels
        self.exam: dict[int, str | None] = {}  # per sentence start: its exam's level

    def run(self) -> None:
        text = self.ctx.text
        for i, c in enumerate(self.cands):
            start, end = c.sent
            if start not in self.first:
                self.first[start] = c.start
                self.semicolon[start] = text.find(";", start, end) >= 0
            stmt = start
            if self.semicolon[start]:
                stmt = max(start, text.rfind(";", max(start, c.start - REACH), c.start) + 1)
            self.stmt_first.setdefault(stmt, c.start)
            if not c.level_known:
                # what the sentence says, else the section's heading, else the title
                c.level = self._carried(i, stmt) or self._scoped(c)
            self.last_level[start] = c.level

    def _named(self, start: int, end: int) -> set[str]:
        """The levels the sentence ``text[start:end]`` names (read once per sentence)."""
        named = self.named.get(start)
        if named is None:
            named = self.named[start] = levels_named(self.ctx.text, start, end)
        return named

    def _scoped(self, c: Candidate) -> str | None:
        """The level of a figure whose sentence settles none: the stage of the entrance
        exam a sentence naming no other level is about; its section heading's, unless the
        sentence names another level (SPEC: a heading's level covers its section); else
        its document title's."""
        layout, text = self.ctx.layout, self.ctx.text
        start = c.sent[0]
        named = self._named(start, c.sent[1])
        if start not in self.exam:  # (read once per sentence)
            found = P.EXAM.search(text, *c.sent)
            exam = None if found is None else LEVEL_WORDS[found[0]]
            self.exam[start] = exam if named == {exam} else None
        exam = self.exam[start]
        if exam is not None:
            return exam  # 今年全县将有3120名考生参加中考
        section = layout.section_level(c.start)
        # (a word naming several levels at once, 中学, names no other one)
        if section is not None and named <= {section, ""}:
            return section
        return layout.level

    def _carried(self, i: int, stmt: int) -> str | None:
        """The level figure ``i``, whose own words name none, takes from its neighbours."""
        ctx, cands = self.ctx, self.cands
        text, c = ctx.text, cands[i]
        if i and _aside_of(text, cands[i - 1], c):
            return cands[i - 1].level  # 幼儿园173所(81所民办), 小学322所(含187个教学点)
        if i and (c.bare or c.listed):
            j = _before_aside(cands, i, ctx)
            if j is not None:
                j = _before_breakdown(cands, j, text)
            prev = None if j is None else cands[j]
            if (
                prev is not None
                and prev.sent == c.sent
                and (
                    # 普通高中引进了5名研究生和3名师范生: the level of the list's label, not
                    # that of the first item's noun (新建3所幼儿园和2个教学点)
                    c.bare or not prev.level_by_head
                )
            ):
                return prev.level
        start, end = c.sent
        if not any(self._named(start, end)):  # a single level named ("" is several: 中小学)
            topic = _topic_level(text, ctx, start, c.bare, self.last_level, self.topics)
            return topic or ctx.layout.section_level(c.start)
        lead = _lead_level(text, ctx, start, self.first[start], c.start)
        if lead is None and stmt != start:  # …;在全省特殊教育文艺汇演中,我市取得1个一等奖
            lead = _lead_level(text, ctx, stmt, self.stmt_first[stmt], c.start)
        if lead is not None:
            return lead
        if stmt not in self.subject:
            stmt_end = text.find(";", c.start, end)
            stmt_end = end if stmt_end < 0 else stmt_end
            if not levels_named(text, stmt, stmt_end):
                # a statement naming no level of its own speaks of the sentence's
                self.scope[stmt] = (start, end, self.first[start])
            else:
                self.scope[stmt] = (stmt, stmt_end, self.stmt_first[stmt])
            self.subject[stmt] = _subject_level(text, ctx, *self.scope[stmt])
        level = self.subject[stmt]
        if level is None and c.unit in _PROJECT_UNITS:
            # 新建第二实验小学占地85亩,总投资1.8亿元: the site, floor area and cost in a
            # statement of what is built are those of the school it builds
            if stmt not in self.built:
                self.built[stmt] = _subject_level(text, ctx, *self.scope[stmt], objects=True)
            return self.built[stmt]
        return level


_PROJECT_UNITS = frozenset({_M2, _MU, _CNY})  # what a building project is measured in


_LEAD = 16  # characters of a sentence's opening clauses that may set its figures' level


def _lead_level(text: str, ctx: Context, start: int, first: int, pos: int) -> str | None:
    """今年高考,我县600分以上考生达86人: the clauses opening a sentence before its first
    figure set the level of its figures when they name one level and nothing between
    them and the figure names another."""
    lead_end = ctx.clause_start(first)
    if not start < lead_end <= start + _LEAD:
        return None  # a long lead tells a story of its own (选取了…小学进行了宣传)
    named = levels_named(text, start, lead_end)
    if len(named) != 1 or not levels_named(text, max(lead_end, pos - REACH), pos) <= named:
        return None
    return named.pop() or None


def _subject_level(
    text: str, ctx: Context, start: int, end: int, first: int, objects: bool = False
) -> str | None:
    """幼儿园专任教师9.84万人,专任教师中专科及以上学历比例为93.7%: a statement (a sentence,
    or its part between semicolons) that names one level, as the subject of its first
    figure's label, speaks of that level throughout. A level named elsewhere (in a
    school's name in a story) does not, nor, unless ``objects``, one that is the object
    of a verb (新建幼儿园3所,招聘教师120名)."""
    lo = max(start, ctx.clause_start(first))
    word = next(
        (
            m
            for m in P.LEVEL.finditer(text, lo, first)
            if m[0] in LEVEL_WORDS and not ctx.in_aside(lo, m.start(), first)
        ),
        None,
    )
    if word is None or (not objects and P.OBJECT_VERB.search(text, lo, word.start())):
        return None
    named = levels_named(text, start, end)
    if len(named) != 1 or "" in named:
        return None
    return named.pop()


def _aside_of(text: str, prev: Candidate, c: Candidate) -> bool:
    """Whether ``c`` stands in a parenthesis opened right after figure ``prev`` (or after
    the noun that follows it): an aside about that figure."""
    paren = text.find("(", prev.end, prev.end + prev.head_len + 1)
    return paren >= 0 and text.find(")", paren, c.start) < 0 and c.sent == prev.sent


def _before_aside(cands: list[Candidate], i: int, ctx: Context) -> int | None:
    """The index of the figure an elliptical one continues: the one before it, or, when
    that one stands in a parenthesis closed before it (学校45所(其中幼儿园38所),在校生1.2
    万人), the last one before the parenthesis."""
    prev = cands[i - 1]
    close = ctx.text.find(")", prev.end, cands[i].start)
    if close < 0:
        return i - 1
    paren = ctx.last_open(prev.sent[0], prev.start)
    if paren < 0 or ctx.next_close(paren, prev.start) >= 0:
        return i - 1  # the parenthesis was not around it
    for j in range(i - 2, -1, -1):
        if cands[j].end <= paren:
            return j
    return None


def _before_breakdown(cands: list[Candidate], j: int, text: str) -> int | None:
    """学校57所,其中小学42所、初中15所,在校生6.8万人: when figure ``j`` ends a list that
    breaks a figure down by level, what follows the list continues the figure before the
    list; with none before it, nothing (the list is of mixed levels)."""
    last = cands[j]
    k = j
    while k and last.level_known and _breaks_down(text, cands[k - 1], cands[k]):
        k -= 1
    if k == j or len({cands[m].level for m in range(k, j + 1)}) == 1:
        return j  # no list, or one of a single level
    return k - 1 if k and cands[k - 1].sent == last.sent else None


_ITEM_GAP = 12  # characters between two items of a breakdown (、普通高中)


def _breaks_down(text: str, a: Candidate, b: Candidate) -> bool:
    """Whether ``a`` and ``b`` are items of one breakdown by level (小学42所、初中15所):
    figures of one unit, each naming its own level, listed with 、 in one clause. (Items
    parted by commas are as often statements of their own: 高中4所使全市到达23所,幼儿园8所
    使全市到达32所.)"""
    if a.sent != b.sent or a.unit != b.unit or not (a.level_known and b.level_known):
        return False
    between = text[a.end : b.start]
    return (
        0 < len(between) <= _ITEM_GAP
        and between[0] in LABEL_JOINERS
        and P.CLAUSE_DELIM.search(between) is None
    )


def level_in(scope: str, nearest_last: bool) -> str | None:
    """The level a phrase names: None if it names none, "" if it names several.

    A more specific stage wins over a general one (义务教育阶段适龄儿童 is primary);
    two specific stages (幼儿园、小学等) name no single level.
    """
    if not scope:
        return None
    best: tuple[int, int, str] | None = None
    specific: set[str] = set()
    first, last = len(scope), 0  # where the specific stages are named
    for m in P.LEVEL.finditer(scope):
        level = LEVEL_WORDS.get(m[0])
        if level is None:  # a decoy (其中)
            continue
        if LEVEL_PRIORITY[level] >= _SPECIFIC:
            specific.add(level)
            first, last = min(first, m.start()), m.end()
        pos = m.end() if nearest_last else -m.start()
        key = (LEVEL_PRIORITY[level], pos)
        if best is None or key > best[:2]:
            best = (key[0], key[1], level)
    if len(specific) > 1:
        # 成人高等学校本专科, 成人中专: adult education at the higher or vocational stage
        # (unless listed beside it: 普通高校和成人高校)
        if specific <= _ADULT_STAGES and not P.LIST_BREAK.search(scope, first, last):
            return _ADULT
        return ""
    return None if best is None else best[2]


_ADULT_STAGES = frozenset({_ADULT, _HIGHER, _VOCATIONAL})


_SPECIFIC = 2  # LEVEL_PRIORITY of a single stage (preschool … adult)


def levels_respectively(cands: list[Candidate], ctx: Context) -> None:
    """小学在校生12345人,初中在校生6789人,分别比上年增加123人和减少45人: the figures of
    the clause 分别 opens go in order with as many figures just before it, when each of
    those has a level of its own (named, or given by a list) and no two share one."""
    text = ctx.text
    i = 0
    while i < len(cands):
        c = cands[i]
        clause = ctx.clause_start(c.start)
        # (a 分别 before the figure before this one is not this figure's: looked for only
        # after that figure, so a long clause is not searched again for each figure)
        k = text.rfind(RESPECTIVELY, max(clause, cands[i - 1].end) if i else clause, c.start)
        if k < 0:
            i += 1
            continue
        n = 1  # the clause's figures after 分别
        while i + n < len(cands) and ctx.clause_start(cands[i + n].start) == clause:
            n += 1
        before = cands[i - n : i] if i >= n else []
        levels = [b.level for b in before if b.level and (b.level_known or b.level_from_list)]
        if len(levels) == n and len(set(levels)) == n and before[0].sent == c.sent:
            for d, level in zip(cands[i : i + n], levels, strict=True):
                if not d.level_known:
                    d.level = level
                    d.level_from_list = True
        i += n


def enumerated_levels(left: str) -> list[str | None]:
    # (decoys read first, as everywhere: 其中小学、初中 lists 小学, not 中小学)
    found = last_match(P.LEVEL_LIST, P.LEVEL.sub(_blank_decoy, left))
    if found is None:
        return []
    return [LEVEL_WORDS[w] or None for w in P.LEVEL.findall(found[0]) if w in LEVEL_WORDS]


def levels_in_lists(groups: list[Group]) -> None:
    """Distributive lists: 小学、初中入学率为99.07%、94.88% gives one level to each member, in
    order; a list right after such a list in the same sentence, as long, takes the same
    levels (…分别为99%、95%,分别比上年提高1、2个百分点); a label enumerating one rate per
    member gives the level each rate names (小学入学率和初中巩固率)."""
    previous: list[Group] = []
    for g in groups:
        members, first = g.members, g.members[0]
        levels = enumerated_levels(g.left)
        if len(levels) == len(members):
            for c, level in zip(members, levels, strict=True):
                c.level = level
                c.level_from_list = True
        else:
            for prev in reversed(previous[-GROUP_REACH:]):
                if len(prev.members) == len(members) and prev.members[0].sent == first.sent:
                    if all(p.level_from_list for p in prev.members):
                        for c, p in zip(members, prev.members, strict=True):
                            c.level = p.level
                            c.level_from_list = True
                    break
        items = listed_rates(g)
        if len(items) == len(members):
            for c, item in zip(members, items, strict=True):
                level = level_in(item, nearest_last=True)
                if level is not None and not c.level_from_list:
                    c.level = level or None
        previous.append(g)



def levels_of_parts(cands: list[Candidate]) -> None:
    """A part (其中) naming no level of its own is of its total's level (幼儿园教职工…,其中
    专任教师…)."""
    for c in cands:
        if c.parent is not None and c.level is None and not c.level_known:
            c.level = cands[c.parent].level
