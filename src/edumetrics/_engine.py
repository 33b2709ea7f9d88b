"""The extractor's engine: every quantity mention of a text, what it measures, and where.

The work is done in stages, each a module that opens with what it decides and from what:

1. ``_candidates``: where the figures are (one pass of one compiled pattern over a
   normalised working copy, ``_normalize``), each with its unit; what is not a figure.
2. ``_value``: the exact value of each numeral.
3. ``_context``: each figure's sentence, stated year, label and :class:`~edumetrics.
   _context.Window` (the strings around it that the attribute stages read).
4. One stage per attribute, each read first from the figure's own words, figure by
   figure: ``_qualifier``, ``_role``, ``_metric``, ``_level``.
5. ``_links``: which figures are one list, and which are parts of a total (其中).
6. Carrying, in the order :func:`rows` calls it: each attribute stage carries its own
   attribute along the links and sentences (the propagation policy, below).
7. The rows (``_build.Row``), spans mapped back to the raw text; a table's cells
   (``_tables``) take the place of the sentence reader's figures in the table.

Propagation policy (what carries, from where, written only by the attribute's stage):

- role: a sentence's goal to its later figures, unless a later clause reports something
  done; a list's first member's change (with its sign) or target to the rest; a planned
  total's role to its parts, unless the part is reported done.
- level: an aside's figure, an elliptical figure, a sentence's lead or subject, the
  previous sentence's single topic, else the section heading's level, else the title's;
  then a list's enumerated levels; then the levels 分别 refers back to; then a total's
  level to its parts that name none; a table column header's level to its cells.
- metric: a list's first member's metric (or one enumerated rate per member); per capita,
  an elided rate, a count's noun along a sentence; a total's metric to parts naming
  nothing finer.
- qualifier: a qualifier after a list's last bare figure to each of them.
- label: a list's first member's label to members with none.
- period: the year stated in the sentence, else the section's, else the document's.

The public entry is :func:`edumetrics.extract` (``extract.py``), which checks its argument
and builds the records. The stage modules are the hot path, which a wheel ships compiled
(mypyc, see ``hatch_build.py``): they stay plain typed Python that mypy accepts, and every
function is called with the types it declares.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Final

from edumetrics import _patterns as P
from edumetrics._build import Row
from edumetrics._candidates import Candidate, find
from edumetrics._context import Context, read_window, share_labels
from edumetrics._document import Carry, Layout
from edumetrics._level import (
    carry_levels,
    levels_in_lists,
    levels_of_parts,
    levels_respectively,
    read_level,
    with_column_levels,
)
from edumetrics._links import flag_parts_exceeding, link_parts, list_groups
from edumetrics._metric import (
    ColumnMetric,
    carry_in_sentences,
    elided_points,
    metrics_in_lists,
    metrics_of_parts,
    read_metric,
)
from edumetrics._normalize import Normalized, normalize
from edumetrics._qualifier import read_qualifier, share_qualifiers
from edumetrics._role import carry_targets, cell_role, read_role, roles_in_lists, roles_of_parts
from edumetrics._tables import Cell, column_levels, read_tables
from edumetrics._value import read_value
from edumetrics._vocab import (
    RESPECTIVELY,
)
from edumetrics.records import PeriodSource, Qualifier
from edumetrics.rules import Rules

# The ids this module reads and writes, as plain str constants (why: ``_candidates.py``).
_STATED: Final = PeriodSource.STATED.value
_EXACT: Final = Qualifier.EXACT.value

__all__ = ["rows"]


def rows(text: str, rules: Rules, carry: Carry | None = None) -> list[Row]:
    """Every quantity mention of ``text``, in document order, as rows of plain values
    (``_build.Row``): what :func:`edumetrics.extract` makes records of; ``rules`` are the
    metric rules it reads with; ``carry``, for a part of a longer text, what the parts
    before it read of the document (``_document.Carry``, updated if a layout is read)."""
    if not P.GATE.search(text):  # most sentences of a report hold no figure
        return []
    norm = normalize(text)
    cells, covered = read_tables(text, ColumnMetric(rules).of)
    cands = find(norm.text)
    if not cands and not cells:
        return []
    ctx = _read(cands, norm.text, text, rules, carry)
    _carry(cands, ctx)
    layout = ctx.layout
    out = [_to_row(c, norm) for c in cands]
    if cells:
        out = _with_cells(out, cells, covered, layout, norm)
    if "\t" in text:
        out = with_column_levels(out, column_levels(text))
    return out


def _read(
    cands: list[Candidate], work: str, raw: str, rules: Rules, carry: Carry | None
) -> Context:
    """Stages 2 to 4: each figure's value, window and attributes from its own words."""
    ctx = Context(work, raw, rules, carry)
    layout = ctx.layout
    prev_end, group_start, group = 0, 0, -1
    for c in cands:
        if c.group != group:  # members of one list or range share the first one's label
            group, group_start = c.group, prev_end
        read_value(c)
        w = read_window(c, ctx, group_start)
        read_qualifier(c, w)
        read_role(c, w, layout)
        read_metric(c, w, ctx)
        read_level(c, w, rules)
        prev_end = c.end + c.head_len  # the noun after a figure is that figure's
    return ctx


def _carry(cands: list[Candidate], ctx: Context) -> None:
    """Stages 5 and 6: the links, and each attribute carried along them (the order is
    the propagation policy of this module's docstring)."""
    carry_targets(cands, ctx)
    carry_levels(cands, ctx)
    groups = list_groups(cands, ctx)
    elided_points(groups)
    share_labels(groups)
    roles_in_lists(groups)
    metrics_in_lists(groups)
    levels_in_lists(groups)
    if RESPECTIVELY in ctx.text:
        levels_respectively(cands, ctx)
    carry_in_sentences(cands, ctx)
    share_qualifiers(cands, ctx.text)
    link_parts(cands, ctx)
    roles_of_parts(cands, ctx)
    metrics_of_parts(cands)
    levels_of_parts(cands)
    flag_parts_exceeding(cands)
    layout = ctx.layout
    for c in cands:
        if c.period is None:
            c.period, c.period_source = layout.period(c.start)


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
        source: str | None = _STATED
        if period is None:  # (the layout reads the working copy: the cell's place there)
            period, source = layout.period(norm.work_offset(cell.start))
        role = cell_role(cell.period, layout)
        row = Row(
            cell.start, cell.end, cell.value, cell.unit, metric, role, cell.level, _EXACT,
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


def _to_row(c: Candidate, norm: Normalized) -> Row:
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
