"""The numeral tables: no character twice, every row well-formed, values as written in
the standards, in agreement with cn2an where cn2an has the character, and every row read
by parse_number."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from edumetrics import parse_number
from edumetrics._cn2an import read as cn2an_read
from edumetrics._numeral_tables import (
    ARABIC_DIGITS,
    CHINESE_DIGITS,
    DECIMAL_POINTS,
    MULTIPLIERS,
    SIGNS,
    TENS,
    THOUSANDS_SEPARATORS,
    ChineseDigit,
    DecimalPoint,
    Multiplier,
    Separator,
    Sign,
    Tens,
)

ALL_CHARS = [
    row.char
    for table in (
        ARABIC_DIGITS,
        CHINESE_DIGITS,
        MULTIPLIERS,
        DECIMAL_POINTS,
        THOUSANDS_SEPARATORS,
        TENS,
        SIGNS,
    )
    for row in table
]


def test_no_character_is_listed_twice() -> None:
    twice = sorted(char for char, n in Counter(ALL_CHARS).items() if n > 1)
    assert twice == []


def test_every_key_is_one_character() -> None:
    assert [c for c in ALL_CHARS if len(c) != 1] == []


# Written out from GB/T 15835 and the bill-writing rules, not from the tables.
EXPECTED_DIGITS = [
    ("零一二三四五六七八九", range(10)),
    ("〇", [0]),
    ("○", [0]),
    ("两兩", [2, 2]),
    ("壹贰叁肆伍陆柒捌玖", range(1, 10)),
    ("壹貳參肆伍陸柒捌玖", range(1, 10)),
    ("弌弍弎叄", [1, 2, 3, 3]),
]
EXPECTED_POWERS = [("十拾", 1), ("百佰陌", 2), ("千仟阡", 3), ("万萬", 4), ("亿億", 8)]


@pytest.mark.parametrize(("chars", "values"), EXPECTED_DIGITS, ids=[c for c, _ in EXPECTED_DIGITS])
def test_digit_values(chars: str, values: range | list[int]) -> None:
    table = {row.char: row.value for row in CHINESE_DIGITS}
    assert [table[c] for c in chars] == list(values)


@pytest.mark.parametrize(("chars", "power"), EXPECTED_POWERS, ids=[c for c, _ in EXPECTED_POWERS])
def test_multiplier_powers(chars: str, power: int) -> None:
    table = {row.char: row.power for row in MULTIPLIERS}
    assert [table[c] for c in chars] == [power] * len(chars)


def test_tables_hold_nothing_unexpected() -> None:
    digits = {c for chars, _ in EXPECTED_DIGITS for c in chars}
    units = {c for chars, _ in EXPECTED_POWERS for c in chars}
    assert {row.char for row in CHINESE_DIGITS} == digits
    assert {row.char for row in MULTIPLIERS} == units
    assert [(r.char, r.value) for r in ARABIC_DIGITS] == [
        *((str(v), v) for v in range(10)),
        *(("０１２３４５６７８９"[v], v) for v in range(10)),
    ]


@pytest.mark.parametrize("row", CHINESE_DIGITS, ids=[r.char for r in CHINESE_DIGITS])
def test_digit_agrees_with_cn2an_and_reads_alone(row: ChineseDigit) -> None:
    assert cn2an_read(row.char) in (None, Decimal(row.value))
    assert parse_number(row.char) == row.value
    assert row.role == ("zero" if row.value == 0 else "liang" if row.char in "两兩" else "digit")


@pytest.mark.parametrize("row", MULTIPLIERS, ids=[r.char for r in MULTIPLIERS])
def test_multiplier_agrees_with_cn2an_and_reads(row: Multiplier) -> None:
    assert cn2an_read("一" + row.char) in (None, Decimal(10) ** row.power)
    assert parse_number("一" + row.char) == 10**row.power
    assert parse_number("3" + row.char) == 3 * 10**row.power


@pytest.mark.parametrize("row", DECIMAL_POINTS, ids=[r.char for r in DECIMAL_POINTS])
def test_decimal_point_reads(row: DecimalPoint) -> None:
    text = f"1{row.char}5" if row.system == "arabic" else f"一{row.char}五"
    assert parse_number(text) == Decimal("1.5")


@pytest.mark.parametrize("row", THOUSANDS_SEPARATORS, ids=[r.char for r in THOUSANDS_SEPARATORS])
def test_separator_reads(row: Separator) -> None:
    assert parse_number(f"1{row.char}234{row.char}567") == 1234567


@pytest.mark.parametrize("row", TENS, ids=[r.char for r in TENS])
def test_tens_read_as_their_multiple_of_ten(row: Tens) -> None:
    assert {"廿": 20, "卅": 30, "卌": 40}[row.char] == row.digit * 10
    assert parse_number(row.char) == row.digit * 10
    assert parse_number(row.char + "五") == row.digit * 10 + 5


@pytest.mark.parametrize("row", SIGNS, ids=[r.char for r in SIGNS])
def test_sign_reads(row: Sign) -> None:
    assert parse_number(row.char + "12.5") == Decimal("-12.5" if row.negative else "12.5")
    assert parse_number(row.char + "十二点五") == Decimal("-12.5" if row.negative else "12.5")
    assert row.negative == (row.char in "-\u2212－负負")
