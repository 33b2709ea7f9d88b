"""The numeral reader behind :func:`edumetrics.numerals.parse_number`, compiled in a
regular install (mypyc, see ``hatch_build.py``): the extractor reads every figure's
numeral through :func:`read_number`, a native call from the compiled engine.

The public function stays in ``numerals.py``, plain Python in every build, so that a
wrong argument gets the same :class:`TypeError` in both (a compiled function would
refuse a non-``str`` with mypyc's own message, before its first line).

Why not cn2an on this path. cn2an (a dependency, wrapped in :mod:`edumetrics._cn2an`) is
the reference for the numeral tables and renders numbers for the property tests, but it
does not read numerals here: it takes about 0.13 s to import and 30 µs a call (the
extractor calls this for every candidate number); it returns floats for decimals; it
rejects ``1,234,567``, ``1.2万亿``, ``參拾`` and ``三点五万``; it reads ``三五`` (three or
five) as 35; and its errors say neither what nor where. The reader below is a single
left-to-right pass over table-driven tokens, with integer arithmetic throughout.

Returned values are *tidy*: an integer has exponent 0 (``Decimal('18443700')``, never
``18443700.00`` or ``1.84437E+7``), a non-integer keeps only its significant fractional
digits (``12.50`` reads as ``Decimal('12.5')``). Leading and trailing whitespace (any
Unicode space, the ideographic space included) is ignored, as ``int()`` and ``Decimal()``
do; whitespace inside a numeral is an error.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final, NamedTuple

from edumetrics._numeral_tables import (
    AMBIGUOUS_AFTER_YI,
    ARABIC_AFTER_POINT,
    ARABIC_AFTER_SMALL_UNIT,
    ARABIC_DIGITS,
    CHINESE_DIGITS,
    DECIMAL_POINTS,
    MULTIPLIERS,
    NO_DIGIT_AFTER_ZERO,
    ROUGH_HUNDRED,
    SIGNS,
    TENS,
    THOUSANDS_SEPARATORS,
    TWO_DIGITS,
    YAO,
    YAO_IN_NUMERAL,
)
from edumetrics.errors import NumeralError

__all__ = ["MAX_LENGTH", "read_number"]

# ---------------------------------------------------------------------------------------
# Character classes, built once from the tables.

_ARABIC: Final[dict[str, int]] = {d.char: d.value for d in ARABIC_DIGITS}
_CHINESE: Final[dict[str, int]] = {d.char: d.value for d in CHINESE_DIGITS}
_ZEROS: Final[frozenset[str]] = frozenset(d.char for d in CHINESE_DIGITS if d.role == "zero")
_LIANG: Final[frozenset[str]] = frozenset(d.char for d in CHINESE_DIGITS if d.role == "liang")
_POWERS: Final[dict[str, int]] = {m.char: m.power for m in MULTIPLIERS}
_ARABIC_POINTS: Final[frozenset[str]] = frozenset(
    p.char for p in DECIMAL_POINTS if p.system == "arabic"
)
_CHINESE_POINTS: Final[frozenset[str]] = frozenset(
    p.char for p in DECIMAL_POINTS if p.system == "chinese"
)
_SEPARATORS: Final[frozenset[str]] = frozenset(s.char for s in THOUSANDS_SEPARATORS)
_TENS: Final[dict[str, int]] = {t.char: t.digit for t in TENS}
_SIGNS: Final[dict[str, bool]] = {s.char: s.negative for s in SIGNS}

MAX_LENGTH: Final = 500  # (numerals.MAX_LENGTH: what the bound is for)

_SECTION: Final = 4  # powers below this are small units (十百千); 4 and 8 are 万 and 亿

# Token kinds.
_NUM: Final = 0  # a run of Arabic digits, maybe grouped, maybe with a fraction
_DIGIT: Final = 1  # one Chinese digit
_ZERO: Final = 2  # 零/〇: a digit 0, or the filler in 一百零五
_LIANG_DIGIT: Final = 3  # 两/兩
_UNIT: Final = 4  # 十百千万亿
_POINT: Final = 5  # 点/點


class _Token(NamedTuple):
    kind: int
    value: int  # digit value, integer part of a run, or unit power
    start: int
    width: int = 1  # for a run: how many integer digits (separators not counted)
    fraction: str = ""  # for a run: the digits after its point
    point: int = -1  # for a run with a fraction: the index of its point


class _Stop(Exception):
    """Internal: reading stops at ``position`` (optionally saying why)."""

    def __init__(self, position: int, reason: str | None = None) -> None:
        super().__init__(position, reason)
        self.position = position
        self.reason = reason


# ---------------------------------------------------------------------------------------
# Public API


def read_number(text: str) -> Decimal:
    """:func:`edumetrics.numerals.parse_number` of a ``str`` (its docstring says what is
    read and what raises): the fast paths, then the full reader."""
    if len(text) > MAX_LENGTH:
        pass  # the full reader says where it is too long
    elif text.isascii():  # the fast path: most numbers in reports are plain Arabic
        if text.isdigit():
            return Decimal(text)
        plain = _plain_arabic(text)
        if plain is not None:
            return plain
    else:  # the next most: Arabic digits and a multiplier (4551万, 1844.37万, 1.2万亿)
        head = text.rstrip(_SECTION_UNITS)
        places = _MULTIPLIER_PLACES.get(text[len(head) :])
        if places is not None and head.isascii():
            plain = Decimal(head) if head.isdigit() else _plain_arabic(head)
            if plain is not None:
                sign, digits, exponent = plain.as_tuple()
                return _tidy(Decimal((sign, digits, int(exponent) + places)))
    return _parse(text)


# Multipliers after Arabic digits that the fast path reads, as powers of ten. (十, 百, 千
# after digits have rules of their own, 12千 is not a number: the reader decides those.)
_WAN, _YI = (m.char for m in MULTIPLIERS if m.power >= 4 and m.script == "simplified")
_SECTION_UNITS = _WAN + _YI
_MULTIPLIER_PLACES = {_WAN: _POWERS[_WAN], _YI: _POWERS[_YI]}
_MULTIPLIER_PLACES[_WAN + _YI] = _POWERS[_WAN] + _POWERS[_YI]


def _parse(text: str) -> Decimal:
    """``read_number`` without its fast paths: the tokenizer and reader for any style."""
    end = len(text.rstrip())
    if not end:
        raise NumeralError(text, len(text), "no numeral, only whitespace" if text else None)
    start = len(text) - len(text.lstrip())
    negative = _SIGNS.get(text[start])
    if negative is not None:  # 负三, -10.1万, 正五
        start += 1
        if start == end:
            raise NumeralError(text, end)
    if end - start > MAX_LENGTH:
        position = start + MAX_LENGTH
        raise NumeralError(
            text, position, f"longer than {MAX_LENGTH} characters (position {position})"
        )
    try:
        coefficient, places = _read(_tokenize(text, start, end), end)
    except _Stop as stop:
        reason = stop.reason and f"{stop.reason} (position {stop.position})"
        raise NumeralError(text, stop.position, reason) from None
    value = _decimal(coefficient, places)
    return -value if negative and coefficient else value


def _plain_arabic(text: str) -> Decimal | None:
    """``99.07``, ``12.50``, ``1,234``, ``1,234.5`` quickly; None for anything else."""
    head, dot, tail = text.partition(".")
    if dot and not tail.isdigit():
        return None
    if not head.isdigit():
        groups = head.split(",")
        if not (
            len(groups) > 1
            and 0 < len(groups[0]) < 4
            and all(len(group) == 3 for group in groups[1:])
            and "".join(groups).isdigit()
        ):
            return None
        head = "".join(groups)
    tail = tail.rstrip("0")
    return Decimal(f"{head}.{tail}" if tail else head)


# ---------------------------------------------------------------------------------------
# Tidy decimals


def _decimal(coefficient: int, places: int) -> Decimal:
    """The tidy Decimal ``coefficient / 10 ** places``."""
    while places and coefficient % 10 == 0:
        coefficient //= 10
        places -= 1
    if not places:
        return Decimal(coefficient)
    return Decimal((0, tuple(int(c) for c in str(coefficient)), -places))


def _tidy(d: Decimal) -> Decimal:
    """``d`` with no exponent if it is an integer, else with only its significant decimals.

    Exact at any size (no context rounding); ``-0`` becomes ``0``. For callers that scale
    a parsed value, e.g. by a 万 unit:

    >>> _tidy(Decimal("1844.37") * 10000), _tidy(Decimal("12.50")), _tidy(Decimal("1E+3"))
    (Decimal('18443700'), Decimal('12.5'), Decimal('1000'))
    >>> _tidy(Decimal("-0.0")), _tidy(Decimal("-2.50"))
    (Decimal('0'), Decimal('-2.5'))
    """
    sign, digits, exponent = d.as_tuple()
    if not isinstance(exponent, int):
        raise ValueError(f"cannot tidy {d!r}: not a finite number")
    if exponent == 0 and (digits != (0,) or not sign):
        return d
    coefficient = int("".join(map(str, digits)))
    if exponent > 0:
        coefficient *= 10**exponent
        exponent = 0
    tidy = _decimal(coefficient, -exponent)
    return -tidy if sign and coefficient else tidy


# ---------------------------------------------------------------------------------------
# Tokens


def _tokenize(text: str, start: int, end: int) -> list[_Token]:
    """Split ``text[start:end]`` into tokens; raise _Stop at a character no numeral has."""
    tokens: list[_Token] = []
    i = start
    while i < end:
        char = text[i]
        if char in _ARABIC:
            token, i = _arabic_run(text, i, end)
            tokens.append(token)
            continue
        if char in _CHINESE:
            kind = _ZERO if char in _ZEROS else _LIANG_DIGIT if char in _LIANG else _DIGIT
            tokens.append(_Token(kind, _CHINESE[char], i))
        elif char in _POWERS:
            tokens.append(_Token(_UNIT, _POWERS[char], i))
        elif char in _TENS:  # 廿二 reads as 二十二
            tokens.append(_Token(_DIGIT, _TENS[char], i))
            tokens.append(_Token(_UNIT, 1, i))
        elif char in _CHINESE_POINTS:
            tokens.append(_Token(_POINT, 0, i))
        else:
            raise _Stop(i, _YAO if char == YAO else None)
        i += 1
    return tokens


def _arabic_run(text: str, start: int, end: int) -> tuple[_Token, int]:
    """Read Arabic digits from ``start``: ``1234``, ``1,234,567``, ``12.5``, ``１，２３４．５``.

    Separators must split the integer part into groups of three after a first group of
    one to three digits. A point must be followed by at least one digit. Returns the
    token and the index after it.
    """
    i = start
    digits: list[int] = []
    group = 0  # digits in the current group
    grouped = False
    while i < end:
        char = text[i]
        if char in _ARABIC:
            if grouped and group == 3:
                raise _Stop(i)  # 1,2345
            digits.append(_ARABIC[char])
            group += 1
            i += 1
        elif char in _SEPARATORS:
            if (grouped and group != 3) or (not grouped and group > 3):
                raise _Stop(i)  # 1,23,456 or 1234,567
            grouped = True
            group = 0
            i += 1
            if i == end:
                raise _Stop(end)
            if text[i] not in _ARABIC:
                raise _Stop(i)
        else:
            break
    if grouped and group != 3:
        raise _Stop(i)  # 1,23 then end or 万
    integer = int("".join(map(str, digits)))
    if i < end and text[i] in _ARABIC_POINTS:
        point = i
        i += 1
        fraction: list[str] = []
        while i < end and text[i] in _ARABIC:
            fraction.append(str(_ARABIC[text[i]]))
            i += 1
        if not fraction:
            raise _Stop(i)  # 5. or 5.万
        return _Token(_NUM, integer, start, len(digits), "".join(fraction), point), i
    return _Token(_NUM, integer, start, len(digits)), i


# ---------------------------------------------------------------------------------------
# Grammar


def _read(tokens: list[_Token], end: int) -> tuple[int, int]:
    """Return ``(coefficient, places)`` for the value ``coefficient / 10 ** places``."""
    first = tokens[0]
    if first.fraction:  # 1844.37万, 1.2万亿, 12.5
        coefficient = first.value * 10 ** len(first.fraction) + int(first.fraction)
        power = _multiplier(tokens, 1, 0)
        return coefficient * 10**power, len(first.fraction)
    for index, token in enumerate(tokens):
        if token.kind == _POINT:
            return _read_point(tokens, index, end)
    return _Integer(tokens).read(end), 0


def _read_point(tokens: list[_Token], index: int, end: int) -> tuple[int, int]:
    """三点五, 十二点零五, 三点五万: a Chinese integer, 点, digits, then maybe a multiplier."""
    point = tokens[index]
    if index == 0:
        raise _Stop(point.start)
    head = tokens[:index]
    for token in head:
        if token.kind == _NUM:
            raise _Stop(point.start)  # 3点5 is a clock time
    reader = _Integer(head)
    integer = reader.read(point.start, before_point=True)
    fraction: list[str] = []
    i = index + 1
    while i < len(tokens) and tokens[i].kind in (_DIGIT, _ZERO):
        fraction.append(str(tokens[i].value))
        i += 1
    if not fraction:
        if i < len(tokens) and tokens[i].kind == _NUM:
            raise _Stop(tokens[i].start, _ARABIC_AFTER_POINT)  # 一百点123
        raise _Stop(tokens[i].start if i < len(tokens) else end)
    places = len(fraction)
    coefficient = integer * 10**places + int("".join(fraction))
    if i < len(tokens):
        if reader.largest_big or reader.run:
            raise _Stop(tokens[i].start)  # 三万点五万, 二〇点五万
        coefficient *= 10 ** _multiplier(tokens, i, reader.largest_small)
    return coefficient, places


def _multiplier(tokens: list[_Token], i: int, above: int) -> int:
    """Read the multiplier units from ``tokens[i]`` to the end: [十百千] [万] [亿].

    Each unit must be larger than the one before it (and than ``above``); returns the
    total power of ten.
    """
    power = 0
    last = above
    for token in tokens[i:]:
        if token.kind != _UNIT or token.value <= last or (last and last < _SECTION > token.value):
            raise _Stop(token.start)
        power += token.value
        last = token.value
    return power


class _Integer:
    """One left-to-right pass over the tokens of an integer with units.

    ``total`` holds the finished 万/亿 sections, ``section`` the small-unit terms of the
    current one, ``pending`` the digit waiting for its unit, ``previous`` the last unit or
    零 filler read (None before the first), ``run`` Chinese digits read one by one (一〇五).
    """

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.total = 0
        self.section = 0
        self.pending: _Token | None = None
        self.previous: _Token | None = None
        self.run: list[_Token] = []
        self.small = _SECTION  # the last small unit in this section (they must fall)
        self.largest_small = 0
        self.largest_big = 0
        self.last_big = 0
        self.zero_after_big = False  # 零 right after the last 万/亿 (一亿零五千)
        self.counted = False  # the last small unit had its digit (一百, not 百)

    def read(self, end: int, *, before_point: bool = False) -> int:
        """The integer's value; ``end`` is where the tokens stop (for 'incomplete')."""
        for token in self.tokens:
            if token.kind == _UNIT:
                if token.value < _SECTION:
                    self._small_unit(token)
                else:
                    self._big_unit(token)
            elif token.kind == _ZERO and self._after(_ZERO):
                raise _Stop(token.start)  # 一百零零五
            elif token.kind == _ZERO and self.pending is None and self._after(_UNIT):
                self.previous = token  # 一百零五: the filler
                if self.last_big and self.small == _SECTION:
                    self.zero_after_big = True
            else:
                self._digit(token)
        return self._finish(end, before_point)

    def _after(self, kind: int) -> bool:
        """Whether the last unit or filler read is of ``kind``."""
        return self.previous is not None and self.previous.kind == kind

    def _after_small_unit(self) -> int:
        """The power of the small unit read last, if that was the last unit/filler, else 0."""
        previous = self.previous
        if previous is not None and previous.kind == _UNIT and previous.value < _SECTION:
            return previous.value
        return 0

    def _digit(self, token: _Token) -> None:
        if token.fraction:
            raise _Stop(token.point)  # 3万1.5: only a leading number may have a fraction
        pending = self.pending
        if pending is None:
            self.pending = token
            return
        chinese = (_DIGIT, _ZERO)
        if self.previous is None and pending.kind in chinese and token.kind in chinese:
            self.run = self.run or [pending]
            self.run.append(token)  # 一〇五, 二〇二三
            return
        raise _Stop(token.start)  # 一百二三, 3五, 两三

    def _take(self, unit: _Token) -> _Token | None:
        """The digit waiting for ``unit``, if any; a digit run takes no unit (二〇二三万)."""
        pending = self.pending
        if self.run:
            raise _Stop(unit.start)
        self.pending = None
        return pending

    def _small_unit(self, unit: _Token) -> None:
        pending = self._take(unit)
        if pending is None:
            if self.previous is not None:
                self._bare_ten(unit)
            coefficient = 1  # 十五, 百余, 一万零十五: a leading unit counts one
        elif pending.kind == _LIANG_DIGIT and unit.value == 1:
            raise _Stop(pending.start)  # 两十
        elif pending.value == 0 or pending.width > 1:
            raise _Stop(unit.start)  # 〇百, 12千
        else:
            coefficient = pending.value
        if unit.value >= self.small:
            raise _Stop(unit.start)  # 一百百, 一十百
        self.counted = pending is not None
        self.section += coefficient * 10**unit.value
        self.small = unit.value
        self.largest_small = max(self.largest_small, unit.value)
        self.previous = unit

    def _bare_ten(self, unit: _Token) -> None:
        """Inside a numeral a unit without its digit is the colloquial 十 of 一百十一 (111)
        or 一千零十 (1010): right after a counted 百, or after a 零 that skips a place."""
        previous = self.previous
        if self._after(_ZERO):
            if unit.value > 1:
                raise _Stop(unit.start, _NO_DIGIT_AFTER_ZERO)  # 一万零百一十一
            if self.small == 2:
                raise _Stop(previous.start if previous else unit.start)  # 一百零十
            return
        if unit.value == 1 and self._after_small_unit() == 2:
            if not self.counted:
                raise _Stop(unit.start, _ROUGH_HUNDRED)  # 百十一
            return
        raise _Stop(unit.start)  # 一千十, 一万十五, 一十十

    def _big_unit(self, unit: _Token) -> None:
        previous = self.previous
        small = self._after_small_unit()
        pending = self._take(unit)
        if pending is None:
            stacked = (
                previous is not None
                and previous.kind == _UNIT
                and _SECTION <= previous.value < unit.value
            )
            if self.previous is None:
                self.section = 1  # 万余人, 千万: a leading unit counts one
            elif self._after(_ZERO) or not (self.section or stacked):
                raise _Stop(unit.start)  # 亿万, 一百零万 (一万亿 is stacked)
        else:
            if small > 1 or (small and (pending.kind == _LIANG_DIGIT or pending.width > 1)):
                raise _Stop(unit.start)  # 三千五万: 3005万 or 3500万?
            if pending.kind == _LIANG_DIGIT and self.section:
                raise _Stop(pending.start)  # 一百零两万
            if pending.value == 0 and not self.section and pending.kind != _NUM:
                raise _Stop(unit.start)  # 〇万 (0万, as budget tables write nil, is 0)
            self.section += pending.value
        if unit.value > self.largest_big:  # multiplies all before it: 十二万三千亿
            self.total = (self.total + self.section) * 10**unit.value
            self.largest_big = unit.value
        elif unit.value < self.last_big:  # a lower section: the 万 of 一亿三千万
            if self.section >= 10 ** (self.last_big - unit.value):
                raise _Stop(unit.start)  # 3亿15000万
            self.total += self.section * 10**unit.value
        else:
            raise _Stop(unit.start)  # 一亿二亿
        self.last_big = unit.value
        self.section = 0
        self.small = _SECTION
        self.previous = unit
        self.zero_after_big = False

    def _finish(self, end: int, before_point: bool) -> int:
        pending = self.pending
        if self.run:
            return self._digits_one_by_one()
        if pending is None:
            if self._after(_ZERO):
                raise _Stop(end)  # 一百零
        else:
            self.section += self._last_digit(pending, end, before_point)
        if self.last_big == 8 and self.section and not self.zero_after_big:
            colloquial = pending is not None and self._after(_UNIT) and self.small == _SECTION
            if not colloquial:  # 一亿五 is fine, but 一亿五千: 一亿零五千 or 一亿五千万?
                raise _Stop(end, _AMBIGUOUS_AFTER_YI)
        return self.total + self.section

    def _last_digit(self, pending: _Token, end: int, before_point: bool) -> int:
        """The value of the digit that ends the integer (no unit after it)."""
        previous = self.previous
        if previous is None:
            return pending.value  # 五, 两, 1844
        if previous.kind == _ZERO:
            if pending.kind == _LIANG_DIGIT or pending.value >= 10 ** self._floor():
                raise _Stop(pending.start)  # 一百零两, 一万零12345
            return pending.value  # 一百零五
        power = previous.value  # the unit right before: 十 in 十五, 万 in 三万五
        if power == 1:
            if pending.kind == _LIANG_DIGIT or pending.width > 1:
                raise _Stop(pending.start)  # 十两, 十12
            return pending.value  # 十五
        if power >= _SECTION and pending.width > 1:
            if pending.value >= 10**power:
                raise _Stop(pending.start)  # 3万12345
            if power == 8:
                raise _Stop(end, _AMBIGUOUS_AFTER_YI)  # 1亿5000
            return pending.value  # 5万3000
        if pending.width > 1:
            raise _Stop(pending.start, _ARABIC_AFTER_SMALL_UNIT)  # 3千500, 1百01
        if before_point or pending.kind == _LIANG_DIGIT:
            raise _Stop(pending.start)  # 二百八点, 二百两
        scale: int = 10 ** (power - 1)
        return pending.value * scale  # colloquial: 二百八, 三万五, 3万5

    def _floor(self) -> int:
        """The power of the unit a digit after 零 must stay below."""
        return self.small if self.small < _SECTION else self.last_big

    def _digits_one_by_one(self) -> int:
        """一〇五, 二〇二三: every digit written out, no units."""
        run = self.run
        if len(run) == 2 and not any(t.kind == _ZERO for t in run):
            raise _Stop(run[1].start, _TWO_DIGITS)
        return int("".join(str(t.value) for t in run))


_AMBIGUOUS_AFTER_YI: Final = AMBIGUOUS_AFTER_YI
_NO_DIGIT_AFTER_ZERO: Final = NO_DIGIT_AFTER_ZERO
_ROUGH_HUNDRED: Final = ROUGH_HUNDRED
_TWO_DIGITS: Final = TWO_DIGITS
_ARABIC_AFTER_SMALL_UNIT: Final = ARABIC_AFTER_SMALL_UNIT
_ARABIC_AFTER_POINT: Final = ARABIC_AFTER_POINT
_YAO: Final = YAO_IN_NUMERAL
