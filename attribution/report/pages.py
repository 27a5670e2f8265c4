"""Corpus-scale pages: the index of story comparisons (``attribution compare --stories``) and the outlet
profile page (``attribution profiles``).

Both are one self-contained HTML file each (no network, no script when viewed, inline SVG charts), right to
left like the comparison report, with Arabic names and labels isolated (``<bdi>``) and English notes,
figures and weeks left to right. Every heading, legend and column name of these pages is in `TEXT`, so a
message catalogue can take them over in one place.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Sequence
from html import escape
from typing import Any

from ..profiles import Profiles
from ..storycompare import StoryScore
from .html import _bdi, _ltr
from .markdown import KIND_LABELS, _cell

__all__ = ["TEXT", "render_index", "render_profiles"]

#: Every user-facing string of the two pages (headings, legends, column names, notes).
TEXT = {
    "index_title": "Stories compared: {n} stories, ranked by how much the outlets differ",
    "index_note": ("Score = concepts the outlets name differently in their own voice + quotes whose versions "
                   "differ (a term swapped, the source changed, a quote turned into paraphrase) + versions that "
                   "drop a chain of citation another outlet keeps. Follow a story to its comparison."),
    "index_empty": "No story of two or more outlets was found in the corpus.",
    "col_rank": "#", "col_score": "score", "col_story": "story", "col_dates": "dates", "col_outlets": "outlets",
    "col_articles": "articles", "col_disagreements": "concepts named differently",
    "col_drifted": "quotes that drifted", "col_dropped": "chains dropped", "col_missing": "articles missing",
    "profiles_title": "Outlet profiles: {articles} articles of {outlets} outlets over {weeks} ISO week(s)",
    "profiles_note": ("Body sentences by speaker, week by week (ISO weeks of the documents' dates), and the words "
                      "each outlet uses in its own voice for the same concept. Hover a bar for its figures."),
    "summary": "Outlets over the whole period",
    "col_outlet": "outlet", "col_sentences": "body sentences", "col_own_voice": "own voice",
    "col_chain_depth": "mean chain depth", "col_chained": "with an intermediary",
    "col_drop_rate": "chains dropped (of aligned quotes)",
    "mix": "Whom each outlet lets speak, week by week",
    "mix_aria": "Speaker mix of {outlet} per week",
    "terms": "Which words each outlet uses for the same concept (own voice)",
    "terms_aria": "Terms for {concept} per outlet",
    "terms_note": ("Green: positive, red: negative, grey: neutral; a shade per variant, the three most used of "
                   "each stance by name and the rest of that stance as one segment."),
    "terms_empty": "No loaded term in the outlets' own voice.",
    "other_variants": "other",
    "no_stories": "no stories given",
    "undated": "undated",
    "unnamed": "unnamed outlet",
}

_KINDS = ("outlet", "news_agency", "media", "government", "official", "person", "unnamed_source", "group",
          "organization")
#: The speaker colours of the comparison report (attribution/report/template.html).
_COLOURS = {"outlet": "#d9d9d9", "news_agency": "#8ecae6", "media": "#a8dadc", "government": "#ffb703",
            "official": "#fb8500", "person": "#e9c46a", "unnamed_source": "#c77dff", "group": "#e76f51",
            "organization": "#90be6d"}
#: Shades per stance, darkest first: one per variant of a concept.
_STANCE_SHADES = {"positive": ("#1b7f74", "#2a9d8f", "#6cc3b8", "#a9ddd6"),
                  "negative": ("#9d1c1c", "#d62828", "#e86a6a", "#f2a7a7"),
                  "neutral": ("#495057", "#6c757d", "#adb5bd", "#dee2e6")}
_MAX_CONCEPTS = 12
#: Variants of one stance shown by name in a concept's chart (the others of that stance are one segment).
_NAMED_VARIANTS = 3

_STYLE = """
body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "Segoe UI", Tahoma,
       "Geeza Pro", "Arial", sans-serif; margin: 2rem auto; max-width: 78rem; padding: 0 1rem; line-height: 1.8;
       color: #1d1d1d; background: #fff; }
