"""What a report says about itself, read from its text: title, issuer, place, year, kind;
and the place each figure is about.

Everything here is read from the text and returned as written (traditional characters
stay traditional, a masked ``xx区`` stays ``xx区``); where the text does not say, the
answer is None. Nothing is looked up outside the text: not the file name, not a URL,
not a list of the country's places. The rules, in the order they are tried:

- **title**: the value of a portal's 文件名称 field; else the first of the opening lines
  that names a kind of document (…工作总结, …统计公告, …工作要点, …基本情况), cut where
  a title glued to its text ends (``县教育局过去五年及2016年工作总结一、…``); else a short
  line followed by a line of page furniture (来源:, 时间:, a date): a news headline.
- **issuer**: the value of a portal's 公开责任部门 (or 发布机构, 信息来源 …) field when it
  names an office; else the office the title names (区教育局2023年工作总结); else the
  offices the opening says published the document (省教育厅、省统计局、省财政厅发布了);
  else the office whose budget it is (市教育局部门2022年收入预算).
- **place**: the first place the title names; else the issuer's (紫阳县政府办公室); else,
  when the text speaks of itself in the first person (我县, 我区), the first place of that
  rank its opening names (依据《修水县…》 … 我县).
- **year** and **kind**: the document's own, read once by the extractor's layout reader.

A place is a name of two to four characters (up to eight before 自治区 and the like)
ending in an administrative suffix (省, 市, 县, 区, 州, 旗, 盟, 新区), or placeholders
before a suffix (``xx区``, ``**省``, ``某县``: masked). This is read by hand rather than
with a gazetteer package: those match short names inside ordinary words (新华社, 和平)
and give a place's official name rather than the one written, and the ones available
load a data frame library at import.

A figure's place (:func:`mention_place`) is the nearest place its own clause names before
it (``西藏自治区(39.67%)``, ``其中,农村为…``, ``城区小学…``, a numbered or masked school:
``市一中``, ``xx中学``), else the place its line opens with (``广东广州:2023年…``), else
the place its sentence opens with (``xx中学再次取得优异成绩,参考考生2235人``), else its
document's. ``docs/panel.md`` tells the rules with their examples.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

import regex

from edumetrics._document import describe
from edumetrics._normalize import _fold
from edumetrics._patterns import alternation
from edumetrics._place_words import (
    ADMIN_SUFFIXES,
    ALL_OF_THEM_BEFORE,
    AUTONOMOUS_SUFFIXES,
    DOCUMENT_NUMBER_FIELDS,
    FURNITURE_FIELDS,
    ISSUER_FIELDS,
    ISSUER_OFFICES,
    MASK_CHARS,
    MASKED_SCHOOL_NOUNS,
    NAME_MASK,
    NOT_AFTER_SUFFIX,
    NOT_NAME_CHARS,
    NOT_PLACE_ENDINGS,
    OFFICE_RANKS,
    OWNER_NOUNS,
    PROVINCES,
    PUBLISH_VERBS,
    PUBLISHER_BREAKS,
    SCHOOL_ATTRIBUTE,
    SCHOOL_NOUNS,
    SCHOOL_NUMBER_SUFFIX,
    SCHOOL_PLACE_RANKS,
    SCOPE_WORDS,
    SELF_RANKS,
    SELF_WORDS,
    SUBJECT_TIMES,
    TITLE_BULLETS,
    TITLE_CLOSERS,
    TITLE_EXTRA_NOUNS,
    TITLE_FIELDS,
)
from edumetrics._vocab import (
    CLAUSE_ENDS,
    DOCUMENT_KINDS,
    HALF_YEARS,
    HEADING_MARK,
    NOUN_LIST_MARK,
    ORDINAL_PREFIX,
    PROSE_MARKS,
    ROW_NUMBER_MARKS,
    SMALL_NUMERALS,
    YEAR_WORD,
)

if TYPE_CHECKING:
    from edumetrics.records import Mention

__all__ = ["DocumentInfo", "PlaceSource", "mention_place"]

PlaceSource = Literal["sentence", "line", "document"]
"""Where a figure's place was read: its own clause, the label its line opens with, or
its document."""

_OPENING: Final = 600  # characters of a document's opening that hold its title and issuer
_TITLE_LINES: Final = 8  # non-blank lines of the opening that may hold its title
_TITLE_MAX: Final = 60  # a title is at most this long
_TITLE_TAIL_MAX: Final = 8  # Han characters after a title's noun (…工作总结汇报, …规划范文)
_HEADLINE_MAX: Final = 40  # a headline recognised by the furniture after it, at most
_HEADLINE_HAN: Final = 6  # ... and at least this many Han characters
_SELF_REFERENCE_SPAN: Final = 3000  # where 我县/本市 is looked for
_PUBLISHER_GAP: Final = 6  # characters between an office and 发布 (宣城市教体局网站今天发布)
_REACH: Final = 120  # characters before a figure in which its clause or line names a place

_NAME = rf"[^\P{{Han}}{NOT_NAME_CHARS}{MASK_CHARS}]"
_SUFFIX = alternation(ADMIN_SUFFIXES)
_MASK = (
    rf"(?<!x)x{{1,3}}+|(?<!X)X{{1,3}}+|(?<![*×])[*×]{{1,3}}+"
    rf"|(?<!{NAME_MASK}){NAME_MASK}{{1,2}}+"  # 某县
)
_NUMERAL = f"[{SMALL_NUMERALS}]"
_SCHOOL_NUMBER = f"{_NUMERAL}{{1,3}}{SCHOOL_NUMBER_SUFFIX}"  # 一中
# a suffix that begins a word of its own is no place's (县委, 市直, 省级, 市一中)
_NOT_AFTER_SUFFIX = rf"(?!{'|'.join(NOT_AFTER_SUFFIX)}|{_SCHOOL_NUMBER})"

# a place as written: a name (or placeholders) and an administrative suffix
PLACE: Final = regex.compile(
    rf"""
    (?P<masked>(?:{_MASK})(?:{_SUFFIX}))               # xx区, **省, 某县
    | (?<!{_NAME})                                     # a name starts a run of name characters
      (?:{_NAME}{{2,8}}?(?:{alternation(AUTONOMOUS_SUFFIXES)})   # 广西壮族自治区
      | {_NAME}{{2,4}}?(?:{_SUFFIX}))                  # 紫阳县, 山東省 (folded: 山东省)
      {_NOT_AFTER_SUFFIX}
    """,
    regex.VERBOSE,
)
_NOT_PLACE_END: Final = regex.compile(rf"(?:{alternation(NOT_PLACE_ENDINGS)})$")

# a part of a place (城区, 农村) or a school named by number or mask (市一中, xx中学), or
# by the place it is in (紫阳县第二小学)
NARROWER: Final = regex.compile(
    rf"""
    (?<![{ALL_OF_THEM_BEFORE}])(?:{alternation(SCOPE_WORDS)})   # not 县市区, 各县区
    | (?:[{SCHOOL_PLACE_RANKS}]|(?<!{_NAME}){_NAME}{{1,2}})?  # 市一中
      {_SCHOOL_NUMBER}(?![\p{{Han}}])
    | (?:{_MASK})(?:{_SCHOOL_NUMBER}|{"|".join(MASKED_SCHOOL_NOUNS)})   # xx中学, *四中
    """,
    regex.VERBOSE,
)
# the same, searched from the end of a clause back (the nearest before a figure first)
_LAST_PLACE: Final = regex.compile(PLACE.pattern, regex.VERBOSE | regex.REVERSE)
_LAST_NARROWER: Final = regex.compile(NARROWER.pattern, regex.VERBOSE | regex.REVERSE)
_SCHOOL_AFTER_PLACE: Final = regex.compile(
    rf"(?:{ORDINAL_PREFIX}{_NUMERAL}{{1,3}}|{ORDINAL_PREFIX}[0-9]{{1,3}})?(?:{SCHOOL_ATTRIBUTE})?"
    rf"(?:{'|'.join(SCHOOL_NOUNS)})"
)
# what may stand before a sentence's subject: spaces, a time (今年, 2019年上半年)
SUBJECT_LEAD: Final = regex.compile(
    rf"[ \t,]{{0,20}}+(?:(?:{'|'.join(SUBJECT_TIMES)}|[0-9]{{4}}{YEAR_WORD}"
    rf"(?:{'|'.join(HALF_YEARS)})?)[,]?)?"
)
# the last clause delimiter before a figure (searched from the end)
_LAST_CLAUSE_DELIM: Final = regex.compile(f"(?r)[{regex.escape(CLAUSE_ENDS)}]")
# a line opening with a province (广东广州:, 四川:)
LINE_PLACE: Final = regex.compile(
    rf"^[ \t]*(?P<place>(?:{alternation(PROVINCES)})\p{{Han}}{{0,4}}?)(?=[:])", regex.MULTILINE
)

_OFFICE = rf"(?:(?:{PLACE.pattern})|[{OFFICE_RANKS}])?(?:{alternation(ISSUER_OFFICES)})"
OFFICE: Final = regex.compile(_OFFICE, regex.VERBOSE)
_FIELD_VALUE = r"[ \t]*[|:]?[ \t]*(?P<value>[^|\n]*?)[ \t]*(?:\||$)"
TITLE_FIELD: Final = regex.compile(
    rf"^[ \t]*(?:{alternation(TITLE_FIELDS)}){_FIELD_VALUE}", regex.MULTILINE
)
ISSUER_FIELD: Final = regex.compile(
    rf"^[ \t|]*(?:{alternation(ISSUER_FIELDS)}){_FIELD_VALUE}", regex.MULTILINE
)
PUBLISHERS: Final = regex.compile(
    rf"(?P<offices>{_OFFICE}(?:{NOUN_LIST_MARK}{_OFFICE})*+)"
    rf"[^{regex.escape(PUBLISHER_BREAKS)}]{{0,{_PUBLISHER_GAP}}}?"
    rf"(?:{alternation(PUBLISH_VERBS)})",
    regex.VERBOSE,
)
OWNER: Final = regex.compile(
    rf"(?P<office>{_OFFICE})(?={'|'.join(OWNER_NOUNS)}|[0-9]{{4}}{YEAR_WORD})", regex.VERBOSE
)
SELF_REFERENCE: Final = regex.compile(rf"[{SELF_WORDS}](?P<rank>[{SELF_RANKS}])")

_TITLE_NOUNS = [noun for kind, nouns in DOCUMENT_KINDS if kind != "news" for noun in nouns]
TITLE_NOUN: Final = regex.compile(alternation([*_TITLE_NOUNS, *TITLE_EXTRA_NOUNS]))
# what stands before a title on its line: spaces, bullets, a list marker (1、), a table
# number (10-15), a document number (编号:658229379)
TITLE_LEAD: Final = regex.compile(
    rf"""(?:[ \t{regex.escape(TITLE_BULLETS)}]
    | [0-9]{{1,2}}[{regex.escape(ROW_NUMBER_MARKS)}]
    | [0-9]+-[0-9]+[ \t]
    | (?:{'|'.join(DOCUMENT_NUMBER_FIELDS)})[:]?[ \t]*[0-9A-Za-z/-]+
    )*+""",
    regex.VERBOSE,
)
# where a title glued to its text ends: the Han characters after its noun (总结汇报),
# up to a section marker (一、), a digit, a space or punctuation
TITLE_TAIL: Final = regex.compile(
    rf"\p{{Han}}{{0,{_TITLE_TAIL_MAX}}}?(?={_NUMERAL}{{1,3}}{HEADING_MARK}|[^\p{{Han}}]|$)"
)
_TITLE_TRAILER: Final = regex.compile(
    rf"(?:\.(?:docx?|pdf|txt|wps))?[ \t{regex.escape(TITLE_CLOSERS)}]*$", regex.I
)
_SENTENCE_PUNCT: Final = regex.compile(f"[{regex.escape(PROSE_MARKS)}]")
# a figure right after a title's words: the words open a sentence (市教育局部门2022年收入
# 预算59757.23万元), unlike a date or masked year glued to a title (…工作总结汇报201X/X/XX)
_FIGURE_AFTER: Final = regex.compile(rf"[0-9][0-9.,]*+(?![0-9{YEAR_WORD}xX/-])")
# a line opening with a section marker is a heading, not the document's title
SECTION_START: Final = regex.compile(
    rf"[ \t]*(?:\((?:{_NUMERAL}{{1,3}}|[0-9]{{1,2}})\)|{_NUMERAL}{{1,3}}{HEADING_MARK})"
)
FURNITURE_LINE: Final = regex.compile(
    rf"[ \t]*(?:(?:{alternation(FURNITURE_FIELDS)})[ \t]*:|[0-9]{{4}}[-/.{YEAR_WORD}][0-9]{{1,2}})"
)
_HAN: Final = regex.compile(r"\p{Han}")


@dataclass(frozen=True)
class DocumentInfo:
    """What a report says about itself, read from its text (the rules: ``docs/panel.md``).

    ``title``, ``issuer`` and ``place`` are as written in the text, or None where it
    does not say; ``place_masked`` is True when the place's name is hidden by
    placeholders (``xx区``). ``year`` is the year the document is about and ``kind`` one
    of ``plan``, ``budget``, ``bulletin``, ``summary``, ``news`` (or None).

    >>> info = DocumentInfo.read("紫阳县2021年教育基本情况\\n全县共有学校24所。")
    >>> info.title, info.place, info.year, info.kind
    ('紫阳县2021年教育基本情况', '紫阳县', 2021, 'bulletin')
    >>> DocumentInfo.read("xx区教育局2019年上半年工作总结\\n…").place_masked
    True
    """

    title: str | None = None
    issuer: str | None = None
    place: str | None = None
    place_masked: bool = False
    year: int | None = None
    kind: str | None = None

    @classmethod
    def read(cls, text: str) -> DocumentInfo:
        """Read a document's title, issuer, place, year and kind from its text."""
        if not isinstance(text, str):
            raise TypeError(f"DocumentInfo.read() takes a str, not {type(text).__name__}")
        return _read(text, _fold(text))


