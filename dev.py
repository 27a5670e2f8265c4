#!/usr/bin/env python3
"""Developer entry point; needs nothing but Python 3.11+.

    python3 dev.py demo    set up .venv (the core: regex and attrs) and annotate the bundled example articles
    python3 dev.py test    set up .venv with every extra (.[test]) and run every check: ruff, mypy, pytest
                           (docs' examples included), and the strict documentation build
    python3 dev.py bench   set up .venv with every extra and run the benchmarks
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"


def sh(*args: str | Path) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True)


def setup(extra: str = "") -> None:
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    sh(PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", f".{extra}")


def demo() -> None:
    setup()
    sh(BIN / "attribution", "annotate", "--format", "text", *sorted((ROOT / "examples").glob("*.txt")))


def test() -> None:
    setup("[test]")
    sh(PY, "-m", "ruff", "check", "attribution", "tests", "benchmarks", "dev.py")
    sh(PY, "-m", "mypy")
    sh(PY, "-m", "pytest", "-q")
    with tempfile.TemporaryDirectory() as site:  # broken links and references fail the build
        os.environ["NO_MKDOCS_2_WARNING"] = "1"
        sh(BIN / "mkdocs", "build", "--strict", "--quiet", "-d", site)


def bench() -> None:
    setup("[test]")
    sh(PY, ROOT / "benchmarks" / "run.py")


if __name__ == "__main__":
    commands = {"demo": demo, "test": test, "bench": bench}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    try:
        commands[sys.argv[1]]()
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
