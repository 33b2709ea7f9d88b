"""The one place edumetrics talks to cn2an.

cn2an is imported lazily (it takes about 0.1 s), so ``import edumetrics`` stays fast.
It serves two jobs where it is right:

* rendering integers as 小写/大写 Chinese (:func:`render`), an independent renderer for the
  round-trip property tests and the public :mod:`edumetrics.strategies`;
* a second reader (:func:`read`) the tests compare :func:`edumetrics.parse_number` with.

Its habits stop here: :func:`read` gives an exact ``Decimal`` (cn2an returns floats for
decimals) and turns cn2an's errors (``ValueError``, but also ``KeyError`` for ``一亿五``)
into ``None``.
"""

from __future__ import annotations

import importlib
from decimal import Decimal
from functools import cache
from types import ModuleType
from typing import Literal

__all__ = ["read", "render"]

MAX_RENDERED = 10**16 - 1
"""cn2an renders at most 16 integer digits."""


@cache
def _cn2an() -> ModuleType:
    return importlib.import_module("cn2an")


def render(n: int, register: Literal["lower", "upper"] = "lower") -> str:
    """``n`` (0 <= n < 10 ** 16) written in Chinese by cn2an's ``an2cn``.

    >>> render(100005), render(123, "upper")
    ('十万零五', '壹佰贰拾叁')
    """
    if not 0 <= n <= MAX_RENDERED:
        raise ValueError(f"cn2an renders 0 <= n < 10**16, not {n}")
    text: str = _cn2an().an2cn(n, "low" if register == "lower" else "up")
    return text


def read(text: str) -> Decimal | None:
    """cn2an's reading of ``text`` (its lenient ``smart`` mode), exact, or None if it fails.

    A float result is converted through its shortest ``repr``, which gives back the
    written digits for the short decimals reports use.

    >>> read("一百九十万零三千九百七十一"), read("三点五"), read("參拾")
    (Decimal('1903971'), Decimal('3.5'), None)
    """
    try:
        value = _cn2an().cn2an(text, "smart")
    except (ValueError, KeyError):
        return None
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(int(value))
