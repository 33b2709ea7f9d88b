"""Regression guard: the extractor scored on the copied shared gold corpus.

The rules were developed while reading these five reports (see
``tests/data/corpus/PROVENANCE.md``), so this is a floor that must not drop, not an
estimate of accuracy on unseen reports. The thresholds are those of issue 3.
Scored with ``tests/_scoring.py``, a copy of ``shared/eval/score.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests._scoring import score

from edumetrics import extract

CORPUS = Path(__file__).parent / "data" / "corpus"
DOCS = sorted(CORPUS.glob("*.txt"))
GOLDS = sorted(CORPUS.glob("gold_*.jsonl"))

# (figure, floor) - issue 3, "Quality".
THRESHOLDS = [
    ("precision", 0.95),
    ("recall", 0.95),
    ("metric", 0.92),
    ("role", 0.95),
    ("level", 0.90),
    ("qualifier", 0.97),
]


def _load(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _predictions() -> list[dict[str, Any]]:
    rows = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for m in extract(text):
            record = m.to_record(doc.name)
            record["value"] = None if m.value is None else float(m.value)
            rows.append(record)
    return rows


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    gold = [g for path in GOLDS for g in _load(path)]
    out = score(gold, _predictions())
    figures = {"precision": out["precision"], "recall": out["recall"], **out["attributes"]}
    print("\ncorpus score: " + " ".join(f"{k}={v:.3f}" for k, v in figures.items()))
    print(f"tp={out['tp']} fp={out['fp']} fn={out['fn']}")
    out["figures"] = figures
    return out


def test_corpus_is_complete() -> None:
    assert (len(DOCS), len(GOLDS)) == (5, 2)


def test_gold_texts_are_the_documents_spans() -> None:
    """The copy is intact: every gold span indexes its document's raw text."""
    texts = {d.name: d.read_text(encoding="utf-8") for d in DOCS}
    wrong = [
        g
        for path in GOLDS
        for g in _load(path)
        if texts[g["doc"]][g["start"] : g["end"]] != g["text"]
    ]
    assert wrong == []


@pytest.mark.parametrize(("figure", "floor"), THRESHOLDS, ids=[t[0] for t in THRESHOLDS])
def test_score_holds(result: dict[str, Any], figure: str, floor: float) -> None:
    assert result["figures"][figure] >= floor, (
        f"{figure}={result['figures'][figure]:.3f} < {floor}; "
        f"misses={result['_misses'][:5]} spurious={result['_spurious'][:5]}"
    )
