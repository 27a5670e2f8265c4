"""Compressed JSONL corpora (.jsonl.gz, .jsonl.bz2, .jsonl.xz) are read directly, as they stream; one cut
short or damaged gives every line before the damage, then a one-line catalogue error naming the file."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from attribution.cli import _count
from attribution.corpus import Document, Failure, is_jsonl, iter_documents

COMPRESS = {".jsonl.gz": gzip.compress, ".jsonl.bz2": bz2.compress, ".jsonl.xz": lzma.compress}


def corpus(n: int) -> bytes:
    lines = [json.dumps({"id": f"d{i}", "text": f"قال المتحدث باسم الوزارة إن الاجتماع سيعقد بعد {i} أيام.",
                         "outlet": "صحيفة الغد", "date": f"2024-02-{i % 28 + 1:02d}", "url": f"https://x.test/{i}"},
                        ensure_ascii=False) for i in range(n)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "attribution", *args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("suffix", sorted(COMPRESS))
def test_compressed_jsonl_reads_like_plain(tmp_path: Path, suffix: str) -> None:
    data = corpus(5)
    plain, packed = tmp_path / "c.jsonl", tmp_path / f"c{suffix.upper() if suffix == '.jsonl.xz' else suffix}"
    plain.write_bytes(data)
    packed.write_bytes(COMPRESS[suffix](data))
    assert is_jsonl(packed) and is_jsonl(plain) and not is_jsonl(tmp_path / "c.gz")
    docs = list(iter_documents([str(packed)]))
    assert [d.id for d in docs] == [f"d{i}" for i in range(5)]
    assert all(isinstance(d, Document) and d.outlet == "صحيفة الغد" and d.url for d in docs)
    a, b = run("annotate", str(plain)), run("annotate", str(packed))
    assert a.returncode == b.returncode == 0, b.stderr
    plain_rows, packed_rows = ([json.loads(x) for x in p.stdout.splitlines()] for p in (a, b))
    assert {r.pop("path") for r in packed_rows} == {str(packed)}
    assert [dict(r, path=None) for r in plain_rows] == [dict(r, path=None) for r in packed_rows]
    assert packed_rows[4]["url"] == "https://x.test/4" and packed_rows[0]["attributions"]
    assert len(b.stdout.splitlines()) == 5 and _count([str(packed)]) == 5


def test_bad_lines_in_a_compressed_file_fail_alone(tmp_path: Path) -> None:
    packed = tmp_path / "c.jsonl.gz"
    packed.write_bytes(gzip.compress(corpus(2) + b"not json\n" + corpus(1)))
    docs = list(iter_documents([str(packed)]))
    assert [type(d) for d in docs] == [Document, Document, Failure, Document]
    assert isinstance(docs[2], Failure) and docs[2].error.startswith("E050") and ":3" in docs[2].id


def _complete_lines(prefix: bytes) -> int:
    return zlib.decompressobj(31).decompress(prefix).count(b"\n")


def test_truncated_gzip_keeps_the_lines_before_and_names_the_file(tmp_path: Path) -> None:
    whole = gzip.compress(corpus(400))
    packed = tmp_path / "cut.jsonl.gz"
    packed.write_bytes(whole[: len(whole) * 2 // 3])
    complete = _complete_lines(whole[: len(whole) * 2 // 3])
    assert 0 < complete < 400
    docs = list(iter_documents([str(packed)]))
    assert [d.id for d in docs[:-1]] == [f"d{i}" for i in range(complete)]
    last = docs[-1]
    assert isinstance(last, Failure) and last.unreadable
    assert last.error.startswith(f"E071 {packed}: compressed data damaged or cut short after line {complete} (")
    proc = run("annotate", str(packed))
    assert proc.returncode == 2
    assert len(proc.stdout.splitlines()) == complete  # every complete line annotated
    errors = [x for x in proc.stderr.splitlines() if x.startswith("attribution: E")]
    assert errors == [f"attribution: {last.error}"] and "Traceback" not in proc.stderr
    assert _count([str(packed)]) is None  # no total for the progress line, and no crash


@pytest.mark.parametrize(("suffix", "payload"), [
    (".jsonl.gz", b'{"id": "a", "text": "plain text, not gzip"}\n'),
    (".jsonl.bz2", b"BZh91AY&SY" + b"\x00" * 40),
    (".jsonl.xz", b"\xfd7zXZ\x00" + b"\x01" * 40),
])
def test_not_compressed_data_is_one_catalogue_error(tmp_path: Path, suffix: str, payload: bytes) -> None:
    bad = tmp_path / f"bad{suffix}"
    bad.write_bytes(payload)
    (failure,) = list(iter_documents([str(bad)]))
    assert isinstance(failure, Failure) and failure.unreadable
    assert failure.error.startswith(f"E071 {bad}: compressed data damaged or cut short after line 0 (")
    proc = run("annotate", str(bad))
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert f"attribution: E071 {bad}" in proc.stderr


def test_compressed_text_that_is_not_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "latin.jsonl.gz"
    bad.write_bytes(gzip.compress('{"id": "a", "text": "caf\u00e9"}\n'.encode("latin-1")))
    (failure,) = list(iter_documents([str(bad)]))
    assert isinstance(failure, Failure) and failure.error.startswith(f"E003 {bad}: not UTF-8")
