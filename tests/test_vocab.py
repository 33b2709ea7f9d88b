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
    # (*OTHER_TABLE: that table's own entries, checked where it is written)
    return [ast.literal_eval(e) for e in node.elts if not isinstance(e, ast.Starred)]  # type: ignore[attr-defined]


def test_the_tables_are_found() -> None:
    assert {"UNIT_SURFACES", "METRICS", "LEVEL_WORDS"} <= set(DICTS)


def _metric_words() -> list[str]:
    """Every word of every row of ``METRICS``, as written (a word in two rows is a
    conflict the derived ``COUNT_WORDS`` would hide, keeping the last)."""
    words = []
    for row in LITERALS["METRICS"].values:  # type: ignore[union-attr]
        assert isinstance(row, ast.Call)
        for kw in row.keywords:
            if kw.arg == "words":
                words += ast.literal_eval(kw.value)
    return words


def test_no_word_names_two_metrics() -> None:
    words = _metric_words()
    assert len(words) == len(_vocab.COUNT_WORDS) + len(_vocab.RATE_WORDS) > 200
    assert [w for w, n in Counter(words).items() if n > 1] == []


def test_the_metric_rows_are_the_metric_ids() -> None:
    assert set(_vocab.METRICS) == {m.value for m in Metric}


def test_metric_rows_name_known_kinds_and_units() -> None:
    kinds = {"staff", "learners", "people", "things", "attendance", "measure", "money", "rate"}
    assert {row.kind for row in _vocab.METRICS.values()} <= kinds
    assert {u for row in _vocab.METRICS.values() for u in row.units} <= {u.value for u in Unit}


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



_CLASS_ROW = '''    "class_count": MetricRow("things", ("item",), words=("班级", "教学班")),\n'''
_CLASSES = "全县共有班级9846个,其中小学5012个。新建教学班120个。"
_SHOW = (
    "import edumetrics\n"
    f"for m in edumetrics.extract({_CLASSES!r}):\n"
    "    print(m.text, m.metric, m.level)\n"
)


def test_a_built_in_metric_is_one_row(tmp_path: Path) -> None:
    """Adding one row to METRICS (in a copy of the sources) is all a new built-in metric
    takes: its words name it in labels and as the counted noun, it is a thing counted in
    items, and a part (其中) of it measures it too."""
    import shutil
    import subprocess
    import sys

    package = Path(_vocab.__file__).parent
    if not (package / "_engine.py").exists():
        pytest.skip("needs the package's sources")
    copy = tmp_path / "edumetrics"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"))
    vocab = copy / "_vocab.py"
    source = vocab.read_text(encoding="utf-8")
    opening = "METRICS: Final[dict[str, MetricRow]] = {\n"
    assert source.count(opening) == 1
    vocab.write_text(source.replace(opening, opening + _CLASS_ROW), encoding="utf-8")

    def run(path: Path) -> list[str]:
        env = {"PYTHONPATH": str(path), "PATH": ""}
        out = subprocess.run(
            [sys.executable, "-c", _SHOW], env=env, capture_output=True, text=True, check=True
        )
        return out.stdout.splitlines()

    assert run(tmp_path) == [
        "9846个 class_count None",
        "5012个 class_count primary",
        "120个 class_count None",
    ]
    assert run(package.parent) == ["9846个 other None", "5012个 other primary", "120个 other None"]


# --- Patterns read their words from the tables ---------------------------------------


def test_or_joins_figures_but_not_the_words_of_a_label() -> None:
    """Two honest rows, not one drifted spelling: 1或2所 is a list of figures, 小学或初中 is
    no list of levels."""
    assert set(_vocab.LIST_JOINERS) - set(_vocab.LABEL_JOINERS) == {"或"}
    assert set(_vocab.LABEL_JOINERS) <= set(_vocab.LIST_JOINERS)


def test_a_clause_ends_where_a_sentence_does() -> None:
    assert set(_vocab.SENTENCE_ENDS) < set(_vocab.CLAUSE_ENDS)


@pytest.mark.parametrize("verb", _vocab.INCREMENT_REACH_VERBS)
def test_the_increment_pattern_is_built_from_its_rows(verb: str) -> None:
    """``_patterns.INCREMENT_AFTER`` is made of INCREMENT_CAUSE and INCREMENT_REACH_VERBS:
    every verb of the table makes the figure before it an increment."""
    from edumetrics import _patterns as P

    assert P.INCREMENT_AFTER.search(f"{_vocab.INCREMENT_CAUSE}全县{verb}46所")
    assert not P.INCREMENT_AFTER.search(f"全县{verb}46所")  # no 使: a new total


@pytest.mark.parametrize(
    ("text", "extracted"),
    [
        ("新建学校13所使全市学校达到46所。", ["13所 change", "46所 actual"]),
        ("新建学校13所使总数增至46所。", ["13所 change", "46所 actual"]),
        ("新建学校13所,全市达到46所。", ["13所 actual", "46所 actual"]),
        pytest.param(
            "新建学校13所,使全市达到46所。",
            ["13所 change", "46所 actual"],
            marks=pytest.mark.xfail(strict=True, reason="the cue is read within the clause"),
        ),
    ],
)
def test_increment_after_a_figure(text: str, extracted: list[str]) -> None:
    from edumetrics import extract

    assert [f"{m.text} {m.role}" for m in extract(text)] == extracted
