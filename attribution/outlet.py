"""The publishing outlet, from what the page shows.

In order of trust: a "المصدر: …" line, a byline ("العاصفة نيوز/ متابعات /رويترز", "يمانيون../"), a
credit in parentheses at the top ("(SeaPRwire) –"), a copyright line, a publisher's disclaimer
("لا تقدم X أي ضمانات", "يوفر X"). Names are made canonical through the gazetteer when it knows them.
"""

from __future__ import annotations

import attrs
import regex

from .lexicons import Lexicons, SourceEntry
from .model import Outlet, Span
from .morphology import WA
from .normalize import CLOSE_QUOTES, OPEN_QUOTES, Folded, fold_term
from .regions import Segment

__all__ = ["OutletTables", "canonical_outlet", "detect_outlet"]

_SPLIT = regex.compile(rf"\s*(?:[+/|،,]|\s-\s|\s{WA}(?=\p{{L}}))\s*")
_QUOTES = "".join(sorted(OPEN_QUOTES | CLOSE_QUOTES)) + "()[]"
_CREDIT = regex.compile(r"^\s*\(([^()\n]{2,40})\)\s*[-–—]")
_BYLINE = regex.compile(r"^\s*([^/|\n.]{2,40}?)\s*(?:\.{2,}\s*/?|/|\|)")


def _alternatives(words: tuple[str, ...], space: str = " ") -> str:
    return "|".join(space.join(map(regex.escape, w.split())) for w in words)


def _patterns(lex: Lexicons) -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """The «المصدر: …» line, the copyright notice and the publisher's disclaimer, from ``[credits]`` in
    lexicons/page.toml, folded like the text they search (in their order: the longest notice first)."""
    credits = lex.page.get("credits", {})

    def words(key: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(fold_term(w) for w in credits.get(key, ())))

    label = regex.escape(fold_term(credits.get("source_label", "")))
    source_line = regex.compile(rf"^\s*{label}\s*:\s*(.+?)\s*$")
    copyright = regex.compile(
        rf"(?:©|{_alternatives(words('copyright'))})\s*(?:\d{{4}}\s*)?"
        rf"(?:{_alternatives(words('copyright_owner'))})?\s*([\p{{L}}\p{{N}} .\-]{{2,40}})")
    space = r"\s+"
    disclaimer = regex.compile(
        rf"(?:{_alternatives(words('disclaimer'), space)})"
        r"\s+([\p{Latin}][\p{Latin}\p{N}.\-]{1,40}(?:\s[\p{Latin}][\p{Latin}\p{N}.\-]*){0,2})")
    return source_line, copyright, disclaimer


def _media_index(lex: Lexicons) -> dict[str, SourceEntry]:
    index: dict[str, SourceEntry] = {}
    for entry in lex.sources:
        if entry.kind in ("media", "news_agency"):
            for form in (entry.name, *entry.aliases):
                index.setdefault(fold_term(form).lower(), entry)
    return index


@attrs.frozen(eq=False)
class OutletTables:
    """What outlet detection reads, built once from the lexicons (`attribution.compiled.Compiled`
    holds it as ``outlet``): the credit patterns, the gazetteer's media by folded name, and the credits
    that name no outlet («وكالات», «متابعات»: ``[credits] generic`` in lexicons/page.toml)."""

    source_line: regex.Pattern[str]
    copyright: regex.Pattern[str]
    disclaimer: regex.Pattern[str]
    media: dict[str, SourceEntry]
    generic: frozenset[str]

    @classmethod
    def from_lexicons(cls, lex: Lexicons) -> OutletTables:
        generic = frozenset(fold_term(w).lower() for w in lex.page.get("credits", {}).get("generic", ()))
        return cls(*_patterns(lex), _media_index(lex), generic)


def _clean(name: str) -> str:
    return name.strip().strip(_QUOTES).strip()


def canonical_outlet(name: str, tables: OutletTables, mention: Span | None = None) -> Outlet:
    """``name`` as an `Outlet`, with the gazetteer's canonical name and aliases when it is known."""
    entry = tables.media.get(fold_term(name).lower())
    if entry is not None:
        aliases = tuple(dict.fromkeys(f for f in (*entry.aliases, name) if f != entry.name))
        return Outlet(entry.name, aliases, mention)
    return Outlet(name, (), mention)


def _is_agency(name: str, tables: OutletTables) -> bool:
    entry = tables.media.get(fold_term(name).lower())
    return entry is not None and entry.kind == "news_agency"


def detect_outlet(view: Folded, segments: list[Segment], tables: OutletTables) -> Outlet:
    """The outlet the page names, or ``Outlet(None)``."""
    text = view.text
    generic = tables.generic
    source_line, copyright, disclaimer = tables.source_line, tables.copyright, tables.disclaimer
    lines = [(s.start, s.end, s.kind) for s in segments]
    candidates: list[tuple[int, str, int, int]] = []  # (priority, name, start, end) in view coordinates
    for start, end, kind in lines:
        line = text[start:end]
        m = source_line.match(line)
        if m and kind == "boilerplate":
            parts = [(_clean(p), p) for p in _SPLIT.split(m.group(1)) if _clean(p)]
            parts = [(c, raw) for c, raw in parts if fold_term(c).lower() not in generic]
            if parts:
                own = [c for c, _ in parts if not _is_agency(c, tables)]
                name = own[-1] if own else parts[0][0]
                pos = text.find(name, start + m.start(1), end)
                candidates.append((0, name, pos if pos >= 0 else start, (pos if pos >= 0 else start) + len(name)))
        if kind == "dateline":
            b = _BYLINE.match(line)
            if b and fold_term(_clean(b.group(1))).lower() not in generic and len(b.group(1).split()) <= 4:
                name = _clean(b.group(1))
                if name and not _is_agency(name, tables):
                    candidates.append((1, name, start + b.start(1), start + b.start(1) + len(b.group(1).strip())))
            c = _CREDIT.match(line)
            if c:
                candidates.append((2, _clean(c.group(1)), start + c.start(1), start + c.end(1)))
        if kind == "boilerplate":
            for rx, prio in ((copyright, 3), (disclaimer, 4)):
                d = rx.search(line)
                if d and _clean(d.group(1)):
                    name = _clean(d.group(1)).split(" (")[0].strip()
                    if fold_term(name).lower() not in generic and len(name) >= 2:
                        candidates.append((prio, name, start + d.start(1), start + d.start(1) + len(name)))
    if not candidates:
        return Outlet(None)
    prio, name, s, e = min(candidates, key=lambda c: (c[0], c[2]))
    os_, oe = view.span(s, e)
    written = _clean(view.original[os_:oe]) or name
    return canonical_outlet(written, tables, Span.of(view.original, os_, oe))
