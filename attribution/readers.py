"""Read files as prose for annotating and checking: .txt, .md and .html, with every offset kept.

Parts that are not prose (Markdown code blocks and spans, front matter, link targets, HTML comments,
HTML tags) are replaced by spaces of the same length, newlines kept, so positions found in the masked
text are positions in the file. Suppression markers are collected on the way.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

__all__ = ["DIRECTIVES", "Draft", "Marker", "Suppression", "mask_html", "mask_markdown", "parse_markers",
           "parse_suppressions", "read_draft"]

_BLOCK_TAGS = re.compile(r"(?i)</?(?:p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|"
                         r"blockquote|pre|title|hr)\b")


@attrs.frozen
class Suppression:
    rules: frozenset[str]  # empty: every rule
    first_line: int  # 1-based, inclusive
    last_line: int


@attrs.frozen
class Marker:
    """One ``attribution:`` marker as written, valid or not (``check`` reports unknown directives and rules)."""

    directive: str  # "ignore", "ignore-start", "ignore-end", or whatever was written instead
    names: tuple[str, ...]  # the rule names after it, in order
    start: int  # offsets of the whole marker in the text
    end: int


@attrs.frozen
class Draft:
    path: str
    text: str  # the file as read
    masked: str  # same length; non-prose blanked
    suppressions: tuple[Suppression, ...]
    markers: tuple[Marker, ...] = ()


def _blank(text: str, start: int, end: int, out: list[str]) -> None:
    for i in range(start, end):
        if text[i] != "\n":
            out[i] = " "


def _pairs(text: str, opener: str, closer: str, *, ignore_case: bool = False) -> list[tuple[int, int]]:
    """The stretches from each ``opener`` to the first ``closer`` after it, found left to right in one
    pass: an opener never closed ends the search (the scan is linear, however many openers stay open)."""
    flags = re.IGNORECASE if ignore_case else 0  # not text.lower(): it may change the text's length («İ»)
    opens, closes = re.compile(re.escape(opener), flags), re.compile(re.escape(closer), flags)
    out, pos = [], 0
    while (a := opens.search(text, pos)) is not None:
        b = closes.search(text, a.end())
        if b is None:
            break
        out.append((a.start(), b.end()))
        pos = b.end()
    return out


def _fences(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks (``` or ~~~ at the start of a line, to the same fence), line by line."""
    out, start, fence, pos = [], 0, "", 0
    for line in text.splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        if not fence and bare.startswith(("```", "~~~")):
            fence, start = bare[:3], pos
        elif fence and bare.rstrip(" \t") == fence:
            out.append((start, pos + len(bare)))
            fence = ""
        pos += len(line)
    return out


#: Masks of one line each, bounded so that an unclosed opener on a long line costs a bounded scan.
_MD_LINE = (re.compile(r"(?m)^(?: {4}|\t).*$"),  # indented code
            re.compile(r"`[^`\n]{1,1000}`"),  # code spans
            re.compile(r"\]\([^)\n]{0,1000}\)"),  # link targets
            re.compile(r"(?m)^\[[^\]\n]+\]:.*$"),  # reference definitions
            re.compile(r"<[A-Za-z/][^>\n]{0,1000}>"))  # inline HTML tags


def mask_markdown(text: str) -> str:
    out = list(text)
    # front matter
    m = re.match(r"\A(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(?:\n|\Z)", text, re.S)
    if m:
        _blank(text, 0, m.end(), out)
    for a, b in (*_fences(text), *_pairs(text, "<!--", "-->")):
        _blank(text, a, b, out)
    for rx in _MD_LINE:
        for m in rx.finditer(text):
            a, b = m.span()
            if rx.pattern.startswith(r"\]"):
                a += 1  # keep the closing bracket of the link text
            _blank(text, a, b, out)
    return "".join(out)


def mask_html(text: str) -> str:
    out = list(text)
    spans = [*_pairs(text, "<script", "</script>", ignore_case=True), *_pairs(text, "<style", "</style>", ignore_case=True),
             *_pairs(text, "<!--", "-->")]
    for a, b in spans:
        _blank(text, a, b, out)
    masked = "".join(out)  # the tags left, outside scripts, styles and comments
    for a, b in _pairs(masked, "<", ">"):
        _blank(text, a, b, out)
        if _BLOCK_TAGS.match(text, a):
            out[a] = "\n"  # a block boundary ends a line, as on the page
    for m in re.finditer(r"&(?:nbsp|amp|quot|lt|gt|#\d+|#x[0-9a-fA-F]+);", text):
        _blank(text, m.start(), m.end(), out)
    return "".join(out)


DIRECTIVES = ("ignore", "ignore-start", "ignore-end")

#: ``<!-- attribution: DIRECTIVE rule rule -->`` or ``[attribution: DIRECTIVE rule, rule]``; any word is taken
#: as the directive or a name here, so that a misspelt one is reported instead of passing silently.
_MARKER = re.compile(r"(?:<!--\s*|\[)attribution:\s*([\w-]*)((?:[\s,]+[\w-]+)*)[\s,]*(?:-->|\])")


def parse_markers(text: str) -> tuple[Marker, ...]:
    """Every ``attribution:`` marker in ``text``, in order."""
    return tuple(Marker(m.group(1), tuple(m.group(2).replace(",", " ").split()), m.start(), m.end())
                 for m in _MARKER.finditer(text))


def parse_suppressions(text: str, markers: tuple[Marker, ...] | None = None,
                       ) -> tuple[tuple[Suppression, ...], list[tuple[int, int]]]:
    """Suppressions and the spans of their markers. ``ignore`` covers its own line when it follows text
    on that line, otherwise the next non-blank line; ``ignore-start`` … ``ignore-end`` covers a block.
    A marker with an unknown directive suppresses nothing (its span is still returned: it is no prose)."""
    lines = text.split("\n")
    out: list[Suppression] = []
    spans: list[tuple[int, int]] = []
    open_blocks: list[tuple[frozenset[str], int]] = []
    for m in parse_markers(text) if markers is None else markers:
        spans.append((m.start, m.end))
        kind, rules = m.directive, frozenset(m.names)
        line = text.count("\n", 0, m.start) + 1
        if kind == "ignore-start":
            open_blocks.append((rules, line))
        elif kind == "ignore-end":
            if open_blocks:
                r, first = open_blocks.pop()
                out.append(Suppression(r, first, line))
        elif kind == "ignore":
            before = text[text.rfind("\n", 0, m.start) + 1:m.start]
            if before.strip():
                out.append(Suppression(rules, line, line))
            else:
                target = line + 1
                while target <= len(lines) and not lines[target - 1].strip():
                    target += 1
                out.append(Suppression(rules, line, target))
    for rules, first in open_blocks:
        out.append(Suppression(rules, first, len(lines)))
    return tuple(out), spans


def read_draft(path: Path, text: str) -> Draft:
    """The draft ``text`` of ``path`` masked by its kind (by extension: .md/.markdown, .html/.htm, else text)."""
    suffix = path.suffix.lower()
    markers = parse_markers(text)
    suppressions, spans = parse_suppressions(text, markers)
    if suffix in (".md", ".markdown"):
        masked = mask_markdown(text)
    elif suffix in (".html", ".htm"):
        masked = mask_html(text)
    else:
        masked = text
    chars = list(masked)
    for a, b in spans:
        _blank(text, a, b, chars)
    return Draft(str(path), text, "".join(chars), suppressions, markers)
