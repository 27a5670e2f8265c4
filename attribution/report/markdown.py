"""Markdown report, for notebooks and issue trackers."""

from __future__ import annotations

from ..compare import Comparison

KIND_LABELS = {
    "outlet": "own voice", "news_agency": "agency", "media": "media", "government": "government",
    "official": "official", "person": "person", "unnamed_source": "unnamed", "group": "group",
    "organization": "organization",
}


def _cell(text: str) -> str:
    """``text`` as literal Markdown: no table breaks, and no raw HTML that a renderer would run."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(c: Comparison) -> str:
    lines = [f"# Comparison of {len(c.outlets)} outlets", "",
             f"Regions counted: {', '.join(c.regions)}.", "", "## Whom each outlet lets speak", ""]
    kinds = [k for k in KIND_LABELS if any(dict(o.by_kind).get(k) for o in c.outlets)]
    lines.append("| outlet | sentences | " + " | ".join(KIND_LABELS[k] for k in kinds) + " | top sources |")
    lines.append("|---|---:|" + "---:|" * len(kinds) + "---|")
    for o in c.outlets:
        shares = dict(o.by_kind)
        top = ", ".join(f"{n} ({cnt})" for n, _, cnt in o.top_sources[:3])
        lines.append(f"| {_cell(o.outlet)} | {o.sentences} | "
                     + " | ".join(f"{shares.get(k, 0):.0%}" for k in kinds) + f" | {_cell(top)} |")
    chains = [ch for o in c.outlets for ch in o.chains]
    if chains:
        lines += ["", "Chains of citation:", ""] + [f"- {_cell(ch)}" for ch in chains]
    lines += ["", "## Which words for the same thing", "",
              "| concept | outlet | own voice | in attributed speech |", "|---|---|---|---|"]
    for row in c.concepts:
        outlets = sorted({u.outlet for u in row.uses})
        for i, outlet in enumerate(outlets):
            own = ", ".join(f"{u.variant} ({u.stance}, ×{u.count})" for u in row.uses
                            if u.outlet == outlet and u.voice == "own")
            att = ", ".join(f"{u.variant} ({u.stance}, ×{u.count})" for u in row.uses
                            if u.outlet == outlet and u.voice == "attributed")
            name = (f"**{_cell(row.label or row.concept)}**" + (" ⚑" if row.disagreement else "")) if i == 0 else ""
            lines.append(f"| {name} | {_cell(outlet)} | {_cell(own) or '—'} | {_cell(att) or '—'} |")
    if any(row.disagreement for row in c.concepts):  # the legend only when a row carries the flag
        lines += ["", "⚑ outlets name this concept differently in their own voice."]
    lines += ["", "## Quote drift", ""]
    if not c.drift:
        lines.append("No attributed content is shared between outlets.")
    for n, g in enumerate(c.drift, 1):
        lines.append(f"### {n}. Similarity {g.similarity:.2f}")
        lines.append("")
        for q in g.quotes:
            chain = _cell(" → ".join(q.chain))
            lines.append(f"- **{_cell(q.outlet)}** ({chain}; {'quote' if q.direct else 'paraphrase'}): {_cell(q.text)}")
        for d in g.differences:
            lines.append(f"  - *{d.type}*: {_cell(d.detail)}")
        lines.append("")
    claims = [x for x in c.only_here if x.type == "claim"]
    sources = [x for x in c.only_here if x.type == "source"]
    lines += ["## Only here", "", "Sources only one outlet cites:", ""]
    lines += [f"- {_cell(x.outlet)}: {_cell(x.text)}" for x in sources] or ["- none"]
    lines += ["", "Claims only one outlet carries:", ""]
    lines += [f"- {_cell(x.outlet)}: {_cell(x.text)}" for x in claims] or ["- none"]
    return "\n".join(lines) + "\n"
