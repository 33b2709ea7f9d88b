"""Context sandwiches (STYLE.md §11): one mention inside many surroundings.

``(prefix, mention, suffix)``: the text is ``prefix + mention + suffix``; the value, unit
and metric stay, the span starts at ``len(prefix)`` and indexes the raw text exactly. The
mention itself may be noisy (spam symbols, full-width digits, zero-width spaces); the span
then covers the noise, as written.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from _spans import span_errors
from edumetrics import extract

# 投资4551万元 (corpus 000_*.txt: 汉阴县投资4551万元)
FUNDING = [
    ("全县", "投资4551万元", "新建学校。"),
    ("", "投资4551万元", ""),
    ("据统计,", "投资4551万元", "。"),
    ("全县", "投资４５５１万元", "新建学校。"),  # full-width digits
    ("全县，", "投资4551万元", "，新建学校。"),  # full-width punctuation
    ("全县[2]", "投资4551万元", "新建学校。"),  # footnote marker before
    ("全县", "投[2]资4551万元", "新建学校。"),  # footnote marker inside the label
    ("全县", "投★资4551万▲元", "新建学校。"),  # spam symbols between characters
    ("全县", "投资45★51万元", "新建学校。"),  # spam inside the digits
    ("全县", "投资45\u200b51万元", "新建学校。"),  # zero-width space
    ("\ufeff全县", "投资4551万元", "。"),  # byte order mark
    ("全縣", "投資4551萬元", "新建學校。"),  # traditional characters
    ("全县", "投资4551万元", "新建學(xué)校。"),  # pinyin gloss after
    ("學(xué)校", "投资4551万元", "。"),  # pinyin gloss before
    ("〔2023〕", "投资4551万元", "。"),  # odd brackets
    ("全县今年在教育方面一共投资了这么多资金用于学校建设\n", "4551万元", "。"),  # line break
    ("全县 ", "投资 4551万元", " 新建学校。"),  # spaces
    ("一、全县", "投资4551万元", "。\n二、其他。"),
    ("全县🎉", "投资45🎉51万元", "👍新建学校。"),  # emoji, also inside the digits
    ("全县\ufe0f", "投资4551\u2060万元", "。"),  # variation selector, word joiner
    ("全县#", "投#资45$51万^元", "|新建学校。"),  # ASCII noise between characters
]

# 毛入园率88.1% (issue 3: 毛入园率[5]88.1%)
RATE = [
    ("全市学前三年", "毛入园率88.1%", "。"),
    ("全市学前三年", "毛入园率[5]88.1%", "。"),
    ("全市学前三年", "毛入园率¹88.1%", "。"),
    ("全市学前三年", "毛入园率８８．１％", "。"),
    ("全市学前三年", "毛入園率88.1﹪", "。"),
    ("全市学前三年", "毛入园率88.1%", ",比上年提高2.9个百分点。"),
    ("全市學前三年", "毛入园率88.1%", "。"),
]


def _ids(rows: list[tuple[str, str, str]]) -> list[str]:
    return [repr(p + m + s)[1:30] for p, m, s in rows]


def _the_one(raw: str) -> tuple[int, str, tuple[object, ...]]:
    found = extract(raw)
    assert span_errors(raw, found) == []
    m = found[0]
    return m.start, m.text, (m.value, m.unit.value, m.metric)


@pytest.mark.parametrize(("prefix", "mention", "suffix"), FUNDING, ids=_ids(FUNDING))
def test_funding_survives_its_context(prefix: str, mention: str, suffix: str) -> None:
    raw = prefix + mention + suffix
    num = next(i for i, ch in enumerate(mention) if ch in "4４")
    expected_text = mention[num:].rstrip()
    assert _the_one(raw) == (
        len(prefix) + num,
        expected_text,
        (Decimal("45510000"), "CNY", "funding"),
    )


@pytest.mark.parametrize(("prefix", "mention", "suffix"), RATE, ids=_ids(RATE))
def test_rate_survives_its_context(prefix: str, mention: str, suffix: str) -> None:
    raw = prefix + mention + suffix
    num = next(i for i, ch in enumerate(mention) if ch in "8８")
    assert _the_one(raw) == (
        len(prefix) + num,
        mention[num:],
        (Decimal("88.1"), "percent", "gross_enrollment_rate"),
    )


# A figure at the very start of the text (or after a deleted prefix) was once lost.
FUNDING_AT_START = [
    ("", "4551万元", "用于新建学校。"),
    ("★", "4551万元", "用于新建学校。"),
    ("\u200b", "4551万元", "用于新建学校。"),
]


@pytest.mark.parametrize(
    ("prefix", "mention", "suffix"), FUNDING_AT_START, ids=_ids(FUNDING_AT_START)
)
def test_funding_at_start_of_text(prefix: str, mention: str, suffix: str) -> None:
    raw = prefix + mention + suffix
    assert _the_one(raw) == (len(prefix), mention, (Decimal("45510000"), "CNY", "funding"))
