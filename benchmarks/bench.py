"""Speed of ``edumetrics.extract`` beside its peers, and the performance targets of issues 4 and 6.

    python benchmarks/bench.py            # full run, about 10 minutes on 2 cores
    python benchmarks/bench.py --quick    # short run: smaller corpora, same sections
    python benchmarks/bench.py --profile  # cProfile of extract on the 1 MB corpus only
    python benchmarks/bench.py --documents --quick --growth-to 50M --single-to 300M
                                          # whole documents only: one growing to 50 MB,
                                          # one 300 MB text file through the CLI

Sizes are UTF-8 bytes (1 MB = 1,000,000 bytes; a Chinese report has about 2.7 bytes per
character); speeds are characters per second. Every timed figure is the best of several
runs (3 unless its section says more), and figures that are compared are timed in turns.

1. Throughput, in this one process, on the same texts: ``edumetrics.extract`` and each
   peer (chinese2digits ``takeNumberFromString``, jionlp ``ner.extract_money``, cn2an
   ``transform``, and one ``regex.finditer`` over a numeral pattern as the floor of any
   one-pass scan), called per sentence and per document, on the five shared reports of
   ``tests/data/corpus`` repeated to 1 MB and on a 10 MB synthetic report (the corpus
   sentences drawn in a seeded random order, so every run gets the same text).
2. Import time of ``edumetrics`` in a fresh interpreter (best of 5).
3. Time per document for 1 KB, 100 KB, 1 MB and 10 MB synthetic reports (linear cost).
4. Peak RSS of the CLI over a generated 200 MB (and a 20 MB) directory of reports,
   written to a temporary directory that is removed afterwards.
5. ``extract_many(texts, workers=2)`` against ``workers=1`` (pool start-up included), in a
   fresh process as a script runs, and in one that runs other threads (see WORKER_CASES).
6. Time per character of each adversarial input of issue 6, each in a child process with
   a time budget, relative to normal reports.

A figure that could not be measured (a peer that is not installed, a call over its time
budget) is printed as such, never estimated. The Markdown summary at the end can be
pasted into the README.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import math
import os
import platform
import pstats
import random
import signal
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import metadata
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO, Any

import regex

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
MB = 1_000_000
KB = 1_000

# Sentences end at these; the delimiter stays with its sentence.
_SENTENCE_SPLIT = regex.compile(r"(?<=[。！？!?\n])")
# The floor: one pass of one simple compiled pattern over the text (numeral runs).
FLOOR = regex.compile(r"[0-9.%零〇一二两三四五六七八九十百千万亿]++")
_PUNCT_OR_SPACE = regex.compile(r"[\p{P}\p{S}\s]++")


# --- Texts -------------------------------------------------------------------------------


def reports() -> list[str]:
    """The shared reports, in file order."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    if not texts:
        sys.exit(f"bench.py: no reports in {CORPUS}")
    return texts


def nbytes(text: str) -> int:
    return len(text.encode("utf-8"))


def repeat_to(texts: Sequence[str], size: int) -> list[str]:
    """``texts`` cycled until their UTF-8 size reaches ``size`` bytes."""
    out: list[str] = []
    total = 0
    while total < size:
        t = texts[len(out) % len(texts)]
        out.append(t)
        total += nbytes(t)
    return out


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_SPLIT.split(text) if s.strip()]


def synthetic(sentences: Sequence[str], size: int, seed: int) -> str:
    """A report of ``size`` UTF-8 bytes: corpus sentences in a seeded random order."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        s = rng.choice(sentences)
        parts.append(s)
        total += nbytes(s)
    text = "".join(parts)
    # cut back to the size, on a character boundary
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


# --- Timing ------------------------------------------------------------------------------


class Timeout(Exception):
    """A timed call ran over its budget."""


@contextlib.contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (POSIX; no limit elsewhere)."""
    if not seconds or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise Timeout

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@dataclass
class Timing:
    seconds: float | None  # best time; None when it could not be measured
    result: int | None = None  # what the call returned (mentions), if it counts any
    note: str = ""


def best_of(fn: Callable[[], int | None], repeats: int, limit: float | None) -> Timing:
    best = math.inf
    result = None
    for _ in range(repeats):
        try:
            with budget(limit):
                t0 = time.perf_counter()
                result = fn()
                dt = time.perf_counter() - t0
        except Timeout:
            return Timing(None, note=f"over the {limit:.0f} s budget")
        except Exception as exc:  # a peer failing on this text is a result, not a crash
            return Timing(None, note=f"raised {type(exc).__name__}: {str(exc)[:60]}")
        best = min(best, dt)
    return Timing(best, result)


# --- Tools -------------------------------------------------------------------------------


@dataclass
class Tool:
    name: str
    call: Callable[[str], int | None] | None  # mentions found, None if it counts none
    version: str
    missing: str = ""  # why it cannot run here


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


@contextlib.contextmanager
def quiet_stdout() -> Iterator[None]:
    """Silence stdout at the file-descriptor level (jionlp prints a banner on import)."""
    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 1)
        try:
            yield
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)


def tools() -> list[Tool]:
    from edumetrics import extract

    out = [Tool("edumetrics extract", lambda s: len(extract(s)), version("edumetrics"))]
    try:
        import chinese2digits

        def c2d(s: str) -> int:
            return len(chinese2digits.takeNumberFromString(s)["digitsStringList"])

        out.append(Tool("chinese2digits takeNumberFromString", c2d, version("chinese2digits")))
    except ImportError as exc:
        out.append(Tool("chinese2digits takeNumberFromString", None, "-", f"cannot import: {exc}"))
    try:
        with quiet_stdout():
            import jionlp

        out.append(
            Tool(
                "jionlp ner.extract_money",
                lambda s: len(jionlp.ner.extract_money(s)),
                version("jionlp"),
            )
        )
    except ImportError as exc:
        out.append(Tool("jionlp ner.extract_money", None, "-", f"cannot import: {exc}"))
    try:
        import cn2an

        # cn2an warns on every numeral it cannot convert (万, 十三五); the warning is still
        # issued (and timed), just not printed.
        warnings.filterwarnings("ignore", category=UserWarning, module=r"cn2an")

        def transform(s: str) -> None:
            cn2an.transform(s, "cn2an")

        out.append(Tool("cn2an transform", transform, version("cn2an")))
    except ImportError as exc:
        out.append(Tool("cn2an transform", None, "-", f"cannot import: {exc}"))

    def floor(s: str) -> int:
        return sum(1 for _ in FLOOR.finditer(s))

    out.append(Tool("regex.finditer (floor)", floor, version("regex")))
    return out


# --- Report helpers ----------------------------------------------------------------------


def fmt_rate(x: float | None) -> str:
    return "-" if x is None else f"{x:,.0f}"


def fmt_ratio(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}x"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table, columns padded for the terminal."""
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(headers), sep, *(line(r) for r in rows)])


def section(title: str) -> None:
    print(f"\n## {title}\n", flush=True)


