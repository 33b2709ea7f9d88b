"""Numeral characters: every character :func:`edumetrics.parse_number` reads, as data.

Sources. The Arabic and full-width digits are Unicode's (``U+0030``-``U+0039`` and the
Halfwidth and Fullwidth Forms block ``U+FF10``-``U+FF19``). The Chinese 小写 and 大写
characters and their simplified/traditional pairs follow GB/T 15835-2011 (numerals in
publications), the 大写 list of the People's Bank of China rules for writing amounts on
bills (壹贰叁肆伍陆柒捌玖拾佰仟), and the Unihan ``kPrimaryNumeric`` /
``kAccountingNumeric`` / ``kOtherNumeric`` fields; they were cross-checked against the
tables of cn2an 0.5 where cn2an has the character (``tests/test_numeral_tables.py``
checks the agreement). Variants cn2an lacks (參, 弌, 弍, 弎, 陌, 阡, ○) are here because
Chinese reports use them.

Every table is a tuple of rows, never a dict literal, so that a duplicated key cannot
silently overwrite another: ``tests/test_numeral_tables.py`` rejects a character that
appears twice, within a table or across tables.

Field meanings are given in each row type's docstring. ``script`` is ``"simplified"``,
``"traditional"`` or ``"both"`` (the character is the same in both scripts).
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

__all__ = [
    "ARABIC_DIGITS",
    "CHINESE_DIGITS",
    "DECIMAL_POINTS",
    "MULTIPLIERS",
    "SIGNS",
    "TENS",
    "THOUSANDS_SEPARATORS",
    "ArabicDigit",
    "ChineseDigit",
    "DecimalPoint",
    "Multiplier",
    "Script",
    "Separator",
    "Sign",
    "Tens",
]

Script = Literal["simplified", "traditional", "both"]


class ArabicDigit(NamedTuple):
    """``char`` is a positional digit worth ``value``; ``width``: ``"ascii"`` or ``"fullwidth"``."""

    char: str
    value: int
    width: Literal["ascii", "fullwidth"]


class ChineseDigit(NamedTuple):
    """A Chinese digit character.

    ``value`` is 0-9. ``register`` is ``"lower"`` (小写, everyday writing) or ``"upper"``
    (大写, the anti-forgery forms used on bills and in budgets). ``role`` is ``"digit"``;
    ``"zero"`` for 零/〇, which also fill a gap between places (一百零五); or ``"liang"`` for
    两/兩, which count (两百, 两万) but never stand in the units or tens place.
    """

    char: str
    value: int
    register: Literal["lower", "upper"]
    script: Script
    role: Literal["digit", "zero", "liang"]


class Multiplier(NamedTuple):
    """A unit character worth ``10 ** power``.

    ``power`` 1-3 are the small units (十百千) that make up one four-digit section;
    4 and 8 are the section markers 万 and 亿 (万亿 = 10 ** 12). ``register`` as for digits.
    """

    char: str
    power: int
    register: Literal["lower", "upper"]
    script: Script


class Tens(NamedTuple):
    """A character that writes a multiple of ten on its own: ``value`` is ``digit * 10``.

    廿 (20), 卅 (30) and 卌 (40) stand for 二十, 三十 and 四十 (廿二 is 22), in dates and
    older texts.
    """

    char: str
    digit: int
    script: Script


class Sign(NamedTuple):
    """``char`` before a numeral gives its sign: ``negative`` or not (``正`` and ``+``)."""

    char: str
    negative: bool


class DecimalPoint(NamedTuple):
    """``char`` separates the integer from the fraction.

    ``system`` says which digits it goes with: ``"arabic"`` (``12.5``, ``１２．５``) or
    ``"chinese"`` (三点五). A point never joins the two systems (``3点5`` is a clock time).
    """

    char: str
    system: Literal["arabic", "chinese"]


class Separator(NamedTuple):
    """``char`` groups Arabic digits in threes (``1,234,567``); ``width`` as for digits."""

    char: str
    width: Literal["ascii", "fullwidth"]


ARABIC_DIGITS: Final[tuple[ArabicDigit, ...]] = (
    *(ArabicDigit(chr(0x30 + v), v, "ascii") for v in range(10)),
    *(ArabicDigit(chr(0xFF10 + v), v, "fullwidth") for v in range(10)),
)
"""0-9 and ０-９ (U+FF10-U+FF19). Other scripts' digits (Arabic-Indic, Devanagari ...) are
deliberately absent: Python's ``int()`` and ``Decimal()`` accept them, edumetrics does not."""

