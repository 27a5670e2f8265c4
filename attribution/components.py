"""spaCy components and extension attributes that run the annotate steps.

``attribution_regions`` → ``attribution_sentences`` → ``attribution_speakers`` → ``attribution_terms``.
Each component, like spaCy's own ``SpanRuler``, first *finds* (one step of `attribution.article`)
and then *sets annotations* that spaCy can serialise:

* ``attribution_regions``: ``doc.spans["attribution_regions"]`` (label = region kind)
* ``attribution_sentences``: ``token.is_sent_start``, so ``doc.sents`` works
* ``attribution_speakers``: ``doc.user_data["attribution.article"]``, the Article as the plain JSON data
  of `attribution.to_json`; ``doc.spans["attribution_sentences"]`` and
  ``doc.spans["attribution_quotes"]`` (attributed contents, label = source kind)
* ``attribution_terms``: the same JSON with the terms filled in; ``doc.spans["attribution_terms"]``
  (label = concept)

Extensions are getters over that JSON, so they survive ``Doc.to_bytes``, ``DocBin(store_user_data=True)``
and ``nlp.pipe(..., n_process=2)``: ``doc._.article`` (rebuilt with `attribution.from_json` and
cached per ``Doc``), ``doc._.attributions``, ``doc._.outlet``, ``doc._.regions``, ``span._.speaker``
and ``span._.term``.

The work in progress between two components (the folded text, its segments and sentences: an
`attribution.article.Page`) is never put on the ``Doc``: it is held in a table keyed weakly by
the ``Doc``, dropped by the last attribution component of the pipeline, and recomputed from
``doc.text`` by any component that finds none, so ``nlp.add_pipe("attribution_speakers")`` alone
works in any Arabic pipeline.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Any, cast
from weakref import WeakKeyDictionary

import attrs

from .article import Page, find_regions, find_sentences, find_speakers, find_term_hits, merge_regions
from .compiled import load
from .extras import missing_extra
from .jsonio import from_json, to_json
from .model import Article, Attribution, Outlet, Region, Source, TermHit

try:  # the spacy extra: pip install "attribution[spacy]"
    from spacy.attrs import IDX, SENT_START
    from spacy.language import Language
    from spacy.pipeline import Pipe
    from spacy.tokens import Doc, Span
except ModuleNotFoundError as _exc:
    raise missing_extra(_exc, "attribution.components (the spaCy components)", "spacy") from None

if TYPE_CHECKING:
    from thinc.types import Ints2d

__all__ = [
    "ARTICLE_KEY",
    "OUTLET_KEY",
    "RegionsComponent",
    "SentencesComponent",
    "SpeakersComponent",
    "TermsComponent",
    "register_extensions",
]

#: ``doc.user_data`` key of the finished Article as plain JSON data (``attribution.to_json`` output).
ARTICLE_KEY = "attribution.article"
#: Optional ``doc.user_data`` key, set before the components run: this doc's outlet (overrides config).
OUTLET_KEY = "attribution.outlet"

# Work in progress between components, never stored on the Doc: the Page and the outlet it was built with.
_work: WeakKeyDictionary[Doc, tuple[Page, str | None, Article | None]] = WeakKeyDictionary()
# Article rebuilt from the JSON in user_data, valid while user_data holds that same JSON object.
_articles: WeakKeyDictionary[Doc, tuple[dict[str, Any], Article]] = WeakKeyDictionary()


def _article(doc: Doc) -> Article | None:
    data = doc.user_data.get(ARTICLE_KEY)
    if data is None:
        return None
    cached = _articles.get(doc)
    if cached is not None and cached[0] is data:
        return cached[1]
    article = from_json(data)
    _articles[doc] = (data, article)
    return article


def _store(doc: Doc, article: Article) -> None:
    data = to_json(article)
    doc.user_data[ARTICLE_KEY] = data
    _articles[doc] = (data, article)


def _speaker(span: Span) -> Source | None:
    """The speaker of the sentence that starts in the span's first token, else of the first sentence the
    span starts in or holds (a sentence may start inside a token: «قريب.وأضاف»)."""
    article = _article(span.doc)
    if article is None:
        return None
    start, end = span.start_char, span.end_char
    head = span[0].idx + len(span[0]) if len(span) else end
    found = None
    for sentence in article.sentences:
        if start <= sentence.start < head:
            return sentence.speaker
        if sentence.start >= head:
            if found is None and sentence.start < end:
                found = sentence
            break
        if found is None and sentence.start <= start < sentence.end:
            found = sentence
    return None if found is None else found.speaker


def _term(span: Span) -> TermHit | None:
    article = _article(span.doc)
    if article is None:
        return None
    for hit in article.terms:
        if hit.start >= span.start_char and hit.end <= span.end_char:
            return hit
    return None


def _attributions(doc: Doc) -> tuple[Attribution, ...]:
    article = _article(doc)
    return () if article is None else article.attributions


def _outlet(doc: Doc) -> Outlet | None:
    article = _article(doc)
    return None if article is None else article.outlet


def _regions(doc: Doc) -> tuple[Region, ...]:
    article = _article(doc)
    return () if article is None else article.regions


def register_extensions() -> None:
    """Register the ``Doc`` and ``Span`` extensions once; never overwrite someone else's.

    The getters are module-level functions, so spaCy can pickle them into ``nlp.pipe(..., n_process=2)``
    workers under any start method.
    """
    getters: dict[str, Any] = {
        "article": _article, "attributions": _attributions, "outlet": _outlet, "regions": _regions}
    for name, getter in getters.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=getter)
    if not Span.has_extension("speaker"):
        Span.set_extension("speaker", getter=_speaker)
    if not Span.has_extension("term"):
        Span.set_extension("term", getter=_term)


class _Tokens:
    """Character offsets to token positions (expanding to whole tokens), one array read per doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: list[int] = doc.to_array([IDX]).tolist() if len(doc) else []

    def at(self, char: int) -> int:
        """The token holding ``char``, or the next one when ``char`` is whitespace after a token."""
        i = max(bisect_right(self.starts, char) - 1, 0)
        if char >= self.starts[i] + len(self.doc[i]) and i + 1 < len(self.starts):
            i += 1
        return i

    def span(self, start: int, end: int, label: str = "") -> Span | None:
        """The tokens covering ``[start, end)``; ``None`` for an empty stretch or an empty doc."""
        if not self.starts or end <= start:
            return None
        first = max(bisect_right(self.starts, start) - 1, 0)
        last = bisect_left(self.starts, end)
        if last <= first:
            last = first + 1
        return Span(self.doc, first, last, label=label)


