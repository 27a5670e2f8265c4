"""Corpus scale: read documents from files, directories and JSONL; annotate them in order, streaming,
in one or several processes; one JSON line per document, with its error instead when it fails.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, cast

import attrs

from .errors import AttributionError, Errors, InputError
from .inputs import MAX_CHARS, lone_surrogate
from .model import Article

__all__ = ["JSONL_SUFFIXES", "Document", "Failure", "Line", "annotate_document", "annotate_many", "document_json",
           "is_jsonl", "iter_documents", "open_jsonl"]

SUFFIXES = (".txt", ".md", ".html", ".htm")
#: JSONL files, plain or compressed (gzip, bzip2, xz): each is read as it streams, never whole.
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.bz2", ".jsonl.xz")


@attrs.frozen
class Document:
    """One text to annotate, with the metadata that travels with it."""

    id: str
    text: str
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    path: str | None = None


@attrs.frozen
class Failure:
    """A document (or input) that could not be annotated, and why."""

    id: str
    error: str
    path: str | None = None
    unreadable: bool = False  # the input itself could not be read (reported apart from documents)


@attrs.frozen
class Line:
    """One JSONL line not parsed yet (parsing happens where it is annotated, in a worker when parallel)."""

    origin: str
    number: int
    raw: str

    @property
    def id(self) -> str:
        """The line's id (parses it: only needed to resume)."""
        doc = self.parse()
        return doc.id

    def parse(self) -> Document | Failure:
        where = f"{self.origin}:{self.number}"
        try:
            obj = json.loads(self.raw)
        except json.JSONDecodeError as exc:
            return Failure(where, Errors.E050.format(where=where, reason=exc.msg))
        except ValueError as exc:  # a number of more than 4300 digits, which Python refuses to convert
            return Failure(where, Errors.E050.format(where=where, reason=str(exc).split(":", 1)[0]))
        except RecursionError:
            return Failure(where, Errors.E050.format(where=where, reason="nested too deeply"))
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            return Failure(str(obj.get("id", where)) if isinstance(obj, dict) else where,
                           Errors.E051.format(where=where))
        meta = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in ("outlet", "date", "url")}
        doc_id = str(obj.get("id", where))
        if len(obj["text"]) > MAX_CHARS:
            return Failure(doc_id, Errors.E006.format(path=where, n=len(obj["text"]), limit=MAX_CHARS), self.origin)
        bad = lone_surrogate(obj["text"])
        if bad is not None:
            return Failure(doc_id, Errors.E054.format(where=where, code=ord(obj["text"][bad]), offset=bad), self.origin)
        return Document(doc_id, obj["text"], path=self.origin, **meta)



def _jsonl(lines: Iterable[str], origin: str) -> Iterator[Line]:
    for n, line in enumerate(lines, 1):
        if line.strip():
            yield Line(origin, n, line.removeprefix("\ufeff") if n == 1 else line)  # a BOM opening the file


#: What ends a JSONL line: LF, CRLF or a lone CR (as Python reads text files), never U+2028, U+0085 or
#: the other breaks of ``str.splitlines``, which JSON strings may hold as they are.
_LINE_END = re.compile(r"\r\n|\r|\n")


def _file_lines(fh: IO[bytes], name: str) -> Iterator[str]:
    """The lines of a JSONL file (``fh`` read as bytes, decompressed if need be) decoded line by line, so
    that a byte that is not UTF-8 is reported at its offset in the file (`InputError` E003)."""
    offset = 0
    for raw in fh:
        try:
            chunk = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(Errors.E003.format(path=name, offset=offset + exc.start)) from None
        offset += len(raw)
        body = chunk.removesuffix("\n")
        if len(body) < len(chunk):
            body = body.removesuffix("\r")
        yield from body.split("\r")  # a lone CR ends a line too


