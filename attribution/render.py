"""Plain-text rendering of an Article: each sentence with its speaker, right-to-left text intact."""

from __future__ import annotations

from .model import Article, Source

__all__ = ["render_text"]

_RLI, _PDI = "\u2067", "\u2069"  # isolate Arabic runs so terminals keep them right-to-left
_LABELS = {
    "outlet": "outlet", "news_agency": "agency", "media": "media", "government": "government", "official": "official",
    "person": "person", "unnamed_source": "unnamed", "group": "group", "organization": "organization",
}


def _who(source: Source) -> str:
    return f"{_LABELS.get(source.kind, source.kind)}: {_RLI}{source.name}{_PDI}"


def _mark_terms(article: Article, start: int, end: int) -> str:
    """The sentence with each term wrapped in ⟦ ⟧."""
    out, pos = [], start
    for t in article.terms:
        if start <= t.start and t.end <= end and t.start >= pos:
            out += [article.text[pos:t.start], "⟦", article.text[t.start:t.end], "⟧"]
            pos = t.end
    out.append(article.text[pos:end])
    return "".join(out)


def render_text(article: Article, path: str | None = None, *, explain: bool = False) -> str:
    """One block per sentence: ``[region] speaker`` then the sentence; attributions show their chain.

    With ``explain``, each attributed sentence also names the grammar rule that gave it its speaker
    (see :mod:`attribution.grammar`), so a reader can audit why.

    Examples:
        >>> import attribution
        >>> a = attribution.annotate("وقالت الوزارة إن الطريق مفتوح.")
        >>> print(render_text(a, "-", explain=True).splitlines()[1])
        [body] government: ⁧الوزارة⁩ (reported; cue ⁧وقالت⁩; rule verb-subject)
    """
    lines = [f"# {path or article.path or '-'}  outlet: {_RLI}{article.outlet.name or '?'}{_PDI}"]
    for s in article.sentences:
        who = _who(s.speaker)
        if s.attribution is not None:
            a = article.attributions[s.attribution]
            chain = " ← ".join(f"{_RLI}{v.name}{_PDI}" for v in a.via)
            quote = "quoted" if a.direct else "reported"
            who += f" ({quote}; cue {_RLI}{a.cue.text}{_PDI}" + (f"; via {chain}" if chain else "")
            who += (f"; rule {a.rule or '?'}" if explain else "") + ")"
        lines.append(f"[{s.region}] {who}")
        lines.append(f"    {_RLI}{_mark_terms(article, s.start, s.end)}{_PDI}")
        for t in article.terms:
            if s.start <= t.start < s.end:
                lines.append(f"      ⟦{_RLI}{t.text}{_PDI}⟧ {t.concept} {t.stance} ({t.frame or '-'}), voice {t.voice}")
    return "\n".join(lines)