class _Component(Pipe):
    """Shared set-up: find, then set annotations; the Page lives only while the components run."""

    def __init__(self, nlp: Language, name: str, outlet: str | None = None) -> None:
        self.nlp = nlp
        self.name = name
        self.outlet = outlet
        self.compiled = load()  # the built-in lexicons, compiled once per process
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            found = self.find(doc)
            self.set_annotations(doc, found)
            self._release(doc)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def find(self, doc: Doc) -> Any:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: Any) -> None:
        raise NotImplementedError

    def _page(self, doc: Doc, *, fresh: bool = False) -> Page:
        """The Page an earlier component left for ``doc``, or a new one (also when built for another outlet)."""
        outlet = doc.user_data.get(OUTLET_KEY, self.outlet)
        held = None if fresh else _work.get(doc)
        if held is not None and (outlet is None or held[1] == outlet):
            return held[0]
        page = find_regions(doc.text, self.compiled, outlet)
        _work[doc] = (page, outlet, None)
        return page

    def _keep(self, doc: Doc, page: Page, article: Article | None = None) -> None:
        """Hold the newer ``page`` (and ``article``) for the later components working on ``doc``."""
        held = _work.get(doc)
        _work[doc] = (page, held[1] if held is not None else self.outlet, article)

    def _held_article(self, doc: Doc) -> Article | None:
        held = _work.get(doc)
        return held[2] if held is not None else None

    def _release(self, doc: Doc) -> None:
        """Drop the Page when no later attribution component in the pipeline will use it."""
        names = self.nlp.pipe_names
        if self.name in names:
            later = names[names.index(self.name) + 1:]
            if any(isinstance(self.nlp.get_pipe(n), _Component) for n in later):
                return
        _work.pop(doc, None)


class RegionsComponent(_Component):
    """Finds page regions and the outlet; sets ``doc.spans["attribution_regions"]``."""

    def find(self, doc: Doc) -> Page:
        return self._page(doc, fresh=True)

    def set_annotations(self, doc: Doc, page: Page) -> None:
        tokens = _Tokens(doc)
        doc.spans["attribution_regions"] = [
            sp for r in merge_regions(page.view, page.segments) if (sp := tokens.span(r.start, r.end, r.kind))]
        doc.user_data.pop(ARTICLE_KEY, None)  # a new run: an Article from an earlier one is stale


