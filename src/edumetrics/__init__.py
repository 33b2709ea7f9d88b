"""edumetrics: every figure in a Chinese education report, as typed, span-exact records.

>>> import edumetrics
>>> [(m.text, m.value, m.unit.value) for m in edumetrics.extract("投资4551万元,新建小学3所。")]
[('4551万元', Decimal('45510000'), 'CNY'), ('3所', Decimal('3'), 'school')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from edumetrics.batch import Extraction, extract_document, extract_many
from edumetrics.errors import (
    DocumentError,
    EdumetricsError,
    MainGuardError,
    MissingExtraError,
    NumeralError,
    PathAsTextError,
    RulesFileError,
)
from edumetrics.extract import extract
from edumetrics.numerals import parse_number
from edumetrics.readers import Document, read_document
from edumetrics.records import Flag, Level, Mention, Metric, Qualifier, Role, Unit
from edumetrics.rules import Rule, Rules, register_metric, rules, unregister_metric
from edumetrics.tables import to_arrow, to_pandas, to_polars

if TYPE_CHECKING:
    from edumetrics._metadata import DocumentInfo
    from edumetrics.panel import to_panel

__version__ = "0.2.0"


def version() -> str:
    """This version of edumetrics and which build of it runs, as ``edumetrics --version``
    prints it: ``compiled`` (a regular install compiles the extractor with mypyc) or
    ``pure Python`` (an editable install, or an install where compiling failed).

    >>> version().split(" (")[0] == f"edumetrics {__version__}"
    True
    """
    from importlib.machinery import EXTENSION_SUFFIXES

    from edumetrics import _engine

    compiled = (_engine.__file__ or "").endswith(tuple(EXTENSION_SUFFIXES))
    return f"edumetrics {__version__} ({'compiled' if compiled else 'pure Python'})"


__all__ = [
    "Document",
    "DocumentError",
    "DocumentInfo",
    "EdumetricsError",
    "Extraction",
    "Flag",
    "Level",
    "MainGuardError",
    "Mention",
    "Metric",
    "MissingExtraError",
    "NumeralError",
    "PathAsTextError",
    "Qualifier",
    "Role",
    "Rule",
    "Rules",
    "RulesFileError",
    "Unit",
    "__version__",
    "extract",
    "extract_document",
    "extract_many",
    "parse_number",
    "read_document",
    "register_metric",
    "rules",
    "to_arrow",
    "to_pandas",
    "to_panel",
    "to_polars",
    "unregister_metric",
    "version",
]


def __getattr__(name: str) -> Any:
    """``DocumentInfo`` and ``to_panel``, imported on first use: their patterns take about
    as long to compile as the extractor's, which a script that only extracts never needs."""
    if name == "DocumentInfo":
        from edumetrics._metadata import DocumentInfo

        return DocumentInfo
    if name == "to_panel":
        from edumetrics.panel import to_panel

        return to_panel
    raise AttributeError(f"module 'edumetrics' has no attribute {name!r}")
