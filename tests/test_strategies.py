"""edumetrics.strategies: each style writes what it says, values are exact and tidy and in
range, bad arguments are refused, and the module names its extra when hypothesis is
missing. (The round trip through parse_number is in test_numerals.py.)"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from edumetrics import MissingExtraError
from edumetrics.strategies import (
    DECIMAL_STYLES,
    MAX_VALUE,
    SIGNS,
    STYLES,
    MoneyStyle,
    NumeralStyle,
    money,
    numerals,
)

UNITS = set("十百千拾佰仟万萬亿億")
LOWER_DIGITS = set("零〇一二三四五六七八九两兩")
UPPER_DIGITS = set("零壹贰貳叁參肆伍陆陸柒捌玖")
FULLWIDTH = set("０１２３４５６７８９，．.")

# What the text of each style may contain.
LOOKS_LIKE: dict[NumeralStyle, Callable[[str], bool]] = {
    "arabic": lambda t: t.isascii() and t.isdigit(),
    "arabic_grouped": lambda t: t.isascii() and t.replace(",", "").isdigit(),
    "fullwidth": lambda t: set(t) <= FULLWIDTH - {"."},
    "lower": lambda t: set(t) <= (LOWER_DIGITS | UNITS) - set("拾佰仟两兩"),
    "lower_liang": lambda t: set(t) <= (LOWER_DIGITS | UNITS) - set("拾佰仟"),
    "upper": lambda t: set(t) <= UPPER_DIGITS | set("拾佰仟万萬亿億"),
    "mixed": lambda t: any(c.isascii() and c.isdigit() for c in t),
    "digitwise": lambda t: not set(t) & UNITS,
    # the last unit left out (三万五), or the 一 of 十 after 百 or 零 (一百十五, 一千零十)
    "colloquial": lambda t: (t[-1] in LOWER_DIGITS | set("123456789") and t[-2] in UNITS)
    or any(t[i] in "十拾" and t[i - 1] in "百佰零" for i in range(1, len(t))),
}


def test_every_style_is_described() -> None:
    assert set(LOOKS_LIKE) == set(STYLES)


@pytest.mark.parametrize("style", STYLES)
@given(data=st.data())
def test_style_writes_its_own_characters(style: NumeralStyle, data: st.DataObject) -> None:
    text, value = data.draw(numerals(style=style), label="numeral")
    assert LOOKS_LIKE[style](text), text
    assert isinstance(value, Decimal)
    assert value.as_tuple().exponent == 0
    assert 0 <= value <= MAX_VALUE


@given(
    bounds=st.tuples(st.integers(0, MAX_VALUE), st.integers(0, MAX_VALUE)).map(sorted),
    data=st.data(),
)
def test_values_stay_in_range(bounds: list[int], data: st.DataObject) -> None:
    low, high = bounds
    style = data.draw(st.sampled_from([s for s in STYLES if s != "colloquial"]))
    _, value = data.draw(numerals(style=style, min_value=low, max_value=high))
    assert low <= value <= high


@pytest.mark.parametrize("style", DECIMAL_STYLES)
@given(data=st.data())
def test_fractions_are_tidy_and_short(style: NumeralStyle, data: st.DataObject) -> None:
    _, value = data.draw(numerals(style=style, places=4), label="numeral")
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    assert -4 <= exponent <= 0
    assert exponent == 0 or digits[-1] != 0


def test_colloquial_writes_both_omissions() -> None:
    seen = {"last unit": False, "ten": False}

    @given(numerals(style="colloquial"))
    def check(pair: tuple[str, Decimal]) -> None:
        text, _ = pair
        omits_ten = any(t in text for t in ("百十", "佰拾", "零十", "零拾"))
        seen["ten" if omits_ten else "last unit"] = True

    check()
    assert seen == {"last unit": True, "ten": True}


@given(pair=numerals(signed=True))
def test_signed_numerals_start_with_a_sign_and_carry_it(pair: tuple[str, Decimal]) -> None:
    text, value = pair
    sign = dict(SIGNS).get(text[0])
    assert sign is not None, text
    assert (value < 0) == (sign and value != 0)
    assert abs(value) <= MAX_VALUE


MONEY_LOOKS_LIKE: dict[MoneyStyle, Callable[[str], bool]] = {
    "arabic": lambda t: t[0].isascii() and t[0].isdigit(),
    "lower": lambda t: t[0] in LOWER_DIGITS | UNITS,
    "upper": lambda t: t[0] in UPPER_DIGITS | UNITS,
}


@pytest.mark.parametrize("style", list(MONEY_LOOKS_LIKE))
@given(data=st.data())
def test_money_writes_yuan_then_jiao_and_fen(style: MoneyStyle, data: st.DataObject) -> None:
    text, value = data.draw(money(style=style, max_value=10**8), label="amount")
    assert MONEY_LOOKS_LIKE[style](text), text
    assert "元" in text or "圆" in text
    after = text[max(text.find("元"), text.find("圆")) + 1 :]
    assert after in ("", "整", "正") or after[-1] in "角分整"
    _, digits, exponent = value.as_tuple()
    assert exponent == 0 or (isinstance(exponent, int) and exponent >= -2 and digits[-1] != 0)
    assert 0 <= value < 10**8 + 1


def test_money_refuses_bad_arguments() -> None:
    with pytest.raises(InvalidArgument):
        money(style="roman")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        money(min_value=5, max_value=4)


def test_lower_with_places_writes_dian() -> None:
    @given(numerals(style="lower", min_value=5, max_value=5, places=1))
    def check(pair: tuple[str, Decimal]) -> None:
        text, value = pair
        assert text[0] == "五"
        assert value == 5 or text[1] in "点點"

    check()


BAD_ARGUMENTS = [
    pytest.param({"style": "roman"}, id="unknown style"),
    pytest.param({"style": "upper", "places": 2}, id="upper has no fraction"),
    pytest.param({"places": -1}, id="negative places"),
    pytest.param({"min_value": 5, "max_value": 4}, id="empty range"),
    pytest.param({"min_value": -1}, id="negative"),
    pytest.param({"max_value": MAX_VALUE + 1}, id="seventeen digits"),
]


@pytest.mark.parametrize("kwargs", BAD_ARGUMENTS)
def test_refuses_bad_arguments(kwargs: dict[str, object]) -> None:
    with pytest.raises(InvalidArgument):
        numerals(**kwargs)  # type: ignore[arg-type]


def test_without_hypothesis_import_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "edumetrics.strategies")
    with pytest.raises(MissingExtraError, match=r"pip install 'edumetrics\[strategies\]'"):
        importlib.import_module("edumetrics.strategies")
