"""Configuration for ``attribution check``: ``.attribution.toml`` or ``[tool.attribution]`` in
``pyproject.toml``, found by walking up from the checked file (``--config`` overrides).

```toml
[tool.attribution]
lexicons = ["style/terms.toml"]        # extra term lexicons, relative to this file
check-quoted = false                   # also flag loaded terms inside attributed or quoted speech

[tool.attribution.rules]               # off | info | warning | error
loaded-term = "error"
vague-attribution = "warning"

[tool.attribution.concepts.armed_groups]
house = "فصائل مسلحة"                   # the house term, suggested in messages
allowed = ["جماعات مسلحة"]              # terms that pass even if the lexicon marks them loaded
```
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

import attrs

from ..errors import Errors, UsageError

__all__ = ["DEFAULT", "LEVELS", "ConceptPolicy", "Config", "find_config", "load_config"]

LEVELS = ("off", "info", "warning", "error")


@attrs.frozen
class ConceptPolicy:
    house: str = ""
    allowed: tuple[str, ...] = ()


@attrs.frozen
class Config:
    path: str | None = None
    levels: tuple[tuple[str, str], ...] = ()
    concepts: tuple[tuple[str, ConceptPolicy], ...] = ()
    lexicons: tuple[str, ...] = ()
    check_quoted: bool = False

    def level(self, rule: str, default: str) -> str:
        return dict(self.levels).get(rule, default)

    def policy(self, concept: str) -> ConceptPolicy | None:
        return dict(self.concepts).get(concept)


DEFAULT = Config()


def _line_of(lines: list[str], key: str) -> int:
    pattern = re.compile(rf'^\s*(?:"{re.escape(key)}"|{re.escape(key)})\s*=')
    for n, line in enumerate(lines, 1):
        if pattern.match(line) or line.strip() in (f"[{key}]", f"[tool.attribution.{key}]"):
            return n
    return 1


def _error(path: Path, lines: list[str], key: str, problem: str) -> UsageError:
    return UsageError(Errors.E040.format(path=path, line=_line_of(lines, key.split(".")[-1]), key=key,
                                         problem=problem))


def _parse(path: Path, data: dict[str, Any], lines: list[str], rule_ids: tuple[str, ...]) -> Config:
    allowed = {"lexicons", "check-quoted", "rules", "concepts"}
    for key in data:
        if key not in allowed:
            raise _error(path, lines, key, f"unknown key; allowed: {', '.join(sorted(allowed))}")
    levels = []
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise _error(path, lines, "rules", "must be a table of rule = level")
    for rule, level in rules.items():
        if rule not in rule_ids:
            raise _error(path, lines, f"rules.{rule}", f"unknown rule; rules are {', '.join(rule_ids)}")
        if level not in LEVELS:
            raise _error(path, lines, f"rules.{rule}", f"level must be one of {', '.join(LEVELS)}, got {level!r}")
        levels.append((rule, level))
    concepts = []
    raw = data.get("concepts", {})
    if not isinstance(raw, dict):
        raise _error(path, lines, "concepts", "must be a table of concept tables")
    for concept, spec in raw.items():
        if not isinstance(spec, dict):
            raise _error(path, lines, f"concepts.{concept}", "must be a table with 'house' and/or 'allowed'")
        for key in spec:
            if key not in ("house", "allowed"):
                raise _error(path, lines, f"concepts.{concept}.{key}", "unknown key; allowed: house, allowed")
        house = spec.get("house", "")
        allow = spec.get("allowed", [])
        if not isinstance(house, str):
            raise _error(path, lines, f"concepts.{concept}.house", "must be a string")
        if not isinstance(allow, list) or not all(isinstance(x, str) for x in allow):
            raise _error(path, lines, f"concepts.{concept}.allowed", "must be a list of strings")
        concepts.append((concept, ConceptPolicy(house, tuple(allow))))
    lexicons = data.get("lexicons", [])
    if not isinstance(lexicons, list) or not all(isinstance(x, str) for x in lexicons):
        raise _error(path, lines, "lexicons", "must be a list of paths")
    quoted = data.get("check-quoted", False)
    if not isinstance(quoted, bool):
        raise _error(path, lines, "check-quoted", "must be true or false")
    base = path.parent
    return Config(str(path), tuple(levels), tuple(concepts),
                  tuple(str((base / x).resolve()) for x in lexicons), quoted)


@lru_cache(maxsize=64)
def load_config(path: Path, rule_ids: tuple[str, ...]) -> Config:
    """Read and validate a config file (``.attribution.toml`` or a ``pyproject.toml``)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(Errors.E041.format(path=path, reason=exc)) from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(Errors.E042.format(path=path, line=getattr(exc, "lineno", 1),
                                            reason=getattr(exc, "msg", str(exc)))) from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("attribution", {})
    return _parse(path, data, raw.splitlines(), rule_ids)


def find_config(start: Path) -> Path | None:
    """The nearest ``.attribution.toml``, or ``pyproject.toml`` with ``[tool.attribution]``, at or above ``start``."""
    here = start.resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        dot = folder / ".attribution.toml"
        if dot.is_file():
            return dot
        py = folder / "pyproject.toml"
        if py.is_file():
            try:
                if "tool" in (data := tomllib.loads(py.read_text(encoding="utf-8"))) and \
                        "attribution" in data["tool"]:
                    return py
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
    return None
