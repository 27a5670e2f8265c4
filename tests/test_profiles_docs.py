"""docs/profiles.md: its shell commands run, in order, on the made-up corpus of tests/profiles_corpus.py, and on a
slice of the 14-outlet corpus when ../shared is beside the checkout."""

from __future__ import annotations

import csv
import gzip
import itertools
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from profiles_corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "profiles.md"
REAL = ROOT.parent / "shared" / "corpus" / "multi" / "saudinewsnet.jsonl.gz"


def commands() -> list[list[str]]:
    found = re.findall(r"^```sh\n(.*?)^```", PAGE.read_text(encoding="utf-8"), flags=re.S | re.M)
    assert found, "docs/profiles.md has no sh block"
    return [shlex.split(line) for block in found for line in block.splitlines() if line.strip()]


def has_stories_command() -> bool:
    """Whether this checkout has `attribution stories` (issue 16's other half; until it is merged the tests
    stand its stories file in)."""
    proc = subprocess.run([sys.executable, "-m", "attribution", "stories", "--help"], capture_output=True)
    return proc.returncode == 0


def run_page(folder: Path, stand_in: Path | None) -> None:
    """The page's commands in ``folder`` (which holds corpus.jsonl.gz); ``stand_in`` is copied to stories.jsonl
    in place of `attribution stories` when the checkout has no such command."""
    steps = commands()
    assert [c[:2] for c in steps] == [["attribution", "annotate"], ["attribution", "stories"],
                                      ["attribution", "compare"], ["attribution", "profiles"]]
    stories = has_stories_command()
    for cmd in steps:
        if cmd[1] == "stories" and not stories:
            assert stand_in is not None, "no `attribution stories` here and no stories file to stand in"
            (folder / "stories.jsonl").write_bytes(stand_in.read_bytes())
            continue
        proc = subprocess.run([sys.executable, "-m", "attribution", *cmd[1:]], cwd=folder, capture_output=True,
                              text=True, timeout=600)
        assert proc.returncode == 0, f"{shlex.join(cmd)}: {proc.stderr[-2000:]}"


def test_the_page_runs_on_a_made_up_corpus(tmp_path: Path) -> None:
    _, stories = write_corpus(tmp_path)
    stand_in = tmp_path / "made-up-stories.jsonl"
    stories.rename(stand_in)
    run_page(tmp_path, stand_in)
    index = list(csv.DictReader((tmp_path / "stories" / "index.csv").open(encoding="utf-8")))
    assert index and all((tmp_path / "stories" / row["file"]).is_file() for row in index)
    assert (tmp_path / "stories" / "index.html").is_file()
    with (tmp_path / "profiles" / "outlets.csv").open(encoding="utf-8") as fh:
        outlets = list(csv.DictReader(fh))
    assert {r["outlet"] for r in outlets} == {"الفجر", "النهار", "الصباح"}
    assert sum(int(r["articles"]) for r in outlets) == 8
    assert "<svg" in (tmp_path / "profiles" / "profiles.html").read_text(encoding="utf-8")


@pytest.mark.skipif(not REAL.is_file(), reason="the multi-outlet corpus is not in ../shared beside the checkout")
def test_the_page_runs_on_a_slice_of_the_real_corpus(tmp_path: Path) -> None:
    if not has_stories_command():
        pytest.skip("`attribution stories` is not in this checkout yet: the real slice needs its grouping")
    with gzip.open(REAL, "rt", encoding="utf-8") as src, gzip.open(tmp_path / "corpus.jsonl.gz", "wt",
                                                                   encoding="utf-8") as dst:
        dst.writelines(itertools.islice(src, 0, 2800, 7))  # 400 of the first day's articles, of every outlet
    run_page(tmp_path, None)
    with (tmp_path / "profiles" / "outlets.csv").open(encoding="utf-8") as fh:
        outlets = list(csv.DictReader(fh))
    assert sum(int(r["articles"]) for r in outlets) == 400 and len(outlets) >= 8
    index = list(csv.DictReader((tmp_path / "stories" / "index.csv").open(encoding="utf-8")))
    assert all((tmp_path / "stories" / row["file"]).is_file() for row in index)
    assert (tmp_path / "stories" / "index.html").is_file() and (tmp_path / "profiles" / "profiles.html").is_file()
