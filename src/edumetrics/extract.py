"""Extraction engine. (being written)"""

from __future__ import annotations

from edumetrics.records import Mention

__all__ = ["extract"]


def extract(text: str) -> list[Mention]:
    """Every quantity mention in ``text``, in document order."""
    return []
