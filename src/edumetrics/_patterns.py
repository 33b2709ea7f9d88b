"""Compiled patterns of the extractor, built once at import from the tables in ``_vocab``.

One pattern, :data:`QUANTITY`, finds every candidate in a single pass over the working
copy: a numeral (Arabic, masked, Chinese, 百分之…, N成) with its multiplier, inner
qualifier and unit, optionally preceded by bare numerals that share the unit
(``0.88、1.46个百分点``, ``4~6篇``). Digit runs are possessive, so no input makes the
engine backtrack into them; alternations are longest first. :data:`GATE` looks at the raw
text first and turns away what cannot hold a figure.

Patterns that need ``regex`` (Unicode properties, searching from the end) are compiled
with it; the others, the scan and the gate among them, with the standard library's
``re``, which runs them several times faster (see the comment above :data:`QUANTITY`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

import regex

from edumetrics._normalize import BMP, DELETABLE_CHARS, DELETABLE_CLASSES, raw_forms, re_class
from edumetrics._vocab import (
    ACTUAL_MARKERS,
    ADJACENT_CHANGE_CUES,
    ADVERB_QUALIFIERS,
    ARABIC_ONLY_UNITS,
    ATTRIBUTIVE,
    BREAKDOWN_SEPARATORS,
    CAN_THREE,
    CAN_THREE_BEFORE,
    CENT_DIGITS,
    CHANGE_CUES,
    CHANGE_NOUNS,
    CHANGE_TO,
    CLAUSE_ENDS,
    COMPARISON_CUES,
    COUNT_ATTRIBUTES,
    DATE_WORDS,
    DECIMAL_POINT_WORD,
    DIGIT_MASKS,
    DOCUMENT_KINDS,
    DONE_AFTER_GOAL_WORDS,
    DONE_BEFORE_GOAL,
    ENUMERATION_CLOSERS,
    ENUMERATION_COPULA,
    ENUMERATION_OPENERS,
    EXAM_SIGNUP,
    EXAM_TAKE_VERBS,
    EXAM_WORDS,
    FASTEST_CHANGES,
    FEN_NOT_BEFORE,
    FEN_WORD,
    FUND_NOUNS,
    FURNITURE_LABELS,
    FUTURE_ADVERBS,
    FUTURE_VERBS,
    FUTURE_WILL,
    HEADCOUNT_NOUNS,
    HEADCOUNT_VERBS,
    HEADER_UNITS,
    HEADING_CLOSE_BRACKETS,
    HEADING_MARK,
    HEADING_OPEN_BRACKETS,
    HEADING_PART_CHARS,
    HUNDRED_NOT_BEFORE,
    INCREMENT_CAUSE,
    INCREMENT_REACH_VERBS,
    INNER_QUALIFIERS,
    JIAO_ROUND_WORD,
    JIAO_WORD,
    KILO_UNIT_STARTS,
    LABEL_HEAD_MARKS,
    LABEL_HEAD_WORDS,
    LABEL_JOINERS,
    LABEL_TAIL_CHANGES,
    LABEL_TAIL_WORDS,
    LEVEL_DECOYS,
    LEVEL_MODIFIERS,
    LEVEL_SUFFIXES,
    LEVEL_WORDS,
    LIST_JOINERS,
    LONE_UNIT_AFTER,
    LONE_UNITS,
    MONEY_CUES,
    MONTH_WORD,
    MULTIPLIER_PREFIXES,
    NAMED_NUMBERS,
    NOT_RANK_BEFORE_FRONT,
    NOUN_LIST_MARK,
    NOUN_QUOTES,
    NUMERAL_BIG_UNITS,
    NUMERAL_DIGITS,
    NUMERAL_SMALL_UNITS,
    OBJECT_VERBS,
    ORDINAL_PREFIX,
    PARTS_CUE,
    PER_DENOMINATORS,
    PERCENT_WORDS,
    PERFECTIVE,
    PHRASE_BREAKS,
    PHRASE_ENDS,
    PLAN_HEADINGS,
    PLAN_NOUN_BEFORE,
    PLAN_NOUN_TAILS,
    PLAN_RATE_NOUNS,
    PLAN_RATE_VERBS,
    PLAN_REVIEWS,
    PLAN_VERB,
    PLAN_VERB_AFTER,
    QUALIFIER_AFTER_BLOCKERS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    RANGE_JOINERS,
    RANK_FRONT,
    RANK_ORDINALS,
    RANK_WORDS,
    RATE_SUFFIX,
    RATE_WORDS,
    REALISED_MARKERS,
    REALISED_NOUN_TAILS,
    RECRUIT_VERBS,
    ROUND_WORDS,
    SENTENCE_ENDS,
    SMALL_NUMERALS,
    STANDARD_NOT_BEFORE,
    STANDARD_NOUNS,
    STANDARD_RAISE_VERBS,
    STANDARD_WORD,
    STRIVE,
    STRIVE_BEFORE_YEAR,
    STRIVE_VERBS,
    TARGET_CUES,
    TENTHS_DECIMAL_DIGITS,
    TENTHS_DIGITS,
    TENTHS_NOT_BEFORE,
    TENTHS_WORD,
    TITLE_MARKS,
    TOTAL_WORDS,
    UNIT_BLOCKER_EXCEPTIONS,
    UNIT_BLOCKERS,
    UNIT_HEADER_WORD,
    UNIT_SURFACES,
    UNTIL_WORD,
    YEAR_DEIXIS,
    YEAR_PARTS,
    YEAR_RANGE_JOINERS,
    YEAR_SUFFIXES,
    YEAR_WORD,
    YUAN_WORDS,
)

__all__ = ["QUANTITY"]


def alternation(words: object) -> str:
    """Regex alternation of ``words``, longest first, each escaped."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))  # type: ignore[call-overload]


