"""Dump what ``edumetrics.extract`` returns for every text the project has, to compare
two versions of the extractor record by record.

    python tools/same_records.py OUT.jsonl          # one line per text: its records
    python tools/same_records.py --diff A.jsonl B.jsonl

The texts: the seed reports and the dev set in ``tests/data``, the examples, each of their
lines, and every string constant of the test modules that holds a digit or a Chinese
numeral (the sentences the tests are written on). Run it with the sources
(``PYTHONPATH=src``) and with a compiled install to cover both builds. A refactor that
promises "the same records" is checked by diffing the two dumps.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
_FIGURE = regex.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]")
_CJK = regex.compile(r"\p{Han}")


def texts() -> Iterator[tuple[str, str]]:
    """(where it comes from, text) for every text, each once."""
    seen: set[str] = set()

    def once(where: str, text: str) -> Iterator[tuple[str, str]]:
        if text not in seen:
            seen.add(text)
            yield where, text

    files = [
        *sorted((ROOT / "tests" / "data").rglob("*.txt")),
        *sorted((ROOT / "examples").glob("*.txt")),
    ]
    for path in files:
        data = path.read_bytes()
        try:
            doc = data.decode("utf-8")
        except UnicodeDecodeError:  # the example in GBK
            doc = data.decode("gb18030")
        name = path.relative_to(ROOT).as_posix()
        yield from once(name, doc)
        for k, line in enumerate(doc.splitlines()):
            if _FIGURE.search(line):
                yield from once(f"{name}:{k + 1}", line)
    for path in sorted((ROOT / "tests").glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and _CJK.search(node.value)
                and _FIGURE.search(node.value)
            ):
                yield from once(f"{path.name}:{node.lineno}:{node.col_offset}", node.value)


def dump(out: Path) -> int:
    import edumetrics  # the build on the path: sources or an install

    n = 0
    with out.open("w", encoding="utf-8") as f:
        for where, text in texts():
            records = [m.model_dump(mode="json") for m in edumetrics.extract(text)]
            key = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
            f.write(json.dumps([f"{where}#{key}", records]) + "\n")
            n += 1
    print(f"{n} texts, build: {edumetrics.version()}", file=sys.stderr)
    return 0


def diff(a: Path, b: Path) -> int:
    left = dict(json.loads(line) for line in a.open(encoding="utf-8"))
    right = dict(json.loads(line) for line in b.open(encoding="utf-8"))
    changed = [k for k in left if k in right and left[k] != right[k]]
    for k in changed:
        print(f"--- {k}")
        old = {json.dumps(r, ensure_ascii=False, sort_keys=True) for r in left[k]}
        new = {json.dumps(r, ensure_ascii=False, sort_keys=True) for r in right[k]}
        for r in sorted(old - new):
            print("  -", r)
        for r in sorted(new - old):
            print("  +", r)
    only = set(left) ^ set(right)
    print(f"{len(left)} / {len(right)} texts; {len(changed)} differ; {len(only)} in one only")
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--diff", action="store_true", help="compare two dumps")
    args = parser.parse_args()
    if args.diff:
        return diff(*args.paths)
    return dump(args.paths[0])


if __name__ == "__main__":
    sys.exit(main())
