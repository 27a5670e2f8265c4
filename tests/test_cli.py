"""The command line: JSON/text output, input errors (exit 2, one line, others still processed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from attribution.cli import main

ARTICLE = "قال المتحدث باسم الجيش اللبناني إن الوضع على الحدود هادئ.\n"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "attribution.cli", *args], input=stdin, capture_output=True,
                          timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def test_json_one_line_per_file_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text("خبر بلا مصدر.", encoding="utf-8")
    assert main(["annotate", str(a), str(b)]) == 0
    lines = capsys.readouterr().out.splitlines()
    docs = [json.loads(line) for line in lines]
    assert [d["path"] for d in docs] == [str(a), str(b)]
    first = docs[0]
    assert set(first) >= {"path", "outlet", "regions", "sentences", "attributions", "terms"}
    att = first["attributions"][0]
    assert set(att) >= {"source", "cue", "content", "direct", "via"}
    assert set(att["source"]) >= {"name", "kind", "aliases", "mention"}
    assert first["sentences"][0]["speaker"]["kind"] == att["source"]["kind"]
    text = a.read_text(encoding="utf-8")
    assert text[att["content"]["start"]:att["content"]["end"]] == att["content"]["text"]


def test_text_format_keeps_arabic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    assert main(["annotate", "--format", "text", str(a)]) == 0
    out = capsys.readouterr().out
    assert "الوضع على الحدود هادئ" in out and "official" in out


def test_outlet_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    main(["annotate", "--outlet", "الجزيرة", str(a)])
    assert json.loads(capsys.readouterr().out)["outlet"]["name"] == "الجزيرة"


def test_bad_inputs_exit_2_and_others_still_run(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café".encode("latin-1"))
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    proc = run("annotate", str(tmp_path / "missing.txt"), str(latin1), str(good), str(binary))
    assert proc.returncode == 2
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 3 and "Traceback" not in proc.stderr
    assert "missing.txt" in errors[0] and "not UTF-8" in errors[1] and "binary" in errors[2]
    assert len(proc.stdout.splitlines()) == 1 and json.loads(proc.stdout)["path"] == str(good)


def test_stdin_and_version() -> None:
    proc = run("annotate", "-", stdin=ARTICLE.encode())
    assert proc.returncode == 0 and json.loads(proc.stdout)["attributions"]
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("attribution ")


def test_usage_error_is_exit_2() -> None:
    proc = run("annotate")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
