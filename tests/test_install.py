"""A plain, non-editable install ships the lexicons inside the package; so does the sdist."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_non_editable_install_finds_lexicons(tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "--target", str(target), str(ROOT)],
        check=True, capture_output=True, timeout=300)
    shipped = sorted(p.name for p in (target / "attribution" / "lexicons").glob("*.toml"))
    assert {"cues.toml", "patterns.toml", "page.toml", "sources.toml", "places.toml"} <= set(shipped)
    code = (
        "import attribution, attribution.lexicons as L;"
        "print(attribution.__file__); print(L.builtin_dir());"
        "print(attribution.annotate('قال الوزير إن الاتفاق قريب.').attributions[0].source.kind)"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                         check=True, timeout=120).stdout.splitlines()
    assert out[0].startswith(str(target)) and out[1].startswith(str(target))
    assert out[2] == "official"


def test_sdist_contains_lexicons(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-c", f"from hatchling.build import build_sdist; build_sdist(r'{tmp_path}')"],
                   cwd=ROOT, check=True, capture_output=True, timeout=300)
    (sdist,) = tmp_path.glob("attribution-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = tar.getnames()
    assert any(n.endswith("lexicons/sources.toml") for n in names)
    assert any(n.endswith("attribution/attributions/engine.py") for n in names)
    assert any(n.endswith("lexicons/grammar.toml") for n in names)
