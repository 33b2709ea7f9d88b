"""edumetrics.batch: extract_many over texts, Documents and paths, in order, in processes."""

from __future__ import annotations

import pickle
import subprocess
import sys
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

import edumetrics
from edumetrics import (
    Document,
    DocumentError,
    Extraction,
    PathAsTextError,
    _build,
    extract_document,
    extract_many,
)
from edumetrics.extract import _extract_rows
from edumetrics.records import Mention, Unit

DATA = Path(__file__).parent / "data" / "corpus"
EXAMPLES = Path(__file__).parent.parent / "examples"
CORPUS = sorted(DATA.glob("*.txt"))
EXAMPLE_FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html"})


def test_items_of_every_kind_in_input_order(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    items = ["新建小学3所。", Document.from_text("投资30万元。", name="memo"), missing, CORPUS[0]]
    results = list(extract_many(items))
    assert [r.doc for r in results] == ["<text 0>", "memo", "missing.txt", CORPUS[0].name]
    assert [r.ok for r in results] == [True, True, False, True]
    assert isinstance(results[2].error, DocumentError)
    assert (results[2].text, results[2].mentions) == ("", ())
    assert results[3].document is not None
    assert results[3].document.path == str(CORPUS[0])


def test_each_result_is_extract_of_its_text() -> None:
    for result in extract_many(CORPUS):
        assert result.text == CORPUS[[p.name for p in CORPUS].index(result.doc)].read_text("utf-8")
        assert list(result.mentions) == edumetrics.extract(result.text)


# A str is a text; one that looks like a file path is an error, never a silent empty report.
PATH_STRINGS = [
    str(EXAMPLES / "county_report.txt"),  # an existing file, absolute
    "examples/county_report.txt",  # relative, as the README has it
    "reports/2023/plan.docx",  # no such file, but a document's suffix
    "统计公报.PDF",
    " data/a.html",
]
TEXTS_NOT_PATHS = ["新建小学3所。", "附件1.全县学校名单。pdf", "3所\na.txt", "小学入学率100%"]


@pytest.mark.parametrize("item", PATH_STRINGS)
def test_a_str_that_looks_like_a_path_raises(item: str) -> None:
    with pytest.raises(PathAsTextError, match=r"looks like a file path.*pathlib\.Path") as info:
        list(extract_many(["新建小学3所。", item]))
    assert info.value.text == item
    with pytest.raises(PathAsTextError):
        extract_document(item)


@pytest.mark.parametrize("item", TEXTS_NOT_PATHS)
def test_texts_are_texts(item: str) -> None:
    assert extract_document(item).text == item


def test_a_path_line_can_still_be_given_as_text() -> None:
    (result,) = extract_many([Document.from_text("examples/county_report.txt")])
    assert (result.ok, result.mentions) == (True, ())


@pytest.mark.parametrize(
    ("item", "message"),
    [(b"bytes", r"not bytes \(decode it first"), (None, "not NoneType"), (123, "not int")],
    ids=["bytes", "none", "int"],
)
def test_wrong_item_types_raise_type_error(item: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        list(extract_many([item]))  # type: ignore[list-item]


@pytest.mark.parametrize("workers", [0, -1, 1.5, True], ids=str)
def test_workers_must_be_a_positive_int(workers: object) -> None:
    with pytest.raises(ValueError, match="workers must be a positive int"):
        extract_many([], workers=workers)  # type: ignore[arg-type]


def test_extract_document() -> None:
    result = extract_document("全年投资2860万元。")
    assert (result.doc, result.ok) == ("<text>", True)
    assert extract_document(Path("/no/such/file.txt")).error is not None


def test_extraction_equality_and_pickling() -> None:
    result = extract_document(CORPUS[1])
    copy = pickle.loads(pickle.dumps(result))
    assert copy == result
    failed = extract_document(Path("/no/such.txt"))
    assert pickle.loads(pickle.dumps(failed)) == failed
    assert failed != result


def test_repr_is_short() -> None:
    result = extract_document(CORPUS[0])
    assert repr(result).startswith(f"<Extraction {CORPUS[0].name!r}: ")
    assert len(repr(result)) < 120


def test_sentence_of_a_hand_made_mention() -> None:
    text = "概况。全年投资2860万元。"
    m = Mention(
        start=7,
        end=13,
        text="2860万元",
        value=Decimal(28600000),
        unit=Unit.CNY,
        sentence_start=3,
        sentence_end=14,
    )
    assert Extraction("a.txt", text, (m,)).sentence(m) == "全年投资2860万元。"


def test_input_is_consumed_lazily() -> None:
    consumed: list[int] = []

    def texts() -> Iterator[str]:
        for i in range(1000):
            consumed.append(i)
            yield "新建小学3所。"

    results = extract_many(texts())
    next(results)
    assert len(consumed) == 1


@pytest.mark.slow
@pytest.mark.usefixtures("one_document_per_chunk", "start_method")
def test_two_workers_give_the_sequential_results_in_order(tmp_path: Path) -> None:
    items: list[object] = [*CORPUS, *EXAMPLE_FILES, tmp_path / "missing.txt"]
    items += [p.read_text("utf-8") for p in CORPUS] * 3
    sequential = list(extract_many(items))  # type: ignore[arg-type]
    parallel = list(extract_many(items, workers=2))  # type: ignore[arg-type]
    assert parallel == sequential
    assert [r.doc for r in parallel][-1] == f"<text {len(items) - 1}>"


@pytest.mark.slow
def test_stopping_early_with_workers_returns_promptly() -> None:
    results = extract_many((p for p in CORPUS * 50), workers=2)
    first = next(results)
    results.close()  # type: ignore[attr-defined]
    assert first.doc == CORPUS[0].name


def test_progress_off_a_terminal_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(list(extract_many(CORPUS, progress=True))) == len(CORPUS)
    assert capsys.readouterr().err == ""


@pytest.mark.usefixtures("one_document_per_chunk")
def test_the_progress_bar_is_made_after_the_workers_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """tqdm starts a thread, which would keep the workers from being forked."""
    import tqdm

    events: list[str] = []
    choose = edumetrics.batch._mp_context
    monkeypatch.setattr(
        edumetrics.batch, "_mp_context", lambda: events.append("workers") or choose()
    )

    class Bar(tqdm.tqdm):  # type: ignore[type-arg]
        def __init__(self, *args: object, **kwargs: object) -> None:
            events.append("bar")
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(tqdm, "tqdm", Bar)
    results = extract_many(CORPUS, workers=2, progress=True)
    assert events == []
    assert len(list(results)) == len(CORPUS)
    assert events == ["workers", "bar"]


def test_progress_without_tqdm_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    with pytest.raises(edumetrics.MissingExtraError, match=r"edumetrics\[progress\]"):
        extract_many(CORPUS, progress=True)


def test_mentions_cross_the_process_boundary_unchanged() -> None:
    """Workers send mentions back as plain rows; every field survives the round trip."""
    text = (
        "2023年全县义务教育经费标准为625元/生/年,总额2860万元,其中中心1632万元;"
        "培训23.人次;投资xx.xx万元。"
    )
    found = edumetrics.extract(text)
    rows = pickle.loads(pickle.dumps(_build.to_wire(_extract_rows(text, None))))
    rebuilt = _build.from_wire(rows, text)
    assert rebuilt == found
    assert [repr(m.value) for m in rebuilt] == [repr(m.value) for m in found]  # exponents too
    # the wire form: no text (the parent has the document), the value as its string
    assert [len(row) for row in rows] == [len(Mention.model_fields) - 1] * len(found)
    assert [row[2] for row in rows] == [None if m.value is None else str(m.value) for m in found]
    assert {f for m in found for f in type(m).model_fields if getattr(m, f) is not None} == set(
        type(found[0]).model_fields
    )


@pytest.fixture
def one_document_per_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every document its own chunk, extracted by a worker."""
    monkeypatch.setattr(edumetrics.batch, "_CHUNK_CHARS", 1)


@pytest.fixture(params=["fork", "forkserver"])
def start_method(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Workers forked from this process (as when it runs one thread), or from the fork
    server (as when it runs others)."""
    if request.param == "fork" and sys.platform != "linux":
        pytest.skip("workers are forked from the calling process on Linux only")
    threads = 1 if request.param == "fork" else 2
    monkeypatch.setattr(edumetrics.batch, "_os_threads", lambda: threads)
    assert edumetrics.batch._mp_context().get_start_method() == request.param
    return str(request.param)


@pytest.mark.skipif(sys.platform != "linux", reason="threads are counted in /proc")
def test_workers_are_forked_only_from_a_process_that_runs_one_thread() -> None:
    from edumetrics.batch import _mp_context, _os_threads

    before = _os_threads()
    if before == 1:  # (pytest may have left a thread running, tqdm's monitor)
        assert _mp_context().get_start_method() == "fork"
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert _os_threads() >= 2
        assert _mp_context().get_start_method() == "forkserver"
    finally:
        release.set()
        other.join()


@pytest.mark.usefixtures("one_document_per_chunk", "start_method")
def test_workers_use_the_rule_set_passed() -> None:
    tuition = edumetrics.Rules().with_metric("tuition", ["学费"], units=[Unit.CNY])
    texts = ["全年减免学费120万元。"] * 3
    results = list(extract_many(texts, workers=2, rules=tuition))
    assert [m.metric for r in results for m in r.mentions] == ["tuition"] * 3
    results = list(extract_many(texts, workers=2))
    assert [m.metric for r in results for m in r.mentions] == ["funding"] * 3


@pytest.mark.usefixtures("one_document_per_chunk")
def test_workers_use_the_metrics_the_caller_registered_the_deprecated_way() -> None:
    with pytest.warns(DeprecationWarning, match="deprecated"):
        edumetrics.register_metric("tuition", ["学费"], units=[Unit.CNY])
    try:
        results = list(extract_many(["全年减免学费120万元。"] * 3, workers=2))
    finally:
        with pytest.warns(DeprecationWarning, match="deprecated"):
            edumetrics.unregister_metric("tuition")
    assert [m.metric for r in results for m in r.mentions] == ["tuition"] * 3


@pytest.mark.usefixtures("one_document_per_chunk")
def test_with_workers_the_calling_process_extracts_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def in_the_caller(job: object) -> None:
        raise AssertionError(f"the calling process extracted {job}")

    monkeypatch.setattr(edumetrics.batch, "_extract_job", in_the_caller)
    texts = ["新建小学3所。", "招聘教师12名。", "投资4551万元。"]
    results = list(extract_many(texts, workers=2))
    assert [[m.text for m in r.mentions] for r in results] == [["3所"], ["12名"], ["4551万元"]]


def test_one_chunk_starts_no_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for one chunk")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    results = list(extract_many(["新建小学3所。", "招聘教师12名。"], workers=2))
    assert [len(r.mentions) for r in results] == [1, 1]


def test_work_is_cut_into_chunks_of_about_so_many_characters(tmp_path: Path) -> None:
    from edumetrics.batch import _chunks

    docs = [Document.from_text("学" * n, name=str(n)) for n in (50, 50, 50, 200, 10)]
    big = tmp_path / "big.txt"
    big.write_text("学" * 100, encoding="utf-8")  # a file weighs its bytes (300)
    jobs = [*docs, big, tmp_path / "missing.txt"]
    chunks = list(_chunks(iter(jobs), 128))
    assert [[j.name for j in c] for c in chunks] == [
        ["50", "50", "50"],
        ["200"],
        ["10", "big.txt"],
        ["missing.txt"],
    ]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("新建小学3所。", "1 mention,"),
        ("新建小学3所、初中2所。", "2 mentions,"),
        ("无。", "0 mentions,"),
    ],
)
def test_repr_counts_in_good_english(text: str, shown: str) -> None:
    assert shown in repr(extract_document(text))


