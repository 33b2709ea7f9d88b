"""A document's layout, read once per text: what kind of document it is, its own year,
the level its title speaks of, and the sections its numbered headings open.

The extractor reads each figure in its sentence; what lies beyond the sentence is read
here, once, and looked up by position (``bisect``), so that reading a figure's section
costs the same at the end of a long report as at its start:

- **kind** (``plan``, ``budget``, ``bulletin``, ``summary``, ``news`` or None), from the
  nouns of the title and opening lines (``_vocab.DOCUMENT_KINDS``). A plan's and a
  budget's figures look forward: they are goals unless marked as realised.
- **year**: the first year the opening names (``2024年教育工作要点``), which decides
  whether a year a figure states lies ahead (a goal) or behind (a baseline).
- **level**: the one education level the title names (``今年高考报名人数…`` speaks of the
  senior-secondary stage), the last resort for a figure that names none.
- **sections**: each numbered heading (``二、高中阶段教育``, ``(三)…``, ``3.…``, ``(1)…``)
  opens a section that runs to the next heading of the same or a higher rank; a section
  has the level its heading (or the nearest enclosing one) names, and whether its heading
  names a per-capita measure (``生均公用经费支出情况``).
- **plans**: sections whose heading announces goals (``三、下一步工作打算``, ``主要目标``).

A long document is read in parts (``_parts.py``); a :class:`Carry` takes what the parts
before have read (the kind, year and level of the opening, the sections still open) into
the layout of the next, so each part reads as it would inside the whole text.

This module is part of the compiled hot path (see ``hatch_build.py``): plain typed Python.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

from edumetrics import _patterns as P
from edumetrics._normalize import normalize
from edumetrics._vocab import LEVEL_WORDS, PER_CAPITA_WORDS
from edumetrics.records import PeriodSource

# The ids this module reads and writes, as plain str constants (why: ``_candidates.py``).
_DOCUMENT: Final = PeriodSource.DOCUMENT.value
_SECTION: Final = PeriodSource.SECTION.value

__all__ = ["OPENING", "Carry", "Layout", "describe", "heading_level", "levels_named"]

OPENING = 400  # characters of a document's opening that name its kind and year
_TITLE_LINES = 6  # lines of the opening that may hold its title
_TITLE = 60  # a longer line is a paragraph, not a title
_HEADING_TITLE = 20  # a longer "title" is a paragraph run on, or a line broken mid-sentence
_RANKS = ("r0", "r1", "r2", "r3")  # SECTION_HEADING's marker groups, outermost first


def levels_named(text: str, start: int = 0, end: int | None = None) -> set[str]:
    """The levels the words of ``text[start:end]`` name ("" for words naming several at
    once, such as 中小学); decoys (其中) name none."""
    found = P.LEVEL.findall(text, start, len(text) if end is None else end)
    return {LEVEL_WORDS[w] for w in found if w in LEVEL_WORDS}


def heading_level(title: str) -> str | None:
    """The level a heading names: None if it names none, "" if several (义务教育和高中)."""
    if len(title) > _HEADING_TITLE:
        return None
    levels = levels_named(title)
    if len(levels) > 1:
        return ""
    return levels.pop() if levels else None


# a numbered heading still open: its rank, the level it names, whether it names a
# per-capita measure, the year it names
_Open = tuple[int, str | None, bool, int | None]


class Carry:
    """What the parts of a document read so far leave to the next part's layout: the
    document's kind, year and level (read from ``opening``, the first ``OPENING``
    characters of the whole text), the numbered headings still open, and the plan section
    still open: None if none, else whether a top-level heading opened it."""

    __slots__ = ("kind", "level", "parts", "plan", "sections", "year")

    def __init__(self, opening: str) -> None:
        self.kind, self.year, self.level = _opening_facts(_opening(opening))
        self.sections: list[_Open] = []
        self.plan: bool | None = None
        self.parts = 0  # parts read


class Layout:
    """The layout of one working copy (see the module's docstring)."""

    __slots__ = (
        "_plan_ends", "_plan_starts", "_section_levels", "_section_per_capita",
        "_section_starts", "_section_years", "kind", "level", "text", "year",
    )

    def __init__(self, text: str, raw: str, carry: Carry | None = None) -> None:
        """``text``: the working copy; ``raw``: the text it was made from (the working
        copy may join a title to the line after it). ``carry``: for a part of a longer
        text, what the parts before it read, which this part then updates."""
        self.text = text
        self._section_starts: list[int] | None = None
        self._section_levels: list[str | None] = []
        self._section_per_capita: list[bool] = []
        self._section_years: list[int | None] = []
        if carry is None:
            # (a short text of one line is its own opening: its working copy is ``text``)
            opening = text if len(raw) <= OPENING and "\n" not in raw else _opening(raw)
            self.kind, self.year, self.level = _opening_facts(opening)
            self._plan_starts, self._plan_ends, _ = _plan_sections(text, None)
            # sections are read on first need: most sentences never ask
            return
        self.kind, self.year, self.level = carry.kind, carry.year, carry.level
        self._plan_starts, self._plan_ends, carry.plan = _plan_sections(text, carry.plan)
        carry.sections = self._read_sections(carry.sections)
        carry.parts += 1

    @property
    def forward(self) -> bool:
        """Whether the document looks forward (a plan or a budget)."""
        return self.kind == "plan" or self.kind == "budget"

    def in_plan(self, pos: int) -> bool:
        """Whether ``pos`` stands in a section whose heading announces goals."""
        k = bisect_right(self._plan_starts, pos)
        return k > 0 and pos < self._plan_ends[k - 1]

    def section_level(self, pos: int) -> str | None:
        """The one level the headings of the sections around ``pos`` name, if any."""
        k = self._section(pos)
        return self._section_levels[k] if k >= 0 else None

    def per_capita(self, pos: int) -> bool:
        """Whether the heading of the section around ``pos`` names a per-capita measure
        (2.各级教育生均公共财政预算教育事业费支出增长情况)."""
        k = self._section(pos)
        return k >= 0 and self._section_per_capita[k]

    def period(self, pos: int) -> tuple[int | None, str | None]:
        """The year a figure at ``pos`` whose sentence names none is for, and where it
        was read: its section's heading (二、2024年工作计划), else the document's."""
        k = self._section(pos)
        if k >= 0 and self._section_years[k] is not None:
            return self._section_years[k], _SECTION
        if self.year is not None:
            return self.year, _DOCUMENT
        return None, None

    def _section(self, pos: int) -> int:
        if self._section_starts is None:
            self._read_sections([])
        starts = self._section_starts
        assert starts is not None
        return bisect_right(starts, pos) - 1

    def _read_sections(self, stack: list[_Open]) -> list[_Open]:
        """Where each numbered section starts, the single level its heading (or the
        nearest enclosing heading that names one) speaks of, and whether a heading of it
        names a per-capita measure. A heading naming several levels (二、义务教育和学前
        教育) ends its parents' level. ``stack``: the headings open where the text starts
        (a part of a longer text); returned, the headings open where it ends."""
        starts: list[int] = []
        if stack:  # the section the text starts in
            self._add_section(stack)
            starts.append(-1)
        for m in section_headings(self.text):
            rank = next(r for r, group in enumerate(_RANKS) if m[group] is not None)
            while stack and stack[-1][0] >= rank:
                stack.pop()
            title = m["title"]
            per_capita = any(w in title for w in PER_CAPITA_WORDS)
            year = P.DOCUMENT_YEAR.search(title) if len(title) <= _HEADING_TITLE else None
            stack.append((rank, heading_level(title), per_capita, int(year[1]) if year else None))
            self._add_section(stack)
            starts.append(m.start())
        self._section_starts = starts
        return stack

    def _add_section(self, stack: list[_Open]) -> None:
        """The next section, ``stack`` its headings, innermost last."""
        level = next((s[1] for s in reversed(stack) if s[1] is not None), None)
        self._section_levels.append(level or None)
        self._section_per_capita.append(any(s[2] for s in stack))
        self._section_years.append(next((s[3] for s in reversed(stack) if s[3]), None))


def describe(raw: str) -> tuple[str | None, int | None]:
    """The kind and the year of the document whose text is ``raw``."""
    kind, year, _ = _opening_facts(_opening(raw))
    return kind, year


def _opening(raw: str) -> str:
    """The opening's lines, each folded as the working copy is (which may join a title
    to the line after it)."""
    # (a line break doubled is a paragraph's end, which the working copy keeps)
    return normalize(raw[:OPENING].replace("\n", "\n\n")).text


def _opening_facts(opening: str) -> tuple[str | None, int | None, str | None]:
    """The kind, year and title level a document's opening names (its title lines read
    once for the three)."""
    titles = _title_lines(opening)
    kind = _kind(opening, titles)
    return kind, _year(opening, kind, titles), _title_level(opening, kind, titles)


def _kind(opening: str, titles: list[str]) -> str | None:
    """The kind of document an opening (and its title lines ``titles``) names."""
    for kind, pattern in P.DOCUMENT_KIND:
        if kind == "plan":
            # a plan is named in a title, not in the prose of a report (…是全面实施
            # “十四五”规划的关键之年)
            if any(pattern.search(line) for line in titles):
                return kind
        elif pattern.search(opening):
            return kind
    return None


def _year(opening: str, kind: str | None, titles: list[str]) -> int | None:
    """The first year a document's title names or, in a document whose kind its opening
    names (a run-on title: 区教育局2019年上半年工作总结2019年以来,…), its opening sentences.
    A text of figures alone has no year of its own."""
    scopes = [*titles]
    if kind is not None:
        # (its first two sentences: the first may be a heading, (一)收入预算情况)
        ends, prev = [], -1
        for m in P.SENTENCE_END.finditer(opening):
            if m.start() > prev + 1:  # (not an empty one between two line breaks)
                ends.append(m.start())
            prev = m.start()
        scopes.append(opening[: ends[1]] if len(ends) >= 2 else opening)
    for scope in scopes:
        year = P.DOCUMENT_YEAR.search(scope)
        if year is not None:
            return int(year[1])
    return None


def _title_lines(opening: str) -> list[str]:
    """The short lines of a document's opening: where its title stands."""
    titles: list[str] = []
    # (blank lines do not count: a reposted page spaces its furniture out)
    for line in [line for line in opening.split("\n") if line.strip()][:_TITLE_LINES]:
        line = line.strip()
        if len(line) > _TITLE:
            break  # the text has begun
        # (a title is no sentence, and no numbered heading of the text)
        if line and P.SENTENCE_END.search(line) is None and not P.SECTION_HEADING.match(line):
            titles.append(line)
    # a title given in 《》 inside the opening sentence (发布《…招生计划的通知》)
    titles.extend(opening[m.start() : m.end()] for m in P.BOOK_TITLE.finditer(opening))
    return titles


def _title_level(opening: str, kind: str | None, titles: list[str]) -> str | None:
    """The one level a document's title names; for news, which has none, its lead
    sentence's (本报讯 …2018年高考就将拉开大幕…)."""
    scopes = titles
    if kind == "news" and not any(levels_named(s) for s in scopes):
        lead = P.SENTENCE_END.search(opening)
        scopes = [opening[: lead.start()]] if lead else []
    named: set[str] = set()
    for scope in scopes:
        named |= levels_named(scope)
    return named.pop() or None if len(named) == 1 else None


def section_headings(text: str) -> list[re.Match[str]]:
    """What ``P.SECTION_HEADING.finditer(text)`` finds, tried only at the text's start and
    where ``P.SECTION_CUE`` finds the character a heading follows with a mark after it
    (tests/test_scan.py checks the two agree)."""
    out: list[re.Match[str]] = []
    end = 0  # where the last heading found ends: the next starts there or later
    first = P.SECTION_HEADING.match(text)
    if first is not None:
        out.append(first)
        end = first.end()
    for cue in P.SECTION_CUE.finditer(text):
        at = cue.end()
        if at >= end and (m := P.SECTION_HEADING.match(text, at)) is not None:
            out.append(m)
            end = m.end()
    return out


def line_headings(text: str) -> list[re.Match[str]]:
    """What ``P.HEADING.finditer(text)`` finds (it matches only where a line starts),
    tried only where a line starts, found with ``str.find`` (tests/test_scan.py checks
    the two agree)."""
    out: list[re.Match[str]] = []
    at = 0
    while at >= 0:
        m = P.HEADING.match(text, at)
        if m is not None:
            out.append(m)
        at = text.find("\n", at)
        at = at + 1 if at >= 0 else -1
    return out


def _plan_sections(text: str, opened: bool | None) -> tuple[list[int], list[int], bool | None]:
    """Starts and ends of the sections whose numbered heading announces a plan, and the
    one still open at the end of the text (None if none, else whether a top-level heading
    opened it).

    A section runs to the next heading of its level or above (a top-level 四、 ends a
    plan opened by 三、 or by (三)). ``opened``: the plan open where the text starts (a
    part of a longer text), in the same form.
    """
    starts: list[int] = []
    ends: list[int] = []
    open_at: int | None = None if opened is None else 0
    open_top = bool(opened)
    for m in line_headings(text):
        is_top = m["top"] is not None
        if open_at is not None and (is_top or not open_top):
            starts.append(open_at)
            ends.append(m.start())
            open_at = None
        title = m["title"]
        if open_at is None and P.PLAN_HEADING.search(title) and not P.PLAN_REVIEW.search(title):
            open_at, open_top = m.end(), is_top
    if open_at is None:
        return starts, ends, None
    starts.append(open_at)
    ends.append(len(text))
    return starts, ends, open_top
