"""Plain-text rendering of an Article: each sentence with its speaker, right-to-left text intact."""

from __future__ import annotations

from collections.abc import Callable

from .model import Article, Source

__all__ = ["render_text"]

_RLI, _PDI = "\u2067", "\u2069"  # isolate Arabic runs so terminals that apply bidi keep them right-to-left
UNKNOWN = "(unknown)"  # the outlet's name when the page does not show it
_LABELS = {
    "outlet": "outlet", "news_agency": "agency", "media": "media", "government": "government", "official": "official",
    "person": "person", "unnamed_source": "unnamed", "group": "group", "organization": "organization",
}


def _who(source: Source, article: Article, iso: Callable[[str], str]) -> str:
    name = UNKNOWN if source.kind == "outlet" and article.outlet.name is None else iso(source.name)
    return f"{_LABELS.get(source.kind, source.kind)}: {name}"


def _isolate(text: str) -> str:
    return f"{_RLI}{text}{_PDI}"


def _plain(text: str) -> str:
    return text


def _mark_terms(article: Article, start: int, end: int) -> str:
    """The sentence with each term wrapped in ⟦ ⟧."""
    out, pos = [], start
    for t in article.terms:
        if start <= t.start and t.end <= end and t.start >= pos:
            out += [article.text[pos:t.start], "⟦", article.text[t.start:t.end], "⟧"]
            pos = t.end
    out.append(article.text[pos:end])
    return "".join(out)


def render_text(article: Article, path: str | None = None, *, explain: bool = False, bidi: bool = True) -> str:
    """One block per sentence: ``[region] speaker`` then the sentence; attributions show their chain.

    With ``explain``, each attributed sentence also names the grammar rule that gave it its speaker
    (see `attribution.grammar`), so a reader can audit why. With ``bidi`` (the default), every Arabic
    run is wrapped in right-to-left isolates (U+2067 … U+2069) so a terminal that applies the bidi
    algorithm keeps it in order; ``bidi=False`` leaves the text as it is, for pipes, ``less`` and files.
    An outlet the page does not name shows as ``(unknown)``.

    Examples:
        >>> import attribution
        >>> a = attribution.annotate("وقالت الوزارة إن الطريق مفتوح.")
        >>> print(render_text(a, "-", explain=True, bidi=False))
        # -  outlet: (unknown)
        [body] government: الوزارة (reported; cue وقالت; rule verb-subject)
            وقالت الوزارة إن الطريق مفتوح.
        >>> render_text(a, "-").splitlines()[1]
        '[body] government: \u2067الوزارة\u2069 (reported; cue \u2067وقالت\u2069)'
    """
    iso = _isolate if bidi else _plain
    outlet = UNKNOWN if article.outlet.name is None else iso(article.outlet.name)
    lines = [f"# {path or article.path or '-'}  outlet: {outlet}"]
    for s in article.sentences:
        who = _who(s.speaker, article, iso)
        if s.attribution is not None:
            a = article.attributions[s.attribution]
            chain = " ← ".join(iso(v.name) for v in a.via)
            quote = "quoted" if a.direct else "reported"
            who += f" ({quote}; cue {iso(a.cue.text)}" + (f"; via {chain}" if chain else "")
            who += (f"; rule {a.rule or '?'}" if explain else "") + ")"
        lines.append(f"[{s.region}] {who}")
        lines.append(f"    {iso(_mark_terms(article, s.start, s.end))}")
        for t in article.terms:
            if s.start <= t.start < s.end:
                lines.append(f"      ⟦{iso(t.text)}⟧ {t.concept} {t.stance} ({t.frame or '-'}), voice {t.voice}")
    return "\n".join(lines)