def machine() -> list[str]:
    cpu = platform.processor() or "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    logical = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else logical
    physical = "?"
    memory = "?"
    with contextlib.suppress(ImportError):
        import psutil

        physical = str(psutil.cpu_count(logical=False))
        memory = f"{psutil.virtual_memory().total / 2**30:.1f} GiB"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    packages = [
        "edumetrics",
        "pydantic",
        "pydantic-core",
        "regex",
        "cn2an",
        "chinese2digits",
        "jionlp",
        "psutil",
    ]
    return [
        f"- code: {revision()}",
        f"- build: {build()}",
        f"- machine: {cpu}; {logical} logical CPUs ({physical} physical, {usable} usable); "
        f"{memory} RAM; load average {load}",
        f"- system: {platform.platform()}",
        f"- python: {platform.python_implementation()} {platform.python_version()} "
        f"({sys.executable})",
        "- packages: " + ", ".join(f"{p} {version(p)}" for p in packages),
    ]


def revision() -> str:
    """The commit benchmarked, and whether the engine's sources differ from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"edumetrics at {head}" + (" with uncommitted changes in src/" if dirty else "")


def build() -> str:
    """Which build of edumetrics runs: compiled (a regular install, see hatch_build.py) or
    pure Python (an editable install), and whether it was installed from this checkout."""
    import edumetrics
    from edumetrics import _engine

    package = Path(edumetrics.__file__).parent
    kind = "compiled with mypyc" if _engine.__file__.endswith((".so", ".pyd")) else "pure Python"
    source = ROOT / "src" / "edumetrics"
    if package == source:
        return f"{kind} (the sources of this checkout, an editable install)"
    stale = [
        p.name
        for p in sorted(source.glob("*.py"))
        if not (package / p.name).exists() or (package / p.name).read_bytes() != p.read_bytes()
    ]
    where = f"installed in {package}"
    if stale:
        return f"{kind}, {where}; NOT this checkout's sources (differ: {', '.join(stale)})"
    return f"{kind}, {where} from this checkout's sources"


@dataclass
class Check:
    target: str
    measured: str
    ok: bool | None  # None: not measured

    @property
    def verdict(self) -> str:
        return {True: "PASS", False: "FAIL", None: "n/a"}[self.ok]


# --- 0. Whole documents (issue 21) -------------------------------------------------------


EXAMPLE = ROOT / "examples" / "county_report.txt"
# The peers of the whole-document table: what a user would otherwise run over a report.
_DOCUMENT_PEERS = ("cn2an transform", "chinese2digits takeNumberFromString")
# a short call is run until its runs fill _FILL seconds (at most _MOST rounds): see interleaved
_FILL = 3.0
_MOST = 30


def dense(size: int) -> str:
    """examples/county_report.txt repeated into one document of about ``size`` UTF-8 bytes:
    a dense report (a figure every 17 characters)."""
    return dense_copies(max(1, round(size / nbytes(EXAMPLE.read_text(encoding="utf-8")))))


def dense_copies(copies: int) -> str:
    """examples/county_report.txt repeated ``copies`` times, as one document."""
    return EXAMPLE.read_text(encoding="utf-8") * copies


def seeds_document(size: int) -> str:
    """The shared reports one after another, repeated into one document of about ``size``
    UTF-8 bytes."""
    text = "\n".join(reports())
    return "\n".join([text] * max(1, round(size / nbytes(text))))


@dataclass
class DocRow:
    label: str
    chars: int
    figures: int | None
    seconds: float | None  # edumetrics
    peers: dict[str, Timing]
    note: str = ""

    @property
    def rate(self) -> float | None:
        return None if not self.seconds else self.chars / self.seconds

    def us_per_figure(self) -> str:
        if not self.seconds or not self.figures:
            return "-"
        return f"{self.seconds / self.figures * 1e6:,.1f}"

    def ratio(self, peer: str) -> float | None:
        t = self.peers.get(peer)
        if t is None or t.seconds is None or not self.seconds:
            return None
        return t.seconds / self.seconds


def documents_section(
    all_tools: list[Tool], cases: list[tuple[str, str, list[str]]], folder: int, limit: float
) -> dict[str, DocRow]:
    """``cases``: (key, label, documents); the rows by key, the CLI's as ``folder``."""
    section(
        "Whole documents (one call per document; the best of 3 rounds or more, the tools "
        f"taking turns, until each one's runs fill {_FILL:.0f} s or {_MOST} rounds; then a "
        "folder through the CLI)"
    )
    peers = [t for t in all_tools if t.name in _DOCUMENT_PEERS and t.call is not None]
    ours = all_tools[0]
    out: dict[str, DocRow] = {}
    for key, label, docs in cases:
        chars = sum(len(d) for d in docs)
        print(f"- {label}: {len(docs):,} documents, {chars:,} characters", flush=True)

        def runner(call: Callable[[str], int | None], docs: list[str] = docs) -> Callable[[], int]:
            return lambda: sum(call(d) or 0 for d in docs)

        assert ours.call is not None
        fns = [runner(ours.call), *(runner(p.call) for p in peers if p.call is not None)]
        best = interleaved(fns, 3, limit, _FILL, _MOST)
        out[key] = DocRow(
            label,
            chars,
            best[0].result,
            best[0].seconds,
            {p.name: t for p, t in zip(peers, best[1:], strict=True)},
            best[0].note,
        )
    out["folder"] = cli_folder(folder)
    rows = []
    for r in out.values():
        cells = [r.label, f"{r.chars:,}", "-" if r.figures is None else f"{r.figures:,}"]
        cells += [fmt_rate(r.rate) if r.rate else r.note, r.us_per_figure()]
        for p in _DOCUMENT_PEERS:
            t = r.peers.get(p)
            if t is None:
                cells += ["-", "-"]
            else:
                rate = None if t.seconds is None else r.chars / t.seconds
                cells += [fmt_rate(rate) if rate else t.note, fmt_ratio(r.ratio(p))]
        rows.append(cells)
    print()
    print(
        table(
            [
                "documents", "characters", "figures", "extract chars/s", "µs per figure",
                "cn2an chars/s", "extract ÷ cn2an", "chinese2digits chars/s",
                "extract ÷ chinese2digits",
            ],
            rows,
        )
    )  # fmt: skip
    print(
        "\nfigures: the records edumetrics returns (value, unit, metric, role, level, span); "
        "cn2an's transform only rewrites numerals and chinese2digits only finds numbers. "
        "The CLI row is the wall time of `edumetrics extract DIR --recursive --format "
        "jsonl` (start-up, reading, writing included), with no peer to compare."
    )
    return out


