"""The record's JSON schema is pinned, so a pipeline never meets a silent change.

After a deliberate change to ``edumetrics.records.Mention``, regenerate the pinned copy::

    .venv/bin/edumetrics schema > tests/data/mention.schema.json

and say in CHANGELOG.md what changed for users of the records.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from edumetrics import Mention, extract
from edumetrics.cli import jsonl_line, main, record_schema

PINNED = Path(__file__).parent / "data" / "mention.schema.json"


def pinned() -> dict[str, object]:
    return json.loads(PINNED.read_text(encoding="utf-8"))


def test_schema_matches_the_pinned_copy() -> None:
    assert record_schema() == pinned(), (
        "The record schema changed. If on purpose: "
        ".venv/bin/edumetrics schema > tests/data/mention.schema.json"
    )


def test_schema_is_the_mention_schema_plus_doc() -> None:
    mention = Mention.model_json_schema()
    record = record_schema()
    assert record["properties"] == {"doc": record["properties"]["doc"], **mention["properties"]}
    assert record["required"] == ["doc", *mention["required"]]
    assert record["$defs"] == mention["$defs"]
    assert record["additionalProperties"] is False


def test_schema_command_prints_the_pinned_copy(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == PINNED.read_text(encoding="utf-8")


def test_jsonl_lines_have_exactly_the_schema_fields() -> None:
    text = "全年投资2860万元，入学率xx.xx%，新建学校3所。"
    lines = [jsonl_line(m.to_record("a.txt")) for m in extract(text)]
    assert lines
    for line in lines:
        record = json.loads(line, parse_float=Decimal)
        assert list(record) == list(pinned()["properties"])  # type: ignore[call-overload]
        assert set(pinned()["required"]) <= set(record)  # type: ignore[call-overload]
        assert record["value"] is None or isinstance(record["value"], int | Decimal)
