"""Arabic folding for matching, with a map back to the original offsets.

Matching happens on a *folded view* of the text: hamza and alef forms are unified, ة/ه and ى/ي are
merged, tashkeel, tatweel, zero-width and bidi marks are removed, Arabic-Indic digits become ASCII
digits and Latin letters are lower-cased. Every character of the view remembers where it came from,
so a match ``[i, j)`` on the view maps back to ``[view.start(i), view.end(j))`` in the original.

Examples:
    >>> v = fold("قالَ الوزيـــر")
    >>> v.text
    'قال الوزير'
    >>> v.span(4, 10)
    (5, 14)
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["CLOSE_QUOTES", "CLOSING", "IGNORABLE", "OPENING", "OPEN_QUOTES", "PAIRED_QUOTES", "SENTENCE_STOPS", "STRAIGHT_QUOTES", "Folded", "fold", "fold_term",
           "pair_quotes"]

#: Quotation marks, defined once for every rule that reads them: the typographic ones that open and
#: close in pairs (Arabic guillemets, English and German curly quotes, single curly quotes) …
PAIRED_QUOTES = {"«": "»", "“": "”", "„": "”", "‘": "’"}
#: … and the straight ones that both open and close.
STRAIGHT_QUOTES = ('"', "'")
OPEN_QUOTES = frozenset((*PAIRED_QUOTES, *STRAIGHT_QUOTES))
CLOSE_QUOTES = frozenset((*PAIRED_QUOTES.values(), *STRAIGHT_QUOTES))
#: The same as strings, in a fixed order, for ``str.strip`` and character classes.
OPENING = "".join(sorted(OPEN_QUOTES))
CLOSING = "".join(sorted(CLOSE_QUOTES))
_PAIR_CLOSERS = frozenset(PAIRED_QUOTES.values())


def pair_quotes(marks: Iterable[tuple[int, str]]) -> dict[int, int]:
    """Opening mark → its closing mark, for ``(key, text)`` pieces in order (any piece that is no quotation
    mark is passed over): typographic marks nest, a closer closes the nearest opener of its own kind and
    whatever opened inside it, straight double quotes alternate. The attribution rules pair a paragraph's
    tokens, the term voice one line's characters."""
    pairs: dict[int, int] = {}
    stack: list[tuple[int, str]] = []
    straight: int | None = None
    for k, c in marks:
        if c in PAIRED_QUOTES:
            stack.append((k, PAIRED_QUOTES[c]))
        elif c in _PAIR_CLOSERS and stack:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][1] == c:
                    pairs[stack[depth][0]] = k
                    del stack[depth:]
                    break
        elif c == '"':
            if straight is None:
                straight = k
            else:
                pairs[straight] = k
                straight = None
    return pairs


#: The stops that end a sentence (the splitter's, and every rule that asks whether two places share one).
SENTENCE_STOPS = ".!?؟؛…"

# Characters removed from the view: tashkeel and Quranic marks, tatweel, zero-width and bidi controls.
IGNORABLE = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"  # marks
    "\u0640"  # tatweel
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u00ad"  # zero-width, bidi, BOM
)
_IGNORABLE_RE = re.compile(f"[{IGNORABLE}]+")

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "ء", "ئ": "ء",
    "ة": "ه", "ۃ": "ه",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ک": "ك", "ڪ": "ك", "گ": "ك",
    "ھ": "ه", "ہ": "ه",
    "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف",
    "٪": "%", "٫": ".", "٬": ",",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u3000": " ",
    "\r": "\n",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)
    _MAP[chr(0x06F0 + _i)] = str(_i)
_TABLE: dict[int, str | int | None] = {ord(k): v for k, v in _MAP.items()}
_TABLE.update({c: c + 32 for c in range(ord("A"), ord("Z") + 1)})
#: The same table as (character, replacement) pairs: a few dozen ``str.replace`` scans, each a fast search
#: in C, cost an eighth of ``str.translate``'s lookup per character on news text.
_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (chr(k), v if isinstance(v, str) else chr(v)) for k, v in _TABLE.items() if v is not None)


def _translate(text: str) -> str:
    for a, b in _PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


class Folded:
    """A folded view of ``original`` whose every character maps back to an original offset."""

    __slots__ = ("_map", "original", "text")

    def __init__(self, original: str, text: str, mapping: array | None) -> None:
        self.original = original
        self.text = text
        self._map = mapping  # None: identity (nothing was removed)

    def start(self, i: int) -> int:
        """Original offset of view position ``i`` (a span start)."""
        if self._map is None:
            return i
        if i >= len(self.text):
            return len(self.original)
        return self._map[i]

    def end(self, j: int) -> int:
        """Original offset just after view position ``j - 1`` (a span end)."""
        if self._map is None:
            return j
        if j <= 0:
            return 0
        return self._map[j - 1] + 1

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the view span ``[i, j)``; an empty span stays empty."""
        if j <= i:
            s = self.start(i)
            return s, s
        return self.start(i), self.end(j)

    def __repr__(self) -> str:
        return f"Folded({self.text!r})"


def fold(text: str) -> Folded:
    """Fold ``text`` for matching; the result maps every position back into ``text``."""
    translated = _translate(text)
    if len(translated) != len(text):  # pragma: no cover - the table maps one char to at most one
        raise AssertionError("folding must be one-to-one before removals")
    removals = [m.span() for m in _IGNORABLE_RE.finditer(translated)]
    if not removals:
        return Folded(text, translated, None)
    mapping = array("l")
    pieces = []
    pos = 0
    for a, b in removals:
        if a > pos:
            pieces.append(translated[pos:a])
            mapping.extend(range(pos, a))
        pos = b
    if pos < len(translated):
        pieces.append(translated[pos:])
        mapping.extend(range(pos, len(translated)))
    return Folded(text, "".join(pieces), mapping)


#: Folded strings kept by `fold_term`: pure memoisation of a function of its string alone (the words of a
#: page are folded again and again); bounded so that unseen text cannot grow it.
FOLD_TERM_CACHE = 65536


@lru_cache(maxsize=FOLD_TERM_CACHE)
def fold_term(term: str) -> str:
    """Fold a lexicon string the same way as text, and squeeze whitespace. (A short string is folded
    with one ``str.translate``: the per-character scans that pay off on long texts cost more here; the
    result is the same as ``fold(term).text``.)"""
    return " ".join(_IGNORABLE_RE.sub("", term.translate(_TABLE)).split())
