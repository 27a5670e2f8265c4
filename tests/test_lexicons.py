"""Lexicon validation: every problem names the file and the line."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from attribution import lexicons
from attribution.errors import LexiconError
from attribution.lexicons import SCHEMAS, builtin_dir, load, load_builtin


@pytest.fixture
def lexdir(tmp_path: Path) -> Path:
    target = tmp_path / "lex"
    shutil.copytree(builtin_dir(), target)
    return target


def test_builtin_lexicons_load() -> None:
    lex = load_builtin()
    assert len(lex.sources) > 300 and len(lex.places) > 40 and len(lex.verbs) > 30
    kinds = {s.kind for s in lex.sources}
    assert {"news_agency", "media", "government", "official", "group", "organization"} <= kinds


def _append(path: Path, text: str) -> int:
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


@pytest.mark.parametrize(("addition", "needle", "offset"), [
    ('\n[[source]]\nname = "مثال"\nkind = "alien"\n', "'kind' must be one of", 3),
    ('\n[[source]]\nname = "مثال"\nkind = "media"\ncolour = "red"\n', "unknown key 'colour'", 4),
    ('\n[[source]]\nkind = "media"\n', "missing required key 'name'", 1),
    ('\n[[source]]\nname = "رويترز"\nkind = "media"\n', "already defined", 2),
    ('\n[[source]]\nname = "مثال"\nkind = "media"\naliases = [""]\n', "empty string", 4),
    ('\n[[source]]\nname = "مثال\n', "invalid TOML", 2),
])
def test_sources_problems_name_file_and_line(lexdir: Path, addition: str, needle: str, offset: int) -> None:
    path = lexdir / "sources.toml"
    start = _append(path, addition)
    with pytest.raises(LexiconError) as info:
        load(lexdir)
    message = str(info.value)
    assert needle in message
    assert f"{path}:{start + offset}:" in message


def test_cue_problems_name_file_and_line(lexdir: Path) -> None:
    path = lexdir / "cues.toml"
    start = _append(path, '\n[[verb]]\nlemma = "قال"\nforms = "قال"\n')
    with pytest.raises(LexiconError, match=rf"cues.toml:{start + 3}: .*list of strings"):
        load(lexdir)


# --- patterns.toml and page.toml are read against a schema ------------------------------------------


def _replace(path: Path, old: str, new: str) -> int:
    """Replace the first line that starts with ``old`` with ``new``; return its 1-based number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if line.startswith(old))
    lines[number] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def _problem(lexdir: Path) -> str:
    with pytest.raises(LexiconError) as info:
        load(lexdir)
    return str(info.value)


def test_builtin_patterns_and_page_load_unchanged(lexdir: Path) -> None:
    lex = load(lexdir)
    for name, table in (("patterns.toml", lex.patterns), ("page.toml", lex.page)):
        assert table == tomllib.loads((lexdir / name).read_text(encoding="utf-8"))
        assert set(table) == set(SCHEMAS[name])
    assert load_builtin().patterns["unnamed"]["heads"]
    assert all(ref["kinds"] for ref in load_builtin().patterns["reference"])


