"""The edumetrics command: formats, paths, failures, exit status, atomic and streamed output."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import edumetrics
from _documents import make_docx
from edumetrics import cli

ROOT = Path(__file__).parent.parent
CORPUS = sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt"))
EXAMPLE = ROOT / "examples" / "county_report.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def expected_records(path: Path) -> list[dict[str, Any]]:
    text = edumetrics.read_document(path).text
    return [m.to_record(str(path)) for m in edumetrics.extract(text)]


def parse_jsonl(out: str) -> list[dict[str, Any]]:
    return [json.loads(line, parse_float=Decimal) for line in out.splitlines()]


# --- formats --------------------------------------------------------------------------


def test_jsonl_is_extract_on_the_same_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "extract", "--format", "jsonl", *map(str, CORPUS))
    assert (status, err) == (0, "")
    expected = [r for path in CORPUS for r in expected_records(path)]
    got = parse_jsonl(out)
    for record in got:  # JSON has no Decimal: compare exactly after parsing as Decimal
        record["value"] = None if record["value"] is None else Decimal(record["value"])
    assert got == expected


def test_jsonl_values_are_exact_numbers_and_fields_in_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "extract", "--format", "jsonl", str(EXAMPLE))
    lines = out.splitlines()
    assert list(json.loads(lines[0])) == ["doc", *edumetrics.Mention.model_fields]
    by_text = {r["text"]: r for r in parse_jsonl(out)}
    assert '"value": 28600000,' in next(line for line in lines if '"2860万元"' in line)
    assert by_text["2860万元"]["value"] == 28600000
    assert (by_text["2860万元"]["unit"], by_text["2860万元"]["metric"]) == ("CNY", "funding")
    assert by_text["xxx.x万元"]["value"] is None
    assert by_text["xxx.x万元"]["masked"] is True
    assert all(
        EXAMPLE.read_text("utf-8")[r["start"] : r["end"]] == r["text"] for r in by_text.values()
    )


def test_csv(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "extract", "--format", "csv", str(EXAMPLE), str(CORPUS[0]))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0
    assert len(rows) == len(expected_records(EXAMPLE)) + len(expected_records(CORPUS[0]))
    assert list(rows[0]) == ["doc", *edumetrics.Mention.model_fields]
    funding = next(r for r in rows if r["text"] == "2860万元")
    masked = next(r for r in rows if r["text"] == "xxx.x万元")
    assert (funding["value"], funding["masked"]) == ("28600000", "false")
    assert (masked["value"], masked["masked"]) == ("", "true")


def test_csv_without_mentions_still_has_a_header(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "none.txt").write_text("没有数字。", encoding="utf-8")
    _, out, _ = run(capsys, "extract", "--format", "csv", str(tmp_path / "none.txt"))
    assert out.splitlines() == [",".join(["doc", *edumetrics.Mention.model_fields])]


def test_table_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "extract", str(EXAMPLE))
    count = len(expected_records(EXAMPLE))
    assert status == 0
    assert out.startswith(f"== {EXAMPLE}: {count} mentions\n")
    assert "2860万元" in out
    assert "28600000" in out


def test_parquet_writes_a_row_group_per_document(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "mentions.parquet"
    assert cli.main(["extract", *map(str, CORPUS), "-o", str(out)]) == 0
    table = pq.read_table(out)
    assert table.num_rows == sum(len(expected_records(p)) for p in CORPUS)
    assert table.column_names == [name for name, _ in edumetrics.tables.COLUMNS]
    assert pq.ParquetFile(out).num_row_groups == sum(bool(expected_records(p)) for p in CORPUS)


@pytest.mark.parametrize(
    ("suffix", "first"),
    [(".jsonl", "{"), (".json", "[\n{"), (".csv", "doc,"), (".tsv", "doc\tstart\t")],
)
def test_output_suffix_chooses_the_format(tmp_path: Path, suffix: str, first: str) -> None:
    out = tmp_path / f"out{suffix}"
    assert cli.main(["extract", str(EXAMPLE), "--output", str(out)]) == 0
    assert out.read_text("utf-8").startswith(first)


def test_json_is_one_array_of_the_jsonl_records(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, jsonl, _ = run(capsys, "extract", "-f", "jsonl", str(EXAMPLE), str(CORPUS[0]))
    status, out, _ = run(capsys, "extract", "-f", "json", str(EXAMPLE), str(CORPUS[0]))
    assert status == 0
    assert json.loads(out, parse_float=Decimal) == parse_jsonl(jsonl)
    (tmp_path / "none.txt").write_text("没有数字。", encoding="utf-8")
    _, empty, _ = run(capsys, "extract", "-f", "json", str(tmp_path / "none.txt"))
    assert json.loads(empty) == []


def test_tsv_has_the_csv_cells(capsys: pytest.CaptureFixture[str]) -> None:
    _, comma, _ = run(capsys, "extract", "-f", "csv", str(EXAMPLE))
    status, tab, _ = run(capsys, "extract", "-f", "tsv", str(EXAMPLE))
    assert status == 0
    assert tab.splitlines()[0] == "\t".join(["doc", *edumetrics.Mention.model_fields])
    assert list(csv.reader(io.StringIO(tab), "excel-tab")) == list(csv.reader(io.StringIO(comma)))


@pytest.mark.parametrize("name", ["out.txt", "out.xlsx", "out.JSONL.bak", "out"])
def test_an_unknown_output_suffix_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["extract", str(EXAMPLE), "-o", str(tmp_path / name)])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert f"cannot tell the format of {tmp_path / name}" in err
    assert ".jsonl, .ndjson, .json, .csv, .tsv, .parquet" in err
    assert list(tmp_path.iterdir()) == []
    # with --format the suffix is the user's business
    assert cli.main(["extract", str(EXAMPLE), "-o", str(tmp_path / name), "-f", "table"]) == 0
    assert (tmp_path / name).read_text("utf-8").startswith("== ")


def test_version_names_the_build(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out == edumetrics.version() + "\n"
    # the test suite runs the sources of an editable install (tests/test_compiled.py
    # checks that the compiled wheel says "compiled")
    assert out == f"edumetrics {edumetrics.__version__} (pure Python)\n"


def test_table_columns_line_up_on_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A CJK character takes two columns, a zero-width space none."""
    report = tmp_path / "r.txt"
    report.write_text("投资2\u200b860万元，学生１２３人，入学率99.5%。", encoding="utf-8")
    _, out, _ = run(capsys, "extract", str(report))
    header, *rows = out.splitlines()[1:-1]
    assert len(rows) == 3
    # value is the fourth column, right-aligned: it ends in the same terminal column
    fourth = re.compile(r"\s*(?:\S+\s+){3}\S+")
    ends = {cli._width(fourth.match(line).group()) for line in (header, *rows)}  # type: ignore[union-attr]
    assert len(ends) == 1, out


