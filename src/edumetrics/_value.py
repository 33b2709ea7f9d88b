"""Stage 2, value: the exact value of each candidate's numeral.

Decides: ``value`` (a ``Decimal``: the numeral read by ``_numeral_reader.read_number``,
成 as tenths of a hundred, 角/分 after 元 as tenths and hundredths), ``masked`` (xx.xx%),
and the flag of a numeral that cannot be read.
From: the numeral as written (``Candidate.num``) and its unit as written; nothing around it.
The sign of a change is not decided here but by the role stage (``_role.py``).
"""

from __future__ import annotations

from decimal import Decimal

from edumetrics._candidates import Candidate
from edumetrics._numeral_reader import read_number
from edumetrics._vocab import (
    CAN_THREE,
    CAN_THREE_AS,
    FEN_WORD,
    JIAO_WORD,
    TENTHS_WORD,
)
from edumetrics.errors import NumeralError
from edumetrics.records import Flag

_MASK_CHARS = frozenset("xX×*")


_LONGEST_NUMERAL = 64


_TEN = Decimal(10)


def read_value(c: Candidate) -> None:
    num = c.num
    if any(ch in _MASK_CHARS for ch in num):
        c.masked = True
        return
    if num.endswith("."):
        c.flags.append(Flag.MALFORMED_NUMBER)
        num = num[:-1]
    if len(num) > _LONGEST_NUMERAL:  # a digit run of this length is not a figure
        c.flags.append(Flag.MALFORMED_NUMBER)
        return
    try:
        value = read_number(num.replace(CAN_THREE, CAN_THREE_AS))  # 參拾 reads 参拾 here
    except NumeralError:
        c.flags.append(Flag.MALFORMED_NUMBER)
        return
    if c.unit_text == TENTHS_WORD:  # 八成 = 80%
        value *= _TEN
    if c.cents:
        value += _cents(c.cents)
    c.value = -value if c.negative else value


def _cents(written: str) -> Decimal:
    """The 角 (tenths) and 分 (hundredths) of a yuan as written after 元: 5角 is 0.5, 壹角捌分
    0.18, 零伍分 0.05; 整/正 say there are none. (QUANTITY lets through one digit before
    each, never 零.)"""
    value = Decimal(0)
    for place, unit in ((1, JIAO_WORD), (2, FEN_WORD)):
        at = written.find(unit)
        if at > 0:
            value += read_number(written[at - 1]).scaleb(-place)
    return value
