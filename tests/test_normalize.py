"""The offset-keeping normaliser: what the working copy is, and that it maps back exactly.

Rows are ``(raw, working copy)``; a property checks, for any text, that every working
character comes from a raw character that folds to it (so a span of the copy maps back to
a span of the raw text that says the same thing).
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

import edumetrics
from edumetrics._normalize import _CHAINED as _FOLD_CHAINS
from edumetrics._normalize import (
    _DELETE,
    _DELETION_START,
    _DELETION_STARTS,
    DELETABLE_CHARS,
    DELETABLE_CLASSES,
    _deletions,
    _fold,
    normalize,
)
from edumetrics._normalize import _TABLE as _FOLD  # the one-to-one fold it applies

_LONG = "全县今年在教育方面一共投资了这么多资金用于学校建设"

FOLDS = [
    ("專任教師1844.37萬人", "专任教师1844.37万人"),  # traditional, 萬
    ("投资４５５１万元，", "投资4551万元,"),  # full-width digits and comma
    ("合格率99.5％", "合格率99.5%"),
    ("二○二三年", "二〇二三年"),
    ("投★资4551万▲元", "投资4551万元"),  # spam symbols
    ("45\u200b51", "4551"),  # zero-width space
    ("毛入园率[5]88.1%", "毛入园率88.1%"),  # footnote marker
    ("毛入园率¹88.1%", "毛入园率88.1%"),  # superscript footnote
    ("學(xué)校", "学校"),  # pinyin gloss
    ("&nbsp;5所", "5所"),  # HTML space entity
    ("投资 4551 万元", "投资4551万元"),  # spaces between Han and digits
    ("version 1 2", "version 1 2"),  # spaces between Latin/digits are kept
    ("教师2 345人", "教师2345人"),  # a space grouping digits by three (GB/T 15835)
    ("12\u2009345\u202f678.5万元", "12345678.5万元"),  # thin / narrow no-break space
    ("投资\u20094551\u2002万元", "投资4551万元"),  # other Unicode spaces are spaces
    ("2019 345人", "2019 345人"),  # four digits before the space: not a group
    ("0.123 456", "0.123 456"),  # decimals are not grouped
    ("1 2345人", "1 2345人"),  # a group has exactly three digits
    ("短行\n第二行", "短行\n第二行"),  # a short line (heading) keeps its break
    # a figure split after a short line is rejoined, but a line opening with a year is
    # a sentence of its own (a title before it keeps its break)
    ("入学率为\n99.07%", "入学率为99.07%"),
    ("全县投资\n2023万元", "全县投资2023万元"),
    ("某县教育工作总结\n2023年全县新建小学3所", "某县教育工作总结\n2023年全县新建小学3所"),
    # a line break inside a long sentence is dropped; after 。 it is kept
    (_LONG + "\n4551万元", _LONG + "4551万元"),
    (_LONG + "。\n4551万元", _LONG + "。\n4551万元"),
    ("★★★", ""),
    ("", ""),
]


@pytest.mark.parametrize(("raw", "working"), FOLDS, ids=[repr(r)[1:24] for r, _ in FOLDS])
def test_working_copy(raw: str, working: str) -> None:
    assert normalize(raw).text == working


SPANS = [
    # (raw, working span, raw span)
    ("投★资 45\u200b51万元", (2, 8), (4, 11)),
    ("毛入园率[5]88.1%", (4, 9), (7, 12)),
    ("學(xué)校投资", (1, 4), (6, 9)),
    ("專任教師1844.37萬人", (4, 13), (4, 13)),
]


@pytest.mark.parametrize(("raw", "working", "raw_span"), SPANS, ids=[s[0] for s in SPANS])
def test_raw_span(raw: str, working: tuple[int, int], raw_span: tuple[int, int]) -> None:
    assert normalize(raw).raw_span(*working) == raw_span


@given(st.text())
@example("★★★")
@example("投★资 45\u200b51万元\n")
@example("學(xué)校[5]¹&nbsp;")
@example("\U0002005e學校45萬元")  # an astral traditional character is folded too
def test_every_working_character_comes_from_a_raw_one(raw: str) -> None:
    n = normalize(raw)
    offsets = [n.raw_offset(i) for i in range(len(n.text))]
    assert offsets == sorted(set(offsets))  # strictly increasing, in bounds below
    assert all(0 <= o < len(raw) for o in offsets)
    assert "".join(raw[o] for o in offsets).translate(_FOLD) == n.text



_DELETABLE = regex.compile(f"[{regex.escape(DELETABLE_CHARS)}{DELETABLE_CLASSES}]")


_NOISY = st.text(
    alphabet=st.sampled_from([*"学校(xué)[注释5]¹①&nbsp;#160 \n\t★\u200b😀4５万元。,@`|^$"])
)


@given(st.one_of(_NOISY, st.text()))
@example("學(xué)校[注释12]¹①&nbsp;&#12288;@#\u200b\ufe0f 45\n51万元")
def test_every_deleted_character_is_declared_deletable(raw: str) -> None:
    # The extractor's gate (_patterns.GATE) relies on DELETABLE_* naming every character
    # a deletion can remove; a new deletion rule must extend them.
    n = normalize(raw)
    kept = {n.raw_offset(i) for i in range(len(n.text))}
    deleted = [raw[i].translate(_FOLD) for i in range(len(raw)) if i not in kept]
    assert [c for c in deleted if not _DELETABLE.fullmatch(c)] == []


@given(st.one_of(_NOISY, st.text()))
@example("學(xué)校 [注1] 45\n51万元\n\n★★ ok C# a b\u200b😀\U000f0000 &nbsp;")
@example("一、总结\n \n\t(一)工作\n  \n")  # line breaks with blanks around them
@example("教师2 345人,12 345 678.5,2019 345,0.123 456,a 1 b,1 23 456, 789 \r\n\f\v")
@example("学(xue)校(xué)学 (xué) (gūo shì)(注1)")  # glosses need a tone mark ahead
def test_deletions_are_found_where_finditer_finds_them(raw: str) -> None:
    # normalize() tries the deletion pattern only where re finds a character a deletion
    # can start with; that must find exactly what scanning every position finds
    text = raw.translate(_FOLD)
    found = [(m.span(), m.lastgroup) for m in _deletions(text)]
    assert found == [(m.span(), m.lastgroup) for m in _DELETE.finditer(text)]


_FOLDING = st.sampled_from(sorted(chr(c) for c in _FOLD if c < 0x10000))
_SENTENCE = st.sampled_from([*"学校投资万元所人,。薴苧苎"])


@given(st.one_of(st.text(), st.text(alphabet=_FOLDING), st.text(alphabet=_SENTENCE | _FOLDING)))
@example("專任教師1844.37萬人，比上年增加２所：")  # a few kinds: replaced one by one
@example("薴苧苎,")  # a chain, 薴 -> 苧 -> 苎: replaced in the wrong order, 薴 ends as 苎
@example("ＡＢＣＤＥＦＧＨＩＪ")  # many kinds: translated
def test_fold_is_the_translation_of_every_character(raw: str) -> None:
    # _fold replaces only the kinds of folding characters a text holds, one by one
    bmp = "".join(c for c in raw if ord(c) < 0x10000)
    assert _fold(bmp) == bmp.translate(_FOLD)


def test_replacing_kinds_one_by_one_needs_no_order() -> None:
    # what makes _fold's replacements independent of their order: outside the chains it
    # translates instead, no character folds to another character that folds again
    chained = [
        (chr(c), to) for c, to in _FOLD.items() if _FOLD.get(ord(to), to) != to
    ]
    assert chained  # 薴 -> 苧 -> 苎
    for c, to in chained:
        assert {c, to} <= _FOLD_CHAINS


def test_the_start_class_holds_every_character_a_deletion_can_start_with() -> None:
    bmp = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    expected = regex.findall(_DELETION_START, bmp)
    assert len(expected) > 5000  # \p{So} alone has thousands
    assert _DELETION_STARTS.findall(bmp) == expected
    assert _DELETION_STARTS.match("😀")  # astral characters are left to _DELETE


def test_a_title_does_not_join_a_first_line_that_opens_with_a_year() -> None:
    # (the title was read as the first sentence's label before: 某县…总结2023年全县新建小学)
    (m,) = edumetrics.extract("某县2022年教育工作总结\n2023年全县新建小学3所。")
    assert (m.text, m.label) == ("3所", "2023年全县新建小学")
