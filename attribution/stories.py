"""Stories: group a corpus's articles into the events they report, across outlets, within a date window.

Two steps, so that the costly one runs in parallel and the result never depends on how it ran:

1. `article_features` (in worker processes with ``jobs``, or on a Dask cluster: `attribution.dask`)
   reads what one article says: its headline, the folded stems of its headline and lead, a consistent
   sample of the hashes of its word 4-shingles (near-duplicate wire copy shares most of them), the
   content of its direct quotes, and what the annotation knows: named sources, places, loaded-term
   concepts. Raw documents are annotated first; the output of ``attribution annotate --format json``
   is read as it is (annotate once, group many times).
2. `group` (one process, in date order) gives each article the open story it is most like: the cosine
   of TF-IDF vectors (stems, sources, places and concepts weighted by how rare they are in the input),
   or near-duplicate text, or a shared quote. A story stays open for ``window`` days after its first
   article. Candidates come from inverted indexes over rare keys and shingle samples of the open
   stories only, so the work grows with the number of articles, not with its square.

`find_stories` runs both and returns `Story` objects; ``attribution stories`` writes them as JSONL.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import re
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date as Date
from typing import Any

import attrs

from .corpus import Document, Failure, Line, annotate_document, iter_documents
from .errors import Errors
from .lexicons import Place, load_builtin
from .model import Article
from .morphology import (
    AFFIXED_DEFINITE,
    DEFINITE,
    DUAL,
    FEMININE,
    FEMININE_PLURAL,
    MASCULINE_PLURAL,
    NISBA,
    NISBA_ENDINGS,
    PROCLITICS,
)
from .normalize import fold, fold_term

__all__ = ["DEFAULTS", "Features", "Story", "article_features", "compact", "find_stories", "group", "group_stories",
           "item_features", "iter_features", "stories_of", "story_json", "write_stories"]

#: The grouping's settings (the CLI's defaults; chosen on the labelled set of benchmarks/stories_gold.jsonl).
DEFAULTS: dict[str, float] = {
    "window": 2,        # days after a story's first article in which an article may still join it
    "threshold": 0.20,  # least cosine between an article and a story's centroid to join it
    "duplicate": 0.5,   # least share of sampled 4-shingles two articles hold in common to be one story
}
LEAD_WORDS = 120          # words of the body, after the headline, that make an article's vector
HEADLINE_WEIGHT = 3       # a headline word counts as this many body words
ANNOTATION_WEIGHT = 2     # a source, place or concept the annotation found, this many
SAMPLE = 4                # one 4-shingle hash in SAMPLE is kept (the same ones in every article)
VECTOR_SIZE = 64          # an article keeps its heaviest keys
INDEX_KEYS = 12           # of which this many index it (the rarest are the most telling)
MAX_DF = 0.05             # a key in more than this share of the articles (and 100) indexes nothing
QUOTE_BONUS = 0.15        # added to the cosine when the article repeats one of the story's quotes
LINK = 1.0                # and its nearest article at least LINK times the threshold (no drifting chains)
MERGE = 0.4               # two stories whose centroids are this alike, and that an article fits, merge
CENTROID_SIZE = 200       # a story's centroid keeps its heaviest keys
_WORD = re.compile(r"\w+")
#: Nominal endings a stem drops (one, the longest that fits).
_SUFFIXES = tuple(sorted({*NISBA_ENDINGS, *DUAL, *MASCULINE_PLURAL, FEMININE_PLURAL, FEMININE},
                         key=lambda e: (-len(e), e)))
_SOURCE_KINDS = ("news_agency", "media", "government", "official", "person", "group", "organization")


@attrs.frozen
class Features:
    """What grouping needs of one article (small, picklable; the same whichever process built it)."""

    id: str
    outlet: str | None
    date: str | None  # ISO date (YYYY-MM-DD), or None when the input gives none
    title: str
    keys: tuple[str, ...]  # stems of the headline and lead, then "@s:", "@p:", "@t:" sources, places, concepts
    counts: tuple[int, ...]
    prints: tuple[int, ...]  # sampled 4-shingle hashes of the headline and body, sorted
    quotes: tuple[tuple[int, ...], ...]  # per direct quote, its 3-shingle hashes
    sources: tuple[str, ...]
    places: tuple[str, ...]
    terms: tuple[str, ...]


@attrs.frozen
class Story:
    """Articles of one event: ``articles`` are `Features` in (date, outlet, id) order."""

    id: str
    label: str
    first: str | None
    last: str | None
    outlets: tuple[str, ...]
    articles: tuple[Features, ...]
    sources: tuple[str, ...]
    terms: tuple[str, ...]
    places: tuple[str, ...]
    quotes: int
    similarity: float


# ---------------------------------------------------------------------------------------------- words


def stem(word: str) -> str:
    """A folded word without its article (and the conjunction or preposition before it) and one nominal
    ending (plural, dual, feminine, nisba), when three letters stay: a light stem that lets «والحوثيين»,
    «الحوثي» and «حوثيون», or «العراقية» and «العراق», meet. A bare و or ف is left alone («وزارة», «فريق»).

    Examples:
        >>> from attribution.stories import stem
        >>> from attribution.normalize import fold_term
        >>> stem(fold_term("والحوثيين")) == stem(fold_term("الحوثي")) == stem(fold_term("حوثيون"))
        True
        >>> stem(fold_term("العراقية")) == stem(fold_term("العراق"))
        True
        >>> stem(fold_term("فريق")) == fold_term("فريق")
        True
    """
    for prefix in (*AFFIXED_DEFINITE, DEFINITE):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            word = word[len(prefix):]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text).text)


def _hash(words: Sequence[str]) -> int:
    return zlib.crc32(" ".join(words).encode("utf-8"))


def _shingles(words: Sequence[str], n: int) -> Iterator[int]:
    for i in range(max(len(words) - n + 1, 1 if words else 0)):
        yield _hash(words[i:i + n])


@attrs.frozen
class PlaceIndex:
    """The places of lexicons/places.toml by the stem of their first word: country names, aliases, capitals
    and the forms of the nationality adjectives, each as stems, longest first."""

    first: dict[str, tuple[tuple[tuple[str, ...], str], ...]]

    @classmethod
    def from_places(cls, places: Iterable[Place]) -> PlaceIndex:
        index: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for place in places:
            names = [place.name, *place.aliases, *([place.capital] if place.capital else [])]
            for adjective in place.adjectives:
                base = fold_term(adjective)
                base = base[:-len(NISBA)] if base.endswith(NISBA) else base
                names.extend(base + ending for ending in NISBA_ENDINGS)
            for name in names:
                stems = tuple(stem(w) for w in _WORD.findall(fold_term(name)))
                if stems and (stems, place.name) not in index[stems[0]]:
                    index[stems[0]].append((stems, place.name))
        return cls({k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in index.items()})

    def find(self, stems: Sequence[str]) -> Counter[str]:
        """How often each place is named in ``stems``, in order of first mention."""
        found: Counter[str] = Counter()
        for i, s in enumerate(stems):
            for name, place in self.first.get(s, ()):
                if tuple(stems[i:i + len(name)]) == name:
                    found[place] += 1
                    break
        return found


_BUILTIN_PLACES: list[PlaceIndex] = []


def builtin_places() -> PlaceIndex:
    """The built-in places, indexed once per process."""
    if not _BUILTIN_PLACES:
        _BUILTIN_PLACES.append(PlaceIndex.from_places(load_builtin().places))
    return _BUILTIN_PLACES[0]


# ------------------------------------------------------------------------------------------- features


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return Date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


_TITLE_LINE = re.compile(r"\A[ \t\ufeff]*([^\n]{1,300}?)[ \t]*\r?\n[ \t]*\r?\n")


def _title(article: Article) -> str:
    """The headline: a corpus's first line when a blank line follows it (the title, a blank line, the body,
    as JSONL corpora write it), else the annotation's headline region, else the first line."""
    text = article.text
    m = _TITLE_LINE.match(text)
    if m:
        return m.group(1).strip()
    headline = next((text[r.start:r.end].strip() for r in article.regions if r.kind == "headline"), "")
    return headline or next((line.strip() for line in text.splitlines() if line.strip()), "")


