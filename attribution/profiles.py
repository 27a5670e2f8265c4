"""Outlet profiles over time: for each outlet and ISO week, whom it lets speak, how deep its chains of
citation go, how often it drops a chain another outlet keeps, and which words it uses in its own voice.

Three tidy tables (tuples of row dicts, like `attribution.tables`):

* ``outlets``, one row per outlet × week: ``articles``; ``sentences``, its body sentences; ``own_voice``,
  the share of them in the outlet's own voice; ``attributions`` in the body; ``chain_depth``, the mean
  number of names in their chains (the source, plus one per intermediary: «مصادر لرويترز» is 2);
  ``chained``, the share of attributions with an intermediary; and, when stories are given,
  ``aligned``, ``dropped`` and ``drop_rate`` (below);
* ``speakers``, one row per outlet × week × speaker kind: ``sentences`` and ``share`` of the body
  sentences (kind ``outlet`` is the own voice);
* ``terms``, one row per outlet × week × concept × variant used in the outlet's own voice (headline and
  body), with the concept's Arabic ``label``, ``stance``, ``frame`` and ``count``.

**Dropped chains** need stories (``attribution stories``): in each story two or more outlets covered,
attributed contents are aligned across outlets as `attribution.compare` aligns them. A version is
``aligned`` (a chance to keep a chain) when another outlet's version of the same content names at
least one intermediary, and ``dropped`` when it names fewer names than the longest such version;
``drop_rate`` is dropped / aligned (``None`` with nothing aligned). Each counts in the week of the
article it is in.

A week is the ISO week of the document's ``date`` (``2015-W30``); documents without a readable date are
counted under the week ``None``; an outlet is the corpus's ``outlet`` as the gazetteer names it (else the
outlet the page shows, else ``None``).
"""

from __future__ import annotations

import bisect
import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from .compare import DEFAULT_REGIONS, compare
from .corpus import Failure
from .model import Article, Region
from .records import Record, read_records
from .storyfile import Story, StoryGatherer, read_stories

__all__ = ["COLUMNS", "ProfileBuilder", "Profiles", "iso_week", "profiles", "write_profiles"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "outlets": ("outlet", "week", "articles", "sentences", "own_voice", "attributions", "chain_depth", "chained",
                "aligned", "dropped", "drop_rate"),
    "speakers": ("outlet", "week", "kind", "sentences", "share"),
    "terms": ("outlet", "week", "concept", "label", "variant", "stance", "frame", "count"),
}

Key = tuple[str | None, str | None]  # (outlet, week)


def iso_week(date: str | None) -> str | None:
    """The ISO week of a date that starts ``YYYY-MM-DD`` (a timestamp after it is fine), else ``None``.

    Examples:
        >>> from attribution.profiles import iso_week
        >>> iso_week("2015-07-21"), iso_week("2015-08-09T10:00:00"), iso_week("21/07/2015")
        ('2015-W30', '2015-W32', None)
    """
    if not date:
        return None
    try:
        year, week, _ = datetime.date.fromisoformat(str(date)[:10]).isocalendar()
    except ValueError:
        return None
    return f"{year}-W{week:02d}"


def _sort_key(key: Key) -> tuple[str, str]:
    return (key[0] or "\uffff", key[1] or "\uffff")  # unnamed outlets and undated weeks last


@attrs.frozen
class Profiles:
    """Outlet profiles: three tidy tables, ``outlets``, ``speakers`` and ``terms`` (see the module)."""

    outlets: tuple[dict[str, Any], ...]
    speakers: tuple[dict[str, Any], ...]
    terms: tuple[dict[str, Any], ...]
    stories: int = 0  # stories of two or more outlets whose quotes were aligned

    def to_pandas(self) -> dict[str, Any]:
        """Each table as a pandas DataFrame (needs pandas: ``pip install "attribution[pandas]"``)."""
        try:
            import pandas as pd
        except ModuleNotFoundError as exc:
            from .extras import missing_extra

            raise missing_extra(exc, "Profiles.to_pandas()", "pandas") from None

        return {name: pd.DataFrame(list(getattr(self, name)), columns=list(cols)) for name, cols in COLUMNS.items()}

    def write_csv(self, folder: str | PathLike[str]) -> list[Path]:
        """``outlets.csv``, ``speakers.csv`` and ``terms.csv`` in ``folder`` (UTF-8, empty cells for ``None``)."""
        import csv

        paths = []
        for name, cols in COLUMNS.items():
            path = Path(folder) / f"{name}.csv"
            with path.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=list(cols), lineterminator="\n")
                writer.writeheader()
                writer.writerows(getattr(self, name))
            paths.append(path)
        return paths

    def write_parquet(self, folder: str | PathLike[str]) -> list[Path]:
        """The same three tables as Parquet files (needs pyarrow: ``pip install "attribution[parquet]"``)."""
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ModuleNotFoundError as exc:
            from .extras import missing_extra

            raise missing_extra(exc, "Profiles.write_parquet()", "parquet") from None
        floats = {"own_voice", "chain_depth", "chained", "drop_rate", "share"}
        ints = {"articles", "sentences", "attributions", "aligned", "dropped", "count"}
        paths = []
        for name, cols in COLUMNS.items():
            schema = pa.schema([(c, pa.float64() if c in floats else pa.int64() if c in ints else pa.string())
                                for c in cols])
            path = Path(folder) / f"{name}.parquet"
            pq.write_table(pa.Table.from_pylist(list(getattr(self, name)), schema=schema), path)
            paths.append(path)
        return paths


