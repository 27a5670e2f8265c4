"""Read a stories file (``attribution stories --out stories.jsonl``) and gather each story's articles
while a corpus streams past.

One JSON object per line and story::

    {"story": "s-2015-07-21-0003", "label": "…", "first": "2015-07-21", "last": "2015-07-23",
     "outlets": ["…", "…"], "articles": [{"id": "…", "outlet": "…", "date": "2015-07-21", "title": "…"}, …],
     "ties": {"sources": […], "terms": […], "places": […], "quotes": 3, "similarity": 0.41}}

Article ids are the corpus's own ``id`` field (or the file path for files), the ids ``attribution annotate``
writes. `StoryGatherer` holds an article only while its story still waits for others, so a corpus that is
sorted by date (as corpora and stories files are) streams in bounded memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from os import PathLike
from pathlib import Path
from typing import Any, Generic, TypeVar

import attrs

from .errors import Errors, InputError

__all__ = ["Story", "StoryArticle", "StoryGatherer", "read_stories"]

T = TypeVar("T")


@attrs.frozen
class StoryArticle:
    """One article of a story, as the stories file names it."""

    id: str
    outlet: str | None = None
    date: str | None = None
    title: str | None = None


@attrs.frozen
class Story:
    """One story: articles of (usually) several outlets about one event."""

    story: str
    label: str
    first: str | None
    last: str | None
    outlets: tuple[str, ...]
    articles: tuple[StoryArticle, ...]
    ties: dict[str, Any] = attrs.field(factory=dict, eq=False)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.articles)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _story(obj: Any, where: str) -> Story:
    if not isinstance(obj, dict) or not isinstance(obj.get("articles"), list) or "story" not in obj:
        raise InputError(Errors.E090.format(where=where))
    articles = []
    for a in obj["articles"]:
        if not isinstance(a, dict) or a.get("id") is None:
            raise InputError(Errors.E090.format(where=where))
        articles.append(StoryArticle(str(a["id"]), _text(a.get("outlet")), _text(a.get("date")), _text(a.get("title"))))
    outlets = obj.get("outlets")
    if not isinstance(outlets, list):
        outlets = sorted({a.outlet for a in articles if a.outlet})
    ties = obj.get("ties")
    return Story(str(obj["story"]), str(obj.get("label") or ""), _text(obj.get("first")), _text(obj.get("last")),
                 tuple(str(o) for o in outlets), tuple(articles), ties if isinstance(ties, dict) else {})


def read_stories(path: str | PathLike[str]) -> Iterator[Story]:
    """The stories of a stories file, in its order (a malformed line is `InputError` E090 with its line).

    Examples:
        >>> import json, os, tempfile
        >>> from attribution.storyfile import read_stories
        >>> path = os.path.join(tempfile.mkdtemp(), "stories.jsonl")
        >>> line = {"story": "s-2024-03-01-0001", "label": "الطريق الجديد", "outlets": ["الفجر", "النهار"],
        ...         "articles": [{"id": "a1", "outlet": "الفجر"}, {"id": "b1", "outlet": "النهار"}]}
        >>> _ = open(path, "w", encoding="utf-8").write(json.dumps(line, ensure_ascii=False) + "\\n")
        >>> [(s.story, s.ids, s.outlets) for s in read_stories(path)]
        [('s-2024-03-01-0001', ('a1', 'b1'), ('الفجر', 'النهار'))]
    """
    from .corpus import open_jsonl

    name = str(path)
    if not Path(name).is_file():
        raise InputError(Errors.E001.format(path=name))
    offset = 0
    try:
        with open_jsonl(name, binary=True) as fh:
            for n, raw in enumerate(fh, 1):
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise InputError(Errors.E003.format(path=name, offset=offset + exc.start)) from None
                offset += len(raw)
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except (json.JSONDecodeError, RecursionError):
                    raise InputError(Errors.E090.format(where=f"{name}:{n}")) from None
                yield _story(obj, f"{name}:{n}")
    except OSError as exc:
        raise InputError(Errors.E005.format(path=name, reason=exc.strerror or exc)) from None


class StoryGatherer(Generic[T]):
    """Collects items (an Article, or whatever the caller keeps per article) by story id as they arrive,
    and hands back each story with its items, in the story's order, once every article has arrived.

    Only stories with at least ``min_outlets`` distinct outlets are gathered; an article not in one is
    ignored (`wanted` says which ids matter). `rest` gives the stories still missing articles at the end.

    Examples:
        >>> from attribution.storyfile import Story, StoryArticle, StoryGatherer
        >>> s = Story("s1", "", None, None, ("A", "B"), (StoryArticle("a", "A"), StoryArticle("b", "B")))
        >>> g = StoryGatherer([s])
        >>> g.add("a", "article a"), g.wanted("z")
        ([], False)
        >>> [(story.story, items) for story, items in g.add("b", "article b")]
        [('s1', ['article a', 'article b'])]
    """

    def __init__(self, stories: Iterable[Story], min_outlets: int = 2) -> None:
        self.stories: list[Story] = []
        self._of: dict[str, list[int]] = {}
        self._items: dict[int, dict[str, T]] = {}
        for story in stories:
            if len(set(story.outlets) or {a.outlet for a in story.articles}) < min_outlets:
                continue
            k = len(self.stories)
            self.stories.append(story)
            self._items[k] = {}
            for doc_id in dict.fromkeys(story.ids):
                self._of.setdefault(doc_id, []).append(k)

    def wanted(self, doc_id: str) -> bool:
        """Whether ``doc_id`` is an article of a story still being gathered."""
        return any(k in self._items for k in self._of.get(doc_id, ()))

    def add(self, doc_id: str, item: T) -> list[tuple[Story, list[T]]]:
        """Keep ``item`` for its stories; the stories it completes, with their items in story order."""
        done = []
        for k in self._of.get(doc_id, ()):
            items = self._items.get(k)
            if items is None or doc_id in items:
                continue
            items[doc_id] = item
            story = self.stories[k]
            if len(items) == len(set(story.ids)):
                done.append((story, [items[i] for i in dict.fromkeys(story.ids)]))
                del self._items[k]
        return done

    def rest(self) -> Iterator[tuple[Story, list[T], list[str]]]:
        """The stories still waiting: each with the items that arrived and the ids that did not."""
        for k in sorted(self._items):
            story, items = self.stories[k], self._items[k]
            missing = [i for i in dict.fromkeys(story.ids) if i not in items]
            yield story, [items[i] for i in dict.fromkeys(story.ids) if i in items], missing
        self._items.clear()
