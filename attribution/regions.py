"""Page regions: headline, dateline, body, related teasers and boilerplate.

Works line by line on the folded view. The body is the run of paragraph-like lines that starts at the
first paragraph and ends at the first terminal marker ("المصدر:", "التعليقات", "تابعنا على", a
publisher's disclaimer …). The headline is the last headline-like line before the body (and every
repetition of it); page menus before it are boilerplate; after the body, teasers are ``related``.
Nothing is dropped: every non-blank line gets a region.
"""

from __future__ import annotations

import re

import attrs
import regex

from .lexicons import Lexicons
from .morphology import CONJUNCTIONS, WA
from .normalize import CLOSING, Folded, fold_term

__all__ = ["PageMarkers", "Segment", "find_segments"]

WORD = regex.compile(r"[\p{L}\p{N}]+")
_SENT_END = regex.compile(rf"[.!?؟…:{regex.escape(CLOSING)})]\s*$")
#: A full stop that ends a line, with or without a closing quote on either side.
_FULL_STOPS = (".", *("." + q for q in CLOSING), *(q + "." for q in CLOSING))
_BAR = regex.compile(r"\s*[|│]\s*")
_SLASHES = regex.compile(r"[/|]+")
_LATIN_ONLY = regex.compile(r"^[\p{Latin}\p{N}\s\p{P}\p{S}]+$")
_BULLET = regex.compile(r"^\s*[•·▪►◄■●○\-*]\s")
_COUNTER = regex.compile(r"^\s*\d+\s+\p{Arabic}+\s*$")
# a date, perhaps a time, and a zone or an «ص»/«م» (a.m./p.m.): any one to three letters
_DATE = regex.compile(
    r"^\s*(?:\p{L}+[\s,،]+)?\d{1,4}(?:st|nd|rd|th)?[\s,/.\-،]+(?:\p{L}+|\d{1,2})[\s,/.\-،]+\d{2,4}"
    r"(?:[\s,،]+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:GMT|UTC|\p{L}{1,3}))?\s*$"
)
# "يمانيون../", "بغداد - ", "(SeaPRwire) –", "القاهرة (د ب ا) -": a credit before the first sentence.
_INLINE_DATELINE = regex.compile(
    r"^\s*(?:\([^()\n]{1,40}\)|[\p{L}\p{N}]+(?:\s[\p{L}\p{N}]+){0,3}(?:\s*\([^()\n]{1,25}\))?)"
    r"\s*(?:\.{2,}\s*/?|/|\s[-–—]|[-–—]\s)\s*"
)


@attrs.frozen
class Segment:
    """A stretch of one line (view coordinates) with its region kind."""

    start: int
    end: int
    kind: str


def _alternation(words: tuple[str, ...], prefix: bool) -> re.Pattern[str]:
    """``words`` as one pattern, longest first: whole words at the start of a line when ``prefix``,
    anywhere otherwise."""
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(f"(?:{alternation})(?!\\w)" if prefix else alternation)


