"""A normalised working copy of a document that remembers where every character came from.

The extractor never searches a rewritten document and guesses offsets back. It searches
:attr:`Normalized.text`, built from the raw text in two steps:

1. a one-to-one character translation (full-width ASCII -> ASCII, traditional ->
   simplified, ``萬``/``億``/``兩`` -> ``万``/``亿``/``两``, ``○`` -> ``〇``), which keeps
   every offset;
2. deletions (spam symbols, zero-width characters, footnote markers such as ``[5]`` or
   ``¹``, pinyin glosses such as ``學(xué)校``, HTML space entities, spaces inside a
   sentence, line breaks that split a sentence), which are recorded in an offset map.

:meth:`Normalized.raw_span` turns a span of the copy back into a span of the raw text.

>>> n = normalize("專任教師1844.37萬人")
>>> n.text
'专任教师1844.37万人'
>>> n = normalize("投★资 45\u200b51万元")
>>> n.text, n.raw_span(2, 8)
('投资4551万元', (4, 11))
"""

from __future__ import annotations

import re
import string
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator

import regex

from edumetrics._t2s import SIMPLIFIED, TRADITIONAL
from edumetrics._vocab import (
    BRACKET_CLOSERS,
    BRACKET_OPENERS,
    BREAK_KEPT_AFTER,
    CHARACTER_FOLDS,
    FOOTNOTE_WORDS,
    HEADING_MARK,
    NUMBER_MARKS,
    SMALL_NUMERALS,
    SPAM_CHARS,
    YEAR_WORD,
)

__all__ = ["Normalized", "normalize", "raw_forms", "re_class"]


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Full-width ASCII block U+FF01..U+FF5E -> U+0021..U+007E.
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    table.update({ord(t): s for t, s in zip(TRADITIONAL, SIMPLIFIED, strict=True)})
    table.update(
        {
            0x3000: " ",  # ideographic space
            0x00A0: " ",  # no-break space
            # the other spaces of Unicode (thin space U+2009 and narrow no-break space
            # U+202F group digits in statistical tables: 12 345)
            **dict.fromkeys((*range(0x2000, 0x200B), 0x202F, 0x205F), " "),
            **{ord(char): to for char, to in CHARACTER_FOLDS.items()},
        }
    )
    return table


_TABLE = _build_table()

# str.translate looks every character up in its table; a dict raises (and clears) a
# KeyError for each character it does not hold, which is nearly all of them. A list of
# code points for the Basic Multilingual Plane answers every lookup without one and
# halves the cost; the few astral entries (rare traditional characters) get a second
# pass only when the text has astral characters at all.
_BMP_TABLE = list(range(0x10000))
for _code, _to in _TABLE.items():
    if _code < 0x10000:
        _BMP_TABLE[_code] = ord(_to)
_ASTRAL_TABLE = {code: to for code, to in _TABLE.items() if code >= 0x10000}
_ASTRAL = regex.compile("[\U00010000-\U0010FFFF]")


def _class_of(codes: Iterable[int], more: str = "") -> str:
    """A ``re`` character class of ``codes``, as ranges (and ``more``, as written)."""
    ranges: list[list[int]] = []
    for c in sorted(codes):
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    body = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return f"[{body}{more}]"


# A report holds few kinds of characters that fold (，：、（）and a few more): replacing
# each kind throughout (str.replace runs at memory speed), found by ``re`` testing a
# bitmap, costs a fraction of translating every character. More kinds than
# _REPLACED_KINDS are translated, as are texts holding a character of a chain
# (薴 -> 苧 -> 苎), where the order of the replacements would matter.
_FOLDS = re.compile(_class_of(c for c, to in _TABLE.items() if c < 0x10000 and chr(c) != to))
_CHAINED = frozenset(
    {chr(k) for k, v in _TABLE.items() if ord(v) in _TABLE and _TABLE[ord(v)] != v}
    | {v for k, v in _TABLE.items() if ord(v) in _TABLE and _TABLE[ord(v)] != v}
)
_REPLACED_KINDS = 8  # more kinds of folding characters than this: translate instead


