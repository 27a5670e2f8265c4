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


ISOLATES = ("\u2067", "\u2069")
UNNAMED = "قالت الوزارة إن الطريق مفتوح.\n"  # no outlet on the page


def _through_a_terminal(*args: str) -> str:
    """What the command writes to standard output when that is a terminal (a pseudo-terminal here)."""
    pty = pytest.importorskip("pty")
    import os

    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "attribution.cli", *args], stdout=follower,
                            stderr=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed: everything has been read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=120) == 0
    return b"".join(chunks).decode("utf-8")


def test_text_bidi_isolates_on_a_terminal_only(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    piped = run("annotate", "--format", "text", str(a))
    assert piped.returncode == 0 and "الوضع على الحدود هادئ" in piped.stdout
    assert not any(mark in piped.stdout for mark in ISOLATES)  # a pipe gets the text as it is
    forced = run("annotate", "--format", "text", "--bidi", "always", str(a))
    assert forced.stdout.count("\u2067") == forced.stdout.count("\u2069") > 0
    assert forced.stdout.replace("\u2067", "").replace("\u2069", "") == piped.stdout  # only the marks differ
    terminal = _through_a_terminal("annotate", "--format", "text", str(a))
    assert "\u2067" in terminal and "\u2069" in terminal  # auto: a terminal gets them
    never = _through_a_terminal("annotate", "--format", "text", "--bidi", "never", str(a))
    assert "الوضع على الحدود هادئ" in never and not any(mark in never for mark in ISOLATES)


def test_text_to_out_file_has_no_isolates_unless_asked(tmp_path: Path) -> None:
    a, out = tmp_path / "a.txt", tmp_path / "out.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    assert main(["annotate", "--format", "text", "--out", str(out), str(a)]) == 0
    assert "الوضع" in out.read_text(encoding="utf-8")
    assert not any(mark in out.read_text(encoding="utf-8") for mark in ISOLATES)
    assert main(["annotate", "--format", "text", "--bidi", "always", "--force", "--out", str(out), str(a)]) == 0
    assert "\u2067قال المتحدث" in out.read_text(encoding="utf-8")


def test_text_names_an_unknown_outlet_honestly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    a.write_text(UNNAMED + "وتقع البلدة قرب الحدود.\n", encoding="utf-8")
    assert main(["annotate", "--format", "text", str(a)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("outlet: (unknown)")
    assert "[body] outlet: (unknown)" in out and "outlet: outlet" not in out
    assert main(["annotate", "--format", "text", "--outlet", "الجزيرة", str(a)]) == 0
    named = capsys.readouterr().out
    assert "outlet: الجزيرة" in named and "(unknown)" not in named
    assert main(["annotate", str(a)]) == 0  # the JSON keeps its shape: a null outlet name
    doc = json.loads(capsys.readouterr().out)
    assert doc["outlet"]["name"] is None and doc["sentences"][1]["speaker"]["kind"] == "outlet"
