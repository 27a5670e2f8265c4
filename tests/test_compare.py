"""compare(): speaker mix, concept table, quote drift, only-here, and the rendered reports."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from helpers import CHROMIUM, NO_CHROMIUM, PageTexts, chromium, screenshot

import attribution
from attribution.report import render
from attribution.report.markdown import KIND_LABELS

# Three outlets of our own on one story. A and B carry the same agency-sourced claim in different words.
A = ("الجيش ينسحب من البلدة الحدودية\n"
     "أفادت مصادر أمنية لوكالة فرانس برس أن الجيش سيبدأ الانسحاب من البلدة إثر توقف هجمات فصائل المقاومة على مواقعه.\n"
     "وقالت المصادر إن الانسحاب سيستغرق أسبوعين.\n"
     "وتقع البلدة على بعد عشرة كيلومترات من الحدود.")
B = ("مصادر: انسحاب قريب للجيش من البلدة\n"
     "قالت مصادر أمنية لوكالة فرانس برس: «الجيش سيبدأ الانسحاب من البلدة إثر توقف هجمات ميليشيات موالية لإيران على مواقعه».\n"
     "وقصفت ميليشيات موالية لإيران مواقع الجيش الشهر الماضي.")
C = ("انسحاب الجيش من البلدة\n"
     "قال مسؤول عسكري إن الجيش سيبدأ الانسحاب من البلدة إثر توقف الهجمات على مواقعه.\n"
     "وشنت فصائل مسلحة هجمات متكررة على البلدة منذ مطلع العام.")


@pytest.fixture(scope="module")
def comparison() -> attribution.Comparison:
    arts = [attribution.annotate(t) for t in (A, B, C)]
    return attribution.compare(arts, names=["Alpha", "Beta", "Gamma"])


def test_speaker_mix(comparison: attribution.Comparison) -> None:
    alpha, _beta, gamma = comparison.outlets
    assert [o.outlet for o in comparison.outlets] == ["Alpha", "Beta", "Gamma"]
    assert dict(alpha.by_kind)["unnamed_source"] > 0 and alpha.own_voice > 0
    assert abs(sum(share for _, share in alpha.by_kind) - 1) < 0.01
    assert any("فرانس برس" in ch and ch.startswith("Alpha") for ch in alpha.chains)
    assert gamma.top_sources[0][1] == "unnamed_source"


def test_concept_table_puts_disagreement_first(comparison: attribution.Comparison) -> None:
    row = comparison.concepts[0]
    assert row.concept == "armed_groups" and row.disagreement
    own = {(u.outlet, u.variant, u.stance) for u in row.uses if u.voice == "own"}
    assert ("Beta", "ميليشيات موالية لإيران", "negative") in own
    assert ("Gamma", "فصائل مسلحة", "neutral") in own
    attributed = {(u.outlet, u.variant) for u in row.uses if u.voice == "attributed"}
    assert ("Alpha", "فصائل المقاومة") in attributed


def test_quote_drift(comparison: attribution.Comparison) -> None:
    group = next(g for g in comparison.drift if {q.outlet for q in g.quotes} >= {"Alpha", "Beta"})
    types = {d.type for d in group.differences}
    assert "term_swap" in types and "direct_to_paraphrase" in types
    swap = next(d.detail for d in group.differences if d.type == "term_swap")
    assert "فصائل المقاومة" in swap and "ميليشيات موالية لإيران" in swap
    with_gamma = [g for g in comparison.drift if "Gamma" in {q.outlet for q in g.quotes}]
    assert not with_gamma or any(d.type in ("source_changed", "chain_dropped") for d in with_gamma[0].differences)


def test_only_here(comparison: attribution.Comparison) -> None:
    claims = {(x.outlet, x.text[:12]) for x in comparison.only_here if x.type == "claim"}
    assert ("Alpha", "وتقع البلدة ") in claims


def test_json_csv_markdown(comparison: attribution.Comparison) -> None:
    data = json.loads(render(comparison, "json"))
    assert [o["outlet"] for o in data["outlets"]] == ["Alpha", "Beta", "Gamma"]
    assert data["drift"] and data["articles"][0]["outlet_label"] == "Alpha"
    rows = list(csv.DictReader(io.StringIO(render(comparison, "csv"))))
    assert {"outlet", "concept", "term", "voice", "stance", "count"} <= set(rows[0])
    assert any(r["outlet"] == "Beta" and r["term"] == "ميليشيات موالية لإيران" and r["voice"] == "own" for r in rows)
    md = render(comparison, "markdown")
    assert "## Quote drift" in md and "term_swap" in md and "| Alpha |" in md


def test_regions_default_and_all(comparison: attribution.Comparison) -> None:
    page = "خبر\n" + A + "\nالمصدر: موقع تجريبي\nإقرأ أيضاً:\nقالت مصادر إن فصائل المقاومة تستعد للرد"
    default = attribution.compare([attribution.annotate(page)])
    everything = attribution.compare([attribution.annotate(page)], regions=attribution.model.REGION_KINDS)
    assert default.outlets[0].sentences < everything.outlets[0].sentences


def test_cli_compare(tmp_path: Path) -> None:
    from attribution.cli import main

    paths = []
    for name, text in (("a.txt", A), ("b.txt", B)):
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    out = tmp_path / "report.csv"
    assert main(["compare", *paths, "--format", "csv", "--out", str(out), "--outlet", f"{paths[0]}=Alpha"]) == 0
    assert "Alpha" in out.read_text(encoding="utf-8")
    assert main(["compare", *paths, "--outlet", "nonsense"]) == 2


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_html_renders_in_chromium(comparison: attribution.Comparison, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render(comparison, "html"), encoding="utf-8")
    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert dom.count('class="bar"') >= 4  # the speaker-mix chart is there, one bar per outlet and kind
    assert dom.count('class="pct"') >= 3  # with percentages on the bars
    assert "<script>" not in dom  # nothing runs: the only script element is the JSON data block
    assert dom.count("<mark") >= 4 and 'dir="rtl"' in dom
    assert "http://" not in dom.replace("http://www.w3.org", "") and "https://" not in dom  # nothing to fetch
    shot = tmp_path / "report.png"
    screenshot(tmp_path, page, shot)
    assert shot.exists() and shot.stat().st_size > 20_000  # a page with content, not a blank one


def _isolated_ltr(where: tuple[tuple[str, dict[str, str | None]], ...]) -> bool:
    return any(attrs.get("dir") == "ltr" for _tag, attrs in where)


def test_html_isolates_english_and_counts_inside_right_to_left_cells(comparison: attribution.Comparison) -> None:
    page = PageTexts(render(comparison, "html"))
    notes = page.within(r"\((positive|negative|neutral), ×\d+\)")
    assert notes and all(where[-1][0] == "bdi" and _isolated_ltr(where) for _, where in notes)
    names = page.within("^(Alpha|Beta|Gamma)$")  # Latin outlet names among Arabic: each in its own <bdi>
    assert any(where[-1][0] == "bdi" for _, where in names)
    assert all(where[-1][0] in ("bdi", "text") for _, where in names)  # a <bdi>, or the chart's SVG label
    how = page.within("^(quote|paraphrase)$")  # an English word inside an Arabic line: isolated
    assert how and all(where[-1] == ("bdi", {"dir": "ltr"}) for _, where in how)
    chain = [t for t, where in page.texts if any(attrs.get("dir") == "rtl" and tag == "bdi" for tag, attrs in where)]
    assert "فرانس برس" in chain  # chains read right to left, each name isolated, joined by ←
    assert "←" in "".join(t for t, _ in page.texts) and "→" not in "".join(
        t for t, where in page.texts if not any(attrs.get("class") == "diff" for _, attrs in where))
    in_diffs = [(t, where) for t, where in page.texts if any(attrs.get("class") == "diff" for _, attrs in where)]
    assert all(any(a.get("dir") == "ltr" for _, a in where) for _, where in in_diffs)  # English lines...
    arabic = [(t, where) for t, where in in_diffs if re.search("[\u0600-\u06ff]", t)]
    assert arabic and all(where[-1][0] == "bdi" for _, where in arabic)  # ...with each Arabic phrase isolated
    heading = page.within(r"^\d+\. similarity")
    assert heading and all(_isolated_ltr(where) for _, where in heading)


def test_html_intro_is_left_to_right_so_its_full_stop_stays_at_the_end(comparison: attribution.Comparison) -> None:
    page = PageTexts(render(comparison, "html"))
    intro = page.within("^Regions counted:")
    assert intro and intro[0][1][-1] == ("p", {"dir": "ltr"})
    english = page.within(r"[A-Za-z]\.\s*$")  # every English sentence, so its full stop stays at its end
    assert len(english) >= 2 and all(_isolated_ltr(where) for _, where in english)


def test_html_bars_show_their_percentages(comparison: attribution.Comparison) -> None:
    page = PageTexts(render(comparison, "html"))
    on_bars = [t for t, where in page.texts if where[-1][0] == "text" and where[-1][1].get("class") == "pct"]
    expected = [f"{share:.0%}" for o in comparison.outlets for _, share in o.by_kind if share * 720 >= 36]
    assert on_bars == expected and len(on_bars) >= 3
    tips = [t for t, where in page.texts if where[-1][0] == "title" and len(where) > 1 and where[-2][0] == "rect"]
    assert len(tips) == sum(len(o.by_kind) for o in comparison.outlets)
    alpha = comparison.outlets[0]
    kind, share = alpha.by_kind[0]
    assert tips[0] == f"Alpha: {KIND_LABELS[kind]} {share:.0%}"


def test_flag_legend_only_when_a_row_is_flagged(comparison: attribution.Comparison) -> None:
    legend = "outlets name this concept differently"
    assert comparison.concepts[0].disagreement
    assert legend in render(comparison, "html") and legend in render(comparison, "markdown")
    calm = attribution.compare([attribution.annotate(C), attribution.annotate(C)], names=["One", "Two"])
    assert calm.concepts and not any(row.disagreement for row in calm.concepts)  # terms, but no disagreement
    assert legend not in render(calm, "html") and "⚑" not in render(calm, "html")
    assert legend not in render(calm, "markdown") and "⚑" not in render(calm, "markdown")


def test_html_escapes_names_everywhere_and_runs_no_script() -> None:
    evil = '<!--<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    html = render(attribution.compare([attribution.annotate(A), attribution.annotate(B)], names=[evil, "Beta"]), "html")
    assert "<script>alert" not in html and "<img src=x" not in html and "<script>" not in html
    assert html.count("<script") == 1  # the JSON data block only


def test_html_names_an_unnamed_outlet_honestly() -> None:
    html = render(attribution.compare([attribution.annotate("وتقع البلدة قرب الحدود.")], names=["X"]), "html")
    assert 'title="own voice: (unknown)"' in html and "own voice: outlet" not in html


def test_reports_name_concepts_by_their_arabic_label(comparison: attribution.Comparison, tmp_path: Path) -> None:
    from attribution.lexicons import load_terms

    labels = {c.id: c.label_ar for c in load_terms().concepts}
    row = next(r for r in comparison.concepts if r.disagreement)
    assert row.label == labels[row.concept] and row.label != row.concept
    assert f"**{row.label}**" in render(comparison, "markdown") and f"**{row.concept}**" not in render(comparison, "markdown")
    html = render(comparison, "html")
    assert f'title="{row.concept}"><bdi>{row.label}</bdi>' in html
    rows = list(csv.DictReader(io.StringIO(render(comparison, "csv"))))
    assert {r["label"] for r in rows if r["concept"] == row.concept} == {row.label}
    # a concept of the user's own lexicon is named from that lexicon
    own = tmp_path / "own.toml"
    own.write_text('[[concept]]\nid = "my_concept"\nlabel_en = "Mine"\nlabel_ar = "مفهومي"\ndescription_en = "x"\n'
                   'description_ar = "x"\n\n  [[concept.variant]]\n  term = "كلمة نادرة جدا"\n  stance = "negative"\n'
                   '  frame = "test"\n', encoding="utf-8")
    a = attribution.annotate("قال إن كلمة نادرة جدا ظهرت.", lexicons=[own])
    assert [r.label for r in attribution.compare([a], lexicons=[own]).concepts if r.concept == "my_concept"] == ["مفهومي"]
    assert [r.label for r in attribution.compare([a]).concepts if r.concept == "my_concept"] == ["my_concept"]
