"""Read report files into text: plain text in any common Chinese encoding, .docx, HTML, PDF.

:func:`read_document` returns a :class:`Document` whose ``text`` is what the extractor
reads, so the spans of every record index ``Document.text``. Plain text is decoded
without any rewriting (line endings are kept, only a byte-order mark is dropped); for
.docx, HTML and PDF the text is built by this module and is the only text spans refer to.

Format is chosen by file suffix: ``.docx``, ``.html``/``.htm``/``.xhtml``, ``.pdf``;
any other suffix is read as plain text. The .docx, HTML and PDF readers need the
``docx``, ``html`` and ``pdf`` extras; they are imported only when such a file is read.

Every failure raises :class:`~edumetrics.errors.DocumentError` naming the file and the
reason: missing file, a directory, not a regular file (a device such as ``/dev/zero``, a
FIFO, a socket: refused before a byte is read), larger than the size limit
(:data:`MAX_BYTES` by default), no permission, a binary file, undecodable bytes, an
empty document (no text at all, or only whitespace), a corrupt or truncated .docx/PDF, a
.docx that would inflate beyond the size limit (a zip bomb) or declares XML entities, HTML
nested too deeply, an encrypted PDF.

>>> doc = Document.from_text("新建小学3所。", name="note")
>>> doc.name, doc.format, doc.text
('note', 'txt', '新建小学3所。')
>>> decode_text("入学率99%".encode("gb18030"))
('入学率99%', 'gb18030')
"""

from __future__ import annotations

import codecs
import contextlib
import io
import logging
import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from edumetrics._document import describe
from edumetrics._html_nesting import nesting_problem
from edumetrics._tables import grids
from edumetrics.errors import DocumentError, MissingExtraError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["MAX_BYTES", "Document", "DocumentFormat", "decode_text", "read_document"]

MAX_BYTES = 100 * 1024 * 1024
"""The default size limit: a larger file is refused unread, and a .docx may inflate to
no more than this (``read_document(..., max_bytes=)``, ``edumetrics extract --max-size``)."""

DocumentFormat = Literal["txt", "docx", "html", "pdf"]
"""The kinds of file :func:`read_document` reads."""

SUFFIX_FORMATS: dict[str, DocumentFormat] = {
    ".txt": "txt",
    ".text": "txt",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}
"""Suffixes picked up when a directory is walked; an explicitly named file of any other
suffix is read as plain text."""

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Names charset-normalizer gives traditional-Chinese Big5 text.
_BIG5_NAMES = frozenset({"big5", "big5hkscs", "cp950"})

# Legacy charset names that decode better as their superset.
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}

# A text whose first bytes hold NUL, or more than this share of control characters, is binary.
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.01
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")


@dataclass(frozen=True)
class Table:
    """A table of a :class:`Document`: its rows, each the ``(start, end)`` spans of its
    cells in :attr:`Document.text` (the first row is the header).

    >>> doc = Document.from_text("指标\\t小学\\t初中\\n招生数\\t6.12万人\\t5.87万人")
    >>> doc.tables[0].cells(doc.text)
    [['指标', '小学', '初中'], ['招生数', '6.12万人', '5.87万人']]
    """

    rows: tuple[tuple[tuple[int, int], ...], ...]

    def cells(self, text: str) -> list[list[str]]:
        """The cells' texts, row by row."""
        return [[text[start:end] for start, end in row] for row in self.rows]


@dataclass(frozen=True)
class Document:
    """The text of one report, with where it came from.

    ``text`` is what :func:`edumetrics.extract` is run on; record spans index it.
    ``name`` is the file's base name (the ``doc`` field of records), ``path`` the path
    as given (``None`` for a text made in memory), ``encoding`` the encoding a text file
    was decoded with, and ``metadata`` what the file says about itself (title, author,
    page count), as strings.
    """

    text: str
    name: str
    path: str | None = None
    format: DocumentFormat = "txt"
    encoding: str | None = None
    metadata: dict[str, str] = field(default_factory=dict, hash=False)

    @property
    def kind(self) -> str | None:
        """What kind of document it is, as its title and opening lines say: ``plan``,
        ``budget``, ``bulletin`` (statistical or funding bulletins, final accounts),
        ``summary``, ``news``, or None where they do not say. A plan's and a budget's
        figures are goals unless marked as realised."""
        return describe(self.text)[0]

    @property
    def year(self) -> int | None:
        """The year the document's title or opening names (``2023年教育统计公报``), or
        None; figures whose own sentence names no year fall back to it
        (``Mention.period_source``)."""
        return describe(self.text)[1]

    @property
    def tables(self) -> tuple[Table, ...]:
        """The tables of a .docx or HTML file (and of any text written as lines of
        tab-parted cells), as grids of spans into :attr:`text`."""
        return tuple(
            Table(tuple(tuple(row) for row in grid)) for grid in grids(self.text)
        )

    def __repr__(self) -> str:
        shown = self.text if len(self.text) <= 40 else self.text[:40] + "…"
        return (
            f"Document(name={self.name!r}, format={self.format!r}, encoding={self.encoding!r}, "
            f"{len(self.text)} characters: {shown!r})"
        )

    @classmethod
    def from_text(cls, text: str, name: str = "<text>") -> Document:
        """A document made from a string already in memory."""
        if not isinstance(text, str):
            raise TypeError(f"Document.from_text() takes a str, not {type(text).__name__}")
        return cls(text=text, name=name)


