"""What several test files share: speaker look-ups, a page's text nodes, and headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from attribution import Article, Attribution

#: Debian's Chromium, when installed (the browser tests skip without it).
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NO_CHROMIUM = "headless Chromium (Debian package 'chromium') is not installed"


def speaker_of(article: Article, words: str) -> tuple[str, str]:
    """Kind and name of the speaker of the sentence that holds the middle of ``words``."""
    pos = article.text.index(words) + len(words) // 2
    sentence = next(s for s in article.sentences if s.start <= pos < s.end)
    return sentence.speaker.kind, sentence.speaker.name


def attribution_at(article: Article, words: str) -> Attribution | None:
    """The innermost attribution whose content holds the middle of ``words``."""
    pos = article.text.index(words) + len(words) // 2
    inside = [a for a in article.attributions if a.content.start <= pos < a.content.end]
    return min(inside, key=lambda a: a.content.end - a.content.start) if inside else None


def first_source(text: str) -> tuple[str, str]:
    """Kind and name of the source of the first sentence of ``text``, annotated."""
    import attribution

    article = attribution.annotate(text)
    index = article.sentences[0].attribution
    assert index is not None, text
    source = article.attributions[index].source
    return source.kind, source.name


def chromium(tmp_path: Path, *args: str) -> str:
    """Run headless Chromium with ``args`` (a profile of its own under ``tmp_path``, nothing fetched from
    the network); its standard output (the DOM for ``--dump-dom``)."""
    assert CHROMIUM is not None
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'chromium'}"]
    return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120).stdout


def probe(tmp_path: Path, page: str) -> Any:
    """Load ``page`` (HTML that frames pages of ``tmp_path`` and writes JSON into ``<pre id="out">``) in
    headless Chromium; the JSON it wrote."""
    (tmp_path / "probe.html").write_text(page, encoding="utf-8")
    dom = chromium(tmp_path, "--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom",
                   (tmp_path / "probe.html").as_uri())
    found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
    assert found and found.group(1) != "pending", dom[-500:]
    return json.loads(unescape(found.group(1)))


def screenshot(tmp_path: Path, page: Path, shot: Path, *args: str) -> None:
    """A 1200×900 screenshot of ``page`` into ``shot``."""
    chromium(tmp_path, *args, "--window-size=1200,900", f"--screenshot={shot}", page.as_uri())


Where = tuple[tuple[str, dict[str, str | None]], ...]


class PageTexts(HTMLParser):
    """Every text node of a page with the open elements around it (tag and attributes), innermost last."""

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[str, Where]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append((data, tuple(self.stack)))

    def within(self, pattern: str) -> list[tuple[str, Where]]:
        return [(t, where) for t, where in self.texts if re.search(pattern, t)]