def is_jsonl(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a JSONL file, plain or compressed (``.jsonl``, ``.jsonl.gz``, ``.jsonl.bz2``,
    ``.jsonl.xz``)."""
    return Path(path).name.lower().endswith(JSONL_SUFFIXES)


def open_jsonl(path: str | os.PathLike[str], binary: bool = False) -> IO[Any]:
    """A JSONL file opened for streaming (UTF-8 text, or bytes when ``binary``), decompressed on the fly.

    Examples:
        >>> import gzip, os, tempfile
        >>> from attribution.corpus import open_jsonl
        >>> path = os.path.join(tempfile.mkdtemp(), "corpus.jsonl.gz")
        >>> with gzip.open(path, "wt", encoding="utf-8") as fh:
        ...     _ = fh.write('{"id": "1", "text": "قال الوزير إن الاتفاق قريب."}\\n')
        >>> with open_jsonl(path) as fh:
        ...     [line[:9] for line in fh]
        ['{"id": "1']
    """
    name = Path(path).name.lower()
    mode = "rb" if binary else "rt"
    encoding = None if binary else "utf-8"
    if name.endswith(".gz"):
        import gzip

        return cast(IO[Any], gzip.open(path, mode, encoding=encoding))
    if name.endswith(".bz2"):
        import bz2

        return bz2.open(path, mode, encoding=encoding)
    if name.endswith(".xz"):
        import lzma

        return lzma.open(path, mode, encoding=encoding)
    return open(path, mode, encoding=encoding)


def _damaged(exc: BaseException) -> bool:
    """Whether reading a compressed file failed on its data (cut short, corrupt), not on the file system."""
    import lzma
    import zlib

    return isinstance(exc, (EOFError, zlib.error, lzma.LZMAError)) or (isinstance(exc, OSError) and exc.errno is None)


def prose(name: str, text: str) -> str:
    """The prose of a file: HTML markup, scripts and styles, and Markdown code, front matter and link
    targets blanked with spaces of the same length (newlines kept), as ``check`` reads them, so every
    offset still points into the file; other text as it is."""
    from .readers import mask_html, mask_markdown

    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm"):
        return mask_html(text)
    if suffix == ".md":
        return mask_markdown(text)
    return text


def iter_documents(inputs: Iterable[str], parse: bool = True) -> Iterator[Document | Failure | Line]:
    """Documents from each input, lazily and in order: a text file, a directory (recursively, *.txt, *.md,
    *.html, sorted), a ``.jsonl`` file (one ``{"id", "text", "outlet"?, "date"?, "url"?}`` per line; also
    ``.jsonl.gz``, ``.jsonl.bz2`` and ``.jsonl.xz``, decompressed as they stream), or ``-`` for standard
    input (JSONL when its first character is ``{``, else one text).

    A compressed file that is cut short or damaged gives its lines up to the damage, then a
    `Failure` (E071) that says after which line."""
    from .inputs import read_input

    if parse:
        for item in iter_documents(inputs, parse=False):
            yield item.parse() if isinstance(item, Line) else item
        return
    for name in inputs:
        if name == "-":
            try:
                data = read_input("-")
            except InputError as exc:
                yield Failure("<stdin>", str(exc), "-", unreadable=True)
                continue
            if data.removeprefix("\ufeff").lstrip().startswith("{"):
                yield from _jsonl(_LINE_END.split(data), "<stdin>")
            else:
                yield Document("<stdin>", data, path="-")
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            for p in files:
                try:
                    yield Document(str(p), prose(str(p), read_input(str(p))), path=str(p))
                except InputError as exc:
                    yield Failure(str(p), str(exc), str(p), unreadable=True)
            continue
        if is_jsonl(path) and path.is_file():
            n = 0
            try:
                with open_jsonl(path, binary=True) as fh:
                    for line in _jsonl(_file_lines(fh, name), name):
                        n = line.number  # the last line read, should reading fail
                        yield line
            except InputError as exc:
                yield Failure(name, str(exc), name, unreadable=True)
            except Exception as exc:
                if path.suffix.lower() != ".jsonl" and _damaged(exc):
                    yield Failure(name, Errors.E071.format(path=name, line=n, reason=exc), name, unreadable=True)
                elif isinstance(exc, OSError):
                    yield Failure(name, Errors.E005.format(path=name, reason=exc.strerror or exc), name,
                                  unreadable=True)
                else:
                    raise
            continue
        try:
            yield Document(name, prose(name, read_input(name)), path=name)
        except InputError as exc:
            yield Failure(name, str(exc), name, unreadable=True)


_WORKER: dict[str, Any] = {}


def _init(outlet: str | None, lexicons: tuple[str, ...], convert: Any = None) -> None:
    _WORKER["outlet"], _WORKER["lexicons"], _WORKER["convert"] = outlet, lexicons, convert


def _init_worker(outlet: str | None, lexicons: tuple[str, ...], convert: Any = None, lang: str | None = None) -> None:
    import signal

    from .i18n import set_language

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: one message, no tracebacks
    set_language(lang)  # a worker's messages (a document's error) in the parent's language, spawned or forked
    _init(outlet, lexicons, convert)


def annotate_document(doc: Document | Failure, outlet: str | None = None,
                      lexicons: tuple[str, ...] = ()) -> Article | Failure:
    """One document's Article, or a `Failure` carrying its error (never raises)."""
    from . import annotate

    if isinstance(doc, Failure):
        return doc
    try:
        article = annotate(doc.text, outlet=doc.outlet or outlet, lexicons=lexicons)
    except AttributionError as exc:
        return Failure(doc.id, str(exc), doc.path)
    except Exception as exc:  # a bug of ours must not stop a corpus run
        return Failure(doc.id, Errors.E030.format(path=doc.id, error=f"{type(exc).__name__}: {exc}"), doc.path)
    return article if doc.path is None else attrs.evolve(article, path=doc.path)


def _work(doc: Document | Failure | Line) -> tuple[Document | Failure, Any]:
    if isinstance(doc, Line):
        doc = doc.parse()
    result = annotate_document(doc, _WORKER.get("outlet"), _WORKER.get("lexicons", ()))
    convert = _WORKER.get("convert")
    return doc, (convert(doc, result) if convert is not None else result)


def _as_document(item: str | Document | dict[str, Any] | Failure | Line, n: int) -> Document | Failure | Line:
    if isinstance(item, (Document, Failure, Line)):
        return item
    if isinstance(item, str):
        return Document(str(n), item)
    if isinstance(item, dict) and isinstance(item.get("text"), str):
        meta = {k: item.get(k) for k in ("outlet", "date", "url", "path")}
        return Document(str(item.get("id", n)), item["text"], **meta)
    return Failure(str(n), Errors.E051.format(where=f"item {n}"))


def annotate_pairs(items: Iterable[str | Document | dict[str, Any] | Failure | Line], n_process: int = 1,
                   outlet: str | None = None, lexicons: tuple[str, ...] = (), chunksize: int = 64,
                   convert: Any = None) -> Iterator[tuple[Document | Failure, Any]]:
    """(document, result) pairs in input order, streaming; ``n_process`` > 1 uses worker processes.

    ``convert(document, result)``, a module-level function, runs in the worker (e.g. to serialise), so
    only its output crosses back to this process.
    """
    docs = (_as_document(x, n) for n, x in enumerate(items))
    if n_process <= 1:
        _init(outlet, lexicons, convert)
        yield from map(_work, docs)
        return
    from .compiled import load

    load(lexicons)  # compile the lexicons once here: forked workers inherit them
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() and os.name == "posix" else "spawn"
    ctx = multiprocessing.get_context(method)
    from .i18n import language

    with ctx.Pool(n_process, initializer=_init_worker, initargs=(outlet, lexicons, convert, language())) as pool:
        yield from pool.imap(_work, docs, chunksize=chunksize)


def json_line(doc: Document | Failure, result: Article | Failure) -> tuple[bool, bytes]:
    """(failed, the document's JSON line as UTF-8 with its newline): what the command line's workers
    send back, so serialising and encoding run in parallel and the parent only writes bytes."""
    import json

    data = document_json(doc, result)
    try:
        encoded = (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (an API caller's str): escaped, still valid JSON
        encoded = (json.dumps(data) + "\n").encode("ascii")
    return isinstance(result, Failure), encoded


def annotate_many(texts: Iterable[str | Document | dict[str, Any]], n_process: int = 1, *,
                  outlet: str | None = None, lexicons: Iterable[str] = ()) -> Iterator[Article]:
    """Annotate many texts in order, streaming, in ``n_process`` processes. A text that fails raises
    [`AttributionError`][attribution.errors.AttributionError] when its turn comes (use the CLI or
    `annotate_pairs` to record failures and go on).

    Examples:
        >>> import attribution
        >>> [a.attributions[0].source.kind for a in attribution.annotate_many(["قال الوزير إن الاتفاق قريب."] * 2)]
        ['official', 'official']
    """
    for _doc, result in annotate_pairs(texts, n_process, outlet, tuple(lexicons)):
        if isinstance(result, Failure):
            raise AttributionError(result.error)
        yield result


def document_json(doc: Document | Failure, result: Article | Failure) -> dict[str, Any]:
    """The JSON line for one document: the Article's JSON with ``id`` and metadata, or its error."""
    from .jsonio import to_json

    if isinstance(result, Failure):
        return {"id": result.id, "path": result.path, "error": result.error}
    data = to_json(result)
    out: dict[str, Any] = {"id": doc.id}
    if isinstance(doc, Document):
        out.update({k: v for k, v in (("date", doc.date), ("url", doc.url)) if v is not None})
    out.update(data)
    return out