CHINESE_DIGITS: Final[tuple[ChineseDigit, ...]] = (
    # char, value, register, script, role
    ChineseDigit("零", 0, "lower", "both", "zero"),  # also the 大写 zero on bills
    ChineseDigit("〇", 0, "lower", "both", "zero"),  # U+3007, years and digit-by-digit
    ChineseDigit("○", 0, "lower", "both", "zero"),  # U+25CB, a common typing of 〇
    ChineseDigit("一", 1, "lower", "both", "digit"),
    ChineseDigit("二", 2, "lower", "both", "digit"),
    ChineseDigit("两", 2, "lower", "simplified", "liang"),
    ChineseDigit("兩", 2, "lower", "traditional", "liang"),
    ChineseDigit("三", 3, "lower", "both", "digit"),
    ChineseDigit("四", 4, "lower", "both", "digit"),
    ChineseDigit("五", 5, "lower", "both", "digit"),
    ChineseDigit("六", 6, "lower", "both", "digit"),
    ChineseDigit("七", 7, "lower", "both", "digit"),
    ChineseDigit("八", 8, "lower", "both", "digit"),
    ChineseDigit("九", 9, "lower", "both", "digit"),
    ChineseDigit("壹", 1, "upper", "both", "digit"),
    ChineseDigit("弌", 1, "upper", "both", "digit"),  # old form of 壹
    ChineseDigit("贰", 2, "upper", "simplified", "digit"),
    ChineseDigit("貳", 2, "upper", "traditional", "digit"),
    ChineseDigit("弍", 2, "upper", "both", "digit"),  # old form of 贰
    ChineseDigit("叁", 3, "upper", "simplified", "digit"),
    ChineseDigit("參", 3, "upper", "traditional", "digit"),  # cn2an lacks it
    ChineseDigit("叄", 3, "upper", "traditional", "digit"),  # variant of 參
    ChineseDigit("弎", 3, "upper", "both", "digit"),  # old form of 叁
    ChineseDigit("肆", 4, "upper", "both", "digit"),
    ChineseDigit("伍", 5, "upper", "both", "digit"),
    ChineseDigit("陆", 6, "upper", "simplified", "digit"),
    ChineseDigit("陸", 6, "upper", "traditional", "digit"),
    ChineseDigit("柒", 7, "upper", "both", "digit"),
    ChineseDigit("捌", 8, "upper", "both", "digit"),
    ChineseDigit("玖", 9, "upper", "both", "digit"),
)
"""Chinese digits, 小写 then 大写. Left out on purpose: 参, a non-standard 大写 3 that in
reports is nearly always 参加/参与 (the standard 大写 is 叁). 廿/卅/卌 are :data:`TENS`."""

TENS: Final[tuple[Tens, ...]] = (
    # char, digit, script
    Tens("廿", 2, "both"),
    Tens("卅", 3, "both"),
    Tens("卌", 4, "both"),
)
"""廿 = 二十, 卅 = 三十, 卌 = 四十 (Unihan ``kPrimaryNumeric`` 20, 30, 40). :func:`parse_number`
reads them; the extractor does not look for them, since in reports they write dates
(廿二日), not quantities."""

MULTIPLIERS: Final[tuple[Multiplier, ...]] = (
    # char, power, register, script
    Multiplier("十", 1, "lower", "both"),
    Multiplier("百", 2, "lower", "both"),
    Multiplier("千", 3, "lower", "both"),
    Multiplier("拾", 1, "upper", "both"),
    Multiplier("佰", 2, "upper", "both"),
    Multiplier("陌", 2, "upper", "both"),  # old 大写 form of 佰
    Multiplier("仟", 3, "upper", "both"),
    Multiplier("阡", 3, "upper", "both"),  # old 大写 form of 仟
    Multiplier("万", 4, "lower", "simplified"),
    Multiplier("萬", 4, "lower", "traditional"),
    Multiplier("亿", 8, "lower", "simplified"),
    Multiplier("億", 8, "lower", "traditional"),
)
"""Units inside a numeral. 万/亿 serve both registers (壹万, 壹亿 on bills)."""

DECIMAL_POINTS: Final[tuple[DecimalPoint, ...]] = (
    DecimalPoint(".", "arabic"),
    DecimalPoint("．", "arabic"),  # U+FF0E full-width full stop
    DecimalPoint("点", "chinese"),
    DecimalPoint("點", "chinese"),
)
"""Decimal points. 。 (the ideographic full stop) is not one: it ends sentences."""

