"""The scorer of the shared evaluation, copied so that CI runs without ``shared/``.

Provenance: ``shared/eval/score.py`` (functions ``same_value``, ``overlaps``, ``score`` and
``f1``), copied verbatim in logic; only the error lists the CLI prints were dropped and
type hints added. If the shared scorer changes, copy it again: the figures of
``tests/test_corpus_score.py`` must be those ``score.py`` prints.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

ATTRS = ("metric", "role", "level", "qualifier")

Record = dict[str, Any]


def same_value(g: Record, p: Record) -> bool:
    """Equal values (relative tolerance 1e-6), or both masked."""
    if g.get("masked") or g.get("value") is None:
        return bool(p.get("masked")) or p.get("value") is None
    pv = p.get("value")
    if pv is None or isinstance(pv, bool):
        return False
    try:
        return math.isclose(float(g["value"]), float(pv), rel_tol=1e-6, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def overlaps(a: Record, b: Record) -> bool:
    """Whether two spans share at least one character."""
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def f1(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Precision, recall and F1 from counts.

    >>> f1(9, 1, 0)["precision"]
    0.9
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def score(gold: list[Record], pred: list[Record]) -> dict[str, Any]:
    """Precision/recall over mentions, attribute accuracy over matched pairs, and the
    strict figures (a match counts only when every attribute is right too)."""
    by_doc_gold: dict[str, list[Record]] = defaultdict(list)
    for g in gold:
        by_doc_gold[g["doc"]].append(g)
    by_doc_pred: dict[str, list[Record]] = defaultdict(list)
    for p in pred:
        if p.get("doc") in by_doc_gold:
            by_doc_pred[p["doc"]].append(p)

    tp = fp = fn = 0
    whole = 0  # matches whose metric, role, level and qualifier are all right
    attr_hits = dict.fromkeys(ATTRS, 0)
    misses: list[tuple[str, Record]] = []
    spurious: list[tuple[str, Record]] = []
    attr_errors: list[tuple[str, str, Record, Record]] = []
    for doc, gs in sorted(by_doc_gold.items()):
        real = [g for g in gs if not g.get("ignore")]
        ignored = [g for g in gs if g.get("ignore")]
        used: set[int] = set()
        d_tp = d_fp = 0
        for p in sorted(by_doc_pred[doc], key=lambda r: (r["start"], r["end"])):
            hit = None
            for i, g in enumerate(real):
                if i in used or not overlaps(g, p):
                    continue
                if g.get("unit") == p.get("unit") and same_value(g, p):
                    hit = i
                    break
            if hit is not None:
                used.add(hit)
                d_tp += 1
                g = real[hit]
                whole += all(g.get(a) == p.get(a) for a in ATTRS)
                for a in ATTRS:
                    if g.get(a) == p.get(a):
                        attr_hits[a] += 1
                    else:
                        attr_errors.append((a, doc, g, p))
            elif any(overlaps(g, p) for g in ignored):
                continue
            else:
                d_fp += 1
                spurious.append((doc, p))
        misses += [(doc, g) for i, g in enumerate(real) if i not in used]
        tp, fp, fn = tp + d_tp, fp + d_fp, fn + len(real) - len(used)
    out = f1(tp, fp, fn)
    out["attributes"] = {a: (attr_hits[a] / tp if tp else 0.0) for a in ATTRS}
    # strict: a record counts only when its span, value, unit and all four attributes are right
    out["strict"] = f1(whole, fp + tp - whole, fn + tp - whole)
    out["_misses"], out["_spurious"], out["_attr_errors"] = misses, spurious, attr_errors
    return out
