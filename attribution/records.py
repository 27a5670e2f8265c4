"""Annotated articles with their corpus metadata, from raw or already annotated inputs, so that a researcher
annotates a corpus once and every corpus-scale command reads the result.

An input line that holds ``sentences`` and ``regions`` (a line of ``attribution annotate --format json``) is
rebuilt with `attribution.jsonio.from_json`; any other document (a JSONL line with ``text``, a file, a
directory) is annotated, in ``jobs`` processes when asked.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator, Sequence
from typing import cast

import attrs

from .corpus import Document, Failure, Line, annotate_pairs, iter_documents
from .errors import AttributionError, Errors
from .model import Article

__all__ = ["Record", "read_records"]


@attrs.frozen
class Record:
    """One article of a corpus: its id (the corpus's ``id``, or the file path), date and annotation."""

    id: str
    date: str | None
    article: Article

    @property
    def outlet(self) -> str | None:
        """The outlet that published it: the corpus's ``outlet`` as the gazetteer names it, else the page's."""
        return self.article.outlet.name


def _annotated(line: Line, keep: Callable[[str], bool] | None = None) -> Record | Failure | bool | None:
    """The record of an ``attribution annotate`` line, its failure, ``False`` when ``keep`` turns its id down
    (it is not rebuilt), or ``None`` for a raw document."""
    if '"sentences"' not in line.raw or '"regions"' not in line.raw:
        return None
    try:
        obj = json.loads(line.raw)
    except (ValueError, RecursionError):
        return None  # reported as the raw line it is
    if not isinstance(obj, dict) or not isinstance(obj.get("sentences"), list) or "regions" not in obj:
        return None
    from .jsonio import from_json

    where = f"{line.origin}:{line.number}"
    doc_id = str(obj.get("id", where))
    if keep is not None and not keep(doc_id):
        return False
    try:
        article = from_json(obj)
    except (AttributionError, KeyError, TypeError, ValueError) as exc:
        return Failure(doc_id, Errors.E050.format(where=where, reason=f"not an annotated article: {exc!r}"),
                       line.origin)
    date = obj.get("date")
    return Record(doc_id, None if date is None else str(date), article)


def read_records(inputs: Sequence[str], jobs: int = 1, lexicons: Sequence[str] = (),
                 keep: Callable[[str], bool] | None = None,
                 failed: Callable[[Failure], None] | None = None) -> Iterator[Record]:
    """The records of ``inputs`` (files, directories, JSONL corpora raw or annotated), streaming.

    ``keep(id)`` skips a document before it is annotated when it returns false; ``failed`` receives each
    document that could not be read or annotated (the others go on). Raw documents are annotated in
    ``jobs`` processes; records come in input order.

    Examples:
        >>> from attribution.records import read_records
        >>> import json, os, tempfile
        >>> path = os.path.join(tempfile.mkdtemp(), "corpus.jsonl")
        >>> doc = {"id": "n1", "date": "2024-03-01", "outlet": "الفجر", "text": "قالت الوزارة إن الطريق مفتوح."}
        >>> _ = open(path, "w", encoding="utf-8").write(json.dumps(doc, ensure_ascii=False) + "\\n")
        >>> [(r.id, r.date, r.outlet, r.article.sentences[0].speaker.kind) for r in read_records([path])]
        [('n1', '2024-03-01', 'الفجر', 'government')]
    """
    def report(f: Failure) -> None:
        if failed is not None:
            failed(f)

    def items() -> Iterator[Record | Document]:
        for raw in iter_documents(inputs, parse=False):
            item: Record | Document | Failure
            if isinstance(raw, Line):
                done = _annotated(raw, keep)
                if done is False:
                    continue
                item = done if isinstance(done, (Record, Failure)) else raw.parse()
            else:
                item = raw
            if isinstance(item, Failure):
                report(item)
            elif isinstance(item, Record) or keep is None or keep(item.id):
                yield item

    # a run of annotated lines streams through as it is; a run of raw documents is annotated (in a pool
    # when jobs > 1), so an input of either kind streams in flat memory
    for annotated, run in itertools.groupby(items(), key=lambda x: isinstance(x, Record)):
        if annotated:
            yield from cast(Iterator[Record], run)
            continue
        for doc, result in annotate_pairs(cast(Iterator[Document], run), jobs, None, tuple(lexicons)):
            if isinstance(result, Failure):
                report(result)
                continue
            assert isinstance(doc, Document)
            yield Record(doc.id, doc.date, result)
