"""Hypothesis strategies that write numbers the way Chinese reports do.

For property-testing any numeral handling, edumetrics' own included:
:func:`numerals` draws ``(text, value)`` pairs, ``value`` the exact, tidy ``Decimal`` that
``text`` means. Needs the ``strategies`` extra (``pip install 'edumetrics[strategies]'``).

>>> from hypothesis import given
>>> from edumetrics import parse_number
>>> from edumetrics.strategies import numerals
>>> @given(numerals(style="mixed"))
... def test_reads_mixed(pair):
...     text, value = pair
...     assert parse_number(text) == value
>>> test_reads_mixed()

``numerals(signed=True)`` puts a sign before some of them (``负三万五``, ``-10.1万``), and
:func:`money` draws amounts as receipts and budget tables write them
(``玖仟陆佰陆拾伍圆壹角捌分``, ``12元5角``), which :func:`edumetrics.extract` reads as one
CNY mention.

The renderers are written here from the rules of Chinese numerals, independently of the
tables :func:`edumetrics.parse_number` reads with; the 小写 and 大写 styles also draw from
cn2an's ``an2cn`` as a second, independent renderer.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final, Literal, get_args

from edumetrics.errors import MissingExtraError

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as exc:  # pragma: no cover - exercised by test_strategies
    raise MissingExtraError("strategies", "edumetrics.strategies") from exc

from edumetrics import _cn2an
from edumetrics._numeral_reader import _decimal
from edumetrics._numeral_tables import (
    DIGITWISE_ZEROS,
    FEN,
    FULLWIDTH_FORMS,
    FULLWIDTH_POINTS,
    JIAO,
    LOWER_DECIMAL_ZEROS,
    LOWER_POINTS,
    LOWER_SIMPLIFIED,
    LOWER_TRADITIONAL,
    ROUND_AFTER_JIAO,
    ROUND_WORDS,
    UPPER_SIMPLIFIED,
    UPPER_TRADITIONAL,
    WRITTEN_SIGNS,
    YUAN_WORDS,
    Glyphs,
)

__all__ = [
    "DECIMAL_STYLES",
    "MAX_VALUE",
    "SIGNS",
    "STYLES",
    "MoneyStyle",
    "NumeralStyle",
    "money",
    "numerals",
]

NumeralStyle = Literal[
    "arabic",
    "arabic_grouped",
    "fullwidth",
    "lower",
    "lower_liang",
    "upper",
    "mixed",
    "digitwise",
    "colloquial",
]
"""How a number is written.

=================  ==========================================================
``arabic``         ``1234567``, ``12.05``
``arabic_grouped`` ``1,234,567``, ``1,234.5``
``fullwidth``      ``１２３４``, ``１，２３４．５``
``lower``          小写 with the 零 rules: ``一百九十万零三千九百七十一``, ``十二点零五``;
                   simplified or traditional (萬, 億, 點)
``lower_liang``    小写 with 两/兩 where it counts: ``两百``, ``两万``, ``一千两百``
``upper``          大写, simplified or traditional: ``壹佰贰拾叁``, ``參拾``, ``貳萬``
``mixed``          Arabic digits with 万/亿: ``1844.37万``, ``12亿3456万7890``, ``3万5千``,
                   ``1.2万亿``
``digitwise``      digit by digit with 〇: ``二〇二三``, ``一〇五``
``colloquial``     the last unit left out: ``三万五`` (35000), ``二百八`` (280), ``3亿5``;
                   or the 一 of 十 after a counted 百 or after 零: ``一百十五`` (115),
                   ``一千零十`` (1010), ``壹佰拾壹`` (111)