def article_features(article: Article, id: str, outlet: str | None = None, date: str | None = None,
                     places: PlaceIndex | None = None) -> Features:
    """The `Features` of an annotated article (``outlet`` is the corpus's, when the article names none).

    Examples:
        >>> import attribution
        >>> from attribution.stories import article_features
        >>> a = attribution.annotate("السعودية تدين الهجوم على الحدود\\n\\n"
        ...                          "قال وزير الخارجية عادل الجبير إن الهجوم على الحدود مع اليمن مدان.")
        >>> f = article_features(a, "a1", "الرياض", "2015-07-21")
        >>> f.title, f.date, f.places
        ('السعودية تدين الهجوم على الحدود', '2015-07-21', ('السعودية', 'اليمن'))
    """
    text = article.text
    title = _title(article)
    body = [s.text for s in article.sentences if s.region == "body"]
    title_words = _words(title)
    body_words = _words("\n".join(body)) if body else _words(text)[len(title_words):]
    stems = [stem(w) for w in title_words + body_words]
    counts: Counter[str] = Counter()
    for s in stems[:len(title_words)]:
        counts[s] += HEADLINE_WEIGHT
    counts.update(stems[len(title_words):len(title_words) + LEAD_WORDS])
    sources = Counter(src.name for a in article.attributions
                      for src in (a.source, *a.via) if src.kind in _SOURCE_KINDS and src.name)
    found_places = (places or builtin_places()).find(stems)
    terms = Counter(t.concept for t in article.terms)
    for prefix, found in (("@s:", sources), ("@p:", found_places), ("@t:", terms)):
        for v, n in found.items():  # counted like words: an article about Iraq names it often
            counts[prefix + fold_term(v)] += n
    keys = tuple(sorted(counts))
    words = title_words + body_words
    prints = tuple(sorted({h for h in _shingles(words, 4) if h % SAMPLE == 0}))
    quotes = tuple(q for q in (tuple(sorted(set(_shingles(_words(a.content.text), 3))))
                               for a in article.attributions if a.direct and a.content.text) if len(q) >= 3)
    return Features(id, article.outlet.name or outlet, _iso(date), title, keys, tuple(counts[k] for k in keys),
                    prints, quotes, tuple(sorted(sources)), tuple(found_places), tuple(sorted(terms)))


