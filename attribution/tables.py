"""Tidy tables: one row per article, sentence, attribution and term hit, with stable ids to join them.

Ids: an article's id is the one you give (``ids=``), else its path, else a hash of its text; a
sentence is ``"<article>#s<n>"``, an attribution ``"<article>#a<n>"``, a term ``"<article>#t<n>"``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .model import Article

__all__ = ["COLUMNS", "Tables", "tables"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "path", "outlet", "n_sentences", "n_attributions", "n_terms", "own_voice_share"),
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


def rows(article: Article, aid: str) -> dict[str, list[dict[str, Any]]]:
    """The rows of one article, by table."""
    n = len(article.sentences)
    own = sum(s.speaker.kind == "outlet" for s in article.sentences)
    out: dict[str, list[dict[str, Any]]] = {
        "articles": [{"article_id": aid, "path": article.path, "outlet": article.outlet.name, "n_sentences": n,
                      "n_attributions": len(article.attributions), "n_terms": len(article.terms),
                      "own_voice_share": round(own / n, 4) if n else None}],
        "sentences": [
            {"sentence_id": f"{aid}#s{i}", "article_id": aid, "index": i, "start": s.start, "end": s.end,
             "region": s.region, "speaker_kind": s.speaker.kind, "speaker_name": s.speaker.name,
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
             "speaker_name": t.speaker.name if t.speaker else None, "speaker_kind": t.speaker.kind if t.speaker else None}
            for i, t in enumerate(article.terms)],
    }
    return out


def tables(articles: Iterable[Article], ids: Sequence[str] | None = None) -> Tables:
    """Tidy tables of ``articles``.

    Examples:
        >>> import attribution
        >>> t = attribution.tables([attribution.annotate("قالت الوزارة إن الكيان الصهيوني صعد هجماته.")], ids=["doc1"])
        >>> t.sentences[0]["attribution_id"], t.terms[0]["term_id"], t.terms[0]["voice"]
        ('doc1#a0', 'doc1#t0', 'reported')
    """
    acc: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    for n, article in enumerate(articles):
        aid = ids[n] if ids is not None else article_id(article)
        for name, r in rows(article, aid).items():
            acc[name].extend(r)
    return Tables(*(tuple(acc[name]) for name in COLUMNS))
