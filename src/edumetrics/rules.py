"""Metric rules: which words name which metric, for which units. Users bring their own.

Every rule has the same shape (:class:`Rule`): the metric id it assigns, the trigger words
that name it, and the canonical units of the figures it applies to. A :class:`Rules` is an
immutable set of them: the built-in rules (made from the vocabulary tables of
``_vocab.py``) and, after them, the user's. Every extracting function takes one
(``rules=``); the built-in set is the default. A rule set is a value: threads extracting
with different sets never see each other's rules, and it pickles, so worker processes and
Spark executors receive it with their work. Its word indexes are compiled once per set of
rules (shared by equal sets), never per call.

>>> from edumetrics import Rules, Unit, extract
>>> mine = Rules().with_metric("tuition", ["学费"], units=[Unit.CNY])
>>> [(m.text, m.metric) for m in extract("全年减免学费120万元。", rules=mine)]
[('120万元', 'tuition')]
>>> [(m.text, m.metric) for m in extract("全年减免学费120万元。")]
[('120万元', 'funding')]

:func:`register_metric` and :func:`unregister_metric`, which changed one rule set shared
by the whole process, still work and warn (:class:`DeprecationWarning`): pass a
:class:`Rules` instead.
"""

from __future__ import annotations

import functools
import json
import threading
import tomllib
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import regex

from edumetrics._vocab import METRICS
from edumetrics._word_index import WordIndex
from edumetrics.errors import EdumetricsError, RulesFileError
from edumetrics.records import Unit

__all__ = ["Rule", "Rules", "register_metric", "rules", "unregister_metric"]

_ID = regex.compile(r"[a-z][a-z0-9_]*+")


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
    """A rule per built-in metric that words name (``_vocab.METRICS``)."""
    return tuple(
        Rule(metric, row.words, tuple(Unit(u) for u in row.units), builtin=True)
        for metric, row in METRICS.items()
        if row.words
    )


_BUILTIN: Final = _builtin_rules()


def _checked(
    metric: str, words: Iterable[str], units: Iterable[Unit | str], where: str
) -> Rule:
    """A user's rule, its arguments checked (``where`` names the call in an error)."""
    if not isinstance(metric, str) or not _ID.fullmatch(metric):
        raise EdumetricsError(f"metric id {metric!r} must match [a-z][a-z0-9_]*")
    if isinstance(words, str):
        raise EdumetricsError(f"{where}({metric!r}): give the trigger words as a list, not a str")
    word_list = tuple(w for w in words if isinstance(w, str) and w.strip())
    if not word_list:
        raise EdumetricsError(f"{where}({metric!r}): give at least one trigger word")
    try:
        unit_list = tuple(Unit(u) for u in units)
    except ValueError as exc:
        known = ", ".join(u.value for u in Unit)
        raise EdumetricsError(f"{where}({metric!r}): {exc}; units are {known}") from exc
    if not unit_list:
        raise EdumetricsError(f"{where}({metric!r}): give at least one unit")
    return Rule(metric, word_list, unit_list)