# --- paths ----------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder of reports: nested, mixed formats, hidden and unsupported files."""
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    shutil.copy(CORPUS[0], tmp_path / "a.txt")
    shutil.copy(CORPUS[1], tmp_path / "b" / "deep" / "c.TXT")
    make_docx(tmp_path / "b" / "d.docx", ["全年投资2860万元。"])
    (tmp_path / "b" / "e.htm").write_text("<p>新建小学3所。</p>", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("新建小学3所。", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("新建小学3所。", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    return tmp_path


def docs(out: str) -> list[str]:
    return list(dict.fromkeys(r["doc"] for r in parse_jsonl(out)))


def test_recursive_reads_supported_files_in_path_order(
    capsys: pytest.CaptureFixture[str], tree: Path
) -> None:
    status, out, err = run(capsys, "extract", "-r", "-f", "jsonl", str(tree))
    assert (status, err) == (0, "")
    names = ["a.txt", "b/d.docx", "b/deep/c.TXT", "b/e.htm"]
    assert docs(out) == [str(tree / name) for name in names]


def test_a_directory_without_recursive_fails_for_that_path_only(
    capsys: pytest.CaptureFixture[str], tree: Path
) -> None:
    status, out, err = run(capsys, "extract", "-f", "jsonl", str(tree / "b"), str(tree / "a.txt"))
    assert status == 1
    assert (
        err
        == f"edumetrics: {tree / 'b'}: is a directory (use --recursive to read the files in it)\n"
    )
    assert docs(out) == [str(tree / "a.txt")]


def test_doc_is_the_path_as_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two files of one name in two folders stay apart, relative where given relative."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(EXAMPLE, tmp_path / folder / "r.txt")
    monkeypatch.chdir(tmp_path)
    for fmt in ("jsonl", "json", "csv", "tsv", "table"):
        _, out, _ = run(capsys, "extract", "-f", fmt, "a/r.txt", str(tmp_path / "b" / "r.txt"))
        assert "a/r.txt" in out
        assert str(tmp_path / "b" / "r.txt") in out
    _, out, _ = run(capsys, "extract", "-f", "jsonl", "-r", ".")
    assert docs(out) == ["a/r.txt", "b/r.txt"]


def test_glob_patterns_are_expanded(capsys: pytest.CaptureFixture[str], tree: Path) -> None:
    status, out, _ = run(capsys, "extract", "-f", "jsonl", str(tree / "**" / "*.[dh]*"))
    assert status == 0
    assert docs(out) == [str(tree / "b" / "d.docx"), str(tree / "b" / "e.htm")]
    status, _, err = run(capsys, "extract", str(tree / "*.pdf"))
    assert (status, err) == (1, f"edumetrics: {tree / '*.pdf'}: no file matches this pattern\n")


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = "全年投资2860万元。".encode("gb18030")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, out, _ = run(capsys, "extract", "-f", "jsonl", "-")
    assert status == 0
    assert [(r["doc"], r["text"]) for r in parse_jsonl(out)] == [("<stdin>", "2860万元")]


# --- failures -------------------------------------------------------------------------


def broken_files(tmp_path: Path) -> dict[str, Path]:
    whole = make_docx(tmp_path / "whole.docx", ["全年投资2860万元。"]).read_bytes()
    files = {
        "no such file": tmp_path / "missing.txt",
        "binary file": tmp_path / "image.txt",
        "empty file": tmp_path / "empty.txt",
        "not a readable .docx (corrupt or truncated)": tmp_path / "cut.docx",
        "undecodable bytes": tmp_path / "bad.txt",
    }
    files["binary file"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    files["empty file"].write_bytes(b"")
    files["not a readable .docx (corrupt or truncated)"].write_bytes(whole[: len(whole) // 2])
    files["undecodable bytes"].write_bytes("入学率".encode("gb18030") + b"\x80\xff")
    return files


def test_each_failed_file_is_one_line_and_the_others_are_complete(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)
    files = broken_files(tmp_path)
    args = [str(CORPUS[0]), *map(str, files.values()), str(CORPUS[1])]
    status, out, err = run(capsys, "extract", "--format", "jsonl", *args)
    assert status == 1
    lines = err.splitlines()
    assert len(lines) == len(files)
    for line, (reason, path) in zip(lines, files.items(), strict=True):
        assert line.startswith(f"edumetrics: {path}: {reason}")
    assert len(parse_jsonl(out)) == len(expected_records(CORPUS[0]) + expected_records(CORPUS[1]))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("入学率99%", encoding="utf-8")
    path.chmod(0)
    assert run(capsys, "extract", str(path))[:3:2] == (
        1,
        f"edumetrics: {path}: permission denied\n",
    )


USAGE_ERRORS = {
    "no_command": [],
    "no_paths": ["extract"],
    "bad_format": ["extract", "--format", "xml", "a.txt"],
    "parquet_to_stdout": ["extract", "--format", "parquet", "a.txt"],
    "zero_workers": ["extract", "--workers", "0", "a.txt"],
    "stdin_twice": ["extract", "-", "-"],
    "output_dir_missing": ["extract", "a.txt", "-o", "/no/such/dir/out.jsonl"],
}


@pytest.mark.parametrize("args", USAGE_ERRORS.values(), ids=USAGE_ERRORS.keys())
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(args)
    assert info.value.code == 2
    assert "usage: edumetrics" in capsys.readouterr().err


@pytest.mark.parametrize("workers", ["1", "2"])
def test_rules_file_adds_metrics(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    workers: str,
) -> None:
    monkeypatch.setattr(edumetrics.batch, "_CHUNK_CHARS", 1)  # with -j 2, workers extract
    rules = tmp_path / "mine.toml"
    rules.write_text(
        '[[metric]]\nid = "tuition"\nwords = ["学费"]\nunits = ["CNY"]\n', encoding="utf-8"
    )
    docs = [tmp_path / f"{n}.txt" for n in range(3)]
    for doc in docs:
        doc.write_text("全年减免学费120万元。", encoding="utf-8")
    args = ["extract", "--format", "jsonl", "-j", workers, *map(str, docs)]
    status, out, err = run(capsys, *args, "--rules", str(rules))
    assert (status, err) == (0, "")
    assert [r["metric"] for r in parse_jsonl(out)] == ["tuition"] * 3
    _, out, _ = run(capsys, *args)
    assert [r["metric"] for r in parse_jsonl(out)] == ["funding"] * 3


def test_a_bad_rules_file_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rules = tmp_path / "mine.json"
    rules.write_text('{"metric": [{"id": "tuition", "words": ["学费"]}]}', encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        cli.main(["extract", "--rules", str(rules), str(EXAMPLE)])
    assert info.value.code == 2
    assert f"rules file {rules}: metric rule 1: missing ['units']" in capsys.readouterr().err


def test_missing_parquet_extra_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    out = tmp_path / "m.parquet"
    status, _, err = run(capsys, "extract", str(EXAMPLE), "-o", str(out))
    assert status == 2
    assert "pip install 'edumetrics[arrow]'" in err
    assert list(tmp_path.iterdir()) == []


# --- atomic, streamed output ----------------------------------------------------------


def test_output_replaces_the_file_only_on_success(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    calls = []

    def crash_on_second(self: object, result: edumetrics.Extraction) -> None:
        calls.append(result.doc)
        if len(calls) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(cli._JsonlSink, "write", crash_on_second)
    assert cli.main(["extract", *map(str, CORPUS), "-o", str(out)]) == 130
    assert out.read_text("utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no temp file left
    monkeypatch.undo()
    assert cli.main(["extract", *map(str, CORPUS), "-o", str(out)]) == 0
    assert len(out.read_text("utf-8").splitlines()) == sum(len(expected_records(p)) for p in CORPUS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_new_output_gets_ordinary_permissions(tmp_path: Path) -> None:
    out = tmp_path / "new.jsonl"
    cli.main(["extract", str(EXAMPLE), "-o", str(out)])
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_output_streams_document_by_document(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each document is written before the next is read: memory does not grow with input."""
    events: list[str] = []
    real_read = edumetrics.batch.read_document
    real_write = cli._JsonlSink.write

    def read(path: Path, **options: Any) -> edumetrics.Document:
        events.append(f"read {Path(path).name}")
        return real_read(path, **options)

    def write(self: cli._JsonlSink, result: edumetrics.Extraction) -> None:
        events.append(f"write {Path(result.doc).name}")
        real_write(self, result)

    monkeypatch.setattr(edumetrics.batch, "read_document", read)
    monkeypatch.setattr(cli._JsonlSink, "write", write)
    run(capsys, "extract", "-f", "jsonl", *map(str, CORPUS[:3]))
    names = [p.name for p in CORPUS[:3]]
    assert events == [e for n in names for e in (f"read {n}", f"write {n}")]


def test_cut_pipe_exits_quietly(tmp_path: Path) -> None:
    """``edumetrics extract ... | head -1``: no traceback, whole lines, status 141."""
    for i in range(30):
        shutil.copy(CORPUS[i % len(CORPUS)], tmp_path / f"{i:02}.txt")
    command = [sys.executable, "-m", "edumetrics", "extract", "-r", "-f", "jsonl", str(tmp_path)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read()
    assert json.loads(first)["doc"] == str(tmp_path / "00.txt")
    assert (proc.returncode, err) == (141, b"")


def test_entry_point_and_module_run(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "edumetrics"
    commands = [[sys.executable, "-m", "edumetrics"], *([[str(exe)]] if exe.exists() else [])]
    for command in commands:
        done = subprocess.run(
            [*command, "extract", "-f", "jsonl", str(EXAMPLE)], capture_output=True, check=False
        )
        assert done.returncode == 0
        assert len(done.stdout.decode().splitlines()) == len(expected_records(EXAMPLE))


def test_cli_imports_no_optional_library() -> None:
    """Start-up stays fast: pandas, pyarrow, docx ... load only when a file needs them."""
    heavy = ["pandas", "pyarrow", "polars", "docx", "selectolax", "pypdf", "tqdm", "matplotlib"]
    code = f"import sys, edumetrics.cli; print([m for m in {heavy!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert done.stdout.decode().strip() == "[]"
