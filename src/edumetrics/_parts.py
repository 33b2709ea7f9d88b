"""A long text read in parts: the same records as one reading of the whole, at the cost
per character of a short text, and (from a file) in the memory of one part.

The engine reads a document in passes over all its figures; over a long document those
passes outgrow the processor's caches and the garbage collector's young generations, and
the time per character grows with the document. Read in parts of about :data:`PART`
characters, a document of any length costs what its parts cost, and a file need never
be in memory as a whole (the command line streams a large text file this way).

Where a part ends: at the end of a line whose last character ends a sentence (。!?),
the first such line end at least the part's size on, where neither that line nor the
next holds a tab (a grid's row). Nothing the engine reads crosses such a line end: a
figure's context stops at its sentence, a sentence's topic passes only to the next
sentence of its line, a table's rows and header hold no sentence punctuation, and the
working copy joins a line to the next only when the line ends without punctuation. What
the document says of itself is carried from part to part (``_document.Carry``: its kind,
year and level, read from its opening; the numbered sections and the plan section still
open). A text without such line ends is read whole. tests/test_parts.py checks that the
corpora give the same records read in tiny parts as read whole.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path

from edumetrics import _build, _engine
from edumetrics._build import Row
from edumetrics._document import OPENING, Carry, Layout
from edumetrics._normalize import normalize
from edumetrics._vocab import LINE_TRAILING_SPACES, PART_ENDS
from edumetrics.records import Mention
from edumetrics.rules import Rules

__all__ = ["PART", "cut", "file_parts", "mentions", "rows", "split"]

PART = 1 << 16
"""Characters of a part (it runs on to the next line end that may end one)."""

_BLOCK = 1 << 20  # bytes read from a file at a time
# what ends a line that may end a part (full-width marks as the raw text writes them),
# and what may stand after it on the line
_SENTENCE_ENDS = frozenset(PART_ENDS)
_TRAILING = LINE_TRAILING_SPACES


def cut(text: str, start: int, size: int) -> int:
    """Where the part of ``text`` that starts at ``start`` ends (see the module's
    docstring): after the first line break at least ``size`` characters on that may end
    a part and whose next line ``text`` holds whole; else ``len(text)``.

    >>> text = "小学3所。\\n初中2所。\\n高中1所。\\n"
    >>> cut(text, 0, 1), cut(text, 6, 1), cut(text, 12, 1)
    (6, 12, 18)
    """
    # (line breaks found with str.find, which runs at memchr's speed: a pattern for a
    # sentence's end before a line break tries every character of a long line)
    pos = start + size
    while (end := text.find("\n", pos) + 1) > 0:
        next_end = text.find("\n", end)
        if next_end < 0:
            break
        line = text[text.rfind("\n", 0, end - 1) + 1 : end - 1]
        ends_sentence = line.rstrip(_TRAILING)[-1:] in _SENTENCE_ENDS
        if ends_sentence and "\t" not in line and "\t" not in text[end:next_end]:
            return end
        pos = end
    return len(text)


def split(text: str, size: int) -> Iterator[tuple[int, str]]:
    """The parts of ``text`` (of ``size`` characters or a little more, see :func:`cut`):
    where each starts, and its text."""
    start = 0
    while start < len(text):
        end = cut(text, start, size)
        yield start, text[start:end]
        start = end


def file_parts(path: Path, encoding: str, size: int) -> Iterator[tuple[int, str]]:
    """The parts of the text file at ``path``, decoded with ``encoding`` a block at a
    time: where each starts (in characters), and its text."""
    decoder = codecs.getincrementaldecoder(encoding)()
    rest, at, block = "", 0, _BLOCK
    with path.open("rb") as file:
        while True:
            data = file.read(block)
            text = rest + decoder.decode(data, final=not data)
            start = 0
            while (end := cut(text, start, size)) < len(text):
                yield at + start, text[start:end]
                start = end
            # a text with no line end to part it at is read on in ever larger blocks, so
            # that joining and searching it again stays linear
            block = _BLOCK if start else 2 * block
            at, rest = at + start, text[start:]
            if not data:
                break
    if rest:
        yield at, rest


def rows(
    parts: Iterable[tuple[int, str]], opening: str | None, rules: Rules
) -> Iterator[tuple[int, int, str, list[Row]]]:
    """The rows of a text given as its parts (where each starts, its text), a part at a
    time: where the part starts, how many rows the text has before it, the part, and its
    rows (spans and ``parent`` the part's). ``opening``: the whole text's first
    ``_document.OPENING`` characters (or all of it, if shorter); None: the first part's
    (which holds them, a part being longer)."""
    carry: Carry | None = None if opening is None else Carry(opening[:OPENING])
    found = 0
    for at, part in parts:
        if carry is None:
            carry = Carry(part[:OPENING])
        read = carry.parts
        found_here = _engine.rows(part, rules, carry)
        if carry.parts == read:  # no figure: the engine read no layout, which carries on
            Layout(normalize(part).text, part, carry)
        yield at, found, part, found_here
        found += len(found_here)


def mentions(
    parts: Iterable[tuple[int, str]], opening: str | None, rules: Rules
) -> Iterator[tuple[str, list[Mention]]]:
    """The records of a text given as its parts (see :func:`rows`), a part at a time
    (the part, its records), spans and ``parent`` those of the whole text."""
    for at, first, part, found in rows(parts, opening, rules):
        yield part, _build.mentions(found, part, at, first)