class Rules:
    """An immutable set of metric rules: the built-in ones, then ``custom`` (the user's).

    ``Rules()`` is the built-in set, what every extracting function uses by default. A
    user's trigger word wins over a built-in one where both match at the same place; a
    user's rule may give a built-in metric id more words. Rule sets compare, hash and
    pickle by their rules.

    >>> base = Rules()
    >>> mine = base.with_metric("volunteer_count", ["志愿者"], units=["person"])
    >>> [r.metric for r in mine.custom], len(mine) == len(base) + 1, base.custom
    (['volunteer_count'], True, ())
    >>> mine.without_metric("volunteer_count") == base
    True
    """

    __slots__ = ("_custom", "_indexes", "_rules", "_user_units")

    _custom: tuple[Rule, ...]
    _rules: tuple[Rule, ...]
    _user_units: frozenset[Unit]
    _indexes: dict[tuple[Unit, frozenset[str] | None], WordIndex]

    def __init__(self, custom: Iterable[Rule] = ()) -> None:
        if isinstance(custom, Rule):
            custom = (custom,)
        checked = []
        for rule in custom:
            if not isinstance(rule, Rule):
                raise TypeError(f"Rules() takes Rule objects, not {type(rule).__name__}")
            checked.append(_checked(rule.metric, rule.words, rule.units, "Rule"))
        own = tuple(checked)
        set_ = object.__setattr__
        set_(self, "_custom", own)
        set_(self, "_rules", _BUILTIN + own)
        set_(self, "_user_units", frozenset(u for r in own for u in r.units))
        set_(self, "_indexes", _indexes_of(own))

    @classmethod
    def from_file(cls, path: str | Path) -> Rules:
        """The built-in rules and the metric rules of a TOML (``.toml``) or JSON file.

        The file holds a list ``metric`` of tables with ``id``, ``words`` and ``units``
        (as for :meth:`with_metric`)::

            [[metric]]
            id = "tuition"
            words = ["学费", "住宿费"]
            units = ["CNY"]

        In JSON: ``{"metric": [{"id": "tuition", "words": ["学费"], "units": ["CNY"]}]}``.
        Raises :class:`~edumetrics.errors.RulesFileError` naming the file and what is
        wrong in it.
        """
        return cls(_read_rules_file(Path(path)))

    def with_metric(
        self, metric: str, words: Iterable[str], *, units: Iterable[Unit | str]
    ) -> Rules:
        """A new rule set: these rules and one more, figures in ``units`` labelled by one of
        ``words`` measure ``metric`` (a new id of lower case letters, digits and
        underscores, or a built-in metric id given more words).

        >>> Rules().with_metric("Bad-Id", ["x"], units=["CNY"])
        Traceback (most recent call last):
        ...
        edumetrics.errors.EdumetricsError: metric id 'Bad-Id' must match [a-z][a-z0-9_]*
        """
        return Rules((*self._custom, _checked(metric, words, units, "with_metric")))

    def without_metric(self, metric: str) -> Rules:
        """A new rule set: these rules without the user's rules for ``metric`` (built-in
        rules stay)."""
        return Rules(r for r in self._custom if r.metric != metric)

    @property
    def custom(self) -> tuple[Rule, ...]:
        """The user's rules, in the order they were added."""
        return self._custom

    def __iter__(self) -> Iterator[Rule]:
        """Every rule, built-in first, in the order the extractor consults them."""
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Rules):
            return NotImplemented
        return self._custom == other._custom

    def __hash__(self) -> int:
        return hash(self._custom)

    def __repr__(self) -> str:
        own = ", ".join(f"{r.metric!r}" for r in self._custom)
        return f"Rules(built-in: {len(_BUILTIN)}, custom: [{own}])"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Rules is immutable: use with_metric() / without_metric() ({name})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Rules is immutable ({name})")

    def __reduce__(self) -> tuple[type[Rules], tuple[tuple[Rule, ...]]]:
        # only the user's rules travel; the indexes are compiled again where they land
        return (Rules, (self._custom,))

    # --- what the extractor looks words up in ------------------------------------------

    def _index(self, unit: Unit, metrics: frozenset[str] | None = None) -> WordIndex:
        """Index of the rules for ``unit`` (limited to ``metrics`` if given; the user's
        rules always count)."""
        key = (unit, metrics)
        found = self._indexes.get(key)
        if found is None:
            # (two threads may both build it: the same index, and either may be kept)
            found = WordIndex(
                (r.metric, r.words)
                for r in self._rules
                if unit in r.units and (metrics is None or r.metric in metrics or not r.builtin)
            )
            self._indexes[key] = found
        return found

    def _user_index(self, unit: Unit) -> WordIndex | None:
        """Index of the user's rules for ``unit``, or None if there are none."""
        if unit not in self._user_units:
            return None
        return self._index(unit, frozenset())


