"""spaCy components and extension attributes that run the annotate steps.

``attribution_regions`` → ``attribution_sentences`` → ``attribution_speakers``. Each stores its work
in ``doc.user_data`` and a later component computes whatever an earlier one did not, so
``nlp.add_pipe("attribution_speakers")`` alone works in any Arabic pipeline. Results:

* ``doc._.article``: the :class:`~attribution.model.Article`
* ``doc._.attributions``, ``doc._.outlet``, ``doc._.regions``
* ``doc.spans["attribution_sentences"]`` with ``span._.speaker`` (a :class:`~attribution.model.Source`)
* ``doc.spans["attribution_quotes"]``: the content spans of attributions
* ``doc.spans["attribution_terms"]``: loaded terms (label = concept) with ``span._.term``
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span

from .article import Page, find_regions, find_sentences, find_speakers, find_term_hits
from .lexicons import Lexicons, load_builtin, load_terms
from .model import Article, Source, TermHit

__all__ = ["RegionsComponent", "SentencesComponent", "SpeakersComponent", "register_extensions"]

_KEY = "attribution.page"


def _article(doc: Doc) -> Article | None:
    page = doc.user_data.get(_KEY)
    return None if page is None else page.article


def _speaker(span: Span) -> Source | None:
    article = _article(span.doc)
    if article is None:
        return None
    start = span.start_char
    for sentence in article.sentences:
        if sentence.start <= start < sentence.end or start <= sentence.start < span.end_char:
            return sentence.speaker
    return None


def register_extensions() -> None:
    """Register the ``Doc`` and ``Span`` extensions once; never overwrite someone else's."""
    getters: dict[str, Any] = {
        "article": _article,
        "attributions": lambda doc: (a.attributions if (a := _article(doc)) else ()),
        "outlet": lambda doc: (a.outlet if (a := _article(doc)) else None),
        "regions": lambda doc: (a.regions if (a := _article(doc)) else ()),
    }
    for name, getter in getters.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=getter)
    if not Span.has_extension("speaker"):
        Span.set_extension("speaker", getter=_speaker)
    if not Span.has_extension("term"):
        Span.set_extension("term", getter=_term)


def _term(span: Span) -> TermHit | None:
    article = _article(span.doc)
    if article is None:
        return None
    for hit in article.terms:
        if hit.start >= span.start_char and hit.end <= span.end_char:
            return hit
    return None


class _Base:
    def __init__(self, nlp: Language, name: str, outlet: str | None = None, lexicons: Lexicons | None = None) -> None:
        self.name = name
        self.outlet = outlet
        self.lexicons = lexicons or load_builtin()
        register_extensions()

    def _page(self, doc: Doc) -> Page:
        page = doc.user_data.get(_KEY)
        if page is None:
            outlet = doc.user_data.get("attribution.outlet", self.outlet)
            page = find_regions(doc.text, self.lexicons, outlet)
            doc.user_data[_KEY] = page
        return page


class RegionsComponent(_Base):
    """Finds page regions and the outlet."""

    def __call__(self, doc: Doc) -> Doc:
        self._page(doc)
        return doc


class SentencesComponent(_Base):
    """Splits sentences (Arabic-aware) inside regions."""

    def __call__(self, doc: Doc) -> Doc:
        page = self._page(doc)
        if page.paragraphs is None:
            find_sentences(page)
        return doc


class SpeakersComponent(_Base):
    """Finds attributions and gives every sentence its speaker."""

    def __call__(self, doc: Doc) -> Doc:
        page = self._page(doc)
        article = find_speakers(page)
        to_span = _SpanMaker(doc)
        doc.spans["attribution_sentences"] = [
            sp for s in article.sentences if (sp := to_span(s.start, s.end)) is not None]
        doc.spans["attribution_quotes"] = [
            sp for a in article.attributions if (sp := to_span(a.content.start, a.content.end, a.source.kind))]
        return doc


class _SpanMaker:
    """Character offsets to token spans (expanding to whole tokens) with one pass over the doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        starts = doc.to_array([IDX]).tolist() if len(doc) else []
        self.starts: list[int] = starts

    def __call__(self, start: int, end: int, label: str = "") -> Span | None:
        if not self.starts or end <= start:
            return None
        first = max(bisect_right(self.starts, start) - 1, 0)
        last = bisect_left(self.starts, end)
        if last <= first:
            last = first + 1
        return Span(self.doc, first, last, label=label)


class TermsComponent(_Base):
    """Tags loaded terms from the term lexicons, each with its voice."""

    def __init__(self, nlp: Language, name: str, outlet: str | None = None, lexicons: list[str] | None = None) -> None:
        super().__init__(nlp, name, outlet)
        self.terms = load_terms(tuple(lexicons or ()))

    def __call__(self, doc: Doc) -> Doc:
        page = self._page(doc)
        if page.article is None:
            find_speakers(page)
        article = find_term_hits(page, self.terms)
        to_span = _SpanMaker(doc)
        doc.spans["attribution_terms"] = [
            sp for t in article.terms if (sp := to_span(t.start, t.end, t.concept)) is not None]
        return doc


@Language.factory("attribution_terms", default_config={"outlet": None, "lexicons": []})
def make_terms(nlp: Language, name: str, outlet: str | None, lexicons: list[str]) -> TermsComponent:
    return TermsComponent(nlp, name, outlet, lexicons)


@Language.factory("attribution_regions", default_config={"outlet": None})
def make_regions(nlp: Language, name: str, outlet: str | None) -> RegionsComponent:
    return RegionsComponent(nlp, name, outlet)


@Language.factory("attribution_sentences", default_config={"outlet": None})
def make_sentences(nlp: Language, name: str, outlet: str | None) -> SentencesComponent:
    return SentencesComponent(nlp, name, outlet)


@Language.factory("attribution_speakers", default_config={"outlet": None})
def make_speakers(nlp: Language, name: str, outlet: str | None) -> SpeakersComponent:
    return SpeakersComponent(nlp, name, outlet)
