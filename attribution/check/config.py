"""Configuration for ``attribution check``: ``.attribution.toml`` or ``[tool.attribution]`` in
``pyproject.toml``, found by walking up from the checked file (``--config`` overrides).

```toml
[tool.attribution]
lexicons = ["style/terms.toml"]        # extra term lexicons, relative to this file
check-quoted = false                   # also flag loaded terms inside attributed or quoted speech
exclude = ["drafts/**", "*.min.md"]    # globs of files not to check, relative to this file
lang = "ar"                            # messages in Arabic (when neither --lang nor LANG says otherwise)

[tool.attribution.rules]               # off | info | warning | error
loaded-term = "error"
vague-attribution = "warning"

[tool.attribution.messages]            # the house's own message for a rule, with its {fields}
distancing = "No distancing in our own voice: drop {marker}"

[tool.attribution.concepts.armed_groups]
house = "فصائل مسلحة"                   # the house term, suggested in messages
allowed = ["جماعات مسلحة"]              # terms that pass even if the lexicon marks them loaded
```
"""

from __future__ import annotations

import difflib
import os
import re
import string
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import attrs

from ..errors import AttributionError, Errors, UsageError
from ..i18n import LANGUAGES, _

__all__ = ["DEFAULT", "LEVELS", "ConceptPolicy", "Config", "did_you_mean", "excluded", "find_config", "load_config"]

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
    exclude: tuple[str, ...] = ()  # glob patterns, relative to the configuration file's folder
    lang: str | None = None  # "ar" or "en": the messages' language when neither --lang nor LANG gives one
    messages: tuple[tuple[str, str], ...] = ()  # rule id → the house's own message for it
    warnings: tuple[str, ...] = ()  # problems that do not stop the check (a concept no lexicon defines)

    def level(self, rule: str, default: str) -> str:
        return dict(self.levels).get(rule, default)

    def policy(self, concept: str) -> ConceptPolicy | None:
        return dict(self.concepts).get(concept)

    def message(self, rule: str) -> str | None:
        """The house's own message for ``rule`` (``[messages]``), or ``None``."""
        return dict(self.messages).get(rule)


