"""Flattened text tables: one figure per cell, its unit from the header.

Statistical yearbooks and bulletins reach users as text in which a table has been
flattened line by line: a header of one or more lines (``学校数 招生数 …`` over
``(所) (人) …``), then one line per row, a label and its numbers::

    学校数 招生数 毕业生数
    (所)  (人)   (人)
    1.高等学校 3 6968 4574
    4.小    学 71 12127 14781

A number there has no unit of its own, so the sentence reader passes it by; this module
reads such tables from the raw text (the working copy folds the spaces that part the
cells) and gives each cell its column's unit (SPEC: "Table cells are mentions"), the
metric its column's header names, and the level its row's label names.

How a row with blank cells is read: a flattener writes a blank cell as a space between
the single spaces that part cells, so a run of ``w`` spaces holds ``(w - 1) // 2`` blank
cells; blanks left over stand at the end of the row. How the header's lines are lined up
with the columns: a header line holding unit markers is placed so that its markers fall
on the columns the markers' reading order gives them (the n-th marker read is the n-th
column's); a line without markers starts at the first column. A column with no marker
takes the unit of the column before it (``#专任教师`` under ``教职工人数 (人)``).

Written by hand: no library reads flattened text tables (table extractors read PDF
geometry or HTML markup, which these texts no longer have).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from edumetrics import _patterns as P
from edumetrics._document import levels_named
from edumetrics._numeral_reader import read_number
from edumetrics._vocab import (
    BRACKET_CLOSERS,
    BRACKET_OPENERS,
    COLONS,
    HEADER_MULTIPLIERS,
    HEADER_UNITS,
    PROSE_MARKS,
    ROW_HASH_MARKS,
    ROW_NUMBER_MARKS,
    UNIT_HEADER_WORD,
    UNIT_SURFACES,
)

__all__ = ["Cell", "column_levels", "grids", "read_tables"]

_SPACE = r" \t\u3000"  # (and the ideographic space)
_NUMBER = r"[0-9][0-9,]*(?:\.[0-9]+)?"
# a body row: an optional row marker (1. / (1) / #), a label of Han characters (spaced
# out or not: 小    学), then numbers parted by spaces and nothing else
_ROW_MARK, _HASH = re.escape(ROW_NUMBER_MARKS), re.escape(ROW_HASH_MARKS)
_OPEN, _CLOSE = re.escape(BRACKET_OPENERS[:2]), re.escape(BRACKET_CLOSERS[:2])  # ( ) and （ ）
_ROW = re.compile(
    rf"^[{_SPACE}]*+(?:\d{{1,2}}[{_ROW_MARK}]|[{_OPEN}]\d{{1,2}}[{_CLOSE}]|[{_HASH}])?[{_SPACE}]*+"
    rf"(?P<label>[\u4e00-\u9fff](?:[\u4e00-\u9fff{_OPEN}{_CLOSE}]|[{_SPACE}]{{1,6}}(?=[\u4e00-\u9fff]))*+)"
    rf"(?P<cells>(?:[{_SPACE}]++{_NUMBER})++)[{_SPACE}]*+$",
    re.MULTILINE,
)
_CELL = re.compile(_NUMBER)
_HEADER_UNIT = re.compile(
    f"[{_OPEN}](?P<unit>" + "|".join(sorted(HEADER_UNITS, key=len, reverse=True)) + f")[{_CLOSE}]"
)
_UNIT_LINE = re.compile(
    f"{UNIT_HEADER_WORD}[{COLONS}][ \\t]*(?P<unit>"
    + "|".join(sorted(HEADER_UNITS, key=len, reverse=True))
    + ")"
)
# a line of prose, not of a header: a sentence's punctuation
_PROSE = re.compile(f"[{re.escape(PROSE_MARKS)}]")
_HEADER_LINES = 4  # lines above a table's first row that may hold its header
_MIN_ROWS = 2  # a table has at least this many rows


@dataclass(frozen=True, slots=True)
class Cell:
    """One figure of a table, on the raw text."""

    start: int
    end: int
    value: Decimal
    unit: str  # canonical unit id
    unit_text: str  # the unit as the header writes it
    metric: str  # what the column measures
    level: str | None
    label: str  # the row's label
    row: tuple[int, int]  # the row's line
    period: int | None  # the year its column's header names


def read_tables(
    text: str, metric_of: Callable[[str, str], str]
) -> tuple[list[Cell], list[tuple[int, int]]]:
    """The cells of every flattened table in ``text`` whose header names its units, and
    the spans of the rows read (figures found there otherwise are these cells).

    ``metric_of(unit, name)`` gives the metric of a figure in ``unit`` named ``name``.
    """
    if "\n" not in text:
        return [], []
    lines = _lines(text)
    cells: list[Cell] = []
    covered: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _ROW.match(text, lines[j][0], lines[j][1]):
            j += 1
        if j - i >= _MIN_ROWS:
            found = _table(text, lines, i, j, metric_of)
            if found:
                cells.extend(found)
                covered.extend(lines[i:j])
            i = j
        else:
            i += 1
    return cells, covered


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in re.finditer("\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _table(
    text: str,
    lines: list[tuple[int, int]],
    first: int,
    end: int,
    metric_of: Callable[[str, str], str],
) -> list[Cell]:
    rows = []
    for start, stop in lines[first:end]:
        m = _ROW.match(text, start, stop)
        assert m is not None
        rows.append((m, _row_cells(text, m, stop)))
    width = max(len(cells) for _, cells in rows)
    units, names = _columns(text, _header(text, lines, first, width), width)
    if units is None or names is None:
        return []
    years = [_year(name) for name in names]
    out = []
    for m, cells in rows:
        label = re.sub(r"\s+", "", m["label"])
        named = levels_named(label)
        level = named.pop() or None if len(named) == 1 else None
        for col, cell in enumerate(cells):
            if cell is None:
                continue
            written = units[col]
            mult = written[0] if len(written) > 1 and written[0] in HEADER_MULTIPLIERS else ""
            unit = UNIT_SURFACES[written[len(mult) :]]
            value = read_number(text[cell[0] : cell[1]] + mult)
            # the column's name, or (a year column names no measure) the row's label
            metric = metric_of(unit, names[col] if years[col] is None else label)
            row = (m.start(), m.end())
            out.append(
                Cell(cell[0], cell[1], value, unit, written, metric, level, label, row, years[col])
            )
    return out


def _header(
    text: str, lines: list[tuple[int, int]], first: int, width: int
) -> list[tuple[int, int]]:
    """The lines of the header above row ``first``: up to a blank line, a line of prose,
    a line of a single word where there are several columns (the table's title), or a
    line naming the unit of the whole table (单位:万元), which is the header's first."""
    header: list[tuple[int, int]] = []
    for k in range(first - 1, max(-1, first - 1 - _HEADER_LINES), -1):
        line = text[lines[k][0] : lines[k][1]]
        if not line.strip() or _PROSE.search(line):
            break
        tokens = _tokens(line)
        one_word = width > 2 and len(tokens) == 1 and not _HEADER_UNIT.fullmatch(tokens[0])
        if one_word and _UNIT_LINE.search(line) is None:
            break
        header.insert(0, lines[k])
        if _UNIT_LINE.search(line):
            break
    return header


def _row_cells(text: str, m: re.Match[str], stop: int) -> list[tuple[int, int] | None]:
    """The row's cells in order, None where a cell is blank (see the module docstring)."""
    found = list(_CELL.finditer(text, m.start("cells"), m.end("cells")))
    cells: list[tuple[int, int] | None] = []
    prev = m.end("label")
    for c in found:
        gap = c.start() - prev
        cells.extend([None] * ((gap - 1) // 2))
        cells.append((c.start(), c.end()))
        prev = c.end()
    return cells


def _columns(
    text: str, header: list[tuple[int, int]], width: int
) -> tuple[list[str], list[str]] | tuple[None, None]:
    """Each column's unit as written and its name, from the header's lines."""
    marks: list[str] = []
    placed: list[tuple[int, list[str]]] = []  # (first column, tokens) per header line
    single: str | None = None
    for start, stop in header:
        line = text[start:stop]
        whole = _UNIT_LINE.search(line)
        if whole is not None:
            single = whole["unit"]
            continue
        tokens = _tokens(line)
        # a line of more names than columns names the labels' column first (项目 2023年 …)
        offset = min(0, width - len(tokens))
        first_mark = next((k for k, t in enumerate(tokens) if _HEADER_UNIT.fullmatch(t)), None)
        if first_mark is not None:
            offset = len(marks) - first_mark
        marks.extend(u["unit"] for t in tokens if (u := _HEADER_UNIT.fullmatch(t)))
        placed.append((offset, tokens))
    if not marks and single is None:
        return None, None
    if marks:
        units = [marks[min(k, len(marks) - 1)] for k in range(width)]
    else:
        assert single is not None
        units = [single] * width
    names = ["" for _ in range(width)]
    for offset, tokens in placed:
        for k, token in enumerate(tokens):
            col = offset + k
            if 0 <= col < width and not _HEADER_UNIT.fullmatch(token):
                names[col] += token.lstrip(ROW_HASH_MARKS)
    return units, names


def _year(name: str) -> int | None:
    """The year a column's name is for (2023年, 2023学年)."""
    m = P.DOCUMENT_YEAR.search(name)
    return int(m[1]) if m else None


def _tokens(line: str) -> list[str]:
    """A header line's cells: words parted by spaces, a word spaced out one character at
    a time (在  校, 人  数) kept whole."""
    parts = line.split()
    out: list[str] = []
    for part in parts:
        if out and len(part) == 1 and len(out[-1]) == 1 and 0x4E00 <= ord(part) <= 0x9FFF:
            out[-1] += part
        else:
            out.append(part)
    return out


# --- Grids of cells -----------------------------------------------------------------------
# A real table (.docx, HTML <table>) reaches the text as lines of cells parted by tabs
# (see ``readers.py``). Its first line is its header: a header cell naming one level
# (小学 | 初中) gives the figures of its column that level; a row's first cell is its label.


def grids(text: str) -> list[list[list[tuple[int, int]]]]:
    """The tables of ``text`` written as lines of tab-parted cells: each a list of rows,
    each row the spans of its cells (a table has two rows at least)."""
    if "\t" not in text:
        return []
    out: list[list[list[tuple[int, int]]]] = []
    block: list[list[tuple[int, int]]] = []
    for start, stop in _lines(text):
        if "\t" in text[start:stop]:
            block.append(_split_cells(text, start, stop))
            continue
        if len(block) >= _MIN_ROWS:
            out.append(block)
        block = []
    if len(block) >= _MIN_ROWS:
        out.append(block)
    return out


def _split_cells(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    cells: list[tuple[int, int]] = []
    for m in re.finditer("[^\t]*", text[start:stop]):
        if m.start() == m.end() and cells and cells[-1][1] == start + m.start():
            continue  # (finditer's empty match right after a cell)
        cells.append((start + m.start(), start + m.end()))
    return cells


def column_levels(text: str) -> list[tuple[int, int, str]]:
    """The spans of the body cells of every grid whose header cell names one level, with
    that level (指标 | 小学 | 初中: the cells under 小学 are primary)."""
    out: list[tuple[int, int, str]] = []
    for grid in grids(text):
        header, *body = grid
        levels = []
        for start, stop in header:
            named = levels_named(text, start, stop)
            levels.append(named.pop() if len(named) == 1 else "")
        for row in body:
            for (start, stop), level in zip(row, levels, strict=False):
                if level:
                    out.append((start, stop, level))
    return out