def read_document(
    path: str | os.PathLike[str], encoding: str | None = None, *, max_bytes: int = MAX_BYTES
) -> Document:
    """Read a .txt, .docx, .html/.htm or .pdf file into a :class:`Document`.

    ``encoding`` forces the encoding of a text or HTML file; by default
    :func:`decode_text` decides (byte-order mark, UTF-8, GB18030, Big5 with the ``detect``
    extra). UTF-16 without a byte-order mark needs ``encoding=``. Only regular files are
    read, of at most ``max_bytes`` bytes (a .docx inflating to at most as many).

    Raises :class:`~edumetrics.errors.DocumentError` when the file cannot be read or
    holds no text.
    """
    p = Path(path)
    shown = os.fspath(path)
    fmt = SUFFIX_FORMATS.get(p.suffix.lower(), "txt")
    if fmt == "docx":
        text, meta = _read_docx(p, shown, max_bytes)
        enc = None
    elif fmt == "pdf":
        text, meta = _read_pdf(p, shown, max_bytes)
        enc = None
    else:
        data = _read_bytes(p, shown, max_bytes)
        if fmt == "txt":
            return _text_document(data, p.name, shown, encoding)
        text, enc, meta = _html_to_text(data, shown, encoding)
    _check_not_empty(text, shown)
    return Document(text=text, name=p.name, path=shown, format=fmt, encoding=enc, metadata=meta)


def _text_document(data: bytes, name: str, shown: str, encoding: str | None) -> Document:
    """A plain-text Document from bytes (a file's, or standard input's)."""
    text, used = _decode_or_raise(data, shown, encoding)
    _check_not_empty(text, shown)
    return Document(text=text, name=name, path=shown, format="txt", encoding=used)


def _check_not_empty(text: str, shown: str) -> None:
    if not text.strip():
        raise DocumentError(shown, "no text (the document is empty)")