# --- the __main__ guard ----------------------------------------------------------------

SCRIPT = """
import sys
import edumetrics
{imports}
texts = ["新建小学3所，初中2所。" * 20] * 100  # 240,000 characters: two chunks

def count():
    return sum(len(r.mentions) for r in edumetrics.extract_many(texts, workers=2))

{call}
"""
UNGUARDED = "print(count())"
GUARDED = 'if __name__ == "__main__":\n    print(count())'


def run_script(tmp_path: Path, imports: str, call: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "job.py"
    script.write_text(SCRIPT.format(imports=imports, call=call), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("imports", ["", "import pandas"], ids=["plain", "pandas"])
def test_workers_without_the_main_guard_name_it(tmp_path: Path, imports: str) -> None:
    done = run_script(tmp_path, imports, UNGUARDED)
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("edumetrics.errors.MainGuardError: extract_many(workers=...) runs")
    assert f"top level of {tmp_path / 'job.py'} (line 10)" in last
    assert 'if __name__ == "__main__":' in last


@pytest.mark.slow
def test_workers_under_the_main_guard_run(tmp_path: Path) -> None:
    done = run_script(tmp_path, "import pandas", GUARDED)  # pandas: workers from a fork server
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "4000\n"


def test_the_guard_is_not_asked_of_code_without_a_script() -> None:
    code = SCRIPT.format(imports="", call=UNGUARDED)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, "4000\n")
