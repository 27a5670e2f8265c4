#!/usr/bin/env python3
"""Developer entry point; needs nothing but Python 3.11+.

    python3 dev.py demo    set up .venv (the core: regex and attrs) and annotate the bundled example articles
    python3 dev.py test    set up .venv with every extra (.[test]) and run every check: ruff, mypy, pytest
                           (docs' examples included), and the strict documentation build
    python3 dev.py bench   set up .venv with every extra and run the benchmarks
    python3 dev.py i18n    extract the messages (Babel) into attribution/locale/attribution.pot, update the
                           English and Arabic catalogues (.po) from it, and compile them (.mo)
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


LOCALE = Path("attribution") / "locale"


def i18n() -> None:
    setup("[test]")
    pot = LOCALE / "attribution.pot"
    (ROOT / LOCALE).mkdir(exist_ok=True)
    sh(BIN / "pybabel", "-q", "extract", "--project", "attribution", "--copyright-holder", "attribution contributors",
       "--msgid-bugs-address", "", "--add-location", "file", "--sort-by-file", "--width", "110",
       "-c", "Translators:", "-o", pot, "attribution")
    for lang in ("en", "ar"):
        po = LOCALE / lang / "LC_MESSAGES" / "attribution.po"
        command = "update" if (ROOT / po).exists() else "init"
        sh(BIN / "pybabel", "-q", command, "-i", pot, "-d", LOCALE, "-D", "attribution", "-l", lang, "--width", "110",
           *(("--no-fuzzy-matching", "--ignore-obsolete") if command == "update" else ()))
    sh(PY, "-c", ENGLISH, LOCALE / "en" / "LC_MESSAGES" / "attribution.po")
    sh(BIN / "pybabel", "compile", "--statistics", "-d", LOCALE, "-D", "attribution")


#: English is the language the messages are written in: its catalogue gives each message as it is.
ENGLISH = """
import sys
from babel.messages.pofile import read_po, write_po
with open(sys.argv[1], "rb") as fh:
    catalog = read_po(fh)
for m in catalog:
    if m.id:
        m.string = m.id
with open(sys.argv[1], "wb") as fh:
    write_po(fh, catalog, width=110)
"""


if __name__ == "__main__":
    commands = {"demo": demo, "test": test, "bench": bench, "i18n": i18n}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    try:
        commands[sys.argv[1]]()
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
