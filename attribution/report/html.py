"""A single self-contained HTML report: right-to-left, no network and no script at view time.

The page is right to left; every run of English, Latin names, counts and parentheses inside it is
isolated (``<bdi>``, or ``dir="ltr"`` on English prose) so that the bidi algorithm cannot move its
punctuation, and every Arabic run inside English text is isolated likewise. In Arabic (`attribution.i18n`)
the prose is right to left too, and the Latin names and numbers inside it are the isolated runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from html import escape
from importlib import resources
from string import Template

import regex

from ..compare import Comparison, TermUse
from ..i18n import _, language, ngettext
from ..model import Article
from ..render import UNKNOWN as UNKNOWN_OUTLET
from ..render import voice_label
from .markdown import KIND_LABELS, difference_label, kind_label, region_label, stance_label, use_note

_COLOURS = ("outlet", "news_agency", "media", "government", "official", "person", "unnamed_source", "group",
            "organization")


def _bdi(text: str) -> str:
    """``text`` escaped and isolated in the direction of its first strong letter (Arabic or Latin)."""
    return f"<bdi>{escape(text)}</bdi>"


def _ltr(html: str) -> str:
    """Markup (already escaped) isolated left to right: English with its parentheses and counts."""
    return f'<bdi dir="ltr">{html}</bdi>'


def _dir() -> str:
    """The direction of the report's prose: left to right in English, right to left in Arabic."""
    return "rtl" if language() == "ar" else "ltr"


def _note(html: str) -> str:
    """Markup (already escaped) in the report's language, isolated in its direction."""
    return f'<bdi dir="{_dir()}">{html}</bdi>'


_ARABIC_RUN = regex.compile(r"\p{Arabic}+(?:\s+\p{Arabic}+)*")
_LATIN_RUN = regex.compile(r"[\p{Latin}\d](?:[\p{Latin}\d_.%′'-]|\s+(?=[\p{Latin}\d]))*")


def _english(text: str) -> str:
    """English with Arabic phrases in it (a difference's detail), escaped, each Arabic phrase isolated, for a
    left-to-right element: names, colons and arrows keep the order they were written in. In Arabic, the
    Latin names and numbers are the isolated runs."""
    if language() == "ar":
        return _LATIN_RUN.sub(lambda m: f"<bdi>{m.group()}</bdi>", escape(text))
    return _ARABIC_RUN.sub(lambda m: f"<bdi>{m.group()}</bdi>", escape(text))


def _chain(names: tuple[str, ...] | list[str]) -> str:
    """A chain of citation read right to left, outermost first: each name isolated, joined by ←."""
    return '<bdi dir="rtl">' + " ← ".join(_bdi(n) for n in names) + "</bdi>"


def _uses(uses: list[TermUse]) -> str:
    """«variant» (stance, ×count), ...: the Arabic variant and the English note each isolated."""
    return _(", ").join(f"{_bdi(u.variant)} {_note(escape(use_note(u.stance, u.count)))}" for u in uses)


def _speaker(name: str, kind: str, article: Article) -> str:
    return _(UNKNOWN_OUTLET) if kind == "outlet" and article.outlet.name is None else name


def _segments(widths: Iterable[float], width: int, label_w: int, rtl: bool) -> Iterator[tuple[float, float]]:
    """``(x, w)`` of each segment of a stacked bar of ``widths`` in a chart ``width`` wide whose names take
    ``label_w``: from the names rightwards, or in a mirrored (right-to-left) chart leftwards from them."""
    x = float(width - label_w) if rtl else float(label_w)
    for w in widths:
        if rtl:
            x -= w
        yield x, w
        if not rtl:
            x += w


