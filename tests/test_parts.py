"""A long text read in parts (``_parts.py``) gives the records of one reading of the whole.

Checked on every document of the shared corpus, the development corpus and the example
report, and on all of them as one document (where numbered sections and plan sections
run on across parts), with parts of 1 character (every line end that may end a part
does) and of 300; then extract() on a long text, a file read a block at a time, and the
command line on a large text file.
"""

from __future__ import annotations

import gc
import importlib
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import edumetrics
from edumetrics import _build, _engine, _parts, cli
from edumetrics._build import Row
from edumetrics.errors import DocumentError
from edumetrics.readers import stream_encoding
from edumetrics.records import Mention
from edumetrics.rules import _resolve

DATA = Path(__file__).parent / "data"
EXAMPLE = Path(__file__).parent.parent / "examples" / "county_report.txt"
DOCUMENTS = [
    *sorted((DATA / "corpus").glob("*.txt")),
    *sorted((DATA / "dev").glob("*.txt")),
    EXAMPLE,
]
RULES = _resolve(None)
extract_module = importlib.import_module("edumetrics.extract")


def whole(text: str) -> list[Mention]:
    """The records of one reading of the whole text (the engine, never in parts)."""
    return _build.mentions(_engine.rows(text, RULES), text)


def in_parts(text: str, size: int) -> list[Mention]:
    parts = _parts.mentions(_parts.split(text, size), text, RULES)
    return [m for _, records in parts for m in records]


def all_documents() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in DOCUMENTS)


@pytest.mark.parametrize("size", [1, 300])
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_a_document_in_parts_gives_its_records(path: Path, size: int) -> None:
    text = path.read_text(encoding="utf-8")
    assert in_parts(text, size) == whole(text)


@pytest.mark.parametrize("size", [1, 300, 5000])
def test_all_documents_as_one_in_parts_give_its_records(size: int) -> None:
    text = all_documents()
    assert len(list(_parts.split(text, size))) >= 10  # (it is read in parts)
    assert in_parts(text, size) == whole(text)


def test_parts_cover_the_text_and_end_where_a_line_ends_a_sentence() -> None:
    text = all_documents()
    parts = list(_parts.split(text, 1))
    assert "".join(part for _, part in parts) == text
    assert [at for at, _ in parts] == [0] + [at + len(p) for at, p in parts[:-1]]
    for _, part in parts[:-1]:
        assert part.endswith("\n")
        assert part.rstrip(" \t\u3000\r\n")[-1] in "。!?！？"


def test_a_grid_row_stays_with_its_grid() -> None:
    text = "小学\t3所。\n初中\t2所。\n合计5所。\n高中1所。\n"
    assert [part for _, part in _parts.split(text, 1)] == [
        "小学\t3所。\n初中\t2所。\n合计5所。\n",
        "高中1所。\n",
    ]


def test_what_the_opening_and_headings_say_carries_into_later_parts() -> None:
    # read alone, the second part's figure has no level and no year, the fourth's is no goal
    text = (
        "2023年教育工作总结\n二、学前教育\n新建幼儿园3所。\n改扩建5所。\n"
        "三、下一步工作打算\n新建3所。\n改扩建2所。\n"
    )
    assert len(list(_parts.split(text, 1))) == 4
    records = in_parts(text, 1)
    assert [(m.level and m.level.value, m.role.value, m.period) for m in records] == [
        ("preschool", "actual", 2023),
        ("preschool", "actual", 2023),
        (None, "target", 2023),
        (None, "target", 2023),
    ]
    assert records == whole(text)


def test_extract_reads_a_long_text_in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    text = all_documents()
    monkeypatch.setattr(extract_module, "_IN_PARTS", 1000)
    monkeypatch.setattr(_parts, "PART", 1000)
    calls: list[str] = []
    real = _engine.rows

    def rows(part: str, *args: Any) -> list[Row]:
        calls.append(part)
        return real(part, *args)

    monkeypatch.setattr(_engine, "rows", rows)
    assert edumetrics.extract(text) == whole(text)
    assert len(calls) > 10
    found = extract_module._extract_rows(text, None)
    assert _build.mentions(found, text) == whole(text)


def _collector_seen(monkeypatch: pytest.MonkeyPatch, fail: bool = False) -> list[bool]:
    """Whether the cyclic garbage collector ran while the engine read each part."""
    seen: list[bool] = []
    real = _engine.rows

    def rows(part: str, *args: Any) -> list[Row]:
        seen.append(gc.isenabled())
        if fail:
            raise RuntimeError("the engine failed")
        return real(part, *args)

    monkeypatch.setattr(_engine, "rows", rows)
    return seen


