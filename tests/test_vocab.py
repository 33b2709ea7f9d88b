"""The vocabulary tables are data: no duplicate or conflicting keys, only known ids.

A dict literal silently keeps the last of two equal keys, so duplicates are found by
parsing ``_vocab.py`` with ``ast`` rather than by looking at the dicts.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

from edumetrics import _vocab
from edumetrics.records import Level, Metric, Unit

SOURCE = Path(_vocab.__file__).read_text(encoding="utf-8")


def _literals() -> dict[str, ast.Dict | ast.Tuple | ast.Set | ast.Call]:
    out = {}
    for node in ast.parse(SOURCE).body:
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(node.value, (ast.Dict, ast.Tuple, ast.Set, ast.Call))
        ):
            out[node.target.id] = node.value
    return out


LITERALS = _literals()
DICTS = sorted(name for name, node in LITERALS.items() if isinstance(node, ast.Dict))
SEQUENCES = sorted(name for name, node in LITERALS.items() if not isinstance(node, ast.Dict))


def _keys(node: ast.Dict) -> list[object]:
    return [ast.literal_eval(k) for k in node.keys if k is not None]


def _elements(node: ast.AST) -> list[object]:
    if isinstance(node, ast.Call):  # frozenset({...}) / frozenset("...")
        (node,) = node.args
    if isinstance(node, ast.Constant):  # frozenset("统唯…"): characters
        return list(node.value)
    return [ast.literal_eval(e) for e in node.elts]  # type: ignore[attr-defined]


def test_the_tables_are_found() -> None:
    assert {"UNIT_SURFACES", "COUNT_WORDS", "RATE_WORDS", "LEVEL_WORDS"} <= set(DICTS)


@pytest.mark.parametrize("name", DICTS)
def test_no_duplicate_keys(name: str) -> None:
    counts = Counter(_keys(LITERALS[name]))  # type: ignore[arg-type]
    assert [k for k, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("name", SEQUENCES)
def test_no_duplicate_entries(name: str) -> None:
    counts = Counter(_elements(LITERALS[name]))
    assert [k for k, n in counts.items() if n > 1] == []


def test_every_unit_id_is_a_unit() -> None:
    assert set(_vocab.UNIT_SURFACES.values()) - {u.value for u in Unit} == set()


def test_every_unit_has_a_metric_rule() -> None:
    assert set(_vocab.UNIT_SURFACES.values()) - {"CNY", "percent", "percentage_point"} == set(
        _vocab.UNIT_METRICS
    )


def test_no_surface_maps_to_two_units() -> None:
    """Surfaces that fold to the same working form (full width, case) must agree."""
    from edumetrics._normalize import normalize

    units: dict[str, set[str]] = {}
    for surface, unit in _vocab.UNIT_SURFACES.items():
        units.setdefault(normalize(surface).text, set()).add(unit)
    assert {s: u for s, u in units.items() if len(u) > 1} == {}


def test_unit_surfaces_are_normalised_forms() -> None:
    from edumetrics._normalize import normalize

    assert [s for s in _vocab.UNIT_SURFACES if normalize(s).text != s] == []


@pytest.mark.parametrize(
    "table", ["COUNT_WORDS", "RATE_WORDS"], ids=["COUNT_WORDS", "RATE_WORDS"]
)
def test_every_metric_is_a_metric(table: str) -> None:
    assert set(getattr(_vocab, table).values()) - {m.value for m in Metric} == set()


def test_unit_metrics_name_metrics() -> None:
    named = {m for allowed, default in _vocab.UNIT_METRICS.values() for m in (*allowed, default)}
    assert named - {m.value for m in Metric} == set()


def test_every_level_is_a_level_or_mixed() -> None:
    assert set(_vocab.LEVEL_WORDS.values()) - {lv.value for lv in Level} - {""} == set()


def test_every_level_has_a_priority() -> None:
    assert set(_vocab.LEVEL_PRIORITY) == {lv.value for lv in Level} | {""}


def test_qualifier_ids() -> None:
    ids = {
        *_vocab.QUALIFIERS_BEFORE.values(),
        *_vocab.QUALIFIERS_AFTER.values(),
        *_vocab.INNER_QUALIFIERS.values(),
    }
    assert ids <= {"approx", "at_least", "at_most"}


def test_change_cues_carry_a_sign() -> None:
    assert set(_vocab.CHANGE_CUES.values()) <= {1, -1}


def test_blockers_guard_known_surfaces() -> None:
    assert set(_vocab.UNIT_BLOCKERS) - set(_vocab.UNIT_SURFACES) == set()


def test_arabic_only_units_are_units() -> None:
    # 届 is listed as Arabic-only but is no unit surface: a dead entry, kept as a word
    # the lead may yet add (3届); every other entry must be a surface.
    assert set(_vocab.ARABIC_ONLY_UNITS) - set(_vocab.UNIT_SURFACES) == {"届"}

