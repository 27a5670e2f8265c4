"""Comparisons at scale: one `attribution.compare.Comparison` per story of a stories file that two or more
outlets covered, and an index of them ranked by how much the outlets differ.

**The difference score** of a story is the sum of three counts from its comparison:

* ``disagreements``: concepts the outlets name differently in their own voice (a different stance, or a
  different frame for a loaded name: the ⚑ rows of the concept table);
* ``drifted``: aligned quotes (the same attributed content in two or more outlets) whose versions differ
  by more than their chain: a loaded term swapped, the source changed or upgraded, a quote turned into
  paraphrase;
* ``dropped``: versions of an aligned quote that drop an intermediary another outlet keeps
  (``chain_dropped``: "Reuters said" where another outlet wrote "sources told Reuters").

Each counts once per concept, quote group or dropped version, so a story where two outlets frame one
actor differently and paraphrase one quote in two ways scores 1 + 1. Stories rank by score, then by
the number of outlets, then by id.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from .compare import DEFAULT_REGIONS, Comparison, compare
from .corpus import Failure
from .errors import Errors
from .records import Record, read_records
from .storyfile import Story, StoryGatherer, read_stories

__all__ = ["StoryScore", "compare_stories", "difference", "write_story_comparisons"]


@attrs.frozen
class StoryScore:
    """A story's place in the index: what it is, and how much its outlets differ."""

    story: str
    label: str
    first: str | None
    last: str | None
    outlets: tuple[str, ...]
    articles: int
    missing: int  # articles the stories file names that the corpus did not hold
    disagreements: int
    drifted: int
    dropped: int
    file: str  # the comparison's file, relative to the index

    @property
    def score(self) -> int:
        """disagreements + drifted + dropped (see the module's documentation)."""
        return self.disagreements + self.drifted + self.dropped


def difference(c: Comparison) -> tuple[int, int, int]:
    """(disagreeing concepts, drifted quote groups, dropped chains) of a comparison.

    Examples:
        >>> import attribution
        >>> from attribution.storycompare import difference
        >>> a = attribution.annotate("أفادت مصادر أمنية لوكالة رويترز أن فصائل المقاومة أوقفت هجماتها على القواعد.")
        >>> b = attribution.annotate("ذكرت وكالة رويترز أن ميليشيات موالية لإيران أوقفت هجماتها على القواعد.")
        >>> difference(attribution.compare([a, b], names=["A", "B"]))
        (0, 1, 1)
    """
    disagreements = sum(row.disagreement for row in c.concepts)
    drifted = sum(any(d.type != "chain_dropped" for d in g.differences) for g in c.drift)
    dropped = sum(d.type == "chain_dropped" for g in c.drift for d in g.differences)
    return disagreements, drifted, dropped


def _pack(record: Record) -> bytes:
    """A record as compressed JSON while its story waits for its other articles: a tenth of the memory of the
    Article (a date-sorted corpus keeps a few days of articles waiting)."""
    from .jsonio import to_json

    data = {"id": record.id, "date": record.date, "article": to_json(record.article)}
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 1)


def _unpack(blob: bytes) -> Record:
    from .jsonio import from_json

    data = json.loads(zlib.decompress(blob))
    return Record(data["id"], data["date"], from_json(data["article"]))


_UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")


def file_name(story: str, suffix: str) -> str:
    """A file name for a story id: its letters, digits, dots, hyphens and underscores (others become ``_``)."""
    return (_UNSAFE.sub("_", story).strip("._") or "story") + suffix