def cli_folder(size: int) -> DocRow:
    """The seeds and dense reports as files of a folder, through the CLI."""
    with tempfile.TemporaryDirectory(prefix="edumetrics-bench-") as tmp:
        root = Path(tmp) / "reports"
        root.mkdir()
        texts = [*reports(), dense_copies(200)]
        total = files = chars = 0
        while total < size:
            text = texts[files % len(texts)]
            (root / f"report_{files:04d}.txt").write_text(text, encoding="utf-8")
            total += nbytes(text)
            chars += len(text)
            files += 1
        out = Path(tmp) / "out.jsonl"
        argv = [*cli_command(), "extract", str(root), "-r", "--format", "jsonl", "-o", str(out)]
        best = math.inf
        status = 0
        for _ in range(3):
            t0 = time.perf_counter()
            status = subprocess.run(argv, stdin=subprocess.DEVNULL, check=False).returncode
            best = min(best, time.perf_counter() - t0)
        figures = sum(1 for _ in out.open("rb")) if status == 0 else None
    label = f"a folder of {files} reports ({human(total)}) through the CLI"
    return DocRow(label, chars, figures, best if status == 0 else None, {}, f"exit {status}")


# --- 1. Throughput -----------------------------------------------------------------------


@dataclass
class Rate:
    chars_per_s: float | None
    mentions_per_s: float | None
    mentions: int | None
    note: str


def interleaved(
    fns: Sequence[Callable[[], int | None]],
    repeats: int,
    limit: float | None,
    seconds: float = 0.0,
    most: int = 0,
) -> list[Timing]:
    """Best of ``repeats`` for each of ``fns``, run in rounds (each once per round); with
    ``seconds``, more rounds, up to ``most``, until each function's runs add up to that.

    This machine's speed drifts by tens of percent over a minute; timing one function's
    repeats back to back and then the next's would put that drift into their ratio. A
    call of a few milliseconds is, now and then, slowed by half, so the best of three
    such calls moves from run to run; more rounds hold it steadier. Every function runs
    in every round, so each ratio compares bests of as many runs.
    A function that fails or runs over ``limit`` is not run again.
    """
    timings: list[Timing | None] = [None] * len(fns)
    spent = [0.0] * len(fns)
    for round_ in range(max(repeats, most)):
        running = [k for k, t in enumerate(timings) if t is None or t.seconds is not None]
        if round_ >= repeats and all(spent[k] >= seconds for k in running):
            break
        for k in running:
            before = timings[k]
            t = best_of(fns[k], 1, limit)
            spent[k] += t.seconds or 0.0
            if before is not None and t.seconds is not None and before.seconds is not None:
                t = t if t.seconds < before.seconds else before
            timings[k] = t
    return [t if t is not None else Timing(None, note="not run") for t in timings]


def throughput(
    tools: Sequence[Tool], units: Sequence[str], repeats: int, limit: float | None
) -> list[Rate]:
    chars = sum(len(u) for u in units)

    def runner(call: Callable[[str], int | None]) -> Callable[[], int | None]:
        def run() -> int | None:
            found = [call(u) for u in units]
            return None if found and found[0] is None else sum(f or 0 for f in found)

        return run

    calls = [(t.name, t.call) for t in tools if t.call is not None]
    best = interleaved([runner(call) for _, call in calls], repeats, limit)
    timings = dict(zip([name for name, _ in calls], best, strict=True))
    rates = []
    for tool in tools:
        t = timings.get(tool.name)
        if t is None:
            rates.append(Rate(None, None, None, tool.missing))
        elif t.seconds is None:
            rates.append(Rate(None, None, None, t.note))
        else:
            per_s = None if t.result is None else t.result / t.seconds
            rates.append(Rate(chars / t.seconds, per_s, t.result, ""))
    return rates


# Rounds of the throughput comparison. A round of the 1 MB corpus takes about a second
# for all tools, so five cost little and let fewer of this machine's slow spells (tens of
# percent, seconds long) into the ratios; a round of the 10 MB corpus takes half a
# minute (jionlp's one document alone twenty seconds).
_ROUNDS_SMALL = 5
_ROUNDS_LARGE = 3


def throughput_section(
    all_tools: list[Tool], corpora: list[tuple[str, list[str]]], limit: float
) -> dict[tuple[str, str], Rate]:
    section(
        f"Throughput (one process, best of {_ROUNDS_SMALL} rounds for the 1 MB corpus and "
        f"{_ROUNDS_LARGE} for the 10 MB one, the tools taking turns in each round)"
    )
    rates: dict[tuple[str, str], Rate] = {}
    rows = []
    for label, units in corpora:
        chars = sum(len(u) for u in units)
        print(f"- {label}: {len(units):,} calls, {chars:,} characters", flush=True)
        ours: Rate | None = None
        rounds = _ROUNDS_SMALL if chars < MB else _ROUNDS_LARGE
        for tool, r in zip(all_tools, throughput(all_tools, units, rounds, limit), strict=True):
            rates[(label, tool.name)] = r
            if ours is None:
                ours = r
            ratio = (
                None
                if ours.chars_per_s is None or r.chars_per_s is None or r is ours
                else ours.chars_per_s / r.chars_per_s
            )
            rows.append(
                [
                    label,
                    tool.name,
                    fmt_rate(r.chars_per_s) if r.chars_per_s else r.note,
                    fmt_rate(r.mentions_per_s),
                    "-" if r.mentions is None else f"{r.mentions:,}",
                    fmt_ratio(ratio) if r is not ours else "1.00x",
                ]
            )
    print()
    print(
        table(
            ["corpus, calls", "tool", "chars/s", "mentions/s", "mentions", "edumetrics ÷ tool"],
            rows,
        )
    )
    print(
        "\nmentions: what each tool returns (edumetrics: quantity records with unit, metric "
        "and span; chinese2digits: numbers; jionlp: money amounts; cn2an: none, it rewrites "
        "the text; floor: numeral runs)."
    )
    return rates


# --- 2. Import time ----------------------------------------------------------------------


def import_section() -> float:
    section("Import time of edumetrics (fresh interpreter, best of 5)")
    code = "import time; t = time.perf_counter(); import edumetrics; print(time.perf_counter() - t)"
    times = []
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=tempfile.gettempdir(),
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    best = min(times)
    print(
        f"- import edumetrics: {best * 1000:.0f} ms (runs: "
        + ", ".join(f"{t * 1000:.0f}" for t in times)
        + " ms)"
    )
    trace = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import edumetrics"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.gettempdir(),
    )
    rows = []
    for line in trace.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _cumulative, name = line.split(":", 1)[1].split("|")
        rows.append((int(self_us), name.strip()))
    rows.sort(reverse=True)
    print(
        "- largest self import times (python -X importtime): "
        + ", ".join(f"{n} {us / 1000:.0f} ms" for us, n in rows[:6])
    )
    return best


# --- 3. Linear cost ----------------------------------------------------------------------


_LINEARITY_ROUNDS = 5


