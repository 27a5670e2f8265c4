"""Many machines: annotate with Dask. An optional extra (``pip install 'attribution[dask]'``); nothing
else in the package imports this module.

* `annotate_bag` maps texts (or a ``dask.bag`` of texts, dicts or Documents) to a bag of Articles.
* `annotate_frame` maps a ``dask.dataframe`` partition-wise into the four tidy tables of
  `attribution.tables` (articles, sentences, attributions, terms), each partition annotated once.
* `find_stories` groups a corpus into stories as `attribution.stories.find_stories` does: the features of
  each article (annotation included) are computed on the cluster, the grouping (cheap, in date order)
  here, so the result is the same as with ``--jobs``.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import getitem
from typing import Any

from .corpus import Document, Failure, Line, _as_document, annotate_document
from .extras import missing_extra
from .model import Article
from .stories import DEFAULTS, Features, Story, compact, group_stories, item_features
from .tables import COLUMNS, rows

try:  # the dask extra: pip install "attribution[dask]"
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
except ModuleNotFoundError as _exc:
    raise missing_extra(_exc, "attribution.dask", "dask") from None

__all__ = ["annotate_bag", "annotate_frame", "find_stories", "story_features"]


def _annotate(item: Any, outlet: str | None, lexicons: tuple[str, ...]) -> Article | Failure:
    doc = _as_document(item, 0)
    return annotate_document(doc.parse() if isinstance(doc, Line) else doc, outlet, lexicons)


def annotate_bag(texts_or_bag: Iterable[Any] | db.Bag, *, outlet: str | None = None,
                 lexicons: Iterable[str] = (), npartitions: int | None = None) -> db.Bag:
    """A bag of Articles (a document that fails becomes a `attribution.corpus.Failure`)."""
    bag = texts_or_bag if isinstance(texts_or_bag, db.Bag) else db.from_sequence(
        list(texts_or_bag), npartitions=npartitions)
    return bag.map(_annotate, outlet=outlet, lexicons=tuple(lexicons))


def _cell(row: pd.Series, column: str | None) -> Any:
    """``row[column]`` when the frame has that column and the value is not missing, else ``None``."""
    if not column or column not in row.index:
        return None
    value = row[column]
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _partition_tables(pdf: pd.DataFrame, text: str, id_col: str | None, outlet_col: str | None,
                      lexicons: tuple[str, ...], date_col: str | None = "date",
                      url_col: str | None = "url") -> dict[str, pd.DataFrame]:
    acc: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    for idx, row in pdf.iterrows():
        aid = str(row[id_col]) if id_col else str(idx)
        outlet = row[outlet_col] if outlet_col and isinstance(row.get(outlet_col), str) else None
        meta = {"date": _cell(row, date_col), "url": _cell(row, url_col)}
        result = annotate_document(Document(aid, row[text], outlet=outlet, path=aid), None, lexicons)
        if isinstance(result, Failure):
            failed = dict.fromkeys(COLUMNS["articles"])
            failed.update(article_id=aid, path=aid, **{k: None if v is None else str(v) for k, v in meta.items()})
            acc["articles"].append(failed)
            continue
        for name, r in rows(result, aid, meta).items():
            acc[name].extend(r)
    return {name: pd.DataFrame(acc[name], columns=list(cols)) for name, cols in COLUMNS.items()}


def _meta(name: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS[name]})


def annotate_frame(ddf: dd.DataFrame, text: str = "text", *, id: str | None = None, outlet: str | None = None,
                   lexicons: Iterable[str] = (), date: str | None = "date",
                   url: str | None = "url") -> dict[str, dd.DataFrame]:
    """The tidy tables of a Dask DataFrame's ``text`` column (``id`` names the article ids, else the index;
    the ``date`` and ``url`` columns, when the frame has them, go to the articles table)."""
    parts = ddf.to_delayed()
    tables = [dask.delayed(_partition_tables)(p, text, id, outlet, tuple(lexicons), date, url) for p in parts]
    return {name: dd.from_delayed([dask.delayed(getitem)(t, name) for t in tables], meta=_meta(name),
                                  verify_meta=False)
            for name in COLUMNS}


def story_features(items_or_bag: Iterable[Any] | db.Bag, *, outlet: str | None = None, lexicons: Iterable[str] = (),
                   npartitions: int | None = None) -> db.Bag:
    """A bag of `attribution.stories.Features` (or `attribution.corpus.Failure`) of raw documents (texts,
    dicts, Documents, JSONL `attribution.corpus.Line` objects) or lines of ``attribution annotate`` output."""
    bag = items_or_bag if isinstance(items_or_bag, db.Bag) else db.from_sequence(
        list(items_or_bag), npartitions=npartitions)
    return bag.map(_story_features, outlet=outlet, lexicons=tuple(lexicons))


def _story_features(item: Any, outlet: str | None, lexicons: tuple[str, ...]) -> Features | Failure:
    return item_features(item if isinstance(item, (Document, Failure, Line, dict)) else _as_document(item, 0),
                         outlet, lexicons)


def find_stories(inputs: Iterable[str] | db.Bag, *, window: float = DEFAULTS["window"],
                 threshold: float = DEFAULTS["threshold"], duplicate: float = DEFAULTS["duplicate"],
                 min_outlets: int = 1, outlet: str | None = None, lexicons: Iterable[str] = (),
                 npartitions: int | None = None, failures: list[Failure] | None = None) -> list[Story]:
    """`attribution.stories.find_stories` on the current Dask scheduler (a ``distributed.Client``, when one
    is active): ``inputs`` are paths (read here, in order, as `attribution.corpus.iter_documents` reads
    them) or a bag of items. The same stories as ``attribution stories --jobs N`` on the same input."""
    from .corpus import iter_documents

    items = inputs if isinstance(inputs, db.Bag) else list(iter_documents(list(inputs), parse=False))
    results = story_features(items, outlet=outlet, lexicons=lexicons, npartitions=npartitions).compute()
    features = [compact(r) for r in results if isinstance(r, Features)]
    if failures is not None:
        failures.extend(r for r in results if isinstance(r, Failure))
    return group_stories(features, window=window, threshold=threshold, duplicate=duplicate, min_outlets=min_outlets)