def _in(regions: list[Region], starts: list[int], pos: int, kinds: tuple[str, ...]) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and regions[k].start <= pos < regions[k].end and regions[k].kind in kinds


class ProfileBuilder:
    """Builds `Profiles` one article at a time, in flat memory but for the articles of stories still
    waiting for their other outlets (`attribution.storyfile.StoryGatherer`).

    Examples:
        >>> import attribution
        >>> from attribution.profiles import ProfileBuilder
        >>> from attribution.records import Record
        >>> b = ProfileBuilder()
        >>> b.add(Record("n1", "2024-03-01", attribution.annotate("قالت الوزارة إن الطريق مفتوح.", outlet="الفجر")))
        >>> b.build().outlets[0]["outlet"], b.build().outlets[0]["week"], b.build().speakers[0]["kind"]
        ('الفجر', '2024-W09', 'government')
    """

    def __init__(self, stories: Iterable[Story] = (), *, regions: Sequence[str] = DEFAULT_REGIONS,
                 lexicons: Sequence[str] = ()) -> None:
        from .lexicons import load_terms

        self.regions = tuple(regions)
        self.lexicons = tuple(lexicons)
        self.labels = {c.id: c.label_ar for c in load_terms(self.lexicons).concepts}
        self.gatherer: StoryGatherer[tuple[Record, Key]] = StoryGatherer(stories, 2)
        self.articles: Counter[Key] = Counter()
        self.kinds: dict[Key, Counter[str]] = defaultdict(Counter)
        self.depth: Counter[Key] = Counter()
        self.attributions: Counter[Key] = Counter()
        self.chained: Counter[Key] = Counter()
        self.aligned: Counter[Key] = Counter()
        self.dropped: Counter[Key] = Counter()
        self.terms: dict[Key, Counter[tuple[str, str, str, str]]] = defaultdict(Counter)
        self.stories = 0

    def add(self, record: Record) -> None:
        """Count one article (and align its story's quotes once its story is complete)."""
        article = record.article
        key: Key = (record.outlet, iso_week(record.date))
        self.articles[key] += 1
        kinds = self.kinds[key]
        for s in article.sentences:
            if s.region == "body":
                kinds[s.speaker.kind] += 1
        regions = sorted(article.regions, key=lambda r: r.start)
        starts = [r.start for r in regions]
        for a in article.attributions:
            if _in(regions, starts, a.cue.start, ("body",)):
                self.attributions[key] += 1
                self.depth[key] += 1 + len(a.via)
                self.chained[key] += bool(a.via)
        for t in article.terms:
            if t.voice == "outlet" and _in(regions, starts, t.start, self.regions):
                self.terms[key][(t.concept, t.variant, t.stance, t.frame)] += 1
        if self.gatherer.wanted(record.id):
            # only the attributions are aligned: the text, sentences and terms are not kept while the story waits
            slim = attrs.evolve(record, article=attrs.evolve(article, text="", sentences=(), terms=()))
            for _story, found in self.gatherer.add(record.id, (slim, key)):
                self._align(found)

    def _align(self, found: list[tuple[Record, Key]]) -> None:
        outlets = [key[0] for _, key in found]
        if len({o for o in outlets}) < 2:
            return
        self.stories += 1
        if not any(a.via for r, _ in found for a in r.article.attributions):
            return  # no version names an intermediary: there is no chain to drop (and aligning is the cost)
        c = compare([r.article for r, _ in found], names=[o or "" for o in outlets], regions=self.regions,
                    lexicons=self.lexicons)
        of = dict(zip(c.names, (key for _, key in found)))  # a label (with ′ for a second article) → its key
        for group in c.drift:
            for q in group.quotes:
                key = of[q.outlet]
                others = [len(o.chain) for o in group.quotes if of[o.outlet][0] != key[0] and len(o.chain) > 1]
                if others:
                    self.aligned[key] += 1
                    self.dropped[key] += len(q.chain) < max(others)

    def build(self) -> Profiles:
        """The tables so far; stories still missing articles are aligned with those that came."""
        for _story, found, _missing in self.gatherer.rest():
            self._align(found)
        stories = bool(self.gatherer.stories)
        outlets, speakers, terms = [], [], []
        for key in sorted(self.articles, key=_sort_key):
            outlet, week = key
            kinds = self.kinds.get(key, Counter())
            n = sum(kinds.values())
            attributions = self.attributions[key]
            aligned = self.aligned[key]
            outlets.append({
                "outlet": outlet, "week": week, "articles": self.articles[key], "sentences": n,
                "own_voice": round(kinds["outlet"] / n, 4) if n else None, "attributions": attributions,
                "chain_depth": round(self.depth[key] / attributions, 4) if attributions else None,
                "chained": round(self.chained[key] / attributions, 4) if attributions else None,
                "aligned": aligned if stories else None, "dropped": self.dropped[key] if stories else None,
                "drop_rate": round(self.dropped[key] / aligned, 4) if aligned else None})
            for kind, count in sorted(kinds.items(), key=lambda kc: (-kc[1], kc[0])):
                speakers.append({"outlet": outlet, "week": week, "kind": kind, "sentences": count,
                                 "share": round(count / n, 4)})
            for (concept, variant, stance, frame), count in sorted(self.terms.get(key, Counter()).items()):
                terms.append({"outlet": outlet, "week": week, "concept": concept,
                              "label": self.labels.get(concept) or concept, "variant": variant, "stance": stance,
                              "frame": frame, "count": count})
        return Profiles(tuple(outlets), tuple(speakers), tuple(terms), self.stories)


