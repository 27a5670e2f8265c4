"""attribution check next to Vale and ruff: directories and excludes, the summary line and colour, --help,
--stdin-filename, typo warnings (unknown concepts, unknown rules in markers), --show-config, --min-level."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from attribution.check import (
    Finding,
    check_text,
    exit_code,
    render_findings,
    run_check,
    show_config,
    use_color,
)
from attribution.check.config import Config, excluded, load_config
from attribution.check.rules import RULE_IDS
from attribution.errors import UsageError

LOADED = "وقصفت ميليشيات موالية لإيران القاعدة.\n"  # loaded-term, an error by default
VAGUE = "ويعتقد أن الاتفاق قريب.\n"  # vague-attribution, a warning by default
BOTH = "ويعتقد أن الاتفاق قريب. وقصفت ميليشيات موالية لإيران القاعدة.\n"


def run_cli(*args: str, cwd: Path | None = None, stdin: str | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run([sys.executable, "-m", "attribution.cli", "check", *args], capture_output=True, text=True,
                          cwd=cwd, input=stdin, timeout=120, env={**environ, **(env or {})})


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- directories and excludes ---------------------------------------------------------------------------


def test_directory_is_searched_for_drafts(tmp_path: Path) -> None:
    write(tmp_path / "news" / "a.md", LOADED)
    write(tmp_path / "news" / "sub" / "b.txt", VAGUE)
    write(tmp_path / "news" / "sub" / "c.html", f"<p>{LOADED}</p>")
    write(tmp_path / "news" / "notes.py", LOADED)  # not a draft
    write(tmp_path / "news" / ".git" / "d.md", LOADED)  # hidden folder
    write(tmp_path / "news" / "node_modules" / "e.md", LOADED)
    (tmp_path / "news" / "empty").mkdir()
    run = run_check([str(tmp_path / "news")])
    assert run.errors == () and run.files == 3
    paths = {Path(f.path).relative_to(tmp_path).as_posix() for f in run.findings}
    assert paths == {"news/a.md", "news/sub/b.txt", "news/sub/c.html"}
    assert [f.path for f in run.findings] == sorted(f.path for f in run.findings)


def test_directory_on_the_command_line(tmp_path: Path) -> None:
    write(tmp_path / "drafts" / "a.md", LOADED)
    write(tmp_path / "drafts" / "b.md", "وقال وزير الخارجية إن المحادثات مستمرة.\n")
    proc = run_cli("drafts", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith(f"drafts{os.sep}a.md:1:7: error loaded-term")
    assert proc.stdout.splitlines()[-1] == "1 error in 2 files."
    (tmp_path / "none").mkdir()
    empty = run_cli("none", cwd=tmp_path)
    assert empty.returncode == 0 and "W044 none: no .txt, .md or .html files" in empty.stderr
    assert empty.stdout == "No findings in 0 files.\n"


def test_excludes_from_the_config(tmp_path: Path) -> None:
    write(tmp_path / ".attribution.toml", 'exclude = ["drafts/**", "*.min.md", "archive"]\n')
    for name in ("a.md", "drafts/b.md", "drafts/deep/c.md", "x.min.md", "news/archive/old/d.md", "news/e.md"):
        write(tmp_path / name, LOADED)
    run = run_check([str(tmp_path)])
    assert sorted(Path(f.path).relative_to(tmp_path).as_posix() for f in run.findings) == ["a.md", "news/e.md"]
    assert (run.files, run.excluded) == (2, 4)
    # a file named on the command line is excluded too: pre-commit passes files one by one
    named = run_check([str(tmp_path / "drafts" / "b.md"), str(tmp_path / "a.md")])
    assert (named.files, named.excluded, len(named.findings)) == (1, 1, 1)
    proc = run_cli(str(tmp_path / "x.min.md"), cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == "No findings in 0 files (1 file excluded).\n"


@pytest.mark.parametrize(("pattern", "path", "expected"), [
    ("drafts/**", "drafts/a.md", True),
    ("drafts/**", "drafts/x/y/a.md", True),
    ("drafts/**", "news/drafts/a.md", False),  # a pattern with "/" is anchored at the config's folder
    ("/drafts", "drafts/a.md", True),
    ("drafts", "news/drafts/a.md", True),  # one without matches any part
    ("*.min.md", "news/a.min.md", True),
    ("*.min.md", "news/a.md", False),
    ("news/*.md", "news/a.md", True),
    ("news/*.md", "news/sub/a.md", False),  # * stays within one part
    ("**/tmp/*.md", "tmp/a.md", True),
    ("**/tmp/*.md", "x/y/tmp/a.md", True),
    ("draft-?.md", "draft-1.md", True),
    ("draft-?.md", "draft-10.md", False),
    ("draft-[0-9].md", "draft-7.md", True),
    ("draft-[!0-9].md", "draft-7.md", False),
    ("draft-[!0-9].md", "draft-x.md", True),
])
def test_exclude_globs(tmp_path: Path, pattern: str, path: str, expected: bool) -> None:
    config = Config(str(tmp_path / ".attribution.toml"), exclude=(pattern,))
    assert excluded(tmp_path / path, config) is expected


def test_exclude_is_validated(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".attribution.toml", 'check-quoted = false\nexclude = "drafts/**"\n')
    with pytest.raises(UsageError, match=r":2: \[tool.attribution\] exclude: must be a list of glob patterns"):
        load_config(cfg, RULE_IDS)


# --- summary, colour, help ---------------------------------------------------------------------------------


def finding(level: str, rule: str = "loaded-term", path: str = "d.md", suppressed: bool = False) -> Finding:
    return Finding(path, 1, 1, 1, 2, 0, 1, level, rule, "message", suppressed)


def test_summary_line() -> None:
    assert render_findings([], "text", files=3) == "No findings in 3 files.\n"
    assert render_findings([], "text", files=1, excluded=2) == "No findings in 1 file (2 files excluded).\n"
    found = [finding("error"), finding("error"), finding("warning"), finding("warning", path="e.md"),
             finding("info"), finding("error", suppressed=True)]
    text = render_findings(found, "text", files=4)
    assert text.splitlines()[-1] == "2 errors, 2 warnings, 1 info in 4 files."
    assert "(1 suppressed finding not shown; --format json lists them)" in text
    assert render_findings([finding("warning")], "text").splitlines()[-1] == "1 warning in 1 file."
    assert len(json.loads(render_findings(found, "json", files=4))) == 6  # no summary in machine formats


class Tty(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(("choice", "tty", "env", "expected"), [
    ("auto", True, {}, True),
    ("auto", False, {}, False),
    ("auto", True, {"NO_COLOR": "1"}, False),
    ("auto", True, {"NO_COLOR": ""}, True),  # no-color.org: only a non-empty value counts
    ("auto", False, {"FORCE_COLOR": "1"}, True),
    ("auto", False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ("auto", True, {"TERM": "dumb"}, False),
    ("always", False, {"NO_COLOR": "1"}, True),
    ("never", True, {"FORCE_COLOR": "1"}, False),
])
def test_use_color(choice: str, tty: bool, env: dict[str, str], expected: bool) -> None:
    assert use_color(choice, Tty(tty), env) is expected


def test_colour_on_the_command_line(tmp_path: Path) -> None:
    draft = write(tmp_path / "d.md", BOTH)
    plain = run_cli(str(draft))
    assert "\x1b[" not in plain.stdout and plain.returncode == 1
    assert "\x1b[1;31merror\x1b[0m" in run_cli(str(draft), "--color", "always").stdout
    assert "\x1b[1;33mwarning\x1b[0m" in run_cli(str(draft), env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in run_cli(str(draft), env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    coloured_json = run_cli(str(draft), "--color", "always", "--format", "json").stdout
    assert "\x1b[" not in coloured_json and len(json.loads(coloured_json)) == 2


def test_help_describes_every_option_exit_codes_and_stdin() -> None:
    from attribution.cli import _parser

    check = next(a for a in _parser()._subparsers._group_actions[0].choices.values()  # type: ignore[union-attr]
                 if a.prog.endswith(" check"))
    for action in check._actions:
        assert action.help, f"{action.dest} has no help"
    text = check.format_help()
    for needle in ("FILE", "--format", "--fail-level", "--min-level", "--stdin-filename", "--color", "NO_COLOR",
                   "--show-config", "exit status:", "  0  ", "  1  ", "  2  ", "standard input:", "check -"):
        assert needle in text, needle


# --- standard input ----------------------------------------------------------------------------------------

FRONT = "---\nsummary: وقصف الكيان الصهيوني البلدة.\n---\nوقال وزير الخارجية إن المحادثات مستمرة.\n"


def test_stdin_filename_picks_the_reader_and_names_findings(tmp_path: Path) -> None:
    as_text = run_cli("-", stdin=FRONT, cwd=tmp_path)
    assert as_text.returncode == 1 and as_text.stdout.startswith("-:2:15: error loaded-term")
    as_md = run_cli("-", "--stdin-filename", "news/draft.md", stdin=FRONT, cwd=tmp_path)
    assert as_md.returncode == 0 and as_md.stdout == "No findings in 1 file.\n", as_md.stdout
    bad = run_cli("-", "--stdin-filename", "news/draft.md", stdin=FRONT + LOADED, cwd=tmp_path)
    assert bad.returncode == 1 and bad.stdout.startswith("news/draft.md:5:7: error loaded-term")
    alone = run_cli("--stdin-filename", "news/draft.md", stdin=FRONT + LOADED, cwd=tmp_path)  # - implied
    assert alone.stdout == bad.stdout


def test_stdin_filename_finds_config_and_excludes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(site / ".attribution.toml", 'exclude = ["drafts/**"]\n[rules]\nloaded-term = "warning"\n')
    path = str(site / "news" / "a.md")
    relaxed = run_cli("-", "--stdin-filename", path, stdin=LOADED, cwd=tmp_path)
    assert relaxed.returncode == 0 and f"{path}:1:7: warning loaded-term" in relaxed.stdout
    skipped = run_cli("-", "--stdin-filename", str(site / "drafts" / "a.md"), stdin=LOADED, cwd=tmp_path)
    assert skipped.returncode == 0 and skipped.stdout == "No findings in 0 files (1 file excluded).\n"


def test_stdin_filename_needs_stdin(tmp_path: Path) -> None:
    draft = write(tmp_path / "a.md", LOADED)
    proc = run_cli(str(draft), "--stdin-filename", "x.md")
    assert proc.returncode == 2 and "E044 --stdin-filename x.md" in proc.stderr and "Traceback" not in proc.stderr
    none = run_cli()
    assert none.returncode == 2 and "E043" in none.stderr and "Traceback" not in none.stderr


# --- typos ---------------------------------------------------------------------------------------------------


def test_unknown_rule_in_marker_is_reported() -> None:
    text = ("وقصف الكيان الصهيوني البلدة. <!-- attribution: ignore loaded-trem -->\n"
            "وقصف الكيان الصهيوني القرية. <!-- attribution: ignore distancing, loaded-term -->\n"
            "<!-- attribution: ignroe -->\n"
            "<!-- attribution: ignore-start inconsistent-naming -->\nنص.\n<!-- attribution: ignore-end whatever -->\n")
    found = check_text("d.md", text)
    bad = [(f.line, f.message) for f in found if f.rule == "invalid-suppression"]
    assert bad == [(1, "'loaded-trem' is not a rule (did you mean 'loaded-term'?); this marker suppresses no "
                       "rule of that name"),
                   (3, "'ignroe' is not a marker directive (did you mean 'ignore'?); use ignore, ignore-start or "
                       "ignore-end; this marker suppresses nothing")]
    loaded = [(f.line, f.suppressed) for f in found if f.rule == "loaded-term"]
    assert loaded == [(1, False), (2, True)]  # the misspelt marker kept nothing; a comma list works
    assert not any(f.rule == "invalid-suppression" for f in check_text("d.txt", "[attribution: ignore]\nنص.\n"))


def test_unknown_rule_level_is_configurable(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".attribution.toml", '[rules]\ninvalid-suppression = "error"\n')
    found = check_text("d.txt", "نص. [attribution: ignore no-such-rule]\n", load_config(cfg, RULE_IDS))
    assert [(f.rule, f.level) for f in found] == [("invalid-suppression", "error")]
    assert exit_code(found, "error") == 1


def test_unknown_concept_warns_with_line(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".attribution.toml", 'check-quoted = false\n\n[concepts.armed_groups]\nhouse = "فصائل مسلحة"\n'
                                                '\n[concepts.armed_group]\nallowed = ["جماعات مسلحة"]\n')
    (warning,) = load_config(cfg, RULE_IDS).warnings
    assert warning.startswith(f"W043 {cfg}:6: [tool.attribution] concepts.armed_group: no lexicon defines this "
                              "concept (did you mean 'armed_groups'?)")
    draft = write(tmp_path / "d.md", VAGUE)
    proc = run_cli(str(draft))
    assert proc.returncode == 0 and proc.stderr.count("W043") == 1  # once per configuration, not per file
    assert "vague-attribution" in proc.stdout


def test_concept_from_a_configured_lexicon_is_known(tmp_path: Path) -> None:
    write(tmp_path / "style" / "house.toml", '[[concept]]\nid = "house_only"\nlabel_en = "A house concept"\n\n'
                                             '  [[concept.variant]]\n  term = "كلمة مختبرة"\n  stance = "negative"\n')
    cfg = write(tmp_path / "pyproject.toml", '[tool.attribution]\nlexicons = ["style/house.toml"]\n\n'
                                             '[tool.attribution.concepts.house_only]\nhouse = "كلمة"\n'
                                             '[tool.attribution.concepts.house_onyl]\nhouse = "كلمة"\n')
    (warning,) = load_config(cfg, RULE_IDS).warnings
    assert ":6: [tool.attribution] concepts.house_onyl:" in warning and "'house_only'" in warning


def test_unknown_rule_or_key_in_config_suggests_the_closest(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".attribution.toml", '[rules]\nloaded-terms = "warning"\n')
    with pytest.raises(UsageError, match=r":2: \[tool.attribution\] rules.loaded-terms: unknown rule \(did you mean "
                                         r"'loaded-term'\?\); rules are loaded-term, "):
        load_config(cfg, RULE_IDS)
    cfg.write_text('excludes = ["drafts/**"]\n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"excludes: unknown key \(did you mean 'exclude'\?\)"):
        load_config(cfg, RULE_IDS)


def test_error_lines_point_into_the_right_table(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".attribution.toml", '[concepts.armed_groups]\nhouse = "فصائل مسلحة"\n\n'
                                                '[concepts.israel]\nhouse = 3\n')
    with pytest.raises(UsageError, match=r":5: \[tool.attribution\] concepts.israel.house: must be a string"):
        load_config(cfg, RULE_IDS)


# --- --show-config -------------------------------------------------------------------------------------------


def test_show_config_names_the_file_and_round_trips(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".attribution.toml", 'exclude = ["drafts/**"]\ncheck-quoted = true\n\n[rules]\n'
                                                'distancing = "info"\n\n[concepts.armed_groups]\n'
                                                'house = "فصائل مسلحة"\nallowed = ["جماعات مسلحة"]\n')
    draft = write(tmp_path / "news" / "a.md", LOADED)
    text = show_config(str(draft))
    assert text.splitlines()[0] == f"# configuration for {draft}: {cfg.resolve()}"
    assert 'distancing = "info"\n' in text and 'loaded-term = "error"  # default\n' in text
    again = write(tmp_path / "copy" / ".attribution.toml", text)
    original, shown = load_config(cfg, RULE_IDS), load_config(again, RULE_IDS)
    assert shown.exclude == original.exclude and shown.concepts == original.concepts
    assert shown.check_quoted is True and set(dict(shown.levels)) == set(RULE_IDS)
    assert dict(shown.levels)["distancing"] == "info" and tomllib.loads(text)["rules"]["loaded-term"] == "error"


def test_show_config_on_the_command_line(tmp_path: Path) -> None:
    proc = run_cli("--show-config", cwd=tmp_path)
    assert proc.returncode == 0 and "built-in defaults" in proc.stdout.splitlines()[0]
    write(tmp_path / "pyproject.toml", '[tool.attribution.concepts.armed_group]\nhouse = "فصائل مسلحة"\n')
    draft = write(tmp_path / "a.md", LOADED)
    shown = run_cli("--show-config", str(draft), cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "pyproject.toml [tool.attribution]" in shown.stdout.splitlines()[0]
    assert "[concepts.armed_group]" in shown.stdout and "W043" in shown.stderr
    assert "error loaded-term" not in shown.stdout and "in 1 file" not in shown.stdout  # nothing is checked


# --- --min-level ---------------------------------------------------------------------------------------------


def test_min_level_hides_but_fail_level_counts(tmp_path: Path) -> None:
    draft = write(tmp_path / "d.md", BOTH)
    shown = run_cli(str(draft), "--min-level", "error")
    assert shown.returncode == 1 and "vague-attribution" not in shown.stdout and "loaded-term" in shown.stdout
    assert "(1 finding below --min-level error not shown)" in shown.stdout
    assert shown.stdout.splitlines()[-1] == "1 error in 1 file."
    write(tmp_path / ".attribution.toml", '[rules]\nloaded-term = "warning"\n')
    hidden = run_cli(str(draft), "--min-level", "error", "--fail-level", "warning")
    assert hidden.returncode == 1 and hidden.stdout.splitlines()[-1] == "No findings in 1 file."
    assert run_cli(str(draft), "--min-level", "error").returncode == 0
    data = json.loads(run_cli(str(draft), "--min-level", "error", "--format", "json").stdout)
    assert data == []
    assert len(json.loads(run_cli(str(draft), "--format", "json").stdout)) == 2
