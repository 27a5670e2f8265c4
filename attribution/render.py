"""Plain-text rendering of an Article: each sentence with its speaker, right-to-left text intact."""

from __future__ import annotations

from collections.abc import Callable

from .i18n import N_, _, pgettext
from .model import Article, Source

__all__ = ["render_text"]

_RLI, _PDI = "\u2067", "\u2069"  # isolate Arabic runs so terminals that apply bidi keep them right-to-left
UNKNOWN = N_("(unknown)")  # the outlet's name when the page does not show it (translated where shown)
_LABELS = {
    "outlet": N_("outlet"), "news_agency": N_("agency"), "media": N_("media"), "government": N_("government"),
    "official": N_("official"), "person": N_("person"), "unnamed_source": N_("unnamed"), "group": N_("group"),
    "organization": N_("organization"),
}
_STANCES = {"positive": N_("positive"), "negative": N_("negative"), "neutral": N_("neutral")}


def voice_label(voice: str) -> str:
    """A term's voice (``outlet``, ``reported``, ``quoted``) as the reader reads it; as it is, in English."""
    if voice == "outlet":
        return pgettext("voice", "outlet")
    if voice == "reported":
        return pgettext("voice", "reported")
    if voice == "quoted":
        return pgettext("voice", "quoted")
    return voice


def _who(source: Source, article: Article, iso: Callable[[str], str]) -> str:
    name = _(UNKNOWN) if source.kind == "outlet" and article.outlet.name is None else iso(source.name)
    kind = _(_LABELS[source.kind]) if source.kind in _LABELS else source.kind
    return f"{kind}: {name}"


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
    outlet = _(UNKNOWN) if article.outlet.name is None else iso(article.outlet.name)
    lines = [f"# {path or article.path or '-'}  " + _("outlet: {outlet}").format(outlet=outlet)]
    for s in article.sentences:
        who = _who(s.speaker, article, iso)
        if s.attribution is not None:
            a = article.attributions[s.attribution]
            chain = " ← ".join(iso(v.name) for v in a.via)
            quote = _("quoted") if a.direct else _("reported")
            who += f" ({quote}; " + _("cue {cue}").format(cue=iso(a.cue.text))
            who += ("; " + _("via {chain}").format(chain=chain) if chain else "")
            who += ("; " + _("rule {rule}").format(rule=a.rule or "?") if explain else "") + ")"
        lines.append(f"[{s.region}] {who}")
        lines.append(f"    {iso(_mark_terms(article, s.start, s.end))}")
        for t in article.terms:
            if s.start <= t.start < s.end:
                stance = _(_STANCES[t.stance]) if t.stance in _STANCES else t.stance
                lines.append(f"      ⟦{iso(t.text)}⟧ {t.concept} {stance} ({t.frame or '-'}), "
                             + _("voice {voice}").format(voice=voice_label(t.voice)))
    return "\n".join(lines)