def word_trie(words: Iterable[str], end: Callable[[str], str] | None = None) -> str:
    """``alternation(words)`` factored by shared prefixes (高(?:中(?:阶段)?|校) for 高中阶段,
    高中, 高校), for patterns matched forwards; ``end(word)``, if given, is put where each
    word ends (a guard such as a negative look-ahead).

    Why by hand: ``re`` tries the branches of an alternation one by one at every place
    its first characters allow, so a table of 150 words costs 150 tests there; factored,
    it costs one test per character matched. The two match the same and prefer the same
    (of the words matching at one place, each a prefix of the next, the longest first;
    then each shorter one, as backtracking asks), which tests/test_scan.py checks. A
    pattern matched backwards (``regex``'s ``(?r)``) keeps the flat alternation: there,
    words ending at one place are no prefixes of each other."""
    trie: _Trie = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[_END] = {}
    # (bare at the top, as alternation's: where every branch of a pattern opens with a
    # character, ``re`` skips ahead to the characters one can open with)
    return "|".join(_branches(trie, "", end, top=True))


_Trie = dict[str, "_Trie"]
_END: Final = ""  # the key marking a node where a word ends (no character is empty)


def _branches(
    node: _Trie, word: str, end: Callable[[str], str] | None, top: bool = False
) -> list[str]:
    """The alternatives of the words through ``node`` (``word`` the path to it). Below
    the top, the characters that end a word and lead nowhere else are one class (a
    bitmap test, where branches are tried one by one); at the top every branch opens with
    its character, for ``re`` to skip ahead by."""
    alts: list[str] = []
    leaves: list[str] = []
    for ch, child in sorted(node.items()):
        if ch == _END:
            continue
        if not top and child.keys() == {_END} and (end is None or not end(word + ch)):
            leaves.append(ch)
        else:
            alts.append(regex.escape(ch) + _group(child, word + ch, end))
    if leaves:  # (one character can open one branch only: their order is free)
        leaf = regex.escape(leaves[0]) if len(leaves) == 1 else f"[{chars(''.join(leaves))}]"
        alts.insert(0, leaf)
    if _END in node:  # a word ends here: after the longer words through this node
        alts.append(end(word) if end is not None else "")
    return alts


def _group(node: _Trie, word: str, end: Callable[[str], str] | None) -> str:
    alts = _branches(node, word, end)
    return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"


def either(words: tuple[str, ...]) -> str:
    """Regex alternation of ``words`` in the order given (where the order is the table's
    priority), each escaped."""
    return "|".join(regex.escape(w) for w in words)


def backwards(words: Iterable[str]) -> tuple[str, ...]:
    """``words``, each spelled backwards, in the order given."""
    return tuple(w[::-1] for w in words)


def chars(text: str) -> str:
    """The characters of ``text``, escaped for a character class."""
    return regex.escape(text)


def _unit_alternation(surfaces: list[str]) -> str:
    """The unit surfaces, longest first, each guarded by the blockers of its last
    character: 班级 after 9846个 blocks 个班 as it blocks 班 (a blocker says which words a
    character starts, whatever surface it ends)."""

    def guard(surface: str) -> str:
        blockers = UNIT_BLOCKERS.get(surface[-1])
        exceptions = UNIT_BLOCKER_EXCEPTIONS.get(surface[-1])
        unless = f"(?!{word_trie(exceptions)})" if exceptions else ""
        return f"(?!{unless}(?:{word_trie(blockers)}))" if blockers else ""

    return word_trie(surfaces, guard)


_MASK = chars(DIGIT_MASKS)
_CN_DIGITS = chars(NUMERAL_DIGITS)
_CN_SMALL = chars(NUMERAL_SMALL_UNITS)
_CN_BIG = chars(NUMERAL_BIG_UNITS)
_POINT = chars(DECIMAL_POINT_WORD)
_INNER = chars("".join(INNER_QUALIFIERS))  # 余, 多

