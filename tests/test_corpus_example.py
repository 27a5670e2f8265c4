"""docs/corpus-example.md: its Dask script runs as a script (Dask's worker processes import it) and prints what
one process computes from the same articles; its shell commands run and their Parquet tables are the ones
``attribution.tables`` gives. On a small made-up corpus, so these run without ../shared (the page's doctests
read the real corpus and are skipped without it)."""

from __future__ import annotations

import gzip
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import attribution

PAGE = Path(__file__).resolve().parent.parent / "docs" / "corpus-example.md"
REAL = "../shared/corpus/multi/saudinewsnet.jsonl.gz"

SENTENCES = [
    "قال وزير النقل إن الطريق الجديد سيفتح الشهر المقبل.",
    "وأكد مصدر مطلع أن المفاوضات بلغت مرحلة حاسمة.",
    "وتشهد الأسواق حركة نشطة مع بداية الموسم.",
    "وقالت وزارة الصحة إن عدد الحالات تراجع هذا الأسبوع.",
    "وأضاف سالم العتيبي أن المزارعين ينتظرون المطر.",
    "وذكرت وكالة الأنباء أن الوفد وصل إلى العاصمة مساء أمس.",
]
OUTLETS = ["الفجر", "النهار", "الصباح"]


def made_up_corpus(path: Path, n: int = 12) -> list[dict[str, str]]:
    docs = [{"id": f"d{i}", "outlet": OUTLETS[i % 3], "date": f"2024-03-{1 + i:02d}", "url": f"https://example.org/{i}",
             "text": "عنوان الخبر رقم " + str(i) + "\n\n" + " ".join(SENTENCES[(i + k) % len(SENTENCES)]
                                                                  for k in range(1 + i % 4))}
            for i in range(n)]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return docs


def blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", PAGE.read_text(encoding="utf-8"), flags=re.S | re.M)


def one_process_summary(docs: list[dict[str, str]]) -> str:
    import pandas as pd

    frames = attribution.tables(attribution.annotate_many(docs), ids=[d["id"] for d in docs]).to_pandas()
    outlet = frames["articles"].set_index("article_id")["outlet"]
    s, a = frames["sentences"], frames["attributions"]
    mix = pd.crosstab(s["article_id"].map(outlet).rename("outlet"), s["speaker_kind"], normalize="index")
    lines = [(100 * mix).round(1).to_string()]
    counts = a.groupby([a["article_id"].map(outlet).rename("outlet"), "source_name"]).size()
    for name in sorted(set(counts.index.get_level_values("outlet"))):
        top = sorted(counts[name].items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        lines.append(f"{name}: " + ", ".join(f"{source} ({n})" for source, n in top))
    return "\n".join(lines) + "\n"


def test_the_page_has_a_guarded_dask_script_and_shell_commands() -> None:
    scripts = [b for b in blocks("python") if "annotate_frame" in b]
    assert len(scripts) == 1 and 'if __name__ == "__main__":' in scripts[0]
    assert any("--jobs 2" in b and "attribution annotate" in b for b in blocks("sh"))
    assert "corpus-example.md" in (PAGE.parent.parent / "mkdocs.yml").read_text(encoding="utf-8")


def test_dask_script_runs_and_matches_one_process(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    pytest.importorskip("dask.dataframe")
    (script,) = [b for b in blocks("python") if "annotate_frame" in b]
    (tmp_path / "corpus_dask.py").write_text(script, encoding="utf-8")
    docs = made_up_corpus(tmp_path / "corpus.jsonl.gz")
    proc = subprocess.run([sys.executable, "corpus_dask.py", "corpus.jsonl.gz"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    expected = one_process_summary(docs)
    assert len(expected.splitlines()) == 2 + len(OUTLETS) * 2  # a mix row and a sources line per outlet
    assert proc.stdout == expected


def test_shell_commands_run_and_give_the_tables(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    docs = made_up_corpus(tmp_path / "corpus.jsonl.gz")
    cli = f"{shlex.quote(sys.executable)} -m attribution.cli "
    commands = [line.split("  #")[0].strip() for b in blocks("sh") for line in b.splitlines()
                if "attribution annotate" in line]
    assert commands
    for command in commands:
        command = command.replace(REAL, "corpus.jsonl.gz").replace("attribution annotate", cli + "annotate")
        proc = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, f"{command}: {proc.stderr}"
    lines = [json.loads(x) for x in (tmp_path / "annotated.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == [d["id"] for d in docs]
    assert [x["date"] for x in lines] == [d["date"] for d in docs]
    expected = attribution.tables(attribution.annotate_many(docs), ids=[d["id"] for d in docs])
    for name in ("articles", "sentences", "attributions", "terms"):
        got = pq.read_table(tmp_path / "tables" / f"{name}.parquet").to_pylist()
        key = f"{name[:-1]}_id"
        assert [r[key] for r in got] == [r[key] for r in getattr(expected, name)]
    got_kinds = [r["speaker_kind"] for r in pq.read_table(tmp_path / "tables" / "sentences.parquet").to_pylist()]
    assert got_kinds == [r["speaker_kind"] for r in expected.sentences]
