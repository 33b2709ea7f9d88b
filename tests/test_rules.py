"""The rules registry: every built-in rule has the same shape; users add and remove rules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from edumetrics import (
    EdumetricsError,
    Metric,
    Rule,
    Unit,
    extract,
    register_metric,
    rules,
    unregister_metric,
)
from edumetrics._word_index import WordIndex


@pytest.fixture
def tuition() -> Iterator[Rule]:
    rule = register_metric("tuition", ["学费"], units=[Unit.CNY])
    yield rule
    unregister_metric("tuition")


def test_builtin_rules_name_builtin_metrics_and_units() -> None:
    builtin = [r for r in rules() if r.builtin]
    assert builtin
    assert {r.metric for r in builtin} <= {m.value for m in Metric}
    assert all(r.words and r.units and all(isinstance(u, Unit) for u in r.units) for r in builtin)


def test_a_registered_metric_applies_and_is_removed(tuition: Rule) -> None:
    assert tuition in rules()
    assert [m.metric for m in extract("全年减免学费120万元。")] == ["tuition"]
    unregister_metric("tuition")
    assert [m.metric for m in extract("全年减免学费120万元。")] == ["funding"]


def test_user_words_win_over_builtin_ones_for_counts() -> None:
    register_metric("volunteer_count", ["志愿者"], units=["person"])
    try:
        assert [m.metric for m in extract("全县共有志愿者300人。")] == ["volunteer_count"]
    finally:
        unregister_metric("volunteer_count")
    assert [m.metric for m in extract("全县共有志愿者300人。")] == ["person_count"]


def test_a_user_rate_word_names_a_rate() -> None:
    register_metric("myopia_rate", ["近视率"], units=[Unit.PERCENT])
    try:
        assert [m.metric for m in extract("学生近视率为45.2%。")] == ["myopia_rate"]
    finally:
        unregister_metric("myopia_rate")


@pytest.mark.parametrize(
    ("metric", "words", "units", "message"),
    [
        ("Bad-Id", ["x"], ["CNY"], "must match"),
        ("ok_id", [], ["CNY"], "at least one trigger word"),
        ("ok_id", ["x"], ["yuan"], "units are"),
        ("ok_id", ["x"], [], "at least one unit"),
    ],
    ids=["bad-id", "no-words", "unknown-unit", "no-units"],
)
def test_bad_registrations_say_what_is_wrong(
    metric: str, words: list[str], units: list[str], message: str
) -> None:
    with pytest.raises(EdumetricsError, match=message):
        register_metric(metric, words, units=units)


# --- The index's lookup ------------------------------------------------------------------
_WORDS = {
    "教师": "teacher_count",
    "专任教师": "teacher_count",
    "学生": "student_count",
    "在校学生": "enrollment",
    "校": "school_count",
    "学校": "school_count",
}


def _brute_last(scope: str, slack: int | None) -> str | None:
    """The definition: of every occurrence of every word, the one ending last, longest on
    ties; with ``slack``, it must end within ``slack`` characters of the end."""
    found = [
        (i + len(w), len(w), w) for w in _WORDS for i in range(len(scope)) if scope.startswith(w, i)
    ]
    if not found:
        return None
    end, _, word = max(found)
    if slack is not None and len(scope) - end > slack:
        return None
    return _WORDS[word]


@given(
    st.lists(st.sampled_from(["教", "师", "专任", "学", "生", "在校", "校", "的", "和"])).map(
        "".join
    ),
    st.one_of(st.none(), st.integers(0, 3)),
)
def test_index_last_is_the_word_ending_last(scope: str, slack: int | None) -> None:
    index = WordIndex([(m, (w,)) for w, m in _WORDS.items()])
    assert index.last(scope, slack) == _brute_last(scope, slack)