@functools.lru_cache(maxsize=32)
def _indexes_of(custom: tuple[Rule, ...]) -> dict[tuple[Unit, frozenset[str] | None], WordIndex]:
    """The indexes of the rule set with ``custom`` rules, shared by all equal sets (a set
    made anew per call, or unpickled in a worker, reuses what was compiled)."""
    return {}


BUILTIN_RULES: Final = Rules()
"""The built-in rule set (``Rules()``)."""


def _read_rules_file(path: Path) -> list[Rule]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RulesFileError(str(path), f"cannot read it: {exc.strerror or exc}") from exc
    try:
        if path.suffix.lower() == ".json":
            data: Any = json.loads(raw.decode("utf-8"))
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:  # (TOML and JSON errors are ValueErrors)
        kind = "JSON" if path.suffix.lower() == ".json" else "TOML"
        raise RulesFileError(str(path), f"not valid {kind}: {exc}") from exc
    entries = data.get("metric") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise RulesFileError(str(path), 'no metric rules: expected a list "metric" of tables')
    out = []
    for n, entry in enumerate(entries, 1):
        where = f"metric rule {n}"
        if not isinstance(entry, dict):
            raise RulesFileError(str(path), f"{where} is not a table")
        unknown = sorted(set(entry) - {"id", "words", "units"})
        missing = [k for k in ("id", "words", "units") if k not in entry]
        if unknown or missing:
            problem = f"unknown keys {unknown}" if unknown else f"missing {missing}"
            raise RulesFileError(str(path), f"{where}: {problem} (keys: id, words, units)")
        if not all(isinstance(entry[k], list) for k in ("words", "units")):
            raise RulesFileError(str(path), f"{where}: words and units must be lists")
        try:
            out.append(_checked(entry["id"], entry["words"], entry["units"], "Rule"))
        except EdumetricsError as exc:
            raise RulesFileError(str(path), f"{where}: {exc}") from exc
    return out


# --- the process-wide rule set of register_metric (deprecated) ------------------------

_lock = threading.Lock()
_in_force: Rules = BUILTIN_RULES

_MIGRATION = (
    "the rule set shared by the whole process is deprecated: make a rule set, "
    "rules = edumetrics.Rules().with_metric(...), and pass it: extract(text, rules=rules)"
)


def register_metric(
    metric: str, words: Iterable[str], *, units: Iterable[Unit | str]
) -> Rule:
    """Deprecated: add a rule to the rule set of every call given none (see
    :meth:`Rules.with_metric`, which this takes the same arguments as).

    Raises :class:`EdumetricsError` for a malformed id, no words or an unknown unit.
    """
    warnings.warn(f"register_metric(): {_MIGRATION}", DeprecationWarning, stacklevel=2)
    global _in_force
    rule = _checked(metric, words, units, "register_metric")
    with _lock:
        _in_force = Rules((*_in_force.custom, rule))
    return rule


def unregister_metric(metric: str) -> None:
    """Deprecated: remove every user rule for ``metric`` from the rule set of every call
    given none (built-in rules stay; see :meth:`Rules.without_metric`)."""
    warnings.warn(f"unregister_metric(): {_MIGRATION}", DeprecationWarning, stacklevel=2)
    global _in_force
    with _lock:
        _in_force = _in_force.without_metric(metric)


def rules() -> tuple[Rule, ...]:
    """Every rule a call given no rule set uses, built-in first, in the order the
    extractor consults them: those of ``Rules()`` and any made with the deprecated
    :func:`register_metric`."""
    return tuple(_in_force)


def _resolve(rule_set: Rules | None) -> Rules:
    """The rule set of a call: the one given, else the process-wide one."""
    if rule_set is None:
        return _in_force
    if not isinstance(rule_set, Rules):
        raise TypeError(f"rules must be an edumetrics.Rules, not {type(rule_set).__name__}")
    return rule_set
