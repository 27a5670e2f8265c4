"""Many machines: annotate with Dask. An optional extra (``pip install 'attribution[dask]'``); nothing
else in the package imports this module.

* `annotate_bag` maps texts (or a ``dask.bag`` of texts, dicts or Documents) to a bag of Articles.
* `annotate_frame` maps a ``dask.dataframe`` partition-wise into the four tidy tables of
  `attribution.tables` (articles, sentences, attributions, terms), each partition annotated once.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import getitem
from typing import Any

from .corpus import Document, Failure, Line, _as_document, annotate_document
from .extras import missing_extra
from .model import Article
from .tables import COLUMNS, rows

try:  # the dask extra: pip install "attribution[dask]"
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
except ModuleNotFoundError as _exc:
    raise missing_extra(_exc, "attribution.dask", "dask") from None

__all__ = ["annotate_bag", "annotate_frame"]


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
