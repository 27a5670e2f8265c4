"""A single self-contained HTML report: right-to-left, no network at view time."""

from __future__ import annotations

import json
from html import escape
from importlib import resources
from string import Template

from ..compare import Comparison
from ..model import Article
from .markdown import KIND_LABELS

_COLOURS = ("outlet", "news_agency", "media", "government", "official", "person", "unnamed_source", "group",
            "organization")


def _table(head: list[str], rows: list[list[str]]) -> str:
    h = "".join(f"<th>{escape(x)}</th>" for x in head)
    body = "".join("<tr>" + "".join(f"<td>{x}</td>" for x in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{h}</tr></thead><tbody>{body}</tbody></table>"


def _article_html(article: Article, label: str, regions: tuple[str, ...]) -> str:
    text = article.text
    parts = [f'<section class="article"><h3>{escape(label)}</h3><p>']
    last_region = None
    for s in article.sentences:
        if last_region is not None and s.region != last_region:
            parts.append("</p><p>")
        last_region = s.region
        pieces = []
        pos = s.start
        for t in article.terms:
            if s.start <= t.start and t.end <= s.end and t.start >= pos:
                who = "" if t.speaker is None else f" · {t.speaker.name}"
                tip = f"{t.concept} · {t.stance} · {t.frame or '-'} · {t.voice}{who}"
                pieces.append(escape(text[pos:t.start]))
                pieces.append(f'<mark class="t st-{escape(t.stance)}" tabindex="0" data-tip="{escape(tip)}" '
                              f'title="{escape(tip)}">{escape(text[t.start:t.end])}</mark>')
                pos = t.end
        pieces.append(escape(text[pos:s.end]))
        skip = "" if s.region in regions else " region-skip"
        who = f"{KIND_LABELS.get(s.speaker.kind, s.speaker.kind)}: {s.speaker.name}"
        parts.append(f'<span class="s k-{s.speaker.kind}{skip}" data-region="{s.region}" '
                     f'title="{escape(who)}">{"".join(pieces)}</span> ')
    parts.append("</p></section>")
    return "".join(parts)


def render_html(c: Comparison) -> str:
    """The comparison as one HTML page that needs nothing else."""
    kind_css = "\n".join(f".s.k-{k} {{ background: color-mix(in srgb, var(--{k}) 45%, white); }}"
                         for k in _COLOURS if k != "outlet")
    legend = "".join(f'<span><i class="sw" style="background:var(--{k})"></i>{KIND_LABELS[k]}</span>'
                     for k in _COLOURS)
    kinds = [k for k in _COLOURS if any(dict(o.by_kind).get(k) for o in c.outlets)]
    mix = _table(["outlet", "sentences", *(KIND_LABELS[k] for k in kinds), "top sources"], [
        [escape(o.outlet), str(o.sentences), *(f"{dict(o.by_kind).get(k, 0):.0%}" for k in kinds),
         escape(", ".join(f"{n} ({cnt})" for n, _, cnt in o.top_sources[:3]))]
        for o in c.outlets])
    chains = "".join(f"<li>{escape(ch)}</li>" for o in c.outlets for ch in o.chains)
    chains_html = f"<h3>Chains of citation</h3><ul>{chains}</ul>" if chains else ""
    rows = []
    for row in c.concepts:
        for i, outlet in enumerate(sorted({u.outlet for u in row.uses})):
            own = ", ".join(f"{u.variant} ({u.stance}, ×{u.count})" for u in row.uses
                            if u.outlet == outlet and u.voice == "own")
            att = ", ".join(f"{u.variant} ({u.stance}, ×{u.count})" for u in row.uses
                            if u.outlet == outlet and u.voice == "attributed")
            name = (escape(row.concept) + (' <span class="flag" title="outlets disagree">⚑</span>'
                                           if row.disagreement else "")) if i == 0 else ""
            rows.append([name, escape(outlet), escape(own) or "—", escape(att) or "—"])
    concepts = _table(["concept", "outlet", "own voice", "in attributed speech"], rows)
    drift = []
    for n, g in enumerate(c.drift, 1):
        items = "".join(f"<li><b>{escape(q.outlet)}</b> ({escape(' → '.join(q.chain))}; "
                        f"{'quote' if q.direct else 'paraphrase'}): {escape(q.text)}</li>" for q in g.quotes)
        diffs = "".join(f'<li class="diff"><i>{escape(d.type)}</i>: {escape(d.detail)}</li>' for d in g.differences)
        drift.append(f'<div class="drift"><h3>{n}. similarity {g.similarity:.2f}</h3><ul>{items}{diffs}</ul></div>')
    only = "".join(f"<li><b>{escape(x.outlet)}</b> ({x.type}): {escape(x.text)}</li>" for x in c.only_here)
    articles = "".join(_article_html(a, n, c.regions) for a, n in zip(c.articles, c.names))
    data = {"outlets": [{"outlet": o.outlet, "by_kind": list(o.by_kind)} for o in c.outlets]}
    template = Template(resources.files("attribution.report").joinpath("template.html").read_text(encoding="utf-8"))
    return template.substitute(
        title=escape(f"Comparison of {len(c.outlets)} outlets"), regions=escape(", ".join(c.regions)),
        kind_css=kind_css, legend=legend, mix_table=mix, chains=chains_html, concepts=concepts,
        drift="".join(drift) or "<p>No attributed content is shared between outlets.</p>",
        only_here=f"<ul>{only}</ul>", articles=articles,
        data=json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e"))
