"""edumetrics: every figure in a Chinese education report, as typed, span-exact records.

>>> import edumetrics
>>> [(m.text, m.value, m.unit.value) for m in edumetrics.extract("投资4551万元,新建小学3所。")]
[('4551万元', Decimal('45510000'), 'CNY'), ('3所', Decimal('3'), 'school')]
"""

from __future__ import annotations

from edumetrics.batch import Extraction, extract_document, extract_many
from edumetrics.errors import (
    DocumentError,
    EdumetricsError,
    MissingExtraError,
    NumeralError,
    PathAsTextError,
)
from edumetrics.extract import extract
from edumetrics.numerals import parse_number
from edumetrics.readers import Document, read_document
from edumetrics.records import Flag, Level, Mention, Metric, Qualifier, Role, Unit
from edumetrics.rules import Rule, register_metric, rules, unregister_metric
from edumetrics.tables import to_arrow, to_pandas, to_polars

__version__ = "0.1.0.dev0"

__all__ = [
    "Document",
    "DocumentError",
    "EdumetricsError",
    "Extraction",
    "Flag",
    "Level",
    "Mention",
    "Metric",
    "MissingExtraError",
    "NumeralError",
    "PathAsTextError",
    "Qualifier",
    "Role",
    "Rule",
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
    "to_polars",
    "unregister_metric",
]
