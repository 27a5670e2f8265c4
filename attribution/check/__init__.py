"""``attribution check``: a pre-commit linter for editorial drafts.

``check_text(path, text, config)`` annotates the draft (prose only: Markdown code, front matter, link
targets, HTML tags and comments are masked with offsets kept), runs every rule, applies levels and
suppressions, and returns [`Finding`][attribution.check.Finding]s with 1-based lines and columns counted in
Unicode code points. [`run_check`][attribution.check.run_check] does it for files and directories, each
with the configuration found for it.
"""

from __future__ import annotations

import json
import os
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

import attrs

from .. import HOMEPAGE, __version__
from ..compiled import load
from ..errors import AttributionError, Errors
from ..i18n import _, ngettext
from ..readers import read_draft
from .config import DEFAULT, LEVELS, Config, excluded, find_config, load_config
from .rules import RULE_IDS, RULES, Context

__all__ = ["LEVELS", "RULES", "SUFFIXES", "CheckRun", "Finding", "check_paths", "check_text", "config_for",
           "exit_code", "render_findings", "run_check", "show_config", "use_color"]

#: The drafts found in a directory (a file named on the command line is checked whatever its name).
SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
#: Folders not entered when a directory is searched, besides hidden ones (".git", ".venv", ...).
SKIPPED_DIRS = frozenset({"node_modules", "venv", "site-packages", "__pycache__"})

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
    compiled = load(config.lexicons)
    ctx = Context(article, config, compiled.variants, draft.markers, compiled.labels)
    findings = []
    starts = _line_starts(text)
    for rule in RULES:
        level = config.level(rule.id, rule.level)
        if level == "off":
            continue
        override = config.message(rule.id)
        for start, end, template, fields in rule.find(ctx):
            message = (override or _(template)).format_map(fields)
            line, col = _position(starts, start)
            end_line, end_col = _position(starts, end)
            suppressed = any(s.first_line <= line <= s.last_line and (not s.rules or rule.id in s.rules)
                             for s in draft.suppressions)
            findings.append(Finding(path, line, col, end_line, end_col, start, end, level, rule.id, message,
                                    suppressed))
    findings.sort(key=lambda f: (f.line, f.column, f.rule))
    return findings


@attrs.frozen
class CheckRun:
    """What ``run_check`` found: the findings, one-line errors for files that could not be checked,
    warnings (a concept no lexicon defines, a directory without drafts), and how many files were checked
    and how many the configuration's ``exclude`` skipped."""

    findings: tuple[Finding, ...]
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    files: int = 0
    excluded: int = 0


def _expand(names: Iterable[str], warnings: list[str]) -> Iterator[str]:
    """The files to check: each name as given, and for a directory the drafts inside it (recursively,
    sorted, by suffix), without entering hidden folders or those in ``SKIPPED_DIRS``."""
    for name in names:
        if name == "-" or not os.path.isdir(name):
            yield name
            continue
        found = False
        for root, dirs, files in os.walk(name):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
            for f in sorted(files):
                if os.path.splitext(f)[1].lower() in SUFFIXES:
                    found = True
                    yield os.path.normpath(os.path.join(root, f))
        if not found:
            warnings.append(Errors.W044.format(path=name))


def config_for(name: str, config_path: str | None = None) -> Config:
    """The configuration that applies to file or directory ``name`` (``-``: standard input, found from the
    current folder): ``config_path`` when given, else the nearest one above it, else the defaults."""
    if config_path:
        return load_config(Path(config_path), RULE_IDS)
    found = find_config(Path.cwd() if name == "-" else Path(name))
    return load_config(found, RULE_IDS) if found else DEFAULT