@pytest.mark.parametrize(
    "read",
    [edumetrics.extract, lambda t: extract_module._extract_rows(t, None)],
    ids=["extract", "rows"],
)
def test_a_long_text_is_read_with_the_collector_paused(
    monkeypatch: pytest.MonkeyPatch, read: Any
) -> None:
    seen = _collector_seen(monkeypatch)
    one_read = all_documents() * 2  # read whole
    in_parts = all_documents() * 6
    assert extract_module._PAUSED <= len(one_read) <= extract_module._IN_PARTS < len(in_parts)
    assert gc.isenabled()
    read("全县小学5所。")
    read(one_read)
    read(in_parts)
    assert seen[0] is True  # a short text: left alone
    assert len(seen) > 3
    assert not any(seen[1:])  # a long one, and every part: paused
    assert gc.isenabled()  # and restored


def test_the_collector_is_restored_when_the_reading_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    _collector_seen(monkeypatch, fail=True)
    with pytest.raises(RuntimeError, match="the engine failed"):
        edumetrics.extract(all_documents() * 6)
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _collector_seen(monkeypatch)
    gc.disable()
    try:
        edumetrics.extract(all_documents() * 6)
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert seen
    assert not any(seen)


def test_a_text_with_no_line_end_to_part_it_at_is_one_part() -> None:
    text = "新建小学3所,初中2所," * 100 + "\n"
    assert list(_parts.split(text, 10)) == [(0, text)]


# (a long line with no sentence's end first: the blocks grow until a part can end)
@pytest.mark.parametrize("head", ["", "新建小学3所,初中2所," * 50 + "\n"], ids=["", "long line"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_a_file_read_a_block_at_a_time(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, encoding: str, head: str
) -> None:
    text = head + all_documents()
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(encoding))
    monkeypatch.setattr(_parts, "_BLOCK", 7)  # blocks end inside characters
    assert stream_encoding(path, 1 << 30) == encoding
    parts = list(_parts.file_parts(path, encoding, 300))
    assert parts == list(_parts.split(text, 300))


def test_stream_encoding_leaves_a_guess_to_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "gb.txt"
    path.write_bytes("新建小学3所。\n".encode("gb18030"))
    assert stream_encoding(path, 1 << 30) is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x00\x01" * 100, "binary file (not text)"),
        ("新建小学3所。\n".encode() * 10, "larger than the size limit of 100 bytes"),
    ],
)
def test_stream_encoding_refuses_what_read_document_refuses(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as info:
        stream_encoding(path, 100)
    assert info.value.reason.startswith(reason)


def run_cli(
    capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[dict[str, object]], str]:
    status = cli.main(["extract", "--format", "jsonl", *args])
    out, err = capsys.readouterr()
    return status, [json.loads(line, parse_float=Decimal) for line in out.splitlines()], err


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_the_command_line_reads_a_large_text_file_in_parts(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    encoding: str,
) -> None:
    text = all_documents()
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(encoding))
    small = tmp_path / "small.txt"
    small.write_text("新建小学3所。\n", encoding="utf-8")
    monkeypatch.setattr(cli, "_IN_PARTS_BYTES", 1000)
    monkeypatch.setattr(_parts, "PART", 300)
    parts: list[Path] = []
    real = _parts.file_parts

    def file_parts(path: Path, *args: Any) -> Iterator[tuple[int, str]]:
        parts.append(path)
        return real(path, *args)

    monkeypatch.setattr(_parts, "file_parts", file_parts)
    status, records, err = run_cli(capsys, str(small), str(path), str(small))
    assert (status, err) == (0, "")
    expected = [
        *(m.to_record(str(small)) for m in whole("新建小学3所。\n")),
        *(m.to_record(str(path)) for m in whole(text)),
        *(m.to_record(str(small)) for m in whole("新建小学3所。\n")),
    ]
    for record in expected:  # (as JSON gives them back)
        record["value"] = None if record["value"] is None else Decimal(record["value"])
    assert records == expected
    assert parts == ([path] if encoding == "utf-8" else [])  # GB18030 is read whole


def test_a_large_text_file_over_the_size_limit_still_fails(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(all_documents(), encoding="utf-8")
    monkeypatch.setattr(cli, "_IN_PARTS_BYTES", 1000)
    status, records, err = run_cli(capsys, "--max-size", "10K", str(path))
    assert (status, records) == (1, [])
    limit = "larger than the size limit of 10,240 bytes (max_bytes, --max-size)"
    assert err == f"edumetrics: {path}: {limit}\n"
