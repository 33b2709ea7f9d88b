"""The ``edumetrics`` command.

``edumetrics extract PATH... [--format table|jsonl|json|csv|tsv|parquet] [--output FILE]
[--recursive] [--workers N] [--max-size SIZE] [--progress]`` prints every mention of
every file; ``edumetrics panel PATH... [--output panel.parquet|panel.csv] [--actual-only]
[--wide]`` writes one panel of the figures of all files, keyed by place, period, metric,
level and role, with each figure's source (see :func:`edumetrics.to_panel`);
``edumetrics schema`` prints the JSON schema of one ``jsonl`` record;
``edumetrics --version`` prints the version and which build runs (``compiled`` or
``pure Python``).

PATH is a file, a directory (with ``--recursive``: every .txt, .docx, .html/.htm and .pdf
under it in path order, hidden names skipped, walked without depth limit), a glob pattern
(expanded here when the shell did not), or ``-`` for standard input (plain text). Files
are processed one by one and their records written as soon as they are found, so memory
stays flat on any volume. Only regular files are read (not devices, FIFOs or sockets),
of at most ``--max-size`` bytes (100M by default). Each record's ``doc`` is the file's
path as it was given (or found under a folder given), so ``a/r.txt`` and ``b/r.txt``
stay apart.

A file that cannot be read is reported on standard error in one line
(``edumetrics: PATH: reason``) and the others are still processed. Exit status: 0 when
every file was read, 1 when some file failed, 2 for a usage error, 3 when the output
could not be written, 130 when interrupted (Ctrl-C), 141 when the reader of standard
output went away (``| head``), 143 when terminated (SIGTERM), quietly.

``--output FILE`` writes to a temporary file beside FILE and renames it over FILE only
when the run completes, so FILE is never half-written (and the temporary file is removed
on any failure or interruption); its suffix (.jsonl, .json, .csv, .tsv, .parquet)
chooses the format when ``--format`` is not given, and any other suffix is a usage error
then. A FILE that is a device or a pipe (``/dev/stdout``) is written directly (in the
readable table unless ``--format`` says otherwise). File names that are not valid UTF-8
are written with their undecodable bytes as ``\\xNN`` escapes, and control characters in
names (a newline) as escapes too.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import errno
import io
import json
import os
import re
import signal
import stat
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from edumetrics.errors import DocumentError, EdumetricsError
from edumetrics.readers import MAX_BYTES, SUFFIX_FORMATS, Document

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterator, Sequence

    from edumetrics.batch import Extraction
    from edumetrics.rules import Rules

__all__ = ["main", "record_schema"]

PROG = "edumetrics"
FORMATS = ("table", "jsonl", "json", "csv", "tsv", "parquet")
PANEL_FORMATS = ("csv", "parquet")
_SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
}
_GLOB_CHARS = frozenset("*?[")
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_OUTPUT = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE, EXIT_TERMINATED = 130, 141, 143


class _Terminated(BaseException):
    """SIGTERM, raised in the main thread so every ``finally`` runs (temporary output
    removed, workers stopped); a BaseException, so no ``except Exception`` takes it."""


class _OutputError(Exception):
    """The output could not be written: the message says why, in one line."""

    def __init__(self, message: str, stdout: bool) -> None:
        super().__init__(message)
        self.stdout = stdout


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    previous = _on_sigterm()
    try:
        if args.command == "schema":
            sys.stdout.buffer.write(_schema_text().encode())
            sys.stdout.flush()
            return EXIT_OK
        if args.command == "panel":
            return _panel_command(parser, args)
        return _extract_command(parser, args)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except _OutputError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        if exc.stdout:  # what is left in its buffer would fail again at exit
            _silence_stdout()
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except _Terminated:
        return EXIT_TERMINATED
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def run() -> None:
    """The ``edumetrics`` command as a process: :func:`main`, then exit with its status.

    After an interruption the process ends without waiting for the helper threads of a
    worker pool. The workers are asked to stop, end the document they are on and exit
    (``batch.py``), but one that dies in mid-message all the same (killed from outside,
    or out of memory) would leave a pool thread reading from it forever, and the process
    with it. Everything that matters - output flushed or removed, workers stopped - is
    done by then.
    """
    status = main()
    if status in (EXIT_INTERRUPTED, EXIT_TERMINATED):
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError):
                stream.flush()
        os._exit(status)
    sys.exit(status)


def _on_sigterm() -> Any:
    """Turn SIGTERM into _Terminated (main thread only); the handler it replaces."""

    def terminated(signum: int, frame: object) -> None:
        raise _Terminated

    try:
        return signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread: SIGTERM keeps its meaning
        return None


def _add_run_options(
    command: argparse.ArgumentParser, formats: tuple[str, ...], default: str
) -> None:
    """The arguments of both extract and panel: what to read, how, and where to write."""
    command.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a .txt/.docx/.html/.pdf file, a directory (with --recursive), a glob, "
        "or - for standard input",
    )
    command.add_argument(
        "-f",
        "--format",
        choices=formats,
        help=f"output format (default: from the --output suffix, else {default})",
    )
    command.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout"
    )
    command.add_argument(
        "-r", "--recursive", action="store_true", help="read the supported files in directories"
    )
    command.add_argument(
        "-j", "--workers", type=int, default=1, metavar="N", help="worker processes (default 1)"
    )
    command.add_argument(
        "--max-size",
        type=_byte_size,
        default=MAX_BYTES,
        metavar="SIZE",
        help="skip files larger than SIZE bytes (K, M, G suffixes; default 100M), also "
        "the size a .docx may inflate to",
    )
    command.add_argument(
        "--progress", action="store_true", help="progress bar on a terminal (extra 'progress')"
    )
    command.add_argument(
        "--rules",
        metavar="FILE",
        help="metric rules to add to the built-in ones: a .toml or .json file of "
        "[[metric]] tables with id, words and units (see Rules.from_file)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Every figure in Chinese education reports, as typed, span-exact records.",
    )
    parser.add_argument(
        "-V", "--version", action="version", version=_version(), help="print the version and build"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    ex = sub.add_parser(
        "extract",
        help="extract the mentions of files",
        description="Extract every quantity mention of each file and write one record per "
        "mention. Exit status: 0 ok, 1 some file failed, 2 usage error.",
    )
    _add_run_options(ex, FORMATS, "table")
    panel = sub.add_parser(
        "panel",
        help="one panel of the figures of many files: place x period x metric",
        description="Extract the figures of all files into one table keyed by document, "
        "place, period, metric, level and role, each row with its source (path, span, "
        "sentence). Exit status: 0 ok, 1 some file failed, 2 usage error.",
    )
    _add_run_options(panel, PANEL_FORMATS, "csv")
    panel.add_argument(
        "--actual-only", action="store_true", help="keep reported figures (no targets, changes)"
    )
    panel.add_argument(
        "--wide", action="store_true", help="one column per metric and level, one row per place"
    )
    sub.add_parser(
        "schema",
        help="print the JSON schema of a jsonl record",
        description="Print the JSON schema of one line of `extract --format jsonl`.",
    )
    return parser


_SIZE_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def _byte_size(text: str) -> int:
    """A size in bytes: ``1000``, ``200M``, ``2G`` (powers of 1024; a trailing B allowed).

    >>> _byte_size("200M"), _byte_size("2gb"), _byte_size("1500")
    (209715200, 2147483648, 1500)
    """
    body = text.strip().upper().removesuffix("B").removesuffix("I")
    unit = body[-1:] if body[-1:] in _SIZE_UNITS else ""
    number = body[: len(body) - len(unit)]
    if not number.isdigit() or int(number) < 1:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 500M or 2G)")
    return int(number) * _SIZE_UNITS[unit]


# --- schema ---------------------------------------------------------------------------


def record_schema() -> dict[str, Any]:
    """The JSON schema of one ``jsonl`` record: ``doc``, then every field of a Mention.

    Pinned in ``tests/data/mention.schema.json``; after a deliberate change to the record,
    regenerate it with ``.venv/bin/edumetrics schema > tests/data/mention.schema.json``.
    """
    from edumetrics.records import Mention

    schema = Mention.model_json_schema()
    doc = {"description": "File name of the document.", "title": "Doc", "type": "string"}
    schema["title"] = "MentionRecord"
    schema["description"] = (
        "One quantity mention as written by `edumetrics extract --format jsonl`: "
        "the document's file name, then the fields of edumetrics.Mention."
    )
    schema["properties"] = {"doc": doc, **schema["properties"]}
    schema["required"] = ["doc", *schema.get("required", [])]
    return schema


def _schema_text() -> str:
    return json.dumps(record_schema(), indent=2, ensure_ascii=False) + "\n"


# --- extract --------------------------------------------------------------------------


def _version() -> str:
    from edumetrics import version

    return version()


def _output_format(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str:
    """``--format``, else the one the ``--output`` suffix names, else the readable table."""
    if args.format or not args.output:
        return str(args.format or "table")
    try:
        mode = os.stat(args.output).st_mode
    except (OSError, ValueError):  # a new file (or a name no file can have: reported later)
        mode = stat.S_IFREG
    if not stat.S_ISREG(mode):  # a device or pipe is written directly; a folder is refused
        return "table"
    suffix = Path(args.output).suffix.lower()
    if suffix not in _SUFFIX_FORMATS:
        suffixes = ", ".join(dict.fromkeys(_SUFFIX_FORMATS))
        parser.error(
            f"cannot tell the format of {args.output} from its suffix {suffix or '(none)'}: "
            f"name a file {suffixes}, or give --format ({', '.join(FORMATS)})"
        )
    return _SUFFIX_FORMATS[suffix]


def _extract_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    fmt = _output_format(parser, args)

    def write(results: Iterator[Extraction]) -> None:
        with _Output(args.output) as out:
            sink = _WRITERS[fmt](out.stream)
            for result in results:
                result = _as_given(result)
                if _SURROGATES.search(result.doc):
                    result = replace(result, doc=utf8_name(result.doc))
                with out.writing():
                    sink.write(result)
            with out.writing():
                sink.close()

    # (a table shows one block per file: a large text file is read whole for it)
    return _run(parser, args, fmt, write, parts=fmt != "table")


def _run(
    parser: argparse.ArgumentParser,
    args: argparse.Namespace,
    fmt: str,
    write: Callable[[Iterator[Extraction]], None],
    parts: bool = False,
) -> int:
    """Check the run options, hand the extractions of the files they name to ``write``
    (those that failed are reported as they fail; with ``parts``, a large text file's
    a part at a time), stop the workers; the exit status."""
    rules = _check_run_options(parser, args, fmt)
    failures: list[str] = []

    def fail(path: str, reason: str) -> None:
        failures.append(path)
        _report(path, reason)

    try:
        with contextlib.closing(_extracted(args, rules, fail, parts)) as results:
            write(results)
    except EdumetricsError as exc:  # a missing extra (pandas, parquet, progress)
        print(f"{PROG}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_FAILED if failures else EXIT_OK


def _extracted(
    args: argparse.Namespace, rules: Rules | None, fail: Callable[[str, str], None], parts: bool
) -> Generator[Extraction, None, None]:
    """The extractions of the files the run options name, those that failed reported to
    ``fail`` instead; closing it stops the workers. With ``parts``, a large text file is
    read a part at a time (see :func:`_in_parts`), an Extraction per part."""
    from edumetrics.batch import extract_many

    inputs: Iterator[Path | Document] = _inputs(args.paths, args.recursive, args.max_size, fail)
    if parts:
        inputs = map(_parted, inputs)
    results = extract_many(
        inputs, workers=args.workers, progress=args.progress, max_bytes=args.max_size, rules=rules
    )
    try:
        for result in results:
            if result.error is not None:
                fail(result.error.path, result.error.reason)
            elif isinstance(result.document, _Parted):
                yield from _in_parts(result.document, args.max_size, rules, fail)
            else:
                yield result
    finally:
        getattr(results, "close", lambda: None)()


# A plain-text file larger than this is read a part at a time: the run holds one part's
# text and records, whatever the file's size.
_IN_PARTS_BYTES = 1 << 20


@dataclass(frozen=True)
class _Parted(Document):
    """A large text file, in the stream of inputs where its parts' results go: what
    extract_many returns for it (nothing, at once) stands for them."""


def _parted(item: Path | Document) -> Path | Document:
    if isinstance(item, Document) or SUFFIX_FORMATS.get(item.suffix.lower(), "txt") != "txt":
        return item
    try:
        info = item.stat()
    except OSError:  # reported when it is read
        return item
    if not stat.S_ISREG(info.st_mode) or info.st_size <= _IN_PARTS_BYTES:
        return item
    return _Parted(text="", name=item.name, path=str(item))


def _in_parts(
    parted: _Parted, max_bytes: int, rules: Rules | None, fail: Callable[[str, str], None]
) -> Iterator[Extraction]:
    """The extraction of a large text file a part at a time (``_parts.py``): the records
    of one reading of the whole, spans into the whole text, in one Extraction per part
    (its ``text`` the part's); read whole when its encoding takes a guess over all of it."""
    from edumetrics import _parts
    from edumetrics.batch import Extraction, _extract_job
    from edumetrics.readers import stream_encoding
    from edumetrics.rules import _resolve

    assert parted.path is not None
    path, rule_set = Path(parted.path), _resolve(rules)
    try:
        encoding = stream_encoding(path, max_bytes)
        if encoding is None:  # (GB18030 or Big5: read as any file)
            result = _extract_job(path, max_bytes, rule_set)
            if result.error is not None:
                fail(result.error.path, result.error.reason)
            else:
                yield result
            return
        parts = _parts.file_parts(path, encoding, _parts.PART)
        for part, records in _parts.mentions(parts, None, rule_set):
            document = Document(part, parted.name, parted.path, "txt", encoding)
            yield Extraction(parted.name, part, tuple(records), document=document)
    except DocumentError as exc:
        fail(exc.path, exc.reason)
    except (OSError, UnicodeDecodeError) as exc:  # the file changed while it was read
        fail(parted.path, f"cannot read: {exc}")
    except Exception as exc:  # a bug: this file's failure, reported; the run goes on
        fail(parted.path, f"extraction failed: {exc!r}")


def _check_run_options(
    parser: argparse.ArgumentParser, args: argparse.Namespace, fmt: str
) -> Rules | None:
    """Usage errors shared by extract and panel; the rule set of ``--rules``, if given."""
    from edumetrics.rules import Rules
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if fmt == "parquet" and not args.output:
        parser.error("--format parquet needs --output FILE")
    if args.paths.count("-") > 1:
        parser.error("standard input (-) can be read only once")
    if args.output and not Path(args.output).resolve().parent.is_dir():
        parser.error(f"cannot write {args.output}: its directory does not exist")
    try:
        return None if args.rules is None else Rules.from_file(args.rules)
    except EdumetricsError as exc:  # RulesFileError: the file, and what is wrong in it
        parser.error(str(exc))


# --- panel ----------------------------------------------------------------------------


def _panel_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from edumetrics.panel import to_panel

    fmt: str = args.format or _SUFFIX_FORMATS.get(Path(args.output or "").suffix.lower(), "csv")
    if fmt not in PANEL_FORMATS:
        parser.error(f"a panel is written as csv or parquet, not {fmt}")

    def write(results: Iterator[Extraction]) -> None:
        frame = to_panel(results, actual_only=args.actual_only, wide=args.wide)
        with _Output(args.output) as out, out.writing():
            if fmt == "parquet":
                _need_arrow("--format parquet")
                frame.to_parquet(out.stream, index=False)
            else:
                out.stream.write(frame.to_csv(index=False, lineterminator="\n").encode())

    return _run(parser, args, fmt, write)


def _need_arrow(feature: str) -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:
        from edumetrics.errors import MissingExtraError

        raise MissingExtraError("arrow", feature) from exc


def _as_given(result: Extraction) -> Extraction:
    """The result with ``doc`` the file's path as given (``a/r.txt``, not ``r.txt``)."""
    path = None if result.document is None else result.document.path
    return result if path is None else replace(result, doc=path)


def _report(path: str, reason: str) -> None:
    print(f"{PROG}: {shown_name(path)}: {reason}", file=sys.stderr, flush=True)


_SURROGATES = re.compile("[\ud800-\udfff]")


def utf8_name(name: str) -> str:
    r"""A file name as records carry it: the bytes of a name that were not UTF-8 (which
    Python keeps as surrogate escapes, and no UTF-8 output can hold) as ``\xNN``.

    >>> utf8_name("b\udcb1\udca8.txt"), utf8_name("报告.txt")
    ('b\\xb1\\xa8.txt', '报告.txt')
    """
    if not _SURROGATES.search(name):
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def shown_name(name: str) -> str:
    r"""A file name in a line of text (the table's headers, standard error): as
    :func:`utf8_name`, and control characters (a newline) as their escapes.

    >>> shown_name("a\nb\udcb1.txt")
    'a\\nb\\xb1.txt'
    """
    name = utf8_name(name)
    if name.isprintable():
        return name
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in name)


