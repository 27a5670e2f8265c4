"""Renderers of a `attribution.compare.Comparison`: Markdown, HTML, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json

from ..compare import Comparison
from .html import render_html
from .markdown import render_markdown

__all__ = ["FORMATS", "render", "render_csv", "render_html", "render_json", "render_markdown"]

FORMATS = ("markdown", "html", "json", "csv")


def render_csv(comparison: Comparison) -> str:
    """Tidy CSV: one row per outlet × concept × term × voice."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["outlet", "concept", "label", "term", "voice", "stance", "frame", "count",
                                             "disagreement"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(comparison.rows())
    return out.getvalue()


def render_json(comparison: Comparison) -> str:
    return json.dumps(comparison.to_json(), ensure_ascii=False, indent=1)


def render(comparison: Comparison, fmt: str) -> str:
    """``comparison`` in ``fmt`` (one of `FORMATS`)."""
    return {"markdown": render_markdown, "html": render_html, "json": render_json, "csv": render_csv}[fmt](comparison)
