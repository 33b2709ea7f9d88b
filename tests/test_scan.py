"""The fast paths of the scan, each checked against what it stands in for.

- The gate (``_patterns.GATE``): a cheap look at the raw text that turns away sentences
  that cannot hold a figure. It must never turn away one that does: wherever the
  one-pass pattern finds a candidate on the working copy, the gate passes the raw text.
- The one-pass pattern (``_patterns.QUANTITY``) and the context patterns that need no
  ``regex`` feature are compiled with ``re`` for speed; each compiled with ``regex``
  must find the same matches, group by group.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from edumetrics import _patterns as P
from edumetrics import extract
from edumetrics._candidates import scan
from edumetrics._context import (
    Context,
    last_match,
    positions,
    qualifier_before,
    trim_label_end,
    year_before,
)
from edumetrics._document import line_headings, section_headings
from edumetrics._normalize import normalize
from edumetrics._vocab import (
    ACTUAL_MARKERS,
    ADJACENT_CHANGE_CUES,
    ATTRIBUTIVE,
    CHANGE_CUES,
    CLAUSE_ENDS,
    LABEL_TAIL_CHANGES,
    LABEL_TAIL_WORDS,
    LEVEL_WORDS,
    QUALIFIERS_BEFORE,
    SENTENCE_ENDS,
    TARGET_CUES,
    YEAR_DEIXIS,
    YEAR_PARTS,
    YEAR_SUFFIXES,
    YEAR_WORD,
)
from edumetrics.rules import _resolve


def _has_candidate(raw: str) -> bool:
    return P.QUANTITY.search(normalize(raw).text) is not None


# Pieces of raw text: numerals in every script the normaliser folds, units (some
# traditional), what the normaliser deletes, and ordinary words.
_PIECES = [
    *"0123456789０１２３一二三两兩十百千万萬亿億零〇○壹貳參拾佰仟点.,xX＊",
    *"元所人名個个项%％余多成分之米千克位次口数數为",
    *"★\u200b \n\t¹①[]()注&;#@|",
    "[注1]",
    "(xué)",
    "（万元）：",
    "(单位:%)",
    "&nbsp;",
    "人口",
    "人數",
    "學校",
    "进一步",
    "十分",
    "统一",
    "。",
    "，",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
@example("五★所")
@example("伍佰萬元")
@example("兩萬人")
@example("十①个")
@example("五\n所")
@example("百分之五十")
@example("八成")
@example("總人口90萬")
@example("參拾元")
@example("一(yī)所")
@example("一&nbsp;所")
@example("总人★口90万")  # 人口 split by a deletable character, the figure at the end
@example("人\u200b數90萬")
def test_the_gate_passes_every_text_with_a_candidate(raw: str) -> None:
    if _has_candidate(raw):
        assert P.GATE.search(raw), raw


@pytest.mark.parametrize(
    "raw",
    [
        *["五★所", "伍佰萬元", "十①个", "五 \u200b 所", "百分之五十", "八成", "總人口90萬"],
        "一" * 99 + "所",
    ],
)
def test_the_gate_passes_figures_split_by_noise(raw: str) -> None:
    assert P.GATE.search(raw)
    assert extract(raw)


@pytest.mark.parametrize(
    "raw", ["进一步统一思想。", "万众一心,一以贯之。", "一是加强领导;二是完善制度。"]
)
def test_the_gate_turns_away_numeral_words(raw: str) -> None:
    assert P.GATE.search(raw) is None
    assert extract(raw) == []


def test_a_run_longer_than_the_bound_passes() -> None:
    # the gate reads at most _GATE_RUN characters of a run; a longer run is let through
    # rather than read to its end, so scanning it stays linear
    assert P.GATE.search("一" * (P._GATE_RUN + 5))


# Every pattern of _patterns compiled with ``re``, compiled again with ``regex``.
_BY_RE = {n: v for n, v in vars(P).items() if isinstance(v, re.Pattern) and n != "GATE"}
_BY_REGEX = {n: regex.compile(v.pattern, v.flags) for n, v in _BY_RE.items()}
_SCAN_PIECES = [
    *"0123456789一二三四五六七八九十百千万亿两零〇点.,xX*%",
    *"元所人名个项余多成分之米千克位次、和与及至到~-第“《》:;(\n",
    *(
        w
        for table in (LEVEL_WORDS, TARGET_CUES, CHANGE_CUES, ADJACENT_CHANGE_CUES, ACTUAL_MARKERS)
        for w in table
    ),
    "百分之",
    "个百分点",
    "平方米",
    "人口为",
    "人数",
    "万元",
    "1,000",
    "学生",
    "。",
    "其中",
    "三、",
    "(二)",
    "下一步工作打算",
    "(万元):",
    "(单位:人)",
    "使",
    "达到",
    "率",
    "入学率",
    "巩固率",
]


def test_the_patterns_on_re_are_the_scan_and_context_patterns() -> None:
    assert {"QUANTITY", "LEVEL", "TARGET", "HEADING"} <= set(_BY_RE)


@given(st.lists(st.sampled_from(_SCAN_PIECES), max_size=16).map("".join))
@example("全县总人口为90.11万,小学、初中入学率为99.07%、94.88%,4~6万平方米,八成")
@example("三、下一步工作打算\n(一)力争使入学率达到99%")
def test_re_and_regex_find_the_same_matches(text: str) -> None:
    for name, pattern in _BY_RE.items():
        by_re = [m.regs for m in pattern.finditer(text)]
        by_regex = [m.regs for m in _BY_REGEX[name].finditer(text)]
        assert by_re == by_regex, name


# The figures as written: what the scan (QUANTITY, which opens with a character class so
# that ``re`` skips to where a figure may start) must find.
_AS_WRITTEN = re.compile(f"(?={P.NUMERAL_FIRST}){P.FIGURE}", re.VERBOSE)


def _scanned(text: str) -> list[tuple[tuple[int, int], ...]]:
    """The spans of the scan's figures, as a match of _AS_WRITTEN holds them: the figure's
    span first, then its groups (the scan's own match is the figure's first character)."""
    return [(m.regs[1], *m.regs[2:]) for m in scan(text)]


def test_the_scan_opens_with_a_character_class() -> None:
    # (the shape that lets ``re`` skip through a text with one bitmap test a character)
    assert P.QUANTITY.pattern.lstrip().startswith(P.NUMERAL_FIRST)
    assert P.QUANTITY.groupindex["figure"] == 1


@given(st.lists(st.sampled_from(_SCAN_PIECES), max_size=16).map("".join))
@example("全县总人口为90.11万,小学、初中入学率为99.07%、94.88%,4~6万平方米,八成")
@example("三百余人")  # 百余人 inside it is a figure too, where finditer never looks
@example("H1N1病例12例,编号2023001,x.xx万元,1.5亿元")
@example("十三成")  # 三成 after 十: a figure may start right after a numeral
def test_the_scan_finds_the_figures_as_written(text: str) -> None:
    assert _scanned(text) == _spans(_AS_WRITTEN, text)


def test_the_scan_finds_the_figures_of_the_corpus_as_written() -> None:
    found = 0
    for text in _CORPUS_TEXTS:
        scanned = _scanned(text)
        assert scanned == _spans(_AS_WRITTEN, text)
        found += len(scanned)
    assert found > 600  # (the corpus has figures to find)


# Pieces of a clause before a figure: labels, verbs, qualifiers, parentheses.
_LABEL_PIECES = [
    *"学生教师共有计为约近达到了在校(注)一二、",
    *QUALIFIERS_BEFORE,
    "共计",
    "累计",
    "人数",
    "比上年",
    "增加",
    "超过",
    "其中",
    "三是",
    "比去年增长",
]


# What the extractor's end-anchored lookups stand for, written as ``regex`` searches from
# the end (``(?r)``); the extractor runs each spelled backwards with ``re`` (``_patterns``,
# ``…_BACKWARDS``), and these tests check the two agree.
_YEAR = regex.compile(rf"(?r)(?<![0-9])((?:19|20)[0-9]{{2}})(?={YEAR_WORD}|{P.either(YEAR_PARTS)})")
_LABEL_TRIM_END = regex.compile(
    rf"(?r)(?:{P.either(LABEL_TAIL_WORDS)}|\([^()]{{0,16}}\)|{P.either(LABEL_TAIL_CHANGES)}|"
    rf"(?:(?:19|20)[0-9]{{2}}|{P.either(YEAR_DEIXIS)}){YEAR_WORD}"  # 由2015年的 / 提高到上年的
    rf"(?:{P.either(YEAR_SUFFIXES)})?{ATTRIBUTIVE}?)+$"
)
_LONG_QUALIFIERS = [w for w in QUALIFIERS_BEFORE if len(w) > 1]
_QUALIFIER_BEFORE = regex.compile(  # 约300人; 至少读一本: a long one one verb away
    rf"(?r)(?:(?:{P.alternation(QUALIFIERS_BEFORE)})"
    rf"|(?:{P.alternation(_LONG_QUALIFIERS)})\p{{Han}})$"
)
_LEVEL_AT_END = regex.compile(rf"(?r)(?:{P.alternation(LEVEL_WORDS)})$")


def _cut_end(pattern: regex.Pattern[str], s: str) -> str:
    """``s`` without what an end-anchored pattern (``(?r)…$``) matches at its end: a
    reverse pattern's ``match`` is anchored at the end of the string (``s`` holds no line
    break, so ``$`` can only mean its end)."""
    m = pattern.match(s)
    return s[: m.start()] if m else s


@given(st.lists(st.sampled_from(_LABEL_PIECES), max_size=12).map("".join))
@example("全县在校学生共有约")
@example("全县共有义务教育阶段学校小学初中在校学生人数达到")
@example("生均图书小学25册、初中")
def test_end_anchored_patterns_are_matched_once_at_the_end(clause: str) -> None:
    # the extractor's end-anchored patterns, as (?r)…$ patterns, match once at the end of
    # a clause what a search finds (the extractor runs them spelled backwards, below)
    for pattern in (_LABEL_TRIM_END, _QUALIFIER_BEFORE, _LEVEL_AT_END):
        assert _cut_end(pattern, clause) == pattern.sub("", clause)
        found, searched = pattern.match(clause), pattern.search(clause)
        assert (found and found.span()) == (searched and searched.span())


_CUT_PIECES = [*_LABEL_PIECES, "2019年", "上年的", "(含)"]


@given(st.lists(st.sampled_from(_CUT_PIECES), max_size=12).map("".join))
@example("全县共有在校学生人数达到")
def test_a_cut_label_end_holds_no_trim_word(clause: str) -> None:
    # the extractor cuts a label once, and again only where a qualifier was cut after it
    cut = _cut_end(_LABEL_TRIM_END, clause)
    assert _cut_end(_LABEL_TRIM_END, cut) == cut
    for start in range(len(cut)):  # nor does any label ending there (the text after 其中)
        assert _LABEL_TRIM_END.match(cut[start:]) is None


# Every row the two end-anchored patterns are built from, and pieces that end otherwise.
_END_PIECES = [
    *_CUT_PIECES, *LABEL_TAIL_WORDS, *LABEL_TAIL_CHANGES, *YEAR_SUFFIXES, *YEAR_DEIXIS,
    "2023", YEAR_WORD, ATTRIBUTIVE, "(", ")", "5", "x", "小学", "初中", "中", "学", "高中",
    "普通高中", "义务教育",
]  # fmt: skip


@given(st.lists(st.sampled_from(_END_PIECES), max_size=10).map("".join))
@example("比上年的")
@example("2019年底的")
@example("约")
@example("不少于五")
@example("学生约占全")  # a long qualifier one character before the end
@example("全县初级中学")  # the longest level word ending there, not 中学
def test_the_end_guards_only_skip_what_cannot_match(clause: str) -> None:
    # trim_label_end and qualifier_before try the pattern only when the clause ends in
    # a character a match can end with; they must give what the pattern gives (and
    # trim_label_end matches it spelled backwards, on the clause spelled backwards)
    assert trim_label_end(clause) == _cut_end(_LABEL_TRIM_END, clause)
    unguarded = _QUALIFIER_BEFORE.match(clause)
    assert qualifier_before(clause) == (unguarded and unguarded[0])
    level = P.LEVEL_AT_END_BACKWARDS.match(clause[::-1])
    at_end = _LEVEL_AT_END.match(clause)
    assert (level and level[0][::-1]) == (at_end and at_end[0])


def test_the_end_guards_turn_away_a_plain_label() -> None:
    # what makes them worth having: a label ending in a noun is not matched at all
    assert "生" not in P.LABEL_TRIM_END_LAST
    assert "生" not in P.QUALIFIER_BEFORE_LAST
    assert "学" not in P.QUALIFIER_BEFORE_LONG_LAST
    assert trim_label_end("在校学生") == "在校学生"
    assert qualifier_before("在校学生") is None


def test_the_han_class_of_re_is_that_of_regex() -> None:
    # HEAD_NOUN runs on re, which has no \p{Han}: _patterns spells the class out
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    han = set(regex.findall(r"\p{Han}", everything))
    spelled = set(re.findall(f"[{P._HAN}]", everything))
    assert len(han) > 90_000
    assert han <= spelled
    # beyond it only the unassigned code points of the ideograph planes 2 and 3
    assert {c for c in spelled - han if not 0x20000 <= ord(c) < 0x40000} == set()


_HEADING_PIECES = [
    *"一二三十第()〔〕12、. \t\n。;", "部分", "(一)", "1.", "(2)", "三、", "工作", "学校", "1.5"
]
_NO_LOOKAHEAD = re.compile(P.SECTION_HEADING.pattern.split(")", 1)[1], P.SECTION_HEADING.flags)


@given(st.lists(st.sampled_from(_HEADING_PIECES), max_size=20).map("".join))
@example("一、总结\n(一)学前教育。1.幼儿园\n 2、小学 (3)初中")
def test_the_heading_lookahead_only_skips(text: str) -> None:
    # SECTION_HEADING opens with a lookahead naming the characters a heading can start
    # with, so the engine skips the others: it must find what the pattern without it does
    assert P.SECTION_HEADING.pattern.startswith("(?=[")
    found = [m.regs for m in P.SECTION_HEADING.finditer(text)]
    assert found == [m.regs for m in _NO_LOOKAHEAD.finditer(text)]


_CORPUS_TEXTS = [
    normalize(p.read_text(encoding="utf-8")).text
    for p in sorted((Path(__file__).parent / "data").glob("*/*.txt"))
]


@given(st.lists(st.sampled_from(_HEADING_PIECES), max_size=20).map("".join))
@example("一、总结\n(一)学前教育。1.幼儿园\n 2、小学 (3)初中")
@example(" 1、小学。 \t(2)初中")
def test_headings_are_tried_only_where_they_may_start(text: str) -> None:
    # the document's headings are matched only at its start, after a break a heading's
    # mark follows (SECTION_CUE), and at line starts: they must be what finditer finds
    assert [m.regs for m in section_headings(text)] == [
        m.regs for m in P.SECTION_HEADING.finditer(text)
    ]
    assert [m.regs for m in line_headings(text)] == [m.regs for m in P.HEADING.finditer(text)]
    assert positions(text, SENTENCE_ENDS) == [m.start() for m in P.SENTENCE_END.finditer(text)]
    assert positions(text, CLAUSE_ENDS) == [m.start() for m in P.CLAUSE_DELIM.finditer(text)]
    ctx = Context(text, text, _resolve(None))  # (its sentence ends are read from its clauses)
    assert ctx.sentences == [m.start() for m in P.SENTENCE_END.finditer(text)]
    assert ctx.clauses == [m.start() for m in P.CLAUSE_DELIM.finditer(text)]


def test_headings_and_breaks_of_the_corpus_are_those_finditer_finds() -> None:
    assert len(_CORPUS_TEXTS) > 15
    found = 0
    for text in _CORPUS_TEXTS:
        headings = [m.regs for m in section_headings(text)]
        assert headings == [m.regs for m in P.SECTION_HEADING.finditer(text)]
        assert [m.regs for m in line_headings(text)] == [
            m.regs for m in P.HEADING.finditer(text)
        ]
        assert positions(text, CLAUSE_ENDS) == [m.start() for m in P.CLAUSE_DELIM.finditer(text)]
        found += len(headings)
    assert found > 100  # (the corpus has headings to find)


# Words for the trie: a small alphabet, so that words share prefixes and texts hold them.
_TRIE_WORDS = st.lists(st.text("高中校阶段小学", min_size=1, max_size=4), min_size=1, max_size=12)
_TRIE_TEXT = st.text("高中校阶段小学x", max_size=24)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [m.regs for m in pattern.finditer(text)]


@given(_TRIE_WORDS, _TRIE_TEXT)
@example(["高中阶段", "高中", "高校", "小学"], "高中阶小学高中阶段高校")
def test_a_word_trie_matches_as_the_flat_alternation(words: list[str], text: str) -> None:
    trie, flat = P.word_trie(words), P.alternation(words)
    # alone, and inside a pattern that backtracks into it (高中阶段 fails before 段x:
    # the trie must then give 高中, as the flat alternation does)
    for around in ("{}", "(?:{})x", "(?:{})(?:段|)x", "((?:{})+?)学"):
        by_trie, by_flat = re.compile(around.format(trie)), re.compile(around.format(flat))
        assert _spans(by_trie, text) == _spans(by_flat, text), around
        for at in range(len(text)):
            got, want = by_trie.match(text, at), by_flat.match(text, at)
            assert (got and got.regs) == (want and want.regs), (around, at)


@given(_TRIE_WORDS, _TRIE_TEXT)
def test_a_word_trie_puts_each_guard_where_its_word_ends(words: list[str], text: str) -> None:
    def guard(word: str) -> str:  # (as the units' blockers: by the word's last character)
        return f"(?!{word[-1]}x)"

    flat = "|".join(w + guard(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    by_trie, by_flat = re.compile(P.word_trie(words, guard)), re.compile(flat)
    assert _spans(by_trie, text) == _spans(by_flat, text)


def test_a_word_trie_opens_every_top_branch_with_a_character() -> None:
    # (re skips ahead to the characters a pattern can open with only if each branch
    # opens with one; a class or a group at the top would make it try every place)
    trie = P.word_trie(["高中阶段", "高中", "高校", "小学", "的", "和"])
    assert trie == "和|小学|的|高(?:校|中(?:阶段|))"


_YEAR_PIECES = [*"0123456789年月学上下半的x", "19", "20", "2023", "1998", "上半年", "学年"]


@given(st.lists(st.sampled_from(_YEAR_PIECES), max_size=14).map("".join))
@example("2019年和2023学年的")
@example("12023年")  # (five digits: no year)
@example("2023上半年2022年")
def test_the_year_spelled_backwards_is_the_year_searched_from_the_end(text: str) -> None:
    found = P.YEAR_BACKWARDS.search(text[::-1])
    want = _YEAR.search(text)
    assert (found and (len(text) - found.end(), found[1][::-1])) == (
        want and (want.start(), want[1])
    )
    assert year_before(text) == (want and int(want[1]))  # (read from the last 年)


_LAST_MATCHED = (P.TARGET, P.CHANGE, P.FASTEST_CHANGE, P.LEVEL_LIST, P.RATE_LIST, re.compile("x*"))


@given(st.lists(st.sampled_from([*_SCAN_PIECES, "x", "xx"]), max_size=16).map("".join))
@example("力争计划达到x比上年增长xx提高")
def test_the_last_match_is_the_last_that_finditer_finds(text: str) -> None:
    for pattern in _LAST_MATCHED:  # (the patterns it is asked of, and one matching empty)
        found = last_match(pattern, text)
        matches = list(pattern.finditer(text)) if text else []
        assert (found and found.regs) == (matches[-1].regs if matches else None), pattern


def test_the_spaces_a_heading_may_follow_are_those_of_re() -> None:
    # (spelled out for speed: every character re's \s matches, all of them in the BMP)
    every = "".join(map(chr, range(0x110000)))
    assert set(P._SPACE_CHARS) == set(re.findall(r"\s", every))
