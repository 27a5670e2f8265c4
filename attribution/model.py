"""Frozen result classes. Every span is a character offset into the original input text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import attrs

from .errors import Errors, UsageError

__all__ = [
    "KINDS",
    "REGION_KINDS",
    "Article",
    "Attribution",
    "Cue",
    "Outlet",
    "Region",
    "Sentence",
    "Source",
    "Span",
    "TermHit",
]

#: Source kinds, in the order the docs list them; ``outlet`` is the publishing outlet's own voice.
KINDS = (
    "news_agency", "media", "government", "official", "person", "unnamed_source", "group",
    "organization", "outlet",
)
#: Page regions.
REGION_KINDS = ("headline", "dateline", "body", "related", "boilerplate")

Kind = Literal[
    "news_agency", "media", "government", "official", "person", "unnamed_source", "group",
    "organization", "outlet",
]


def _ordered(instance: Any, attribute: attrs.Attribute, value: int) -> None:
    if value < instance.start:
        raise UsageError(Errors.E028.format(what=type(instance).__name__, end=value, start=instance.start))


def _non_negative(instance: Any, attribute: attrs.Attribute, value: int) -> None:
    if value < 0:
        raise UsageError(Errors.E029.format(what=f"{type(instance).__name__}.{attribute.name}", got=value))


def _strs(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _regions(items: Iterable[Region]) -> tuple[Region, ...]:
    return tuple(items)


def _sentences(items: Iterable[Sentence]) -> tuple[Sentence, ...]:
    return tuple(items)


def _attributions(items: Iterable[Attribution]) -> tuple[Attribution, ...]:
    return tuple(items)


def _sources(items: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(items)


def _terms(items: Iterable[TermHit]) -> tuple[TermHit, ...]:
    return tuple(items)


@attrs.frozen
class Span:
    """A stretch of the original text: ``text[start:end] == span.text``."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_ordered)
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``[start, end)`` of ``text``."""
        return cls(start, end, text[start:end])


@attrs.frozen
class Region:
    """A stretch of the page: ``headline``, ``dateline``, ``body``, ``related`` or ``boilerplate``."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_ordered)
    kind: str = attrs.field(validator=attrs.validators.in_(REGION_KINDS))


@attrs.frozen
class Outlet:
    """The publishing outlet: a canonical name (``None`` when the page does not show it) and aliases."""

    name: str | None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    mention: Span | None = None


@attrs.frozen
class Source:
    """Who speaks: a canonical ``name``, a ``kind``, ``aliases`` and the ``mention`` as written."""

    name: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    mention: Span | None = None

    def same_speaker(self, other: Source) -> bool:
        """True when both name the same speaker (mentions may differ)."""
        return (self.name, self.kind) == (other.name, other.kind)


@attrs.frozen
class Cue:
    """The words that introduce reported speech, with their lemma and type."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_ordered)
    text: str
    lemma: str
    type: str = attrs.field(
        validator=attrs.validators.in_(("verb", "preposition", "participle", "colon", "quote"))
    )


@attrs.frozen
class Attribution:
    """``source`` says ``content`` (through ``via``, outermost intermediary first)."""

    source: Source
    cue: Cue
    content: Span
    direct: bool
    via: tuple[Source, ...] = attrs.field(default=(), converter=_sources)
    rule: str = ""  # id of the grammar rule that found it (see attribution.grammar.RULES)


@attrs.frozen
class Sentence:
    """A sentence with its page region and its speaker (the outlet's own voice has kind ``outlet``)."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_ordered)
    text: str
    region: str = attrs.field(validator=attrs.validators.in_(REGION_KINDS))
    speaker: Source
    attribution: int | None = None  # index into Article.attributions


@attrs.frozen
class TermHit:
    """A loaded term: the concept it names, its stance and frame, and whose voice it is in."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_ordered)
    text: str
    concept: str
    variant: str
    stance: str
    frame: str
    voice: str
    speaker: Source | None = None


@attrs.frozen
class Article:
    """Everything ``annotate`` found in one text."""

    text: str
    outlet: Outlet
    regions: tuple[Region, ...] = attrs.field(converter=_regions)
    sentences: tuple[Sentence, ...] = attrs.field(converter=_sentences)
    attributions: tuple[Attribution, ...] = attrs.field(converter=_attributions)
    terms: tuple[TermHit, ...] = attrs.field(default=(), converter=_terms)
    path: str | None = None

    @property
    def outlet_voice(self) -> Source:
        """The outlet as a speaker."""
        return outlet_source(self.outlet)


def outlet_source(outlet: Outlet) -> Source:
    """The outlet's own voice as a `Source` of kind ``outlet``."""
    return Source(outlet.name or "outlet", "outlet", outlet.aliases)
