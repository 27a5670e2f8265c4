"""Lookups the speaker tests share: the sentence and the attribution at a stretch of text."""

from __future__ import annotations

from attribution import Article, Attribution


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
