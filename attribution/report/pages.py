"""Corpus-scale pages: the index of story comparisons (``attribution compare --stories``) and the outlet
profile page (``attribution profiles``).

Both are one self-contained HTML file each (no network, no script when viewed, inline SVG charts), in the
reader's language (`attribution.i18n`) like the comparison report: in Arabic the page is right to left
(``lang="ar" dir="rtl"``), its headings, legends, columns and notes Arabic, its charts mirrored (names on
the right, the first week on the right), and every number, date and Latin name isolated (``<bdi>``); in
English it is left to right and the Arabic names and labels are the isolated runs. Every heading, legend
and column name of these pages is a catalogue message in `TEXT` (the two titles, which count, are plural
messages in `index_title` and `profiles_title`). The CSV, JSON and data-block field names never change
with the language.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Sequence
from html import escape
from typing import Any

from ..i18n import N_, _, language, ngettext
from ..profiles import Profiles
from ..storycompare import StoryScore
from .html import _bdi, _dir, _ltr, _segments
from .markdown import _cell, kind_label, use_note

__all__ = ["TEXT", "index_title", "profiles_title", "render_index", "render_profiles"]

#: Every user-facing string of the two pages (headings, legends, column names, notes), marked for the
#: catalogue and translated where it is shown (`_t`, or ``TEXT[key].format(...)``).
TEXT = {
    "index_note": N_("Score = concepts the outlets name differently in their own voice + quotes whose versions "
                     "differ (a term swapped, the source changed, a quote turned into paraphrase) + versions that "
                     "drop a chain of citation another outlet keeps. Follow a story to its comparison."),
    "index_empty": N_("No story of two or more outlets was found in the corpus."),
    "col_rank": N_("#"), "col_score": N_("score"), "col_story": N_("story"), "col_dates": N_("dates"),
    "col_outlets": N_("outlets"), "col_articles": N_("articles"),
    "col_disagreements": N_("concepts named differently"), "col_drifted": N_("quotes that drifted"),
    "col_dropped": N_("chains dropped"), "col_missing": N_("articles missing"),
    "profiles_note": N_("Body sentences by speaker, week by week (ISO weeks of the documents' dates), and the "
                        "words each outlet uses in its own voice for the same concept. Hover a bar for its "
                        "figures."),
    "summary": N_("Outlets over the whole period"),
    "col_outlet": N_("outlet"), "col_sentences": N_("body sentences"), "col_own_voice": N_("own voice"),
    "col_chain_depth": N_("mean chain depth"), "col_chained": N_("with an intermediary"),
    "col_drop_rate": N_("chains dropped (of aligned quotes)"),
    "mix": N_("Whom each outlet lets speak, week by week"),
    "mix_aria": N_("Speaker mix of {outlet} per week"),
    "mix_tip": N_("{outlet}, {week}: {kind} {share} of {sentences} body sentences"),
    "week": N_("W{week}"),
    "week_full": N_("week {week} of {year}"),
    "terms": N_("Which words each outlet uses for the same concept (own voice)"),
    "terms_aria": N_("Terms for {concept} per outlet"),
    "terms_note": N_("Green: positive, red: negative, grey: neutral; a shade per variant, the three most used of "
                     "each stance by name and the rest of that stance as one segment."),
    "terms_empty": N_("No loaded term in the outlets' own voice."),
    "other_variants": N_("other"),
    "no_stories": N_("no stories given"),
    "undated": N_("undated"),
    "unnamed": N_("unnamed outlet"),
}


def index_title(n: int) -> str:
    """The index's title, for ``n`` stories, in the reader's language."""
    return ngettext("Stories compared: {n} story, ranked by how much the outlets differ",
                    "Stories compared: {n} stories, ranked by how much the outlets differ", n)


def profiles_title(articles: int) -> str:
    """The profile page's title (its figures: ``{articles}``, ``{outlets}``, ``{weeks}``), in the reader's
    language; Arabic agrees with the number of articles."""
    return ngettext("Outlet profiles: {articles} article of {outlets} outlet(s) over {weeks} ISO week(s)",
                    "Outlet profiles: {articles} articles of {outlets} outlet(s) over {weeks} ISO week(s)", articles)


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


def _page(title: str, heading: str, body: str, data: Any) -> str:
    """The page: ``title`` as plain text for ``<title>``, ``heading`` (markup) for ``<h1>``, in the reader's
    language and direction."""
    blob = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return (f'<!DOCTYPE html>\n<html lang="{language()}" dir="{_dir()}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f"<style>{_STYLE}</style>\n</head>\n<body>\n<h1>{heading}</h1>\n{body}\n"
            f'<script id="data" type="application/json">{blob}</script>\n</body>\n</html>\n')


def _t(key: str) -> str:
    """``TEXT[key]`` in the reader's language (a function: Babel would take the key in ``_(TEXT["key"])``
    for a message of its own)."""
    return _(TEXT[key])


def _text(key: str) -> str:
    """``TEXT[key]`` in the reader's language, escaped."""
    return escape(_t(key))


