"""The Mention record: the fast constructor the extractor uses gives validated records."""

from __future__ import annotations

from pathlib import Path

import pytest

from edumetrics import Mention, extract

CORPUS = sorted((Path(__file__).parent / "data" / "corpus").glob("*.txt"))


@pytest.mark.parametrize("path", CORPUS, ids=[p.name[:3] for p in CORPUS])
def test_extracted_records_validate_to_themselves(path: Path) -> None:
    found = extract(path.read_text(encoding="utf-8"))
    assert found
    assert [Mention.model_validate(m.model_dump()) for m in found] == found
    assert {frozenset(m.model_fields_set) for m in found} == {frozenset(Mention.model_fields)}


def test_records_are_frozen() -> None:
    (m,) = extract("新建小学3所。")
    with pytest.raises(ValueError, match="frozen"):
        m.start = 0  # type: ignore[misc]
