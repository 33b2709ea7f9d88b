"""The notebook view of an :class:`~edumetrics.batch.Extraction`: highlighted text and a table.

Each mention is a ``<mark>`` coloured by its metric, with value, unit, metric, role,
level and label on hover; a compact table of the mentions follows. Long documents are
cut at a line end after :data:`MAX_CHARS` characters and long tables after
:data:`MAX_ROWS` rows, with a note saying how much is shown. Every piece of text from the
document or the records is HTML-escaped.
"""

from __future__ import annotations

import zlib
from html import escape
from typing import TYPE_CHECKING

from edumetrics.records import count_mentions
from edumetrics.tables import exact_decimal

if TYPE_CHECKING:
    from edumetrics.batch import Extraction
    from edumetrics.records import Mention

__all__ = ["MAX_CHARS", "MAX_ROWS", "metric_colour", "render_html"]

MAX_CHARS = 20_000
"""Characters of text shown before the view is cut (at the next line end, if near)."""
MAX_ROWS = 200
"""Rows of the mention table shown."""

# Light background colours by metric family, readable under black text.
_FAMILY_COLOURS = {
    "rate": "#cfe8ff",
    "money": "#ffe3a8",
    "people": "#d4f5d0",
    "count": "#f3d9fa",
    "area": "#ffd6cc",
    "score": "#e0e0ff",
}
_METRIC_FAMILIES = {
    **dict.fromkeys(
        [
            "enrollment_rate",
            "gross_enrollment_rate",
            "retention_rate",
            "dropout_rate",
            "promotion_rate",
            "admission_rate",
            "pass_rate",
            "employment_rate",
            "coverage_rate",
            "share",
            "growth_rate",
            "other_rate",
        ],
        "rate",
    ),
    **dict.fromkeys(["funding", "per_capita_funding"], "money"),
    **dict.fromkeys(
        ["student_count", "teacher_count", "staff_count", "person_count", "participation_count"],
        "people",
    ),
    **dict.fromkeys(["school_count", "project_count", "facility_count"], "count"),
    "area": "area",
    "score": "score",
}
# For metrics registered by users: a stable colour from the id.
_SPARE_COLOURS = ("#e6f0c2", "#c9f0ee", "#f7d2e1", "#eadfcf", "#dcdcdc")
_OTHER_COLOUR = "#eeeeee"

_STYLE = """<style>
.edumetrics-view{font-family:sans-serif;font-size:14px;line-height:1.7}
.edumetrics-view .em-text{white-space:pre-wrap;border:1px solid #ddd;padding:8px;
max-height:420px;overflow:auto}
.edumetrics-view mark{padding:0 2px;border-radius:3px;color:#000}
.edumetrics-view table{border-collapse:collapse;font-size:12px;margin-top:8px}
.edumetrics-view th,.edumetrics-view td{border:1px solid #ddd;padding:2px 6px;
text-align:left}
.edumetrics-view .em-note{color:#777;font-size:12px}
</style>"""


def metric_colour(metric: str) -> str:
    """The highlight colour of a metric id.

    >>> metric_colour("funding"), metric_colour("other")
    ('#ffe3a8', '#eeeeee')
    """
    family = _METRIC_FAMILIES.get(metric)
    if family is not None:
        return _FAMILY_COLOURS[family]
    if metric == "other":
        return _OTHER_COLOUR
    return _SPARE_COLOURS[zlib.crc32(metric.encode()) % len(_SPARE_COLOURS)]


def _value(m: Mention) -> str:
    return "masked" if m.value is None else f"{exact_decimal(m.value)} {m.unit.value}"


def _hover(m: Mention) -> str:
    parts = [_value(m), m.metric, m.role.value]
    if m.level is not None:
        parts.append(m.level.value)
    if m.qualifier.value != "exact":
        parts.append(m.qualifier.value)
    if m.label:
        parts.append(m.label)
    if m.flags:
        parts.append("flags: " + ", ".join(f.value for f in m.flags))
    return " · ".join(parts)


def _cut(text: str, limit: int) -> int:
    """Where to cut a long text: the last line end in the final tenth before ``limit``."""
    if len(text) <= limit:
        return len(text)
    newline = text.rfind("\n", limit - limit // 10, limit)
    return newline if newline > 0 else limit


def render_html(result: Extraction, max_chars: int = MAX_CHARS, max_rows: int = MAX_ROWS) -> str:
    """The highlighted text of one Extraction followed by a table of its mentions.

    >>> from decimal import Decimal
    >>> from edumetrics.batch import Extraction
    >>> from edumetrics.records import Mention
    >>> m = Mention(start=2, end=5, text="46所", value=Decimal(46), unit="school",
    ...             metric="school_count")
    >>> html = render_html(Extraction("<a&b>", "共有46所学校", (m,)))
    >>> print(html[html.index("<mark"):html.index("</mark>") + 7])
    <mark style="background:#f3d9fa" title="46 school · school_count · actual">46所</mark>
    >>> "&lt;a&amp;b&gt;" in html
    True
    """
    text = result.text
    title = f"<b>{escape(result.doc)}</b>"
    if result.error is not None:
        reason = escape(result.error.reason)
        return f'{_STYLE}<div class="edumetrics-view">{title}: could not be read: {reason}</div>'
    shown_end = _cut(text, max_chars)
    pieces: list[str] = []
    pos = 0
    highlighted = 0
    for m in result.mentions:
        # Defensive: skip a record that overlaps the previous one or leaves the shown text.
        if m.start < pos or m.end > shown_end or m.start >= m.end:
            continue
        pieces.append(escape(text[pos : m.start]))
        colour = metric_colour(m.metric)
        pieces.append(
            f'<mark style="background:{colour}" title="{escape(_hover(m))}">'
            f"{escape(text[m.start : m.end])}</mark>"
        )
        pos = m.end
        highlighted += 1
    pieces.append(escape(text[pos:shown_end]))
    notes = []
    if shown_end < len(text):
        notes.append(
            f"showing the first {shown_end:,} of {len(text):,} characters; "
            f"{highlighted} of {len(result.mentions)} mentions highlighted"
        )
    header = f"{title} — {count_mentions(len(result.mentions))}"
    body = "".join(pieces)
    return (
        f'{_STYLE}<div class="edumetrics-view"><div>{header}</div>'
        f'<div class="em-text">{body}</div>'
        + "".join(f'<div class="em-note">{escape(n)}</div>' for n in notes)
        + _table(result, max_rows)
        + "</div>"
    )


def _table(result: Extraction, max_rows: int) -> str:
    if not result.mentions:
        return ""
    head = "".join(
        f"<th>{h}</th>"
        for h in ("#", "text", "value", "unit", "metric", "role", "level", "qualifier", "label")
    )
    rows = []
    for i, m in enumerate(result.mentions[:max_rows]):
        cells = (
            str(i),
            m.text,
            "masked" if m.value is None else exact_decimal(m.value) or "",
            m.unit.value,
            m.metric,
            m.role.value,
            "" if m.level is None else m.level.value,
            m.qualifier.value,
            m.label or "",
        )
        colour = metric_colour(m.metric)
        tds = "".join(f"<td>{escape(c)}</td>" for c in cells)
        rows.append(f'<tr style="border-left:4px solid {colour}">{tds}</tr>')
    more = len(result.mentions) - max_rows
    note = f'<div class="em-note">… and {more:,} more rows</div>' if more > 0 else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{note}"