def _fill(message: str, **fields: str) -> str:
    """A translated ``message`` escaped, with its ``fields`` (markup: numbers isolated with `_ltr`, names with
    `_bdi`) put in after the escaping."""
    return escape(message).format(**fields)


def _num(n: int | str) -> str:
    """A number isolated left to right (so that no neighbouring punctuation moves around it in Arabic)."""
    return _ltr(escape(str(n)))


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
    """The index of story comparisons, in ``fmt`` (html, markdown, json or csv), in the order given; the HTML
    and Markdown in the reader's language, the CSV and JSON the same in every language.

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
    title = index_title(len(scores))
    head = [_t(f"col_{c}") for c in ("rank", "score", "story", "dates", "outlets", "articles",
                                          "disagreements", "drifted", "dropped")]
    comma = _(", ")
    if fmt == "markdown":
        lines = ["# " + title.format(n=len(scores)), "", _t("index_note"), "", "| " + " | ".join(head) + " |",
                 "|" + "---:|---:|---|---|---|" + "---:|" * 4]
        for n, s in enumerate(scores, 1):
            dates = s.first if s.last in (None, s.first) else f"{s.first} – {s.last}"
            lines.append(f"| {n} | {s.score} | [{_cell(s.label or s.story)}]({s.file}) | {dates or '—'} | "
                         f"{_cell(comma.join(s.outlets))} | {s.articles} | {s.disagreements} | {s.drifted} | "
                         f"{s.dropped} |")
        if not scores:
            lines += ["", _t("index_empty")]
        return "\n".join(lines) + "\n"
    top = max((s.score for s in scores), default=0) or 1
    missing = _text("col_missing")
    body_rows = []
    for n, s in enumerate(scores, 1):
        bar = (f'<svg class="score" viewBox="0 0 100 10" width="80" height="8" role="img" '
               f'aria-label="{s.score}"><rect x="0" y="0" width="{100 * s.score / top:.1f}" height="10" '
               f'fill="#d62828"/></svg>')
        story = (f'<a href="{escape(s.file)}">{_bdi(s.label or s.story)}</a><br>'
                 f'<small class="nowrap">{_ltr(escape(s.story))}</small>')
        body_rows.append([_num(n), f"{_num(s.score)} {bar}", story, _dates(s), comma.join(_bdi(o) for o in s.outlets),
                          _num(s.articles) + (f" ({missing}: {_num(s.missing)})" if s.missing else ""),
                          _num(s.disagreements), _num(s.drifted), _num(s.dropped)])
    table = _table(head, body_rows, numeric=(0, 5, 6, 7, 8)) if scores else f"<p>{_text('index_empty')}</p>"
    body = f"<p>{_text('index_note')}</p>\n{table}"
    return _page(title.format(n=len(scores)), _fill(title, n=_num(len(scores))), body, rows)


# --- the outlet profile page ----------------------------------------------------------------------


def _outlet_name(outlet: str | None) -> str:
    return outlet if outlet else _t("unnamed")


def _week_label(week: str | None) -> str:
    """The week under its column: ``W10`` (in Arabic, the week's number)."""
    return TEXT["week"].format(week=week.split("-W", 1)[1]) if week else _t("undated")


def _week_full(week: str | None) -> str:
    """The week in a tooltip: ``week 10 of 2024``."""
    if not week:
        return _t("undated")
    year, number = week.split("-W", 1)
    return TEXT["week_full"].format(week=number, year=year)


def _legend() -> str:
    return "".join(f'<span><i class="sw" style="background:{_COLOURS[k]}"></i>{escape(kind_label(k))}</span>'
                   for k in _KINDS)


def _mix_chart(outlet: str | None, weeks: list[str | None], mix: dict[str | None, dict[str, float]],
               sentences: dict[str | None, int]) -> str:
    """Stacked columns, one per week (oldest on the left; in Arabic on the right), a segment per speaker
    kind; a week the outlet did not publish in stays empty."""
    width, height, top, foot = 300, 150, 6, 22
    gap = 8
    col = min(60.0, (width - gap * (len(weeks) + 1)) / max(len(weeks), 1))
    left = (width - len(weeks) * (col + gap) + gap) / 2  # the columns centred
    rtl = _dir() == "rtl"
    name = _outlet_name(outlet)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + top + foot}" direction="ltr" '
             f'role="img" aria-label="{escape(TEXT["mix_aria"].format(outlet=name))}">']
    for i, week in enumerate(weeks):
        x = left + (len(weeks) - 1 - i if rtl else i) * (col + gap)
        y = float(top + height)
        for kind in _KINDS:
            share = mix.get(week, {}).get(kind, 0.0)
            if not share:
                continue
            h = share * height
            y -= h
            tip = TEXT["mix_tip"].format(outlet=name, week=_week_full(week), kind=kind_label(kind),
                                         share=f"{share:.0%}", sentences=sentences.get(week, 0))
            parts.append(f'<rect class="bar" data-kind="{kind}" x="{x:.1f}" y="{y:.1f}" width="{col:.1f}" height="{h:.1f}" '
                         f'fill="{_COLOURS[kind]}"><title>{escape(tip)}</title></rect>')
        parts.append(f'<text x="{x + col / 2:.1f}" y="{top + height + 16}" text-anchor="middle" font-size="11">'
                     f"{escape(_week_label(week))}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _terms_chart(concept: str, rows: list[dict[str, Any]], outlets: list[str | None]) -> str:
    """One horizontal bar per outlet (100% of its own-voice uses of the concept), a segment per variant in
    its stance's colour, the variant written on it when it fits. In Arabic the chart is mirrored: the
    outlets' names on the right, the bars growing leftwards."""
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for r in rows:
        totals[r["variant"], r["stance"]] += r["count"]
    # the most used variants of each stance by name, the rest of that stance as one "other" segment
    named: set[tuple[str, str]] = set()
    for stance in {st for _variant, st in totals}:
        ranked = sorted((vs for vs in totals if vs[1] == stance), key=lambda vs: (-totals[vs], vs[0]))
        named.update(ranked[:_NAMED_VARIANTS] if len(ranked) > _NAMED_VARIANTS + 1 else ranked)
    other = _t("other_variants")
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
    rtl = _dir() == "rtl"
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {len(present) * row_h + 6}" '
             f'direction="ltr" role="img" aria-label="{escape(TEXT["terms_aria"].format(concept=concept))}">']
    for i, outlet in enumerate(present):
        y = i * row_h + 3
        name = _outlet_name(outlet)
        label_x = width - 8 if rtl else label_w - 8
        parts.append(f'<text x="{label_x}" y="{y + 16}" text-anchor="end" font-size="13">{escape(name)}</text>')
        counts = by_outlet[outlet]
        total = sum(counts.values())
        shown = [(variant, stance, n) for variant, stance in variants if (n := counts.get((variant, stance), 0))]
        widths = [n / total * span for _variant, _stance, n in shown]
        for (variant, stance, n), (x, w) in zip(shown, _segments(widths, width, label_w, rtl)):
            tip = f"{name}: «{variant}» {use_note(stance, n)}"
            parts.append(f'<rect class="term" data-stance="{escape(stance)}" x="{x:.1f}" y="{y}" width="{w:.1f}" '
                         f'height="{row_h - 6}" fill="{shade[variant, stance]}"><title>{escape(tip)}</title></rect>')
            if w >= 12 * len(variant) * 0.55 + 8:
                fill = "#fff" if (variant, stance) in dark else "#1d1d1d"
                parts.append(f'<text x="{x + w / 2:.1f}" y="{y + 15}" text-anchor="middle" font-size="12" '
                             f'style="fill:{fill}">{escape(variant)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _concept_heading(concept: str, label: str) -> str:
    """A concept by its Arabic label (``label_ar``; the id in its tooltip); in English the id first."""
    if language() == "ar" or label == concept:
        return f'<span title="{escape(concept)}">{_bdi(label)}</span>'
    return f'<span title="{escape(label)}">{escape(concept)}</span> · {_bdi(label)}'


def render_profiles(p: Profiles) -> str:
    """The outlet profile page: a summary per outlet, its speaker mix week by week, and its words per concept,
    in the reader's language (the JSON data block the same in every language).

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
    title = profiles_title(articles)
    figures = {"articles": f"{articles:,}", "outlets": str(len(outlets)), "weeks": str(len(weeks))}
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
            drops = _text("no_stories")
        else:
            drops = _ltr(f"{dropped}/{aligned}" + (f" ({dropped / aligned:.0%})" if aligned else ""))
        summary.append([_bdi(_outlet_name(outlet)), _num(sum(r["articles"] for r in rows)), _num(n),
                        _pct(own / n if n else None), _ltr(f"{depth / att:.2f}") if att else "—",
                        _pct(chained / att if att else None), drops])
    summary_table = _table([_t(c) for c in ("col_outlet", "col_articles", "col_sentences", "col_own_voice",
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
        concept_html.append(f"<h3>{_concept_heading(concept, label)}</h3>"
                            f"{_terms_chart(label, by_concept[concept], outlets)}")
    terms_html = ("".join(concept_html) + f"<p>{_text('terms_note')}</p>" if concept_html
                  else f"<p>{_text('terms_empty')}</p>")
    body = (f"<p>{_text('profiles_note')}</p>\n<h2>{_text('summary')}</h2>\n{summary_table}\n"
            f'<h2>{_text("mix")}</h2>\n<p class="legend">{_legend()}</p>\n'
            f'<div class="grid">{"".join(panels)}</div>\n<h2>{_text("terms")}</h2>\n{terms_html}')
    data = {"outlets": list(p.outlets), "speakers": list(p.speakers), "terms": list(p.terms)}
    return _page(title.format(**figures), _fill(title, **{k: _num(v) for k, v in figures.items()}), body, data)
