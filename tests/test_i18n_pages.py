"""The story index and the outlet-profile page in English and Arabic (issue 17): every heading, legend, column
and note comes from the catalogue (a missing message fails), the Arabic page is right to left with every
number and Latin run isolated and no English left, the charts are mirrored in Arabic, and every
machine-readable field (CSV, JSON, the data block, data attributes) is the same in both languages."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import pytest
from helpers import CHROMIUM, NO_CHROMIUM, PageTexts, probe, screenshot
from profiles_corpus import write_corpus
from test_i18n import ARABIC_LETTER, LATIN_LETTER, strict  # noqa: F401 (a fixture)

import attribution
from attribution.cli import main
from attribution.i18n import _, use_language
from attribution.profiles import Profiles
from attribution.records import read_records
from attribution.report.pages import TEXT, render_index, render_profiles
from attribution.storycompare import StoryScore, compare_stories, ranked
from attribution.storyfile import read_stories


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return write_corpus(tmp_path_factory.mktemp("pages"))


@pytest.fixture(scope="module")
def profiles(corpus: tuple[Path, Path]) -> Profiles:
    return attribution.profiles(read_records([str(corpus[0])]), stories=read_stories(corpus[1]))


@pytest.fixture(scope="module")
def unaligned(corpus: tuple[Path, Path]) -> Profiles:
    """The profiles without the stories: no chain could be dropped."""
    return attribution.profiles(read_records([str(corpus[0])]))


@pytest.fixture(scope="module")
def scores(corpus: tuple[Path, Path]) -> list[StoryScore]:
    found = ranked(s for _c, s in compare_stories(read_records([str(corpus[0])]), read_stories(corpus[1])))
    # and a story whose articles were not all in the corpus, with an undated one
    return [*found, StoryScore("s-2024-03-20-0001", "جسر المدينة", None, None, ("الفجر", "النهار"), 2, 1, 0, 0, 0,
                               "s-2024-03-20-0001.html")]


def _pages(profiles: Profiles, scores: list[StoryScore], lang: str, unaligned: Profiles | None = None) -> dict[str, str]:
    with use_language(lang):
        return {"profiles": render_profiles(profiles), "index": render_index(scores),
                "empty": render_index([]), "markdown": render_index(scores, "markdown"),
                "csv": render_index(scores, "csv"), "json": render_index(scores, "json"),
                "no_stories": render_profiles(unaligned or profiles), "nothing": render_profiles(attribution.profiles([]))}


def _before_data(html: str) -> str:
    return html.split('<script id="data"')[0]


def _data(html: str) -> object:
    return json.loads(re.search(r'<script id="data" type="application/json">(.*?)</script>', html, re.S).group(1))


def _english(key: str) -> str:
    """The English of ``TEXT[key]`` as the page writes it (escaped)."""
    return escape(str.__str__(TEXT[key]))


@pytest.mark.usefixtures("strict")
def test_both_pages_render_in_both_languages_with_the_same_machine_fields(profiles: Profiles, unaligned: Profiles,
                                                                         scores: list[StoryScore]) -> None:
    en, ar = _pages(profiles, scores, "en", unaligned), _pages(profiles, scores, "ar", unaligned)
    assert len(scores) == 4 and scores[-1].missing == 1 and profiles.terms
    # machine-readable: the CSV, the JSON, the data blocks and the data attributes do not change
    assert en["csv"] == ar["csv"] and en["csv"].startswith("rank,score,story,label,first,last,outlets,")
    assert en["json"] == ar["json"] and json.loads(ar["json"])[0]["score"] == scores[0].score
    for page in ("profiles", "index", "no_stories", "nothing"):
        assert _data(en[page]) == _data(ar[page])
        assert re.findall(r'data-(?:kind|stance)="([^"]+)"', en[page]) == \
            re.findall(r'data-(?:kind|stance)="([^"]+)"', ar[page])
        assert en[page].count("<svg") == ar[page].count("<svg") and en[page].count("<tr>") == ar[page].count("<tr>")
    assert en["profiles"].count('class="bar"') == 12 and en["profiles"].count('class="term"') == 2
    # English: left to right, its words from the catalogue
    for page in ("profiles", "index", "empty"):
        assert '<html lang="en" dir="ltr">' in en[page]
        assert '<html lang="ar"' in ar[page] and '<html lang="ar" dir="rtl">' in ar[page]
    for key in ("summary", "mix", "terms", "col_sentences", "col_drop_rate", "terms_note", "profiles_note"):
        assert _english(key) in en["profiles"] and _english(key) not in _before_data(ar["profiles"])
    for key in ("col_disagreements", "col_drifted", "col_dropped", "col_missing", "index_note"):
        assert _english(key) in en["index"] and _english(key) not in ar["index"]
    assert _english("index_empty") in en["empty"] and _english("no_stories") in en["no_stories"]
    assert _english("terms_empty") in en["nothing"] and _english("no_stories") not in en["profiles"]
    with use_language("ar"):
        arabic = {key: escape(_(TEXT[key])) for key in TEXT}
    for key in ("summary", "mix", "terms", "col_outlet", "col_sentences", "col_own_voice", "col_chain_depth",
                "col_chained", "col_drop_rate", "terms_note", "profiles_note"):
        assert arabic[key] in ar["profiles"] and ARABIC_LETTER.search(arabic[key]), key
    for key in ("col_rank", "col_score", "col_story", "col_dates", "col_disagreements", "col_drifted", "col_dropped",
                "col_missing", "index_note"):
        assert arabic[key] in ar["index"] and ARABIC_LETTER.search(arabic[key]), key
    assert arabic["index_empty"] in ar["empty"] and arabic["no_stories"] in ar["no_stories"]
    assert arabic["terms_empty"] in ar["nothing"] and _english("terms_empty") not in ar["nothing"]
    assert "<h1>ملامح المؤسسات الإعلامية: " in ar["profiles"] and "<h1>Outlet profiles: " in en["profiles"]
    # kinds by their catalogue labels, concepts by label_ar (the id only in a tooltip in Arabic)
    assert "own voice" in en["profiles"] and "agency" in en["profiles"] and "وكالة" in ar["profiles"]
    label = profiles.terms[0]["label"]
    assert f'<span title="armed_groups"><bdi>{label}</bdi></span>' in ar["profiles"]
    assert "armed_groups</span> · " in en["profiles"]


@pytest.mark.usefixtures("strict")
def test_the_arabic_pages_are_right_to_left_with_no_english_left(profiles: Profiles, unaligned: Profiles,
                                                                 scores: list[StoryScore]) -> None:
    ar = _pages(profiles, scores, "ar", unaligned)
    for page in ("profiles", "index", "empty", "no_stories", "nothing"):
        texts = PageTexts(ar[page]).texts
        assert len(texts) > 5
        for text, where in texts:
            tags = [tag for tag, _a in where]
            if {"script", "style", "svg", "title"} & set(tags):
                continue
            if any(t in ("h1", "h2", "h3", "th") for t in tags) and "bdi" not in tags:
                assert not LATIN_LETTER.search(text), f"{page}: English in an Arabic heading: {text!r}"
            if LATIN_LETTER.search(text) or re.search(r"\d", text):
                assert "bdi" in tags, f"{page}: {text!r} is not isolated"
            assert not any(a.get("dir") == "ltr" and tag != "bdi" for tag, a in where), f"{text!r} in an LTR block"
    # the Markdown index: Arabic headings and columns, the same table as in English
    en_md = _pages(profiles, scores, "en")["markdown"]
    heading, _blank, note, _blank2, columns = ar["markdown"].splitlines()[:5]
    assert heading.startswith("# مقارنة القصص: ") and not LATIN_LETTER.search(heading)
    assert ARABIC_LETTER.search(note) and not LATIN_LETTER.search(columns)
    assert ar["markdown"].count("\n|") == en_md.count("\n|") == len(scores) + 2
    assert [line.split(" | ")[0] for line in ar["markdown"].splitlines()[6:]] == \
        [line.split(" | ")[0] for line in en_md.splitlines()[6:]]


@pytest.mark.usefixtures("strict")
def test_the_charts_are_mirrored_in_arabic(profiles: Profiles, scores: list[StoryScore]) -> None:
    en, ar = _pages(profiles, scores, "en")["profiles"], _pages(profiles, scores, "ar")["profiles"]
    for html, rtl in ((en, False), (ar, True)):
        # the terms chart: the outlets' names right of the bars in Arabic, left of them in English
        names = [float(x) for x in re.findall(r'<text x="([\d.]+)" y="\d+" text-anchor="end" font-size="13">', html)]
        bars = [(float(x), float(w)) for x, w in re.findall(r'<rect class="term" [^>]*x="([\d.]+)" y="\d+" '
                                                           r'width="([\d.]+)"', html)]
        assert len(names) == 2 and len(bars) == 2
        if rtl:
            assert min(names) > max(x + w for x, w in bars)
        else:
            assert max(names) < min(x for x, _w in bars)
        # the weekly columns: the first week on the reading side
        panel = html.split('<div class="panel">')[2]  # الفجر, who wrote in both weeks
        weeks = re.findall(r'<text x="([\d.]+)" y="\d+" text-anchor="middle" font-size="11">([^<]+)</text>', panel)
        assert [w for _x, w in weeks] == (["10", "11"] if rtl else ["W10", "W11"])
        assert (float(weeks[0][0]) > float(weeks[1][0])) == rtl
    assert "الأسبوع 10 من 2024" in ar and "week 10 of 2024" in en  # the tooltips name the week in full


def test_the_corpus_commands_speak_the_chosen_language(corpus: tuple[Path, Path], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ar_SA.UTF-8")
    assert main(["profiles", str(corpus[0]), "--stories", str(corpus[1]), "--out", str(tmp_path / "p")]) == 0
    assert "حُلِّلت 8 مقالات" in capsys.readouterr().err
    assert '<html lang="ar" dir="rtl">' in (tmp_path / "p" / "profiles.html").read_text(encoding="utf-8")
    assert main(["--lang", "en", "compare", "--stories", str(corpus[1]), str(corpus[0]), "--out",
                 str(tmp_path / "s")]) == 0
    assert "3 stories compared in" in capsys.readouterr().err
    index = (tmp_path / "s" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en" dir="ltr">' in index and "Stories compared: 3 stories" in index
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["compare", "--lang", "ar", "--stories", str(corpus[1]), str(corpus[0]), "--out",
                 str(tmp_path / "s2")]) == 0
    assert "قورنت 3 قصص" in capsys.readouterr().err
    # the table beside the page is the same whatever the language
    for name in ("index.csv",):
        assert (tmp_path / "s" / name).read_bytes() == (tmp_path / "s2" / name).read_bytes()


# --- in a browser ------------------------------------------------------------------------------------------------

#: Loads the two pages in frames and writes what the browser laid out: each block's direction and rendered text.
_PROBE = """<!DOCTYPE html><html><body>
<iframe id="p" src="profiles.html" style="width:1200px;height:900px"></iframe>
<iframe id="i" src="index.html" style="width:1200px;height:900px"></iframe>
<pre id="out">pending</pre><script>
let loaded = 0;
function seen(id) {
  const d = document.getElementById(id).contentDocument;
  return {dir: getComputedStyle(d.body).direction, lang: d.documentElement.lang,
          items: [...d.querySelectorAll("h1, h2, h3, th, p, td")].map(el => ({
            tag: el.tagName.toLowerCase(), dir: getComputedStyle(el).direction, text: el.innerText}))};
}
for (const id of ["p", "i"]) {
  document.getElementById(id).addEventListener("load", () => {
    if (++loaded === 2) {
      document.getElementById("out").textContent = JSON.stringify({profiles: seen("p"), index: seen("i")});
    }
  });
}
</script></body></html>"""


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_the_arabic_pages_in_chromium(profiles: Profiles, scores: list[StoryScore], tmp_path: Path) -> None:
    with use_language("ar"):
        (tmp_path / "profiles.html").write_text(render_profiles(profiles), encoding="utf-8")
        (tmp_path / "index.html").write_text(render_index(scores), encoding="utf-8")
    laid_out = probe(tmp_path, _PROBE)
    for name, least in (("profiles", 20), ("index", 30)):
        page = laid_out[name]
        assert page["dir"] == "rtl" and page["lang"] == "ar", name
        items = page["items"]
        assert len(items) > least and all(i["dir"] == "rtl" for i in items), [i for i in items if i["dir"] != "rtl"][:3]
        headings = [i["text"] for i in items if i["tag"] in ("h1", "h2", "th")]
        assert not any(LATIN_LETTER.search(h) for h in headings), headings  # no English left in headings
    texts = [i["text"] for i in laid_out["profiles"]["items"]]
    # rendered text in logical order: the numbers whole and where the sentence puts them
    assert "ملامح المؤسسات الإعلامية: 8 مقالات؛ عدد المؤسسات 3 وعدد الأسابيع 2" in texts
    assert "المؤسسات على امتداد المدة كلها" in texts and "جمل المتن" in texts and "سلاسل سقطت (من الاقتباسات المتقابلة)" in texts
    assert "1/1 (100%)" in texts and "50%" in texts
    index = [i["text"] for i in laid_out["index"]["items"]]
    assert "مقارنة القصص: 4 قصص، مرتبةً بحسب اختلاف المؤسسات فيها" in index
    assert "2 (مقالات ناقصة: 1)" in index  # the count, then its note in parentheses, read right to left
    shot = tmp_path / "profiles.png"
    screenshot(tmp_path, tmp_path / "profiles.html", shot, "--allow-file-access-from-files")
    assert shot.exists() and shot.stat().st_size > 20_000
