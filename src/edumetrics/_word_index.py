"""The word index of a rule set: its trigger words as one alternation, searched from the
end of a label, and the metric each word names.

A rule set (``rules.Rules``, the public API: it checks its arguments and stays plain
Python) builds one index per unit and per set of allowed metrics, on first use; the
metric stage (``_metric.py``) asks an index for the last word of a label several times
per figure, so the index is part of the compiled hot path (``hatch_build.py``). Both use
it, and neither can hold it: the metric stage imports the rule set, which builds indexes.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

__all__ = ["WordIndex"]


class WordIndex:
    """The words of ``(metric, words)`` pairs, each mapped to its metric (a later pair's
    word wins: the user's rules come after the built-in ones)."""

    __slots__ = ("longest", "metric_of", "pattern")

    def __init__(self, pairs: Iterable[tuple[str, Iterable[str]]]) -> None:
        metric_of: dict[str, str] = {}
        for metric, words in pairs:
            for word in words:
                metric_of[word] = metric
        self.metric_of = metric_of
        self.longest = max(map(len, metric_of), default=0)
        words_by_length = sorted(metric_of, key=lambda w: (-len(w), w))
        # searched from the end: the first match found ends nearest the end of the scope,
        # and of the words ending there it is the longest (alternatives longest first)
        alternatives = "|".join(regex.escape(w) for w in words_by_length) or r"(?!)"
        self.pattern: regex.Pattern[str] = regex.compile(f"(?r){alternatives}")

    def last(self, scope: str, slack: int | None = None) -> str | None:
        """Metric of the word ending nearest the end of ``scope`` (longest on ties).

        With ``slack``, the word must end within ``slack`` characters of the end.
        """
        lo = 0 if slack is None else max(0, len(scope) - slack - self.longest)
        m = self.pattern.search(scope, lo)
        if m is None or (slack is not None and len(scope) - m.end() > slack):
            return None
        return self.metric_of[m[0]]