def linearity_section(sentences: list[str], sizes: list[int]) -> dict[int, float]:
    section(
        f"Time per document (synthetic reports, best of {_LINEARITY_ROUNDS}, the sizes "
        "taking turns)"
    )
    from edumetrics import extract

    corpora = []
    for size in sizes:
        # documents under 1 MB: a 1 MB synthetic report cut into documents of ``size``,
        # so a small document is timed over many calls and is a typical piece of text
        data = synthetic(sentences, max(size, MB), seed=size).encode("utf-8")
        corpora.append(
            [data[i : i + size].decode("utf-8", errors="ignore") for i in range(0, len(data), size)]
        )

    def runner(docs: list[str]) -> Callable[[], int]:
        return lambda: sum(len(extract(d)) for d in docs)

    # Timed in rounds, like the tools: the sizes are compared with each other, and the
    # machine's speed drifts between one size's runs and the next's.
    best = interleaved([runner(docs) for docs in corpora], _LINEARITY_ROUNDS, None)
    rows = []
    speeds: dict[int, float] = {}
    for size, docs, t in zip(sizes, corpora, best, strict=True):
        assert t.seconds is not None
        chars = sum(len(d) for d in docs)
        per_doc = t.seconds / len(docs)
        speeds[size] = chars / t.seconds
        rows.append(
            [
                human(size),
                f"{len(docs):,}",
                f"{chars // len(docs):,}",
                f"{per_doc * 1000:,.2f} ms",
                fmt_rate(speeds[size]),
                f"{(t.result or 0) / len(docs):,.1f}",
            ]
        )
    print(
        table(
            [
                "document",
                "documents",
                "characters each",
                "time per document",
                "chars/s",
                "mentions each",
            ],
            rows,
        )
    )
    return speeds


def human(size: int) -> str:
    return f"{size // MB} MB" if size >= MB else f"{size // KB} KB"


# --- 3b. Linear cost on whole documents (issue 21) --------------------------------------


def document_linearity_section(sizes: list[int]) -> dict[str, dict[int, float]]:
    section(
        "Time per character of one document as it grows (dense: the county report "
        "repeated; seeds: the shared reports repeated; best of 3, the sizes taking turns: "
        "as many runs of each)"
    )
    from edumetrics import extract

    out: dict[str, dict[int, float]] = {}
    rows = []
    for kind, make in (("dense", dense), ("seeds", seeds_document)):
        docs = [make(size) for size in sizes]

        def runner(doc: str) -> Callable[[], int]:
            return lambda: len(extract(doc))

        # the largest is timed once: it takes tens of seconds and its records gigabytes
        best = interleaved([runner(d) for d in docs[:-1]], 3, None)
        best.append(best_of(runner(docs[-1]), 1, None))
        ns = {}
        for size, doc, t in zip(sizes, docs, best, strict=True):
            assert t.seconds is not None
            ns[size] = t.seconds / len(doc) * 1e9
            rows.append(
                [
                    kind,
                    human(size),
                    f"{len(doc):,}",
                    f"{t.result or 0:,}",
                    f"{t.seconds:,.2f} s",
                    f"{ns[size]:,.0f}",
                    fmt_ratio(ns[size] / ns[sizes[0]]),
                ]
            )
        out[kind] = ns
        del docs
    print(
        table(["text", "size", "characters", "figures", "time", "ns per char", "÷ smallest"], rows)
    )
    return out


# --- 4. CLI memory -----------------------------------------------------------------------


def cli_command() -> list[str]:
    exe = Path(sys.executable).with_name("edumetrics")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "edumetrics"]


def write_reports(root: Path, sentences: list[str], size: int) -> tuple[int, int]:
    """Reports of 100 KB under ``root``, 100 per subdirectory, ``size`` bytes in all."""
    total = files = 0
    while size - total >= KB:
        doc = synthetic(sentences, min(100 * KB, size - total), seed=10_000 + files)
        path = root / f"d{files // 100:03d}" / f"report_{files:05d}.txt"
        path.parent.mkdir(exist_ok=True)
        data = doc.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
        files += 1
    return files, total


@dataclass
class CliRun:
    peak_mib: float
    seconds: float
    status: int
    files: int
    size: int
    errors: str


def run_cli(sentences: list[str], size: int) -> CliRun:
    with tempfile.TemporaryDirectory(prefix="edumetrics-bench-") as tmp:
        root = Path(tmp) / "reports"
        root.mkdir()
        files, total = write_reports(root, sentences, size)
        argv = [*cli_command(), "extract", str(root), "--recursive", "--format", "jsonl"]
        with open(Path(tmp) / "stderr", "w+b") as err:
            t0 = time.perf_counter()
            status, peak = peak_rss(argv, err)
            seconds = time.perf_counter() - t0
            err.seek(0)
            lines = err.read().decode("utf-8", "replace").splitlines()
    errors = [ln for ln in lines if ln.startswith("edumetrics:")]
    first = errors[0].replace(str(root), "DIR")[:80] if errors else ""
    note = f"{len(errors)} errors, first: {first}" if errors else ""
    return CliRun(peak, seconds, status, files, total, note)


def peak_rss(argv: list[str], err: IO[bytes]) -> tuple[int, float]:
    """Run ``argv`` with stdout to /dev/null; its exit status and peak RSS in MiB.

    Through ``/usr/bin/time -v`` when there is one: a child forked from this (large)
    process would report this process's RSS as its own ``ru_maxrss``, a child of the
    small ``time`` process does not. Otherwise psutil samples the RSS every 10 ms.
    """
    time_v = Path("/usr/bin/time")
    if time_v.exists():
        proc = subprocess.run(
            [str(time_v), "-v", *argv],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        report = proc.stderr.decode("utf-8", "replace")
        m = regex.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
        err.write(report.encode())
        return proc.returncode, (int(m[1]) / 1024 if m else math.nan)
    import psutil

    proc2 = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
    watched = psutil.Process(proc2.pid)
    peak = 0
    while proc2.poll() is None:
        with contextlib.suppress(psutil.Error):
            peak = max(peak, watched.memory_info().rss)
        time.sleep(0.01)
    return proc2.returncode, peak / 2**20


def cli_section(sentences: list[str], sizes: list[int]) -> dict[int, CliRun]:
    section(
        "Peak memory of the CLI (edumetrics extract DIR --recursive --format jsonl > /dev/null)"
    )
    runs = {}
    rows = []
    for size in sizes:
        r = run_cli(sentences, size)
        runs[size] = r
        rows.append(
            [
                human(size),
                f"{r.files:,}",
                f"{r.peak_mib:.1f} MiB",
                f"{r.seconds:.1f} s",
                f"{r.status}" + (f" ({r.errors})" if r.errors else ""),
            ]
        )
    print(table(["corpus", "files", "peak RSS", "wall time", "exit status"], rows))
    print(
        "\nReports of 100 KB each, written to a temporary directory and removed after; "
        "peak RSS as /usr/bin/time -v reports it (else psutil samples every 10 ms)."
    )
    return runs


# --- 4b. CLI memory on one large file (issue 21) ------------------------------------------


def single_file_section(sizes: list[int], limit: float) -> dict[int, CliRun]:
    section(
        "Peak memory of the CLI on one large text file (the shared reports repeated; "
        "edumetrics extract FILE --format jsonl > /dev/null)"
    )
    runs = {}
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="edumetrics-bench-") as tmp:
            path = Path(tmp) / "report.txt"
            part = "\n".join(reports()) + "\n"
            with path.open("w", encoding="utf-8") as f:
                written = 0
                while written < size:
                    f.write(part)
                    written += nbytes(part)
            argv = ["timeout", str(int(limit)), *cli_command(), "extract", str(path)]
            argv += ["--format", "jsonl", "--max-size", str(2 * written)]
            with open(Path(tmp) / "stderr", "w+b") as err:
                t0 = time.perf_counter()
                status, peak = peak_rss(argv, err)
                seconds = time.perf_counter() - t0
        note = "over the time budget" if status == 124 else ""
        runs[size] = CliRun(peak, seconds, status, 1, written, note)
        rows.append(
            [
                human(written),
                f"{peak:,.1f} MiB",
                f"{seconds:,.1f} s",
                f"{status}" + (f" ({note})" if note else ""),
            ]
        )
    print(table(["file", "peak RSS", "wall time", "exit status"], rows))
    print(
        f"\nEach run has a {limit:.0f} s budget (timeout(1)) and a --max-size above the "
        "file's size; a text file over 1 MiB is read a part at a time."
    )
    return runs


