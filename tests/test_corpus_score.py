"""Regression guard: the extractor scored on the copied gold corpora.

Two corpora, both copied so that CI runs without ``shared/``: the five seed reports
(work summaries; ``tests/data/corpus/PROVENANCE.md``) and development set C (sixteen
bulletins, budgets, plans, news and tables; ``tests/data/dev/PROVENANCE.md``). The rules
were developed while reading them, so these are floors that must not drop, not estimates
of accuracy on unseen reports. The seeds' floors are those of issue 3 plus issue 9's
strict floor; the dev set's are issue 9's. Scored with ``tests/_scoring.py``, a copy of
``shared/eval/score.py``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from tests._scoring import score

from edumetrics import extract

DATA = Path(__file__).parent / "data"
CORPORA = {"seeds": DATA / "corpus", "dev": DATA / "dev"}

# (corpus, figure, floor)
THRESHOLDS = [
    ("seeds", "precision", 0.95),
    ("seeds", "recall", 0.95),
    ("seeds", "f1", 0.99),
    ("seeds", "metric", 0.92),
    ("seeds", "role", 0.95),
    ("seeds", "level", 0.90),
    ("seeds", "qualifier", 0.97),
    ("seeds", "strict", 0.93),
    ("dev", "f1", 0.97),
    ("dev", "metric", 0.93),
    ("dev", "role", 0.93),
    ("dev", "level", 0.90),
    ("dev", "strict", 0.85),
]


def _load(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _docs(corpus: str) -> list[Path]:
    return sorted(p for p in CORPORA[corpus].glob("*.txt"))


def _golds(corpus: str) -> list[Path]:
    return sorted(CORPORA[corpus].glob("gold_*.jsonl"))


def _predictions(corpus: str) -> list[dict[str, Any]]:
    rows = []
    for doc in _docs(corpus):
        text = doc.read_text(encoding="utf-8")
        for m in extract(text):
            record = m.to_record(doc.name)
            record["value"] = None if m.value is None else float(m.value)
            rows.append(record)
    return rows


@cache
def _result(corpus: str) -> dict[str, Any]:
    gold = [g for path in _golds(corpus) for g in _load(path)]
    out = score(gold, _predictions(corpus))
    out["figures"] = {
        "precision": out["precision"],
        "recall": out["recall"],
        "f1": out["f1"],
        **out["attributes"],
        "strict": out["strict"]["f1"],
    }
    return out


def test_corpora_are_complete() -> None:
    assert (len(_docs("seeds")), len(_golds("seeds"))) == (5, 2)
    assert (len(_docs("dev")), len(_golds("dev"))) == (16, 1)


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_gold_texts_are_the_documents_spans(corpus: str) -> None:
    """The copy is intact: every gold span indexes its document's raw text."""
    texts = {d.name: d.read_text(encoding="utf-8") for d in _docs(corpus)}
    wrong = [
        g
        for path in _golds(corpus)
        for g in _load(path)
        if texts[g["doc"]][g["start"] : g["end"]] != g["text"]
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("corpus", "figure", "floor"), THRESHOLDS, ids=[f"{c}-{f}" for c, f, _ in THRESHOLDS]
)
def test_score_holds(corpus: str, figure: str, floor: float) -> None:
    out = _result(corpus)
    assert out["figures"][figure] >= floor, (
        f"{corpus} {figure}={out['figures'][figure]:.3f} < {floor}; "
        f"misses={out['_misses'][:5]} spurious={out['_spurious'][:5]}"
    )