def _fold(raw: str) -> str:
    """``raw`` through the one-to-one translation (BMP characters; see _BMP_TABLE)."""
    text = raw
    pos = kinds = 0
    while (m := _FOLDS.search(text, pos)) is not None:
        ch = m[0]
        kinds += 1
        if kinds > _REPLACED_KINDS or ch in _CHAINED:
            return raw.translate(_BMP_TABLE)
        text = text.replace(ch, _TABLE[ord(ch)])  # folds to no folding character
        pos = m.start() + 1
    return text


def raw_forms(chars: Iterable[str]) -> str:
    """``chars`` and every raw character the translation step folds into one of them
    (``个`` -> ``个個``), sorted: what a pattern over the raw text must accept."""
    wanted = set(chars)
    return "".join(sorted(wanted | {chr(k) for k, v in _TABLE.items() if v in wanted}))


# Spam characters that the classes \p{So}, \p{Cf} and \p{Co} do not already cover: the
# engine tests a character against a class member by member, so the listed ones are kept
# few (the full list costs a third of normalising).
_SPAM = regex.escape(
    "".join(c for c in SPAM_CHARS if unicodedata.category(c) not in ("So", "Cf", "Co"))
)
_TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_HAN = r"\p{Han}"
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Every character that a deletion below can remove: the explicit ones, and the classes.
# The extractor's gate (``_patterns.GATE``) lets these stand between a numeral and its
# unit in the raw text; tests/test_normalize.py checks that every deleted character is
# in one of them.
_FOOTNOTE_CHARS = "".join(dict.fromkeys("".join(FOOTNOTE_WORDS)))  # 注, 释
DELETABLE_CHARS = (
    SPAM_CHARS + _SUPERSCRIPTS + _CIRCLED + _TONE_VOWELS + "ü[]()&;#$^|\\@`" + _FOOTNOTE_CHARS
    + string.ascii_letters + string.digits
)
DELETABLE_CLASSES = r"\s\d\p{So}\p{Cf}\p{Co}\ufe0e\ufe0f"

# The characters a deletion can start with.
_DELETION_START = (
    rf"[{_SPAM}\[{_SUPERSCRIPTS}{_CIRCLED}(&\s\p{{So}}\p{{Cf}}\p{{Co}}\ufe0e\ufe0f#$^|\\@`]"
)

_NEWLINE = r"[ \t]*+\n[ \t]*+(?!\n)"  # a single line break: a blank line stays
# 12 345: a space after a run of 1 to 3 digits (the group before it, or the number's head)
# and before exactly 3. Only that run is looked at (a look-back over all the earlier
# groups accepts the same spaces, and rescanned them at each one); one look-back per run
# length, so that ``re`` reads it too.
_DIGIT_GROUP = (
    r"(?P<group>(?:(?<=(?<![0-9.,])[0-9])|(?<=(?<![0-9.,])[0-9]{2})"
    r"|(?<=(?<![0-9.,])[0-9]{3}))\ (?=[0-9]{3}(?![0-9])))"
)
_BLANK_CHARS = " \t\r\f\v"  # what only the last three branches of _DELETE open with
_BLANK = f"[{_BLANK_CHARS.encode('unicode_escape').decode()}]"  # [ \t\r\x0c\x0b]
_SPACES = rf"(?P<space>(?<![A-Za-z0-9]){_BLANK}++|{_BLANK}++(?![A-Za-z0-9]))"
_BLANKS = frozenset(_BLANK_CHARS)

