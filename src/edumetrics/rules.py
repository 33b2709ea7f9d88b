"""Metric rules: which words name which metric, for which units. Users can add their own.

Every rule has the same shape (:class:`Rule`): the metric id it assigns, the trigger words
that name it, and the canonical units of the figures it applies to. The built-in rules are
made from the vocabulary tables of ``_vocab.py``; :func:`register_metric` adds a rule
without editing the package. The extractor looks words up through an index compiled once
per change of the registry, never per call.

>>> from edumetrics import Unit, extract, register_metric
>>> rule = register_metric("tuition", ["学费"], units=[Unit.CNY])
>>> [(m.text, m.metric) for m in extract("全年减免学费120万元。")]
[('120万元', 'tuition')]
>>> unregister_metric("tuition")
>>> [(m.text, m.metric) for m in extract("全年减免学费120万元。")]
[('120万元', 'funding')]
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

import regex

from edumetrics._vocab import COUNT_WORDS, RATE_WORDS, UNIT_METRICS
from edumetrics._word_index import WordIndex
from edumetrics.errors import EdumetricsError
from edumetrics.records import Unit

__all__ = ["Rule", "register_metric", "rules", "unregister_metric"]

_ID = regex.compile(r"[a-z][a-z0-9_]*+")
_RATE_UNITS: Final = (Unit.PERCENT, Unit.PERCENTAGE_POINT)


@dataclass(frozen=True, slots=True)
class Rule:
    """Figures in one of ``units`` whose label (or counted noun) holds a word of ``words``
    measure ``metric``.

    >>> Rule("teacher_count", ("教师", "老师"), (Unit.PERSON, Unit.ITEM)).metric
    'teacher_count'
    """

    metric: str
    words: tuple[str, ...]
    units: tuple[Unit, ...]
    builtin: bool = False


def _builtin_rules() -> tuple[Rule, ...]:
    by_metric: dict[str, list[str]] = {}
    for word, metric in COUNT_WORDS.items():
        by_metric.setdefault(metric, []).append(word)
    out = []
    for metric, words in by_metric.items():
        units = tuple(
            Unit(u) for u, (allowed, _default) in UNIT_METRICS.items() if metric in allowed
        )
        out.append(Rule(metric, tuple(words), units, builtin=True))
    rate_by_metric: dict[str, list[str]] = {}
    for word, metric in RATE_WORDS.items():
        rate_by_metric.setdefault(metric, []).append(word)
    out += [Rule(m, tuple(w), _RATE_UNITS, builtin=True) for m, w in rate_by_metric.items()]
    return tuple(out)


class _Registry:
    """All rules, and the indexes the extractor uses, swapped atomically on change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: tuple[Rule, ...] = _builtin_rules()
        self._cache: dict[tuple[Unit, frozenset[str] | None], WordIndex] = {}
        self._user_units: frozenset[Unit] = frozenset()

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self._rules

    def index(self, unit: Unit, metrics: frozenset[str] | None = None) -> WordIndex:
        """Index of the rules for ``unit`` (limited to ``metrics`` if given)."""
        key = (unit, metrics)
        found = self._cache.get(key)
        if found is None:
            found = WordIndex(
                (r.metric, r.words)
                for r in self._rules
                if unit in r.units and (metrics is None or r.metric in metrics or not r.builtin)
            )
            self._cache[key] = found
        return found

    def user_index(self, unit: Unit) -> WordIndex | None:
        """Index of the user's rules for ``unit``, or None if there are none."""
        if unit not in self._user_units:
            return None
        return self.index(unit, frozenset())

    def add(self, rule: Rule) -> None:
        with self._lock:
            self._replace((*self._rules, rule))

    def remove(self, metric: str) -> None:
        with self._lock:
            self._replace(tuple(r for r in self._rules if r.builtin or r.metric != metric))

    def _replace(self, rules: tuple[Rule, ...]) -> None:
        """Put ``rules`` in force, with what is derived from them (under the lock)."""
        self._rules = rules
        self._cache = {}
        self._user_units = frozenset(u for r in rules if not r.builtin for u in r.units)


REGISTRY: Final = _Registry()


def register_metric(
    metric: str, words: Iterable[str], *, units: Iterable[Unit | str]
) -> Rule:
    """Add a rule: figures in ``units`` labelled by one of ``words`` measure ``metric``.

    ``metric`` is a new id (lower case, digits, underscores) or a built-in metric id
    given more trigger words. A user's words win over built-in ones when both match at the
    same place. Raises :class:`EdumetricsError` for a malformed id, no words or an unknown
    unit.

    >>> register_metric("Bad-Id", ["x"], units=["CNY"])
    Traceback (most recent call last):
    ...
    edumetrics.errors.EdumetricsError: metric id 'Bad-Id' must match [a-z][a-z0-9_]*
    """
    if not isinstance(metric, str) or not _ID.fullmatch(metric):
        raise EdumetricsError(f"metric id {metric!r} must match [a-z][a-z0-9_]*")
    word_list = tuple(w for w in words if isinstance(w, str) and w.strip())
    if not word_list:
        raise EdumetricsError(f"register_metric({metric!r}): give at least one trigger word")
    try:
        unit_list = tuple(Unit(u) for u in units)
    except ValueError as exc:
        known = ", ".join(u.value for u in Unit)
        raise EdumetricsError(f"register_metric({metric!r}): {exc}; units are {known}") from exc
    if not unit_list:
        raise EdumetricsError(f"register_metric({metric!r}): give at least one unit")
    rule = Rule(metric, word_list, unit_list)
    REGISTRY.add(rule)
    return rule


def unregister_metric(metric: str) -> None:
    """Remove every user rule for ``metric`` (built-in rules stay)."""
    REGISTRY.remove(metric)


def rules() -> tuple[Rule, ...]:
    """Every rule in force, built-in first, in the order the extractor consults them."""
    return REGISTRY.rules


def _user_rules() -> tuple[Rule, ...]:
    """The rules users registered, in order: what a worker process must register too."""
    return tuple(r for r in REGISTRY.rules if not r.builtin)


def _use_user_rules(user_rules: tuple[Rule, ...]) -> None:
    """Make the user rules in force exactly ``user_rules`` (in a worker process, the rules
    its parent had). Nothing changes, and no index is rebuilt, when they already are."""
    in_force = _user_rules()
    if in_force == user_rules:
        return
    for metric in dict.fromkeys(r.metric for r in in_force):
        unregister_metric(metric)
    for rule in user_rules:
        register_metric(rule.metric, rule.words, units=rule.units)
