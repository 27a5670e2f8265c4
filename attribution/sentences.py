"""Arabic sentence boundaries.

A sentence ends at ``. ! ? ؟ ؛ …`` (closing quotes and brackets stay with it) and at every line
break. There is no split inside numbers (``2.5``, ``25.01.2024``), after initials (``أ.ف.ب``,
``د. محمد``, ``U.S.``), in URLs, after a list number at the start of a line, or at two dots, which
Arabic writing uses as a pause inside a sentence (``تأجيل الجلسة و.. مع ذلك``).

Examples:
    >>> from attribution.regions import Segment
    >>> text = "قال إن الوضع صعب.. لكنه تحت السيطرة. وأضاف أن الحل قريب."
    >>> [text[s:e] for s, e in split_segment(text, Segment(0, len(text), "body"))]
    ['قال إن الوضع صعب.. لكنه تحت السيطرة.', 'وأضاف أن الحل قريب.']
"""

from __future__ import annotations

import regex

from .regions import Segment

__all__ = ["split", "split_segment"]

_BOUNDARY = regex.compile(r"[.!?؟؛…]+[»\"”’'\)\]]*(?=\s|$|\p{Arabic})")
_ABBREVIATIONS = frozenset({"mr", "mrs", "dr", "st", "etc", "vs", "jr", "sr", "inc", "ltd", "co", "no", "e.g", "i.e"})
_TOKEN_BEFORE = regex.compile(r"([\p{L}\p{N}]+)$")
#: How far back (in characters) the token before a full stop is looked for; longer tokens are not
#: initials or abbreviations anyway.
_LOOKBACK = 64


def _is_boundary(text: str, start: int, end: int, seg_start: int) -> bool:
    mark = text[start:end]
    if mark.rstrip("»\"”’')]") == "..":
        return False  # ".." is a pause inside a sentence («تأجيل الجلسة و.. مع ذلك»)
    if mark[0] != "." or len(mark.rstrip("»\"”’')]")) > 1:
        return True  # ! ? ؟ ؛ … and runs of three or more dots end a sentence
    # look back a bounded stretch only: a search from the segment start made long lines quadratic
    before = _TOKEN_BEFORE.search(text, max(seg_start, start - _LOOKBACK), start)
    if before is None:
        return True
    token = before.group(1)
    if len(token) == 1 and not token.isdigit():
        return False  # initials: "أ.ف.ب", "د. محمد", "U.S."
    if token.lower() in _ABBREVIATIONS:
        return False
    return not (token.isdigit() and before.start() == seg_start)  # "1." opening a numbered line


def split_segment(text: str, seg: Segment) -> list[tuple[int, int]]:
    """Sentence spans (view coordinates) inside one segment, whitespace trimmed."""
    out: list[tuple[int, int]] = []
    pos = seg.start
    for m in _BOUNDARY.finditer(text, seg.start, seg.end):
        if not _is_boundary(text, m.start(), m.end(), seg.start):
            continue
        _add(text, pos, m.end(), out)
        pos = m.end()
    _add(text, pos, seg.end, out)
    return out


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def split(text: str, segments: list[Segment]) -> list[tuple[int, int, str]]:
    """Every sentence of the page as ``(start, end, region)`` in view coordinates, in order."""
    out = []
    for seg in segments:
        for s, e in split_segment(text, seg):
            out.append((s, e, seg.kind))
    return out