=================  ==========================================================
"""

STYLES: Final[tuple[NumeralStyle, ...]] = get_args(NumeralStyle)
"""Every style, in the order above."""

DECIMAL_STYLES: Final[tuple[NumeralStyle, ...]] = ("arabic", "arabic_grouped", "fullwidth", "lower")
"""The styles that can write a fraction (``lower`` writes it after 点)."""

MAX_VALUE: Final = 10**16 - 1
"""The largest integer part the renderers write (sixteen digits, as cn2an)."""

SIGNS: Final[tuple[tuple[str, bool], ...]] = WRITTEN_SIGNS
"""``(sign, negative)``: the signs ``numerals(signed=True)`` writes."""

MoneyStyle = Literal["arabic", "lower", "upper"]
"""How :func:`money` writes the yuan: ``12元``, ``十二元`` or ``壹拾贰圆``; its 角 and 分
follow in the same digits."""


def numerals(
    style: NumeralStyle | None = None,
    *,
    min_value: int = 0,
    max_value: int = MAX_VALUE,
    places: int = 0,
    signed: bool = False,
) -> st.SearchStrategy[tuple[str, Decimal]]:
    """``(text, value)`` pairs: ``text`` writes ``value`` in ``style`` (any style if None).

    The integer part lies in ``[min_value, max_value]``; with ``places`` > 0 a fraction of
    up to that many digits is added (its written form may end in zeros, ``12.50``; the
    value is tidy, ``Decimal('12.5')``), which only :data:`DECIMAL_STYLES` can write.
    ``colloquial`` draws its own shapes and filters them into the range, so keep that
    range wide. With ``signed``, some texts start with one of :data:`SIGNS` (the range
    bounds the magnitude; ``value`` carries the sign).
    """
    if style is not None and style not in STYLES:
        raise InvalidArgument(f"style={style!r} is not one of {STYLES}")
    if not 0 <= min_value <= max_value <= MAX_VALUE:
        raise InvalidArgument(f"need 0 <= min_value <= max_value <= {MAX_VALUE}")
    if places < 0:
        raise InvalidArgument(f"places={places} must be >= 0")
    if places and style is not None and style not in DECIMAL_STYLES:
        raise InvalidArgument(f"style={style!r} cannot write a fraction; use {DECIMAL_STYLES}")
    styles = (style,) if style is not None else DECIMAL_STYLES if places else STYLES
    unsigned = st.one_of(
        [
            _colloquial(min_value, max_value)
            if s == "colloquial"
            else _numeral(s, min_value, max_value, places)
            for s in styles
        ]
    )
    return st.tuples(st.sampled_from(SIGNS), unsigned).map(_signed) if signed else unsigned


def _signed(drawn: tuple[tuple[str, bool], tuple[str, Decimal]]) -> tuple[str, Decimal]:
    (sign, negative), (text, value) = drawn
    return sign + text, -value if negative and value else value


def money(
    style: MoneyStyle | None = None, *, min_value: int = 0, max_value: int = MAX_VALUE
) -> st.SearchStrategy[tuple[str, Decimal]]:
    """``(text, value)`` pairs: an amount in 元 or 圆 with its 角 and 分, or 整/正 when it
    has none, as receipts, contracts and budget tables write it: ``玖仟陆佰陆拾伍圆壹角捌分``
    (``Decimal('9665.18')``), ``12元5角``, ``贰拾元零伍分``, ``壹佰壹拾壹圆整``.

    The yuan lie in ``[min_value, max_value]``, written in ``style`` (any if None).
    :func:`edumetrics.extract` reads each text as one CNY mention; :func:`edumetrics.parse_number`
    does not (元 is a unit, not part of a numeral).
    """
    styles = get_args(MoneyStyle)
    if style is not None and style not in styles:
        raise InvalidArgument(f"style={style!r} is not one of {styles}")
    if not 0 <= min_value <= max_value <= MAX_VALUE:
        raise InvalidArgument(f"need 0 <= min_value <= max_value <= {MAX_VALUE}")

    @st.composite
    def draw_money(draw: st.DrawFn) -> tuple[str, Decimal]:
        written = style if style is not None else draw(st.sampled_from(styles))
        n = draw(st.integers(min_value, max_value))
        if written == "arabic":
            yuan, digits = _grouped(n, draw), "0123456789"
        elif written == "lower":
            yuan, digits = _lower(draw, n), _LOWER_SIMPLIFIED.digits
        else:
            yuan, digits = _upper(draw, n), _UPPER_SIMPLIFIED.digits
        jiao, fen = draw(st.integers(0, 9)), draw(st.integers(0, 9))
        text = yuan + draw(st.sampled_from(YUAN_WORDS))
        if jiao:
            text += digits[jiao] + JIAO
        if fen:
            text += (_ZERO if not jiao and draw(st.booleans()) else "") + digits[fen] + FEN
        elif draw(st.booleans()):
            text += ROUND_AFTER_JIAO if jiao else draw(st.sampled_from(ROUND_WORDS))
        return text, _decimal(n * 100 + jiao * 10 + fen, 2)

    return draw_money()


# ---------------------------------------------------------------------------------------
# Glyphs


_Glyphs = Glyphs
_LOWER_SIMPLIFIED: Final = LOWER_SIMPLIFIED
_LOWER_TRADITIONAL: Final = LOWER_TRADITIONAL
_UPPER_SIMPLIFIED: Final = UPPER_SIMPLIFIED
_UPPER_TRADITIONAL: Final = UPPER_TRADITIONAL
_FULLWIDTH: Final = str.maketrans("0123456789,.", FULLWIDTH_FORMS)
_ZERO: Final = LOWER_SIMPLIFIED.digits[0]  # 零


# ---------------------------------------------------------------------------------------
# Renderers: each draws its variants and returns the text of an integer.


class _Chinese:
    """Writes an integer in Chinese with the standard 零 rules (GB/T 15835).

    ``bare_ten``: a number that starts with 10-19 starts 十 (十五), else 一十 (一十五).
    ``zero_before_full``: also write 零 before a full lower section (一百九十万零三千...),
    as many reports do. ``liang``: write 两 for a 2 that counts 百, 千, 万 or 亿, when
    ``use_liang`` says so for that place.
    """

    def __init__(self, draw: st.DrawFn, glyphs: _Glyphs, *, liang: bool = False) -> None:
        self.draw = draw
        self.glyphs = glyphs
        self.liang = liang
        self.bare_ten = draw(st.booleans())
        self.zero_before_full = draw(st.booleans())

    def write(self, n: int) -> str:
        g = self.glyphs
        if n == 0:
            return g.digits[0]
        if n < 10**8:
            return self._below_yi(n, leading=True)
        high, low = divmod(n, 10**8)
        text = self._below_yi(high, leading=True, before_big=True) + g.yi
        if low:
            if low < 10**7 or self.zero_before_full:
                text += g.digits[0]
            text += self._below_yi(low, leading=False)
        return text

    def _below_yi(self, n: int, *, leading: bool, before_big: bool = False) -> str:
        high, low = divmod(n, 10**4)
        text = ""
        if high:
            text = self._section(high, leading=leading, before_big=True) + self.glyphs.wan
        if low:
            if high and (low < 1000 or self.zero_before_full):
                text += self.glyphs.digits[0]
            text += self._section(low, leading=leading and not high, before_big=before_big)
        return text

    def _section(self, n: int, *, leading: bool, before_big: bool) -> str:
        """1 <= n < 10**4, written with 十百千 and inner 零."""
        g = self.glyphs
        if n == 2 and self._liang(before_big or leading):
            return g.liang
        text = ""
        gap = False
        for place in (3, 2, 1, 0):
            d = n // 10**place % 10
            if not d:
                gap = bool(text)
                continue
            if gap:
                text += g.digits[0]
                gap = False
            if place == 1 and d == 1 and not text and leading and self.bare_ten:
                text += g.units[0]
                continue
            digit = g.liang if d == 2 and place >= 2 and self._liang(True) else g.digits[d]
            text += digit + (g.units[place - 1] if place else "")
        return text

    def _liang(self, allowed: bool) -> bool:
        return self.liang and allowed and self.draw(st.booleans())


def _lower(draw: st.DrawFn, n: int, *, liang: bool = False) -> str:
    if not liang and draw(st.booleans()):
        return _cn2an.render(n, "lower")
    glyphs = draw(st.sampled_from([_LOWER_SIMPLIFIED, _LOWER_TRADITIONAL]))
    return _Chinese(draw, glyphs, liang=liang).write(n)


def _upper(draw: st.DrawFn, n: int) -> str:
    if draw(st.booleans()):
        return _cn2an.render(n, "upper")
    glyphs = draw(st.sampled_from([_UPPER_SIMPLIFIED, _UPPER_TRADITIONAL]))
    return _Chinese(draw, glyphs).write(n)


def _grouped(n: int, draw: st.DrawFn) -> str:
    return f"{n:,}" if n >= 1000 and draw(st.booleans()) else str(n)


def _arabic_units(n: int) -> str:
    """1 <= n < 10**4 with Arabic digits and 千百十: 3千5百, 3千零5, 1十5."""
    text = ""
    gap = False
    ten, hundred, thousand = (LOWER_SIMPLIFIED.units[k] for k in range(3))  # 十百千
    for place, unit in ((3, thousand), (2, hundred), (1, ten), (0, "")):
        d = n // 10**place % 10
        if not d:
            gap = bool(text)
            continue
        text += (_ZERO if gap else "") + str(d) + unit
        gap = False
    return text


def _mixed(draw: st.DrawFn, n: int) -> str:
    """Arabic digits with 万/亿: a decimal mantissa (1844.37万) or grouped (12亿3456万7890)."""
    wan, yi = draw(st.sampled_from([(g.wan, g.yi) for g in (LOWER_SIMPLIFIED, LOWER_TRADITIONAL)]))
    mantissas = [(k, u) for k, u in ((4, wan), (8, yi), (12, wan + yi)) if n * 10 >= 10**k]
    use_mantissa: bool = draw(st.booleans())
    if mantissas and use_mantissa:
        places, unit = draw(st.sampled_from(mantissas))
        integer, fraction = divmod(n, 10**places)
        text = _grouped(integer, draw)
        if fraction:
            text += "." + f"{fraction:0{places}d}".rstrip("0")
        return text + unit

    def group(v: int, *, after_big: bool) -> str:
        """One four-digit group; after a 万/亿 a lone digit must not read as 三万五."""
        if draw(st.booleans()):
            text = _arabic_units(v)
            zero = after_big and (v < 10 or (v < 1000 and draw(st.booleans())))
            return _ZERO + text if zero else text
        if after_big and v < 10:
            return draw(st.sampled_from([f"{_ZERO}{v}", f"{v:04d}"]))
        return str(v)

    high, middle, low = n // 10**8, n // 10**4 % 10**4, n % 10**4
    text = ""
    if high:
        top, rest = divmod(high, 10**4)
        if top and draw(st.booleans()):  # 1234万5678亿
            text = f"{top}{wan}" + ((_ZERO if rest < 1000 else "") + str(rest) if rest else "")
        else:
            text = _grouped(high, draw)
        text += yi
    if middle:
        text += group(middle, after_big=False) + wan
    elif high and low:
        text += _ZERO  # 3亿零500: without 零, 3亿500 could mean 3亿500万
    if low:
        after_big = bool(high or middle)
        text += str(low) if high and not middle else group(low, after_big=after_big)
    return text or "0"


def _digitwise(draw: st.DrawFn, n: int) -> str:
    zero = draw(st.sampled_from(DIGITWISE_ZEROS))
    digits = str(n)
    if len(digits) == 2 and "0" not in digits:
        digits = "0" + digits  # 三五 alone reads "three or five"
    return "".join(zero if c == "0" else _LOWER_SIMPLIFIED.digits[int(c)] for c in digits)


def _render(draw: st.DrawFn, style: NumeralStyle, n: int) -> str:
    if style == "arabic":
        return str(n)
    if style == "arabic_grouped":
        return f"{n:,}"
    if style == "fullwidth":
        return _grouped(n, draw).translate(_FULLWIDTH)
    if style == "lower":
        return _lower(draw, n)
    if style == "lower_liang":
        return _lower(draw, n, liang=True)
    if style == "upper":
        return _upper(draw, n)
    if style == "mixed":
        return _mixed(draw, n)
    return _digitwise(draw, n)


def _fraction(draw: st.DrawFn, style: NumeralStyle, digits: str) -> str:
    if style == "lower":
        point = draw(st.sampled_from(LOWER_POINTS))
        zero = draw(st.sampled_from(LOWER_DECIMAL_ZEROS))
        lower = _LOWER_SIMPLIFIED.digits
        return point + "".join(zero if c == "0" else lower[int(c)] for c in digits)
    if style == "fullwidth":
        return draw(st.sampled_from(FULLWIDTH_POINTS)) + digits.translate(_FULLWIDTH)
    return "." + digits


def _numeral(
    style: NumeralStyle, min_value: int, max_value: int, places: int
) -> st.SearchStrategy[tuple[str, Decimal]]:
    @st.composite
    def draw_numeral(draw: st.DrawFn) -> tuple[str, Decimal]:
        n = draw(st.integers(min_value, max_value))
        text = _render(draw, style, n)
        k = draw(st.integers(0, places))
        if not k:
            return text, Decimal(n)
        fraction = draw(st.integers(0, 10**k - 1))
        digits = f"{fraction:0{k}d}"
        return text + _fraction(draw, style, digits), _decimal(n * 10**k + fraction, k)

    return draw_numeral()


def _colloquial(min_value: int, max_value: int) -> st.SearchStrategy[tuple[str, Decimal]]:
    """三万五 = 35000: a number ending in a unit (百千万亿), then one more digit; or
    一百十五 = 115, 一千零十 = 1010: the 一 of 十 left out after a counted 百 or after 零."""

    @st.composite
    def draw_omitted_ten(draw: st.DrawFn) -> tuple[str, Decimal]:
        above = draw(st.integers(1, (MAX_VALUE - 19) // 100))  # 一百 or 一千零 before 十
        n = above * 100 + 10 + draw(st.integers(0, 9))
        glyphs = draw(st.sampled_from([_LOWER_SIMPLIFIED, _LOWER_TRADITIONAL, _UPPER_SIMPLIFIED]))
        text = _Chinese(draw, glyphs).write(n)  # ends 一百一十五, 一千零一十五 ...
        ten = glyphs.digits[1] + glyphs.units[0]
        at = text.rindex(ten)
        return text[:at] + text[at + 1 :], Decimal(n)

    @st.composite
    def draw_colloquial(draw: st.DrawFn) -> tuple[str, Decimal]:
        power = draw(st.sampled_from([2, 3, 4, 8]))
        limit = ((MAX_VALUE + 1) // 10**power - 10) // 10  # keeps n <= MAX_VALUE
        head = draw(st.integers(0, limit)) * 10 + draw(st.integers(1, 9))  # ends in 1-9
        digit = draw(st.integers(1, 9))
        n = head * 10**power + digit * 10 ** (power - 1)
        if power >= 4 and head < 10**4 and draw(st.booleans()):
            big = LOWER_SIMPLIFIED.wan if power == 4 else LOWER_SIMPLIFIED.yi
            text = f"{head}{big}{digit}"  # 3万5, 3亿5
        else:
            glyphs = draw(st.sampled_from([_LOWER_SIMPLIFIED, _LOWER_TRADITIONAL]))
            text = _Chinese(draw, glyphs).write(head * 10**power) + glyphs.digits[digit]
        return text, Decimal(n)

    return st.one_of(draw_colloquial(), draw_omitted_ten()).filter(
        lambda pair: min_value <= pair[1] <= max_value
    )
