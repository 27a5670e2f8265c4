"""Public names are documented; functions show an example (run as doctests by the test command)."""

from __future__ import annotations

import inspect

import attribution


def test_every_public_name_has_a_docstring() -> None:
    for name in attribution.__all__:
        obj = getattr(attribution, name)
        if name.startswith("__") or isinstance(obj, str):
            continue
        assert inspect.getdoc(obj), f"attribution.{name} has no docstring"
        if inspect.isfunction(obj):
            assert ">>>" in (obj.__doc__ or ""), f"attribution.{name} has no example"


def test_version_matches_changelog() -> None:
    from pathlib import Path

    changelog = (Path(__file__).resolve().parent.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {attribution.__version__}" in changelog
