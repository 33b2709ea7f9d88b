"""Linguistic knowledge lives in the vocabulary modules only.

Every Chinese word, character or punctuation mark the extractor reads by is a row of a
named, commented table in a vocabulary module (``_vocab.py`` and the data modules beside
it); code builds its patterns from those tables. This test fails when a string constant
of any other module of the package holds a Han character, CJK punctuation (U+3000–U+303F)
or a full-width form (U+FF00–U+FFEF).

Documentation is exempt: comments (not in the syntax tree), the comments of a verbose
pattern (from a ``#`` after white space to the end of its line), docstrings and attribute
docstrings (a string standing alone as a statement), and the ``description=`` and
``examples=`` of a pydantic ``Field(...)``, which only document the schema (they are
copied into ``model_json_schema()``; the extractor never reads them).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import edumetrics

PACKAGE = Path(edumetrics.__file__).parent

# The vocabulary modules: tables of words and characters, with where they come from.
VOCABULARY_MODULES = frozenset({"_vocab.py", "_place_words.py", "_numeral_tables.py", "_t2s.py"})

# Han (the unified blocks, extension A, compatibility, the supplementary planes), CJK
# symbols and punctuation, full-width and half-width forms.
_CJK_RANGES = (
    (0x3000, 0x303F),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3FFFF),
)
# keywords of pydantic's Field that document a field
_DOC_KEYWORDS = frozenset({"description", "examples"})
# the comment of a line of a verbose pattern
_PATTERN_COMMENT = re.compile(r"(?<=\s)#[^\n]*")


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


def _documentation(tree: ast.AST) -> set[int]:
    """ids of the string constants of ``tree`` that are documentation."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            out.add(id(node.value))  # a docstring, or a string standing as a statement
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name | ast.Attribute)
            and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr) == "Field"
        ):
            for keyword in node.keywords:
                if keyword.arg in _DOC_KEYWORDS:
                    constants = ast.walk(keyword.value)
                    out.update(id(n) for n in constants if isinstance(n, ast.Constant))
    return out


def cjk_literals(source: str) -> list[tuple[int, str]]:
    """(line, string) of every string constant of ``source`` that holds a CJK character
    and is not documentation."""
    tree = ast.parse(source)
    documentation = _documentation(tree)
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in documentation
        and any(map(_is_cjk, _PATTERN_COMMENT.sub("", node.value)))
    )


CODE_MODULES = sorted(
    p.name for p in PACKAGE.glob("*.py") if p.name not in VOCABULARY_MODULES
)


@pytest.mark.parametrize("name", CODE_MODULES)
def test_code_has_no_vocabulary(name: str) -> None:
    found = cjk_literals((PACKAGE / name).read_text(encoding="utf-8"))
    assert found == [], f"{name}: move these into a vocabulary table: {found}"


def test_the_vocabulary_modules_exist() -> None:
    assert {p.name for p in PACKAGE.glob("*.py")} >= VOCABULARY_MODULES


PLANTED = '''\
"""A module docstring may say 万元."""
from pydantic import BaseModel, Field

# a comment may say 万元 too
SUFFIX = "万元"
FULL_WIDTH = "(x)，"
CLASS = r"[\\u4e00-\\u9fff]"
VERBOSE = r"""
    (?<=[近约])[百千万]    # 近万人
    [余多]                 # 百余人
"""


class Record(BaseModel):
    """A class docstring: 学校."""

    unit: str = Field(default="所", description="Canonical unit (所, 人).", examples=["所"])
    """An attribute docstring: 所."""


def f(text: str) -> bool:
    """A function docstring: 其中."""
    return text.startswith("其中") or f"{text}率" == text
'''


def test_the_checker_finds_planted_literals() -> None:
    assert cjk_literals(PLANTED) == [
        (5, "万元"),
        (6, "(x)，"),
        (8, "\n    (?<=[近约])[百千万]    # 近万人\n    [余多]                 # 百余人\n"),
        (17, "所"),
        (23, "其中"),
        (23, "率"),
    ]


def test_the_comments_of_a_verbose_pattern_are_documentation() -> None:
    assert cjk_literals('X = r"""\n    [0-9]++   # 3万5, 12亿3\n"""\n') == []


@pytest.mark.parametrize(
    "char", ["万", "。", "\u3000", "，", "Ｘ", "㑮", "𠉂", "〇"], ids=lambda c: f"U+{ord(c):04X}"
)
def test_each_kind_of_cjk_character_is_found(char: str) -> None:
    assert cjk_literals(f"X = {char!r}\n") == [(1, char)]


@pytest.mark.parametrize("char", ["a", "%", "·", "—", "“", "×", "é"])
def test_other_characters_are_code(char: str) -> None:
    assert cjk_literals(f"X = {char!r}\n") == []