class SentencesComponent(_Component):
    """Splits sentences (Arabic-aware) inside regions; sets ``token.is_sent_start``.

    A sentence that starts inside a token starts at that token (``spacy.blank("ar")`` keeps proclitics
    attached). On a doc with a dependency parse the parser's sentences are left alone.
    """

    def find(self, doc: Doc) -> list[int]:
        page = find_sentences(self._page(doc))
        self._keep(doc, page)
        assert page.paragraphs is not None
        view = page.view
        return [view.start(s) for para in page.paragraphs for s, _ in para.sentences]

    def set_annotations(self, doc: Doc, starts: list[int]) -> None:
        import numpy  # comes with spaCy

        if not len(doc) or doc.has_annotation("DEP"):
            return
        tokens = _Tokens(doc)
        flags = numpy.full((len(doc), 1), -1, dtype=numpy.int64)  # -1: not a start
        flags[0, 0] = 1
        for char in starts:
            flags[tokens.at(char), 0] = 1
        doc.from_array([SENT_START], cast("Ints2d", flags.astype(numpy.uint64)))


class SpeakersComponent(_Component):
    """Finds attributions and gives every sentence its speaker; stores the Article as JSON data."""

    def find(self, doc: Doc) -> Article:
        page = find_sentences(self._page(doc))
        article = find_speakers(page)
        self._keep(doc, page, article)
        return article

    def set_annotations(self, doc: Doc, article: Article) -> None:
        _store(doc, article)
        tokens = _Tokens(doc)
        doc.spans["attribution_sentences"] = [
            sp for s in article.sentences if (sp := tokens.span(s.start, s.end)) is not None]
        doc.spans["attribution_quotes"] = [
            sp for a in article.attributions if (sp := tokens.span(a.content.start, a.content.end, a.source.kind))]


class TermsComponent(_Component):
    """Tags loaded terms from the term lexicons (built-in plus ``lexicons``), each with its voice."""

    def __init__(self, nlp: Language, name: str, outlet: str | None = None,
                 lexicons: list[str] | None = None) -> None:
        super().__init__(nlp, name, outlet)
        self.lexicon_paths = list(lexicons or ())
        self.terms = load(self.lexicon_paths)

    def find(self, doc: Doc) -> tuple[Article, Article]:
        page = self._page(doc)
        before = self._held_article(doc)
        if before is None:
            before = find_speakers(page)
        return before, find_term_hits(page, self.terms, before)

    def set_annotations(self, doc: Doc, found: tuple[Article, Article]) -> None:
        before, article = found
        data = doc.user_data.get(ARTICLE_KEY)
        cached = _articles.get(doc)
        if data is not None and cached is not None and cached[0] is data and cached[1] is before:
            # The stored JSON is the Article these terms were found in: add the terms, keep the rest.
            data = {**data, "terms": to_json(attrs.evolve(before, regions=(), sentences=(), attributions=(),
                                                          terms=article.terms))["terms"]}
            doc.user_data[ARTICLE_KEY] = data
            _articles[doc] = (data, article)
        else:
            _store(doc, article)
        tokens = _Tokens(doc)
        doc.spans["attribution_terms"] = [
            sp for t in article.terms if (sp := tokens.span(t.start, t.end, t.concept)) is not None]


# Every component computes any earlier step that has not run, so none requires another.
_ARTICLE_ATTRS = ["doc._.article", "doc._.attributions", "doc._.outlet", "doc._.regions"]


@Language.factory("attribution_regions", default_config={"outlet": None},
                  assigns=["doc.spans"], requires=[])
def make_regions(nlp: Language, name: str, outlet: str | None) -> RegionsComponent:
    return RegionsComponent(nlp, name, outlet)


@Language.factory("attribution_sentences", default_config={"outlet": None},
                  assigns=["token.is_sent_start"], requires=[])
def make_sentences(nlp: Language, name: str, outlet: str | None) -> SentencesComponent:
    return SentencesComponent(nlp, name, outlet)


@Language.factory("attribution_speakers", default_config={"outlet": None},
                  assigns=["doc.spans", *_ARTICLE_ATTRS, "span._.speaker"], requires=[])
def make_speakers(nlp: Language, name: str, outlet: str | None) -> SpeakersComponent:
    return SpeakersComponent(nlp, name, outlet)


@Language.factory("attribution_terms", default_config={"outlet": None, "lexicons": []},
                  assigns=["doc.spans", *_ARTICLE_ATTRS, "span._.term"], requires=[])
def make_terms(nlp: Language, name: str, outlet: str | None, lexicons: list[str]) -> TermsComponent:
    return TermsComponent(nlp, name, outlet, lexicons)