# An Arabic or masked numeral: 1,234.5 · 23. · xx.xx · 3万5 (the trailing multiplier is
# matched separately so 2860万元 reads as 2860万 + 元).
_ARABIC = rf"""
    (?<![A-Za-z0-9.{_CN_SMALL}{_CN_BIG}])       # not inside H1N1, ID1327813, 1.1.1, 1万1万
    [0-9{_MASK}]++                              # integer digits or placeholders
    (?:,[0-9{_MASK}]{{3}}(?![0-9{_MASK}]))*+    # thousands groups (x,xxx when masked)
    (?:\.[0-9{_MASK}]*+)?+                      # decimals (empty: a damaged 23.)
    (?:[{_CN_SMALL}{_CN_BIG}]++[0-9]++)*+       # 3万5, 12亿3 (mixed forms)
"""
# A Chinese numeral: 一百零五, 两万, 十二点零五; a lone 百/千/万 only before 余/多 or
# after 近/约/逾 (近万人).
# 參 (traditional 叁, three in 大写) folds to 参 in the working copy, where it usually means
# "take part" (参加); it is a numeral only before a 大写 unit (參拾, 參佰) or the unit of an
# amount (陸佰零參圓, 參萬圓).
_CAN_3 = f"{chars(CAN_THREE)}(?=[{chars(CAN_THREE_BEFORE)}])"
_TEN = chars(NUMERAL_SMALL_UNITS[:2])  # 十, 拾: a numeral may open with them (十二)
_LONE = chars(LONE_UNITS)
_CHINESE = rf"""
    (?<![{_CN_DIGITS}{_CN_SMALL}{_CN_BIG}])        # start of a run only: linear on 一一一…
    (?<![{_CN_DIGITS}{_CN_SMALL}{_CN_BIG}]{_POINT})  # not the decimals of 三点五
                                                     # (教学点四十三个 is)
    (?:(?:[{_CN_DIGITS}{_TEN}]|{_CAN_3})(?:[{_CN_DIGITS}{_CN_SMALL}{_CN_BIG}]|{_CAN_3})*+
       (?:{_POINT}[{_CN_DIGITS}]++)?+
     | [{_LONE}](?=[{_INNER}])                  # 百余人
     | (?<=[{chars(LONE_UNIT_AFTER)}])[{_LONE}])  # 近万人, 逾千名, 突破千人
"""
_, _HUNDRED, _KILO = (MULTIPLIER_PREFIXES[k] for k in range(3))  # 十, 百, 千
_MULTIPLIER = (
    f"(?:[{chars(MULTIPLIER_PREFIXES)}]?[{_CN_BIG}]"
    f"|{_KILO}(?![{chars(KILO_UNIT_STARTS)}])|{_HUNDRED}(?!{chars(HUNDRED_NOT_BEFORE)}))"
)
_INNER_Q = f"[{_INNER}]"
_PER = f"(?:/(?:{either(PER_DENOMINATORS)}))++"

# 12元5角, 壹拾壹元壹角壹分, 贰拾元零伍分, 壹佰壹拾壹圆整: the 角 and 分 (tenths and
# hundredths) of an amount in 元/圆, or its 整/正 ("and no cents"); only right after 元/圆,
# so 分 elsewhere stays a score (600分). 整/正 before a Han character is a word (整改, 正在).
_CENT_DIGIT = f"[1-9{chars(CENT_DIGITS)}]"
_FEN = (
    f"{_CENT_DIGIT}{chars(FEN_WORD)}"
    f"(?!{alternation(UNIT_BLOCKERS[FEN_WORD])}|{chars(FEN_NOT_BEFORE)})"
)
_ZERO = chars(NUMERAL_DIGITS[0])  # 零
_JIAO, _JIAO_ROUND = chars(JIAO_WORD), chars(JIAO_ROUND_WORD)
_CENTS = rf"""(?<=[{chars(YUAN_WORDS)}])(?:
    {_CENT_DIGIT}{_JIAO}(?:{_FEN}|{_JIAO_ROUND}(?![\u4e00-\u9fff]))?+  # 5角, 壹角捌分, 伍角整
  | {_ZERO}?+{_FEN}                                        # 8分, 零伍分
  | [{chars(ROUND_WORDS)}](?![\u4e00-\u9fff])            # 圆整, 元正
)"""

_ALL_UNITS = _unit_alternation(list(UNIT_SURFACES))
_CN_UNITS = _unit_alternation([u for u in UNIT_SURFACES if u not in ARABIC_ONLY_UNITS])


def _next_after_numeral(surfaces: list[str]) -> str:
    """What may come right after a numeral: a qualifier, a multiplier or a unit. Checked
    as one class before the unit alternation is tried, where most numeral words (一是,
    十分) fail at once."""
    firsts = {*INNER_QUALIFIERS, *MULTIPLIER_PREFIXES, *NUMERAL_BIG_UNITS}
    firsts.update(u[0] for u in surfaces)
    return regex.escape("".join(sorted(firsts)))


_NEXT_AR = _next_after_numeral(list(UNIT_SURFACES))
_NEXT_CN = _next_after_numeral([u for u in UNIT_SURFACES if u not in ARABIC_ONLY_UNITS])
_SEP = f"(?:{either(tuple(LIST_JOINERS + RANGE_JOINERS))})"
_LIST_MAX = 12  # bare numerals that may share the unit of the figure after them

# 总人口90.11万: the unit is in the label. ``re`` looks behind only at fixed widths, so
# every width is its own look-behind.
_POPULATION_BEFORE = "|".join(
    # one look-behind per width: the nouns, then the nouns and the verbs of each length
    f"(?<=(?:{alternation(HEADCOUNT_NOUNS)}){'' if not n else f'(?:{alternation(verbs)})'})"
    for n, verbs in sorted(
        {
            n: [v for v in ("", *HEADCOUNT_VERBS) if len(v) == n]
            for n in {len(v) for v in ("", *HEADCOUNT_VERBS)}
        }.items()
    )
)
assert len({len(w) for w in HEADCOUNT_NOUNS}) == 1  # (a look-behind is of one width)

# 收入合计(万元):1,256.32: the unit is in a header just before the number, in parentheses
# (with 单位: or not, the colon or not); each form is a fixed-width look-behind.
_HEADER_BEFORE = "|".join(
    f"(?<=\\({re.escape(label + unit)}\\){colon})"
    for label in ("", f"{UNIT_HEADER_WORD}:")
    for unit in HEADER_UNITS
    for colon in ("", ":")
)

# the header itself, matched where it ends (just before the number)
HEADER_UNIT: Final = re.compile(
    rf"\((?:{UNIT_HEADER_WORD}:)?(?P<unit>{word_trie(HEADER_UNITS)})\):?\Z"
)

