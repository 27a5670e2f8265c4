"""Lexicon validation: every problem names the file and the line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from attribution.errors import LexiconError
from attribution.lexicons import builtin_dir, load, load_builtin


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
