"""How deeply a page nests, estimated in one pass before the HTML parser sees it.

The HTML parser (lexbor) checks the stack of open elements at many start tags ("is a
``<p>`` open in button scope?"), walking it from the top: its work grows with the number
of tags times the depth at each. A hostile page of 100,000 nested ``<div>`` (1.1 MB) took
30 s, 100,000 unclosed ``<div><span><b>`` 76 s. No report nests more than a few dozen
levels, so a page is refused, as one failed file, when its estimated depth exceeds
:data:`MAX_DEPTH` or the parser's estimated work (the sum, over start tags, of the depth
at each) exceeds :data:`MAX_WORK`.

The estimate follows the parsing rules that close elements closely enough to stay above
the parser's depth on hostile markup: an end tag closes back to the open element of its
name only when the parser would (no special element between for an ordinary tag, no
scope boundary for a special one); a start tag closes only the open sibling it implies
(``<li>`` an open ``<li>``, a block an open ``<p>``). Tags inside comments and raw-text
elements (``<script>``, ``<style>``) are skipped. Written by hand: no HTML library
reports depth without building the tree, which is the slow step.

>>> nesting("<div><p>1<p>2</div>")
(2, 2)
>>> nesting("<div>" * 5 + "</div>" * 5)[0]
5
"""

from __future__ import annotations

import re

__all__ = ["MAX_DEPTH", "MAX_WORK", "nesting", "nesting_problem"]

MAX_DEPTH = 1_000
"""Elements open at once: a page nested deeper is refused."""
MAX_WORK = 50_000_000
"""Start tags times the depth at each: a page needing more parser work is refused."""

# A comment (an unclosed one runs to the end, as in the parser), or a tag: its slash,
# name and whether it closes itself.
_TOKEN = re.compile(r"<!--(?:.*?-->|.*)|<(/?)([a-z][^\s/>]*)[^>]*?(/?)>", re.S)
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "noembed", "noframes"})
_VOID = frozenset(
    [
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# The parser's "special" elements: an end tag of another name never closes past one.
_SPECIAL = frozenset(
    [
        "address",
        "applet",
        "area",
        "article",
        "aside",
        "base",
        "basefont",
        "bgsound",
        "blockquote",
        "body",
        "br",
        "button",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "dir",
        "div",
        "dl",
        "dt",
        "embed",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hgroup",
        "hr",
        "html",
        "iframe",
        "img",
        "input",
        "keygen",
        "li",
        "link",
        "listing",
        "main",
        "marquee",
        "menu",
        "meta",
        "nav",
        "noembed",
        "noframes",
        "noscript",
        "object",
        "ol",
        "p",
        "param",
        "plaintext",
        "pre",
        "script",
        "search",
        "section",
        "select",
        "source",
        "style",
        "summary",
        "table",
        "tbody",
        "td",
        "template",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "track",
        "ul",
        "wbr",
        "xmp",
    ]
)
# Scope boundaries: the end tag of a special element never closes past one.
_BOUNDARY = frozenset(
    ["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"]
)
# Start tag -> the open elements (on top of the stack) it closes first.
_IMPLIED = {
    "li": frozenset({"li", "p"}),
    "dt": frozenset({"dt", "dd", "p"}),
    "dd": frozenset({"dt", "dd", "p"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "tr": frozenset({"tr", "td", "th"}),
    "option": frozenset({"option"}),
    "optgroup": frozenset({"option", "optgroup"}),
}
_CLOSES_P = frozenset({"p"})


def nesting(markup: str) -> tuple[int, int]:
    """``(greatest depth, work)`` of a page, estimated (see the module docstring); the
    count stops as soon as one passes its limit."""
    text = markup.lower()
    stack: list[str] = []
    where: dict[str, list[int]] = {}  # name -> its positions in the stack, innermost last
    specials: list[int] = [-1]  # positions of the open special elements
    boundaries: list[int] = [-1]  # positions of the open scope boundaries
    deepest = work = 0

    def pop() -> None:
        name = stack.pop()
        where[name].pop()
        if specials[-1] == len(stack):
            specials.pop()
        if boundaries[-1] == len(stack):
            boundaries.pop()

    pos = 0
    while (m := _TOKEN.search(text, pos)) is not None:
        pos = m.end()
        closing, name, self_closed = m.groups()
        if name is None:  # a comment
            continue
        open_at = where.get(name)
        if closing:
            if open_at:
                at = open_at[-1]
                if (boundaries if name in _SPECIAL else specials)[-1] <= at:
                    while len(stack) > at:  # each element is popped once: linear
                        pop()
            continue
        implied = _IMPLIED.get(name, _CLOSES_P if name in _SPECIAL else frozenset())
        while stack and stack[-1] in implied:
            pop()
        work += len(stack)
        if work > MAX_WORK:
            break
        if name in _VOID or self_closed:
            continue
        if name in _RAW_TEXT:
            end = text.find(f"</{name}", pos)
            pos = len(text) if end < 0 else end
        where.setdefault(name, []).append(len(stack))
        if name in _SPECIAL:
            specials.append(len(stack))
        if name in _BOUNDARY:
            boundaries.append(len(stack))
        stack.append(name)
        deepest = max(deepest, len(stack))
        if deepest > MAX_DEPTH:
            break
    return deepest, work


def nesting_problem(markup: str) -> str | None:
    """Why the parser should not be given ``markup``, or None when it may."""
    depth, work = nesting(markup)
    if depth > MAX_DEPTH:
        return f"HTML nested more than {MAX_DEPTH:,} elements deep ({depth:,})"
    if work > MAX_WORK:
        return f"HTML too deeply nested for its size (nesting work {work:,} > {MAX_WORK:,})"
    return None