# A figure, as written: bare numerals sharing its unit, then one numeral with its unit (or
# 百分之…, N成, a figure whose unit is in its label or in a header before it).
_PERCENT = chars(PERCENT_WORDS)
_THREE = chars(CAN_THREE)
_CN_ALL = _CN_DIGITS + _CN_SMALL + _CN_BIG
_TENTHS = chars(TENTHS_DIGITS)
_TENTHS_DEC = chars(TENTHS_DECIMAL_DIGITS)
_DATE = chars(DATE_WORDS)
FIGURE: Final = rf"""
    (?P<pre>                                    # bare numerals sharing the unit: a short
        (?=[0-9{_MASK}.,{_CN_ALL}{_POINT}]{{1,24}}+{_SEP})  # (only where a list
        (?:                                     # separator follows a numeral)
          (?<![0-9{_MASK}]{_SEP})               # list, read from its first item only, so
          (?:(?:{_ARABIC}){_MULTIPLIER}?+{_SEP}){{1,{_LIST_MAX}}}+   # the scan stays linear
        | (?<![{_CN_DIGITS}{_CN_SMALL}]{_SEP})  # on 1、1、1…
          (?:(?:{_CHINESE}){_SEP}){{1,{_LIST_MAX}}}+
        )
    )?
    (?:
        (?P<ar>{_ARABIC})(?=[{_NEXT_AR}])
        (?P<q1>{_INNER_Q})?+(?P<mult>{_MULTIPLIER})?+(?P<q2>{_INNER_Q})?+
        (?P<unit>{_ALL_UNITS})(?P<cents>{_CENTS})?+(?P<per>{_PER})?+
      | (?P<cn>{_CHINESE})(?=[{_NEXT_CN}])
        (?P<cq1>{_INNER_Q})?+(?P<cmult>{_MULTIPLIER})?+(?P<cq2>{_INNER_Q})?+
        (?P<cunit>{_CN_UNITS})(?P<ccents>{_CENTS})?+(?P<cper>{_PER})?+
      | {_PERCENT}(?P<pct>{_ARABIC}|{_CHINESE}|{_HUNDRED}(?![{_CN_ALL}{_POINT}]))  # 百分之百
      | (?P<cheng>[{_TENTHS}]|[{_TENTHS_DEC}]{_POINT}[{_TENTHS_DEC}]){chars(TENTHS_WORD)}
        (?![{chars(TENTHS_NOT_BEFORE)}])
      | (?=[0-9{_MASK}])(?:{_POPULATION_BEFORE})  # (cheap test first)
        (?P<pop>{_ARABIC}){_MULTIPLIER}?+(?![0-9.%{_DATE}])  # not 人数是2015年的1.5倍
      | (?=[0-9{_MASK}])(?:(?<=\))|(?<=\):))(?:{_HEADER_BEFORE})
        (?P<hdr>{_ARABIC})(?![0-9.%{_DATE}{_CN_SMALL}{_CN_BIG}])
    )
"""
# Every figure opens with one of these characters.
NUMERAL_FIRST: Final = f"[0-9{_MASK}{_CN_DIGITS}{_CN_SMALL}{_CN_BIG}{_THREE}]"

# The scan: where a FIGURE starts, matched in group ``figure``; the match itself is the
# figure's first character alone. ``_candidates.scan`` reads its matches as
# ``re.finditer(f"(?={NUMERAL_FIRST}){FIGURE}")`` would find them (tests/test_scan.py).
#
# Why this shape: ``re`` skips through a text fast, with one bitmap test per character,
# only to where a pattern's leading character class matches; a pattern that opens with a
# look-ahead is tried in full at every character. So the scan consumes the first
# character, and matches the figure in a look-ahead from one character back (inside a
# look-behind over that character), where its groups are kept. On the shared reports the
# scan costs a third fewer instructions, the whole extraction 6% fewer; a dense report
# costs 1% more (docs/performance.md). A digit right after a letter, a digit, a point or
# a multiplier is turned away first: no figure starts inside a number (_ARABIC's
# look-behind), and the scan, which resumes one character after each start, comes to
# every digit of a figure.
#
# Compiled with the standard library's ``re``: the pattern needs nothing ``re`` lacks
# (possessive quantifiers and atomic groups are in Python 3.11), and ``re`` runs it three
# times as fast, mostly because it tests its character classes as bitmaps.
# tests/test_scan.py checks that ``regex`` finds the same matches.
QUANTITY: Final = re.compile(
    rf"""
    {NUMERAL_FIRST}
    (?<![A-Za-z0-9.{_CN_SMALL}{_CN_BIG}][0-9{_MASK}])  # not inside a number
    (?<=(?=(?P<figure>{FIGURE})){NUMERAL_FIRST})
    """,
    re.VERBOSE,
)

# The gate: a raw text can hold a figure only where a numeral (its characters possibly
# split by characters the normaliser deletes) runs into what may follow a numeral in
# QUANTITY (a unit, 余/多, 分 of 百分之, 成), or where 人口/人数 is written (总人口90万 has
# its unit in the label). Most sentences of a report hold no figure but do hold 一 or 十
# (进一步, 一是); the gate turns them away before normalising. It is a superset of
# QUANTITY on the working copy (tests/test_scan.py): every class is widened to
# the raw characters the normaliser folds into it, and a run longer than the bound is let
# through, so no figure is lost and a scan of a long run stays linear.
#
# It is compiled with the standard library's ``re``, not ``regex``: it runs over every
# sentence, and ``re`` compiles its large character classes into bitmaps where ``regex``
# tests them member by member (three times slower here). ``re`` has no Unicode
# properties, so what the normaliser may delete is widened to "any character outside
# the CJK Unified Ideographs block, or a deletable one inside it".
_NUMERAL_START = (
    "0123456789" + DIGIT_MASKS + NUMERAL_DIGITS + NUMERAL_SMALL_UNITS + NUMERAL_BIG_UNITS
    + CAN_THREE
)
_NUMERAL_RUN = _NUMERAL_START + ".," + DECIMAL_POINT_WORD
_CJK = r"\u4e00-\u9fff"  # (the block, as ``re`` reads a range)


