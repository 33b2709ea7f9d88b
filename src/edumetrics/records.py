"""The record edumetrics returns for every quantity mention, and its vocabularies.

The ids of :class:`Unit`, :class:`Metric`, :class:`Role`, :class:`Level` and
:class:`Qualifier` are those of the output contract (``SPEC.md``). Every enum is a
``str`` subclass, so a record compares equal to and serialises as its plain id.
The JSON schema of :class:`Mention` is pinned by a test (``tests/data/mention.schema.json``).
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Flag", "Level", "Mention", "Metric", "Qualifier", "Role", "Unit"]


class Unit(StrEnum):
    """Canonical unit of a mention's ``value``."""

    CNY = "CNY"
    PERCENT = "percent"
    PERCENTAGE_POINT = "percentage_point"
    SCHOOL = "school"
    PERSON = "person"
    PERSON_TIME = "person_time"
    ITEM = "item"
    M2 = "m2"
    MU = "mu"
    KM2 = "km2"
    SCORE = "score"
    OTHER = "other"


class Metric(StrEnum):
    """Built-in metric ids. ``Mention.metric`` may also hold an id registered by the user."""

    ENROLLMENT_RATE = "enrollment_rate"
    GROSS_ENROLLMENT_RATE = "gross_enrollment_rate"
    RETENTION_RATE = "retention_rate"
    DROPOUT_RATE = "dropout_rate"
    PROMOTION_RATE = "promotion_rate"
    ADMISSION_RATE = "admission_rate"
    PASS_RATE = "pass_rate"
    EMPLOYMENT_RATE = "employment_rate"
    COVERAGE_RATE = "coverage_rate"
    SHARE = "share"
    GROWTH_RATE = "growth_rate"
    OTHER_RATE = "other_rate"
    FUNDING = "funding"
    PER_CAPITA_FUNDING = "per_capita_funding"
    SCHOOL_COUNT = "school_count"
    STUDENT_COUNT = "student_count"
    TEACHER_COUNT = "teacher_count"
    STAFF_COUNT = "staff_count"
    PERSON_COUNT = "person_count"
    PARTICIPATION_COUNT = "participation_count"
    PROJECT_COUNT = "project_count"
    FACILITY_COUNT = "facility_count"
    AREA = "area"
    SCORE = "score"
    OTHER = "other"


class Role(StrEnum):
    """What kind of figure it is: reported, aimed at, or a difference."""

    ACTUAL = "actual"
    TARGET = "target"
    CHANGE = "change"


class Level(StrEnum):
    """The stage of education a figure is about."""

    PRESCHOOL = "preschool"
    PRIMARY = "primary"
    JUNIOR_SECONDARY = "junior_secondary"
    SENIOR_SECONDARY = "senior_secondary"
    COMPULSORY = "compulsory"
    VOCATIONAL = "vocational"
    HIGHER = "higher"
    SPECIAL = "special"
    ADULT = "adult"


class Qualifier(StrEnum):
    """How exact the figure is said to be."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class PeriodSource(StrEnum):
    """Where a figure's ``period`` was read."""

    STATED = "stated"
    """Its own sentence (or its table column) names the year."""
    SECTION = "section"
    """The heading of its section names the year (二、2024年工作计划)."""
    DOCUMENT = "document"
    """The document's title or opening names the year (2023年教育统计公报)."""


class Flag(StrEnum):
    """Something a reader should check; a flagged figure is reported, never altered."""

    MALFORMED_NUMBER = "malformed_number"
    """The numeral is damaged (``23.人次``, ``99.,``); the value is what could be read."""
    IMPLAUSIBLE_VALUE = "implausible_value"
    """The value cannot be right for its unit (a rate above 100%)."""
    PARTS_EXCEED_TOTAL = "parts_exceed_total"
    """Parts linked to this total add up to more than it."""


_ID_PATTERN = r"^[a-z][a-z0-9_]*$"


