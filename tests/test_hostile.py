"""Hostile and broken input: every case gives a one-line error from the catalogue that names the input,
the right exit code, the other inputs still processed, and no output replaced or doubled silently."""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from attribution.cli import main
from attribution.errors import LexiconError
from attribution.lexicons import load_term_file, load_terms

TEXT = "قال المتحدث إن الاجتماع سيعقد غدا."


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "attribution.cli", *args], input=stdin, capture_output=True,
                          timeout=300)


def _one_line_error(proc: subprocess.CompletedProcess[bytes], code: str) -> None:
    err = proc.stderr.decode("utf-8")
    assert "Traceback" not in err, err
    assert any(line.startswith(f"attribution: {code}") for line in err.splitlines()), err


def test_undecodable_stdin_is_reported_and_later_files_are_read(tmp_path: Path) -> None:
    ok = tmp_path / "ok.txt"
    ok.write_text(TEXT, encoding="utf-8")
    proc = run("annotate", "-", str(ok), stdin=b"abc \xff")
    _one_line_error(proc, "E003 <stdin>")
    assert proc.returncode == 2
    assert [json.loads(x)["id"] for x in proc.stdout.decode("utf-8").splitlines()] == [str(ok)]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_lone_surrogate_or_a_deep_line_fails_only_its_document(tmp_path: Path, jobs: str) -> None:
    jl = tmp_path / "c.jsonl"
    jl.write_text('{"id": "s", "text": "\\ud800 نص"}\n' + "[" * 5000 + "\n" + json.dumps({"id": "ok", "text": TEXT})
                  + "\n", encoding="utf-8")
    proc = run("annotate", "--jobs", jobs, str(jl))
    lines = [json.loads(x) for x in proc.stdout.decode("utf-8").splitlines()]
    assert [x.get("id") for x in lines][-1] == "ok" and "error" not in lines[-1]
    assert lines[0]["error"].startswith("E054") and "nested too deeply" in lines[1]["error"]
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr


@pytest.mark.parametrize(("target", "code"), [("dir", "E055"), ("missing/out.jsonl", "E055")])
def test_out_that_cannot_be_written_is_a_usage_error(tmp_path: Path, target: str, code: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "dir").mkdir()
    ok = tmp_path / "ok.txt"
    ok.write_text(TEXT, encoding="utf-8")
    assert main(["annotate", "--out", str(tmp_path / target), str(ok)]) == 2
    assert capsys.readouterr().err.startswith(f"attribution: {code}")


def test_an_existing_out_is_never_replaced_silently(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok = tmp_path / "ok.txt"
    ok.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    assert main(["annotate", "--out", str(out), str(ok)]) == 2
    assert "E056" in capsys.readouterr().err and out.read_text(encoding="utf-8") == '{"id": "old"}\n'
    assert main(["annotate", "--out", str(out), "--force", str(ok)]) == 0
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == [str(ok)]


def test_resume_repairs_a_line_torn_inside_a_character_and_does_not_redo_failures(tmp_path: Path) -> None:
    jl = tmp_path / "c.jsonl"
    jl.write_text("\n".join([json.dumps({"id": "a", "text": TEXT}), '{"id": "bad"}',
                             json.dumps({"id": "c", "text": TEXT})]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["annotate", "--out", str(out), str(jl)]) == 1
    data = out.read_bytes()
    out.write_bytes(data[:-9])  # the last line cut inside an Arabic letter
    assert main(["annotate", "--out", str(out), "--resume", str(jl)]) == 0
    ids = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a", "bad", "c"]  # the failure is not redone, the torn line is


def test_a_second_writer_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fcntl = pytest.importorskip("fcntl")
    ok = tmp_path / "ok.txt"
    ok.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with out.open("ab") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert main(["annotate", "--out", str(out), "--resume", str(ok)]) == 2
    assert "E057" in capsys.readouterr().err and out.read_bytes() == b""


def test_parquet_resume_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok = tmp_path / "ok.txt"
    ok.write_text(TEXT, encoding="utf-8")
    assert main(["annotate", "--format", "parquet", "--out", str(tmp_path / "pq"), "--resume", str(ok)]) == 2
    assert "E058" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "needle"), [
    ('[[concept]]\nid = "x"\n[[concept.variant]]\nterm = "' + "ك" * 300 + '"\nstance = "negative"\n', "E026"),
    ('[[concept]]\nid = "x"\n[[concept.variant]]\nterm = "أ"\nstance = "neutral"\n'
     '[[concept]]\nid = "x"\n[[concept.variant]]\nterm = "ب"\nstance = "neutral"\n', "E025"),
    ("a = " + "[" * 3000 + "]" * 3000 + "\n", "nested too deeply"),
])
def test_lexicon_problems_are_one_line_errors(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=needle):
        load_term_file(path)


