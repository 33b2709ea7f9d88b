"""The notebook view: highlighted, escaped, truncated sensibly."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import regex

from edumetrics import Extraction, extract_document
from edumetrics._html import metric_colour, render_html
from edumetrics.errors import DocumentError
from edumetrics.records import Level, Mention, Qualifier, Unit

EXAMPLE = Path(__file__).parent.parent / "examples" / "county_report.txt"


def mention(text: str, surface: str, **fields: object) -> Mention:
    start = text.index(surface)
    defaults: dict[str, object] = {"value": Decimal(1), "unit": Unit.ITEM}
    return Mention(start=start, end=start + len(surface), text=surface, **(defaults | fields))


def marks(html: str) -> list[str]:
    return regex.findall(r"<mark [^>]*>(.*?)</mark>", html)


def test_each_mention_is_marked_with_its_colour_and_hover() -> None:
    text = "全县共有学校46所，入学率99.07%以上。"
    schools = mention(text, "46所", value=Decimal(46), unit=Unit.SCHOOL, metric="school_count")
    rate = mention(
        text,
        "99.07%",
        value=Decimal("99.07"),
        unit=Unit.PERCENT,
        metric="enrollment_rate",
        level=Level.PRIMARY,
        qualifier=Qualifier.AT_LEAST,
        label="入学率",
    )
    html = render_html(Extraction("r.txt", text, (schools, rate)))
    assert marks(html) == ["46所", "99.07%"]
    assert f"background:{metric_colour('enrollment_rate')}" in html
    assert 'title="99.07 percent · enrollment_rate · actual · primary · at_least · 入学率"' in html
    assert "全县共有学校" in html
    assert "<table>" in html


def test_everything_is_escaped() -> None:
    text = '<script>alert("x")</script> 共有46所 & "more"'
    m = mention(text, "46所", metric="school_count", label='<img src=x onerror="y">')
    html = render_html(Extraction("<b>doc</b>.txt", text, (m,)))
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;doc&lt;/b&gt;.txt" in html


def test_masked_values_say_masked() -> None:
    text = "入学率xx.xx%。"
    m = mention(text, "xx.xx%", value=None, unit=Unit.PERCENT, masked=True)
    assert 'title="masked · other · actual"' in render_html(Extraction("a", text, (m,)))


def test_long_documents_are_cut_at_a_line_end_with_a_note() -> None:
    line = "新建小学3所。\n"
    text = line * 5000
    mentions = tuple(
        Mention(
            start=i * len(line) + 4,
            end=i * len(line) + 6,
            text="3所",
            value=Decimal(3),
            unit=Unit.SCHOOL,
        )
        for i in range(5000)
    )
    html = render_html(Extraction("long.txt", text, mentions), max_chars=1000, max_rows=50)
    shown = 1000 // len(line) * len(line) - 1  # the last line end before the limit
    assert f"showing the first {shown:,} of {len(text):,} characters" in html
    assert f"{len(marks(html))} of 5000 mentions highlighted" in html
    assert html.count("<tr") == 51  # header + 50 rows
    assert "and 4,950 more rows" in html
    assert len(html) < 40_000


def test_records_that_overlap_or_leave_the_text_are_skipped() -> None:
    text = "投资2860万元。"
    good = mention(text, "2860万元", unit=Unit.CNY)
    overlapping = mention(text, "60万元", unit=Unit.CNY)
    outside = Mention(start=50, end=52, text="3所", value=Decimal(3), unit=Unit.SCHOOL)
    assert marks(render_html(Extraction("a", text, (good, overlapping, outside)))) == ["2860万元"]


def test_a_failed_document_says_why() -> None:
    failed = Extraction("a.txt", "", error=DocumentError("a.txt", "binary file <x>"))
    html = render_html(failed)
    assert "could not be read: binary file &lt;x&gt;" in html


def test_extraction_renders_in_jupyter_with_real_records() -> None:
    result = extract_document(EXAMPLE)
    html = result._repr_html_()
    assert len(marks(html)) == len(result.mentions) > 0
    assert "".join(regex.sub(r"<[^>]+>", "", html).split()).find("青川县教育局") >= 0


@pytest.mark.parametrize("metric", ["funding", "other", "my_custom_metric"])
def test_metric_colours_are_stable(metric: str) -> None:
    assert metric_colour(metric) == metric_colour(metric)
    assert regex.fullmatch(r"#[0-9a-f]{6}", metric_colour(metric))


def test_the_header_counts_in_good_english() -> None:
    assert "— 1 mention<" in render_html(extract_document("新建小学3所。"))
    assert "— 2 mentions<" in render_html(extract_document("新建小学3所、初中2所。"))
