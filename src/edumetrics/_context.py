"""Stage 3, context: what each candidate's deciders may read around it.

Decides: the figure's sentence (``sent``), the year stated for it (``period`` with
``period_source`` "stated"), the label it is reported under (``label``, and a list's
label shared by its members), and the :class:`Window` of strings every attribute stage
reads: the clause before the figure, its own label, the clause around a parenthesis it
stands in, the words after it, the noun after its unit. Every window is bounded (``REACH``
characters), so a document of one endless sentence stays linear.
From: the working copy, its sentence and clause boundaries (:class:`Context`, bisected
with moving cursors) and the figure before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final, final, overload

import regex

from edumetrics import _patterns as P
from edumetrics._candidates import Candidate, Group
from edumetrics._document import Carry, Layout
from edumetrics._vocab import (
    ATTRIBUTIVE,
    CLAUSE_ENDS,
    CONJUNCTIONS,
    CONTEXT_MEASURES,
    KUAI,
    KUAI_MONEY_AFTER,
    SENTENCE_ENDS,
    YEAR_WORD,
)
from edumetrics.records import PeriodSource, Unit
from edumetrics.rules import Rules

# The ids this module reads and writes, as plain str constants (why: ``_candidates.py``).
_STATED: Final = PeriodSource.STATED.value
_CNY: Final = Unit.CNY.value
_OTHER: Final = Unit.OTHER.value
_PERCENT: Final = Unit.PERCENT.value
_PERCENTAGE_POINT: Final = Unit.PERCENTAGE_POINT.value


class Context:
    """Clause and sentence boundaries of one working copy, for bisecting, and its layout
    (``_document.Layout``: kind, year, sections), and the metric rules it is read with."""

    __slots__ = (
        "_clause_hi",
        "_clause_k",
        "_clause_lo",
        "_sentence",
        "clauses",
        "closes",
        "layout",
        "opens",
        "rules",
        "sentences",
        "text",
    )

    def __init__(self, text: str, raw: str, rules: Rules, carry: Carry | None = None) -> None:
        self.text = text
        self.rules = rules
        self.clauses = positions(text, _CLAUSE_ENDS)
        # (every sentence end is a clause end: read from those, not from the text again)
        self.sentences = [k for k in self.clauses if text[k] in _SENTENCE_ENDS]
        self.layout = Layout(text, raw, carry)
        # where parentheses open and close, read on first need (most texts never ask)
        self.opens: list[int] | None = None
        self.closes: list[int] = []
        # the last lookups, as moving cursors: a report's figures are read in order, and
        # most stand in the sentence and clause of the figure before
        self._sentence = (0, 0)
        self._clause_k, self._clause_lo, self._clause_hi = 0, 0, -1

    def last_open(self, lo: int, hi: int) -> int:
        """``text.rfind("(", lo, hi)``, by bisection: a figure's look back to the start of
        its sentence costs the same in a sentence of any length."""
        opens = self._parens()
        k = bisect_left(opens, hi) - 1
        return opens[k] if k >= 0 and opens[k] >= lo else -1

    def last_close(self, lo: int, hi: int) -> int:
        """``text.rfind(")", lo, hi)``, by bisection."""
        self._parens()
        k = bisect_left(self.closes, hi) - 1
        return self.closes[k] if k >= 0 and self.closes[k] >= lo else -1

    def next_close(self, lo: int, hi: int) -> int:
        """``text.find(")", lo, hi)``, by bisection."""
        self._parens()
        k = bisect_left(self.closes, lo)
        return self.closes[k] if k < len(self.closes) and self.closes[k] < hi else -1

    def in_aside(self, lo: int, pos: int, hi: int) -> bool:
        """Whether ``pos`` stands in a parenthesis opened after ``lo`` and closed before
        ``hi`` (在校生(含在园幼儿)1032万人; 幼儿园45所(其中民办12所),小学60所)."""
        return self.last_open(lo, pos) > self.last_close(lo, pos) and self.next_close(pos, hi) >= 0

    def _parens(self) -> list[int]:
        if self.opens is None:
            self.opens = positions(self.text, "(")
            self.closes = positions(self.text, ")")
        return self.opens

    def sentence(self, pos: int) -> tuple[int, int]:
        last = self._sentence
        if last[0] <= pos < last[1]:
            return last
        k = bisect_left(self.sentences, pos)
        start = self.sentences[k - 1] + 1 if k else 0
        end = self.sentences[k] + 1 if k < len(self.sentences) else len(self.text)
        self._sentence = start, end
        return start, end

    def _clause(self, pos: int) -> int:
        """``bisect_left(self.clauses, pos)``: the index of the first clause end at or
        after ``pos``."""
        if self._clause_lo < pos <= self._clause_hi:
            return self._clause_k
        clauses = self.clauses
        k = bisect_left(clauses, pos)
        self._clause_k = k
        self._clause_lo = clauses[k - 1] if k else -(2**62)
        self._clause_hi = clauses[k] if k < len(clauses) else 2**62
        return k

    def clause_start(self, pos: int) -> int:
        k = self._clause(pos)
        return self.clauses[k - 1] + 1 if k else 0

    def label_start(self, pos: int) -> int:
        """Where the label of a figure at ``pos`` may start: its clause, or the clause
        before when that one ends in a colon right before the figure (入学率:99.5%,
        收入合计(万元):1,256.32: the colon parts a label from its value)."""
        start = self.clause_start(pos)
        if start == pos and start and self.text[start - 1] == ":":
            return self.clause_start(start - 1)
        return start

    def clause_end(self, pos: int) -> int:
        k = self._clause(pos)
        return self.clauses[k] if k < len(self.clauses) else len(self.text)


def positions(text: str, chars: str) -> list[int]:
    """Where any of ``chars`` (each once) stands in ``text``, in order: what
    ``[chars]``'s finditer finds (tests/test_scan.py checks it). A clause ends every
    dozen characters or so, and a ``str.find`` per end costs a fraction of a match object
    per end."""
    out: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            out.append(at)
            at = text.find(char, at + 1)
    out.sort()
    return out


_CLAUSE_ENDS: Final = "".join(dict.fromkeys(CLAUSE_ENDS))
_SENTENCE_ENDS: Final = frozenset(SENTENCE_ENDS)  # (each one a clause end too)

REACH = 200  # characters of context any decision about a figure may read


@final
class Window:
    """What the attribute stages read around one figure: pieces of its working copy,
    each bounded by ``REACH`` characters. Frozen: a stage reads the window, never writes
    it."""

    __slots__ = (
        "governing", "head", "label_cut", "left", "listed", "named", "own", "own_words",
        "right", "sent_left",
    )  # fmt: skip

    def __init__(
        self, left: str, own: str, governing: str, right: str, sent_left: str, head: str,
        label_cut: str | None, named: str, listed: bool, own_words: str,
    ) -> None:  # fmt: skip
        self.left: Final = left  # the figure's clause (or label) up to the figure
        self.own: Final = own  # the same from the end of the figure before, if later
        # the clause around a parenthesis the figure stands in, and the clauses between
        # the figure before and this one (即将实施…项目,总投资达x万元): they govern it too
        self.governing: Final = governing
        self.right: Final = right  # the words after it, to the end of its clause
        self.sent_left: Final = sent_left  # its sentence up to the figure
        # the noun after its unit: what a count counts (after a header's figure, nothing:
        # the next column's label follows it, 在校生(人) 23,456 专任教师(人) …)
        self.head: Final = head
        # ``left`` cut of trailing verbs and connectives, when it is ``own`` (else None)
        self.label_cut: Final = label_cut
        # its own label without the words that open a label (其中小学 -> 小学) or end one
        # (教师达到 -> 教师), or "" when that is only a conjunction after the figure before
        # (``listed``: 5名研究生和3名)
        self.named: Final = named
        self.listed: Final = listed
        self.own_words: Final = own_words  # ``own`` without closed asides (在校生(含…))


def read_window(c: Candidate, ctx: Context, prev_end: int) -> Window:
    """The window of figure ``c``, whose label starts no earlier than ``prev_end`` (the end
    of the figure before, and of its noun: 民办幼儿园x所及校外培训机构x所); sets the figure's
    sentence, stated year, the unit of a measure word (see :func:`read_measure_word`) and
    label."""
    text = ctx.text
    c.sent = ctx.sentence(c.start)
    cl_start = ctx.label_start(c.start)
    # every look at the context is bounded, so a document of one endless sentence stays linear
    reach = c.start - REACH
    left = text[max(cl_start, reach) : c.start]
    own = text[max(cl_start, prev_end, reach) : c.start]
    outer = _outer_clause(text, ctx, cl_start, c.start)
    right = text[c.end : min(ctx.clause_end(c.end), c.end + 14)]
    sent_left = text[max(c.sent[0], reach) : c.start]
    lead = text[max(c.sent[0], prev_end, cl_start - REACH) : cl_start]
    year = year_before(sent_left)
    if year is not None:
        c.period, c.period_source = year, _STATED
    head = "" if c.from_header else head_noun(right)
    if c.unit_text in _MEASURE_WORDS:
        read_measure_word(c, left, own, right, head, ctx.rules)
    own_cut = trim_label_end(own)  # 全县共有教师 -> 全县…教师
    named = P.LABEL_TRIM_START.sub("", own_cut)
    listed = named in CONJUNCTIONS  # 5名研究生和3名…: the list's label, not its own
    if listed:
        named = ""
    c.label = label_of(named, head, c)
    return Window(
        left, own, outer + lead, right, sent_left, head,
        own_cut if len(own) == len(left) else None, named, listed,
        P.CLOSED_ASIDE.sub("", own) if ")" in own else own,
    )  # fmt: skip


def year_before(s: str) -> int | None:
    """The year ``s`` names last (2023年, 2023学年), read as P.YEAR_BACKWARDS on ``s``
    spelled backwards from its last 年: each year it finds stands before one."""
    last = s.rfind(YEAR_WORD)
    year = P.YEAR_BACKWARDS.search(s[last::-1]) if last >= 0 else None
    return int(year[1][::-1]) if year is not None else None


def trim_label_end(s: str) -> str:
    """``s`` without the words at its end that are no part of what a label names, tried
    only when ``s`` ends as they must, and matched as P.LABEL_TRIM_END_BACKWARDS on ``s``
    spelled backwards (one attempt, at its start, where a search would try every
    position)."""
    if s[-1:] not in _TRIM_LAST:
        return s
    m = P.LABEL_TRIM_END_BACKWARDS.match(s[::-1])
    return s[: len(s) - m.end()] if m else s


def qualifier_before(s: str) -> str | None:
    """The qualifier ending ``s`` (约, or a long one before one more character: 至少读),
    tried only when ``s`` ends as one must, and matched as P.QUALIFIER_BEFORE_BACKWARDS on
    ``s`` spelled backwards."""
    if s[-1:] in _QUALIFIER_LAST or s[-2:-1] in _QUALIFIER_LONG_LAST:
        m = P.QUALIFIER_BEFORE_BACKWARDS.match(s[::-1])
        if m is not None:
            return m[0][::-1]
    return None


_TRIM_LAST: Final = P.LABEL_TRIM_END_LAST
_QUALIFIER_LAST: Final = P.QUALIFIER_BEFORE_LAST
_QUALIFIER_LONG_LAST: Final = P.QUALIFIER_BEFORE_LONG_LAST


def _outer_clause(text: str, ctx: Context, cl_start: int, pos: int) -> str:
    """The clause around an open parenthesis the candidate stands in, if any."""
    lo = max(0, pos - _PAREN_REACH)
    paren = text.rfind("(", lo, pos)
    if paren < 0 or text.rfind(")", paren, pos) >= 0:
        return ""
    return text[max(ctx.clause_start(paren), paren - REACH) : paren]


_PAREN_REACH = 80  # a parenthesis opened further back than this is not the figure's


@overload
def last_match(pattern: re.Pattern[str], s: str) -> re.Match[str] | None: ...


@overload
def last_match(pattern: regex.Pattern[str], s: str) -> regex.Match[str] | None: ...


def last_match(
    pattern: re.Pattern[str] | regex.Pattern[str], s: str
) -> re.Match[str] | regex.Match[str] | None:
    """The last match of ``pattern`` in ``s``, if any: the last that ``finditer`` finds,
    found by searching on from each match's end (most scopes hold none, and one search
    costs less than making an iterator; tests/test_scan.py checks the two agree)."""
    last = None
    if s:  # most scopes looked at are empty (no parenthesis, no clause before)
        m = pattern.search(s)
        while m is not None:
            last = m
            if m.end() == m.start():  # (finditer steps past an empty match: let it)
                *_, last = pattern.finditer(s, m.start())
                break
            m = pattern.search(s, m.end())
    return last


def unqualified(label: str) -> str:
    """``label`` (cut by :func:`trim_label_end`) without a qualifier at its end, nor the trim
    words the qualifier hid (册数小学不少于 -> 册数小学; 总数超过了 -> 总数)."""
    q = qualifier_before(label)
    # (a cut end holds no trim word: the trim's repetition stops only where none
    # matches, so cutting again changes only what the qualifier hid)
    return label if q is None else trim_label_end(label[: len(label) - len(q)])


def head_noun(right: str) -> str:
    q = P.QUALIFIER_AFTER.match(right)
    if q:
        # 2400人左右: skip the qualifier; 12个班以上的完小: the noun is what the figure
        # describes, not what it counts
        right = right[q.end() :]
        if right.startswith(ATTRIBUTIVE):
            return ""
    m = P.HEAD_NOUN.match(right)
    if m:
        return m[1]
    # 150名在常就读的特困生: the noun after a relative clause ending in 的
    de = right.find(ATTRIBUTIVE, 0, 12)
    if de >= 0:
        m = P.HEAD_NOUN.match(right, de + 1)
        if m:
            return m[1]
    return ""


_LONG_LABEL = 12  # a label longer than this is a clause; the counted noun says more


def label_of(named: str, head: str, c: Candidate) -> str | None:
    """The figure's label: ``named`` (already cut by :func:`trim_label_end`) without a
    qualifier at its end, and without the trim words that the qualifier hid."""
    label = unqualified(named)
    is_count = c.unit not in (_PERCENT, _PERCENTAGE_POINT, _CNY)
    if is_count and head and (not label or len(label) > _LONG_LABEL):
        return head
    if not label:
        return None
    return label[-24:]


_MEASURE_WORDS = frozenset(CONTEXT_MEASURES)  # units SPEC gives a meaning only in some contexts


def read_measure_word(
    c: Candidate, left: str, own: str, right: str, head: str, rules: Rules
) -> None:
    """块 is yuan only where money is spoken of (补助每人300块, 3块钱), 处 counts schools only
    where a school or institution is counted (幼儿园5处); otherwise (运动场8块, 隐患12处)
    each is a measure word of unit ``other``."""
    if c.unit_text == KUAI:
        money = right.startswith(KUAI_MONEY_AFTER) or P.MONEY_CUE.search(left) is not None
        if not money:
            c.unit = _OTHER
        return
    schools = rules._index(Unit.SCHOOL)
    if (schools.last(head) if head else schools.last(own, LABEL_END_SLACK)) is None:
        c.unit = _OTHER


LABEL_END_SLACK = 1  # characters a label may run on after its counted noun
BARE_LABEL = 3  # a label this short (学生, 幼儿) just names what the sentence counts


def share_labels(groups: list[Group]) -> None:
    """A list's members after the first, with no label of their own, are reported under
    the first's (小学、初中入学率为99.07%、94.88%)."""
    for g in groups:
        first = g.members[0]
        for c in g.members[1:]:
            if c.label is None:
                c.label = first.label