class Mention(BaseModel):
    """One quantity mention: a number with its unit, what it measures, and where it is.

    ``text`` is always ``document[start:end]`` of the string given to ``extract``.

    >>> m = Mention(start=3, end=10, text="2860万元", value=Decimal("28600000"),
    ...             unit=Unit.CNY, metric="funding", unit_text="万元")
    >>> m.value, m.float_value, m.span
    (Decimal('28600000'), 28600000.0, (3, 10))
    >>> m.role, m.qualifier, m.level
    (<Role.ACTUAL: 'actual'>, <Qualifier.EXACT: 'exact'>, None)
    """

    # defer_build: the validator and serializer are built on first use (~20 ms), not at
    # import; extract builds records without them (_build.py) and may never need them.
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False, defer_build=True)

    start: int = Field(ge=0, description="Offset of the first character, into the raw text.")
    end: int = Field(ge=0, description="Offset after the last character (exclusive).")
    text: str = Field(description="Exactly raw[start:end]: number through unit.")
    value: Decimal | None = Field(
        description="Value in the canonical unit, exact; null when the digits are masked."
    )
    unit: Unit = Field(description="Canonical unit id.")
    metric: str = Field(
        default=Metric.OTHER.value,
        pattern=_ID_PATTERN,
        description="Metric id: one of Metric, or an id registered by the user.",
    )
    role: Role = Field(default=Role.ACTUAL, description="actual, target or change.")
    level: Level | None = Field(default=None, description="Education level, when stated.")
    qualifier: Qualifier = Field(default=Qualifier.EXACT, description="exact/approx/bounds.")
    masked: bool = Field(default=False, description="Digits replaced by placeholders (xx.x).")
    label: str | None = Field(
        default=None, description="The phrase naming what is measured, as written."
    )
    unit_text: str = Field(default="", description="The unit as written (万余元, 台, %).")
    per: str | None = Field(
        default=None, description="Denominator of a per-capita unit as written (生/年)."
    )
    period: int | None = Field(
        default=None, description="The year the figure is for, when the text says so."
    )
    period_source: PeriodSource | None = Field(
        default=None,
        description="Where the period was read: its sentence, its section or its document.",
    )
    sentence_start: int = Field(default=0, ge=0, description="Start of the sentence.")
    sentence_end: int = Field(default=0, ge=0, description="End of the sentence (exclusive).")
    parent: int | None = Field(
        default=None,
        ge=0,
        description="Index (in the same result list) of the total this figure is part of.",
    )
    flags: tuple[Flag, ...] = Field(default=(), description="Things a reader should check.")

    @property
    def float_value(self) -> float | None:
        """``value`` as a float, for plotting and arithmetic that need not be exact."""
        return None if self.value is None else float(self.value)

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)``."""
        return (self.start, self.end)

    def to_record(self, doc: str | None = None) -> dict[str, Any]:
        """A plain dict with string ids and the exact ``Decimal`` value (``doc`` first if given).

        >>> Mention(start=0, end=3, text="99%", value=Decimal("99"), unit=Unit.PERCENT,
        ...         metric="enrollment_rate").to_record("a.txt")["value"]
        Decimal('99')
        """
        out: dict[str, Any] = {} if doc is None else {"doc": doc}
        for name in type(self).model_fields:
            v = getattr(self, name)
            if isinstance(v, Enum):
                v = v.value
            elif name == "flags":
                v = [f.value for f in v]
            out[name] = v
        return out


# Every record has every field set, so records share one set of their names: a set of
# its own made a third of a record's cost (allocated, filled, tracked by the collector).
# Pydantic never changes the set of a frozen model in place (model_copy copies it before
# adding names), and records unpickled together share one too.
ALL_FIELDS = set(Mention.model_fields)

# Enum members by id, for code that builds records from plain ids (the extractor, and
# extract_many's parent process): a dict lookup is cheaper than calling the enum.
UNIT_BY_ID = {u.value: u for u in Unit}
ROLE_BY_ID = {r.value: r for r in Role}
LEVEL_BY_ID = {lv.value: lv for lv in Level}
QUALIFIER_BY_ID = {q.value: q for q in Qualifier}
FLAG_BY_ID = {f.value: f for f in Flag}
PERIOD_SOURCE_BY_ID = {p.value: p for p in PeriodSource}


def count_mentions(count: int) -> str:
    """``count`` mentions in words: ``1 mention``, ``2 mentions``, ``0 mentions``.

    >>> count_mentions(1), count_mentions(0)
    ('1 mention', '0 mentions')
    """
    return f"{count} mention{'' if count == 1 else 's'}"
