"""Stories: wire copy groups across outlets, unrelated news of one day does not, the window, inputs raw or
annotated, --jobs and Dask agree, the stories.jsonl shape; on ../shared, the seed articles mixed into the
multi-outlet corpus form one story, and the labelled set of benchmarks/stories_gold.jsonl (on which the
settings were tuned) and the held-out one of benchmarks/stories_heldout.jsonl are grouped with the precision
and recall that docs/stories.md reports."""

from __future__ import annotations

import gzip
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from attribution.stories import Features, find_stories, group_stories, iter_features, story_json

ROOT = Path(__file__).resolve().parent.parent

# Our own short articles (title, blank line, body), as a JSONL corpus writes them.
WIRE = ("وزارة الصحة تسجل حالتين جديدتين بفيروس كورونا في الرياض",
        "أعلنت وزارة الصحة السعودية اليوم تسجيل حالتين جديدتين بفيروس كورونا في منطقة الرياض. "
        "وقال المتحدث الرسمي باسم الوزارة محمد العبدالعالي إن «الحالتين تخضعان للعلاج في مستشفى الملك فهد». "
        "وأضاف أن فرق الوزارة تتابع المخالطين للمصابين في الأحياء الشرقية من المدينة.")
EDITS = [  # the same wire copy, edited a little by each paper
    ("الصحة: حالتان جديدتان بكورونا في الرياض", WIRE[1]),
    ("تسجيل حالتين جديدتين بفيروس كورونا", WIRE[1].replace("اليوم", "أمس").replace("فرق الوزارة", "فرقها")),
    ("كورونا يعود إلى الرياض بحالتين", "قالت وزارة الصحة " + WIRE[1].split(" ", 3)[3]),
]
OTHER = [  # news of the same day about other things
    ("الهلال يفوز على النصر في ديربي العاصمة",
     "فاز فريق الهلال على ضيفه النصر بهدفين مقابل هدف في المباراة التي جمعتهما مساء أمس على ملعب الملك فهد "
     "الدولي ضمن الجولة الخامسة من الدوري. وسجل للهلال مهاجمه البرازيلي في الشوط الثاني."),
    ("أسعار النفط تتراجع مع ارتفاع المخزونات الأمريكية",
     "تراجعت أسعار النفط في تعاملات اليوم بعد أن أظهرت بيانات ارتفاع مخزونات الخام في الولايات المتحدة "
     "للأسبوع الثالث على التوالي. وانخفض خام برنت إلى ستين دولارا للبرميل."),
    ("أمطار رعدية على مرتفعات عسير والباحة",
     "توقعت الرئاسة العامة للأرصاد هطول أمطار رعدية على مرتفعات منطقتي عسير والباحة مع رياح نشطة تثير "
     "الأتربة والغبار على الطرق السريعة، ودعت السائقين إلى الحذر."),
    ("مجلس الوزراء يقر تنظيم هيئة النقل العام",
     "أقر مجلس الوزراء في جلسته الأسبوعية تنظيم هيئة النقل العام، ووافق على اتفاقية للتعاون في مجال "
     "الطاقة المتجددة مع اليابان."),
]
OUTLETS = ["الرياض", "عكاظ", "المدينة", "اليوم"]


def corpus(path: Path, date: str = "2015-07-21", late: str | None = None) -> Path:
    rows = [{"id": "wire", "outlet": "واس", "date": date, "text": "\n\n".join(WIRE)}]
    rows += [{"id": f"copy{i}", "outlet": OUTLETS[i], "date": date, "text": "\n\n".join(t)}
             for i, t in enumerate(EDITS)]
    rows += [{"id": f"other{i}", "outlet": OUTLETS[i], "date": date, "text": "\n\n".join(t)}
             for i, t in enumerate(OTHER)]
    if late:
        rows.append({"id": "late", "outlet": "الوطن", "date": late, "text": "\n\n".join(WIRE)})
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def ids(stories: list) -> list[list[str]]:
    return [[a.id for a in s.articles] for s in stories]


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus(tmp_path_factory.mktemp("stories") / "corpus.jsonl", late="2015-07-27")


@pytest.fixture(scope="module")
def features(jsonl: Path) -> list[Features]:
    return [f for f in iter_features([str(jsonl)]) if isinstance(f, Features)]


def test_wire_copy_groups_and_unrelated_news_does_not(features: list[Features]) -> None:
    stories = group_stories(features)
    grouped = ids(stories)
    assert sorted(["wire", "copy0", "copy1", "copy2"]) in [sorted(g) for g in grouped]
    for i in range(len(OTHER)):
        assert [f"other{i}"] in grouped  # each alone
    wire = next(s for s in stories if len(s.articles) == 4)
    assert len(wire.outlets) == 4 and list(wire.outlets) == sorted(wire.outlets)
    assert "السعودية" in wire.places and wire.quotes == 1 and wire.similarity > 0.3
    assert "كورونا" in wire.label