def _annotated(obj: dict[str, Any]) -> bool:
    return isinstance(obj.get("outlet"), dict) and isinstance(obj.get("sentences"), list)


def item_features(item: Document | Failure | Line | dict[str, Any], outlet: str | None = None,
                  lexicons: tuple[str, ...] = ()) -> Features | Failure:
    """The `Features` of one input item: a raw document (annotated here) or a line of ``attribution
    annotate --format json`` output (read back with `attribution.from_json`); a `Failure` when it cannot
    be read or annotated (a line of annotate's output that records an error is one too)."""
    from .jsonio import from_json

    if isinstance(item, Line):
        try:
            obj = json.loads(item.raw)
        except (ValueError, RecursionError):
            obj = None
        if isinstance(obj, dict) and (_annotated(obj) or ("error" in obj and "text" not in obj)):
            item = obj
        else:
            item = item.parse()
    if isinstance(item, dict):
        doc_id = str(item.get("id") or item.get("path") or "")
        if "error" in item and "text" not in item:
            return Failure(doc_id, str(item["error"]), item.get("path"))
        try:
            article = from_json(item)
        except Exception as exc:  # a hand-edited line: report it, go on
            return Failure(doc_id, Errors.E051.format(where=f"{doc_id} ({type(exc).__name__}: {exc})"))
        return article_features(article, doc_id, outlet, item.get("date"))
    if isinstance(item, Failure):
        return item
    result = annotate_document(item, outlet, lexicons)
    if isinstance(result, Failure):
        return result
    return article_features(result, item.id, item.outlet or outlet, item.date)


_WORKER: dict[str, Any] = {}


def _init_worker(outlet: str | None, lexicons: tuple[str, ...], lang: str | None = None) -> None:
    import signal

    from .i18n import set_language

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    set_language(lang)  # a document's error in the parent's language
    _WORKER.update(outlet=outlet, lexicons=lexicons)


def _work(item: Document | Failure | Line) -> Features | Failure:
    return item_features(item, _WORKER.get("outlet"), _WORKER.get("lexicons", ()))


def iter_features(inputs: Iterable[str], jobs: int = 1, outlet: str | None = None,
                  lexicons: tuple[str, ...] = (), chunksize: int = 32) -> Iterator[Features | Failure]:
    """`Features` (or `Failure`) of every document of ``inputs`` (files, directories, JSONL raw or
    annotated, as `attribution.corpus.iter_documents` reads them), in input order, streaming, in ``jobs``
    processes."""
    items = iter_documents(inputs, parse=False)
    if jobs <= 1:
        _WORKER.update(outlet=outlet, lexicons=lexicons)
        yield from map(_work, items)
        return
    from .compiled import load
    from .i18n import language

    load(lexicons)  # the lexicons compiled once here: forked workers inherit them
    builtin_places()
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() and os.name == "posix" else "spawn"
    with multiprocessing.get_context(method).Pool(jobs, initializer=_init_worker,
                                                  initargs=(outlet, lexicons, language())) as pool:
        yield from pool.imap(_work, items, chunksize=chunksize)


