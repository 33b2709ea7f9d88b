"""Extract from many documents: texts, :class:`~edumetrics.readers.Document`\\ s or file paths.

Strings are texts and ``pathlib.Path`` (any ``os.PathLike``) objects are files. A string
that looks like a file path (one line that names an existing file, or ends in .txt, .docx,
.html or .pdf without Chinese sentence punctuation) raises
:class:`~edumetrics.errors.PathAsTextError` rather than being read as a report with
nothing in it; wrap a text that really is such a line in ``Document.from_text``. A
document that fails - a file that cannot be read (or needs an extra that is not
installed), a text the extractor fails on, a document whose worker process died twice -
gives an :class:`Extraction` whose ``error`` says why; it never stops the batch, and
results already made are never lost.

>>> [r.doc for r in extract_many(["新建小学3所。", Document.from_text("", name="empty")])]
['<text 0>', 'empty']
"""

from __future__ import annotations

import ast
import contextlib
import functools
import gc
import itertools
import os
import signal
import sys
import types
from collections import deque
from collections.abc import Sized
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union

from edumetrics import _build
from edumetrics._vocab import RAW_PROSE_MARKS
from edumetrics.errors import DocumentError, MainGuardError, MissingExtraError, PathAsTextError
from edumetrics.extract import _extract_rows, extract
from edumetrics.readers import MAX_BYTES, SUFFIX_FORMATS, Document, read_document
from edumetrics.records import Mention, count_mentions
from edumetrics.rules import Rules, _resolve

if TYPE_CHECKING:
    import multiprocessing.context
    from collections.abc import Callable, Iterable, Iterator
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["Extraction", "Item", "extract_document", "extract_many"]

Item = Union[str, "os.PathLike[str]", Document]
"""What :func:`extract_many` accepts: a text, a path to a file, or a Document."""

# Work goes to a worker process in chunks of about this many characters: each round trip
# wakes the parent's threads, which then compete with the workers for the cores, so a
# chunk carries tens of milliseconds of work (small documents go many to a chunk, a large
# one alone). Each worker may have this many chunks waiting: memory stays bounded on an
# endless input while every worker stays busy.
_CHUNK_CHARS = 128_000
_CHUNKS_IN_FLIGHT_PER_WORKER = 2
# Signals the parent process handles for its workers: they ignore Ctrl-C (the parent
# stops them) and die at once on SIGTERM. The parent asks them to stop with SIGUSR1
# (see _stop); elsewhere than POSIX they end their chunk.
_ASK_STOP: signal.Signals | None = getattr(signal, "SIGUSR1", None)
_STOP_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM, *filter(None, [_ASK_STOP])})

# A str longer than this, or with a line break, is a text, never a path (PATH_MAX is 4096).
_MAX_PATH_CHARS = 4096
# Characters of Chinese prose that file names do not hold: a line with them is a text.
_PROSE_MARKS = frozenset(RAW_PROSE_MARKS)


@dataclass(frozen=True, eq=False)
class Extraction:
    """What one document gave: its name, its text, and its mentions (or why it failed).

    ``doc`` is the document's name (a file's base name, ``<text N>`` for the N-th text
    given to :func:`extract_many`); spans of ``mentions`` index ``text``. When the
    document could not be read, ``error`` says why, ``text`` is empty and there are no
    mentions. In a notebook an Extraction shows its text with every mention highlighted.

    >>> r = extract_document("新建小学3所。")
    >>> r.ok, r.doc, r.text
    (True, '<text>', '新建小学3所。')
    """

    doc: str
    text: str
    mentions: tuple[Mention, ...] = ()
    error: DocumentError | None = None
    document: Document | None = None

    @property
    def ok(self) -> bool:
        """Whether the document was read (it may still hold no mentions)."""
        return self.error is None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Extraction):
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        state = count_mentions(len(self.mentions))
        if self.error is not None:
            state = f"error={self.error.reason!r}"
        return f"<Extraction {self.doc!r}: {state}, {len(self.text)} characters>"

    def _key(self) -> tuple[Any, ...]:
        error = None if self.error is None else (self.error.path, self.error.reason)
        return (self.doc, self.text, self.mentions, error, self.document)

    def sentence(self, mention: Mention) -> str:
        """The sentence a mention stands in, as written (empty if the record has none)."""
        return self.text[mention.sentence_start : mention.sentence_end]

    def records(self) -> Iterator[dict[str, Any]]:
        """One plain dict per mention, ``doc`` first (see ``Mention.to_record``)."""
        return (m.to_record(self.doc) for m in self.mentions)

    def to_pandas(self) -> Any:
        """A pandas DataFrame, one row per mention (see :func:`edumetrics.to_pandas`)."""
        from edumetrics.tables import to_pandas

        return to_pandas(self)

    def to_arrow(self) -> Any:
        """A pyarrow Table, one row per mention (see :func:`edumetrics.to_arrow`)."""
        from edumetrics.tables import to_arrow

        return to_arrow(self)

    def to_polars(self) -> Any:
        """A polars DataFrame, one row per mention (see :func:`edumetrics.to_polars`)."""
        from edumetrics.tables import to_polars

        return to_polars(self)

    def _repr_html_(self) -> str:
        from edumetrics._html import render_html

        return render_html(self)


