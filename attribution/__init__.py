"""attribution: who speaks, and in which words, in Arabic news.

Examples:
    >>> import attribution
    >>> article = attribution.annotate("قال وزير الخارجية العراقي إن المحادثات ستبدأ قريبا.")
    >>> article.sentences[0].speaker.kind
    'official'
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from typing import TYPE_CHECKING

from .compare import Comparison, compare
from .corpus import Document, annotate_many
from .errors import AttributionError, Errors, InputError, LexiconError, MissingExtraError, UsageError
from .inputs import MAX_CHARS, lone_surrogate
from .jsonio import from_json, to_json
from .model import Article, Attribution, Cue, Outlet, Region, Sentence, Source, Span, TermHit
from .profiles import Profiles, profiles
from .tables import Tables, tables

if TYPE_CHECKING:
    from spacy.language import Language

__version__ = "0.1.0"
#: The project's home (also `[project.urls]` in pyproject.toml; a test keeps them equal).
HOMEPAGE = "https://github.com/attribution-nlp/attribution"

__all__ = [
    "HOMEPAGE",
    "Article",
    "Attribution",
    "AttributionError",
    "Comparison",
    "Cue",
    "Document",
    "Errors",
    "InputError",
    "LexiconError",
    "MissingExtraError",
    "Outlet",
    "Profiles",
    "Region",
    "Sentence",
    "Source",
    "Span",
    "Tables",
    "TermHit",
    "UsageError",
    "__version__",
    "annotate",
    "annotate_many",
    "compare",
    "from_json",
    "pipeline",
    "profiles",
    "tables",
    "to_json",
]


def pipeline() -> Language:
    """A ``spacy.blank("ar")`` pipeline with the attribution components.

    Needs spaCy (``pip install "attribution[spacy]"``); without it this raises
    `attribution.errors.MissingExtraError` (E070). Nothing else in the package imports spaCy.

    Examples:
        >>> import attribution
        >>> nlp = attribution.pipeline()
        >>> nlp.pipe_names
        ['attribution_regions', 'attribution_sentences', 'attribution_speakers', 'attribution_terms']
    """
    try:
        import spacy
    except ModuleNotFoundError as exc:
        from .extras import missing_extra

        raise missing_extra(exc, "attribution.pipeline()", "spacy") from None
    from . import components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("ar")
    for name in ("attribution_regions", "attribution_sentences", "attribution_speakers", "attribution_terms"):
        nlp.add_pipe(name)
    return nlp


def annotate(text: str, *, outlet: str | None = None, lexicons: Iterable[str | PathLike[str]] = ()) -> Article:
    """Annotate one article: regions, outlet, sentences, attributions and each sentence's speaker.

    ``outlet`` overrides the outlet detected from the page; ``lexicons`` are term lexicon files or
    directories that extend or override the built-in ones. This runs the same steps as the spaCy
    components of [`pipeline`][attribution.pipeline] (and gives the same Article) without building a spaCy ``Doc``.

    Examples:
        >>> import attribution
        >>> a = attribution.annotate("وقالت مصادر مطلعة لوكالة رويترز إن الاتفاق قريب.")
        >>> src = a.attributions[0].source
        >>> (src.kind, [v.name for v in a.attributions[0].via])
        ('unnamed_source', ['رويترز'])
    """
    from .article import analyze
    from .compiled import load

    if not isinstance(text, str):
        raise UsageError(Errors.E021.format(what="annotate(text)", got=type(text).__name__))
    if outlet is not None and not outlet.strip():
        raise UsageError(Errors.E020)
    if len(text) > MAX_CHARS:
        raise InputError(Errors.E006.format(path="annotate(text)", n=len(text), limit=MAX_CHARS))
    bad = lone_surrogate(text)
    if bad is not None:  # not Unicode text: no file holds one, and no spaCy tokenizer takes it
        raise InputError(Errors.E054.format(where="annotate(text)", code=ord(text[bad]), offset=bad))
    compiled = load(lexicons)  # compiled on the first call, again only when a lexicon file changes
    return analyze(text, compiled, outlet.strip() if outlet else None, True)
