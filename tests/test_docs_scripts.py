"""Documentation that is not a doctest: the Dask example runs as a script, and docstrings use the
Markdown cross-references that the mkdocs API page renders (no Sphinx roles shown raw)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPHINX_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|mod|attr|data|exc|obj|const|ref):`")


def _dask_script() -> str:
    text = (ROOT / "docs" / "corpus.md").read_text(encoding="utf-8")
    section = text[text.index("## Many machines: Dask"):]
    found = re.search(r"```python\n(.*?)```", section, re.S)
    assert found, "docs/corpus.md has no Python block under 'Many machines: Dask'"
    return found.group(1)


def test_the_dask_example_runs_as_a_script(tmp_path: Path) -> None:
    pytest.importorskip("dask.dataframe")
    pytest.importorskip("pandas")
    script = _dask_script()
    assert 'if __name__ == "__main__":' in script  # Dask's process workers import the script again
    path = tmp_path / "dask_example.py"
    path.write_text(script, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    assert lines[0] == "['government', 'unnamed_source']"
    assert "2024-05-01" in proc.stdout and re.search(r"a#s0\s+government", proc.stdout)


def _docstrings(tree: ast.Module) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node, clean=False)
            if doc:
                out.append((getattr(node, "lineno", 1), doc))
    return out


def test_no_sphinx_roles_in_the_package() -> None:
    """mkdocstrings shows ``:func:`x``` as it is; docstrings and ``#:`` comments use Markdown instead:
    `` `x` `` or a cross-reference ``[`x`][attribution.x]``."""
    found = []
    for path in sorted((ROOT / "attribution").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for line, doc in _docstrings(ast.parse(source)):
            role = SPHINX_ROLE.search(doc)
            if role:
                found.append(f"{path.relative_to(ROOT)}:{line}: {role.group()}")
        for n, text in enumerate(source.splitlines(), 1):
            if text.lstrip().startswith("#") and SPHINX_ROLE.search(text):
                found.append(f"{path.relative_to(ROOT)}:{n}: comment")
    assert not found, "Sphinx roles (use Markdown): " + "; ".join(found)
    assert SPHINX_ROLE.search("see :func:`annotate`") and SPHINX_ROLE.search(":class:`~a.B`")  # the check bites