def _inputs(
    args: Sequence[str], recursive: bool, max_bytes: int, fail: Callable[[str, str], None]
) -> Iterator[Path | Document]:
    """Each PATH argument as files to read, lazily; what cannot be expanded is reported."""
    import glob

    from edumetrics.readers import _text_document, too_large

    for arg in args:
        if arg == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)  # standard input may never end
            try:
                if len(data) > max_bytes:
                    raise too_large("<stdin>", max_bytes)
                yield _text_document(data, "<stdin>", "<stdin>", None)
            except DocumentError as exc:
                fail(exc.path, exc.reason)
            continue
        if _GLOB_CHARS.intersection(arg) and not os.path.lexists(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                fail(arg, "no file matches this pattern")
            paths = [Path(m) for m in matches]
        else:
            paths = [Path(arg)]
        for path in paths:
            if not path.is_dir():
                yield path  # a missing or unreadable file is reported when it is read
            elif not recursive:
                fail(str(path), "is a directory (use --recursive to read the files in it)")
            else:
                yield from _walk(path, SUFFIX_FORMATS, fail)


def _walk(
    folder: Path, suffixes: dict[str, Any], fail: Callable[[str, str], None]
) -> Iterator[Path]:
    """Supported files under ``folder`` in path order (each folder's entries sorted by name),
    hidden files and folders skipped, symbolic links to folders not followed. Walked with
    a stack of folders being listed, not by recursion: a tree may be any depth."""
    listing = _listing(folder, fail)
    stack = [iter(listing)] if listing is not None else []
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry.name.startswith("."):
            continue
        elif entry.is_dir(follow_symlinks=False):
            inner = _listing(Path(entry.path), fail)
            if inner is not None:
                stack.append(iter(inner))
        elif Path(entry.name).suffix.lower() in suffixes:
            yield Path(entry.path)


def _listing(folder: Path, fail: Callable[[str, str], None]) -> list[os.DirEntry[str]] | None:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError as exc:
        fail(str(folder), f"cannot list the folder: {exc.strerror or exc}")
        return None


# --- output ---------------------------------------------------------------------------


class _Output:
    """Standard output, or a temporary file renamed over ``path`` when all went well.

    Any failure to write is an :class:`_OutputError` (one line, exit status 3); the
    temporary file is removed whatever ends the run (an error, Ctrl-C, SIGTERM).
    A ``path`` that is a device or a pipe (``/dev/stdout``, ``/dev/null``) is written
    directly: it cannot be replaced by a rename, nor half-written as a file can.
    """

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.temp: str | None = None
        self.stream: IO[bytes] = sys.stdout.buffer

    def __enter__(self) -> _Output:
        if self.path is None:
            return self
        with self.writing():
            target = Path(self.path)
            try:
                mode = os.stat(target).st_mode
            except FileNotFoundError:
                mode = stat.S_IFREG
            if stat.S_ISDIR(mode):
                raise IsADirectoryError(errno.EISDIR, "is a directory")
            if not stat.S_ISREG(mode):
                self.stream = open(target, "wb")  # closed in __exit__
                return self
            fd, self.temp = tempfile.mkstemp(
                dir=target.resolve().parent, prefix=f".{target.name}.", suffix=".part"
            )
            self.stream = os.fdopen(fd, "wb")
        return self

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Turn an error writing the output into :class:`_OutputError` (a broken pipe
        stays itself: the reader went away, quietly)."""
        try:
            yield
        except BrokenPipeError:
            raise
        except OSError as exc:
            where = self.path if self.path is not None else "standard output"
            message = f"cannot write {where}: {exc.strerror or exc}"
            raise _OutputError(message, stdout=self.path is None) from exc

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self.temp is None:
            if self.path is not None and exc_type is not None:  # a device, given up on
                with contextlib.suppress(OSError):
                    self.stream.close()
            elif exc_type is None:
                with self.writing():
                    self.stream.flush()
                    if self.path is not None:
                        self.stream.close()
            return
        try:
            with self.writing():
                self.stream.close()
                if exc_type is None:
                    assert self.path is not None
                    _copy_mode(self.path, self.temp)
                    os.replace(self.temp, self.path)
                    self.temp = None
        finally:
            if self.temp is not None:
                os.unlink(self.temp)


def _copy_mode(target: str, temp: str) -> None:
    """Give the new file the mode an ordinary ``open(target, "w")`` would have."""
    try:
        mode = os.stat(target).st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp, mode)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the exit flush stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def json_number(value: Decimal) -> str:
    """A decimal as an exact JSON number (no float rounding, no exponent).

    >>> json_number(Decimal("2.86E+7")), json_number(Decimal("-0.27"))
    ('28600000', '-0.27')
    """
    if not value.is_finite():
        raise ValueError(f"{value} has no JSON number")
    return format(value, "f")


def _json_value(value: Any) -> str:
    if isinstance(value, Decimal):
        return json_number(value)
    return json.dumps(value, ensure_ascii=False)


def jsonl_line(record: dict[str, Any]) -> str:
    """One record as a JSON line, fields in record order, the value an exact number.

    >>> jsonl_line({"doc": "a.txt", "value": Decimal("99.07"), "level": None})
    '{"doc": "a.txt", "value": 99.07, "level": null}\\n'
    """
    fields = ", ".join(f"{json.dumps(k)}: {_json_value(v)}" for k, v in record.items())
    return "{" + fields + "}\n"


class _Sink:
    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream

    def write(self, result: Extraction) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.stream.flush()


class _JsonlSink(_Sink):
    def write(self, result: Extraction) -> None:
        for record in result.records():
            self.stream.write(jsonl_line(record).encode())  # one whole line per write


class _JsonSink(_Sink):
    """One JSON array of the jsonl records, written record by record."""

    def __init__(self, stream: IO[bytes]) -> None:
        super().__init__(stream)
        self.separator = "[\n"

    def write(self, result: Extraction) -> None:
        for record in result.records():
            self.stream.write((self.separator + jsonl_line(record).rstrip("\n")).encode())
            self.separator = ",\n"

    def close(self) -> None:
        self.stream.write(b"[]\n" if self.separator == "[\n" else b"\n]\n")
        super().close()


class _CsvSink(_Sink):
    """The jsonl fields as columns; value exact, null as empty, flags joined by ``;``."""

    DIALECT = "excel"

    def __init__(self, stream: IO[bytes]) -> None:
        super().__init__(stream)
        self.header_written = False

    def write(self, result: Extraction) -> None:
        buffer = io.StringIO()
        rows = csv.writer(buffer, self.DIALECT, lineterminator="\n")
        for record in result.records():
            if not self.header_written:
                rows.writerow(record)
                self.header_written = True
            rows.writerow(_csv_cell(v) for v in record.values())
        self.stream.write(buffer.getvalue().encode())

    def close(self) -> None:
        if not self.header_written:
            from edumetrics.records import Mention

            delimiter = csv.get_dialect(self.DIALECT).delimiter
            self.stream.write((delimiter.join(["doc", *Mention.model_fields]) + "\n").encode())
        super().close()


class _TsvSink(_CsvSink):
    """The csv columns separated by tabs (a cell holding a tab or a line break is quoted)."""

    DIALECT = "excel-tab"


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


class _TableSink(_Sink):
    """A human-readable table per document, columns aligned for CJK text."""

    HEADER = ("start", "end", "text", "value", "unit", "metric", "role", "level", "qualifier")

    def write(self, result: Extraction) -> None:
        from edumetrics.records import count_mentions

        count = len(result.mentions)
        lines = [f"== {shown_name(result.doc)}: {count_mentions(count)}"]
        rows = [self.HEADER] + [
            (
                str(m.start),
                str(m.end),
                m.text.replace("\n", " "),
                "masked" if m.value is None else json_number(m.value),
                m.unit.value,
                m.metric,
                m.role.value,
                "-" if m.level is None else m.level.value,
                m.qualifier.value,
            )
            for m in result.mentions
        ]
        if count:
            widths = [max(_width(row[i]) for row in rows) for i in range(len(self.HEADER))]
            right = {0, 1, 3}  # numbers align right
            for row in rows:
                cells = (_pad(c, widths[i], i in right) for i, c in enumerate(row))
                lines.append("  ".join(cells).rstrip())
        self.stream.write(("\n".join(lines) + "\n\n").encode())


def _width(text: str) -> int:
    """Columns ``text`` takes on a terminal: two for a wide (CJK) character, none for a
    combining mark or an invisible format character (a zero-width space), one otherwise.

    >>> _width("2860万元"), _width("2\u200b860"), _width("１２％")
    (8, 4, 6)
    """
    return sum(_char_width(ch) for ch in text)


def _char_width(ch: str) -> int:
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - _width(text))
    return fill + text if right else text + fill


class _ParquetSink(_Sink):
    """One row group per document with mentions, written as it comes (the table columns)."""

    def __init__(self, stream: IO[bytes]) -> None:
        super().__init__(stream)
        try:
            import pyarrow.parquet as pq
        except ImportError as exc:
            from edumetrics.errors import MissingExtraError

            raise MissingExtraError("arrow", "--format parquet") from exc
        from edumetrics.tables import arrow_schema

        self.writer = pq.ParquetWriter(stream, arrow_schema())

    def write(self, result: Extraction) -> None:
        from edumetrics.tables import to_arrow

        if result.mentions:
            self.writer.write_table(to_arrow(result))

    def close(self) -> None:
        self.writer.close()
        super().close()


_WRITERS: dict[str, type[_Sink]] = {
    "table": _TableSink,
    "jsonl": _JsonlSink,
    "json": _JsonSink,
    "csv": _CsvSink,
    "tsv": _TsvSink,
    "parquet": _ParquetSink,
}
