"""Arabic sentence boundaries.

A sentence ends at ``. ! ? ؟ ؛ …`` (closing quotes and brackets stay with it) and at every line
break. There is no split inside numbers (``2.5``, ``25.01.2024``), after initials (``أ.ف.ب``,
``د. محمد``, ``U.S.``), after a Latin initial written out inside a name (``لورا إيه. كولانجيلو``;
the ``initials`` given, grammar.toml ``latin_initials``), in URLs, after a list number at the start of a
line, or at two dots, which Arabic writing uses as a pause inside a sentence (``تأجيل الجلسة و.. مع ذلك``).

A full stop written *inside* a word to dodge a filter is no end either: a dot between two letters with
no space after it, touching a tatweel or a zero-width mark (``الحـ.وثيين``), or joining two halves that
make a word of the built-in term lexicons (``الحو.ثيين``). A dot between two letters is otherwise a
sentence end with the space missing (``انتهى.وقال``), the common case in news text.

Examples:
    >>> from attribution.regions import Segment
    >>> text = "قال إن الوضع صعب.. لكنه تحت السيطرة. وأضاف أن الحل قريب."
    >>> [text[s:e] for s, e in split_segment(text, Segment(0, len(text), "body"))]
    ['قال إن الوضع صعب.. لكنه تحت السيطرة.', 'وأضاف أن الحل قريب.']
"""

from __future__ import annotations

import regex

from .morphology import CONJUNCTIONS, PREPOSITIONS, TATWEEL
from .normalize import CLOSING, SENTENCE_STOPS, Folded
from .regions import Segment

__all__ = ["split", "split_segment"]

#: What may close a sentence after its stop: a closing quotation mark or bracket.
_CLOSERS = CLOSING + ")]"
_BOUNDARY = regex.compile(rf"[{regex.escape(SENTENCE_STOPS)}]+[{regex.escape(_CLOSERS)}]*(?=\s|$|\p{{Arabic}})")
_ABBREVIATIONS = frozenset({"mr", "mrs", "dr", "st", "etc", "vs", "jr", "sr", "inc", "ltd", "co", "no", "e.g", "i.e"})
_TOKEN_BEFORE = regex.compile(r"([\p{L}\p{N}]+)$")
#: How far back (in characters) the token before a full stop is looked for; longer tokens are not
#: initials or abbreviations anyway.
_LOOKBACK = 64
#: Marks that make a dot inside a word a dodge when they touch it (folding removes them): tatweel, zero
#: width space, non-joiner and joiner, word joiner, soft hyphen. Not tashkeel: «أيضاً.وقال» ends a sentence.
_DODGE_MARKS = frozenset(TATWEEL + "\u200b\u200c\u200d\u2060\u00ad")
_LETTERS_BEFORE = regex.compile(r"\p{L}+$")
#: A word after a full stop on the same line that does not open a clause with و or ف (a name going on
#: after an initial, not «… إكس. وقال …»).
_NAME_AFTER = regex.compile(rf"[ \t]+(?![{CONJUNCTIONS}])\p{{L}}")
#: The word before a token: an initial after another initial is an acronym («بي بي سي.»), not a name.
_WORD_BEFORE = regex.compile(r"(\p{L}+)[ \t]+$")
_LETTERS_AFTER = regex.compile(r"\p{L}+")
_ARABIC_LETTER = regex.compile(r"[\p{Arabic}&&\p{L}]")


def _dodge(text: str, start: int, seg_start: int, view: Folded | None, words: frozenset[str]) -> bool:
    """The single full stop at ``start``, between two letters with no space after it, sits inside one
    word: it touches a tatweel or a zero-width mark (after at least two letters: «1436هـ.» is the
    Hijri year's abbreviation), or the word it splits is a word of a term («الحو.ثيين»)."""
    before = _LETTERS_BEFORE.search(text, max(seg_start, start - _LOOKBACK), start)
    after = _LETTERS_AFTER.match(text, start + 1, start + 1 + _LOOKBACK)
    if before is None or after is None or not _ARABIC_LETTER.match(text, start + 1):
        return False
    if view is not None and len(before.group()) > 1:
        dot = view.start(start)
        if not _DODGE_MARKS.isdisjoint(view.original[max(dot - 1, 0):dot + 2]):
            return True
    word = before.group() + after.group()
    return any(word[c:] in words for c in range(3) if not word[:c].strip(CONJUNCTIONS + PREPOSITIONS))  # after proclitics


def _is_boundary(text: str, start: int, end: int, seg_start: int, view: Folded | None = None,
                 words: frozenset[str] = frozenset(), initials: frozenset[str] = frozenset()) -> bool:
    mark = text[start:end]
    if mark.rstrip(_CLOSERS) == "..":
        return False  # ".." is a pause inside a sentence («تأجيل الجلسة و.. مع ذلك»)
    if mark[0] != "." or len(mark.rstrip(_CLOSERS)) > 1:
        return True  # ! ? ؟ ؛ … and runs of three or more dots end a sentence
    # look back a bounded stretch only: a search from the segment start made long lines quadratic
    before = _TOKEN_BEFORE.search(text, max(seg_start, start - _LOOKBACK), start)
    if before is None:
        return True
    if end == start + 1 and _dodge(text, start, seg_start, view, words):
        return False  # «الحـ.وثيين»: a dot inside a word
    token = before.group(1)
    if len(token) == 1 and not token.isdigit():
        return False  # initials: "أ.ف.ب", "د. محمد", "U.S."
    if token.lower() in _ABBREVIATIONS:
        return False
    if token in initials and (after := _NAME_AFTER.match(text, end)) is not None:
        # a Latin initial written out: inside a dotted acronym when another letter follows («إف. بي.
        # آي.»), inside a name when a name follows («لورا إيه. كولانجيلو»); not an acronym's last letter
        # («بي بي سي.») nor a letter before a new clause («منصة إكس. وقال …»)
        following = _LETTERS_AFTER.match(text, after.end() - 1)
        if following is not None and following.group() in initials:
            return False
        previous = _WORD_BEFORE.search(text, max(seg_start, before.start() - _LOOKBACK), before.start())
        if previous is not None and previous.group(1) not in initials:
            return False
    return not (token.isdigit() and before.start() == seg_start)  # "1." opening a numbered line


def split_segment(text: str | Folded, seg: Segment, words: frozenset[str] = frozenset(),
                  initials: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Sentence spans (view coordinates) inside one segment, whitespace trimmed. Given the folded view
    rather than its text, the splitter also sees the marks folding removed (a tatweel before a dot).
    ``words`` are the folded words a full stop inside does not split (``Compiled.split_words``: the
    words of the built-in term lexicons); ``initials`` the Latin letters written out (folded, grammar.toml
    ``latin_initials``) whose full stop inside a name ends no sentence («لورا إيه. كولانجيلو»)."""
    view = text if isinstance(text, Folded) else None
    text = text.text if isinstance(text, Folded) else text
    out: list[tuple[int, int]] = []
    pos = seg.start
    for m in _BOUNDARY.finditer(text, seg.start, seg.end):
        if not _is_boundary(text, m.start(), m.end(), seg.start, view, words, initials):
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


def split(text: str, segments: list[Segment], words: frozenset[str] = frozenset(),
          initials: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Every sentence of the page as ``(start, end, region)`` in view coordinates, in order."""
    out = []
    for seg in segments:
        for s, e in split_segment(text, seg, words, initials):
            out.append((s, e, seg.kind))
    return out