def _chart(c: Comparison) -> str:
    """The speaker mix as inline SVG: a bar per outlet, a segment per speaker kind with its percentage
    written on it when the segment is wide enough, and in its tooltip always. In Arabic the chart is
    mirrored: the outlets' names on the right, the bars growing leftwards."""
    row_h, label_w, width = 28, 170, 900
    span = width - label_w - 10
    rtl = _dir() == "rtl"
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {len(c.outlets) * row_h + 10}" '
             'direction="ltr">']
    for i, o in enumerate(c.outlets):
        y = i * row_h + 5
        label_x = width - 8 if rtl else label_w - 8
        parts.append(f'<text x="{label_x}" y="{y + 17}" text-anchor="end" font-size="14">{escape(o.outlet)}</text>')
        widths = [share * span for _kind, share in o.by_kind]
        for (kind, share), (x, w) in zip(o.by_kind, _segments(widths, width, label_w, rtl)):
            pct = f"{share:.0%}"
            colour = f"var(--{kind})" if kind in _COLOURS else "#999"
            tip = f"{o.outlet}: {kind_label(kind)} {pct}"
            parts.append(f'<rect class="bar" data-kind="{escape(kind)}" x="{x:.1f}" y="{y}" width="{w:.1f}" '
                         f'height="{row_h - 8}" style="fill: {colour}"><title>{escape(tip)}</title></rect>')
            if w >= 36:  # room for "100%" in 12px digits
                parts.append(f'<text class="pct" x="{x + w / 2:.1f}" y="{y + 15}" text-anchor="middle" '
                             f'font-size="12">{pct}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(head: list[str], rows: list[list[str]]) -> str:
    h = "".join(f"<th>{escape(x)}</th>" for x in head)
    body = "".join("<tr>" + "".join(f"<td>{x}</td>" for x in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{h}</tr></thead><tbody>{body}</tbody></table>"


def _article_html(article: Article, label: str, regions: tuple[str, ...], labels: dict[str, str]) -> str:
    text = article.text
    parts = [f'<section class="article"><h3>{_bdi(label)}</h3><p>']
    last_region = None
    for s in article.sentences:
        if last_region is not None and s.region != last_region:
            parts.append("</p><p>")
        last_region = s.region
        pieces = []
        pos = s.start
        for t in article.terms:
            if s.start <= t.start and t.end <= s.end and t.start >= pos:
                who = "" if t.speaker is None else f" · {_speaker(t.speaker.name, t.speaker.kind, article)}"
                tip = (f"{labels.get(t.concept, t.concept)} · {stance_label(t.stance)} · {t.frame or '-'} · "
                       f"{voice_label(t.voice)}{who}")
                pieces.append(escape(text[pos:t.start]))
                pieces.append(f'<mark class="t st-{escape(t.stance)}" tabindex="0" data-tip="{escape(tip)}" '
                              f'title="{escape(tip)}">{escape(text[t.start:t.end])}</mark>')
                pos = t.end
        pieces.append(escape(text[pos:s.end]))
        skip = "" if s.region in regions else " region-skip"
        who = f"{kind_label(s.speaker.kind)}: {_speaker(s.speaker.name, s.speaker.kind, article)}"
        parts.append(f'<span class="s k-{s.speaker.kind}{skip}" data-region="{s.region}" '
                     f'title="{escape(who)}">{"".join(pieces)}</span> ')
    parts.append("</p></section>")
    return "".join(parts)


def _only_type(kind: str) -> str:
    if kind == "claim":
        return _("claim")
    if kind == "source":
        return _("source")
    return kind


def render_html(c: Comparison) -> str:
    """The comparison as one HTML page that needs nothing else (no network, no script)."""
    kind_css = "\n".join(f".s.k-{k} {{ background: color-mix(in srgb, var(--{k}) 45%, white); }}"
                         for k in _COLOURS if k != "outlet")
    legend = "".join(f'<span><i class="sw" style="background:var(--{k})"></i>{escape(kind_label(k))}</span>'
                     for k in _COLOURS if k in KIND_LABELS)
    kinds = [k for k in _COLOURS if any(dict(o.by_kind).get(k) for o in c.outlets)]
    mix = _table([_("outlet"), _("sentences"), *(kind_label(k) for k in kinds), _("top sources")], [
        [_bdi(o.outlet), _ltr(str(o.sentences)), *(_ltr(f"{dict(o.by_kind).get(k, 0):.0%}") for k in kinds),
         _(", ").join(_bdi(f"{n} ({cnt})") for n, _kind, cnt in o.top_sources[:3])]
        for o in c.outlets])
    chains = "".join(f"<li>{_chain(ch.split(' → '))}</li>" for o in c.outlets for ch in o.chains)
    chains_html = "<h3>" + escape(_("Chains of citation")) + f"</h3><ul>{chains}</ul>" if chains else ""
    rows = []
    for row in c.concepts:
        for i, outlet in enumerate(sorted({u.outlet for u in row.uses})):
            own = _uses([u for u in row.uses if u.outlet == outlet and u.voice == "own"])
            att = _uses([u for u in row.uses if u.outlet == outlet and u.voice == "attributed"])
            label = f'<span title="{escape(row.concept)}">{_bdi(row.label or row.concept)}</span>'
            flag = escape(_("outlets disagree"))
            name = (label + (f' <span class="flag" title="{flag}">⚑</span>'
                                         if row.disagreement else "")) if i == 0 else ""
            rows.append([name, _bdi(outlet), own or "—", att or "—"])
    concepts = _table([_("concept"), _("outlet"), _("own voice"), _("in attributed speech")], rows)
    if any(row.disagreement for row in c.concepts):  # the legend only when a row carries the flag
        concepts += (f'<p dir="{_dir()}" class="flag-legend"><span class="flag">⚑</span> '
                     + escape(_("outlets name this concept differently in their own voice.")) + "</p>")
    drift = []
    semicolon = escape(_("; "))
    for n, g in enumerate(c.drift, 1):
        items = []
        for q in g.quotes:
            how = _note(escape(_("quote") if q.direct else _("paraphrase")))
            items.append(f"<li><b>{_bdi(q.outlet)}</b> ({_chain(q.chain)}{semicolon}{how}): {_bdi(q.text)}</li>")
        diffs = "".join(f'<li class="diff" dir="{_dir()}"><i>{escape(difference_label(d.type))}</i>: '
                        f"{_english(d.detail)}</li>" for d in g.differences)
        # "1." stays as Arabic numbering writes it (the full stop before the number, read right to left)
        similarity = f"{g.similarity:.2f}" if _dir() == "ltr" else _ltr(f"{g.similarity:.2f}")
        heading = f"{n}. " + escape(_("similarity {similarity}")).format(similarity=similarity)
        drift.append(f'<div class="drift"><h3 dir="{_dir()}">{heading}</h3>'
                     f"<ul>{''.join(items)}{diffs}</ul></div>")
    only = "".join(f"<li><b>{_bdi(x.outlet)}</b> {_note(escape('(' + _only_type(x.type) + ')'))}: {_bdi(x.text)}</li>"
                   for x in c.only_here)
    labels = {r.concept: r.label for r in c.concepts}
    articles = "".join(_article_html(a, n, c.regions, labels) for a, n in zip(c.articles, c.names))
    data = {"outlets": [{"outlet": o.outlet, "by_kind": list(o.by_kind)} for o in c.outlets]}
    template = Template(resources.files("attribution.report").joinpath("template.html").read_text(encoding="utf-8"))
    prose = _dir()
    intro = escape(_("Regions counted: {regions}. Colours show who speaks each sentence; underlined words are "
                     "loaded terms (green positive, red negative, dashed neutral) — hover or focus one to see its "
                     "concept, stance and voice.")).format(regions=escape(_(", ").join(map(region_label, c.regions))))
    title = ngettext("Comparison of {n} outlet", "Comparison of {n} outlets", len(c.outlets))
    return template.substitute(
        dir=prose,
        title=escape(title.format(n=len(c.outlets))),
        heading=escape(title).format(n=_ltr(str(len(c.outlets))) if prose == "rtl" else len(c.outlets)),
        intro=intro, speakers=escape(_("Whom each outlet lets speak")), chart_label=escape(_("Speaker mix per outlet")),
        words=escape(_("Which words for the same thing")), drift_title=escape(_("Quote drift")),
        only_title=escape(_("Only here")), articles_title=escape(_("The articles")),
        kind_css=kind_css, legend=legend, chart=_chart(c), mix_table=mix, chains=chains_html, concepts=concepts,
        drift="".join(drift) or f'<p dir="{prose}">' + escape(_("No attributed content is shared between outlets."))
        + "</p>",
        only_here=f"<ul>{only}</ul>", articles=articles,
        data=json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e"))