# Everything the working copy drops. Each branch is a named group so the one call-back
# can tell a deletable line break from the others.
_FOOTNOTES = "|".join(FOOTNOTE_WORDS)
_DELETE = regex.compile(
    rf"""
    (?={_DELETION_START})
    (?:
      (?P<spam>(?:[{_SPAM}\p{{Cf}}\p{{Co}}\ufe0e\ufe0f]        # decoration, zero-width,
                 |(?![㎡℃°])\p{{So}}                     # emoji and other symbols
                 |(?<![A-Za-z])[#$^|\\@`]|[#$^|\\@`](?![A-Za-z]))++)  # ASCII noise, not in C#
    | (?P<foot>\[(?:{_FOOTNOTES})?\d{{1,3}}\]                  # footnote markers [5] [注1]
        | (?<![mM])[{_SUPERSCRIPTS}]++                        # superscript digits (not m²)
        | [{_CIRCLED}])
    | (?<={_HAN})(?P<pinyin>\((?=[^)]{{0,12}}[{_TONE_VOWELS}])  # 學(xué)校: a gloss after Han
        [a-zA-Zü{_TONE_VOWELS}\s]{{1,12}}\))
    | (?P<entity>&(?:nbsp|ensp|emsp|thinsp|\#160|\#12288);)
    | {_DIGIT_GROUP}                          # 12 345
    | {_SPACES}                               # spaces
    | (?P<newline>{_NEWLINE})                 # a single line break
    )
    """,
    regex.VERBOSE,
)
# At a line break only the last branch of _DELETE can match (the others start with other
# characters; its leading blanks match nothing there), and at a blank only the last
# three: ``re`` reads them at a fraction of the cost of a ``regex`` call, and a report
# has a line break every few dozen characters. Before an open parenthesis only a pinyin
# gloss can be deleted, and only with a tone mark close after it: _DELETE is tried there
# only then.
_LINE_BREAK = re.compile(f"(?P<newline>{_NEWLINE})")
_AT_BLANK = re.compile(f"{_DIGIT_GROUP}|{_SPACES}|(?P<newline>{_NEWLINE})")
_GLOSS_AHEAD = re.compile(f"\\((?=[^)]{{0,12}}[{_TONE_VOWELS}])")

# A line break is kept (it ends a sentence) after these, or before a list marker.
_SENTENCE_END = frozenset(BREAK_KEPT_AFTER)
_NUMERALS = re.escape(SMALL_NUMERALS)
_LIST_MARKER = re.compile(
    f"[{_NUMERALS}]{{1,3}}{HEADING_MARK}|[{re.escape(BRACKET_OPENERS)}][{_NUMERALS}\\d]{{1,3}}"
    f"[{re.escape(BRACKET_CLOSERS)}]|\\d{{1,2}}[{re.escape(NUMBER_MARKS)}](?!\\d)"
)
_SHORT_LINE = 24  # a line this short before a break is a heading or title: keep the break
_YEAR_OPENING = re.compile(f"(?:19|20)[0-9]{{2}}{YEAR_WORD}")  # 2023年 opening a line