def extract_document(item: Item, rules: Rules | None = None) -> Extraction:
    """Read (if need be) and extract one document: a text, a path, or a Document.

    ``rules``: the metric rules to read with, as for :func:`~edumetrics.extract`. A file
    that cannot be read gives an Extraction with ``error`` set; it does not raise. A str
    that looks like a file path raises :class:`~edumetrics.errors.PathAsTextError` (pass a
    ``pathlib.Path`` to read the file).
    """
    return _extract_job(_job(item, "<text>"), MAX_BYTES, _resolve(rules))


def extract_many(
    items: Iterable[Item],
    workers: int = 1,
    progress: bool = False,
    *,
    max_bytes: int = MAX_BYTES,
    on_error: Literal["report", "raise"] = "report",
    rules: Rules | None = None,
) -> Iterator[Extraction]:
    """Extract from every item, yielding one :class:`Extraction` per item in input order.

    Items are texts (``str``), paths (``pathlib.Path`` or any ``os.PathLike``) or
    :class:`~edumetrics.readers.Document`\\ s; they are consumed lazily, so a long stream
    of files is processed in constant memory.

    A document that fails gives an Extraction whose ``error`` says why, and the batch goes
    on; ``on_error="raise"`` raises the first such error instead. Files are read up to
    ``max_bytes`` (see :func:`~edumetrics.readers.read_document`). An exception raised by
    ``items`` itself is raised after the results of the items before it.

    ``workers`` > 1 runs the extraction in that many worker processes (at most the number of
    CPUs this process may use, and at least 2: more would only compete for them), in chunks
    of documents (files are read in the workers too), each chunk sent with the rule set;
    results still come in input order, and at most a few chunks per worker are read ahead. A
    worker that dies (killed, out of memory) is replaced, and the documents it held are
    extracted again one by one; one that kills its worker again is reported as failed.
    Interrupted (Ctrl-C, an exception, the caller stopping early), the workers stop at once,
    where they are (none is killed); they ignore Ctrl-C themselves. Like any
    ``multiprocessing`` code, a script using workers needs the
    ``if __name__ == "__main__":`` guard: called with workers from a script's top level
    outside it, extract_many raises :class:`~edumetrics.errors.MainGuardError` at once (without the
    guard, worker processes that do not fork run the script again and the pool breaks).
    ``progress=True`` shows a progress bar on standard error when it is a terminal (needs
    the ``progress`` extra).
    """
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive int, not {workers!r}")
    if on_error not in ("report", "raise"):
        raise ValueError(f"on_error must be 'report' or 'raise', not {on_error!r}")
    rule_set = _resolve(rules)
    if workers > 1:
        _check_main_guard()
    new_bar = _progress_bar(items) if progress else None
    jobs = (_job(item, f"<text {i}>") for i, item in enumerate(items))
    workers = min(workers, max(2, _usable_cpus()))
    if workers == 1:
        results = _extract_serial(jobs, max_bytes, rule_set)
    else:
        results = _extract_parallel(jobs, workers, max_bytes, rule_set)
    if on_error == "raise":
        results = _raising(results)
    return results if new_bar is None else _with_progress(results, new_bar)


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def _raising(results: Iterator[Extraction]) -> Iterator[Extraction]:
    try:
        for result in results:
            if result.error is not None:
                raise result.error
            yield result
    finally:
        getattr(results, "close", lambda: None)()


