"""attribution check: rules (each with its documented examples), config, suppression, formats, exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from attribution.check import RULES, check_text, exit_code, render_findings
from attribution.check.config import load_config
from attribution.check.rules import RULE_IDS
from attribution.errors import UsageError
from attribution.readers import mask_html, mask_markdown

ROOT = Path(__file__).resolve().parent.parent


def rules_in(text: str, name: str = "draft.txt") -> set[str]:
    return {f.rule for f in check_text(name, text) if not f.suppressed}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_each_rule_documented_examples(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.summary and rule.what and rule.why and rule.bad and rule.good
    assert rule.id in rules_in(rule.bad), f"the bad example of {rule.id} does not trigger it"
    assert rule.id not in rules_in(rule.good), f"the good example of {rule.id} triggers it"
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert f"## `{rule.id}`" in docs and rule.bad in docs and rule.good in docs


def test_quoted_terms_pass_unless_configured(tmp_path: Path) -> None:
    text = "وقال المتحدث: «ميليشيات موالية لإيران هاجمتنا»."
    assert "loaded-term" not in rules_in(text)
    cfg = tmp_path / ".attribution.toml"
    cfg.write_text("check-quoted = true\n", encoding="utf-8")
    found = check_text("d.txt", text, load_config(cfg, RULE_IDS))
    assert any(f.rule == "loaded-term" and "quoted speech" in f.message for f in found)


def test_house_terms_and_allowed_terms(tmp_path: Path) -> None:
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text('[tool.attribution.concepts.armed_groups]\nhouse = "فصائل مسلحة"\nallowed = ["مسلحون"]\n'
                   '[tool.attribution.rules]\ninconsistent-naming = "off"\n', encoding="utf-8")
    config = load_config(cfg, RULE_IDS)
    found = check_text("d.txt", "وشنت ميليشيات موالية لإيران هجوما.", config)
    assert any("house style: «فصائل مسلحة»" in f.message for f in found)
    assert not any(f.rule == "inconsistent-naming" for f in found)


def test_line_and_column_in_code_points() -> None:
    text = "سطر أول.\nوقصفت ميليشيات موالية لإيران القاعدة."
    (f,) = [f for f in check_text("d.txt", text) if f.rule == "loaded-term"]
    assert (f.line, f.column) == (2, 7)
    assert text[f.start:f.end] == "ميليشيات موالية لإيران"


def test_markdown_skips_code_front_matter_links_and_comments() -> None:
    text = ("---\ntitle: الكيان الصهيوني\n---\n`الكيان الصهيوني`\n\n```\nالكيان الصهيوني\n```\n"
            "[نص](https://x.org/الكيان-الصهيوني) <!-- الكيان الصهيوني -->\n\n    الكيان الصهيوني\n")
    masked = mask_markdown(text)
    assert len(masked) == len(text) and "الكيان" not in masked
    assert rules_in(text, "d.md") == set()
    found = check_text("d.md", text + "\nوقصف الكيان الصهيوني البلدة.\n")
    assert [(f.rule, f.line) for f in found] == [("loaded-term", text.count("\n") + 2)]


def test_html_text_only() -> None:
    text = '<html><head><style>.a{}</style></head><body><p title="الكيان الصهيوني">وقصف الكيان الصهيوني البلدة.</p></body></html>'
    masked = mask_html(text)
    assert len(masked) == len(text) and "title" not in masked
    found = [f for f in check_text("d.html", text) if f.rule == "loaded-term"]
    assert len(found) == 1 and text[found[0].start:found[0].end] == "الكيان الصهيوني"


def test_suppression_line_and_block_reported_not_dropped() -> None:
    text = ("وقصف الكيان الصهيوني البلدة. <!-- attribution: ignore loaded-term -->\n"
            "<!-- attribution: ignore-start -->\nوقصف الكيان الصهيوني القرية.\n<!-- attribution: ignore-end -->\n"
            "[attribution: ignore distancing]\nوقصف الكيان الصهيوني المدينة.\n")
    found = [f for f in check_text("d.md", text) if f.rule == "loaded-term"]
    assert [f.suppressed for f in found] == [True, True, False]
    assert exit_code(found[:2], "error") == 0 and exit_code(found, "error") == 1
    data = json.loads(render_findings(found, "json"))
    assert [d["suppressed"] for d in data] == [True, True, False]
    assert "2 suppressed findings not shown" in render_findings(found, "text")


def test_sarif_is_2_1_0() -> None:
    found = check_text("d.txt", "وقصف الكيان الصهيوني البلدة.")
    sarif = json.loads(render_findings(found, "sarif"))
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == set(RULE_IDS)
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 1 and region["startColumn"] == 6 and run["columnKind"] == "unicodeCodePoints"


@pytest.mark.parametrize(("content", "needle"), [
    ('[tool.attribution.rules]\nloaded-term = "fatal"\n', ":2: [tool.attribution] rules.loaded-term: level must be"),
    ('[tool.attribution.rules]\nno-such-rule = "error"\n', ":2: [tool.attribution] rules.no-such-rule: unknown rule"),
    ('[tool.attribution]\ncolour = 1\n', ":2: [tool.attribution] colour: unknown key"),
    ('[tool.attribution]\ncheck-quoted = "yes"\n', ":2: [tool.attribution] check-quoted: must be true or false"),
    ('[tool.attribution\n', "invalid TOML"),
])
def test_bad_config_names_key_and_line(tmp_path: Path, content: str, needle: str) -> None:
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as info:
        load_config(cfg, RULE_IDS)
    assert needle in str(info.value) and str(cfg) in str(info.value)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "attribution.cli", "check", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_cli_exit_codes_and_config_discovery(tmp_path: Path) -> None:
    draft = tmp_path / "news" / "draft.txt"
    draft.parent.mkdir()
    draft.write_text("ويعتقد أن الاتفاق قريب. وقصفت ميليشيات موالية لإيران القاعدة.\n", encoding="utf-8")
    proc = run_cli(str(draft))
    assert proc.returncode == 1 and "loaded-term" in proc.stdout and "vague-attribution" in proc.stdout
    (tmp_path / ".attribution.toml").write_text('[rules]\nloaded-term = "warning"\n', encoding="utf-8")
    assert run_cli(str(draft)).returncode == 0
    assert run_cli(str(draft), "--fail-level", "warning").returncode == 1
    (tmp_path / ".attribution.toml").write_text('[rules]\nloaded-term = "loud"\n', encoding="utf-8")
    bad = run_cli(str(draft))
    assert bad.returncode == 2 and ".attribution.toml:2:" in bad.stderr and "Traceback" not in bad.stderr
    missing = run_cli(str(tmp_path / "nope.md"))
    assert missing.returncode == 2 and "nope.md" in missing.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
    if not Path(pre_commit).exists():
        pytest.skip("pre-commit is not installed (pip install '.[test]')")
    repo = tmp_path / "newsroom"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / "ok.md").write_text("# خبر\n\nوقال وزير الخارجية إن المحادثات مستمرة.\n", encoding="utf-8")
    (repo / "bad.md").write_text("# خبر\n\nوقصف الكيان الصهيوني البلدة.\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    proc = subprocess.run([pre_commit, "try-repo", str(ROOT), "attribution-check", "--all-files"], cwd=repo,
                          capture_output=True, text=True, env=env, timeout=1500)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "bad.md:3:6: error loaded-term" in out and "ok.md" not in out.split("attribution check")[-1]
    # an Arabic-speaking editor's machine: the same hook, the same exit code, the findings in Arabic
    arabic = subprocess.run([pre_commit, "try-repo", str(ROOT), "attribution-check", "--all-files"], cwd=repo,
                            capture_output=True, text=True, env={**env, "LANG": "ar_SA.UTF-8"}, timeout=1500)
    out = arabic.stdout + arabic.stderr
    assert arabic.returncode == 1, out
    assert "bad.md:3:6: error loaded-term مصطلح محمّل «الكيان الصهيوني»" in out and "خطأ واحد في ملفين." in out