def _gate() -> str:
    # What may follow a numeral run: a unit's first character (千米 -> 米: the run has read
    # 千 already), 余/多, 分 (百分之), 成. A follower that fits only some numerals (分 of
    # 分钟 after 十 in 十分重要) still passes: looking behind for them costs more than the
    # few sentences it would turn away.
    follow = {*INNER_QUALIFIERS, PERCENT_WORDS[1], TENTHS_WORD}  # 余, 多, 分 of 百分之, 成
    for surface in UNIT_SURFACES:
        rest = surface.lstrip(_NUMERAL_RUN)
        if not rest:
            raise ValueError(f"unit surface {surface!r} is all numeral characters")
        follow.add(rest[0])
    start = re.escape(raw_forms(_NUMERAL_START))
    run = re.escape(raw_forms(_NUMERAL_RUN))
    after = re.escape(raw_forms(follow))
    block = "".join(map(chr, range(0x4E00, 0xA000)))
    deletable = f"[{regex.escape(raw_forms(DELETABLE_CHARS))}{DELETABLE_CLASSES}]"
    deletable_cjk = re.escape("".join(regex.findall(deletable, block)))  # 注释 of [注1]
    # a follower or numeral ends the fill even where it could be deleted (%, m)
    fill = f"(?:[^{_CJK}{after}{run}]|[{deletable_cjk}])"
    arabic = re.escape(raw_forms("0123456789" + DIGIT_MASKS))
    (person,) = {w[0] for w in HEADCOUNT_NOUNS}  # 人 of 人口, 人数
    nouns = re.escape(raw_forms("".join(w[1:] for w in HEADCOUNT_NOUNS)))
    return rf"""(?=[{start}{person}{re.escape(raw_forms(")"))}])
    (?:[{start}](?:[{run}]|{fill}){{0,{_GATE_RUN}}}+(?:[{after}]|[{run}]|{fill})
     | {person}(?:{fill}){{0,{_GATE_RUN}}}+[{nouns}]
     | [{re.escape(raw_forms(")"))}](?:{fill}){{0,{_GATE_RUN}}}+[{arabic}]  # (万元):1,256.32
    )"""


_GATE_RUN = 64  # a run of numeral and deletable characters longer than this passes as is
GATE: Final = re.compile(_gate(), re.VERBOSE)

# The patterns below that need no ``regex`` feature (Unicode properties, searching from
# the end) are compiled with ``re`` too: they run several times per figure, and ``re``
# calls cost a third of ``regex`` calls on short strings. tests/test_scan.py checks that
# ``regex`` finds the same matches for each.

# Bare numerals inside ``pre``, and the separators between them.
PRE_ITEM: Final = re.compile(
    rf"(?P<num>{_ARABIC}{_MULTIPLIER}?+|{_CHINESE})(?P<sep>{_SEP})", re.VERBOSE
)
RANGE_SEPARATORS: Final = frozenset(RANGE_JOINERS)

SENTENCE_END: Final = re.compile(f"[{chars(SENTENCE_ENDS)}]")
_CLAUSE_ENDS = chars(CLAUSE_ENDS)
CLAUSE_DELIM: Final = re.compile(f"[{_CLAUSE_ENDS}]")
_LABEL_JOINER = f"[{chars(LABEL_JOINERS)}]"
# what parts the items of a list (普通高校和成人高校), or clauses
LIST_BREAK: Final = re.compile(f"[{chars(LABEL_JOINERS)}{_CLAUSE_ENDS}]")