# ------------------------------------------------------------------------------------------- grouping


@attrs.define
class _Open:
    """A story being built: its members (indexes into the sorted features) and centroid."""

    first: int  # ordinal day of its first article (or -1 for undated)
    members: list[int]
    centroid: dict[str, float]
    norm2: float
    keys: set[str]


def _day(d: str | None) -> int:
    return -1 if d is None else Date.fromisoformat(d).toordinal()


@attrs.frozen
class _Weights:
    """What the whole input says about its words: a stem with a proclitic (و ف ب ل ك and their pairs) is
    read as the stem without it when the input holds that more often (so «لانسحاب» is «انسحاب» but
    «وزارة» stays), then how many articles hold each key, and its inverse document frequency."""

    canon: dict[str, str]
    df: Counter[str]
    idf: dict[str, float]

    @classmethod
    def of(cls, features: Sequence[Features]) -> _Weights:
        raw: Counter[str] = Counter()
        for f in features:
            raw.update(f.keys)
        canon = {}
        for k, c in raw.items():
            for p in PROCLITICS:
                rest = k[len(p):]
                if k.startswith(p) and len(rest) >= 3 and raw.get(rest, 0) > c:
                    canon[k] = rest
                    break
        df: Counter[str] = Counter()
        for f in features:
            df.update({canon.get(k, k) for k in f.keys})
        n = len(features)
        return cls(canon, df, {k: math.log((n + 1) / (c + 0.5)) for k, c in df.items()})

    def vector(self, f: Features) -> dict[str, float]:
        """The article's TF-IDF vector, unit length, its heaviest keys only."""
        counts: dict[str, int] = defaultdict(int)
        for k, c in zip(f.keys, f.counts, strict=True):
            counts[self.canon.get(k, k)] += c * ANNOTATION_WEIGHT if k.startswith("@") else c
        weights = sorted(((k, (1 + math.log(c)) * self.idf[k]) for k, c in counts.items()),
                         key=lambda kw: (-kw[1], kw[0]))[:VECTOR_SIZE]
        norm = math.sqrt(sum(w * w for _, w in weights)) or 1.0
        return {k: w / norm for k, w in weights}