# --- 4c. What one whole-document call holds (issue 21) ------------------------------------


def api_memory_section(size: int) -> None:
    section(
        f"Memory of one extract() call on a {human(size)} document (a fresh process each; "
        "RSS above what it held with the text in memory)"
    )
    rows = []
    for kind in ("dense", "seeds"):
        argv = [sys.executable, __file__, "--memory-case", kind, "--n", str(size)]
        proc = subprocess.run(argv, capture_output=True, text=True, check=False)
        try:
            r = json.loads(proc.stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            rows.append([kind, human(size), "-", "-", "child process failed", "-"])
            continue
        per_mb = r["bytes"] / MB
        rows.append(
            [
                kind,
                f"{r['bytes'] / MB:.1f} MB",
                f"{r['records']:,}",
                f"{r['held'] / per_mb:,.1f} MiB",
                f"{r['peak'] / per_mb:,.1f} MiB",
                f"{r['held'] * 2**20 / max(1, r['records']):,.0f} bytes",
            ]
        )
    print(table(["text", "size", "records", "held per MB", "peak per MB", "per record"], rows))
    print(
        "\nheld: the RSS the returned records keep (after a collection); peak: the most "
        "the call took at once; both beside the text itself (a str of 2 bytes a Chinese "
        "character: about 0.7 MiB per MB of UTF-8)."
    )


def run_memory_case(kind: str, size: int) -> None:
    """Child process: the RSS an extract() call on one document takes and keeps."""
    import gc

    from edumetrics import extract

    def rss_mib(field: str = "VmRSS") -> float:
        # (VmHWM, the peak, is this program's: ru_maxrss would count the large parent
        # this process was forked from)
        with open("/proc/self/status") as status:
            line = next(ln for ln in status if ln.startswith(field))
        return int(line.split()[1]) / 1024

    text = dense(size) if kind == "dense" else seeds_document(size)
    extract(text[:10_000])
    gc.collect()
    base = rss_mib()
    records = extract(text)
    gc.collect()
    held = rss_mib() - base
    peak = rss_mib("VmHWM") - base
    out = {"bytes": nbytes(text), "records": len(records), "held": held, "peak": peak}
    print(json.dumps(out))


# --- 5. extract_many ---------------------------------------------------------------------


# Rounds of the worker comparison. A run with two busy processes is slowed whenever the
# host runs something on the cores behind them (seen here: the same run took 0.63 s to
# 1.05 s within a minute, while one process stayed within 10%), so the best of two
# processes needs more rounds than the best of one to see the machine undisturbed; both
# get the same number.
_WORKER_ROUNDS = 9


def runner_for(texts: list[str], workers: int) -> Callable[[], int]:
    from edumetrics.batch import extract_many

    def run() -> int:
        return sum(len(r.mentions) for r in extract_many(texts, workers=workers))

    return run


def extract_timed(texts: list[str]) -> float:
    """Extract every text (rows only); the seconds it took."""
    from edumetrics.extract import _extract_rows

    started = time.perf_counter()
    for t in texts:
        _extract_rows(t, None)
    return time.perf_counter() - started


def ceiling_worker(conn: Connection, texts: list[str]) -> None:
    """Worker side of the ceiling: time one extraction of ``texts`` per request."""
    from edumetrics.batch import _start_worker

    _start_worker()
    while conn.recv():
        conn.send(extract_timed(texts))


class Ceiling:
    """How much work two worker processes do side by side, against one alone.

    Timed inside the workers (no pool start, nothing sent back, no records), in the same
    rounds as ``extract_many``. The two cores of this machine are often unequal (seen
    here: one worker took 0.34 s, the other 0.47 s for the same text in the same
    moment), so the ceiling adds the two workers' rates, as a split that balances the
    work as it goes (``extract_many`` hands out chunks as workers free up) would:
    ceiling = best time alone x (1/t1 + 1/t2), the rates from the best round.

    The two workers are started the way ``extract_many`` starts its own, and are driven
    through pipes, which need no thread here: a pool's threads in this process would
    keep ``extract_many`` from forking its workers (see ``batch._mp_context``).
    """

    def __init__(self, texts: list[str]) -> None:
        from edumetrics.batch import _mp_context

        context: Any = _mp_context()  # typeshed: BaseContext has no Process
        self.conns: list[Connection] = []
        self.workers = []
        for _ in range(2):
            ours, theirs = context.Pipe()
            worker = context.Process(target=ceiling_worker, args=(theirs, texts), daemon=True)
            worker.start()
            self.conns.append(ours)
            self.workers.append(worker)
        self.alone: list[float] = []  # seconds, per round
        self.pairs: list[tuple[float, float]] = []  # both workers' seconds, per round
        self.run_two()  # both workers started and warm
        self.pairs.clear()

    def __enter__(self) -> Ceiling:
        return self

    def __exit__(self, *exc: object) -> None:
        for conn, worker in zip(self.conns, self.workers, strict=True):
            conn.send(False)
            worker.join()

    def run_alone(self) -> int:
        self.conns[0].send(True)
        self.alone.append(self.conns[0].recv())
        return 1

    def run_two(self) -> int:
        for conn in self.conns:
            conn.send(True)
        t1, t2 = (conn.recv() for conn in self.conns)
        self.pairs.append((t1, t2))
        return 2

    def best_pair(self) -> tuple[float, float]:
        """The round in which the two workers together did the most work per second."""
        return max(self.pairs, key=lambda pair: 1 / pair[0] + 1 / pair[1])

    def ratio(self) -> float:
        t1, t2 = self.best_pair()
        return min(self.alone) * (1 / t1 + 1 / t2)


# How extract_many starts its workers depends on the process it runs in (see
# batch._mp_context), so it is measured in two fresh processes: a script's, and one that
# runs another thread, as a notebook kernel does or a process that imported numpy (whose
# BLAS starts threads; jionlp, a peer above, does too). The second runs this file as a
# module from `python -c`, so that, as in a notebook kernel, its __main__ is not a file:
# a worker from the fork server runs the caller's main script again before its first
# chunk (CPython 3.11's fork server never preloads it), and this script's top level is
# not what is being measured.
WORKER_CASES = [
    ("script", "a script's process (one thread): workers forked from it"),
    ("threads", "a process running other threads (a notebook kernel, numpy): workers "
     "forked from the fork server"),
]  # fmt: skip


def workers_section(size: int) -> dict[str, float | None]:
    """Each case of WORKER_CASES in its own child process; their speed-ups."""
    section(
        f"extract_many(texts, workers=2) against workers=1 (best of {_WORKER_ROUNDS}, "
        "taking turns, pool start included)"
    )
    speedups: dict[str, float | None] = {}
    for case, title in WORKER_CASES:
        print(f"\n{title}:\n")
        args = ["--workers-case", case, "--n", str(size)]
        if case == "threads":
            here = str(Path(__file__).resolve().parent)
            code = f"import sys; sys.path.insert(0, {here!r}); import bench; "
            code += "bench.main(sys.argv[1:])"
            argv = [sys.executable, "-c", code, *args]
        else:
            argv = [sys.executable, __file__, *args]
        proc = subprocess.run(argv, capture_output=True, text=True, check=False)
        *lines, last = proc.stdout.splitlines() or ["null"]
        print("\n".join(lines))
        speedups[case] = json.loads(last) if proc.returncode == 0 else None
        if proc.returncode != 0:
            print(f"- could not be measured (exit status {proc.returncode}): {proc.stderr[-500:]}")
    return speedups


def run_workers_case(case: str, size: int) -> None:
    """Child process: the workers comparison; prints its lines, then the speed-up as JSON."""
    import threading

    if case == "threads":  # an idle thread, as a notebook kernel has several
        threading.Thread(target=threading.Event().wait, daemon=True).start()
    print(json.dumps(workers_case(repeat_to(reports(), size))))


def workers_case(texts: list[str]) -> float | None:
    from edumetrics.batch import _CHUNK_CHARS, _mp_context

    chars = sum(len(t) for t in texts)
    print(f"- {len(texts):,} documents (the shared reports repeated), {chars:,} characters")
    print(f"- workers start by {_mp_context().get_start_method()}")

    # The machine's own ceiling (see Ceiling) on a third of the texts: no split of the
    # work between two processes can beat it at that moment.
    part = texts[: len(texts) // 3]
    with Ceiling(part) as ceiling:
        runs = [runner_for(texts, 1), runner_for(texts, 2), ceiling.run_alone, ceiling.run_two]
        best = interleaved(runs, _WORKER_ROUNDS, None)
    if any(t.seconds is None or t.result is None for t in best):
        print(f"- could not be measured ({'; '.join(t.note for t in best if t.note)})")
        return None
    seconds = [t.seconds or 0.0 for t in best[:2]]  # measured (checked above)
    for workers, s, t in zip((1, 2), seconds, best, strict=False):
        print(
            f"- workers={workers}: {s:.2f} s, {fmt_rate(chars / s)} chars/s, {t.result:,} mentions"
        )
    speedup = seconds[0] / seconds[1]
    print(f"- speed-up: {speedup:.2f}x")
    t1, t2 = ceiling.best_pair()
    print(
        f"- the machine's ceiling in the same rounds: two started workers side by side did "
        f"{ceiling.ratio():.2f}x the work of one ({sum(map(len, part)):,} characters: "
        f"{min(ceiling.alone):.2f} s alone; {t1:.2f} s and {t2:.2f} s side by side in the "
        f"best round); extract_many reached {speedup / ceiling.ratio():.0%} of it"
    )
    # The fixed cost: four chunks' worth of text, two for each worker.
    small = repeat_to(texts, 4 * 3 * _CHUNK_CHARS)  # four chunks, ~3 bytes a character
    fixed = interleaved([runner_for(small, 1), runner_for(small, 2)], _WORKER_ROUNDS, None)
    if fixed[0].seconds is not None and fixed[1].seconds is not None:
        print(
            f"- fixed cost: on {sum(len(t) for t in small):,} characters (four chunks) "
            f"workers=2 takes {fixed[1].seconds:.3f} s, workers=1 {fixed[0].seconds:.3f} s "
            "(starting the pool, the workers' first touch of their memory)"
        )
    return speedup


# --- 6. Adversarial inputs ---------------------------------------------------------------


def adversarial(name: str, n: int, sentences: Sequence[str]) -> str:
    """The adversarial inputs of issue 6; ``n`` is the count the issue names."""
    if name == "digits":  # one number of n digits
        return "经费" + ("1234567890" * (n // 10 + 1))[:n] + "万元"
    if name == "wan":  # n 万
        return "投入1" + "万" * n + "元"
    if name == "x":  # x repeated, where a masked figure could stand
        return "共有学校" + "x" * n + "所"
    if name == "dots":  # 1.1.1.1… of n characters
        return ("1." * (n // 2 + 1))[:n]
    if name == "list":  # a 、-list of n numbers
        return "共有学校" + "、".join(str(i) for i in range(1, n + 1)) + "所"
    if name == "nopunct":  # n bytes of report text without punctuation or spaces
        text = _PUNCT_OR_SPACE.sub("", "".join(sentences))
        return synthetic(split_sentences_nopunct(text), n, seed=6)
    raise ValueError(name)


def split_sentences_nopunct(text: str) -> list[str]:
    # pieces of 60 characters, so the seeded shuffle has something to draw from
    return [text[i : i + 60] for i in range(0, len(text), 60)]


ADVERSARIAL = [
    ("digits", "one number of {n} digits", 100_000),
    ("wan", "{n} 万", 100_000),
    ("x", "x × {n}", 100_000),
    ("dots", "1.1.1.1… ({n} characters)", 100_000),
    ("list", "、-list of {n} numbers", 100_000),
    ("nopunct", "{n} without punctuation", 10 * MB),
]


def run_case(name: str, n: int, limit: float) -> None:
    """Child process: time ``extract`` on one adversarial input and on the shared reports.

    Prints one JSON line. The reports (each one a document, best of 3) are timed in the
    same process, so the ratio compares figures taken under the same load.
    """
    from edumetrics import extract

    texts = reports()
    normal = best_of(lambda: sum(len(extract(t)) for t in texts), 3, None)
    text = adversarial(name, n, split_sentences("".join(texts)))
    out: dict[str, object] = {"chars": len(text)}
    if normal.seconds:
        out["normal_us"] = normal.seconds / sum(len(t) for t in texts) * 1e6
    t = best_of(lambda: len(extract(text)), 1, limit)
    if t.seconds is not None and t.seconds < limit / 6:  # cheap: best of 3
        t = best_of(lambda: len(extract(text)), 3, limit)
    out.update(seconds=t.seconds, mentions=t.result, note=t.note)
    print(json.dumps(out))


def child_case(name: str, n: int, limit: float) -> dict[str, object]:
    argv = [sys.executable, __file__, "--case", name, "--n", str(n), "--budget", str(limit)]
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=limit + 60)
        result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    except (subprocess.TimeoutExpired, IndexError, json.JSONDecodeError):
        return {"seconds": None, "note": "child process failed or hung"}
    return result


def adversarial_section(scale: float, limit: float) -> list[Check]:
    section("Adversarial inputs of issue 6 (time per character, ÷ normal reports)")
    print(
        f"- each input in its own process with a {limit:.0f} s budget, at sizes growing 10x up "
        "to the one issue 6 names (stopping at the first over budget); 'normal' is the five "
        "shared reports, one call each, timed in the same process (best of 3)\n"
    )
    checks = []
    rows = []
    for name, label, full in ADVERSARIAL:
        target_n = max(10, int(full * scale))
        ladder = sorted({max(10, target_n // 100), max(10, target_n // 10), target_n})
        last: tuple[int, float] | None = None  # size, ratio
        failed = ""
        for n in ladder:
            res = child_case(name, n, limit)
            chars = res.get("chars")
            normal_us = res.get("normal_us")
            if res.get("seconds") is None or not isinstance(normal_us, float):
                failed = f"n={n:,}: {res.get('note')}"
                rows.append(
                    [
                        name,
                        f"{n:,}",
                        f"{chars:,}" if chars else "-",
                        "-",
                        "-",
                        "-",
                        str(res.get("note")),
                    ]
                )
                break
            seconds = float(res["seconds"])  # type: ignore[arg-type]
            us = seconds / int(chars) * 1e6  # type: ignore[call-overload]
            rows.append(
                [
                    name,
                    f"{n:,}",
                    f"{chars:,}",
                    f"{seconds:.3f} s",
                    f"{us:.3f}",
                    f"{normal_us:.3f}",
                    fmt_ratio(us / normal_us),
                ]
            )
            last = (n, us / normal_us)
        size = human(target_n) if name == "nopunct" else f"{target_n:,}"
        title = label.format(n=size)
        if scale < 1:
            title += f" (issue: {human(full) if name == 'nopunct' else f'{full:,}'})"
        target = f"issue 6, ≤ 3x normal time/char: {title}"
        if failed:
            measured = (f"{last[1]:.1f}x at n={last[0]:,}; " if last else "") + failed
            checks.append(Check(target, measured[:110], False))
        elif last is not None:
            checks.append(Check(target, fmt_ratio(last[1]), last[1] <= 3))
    print(table(["input", "n", "characters", "time", "µs/char", "normal µs/char", "ratio"], rows))
    return checks


# --- Profile -----------------------------------------------------------------------------


def profile(texts: list[str]) -> None:
    from edumetrics import extract

    for t in texts[:5]:  # warm up
        extract(t)
    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        extract(t)
    prof.disable()
    stats = pstats.Stats(prof, stream=sys.stdout).strip_dirs()
    print("## cProfile of extract over the 1 MB corpus, per document: by own time\n")
    stats.sort_stats("tottime").print_stats(25)
    print("## by cumulative time\n")
    stats.sort_stats("cumulative").print_stats(25)


# --- Main --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    corpus: int
    synthetic: int
    docs: list[int]
    cli: list[int]
    many: int
    adversarial_scale: float
    budget: float
    dense: int  # copies of the county report in the dense report of the whole-document table
    long: int  # and in the long one
    folder: int  # the folder the CLI reads in that table
    growth: list[int]  # one document as it grows, dense and seeds
    single: list[int]  # one text file through the CLI (memory)
    single_budget: float


FULL = Plan(
    MB, 10 * MB, [KB, 100 * KB, MB, 10 * MB], [20 * MB, 200 * MB], 10 * MB, 1.0, 60,
    200, 3000, 10 * MB, [100 * KB, MB, 10 * MB, 50 * MB], [3 * MB, 300 * MB], 1200,
)  # fmt: skip
QUICK = Plan(
    MB // 4, 2 * MB, [KB, 100 * KB, MB], [2 * MB, 20 * MB], 2 * MB, 0.1, 15,
    200, 1000, 2 * MB, [100 * KB, MB, 5 * MB], [3 * MB, 30 * MB], 300,
)  # fmt: skip


def issue21_checks(
    documents: dict[str, DocRow], growth: dict[str, dict[int, float]], single: dict[int, CliRun]
) -> list[Check]:
    checks = []
    for label, cn2an_need in (("dense", 3.0), ("seeds", 5.0)):
        row = documents[label]
        for peer, need in (("cn2an transform", cn2an_need), (_DOCUMENT_PEERS[1], 2.0)):
            r = row.ratio(peer)
            checks.append(
                Check(
                    f"issue 21: extract ≥ {need:.0f}x {peer.split()[0]} ({row.label})",
                    f"{fmt_ratio(r)} ({row.us_per_figure()} µs per figure)",
                    None if r is None else r >= need,
                )
            )
    for kind, ns in growth.items():
        small, big = min(ns), max(ns)
        g = ns[big] / ns[small]
        checks.append(
            Check(
                f"issue 21: time per char at {human(big)} ≤ 1.2x at {human(small)} ({kind})",
                f"{ns[big]:,.0f} vs {ns[small]:,.0f} ns ({g:.2f}x)",
                g <= 1.2,
            )
        )
    small_file, large_file = min(single), max(single)
    big_run = single[large_file]
    g = big_run.peak_mib / single[small_file].peak_mib
    checks.append(
        Check(
            f"issue 21: CLI peak RSS on one {human(large_file)} file < 2x one of "
            f"{human(small_file)}",
            f"{big_run.peak_mib:,.0f} vs {single[small_file].peak_mib:,.0f} MiB ({g:.1f}x"
            + (f"; exit {big_run.status}" if big_run.status else "")
            + ")",
            g < 2 and big_run.status == 0,
        )
    )
    return checks


def summary(
    plan: Plan,
    rates: dict[tuple[str, str], Rate],
    labels: tuple[str, str],
    import_s: float,
    speeds: dict[int, float],
    cli: dict[int, CliRun],
    speedups: dict[str, float | None],
    adv: list[Check],
    documents: dict[str, DocRow],
    growth: dict[str, dict[int, float]],
    single: dict[int, CliRun],
) -> list[Check]:
    per_sentence, per_document = labels
    checks = []
    checks.extend(issue21_checks(documents, growth, single))

    def ratio(label: str, peer: str) -> float | None:
        ours = rates[(label, "edumetrics extract")].chars_per_s
        theirs = rates[(label, peer)].chars_per_s
        return None if ours is None or theirs is None else ours / theirs

    for peer, need in [
        ("chinese2digits takeNumberFromString", 1.0),
        ("jionlp ner.extract_money", 1.0),
        ("cn2an transform", 3.0),
    ]:
        s, d = ratio(per_sentence, peer), ratio(per_document, peer)
        checks.append(
            Check(
                f"extract ≥ {need:.0f}x {peer.split()[0]} "
                f"({human(plan.corpus)} corpus, per sentence)",
                f"{fmt_ratio(s)} (per document {fmt_ratio(d)})",
                None if s is None else s >= need,
            )
        )
    peers = [
        (n, ratio(per_sentence, n))
        for (lab, n) in rates
        if lab == per_sentence and n not in ("edumetrics extract", "regex.finditer (floor)")
    ]
    measured = [(n, r) for n, r in peers if r is not None]
    if measured:
        name, r = min(measured, key=lambda p: p[1])
        checks.append(
            Check(
                "stretch: extract ≥ 2x the fastest peer (per sentence)",
                f"{fmt_ratio(r)} of {name.split()[0]}",
                r >= 2,
            )
        )
    checks.append(Check("import edumetrics < 0.3 s", f"{import_s:.3f} s", import_s < 0.3))
    big, ref = max(speeds), 100 * KB
    lin = speeds[big] / speeds[ref]
    checks.append(
        Check(
            f"linear: chars/s at {human(big)} within 20% of 100 KB",
            f"{fmt_rate(speeds[big])} vs {fmt_rate(speeds[ref])} chars/s ({lin:.2f})",
            abs(1 - lin) <= 0.2,
        )
    )
    small, large = min(cli), max(cli)
    peak = cli[large].peak_mib
    checks.append(
        Check(
            f"CLI peak RSS < 200 MB ({human(large)} of reports)",
            f"{peak:.1f} MiB ({peak * 2**20 / MB:.0f} MB)",
            peak * 2**20 < 200 * MB and cli[large].status == 0,
        )
    )
    flat = peak / cli[small].peak_mib
    checks.append(
        Check(
            f"CLI memory flat: peak at {human(large)} ≤ 1.2x peak at {human(small)}",
            f"{peak:.1f} vs {cli[small].peak_mib:.1f} MiB ({flat:.2f}x)",
            flat <= 1.2,
        )
    )
    for case, where in [("script", "script"), ("threads", "process running threads")]:
        speedup = speedups.get(case)
        checks.append(
            Check(
                f"extract_many workers=2 ≥ 1.7x workers=1 ({where})",
                fmt_ratio(speedup),
                None if speedup is None else speedup >= 1.7,
            )
        )
    checks.extend(adv)
    checks.append(
        Check("no accuracy given up (shared-corpus score)", "not measured by this script", None)
    )
    return checks


def documents_only(plan: Plan, all_tools: list[Tool], texts: list[str]) -> int:
    """``--documents``: the sections of issue 21 alone, and their targets."""
    documents = documents_section(all_tools, document_cases(plan, texts), plan.folder, plan.budget)
    growth = document_linearity_section(plan.growth)
    single = single_file_section(plan.single, plan.single_budget)
    api_memory_section(3 * MB)
    checks = issue21_checks(documents, growth, single)
    section("Summary")
    print(
        table(["target", "measured", "result"], [[c.target, c.measured, c.verdict] for c in checks])
    )
    return 0


def document_cases(plan: Plan, texts: list[str]) -> list[tuple[str, str, list[str]]]:
    return [
        ("seeds", f"the {len(texts)} shared reports, one call each", texts),
        (
            "dense",
            f"a dense report (the county report × {plan.dense:,})",
            [dense_copies(plan.dense)],
        ),
        ("long", f"a long one (the county report × {plan.long:,})", [dense_copies(plan.long)]),
    ]


def size_arg(text: str) -> int:
    """``50M``, ``300M``, ``500K``: a size in bytes (1 MB = 1,000,000 bytes)."""
    units = {"K": KB, "M": MB, "G": 1000 * MB}
    text = text.strip().upper()
    if text[-1:] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller corpora, same sections")
    parser.add_argument(
        "--profile", action="store_true", help="print a cProfile of extract on the corpus and exit"
    )
    parser.add_argument(
        "--documents",
        action="store_true",
        help="only the whole-document sections (the first table, growth, one large file)",
    )
    parser.add_argument(
        "--growth-to",
        type=size_arg,
        metavar="SIZE",
        help="grow the one-document table to SIZE (e.g. 50M; default 5M with --quick, else 50M)",
    )
    parser.add_argument(
        "--single-to",
        type=size_arg,
        metavar="SIZE",
        help="the larger text file of the CLI memory table (e.g. 300M; default 30M with "
        "--quick, else 300M)",
    )
    parser.add_argument("--case", help=argparse.SUPPRESS)  # child: one adversarial input
    parser.add_argument("--workers-case", help=argparse.SUPPRESS)  # child: see WORKER_CASES
    parser.add_argument("--memory-case", help=argparse.SUPPRESS)  # child: api_memory_section
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--budget", type=float, default=60, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.case:
        run_case(args.case, args.n, args.budget)
        return 0
    if args.workers_case:
        run_workers_case(args.workers_case, args.n)
        return 0
    if args.memory_case:
        run_memory_case(args.memory_case, args.n)
        return 0
    plan = QUICK if args.quick else FULL
    if args.growth_to:
        grown = [size for size in (100 * KB, MB, 10 * MB) if size < args.growth_to]
        plan = replace(plan, growth=[*grown, args.growth_to])
    if args.single_to:  # (a large file takes minutes: the budget grows with it)
        budget = max(plan.single_budget, 10 * args.single_to / MB)
        plan = replace(plan, single=[3 * MB, args.single_to], single_budget=budget)
    texts = reports()
    docs = repeat_to(texts, plan.corpus)
    if args.profile:
        profile(docs)
        return 0

    started = time.perf_counter()
    print("# edumetrics benchmark" + (" (--quick)" if args.quick else ""))
    given = sys.argv[1:] if argv is None else list(argv)
    print(f"\n`{' '.join(['python benchmarks/bench.py', *given])}`\n")
    print("\n".join(machine()))

    sentences = split_sentences("".join(texts))
    big = synthetic(sentences, plan.synthetic, seed=plan.synthetic)
    corpus_sentences = [s for d in docs for s in split_sentences(d)]
    per_sentence = f"{human(plan.corpus)} corpus, per sentence"
    per_document = f"{human(plan.corpus)} corpus, per document"
    corpora = [
        (per_sentence, corpus_sentences),
        (per_document, docs),
        (f"{human(plan.synthetic)} synthetic, per sentence", split_sentences(big)),
        (f"{human(plan.synthetic)} synthetic, one document", [big]),
    ]
    all_tools = tools()
    for tool in all_tools:
        if tool.missing:
            print(f"- {tool.name}: cannot run here ({tool.missing})")
    if args.documents:
        return documents_only(plan, all_tools, texts)
    documents = documents_section(all_tools, document_cases(plan, texts), plan.folder, plan.budget)
    rates = throughput_section(all_tools, corpora, plan.budget)
    del big, corpora

    import_s = import_section()
    growth = document_linearity_section(plan.growth)
    speeds = linearity_section(sentences, plan.docs)
    cli = cli_section(sentences, plan.cli)
    single = single_file_section(plan.single, plan.single_budget)
    api_memory_section(3 * MB)
    speedups = workers_section(plan.many)
    adv = adversarial_section(plan.adversarial_scale, plan.budget)

    checks = summary(
        plan, rates, (per_sentence, per_document), import_s, speeds, cli, speedups, adv,
        documents, growth, single,
    )  # fmt: skip
    section("Summary")
    print(
        table(["target", "measured", "result"], [[c.target, c.measured, c.verdict] for c in checks])
    )
    fails = sum(c.ok is False for c in checks)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(
        f"\n{fails} of {len(checks)} targets failed; run took "
        f"{time.perf_counter() - started:.0f} s; load average at the end {load}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
