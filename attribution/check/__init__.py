"""``attribution check``: a pre-commit linter for editorial drafts.

``check_text(path, text, config)`` annotates the draft (prose only: Markdown code, front matter, link
targets, HTML tags and comments are masked with offsets kept), runs every rule, applies levels and
suppressions, and returns [`Finding`][attribution.check.Finding]s with 1-based lines and columns counted in
Unicode code points.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path

import attrs

from .. import __version__
from ..errors import AttributionError, InputError
from ..lexicons import load_terms
from ..readers import read_draft
from .config import DEFAULT, LEVELS, Config, find_config, load_config
from .rules import RULE_IDS, RULES, Context

__all__ = ["LEVELS", "RULES", "Finding", "check_paths", "check_text", "exit_code", "render_findings"]

_RANK = {level: i for i, level in enumerate(LEVELS)}


@attrs.frozen
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    level: str
    rule: str
    message: str
    suppressed: bool = False


_LINE_END = re.compile(r"\r\n|\r|\n")


def _line_starts(text: str) -> list[int]:
    """Where each line starts; a line ends at LF, CRLF or a lone CR (old Mac files)."""
    return [0, *(m.end() for m in _LINE_END.finditer(text))]


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, given the line starts of its text (found once, so that a
    file with thousands of findings is not rescanned for each)."""
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def check_text(path: str, text: str, config: Config = DEFAULT) -> list[Finding]:
    """Every finding in ``text`` (the content of ``path``), sorted by position."""
    from .. import annotate

    draft = read_draft(Path(path), text)
    article = annotate(draft.masked, lexicons=config.lexicons)
    ctx = Context(article, config, load_terms(config.lexicons))
    findings = []
    starts = _line_starts(text)
    for rule in RULES:
        level = config.level(rule.id, rule.level)
        if level == "off":
            continue
        for start, end, message in rule.find(ctx):
            line, col = _position(starts, start)
            end_line, end_col = _position(starts, end)
            suppressed = any(s.first_line <= line <= s.last_line and (not s.rules or rule.id in s.rules)
                             for s in draft.suppressions)
            findings.append(Finding(path, line, col, end_line, end_col, start, end, level, rule.id, message,
                                    suppressed))
    findings.sort(key=lambda f: (f.line, f.column, f.rule))
    return findings


def check_paths(paths: Iterable[str], config_path: str | None = None) -> tuple[list[Finding], list[str]]:
    """Findings for every file, and one-line errors for files that could not be checked."""
    from ..inputs import read_input

    findings: list[Finding] = []
    errors: list[str] = []
    fixed = load_config(Path(config_path), RULE_IDS) if config_path else None
    for name in paths:
        try:
            text = read_input(name)
        except InputError as exc:
            errors.append(str(exc))
            continue
        try:
            if fixed is not None:
                config = fixed
            else:
                found = find_config(Path(name)) if name != "-" else find_config(Path.cwd())
                config = load_config(found, RULE_IDS) if found else DEFAULT
        except AttributionError as exc:
            errors.append(str(exc))
            continue
        findings.extend(check_text(name, text, config))
    findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
    return findings, errors


def exit_code(findings: Iterable[Finding], fail_level: str) -> int:
    """1 when an unsuppressed finding reaches ``fail_level``, else 0."""
    return int(any(not f.suppressed and _RANK[f.level] >= _RANK[fail_level] for f in findings))


def render_findings(findings: list[Finding], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([attrs.asdict(f) for f in findings], ensure_ascii=False, indent=1) + "\n"
    if fmt == "sarif":
        return json.dumps(_sarif(findings), ensure_ascii=False, indent=1) + "\n"
    lines = [f"{f.path}:{f.line}:{f.column}: {f.level} {f.rule} {f.message}" for f in findings if not f.suppressed]
    hidden = sum(f.suppressed for f in findings)
    if hidden:
        lines.append(f"({hidden} suppressed finding{'s' if hidden != 1 else ''} not shown; --format json lists them)")
    return "\n".join(lines) + ("\n" if lines else "")


def _uri(path: str) -> str:
    """A relative URI reference for ``path``: percent-encoded UTF-8, "/" kept ("مسودة خبر #1.md")."""
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/")


def _sarif(findings: list[Finding]) -> dict[str, object]:
    level = {"error": "error", "warning": "warning", "info": "note"}
    rules = [{"id": r.id, "name": r.id, "shortDescription": {"text": r.summary}, "fullDescription": {"text": r.what},
              "help": {"text": f"{r.why} Example: {r.bad} Use instead: {r.good}"},
              "defaultConfiguration": {"level": level[r.level]}} for r in RULES]
    results = []
    for f in findings:
        result: dict[str, object] = {
            "ruleId": f.rule, "level": level[f.level], "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(f.path)},
                "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                           "endColumn": f.end_column, "charOffset": f.start, "charLength": f.end - f.start}}}],
        }
        if f.suppressed:
            result["suppressions"] = [{"kind": "inSource"}]
        results.append(result)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "attribution", "version": __version__,
                                      "informationUri": "https://example.invalid/attribution", "rules": rules}},
                  "columnKind": "unicodeCodePoints", "results": results}],
    }