h1, h2, h3 { line-height: 1.3; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; vertical-align: top; text-align: start; }
th { background: #f3f3f3; }
.nowrap { white-space: nowrap; }
td.n { text-align: end; font-variant-numeric: tabular-nums; }
.legend span { display: inline-block; margin-inline-end: 1rem; }
.sw { display: inline-block; width: .9rem; height: .9rem; border-radius: 2px; vertical-align: middle;
      margin-inline-end: .3rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1rem; }
.panel { border: 1px solid #ddd; border-radius: 6px; padding: .3rem .7rem; }
.panel h3 { margin: .3rem 0; font-size: 1rem; }
svg { width: 100%; height: auto; }
svg text { fill: #1d1d1d; }
"""


def _page(title: str, body: str, data: Any) -> str:
    blob = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return (f'<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f"<style>{_STYLE}</style>\n</head>\n<body>\n<h1>{_bdi(title)}</h1>\n{body}\n"
            f'<script id="data" type="application/json">{blob}</script>\n</body>\n</html>\n')


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    h = "".join(f"<th>{escape(x)}</th>" for x in head)
    body = "".join("<tr>" + "".join(f'<td class="n">{x}</td>' if i in numeric else f"<td>{x}</td>"
                                    for i, x in enumerate(r)) + "</tr>" for r in rows)
    return f"<table><thead><tr>{h}</tr></thead><tbody>{body}</tbody></table>"


def _pct(x: float | None) -> str:
    return "—" if x is None else _ltr(f"{x:.0%}")


# --- the story index ------------------------------------------------------------------------------

_INDEX_COLUMNS = ("rank", "score", "story", "label", "first", "last", "outlets", "articles", "missing",
                  "disagreements", "drifted", "dropped", "file")


def _index_rows(scores: Sequence[StoryScore]) -> list[dict[str, Any]]:
    return [{"rank": n, "score": s.score, "story": s.story, "label": s.label, "first": s.first, "last": s.last,
             "outlets": " | ".join(s.outlets), "articles": s.articles, "missing": s.missing,
             "disagreements": s.disagreements, "drifted": s.drifted, "dropped": s.dropped, "file": s.file}
            for n, s in enumerate(scores, 1)]


def _dates(s: StoryScore) -> str:
    if not s.first:
        return "—"
    dates = s.first if s.last in (None, s.first) else f"{s.first} – {s.last}"
    return f'<bdi dir="ltr" class="nowrap">{escape(dates)}</bdi>'


def render_index(scores: Sequence[StoryScore], fmt: str = "html") -> str:
    """The index of story comparisons, in ``fmt`` (html, markdown, json or csv), in the order given.

    Examples:
        >>> from attribution.storycompare import StoryScore
        >>> from attribution.report.pages import render_index
        >>> s = StoryScore("s-2024-03-01-0001", "الطريق الجديد", "2024-03-01", "2024-03-02", ("الفجر", "النهار"),
        ...                2, 0, 1, 2, 1, "s-2024-03-01-0001.html")
        >>> print(render_index([s], "csv").splitlines()[1])
        1,4,s-2024-03-01-0001,الطريق الجديد,2024-03-01,2024-03-02,الفجر | النهار,2,0,1,2,1,s-2024-03-01-0001.html
        >>> 'href="s-2024-03-01-0001.html"' in render_index([s])
        True
    """
    rows = _index_rows(scores)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(_INDEX_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    title = TEXT["index_title"].format(n=len(scores))
    head = [TEXT[f"col_{c}"] for c in ("rank", "score", "story", "dates", "outlets", "articles", "disagreements",
                                       "drifted", "dropped")]
    if fmt == "markdown":
        lines = [f"# {title}", "", TEXT["index_note"], "", "| " + " | ".join(head) + " |",
                 "|" + "---:|---:|---|---|---|" + "---:|" * 4]
        for n, s in enumerate(scores, 1):
            dates = s.first if s.last in (None, s.first) else f"{s.first} – {s.last}"
            lines.append(f"| {n} | {s.score} | [{_cell(s.label or s.story)}]({s.file}) | {dates or '—'} | "
                         f"{_cell('، '.join(s.outlets))} | {s.articles} | {s.disagreements} | {s.drifted} | "
                         f"{s.dropped} |")
        if not scores:
            lines += ["", TEXT["index_empty"]]
        return "\n".join(lines) + "\n"
    top = max((s.score for s in scores), default=0) or 1
    body_rows = []
    for n, s in enumerate(scores, 1):
        bar = (f'<svg class="score" viewBox="0 0 100 10" width="80" height="8" role="img" '
               f'aria-label="{s.score}"><rect x="0" y="0" width="{100 * s.score / top:.1f}" height="10" '
               f'fill="#d62828"/></svg>')
        story = (f'<a href="{escape(s.file)}">{_bdi(s.label or s.story)}</a><br>'
                 f'<small class="nowrap">{_ltr(escape(s.story))}</small>')
        body_rows.append([str(n), f"{s.score} {bar}", story, _dates(s), "، ".join(_bdi(o) for o in s.outlets),
                          str(s.articles) + (f" ({_ltr(escape(TEXT['col_missing']))}: {s.missing})" if s.missing
                                             else ""),
                          str(s.disagreements), str(s.drifted), str(s.dropped)])
    table = _table(head, body_rows, numeric=(0, 5, 6, 7, 8)) if scores else f'<p dir="ltr">{TEXT["index_empty"]}</p>'
    body = f'<p dir="ltr">{escape(TEXT["index_note"])}</p>\n{table}'
    return _page(title, body, rows)


# --- the outlet profile page ----------------------------------------------------------------------


def _outlet_name(outlet: str | None) -> str:
    return outlet if outlet else TEXT["unnamed"]


def _week_label(week: str | None) -> str:
    return week.split("-", 1)[1] if week else TEXT["undated"]


def _legend() -> str:
    return "".join(f'<span><i class="sw" style="background:{_COLOURS[k]}"></i>{escape(KIND_LABELS[k])}</span>'
                   for k in _KINDS)


def _mix_chart(outlet: str | None, weeks: list[str | None], mix: dict[str | None, dict[str, float]],
               sentences: dict[str | None, int]) -> str:
    """Stacked columns, one per week (oldest on the left), a segment per speaker kind; a week the outlet
    did not publish in stays empty."""
    width, height, top, foot = 300, 150, 6, 22
    gap = 8
    col = min(60.0, (width - gap * (len(weeks) + 1)) / max(len(weeks), 1))
    left = (width - len(weeks) * (col + gap) + gap) / 2  # the columns centred
    name = _outlet_name(outlet)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + top + foot}" direction="ltr" '
             f'role="img" aria-label="{escape(TEXT["mix_aria"].format(outlet=name))}">']
    for i, week in enumerate(weeks):
        x = left + i * (col + gap)
        y = float(top + height)
        for kind in _KINDS:
            share = mix.get(week, {}).get(kind, 0.0)
            if not share:
                continue
            h = share * height
            y -= h
            tip = f"{name} · {_week_label(week)}: {KIND_LABELS[kind]} {share:.0%} ({sentences.get(week, 0)})"
            parts.append(f'<rect class="bar" data-kind="{kind}" x="{x:.1f}" y="{y:.1f}" width="{col:.1f}" height="{h:.1f}" '
                         f'fill="{_COLOURS[kind]}"><title>{escape(tip)}</title></rect>')
        parts.append(f'<text x="{x + col / 2:.1f}" y="{top + height + 16}" text-anchor="middle" font-size="11">'
                     f"{escape(_week_label(week))}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _terms_chart(concept: str, rows: list[dict[str, Any]], outlets: list[str | None]) -> str:
    """One horizontal bar per outlet (100% of its own-voice uses of the concept), a segment per variant in
    its stance's colour, the variant written on it when it fits."""
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for r in rows:
        totals[r["variant"], r["stance"]] += r["count"]
    # the most used variants of each stance by name, the rest of that stance as one "other" segment
    named: set[tuple[str, str]] = set()
    for stance in {st for _, st in totals}:
        ranked = sorted((vs for vs in totals if vs[1] == stance), key=lambda vs: (-totals[vs], vs[0]))
        named.update(ranked[:_NAMED_VARIANTS] if len(ranked) > _NAMED_VARIANTS + 1 else ranked)
    other = TEXT["other_variants"]
    by_outlet: dict[str | None, dict[tuple[str, str], int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        vs = (r["variant"], r["stance"])
        by_outlet[r["outlet"]][vs if vs in named else (other, r["stance"])] += r["count"]
    variants = sorted({vs for counts in by_outlet.values() for vs in counts},
                      key=lambda vs: (vs[1], vs[0] == other, -totals.get(vs, 0), vs[0]))
    shade, dark = {}, set()
    seen: dict[str, int] = defaultdict(int)
    for variant, stance in variants:
        shades = _STANCE_SHADES.get(stance, _STANCE_SHADES["neutral"])
        k = seen[stance] % len(shades)
        shade[variant, stance] = shades[k]
        if k < 2:  # the two darker shades carry white text
            dark.add((variant, stance))
        seen[stance] += 1
    present = [o for o in outlets if o in by_outlet]
    row_h, label_w, width = 26, 150, 860
    span = width - label_w - 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {len(present) * row_h + 6}" '
             f'direction="ltr" role="img" aria-label="{escape(TEXT["terms_aria"].format(concept=concept))}">']
    for i, outlet in enumerate(present):
        y = i * row_h + 3
        name = _outlet_name(outlet)
        parts.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" font-size="13">{escape(name)}</text>')
        counts = by_outlet[outlet]
        total = sum(counts.values())
        x = float(label_w)
        for variant, stance in variants:
            n = counts.get((variant, stance), 0)
            if not n:
                continue
            w = n / total * span
            tip = f"{name}: {variant} ×{n} ({stance})"
            parts.append(f'<rect class="term" data-stance="{escape(stance)}" x="{x:.1f}" y="{y}" width="{w:.1f}" '
                         f'height="{row_h - 6}" fill="{shade[variant, stance]}"><title>{escape(tip)}</title></rect>')
            if w >= 12 * len(variant) * 0.55 + 8:
                fill = "#fff" if (variant, stance) in dark else "#1d1d1d"
                parts.append(f'<text x="{x + w / 2:.1f}" y="{y + 15}" text-anchor="middle" font-size="12" '
                             f'style="fill:{fill}">{escape(variant)}</text>')
            x += w
    parts.append("</svg>")
    return "".join(parts)


def render_profiles(p: Profiles) -> str:
    """The outlet profile page: a summary per outlet, its speaker mix week by week, and its words per concept.

    Examples:
        >>> import attribution
        >>> from attribution.report.pages import render_profiles
        >>> docs = [{"id": "a", "date": "2024-03-01", "outlet": "الفجر", "text": "وشنت فصائل المقاومة هجوما."},
        ...         {"id": "b", "date": "2024-03-09", "outlet": "النهار", "text": "وشنت ميليشيات موالية لإيران هجوما."}]
        >>> page = render_profiles(attribution.profiles(attribution.annotate_many(docs), meta=docs))
        >>> page.count('class="bar"'), page.count('class="term"'), page.count("<svg")
        (2, 2, 3)
    """
    outlets = sorted({r["outlet"] for r in p.outlets}, key=lambda o: (o is None, o or ""))
    weeks = sorted({r["week"] for r in p.outlets}, key=lambda w: (w is None, w or ""))
    articles = sum(r["articles"] for r in p.outlets)
    title = TEXT["profiles_title"].format(outlets=len(outlets), weeks=len(weeks), articles=f"{articles:,}")
    # the whole period, per outlet
    summary = []
    for outlet in outlets:
        rows = [r for r in p.outlets if r["outlet"] == outlet]
        n = sum(r["sentences"] for r in rows)
        own = sum(round((r["own_voice"] or 0) * r["sentences"]) for r in rows)
        att = sum(r["attributions"] for r in rows)
        depth = sum((r["chain_depth"] or 0) * r["attributions"] for r in rows)
        chained = sum(round((r["chained"] or 0) * r["attributions"]) for r in rows)
        aligned = sum(r["aligned"] or 0 for r in rows)
        dropped = sum(r["dropped"] or 0 for r in rows)
        if not p.stories and all(r["aligned"] is None for r in rows):
            drops = _ltr(escape(TEXT["no_stories"]))
        else:
            drops = _ltr(f"{dropped}/{aligned}" + (f" ({dropped / aligned:.0%})" if aligned else ""))
        summary.append([_bdi(_outlet_name(outlet)), str(sum(r["articles"] for r in rows)), str(n),
                        _pct(own / n if n else None), _ltr(f"{depth / att:.2f}") if att else "—",
                        _pct(chained / att if att else None), drops])
    summary_table = _table([TEXT[c] for c in ("col_outlet", "col_articles", "col_sentences", "col_own_voice",
                                              "col_chain_depth", "col_chained", "col_drop_rate")],
                           summary, numeric=(1, 2, 3, 4, 5))
    # speaker mix per week
    panels = []
    for outlet in outlets:
        mix: dict[str | None, dict[str, float]] = defaultdict(dict)
        for r in p.speakers:
            if r["outlet"] == outlet:
                mix[r["week"]][r["kind"]] = r["share"]
        sentences = {r["week"]: r["sentences"] for r in p.outlets if r["outlet"] == outlet}
        panels.append(f'<div class="panel"><h3>{_bdi(_outlet_name(outlet))}</h3>'
                      f"{_mix_chart(outlet, weeks, mix, sentences)}</div>")
    by_concept: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in p.terms:
        by_concept[r["concept"]].append(r)
    # concepts named with more than one stance first (where the outlets' choices say something), then those
    # that more outlets name, then the most used
    order = sorted(by_concept, key=lambda c: (-len({r["stance"] for r in by_concept[c]}),
                                              -len({r["outlet"] for r in by_concept[c]}),
                                              -sum(r["count"] for r in by_concept[c]), c))
    concept_html = []
    for concept in order[:_MAX_CONCEPTS]:
        label = by_concept[concept][0]["label"] or concept
        concept_html.append(f'<h3><span title="{escape(concept)}">{_bdi(label)}</span></h3>'
                            f"{_terms_chart(label, by_concept[concept], outlets)}")
    terms_html = ("".join(concept_html) + f'<p dir="ltr">{escape(TEXT["terms_note"])}</p>' if concept_html
                  else f'<p dir="ltr">{escape(TEXT["terms_empty"])}</p>')
    body = (f'<p dir="ltr">{escape(TEXT["profiles_note"])}</p>\n<h2>{escape(TEXT["summary"])}</h2>\n{summary_table}\n'
            f'<h2>{escape(TEXT["mix"])}</h2>\n<p class="legend" dir="ltr">{_legend()}</p>\n'
            f'<div class="grid">{"".join(panels)}</div>\n<h2>{escape(TEXT["terms"])}</h2>\n{terms_html}')
    data = {"outlets": list(p.outlets), "speakers": list(p.speakers), "terms": list(p.terms)}
    return _page(title, body, data)