NAMED: Final = re.compile(word_trie(NAMED_NUMBERS))
# page furniture reads "label: value" (大小:18.62KB, 限时特价:7 元/份)
FURNITURE: Final = regex.compile(rf"(?r)(?:{alternation(FURNITURE_LABELS)})[^:=\n]{{0,4}}[:=]$")
# 约300人, 至少读一本: a word qualifier ends a label, a long one possibly one verb before
# the number.
_LONG_QUALIFIERS = [w for w in QUALIFIERS_BEFORE if len(w) > 1]
# What a qualifier ending a label must end with, read from the same rows: a qualifier's
# last character, or a long qualifier's before one more character. A label that ends
# otherwise is not matched against it (``_context.qualifier_before``): most are not.
QUALIFIER_BEFORE_LAST: Final = frozenset(w[-1] for w in QUALIFIERS_BEFORE)
QUALIFIER_BEFORE_LONG_LAST: Final = frozenset(w[-1] for w in _LONG_QUALIFIERS)
# 至少新建学校3所: an adverb qualifies the number of the verb phrase it opens
ADVERB_QUALIFIER: Final = regex.compile(
    rf"(?r)(?P<word>{alternation(ADVERB_QUALIFIERS)})\p{{Han}}{{1,4}}$"
)
COUNT_ATTRIBUTE: Final = re.compile(word_trie(COUNT_ATTRIBUTES))
MONEY_CUE: Final = re.compile(word_trie(MONEY_CUES))
RECRUIT: Final = re.compile(word_trie(RECRUIT_VERBS))
OBJECT_VERB: Final = re.compile(word_trie(OBJECT_VERBS))
RANK: Final = regex.compile(
    rf"(?r)(?:(?:{alternation(RANK_WORDS)})[{chars(RANK_ORDINALS)}]?"
    rf"|(?<!{chars(NOT_RANK_BEFORE_FRONT)}){chars(RANK_FRONT)})$"
)
# \p{Han} for ``re``: the BMP's Han characters, the few Han marks of plane 1, and the
# planes of CJK ideographs (2 and 3, whose assigned characters are all Han)
_HAN_MARKS = "".join(regex.findall(r"\p{Han}", "".join(map(chr, range(0x16FE0, 0x17000)))))
_HAN = re_class(r"\p{Han}", _HAN_MARKS + r"\U00020000-\U0003FFFF")[1:-1]
# the qualifier ending a label, matched on the label spelled backwards (see YEAR_BACKWARDS):
# ``_context.qualifier_before``
QUALIFIER_BEFORE_BACKWARDS: Final = re.compile(
    rf"(?:{word_trie(backwards(QUALIFIERS_BEFORE))})"
    rf"|[{_HAN}](?:{word_trie(backwards(_LONG_QUALIFIERS))})"
)
# The noun phrase after a count's unit, up to the first word that ends it.
HEAD_NOUN: Final = re.compile(
    rf"[{chars(NOUN_QUOTES)}]?+((?:(?!{word_trie(PHRASE_ENDS)})[{_HAN}])"
    rf"(?:(?!{word_trie(PHRASE_ENDS)})[{_HAN}{NOUN_LIST_MARK}])*+)"
)
QUALIFIER_AFTER: Final = re.compile(
    rf"(?!{word_trie(QUALIFIER_AFTER_BLOCKERS)})(?:{word_trie(QUALIFIERS_AFTER)})"
)
# A change cue near the number, not "increased TO" (增加到 is a new level, not a change);
# 高/低 only at the end, right before the number (not 高 of 高中).
# (each cue's guard stands where the cue ends, so that every branch opens with a character
# and re skips ahead to the characters a cue can open with)
CHANGE: Final = re.compile(
    rf"{word_trie(CHANGE_NOUNS)}|{word_trie(CHANGE_CUES, lambda _: f'(?!{either(CHANGE_TO)})')}"
    rf"|{word_trie(ADJACENT_CHANGE_CUES, lambda _: f'(?={chars(PERFECTIVE)}?$)')}"
)
COMPARISON: Final = re.compile(word_trie(COMPARISON_CUES))
_PHRASE_BREAKS = chars(PHRASE_BREAKS)
# 争取 is a goal before a deadline or a verb of achieving (争取到2025年, 争取达到), but in a
# summary mostly means "secured" (争取到上级资金500万元, 争取项目12个): no cue alone.
TARGET: Final = re.compile(
    rf"{word_trie(TARGET_CUES)}"
    rf"|{STRIVE}(?:{either(STRIVE_BEFORE_YEAR)})?(?:19|20)\d\d{YEAR_WORD}"
    rf"|{STRIVE}(?:{either(STRIVE_VERBS)})"
    # (the look-behinds follow the literal, so every branch starts with one and the engine
    # skips ahead to the characters a cue can start with)
    rf"|{PLAN_VERB}(?:(?<![\u4e00-\u9fff]{PLAN_VERB})|(?<=[{PLAN_VERB_AFTER}]{PLAN_VERB}))"
    rf"(?!{word_trie(PLAN_NOUN_TAILS)}|[{chars(PLAN_NOUN_BEFORE)}])"
    rf"|{FUTURE_WILL}(?:{word_trie(FUTURE_ADVERBS)})?(?:{word_trie(FUTURE_VERBS)})"
    # 生均公用经费标准提高到720元: a standard set anew is a standard
    rf"|{STANDARD_WORD}[^{_PHRASE_BREAKS}]{{0,8}}?(?:{either(STANDARD_RAISE_VERBS)})"
    rf"(?:{either(CHANGE_TO)})"
)
# before a target cue (matched at the end of the scope before it), words saying the plan
# was carried out
DONE_BEFORE: Final = regex.compile(rf"(?r)(?:{alternation(DONE_BEFORE_GOAL)})$")
# 增长最快的是犍为县(30.70%): the place that changed most, and its change
FASTEST_CHANGE: Final = re.compile(word_trie(FASTEST_CHANGES))
# after a target cue, words saying the figure was reached or spent, not aimed at
DONE_AFTER_GOAL: Final = re.compile(rf"{either(DONE_AFTER_GOAL_WORDS)}|{word_trie(PLAN_REVIEWS)}")
# nouns of a fund: a change cue before one is part of the fund's name (能力提升补助资金)
FUND_NOUN: Final = re.compile(either(FUND_NOUNS))
# 招聘计划完成率, 目标任务完成率, 预算执行率: a rate of what was done against a plan, whose
# noun holds a target cue (matched where the cue starts)
PLAN_RATE: Final = re.compile(
    rf"(?:{either(PLAN_RATE_NOUNS)})[^{chars(PLAN_NOUN_BEFORE)}\d]{{0,4}}?"
    rf"(?:{either(PLAN_RATE_VERBS)}){RATE_SUFFIX}"
)
# 按每生每年1000元标准, 1000元的补助标准: the figure is a standard
STANDARD_AFTER: Final = re.compile(
    rf"{ATTRIBUTIVE}?(?:{either(STANDARD_NOUNS)})?{STANDARD_WORD}(?!{STANDARD_NOT_BEFORE})"
)
# Heading markers: 三、 or 第三部分 (top level), then (三) or 〔三〕
_HEADING_NUMERAL = f"[{chars(SMALL_NUMERALS)}]{{1,3}}"
_TOP_MARK = (
    f"{_HEADING_NUMERAL}{HEADING_MARK}"
    f"|{ORDINAL_PREFIX}{_HEADING_NUMERAL}[{chars(HEADING_PART_CHARS)}]"
)
_SUB_MARK = f"[{chars(HEADING_OPEN_BRACKETS)}]{_HEADING_NUMERAL}[{chars(HEADING_CLOSE_BRACKETS)}]"
# A numbered section heading on its own line: 三、… / (三)… / 第三部分…; group "top" is set
# for a top-level one. Its text runs to the end of the line.
HEADING: Final = re.compile(
    rf"^[ \t]*+(?:(?P<top>{_TOP_MARK})|{_SUB_MARK})(?P<title>[^\n]{{0,40}})$", re.MULTILINE
)
# Any numbered heading, on its own line or opening a paragraph (〔一〕加大投入力度。…), by
# rank: 一、/第一部分 > (一) > 1、/1. > (1). Its title runs to the end of its first sentence.
# (The lookahead names every character a heading can start with: without it the engine
# tries the look-behind at every character of a report; with it, only at those.)
_SECTION_MARK = (
    rf"(?:(?P<r0>{_TOP_MARK})|(?P<r1>{_SUB_MARK})"
    rf"|(?P<r2>\d{{1,2}}(?:{HEADING_MARK}|\.(?!\d)))|(?P<r3>\(\d{{1,2}}\)))"
)
# what a heading may stand right after: a full stop or a space (re's \s, spelled out: a
# class of listed characters is one bitmap test, where \s tests each character SECTION_CUE
# scans with Unicode's space test; every such character lies in the BMP)
_SPACE_CHARS = "".join(re.findall(r"\s", BMP))
_SECTION_BREAK = f"[{chars(SENTENCE_ENDS[0] + _SPACE_CHARS)}]"
SECTION_HEADING: Final = re.compile(
    rf"(?=[ \t{chars(SMALL_NUMERALS + ORDINAL_PREFIX + HEADING_OPEN_BRACKETS)}\d])"
    rf"(?:^|(?<={_SECTION_BREAK}))[ \t]*+{_SECTION_MARK}"
    rf"(?P<title>[^{chars(SENTENCE_ENDS)};]{{1,40}})",
    re.MULTILINE,
)
# Where SECTION_HEADING may match after a text's first character: right after the
# character it must follow, when a heading's mark comes next (the same pieces). Led by a
# character class, it is scanned at a fraction of the cost of trying SECTION_HEADING at
# every character (``_document.section_headings``).
SECTION_CUE: Final = re.compile(rf"{_SECTION_BREAK}(?=[ \t]*+{_SECTION_MARK})")
PLAN_HEADING: Final = re.compile(word_trie(PLAN_HEADINGS))
PLAN_REVIEW: Final = re.compile(word_trie(PLAN_REVIEWS))
ACTUAL_MARKER: Final = re.compile(word_trie(ACTUAL_MARKERS))
INCREMENT_AFTER: Final = re.compile(
    rf"^[^{_PHRASE_BREAKS}]{{0,12}}?{INCREMENT_CAUSE}[^{_PHRASE_BREAKS}]{{0,6}}?"
    rf"(?:{either(INCREMENT_REACH_VERBS)})"
)
LEVEL: Final = re.compile(word_trie([*LEVEL_WORDS, *LEVEL_DECOYS]))
# a level word closing a label: 生均图书小学25册 (the level of a figure, not what it counts),
# spelled backwards as YEAR_BACKWARDS is: ``_metric`` matches it on a label spelled backwards
LEVEL_AT_END_BACKWARDS: Final = re.compile(word_trie(backwards(LEVEL_WORDS)))
# a parenthesis closed within a label (在校生(含在园幼儿)1032万人)
CLOSED_ASIDE: Final = re.compile(r"\([^()]{0,24}\)")
# a label that is level words only (初中, 小学和初中)
LEVEL_ONLY: Final = re.compile(rf"(?:(?:{word_trie(LEVEL_WORDS)}){_LABEL_JOINER}?)+")
# levels listed in a label: 小学、初中和普通高中 (a later item may carry a modifier)
_LEVEL_ITEM = rf"(?:{word_trie(LEVEL_WORDS)})(?:{word_trie(LEVEL_SUFFIXES)})?"
LEVEL_LIST: Final = re.compile(
    rf"{_LEVEL_ITEM}(?:{_LABEL_JOINER}(?:{word_trie(LEVEL_MODIFIERS)})?{_LEVEL_ITEM})++"
)
# a rate word: searched from the end, the first found is the one ending last
RATE: Final = regex.compile(rf"(?r)[\p{{Han}}]{{0,3}}{RATE_SUFFIX}|{alternation(RATE_WORDS)}")
# rates listed in a label: 入学率、巩固率 (each item ends in 率)
RATE_LIST: Final = regex.compile(
    rf"\p{{Han}}{{1,6}}?{RATE_SUFFIX}(?:{_LABEL_JOINER}\p{{Han}}{{1,6}}?{RATE_SUFFIX})++"
)
RATE_ITEM_SEP: Final = re.compile(f"(?<={RATE_SUFFIX}){_LABEL_JOINER}")
# a title in 《》 (the opening sentence of a news report often names the document it is about)
_OPEN_TITLE, _CLOSE_TITLE = TITLE_MARKS
BOOK_TITLE: Final = re.compile(
    rf"{_OPEN_TITLE}[^{_OPEN_TITLE}{_CLOSE_TITLE}\n]{{1,60}}{_CLOSE_TITLE}"
)
# an entrance exam (高考, 中考): the stage its candidates are in
EXAM: Final = re.compile(word_trie(EXAM_WORDS))
# a part of a breakdown in parentheses (幼儿园6.4万、小学24.3万): a label, a number and
# the total's multiplier, up to the next item or the closing parenthesis
_BREAKDOWN = chars(BREAKDOWN_SEPARATORS)
BREAKDOWN_PART: Final = re.compile(
    rf"(?<=[({_BREAKDOWN}])[^0-9{_BREAKDOWN}()]{{1,8}}?(?P<num>[0-9]+(?:\.[0-9]+)?)"
    rf"(?P<mult>[{_CN_BIG}])(?=[{_BREAKDOWN})])"
)
# people counted as they sit an entrance exam (58238人报名参加普通高考): its candidates
EXAM_TAKERS: Final = re.compile(
    rf"(?:{EXAM_SIGNUP})?(?:{either(EXAM_TAKE_VERBS)})[^{_PHRASE_BREAKS}]{{0,6}}?"
    rf"(?:{word_trie(EXAM_WORDS)})"
)
# a sentence opening with 其中: it breaks down the sentence before it
PART_OPENING: Final = re.compile(rf"\s*{PARTS_CUE}")
# words of a total (总额, 合计): an amount so named is no per-capita figure
TOTAL: Final = re.compile(word_trie(TOTAL_WORDS))
# a document's kind: the nouns of each kind (see DOCUMENT_KINDS), in the order tried
DOCUMENT_KIND: Final = tuple(
    (kind, re.compile(word_trie(nouns))) for kind, nouns in DOCUMENT_KINDS
)
# a word marking a figure of a plan or budget as realised (现有, 已, 上年的), not a budget
# noun that starts with it (上年结转)
REALISED: Final = re.compile(
    rf"(?:{word_trie(REALISED_MARKERS)})(?!{word_trie(REALISED_NOUN_TAILS)})"
)
# the first year a document's opening names: 2023年, 2023学年, not a date (2021年03月11日)
# nor a masked one (20xx年)
DOCUMENT_YEAR: Final = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})"
    rf"(?:{YEAR_WORD}(?![0-9]{{1,2}}{MONTH_WORD})|{either(YEAR_PARTS)}"
    rf"|[{chars(YEAR_RANGE_JOINERS)}](?:19|20)[0-9]{{2}}{YEAR_WORD})"
)
# The year nearest before a figure (searched from the end), and the words a label ends in
# that are no part of what it names (matched at the end: ``_context.trim_label_end``).
#
# Each is a search from the end of a string, run as ``re`` on the string spelled
# backwards: the same items in the same order, each spelled backwards (a look-ahead
# becomes a look-behind), so the first match found is the same. A call of ``re`` costs a
# fraction of one of ``regex`` searching from the end (``(?r)``), and these run for most
# figures. tests/test_scan.py writes each as that ``regex`` search (the year, a label's
# trailing words, the qualifier and the level word ending a label) and checks they agree.
YEAR_BACKWARDS: Final = re.compile(  # (a digit first: re skips ahead to one)
    r"([0-9][0-9](?:91|02))(?![0-9])"
    rf"(?:{'|'.join(f'(?<={w}[0-9]{{4}})' for w in backwards((YEAR_WORD, *YEAR_PARTS)))})"
)
LABEL_TRIM_END_BACKWARDS: Final = re.compile(  # (2015年的 is read 的年5102)
    rf"(?:{either(backwards(LABEL_TAIL_WORDS))}|\)[^()]{{0,16}}\(|"
    rf"{either(backwards(LABEL_TAIL_CHANGES))}|"
    rf"{ATTRIBUTIVE}?(?:{either(backwards(YEAR_SUFFIXES))})?{YEAR_WORD}"
    rf"(?:[0-9]{{2}}(?:91|02)|{either(backwards(YEAR_DEIXIS))}))+"
)
# What the trailing words must end with, read from the same rows (a tail word's or a
# change's last character, a closing parenthesis, 年, a year suffix, 的): a label that
# ends otherwise is not matched against it (``_context.trim_label_end``): most are not.
LABEL_TRIM_END_LAST: Final = frozenset(
    {w[-1] for w in (*LABEL_TAIL_WORDS, *LABEL_TAIL_CHANGES, *YEAR_SUFFIXES)}
    | {")", YEAR_WORD, ATTRIBUTIVE}
)
LABEL_TRIM_START: Final = re.compile(
    rf"^(?:[{chars(SMALL_NUMERALS)}]+{ENUMERATION_COPULA}|{either(LABEL_HEAD_WORDS)}"
    rf"|{UNTIL_WORD}[^,]*?|[{chars(LABEL_HEAD_MARKS)}]|"
    rf"[{chars(ENUMERATION_OPENERS)}]?[{chars(SMALL_NUMERALS)}\d]+[{chars(ENUMERATION_CLOSERS)}])+"
)