@attrs.frozen
class PageMarkers:
    """Page furniture words of ``lexicons/page.toml``, folded, and the patterns compiled from them
    (`attribution.compiled.Compiled` holds them as ``markers``)."""

    boiler_starts: tuple[str, ...]
    boiler_contains: tuple[str, ...]
    inline: tuple[str, ...]
    related_starts: tuple[str, ...]
    counts: frozenset[str]
    dateline_starts: tuple[str, ...]
    byline: frozenset[str]
    labels: frozenset[str]
    verbs: frozenset[str]  # reporting-verb forms, with و/ف: a line that opens with one is a sentence
    boiler_starts_re: re.Pattern[str] = attrs.field(init=False)
    boiler_contains_re: re.Pattern[str] = attrs.field(init=False)
    inline_re: re.Pattern[str] = attrs.field(init=False)
    related_starts_re: re.Pattern[str] = attrs.field(init=False)
    dateline_starts_re: re.Pattern[str] = attrs.field(init=False)

    @boiler_starts_re.default
    def _boiler_starts_re(self) -> re.Pattern[str]:
        return _alternation(self.boiler_starts, True)

    @boiler_contains_re.default
    def _boiler_contains_re(self) -> re.Pattern[str]:
        return _alternation(self.boiler_contains, False)

    @inline_re.default
    def _inline_re(self) -> re.Pattern[str]:
        return _alternation(self.inline, False)

    @related_starts_re.default
    def _related_starts_re(self) -> re.Pattern[str]:
        return _alternation(self.related_starts, True)

    @dateline_starts_re.default
    def _dateline_starts_re(self) -> re.Pattern[str]:
        return _alternation(self.dateline_starts, True)

    @classmethod
    def from_lexicons(cls, lex: Lexicons) -> PageMarkers:
        page = lex.page

        def folded(table: str, key: str) -> tuple[str, ...]:
            words = page.get(table, {}).get(key, [])
            return tuple(sorted({fold_term(w).lower() for w in words}, key=len, reverse=True))

        return cls(
            folded("boilerplate", "starts"), folded("boilerplate", "contains"), folded("boilerplate", "inline"),
            folded("related", "starts"),
            frozenset(folded("related", "counts")), folded("dateline", "starts"),
            frozenset(folded("dateline", "byline")), frozenset(folded("labels", "words")),
            frozenset(p + fold_term(f) for v in lex.verbs for f in v.forms for p in ("", *CONJUNCTIONS)),
        )


class _Line:
    __slots__ = ("end", "kind", "start", "text", "words")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        self.words = len(WORD.findall(text))
        self.kind = ""


