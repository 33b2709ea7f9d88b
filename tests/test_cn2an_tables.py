"""cn2an's own test tables, run against edumetrics (issue 25).

cn2an ships its tests inside the installed package (``cn2an/cn2an_test.py``): dicts of
forms and their values for its ``strict``, ``normal``, ``smart`` and ``direct`` modes, and
lists of forms it rejects. They are read here from the installed file (parsed, not run,
so that nothing of cn2an's test harness executes) and every form must be read by
edumetrics to the same value — ``parse_number`` for a numeral, ``extract`` for an amount
written with 元/圆 (one CNY mention covering the whole form) — or be in
:data:`REJECTED`, the list the README documents, with the reason edumetrics gives.
Every form cn2an rejects, edumetrics rejects too. If cn2an moves or reshapes its tables,
the tests skip and say so.
"""

from __future__ import annotations

import ast
import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest

from edumetrics import NumeralError, extract, parse_number

# Forms cn2an reads that edumetrics rejects on purpose, with a part of the reason its
# NumeralError gives (README, "Numerals": rejected as ambiguous).
REJECTED = {
    "一一": "range",  # 11 digit by digit, or "one or one"?
    "壹壹": "range",
    "一二点三零": "range",  # 12.30 (cn2an's direct mode), or a range?
    "一万零百一十一": "a unit after 零 needs its digit",  # 零 stands for a missing place
    "200亿零四千230": "Arabic digits after 十/百/千",  # 四千230: 4230, or 四千 and 230?
    "1百01": "Arabic digits after 十/百/千",
    "一百点123": "Arabic digits after 点",
    "幺八九": "幺 is one only in spoken codes",
}

_MONEY_UNITS = ("元", "圆")


def _cn2an_tables() -> tuple[dict[str, str], list[str]] | str:
    """``({form: value as a decimal string}, [forms cn2an rejects])`` from cn2an's tests,
    or why they cannot be read."""
    spec = importlib.util.find_spec("cn2an.cn2an_test")
    if spec is None or spec.origin is None:
        return "cn2an no longer ships cn2an/cn2an_test.py"
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    forms: dict[str, str] = {}
    rejected: set[str] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Attribute)):
            continue
        name = node.targets[0].attr
        if name.endswith("_data_dict") and isinstance(node.value, ast.Dict):
            table = ast.literal_eval(node.value)
            forms.update({form: str(value) for form, value in table.items()})
        elif name.startswith("error_") and isinstance(node.value, ast.List):
            rejected.update(ast.literal_eval(node.value))
    if len(forms) < 100 or not rejected:
        return f"cn2an's test tables changed shape ({len(forms)} forms found)"
    return forms, sorted(rejected)


_TABLES = _cn2an_tables()
_FORMS: dict[str, str] = {} if isinstance(_TABLES, str) else _TABLES[0]
_REJECTED_BY_CN2AN: list[str] = [] if isinstance(_TABLES, str) else _TABLES[1]
_SKIP = pytest.mark.skipif(isinstance(_TABLES, str), reason=str(_TABLES))


@_SKIP
def test_the_tables_are_there() -> None:
    assert len(_FORMS) >= 130  # 132 distinct forms in cn2an 0.5
    assert set(REJECTED) <= set(_FORMS)


_FORM_ROWS = sorted(_FORMS.items())


@_SKIP
@pytest.mark.parametrize(("form", "value"), _FORM_ROWS, ids=[f for f, _ in _FORM_ROWS])
def test_every_form_reads_as_cn2an_says_or_is_rejected_with_its_reason(
    form: str, value: str
) -> None:
    if form in REJECTED:
        with pytest.raises(NumeralError, match=REJECTED[form]) as info:
            parse_number(form)
        assert f"position {info.value.position}" in str(info.value)
    elif any(unit in form for unit in _MONEY_UNITS):
        found = [(m.text, m.unit.value, m.value) for m in extract(form)]
        assert found == [(form, "CNY", Decimal(value))]
    else:
        assert parse_number(form) == Decimal(value)


@_SKIP
@pytest.mark.parametrize("form", _REJECTED_BY_CN2AN, ids=[f or "<e>" for f in _REJECTED_BY_CN2AN])
def test_what_cn2an_rejects_edumetrics_rejects(form: str) -> None:
    with pytest.raises(NumeralError):
        parse_number(form)
    assert [m.text for m in extract(form)] == []
