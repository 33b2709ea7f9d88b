"""The extractor's engine: every quantity mention of a text, what it measures, and where.

One pass of one compiled pattern (:data:`edumetrics._patterns.QUANTITY`) over a
normalised working copy finds the candidates; each is then read in its context (the
clause before it, the noun after its unit, the sentence) to decide metric, role, level
and qualifier; the spans are mapped back to the raw text at the end.

The public entry is :func:`edumetrics.extract` (``extract.py``), which checks its
argument and builds the records. This module holds the hot path alone so that a wheel
can ship it compiled (mypyc, see ``hatch_build.py``): it must stay plain typed Python
that mypy accepts, and every function here is called with the types it declares.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from itertools import pairwise
from typing import overload

import regex

from edumetrics import _patterns as P
from edumetrics._build import Row
from edumetrics._document import Layout, levels_named
from edumetrics._normalize import Normalized, normalize
from edumetrics._tables import Cell, column_levels, read_tables
from edumetrics._vocab import (
    ADJACENT_CHANGE_CUES,
    ARTICLE_FOLLOWERS,
    ARTICLE_MEASURES,
    BOUND_CUES,
    CHANGE_CUES,
    CHANGE_NOUNS,
    COMPARED_ONLY_CUES,
    FASTEST_CHANGES,
    INNER_QUALIFIERS,
    LEVEL_PRIORITY,
    LEVEL_WORDS,
    PER_CAPITA_WORDS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    RATE_WORDS,
    STANDARD_CUES,
    TOTAL_WORDS,
    UNIT_METRICS,
    UNIT_SURFACES,
    WORD_BEFORE_YI,
)
from edumetrics.errors import NumeralError
from edumetrics.numerals import parse_number
from edumetrics.records import UNIT_BY_ID, Flag, Unit
from edumetrics.rules import Rules

__all__ = ["rows"]

_MASK_CHARS = frozenset("xX×*")
_LONGEST_NUMERAL = 64
_TEN = Decimal(10)
_MAY_EXCEED_100 = frozenset({"growth_rate", "gross_enrollment_rate", "other_rate"})
_HUNDRED = Decimal(100)
_OPEN_QUOTES = "“〝\"「『'‘"


class _Cand:
    """A candidate mention on the working copy, filled in step by step.

    A plain class rather than a dataclass: the compiled build constructs it natively (a
    dataclass's generated ``__init__`` stays interpreted, and cost a dense report 4% of its
    time), one per figure."""

    __slots__ = (
        "bare", "cents", "end", "flags", "from_header", "group", "head_len", "label", "level",
        "level_by_head", "level_from_list", "level_known", "listed", "masked", "metric",
        "negative", "num", "parent", "per", "period", "period_source", "qualifier",
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
        self.qualifier: str = "exact"
        self.metric: str = "other"
        self.role: str = "actual"
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
        self.parent: int | None = None


class _Context:
    """Clause and sentence boundaries of one working copy, for bisecting, and its layout
    (``_document.Layout``: kind, year, sections), and the metric rules it is read with."""

    __slots__ = (
        "_clause_hi", "_clause_k", "_clause_lo", "_sentence", "clauses", "closes", "layout",
        "opens", "rules", "sentences", "text",
    )

    def __init__(self, text: str, raw: str, rules: Rules) -> None:
        self.text = text
        self.rules = rules
        self.sentences = [m.start() for m in P.SENTENCE_END.finditer(text)]
        self.clauses = [m.start() for m in P.CLAUSE_DELIM.finditer(text)]
        self.layout = Layout(text, raw)
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

    def _parens(self) -> list[int]:
        if self.opens is None:
            self.opens = [m.start() for m in _OPEN.finditer(self.text)]
            self.closes = [m.start() for m in _CLOSE.finditer(self.text)]
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


_OPEN = re.compile(r"\(")
_CLOSE = re.compile(r"\)")


def rows(text: str, rules: Rules) -> list[Row]:
    """Every quantity mention of ``text``, in document order, as rows of plain values
    (``_build.Row``): what :func:`edumetrics.extract` makes records of; ``rules`` are the
    metric rules it reads with."""
    if not P.GATE.search(text):  # most sentences of a report hold no figure
        return []
    norm = normalize(text)
    cells, covered = read_tables(text, _ColumnMetric(rules).of)
    cands = _find(norm.text)
    if not cands and not cells:
        return []
    ctx = _Context(norm.text, text, rules)
    prev_end, group_start, group = 0, 0, -1
    for c in cands:
        if c.group != group:  # members of one list or range share the first one's label
            group, group_start = c.group, prev_end
        _read_value(c)
        _read_context(c, ctx, group_start)
        prev_end = c.end + c.head_len  # the noun after a figure is that figure's
    _carry_targets(cands, ctx)
    _carry_levels(cands, ctx)
    _distribute(cands, ctx)
    _share_qualifiers(cands, ctx.text)
    _link_parts(cands, ctx)
    layout = ctx.layout
    for c in cands:
        if c.period is None:
            c.period, c.period_source = layout.period(c.start)
    out = [_to_row(c, norm) for c in cands]
    if cells:
        out = _with_cells(out, cells, covered, layout, norm)
    if "\t" in text:
        out = _with_column_levels(out, column_levels(text))
    return out


def _with_column_levels(found: list[Row], columns: list[tuple[int, int, str]]) -> list[Row]:
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


class _ColumnMetric:
    """What a table column measures, read with the metric rules of a call."""

    __slots__ = ("rules",)

    def __init__(self, rules: Rules) -> None:
        self.rules = rules

    def of(self, unit: str, name: str) -> str:
        """What a table column named ``name`` (its header's words, or the row's label when
        the header names nothing) measures in ``unit`` (学校数: schools)."""
        if unit == "CNY":
            return "per_capita_funding" if any(w in name for w in PER_CAPITA_WORDS) else "funding"
        if unit in ("percent", "percentage_point"):
            word = P.RATE.search(name)
            return "share" if word is None else _rate_of(word[0])
        allowed, default = _UNIT_METRICS[unit]
        return self.rules._index(UNIT_BY_ID[unit], allowed).last(name) or default


def _with_cells(
    found: list[Row],
    cells: list[Cell],
    covered: list[tuple[int, int]],
    layout: Layout,
    norm: Normalized,
) -> list[Row]:
    """The rows of the sentence reader and of the tables' cells in document order; a
    table's rows are the tables' (see ``_tables.py``)."""
    starts = [a for a, _ in covered]
    ends = [b for _, b in covered]

    def in_table(row: Row) -> bool:
        k = bisect_left(starts, row.start + 1) - 1
        return k >= 0 and row.start < ends[k]

    merged = [(r.start, k, r) for k, r in enumerate(found) if not in_table(r)]
    for cell in cells:
        metric = cell.metric
        period: int | None = cell.period
        source: str | None = "stated"
        if period is None:  # (the layout reads the working copy: the cell's place there)
            period, source = layout.period(norm.work_offset(cell.start))
        ahead = _ahead(cell.period, layout)
        role = "target" if ahead or (ahead is None and layout.forward) else "actual"
        row = Row(
            cell.start, cell.end, cell.value, cell.unit, metric, role, cell.level, "exact",
            False, cell.label, cell.unit_text, None, period, cell.row[0], cell.row[1], None,
            (), source,
        )  # fmt: skip
        merged.append((cell.start, -1, row))
    merged.sort(key=lambda item: item[0])
    new_index = {old: new for new, (_, old, _) in enumerate(merged) if old >= 0}
    out = []
    for _, _, row in merged:
        if row.parent is not None:
            row = row.with_parent(new_index.get(row.parent))
        out.append(row)
    return out


# --- Finding candidates ------------------------------------------------------------------


def _find(text: str) -> list[_Cand]:
    out: list[_Cand] = []
    group = 0
    for m in P.QUANTITY.finditer(text):
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
            out[-1].qualifier, main.qualifier = "at_least", "at_most"
            main.group = out[-1].group
        out.append(main)
        group += 1
        if main.unit_text[:1] in _MULTIPLIERS and text.startswith("(", main.end):
            parts = _breakdown(text, main, group)
            out.extend(parts)
            group += len(parts)
    return out


_MULTIPLIERS = frozenset("万亿")
_BREAKDOWN_REACH = 120  # characters of a parenthesis that may break a figure down


def _breakdown(text: str, total: _Cand, group: int) -> list[_Cand]:
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
            _Cand(m.start("num"), m.end(), m["num"] + mult, total.unit, mult, None, group + k)
        )
        at = m.end() + 1
    return out if at == close + 1 else []


# QUANTITY's groups by number: a match's spans are read in one call (``Match.regs``, in
# CPython's re since its beginning and in typeshed), where each lookup of a group by name
# costs as much again as the whole tuple.
_GROUP = P.QUANTITY.groupindex
_PRE, _PCT, _CHENG, _POP, _HDR = (_GROUP[g] for g in ("pre", "pct", "cheng", "pop", "hdr"))
# the two numeral branches: numeral, qualifier, multiplier, qualifier, unit, per
_NUMERAL_BRANCHES = tuple(
    tuple(_GROUP[g] for g in names)
    for names in (
        ("ar", "q1", "mult", "q2", "unit", "cents", "per"),
        ("cn", "cq1", "cmult", "cq2", "cunit", "ccents", "cper"),
    )
)


def _main_candidate(text: str, m: re.Match[str], group: int) -> _Cand:
    regs = m.regs
    end = regs[0][1]
    for num_g, q1_g, mult_g, q2_g, unit_g, cents_g, per_g in _NUMERAL_BRANCHES:
        start, num_end = regs[num_g]
        if start < 0:
            continue
        mult_start, mult_end = regs[mult_g]
        num = text[start:num_end] + text[mult_start:mult_end]  # an unmatched group is (-1, -1)
        unit_start, unit_end = regs[unit_g]
        per_start, per_end = regs[per_g]
        c = _Cand(
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
        start = pct_start - len("百分之")
        return _Cand(start, end, text[pct_start:end], "percent", "百分之", None, group)
    if regs[_CHENG][0] >= 0:
        start = regs[_CHENG][0]
        return _Cand(start, end, text[start : regs[_CHENG][1]], "percent", "成", None, group)
    if regs[_POP][0] >= 0:
        start = regs[_POP][0]
        return _Cand(start, end, text[start:end], "person", "", None, group)
    return _header_candidate(text, regs[_HDR][0], end, group)


def _header_candidate(text: str, start: int, end: int, group: int) -> _Cand:
    """收入合计(万元):1,256.32: a bare number in the unit its header names (the multiplier
    of 万元 is the number's)."""
    header = P.HEADER_UNIT.search(text, max(0, start - _HEADER_REACH), start)
    if header is None:  # pragma: no cover - QUANTITY matched the same header
        raise AssertionError(f"no unit header before {text[start:end]!r}")
    written = header["unit"]
    mult = written[0] if len(written) > 1 and written[0] in "千万亿" else ""
    unit = UNIT_SURFACES[written[len(mult) :]]
    c = _Cand(start, end, text[start:end] + mult, unit, written, None, group)
    c.from_header = True
    return c


_HEADER_REACH = 12  # characters of the longest header form, (单位:万平方米):


def _pre_candidates(text: str, m: re.Match[str], main: _Cand, group: int) -> list[_Cand]:
    out = []
    items = list(P.PRE_ITEM.finditer(text, m.start("pre"), m.end("pre")))
    is_range = bool(items) and items[-1]["sep"] in P.RANGE_SEPARATORS
    # A list starting a line with 、 is a list marker (3、4所学校...), not a figure.
    if items and items[0]["sep"] == "、" and _starts_line(text, items[0].start()):
        items = items[1:]
    shared_mult = m["mult"] or m["cmult"] or ""
    for it in items:
        num = it["num"]
        if is_range and shared_mult and num[-1:].isdigit():
            num += shared_mult  # 4~6万平方米 is 4万 to 6万
        c = _Cand(it.start("num"), it.end("num"), num, main.unit, "", main.per, group)
        if is_range:
            c.qualifier = "at_least"
        out.append(c)
    if is_range and out:
        main.qualifier = "at_most"
    return out


def _share_qualifiers(cands: list[_Cand], text: str) -> None:
    """分别降至1%、3%以下, 分别为30%、40%左右: a qualifier after the last figure of a list of
    bare figures (see _listed) bounds each of them; not a zero (降至0、1%…: nothing is
    below none)."""
    run: list[_Cand] = []
    for c in [*cands, None]:
        prev = run[-1] if run else None
        if c and prev and c.unit == prev.unit and _listed(text, prev, c):
            run.append(c)
            continue
        last = prev if len(run) > 1 else None
        if last and last.qualifier != "exact" and P.QUALIFIER_AFTER.match(text, last.end):
            for item in run[:-1]:
                if item.qualifier == "exact" and item.value:
                    item.qualifier = last.qualifier
        run = [] if c is None else [c]


def _ranges_to(text: str, low: _Cand, high: _Cand) -> bool:
    """400元至800元, 85%~97%: two figures of one unit joined by a range separator."""
    return (
        high.start - low.end == 1
        and text[low.end] in P.RANGE_SEPARATORS
        and low.unit == high.unit
        and low.qualifier == high.qualifier == "exact"
    )


def _minus_before(text: str, pos: int) -> bool:
    """增长-3.5%, 增速为-2%, 增长率为负3.2%: a minus sign (or 负) right before the number,
    after a word that states a value. A dash after a numeral is a range (3-5所), and one
    after other words is punctuation (学校——34所), so only these words admit the sign."""
    return pos >= 2 and text[pos - 1] in "-负" and text[pos - 2] in _BEFORE_MINUS


_BEFORE_MINUS = frozenset("为是长速幅率至到:(")


def _starts_line(text: str, pos: int) -> bool:
    return pos == 0 or text[pos - 1] in "\n。;:"


def _is_not_a_mention(text: str, c: _Cand, start: int) -> bool:
    """Ordinals, numbers in names and titles, the article 一, page furniture.

    ``start`` is where the figure's writing starts (its list, if it has one).
    """
    before = text[start - 1] if start else ""
    if before and before in "第" + _OPEN_QUOTES:  # ordinals; “五项管理” and other names
        return True
    if c.num.endswith(".") and _starts_line(text, start):  # a list marker: 2. 本文档…
        return True
    if c.unit == "person" and P.RANK.search(text, max(0, start - 4), start):
        return True
    if P.NAMED.match(text, start) or (start != c.start and P.NAMED.match(text, c.start)):
        return True
    if c.num == "一" and _is_article(text, c, before):
        return True
    if _inside_title(text, start, c.end):
        return True
    # page furniture reads "label: value" (大小:18.62KB), the colon right before the value
    # or before the line break that precedes it
    if before not in (":", "=", "\n"):
        return False
    return P.FURNITURE.search(text, max(0, start - 8), start) is not None


def _is_article(text: str, c: _Cand, before: str) -> bool:
    if before in WORD_BEFORE_YI:
        return True
    if c.unit_text in ARTICLE_MEASURES:
        return True
    after = text[c.end : c.end + 2]
    return after.startswith(ARTICLE_FOLLOWERS) or text.startswith(c.unit_text, c.end)


def _inside_title(text: str, start: int, end: int) -> bool:
    """《50个典型案例》: a number in a title is part of the title."""
    open_title = text.rfind("《", max(0, start - 60), start)
    if open_title >= 0 and text.rfind("》", open_title, start) < 0:
        close = text.find("》", end, end + 60)
        if close >= 0 and text.find("《", end, close) < 0:
            return True
    return False


# --- Value -------------------------------------------------------------------------------


def _read_value(c: _Cand) -> None:
    num = c.num
    if any(ch in _MASK_CHARS for ch in num):
        c.masked = True
        return
    if num.endswith("."):
        c.flags.append(Flag.MALFORMED_NUMBER)
        num = num[:-1]
    if len(num) > _LONGEST_NUMERAL:  # a digit run of this length is not a figure
        c.flags.append(Flag.MALFORMED_NUMBER)
        return
    try:
        # (digits alone, most figures: parse_number's first answer, without calling into
        # the interpreted module)
        value = (
            Decimal(num)
            if num.isascii() and num.isdigit()
            else parse_number(num.replace("参", "叁"))  # 參拾 reads 参拾 in the working copy
        )
    except NumeralError:
        c.flags.append(Flag.MALFORMED_NUMBER)
        return
    if c.unit_text == "成":  # 八成 = 80%
        value *= _TEN
    if c.cents:
        value += _cents(c.cents)
    c.value = -value if c.negative else value


def _cents(written: str) -> Decimal:
    """The 角 (tenths) and 分 (hundredths) of a yuan as written after 元: 5角 is 0.5, 壹角捌分
    0.18, 零伍分 0.05; 整/正 say there are none. (QUANTITY lets through one digit before
    each, never 零.)"""
    value = Decimal(0)
    for place, unit in ((1, "角"), (2, "分")):
        at = written.find(unit)
        if at > 0:
            value += parse_number(written[at - 1]).scaleb(-place)
    return value


# --- Context -----------------------------------------------------------------------------


_REACH = 200  # characters of context any decision about a figure may read


def _read_context(c: _Cand, ctx: _Context, prev_end: int) -> None:
    text = ctx.text
    c.sent = ctx.sentence(c.start)
    cl_start = ctx.label_start(c.start)
    # every look at the context is bounded, so a document of one endless sentence stays linear
    reach = c.start - _REACH
    left = text[max(cl_start, reach) : c.start]
    # the figure's own label starts after the figure before it (民办幼儿园x所及校外培训机构x所)
    own = text[max(cl_start, prev_end, reach) : c.start]
    outer = _outer_clause(text, ctx, cl_start, c.start)
    right = text[c.end : min(ctx.clause_end(c.end), c.end + 14)]
    sent_left = text[max(c.sent[0], reach) : c.start]
    _read_qualifier(c, left, right)
    # clauses between the previous figure and this one govern it (即将实施…项目,总投资达x万元)
    lead = text[max(c.sent[0], prev_end, cl_start - _REACH) : cl_start]
    year = P.YEAR.search(sent_left) if "年" in sent_left else None  # 2023年, 2023学年
    if year is not None:
        c.period, c.period_source = int(year[1]), "stated"
    _read_role(c, left, outer + lead, right, _looks_forward(c, left, ctx.layout))
    # the noun after the unit: what a count counts (after a header's figure, the next
    # column's label: 在校生(人) 23,456 专任教师(人) …)
    head = "" if c.from_header else _head_noun(right)
    if c.unit_text in _MEASURE_WORDS:
        _read_measure_word(c, left, own, right, head, ctx.rules)
    own_cut = _cut_end(P.LABEL_TRIM_END, own)  # 全县共有教师 -> 全县…教师
    # the clause's label cut the same way (the same string when no figure stands before)
    left_cut = own_cut if len(own) == len(left) else None
    # 5名研究生和3名师范生: a known noun after a count is its own; the next label starts after it
    if _read_metric(c, left, left_cut, head, sent_left, ctx.rules) and right.startswith(head):
        c.head_len = len(head)
    # the label trimmed of list markers, connectives and verbs (全县共有教师 -> 教师…)
    named = P.LABEL_TRIM_START.sub("", own_cut)
    listed = named in _CONJUNCTIONS  # 5名研究生和3名…: the list's label, not its own
    if listed:
        named = ""
    # 在校生(含在园幼儿), 中小学(幼儿园): an aside names no level of the figure
    own = P.CLOSED_ASIDE.sub("", own) if ")" in own else own
    _read_level(c, own, head, named, listed, ctx.rules)
    c.label = _label(named, head, c)
    if c.metric == "person_count" and P.EXAM_TAKERS.match(right):
        c.metric = "student_count"  # 共有58238人报名参加普通高考: candidates are students
    if (
        c.metric == "funding"
        and ctx.layout.per_capita(c.start)
        and not P.MONEY_CUE.search(left)
        and not P.TOTAL.search(sent_left)
    ):
        # (1)全市普通小学为8547.85元 under 2.各级教育生均…支出情况: the section's measure
        c.metric = "per_capita_funding"
    if (
        c.value is not None
        and c.unit in ("percent", "percentage_point")
        and c.value > _HUNDRED
        and c.metric not in _MAY_EXCEED_100
    ):
        c.flags.append(Flag.IMPLAUSIBLE_VALUE)


def _looks_forward(c: _Cand, left: str, layout: Layout) -> bool:
    """Whether a figure with no cue of its own is a goal for where it stands: in a
    section announcing goals (三、下一步工作打算), unless something was done; in a plan or
    a budget, unless marked as realised (现有, 已, 比上年的) or stated for a year before
    the document's own; in any document, when stated for a year after it (到2025年)."""
    if layout.in_plan(c.start):
        return not P.ACTUAL_MARKER.search(left)
    ahead = _ahead(c.period, layout)
    if ahead is not None:
        return ahead
    return layout.forward and not P.REALISED.search(left)


def _ahead(period: int | None, layout: Layout) -> bool | None:
    """Whether a year stated for a figure lies after its document's own (None: neither
    after nor before, or no year to compare)."""
    if period is None or layout.year is None or period == layout.year:
        return None
    return period > layout.year


def _cut_end(pattern: regex.Pattern[str], s: str) -> str:
    """``s`` without what an end-anchored pattern (``(?r)…$``) matches at its end.

    A reverse pattern's ``match`` is anchored at the end of the string: one attempt, where
    ``search`` and ``sub`` would try every position of a clause. ``s`` is a piece of one
    clause and holds no line break, so ``$`` can only mean its end and the two agree.
    """
    m = pattern.match(s)
    return s[: m.start()] if m else s


def _outer_clause(text: str, ctx: _Context, cl_start: int, pos: int) -> str:
    """The clause around an open parenthesis the candidate stands in, if any."""
    lo = max(0, pos - _PAREN_REACH)
    paren = text.rfind("(", lo, pos)
    if paren < 0 or text.rfind(")", paren, pos) >= 0:
        return ""
    return text[max(ctx.clause_start(paren), paren - _REACH) : paren]


_PAREN_REACH = 80  # a parenthesis opened further back than this is not the figure's


def _read_qualifier(c: _Cand, left: str, right: str) -> None:
    if c.qualifier != "exact":
        return
    before = P.QUALIFIER_BEFORE.match(left)  # anchored at the end (see _cut_end)
    if before:
        word = before[0] if before[0] in QUALIFIERS_BEFORE else before[0][:-1]
        c.qualifier = QUALIFIERS_BEFORE[word]
        return
    adverb = P.ADVERB_QUALIFIER.match(left) if "至" in left or "最" in left else None
    if adverb:
        c.qualifier = QUALIFIERS_BEFORE[adverb["word"]]
        return
    after = P.QUALIFIER_AFTER.match(right)
    if after:
        c.qualifier = QUALIFIERS_AFTER[after[0]]


def _read_role(c: _Cand, left: str, outer: str, right: str, forward: bool) -> None:
    """``forward``: a figure with no cue of its own is a goal where it stands (see
    :func:`_looks_forward`)."""
    sign = _change_sign(left, c.unit == "percentage_point")
    if sign is None and c.unit == "percent" and (fastest := _last(P.FASTEST_CHANGE, left)):
        sign = FASTEST_CHANGES[fastest[0]]  # 增长最快的是犍为县(30.70%)
    if sign is not None or P.INCREMENT_AFTER.search(right):
        c.role = "change"
        if sign is not None and sign < 0 and c.value is not None:
            c.value = -c.value
        return
    for scope in (left, outer):
        m = _last_target(scope)
        # 计划投资的300万元 / 绩效目标完成情况:实际资助…: what follows the cue was done
        if (
            m is not None
            and P.DONE_AFTER_GOAL.search(scope, m.end()) is None
            and P.DONE_BEFORE.match(scope[: m.start()]) is None  # 已按计划新建…
        ):
            c.role = "target"
            # 补助标准为每生每年2000元: a standard, unless a goal was stated before it
            c.standard = m[0] in STANDARD_CUES and all(
                t[0] in STANDARD_CUES for t in P.TARGET.finditer(scope, 0, m.start())
            )
            return
    if "标准" in right and P.STANDARD_AFTER.match(right):  # 按每生每年1000元标准
        c.role = "target"
        c.standard = True
    elif forward:
        c.role = "target"


def _last_target(scope: str) -> re.Match[str] | None:
    """The last target cue of ``scope`` that is not part of the noun of a rate of what was
    done against a plan (计划完成率 names no goal; 确保计划完成率达到95% does)."""
    last = _last(P.TARGET, scope)
    if last is None or not P.PLAN_RATE.match(scope, last.start()):
        return last
    for m in reversed(list(P.TARGET.finditer(scope, 0, last.start()))):
        if not P.PLAN_RATE.match(scope, m.start()):
            return m
    return None


_MEASURE_WORDS = frozenset({"块", "处"})  # units SPEC gives a meaning only in some contexts


def _read_measure_word(
    c: _Cand, left: str, own: str, right: str, head: str, rules: Rules
) -> None:
    """块 is yuan only where money is spoken of (补助每人300块, 3块钱), 处 counts schools only
    where a school or institution is counted (幼儿园5处); otherwise (运动场8块, 隐患12处)
    each is a measure word of unit ``other``."""
    if c.unit_text == "块":
        money = right.startswith("钱") or P.MONEY_CUE.search(left) is not None
        if not money:
            c.unit = "other"
        return
    schools = rules._index(Unit.SCHOOL)
    if (schools.last(head) if head else schools.last(own, _LABEL_END_SLACK)) is None:
        c.unit = "other"


def _change_sign(left: str, points: bool) -> int | None:
    """Sign of a change cue that governs the number right after ``left``, if any
    (``points``: the number is in percentage points, always a difference)."""
    tail = left[-8:]
    m = _last(P.CHANGE, tail)
    if m is None:
        return None
    word = m[0]
    at = len(left) - len(tail) + m.start()
    if at and left[at - 1] == "不":  # 不低于650元, 不少于: a floor, not a change
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


@overload
def _last(pattern: re.Pattern[str], s: str) -> re.Match[str] | None: ...
@overload
def _last(pattern: regex.Pattern[str], s: str) -> regex.Match[str] | None: ...
def _last(
    pattern: re.Pattern[str] | regex.Pattern[str], s: str
) -> re.Match[str] | regex.Match[str] | None:
    """The last match of ``pattern`` in ``s``, if any."""
    last = None
    if s:  # most scopes looked at are empty (no parenthesis, no clause before)
        for last in pattern.finditer(s):  # noqa: B007 - we want the last match
            pass
    return last


def _read_metric(
    c: _Cand, left: str, left_cut: str | None, head: str, sent_left: str, rules: Rules
) -> bool:
    """Set the figure's metric; whether the noun after a count's unit named what it counts.

    ``left_cut`` is ``left`` without its trailing verbs and connectives, if known."""
    unit = UNIT_BY_ID[c.unit]
    if unit in (Unit.PERCENT, Unit.PERCENTAGE_POINT):
        c.metric = _rate_metric(c, left, sent_left, rules)
    elif unit is Unit.CNY:
        c.metric = _money_metric(c, left, rules)
    elif c.unit_text == "‰":  # a rate per mille (辍学率3‰) is the rate its word names
        word = P.RATE.search(left)
        c.metric = "other" if word is None else _rate_of(word[0])
    else:
        allowed, default = _UNIT_METRICS[c.unit]
        if unit is Unit.OTHER and c.unit_text[-1:] in _THING_MEASURE_WORDS:
            # 民办幼儿园23家, 147家校外培训机构, 运动场246块: things counted by a measure word
            # SPEC gives no unit of its own are counted as items are (the unit stays
            # other); 合作企业56家 names no such thing
            unit, allowed = Unit.ITEM, _THINGS
        found = _count_metric(unit, head, left, left_cut, sent_left, allowed, rules)
        c.metric = found or default
        if unit is Unit.PERSON and found in _RECRUITABLE and P.RECRUIT.search(left):
            # 引进了x名研究生和x名公费师范生: the students or graduates an education bureau
            # recruits are teachers (引进优秀人才 names people of its own)
            c.metric = "teacher_count"
        return bool(head) and found is not None
    return False


def _rate_metric(c: _Cand, left: str, sent_left: str, rules: Rules) -> str:
    scope = left if c.unit == "percent" else sent_left
    user = rules._user_index(UNIT_BY_ID[c.unit])
    if user is not None and (found := user.last(scope)) is not None:
        return found
    word = P.RATE.search(scope)  # the rate word ending last
    if word is not None:
        return _rate_of(word[0])
    c.rate_elided = True
    if c.unit == "percentage_point":
        return "other_rate"
    if c.role == "change":
        return "growth_rate"
    return "share"


_RATE_KEYS = sorted(RATE_WORDS, key=len, reverse=True)


def _rate_of(word: str) -> str:
    """Metric of a rate word (毛入园率 -> gross_enrollment_rate; 文盲率 -> other_rate)."""
    for key in _RATE_KEYS:
        if word.endswith(key):
            return RATE_WORDS[key]
    return "other_rate" if word.endswith("率") else "share"


def _money_metric(c: _Cand, left: str, rules: Rules) -> str:
    user = rules._user_index(Unit.CNY)
    if user is not None and (found := user.last(left)) is not None:
        return found
    if c.per and any(p in c.per for p in ("生", "人")):
        return "per_capita_funding"
    if any(w in left for w in PER_CAPITA_WORDS) and not any(w in left for w in TOTAL_WORDS):
        return "per_capita_funding"
    return "funding"


_LIST_JOINERS = "、和与及或"  # what stands between two items of a list
_CONJUNCTIONS = frozenset({*_LIST_JOINERS, "以及"})
_RECRUITABLE = frozenset({"student_count", None})
_THINGS = frozenset({"project_count", "facility_count", "school_count"})
_THING_MEASURE_WORDS = frozenset("家块处栋幢")
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
    label = _cut_end(P.LABEL_TRIM_END, left) if left_cut is None else left_cut
    if unit is Unit.ITEM:
        # an item's label names things, not people: 考试16次 counts exams
        things = rules._index(unit, _THINGS)
        # 其中小学5012个: 其中 names nothing; 册数小学不少于25册: the level ends the label
        label = P.LABEL_TRIM_START.sub("", _unqualified(label))
        # a level word just before the figure gives its level (生均图书小学25册、初中35册);
        # the thing counted is named before it, if anything is (新建幼儿园3个: nothing)
        level = P.LEVEL_AT_END.match(label)  # anchored at the end (see _cut_end)
        if level is not None and not level.start():
            # 小学配备计算机3200台,初中2600台: a label that is only a level counts what
            # the sentence counted before it (班级9846个,其中小学5012个: classes, not schools)
            before = sent_left[: len(sent_left) - len(left)]
            if not before.strip():
                return things.last(label)
            # (生均图书:小学32.5册,初中45.8册: books, not the 小学 of the figure before)
            return things.last(P.LEVEL.sub(_blank_level_word, before))
        if level is not None:
            before = label[: level.start()]
            found = things.last(before, _LABEL_END_SLACK)
            if found is None and before[-1] in "、和及与":
                # …、初中35册: the thing the list counts, named before its first level
                found = things.last(P.LEVEL.sub(_blank_level_word, before))
            if found is not None:
                return found
        return things.last(label, _LABEL_END_SLACK)
    found = index.last(label, _LABEL_END_SLACK)
    if found is None and (unqualified := _unqualified(label)) != label:
        found = index.last(unqualified, _LABEL_END_SLACK)  # 教师不少于: 教师
    if found is None and unit is Unit.PERSON:
        # a count of people with no noun of its own (共计xx人, 比上年增加597人) counts
        # the people the sentence has been speaking of
        found = index.last(sent_left)
    return found


_LABEL_END_SLACK = 1  # characters a label may run on after its counted noun


def _unqualified(label: str) -> str:
    """``label`` (cut by LABEL_TRIM_END) without a qualifier at its end, nor the trim
    words the qualifier hid (册数小学不少于 -> 册数小学; 总数超过了 -> 总数)."""
    cut = _cut_end(P.QUALIFIER_BEFORE, label)
    # (a cut end holds no trim word: LABEL_TRIM_END's repetition stops only where none
    # matches, so cutting again changes only what the qualifier hid)
    return label if len(cut) == len(label) else _cut_end(P.LABEL_TRIM_END, cut)


def _blank_level_word(m: re.Match[str]) -> str:
    """A level word blanked out (a decoy such as 科技 kept as written)."""
    return "|" if m[0] in LEVEL_WORDS else m[0]


def _blank_decoy(m: re.Match[str]) -> str:
    """A decoy (其中) blanked out, a level word kept as written."""
    return m[0] if m[0] in LEVEL_WORDS else "|"


def _head_noun(right: str) -> str:
    q = P.QUALIFIER_AFTER.match(right)
    if q:
        # 2400人左右: skip the qualifier; 12个班以上的完小: the noun is what the figure
        # describes, not what it counts
        right = right[q.end() :]
        if right.startswith("的"):
            return ""
    m = P.HEAD_NOUN.match(right)
    if m:
        return m[1]
    # 150名在常就读的特困生: the noun after a relative clause ending in 的
    de = right.find("的", 0, 12)
    if de >= 0:
        m = P.HEAD_NOUN.match(right, de + 1)
        if m:
            return m[1]
    return ""


def _read_level(c: _Cand, left: str, head: str, named: str, listed: bool, rules: Rules) -> None:
    """The level the figure's own words name: the noun after its unit, then its label.

    ``listed``: the figure's label is only a conjunction after the figure before it.
    """
    for scope in (head, left):
        found = _level_in(scope, nearest_last=scope is not head)
        if found is not None:
            c.level = found or None
            c.level_known = True
            c.level_by_head = scope is head
            return
    c.listed = listed
    c.bare = not head and (
        len(named) <= _BARE_LABEL
        or c.role == "change"
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


_COUNTED_UNITS = frozenset({"person", "person_time", "school", "item"})


def _topic_level(
    text: str, ctx: _Context, sent_start: int, bare: bool, last_level: dict[int, str | None]
) -> str | None:
    """The one level the previous sentence of the same paragraph speaks of, if any.

    A sentence without figures (加快“普九”攻坚步伐。) announces the topic of the next. One
    reporting figures of its own is continued only by a figure that names nothing but
    what it counts (特殊教育学校1所。在校生120人), and only when its last figure is of the
    one level it names; a figure naming a subject of its own (民办学校12所, 教育经费总投
    入5.2亿元) takes nothing from it.
    """
    if sent_start < 2 or text[sent_start - 1] != "。":
        return None
    prev_start = ctx.sentence(sent_start - 1)[0]
    with_figures = prev_start in last_level
    if with_figures and not bare:
        return None
    levels = levels_named(text, max(prev_start, sent_start - _REACH), sent_start)
    levels.discard("")
    if len(levels) != 1:
        return None
    level = levels.pop()
    return None if with_figures and last_level[prev_start] != level else level


_BARE_LABEL = 3  # a label this short (学生, 幼儿) just names what the sentence counts


def _carry_targets(cands: list[_Cand], ctx: _Context) -> None:
    """A goal stated for a sentence covers its later figures (力争…达到95%以上,…达到97%)
    unless a later clause reports something done (已, 完成, 现有, 其中 …); a standard
    covers only its own figure, and the other end of its range."""
    for prev, c in pairwise(cands):
        if c.standard and prev.group == c.group and prev.role == "actual":
            prev.role = "target"  # 按每人每月300～800元标准: the range is the standard
        if prev.role != "target" or c.role != "actual" or prev.sent != c.sent:
            continue
        if prev.standard and prev.group != c.group:
            continue  # a standard sets its own figure (…标准为2000元,共补助学生4260人)
        if not P.ACTUAL_MARKER.search(ctx.text, prev.end, c.start):
            c.role = "target"


def _carry_levels(cands: list[_Cand], ctx: _Context) -> None:
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
    """What :func:`_carry_levels` remembers while it walks a text's figures in order; each
    sentence's and statement's answers are computed once, so the walk stays linear."""

    __slots__ = (
        "built", "cands", "ctx", "exam", "first", "last_level", "named", "names_level", "scope",
        "semicolon", "stmt_first", "subject",
    )

    def __init__(self, cands: list[_Cand], ctx: _Context) -> None:
        self.cands, self.ctx = cands, ctx
        self.names_level: dict[int, bool] = {}  # per sentence start
        self.last_level: dict[int, str | None] = {}  # per sentence start: its last figure's
        self.first: dict[int, int] = {}  # per sentence start: where its first figure starts
        self.stmt_first: dict[int, int] = {}  # the same per statement (parted by ;, or
        # the sentence itself when it has none)
        self.semicolon: dict[int, bool] = {}  # per sentence start: whether it has statements
        self.subject: dict[int, str | None] = {}  # per statement start: its subject's level
        self.scope: dict[int, tuple[int, int, int]] = {}  # per statement: where it is read
        self.built: dict[int, str | None] = {}  # its subject's level, even a verb's object
        self.named: dict[int, set[str]] = {}  # per sentence start: the levels it names
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
                stmt = max(start, text.rfind(";", max(start, c.start - _REACH), c.start) + 1)
            self.stmt_first.setdefault(stmt, c.start)
            if not c.level_known:
                # what the sentence says, else the section's heading, else the title
                c.level = self._carried(i, stmt) or self._scoped(c)
            self.last_level[start] = c.level

    def _scoped(self, c: _Cand) -> str | None:
        """The level of a figure whose sentence settles none: the stage of the entrance
        exam a sentence naming no other level is about; its section heading's, unless the
        sentence names another level (SPEC: a heading's level covers its section); else
        its document title's."""
        layout, text = self.ctx.layout, self.ctx.text
        start = c.sent[0]
        if start not in self.named:  # (read once per sentence)
            self.named[start] = named = levels_named(text, *c.sent)
            found = P.EXAM.search(text, *c.sent)
            exam = None if found is None else LEVEL_WORDS[found[0]]
            self.exam[start] = exam if named == {exam} else None
        named, exam = self.named[start], self.exam[start]
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
            if prev is not None and prev.sent == c.sent and (
                # 普通高中引进了5名研究生和3名师范生: the level of the list's label, not
                # that of the first item's noun (新建3所幼儿园和2个教学点)
                c.bare or not prev.level_by_head
            ):
                return prev.level
        start, end = c.sent
        if start not in self.names_level:  # a single level named ("" is several: 中小学)
            words = P.LEVEL.finditer(text, start, end)
            self.names_level[start] = any(LEVEL_WORDS.get(m[0]) for m in words)
        if not self.names_level[start]:
            topic = _topic_level(text, ctx, start, c.bare, self.last_level)
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


_PROJECT_UNITS = frozenset({"m2", "mu", "CNY"})  # what a building project is measured in


_LEAD = 16  # characters of a sentence's opening clauses that may set its figures' level


def _lead_level(text: str, ctx: _Context, start: int, first: int, pos: int) -> str | None:
    """今年高考,我县600分以上考生达86人: the clauses opening a sentence before its first
    figure set the level of its figures when they name one level and nothing between
    them and the figure names another."""
    lead_end = ctx.clause_start(first)
    if not start < lead_end <= start + _LEAD:
        return None  # a long lead tells a story of its own (选取了…小学进行了宣传)
    named = levels_named(text, start, lead_end)
    if len(named) != 1 or not levels_named(text, max(lead_end, pos - _REACH), pos) <= named:
        return None
    return named.pop() or None


def _subject_level(
    text: str, ctx: _Context, start: int, end: int, first: int, objects: bool = False
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
            if m[0] in LEVEL_WORDS and not _in_aside(ctx, lo, m.start(), first)
        ),
        None,
    )
    if word is None or (not objects and P.OBJECT_VERB.search(text, lo, word.start())):
        return None
    named = levels_named(text, start, end)
    if len(named) != 1 or "" in named:
        return None
    return named.pop()


def _in_aside(ctx: _Context, lo: int, pos: int, hi: int) -> bool:
    """Whether ``pos`` stands in a parenthesis opened after ``lo`` and closed before ``hi``
    (在校生(含在园幼儿)1032万人)."""
    return ctx.last_open(lo, pos) > ctx.last_close(lo, pos) and ctx.next_close(pos, hi) >= 0


def _aside_of(text: str, prev: _Cand, c: _Cand) -> bool:
    """Whether ``c`` stands in a parenthesis opened right after figure ``prev`` (or after
    the noun that follows it): an aside about that figure."""
    paren = text.find("(", prev.end, prev.end + prev.head_len + 1)
    return paren >= 0 and text.find(")", paren, c.start) < 0 and c.sent == prev.sent


def _before_aside(cands: list[_Cand], i: int, ctx: _Context) -> int | None:
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


def _before_breakdown(cands: list[_Cand], j: int, text: str) -> int | None:
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


def _breaks_down(text: str, a: _Cand, b: _Cand) -> bool:
    """Whether ``a`` and ``b`` are items of one breakdown by level (小学42所、初中15所):
    figures of one unit, each naming its own level, listed with 、 in one clause. (Items
    parted by commas are as often statements of their own: 高中4所使全市到达23所,幼儿园8所
    使全市到达32所.)"""
    if a.sent != b.sent or a.unit != b.unit or not (a.level_known and b.level_known):
        return False
    between = text[a.end : b.start]
    return (
        0 < len(between) <= _ITEM_GAP
        and between[0] in "、和及与"
        and P.CLAUSE_DELIM.search(between) is None
    )


def _level_in(scope: str, nearest_last: bool) -> str | None:
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
            return "adult"
        return ""
    return None if best is None else best[2]


_ADULT_STAGES = frozenset({"adult", "higher", "vocational"})


_SPECIFIC = 2  # LEVEL_PRIORITY of a single stage (preschool … adult)


_LONG_LABEL = 12  # a label longer than this is a clause; the counted noun says more


def _label(named: str, head: str, c: _Cand) -> str | None:
    """The figure's label: ``named`` (already cut by LABEL_TRIM_END) without a qualifier
    at its end, and without the trim words that the qualifier hid."""
    label = _unqualified(named)
    is_count = c.unit not in ("percent", "percentage_point", "CNY")
    if is_count and head and (not label or len(label) > _LONG_LABEL):
        return head
    if not label:
        return None
    return label[-24:]


# --- Across candidates -------------------------------------------------------------------


def _distribute(cands: list[_Cand], ctx: _Context) -> None:
    """Distributive lists: 小学、初中入学率为99.07%、94.88% -> one level each, in order."""
    groups = _list_groups(cands, ctx.text)
    previous: list[list[_Cand]] = []
    for g in groups:
        if len(g) < 2:
            continue
        _elided_points(g)
        first = g[0]
        left = ctx.text[max(ctx.label_start(first.start), first.start - _REACH) : first.start]
        levels = _enumerated_levels(left)
        if len(levels) == len(g):
            for c, level in zip(g, levels, strict=False):
                c.level = level
                c.level_from_list = True
        else:
            for prev in reversed(previous[-_GROUP_REACH:]):
                if len(prev) == len(g) and prev[0].sent == first.sent:
                    if all(p.level_from_list for p in prev):
                        for c, p in zip(g, prev, strict=False):
                            c.level = p.level
                            c.level_from_list = True
                    break
        # every member of a list shares the first member's role and metric, unless the
        # label enumerates one rate per member (入学率、巩固率分别为99%、95%)
        items = _enumerated_rates(left) if first.unit in ("percent", "percentage_point") else []
        rates = [_rate_of(item) for item in items]
        if len(rates) == len(g):
            for c, item, metric in zip(g, items, rates, strict=True):
                c.metric = metric
                level = _level_in(item, nearest_last=True)  # 小学入学率和初中巩固率
                if level is not None and not c.level_from_list:
                    c.level = level or None
        for c in g[1:]:
            if c.label is None:
                c.label = first.label
            if c.unit == first.unit:
                if len(rates) != len(g):
                    c.metric = first.metric
                if first.role == "change" and c.role != "change":
                    c.role = "change"
                    if c.value is not None and _is_negative_group(first):
                        c.value = -c.value
                elif first.role == "target":
                    c.role = "target"
        previous.append(g)
    if "分别" in ctx.text:
        _levels_respectively(cands, ctx)
    _propagate_per_capita(cands, ctx)
    _propagate_rates(cands)
    _propagate_counts(cands)


_GROUP_REACH = 8  # lists a later list may take its levels from


def _elided_points(group: list[_Cand]) -> None:
    """分别提高0.3个和0.5个百分点: a 个 in a list that ends in 个百分点 is that unit, its
    百分点 left out, and measures what the last one measures."""
    last = group[-1]
    if last.unit != "percentage_point" or not last.unit_text.startswith("个"):
        return
    for c in group[:-1]:
        if c.unit == "item" and c.unit_text == "个":
            c.unit = "percentage_point"
            c.metric = last.metric


def _levels_respectively(cands: list[_Cand], ctx: _Context) -> None:
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
        k = text.rfind("分别", max(clause, cands[i - 1].end) if i else clause, c.start)
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


def _is_negative_group(first: _Cand) -> bool:
    return first.value is not None and first.value < 0


def _list_groups(cands: list[_Cand], text: str) -> list[list[_Cand]]:
    groups: list[list[_Cand]] = []
    for c in cands:
        if groups and _listed(text, groups[-1][-1], c):
            groups[-1].append(c)
            continue
        groups.append([c])
    return groups


def _listed(text: str, a: _Cand, b: _Cand) -> bool:
    """Whether ``b`` follows ``a`` as the next item of one list (5所、8所 or 5、8所)."""
    if a.group == b.group:
        return True
    between = text[a.end : b.start]
    return 0 < len(between) <= 2 and all(ch in _LIST_JOINERS for ch in between)


def _enumerated_levels(left: str) -> list[str | None]:
    # (decoys read first, as everywhere: 其中小学、初中 lists 小学, not 中小学)
    found = _last(P.LEVEL_LIST, P.LEVEL.sub(_blank_decoy, left))
    if found is None:
        return []
    return [LEVEL_WORDS[w] or None for w in P.LEVEL.findall(found[0]) if w in LEVEL_WORDS]


def _enumerated_rates(left: str) -> list[str]:
    """The rates a label lists in order (小学入学率和初中巩固率 -> both items)."""
    found = _last(P.RATE_LIST, left)
    if found is None:
        return []
    return [w for w in P.RATE_ITEM_SEP.split(found[0]) if w]


def _propagate_per_capita(cands: list[_Cand], ctx: _Context) -> None:
    """An amount in yuan right after a per-capita figure of the same sentence (or of the
    sentence a 其中 continues) is per capita when it is a change (提高了105元) or its label
    names no amount of its own: only a level (生均公用经费小学达到720元,初中达到940元), a
    comparison's base (比上年的7901.77元) or a part (其中,农村为7403.91元)."""
    text = ctx.text
    prev: _Cand | None = None  # the last amount in yuan
    for c in cands:
        if c.unit != "CNY":
            continue
        last, prev = prev, c
        if (
            c.metric == "funding"
            and last is not None
            and last.metric == "per_capita_funding"
            and (last.sent == c.sent or _continues(text, c.sent[0], last.sent))
            and (c.role == "change" or c.label is None or not P.MONEY_CUE.search(c.label))
            and not P.TOTAL.search(text, max(c.sent[0], c.start - _REACH), c.start)
        ):
            c.metric = "per_capita_funding"


def _continues(text: str, start: int, prev: tuple[int, int]) -> bool:
    """Whether the sentence at ``start`` opens with 其中 right after sentence ``prev``."""
    return prev[1] == start and P.PART_OPENING.match(text, start) is not None


def _propagate_rates(cands: list[_Cand]) -> None:
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
                or (prev.unit == "percentage_point" and c.unit == "percent" and c.role == "actual")
            )
            and len(c.label or "") <= _BARE_LABEL + 1
        ):
            c.metric = prev.metric
            c.rate_elided = False


