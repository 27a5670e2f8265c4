"""Markdown report, for notebooks and issue trackers."""

from __future__ import annotations

from ..compare import Comparison
from ..i18n import N_, _, ngettext

#: A source kind as the reader reads it (translated where it is shown: ``_(KIND_LABELS[kind])``).
KIND_LABELS = {
    "outlet": N_("own voice"), "news_agency": N_("agency"), "media": N_("media"), "government": N_("government"),
    "official": N_("official"), "person": N_("person"), "unnamed_source": N_("unnamed"), "group": N_("group"),
    "organization": N_("organization"),
}
#: A page region as the reader reads it (as it is, in English).
REGION_LABELS = {"headline": N_("headline"), "dateline": N_("dateline"), "body": N_("body"),
                 "related": N_("related"), "boilerplate": N_("boilerplate")}
#: A stance as the reader reads it.
STANCE_LABELS = {"positive": N_("positive"), "negative": N_("negative"), "neutral": N_("neutral")}
#: A difference between versions of one quote: its type, which English shows as it is.
DIFFERENCE_LABELS = {"term_swap": N_("term_swap"), "chain_dropped": N_("chain_dropped"),
                     "source_changed": N_("source_changed"), "direct_to_paraphrase": N_("direct_to_paraphrase")}


def difference_label(kind: str) -> str:
    return _(DIFFERENCE_LABELS[kind]) if kind in DIFFERENCE_LABELS else kind


def region_label(region: str) -> str:
    return _(REGION_LABELS[region]) if region in REGION_LABELS else region


def kind_label(kind: str) -> str:
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def stance_label(stance: str) -> str:
    return _(STANCE_LABELS[stance]) if stance in STANCE_LABELS else stance


def use_note(stance: str, count: int) -> str:
    """``(negative, ×2)``, in the reader's language."""
    return _("({stance}, ×{count})").format(stance=stance_label(stance), count=count)


def _cell(text: str) -> str:
    """``text`` as literal Markdown: no table breaks, and no raw HTML that a renderer would run."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(c: Comparison) -> str:
    lines = ["# " + ngettext("Comparison of {n} outlet", "Comparison of {n} outlets", len(c.outlets)).format(
                 n=len(c.outlets)), "",
             _("Regions counted: {regions}.").format(regions=_(", ").join(map(region_label, c.regions))), "",
             "## " + _("Whom each outlet lets speak"), ""]
    kinds = [k for k in KIND_LABELS if any(dict(o.by_kind).get(k) for o in c.outlets)]
    lines.append("| " + " | ".join([_("outlet"), _("sentences"), *(kind_label(k) for k in kinds), _("top sources")])
                 + " |")
    lines.append("|---|---:|" + "---:|" * len(kinds) + "---|")
    for o in c.outlets:
        shares = dict(o.by_kind)
        top = _(", ").join(f"{n} ({cnt})" for n, _kind, cnt in o.top_sources[:3])
        lines.append(f"| {_cell(o.outlet)} | {o.sentences} | "
                     + " | ".join(f"{shares.get(k, 0):.0%}" for k in kinds) + f" | {_cell(top)} |")
    chains = [ch for o in c.outlets for ch in o.chains]
    arrow, semicolon = _(" → "), _("; ")  # a chain of citation reads right to left in Arabic: « ← »
    if chains:
        lines += ["", _("Chains of citation:"), ""] + [f"- {_cell(ch.replace(' → ', arrow))}" for ch in chains]
    lines += ["", "## " + _("Which words for the same thing"), "",
              "| " + " | ".join([_("concept"), _("outlet"), _("own voice"), _("in attributed speech")]) + " |",
              "|---|---|---|---|"]
    for row in c.concepts:
        outlets = sorted({u.outlet for u in row.uses})
        for i, outlet in enumerate(outlets):
            own = _(", ").join(f"{u.variant} {use_note(u.stance, u.count)}" for u in row.uses
                               if u.outlet == outlet and u.voice == "own")
            att = _(", ").join(f"{u.variant} {use_note(u.stance, u.count)}" for u in row.uses
                               if u.outlet == outlet and u.voice == "attributed")
            name = (f"**{_cell(row.label or row.concept)}**" + (" ⚑" if row.disagreement else "")) if i == 0 else ""
            lines.append(f"| {name} | {_cell(outlet)} | {_cell(own) or '—'} | {_cell(att) or '—'} |")
    if any(row.disagreement for row in c.concepts):  # the legend only when a row carries the flag
        lines += ["", "⚑ " + _("outlets name this concept differently in their own voice.")]
    lines += ["", "## " + _("Quote drift"), ""]
    if not c.drift:
        lines.append(_("No attributed content is shared between outlets."))
    for n, g in enumerate(c.drift, 1):
        lines.append(f"### {n}. " + _("Similarity {similarity:.2f}").format(similarity=g.similarity))
        lines.append("")
        for q in g.quotes:
            chain = _cell(arrow.join(q.chain))
            how = _("quote") if q.direct else _("paraphrase")
            lines.append(f"- **{_cell(q.outlet)}** ({chain}{semicolon}{how}): {_cell(q.text)}")
        for d in g.differences:
            lines.append(f"  - *{difference_label(d.type)}*: {_cell(d.detail)}")
        lines.append("")
    claims = [x for x in c.only_here if x.type == "claim"]
    sources = [x for x in c.only_here if x.type == "source"]
    lines += ["## " + _("Only here"), "", _("Sources only one outlet cites:"), ""]
    lines += [f"- {_cell(x.outlet)}: {_cell(x.text)}" for x in sources] or ["- " + _("none")]
    lines += ["", _("Claims only one outlet carries:"), ""]
    lines += [f"- {_cell(x.outlet)}: {_cell(x.text)}" for x in claims] or ["- " + _("none")]
    return "\n".join(lines) + "\n"
