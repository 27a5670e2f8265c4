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
