"""A griffe extension for the documentation site: docstrings written for Python's own
tools read well as Markdown.

The docstrings hold plain ``>>>`` examples (run by pytest's ``--doctest-modules``);
Markdown would render them as running text, with ``[...]`` in their output read as
links. This wraps each example (its ``>>>``/``...`` lines and the output up to the next
blank line) in a ``pycon`` fence, and writes reST cross-references (a ``:class:`` role
with the name in backquotes, and the escaped space that glues a plural "s" to one) as
Markdown code, before the docstring is rendered. Used by mkdocs.yml.
"""

from __future__ import annotations

import re
from typing import Any

from griffe import Extension, Object

# :class:`~edumetrics.batch.Extraction` or :func:`edumetrics.extract`, and the escaped
# space of reST that glues a plural "s" to it (``Document\ s``).
_ROLE = re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj):`(~?)([\w.]+)`(?:\\ )?")


def plain_references(text: str) -> str:
    r"""``text`` with reST cross-references written as Markdown code.

    >>> plain_references(r"one :class:`~edumetrics.batch.Extraction` per :class:`str`\ s")
    'one `Extraction` per `str`s'
    """
    return _ROLE.sub(lambda m: f"`{m[2].rsplit('.', 1)[-1] if m[1] else m[2]}`", text)


def fence_doctests(text: str) -> str:
    r"""``text`` with every doctest example fenced.

    >>> fence_doctests("Sum:\n>>> 1 + 1\n2\n\nDone.").split("\n")
    ['Sum:', '```pycon', '>>> 1 + 1', '2', '```', '', 'Done.']
    """
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.lstrip().startswith(">>>"):
            out.append(line)
            i += 1
            continue
        indent = line[: len(line) - len(line.lstrip())]
        out.append(f"{indent}```pycon")
        while i < len(lines) and lines[i].strip():
            out.append(lines[i])
            i += 1
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestFences(Extension):
    """Fence the doctest examples of every docstring griffe loads."""

    def on_object(self, *, obj: Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = plain_references(fence_doctests(obj.docstring.value))