def test_loading_locates_lines_only_for_problems(lexdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> int:
        raise AssertionError("a line was located on the happy path")

    monkeypatch.setattr(lexicons, "locate", fail)
    monkeypatch.setattr(lexicons, "_section_line", fail)
    load(lexdir)


def test_misspelt_section_is_an_error(lexdir: Path) -> None:
    path = lexdir / "patterns.toml"
    line = _replace(path, "[unnamed]", "[unamed]")
    message = _problem(lexdir)
    assert message.startswith(f"E023 {path}:{line}: unknown section 'unamed'")
    assert "patterns.toml" in message and "[unnamed]" in message and "[[reference]]" in message


def test_unknown_key_in_roles(lexdir: Path) -> None:
    path = lexdir / "patterns.toml"
    line = _replace(path, "[roles]", '[roles]\ncolour = ["أحمر"]') + 1
    message = _problem(lexdir)
    assert message.startswith(f"E011 {path}:{line}: [roles]: unknown key 'colour'")
    assert "allowed keys are heads, complements, titles" in message


def test_number_where_words_are_expected(lexdir: Path) -> None:
    path = lexdir / "patterns.toml"
    line = _replace(path, "agency_heads =", "agency_heads = 3")
    message = _problem(lexdir)
    assert message == f"E013 {path}:{line}: [media]: 'agency_heads' must be a list of strings, got 3"


def test_unknown_kind_in_reference(lexdir: Path) -> None:
    path = lexdir / "patterns.toml"
    line = _replace(path, "kinds =", 'kinds = ["gang"]')
    message = _problem(lexdir)
    assert message.startswith(f"E014 {path}:{line}: [[reference]] #1: ")
    assert "'kinds' must be one of news_agency, media," in message and "got 'gang'" in message


@pytest.mark.parametrize(("addition", "needle", "offset"), [
    ('\n[[reference]]\nwords = ["المجلس"]\n', "missing required key 'kinds'", 1),
    ('\n[[reference]]\nwords = ["المجلس"]\nkinds = []\n', "'kinds' must be a non-empty list of strings", 3),
    ('\n[[reference]]\nwords = ["المجلس", ""]\nkinds = ["government"]\n', "empty string in 'words'", 2),
    ('\n[[reference]]\nwords = ["المجلس"]\nkinds = ["government"]\nmatch = "مجلس"\n', "'match' must be a list", 4),
    ('\n[stop.extra]\nwords = ["x"]\n', "[stop]: unknown key 'extra'", 1),
])
def test_reference_problems_name_file_and_line(lexdir: Path, addition: str, needle: str, offset: int) -> None:
    path = lexdir / "patterns.toml"
    start = _append(path, addition)
    message = _problem(lexdir)
    assert needle in message
    assert f"{path}:{start + offset}:" in message


def test_section_of_the_wrong_form(lexdir: Path) -> None:
    path = lexdir / "patterns.toml"
    text = path.read_text(encoding="utf-8")
    first = next(n for n, x in enumerate(text.splitlines(), 1) if x == "[[reference]]")
    path.write_text(text.replace("[[reference]]", "[reference]", 1).replace("[[reference]]", "[[references]]"),
                    encoding="utf-8")
    assert _problem(lexdir) == (f"E013 {path}:{first}: top level: 'reference' must be an array of tables "
                                "[[reference]], got 'a table'")
    path.write_text(text.replace("[[reference]]", "[[references]]"), encoding="utf-8")
    assert _problem(lexdir).startswith(f"E023 {path}:{first}: unknown section 'references'; allowed sections are")
    unnamed = next(n for n, x in enumerate(text.splitlines(), 1) if x == "[unnamed]")
    path.write_text(text.replace("[unnamed]", "[[unnamed]]"), encoding="utf-8")
    assert _problem(lexdir).startswith(
        f"E013 {path}:{unnamed}: top level: 'unnamed' must be a table [unnamed], got 'an array'")


def test_missing_section_and_key(lexdir: Path) -> None:
    path = lexdir / "patterns.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("\n[stop]")] + "\n", encoding="utf-8")
    assert _problem(lexdir) == f"E012 {path}:1: top level: missing required key '[stop]'"
    path.write_text(text, encoding="utf-8")
    page = lexdir / "page.toml"
    line = _replace(page, "[labels]", "[labels]\nword = []")
    assert _problem(lexdir).startswith(f"E011 {page}:{line + 1}: [labels]: unknown key 'word'; allowed keys are words")
    _replace(page, "word = []", "")
    _replace(page, "[dateline]", "[datelines]")
    message = _problem(lexdir)
    assert message.startswith(f"E023 {page}:")
    assert "'datelines'; allowed sections are [boilerplate], [related], [dateline], [labels]" in message


@pytest.mark.parametrize(("name", "addition", "needle"), [
    ("sources.toml", '\n[[sourse]]\nname = "مثال"\nkind = "media"\n',
     "unknown section 'sourse'; allowed sections are [[source]]"),
    ("places.toml", '\n[[places]]\nname = "مثال"\n', "unknown section 'places'; allowed sections are [[place]]"),
    ("cues.toml", '\n[[marker]]\npost = ["x"]\n',
     "unknown section 'marker'; allowed sections are [[verb]], [[preposition]], [markers]"),
])
def test_every_lexicon_rejects_unknown_sections(lexdir: Path, name: str, addition: str, needle: str) -> None:
    path = lexdir / name
    start = _append(lexdir / name, addition)
    message = _problem(lexdir)
    assert needle in message
    assert f"{path}:{start + 1}:" in message


def test_parsed_lexicons_are_cached_by_content_and_a_broken_cache_is_ignored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from attribution.lexicons import load_term_file

    monkeypatch.setenv("ATTRIBUTION_CACHE", str(tmp_path / "cache"))
    lex = tmp_path / "mine.toml"
    lex.write_text('[[concept]]\nid = "x"\n[[concept.variant]]\nterm = "كلمة"\nstance = "neutral"\n',
                   encoding="utf-8")
    first = load_term_file(lex)
    (cached,) = (tmp_path / "cache").glob("toml-*.json")
    assert load_term_file(lex) == first
    cached.write_text("{not json", encoding="utf-8")
    assert load_term_file(lex) == first
    lex.write_text('[[concept]]\nid = "y"\n[[concept.variant]]\nterm = "كلمة"\nstance = "neutral"\n',
                   encoding="utf-8")
    assert [c.id for c in load_term_file(lex)] == ["y"]  # an edited file is parsed again
    monkeypatch.setenv("ATTRIBUTION_CACHE", "off")
    assert [c.id for c in load_term_file(lex)] == ["y"]