def test_a_byte_order_mark_in_a_lexicon_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes('\ufeff[[concept]]\nid = "x"\n[[concept.variant]]\nterm = "كلمة"\nstance = "neutral"\n'
                     .encode("utf-8"))
    assert [c.id for c in load_term_file(path)] == ["x"]


def test_a_symlink_loop_is_a_lexicon_error(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(LexiconError, match="E024"):
        load_terms((tmp_path / "a",))


def test_check_positions_count_lone_carriage_returns_as_line_ends() -> None:
    from attribution.check import check_text

    findings = check_text("old.txt", "سطر أول\rوقصف الكيان الصهيوني المدينة.\r")
    assert findings and findings[0].line == 2


def test_sarif_uris_are_percent_encoded(tmp_path: Path) -> None:
    from attribution.check import Finding, render_findings

    f = Finding("مسودة خبر #1.md", 1, 1, 1, 2, 0, 1, "error", "loaded-term", "x")
    uri = json.loads(render_findings([f], "sarif"))["runs"][0]["results"][0]["locations"][0][
        "physicalLocation"]["artifactLocation"]["uri"]
    assert uri.isascii() and "%23" in uri and " " not in uri


def test_reports_never_pass_markup_through(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("قال الوزير إن الحوار مستمر.", encoding="utf-8")
    b.write_text("قالت الوزارة إن الحوار مستمر.", encoding="utf-8")
    evil = "<!--<script>alert(1)</script>"
    md = run("compare", str(a), str(b), "--outlet", f"{a}={evil}").stdout.decode("utf-8")
    assert "<script>" not in md and "&lt;script&gt;" in md
    html = run("compare", str(a), str(b), "--format", "html", "--outlet", f"{a}={evil}").stdout.decode("utf-8")
    data = html.split('id="data"', 1)[-1]
    assert "<script>alert" not in data and "<!--" not in data


def test_outlet_flag_names_one_of_the_files(tmp_path: Path) -> None:
    a, b = tmp_path / "x=1.txt", tmp_path / "b.txt"
    a.write_text("قال الوزير إن الحوار مستمر.", encoding="utf-8")
    b.write_text("قالت الوزارة إن الحوار مستمر.", encoding="utf-8")
    proc = run("compare", str(a), str(b), "--format", "json", "--outlet", f"{a}=صحيفة الغد")
    assert proc.returncode == 0 and "صحيفة الغد" in proc.stdout.decode("utf-8")
    proc = run("compare", str(a), str(b), "--outlet", f"{tmp_path / 'other.txt'}=X")
    _one_line_error(proc, "E027")


def test_an_input_too_large_for_memory_is_refused_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    import attribution
    import attribution.inputs

    monkeypatch.setattr(attribution.inputs, "MAX_CHARS", 100)
    monkeypatch.setattr(attribution, "MAX_CHARS", 100)
    big, ok = tmp_path / "big.txt", tmp_path / "ok.txt"
    big.write_text(TEXT * 10, encoding="utf-8")
    ok.write_text(TEXT, encoding="utf-8")
    assert main(["annotate", str(big), str(ok)]) == 2
    out = capsys.readouterr()
    assert f"E006 {big}" in out.err and [json.loads(x)["id"] for x in out.out.splitlines()] == [str(ok)]
    with pytest.raises(attribution.InputError, match="E006"):
        attribution.annotate(TEXT * 10)


def test_result_classes_refuse_bad_spans_with_catalogue_errors() -> None:
    from attribution import UsageError, from_json
    from attribution.model import Span

    with pytest.raises(UsageError, match="E028"):
        Span(5, 2, "x")
    with pytest.raises(UsageError, match="E029"):
        from_json({"text": "x", "regions": [{"start": -1, "end": 1, "kind": "body"}]})


def test_a_lexicon_that_is_not_utf8_is_a_read_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes(b'[[concept]]\nid = "\xe9"\n')
    with pytest.raises(LexiconError, match=r"E024.*not UTF-8"):
        load_term_file(path)


def test_a_report_that_cannot_be_written_is_a_write_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    a.write_text(TEXT, encoding="utf-8")
    assert main(["compare", str(a), str(a), "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("attribution: E055")


def test_masking_html_keeps_offsets_when_lowercasing_would_not() -> None:
    from attribution.readers import mask_html

    text = "İİ <SCRIPT>x</SCRIPT> قال"  # «İ».lower() is two characters
    masked = mask_html(text)
    assert len(masked) == len(text) and masked.endswith("قال") and "x" not in masked


# A full stop inside a word, there to dodge a filter, is no sentence end; one with its space missing is.
@pytest.mark.parametrize(("text", "sentences"), [
    ("قال زعيم الحـ.وثيين إن القرار نهائي.", ["قال زعيم الحـ.وثيين إن القرار نهائي."]),  # after a tatweel
    ("قال زعيم الحو.ـثيين إن القرار نهائي.", ["قال زعيم الحو.ـثيين إن القرار نهائي."]),  # before one
    ("قال زعيم الحو\u200b.ثيين إن القرار نهائي.", ["قال زعيم الحو\u200b.ثيين إن القرار نهائي."]),  # zero width
    ("قال زعيم الحو.ثيين إن القرار نهائي.", ["قال زعيم الحو.ثيين إن القرار نهائي."]),  # halves of a term word
    ("هاجمت الميليـ.شيات القرية.", ["هاجمت الميليـ.شيات القرية."]),
    ("انتهى الاجتماع.وقال الوزير إن القرار نهائي.", ["انتهى الاجتماع.", "وقال الوزير إن القرار نهائي."]),
    ("وصل الوفد أيضاً.وأضاف أن القرار نهائي.", ["وصل الوفد أيضاً.", "وأضاف أن القرار نهائي."]),  # tanween
    ("صدر القرار عام 1436هـ.وطلبت الوزارة الهدوء.", ["صدر القرار عام 1436هـ.", "وطلبت الوزارة الهدوء."]),
    ("زار موقع example.com أمس. وعاد.", ["زار موقع example.com أمس.", "وعاد."]),
    ("بلغ النمو 2.5 بالمئة.نقلت أ.ف.ب الخبر.", ["بلغ النمو 2.5 بالمئة.", "نقلت أ.ف.ب الخبر."]),
])
def test_a_dodge_dot_inside_a_word_does_not_end_a_sentence(text: str, sentences: list[str]) -> None:
    import attribution

    a = attribution.annotate(text)
    assert [s.text for s in a.sentences] == sentences
    doc = _nlp()(text)
    assert doc._.article == a
    if any(s.start not in {t.idx for t in doc} for s in a.sentences):
        return  # a sentence starting inside a token («الاجتماع.وقال») starts at that token in doc.sents
    # the spaCy path: the same sentences, none overlapping another
    assert [s.text.strip() for s in doc.sents] == sentences
    spans = sorted((s.start, s.end) for s in doc.spans["attribution_sentences"])
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans))


_PIPELINE: list[object] = []


def _nlp():  # type: ignore[no-untyped-def]
    import attribution

    if not _PIPELINE:
        _PIPELINE.append(attribution.pipeline())
    return _PIPELINE[0]


def test_terms_match_across_a_dodge_dot_but_take_no_head_across_a_sentence_end() -> None:
    import attribution

    dodged = attribution.annotate("قال زعيم الحـ.وثيين إن القرار نهائي.")
    assert [(h.text, h.concept) for h in dodged.terms] == [("زعيم الحـ.وثيين", "houthis")]
    joined = attribution.annotate("وقال صالح.وكان الحوثيون قد انسحبوا.")
    assert [s.text for s in joined.sentences] == ["وقال صالح.", "وكان الحوثيون قد انسحبوا."]
    assert [(h.text, h.concept) for h in joined.terms] == [("الحوثيون", "houthis")]


# The JSONL reader: what it found wrong, found by the properties in test_properties.py.
def test_a_jsonl_line_with_a_number_python_refuses_fails_that_document_only(tmp_path: Path) -> None:
    from attribution.corpus import Document, Failure, iter_documents

    jl = tmp_path / "c.jsonl"
    jl.write_text('{"id": ' + "7" * 5000 + ', "text": "نص"}\n' + json.dumps({"id": "ok", "text": TEXT}) + "\n",
                  encoding="utf-8")
    first, second = iter_documents([str(jl)])
    assert isinstance(first, Failure) and first.error.startswith(f"E050 {jl}:1: not a JSON object (Exceeds")
    assert isinstance(second, Document) and second.id == "ok"


def test_a_bad_byte_deep_in_a_jsonl_file_is_reported_at_its_offset(tmp_path: Path) -> None:
    from attribution.corpus import Document, Failure, iter_documents

    line = (json.dumps({"id": "a", "text": TEXT}, ensure_ascii=False) + "\n").encode("utf-8")
    jl = tmp_path / "c.jsonl"
    jl.write_bytes(line * 3000 + b'{"id": "b", "text": "\xff"}\n')
    *docs, failure = iter_documents([str(jl)])
    assert len(docs) == 3000 and all(isinstance(d, Document) for d in docs)
    assert isinstance(failure, Failure) and failure.unreadable
    assert failure.error == f"E003 {jl}: not UTF-8 text (invalid byte at offset {len(line) * 3000 + 21}); re-save it as UTF-8"


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": TEXT}).encode("ascii") + b"\r\n",  # a BOM, CRLF
    json.dumps({"id": "a", "text": "قال\u2028الوزير\x85"}, ensure_ascii=False).encode("utf-8") + b"\n",  # raw U+2028
])
def test_a_jsonl_file_and_the_same_bytes_on_stdin_give_the_same_documents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    import io

    from attribution.corpus import Document, iter_documents

    jl = tmp_path / "c.jsonl"
    jl.write_bytes(data)
    from_file = list(iter_documents([str(jl)]))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    from_stdin = list(iter_documents(["-"]))
    assert [type(d) for d in from_file] == [type(d) for d in from_stdin] == [Document]
    assert [(d.id, d.text) for d in from_file] == [(d.id, d.text) for d in from_stdin]  # type: ignore[union-attr]