def run_check(paths: Iterable[str], config_path: str | None = None, *,
              stdin_filename: str | None = None) -> CheckRun:
    """Check files and directories (``-``: standard input, read as ``stdin_filename`` when given: its
    suffix picks the reader, its path names the findings and finds the configuration)."""
    from ..inputs import read_input

    findings: list[Finding] = []
    errors: list[str] = []
    warnings: list[str] = []
    files = skipped = 0
    if config_path:
        warnings.extend(config_for("-", config_path).warnings)  # a bad --config stops everything (exit 2)
    seen = {config_path}
    for name in _expand(paths, warnings):
        shown = stdin_filename if name == "-" and stdin_filename else name
        try:
            config = config_for(shown, config_path)
        except AttributionError as exc:  # a missing file is the first thing to say about it
            missing = name != "-" and not os.path.exists(name)
            errors.append(Errors.E001.format(path=name) if missing else str(exc))
            continue
        if config.path not in seen:
            seen.add(config.path)
            warnings.extend(config.warnings)
        if shown != "-" and excluded(Path(shown), config):
            skipped += 1
            continue
        try:
            text = read_input(name)
            findings.extend(check_text(shown, text, config))
        except AttributionError as exc:
            errors.append(str(exc))
            continue
        files += 1
    findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
    return CheckRun(tuple(findings), tuple(errors), tuple(warnings), files, skipped)


def check_paths(paths: Iterable[str], config_path: str | None = None) -> tuple[list[Finding], list[str]]:
    """Findings for every file (directories are searched), and one-line errors for files that could not
    be checked; ``run_check`` tells more."""
    run = run_check(paths, config_path)
    return list(run.findings), list(run.errors)


def exit_code(findings: Iterable[Finding], fail_level: str) -> int:
    """1 when an unsuppressed finding reaches ``fail_level``, else 0 (whatever ``--min-level`` shows)."""
    return int(any(not f.suppressed and _RANK[f.level] >= _RANK[fail_level] for f in findings))


def use_color(choice: str, stream: TextIO, environ: dict[str, str] | None = None) -> bool:
    """Whether to colour output: ``always`` / ``never`` as asked; ``auto`` colours a terminal, unless
    ``NO_COLOR`` is set (no-color.org) or ``TERM=dumb``; ``FORCE_COLOR`` colours a pipe too."""
    env = os.environ if environ is None else environ
    if choice != "auto":
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if env.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or not a real stream
        return False


_STYLE = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m", "path": "\x1b[1m",
          "rule": "\x1b[35m", "dim": "\x1b[2m", "summary": "\x1b[1m"}


def _count(n: int, level: str) -> str:
    if level == "error":
        return ngettext("{n} error", "{n} errors", n).format(n=n)
    if level == "warning":
        return ngettext("{n} warning", "{n} warnings", n).format(n=n)
    return ngettext("{n} info", "{n} info", n).format(n=n)


def _files(n: int) -> str:
    return ngettext("{n} file", "{n} files", n).format(n=n)


def _summary(shown: list[Finding], files: int, skipped: int) -> str:
    counts = [(lv, sum(f.level == lv for f in shown)) for lv in ("error", "warning", "info")]
    what = _(", ").join(_count(n, lv) for lv, n in counts if n) or _("No findings")
    where = ngettext("in {n} file", "in {n} files", files).format(n=files)
    if skipped:
        return _("{what} {where} ({excluded} excluded).").format(what=what, where=where, excluded=_files(skipped))
    return _("{what} {where}.").format(what=what, where=where)