def profiles(articles: Iterable[Article | Record], *, meta: Sequence[Mapping[str, Any]] | None = None,
             stories: Iterable[Story] = (), regions: Sequence[str] = DEFAULT_REGIONS,
             lexicons: Sequence[str] = ()) -> Profiles:
    """Outlet profiles of ``articles`` (or `attribution.records.Record`s, which carry their id and date).

    ``meta``, one mapping per article (such as the JSONL records the texts came from), gives each its
    ``id`` and ``date``; ``stories`` (`attribution.storyfile.read_stories`) lets the quotes of a story be
    aligned across outlets, for the dropped chains.

    Examples:
        >>> import attribution
        >>> docs = [{"id": "a", "date": "2024-03-01", "outlet": "الفجر",
        ...          "text": "أفادت مصادر أمنية لوكالة رويترز أن المحادثات ستبدأ الأسبوع المقبل في العاصمة."},
        ...         {"id": "b", "date": "2024-03-02", "outlet": "النهار",
        ...          "text": "ذكرت وكالة رويترز أن المحادثات ستبدأ الأسبوع المقبل في العاصمة."}]
        >>> from attribution.storyfile import Story, StoryArticle
        >>> story = Story("s1", "", None, None, ("الفجر", "النهار"), (StoryArticle("a"), StoryArticle("b")))
        >>> p = attribution.profiles(attribution.annotate_many(docs), meta=docs, stories=[story])
        >>> [(r["outlet"], r["week"], r["chain_depth"], r["aligned"], r["dropped"]) for r in p.outlets]
        [('الفجر', '2024-W09', 2.0, 0, 0), ('النهار', '2024-W09', 1.0, 1, 1)]
    """
    builder = ProfileBuilder(stories, regions=regions, lexicons=lexicons)
    for n, item in enumerate(articles):
        if isinstance(item, Record):
            builder.add(item)
            continue
        record = meta[n] if meta is not None else {}
        doc_id = record.get("id")
        if doc_id is None:
            from .tables import article_id

            doc_id = article_id(item)
        date = record.get("date")
        builder.add(Record(str(doc_id), None if date is None else str(date), item))
    return builder.build()


def write_profiles(inputs: Sequence[str], out: Path, *, stories: str | None = None, parquet: bool = False,
                   jobs: int = 1, lexicons: Sequence[str] = (),
                   failed: Callable[[Failure], None] | None = None) -> Profiles:
    """What ``attribution profiles`` does: the corpus streamed through a `ProfileBuilder`, then
    ``outlets.csv``, ``speakers.csv``, ``terms.csv`` (and ``.parquet`` with ``parquet``) and
    ``profiles.html`` in ``out``."""
    from .report.pages import render_profiles

    if parquet:
        import importlib.util

        if importlib.util.find_spec("pyarrow") is None:  # fail before the corpus is read, not after
            from .extras import missing_extra

            raise missing_extra(ModuleNotFoundError(name="pyarrow"), "profiles --format parquet", "parquet")
    builder = ProfileBuilder(read_stories(stories) if stories else (), lexicons=lexicons)
    for record in read_records(inputs, jobs, lexicons, failed=failed):
        builder.add(record)
    result = builder.build()
    out.mkdir(parents=True, exist_ok=True)
    result.write_csv(out)
    if parquet:
        result.write_parquet(out)
    (out / "profiles.html").write_text(render_profiles(result), encoding="utf-8")
    return result
