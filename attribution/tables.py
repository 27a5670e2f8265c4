"""Tidy tables: one row per article, sentence, attribution and term hit, with stable ids to join them.

Ids: an article's id is the one you give (``ids=``, or an ``id`` in ``meta=``), else its path, else a hash of
its text; a sentence is ``"<article>#s<n>"``, an attribution ``"<article>#a<n>"``, a term ``"<article>#t<n>"``.
The articles table carries each document's ``date`` and ``url`` (as strings, ``None`` when not given), and a
speaker's name is ``None`` for the own voice of an outlet the page does not name (its kind stays ``outlet``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .model import Article, Source

__all__ = ["COLUMNS", "Tables", "tables"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "path", "outlet", "date", "url", "n_sentences", "n_attributions", "n_terms",
                 "own_voice_share"),
    "sentences": ("sentence_id", "article_id", "index", "start", "end", "region", "speaker_kind", "speaker_name",
                  "attribution_id", "text"),
    "attributions": ("attribution_id", "article_id", "index", "source_name", "source_kind", "mention", "cue",
                     "cue_lemma", "content_start", "content_end", "direct", "via", "content"),
    "terms": ("term_id", "article_id", "index", "start", "end", "text", "concept", "variant", "stance", "frame",
              "voice", "speaker_name", "speaker_kind"),
}


@attrs.frozen
class Tables:
    """Four tidy tables (tuples of row dicts): ``articles``, ``sentences``, ``attributions``, ``terms``."""

    articles: tuple[dict[str, Any], ...]
    sentences: tuple[dict[str, Any], ...]
    attributions: tuple[dict[str, Any], ...]
    terms: tuple[dict[str, Any], ...]

    def to_pandas(self) -> dict[str, Any]:
        """Each table as a pandas DataFrame (needs pandas: ``pip install "attribution[pandas]"``)."""
        try:
            import pandas as pd
        except ModuleNotFoundError as exc:
            from .extras import missing_extra

            raise missing_extra(exc, "Tables.to_pandas()", "pandas") from None

        return {name: pd.DataFrame(list(getattr(self, name)), columns=list(cols)) for name, cols in COLUMNS.items()}


def article_id(article: Article) -> str:
    return article.path or hashlib.sha1(article.text.encode("utf-8")).hexdigest()[:16]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _name(source: Source | None, article: Article) -> str | None:
    """A speaker's name; ``None`` for no speaker, and for the own voice of an outlet nobody named."""
    if source is None or (source.kind == "outlet" and article.outlet.name is None):
        return None
    return source.name


def rows(article: Article, aid: str, meta: Mapping[str, Any] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows of one article, by table; ``meta`` (e.g. its JSONL record) gives its ``date`` and ``url``."""
    n = len(article.sentences)
    own = sum(s.speaker.kind == "outlet" for s in article.sentences)
    meta = meta or {}
    out: dict[str, list[dict[str, Any]]] = {
        "articles": [{"article_id": aid, "path": article.path, "outlet": article.outlet.name,
                      "date": _text(meta.get("date")), "url": _text(meta.get("url")), "n_sentences": n,
                      "n_attributions": len(article.attributions), "n_terms": len(article.terms),
                      "own_voice_share": round(own / n, 4) if n else None}],
        "sentences": [
            {"sentence_id": f"{aid}#s{i}", "article_id": aid, "index": i, "start": s.start, "end": s.end,
             "region": s.region, "speaker_kind": s.speaker.kind, "speaker_name": _name(s.speaker, article),
             "attribution_id": None if s.attribution is None else f"{aid}#a{s.attribution}", "text": s.text}
            for i, s in enumerate(article.sentences)],
        "attributions": [
            {"attribution_id": f"{aid}#a{i}", "article_id": aid, "index": i, "source_name": a.source.name,
             "source_kind": a.source.kind, "mention": a.source.mention.text if a.source.mention else None,
             "cue": a.cue.text, "cue_lemma": a.cue.lemma, "content_start": a.content.start,
             "content_end": a.content.end, "direct": a.direct, "via": " → ".join(v.name for v in a.via),
             "content": a.content.text}
            for i, a in enumerate(article.attributions)],
        "terms": [
            {"term_id": f"{aid}#t{i}", "article_id": aid, "index": i, "start": t.start, "end": t.end, "text": t.text,
             "concept": t.concept, "variant": t.variant, "stance": t.stance, "frame": t.frame, "voice": t.voice,
             "speaker_name": _name(t.speaker, article), "speaker_kind": t.speaker.kind if t.speaker else None}
            for i, t in enumerate(article.terms)],
    }
    return out


def tables(articles: Iterable[Article], ids: Sequence[str] | None = None,
           meta: Sequence[Mapping[str, Any]] | None = None) -> Tables:
    """Tidy tables of ``articles``.

    ``ids`` names the articles; ``meta``, one mapping per article (such as the JSONL records the texts
    came from), gives the articles table its ``date`` and ``url`` columns, and the ids when ``ids`` is
    not given and the records have an ``id``.

    Examples:
        >>> import attribution
        >>> t = attribution.tables([attribution.annotate("قالت الوزارة إن الكيان الصهيوني صعد هجماته.")], ids=["doc1"])
        >>> t.sentences[0]["attribution_id"], t.terms[0]["term_id"], t.terms[0]["voice"]
        ('doc1#a0', 'doc1#t0', 'reported')
        >>> records = [{"id": "n1", "text": "وتقع البلدة قرب الحدود.", "date": "2024-03-01", "url": "https://example.org/n1"}]
        >>> t = attribution.tables(attribution.annotate_many(records), meta=records)
        >>> t.articles[0]["article_id"], t.articles[0]["date"], t.articles[0]["url"]
        ('n1', '2024-03-01', 'https://example.org/n1')
        >>> t.sentences[0]["speaker_kind"], t.sentences[0]["speaker_name"]
        ('outlet', None)
    """
    acc: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    for n, article in enumerate(articles):
        record = meta[n] if meta is not None else None
        if ids is not None:
            aid = ids[n]
        elif record is not None and record.get("id") is not None:
            aid = str(record["id"])
        else:
            aid = article_id(article)
        for name, r in rows(article, aid, record).items():
            acc[name].extend(r)
    return Tables(*(tuple(acc[name]) for name in COLUMNS))
