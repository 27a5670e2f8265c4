"""The seed articles scored by the project's scorer, at the thresholds the issue sets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_seed_scores(shared: Path) -> None:
    cmd = f"{sys.executable} -m attribution.cli annotate --format json"
    proc = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(shared / "eval" / "seeds.gold.jsonl"),
         str(shared / "corpus" / "seeds"), "--cmd", cmd], capture_output=True, text=True, timeout=600)
    scores = {}
    for line in proc.stdout.splitlines():
        key, _, value = line.partition(": ")
        try:
            scores[key] = float(value)
        except ValueError:
            continue
    assert scores, proc.stdout + proc.stderr
    assert scores["voice_sentence"] >= 0.90
    assert scores["voice_span"] >= 0.85
    assert scores["kind"] >= 0.85
    assert scores["via"] >= 0.80
    assert scores["outlet"] == 1.0


def test_seed_comparison_shows_the_framing(shared: Path) -> None:
    """The five seeds, compared without any seed-specific code: the Reuters quote drifts between the
    Yemeni outlet and RT, SeaPRwire uses 'ميليشيات موالية لإيران', and each outlet has a speaker mix."""
    import attribution

    paths = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    articles = [attribution.annotate(p.read_text(encoding="utf-8")) for p in paths]
    c = attribution.compare(articles)
    drift = [g for g in c.drift for d in g.differences
             if d.type == "term_swap" and "فصائل المقاومة" in d.detail and "فصائل عراقية مسلحة مدعومة من إيران" in d.detail]
    assert drift, [g.differences for g in c.drift]
    group = drift[0]
    assert all("رويترز" in q.chain for q in group.quotes)
    assert {q.kind for q in group.quotes} == {"unnamed_source"}
    armed = next(r for r in c.concepts if r.concept == "armed_groups")
    assert any(u.outlet == "SeaPRwire" and u.variant == "ميليشيات موالية لإيران" for u in armed.uses)
    assert armed.disagreement
    assert len(c.outlets) == 5 and all(o.sentences > 0 and o.by_kind for o in c.outlets)