def _quote_match(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    shared = len(set(a) & set(b))
    return shared >= 3 and shared * 2 >= min(len(a), len(b))


def group(features: Sequence[Features], window: float = DEFAULTS["window"],
          threshold: float = DEFAULTS["threshold"], duplicate: float = DEFAULTS["duplicate"]) -> list[list[int]]:
    """Indexes of ``features`` grouped into stories, each in date order, the groups in order of their
    first article. Deterministic: the same features in any order give the same groups.

    Examples:
        >>> import attribution
        >>> from attribution.stories import article_features, group
        >>> texts = ["قال الوزير إن اتفاق المياه مع الأردن سيوقع غدا في عمان.",
        ...          "أعلن الوزير أن اتفاق المياه مع الأردن سيوقع غدا في عمان بحضور الوفدين.",
        ...          "فاز النادي الأهلي على الهلال بهدفين في الدوري."]
        >>> fs = [article_features(attribution.annotate(t), str(i), "x", "2015-07-21") for i, t in enumerate(texts)]
        >>> group(fs)
        [[0, 1], [2]]
    """
    order = sorted(range(len(features)), key=lambda i: (features[i].date is None, features[i].date or "",
                                                        features[i].id, i))
    n = len(features)
    weights = _Weights.of(features)
    df = weights.df
    index_limit = max(MAX_DF * n, 100)
    by_key: dict[str, list[int]] = defaultdict(list)      # key → open stories
    by_print: dict[int, list[int]] = defaultdict(list)    # shingle sample → articles of open stories
    story_of: dict[int, int] = {}
    stories: list[_Open] = []
    open_ids: list[int] = []
    today: int | None = None
    vectors: dict[int, dict[str, float]] = {}  # the articles of the open stories
    for i in order:
        f = features[i]
        day = _day(f.date)
        if day != today:  # a new day: close the stories out of the window, and their index
            today = day
            still = [s for s in open_ids if stories[s].first == day or (day >= 0 <= stories[s].first
                                                                            and day - stories[s].first <= window)]
            closed = set(open_ids) - set(still)
            open_ids = still
            for s in sorted(closed):
                for k in stories[s].keys:
                    by_key[k] = [x for x in by_key[k] if x != s]
                    if not by_key[k]:
                        del by_key[k]
                for m in stories[s].members:
                    for p in features[m].prints:
                        by_print[p] = [x for x in by_print[p] if x != m]
                        if not by_print[p]:
                            del by_print[p]
                stories[s].centroid = {}
                for m in stories[s].members:
                    del vectors[m]
        vec = weights.vector(f)
        keys = [k for k in sorted(vec, key=lambda k: (-vec[k], k)) if 2 <= df[k] <= index_limit][:INDEX_KEYS]
        best, best_score = -1, 0.0
        fits: list[int] = []
        shared: Counter[int] = Counter()
        for p in f.prints:
            shared.update(by_print.get(p, ()))
        for m, c in sorted(shared.items()):
            union = len(f.prints) + len(features[m].prints) - c
            score = c / union if union else 0.0
            if score >= duplicate and score > best_score:
                best, best_score = story_of[m], score
        if best < 0:
            candidates = sorted({s for k in keys for s in by_key.get(k, ())})
            for s in candidates:
                st = stories[s]
                dot = sum(w * st.centroid.get(k, 0.0) for k, w in vec.items())
                score = dot / math.sqrt(st.norm2) if st.norm2 else 0.0
                quoted = bool(f.quotes) and any(_quote_match(q, r) for m in st.members for r in features[m].quotes
                                                for q in f.quotes)
                if quoted:
                    score += QUOTE_BONUS
                if score < threshold:
                    continue
                nearest = max(sum(w * vectors[m].get(k, 0.0) for k, w in vec.items()) for m in st.members)
                if nearest + QUOTE_BONUS * quoted >= threshold * LINK:
                    fits.append(s)
                    if score > best_score:
                        best, best_score = s, score
        if best < 0:
            best = len(stories)
            stories.append(_Open(day, [], {}, 0.0, set()))
            open_ids.append(best)
        st = stories[best]
        vectors[i] = vec
        st.members.append(i)
        story_of[i] = best
        for k, w in vec.items():
            st.centroid[k] = st.centroid.get(k, 0.0) + w
        if len(st.centroid) > CENTROID_SIZE * 2:  # keep the heaviest keys (ties by key: deterministic)
            st.centroid = dict(sorted(st.centroid.items(), key=lambda kw: (-kw[1], kw[0]))[:CENTROID_SIZE])
        st.norm2 = sum(w * w for w in st.centroid.values())
        for k in keys:
            if k not in st.keys:
                st.keys.add(k)
                by_key[k].append(best)
        for p in f.prints:
            by_print[p].append(i)
        for s in fits:  # two open stories the article fits, alike enough, are one story begun twice
            other = stories[s]
            if s == best or not other.members:
                continue
            dot = sum(w * st.centroid.get(k, 0.0) for k, w in other.centroid.items())
            if dot / math.sqrt(st.norm2 * other.norm2) >= MERGE:
                _merge(st, best, other, s, story_of, by_key)
                open_ids.remove(s)
    rank = {i: r for r, i in enumerate(order)}
    return [sorted(s.members, key=rank.__getitem__) for s in sorted(
        (s for s in stories if s.members), key=lambda s: min(rank[m] for m in s.members))]


def _merge(st: _Open, best: int, other: _Open, s: int, story_of: dict[int, int],
           by_key: dict[str, list[int]]) -> None:
    """Move story ``s`` (``other``) into story ``best`` (``st``)."""
    st.first = min(st.first, other.first)
    st.members.extend(other.members)
    for m in other.members:
        story_of[m] = best
    for k, w in other.centroid.items():
        st.centroid[k] = st.centroid.get(k, 0.0) + w
    if len(st.centroid) > CENTROID_SIZE * 2:
        st.centroid = dict(sorted(st.centroid.items(), key=lambda kw: (-kw[1], kw[0]))[:CENTROID_SIZE])
    st.norm2 = sum(w * w for w in st.centroid.values())
    for k in other.keys:
        by_key[k] = [x for x in by_key[k] if x != s]
        if k not in st.keys:
            st.keys.add(k)
            by_key[k].append(best)
    other.members, other.centroid, other.keys = [], {}, set()


# -------------------------------------------------------------------------------------------- stories


def _shared(values: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    """The values that two articles or more hold, the most shared first."""
    counts = Counter(v for vs in values for v in set(vs))
    return tuple(v for v, c in sorted(counts.items(), key=lambda vc: (-vc[1], vc[0])) if c >= 2)


def _quote_count(members: Sequence[Features]) -> int:
    """How many quotes (groups of matching direct quotes) two articles of the story or more carry."""
    quotes = [(a, q) for a, f in enumerate(members) for q in f.quotes]
    parent = list(range(len(quotes)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x in range(len(quotes)):
        for y in range(x + 1, len(quotes)):
            if quotes[x][0] != quotes[y][0] and _quote_match(quotes[x][1], quotes[y][1]):
                parent[root(x)] = root(y)
    articles: dict[int, set[int]] = defaultdict(set)
    for x, (a, _) in enumerate(quotes):
        articles[root(x)].add(a)
    return sum(1 for arts in articles.values() if len(arts) >= 2)


def _label(members: Sequence[Features], weights: _Weights, common: float) -> str:
    """The story's most shared headline words (up to five), as the most central headline writes them."""
    idf = weights.idf
    titles = [[(w, weights.canon.get(k, k)) for w in _WORD.findall(f.title) for k in (stem(fold_term(w)),)]
              for f in members]
    counts = Counter(s for t in titles for s in {s for _, s in t})
    usable = [s for s in counts if len(s) > 2 and idf.get(s, 0.0) > common]
    top = set(sorted(usable, key=lambda s: (-counts[s], -idf.get(s, 0.0), s))[:5])
    if not top:
        return members[0].title
    best = max(range(len(titles)), key=lambda t: (len({s for _, s in titles[t]} & top), -t))
    words, seen = [], set()
    for w, s in titles[best]:
        if s in top and s not in seen:
            seen.add(s)
            words.append(w)
    return " ".join(words)


def find_stories(inputs: Iterable[str], *, window: float = DEFAULTS["window"],
                 threshold: float = DEFAULTS["threshold"], duplicate: float = DEFAULTS["duplicate"],
                 min_outlets: int = 1, jobs: int = 1, outlet: str | None = None, lexicons: Iterable[str] = (),
                 failures: list[Failure] | None = None) -> list[Story]:
    """The stories of ``inputs`` (paths as ``attribution stories`` takes them), sorted by first date then id;
    those with fewer than ``min_outlets`` outlets are left out. Documents that fail are appended to
    ``failures``. `attribution.dask.find_stories` does the same on a Dask cluster.

    Examples:
        >>> import json, os, tempfile
        >>> from attribution.stories import find_stories
        >>> path = os.path.join(tempfile.mkdtemp(), "corpus.jsonl")
        >>> docs = [("a1", "الرياض", "مجلس الوزراء يقر نظام المياه الجديد\\n\\nأقر مجلس الوزراء نظام المياه الجديد."),
        ...         ("b1", "عكاظ", "مجلس الوزراء يقر نظام المياه\\n\\nوافق مجلس الوزراء على نظام المياه الجديد."),
        ...         ("c1", "عكاظ", "الهلال يفوز على النصر\\n\\nفاز فريق الهلال على النصر بهدفين في الدوري.")]
        >>> with open(path, "w", encoding="utf-8") as fh:
        ...     for i, o, t in docs:
        ...         print(json.dumps({"id": i, "outlet": o, "date": "2015-07-21", "text": t}), file=fh)
        >>> [(s.id, [a.id for a in s.articles]) for s in find_stories([path], min_outlets=2)]
        [('s-2015-07-21-0001', ['a1', 'b1'])]
    """
    features: list[Features] = []
    for f in iter_features(list(inputs), jobs, outlet, tuple(lexicons)):
        if isinstance(f, Failure):
            if failures is not None:
                failures.append(f)
        else:
            features.append(compact(f))
    return group_stories(features, window=window, threshold=threshold, duplicate=duplicate, min_outlets=min_outlets)


def compact(f: Features) -> Features:
    """``f`` with its keys interned: the corpus's words are held once, not once per article that uses
    them (what a worker process sends back is a fresh copy of every string)."""
    return attrs.evolve(f, keys=tuple(map(sys.intern, f.keys)))


def group_stories(features: Sequence[Features], *, window: float = DEFAULTS["window"],
                  threshold: float = DEFAULTS["threshold"], duplicate: float = DEFAULTS["duplicate"],
                  min_outlets: int = 1) -> list[Story]:
    """`group` ``features`` and build the `Story` objects (what `find_stories` does once the features are
    read, wherever they were computed)."""
    return stories_of(features, group(features, window, threshold, duplicate), min_outlets)


def stories_of(features: Sequence[Features], groups: Sequence[Sequence[int]], min_outlets: int = 1) -> list[Story]:
    """`Story` objects for ``groups`` of ``features`` (what `group` returns)."""
    n = len(features)
    weights = _Weights.of(features)
    common = math.log(1 / 0.2) if n >= 50 else 0.0  # a word in a fifth of the headlines labels nothing
    built = []
    for g in groups:
        members = sorted((features[i] for i in g), key=lambda f: (f.date or "", f.outlet or "", f.id))
        outlets = tuple(sorted({f.outlet for f in members if f.outlet}))
        if len(outlets) + sum(1 for f in members if not f.outlet) < min_outlets:  # an unknown outlet is one more
            continue
        dates = [f.date for f in members if f.date]
        if len(members) > 1:
            vectors = [weights.vector(f) for f in members]
            total: dict[str, float] = defaultdict(float)
            for v in vectors:
                for k, w in v.items():
                    total[k] += w
            m = len(members)
            similarity = (sum(w * w for w in total.values()) - m) / (m * (m - 1))
        else:
            similarity = 1.0
        built.append((min(dates) if dates else None, max(dates) if dates else None, members, outlets,
                      round(similarity, 2)))
    built.sort(key=lambda b: (b[0] is None, b[0] or "", b[2][0].id))
    stories, ordinal = [], Counter[str | None]()
    for first, last, members, outlets, similarity in built:
        ordinal[first] += 1
        sid = f"s-{first or 'undated'}-{ordinal[first]:04d}"
        stories.append(Story(sid, _label(members, weights, common), first, last, outlets, tuple(members),
                             _shared(f.sources for f in members), _shared(f.terms for f in members),
                             _shared(f.places for f in members), _quote_count(members), similarity))
    return stories


def story_json(story: Story) -> dict[str, Any]:
    """One line of ``stories.jsonl``."""
    return {"story": story.id, "label": story.label, "first": story.first, "last": story.last,
            "outlets": list(story.outlets),
            "articles": [{"id": f.id, "outlet": f.outlet, "date": f.date, "title": f.title} for f in story.articles],
            "ties": {"sources": list(story.sources), "terms": list(story.terms), "places": list(story.places),
                     "quotes": story.quotes, "similarity": story.similarity}}


def write_stories(stories: Iterable[Story], out: Any) -> int:
    """Write ``stories`` as JSONL to the text stream ``out``; how many were written."""
    n = 0
    for s in stories:
        out.write(json.dumps(story_json(s), ensure_ascii=False) + "\n")
        n += 1
    return n


def run(args: Any, report: Callable[[str], None] = lambda m: print(f"attribution: {m}", file=sys.stderr)) -> int:
    """``attribution stories``: the command line's work (exit status: 0, 1 when documents failed, 2 when an
    input could not be read or --out not written)."""
    failures: list[Failure] = []
    stories = find_stories(args.inputs, window=args.window, threshold=args.threshold, min_outlets=args.min_outlets,
                           jobs=args.jobs, outlet=args.outlet, lexicons=args.lexicon, failures=failures)
    unreadable = [f for f in failures if f.unreadable]
    for f in failures:
        report(f.error)
    try:
        if args.out:
            with open(args.out, "w", encoding="utf-8") as fh:
                n = write_stories(stories, fh)
        else:
            n = write_stories(stories, sys.stdout)
    except OSError as exc:
        report(Errors.E055.format(path=args.out or "-", reason=exc.strerror or exc))
        return 2
    if args.out or failures:
        from .i18n import ngettext

        report(ngettext("{n} story ({articles} articles, {failed} failed)",
                        "{n} stories ({articles} articles, {failed} failed)", n).format(
            n=n, articles=sum(len(s.articles) for s in stories), failed=len(failures)))
    return 2 if unreadable else 1 if failures else 0