def render_findings(findings: Iterable[Finding], fmt: str, *, min_level: str = "info", files: int | None = None,
                    excluded: int = 0, color: bool = False) -> str:
    """``findings`` as text (one a line, then a summary line), JSON or SARIF; those below ``min_level``
    are left out of every format. ``files`` is how many files were checked (by default, those with a
    finding); ``color`` adds ANSI colours to the text format."""
    findings = list(findings)
    visible = [f for f in findings if _RANK[f.level] >= _RANK[min_level]]
    if fmt == "json":
        return json.dumps([attrs.asdict(f) for f in visible], ensure_ascii=False, indent=1) + "\n"
    if fmt == "sarif":
        return json.dumps(_sarif(visible), ensure_ascii=False, indent=1) + "\n"

    def paint(text: str, style: str) -> str:
        return f"{_STYLE[style]}{text}\x1b[0m" if color else text

    shown = [f for f in visible if not f.suppressed]
    lines = [f"{paint(f'{f.path}:{f.line}:{f.column}:', 'path')} {paint(f.level, f.level)} {paint(f.rule, 'rule')} "
             f"{f.message}" for f in shown]
    hidden = len(visible) - len(shown)
    if hidden:
        lines.append(paint(ngettext("({n} suppressed finding not shown; --format json lists them)",
                                    "({n} suppressed findings not shown; --format json lists them)",
                                    hidden).format(n=hidden), "dim"))
    below = len(findings) - len(visible)
    if below:
        lines.append(paint(ngettext("({n} finding below --min-level {level} not shown)",
                                    "({n} findings below --min-level {level} not shown)",
                                    below).format(n=below, level=min_level), "dim"))
    checked = len({f.path for f in findings}) if files is None else files
    lines.append(paint(_summary(shown, checked, excluded), "summary"))
    return "\n".join(lines) + "\n"


def _q(text: str) -> str:
    """``text`` as a TOML basic string (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def show_config(name: str, config_path: str | None = None) -> str:
    """The configuration that applies to ``name``, as TOML for ``.attribution.toml``, each rule's level
    included (``# default`` when not set), and a comment saying which file it comes from."""
    config = config_for(name, config_path)
    if config.path is None:
        start = Path.cwd() if name == "-" else Path(name)
        source = _("built-in defaults (no .attribution.toml, nor pyproject.toml with [tool.attribution], "
                   "at or above {folder})").format(folder=start.resolve())
    else:
        source = str(Path(config.path).resolve()) + (" [tool.attribution]" if config.path.endswith("pyproject.toml")
                                                      else "")
    out = ["# " + _("configuration for {name}: {source}").format(name=name, source=source),
           f"lexicons = [{', '.join(_q(x) for x in config.lexicons)}]",
           f"check-quoted = {str(config.check_quoted).lower()}",
           f"exclude = [{', '.join(_q(x) for x in config.exclude)}]"]
    out.append(f"lang = {_q(config.lang or 'en')}" + ("" if config.lang else "  " + _("# default")))
    out += ["", "[rules]"]
    set_here = dict(config.levels)
    for rule in RULES:
        level = set_here.get(rule.id, rule.level)
        out.append(f"{rule.id} = {_q(level)}" + ("" if rule.id in set_here else "  " + _("# default")))
    if config.messages:
        out += ["", "[messages]", *(f"{rule} = {_q(template)}" for rule, template in config.messages)]
    for concept, policy in config.concepts:
        out += ["", f"[concepts.{_q(concept) if not re.fullmatch(r'[A-Za-z0-9_-]+', concept) else concept}]",
                f"house = {_q(policy.house)}", f"allowed = [{', '.join(_q(x) for x in policy.allowed)}]"]
    return "\n".join(out) + "\n"


def _uri(path: str) -> str:
    """A relative URI reference for ``path``: percent-encoded UTF-8, "/" kept ("مسودة خبر #1.md")."""
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/")


def _sarif(findings: list[Finding]) -> dict[str, object]:
    level = {"error": "error", "warning": "warning", "info": "note"}
    rules = [{"id": r.id, "name": r.id, "shortDescription": {"text": _(r.summary)},
              "fullDescription": {"text": _(r.what)},
              "help": {"text": _("{why} Example: {bad} Use instead: {good}").format(why=_(r.why), bad=r.bad,
                                                                                    good=r.good)},
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
                                      "informationUri": HOMEPAGE, "rules": rules}},
                  "columnKind": "unicodeCodePoints", "results": results}],
    }