def decode_text(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode the bytes of a text file; return ``(text, encoding used)``.

    Without ``encoding``: a byte-order mark decides (UTF-8, UTF-16, UTF-32); else UTF-8;
    else GB18030 (a superset of GBK and GB2312) — or Big5 when the ``detect`` extra
    (charset-normalizer) is installed and recognises traditional-Chinese Big5, which
    GB18030 would otherwise decode into the wrong characters. Nothing else is guessed:
    bytes that are none of these raise :class:`UnicodeDecodeError` rather than come back
    as mojibake (:class:`LookupError` for an unknown ``encoding``).

    >>> decode_text(codecs.BOM_UTF8 + "99.07%".encode())
    ('99.07%', 'utf-8-sig')
    >>> decode_text("專任教師".encode("utf-16"))
    ('專任教師', 'utf-16')
    """
    if encoding is not None:
        name = _CHARSET_ALIASES.get(encoding.lower(), encoding)
        return data.decode(name), codecs.lookup(name).name
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    big5 = _detect_big5(data)
    if big5 is not None:
        return big5
    return data.decode("gb18030"), "gb18030"


def _detect_big5(data: bytes) -> tuple[str, str] | None:
    """Big5 text, if charset-normalizer (the ``detect`` extra) is installed and finds the
    bytes plausible as Big5 but not as GB18030 (on short texts its first guess wavers)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    candidates = [match.encoding for match in from_bytes(data)]
    if "gb18030" in candidates:
        return None
    for name in candidates:
        if name in _BIG5_NAMES:
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                return None
    return None


def _read_bytes(p: Path, shown: str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``."""
    with _opened(p, shown) as file:
        data = file.read(max_bytes + 1)  # the file may have grown since it was listed
    if len(data) > max_bytes:
        raise too_large(shown, max_bytes)
    return data


def stream_encoding(p: Path, max_bytes: int) -> str | None:
    """The encoding to decode the plain-text file at ``p`` with a block at a time, as
    :func:`decode_text` decides it: a byte-order mark's, else UTF-8 if every byte decodes
    as UTF-8; None when it takes a guess over all the bytes (GB18030, Big5), and the file
    is to be read whole. Raises :class:`~edumetrics.errors.DocumentError` for a file that
    ``read_document`` would refuse (not a regular file, larger than ``max_bytes``, empty,
    binary)."""
    shown = os.fspath(p)
    with _opened(p, shown) as file:
        head = file.read(_SNIFF_BYTES)
        bom = next((name for mark, name in _BOMS if head.startswith(mark)), None)
        if not head:
            raise DocumentError(shown, "empty file")
        if bom is None and b"\x00" in head:
            raise DocumentError(shown, "binary file (not text)")
        decoder = codecs.getincrementaldecoder(bom or "utf-8")()
        size, data = 0, head
        try:
            while data:
                size += len(data)
                if size > max_bytes:
                    raise too_large(shown, max_bytes)
                text = decoder.decode(data)
                if size == len(head) and bom is None and _looks_binary(text):
                    raise DocumentError(shown, "binary file (not text)")
                data = file.read(_STREAM_BLOCK)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return None
    return bom or "utf-8"


_STREAM_BLOCK = 1 << 20  # bytes stream_encoding reads at a time


@contextlib.contextmanager
def _opened(p: Path, shown: str) -> Iterator[IO[bytes]]:
    """The regular file at ``p``, open for reading; errors as DocumentErrors.

    Anything else is refused before a byte is read: a device (``/dev/zero`` never ends),
    a FIFO (opened without waiting for a writer, which may never come), a socket.
    """
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as file:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise DocumentError(shown, "is a directory")
            if not stat.S_ISREG(mode):
                raise DocumentError(shown, "not a regular file (a device, pipe or socket)")
            yield file
    except FileNotFoundError as exc:
        raise DocumentError(shown, "no such file") from exc
    except IsADirectoryError as exc:
        raise DocumentError(shown, "is a directory") from exc
    except PermissionError as exc:
        raise DocumentError(shown, "permission denied") from exc
    except OSError as exc:
        raise DocumentError(shown, f"cannot read: {exc.strerror or exc}") from exc


def too_large(shown: str, max_bytes: int) -> DocumentError:
    """The error for a file (or standard input) beyond the size limit."""
    return DocumentError(
        shown, f"larger than the size limit of {_size(max_bytes)} (max_bytes, --max-size)"
    )


def _size(n: int) -> str:
    """A byte count as people read it: whole MiB when it is, bytes otherwise.

    >>> _size(100 * 1024 * 1024), _size(1500)
    ('100 MiB', '1,500 bytes')
    """
    mib, rest = divmod(n, 1024 * 1024)
    return f"{mib:,} MiB" if mib and not rest else f"{n:,} bytes"


def _looks_binary(text: str) -> bool:
    head = text[:_SNIFF_BYTES]
    controls = sum(1 for ch in head if ch < " " and ch not in _TEXT_CONTROLS)
    return "\x00" in head or controls > _MAX_CONTROL_SHARE * len(head)


def _decode_or_raise(data: bytes, shown: str, encoding: str | None) -> tuple[str, str]:
    if not data:
        raise DocumentError(shown, "empty file")
    has_bom = any(data.startswith(bom) for bom, _ in _BOMS)
    if encoding is None and not has_bom and b"\x00" in data[:_SNIFF_BYTES]:
        raise DocumentError(shown, "binary file (not text)")
    try:
        text, used = decode_text(data, encoding)
    except LookupError as exc:
        raise DocumentError(shown, f"unknown encoding {encoding!r}") from exc
    except UnicodeDecodeError as exc:
        how = f"as {encoding}" if encoding else "as UTF-8, GB18030 or Big5"
        raise DocumentError(
            shown, f"undecodable bytes {how} (byte {exc.start}); try encoding=..."
        ) from exc
    if encoding is None and _looks_binary(text):
        raise DocumentError(shown, "binary file (not text)")
    return text, used


def _missing(extra: str, fmt: str) -> MissingExtraError:
    return MissingExtraError(extra, f"reading {fmt} files")


# --- .docx ----------------------------------------------------------------------------


def _read_docx(p: Path, shown: str, max_bytes: int) -> tuple[str, dict[str, str]]:
    """Paragraphs and tables of the body, in document order; a table row is one line with
    its cells separated by tabs (a merged cell is written once)."""
    try:
        import docx
        from docx.table import Table
        from lxml import etree  # type: ignore[import-untyped]
    except ImportError as exc:
        raise _missing("docx", ".docx") from exc
    package = _inflated_docx(_read_bytes(p, shown, max_bytes), shown, max_bytes)
    try:
        document = docx.Document(package)
        # The parser keeps a declared entity as a node (expanding entities is how XML
        # bombs work) and python-docx reads a run's text only up to it: refused rather
        # than read in part. Word never declares entities.
        if next(document.element.iter(etree.Entity), None) is not None:
            raise DocumentError(shown, "not a readable .docx (its XML declares entities)")
        lines = list(_docx_lines(document.iter_inner_content(), Table))
        props = document.core_properties
        meta = {k: str(v) for k, v in (("title", props.title), ("author", props.author)) if v}
    # A damaged zip or XML part surfaces as any of a dozen exception types (BadZipFile,
    # KeyError, zlib.error, lxml's XMLSyntaxError, PackageNotFoundError ...): each is
    # reported as this file's failure, with the original chained.
    except DocumentError:
        raise
    except Exception as exc:
        raise DocumentError(shown, "not a readable .docx (corrupt or truncated)") from exc
    return "\n".join(lines), meta


# A .docx part may inflate this many times its compressed size, once larger than
# _RATIO_FROM: text XML compresses some 5 to 30 times, a zip bomb a thousand.
_MAX_RATIO = 200
_RATIO_FROM = 1024 * 1024
_INFLATE_PIECE = 64 * 1024


def _inflated_docx(data: bytes, shown: str, max_bytes: int) -> io.BytesIO:
    """The .docx repacked uncompressed, once what it inflates to is known to be bounded.

    The zip's directory states each part's size: a total above ``max_bytes``, or a part
    inflating more than ``_MAX_RATIO`` times, is refused before anything is inflated.
    The directory can lie, so the parts are then inflated piece by piece, counting, and
    refused at the first piece beyond the limit; the repacked copy, whose sizes are now
    true, is what python-docx opens (it would inflate each part whole, in memory).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            stated = sum(part.file_size for part in parts)
            bomb = any(
                part.file_size > max(_RATIO_FROM, _MAX_RATIO * part.compress_size) for part in parts
            )
            if stated > max_bytes or bomb:
                raise _zip_bomb(shown, max_bytes)
            budget = max_bytes
            package = io.BytesIO()
            with zipfile.ZipFile(package, "w", zipfile.ZIP_STORED) as repacked:
                for part in parts:
                    pieces = []
                    with archive.open(part) as inflating:
                        while piece := inflating.read(_INFLATE_PIECE):
                            budget -= len(piece)
                            if budget < 0:
                                raise _zip_bomb(shown, max_bytes)
                            pieces.append(piece)
                    repacked.writestr(
                        zipfile.ZipInfo(part.filename, part.date_time), b"".join(pieces)
                    )
    except DocumentError:
        raise
    # a damaged zip: BadZipFile, zlib.error, EOFError, a CRC mismatch ... (see above)
    except Exception as exc:
        raise DocumentError(shown, "not a readable .docx (corrupt or truncated)") from exc
    package.seek(0)
    return package


def _zip_bomb(shown: str, max_bytes: int) -> DocumentError:
    return DocumentError(
        shown,
        f"not read: the .docx would inflate beyond the size limit of {_size(max_bytes)} "
        f"or over {_MAX_RATIO} times (a zip bomb?)",
    )


def _docx_lines(blocks: Iterator[Any], table_type: Any) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, table_type):
            for row in block.rows:
                cells: list[str] = []
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:  # merged cells repeat the same element
                        seen.add(id(cell._tc))
                        cells.append(cell.text.replace("\n", " "))
                yield "\t".join(cells)
        else:
            yield block.text


# --- HTML -----------------------------------------------------------------------------

# Elements whose content is never shown.
_HTML_HIDDEN = frozenset(
    {"head", "script", "style", "noscript", "template", "svg", "iframe", "object", "-comment"}
)
# Elements that start and end a line of text.
_HTML_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
    ]
)
_HTML_CELLS = frozenset({"td", "th"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's white space (not U+3000, which shows)
_SPACE_RUN = re.compile(r" {2,}")


def _html_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag within its first 4 KB."""
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", data[:4096], re.I)
    if m is None:
        return None
    name = m.group(1).decode("ascii").lower()
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return _CHARSET_ALIASES.get(name, name)


def _html_to_text(data: bytes, shown: str, encoding: str | None) -> tuple[str, str, dict[str, str]]:
    """Visible text of a page: hidden elements dropped, block elements on their own lines,
    table cells separated by tabs, runs of whitespace collapsed (except inside ``<pre>``)."""
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError as exc:
        raise _missing("html", "HTML") from exc
    declared = None
    if encoding is None and not any(data.startswith(bom) for bom, _ in _BOMS):
        declared = _html_charset(data)
    try:
        markup, used = _decode_or_raise(data, shown, encoding or declared)
    except DocumentError:
        if declared is None:
            raise
        markup, used = _decode_or_raise(data, shown, None)  # the page lied about its charset
    too_deep = nesting_problem(markup)  # the parser's time grows with tags x depth
    if too_deep is not None:
        raise DocumentError(shown, too_deep)
    tree = LexborHTMLParser(markup)
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node is not None else ""
    root = tree.root
    text = _html_visible_text(root) if root is not None else ""
    return text, used, ({"title": title} if title else {})


def _html_visible_text(root: Any) -> str:
    parts: list[str] = []
    # Iterative walk (pages nest deeply): ("enter", node, in_pre) or ("exit", tag).
    stack: list[tuple[bool, Any, bool]] = [(True, root, False)]
    while stack:
        entering, node, in_pre = stack.pop()
        tag = node.tag
        if not entering:
            if tag in _HTML_BLOCKS:
                parts.append("\n")
            elif tag in _HTML_CELLS:
                parts.append("\t")
            continue
        if tag == "-text":
            raw = node.text_content or ""
            parts.append(raw if in_pre else _HTML_SPACE.sub(" ", raw))
            continue
        if tag in _HTML_HIDDEN or not node.is_element_node:
            continue
        attrs = node.attributes
        style = (attrs.get("style") or "").replace(" ", "").lower()
        if "hidden" in attrs or "display:none" in style:
            continue
        if tag == "br":
            parts.append("\n")
            continue
        if tag in _HTML_BLOCKS:
            parts.append("\n")
        stack.append((False, node, in_pre))
        children = list(node.iter(include_text=True))
        child_pre = in_pre or tag == "pre"
        stack.extend((True, child, child_pre) for child in reversed(children))
    return _tidy_lines("".join(parts))


def _tidy_lines(text: str) -> str:
    """Collapse runs of spaces, strip spaces and tabs off line edges, drop empty lines."""
    lines = (_SPACE_RUN.sub(" ", line).strip(" \t") for line in text.split("\n"))
    return "\n".join(line for line in lines if line.strip())


# --- PDF ------------------------------------------------------------------------------


def _read_pdf(p: Path, shown: str, max_bytes: int) -> tuple[str, dict[str, str]]:
    """The text layer of each page, pages separated by a form feed (``\\f``) line."""
    try:
        import pypdf
    except ImportError as exc:
        raise _missing("pdf", "PDF") from exc
    # pypdf logs what it repairs in a damaged file ("Multiple definitions in dictionary")
    # as warnings, which Python prints on standard error when the application set up no
    # logging. A library prints nothing: they still reach the application's handlers.
    pypdf_log = logging.getLogger("pypdf")
    if not pypdf_log.handlers:
        pypdf_log.addHandler(logging.NullHandler())
    data = _read_bytes(p, shown, max_bytes)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentError(shown, "encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        title = info.title if info is not None else None
    except DocumentError:
        raise
    # pypdf signals a damaged file with PdfReadError, but also with ValueError, KeyError,
    # struct/zlib errors ... from deep inside: each is reported as this file's failure.
    except Exception as exc:
        raise DocumentError(shown, f"not a readable PDF (corrupt or truncated): {exc}") from exc
    meta = {"pages": str(len(pages))}
    if title:
        meta["title"] = str(title)
    text = "\n\f\n".join(page.strip("\n") for page in pages)
    if not text.replace("\f", "").strip():
        raise DocumentError(shown, "no text layer (a scanned PDF needs OCR first)")
    return text, meta