_Job = Document | Path


def _job(item: object, text_name: str) -> _Job:
    """Check an item's type in the calling process, so a wrong one fails early and clearly."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        # a plain copy: a subclass of str could fail in any method the extractor calls
        text = item if type(item) is str else "".join((item,))
        if _looks_like_path(text):
            raise PathAsTextError(text)
        return Document.from_text(text, name=text_name)
    if isinstance(item, os.PathLike):
        return Path(item)
    hint = " (decode it first, or pass a pathlib.Path)" if isinstance(item, bytes) else ""
    raise TypeError(
        f"extract_many() takes texts (str), paths (pathlib.Path) or Documents, "
        f"not {type(item).__name__}{hint}"
    )


def _looks_like_path(text: str) -> bool:
    """Whether a str given as a text is rather a file's path (see the module docstring).

    >>> _looks_like_path("reports/2023.docx"), _looks_like_path("新建小学3所。")
    (True, False)
    """
    if len(text) > _MAX_PATH_CHARS or "\n" in text or _PROSE_MARKS.intersection(text):
        return False
    suffix = os.path.splitext(text.rstrip())[1].lower()
    return suffix in SUFFIX_FORMATS or os.path.isfile(text)


def _extract_job(job: _Job, max_bytes: int, rules: Rules) -> Extraction:
    document, error = _read(job, max_bytes)
    if document is None:
        return Extraction(doc=job.name, text="", error=error)
    try:
        mentions = tuple(extract(document.text, rules))
    except Exception as exc:  # a bug: this document's failure, reported; the batch goes on
        return Extraction(doc=document.name, text="", error=_extraction_failed(document, exc))
    return Extraction(doc=document.name, text=document.text, mentions=mentions, document=document)


def _read(job: _Job, max_bytes: int) -> tuple[Document | None, DocumentError | None]:
    if not isinstance(job, Path):
        return job, None
    try:
        return read_document(job, max_bytes=max_bytes), None
    except DocumentError as exc:
        return None, exc
    except MissingExtraError as exc:  # one failed file, naming the install command
        return None, _caused(DocumentError(str(job), str(exc)), exc)


def _extraction_failed(document: Document, exc: Exception) -> DocumentError:
    error = DocumentError(document.path or document.name, f"extraction failed: {exc!r}")
    return _caused(error, exc)


def _caused(error: DocumentError, cause: BaseException) -> DocumentError:
    error.__cause__ = cause
    return error


# What a worker sends back for one job: the Document it read (None when the caller gave
# it, so the text does not travel twice), the mentions as rows in their wire form
# (``_build.WireRow``: plain values pickle several times faster than models), and the error.
_Compact = tuple[Document | None, list[_build.WireRow], DocumentError | None]


class _Stopped(BaseException):
    """Raised in a worker asked to stop: its chunk is for nobody now (see _stop)."""


_stopping = False  # in a worker: the parent asked it to stop


def _extract_chunk(jobs: list[_Job], max_bytes: int, rules: Rules) -> list[_Compact]:
    """Worker side: read and extract, records left as rows for the parent to build."""
    out: list[_Compact] = []
    for job in jobs:
        if _stopping:
            raise _Stopped
        document, error = _read(job, max_bytes)
        rows: list[_build.WireRow] = []
        if document is not None:
            try:
                rows = _build.to_wire(_extract_rows(document.text, rules))
            except Exception as exc:  # a bug: this document's failure (see _extract_job)
                error = _extraction_failed(document, exc)
                document = None
        out.append((document if isinstance(job, Path) else None, rows, error))
    return out


def _rebuild(job: _Job, compact: _Compact) -> Extraction:
    """Parent side: the Extraction the worker made, from its compact form."""
    read, rows, error = compact
    if error is not None:
        return Extraction(doc=job.name, text="", error=error)
    # a path's Document comes back from the worker that read it; a Document stays here
    document = job if isinstance(job, Document) else read
    if document is None:  # pragma: no cover - a worker always returns what it read
        raise RuntimeError(f"edumetrics worker returned no document for {job}")
    mentions = tuple(_build.from_wire(rows, document.text))
    return Extraction(doc=document.name, text=document.text, mentions=mentions, document=document)


def _extract_serial(jobs: Iterator[_Job], max_bytes: int, rules: Rules) -> Iterator[Extraction]:
    for job in jobs:
        yield _extract_job(job, max_bytes, rules)


def _chunks(jobs: Iterator[_Job], size: int) -> Iterator[list[_Job]]:
    """Consecutive jobs, cut where their characters (a file's bytes) reach ``size``."""
    chunk: list[_Job] = []
    weight = 0
    for job in jobs:
        chunk.append(job)
        weight += _weight(job)
        if weight >= size:
            yield chunk
            chunk, weight = [], 0
    if chunk:
        yield chunk


def _weight(job: _Job) -> int:
    if isinstance(job, Document):
        return len(job.text)
    try:
        return os.stat(job).st_size
    except OSError:  # the worker reports it
        return 0


class _Items:
    """The caller's jobs up to the first exception their iterable raises, which is kept
    and raised after the results of the jobs before it (as the serial path does)."""

    def __init__(self, jobs: Iterator[_Job]) -> None:
        self.jobs = jobs
        self.error: Exception | None = None

    def __iter__(self) -> Iterator[_Job]:
        try:
            yield from self.jobs
        except Exception as exc:
            self.error = exc

    def raise_error(self) -> None:
        if self.error is not None:
            raise self.error


def _extract_parallel(
    jobs: Iterator[_Job], workers: int, max_bytes: int, rules: Rules
) -> Iterator[Extraction]:
    items = _Items(jobs)
    chunks = _chunks(iter(items), _CHUNK_CHARS)
    window = workers * _CHUNKS_IN_FLIGHT_PER_WORKER
    head = list(itertools.islice(chunks, window))  # the workers start on these
    if len(head) < 2:  # one chunk in all: no worker is worth starting
        for job in itertools.chain.from_iterable(head):
            yield _extract_job(job, max_bytes, rules)
        items.raise_error()
        return
    pool = _Pool(workers, max_bytes, rules)
    pending: deque[tuple[list[_Job], Future[list[_Compact]]]] = deque()
    try:
        # The first submit starts the workers: nothing may start a thread before it. This
        # process extracts nothing itself: the pool's threads that feed the workers need
        # the GIL, which the extractor would hold (2 workers: 1.77x -> 1.80x one, here).
        for chunk in itertools.chain(head, chunks):
            pending.append((chunk, pool.submit(chunk)))
            if len(pending) >= window:
                yield from pool.results(*pending.popleft())
        while pending:
            yield from pool.results(*pending.popleft())
    except BaseException:
        # Ctrl-C, the caller stopping early (GeneratorExit), an error: the work in the
        # workers is for nobody now
        pool.stop()
        raise
    pool.close()
    items.raise_error()


class _Pool:
    """The worker processes, replaced when one dies; a dead worker's documents are then
    extracted again one at a time by a worker of their own, so the one that kills it is
    found and reported, and the others are not lost."""

    def __init__(self, workers: int, max_bytes: int, rules: Rules) -> None:
        self.workers = workers
        self.max_bytes = max_bytes
        self.rules = rules  # sent with each chunk: a worker compiles its indexes once
        self.executor = self._start(workers)
        self.alone: ProcessPoolExecutor | None = None  # for the documents retried

    def _start(self, workers: int) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            max_workers=workers, mp_context=_mp_context(), initializer=_start_worker
        )

    def submit(self, chunk: list[_Job]) -> Future[list[_Compact]]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return _submit_quietly(self.executor, chunk, self.max_bytes, self.rules)
        except BrokenProcessPool:  # a worker died: its results come back as failures
            _stop(self.executor)
            self.executor = self._start(self.workers)
            return _submit_quietly(self.executor, chunk, self.max_bytes, self.rules)

    def results(self, chunk: list[_Job], future: Future[list[_Compact]]) -> Iterator[Extraction]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            compact = future.result()
        except BrokenProcessPool:  # this chunk was in the pool when a worker died
            return map(self._retry, chunk)
        return map(_rebuild, chunk, compact)

    def _retry(self, job: _Job) -> Extraction:
        from concurrent.futures.process import BrokenProcessPool

        if self.alone is None:
            self.alone = self._start(1)
        try:
            (compact,) = _submit_quietly(self.alone, [job], self.max_bytes, self.rules).result()
        except BrokenProcessPool as exc:
            _stop(self.alone)
            self.alone = None
            error = DocumentError(str(job) if isinstance(job, Path) else job.name, _DIED)
            return Extraction(doc=job.name, text="", error=_caused(error, exc))
        return _rebuild(job, compact)

    def close(self) -> None:
        """After the last result: every worker is idle, and exits."""
        for executor in (self.executor, self.alone):
            if executor is not None:
                executor.shutdown(wait=True)

    def stop(self) -> None:
        for executor in (self.executor, self.alone):
            if executor is not None:
                _stop(executor)


