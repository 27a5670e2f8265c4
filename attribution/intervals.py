"""Spans indexed for overlap queries: which of many ``(start, end)`` spans overlap a stretch.

A page run together on one line can hold thousands of attributions; asking, for each sentence or cue,
which of them overlap it must not scan them all. Spans are kept sorted by start; the few that are long
(more than `LONG` characters) are kept apart and scanned, so that one long span does not widen the
window every query searches.

Examples:
    >>> index = SpanIndex([(0, 10), (5, 8), (20, 30), (0, 5000)])
    >>> index.overlapping(6, 7)
    [0, 1, 3]
    >>> index.overlapping(10, 20)
    [3]
"""

from __future__ import annotations

from bisect import bisect_left

__all__ = ["LONG", "SpanIndex"]

#: Spans longer than this (in characters) are scanned rather than searched by start.
LONG = 2000


class SpanIndex:
    """``spans`` by start, for the indices of those that overlap ``[s, e)``."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        short = sorted((a, i) for i, (a, b) in enumerate(spans) if b - a <= LONG)
        self.starts = [a for a, _ in short]
        self.order = [i for _, i in short]
        self.longest = max((spans[i][1] - spans[i][0] for i in self.order), default=0)
        self.long = [i for i, (a, b) in enumerate(spans) if b - a > LONG]

    def overlapping(self, s: int, e: int) -> list[int]:
        """Indices of the spans with ``start < e`` and ``end > s`` (or holding ``s`` when ``s == e``), in
        index order."""
        stop = e if e > s else s + 1
        hi = bisect_left(self.starts, stop)
        if not hi and not self.long:
            return []
        spans = self.spans
        found = [i for i in self.order[bisect_left(self.starts, s - self.longest, 0, hi):hi] if spans[i][1] > s]
        if self.long:
            found += [i for i in self.long if spans[i][0] < stop and spans[i][1] > s]
        if len(found) > 1:
            found.sort()
        return found
