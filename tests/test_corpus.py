"""Corpus scale: inputs, streaming JSONL, --jobs order, failures recorded, --resume, tables, parquet, Dask."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import attribution
from attribution.cli import main
from attribution.corpus import Document, Failure, annotate_pairs, iter_documents

TEXTS = [f"قال المتحدث رقم {i} إن الاجتماع سيعقد غدا. وأضاف أن فصائل مسلحة هاجمت الموقع." for i in range(12)]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "attribution.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=300)


def test_inputs_files_directories_jsonl(tmp_path: Path) -> None:
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (tmp_path / "d" / "sub" / "b.md").write_text(TEXTS[1], encoding="utf-8")
    (tmp_path / "d" / "skip.json").write_text("{}", encoding="utf-8")
    jl = tmp_path / "c.jsonl"
    jl.write_text("\n".join([json.dumps({"id": "x1", "text": TEXTS[2], "outlet": "صحيفة", "date": "2024-01-02"}),
                             "not json", json.dumps({"id": "x3"})]) + "\n", encoding="utf-8")
    docs = list(iter_documents([str(tmp_path / "d"), str(jl)]))
    assert [d.id for d in docs][:3] == [str(tmp_path / "d" / "a.txt"), str(tmp_path / "d" / "sub" / "b.md"), "x1"]
    assert isinstance(docs[2], Document) and docs[2].outlet == "صحيفة"
    assert isinstance(docs[3], Failure) and ":2" in docs[3].id and not docs[3].unreadable
    assert isinstance(docs[4], Failure) and docs[4].id == "x3"


def test_failures_are_recorded_and_counted(tmp_path: Path) -> None:
    jl = tmp_path / "c.jsonl"
    jl.write_text(json.dumps({"id": "ok", "text": TEXTS[0]}) + "\nbroken\n", encoding="utf-8")
    proc = run("annotate", str(jl))
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["ok", f"{jl}:2"]
    assert "error" in lines[1] and "attributions" in lines[0]
    assert proc.returncode == 1 and "1 failed" in proc.stderr


def test_jobs_keep_order_and_match_one_process(tmp_path: Path) -> None:
    jl = tmp_path / "c.jsonl"
    jl.write_text("\n".join(json.dumps({"id": f"d{i}", "text": t}) for i, t in enumerate(TEXTS)) + "\n",
                  encoding="utf-8")
    one = run("annotate", str(jl)).stdout.splitlines()
    two = run("annotate", "--jobs", "2", str(jl)).stdout.splitlines()
    assert [json.loads(x)["id"] for x in two] == [f"d{i}" for i in range(len(TEXTS))]
    assert one == two
    api = list(attribution.annotate_many(TEXTS, n_process=2))
    assert [attribution.to_json(a) for a in api] == [attribution.to_json(attribution.annotate(t)) for t in TEXTS]


def test_stdin_jsonl() -> None:
    stdin = "\n".join(json.dumps({"id": f"s{i}", "text": t}) for i, t in enumerate(TEXTS[:3]))
    proc = run("annotate", "-", stdin=stdin)
    assert [json.loads(x)["id"] for x in proc.stdout.splitlines()] == ["s0", "s1", "s2"]


def test_resume_skips_done_ids(tmp_path: Path) -> None:
    jl = tmp_path / "c.jsonl"
    jl.write_text("\n".join(json.dumps({"id": f"d{i}", "text": t}) for i, t in enumerate(TEXTS[:5])) + "\n",
                  encoding="utf-8")
    out = tmp_path / "out.jsonl"
    first = "\n".join(json.dumps({"id": f"d{i}", "text": t}) for i, t in enumerate(TEXTS[:2]))
    (tmp_path / "first.jsonl").write_text(first + "\n", encoding="utf-8")
    assert main(["annotate", str(tmp_path / "first.jsonl"), "--out", str(out)]) == 0
    with out.open("a", encoding="utf-8") as fh:
        fh.write('{"id": "d2", "text": "cut sho')  # an interrupted run's last line
    assert main(["annotate", str(jl), "--out", str(out), "--resume"]) == 0
    ids = []
    for line in out.read_text(encoding="utf-8").splitlines():
        try:
            ids.append(json.loads(line)["id"])
        except json.JSONDecodeError:
            continue
    assert ids == ["d0", "d1", "d2", "d3", "d4"]
    assert main(["annotate", str(jl), "--resume"]) == 2  # --resume needs --out


def test_tables_join() -> None:
    arts = [attribution.annotate(t) for t in TEXTS[:3]]
    t = attribution.tables(arts, ids=["a", "b", "c"])
    assert [r["article_id"] for r in t.articles] == ["a", "b", "c"]
    sentence_ids = {r["sentence_id"] for r in t.sentences}
    attribution_ids = {r["attribution_id"] for r in t.attributions}
    assert all(r["attribution_id"] in attribution_ids for r in t.sentences if r["attribution_id"])
    assert len(sentence_ids) == len(t.sentences) and all(r["article_id"] in {"a", "b", "c"} for r in t.terms)
    frames = t.to_pandas()
    joined = frames["terms"].merge(frames["articles"], on="article_id")
    assert len(joined) == len(t.terms)


def test_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    jl = tmp_path / "c.jsonl"
    jl.write_text("\n".join(json.dumps({"id": f"d{i}", "text": t}) for i, t in enumerate(TEXTS[:4])) + "\n",
                  encoding="utf-8")
    assert main(["annotate", str(jl), "--format", "parquet", "--out", str(tmp_path / "pq")]) == 0
    articles = pq.read_table(tmp_path / "pq" / "articles.parquet").to_pylist()
    terms = pq.read_table(tmp_path / "pq" / "terms.parquet").to_pylist()
    assert [a["article_id"] for a in articles] == ["d0", "d1", "d2", "d3"]
    assert terms and all(t["article_id"].startswith("d") for t in terms)


META_RECORDS = [
    {"id": "m1", "text": "وتقع البلدة قرب الحدود. وقال الوزير إن الطريق مفتوح.", "date": "2024-03-01",
     "url": "https://example.org/m1"},
    {"id": "m2", "text": "وتقع البلدة قرب الحدود.", "outlet": "الجزيرة"},
]


def test_tables_carry_date_and_url_and_no_name_for_an_unnamed_outlet() -> None:
    t = attribution.tables(attribution.annotate_many(META_RECORDS), meta=META_RECORDS)
    assert [(r["article_id"], r["date"], r["url"]) for r in t.articles] == [
        ("m1", "2024-03-01", "https://example.org/m1"), ("m2", None, None)]
    own = [(r["article_id"], r["speaker_kind"], r["speaker_name"]) for r in t.sentences if r["speaker_kind"] == "outlet"]
    assert own == [("m1", "outlet", None), ("m2", "outlet", "الجزيرة")]  # never the word "outlet" as a name
    assert all(r["speaker_name"] != "outlet" for r in t.terms)
    assert list(t.to_pandas()["articles"].columns[:5]) == ["article_id", "path", "outlet", "date", "url"]
    assert [r["article_id"] for r in attribution.tables(attribution.annotate_many(META_RECORDS), ids=["x", "y"],
                                                        meta=META_RECORDS).articles] == ["x", "y"]  # ids= wins


def test_parquet_carries_jsonl_date_and_url(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    jl = tmp_path / "c.jsonl"
    jl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in META_RECORDS) + "\n", encoding="utf-8")
    assert main(["annotate", str(jl), "--format", "parquet", "--out", str(tmp_path / "pq")]) == 0
    articles = pq.read_table(tmp_path / "pq" / "articles.parquet").to_pylist()
    assert [(a["article_id"], a["date"], a["url"]) for a in articles] == [
        ("m1", "2024-03-01", "https://example.org/m1"), ("m2", None, None)]
    sentences = pq.read_table(tmp_path / "pq" / "sentences.parquet").to_pylist()
    assert {(s["article_id"], s["speaker_name"]) for s in sentences if s["speaker_kind"] == "outlet"} == {
        ("m1", None), ("m2", "الجزيرة")}


def test_annotate_pairs_never_raises() -> None:
    pairs = list(annotate_pairs(["قال الوزير إن الاتفاق قريب.", {"no": "text"}]))
    assert isinstance(pairs[1][1], Failure)


def test_dask_local_cluster_matches_one_process() -> None:
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.dataframe")
    import dask.dataframe as dd
    import pandas as pd

    from attribution.dask import annotate_bag, annotate_frame

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        got = annotate_bag(TEXTS, npartitions=4).compute()
        assert [attribution.to_json(a) for a in got] == [attribution.to_json(attribution.annotate(t)) for t in TEXTS]
        dates = [f"2024-02-{i + 1:02d}" if i % 2 else None for i in range(len(TEXTS))]
        ddf = dd.from_pandas(pd.DataFrame({"id": [f"d{i}" for i in range(len(TEXTS))], "text": TEXTS,
                                           "date": dates}), npartitions=3)
        tables = annotate_frame(ddf, text="text", id="id")
        articles = tables["articles"].compute()
        terms = tables["terms"].compute()
    expected = attribution.tables([attribution.annotate(t) for t in TEXTS], ids=[f"d{i}" for i in range(len(TEXTS))],
                                  meta=[{"date": d} for d in dates])
    assert list(articles["article_id"]) == [r["article_id"] for r in expected.articles]
    got_dates = [None if pd.isna(d) else d for d in articles["date"]]  # pandas may show a null as NA
    assert got_dates == dates == [r["date"] for r in expected.articles]  # the frame's date column
    assert articles["url"].isna().all()  # no url column: null
    assert list(terms["term_id"]) == [r["term_id"] for r in expected.terms]


def test_html_and_markdown_files_are_read_as_their_prose(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<html><script>var s = "قال الوزير إن المصنع أغلق";</script><body><p>وقالت الوزارة إن '
                    "الطريق مفتوح.</p></body></html>", encoding="utf-8")
    (doc,) = list(iter_documents([str(page)]))
    assert isinstance(doc, Document) and len(doc.text) == len(page.read_text(encoding="utf-8"))
    a = attribution.annotate(doc.text)
    assert [x.source.name for x in a.attributions] == ["الوزارة"]  # not the script's string