def _propagate_counts(cands: list[_Cand]) -> None:
    """计算机5000台,比上年增加300台 / 资源教室24间,累计达到156间: a count whose words name
    nothing counts what the count before it in the sentence counts."""
    for prev, c in pairwise(cands):
        if (
            c.metric == "other"
            and c.unit == prev.unit == "item"
            and (c.bare or c.label is None)
            and prev.metric != "other"
            and prev.sent == c.sent
        ):
            c.metric = prev.metric


def _same_kind(role: str, other: str) -> bool:
    """Whether two figures' roles both state a level (actual or target) or both a change."""
    return role == other or "change" not in (role, other)


def _finer(part: str, total: str) -> bool:
    """Whether a part (其中) of a count of ``total`` with the metric ``part`` is better
    read as ``total``: people of no named kind, or students, among staff or teachers."""
    return (part == "person_count" and total in _PEOPLE) or (
        part == "student_count" and total in ("teacher_count", "staff_count")
    )


_PEOPLE = frozenset({"teacher_count", "staff_count", "student_count"})


def _link_parts(cands: list[_Cand], ctx: _Context) -> None:
    """其中: figures after it are parts of the last figure of the same unit before it."""
    text = ctx.text
    for i, c in enumerate(cands):
        k = text.rfind("其中", max(c.sent[0], c.start - _REACH), c.start)
        if k < 0:
            continue
        # 现有在校学生47478人。其中:学前8234人…: a sentence opening with 其中 breaks
        # down the sentence before it
        first = c.sent[0]
        opening = P.PART_OPENING.match(text, first) if first else None
        if opening is not None and opening.end() == k + len("其中"):
            first = ctx.sentence(first - 1)[0]
        for j in range(i - 1, max(-1, i - 1 - _GROUP_REACH * 4), -1):
            t = cands[j]
            if t.sent[0] < first:
                break
            if t.end <= k and t.unit == c.unit and t.role != "change":
                c.parent = j
                if c.metric == "other" or _finer(c.metric, t.metric):
                    # 车辆5辆,其中一般公务用车3辆: cars too; 招聘教师215人,其中研究生12人:
                    # teachers too
                    c.metric = t.metric
                if c.level is None and not c.level_known:  # 幼儿园教职工…,其中专任教师…
                    c.level = t.level
                if (  # 计划招生4200人,其中…; not 计划招聘100名,其中已到岗60名
                    t.role == "target"
                    and c.role == "actual"
                    and not P.ACTUAL_MARKER.search(text, k + len("其中"), c.start)
                ):
                    c.role = "target"
                break
    totals: dict[int, list[_Cand]] = {}
    for c in cands:
        if c.parent is not None:
            totals.setdefault(c.parent, []).append(c)
    for j, parts in totals.items():
        total = cands[j]
        values = [p.value for p in parts if p.value is not None]
        if total.value is not None and len(values) == len(parts) and sum(values) > total.value:
            total.flags.append(Flag.PARTS_EXCEED_TOTAL)


# --- Records -----------------------------------------------------------------------------


def _to_row(c: _Cand, norm: Normalized) -> Row:
    """The record's row (``_build.Row``): every field was checked on the way here (ids
    come from the enums' own tables, spans from the offset map), so the record is built
    without re-validation; validating each of a report's hundreds of records again would
    cost more than finding them."""
    start, end = norm.raw_span(c.start, c.end)
    s_start, s_end = norm.raw_span(c.sent[0], c.sent[1]) if c.sent[1] > c.sent[0] else (0, 0)
    return Row(
        start, end, c.value, c.unit, c.metric, c.role, c.level or None, c.qualifier, c.masked,
        c.label, c.unit_text, c.per, c.period, s_start, s_end, c.parent,
        tuple(dict.fromkeys(f.value for f in c.flags)), c.period_source,
    )  # fmt: skip