def _lines(view: Folded) -> list[_Line]:
    out = []
    text = view.text
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            out.append(_Line(start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return out


#: A line longer than this (in words) that opens with a furniture word is a sentence unless a colon,
#: bar or dash follows the word: "المصدر: وكالات" is a credit, "المصدر المطلع، أكد أن …" is not. A
#: shorter line of more than four words is a sentence too when it ends like one.
FURNITURE_WORDS = 12
#: A line longer than this (in characters) is never furniture for a phrase it contains ("جميع الحقوق
#: محفوظة" inside a whole page run together on one line): it is text, and its sentences are read.
FURNITURE_CHARS = 600
_LABEL_MARK = re.compile(r"\s*[:|\-–—]")


def is_boilerplate(line: str, m: PageMarkers) -> bool:
    low = line.lower()
    start = m.boiler_starts_re.match(low)
    if start is not None:
        n = len(WORD.findall(low))
        if _LABEL_MARK.match(low, start.end()) or n <= 4 or (n <= FURNITURE_WORDS and low[-1:] not in ".!?؟"):
            return True
    if len(line) <= FURNITURE_CHARS and m.boiler_contains_re.search(low):
        return True
    if len(line) <= FURNITURE_CHARS and m.inline and m.inline_re.search(low):
        return True  # a long line that mentions a furniture phrase is text that holds it, not furniture
    if _LATIN_ONLY.match(line) and not any(ch.isdigit() for ch in line[:1]):
        return True
    if _BULLET.match(line) or _COUNTER.match(line):
        return True
    tokens = line.split()
    return bool(tokens) and all(t.startswith("#") for t in tokens)


def is_count_line(line: str, m: PageMarkers) -> bool:
    """"Outlet | 941 قراءة": a teaser's meta line."""
    parts = _BAR.split(line)
    if len(parts) >= 2:
        tail = parts[-1].split()
        return len(tail) == 2 and tail[0].isdigit() and tail[1] in m.counts
    return False


def is_dateline(line: str, words: int, m: PageMarkers) -> bool:
    if m.dateline_starts_re.match(line) or _DATE.match(line):
        return True
    if words <= 6 and ("/" in line or "|" in line):
        parts = [p.strip() for p in _SLASHES.split(line) if p.strip()]
        return len(parts) >= 2 and any(p in m.byline for p in parts)
    return False


def _prose(line: _Line) -> bool:
    """A short line that reads as running text, not a title: it ends a sentence with a full stop (or a
    closing quote after one) or opens with the conjunction و ("وقال الوزير إن الخطة جاهزة.")."""
    text = line.text.rstrip()
    return text.endswith(_FULL_STOPS) or (
        text.startswith(WA) and line.words >= 3 and bool(_SENT_END.search(text)))


def _paragraph_like(line: _Line) -> bool:
    return (line.words >= 6 and bool(_SENT_END.search(line.text))) or line.words >= 25


def find_segments(view: Folded, m: PageMarkers) -> list[Segment]:
    """Classify every non-blank line of ``view`` with the page markers ``m``; an inline credit
    ("يمانيون../") becomes a dateline."""
    lines = _lines(view)
    if not lines:
        return []
    for ln in lines:
        if is_boilerplate(ln.text, m):
            ln.kind = "boilerplate"
        elif is_dateline(ln.text, ln.words, m):
            ln.kind = "dateline"
        elif m.related_starts_re.match(ln.text):
            ln.kind = "related-marker"
        elif is_count_line(ln.text, m):
            ln.kind = "related"
    body_start = next((i for i, ln in enumerate(lines)
                       if not ln.kind and (_paragraph_like(ln) or (_prose(ln) and ln.words >= 4))), None)
    if body_start is None:
        body_start = next((i for i, ln in enumerate(lines) if not ln.kind and ln.words >= 3), len(lines))
        if body_start < len(lines) - 1 and lines[body_start].words < 12 and not _prose(lines[body_start]):
            # several short lines and no paragraph: the first is the headline, the rest the body
            lines[body_start].kind = "headline"
            body_start = next((i for i in range(body_start + 1, len(lines)) if not lines[i].kind), len(lines))
    # headline: the last headline-like line before the body, and its repetitions
    head = next((i for i in range(body_start - 1, -1, -1)
                 if lines[i].kind in ("", "headline") and lines[i].words >= 3), None)
    headline_text = lines[head].text if head is not None else None
    for i in range(body_start):
        ln = lines[i]
        if ln.kind in ("", "related-marker"):
            if headline_text is not None and (i == head or ln.text == headline_text):
                ln.kind = "headline"
            elif head is not None and i > head and ln.words >= 3:
                ln.kind = "headline"  # a deck or subtitle between headline and body
            else:
                ln.kind = "boilerplate"
    terminal = False
    teaser_pending = False
    for i in range(body_start, len(lines)):
        ln = lines[i]
        if ln.kind == "related-marker":
            ln.kind = "boilerplate"
            teaser_pending = True
            continue
        if ln.kind == "boilerplate":
            if m.boiler_starts_re.match(ln.text.lower()) or m.boiler_contains_re.search(ln.text.lower()):
                terminal = terminal or i > body_start
            continue
        if ln.kind:
            continue
        if headline_text is not None and ln.text == headline_text:
            ln.kind = "headline"
        elif terminal or (teaser_pending and not _paragraph_like(ln)):
            ln.kind = "related"
        else:
            teaser_pending = teaser_pending and not _paragraph_like(ln)
            ln.kind = "body"
    segments: list[Segment] = []
    first_text = next((ln for ln in lines if ln.kind in ("body", "headline")), None)
    first_body = next((ln for ln in lines if ln.kind == "body"), None)
    for ln in lines:
        kind = "related" if ln.kind == "related-marker" else ln.kind
        if ln is first_text or ln is first_body:
            credit = _INLINE_DATELINE.match(ln.text)
            if credit and 0 < credit.end() < len(ln.text) and _credit_ok(ln.text[: credit.end()], m):
                cut = ln.start + credit.end()
                segments.append(Segment(ln.start, cut, "dateline"))
                segments.append(Segment(cut, ln.end, kind))
                continue
        segments.append(Segment(ln.start, ln.end, kind))
    return segments


def _credit_ok(prefix: str, m: PageMarkers) -> bool:
    """A credit is a name, not the start of a sentence: no verb-like word, no colon."""
    words = WORD.findall(prefix)
    if not words or len(words) > 4 or ":" in prefix or words[0] in m.verbs:
        return False  # "وأوضح المتحدث - في تصريح …": a sentence, not a credit
    if prefix.strip().startswith("("):
        return True
    return ".." in prefix or "/" in prefix or any(w in m.byline for w in words) or (len(words) <= 3 and "-" in prefix)
