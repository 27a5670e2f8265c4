"""Explicit JSON for Articles: ``to_json`` / ``from_json`` round-trip exactly."""

from __future__ import annotations

from typing import Any

from .errors import Errors, UsageError
from .model import Article, Attribution, Cue, Outlet, Region, Sentence, Source, Span, TermHit

__all__ = ["from_json", "to_json"]


def _span(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def _source(s: Source) -> dict[str, Any]:
    return {"name": s.name, "kind": s.kind, "aliases": list(s.aliases), "mention": _span(s.mention)}


def to_json(article: Article) -> dict[str, Any]:
    """The JSON object ``attribution annotate --format json`` prints for ``article``.

    Examples:
        >>> import attribution
        >>> d = attribution.to_json(attribution.annotate("قالت الوزارة إن الطريق مفتوح."))
        >>> d["attributions"][0]["source"]["kind"], d["sentences"][0]["speaker"]["kind"]
        ('government', 'government')
    """
    return {
        "path": article.path,
        "text": article.text,
        "outlet": {"name": article.outlet.name, "aliases": list(article.outlet.aliases),
                   "mention": _span(article.outlet.mention)},
        "regions": [{"start": r.start, "end": r.end, "kind": r.kind} for r in article.regions],
        "sentences": [
            {"start": s.start, "end": s.end, "text": s.text, "region": s.region, "speaker": _source(s.speaker),
             "attribution": s.attribution}
            for s in article.sentences
        ],
        "attributions": [
            {"source": _source(a.source),
             "cue": {"start": a.cue.start, "end": a.cue.end, "text": a.cue.text, "lemma": a.cue.lemma,
                     "type": a.cue.type},
             "content": _span(a.content), "direct": a.direct, "via": [_source(v) for v in a.via],
             "rule": a.rule}
            for a in article.attributions
        ],
        "terms": [
            {"start": t.start, "end": t.end, "text": t.text, "concept": t.concept, "variant": t.variant,
             "stance": t.stance, "frame": t.frame, "voice": t.voice,
             "speaker": None if t.speaker is None else _source(t.speaker)}
            for t in article.terms
        ],
    }


def _to_span(d: dict[str, Any] | None) -> Span | None:
    return None if d is None else Span(d["start"], d["end"], d["text"])


def _to_source(d: dict[str, Any]) -> Source:
    return Source(d["name"], d["kind"], tuple(d.get("aliases", ())), _to_span(d.get("mention")))


def from_json(d: dict[str, Any]) -> Article:
    """Rebuild the [`Article`][attribution.model.Article] that [`to_json`][attribution.to_json] wrote.

    Examples:
        >>> import attribution
        >>> a = attribution.annotate("قالت الوزارة إن الطريق مفتوح.")
        >>> attribution.from_json(attribution.to_json(a)) == a
        True
    """
    if not isinstance(d, dict) or "text" not in d:
        raise UsageError(Errors.E021.format(what="from_json", got="an object without 'text'"))
    o = d.get("outlet") or {}
    return Article(
        text=d["text"],
        outlet=Outlet(o.get("name"), tuple(o.get("aliases", ())), _to_span(o.get("mention"))),
        regions=[Region(r["start"], r["end"], r["kind"]) for r in d.get("regions", [])],
        sentences=[Sentence(s["start"], s["end"], s["text"], s["region"], _to_source(s["speaker"]),
                            s.get("attribution")) for s in d.get("sentences", [])],
        attributions=[
            Attribution(_to_source(a["source"]),
                        Cue(a["cue"]["start"], a["cue"]["end"], a["cue"]["text"], a["cue"]["lemma"], a["cue"]["type"]),
                        Span(a["content"]["start"], a["content"]["end"], a["content"]["text"]), a["direct"],
                        tuple(_to_source(v) for v in a.get("via", [])), a.get("rule", ""))
            for a in d.get("attributions", [])
        ],
        terms=[TermHit(t["start"], t["end"], t["text"], t["concept"], t["variant"], t["stance"], t["frame"],
                       t["voice"], None if t.get("speaker") is None else _to_source(t["speaker"]))
               for t in d.get("terms", [])],
        path=d.get("path"),
    )
