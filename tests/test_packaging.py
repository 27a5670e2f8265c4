"""Installing it: the core needs only regex and attrs (spaCy, pandas, pyarrow and Dask are extras, and a
missing one is named in a catalogue error), `python -m attribution`, the py.typed marker, and one
repository URL and release tag everywhere the docs show them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import attribution
from attribution.errors import MissingExtraError

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

# A core install, simulated: any module that is neither the standard library nor a core dependency
# cannot be imported (as in a fresh `pip install attribution`, where spaCy, numpy, pandas … are absent).
CORE_ONLY = r'''
import sys

CORE = {"attribution", "regex", "attr", "attrs"}


class CoreOnly:
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if top in CORE or top in sys.stdlib_module_names or top.startswith("_"):
            return None
        raise ModuleNotFoundError(f"No module named {top!r} (not in a core install)", name=top)


sys.meta_path.insert(0, CoreOnly())
'''


@pytest.fixture(scope="module")
def core_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    site = tmp_path_factory.mktemp("core_only")
    (site / "sitecustomize.py").write_text(CORE_ONLY, encoding="utf-8")
    path = os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return {**os.environ, "PYTHONPATH": path}


def core(env: dict[str, str], *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_the_shim_really_blocks_spacy(core_env: dict[str, str]) -> None:
    proc = core(core_env, "-c", "import spacy")
    assert proc.returncode == 1 and "not in a core install" in proc.stderr


def test_core_commands_run_without_any_extra(core_env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("قال وزير الخارجية إن المحادثات مستمرة.\nوشنت فصائل مسلحة هجوما.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("أفادت مصادر مطلعة بأن «الكيان الصهيوني» قصف البلدة.", encoding="utf-8")
    (tmp_path / "draft.md").write_text("# خبر\n\nوقصف الكيان الصهيوني البلدة.\n", encoding="utf-8")
    annotated = core(core_env, "-m", "attribution", "annotate", "a.txt", cwd=tmp_path)
    assert annotated.returncode == 0, annotated.stderr
    assert '"kind": "official"' in annotated.stdout
    checked = core(core_env, "-m", "attribution", "check", "draft.md", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    assert "loaded-term" in checked.stdout
    compared = core(core_env, "-m", "attribution", "compare", "a.txt", "b.txt", "--format", "html", "--out", "r.html",
                    cwd=tmp_path)
    assert compared.returncode == 0, compared.stderr
    assert (tmp_path / "r.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    api = core(core_env, "-c", "import attribution, sys; a = attribution.annotate('قال الوزير إن الاتفاق قريب.');"
               "t = attribution.tables([a]); c = attribution.compare([a, a]);"
               "print(len(t.sentences), len(c.rows()) >= 0, 'spacy' in sys.modules, 'numpy' in sys.modules)")
    assert api.returncode == 0, api.stderr
    assert api.stdout.split() == ["1", "True", "False", "False"]


@pytest.mark.parametrize(("code", "extra", "what"), [
    ("import attribution; attribution.pipeline()", "spacy", "attribution.pipeline()"),
    ("import attribution.components", "spacy", "the spaCy components"),
    ("import attribution; attribution.tables([attribution.annotate('قال الوزير.')]).to_pandas()", "pandas",
     "Tables.to_pandas()"),
    ("import attribution; a = attribution.annotate('قال الوزير.'); attribution.compare([a, a]).to_frame()",
     "pandas", "Comparison.to_frame()"),
    ("import attribution.dask", "dask", "attribution.dask"),
])
def test_a_missing_extra_is_named(core_env: dict[str, str], code: str, extra: str, what: str) -> None:
    wrapped = (f"import attribution\ntry:\n    {code}\nexcept attribution.MissingExtraError as e:\n"
               f"    print(e, isinstance(e, ImportError), e.name)\n")
    proc = core(core_env, "-c", wrapped)
    assert proc.returncode == 0, proc.stderr
    line = proc.stdout.strip()
    assert line.startswith("E070 ") and what in line, line
    assert f'pip install "attribution[{extra}]"' in line
    assert line.endswith(" True " + line.split(" needs ")[1].split(",")[0])  # also an ImportError, naming the module


def test_parquet_without_pyarrow_is_one_line(core_env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("قال الوزير إن الاتفاق قريب.", encoding="utf-8")
    proc = core(core_env, "-m", "attribution", "annotate", "a.txt", "--format", "parquet", "--out", "tables",
                cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        'attribution: E070 --format parquet needs pyarrow, which is not installed: pip install "attribution[parquet]"']


def test_missing_extra_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    table = attribution.tables([attribution.annotate("قال الوزير إن الاتفاق قريب.")])
    assert set(table.to_pandas()) == {"articles", "sentences", "attributions", "terms"}  # with pandas: works
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=re.escape('pip install "attribution[pandas]"')) as info:
        table.to_pandas()
    assert isinstance(info.value, MissingExtraError) and isinstance(info.value, attribution.AttributionError)
    monkeypatch.setitem(sys.modules, "spacy", None)
    with pytest.raises(MissingExtraError, match=r"^E070 attribution\.pipeline\(\) needs spacy"):
        attribution.pipeline()


def test_python_dash_m_attribution(tmp_path: Path) -> None:
    version = subprocess.run([sys.executable, "-m", "attribution", "--version"], capture_output=True, text=True,
                             timeout=120)
    assert version.returncode == 0 and version.stdout.strip() == f"attribution {attribution.__version__}"
    (tmp_path / "a.txt").write_text("قال الوزير إن الاتفاق قريب.", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "attribution", "annotate", "--format", "text", "a.txt"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "الوزير" in proc.stdout
    usage = subprocess.run([sys.executable, "-m", "attribution"], capture_output=True, text=True, timeout=120)
    assert usage.returncode == 2 and usage.stderr.startswith("usage: attribution ")


def test_core_dependencies_and_extras() -> None:
    project = PYPROJECT["project"]
    names = {re.split(r"[<>=\[;]", r)[0] for r in project["dependencies"]}
    assert names == {"regex", "attrs"}  # nothing heavy: the pre-commit hook installs only these
    extras = project["optional-dependencies"]
    assert {"spacy", "pandas", "parquet", "dask", "docs", "all", "test"} <= set(extras)
    runtime = {r for name in ("spacy", "pandas", "parquet", "dask") for r in extras[name]}
    assert set(extras["all"]) == runtime
    assert runtime | set(extras["docs"]) <= set(extras["test"])  # the test command builds the docs, runs spaCy
    hook = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "additional_dependencies" not in hook and "language: python" in hook


def test_py_typed_marker_lets_mypy_read_the_types(tmp_path: Path) -> None:
    assert (ROOT / "attribution" / "py.typed").is_file()
    pytest.importorskip("mypy")
    (tmp_path / "use.py").write_text("import attribution\n\nx: int = attribution.annotate('')\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "--follow-imports=silent",
                           "--cache-dir", str(tmp_path / "cache"), "use.py"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert "missing library stubs or py.typed marker" not in proc.stdout, proc.stdout
    assert 'has type "Article", variable has type "int"' in proc.stdout, proc.stdout


def test_one_repository_url_and_the_release_tag_in_the_docs() -> None:
    urls = PYPROJECT["project"]["urls"]
    assert set(urls) == {"Homepage", "Documentation", "Source", "Changelog"}
    source = urls["Source"]
    assert source.startswith("https://github.com/") and "example" not in source
    assert attribution.HOMEPAGE == urls["Homepage"] == source  # the SARIF output's informationUri
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^repo_url: (\S+)$", mkdocs, re.M).group(1) == source  # type: ignore[union-attr]
    assert re.search(r"^site_url: (\S+)$", mkdocs, re.M).group(1) == urls["Documentation"]  # type: ignore[union-attr]
    hook_docs = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    repos = re.findall(r"- repo: (\S+)", hook_docs)
    revs = re.findall(r"rev: (\S+)", hook_docs)
    assert repos == [source]
    assert revs == ["v" + attribution.__version__]  # bump the docs with the version
