"""A made-up corpus of three outlets over two weeks, with its stories file: the examples of
tests/test_profiles.py and of docs/profiles.md (no text from ../shared)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

DOCS: list[dict[str, str]] = [
    {"id": "fajr-1", "outlet": "الفجر", "date": "2024-03-04",
     "text": "هجوم على الحدود\n\nأفادت مصادر أمنية لوكالة رويترز أن فصائل المقاومة شنت هجوما على موقع عسكري قرب "
             "الحدود فجر اليوم.\nوشنت فصائل المقاومة هجمات متكررة خلال الأسابيع الماضية."},
    {"id": "nahar-1", "outlet": "النهار", "date": "2024-03-04",
     "text": "هجوم على الحدود\n\nذكرت وكالة رويترز أن ميليشيات موالية لإيران شنت هجوما على موقع عسكري قرب الحدود "
             "فجر اليوم.\nوشنت ميليشيات موالية لإيران هجمات متكررة خلال الأسابيع الماضية."},
    {"id": "sabah-1", "outlet": "الصباح", "date": "2024-03-05",
     "text": "هجوم على الحدود\n\nقال مسؤول عسكري إن مسلحين شنوا هجوما على موقع قرب الحدود.\nوتشهد المنطقة توترا "
             "منذ أشهر."},
    {"id": "fajr-2", "outlet": "الفجر", "date": "2024-03-05",
     "text": "افتتاح الطريق الجديد\n\nقال وزير النقل إن الطريق الجديد سيفتح أمام السيارات الشهر المقبل."},
    {"id": "sabah-2", "outlet": "الصباح", "date": "2024-03-06",
     "text": "افتتاح الطريق الجديد\n\nقال وزير النقل إن الطريق الجديد سيفتح أمام السيارات الشهر المقبل."},
    {"id": "nahar-2", "outlet": "النهار", "date": "2024-03-06",
     "text": "أسعار الخضار\n\nوتشهد الأسواق حركة نشطة مع بداية الموسم.\nوارتفعت أسعار الطماطم هذا الأسبوع."},
    {"id": "fajr-3", "outlet": "الفجر", "date": "2024-03-12",
     "text": "موسم الأمطار\n\nوهطلت أمطار غزيرة على المدينة.\nوقالت وزارة الزراعة إن الموسم يبشر بالخير هذا العام."},
    {"id": "nahar-3", "outlet": "النهار", "date": "2024-03-13",
     "text": "موسم الأمطار\n\nقال مزارعون إن الأمطار الغزيرة أنعشت المحاصيل.\nوقالت وزارة الزراعة: «الموسم "
             "يبشر بالخير هذا العام»."},
]

STORIES: list[dict[str, Any]] = [
    {"story": "s-2024-03-04-0001", "label": "هجوم الحدود", "first": "2024-03-04", "last": "2024-03-05",
     "outlets": ["الصباح", "الفجر", "النهار"], "ids": ["fajr-1", "nahar-1", "sabah-1"]},
    {"story": "s-2024-03-05-0001", "label": "افتتاح الطريق", "first": "2024-03-05", "last": "2024-03-06",
     "outlets": ["الصباح", "الفجر"], "ids": ["fajr-2", "sabah-2"]},
    {"story": "s-2024-03-06-0001", "label": "أسعار الخضار", "first": "2024-03-06", "last": "2024-03-06",
     "outlets": ["النهار"], "ids": ["nahar-2"]},
    {"story": "s-2024-03-12-0001", "label": "موسم الأمطار", "first": "2024-03-12", "last": "2024-03-13",
     "outlets": ["الفجر", "النهار"], "ids": ["fajr-3", "nahar-3"]},
]


def write_corpus(folder: Path) -> tuple[Path, Path]:
    """``corpus.jsonl.gz`` and ``stories.jsonl`` in ``folder`` (the stories file in the agreed format)."""
    corpus, stories = folder / "corpus.jsonl.gz", folder / "stories.jsonl"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        for d in DOCS:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    by_id = {d["id"]: d for d in DOCS}
    with stories.open("w", encoding="utf-8") as fh:
        for s in STORIES:
            articles = [{"id": i, "outlet": by_id[i]["outlet"], "date": by_id[i]["date"],
                         "title": by_id[i]["text"].split("\n")[0]} for i in s["ids"]]
            line = {k: v for k, v in s.items() if k != "ids"}
            line.update(articles=articles, ties={"sources": [], "terms": [], "places": [], "quotes": 0,
                                                 "similarity": 0.5})
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return corpus, stories
