"""Numerals: read any way a Chinese report writes a number, exactly. (being written)"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["parse_number"]


def parse_number(text: str) -> Decimal:
    """Return the exact value of a numeral."""
    return Decimal(text)