class Normalized:
    """The working copy (:attr:`text`) and the map from its offsets to raw offsets."""

    __slots__ = ("_norm_starts", "_raw_starts", "raw", "text")

    def __init__(
        self, raw: str, text: str, norm_starts: list[int], raw_starts: list[int]
    ) -> None:
        self.raw = raw
        self.text = text
        self._norm_starts = norm_starts
        self._raw_starts = raw_starts

    def raw_offset(self, i: int) -> int:
        """Raw offset of the character at working offset ``i``."""
        if not self._norm_starts:
            return i
        k = bisect_right(self._norm_starts, i) - 1
        return self._raw_starts[k] + (i - self._norm_starts[k])

    def work_offset(self, raw: int) -> int:
        """Working offset of the raw offset ``raw`` (of the next character kept, if that
        one was deleted)."""
        if not self._norm_starts:
            return raw
        k = bisect_right(self._raw_starts, raw) - 1
        if k < 0:
            return 0
        seg_len = (
            self._norm_starts[k + 1] if k + 1 < len(self._norm_starts) else len(self.text)
        ) - self._norm_starts[k]
        return self._norm_starts[k] + min(raw - self._raw_starts[k], seg_len)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the working span ``[start, end)`` (``end > start``)."""
        return self.raw_offset(start), self.raw_offset(end - 1) + 1


def normalize(raw: str) -> Normalized:
    """Build the working copy of ``raw``; see the module docstring."""
    text = _fold(raw)
    if _ASTRAL.search(text):
        text = text.translate(_ASTRAL_TABLE)
    first = _DELETION_STARTS.search(text)
    if first is None:  # most sentences: nothing to delete
        return Normalized(raw, text, [], [])
    pieces: list[str] = []
    norm_starts: list[int] = []
    raw_starts: list[int] = []
    kept_from = 0  # raw offset where the current kept segment starts
    out_len = 0
    for m in _deletions(text, first.start()):
        if m.lastgroup == "newline" and _keeps_line_break(text, m.start(), m.end()):
            continue
        start, end = m.span()
        if start > kept_from:
            norm_starts.append(out_len)
            raw_starts.append(kept_from)
            pieces.append(text[kept_from:start])
            out_len += start - kept_from
        kept_from = end
    if not norm_starts and kept_from == 0:
        return Normalized(raw, text, [], [])
    if kept_from < len(text):
        norm_starts.append(out_len)
        raw_starts.append(kept_from)
        pieces.append(text[kept_from:])
    if not norm_starts:  # everything was deleted
        norm_starts, raw_starts = [0], [len(text)]
    return Normalized(raw, "".join(pieces), norm_starts, raw_starts)


def _deletions(text: str, pos: int = 0) -> Iterator[re.Match[str] | regex.Match[str]]:
    """What ``_DELETE.finditer(text, pos)`` finds, tried only where a deletion can start.

    ``regex`` tests the classes of a deletion's first character member by member at every
    character, a third of the cost of normalising; ``re`` finds those characters (a
    bitmap) and ``_DELETE`` is tried there alone (at a line break or a blank, the branches
    that can match there, on ``re``; before a parenthesis, only with a tone mark after
    it), seeing the text before it as finditer would.
    tests/test_normalize.py checks the two agree.
    """
    starts = _DELETION_STARTS
    while (start := starts.search(text, pos)) is not None:
        at = start.start()
        char = text[at]
        m: re.Match[str] | regex.Match[str] | None
        if char == "\n":
            m = _LINE_BREAK.match(text, at)
        elif char in _BLANKS:
            m = _AT_BLANK.match(text, at)
        elif char == "(" and _GLOSS_AHEAD.match(text, at) is None:
            m = None
        else:
            m = _DELETE.match(text, at)
        if m is None:
            pos = at + 1
            continue
        yield m
        pos = m.end()  # a deletion is never empty


# every character of the Basic Multilingual Plane but the surrogates, to read classes from
BMP = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)


def re_class(regex_class: str, astral: str = "") -> str:
    """A ``regex`` character class (Unicode properties and all) as a ``re`` class.

    ``re`` has no Unicode properties, so the class is spelled out: every character of the
    Basic Multilingual Plane that ``regex_class`` accepts, as ranges, and the astral
    ranges ``astral`` (written as for a class). ``re`` tests such a class as a bitmap,
    where ``regex`` tests a class member by member. Built at import (a few ms each)
    rather than on first use, so worker processes forked from a loaded interpreter
    (``extract_many``, Spark) start with the patterns compiled.
    """
    return _class_of(map(ord, regex.findall(regex_class, BMP)), astral)


# where a deletion can start: every astral character too (few and rare; _DELETE decides)
_DELETION_STARTS = re.compile(re_class(_DELETION_START, "\U00010000-\U0010FFFF"))


def _keeps_line_break(text: str, start: int, end: int) -> bool:
    """Whether a single line break at ``text[start:end]`` ends a sentence or a line."""
    before = text.rfind("\n", 0, start)
    line = text[before + 1 : start].strip()
    if not line or line[-1] in _SENTENCE_END or end >= len(text):
        return True
    if _LIST_MARKER.match(text, end) is not None or _LIST_MARKER.match(line) is not None:
        return True  # the next line is an item, or this one a numbered heading
    # a figure split by the break (入学率为\n99.07%, 4551\n万元) is rejoined even after a
    # short line; otherwise a short line is a title or heading of its own, as before a
    # line that opens with a year (…工作总结\n2023年全县…): a year is no figure's end
    split = line[-1].isdigit() or (text[end].isdigit() and not _YEAR_OPENING.match(text, end))
    return len(line) < _SHORT_LINE and not split
