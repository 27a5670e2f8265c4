"""Write the tidy tables as Parquet files, in row groups, while a corpus streams (needs pyarrow)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .extras import missing_extra
from .model import Article
from .tables import COLUMNS, rows

try:  # the parquet extra: pip install "attribution[parquet]"
    import pyarrow as pa
    import pyarrow.parquet as pq
except ModuleNotFoundError as _exc:
    raise missing_extra(_exc, "--format parquet", "parquet") from None

__all__ = ["ParquetTables"]


class ParquetTables:
    """``articles.parquet``, ``sentences.parquet``, ``attributions.parquet``, ``terms.parquet`` in ``folder``."""

    def __init__(self, folder: Path, batch: int = 500) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.batch = folder, batch
        self.buffers: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.pending = 0

    def add(self, article: Article, article_id: str, meta: Mapping[str, Any] | None = None) -> None:
        """Buffer ``article``'s rows; ``meta`` (its JSONL record or Document fields) gives ``date`` and ``url``."""
        for name, r in rows(article, article_id, meta).items():
            self.buffers[name].extend(r)
        self.pending += 1
        if self.pending >= self.batch:
            self.flush()

    def flush(self) -> None:
        for name, buffer in self.buffers.items():
            table = pa.Table.from_pylist(buffer, schema=self._schema(name)) if buffer else None
            if table is None:
                continue
            if name not in self.writers:
                self.writers[name] = pq.ParquetWriter(self.folder / f"{name}.parquet", table.schema)
            self.writers[name].write_table(table)
            buffer.clear()
        self.pending = 0

    @staticmethod
    def _schema(name: str) -> pa.Schema:
        types = {"index": pa.int64(), "start": pa.int64(), "end": pa.int64(), "content_start": pa.int64(),
                 "content_end": pa.int64(), "n_sentences": pa.int64(), "n_attributions": pa.int64(),
                 "n_terms": pa.int64(), "own_voice_share": pa.float64(), "direct": pa.bool_()}
        return pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS[name]])

    def close(self) -> None:
        self.flush()
        for name in COLUMNS:
            if name not in self.writers:
                pq.write_table(pa.Table.from_pylist([], schema=self._schema(name)), self.folder / f"{name}.parquet")
        for w in self.writers.values():
            w.close()