def _read(text: str, folded: str) -> DocumentInfo:
    kind, year = describe(text)  # the extractor's reading: one reader for both
    title = _title(folded)
    issuer = _issuer(folded, title)
    place = _document_place(folded, title, issuer)
    return DocumentInfo(
        title=_slice(text, title),
        issuer=_slice(text, issuer),
        place=_slice(text, place),
        place_masked=place is not None and _is_masked(folded, place),
        year=year,
        kind=kind,
    )


Span = tuple[int, int]


def _slice(text: str, span: Span | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def _is_masked(folded: str, span: Span) -> bool:
    m = PLACE.match(folded, span[0], span[1])
    return m is not None and m["masked"] is not None


def places(folded: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Spans of the places named in ``folded[start:end]``, generic nouns (山区) left out."""
    stop = len(folded) if end is None else end
    found: list[Span] = []
    for m in PLACE.finditer(folded, start, stop):
        if m["masked"] is None and _NOT_PLACE_END.search(m[0]):
            continue
        found.append(m.span())
    return found


# --- title and issuer -----------------------------------------------------------------


def _lines(folded: str, limit: int) -> list[Span]:
    """The first ``limit`` non-blank lines of the opening, as spans."""
    out: list[Span] = []
    pos = 0
    head = min(len(folded), _OPENING)
    while pos < head and len(out) < limit:
        end = folded.find("\n", pos)
        end = len(folded) if end < 0 else end
        if folded[pos:end].strip():
            out.append((pos, min(end, pos + _OPENING)))  # (a line may run on for pages)
        pos = end + 1
    return out


def _trimmed(folded: str, start: int, end: int) -> Span | None:
    lead = TITLE_LEAD.match(folded, start, end)
    start = lead.end() if lead else start
    trailer = _TITLE_TRAILER.search(folded, start, end)
    end = trailer.start() if trailer else end
    return (start, end) if _HAN.search(folded, start, end) else None


def _title(folded: str) -> Span | None:
    field = TITLE_FIELD.search(folded, 0, _OPENING)
    if field is not None and field["value"]:
        return _trimmed(folded, *field.span("value"))
    lines = _lines(folded, _TITLE_LINES)
    for start, end in lines:
        noun = TITLE_NOUN.search(folded, start, end)
        if noun is None or SECTION_START.match(folded, start, end):
            continue
        lead = TITLE_LEAD.match(folded, start, end)
        begin = lead.end() if lead else start
        if end - begin <= _TITLE_MAX and not _SENTENCE_PUNCT.search(folded, begin, end):
            return _trimmed(folded, begin, end)  # a line of its own
        if noun.start() - begin > _TITLE_MAX or _SENTENCE_PUNCT.search(folded, begin, noun.start()):
            continue
        # a title glued to the text after it: cut where its words end
        tail = TITLE_TAIL.match(folded, noun.end(), end)
        cut = tail.end() if tail else noun.end()
        if cut - begin > _TITLE_MAX:
            continue
        if _SENTENCE_PUNCT.match(folded, cut) or _FIGURE_AFTER.match(folded, cut):
            continue  # the noun opens a sentence (通知要求,…)
        return _trimmed(folded, begin, cut)
    # a headline: a short line followed by page furniture (来源:…, 2023-06-01…)
    for (start, end), (after, _) in itertools.pairwise(lines):
        line = folded[start:end].strip()
        if (
            len(line) <= _HEADLINE_MAX
            and len(_HAN.findall(line)) >= _HEADLINE_HAN
            and not _SENTENCE_PUNCT.search(line)
            and FURNITURE_LINE.match(folded, after)
        ):
            return _trimmed(folded, start, end)
    return None


def _issuer(folded: str, title: Span | None) -> Span | None:
    for field in ISSUER_FIELD.finditer(folded, 0, _OPENING):
        start, end = field.span("value")
        if start < end and OFFICE.fullmatch(folded, start, end):
            return (start, end)
    if title is not None:
        office = OFFICE.search(folded, *title)
        if office is not None:
            return office.span()
    published = PUBLISHERS.search(folded, 0, _OPENING)
    if published is not None:
        return published.span("offices")
    owner = OWNER.search(folded, 0, _OPENING)
    return owner.span("office") if owner is not None else None


def _document_place(folded: str, title: Span | None, issuer: Span | None) -> Span | None:
    for span in (title, issuer):
        if span is not None:
            found = places(folded, *span)
            if found:
                return found[0]
    head = folded[:_SELF_REFERENCE_SPAN]
    ranks = {m["rank"] for m in SELF_REFERENCE.finditer(head)}
    for start, end in places(folded, 0, _OPENING):
        if folded[end - 1] in ranks:
            return (start, end)
    return None


# --- a figure's place -----------------------------------------------------------------


def mention_place(text: str, folded: str, mention: Mention) -> tuple[str, bool, PlaceSource] | None:
    """The place a figure's clause, line or sentence names: ``(place as written, masked,
    source)``, or None when they name none (the figure is about its document's place).

    Tried in order: the nearest place the figure's own clause names before it; the place
    its line opens with (``广东广州:``); the place its sentence opens with, the sentence's
    subject (``xx中学再次取得优异成绩,参考考生2235人``). ``folded`` is ``text`` folded one
    to one (``edumetrics._normalize._fold``). Each look-back is bounded (``_REACH``), so a
    page-long sentence of figures costs no more per figure than a short one.
    """
    pos = mention.start
    sentence_start = min(mention.sentence_start, pos)
    reach = max(sentence_start, pos - _REACH)
    delimiter = _LAST_CLAUSE_DELIM.search(folded, reach, pos)
    clause_start = delimiter.end() if delimiter else reach
    found = _nearest(folded, clause_start, pos)
    if found is None:
        line_start = folded.rfind("\n", max(0, pos - _REACH), pos) + 1
        label = LINE_PLACE.match(folded, line_start, pos) if line_start or pos <= _REACH else None
        if label is not None:
            return text[label.start("place") : label.end("place")], False, "line"
    if found is None and clause_start > sentence_start:
        lead = SUBJECT_LEAD.match(folded, sentence_start, clause_start)
        if lead is not None:
            found = _opening(folded, lead.end(), clause_start)
    if found is not None:
        return text[found[0] : found[1]], found[2], "sentence"
    return None


def _opening(folded: str, start: int, stop: int) -> tuple[int, int, bool] | None:
    """The place or school ``folded[start:stop]`` opens with: ``(start, end, masked)``."""
    stop = min(stop, start + _REACH)
    place = PLACE.match(folded, start, stop)
    if place is not None and (place["masked"] is not None or not _NOT_PLACE_END.search(place[0])):
        school = _SCHOOL_AFTER_PLACE.match(folded, place.end(), stop)
        return (start, school.end() if school else place.end(), place["masked"] is not None)
    part = NARROWER.match(folded, start, stop)
    if part is not None:
        return (start, part.end(), any(ch in MASK_CHARS for ch in part[0]))
    return None


def _nearest(folded: str, start: int, stop: int) -> tuple[int, int, bool] | None:
    """The place, part of a place or school named last in ``folded[start:stop]``:
    ``(start, end, masked)``; a school named after its place (紫阳县第二小学) is whole."""
    best: tuple[int, int, bool] | None = None
    for place in _LAST_PLACE.finditer(folded, start, stop):  # the last first
        if place["masked"] is None and _NOT_PLACE_END.search(place[0]):
            continue
        school = _SCHOOL_AFTER_PLACE.match(folded, place.end(), stop)
        end = school.end() if school else place.end()
        best = (place.start(), end, place["masked"] is not None)
        break
    part = _LAST_NARROWER.search(folded, start, stop)
    if part is not None and (best is None or part.end() > best[1]):
        best = (part.start(), part.end(), any(ch in MASK_CHARS for ch in part[0]))
    return best
