"""Numerals: read any way a Chinese report writes a number, exactly.

:func:`parse_number` turns one numeral into an exact :class:`~decimal.Decimal`:

>>> from edumetrics import parse_number
>>> parse_number("1,234,567"), parse_number("１２．５"), parse_number("1844.37万")
(Decimal('1234567'), Decimal('12.5'), Decimal('18443700'))
>>> parse_number("一百九十万零三千九百七十一"), parse_number("貳佰"), parse_number("三万五")
(Decimal('1903971'), Decimal('200'), Decimal('35000'))

The reader itself is ``_numeral_reader.py`` (why cn2an does not read numerals here, and
how values are kept tidy, its docstring says); this module is its public face.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from edumetrics import _numeral_reader

__all__ = ["MAX_LENGTH", "parse_number"]

MAX_LENGTH: Final = _numeral_reader.MAX_LENGTH
"""The longest numeral :func:`parse_number` reads, in characters (whitespace around it
not counted). No figure is written longer; the bound keeps every reading linear and below
the smallest limit Python may set on converting integers to and from text (640 digits)."""


def parse_number(text: str) -> Decimal:
    """Return the exact value of one numeral, written in any style a Chinese report uses.

    Arabic, with or without thousands separators, half- or full-width:

    >>> parse_number("4551"), parse_number("1,234.50"), parse_number("１２．５")
    (Decimal('4551'), Decimal('1234.5'), Decimal('12.5'))

    Chinese 小写 and 大写, simplified and traditional, 两 and 零/〇:

    >>> parse_number("十二亿三千四百五十六万七千八百九十")
    Decimal('1234567890')
    >>> [parse_number(t) for t in ("壹佰贰拾叁", "參拾", "两万", "二〇二三")]
    [Decimal('123'), Decimal('30'), Decimal('20000'), Decimal('2023')]

    点 decimals, Arabic digits with Chinese multipliers, and the colloquial omitted unit:

    >>> parse_number("十二点零五"), parse_number("1.2万亿"), parse_number("二百八")
    (Decimal('12.05'), Decimal('1200000000000'), Decimal('280'))

    Anything else raises :class:`~edumetrics.NumeralError` naming the position of the first
    character that cannot be read (``len(text)`` when the numeral stops half-way):

    >>> parse_number("一百百")
    Traceback (most recent call last):
    ...
    edumetrics.errors.NumeralError: cannot read '一百百' as a number: unexpected '百' at position 2
    >>> parse_number("5.")
    Traceback (most recent call last):
    ...
    edumetrics.errors.NumeralError: cannot read '5.' as a number: incomplete numeral (position 2)

    A unit that starts a numeral counts one, as in 十五 and 百余人 (``百`` is 100, ``千万``
    is 10 ** 7); inside a numeral 十 may leave out its 一 right after a counted 百 or after
    零 (``一百十一`` is 111, ``一千零十`` 1010). 廿, 卅 and 卌 are 二十, 三十 and 四十. A sign
    may lead (``负``, ``-``, ``－``, ``正``, ``+``):

    >>> parse_number("一百十一"), parse_number("负零点一零"), parse_number("-10.1万")
    (Decimal('111'), Decimal('-0.1'), Decimal('-101000'))

    Digits side by side without a 〇 (``三五``, ``七八``) are an approximate range in
    Chinese ("three or five"), not a numeral, and raise; so does a numeral longer than
    :data:`MAX_LENGTH` characters. Percent signs and units are not part of a numeral. A
    non-``str`` argument raises :class:`TypeError`.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_number() expects str, not {type(text).__name__}")
    return _numeral_reader.read_number(text)