_DIED = "its worker process died twice while extracting it (out of memory, or killed)"


def _submit_quietly(
    executor: ProcessPoolExecutor, chunk: list[_Job], max_bytes: int, rules: Rules
) -> Future[list[_Compact]]:
    """Submit a chunk; the workers this starts begin with Ctrl-C and SIGTERM blocked, until
    they have set how they take them (see _start_worker)."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        return executor.submit(_extract_chunk, chunk, max_bytes, rules)
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        return executor.submit(_extract_chunk, chunk, max_bytes, rules)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _stop(executor: ProcessPoolExecutor) -> None:
    """Stop the workers now: queued work is cancelled, running work ends where it is.

    A worker is never killed: one killed while it wrote a result left the executor's
    thread waiting for the rest of it, and the interpreter hung at exit. It is asked to
    stop instead (see _ask_stop), and every chunk it is given from then on ends at once.
    """
    # the executor offers no way to stop a running task; its private table of processes
    # says whom to ask
    processes = list((getattr(executor, "_processes", None) or {}).values())
    # A pool broken by a dying worker has ended its workers itself. It is not waited for:
    # its thread may wait to write into a pipe that a newer pool's worker holds open.
    broken = bool(getattr(executor, "_broken", False))
    if _ASK_STOP is not None and not broken:
        for process in processes:
            if process.exitcode is None and process.pid is not None:
                with contextlib.suppress(ProcessLookupError):  # it has just ended
                    os.kill(process.pid, _ASK_STOP)
    # the chunks not started are cancelled, those running end; then the workers exit
    executor.shutdown(wait=not broken, cancel_futures=True)


def _ask_stop(signum: int, frame: types.FrameType | None) -> None:
    """A worker's handler of the parent's request to stop.

    It stops the extraction of the chunk at hand by raising :class:`_Stopped` there, and
    only there: raised elsewhere - in the executor's code writing a result - it would
    leave half a message in the pipe, the very hang a kill caused. The exception ends
    the chunk, and goes back to the parent as its result, whole.
    """
    global _stopping
    first = not _stopping
    _stopping = True
    while first and frame is not None:
        if frame.f_code is _extract_chunk.__code__:
            raise _Stopped
        frame = frame.f_back


def _check_main_guard() -> None:
    """Raise :class:`MainGuardError` when a script's top level, outside its
    ``if __name__ == "__main__":`` block, is what called for worker processes.

    Checked whichever way the workers would start: a script forks its workers on Linux,
    where the guard is not needed, until it imports a library that starts threads (numpy,
    pandas) and the workers come from a fork server that runs the script's top level
    again; a script that works must not break on such an import.
    """
    main = sys.modules.get("__main__")
    script = getattr(main, "__file__", None)
    if main is None or not isinstance(script, str):  # a notebook, python -c, the REPL
        return
    frame = sys._getframe(1)
    while frame.f_globals is not vars(main) or frame.f_code.co_name != "<module>":
        if frame.f_back is None:
            return
        frame = frame.f_back
    if frame.f_code.co_filename != script:
        return
    try:
        tree = ast.parse(Path(script).read_bytes(), script)
    except (OSError, SyntaxError, ValueError):  # the source is gone or is not Python
        return
    line = frame.f_lineno
    for node in tree.body:
        if node.lineno <= line <= (node.end_lineno or node.lineno):
            if not _is_main_guard(node, line):
                raise MainGuardError(script, line)
            return


def _is_main_guard(node: ast.stmt, line: int) -> bool:
    """Whether ``line`` lies in the body of ``if __name__ == "__main__":``."""
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    test = node.test
    sides = [test.left, *test.comparators]
    named = {s.id for s in sides if isinstance(s, ast.Name)}
    values = {s.value for s in sides if isinstance(s, ast.Constant)}
    if not (named == {"__name__"} and values == {"__main__"} and len(test.ops) == 1):
        return False
    if not isinstance(test.ops[0], ast.Eq):
        return False
    return node.body[0].lineno <= line <= (node.body[-1].end_lineno or node.body[-1].lineno)


def _mp_context() -> multiprocessing.context.BaseContext:
    """How worker processes start: forked from this process when that is safe, else from
    a fork server that has edumetrics imported."""
    import multiprocessing

    # Forking a process that runs threads (a Jupyter kernel, a web server, a library's
    # thread pool) can deadlock the child on a lock another thread held, and Python 3.12+
    # warns about it; a process with one thread forks safely. A forked worker starts in
    # about a millisecond with everything this process has compiled and cached, where one
    # from the fork server takes tens of milliseconds and warms up on its first chunk
    # (2 workers: 1.6x -> 1.75x one, here). Threads are counted by the kernel, so threads
    # that C libraries start count too; elsewhere than Linux, no fork (macOS's system
    # libraries are not fork-safe).
    if sys.platform == "linux" and _os_threads() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    server = multiprocessing.get_context("forkserver")
    # The fork server imports edumetrics once; each worker forked from it starts with the
    # rules compiled (a no-op if the server is already running). "__main__" is the
    # default preload, kept.
    server.set_forkserver_preload(["__main__", __name__])
    return server


def _os_threads() -> int:
    """How many threads this process runs, as the kernel counts them (0 if unknown)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0


