"""The annotate steps, as plain functions over the previous step's result, and the Article they build.

``text → regions + outlet (find_regions) → sentences (find_sentences) → attributions and speakers
(find_speakers) → terms (find_term_hits) → Article``, each a function of the previous result and the
tables of `attribution.compiled.Compiled` (built once, carried by the `Page`). The spaCy components in
`attribution.components` call these.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from . import regions as _regions
from . import sentences as _sentences
from .attributions import Draft, DraftSource, Paragraph, attribute
from .compiled import Compiled
from .lexicons import Lexicons, TermLexicon
from .model import Article, Attribution, Cue, Outlet, Region, Sentence, Source, Span, outlet_source
from .normalize import Folded, fold
from .outlet import canonical_outlet, detect_outlet
from .speaker import sentence_speakers, split_clauses
from .terms import TermMatcher

__all__ = ["Page", "analyze", "find_regions", "find_sentences", "find_speakers", "merge_regions"]


@attrs.frozen
class Page:
    """One text as the steps see it: the folded view, its regions and outlet, and (once
    `find_sentences` has run) its paragraphs with their sentences. Frozen: each step returns a new
    value and changes none it was given. ``compiled`` is the tables every step reads."""

    text: str
    view: Folded
    compiled: Compiled
    segments: tuple[_regions.Segment, ...]
    outlet: Outlet
    paragraphs: tuple[Paragraph, ...] | None = None


def find_regions(text: str, compiled: Compiled | Lexicons, outlet: str | None = None) -> Page:
    """Step 1: page regions and the outlet (``outlet`` overrides what the page shows). Given plain
    `Lexicons` rather than a `Compiled`, the tables are built for this page alone."""
    if not isinstance(compiled, Compiled):
        compiled = Compiled.build(compiled)
    view = fold(text)
    segments = _regions.find_segments(view, compiled.markers)
    found = canonical_outlet(outlet, compiled.outlet) if outlet else detect_outlet(view, segments, compiled.outlet)
    return Page(text, view, compiled, tuple(segments), found)


def find_sentences(page: Page) -> Page:
    """Step 2: sentences inside every region segment; the page with its paragraphs."""
    if page.paragraphs is not None:
        return page
    return attrs.evolve(page, paragraphs=tuple(
        Paragraph(seg.start, seg.end, seg.kind, _sentences.split_segment(
            page.view, seg, page.compiled.split_words, page.compiled.words.latin_initials))
        for seg in page.segments))


def find_speakers(page: Page) -> Article:
    """Step 3: attributions and each sentence's speaker; the finished Article."""
    page = find_sentences(page)
    assert page.paragraphs is not None
    drafts = attribute(page.view, list(page.paragraphs), page.compiled)
    paragraphs = split_clauses(page.view, list(page.paragraphs), drafts, page.compiled)
    speakers = sentence_speakers(page.view, paragraphs, drafts, page.compiled)
    view, text = page.view, page.text
    attributions = tuple(_attribution(view, d) for d in drafts)
    own = outlet_source(page.outlet)
    sentences = []
    n = 0
    for para in paragraphs:
        for s, e in para.sentences:
            a, b = view.span(s, e)
            idx = speakers[n]
            speaker = own if idx is None else attributions[idx].source
            sentences.append(Sentence(a, b, text[a:b], para.region, speaker, idx))
            n += 1
    return Article(text, page.outlet, merge_regions(view, page.segments), sentences, attributions)


def _span(view: Folded, s: int, e: int) -> Span:
    a, b = view.span(s, e)
    return Span.of(view.original, a, b)


def _source(view: Folded, d: DraftSource) -> Source:
    mention = _span(view, *d.mention) if d.mention is not None else None
    return Source(d.name, d.kind, d.aliases, mention)


def _attribution(view: Folded, d: Draft) -> Attribution:
    cs, ce = view.span(*d.cue)
    cue = Cue(cs, ce, view.original[cs:ce], d.lemma, d.cue_type)
    return Attribution(_source(view, d.source), cue, _span(view, *d.content), d.direct,
                       tuple(_source(view, v) for v in d.via), d.rule)


def merge_regions(view: Folded, segments: Sequence[_regions.Segment]) -> tuple[Region, ...]:
    out: list[Region] = []
    for seg in segments:
        a, b = view.span(seg.start, seg.end)
        if out and out[-1].kind == seg.kind:
            out[-1] = Region(out[-1].start, b, seg.kind)
        else:
            out.append(Region(a, b, seg.kind))
    return tuple(out)


def find_term_hits(page: Page, terms: Compiled | TermMatcher | None = None, article: Article | None = None) -> Article:
    """Step 4: loaded terms with their voice; ``article`` (found by `find_speakers` when not
    given) with ``terms`` filled in. The terms are found by the matcher of ``terms`` (a `Compiled`, or a
    `TermMatcher`), by default the page's."""
    from .terms import find_terms

    matcher = terms if isinstance(terms, TermMatcher) else (terms or page.compiled).matcher
    found = article if article is not None else find_speakers(page)
    return attrs.evolve(found, terms=find_terms(found, page.view, matcher))


def analyze(text: str, compiled: Compiled | Lexicons, outlet: str | None = None,
            terms: TermLexicon | bool | None = None) -> Article:
    """All steps without spaCy (the components run exactly these), with the tables of ``compiled``;
    terms are found unless ``terms`` is None or False. Given `Lexicons` (and a `TermLexicon` as
    ``terms``) rather than a `Compiled`, the tables are built for this one call."""
    if not isinstance(compiled, Compiled):
        compiled = Compiled.build(compiled, terms if isinstance(terms, TermLexicon) else None)
    page = find_sentences(find_regions(text, compiled, outlet))
    article = find_speakers(page)
    if terms is None or terms is False:
        return article
    matcher = compiled.matcher if terms is True or terms is compiled.terms else TermMatcher(terms, compiled.lexicons)
    return find_term_hits(page, matcher, article)
