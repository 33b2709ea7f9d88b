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


def test_records_share_no_state_through_their_fields_set() -> None:
    """Records share one set of field names (pydantic's fields_set); model_copy must copy
    it rather than change the shared one (if pydantic ever did, every record would change)."""
    a, b = extract("新建小学3所,初中2所。")
    changed = a.model_copy(update={"label": "新建"})
    assert changed.label == "新建"
    assert a.label != "新建"
    assert changed.model_fields_set is not a.model_fields_set
    assert a.model_fields_set == b.model_fields_set == set(Mention.model_fields)