def _start_worker() -> None:
    """Run once in each worker process, before its first chunk."""
    # Ctrl-C reaches the whole process group: the parent stops the workers, which ignore
    # it (a worker interrupted mid-task printed a traceback, or left the pool hanging).
    # SIGTERM ends a worker at once, whatever handler the parent set before forking.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if _ASK_STOP is not None:
        signal.signal(_ASK_STOP, _ask_stop)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    # A worker forked from a process with edumetrics loaded shares that memory until it
    # writes to it, and the garbage collector writes to every object it examines: each
    # full collection in the worker copied the inherited heap page by page. Frozen, the
    # inherited objects are never examined again (2 workers: 1.4x -> 1.8x one, here).
    gc.freeze()


def _progress_bar(items: Iterable[Item]) -> Callable[[], Any]:
    """What makes the progress bar (tqdm is imported now, so a missing extra fails early)."""
    try:
        from tqdm import tqdm
    except ImportError as exc:
        raise MissingExtraError("progress", "extract_many(progress=True)") from exc
    total = len(items) if isinstance(items, Sized) else None
    return functools.partial(
        tqdm, total=total, unit="doc", file=sys.stderr, disable=not sys.stderr.isatty()
    )


def _with_progress(
    results: Iterator[Extraction], new_bar: Callable[[], Any]
) -> Iterator[Extraction]:
    # The bar is made with the first result: tqdm starts a monitor thread, and by then
    # the workers have started (see _mp_context: they are forked only from one thread).
    bar = None
    try:
        for result in results:
            if bar is None:
                bar = new_bar()
            bar.update(1)
            yield result
    finally:
        if bar is not None:
            bar.close()