DEFAULT = Config()


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the known name closest to a misspelt ``name``, or ``""``."""
    close = difflib.get_close_matches(name.lower(), list(known), n=1, cutoff=0.6)
    return _(" (did you mean {name!r}?)").format(name=close[0]) if close else ""


def _line_of(lines: list[str], key: str) -> int:
    """The line of dotted ``key`` ("concepts.armed_groups.house"): the header of its table, or the line
    that sets its last part under the nearest enclosing table header."""
    parts = key.split(".")
    start = 0
    for k in range(len(parts), 0, -1):
        table = r"\.".join(rf'(?:"{re.escape(p)}"|{re.escape(p)})' for p in parts[:k])
        header = re.compile(rf"^\s*\[\s*(?:tool\.attribution\.)?{table}\s*\]")
        n = next((n for n, line in enumerate(lines, 1) if header.match(line)), 0)
        if n and k == len(parts):
            return n
        if n:
            start = n
            break
    last = re.escape(parts[-1])
    pattern = re.compile(rf'^\s*(?:"{last}"|{last})\s*=')
    for n, line in enumerate(lines[start:], start + 1):
        if pattern.match(line):
            return n
    return start or 1


def _error(path: Path, lines: list[str], key: str, problem: str) -> UsageError:
    return UsageError(Errors.E040.format(path=path, line=_line_of(lines, key), key=key, problem=problem))


def _fields(template: str) -> list[str]:
    """The ``{field}`` names a message template uses (``ValueError`` when it is not a valid template)."""
    return [name.split(".")[0].split("[")[0] for _text, name, _spec, _conv in string.Formatter().parse(template)
            if name is not None]


def _messages(path: Path, lines: list[str], raw: object, rule_ids: tuple[str, ...]) -> list[tuple[str, str]]:
    """``[messages]``: rule id → the house's message, naming only the rule's fields."""
    from .rules import RULES

    fields = {r.id: r.fields for r in RULES}
    if not isinstance(raw, dict):
        raise _error(path, lines, "messages", _("must be a table of rule = message"))
    out = []
    for rule, template in raw.items():
        if rule not in rule_ids:
            raise _error(path, lines, f"messages.{rule}", _("unknown rule{hint}; rules are {rules}").format(
                hint=did_you_mean(rule, rule_ids), rules=", ".join(rule_ids)))
        if not isinstance(template, str) or not template.strip():
            raise _error(path, lines, f"messages.{rule}", _("must be a non-empty string"))
        try:
            names = _fields(template)
        except ValueError as exc:
            raise _error(path, lines, f"messages.{rule}", _("not a message template ({reason}); write a literal "
                                                            "brace as {{{{ or }}}}").format(reason=exc)) from None
        known = fields.get(rule, ())
        for name in names:
            if name not in known:
                raise _error(path, lines, f"messages.{rule}", _("unknown field {{{name}}}{hint}; this rule's fields "
                                                                "are {fields}").format(
                    name=name, hint=did_you_mean(name, known), fields=", ".join(f"{{{k}}}" for k in known)))
        out.append((rule, template))
    return out


def _parse(path: Path, data: dict[str, Any], lines: list[str], rule_ids: tuple[str, ...]) -> Config:
    allowed = {"lexicons", "check-quoted", "rules", "concepts", "exclude", "lang", "messages"}
    for key in data:
        if key not in allowed:
            raise _error(path, lines, key, _("unknown key{hint}; allowed: {allowed}").format(
                hint=did_you_mean(key, allowed), allowed=", ".join(sorted(allowed))))
    levels = []
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise _error(path, lines, "rules", _("must be a table of rule = level"))
    for rule, level in rules.items():
        if rule not in rule_ids:
            raise _error(path, lines, f"rules.{rule}", _("unknown rule{hint}; rules are {rules}").format(
                hint=did_you_mean(rule, rule_ids), rules=", ".join(rule_ids)))
        if level not in LEVELS:
            raise _error(path, lines, f"rules.{rule}", _("level must be one of {levels}, got {level!r}").format(
                levels=", ".join(LEVELS), level=level))
        levels.append((rule, level))
    concepts = []
    raw = data.get("concepts", {})
    if not isinstance(raw, dict):
        raise _error(path, lines, "concepts", _("must be a table of concept tables"))
    for concept, spec in raw.items():
        if not isinstance(spec, dict):
            raise _error(path, lines, f"concepts.{concept}", _("must be a table with 'house' and/or 'allowed'"))
        for key in spec:
            if key not in ("house", "allowed"):
                raise _error(path, lines, f"concepts.{concept}.{key}", _("unknown key; allowed: house, allowed"))
        house = spec.get("house", "")
        allow = spec.get("allowed", [])
        if not isinstance(house, str):
            raise _error(path, lines, f"concepts.{concept}.house", _("must be a string"))
        if not isinstance(allow, list) or not all(isinstance(x, str) for x in allow):
            raise _error(path, lines, f"concepts.{concept}.allowed", _("must be a list of strings"))
        concepts.append((concept, ConceptPolicy(house, tuple(allow))))
    lexicons = data.get("lexicons", [])
    if not isinstance(lexicons, list) or not all(isinstance(x, str) for x in lexicons):
        raise _error(path, lines, "lexicons", _("must be a list of paths"))
    quoted = data.get("check-quoted", False)
    if not isinstance(quoted, bool):
        raise _error(path, lines, "check-quoted", _("must be true or false"))
    exclude = data.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(x, str) and x.strip("/ ") for x in exclude):
        raise _error(path, lines, "exclude", _('must be a list of glob patterns, e.g. ["drafts/**", "*.min.md"]'))
    lang = data.get("lang")
    if lang is not None and lang not in LANGUAGES:
        raise _error(path, lines, "lang", _("must be one of {languages}, got {got!r}").format(
            languages=", ".join(LANGUAGES), got=lang))
    messages = _messages(path, lines, data.get("messages", {}), rule_ids)
    base = path.parent
    config = Config(str(path), tuple(levels), tuple(concepts),
                    tuple(str((base / x).resolve()) for x in lexicons), quoted, tuple(exclude), lang, tuple(messages))
    return attrs.evolve(config, warnings=_unknown_concepts(path, lines, config))


def _unknown_concepts(path: Path, lines: list[str], config: Config) -> tuple[str, ...]:
    """A warning for each ``[concepts.X]`` that no lexicon (built-in or configured) defines: a typo there
    would otherwise pass silently, its house term and allowed terms applying to nothing."""
    if not config.concepts:
        return ()
    from ..lexicons import load_terms

    try:
        known = {c.id for c in load_terms(config.lexicons).concepts}
    except AttributionError:
        return ()  # the lexicon's own error is reported when the drafts are checked
    return tuple(Errors.W043.format(path=path, line=_line_of(lines, f"concepts.{name}"), concept=name,
                                    hint=did_you_mean(name, known))
                 for name, _ in config.concepts if name not in known)


#: Config files kept by `load_config`, by path and rule ids: a run over many drafts reads each once.
CONFIG_CACHE = 64


@lru_cache(maxsize=CONFIG_CACHE)
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


def _glob(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression over "/"-separated paths: ``*`` and ``?`` stay within one part,
    ``**`` crosses parts, ``[abc]`` is a class."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and (close := pattern.find("]", i + 2)) > 0:
            body = pattern[i + 1:close]
            body = body.replace("\\", "\\\\")
            out.append("[" + ("^" + body[1:] if body[0] in "!^" else body) + "]")
            i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out), re.DOTALL)


def excluded(path: Path, config: Config) -> bool:
    """Whether ``config``'s ``exclude`` globs cover ``path``, as in .gitignore: a pattern with a "/" is
    matched against the path relative to the configuration file's folder (``drafts/**``, ``news/*.md``),
    one without against each part of it (``*.min.md``, ``archive``: a folder name covers what is inside)."""
    if not config.exclude or config.path is None:
        return False
    base = Path(config.path).resolve().parent
    here = Path(os.path.abspath(path))
    try:
        parts = (here.parent.resolve() / here.name).relative_to(base).parts
    except ValueError:  # outside the configuration's folder (--config elsewhere): names only
        parts = ()
    names = parts or (here.name,)
    for pattern in config.exclude:
        bare = pattern.strip("/")
        rx = _glob(bare)
        if "/" in bare or pattern.startswith("/"):
            if any(rx.fullmatch("/".join(parts[:k])) for k in range(1, len(parts) + 1)):
                return True
        elif any(rx.fullmatch(name) for name in names):
            return True
    return False


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
