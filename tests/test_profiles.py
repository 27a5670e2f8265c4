"""Comparisons at scale (``attribution compare --stories``) and outlet profiles (``attribution profiles``), on
the made-up corpus of tests/profiles_corpus.py: three outlets, two ISO weeks, four stories."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from helpers import CHROMIUM, chromium, screenshot
from profiles_corpus import DOCS, write_corpus

import attribution
from attribution.cli import main
from attribution.errors import InputError
from attribution.profiles import ProfileBuilder, iso_week
from attribution.records import Record, read_records
from attribution.report.pages import TEXT, render_index, render_profiles
from attribution.storycompare import compare_stories, ranked
from attribution.storyfile import Story, StoryArticle, StoryGatherer, read_stories


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def records(corpus: tuple[Path, Path]) -> list[Record]:
    return list(read_records([str(corpus[0])]))


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


# --- the stories file ---------------------------------------------------------------------------


def test_read_stories_reads_the_agreed_format(corpus: tuple[Path, Path]) -> None:
    stories = list(read_stories(corpus[1]))
    assert [s.story for s in stories] == ["s-2024-03-04-0001", "s-2024-03-05-0001", "s-2024-03-06-0001",
                                          "s-2024-03-12-0001"]
    assert stories[0].ids == ("fajr-1", "nahar-1", "sabah-1")
    assert stories[0].articles[1] == StoryArticle("nahar-1", "النهار", "2024-03-04", "هجوم على الحدود")
    assert stories[0].ties["similarity"] == 0.5


def test_a_malformed_story_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    path.write_text('{"story": "s1", "articles": [{"id": "a"}]}\n\n{"story": "s2", "articles": [{"outlet": "x"}]}\n',
                    encoding="utf-8")
    with pytest.raises(InputError, match=rf"E090 {path}:3: not a story"):
        list(read_stories(path))
    path.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(InputError, match=":1: not a story"):
        list(read_stories(path))
    with pytest.raises(InputError, match="E001"):
        list(read_stories(tmp_path / "missing.jsonl"))


def test_the_gatherer_hands_back_a_story_once_complete_and_skips_single_outlet_stories() -> None:
    two = Story("s2", "", None, None, ("A", "B"), (StoryArticle("a", "A"), StoryArticle("b", "B")))
    one = Story("s1", "", None, None, ("A",), (StoryArticle("c", "A"),))
    three = Story("s3", "", None, None, ("A", "B"), (StoryArticle("d", "A"), StoryArticle("e", "B")))
    g: StoryGatherer[str] = StoryGatherer([two, one, three])
    assert not g.wanted("c")  # a story of one outlet is not gathered
    assert g.add("b", "B text") == [] and g.add("d", "D text") == []
    assert g.add("a", "A text") == [(two, ["A text", "B text"])]  # the story's order, not arrival order
    assert not g.wanted("a")
    assert [(s.story, items, missing) for s, items, missing in g.rest()] == [("s3", ["D text"], ["e"])]


# --- comparisons at scale -----------------------------------------------------------------------


def test_stories_are_compared_and_ranked_by_how_much_the_outlets_differ(records: list[Record],
                                                                         corpus: tuple[Path, Path]) -> None:
    done = list(compare_stories(records, read_stories(corpus[1])))
    scores = ranked(s for _, s in done)
    assert [s.story for s in scores] == ["s-2024-03-04-0001", "s-2024-03-12-0001", "s-2024-03-05-0001"]
    border = scores[0]
    # «فصائل المقاومة» against «ميليشيات موالية لإيران» in the outlets' own voice; the Reuters quote with its
    # term swapped and its source upgraded; النهار drops the chain «رويترز → مصادر أمنية»
    assert (border.disagreements, border.drifted, border.dropped, border.score) == (1, 1, 1, 3)
    assert border.outlets == ("الصباح", "الفجر", "النهار") and border.articles == 3
    road = scores[-1]
    assert (road.score, road.outlets) == (0, ("الصباح", "الفجر"))  # the same wording: nothing differs
    comparison = next(c for c, s in done if s.story == "s-2024-03-04-0001")
    assert comparison.names == ("الفجر", "النهار", "الصباح")  # the outlets the stories file names


def test_a_story_missing_articles_is_compared_with_those_found_and_warned(records: list[Record],
                                                                          corpus: tuple[Path, Path]) -> None:
    warnings: list[str] = []
    kept = [r for r in records if r.id != "sabah-1"]
    done = list(compare_stories(kept, read_stories(corpus[1]), warn=warnings.append))
    border = next(s for _, s in done if s.story == "s-2024-03-04-0001")
    assert (border.articles, border.missing) == (2, 1)
    assert warnings == ["W091 story s-2024-03-04-0001: 1 of its articles are not in the corpus given (first: "
                        "sabah-1); it is compared without them"]


def test_compare_stories_command_writes_a_page_per_story_and_the_index(corpus: tuple[Path, Path], tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "stories"
    assert main(["compare", "--stories", str(corpus[1]), str(corpus[0]), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["index.csv", "index.html", "s-2024-03-04-0001.html",
                                                     "s-2024-03-05-0001.html", "s-2024-03-12-0001.html"]
    rows = _csv(out / "index.csv")
    assert [(r["rank"], r["story"], r["score"]) for r in rows] == [
        ("1", "s-2024-03-04-0001", "3"), ("2", "s-2024-03-12-0001", "1"), ("3", "s-2024-03-05-0001", "0")]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.index('href="s-2024-03-04-0001.html"') < index.index('href="s-2024-03-05-0001.html"')
    page = (out / "s-2024-03-04-0001.html").read_text(encoding="utf-8")
    assert "ميليشيات موالية لإيران" in page and "chain_dropped" in page
    assert "3 stories compared" in capsys.readouterr().err
    md = tmp_path / "md"
    assert main(["compare", "--stories", str(corpus[1]), str(corpus[0]), "--out", str(md), "--format",
                 "markdown"]) == 0
    assert "[هجوم الحدود](s-2024-03-04-0001.md)" in (md / "index.md").read_text(encoding="utf-8")
    assert (md / "s-2024-03-04-0001.md").read_text(encoding="utf-8").startswith("# Comparison of 3 outlets")


def test_compare_stories_needs_out(corpus: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--stories", str(corpus[1]), str(corpus[0])]) == 2
    assert "E092 compare --stories needs --out DIRECTORY" in capsys.readouterr().err
    assert main(["profiles", str(corpus[0])]) == 2
    assert "E092 profiles needs --out" in capsys.readouterr().err


def test_a_missing_or_malformed_stories_file_is_a_usage_error(corpus: tuple[Path, Path], tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["compare", "--stories", str(tmp_path / "nope.jsonl"), str(corpus[0]), "--out", str(out)]) == 2
    assert "E001" in capsys.readouterr().err and not out.exists()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    assert main(["profiles", str(corpus[0]), "--stories", str(bad), "--out", str(out)]) == 2
    assert f"E090 {bad}:1: not a story" in capsys.readouterr().err and not out.exists()


def test_the_index_in_every_format() -> None:
    from attribution.storycompare import StoryScore

    s = StoryScore("s-1", "عنوان", "2024-03-01", None, ("أ", "ب"), 2, 0, 2, 0, 1, "s-1.html")
    assert json.loads(render_index([s], "json"))[0]["score"] == 3
    assert "| 1 | 3 | [عنوان](s-1.html) | 2024-03-01 |" in render_index([s], "markdown")
    assert TEXT["index_empty"] in render_index([], "html") and TEXT["index_empty"] in render_index([], "markdown")


# --- outlet profiles ----------------------------------------------------------------------------


def test_iso_weeks() -> None:
    assert [iso_week(d) for d in ("2024-03-04", "2024-03-10", "2024-03-11", "2021-01-03", None, "", "2024-13-01")] \
        == ["2024-W10", "2024-W10", "2024-W11", "2020-W53", None, None, None]


def test_profiles_figures_by_outlet_and_week(records: list[Record], corpus: tuple[Path, Path]) -> None:
    p = attribution.profiles(records, stories=read_stories(corpus[1]))
    rows = {(r["outlet"], r["week"]): r for r in p.outlets}
    assert sorted(rows) == [("الصباح", "2024-W10"), ("الفجر", "2024-W10"), ("الفجر", "2024-W11"),
                            ("النهار", "2024-W10"), ("النهار", "2024-W11")]
    fajr = rows["الفجر", "2024-W10"]
    # fajr-1: unnamed sources (via Reuters) + its own voice; fajr-2: the minister → 3 body sentences, 1 own
    assert (fajr["articles"], fajr["sentences"], fajr["own_voice"]) == (2, 3, 0.3333)
    assert (fajr["attributions"], fajr["chain_depth"], fajr["chained"]) == (2, 1.5, 0.5)
    assert (fajr["aligned"], fajr["dropped"], fajr["drop_rate"]) == (0, 0, None)  # nobody kept a longer chain
    nahar = rows["النهار", "2024-W10"]
    assert (nahar["sentences"], nahar["own_voice"], nahar["chain_depth"]) == (4, 0.75, 1.0)
    assert (nahar["aligned"], nahar["dropped"], nahar["drop_rate"]) == (1, 1, 1.0)  # «رويترز» without its sources
    assert p.stories == 3
    speakers = {(r["outlet"], r["week"], r["kind"]): (r["sentences"], r["share"]) for r in p.speakers}
    assert speakers["الفجر", "2024-W11", "government"] == (1, 0.5)
    assert speakers["النهار", "2024-W11", "unnamed_source"] == (1, 0.5)
    terms = [(r["outlet"], r["week"], r["concept"], r["variant"], r["stance"], r["count"]) for r in p.terms]
    # own voice only: the Reuters quote's terms are not the outlets' words
    assert terms == [("الفجر", "2024-W10", "armed_groups", "فصائل المقاومة", "positive", 1),
                     ("النهار", "2024-W10", "armed_groups", "ميليشيات موالية لإيران", "negative", 1)]
    assert p.terms[0]["label"] != "armed_groups"  # the lexicon's Arabic label


def test_profiles_without_stories_leave_drops_empty(records: list[Record]) -> None:
    p = attribution.profiles(records)
    assert {(r["aligned"], r["dropped"], r["drop_rate"]) for r in p.outlets} == {(None, None, None)}
    assert p.stories == 0 and TEXT["no_stories"] in render_profiles(p)


def test_profiles_of_plain_articles_take_ids_and_dates_from_meta() -> None:
    docs = [dict(d) for d in DOCS[:2]]
    p = attribution.profiles(attribution.annotate_many(docs), meta=docs)
    assert [(r["outlet"], r["week"], r["articles"]) for r in p.outlets] == [("الفجر", "2024-W10", 1),
                                                                            ("النهار", "2024-W10", 1)]
    undated = attribution.profiles([attribution.annotate("قال الوزير إن الطريق مفتوح.")])
    assert [(r["outlet"], r["week"]) for r in undated.outlets] == [(None, None)]


def test_profiles_command_writes_tables_and_page(corpus: tuple[Path, Path], tmp_path: Path,
                                                 records: list[Record]) -> None:
    out = tmp_path / "profiles"
    assert main(["profiles", str(corpus[0]), "--stories", str(corpus[1]), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["outlets.csv", "profiles.html", "speakers.csv", "terms.csv"]
    expected = attribution.profiles(records, stories=read_stories(corpus[1]))
    outlets = _csv(out / "outlets.csv")
    assert len(outlets) == len(expected.outlets)
    assert outlets[3]["drop_rate"] == "1.0" and outlets[1]["drop_rate"] == ""  # None is an empty cell
    page = (out / "profiles.html").read_text(encoding="utf-8")
    assert page.count('class="bar"') == len(expected.speakers) and page.count('class="term"') == 2


def test_annotated_input_gives_the_same_profiles_as_raw_and_jobs_do_not_change_them(
        corpus: tuple[Path, Path], tmp_path: Path) -> None:
    annotated = tmp_path / "annotated.jsonl"
    assert main(["annotate", str(corpus[0]), "--out", str(annotated)]) == 0
    runs = {}
    for name, args in {"raw": [str(corpus[0])], "annotated": [str(annotated)],
                       "jobs": [str(corpus[0]), "--jobs", "2"]}.items():
        out = tmp_path / name
        assert main(["profiles", *args, "--stories", str(corpus[1]), "--out", str(out)]) == 0
        runs[name] = {f: (out / f).read_bytes() for f in ("outlets.csv", "speakers.csv", "terms.csv", "profiles.html")}
    assert runs["raw"] == runs["annotated"] == runs["jobs"]


def test_profiles_parquet(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "pq"
    assert main(["profiles", str(corpus[0]), "--out", str(out), "--format", "parquet"]) == 0
    table = pq.read_table(out / "outlets.parquet")
    assert table.num_rows == 5 and str(table.schema.field("own_voice").type) == "double"
    assert pq.read_table(out / "terms.parquet").column("variant").to_pylist()[0] == "فصائل المقاومة"


def test_profiles_to_pandas(records: list[Record]) -> None:
    pytest.importorskip("pandas")
    frames = attribution.profiles(records).to_pandas()
    speakers = frames["speakers"]
    mix = speakers[speakers["outlet"] == "النهار"].groupby("week")["share"].sum()
    assert list(mix.round(6)) == [1.0, 1.0]  # each outlet-week's shares add up


def test_a_failed_document_is_reported_and_the_rest_profiled(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(DOCS[0], ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    assert main(["profiles", str(corpus), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "E050" in err and "1 article profiled" in err


def test_the_builder_counts_body_sentences_only() -> None:
    b = ProfileBuilder()
    article = attribution.annotate("عنوان الخبر\n\nقال الوزير إن الطريق مفتوح.\nوتشهد المدينة حركة نشطة.",
                                   outlet="الفجر")
    b.add(Record("x", "2024-03-04", article))
    row = b.build().outlets[0]
    body = [s for s in article.sentences if s.region == "body"]
    assert row["sentences"] == len(body) < len(article.sentences)


# --- in a browser -------------------------------------------------------------------------------


def _dom(page: Path, tmp_path: Path, shot: Path | None = None) -> str:
    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    if shot is not None:
        screenshot(tmp_path, page, shot)
    return dom


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium (Debian package 'chromium') is not installed")
def test_the_index_and_the_profile_page_render_in_chromium(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["compare", "--stories", str(corpus[1]), str(corpus[0]), "--out", str(out / "stories")]) == 0
    assert main(["profiles", str(corpus[0]), "--stories", str(corpus[1]), "--out", str(out / "profiles")]) == 0
    index = _dom(out / "stories" / "index.html", tmp_path)
    assert index.count("<tr>") == 4 and index.count('<a href="s-') == 3  # a header and a row per story
    assert '<html lang="en" dir="ltr">' in index and "<bdi>هجوم الحدود</bdi>" in index  # English here
    shot = tmp_path / "profiles.png"
    page = _dom(out / "profiles" / "profiles.html", tmp_path, shot)
    assert page.count("<svg") == 4  # a speaker-mix panel per outlet and one term chart
    # a bar segment per outlet, week and speaker kind: الصباح 3, الفجر 3 + 2, النهار 2 + 2
    assert page.count('class="bar"') == 12 and page.count('class="term"') == 2
    assert "<script>" not in page  # nothing runs: the only script element is the JSON data block
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page
    assert shot.exists() and shot.stat().st_size > 20_000  # a page with content, not a blank one


# --- reading a corpus ---------------------------------------------------------------------------


def test_records_stream_from_annotated_input(corpus: tuple[Path, Path], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """An annotated corpus is not read whole before its first record comes (it once was: 790 MB on the
    14-outlet corpus)."""
    import attribution.records as records_module

    annotated = tmp_path / "annotated.jsonl"
    assert main(["annotate", str(corpus[0]), "--out", str(annotated)]) == 0
    read = []
    original = records_module.iter_documents

    def counting(inputs: list[str], parse: bool = True):  # type: ignore[no-untyped-def]
        for item in original(inputs, parse=parse):
            read.append(item)
            yield item

    monkeypatch.setattr(records_module, "iter_documents", counting)
    stream = read_records([str(annotated)])
    first = next(stream)
    assert first.id == "fajr-1" and len(read) == 1
    assert [r.id for r in stream] == [d["id"] for d in DOCS[1:]]


def test_records_keep_input_order_across_raw_and_annotated_inputs(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    annotated = tmp_path / "annotated.jsonl"
    assert main(["annotate", str(corpus[0]), "--out", str(annotated)]) == 0
    raw = tmp_path / "raw.txt"
    raw.write_text("قال الوزير إن الطريق مفتوح.", encoding="utf-8")
    ids = [r.id for r in read_records([str(raw), str(annotated), str(raw)], jobs=2, keep=lambda i: i != "nahar-2")]
    assert ids == [str(raw), *(d["id"] for d in DOCS if d["id"] != "nahar-2"), str(raw)]