SIGNS: Final[tuple[Sign, ...]] = (
    # char, negative
    Sign("-", True),  # U+002D hyphen-minus, as typed
    Sign("\u2212", True),  # U+2212 minus sign, as typeset
    Sign("－", True),  # U+FF0D
    Sign("负", True),
    Sign("負", True),  # traditional 负
    Sign("+", False),
    Sign("＋", False),  # U+FF0B
    Sign("正", False),
)
"""Signs, written once before the numeral (负三, -10.1万, 正五). In running text the
extractor decides itself where a minus is a sign (增长-3.5%) and where a dash is a range
or punctuation; only :func:`parse_number` reads these."""

THOUSANDS_SEPARATORS: Final[tuple[Separator, ...]] = (
    Separator(",", "ascii"),
    Separator("，", "fullwidth"),  # U+FF0C full-width comma
)
"""Thousands separators; only valid between groups of exactly three Arabic digits."""


# ---------------------------------------------------------------------------------------
# What ``edumetrics.strategies`` writes: the glyphs of each way of writing a numeral (GB/T
# 15835 小写 and 大写, in simplified and traditional characters), the signs, and the words
# of an amount of money (the People's Bank of China rules for writing amounts).


class Glyphs(NamedTuple):
    """The characters one way of writing Chinese numerals uses: ``digits`` 0-9 by value,
    ``units`` 十百千 (or 拾佰仟), the section units ``wan`` and ``yi``, the decimal
    ``point``, and ``liang`` (两, the counting two; empty where the register has none)."""

    digits: str
    units: str
    wan: str
    yi: str
    point: str
    liang: str


LOWER_SIMPLIFIED: Final = Glyphs("零一二三四五六七八九", "十百千", "万", "亿", "点", "两")
LOWER_TRADITIONAL: Final = Glyphs("零一二三四五六七八九", "十百千", "萬", "億", "點", "兩")
UPPER_SIMPLIFIED: Final = Glyphs("零壹贰叁肆伍陆柒捌玖", "拾佰仟", "万", "亿", "点", "")
UPPER_TRADITIONAL: Final = Glyphs("零壹貳參肆伍陸柒捌玖", "拾佰仟", "萬", "億", "點", "")
# the full-width forms of "0123456789,." (a number typed with a Chinese input method)
FULLWIDTH_FORMS: Final = "０１２３４５６７８９，．"
# the decimal points a full-width number is written with
FULLWIDTH_POINTS: Final = "．."
# the zeros of a number written digit by digit (二〇二三, 二零二三, 二○二三)
DIGITWISE_ZEROS: Final = "〇零○"
# the decimal points and zeros of the decimals of a 小写 numeral (三点〇五, 三點零五)
LOWER_POINTS: Final = "点點"
LOWER_DECIMAL_ZEROS: Final = "零〇"
# (sign, negative): the signs a signed numeral is written with
WRITTEN_SIGNS: Final[tuple[tuple[str, bool], ...]] = (
    ("-", True),
    ("－", True),
    ("\u2212", True),
    ("负", True),
    ("負", True),
    ("+", False),
    ("正", False),
)
# An amount of money: the yuan (元, or 圆 on bills), its 角 (tenths) and 分 (hundredths),
# 零 before a 分 with no 角 (贰拾元零伍分), and 整/正 ("and no cents"; only 整 after a 角)
YUAN_WORDS: Final = "元圆"
JIAO: Final = "角"
FEN: Final = "分"
ROUND_AFTER_JIAO: Final = "整"
ROUND_WORDS: Final = "整正"
# 幺 is one only in spoken codes (phone and room numbers): parse_number refuses it
YAO: Final = "幺"

# ---------------------------------------------------------------------------------------
# What :func:`edumetrics.parse_number` says about a numeral it cannot read, and how to
# write it instead (the message of its NumeralError).
AMBIGUOUS_AFTER_YI: Final = (
    "ambiguous after 亿: write 零 (一亿零五千) or close the section with 万 (一亿五千万)"
)
NO_DIGIT_AFTER_ZERO: Final = (
    "a unit after 零 needs its digit (一万零一百; only 十 may stand alone: 一千零十)"
)
ROUGH_HUNDRED: Final = "百十 is 'a hundred or so', not a number; write 一百一十"
TWO_DIGITS: Final = (
    "two digits side by side are a range (三五: three or five) or a code (一一), not a number"
)
ARABIC_AFTER_SMALL_UNIT: Final = (
    "Arabic digits after 十/百/千 (3千500, 1百01): write the section in one script (3500)"
)
ARABIC_AFTER_POINT: Final = "Arabic digits after 点 (一百点123): write 一百点一二三 or 100.123"
YAO_IN_NUMERAL: Final = (
    f"{YAO} is one only in spoken codes (phone and room numbers), not in a numeral"
)