# Hostile files on the command line: the documented exit status and one line naming the file, never a
# traceback. Built here: undecodable bytes, NUL bytes, a 1 MB token, a BOM with CRLF line ends, a lone CR,
# and JSONL documents that fail (which `check` reads as plain text).
HOSTILE_FILES: list[tuple[str, bytes, tuple[int, int], str | None]] = [
    ("latin1.txt", "قال الوزير".encode() + b" caf\xe9 \xff\xfe", (2, 2),
     "E003 {path}: not UTF-8 text (invalid byte at offset 23); re-save it as UTF-8"),
    ("nul.txt", "قال\x00الوزير".encode(), (2, 2), "E004 {path}: looks like a binary file (NUL bytes), not text"),
    ("token.txt", ("ب" * 1_000_000).encode("utf-8"), (0, 0), None),
    ("dodge.txt", ("الحـ.وثيين الحو.ثيين." * 10_000).encode("utf-8"), (0, 0), None),
    ("bom.md", b"\xef\xbb\xbf" + "# عنوان\r\nقال الوزير إن الاتفاق قريب.\r\n".encode(), (0, 0), None),
    ("cr.txt", "قال الوزير\rإن الاتفاق قريب.\r".encode(), (0, 0), None),
    ("bad.jsonl", b'{"id": "x", "text": "\\udc80"}\n{"id": ' + b"1" * 5000 + b"}\n", (1, 0), None),
]


@pytest.mark.parametrize(("name", "data", "codes", "message"), HOSTILE_FILES, ids=[f[0] for f in HOSTILE_FILES])
@pytest.mark.parametrize("command", ["annotate", "check"])
def test_hostile_files_on_the_command_line(tmp_path: Path, command: str, name: str, data: bytes,
                                           codes: tuple[int, int], message: str | None) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    proc = run(command, str(path))
    err = proc.stderr.decode("utf-8")
    assert "Traceback" not in err, err
    assert proc.returncode == codes[command == "check"], err
    if message is not None:
        assert err.splitlines() == [f"attribution: {message.format(path=path)}"]
    elif command == "check":
        assert err == ""
    elif name.endswith(".jsonl"):  # each failing document is a line of its own; one summary line
        errors = [json.loads(x)["error"][:4] for x in proc.stdout.decode("utf-8").splitlines()]
        assert errors == ["E054", "E050"] and err.splitlines() == ["attribution: 2 annotated, 2 failed"]
    else:
        (line,) = proc.stdout.decode("utf-8").splitlines()
        assert json.loads(line)["text"] == data.decode("utf-8") and err == ""  # as it is: BOM and CR kept