def test_the_window_closes_a_story(features: list[Features]) -> None:
    late = [g for g in ids(group_stories(features)) if "late" in g]
    assert late == [["late"]]  # the same copy six days later is another story
    assert ["late"] not in ids(group_stories(features, window=7))


def test_min_outlets_and_the_ids(features: list[Features]) -> None:
    stories = group_stories(features, min_outlets=2)
    assert len(stories) == 1 and stories[0].id == "s-2015-07-21-0001"
    everything = group_stories(features)
    assert [s.id for s in everything] == sorted(s.id for s in everything)
    assert everything[-1].id == "s-2015-07-27-0001"
    assert [s.first for s in everything] == sorted(s.first or "" for s in everything)


def test_the_json_shape(features: list[Features]) -> None:
    d = story_json(group_stories(features, min_outlets=2)[0])
    assert list(d) == ["story", "label", "first", "last", "outlets", "articles", "ties"]
    assert list(d["ties"]) == ["sources", "terms", "places", "quotes", "similarity"]
    assert list(d["articles"][0]) == ["id", "outlet", "date", "title"]
    assert [a["date"] for a in d["articles"]] == sorted(a["date"] for a in d["articles"])
    assert d["first"] == d["last"] == "2015-07-21"


def test_annotated_input_gives_the_same_stories(jsonl: Path, tmp_path: Path) -> None:
    annotated = tmp_path / "annotated.jsonl"
    proc = subprocess.run([sys.executable, "-m", "attribution.cli", "annotate", str(jsonl), "--out", str(annotated)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    raw = [story_json(s) for s in find_stories([str(jsonl)])]
    again = [story_json(s) for s in find_stories([str(annotated)])]
    assert again == raw


def test_undated_files_group_among_themselves(tmp_path: Path) -> None:
    for name, (title, body) in [("a.txt", WIRE), ("b.txt", EDITS[1]), ("c.txt", OTHER[0])]:
        (tmp_path / name).write_text(f"{title}\n\n{body}", encoding="utf-8")
    stories = find_stories([str(tmp_path)])
    assert [[Path(i).name for i in g] for g in ids(stories)] == [["a.txt", "b.txt"], ["c.txt"]]
    assert stories[0].id == "s-undated-0001" and stories[0].first is None


def test_cli_jobs_and_failures(jsonl: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(jsonl.read_text(encoding="utf-8") + "not json\n", encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"stories{jobs}.jsonl"
        proc = subprocess.run([sys.executable, "-m", "attribution.cli", "stories", str(bad), "--jobs", jobs,
                               "--min-outlets", "2", "--out", str(out)], capture_output=True, text=True, timeout=300)
        assert proc.returncode == 1 and "E050" in proc.stderr and "1 story (" in proc.stderr
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1] and json.loads(outs[0])["story"] == "s-2015-07-21-0001"


def test_dask_gives_the_same_stories(jsonl: Path) -> None:
    pytest.importorskip("dask.bag")
    import dask

    from attribution.dask import find_stories as dask_stories

    with dask.config.set(scheduler="processes", num_workers=2):
        on_dask = dask_stories([str(jsonl)], npartitions=3)
    assert [story_json(s) for s in on_dask] == [story_json(s) for s in find_stories([str(jsonl)], jobs=2)]


def test_the_docs_commands_run(tmp_path: Path) -> None:
    """docs/stories.md's shell commands, on a made-up corpus in place of the real one."""
    import os
    import re

    page = (ROOT / "docs" / "stories.md").read_text(encoding="utf-8")
    script = "\n".join(re.findall(r"^```sh\n(.*?)^```", page, flags=re.S | re.M))
    real = "../shared/corpus/multi/saudinewsnet.jsonl.gz"
    assert real in script and "attribution stories" in script
    made_up = corpus(tmp_path / "corpus.jsonl")
    with gzip.open(tmp_path / "corpus.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(made_up.read_text(encoding="utf-8"))
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run(["bash", "-euo", "pipefail", "-c", script.replace(real, str(tmp_path / "corpus.jsonl.gz"))],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    stories = [json.loads(x) for x in (tmp_path / "stories.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [sorted(a["id"] for a in s["articles"]) for s in stories] == [["copy0", "copy1", "copy2", "wire"]]


# ------------------------------------------------------------------------- the corpus (needs ../shared)

#: Pairwise precision and recall on the labelled set, on the slice below (0.67 and 0.91 when set: the weights
#: come from the slice, so precision is lower than on the whole corpus, which docs/stories.md gives); floors
#: a change must not go under.
PRECISION_FLOOR, RECALL_FLOOR = 0.65, 0.88
MULTI = ROOT.parent / "shared" / "corpus" / "multi" / "saudinewsnet.jsonl.gz"


def _labelled(name: str) -> list[dict]:
    return [json.loads(x) for x in (ROOT / "benchmarks" / name).read_text("utf-8").splitlines()]


def gold() -> list[dict]:
    return _labelled("stories_gold.jsonl")


def _corpus_slice(path: Path, wanted: set[str], every: int) -> Path:
    """The articles ``wanted`` and one in ``every`` of the multi-outlet corpus, copied to ``path``."""
    if not MULTI.is_file():
        pytest.skip("the multi-outlet corpus is not in ../shared")
    with gzip.open(MULTI, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for n, line in enumerate(src):
            if n % every == 0 or json.loads(line)["id"] in wanted:
                out.write(line)
    return path


def pairwise(stories: list, labelled: list[dict]) -> tuple[float, float]:
    """Pairwise precision and recall of ``stories`` on the labelled articles (the others are not scored)."""
    truth = {a: g["story"] for g in labelled for a in g["articles"]}
    found = {a.id: s.id for s in stories for a in s.articles}
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(truth), 2):
        same, said = truth[a] == truth[b], a in found and found.get(a) == found.get(b)
        tp += same and said
        fp += said and not same
        fn += same and not said
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def test_pairwise_scoring() -> None:
    class A:
        def __init__(self, i: str) -> None:
            self.id = i

    class S:
        def __init__(self, sid: str, *members: str) -> None:
            self.id, self.articles = sid, [A(m) for m in members]

    labelled = [{"story": "x", "articles": ["a", "b", "c"]}, {"story": "y", "articles": ["d", "e"]}]
    assert pairwise([S("1", "a", "b", "c"), S("2", "d", "e")], labelled) == (1.0, 1.0)
    assert pairwise([S("1", "a", "b"), S("2", "c", "d", "e")], labelled) == (0.5, 0.5)


@pytest.fixture(scope="module")
def corpus_slice(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    """The five seed articles (dated inside the corpus's three weeks, outlets of their own) mixed into the
    labelled articles and one article in forty of the multi-outlet corpus."""
    path = _corpus_slice(tmp_path_factory.mktemp("slice") / "slice.jsonl",
                         {a for g in gold() for a in g["articles"]}, 40)
    with path.open("a", encoding="utf-8") as out:
        for i, seed in enumerate(sorted((shared / "corpus" / "seeds").glob("*.txt"))):
            out.write(json.dumps({"id": f"seed-{i}", "outlet": f"seed outlet {i}", "date": f"2015-07-2{2 + i % 2}",
                                  "text": seed.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def slice_stories(corpus_slice: Path) -> list:
    return find_stories([str(corpus_slice)], jobs=2)


def test_the_seed_articles_are_one_story_and_nothing_else(slice_stories: list) -> None:
    seeds = [s for s in slice_stories if any(a.id.startswith("seed-") for a in s.articles)]
    assert len(seeds) == 1
    assert sorted(a.id for a in seeds[0].articles) == [f"seed-{i}" for i in range(5)]


def test_the_labelled_stories(slice_stories: list) -> None:
    precision, recall = pairwise(slice_stories, gold())
    assert precision >= PRECISION_FLOOR and recall >= RECALL_FLOOR, (precision, recall)


# ------------------------------------------------------------------ the held-out set (needs ../shared)

#: Pairwise precision and recall on the held-out set (days and stories that played no part in choosing the
#: settings), on its own slice below (0.848 and 1.0 when set, the same with one article in forty); floors a
#: change must not go under.
HELDOUT_PRECISION_FLOOR, HELDOUT_RECALL_FLOOR = 0.83, 0.97


def heldout() -> list[dict]:
    return _labelled("stories_heldout.jsonl")


def test_the_heldout_set_is_apart_from_the_tuning_set() -> None:
    """No article twice, none shared with the set the settings were tuned on, and a story id once each; the
    set mixes stories of several outlets with single articles that must stay alone."""
    held = heldout()
    ids = [a for g in held for a in g["articles"]]
    assert len(ids) == len(set(ids))
    assert not set(ids) & {a for g in gold() for a in g["articles"]}
    assert len({g["story"] for g in held}) == len(held)
    sizes = [len(g["articles"]) for g in held]
    assert sum(n >= 2 for n in sizes) >= 15 and sum(n == 1 for n in sizes) >= 5


@pytest.fixture(scope="module")
def heldout_stories(tmp_path_factory: pytest.TempPathFactory) -> list:
    """``stories`` on the held-out articles mixed into one article in eighty of the multi-outlet corpus (half
    the gold slice's, to keep the suite fast; one in forty gives the same figures)."""
    path = _corpus_slice(tmp_path_factory.mktemp("heldout") / "slice.jsonl",
                         {a for g in heldout() for a in g["articles"]}, 80)
    return find_stories([str(path)], jobs=2)


def test_the_heldout_stories(heldout_stories: list) -> None:
    precision, recall = pairwise(heldout_stories, heldout())
    assert precision >= HELDOUT_PRECISION_FLOOR and recall >= HELDOUT_RECALL_FLOOR, (precision, recall)
