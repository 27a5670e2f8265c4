"""compare(): speaker mix, concept table, quote drift, only-here, and the rendered reports."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

import attribution
from attribution.report import render

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


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium (Debian package 'chromium') is not installed")
def test_html_renders_in_chromium(comparison: attribution.Comparison, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render(comparison, "html"), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=120).stdout
    assert 'data-rendered="yes"' in dom  # the page's script ran
    assert dom.count('class="bar"') >= 4  # the speaker-mix chart was drawn, one bar per outlet and kind
    assert dom.count("<mark") >= 4 and 'dir="rtl"' in dom
    assert "http://" not in dom.replace("http://www.w3.org", "") and "https://" not in dom  # nothing to fetch
    shot = tmp_path / "report.png"
    subprocess.run([CHROMIUM, *flags, "--window-size=1200,900", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 20_000  # a page with content, not a blank one
