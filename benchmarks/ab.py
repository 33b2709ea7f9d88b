"""A/B: the per-document speed of two installs of edumetrics, timed in turns.

    python benchmarks/ab.py A_PYTHON B_PYTHON [--rounds N]

``A_PYTHON`` and ``B_PYTHON`` are the interpreters of two environments, each with its
own install (for a change to the extractor: a regular install, compiled as users get
it, of the version before and of the version after). Each round runs one child process
per install, in turns (A B, then B A), so that a machine growing busier weighs on both;
each child times ``extract`` on whole documents (the shared reports, one call each, and
a dense report: the county example repeated 200 times) after one warm-up call, best of
3. The table gives each install's best over all rounds and B's time as a share of A's.
Both installs must return the same number of records, or the comparison is refused.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, sys, time
from pathlib import Path
import edumetrics
root = Path(sys.argv[1])
seeds = [p.read_text("utf-8") for p in sorted((root / "tests/data/corpus").glob("*.txt"))]
dense = (root / "examples/county_report.txt").read_text("utf-8") * 200
cases = {"seeds": seeds, "dense": [dense]}
edumetrics.extract(seeds[0])  # warm-up: rule indexes compiled on first use
out = {"build": edumetrics.version()}
for name, texts in cases.items():
    best, found = float("inf"), 0
    for _ in range(3):
        t0 = time.perf_counter()
        found = sum(len(edumetrics.extract(t)) for t in texts)
        best = min(best, time.perf_counter() - t0)
    out[name] = (best, found, sum(map(len, texts)))
print(json.dumps(out))
"""


def _run(python: str) -> tuple[str, dict[str, tuple[float, int, int]]]:
    """The build the child ran, and per case its seconds, figures and characters."""
    done = subprocess.run(
        [python, "-c", _CHILD, str(ROOT)], capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout)
    build = str(result.pop("build"))
    return build, {case: (float(s), int(n), int(size)) for case, (s, n, size) in result.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", help="the interpreter of install A (before)")
    parser.add_argument("b", help="the interpreter of install B (after)")
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    best: dict[str, dict[str, float]] = {"a": {}, "b": {}}
    found: dict[str, dict[str, int]] = {"a": {}, "b": {}}
    builds: dict[str, str] = {}
    chars: dict[str, int] = {}
    for k in range(args.rounds):
        order = ("a", "b") if k % 2 == 0 else ("b", "a")
        for side in order:
            builds[side], result = _run(getattr(args, side))
            for case, (seconds, n, size) in result.items():
                best[side][case] = min(best[side].get(case, float("inf")), seconds)
                found[side][case] = n
                chars[case] = size
    if found["a"] != found["b"]:
        print(f"the installs disagree on the records' count: {found}", file=sys.stderr)
        return 1
    print(f"A: {args.a} ({builds['a']})\nB: {args.b} ({builds['b']})\n")
    print("| documents | characters | figures | A (s) | B (s) | B ÷ A |")
    print("|---|---|---|---|---|---|")
    for case in best["a"]:
        a, b = best["a"][case], best["b"][case]
        n = found["a"][case]
        print(f"| {case} | {chars[case]:,} | {n:,} | {a:.3f} | {b:.3f} | {b / a:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
