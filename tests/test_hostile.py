"""Issue 24: hostile files, endless inputs, interrupted runs.

Each attack runs where a hang or a blow-up cannot take the test run down with it: in a
child process killed after a generous bound in seconds (a hostile input took tens of
seconds to minutes, or never ended; the fixed code needs well under a second), or with
memory counted in bytes. No bound here measures speed.
"""

from __future__ import annotations

import errno
import itertools
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import edumetrics.batch
from _documents import make_docx, make_pdf
from edumetrics import (
    DocumentError,
    Extraction,
    MissingExtraError,
    cli,
    extract_many,
    read_document,
)
from edumetrics.readers import MAX_BYTES

BOUND = 30.0  # seconds for a child that should take well under one


MEMORY = 3 << 30  # bytes of address space for a child: an endless read fails, not the host


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_bounded(
    command: list[str], timeout: float, **options: Any
) -> subprocess.CompletedProcess[Any]:
    """Run ``command`` in a child with its memory limited; a hang fails the test instead of
    blocking it."""
    try:
        return subprocess.run(
            command,
            capture_output=True,
            timeout=timeout,
            check=False,
            preexec_fn=_limit_memory if os.name == "posix" else None,
            **options,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {timeout} s")


def run_python(code: str, *args: str, timeout: float = BOUND) -> subprocess.CompletedProcess[str]:
    """Run ``code`` (given ``args``) in a fresh interpreter, bounded (see run_bounded)."""
    command = [sys.executable, "-c", textwrap.dedent(code), *args]
    return run_bounded(command, timeout, text=True)


# --- HTML nested without end ----------------------------------------------------------
NESTED = {
    # 1.1 MB; the parser took 30 s, the unclosed one 76 s
    "nested-div": "'<div>' * 100_000 + '学校3所' + '</div>' * 100_000",
    "unclosed-div-span-b": "'<div><span><b>' * 100_000 + '学校3所'",
    # not deep, but wide at depth: 5,000 levels holding 200,000 paragraphs
    "wide-at-depth": "'<div>' * 5_000 + '<p>学校3所</p>' * 200_000",
}


@pytest.mark.parametrize("expr", list(NESTED.values()), ids=list(NESTED))
def test_deeply_nested_html_is_one_failed_file(tmp_path: Path, expr: str) -> None:
    page = tmp_path / "deep.html"
    done = run_python(f"""
        from pathlib import Path
        from edumetrics import DocumentError, read_document
        Path({str(page)!r}).write_text({expr}, encoding="utf-8")
        try:
            read_document({str(page)!r})
        except DocumentError as exc:
            print(exc.reason)
    """)
    assert (done.returncode, "nested" in done.stdout) == (0, True), done.stderr[-500:]


def test_a_page_nested_a_few_hundred_deep_still_reads(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<div>" * 300 + "新建学校3所" + "</div>" * 300, encoding="utf-8")
    assert read_document(page).text == "新建学校3所"


def test_tags_in_scripts_and_comments_do_not_count_as_nesting(tmp_path: Path) -> None:
    page = tmp_path / "script.html"
    noise = "<div>" * 2_000
    page.write_text(
        f"<script>var s = '{noise}';</script><!-- {noise} --><p>新建学校3所</p>",
        encoding="utf-8",
    )
    assert read_document(page).text == "新建学校3所"


def test_deep_nesting_error_is_a_document_error(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<div>" * 5_000, encoding="utf-8")
    with pytest.raises(DocumentError, match="nested more than 1,000 elements deep"):
        read_document(page)


# --- Files that never end or explode --------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_unread() -> None:
    """/dev/zero was read until memory ran out."""
    done = run_python("""
        from edumetrics import DocumentError, read_document
        try:
            read_document("/dev/zero")
        except DocumentError as exc:
            print(exc.reason)
    """)
    assert done.stdout.strip() == "not a regular file (a device, pipe or socket)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    """A FIFO given as a path blocked forever."""
    fifo = tmp_path / "b.txt"
    os.mkfifo(fifo)
    done = run_python(f"""
        from edumetrics import DocumentError, read_document
        try:
            read_document({str(fifo)!r})
        except DocumentError as exc:
            print(exc.reason)
    """)
    assert done.stdout.strip() == "not a regular file (a device, pipe or socket)"


@pytest.mark.parametrize("suffix", [".txt", ".html", ".pdf", ".docx"])
def test_a_file_beyond_the_size_limit_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"big{suffix}"
    path.write_bytes(b"x" * 2_000)
    with pytest.raises(DocumentError, match=r"larger than the size limit of 1,000 bytes"):
        read_document(path, max_bytes=1_000)
    assert MAX_BYTES == 100 * 1024 * 1024


def _bomb_docx(tmp_path: Path, inflated: int, stated: int | None = None) -> Path:
    """A valid .docx whose body XML is padded to ``inflated`` bytes (it deflates to about
    a thousandth); with ``stated``, the zip's directory understates that size."""
    source = make_docx(tmp_path / "source.docx", ["新建学校3所。"])
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename != "word/document.xml":
                zout.writestr(info, data)
                continue
            head, tail = data.split(b"<w:body>", 1)
            with zout.open("word/document.xml", "w", force_zip64=True) as member:
                member.write(head + b"<w:body>")
                pad = b" " * (1 << 20)
                for _ in range(inflated // len(pad)):
                    member.write(pad)
                member.write(tail)
    if stated is not None:  # the central directory's "uncompressed size" of the body
        raw = bytearray(bomb.read_bytes())
        name = b"word/document.xml"
        entry = raw.rindex(b"PK\x01\x02", 0, raw.rindex(name))
        raw[entry + 24 : entry + 28] = stated.to_bytes(4, "little")
        bomb.write_bytes(bytes(raw))
    return bomb


@pytest.mark.parametrize("stated", [None, 1_000], ids=["honest-directory", "lying-directory"])
def test_a_docx_zip_bomb_is_refused_in_bounded_memory(tmp_path: Path, stated: int | None) -> None:
    """A 400 KB .docx inflating to 400 MB peaked at twice that, then was read or called
    corrupt; it is refused having inflated at most the size limit, piece by piece."""
    bomb = _bomb_docx(tmp_path, 400 << 20, stated)
    assert bomb.stat().st_size < 2 << 20
    done = run_python(f"""
        import resource
        from edumetrics import DocumentError, read_document
        try:
            read_document({str(bomb)!r})
        except DocumentError as exc:
            print(exc.reason)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)  # MiB
    """)
    reason, peak_mib = done.stdout.strip().splitlines()
    expected = "zip bomb" if stated is None else "corrupt"
    assert (expected in reason, int(peak_mib) < 300) == (True, True), (reason, peak_mib)


def test_a_docx_that_declares_xml_entities_is_refused(tmp_path: Path) -> None:
    """The text after an entity reference was silently lost."""
    source = make_docx(tmp_path / "source.docx", ["新建学校3所。", "招生1200人。"])
    hostile = tmp_path / "entity.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(hostile, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                head, rest = data.split(b"?>", 1)
                declared = '<!DOCTYPE w:document [<!ENTITY e "学校">]>'.encode()
                data = (
                    head + b"?>" + declared + rest.replace("新建学校".encode(), "新建&e;".encode())
                )
            zout.writestr(info, data)
    with pytest.raises(DocumentError, match="declares entities"):
        read_document(hostile)


def test_pypdf_warnings_stay_off_standard_error(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "dup.pdf", ["新建学校3所。"])
    # a repeated key in a dictionary: pypdf logs "Multiple definitions in dictionary"
    pdf.write_bytes(pdf.read_bytes().replace(b"/Type /Catalog", b"/Type /Catalog /Type /Catalog"))
    command = [sys.executable, "-m", "edumetrics", "extract", "-f", "jsonl", str(pdf)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=BOUND, check=False)
    assert (done.returncode, done.stderr, len(done.stdout.splitlines())) == (0, "", 1)


# --- The command line on endless inputs, odd names, deep trees --------------------------
EXAMPLE = Path(__file__).parent.parent / "examples" / "county_report.txt"
CORPUS = sorted((Path(__file__).parent / "data" / "corpus").glob("*.txt"))


def run_cli(
    *args: str, stdin: Any = None, timeout: float = BOUND
) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "edumetrics", *args]
    return run_bounded(command, timeout, stdin=stdin)


@pytest.mark.skipif(not (hasattr(os, "mkfifo") and Path("/dev/zero").exists()), reason="POSIX")
def test_endless_and_blocking_files_in_a_tree_are_one_line_each(tmp_path: Path) -> None:
    """A link to /dev/zero ran out of memory and lost every later file; a FIFO blocked."""
    shutil.copy(EXAMPLE, tmp_path / "a.txt")
    (tmp_path / "b.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "c.txt")
    shutil.copy(EXAMPLE, tmp_path / "d.txt")
    done = run_cli("extract", "-r", "-f", "jsonl", str(tmp_path))
    docs = {json.loads(line)["doc"] for line in done.stdout.splitlines()}
    refused = "not a regular file (a device, pipe or socket)"
    assert (done.returncode, docs, done.stderr.decode().splitlines()) == (
        1,
        {str(tmp_path / "a.txt"), str(tmp_path / "d.txt")},  # the path as given
        [f"edumetrics: {tmp_path / name}: {refused}" for name in ("b.txt", "c.txt")],
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_standard_input_stops_at_the_size_limit() -> None:
    with open("/dev/zero", "rb") as zeros:
        done = run_cli("extract", "--max-size", "1M", "-", str(EXAMPLE), stdin=zeros)
    assert (done.returncode, done.stderr.decode()) == (
        1,
        "edumetrics: <stdin>: larger than the size limit of 1 MiB (max_bytes, --max-size)\n",
    )
    assert b"county_report.txt" in done.stdout  # the next file is still done


def test_max_size_skips_larger_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text("新建学校3所。", encoding="utf-8")
    large.write_text("新建学校3所。" * 1000, encoding="utf-8")
    status = cli.main(["extract", "-f", "jsonl", "--max-size", "2K", str(small), str(large)])
    out, err = capsys.readouterr()
    assert (status, len(out.splitlines()), err) == (
        1,
        1,
        f"edumetrics: {large}: larger than the size limit of 2,048 bytes (max_bytes, --max-size)\n",
    )


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux")
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table", "parquet"])
def test_names_that_are_not_utf8_are_written_escaped(tmp_path: Path, fmt: str) -> None:
    """A GBK-encoded name (a Windows zip unpacked here) crashed every format."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("新建学校3所。", encoding="utf-8")
    gbk = os.fsdecode("报告".encode("gbk") + b".txt")  # 'b\udcb1...': surrogate escapes
    (folder / gbk).write_text("新建学校4所。", encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    done = run_cli("extract", "-r", "-f", fmt, str(folder), "-o", str(out))
    if fmt == "parquet":
        import pyarrow.parquet as pq

        text = "\n".join(pq.read_table(out).column("doc").to_pylist())
    else:
        text = out.read_text(encoding="utf-8")
    escaped = "\\xb1\\xa8\\xb8\\xe6.txt"
    assert (done.returncode, done.stderr, escaped in text.replace("\\\\", "\\")) == (0, b"", True)


def test_a_newline_in_a_name_is_escaped_in_the_table(tmp_path: Path) -> None:
    name = tmp_path / "a\nb.txt"
    name.write_text("新建学校3所。", encoding="utf-8")
    done = run_cli("extract", str(name))
    assert done.stdout.decode().splitlines()[0] == f"== {tmp_path}/a\\nb.txt: 1 mention"


def test_a_tree_a_thousand_folders_deep_is_walked(tmp_path: Path) -> None:
    """1,100 levels gave a RecursionError (on Python 3.12 and later, whose generators
    count against the recursion limit)."""
    folder = tmp_path / "deep"
    levels = [folder, *(folder / ("d/" * n).rstrip("/") for n in range(1, 1_101))]
    for level in levels:  # not mkdir(parents=True): it recurses
        level.mkdir()
    try:
        (levels[-1] / "x.txt").write_text("新建学校5所。", encoding="utf-8")
        done = run_cli("extract", "-r", "-f", "jsonl", str(folder))
        values = [json.loads(line)["value"] for line in done.stdout.splitlines()]
        assert (done.returncode, values) == (0, [5])
    finally:  # removed here: shutil.rmtree, which pytest cleans up with, recurses too
        (levels[-1] / "x.txt").unlink(missing_ok=True)
        for level in reversed(levels):
            level.rmdir()


# --- A missing extra is one failed file (issue 22) ------------------------------------


@pytest.fixture
def core_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """As with ``pip install edumetrics``: the HTML reader's library cannot be imported."""
    monkeypatch.setitem(sys.modules, "selectolax", None)
    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)


@pytest.mark.usefixtures("core_install")
def test_a_file_needing_a_missing_extra_is_one_failed_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(EXAMPLE, tmp_path / "a.txt")
    (tmp_path / "b.html").write_text("<p>新建学校3所。</p>", encoding="utf-8")
    shutil.copy(EXAMPLE, tmp_path / "c.txt")
    out = tmp_path / "out.jsonl"
    status = cli.main(["extract", "-r", str(tmp_path), "-o", str(out)])
    err = capsys.readouterr().err
    docs = {json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert (status, docs, err) == (
        1,
        {str(tmp_path / "a.txt"), str(tmp_path / "c.txt")},  # the path as given
        f"edumetrics: {tmp_path / 'b.html'}: reading HTML files needs the optional 'html' "
        "extra: pip install 'edumetrics[html]'\n",
    )


@pytest.mark.usefixtures("core_install")
def test_extract_many_reports_a_missing_extra_for_that_document(tmp_path: Path) -> None:
    page = tmp_path / "b.html"
    page.write_text("<p>新建学校3所。</p>", encoding="utf-8")
    results = list(extract_many([EXAMPLE, page, "新建学校3所。"]))
    assert [r.ok for r in results] == [True, False, True]
    error = results[1].error
    assert error is not None
    assert (error.path, isinstance(error.__cause__, MissingExtraError)) == (str(page), True)
    assert "pip install 'edumetrics[html]'" in error.reason
    with pytest.raises(DocumentError, match=r"edumetrics\[html\]"):
        list(extract_many([EXAMPLE, page], on_error="raise"))


# --- Interrupted and failing batches ---------------------------------------------------
TEXTS = [p.read_text(encoding="utf-8") for p in CORPUS]


@pytest.fixture
def forked_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers forked from this process, so what a test patches here is patched there;
    and every document its own chunk."""
    if sys.platform != "linux":
        pytest.skip("workers are forked from the calling process on Linux only")
    monkeypatch.setattr(edumetrics.batch, "_os_threads", lambda: 1)
    monkeypatch.setattr(edumetrics.batch, "_CHUNK_CHARS", 1)


def _killing(marker: Path | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the text "KILL" kill the worker extracting it: always, or (with ``marker``)
    only the first time, as the out-of-memory killer would."""
    real = edumetrics.batch._extract_rows

    def rows(text: str, rules: Any) -> Any:
        if text == "KILL" and (marker is None or not marker.exists()):
            if marker is not None:
                marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return real(text, rules)

    monkeypatch.setattr(edumetrics.batch, "_extract_rows", rows)


@pytest.mark.usefixtures("forked_workers")
def test_a_worker_killed_once_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed mid-batch raised BrokenProcessPool after a few hundred results."""
    _killing(tmp_path / "killed-once", monkeypatch)
    items = [*TEXTS, "KILL", *TEXTS]
    results = list(extract_many(items, workers=2))
    assert results == list(extract_many(items))
    assert (tmp_path / "killed-once").exists()


@pytest.mark.usefixtures("forked_workers")
def test_a_document_that_kills_its_worker_twice_is_that_documents_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _killing(None, monkeypatch)
    items = [*TEXTS, "KILL", *TEXTS]
    results = list(extract_many(items, workers=2))
    failed = [(r.doc, r.error.reason) for r in results if r.error is not None]
    assert failed == [(f"<text {len(TEXTS)}>", edumetrics.batch._DIED)]
    expected = [r for r in extract_many(items) if r.doc != f"<text {len(TEXTS)}>"]
    assert [r for r in results if r.ok] == expected


def _refuse(self: str, *args: object, **kwargs: object) -> Any:
    raise RuntimeError("not today")


# A text whose methods raise (a str subclass from some other library): it aborted the batch.
Hostile = type(
    "Hostile",
    (str,),
    dict.fromkeys(
        [
            "__len__",
            "__iter__",
            "__getitem__",
            "__contains__",
            "__hash__",
            "__eq__",
            "__add__",
            "__getnewargs__",
            "__reduce__",
            "__reduce_ex__",
            "find",
            "index",
            "startswith",
            "endswith",
            "encode",
            "translate",
            "replace",
            "strip",
            "split",
            "splitlines",
            "isdigit",
        ],
        _refuse,
    ),
)


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.usefixtures("forked_workers")
def test_a_hostile_str_subclass_is_read_as_its_text(workers: int) -> None:
    items = [TEXTS[0], Hostile("新建学校3所。"), TEXTS[1]]
    results = list(extract_many(items, workers=workers))
    assert [(r.ok, len(r.mentions) > 0) for r in results] == [(True, True)] * 3


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.usefixtures("forked_workers")
def test_an_extraction_that_fails_is_that_documents_error(
    workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_rows, real_extract = edumetrics.batch._extract_rows, edumetrics.batch.extract

    def broken(real: Any) -> Any:
        def extract(text: str, rules: Any) -> Any:
            if text == "BUG":
                raise ZeroDivisionError("a bug")
            return real(text, rules)

        return extract

    monkeypatch.setattr(edumetrics.batch, "_extract_rows", broken(real_rows))
    monkeypatch.setattr(edumetrics.batch, "extract", broken(real_extract))
    results = list(extract_many([TEXTS[0], "BUG", TEXTS[1]], workers=workers))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error is not None
    assert results[1].error.reason == "extraction failed: ZeroDivisionError('a bug')"


@pytest.mark.parametrize("workers", [1, 2])
def test_an_items_iterable_that_raises_keeps_the_results_before(workers: int) -> None:
    """With workers, a generator raising at item 300 gave no result at all."""

    def items() -> Iterator[str]:
        for i in range(300):
            yield TEXTS[i % len(TEXTS)]
        raise OSError("the source went away")

    results: list[Extraction] = []
    with pytest.raises(OSError, match="the source went away"):
        results.extend(extract_many(items(), workers=workers))
    assert len(results) == 300


def test_workers_are_capped_and_read_ahead_is_bounded() -> None:
    """workers=16 on 2 CPUs forked 16 processes and read 16,698 texts ahead."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cap = max(2, cpus or 1)
    taken = 0

    def texts() -> Iterator[str]:
        nonlocal taken
        for i in itertools.count():
            taken += 1
            yield TEXTS[i % len(TEXTS)]

    results = extract_many(texts(), workers=16)
    next(results)
    children = len(multiprocessing.active_children())
    results.close()  # type: ignore[attr-defined]
    average = sum(map(len, TEXTS)) / len(TEXTS)
    chunk_texts = edumetrics.batch._CHUNK_CHARS / average + 1
    read_ahead = (cap * edumetrics.batch._CHUNKS_IN_FLIGHT_PER_WORKER + 1) * chunk_texts
    assert (children <= cap, taken <= read_ahead) == (True, True), (children, taken)


# Large documents quick to read: each worker spends much of its time writing its result
# (the document's text goes back with it), where a worker killed on the way hung the run.
_STOPPING = """
    import sys
    from pathlib import Path
    from edumetrics import extract_many

    files = [Path(p) for p in sys.argv[1:]]
    for _ in range({stops}):
        results = extract_many(files * 10, workers=2)
        next(results)
        results.close()
    print("stopped")
"""


@pytest.mark.slow
def test_stopping_early_again_and_again_never_hangs(tmp_path: Path) -> None:
    """Stopped early, workers were killed, some while writing a result: the executor's
    thread then waited for the rest of it and the interpreter hung at exit, in 11 of 25
    single early stops of this kind (so about every time in 20)."""
    files = [tmp_path / f"{i}.txt" for i in range(4)]
    for f in files:
        f.write_text("各校认真落实教育工作部署，稳步推进课程改革。" * 20_000, encoding="utf-8")
    code = textwrap.dedent(_STOPPING.format(stops=20))
    done = run_python(code, *map(str, files), timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (0, "stopped\n", "")


@pytest.mark.usefixtures("forked_workers")
def test_stopping_early_ends_the_document_a_worker_is_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A worker asked to stop ends the document it reads then, not a minute later."""
    real = edumetrics.batch._extract_rows

    def rows(text: str, rules: Any) -> Any:
        if text == "SLOW":
            time.sleep(60)
        return real(text, rules)

    monkeypatch.setattr(edumetrics.batch, "_extract_rows", rows)
    results = extract_many(["新建小学3所。", *["SLOW"] * 4], workers=2)
    first = next(results)
    started = time.monotonic()
    results.close()  # type: ignore[attr-defined]
    assert (first.doc, time.monotonic() - started < BOUND) == ("<text 0>", True)
    assert multiprocessing.active_children() == []


def _tree(tmp_path: Path, copies: int) -> Path:
    folder = tmp_path / "tree"
    folder.mkdir()
    for i in range(copies):
        shutil.copy(CORPUS[i % len(CORPUS)], folder / f"{i:04}.txt")
    return folder


# reports in a tree that keeps two workers busy for some seconds (400 took about one
# second of a compiled build, and a Ctrl-C sent a second in once found the work done)
_BUSY = 4000


def _start(*args: str, settle: float = 0.5) -> subprocess.Popen[bytes]:
    """The command in a process group of its own (as a shell runs a job), ``settle``
    seconds after its workers have started."""
    command = [sys.executable, "-m", "edumetrics", *args]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.monotonic() + BOUND
    while len(_children(process.pid)) < 2:
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            pytest.fail("the workers did not start")
        time.sleep(0.05)
    time.sleep(settle)
    # the signal is meant to find the command at work: a tree it got through first
    # would make an exit 0 right, and the test wrong
    assert process.poll() is None, "the command finished before the signal: a larger tree"
    return process


def _children(pid: int) -> list[int]:
    """Live child processes of ``pid``, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == str(pid) and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _finish(process: subprocess.Popen[bytes], workers: list[int]) -> tuple[int, bytes, list[int]]:
    try:
        _, err = process.communicate(timeout=BOUND)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("hung after the signal")
    deadline = time.monotonic() + 5
    while (
        alive := [w for w in workers if Path(f"/proc/{w}").exists()]
    ) and time.monotonic() < deadline:
        time.sleep(0.05)
    return process.returncode, err, alive


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_ctrl_c_with_workers_exits_130_quietly_every_time(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the process group) hung in 3 of 6 tries, or printed the
    workers' tracebacks."""
    folder = _tree(tmp_path, _BUSY)
    outcomes = []
    settles = [0, 0, 0.05, 0.1, 0.3, 1.0]  # from just started to deep in the work
    for settle in settles:
        process = _start("extract", "-r", "-j", "2", "-f", "jsonl", str(folder), settle=settle)
        workers = _children(process.pid)
        os.killpg(process.pid, signal.SIGINT)
        outcomes.append(_finish(process, workers))
    assert outcomes == [(130, b"", [])] * len(settles)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_sigterm_stops_the_workers_and_removes_the_temporary_file(tmp_path: Path) -> None:
    """SIGTERM left both workers running forever and a .part file of several MB."""
    folder = _tree(tmp_path, _BUSY)
    out = tmp_path / "out" / "mentions.jsonl"
    out.parent.mkdir()
    process = _start("extract", "-r", "-j", "2", str(folder), "-o", str(out))
    workers = _children(process.pid)
    process.terminate()  # the parent only, as kill(1) does
    assert _finish(process, workers) == (143, b"", [])
    assert list(out.parent.iterdir()) == []


# --- Output that cannot be written -----------------------------------------------------


def test_output_onto_a_directory_is_one_line_and_exit_3(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    done = run_cli("extract", str(EXAMPLE), "-o", str(target))
    assert (done.returncode, done.stderr.decode()) == (
        3,
        f"edumetrics: cannot write {target}: is a directory\n",
    )
    assert (list(tmp_path.iterdir()), list(target.iterdir())) == ([target], [])


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc")
def test_output_into_proc_is_one_line_and_exit_3() -> None:
    done = run_cli("extract", str(EXAMPLE), "-o", "/proc/mentions.jsonl")
    assert (done.returncode, done.stderr.decode().count("\n")) == (3, 1)
    assert done.stderr.startswith(b"edumetrics: cannot write /proc/mentions.jsonl: ")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_exit_3() -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "edumetrics", "extract", str(EXAMPLE)],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=BOUND,
            check=False,
        )
    assert (done.returncode, done.stderr.decode()) == (
        3,
        "edumetrics: cannot write standard output: No space left on device\n",
    )


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="needs /dev/stdout")
def test_output_to_dev_stdout_is_written_directly() -> None:
    done = run_cli("extract", "-f", "jsonl", str(EXAMPLE), "-o", "/dev/stdout")
    assert (done.returncode, done.stderr) == (0, b"")
    assert json.loads(done.stdout.splitlines()[0])["doc"] == str(EXAMPLE)


def test_a_read_only_filesystem_is_one_line_and_exit_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    status = cli.main(["extract", str(EXAMPLE), "-o", str(tmp_path / "out.jsonl")])
    assert (status, capsys.readouterr().err) == (
        3,
        f"edumetrics: cannot write {tmp_path / 'out.jsonl'}: Read-only file system\n",
    )


def test_a_write_failing_midway_removes_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(self: object, result: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(cli._JsonlSink, "write", full)
    out = tmp_path / "out.jsonl"
    status = cli.main(["extract", str(EXAMPLE), "-o", str(out)])
    assert (status, capsys.readouterr().err, list(tmp_path.iterdir())) == (
        3,
        f"edumetrics: cannot write {out}: No space left on device\n",
        [],
    )