def compare_stories(records: Iterable[Record], stories: Iterable[Story], *, min_outlets: int = 2,
                    regions: Sequence[str] = DEFAULT_REGIONS, lexicons: Sequence[str] = (),
                    suffix: str = ".html",
                    warn: Callable[[str], None] | None = None) -> Iterator[tuple[Comparison, StoryScore]]:
    """Each story of ``min_outlets`` outlets or more compared, as soon as its articles have all streamed past
    (the rest, with the articles found, at the end; ``warn`` hears which were missing).

    Examples:
        >>> import attribution
        >>> from attribution.records import Record
        >>> from attribution.storyfile import Story, StoryArticle
        >>> from attribution.storycompare import compare_stories
        >>> texts = {"a": "أفادت مصادر أمنية لوكالة رويترز أن فصائل المقاومة أوقفت هجماتها على القواعد.",
        ...          "b": "ذكرت وكالة رويترز أن ميليشيات موالية لإيران أوقفت هجماتها على القواعد."}
        >>> records = [Record(i, "2024-03-01", attribution.annotate(t)) for i, t in texts.items()]
        >>> story = Story("s-2024-03-01-0001", "الهجمات", "2024-03-01", "2024-03-01", ("الفجر", "النهار"),
        ...               (StoryArticle("a", "الفجر"), StoryArticle("b", "النهار")))
        >>> [(s.story, s.outlets, s.score, s.file) for _, s in compare_stories(records, [story])]
        [('s-2024-03-01-0001', ('الفجر', 'النهار'), 2, 's-2024-03-01-0001.html')]
    """
    gatherer: StoryGatherer[bytes] = StoryGatherer(stories, min_outlets)

    def one(story: Story, packed: list[bytes], missing: list[str]) -> tuple[Comparison, StoryScore]:
        found = [_unpack(p) for p in packed]
        outlets = {a.id: a.outlet for a in story.articles}
        names = [outlets.get(r.id) or r.outlet for r in found]
        c = compare([r.article for r in found], names=names, regions=regions, lexicons=lexicons)
        score = StoryScore(story.story, story.label, story.first, story.last,
                           tuple(sorted({n for n in names if n})), len(found), len(missing), *difference(c),
                           file=file_name(story.story, suffix))
        return c, score

    for record in records:
        if gatherer.wanted(record.id):
            for story, found in gatherer.add(record.id, _pack(record)):
                yield one(story, found, [])
    for story, found, missing in gatherer.rest():
        if warn is not None:
            warn(Errors.W091.format(story=story.story, n=len(missing), ids=", ".join(missing[:3])))
        if found:
            yield one(story, found, missing)


def ranked(scores: Iterable[StoryScore]) -> list[StoryScore]:
    """Most different first: by score, then by the number of outlets, then by id."""
    return sorted(scores, key=lambda s: (-s.score, -len(s.outlets), s.story))


def write_story_comparisons(inputs: Sequence[str], stories: str, out: Path, fmt: str = "html", *, jobs: int = 1,
                            lexicons: Sequence[str] = (), regions: Sequence[str] = DEFAULT_REGIONS,
                            min_outlets: int = 2, warn: Callable[[str], None] | None = None,
                            failed: Callable[[Failure], None] | None = None) -> list[StoryScore]:
    """What ``attribution compare --stories`` does: a report per story in ``out`` (``fmt``: html, markdown,
    json) and the index (``index.html`` / ``index.md`` / ``index.json``, and ``index.csv`` always).
    Only the articles of the stories compared are annotated."""
    from .report import render
    from .report.pages import render_index

    suffix = {"html": ".html", "markdown": ".md", "json": ".json", "csv": ".csv"}[fmt]
    gathered = list(read_stories(stories))  # a missing or malformed stories file stops before anything is written
    out.mkdir(parents=True, exist_ok=True)
    gatherer: StoryGatherer[Record] = StoryGatherer(gathered, min_outlets)  # which ids matter
    records = read_records(inputs, jobs, lexicons, keep=gatherer.wanted, failed=failed)
    scores = []
    for comparison, score in compare_stories(records, gathered, min_outlets=min_outlets, regions=regions,
                                             lexicons=lexicons, suffix=suffix, warn=warn):
        (out / score.file).write_text(render(comparison, fmt), encoding="utf-8")
        scores.append(score)
    scores = ranked(scores)
    index_fmt = "markdown" if fmt == "markdown" else ("json" if fmt == "json" else "html")
    index_suffix = {"html": ".html", "markdown": ".md", "json": ".json"}[index_fmt]
    (out / f"index{index_suffix}").write_text(render_index(scores, index_fmt), encoding="utf-8")
    (out / "index.csv").write_text(render_index(scores, "csv"), encoding="utf-8")
    return scores
