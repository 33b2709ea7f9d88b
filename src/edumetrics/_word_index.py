"""The word index of a rule set: its trigger words as one alternation, searched from the
end of a label, and the metric each word names.

A rule set (``rules.Rules``, the public API: it checks its arguments and stays plain
Python) builds one index per unit and per set of allowed metrics, on first use; the
metric stage (``_metric.py``) asks an index for the last word of a label several times
per figure, so the index is part of the compiled hot path (``hatch_build.py``). Both use
it, and neither can hold it: the metric stage imports the rule set, which builds indexes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from edumetrics._patterns import word_trie

__all__ = ["WordIndex"]


class WordIndex:
    """The words of ``(metric, words)`` pairs, each mapped to its metric (a later pair's
    word wins: the user's rules come after the built-in ones)."""

    __slots__ = ("_by_reversed", "longest", "metric_of", "pattern")

    def __init__(self, pairs: Iterable[tuple[str, Iterable[str]]]) -> None:
        metric_of: dict[str, str] = {}
        for metric, words in pairs:
            for word in words:
                metric_of[word] = metric
        self.metric_of = metric_of
        self._by_reversed = {word[::-1]: metric for word, metric in metric_of.items()}
        self.longest = max(map(len, metric_of), default=0)
        # The words spelled backwards, searched in the scope spelled backwards: the first
        # match found ends nearest the end of the scope and, of the words ending there,
        # is the longest (word_trie prefers the longest). ``regex`` searches from the end
        # itself (``(?r)``), but a call of it costs several of ``re``, and a label is
        # looked up several times per figure.
        self.pattern: re.Pattern[str] = re.compile(word_trie(self._by_reversed) or r"(?!)")

    def last(self, scope: str, slack: int | None = None) -> str | None:
        """Metric of the word ending nearest the end of ``scope`` (longest on ties).

        With ``slack``, the word must end within ``slack`` characters of the end.
        """
        hi = len(scope) if slack is None else min(len(scope), slack + self.longest)
        m = self.pattern.search(scope[::-1], 0, hi)  # (words that may end within slack)
        if m is None or (slack is not None and m.start() > slack):
            return None
        return self._by_reversed[m[0]]
