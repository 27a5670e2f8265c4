"""The attributor: every rule family in the order they run, over each paragraph of a page.

`attribute` is the entry point of the attributions step; the rule ids are listed in
`attribution.grammar` and ``docs/grammar.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..morphology import FA, PRESENT_THIRD_PERSON, WA
from ..normalize import PAIRED_QUOTES, Folded
from ..sources import (
    OPEN_QUOTES,
)
from .base import (
    _WORDS,
    Draft,
    Paragraph,
    _Paragraph,
)
from .labels import LabelRules
from .prepositional import PrepositionalRules
from .verbal import VerbalRules

if TYPE_CHECKING:
    from ..compiled import Compiled


class Attributor(LabelRules, VerbalRules, PrepositionalRules):
    """Finds every attribution of a page, paragraph by paragraph."""

    def run(self, paragraphs: list[Paragraph]) -> list[Draft]:
        self.labels = self._speaker_labels(paragraphs)
        self.paragraphs = paragraphs
        for index, para in enumerate(paragraphs):
            if para.region in ("boilerplate", "dateline"):
                continue
            if not self._worth_tokenizing(para):
                continue
            p = _Paragraph(self.view, para, index)
            if not p.tokens:
                continue
            before = len(self.drafts)
            self._headline_colon(p)
            consumed: set[int] = set()
            candidates = self.cues.candidates
            for k, tok in enumerate(p.tokens):
                if tok.text not in candidates or k in consumed:
                    continue
                if self.cues.is_passive(tok.text):
                    self._passive(p, k)
                    continue
                if tok.text in self.cues.news_of:
                    self._news_of(p, k)
                    continue
                prep = self.cues.prep(p.tokens, k)
                if prep is not None and prep[0] > 1:
                    self._prepositional(p, k, prep[0], prep[1], consumed)  # "نقلا عن" before the verb نقل
                    continue
                verb = self.cues.verb(tok.text)
                if verb is not None:
                    present = tok.text.removeprefix(WA).removeprefix(FA).startswith(PRESENT_THIRD_PERSON)
                    self._verbal(p, k, verb[0], verb[1], consumed,
                                 that_only=verb[0].present_needs_that and verb[1] == "verb" and present)
                    continue
                carrying = self.cues.verb_with_object(tok.text)
                if carrying is not None:
                    self._verbal(p, k, carrying, "verb", consumed, that_only=True)
                    continue
                if prep is not None:  # a one-word prepositional cue ("بحسب")
                    self._prepositional(p, k, prep[0], prep[1], consumed)
            if len(self.drafts) == before:
                self._quote_paragraph(p)
            else:
                self._that_continuation(p, before)
                self._quote_sentence(p, before)
            self._truncate_siblings(before)
        self._chains()
        return [d for d in self.drafts if d.content[1] > d.content[0]]

    def _worth_tokenizing(self, para: Paragraph) -> bool:
        """False when no rule can fire: no cue word, no colon near the start, no opening quote."""
        text = self.view.text
        head = text[para.start:min(para.end, para.start + 160)]
        if ":" in head or head[:1] in OPEN_QUOTES or (self.drafts and self.drafts[-1].direct and any(
                q in text[para.start:para.end] for q in PAIRED_QUOTES.values())):
            return True  # a colon, a quotation, or the close of one left open in the paragraph before
        candidates = self.cues.candidates
        return any(w in candidates for w in _WORDS.findall(text, para.start, para.end))


def attribute(view: Folded, paragraphs: list[Paragraph], compiled: Compiled) -> list[Draft]:
    """Every attribution of the page, in view coordinates, with the tables of ``compiled``."""
    return Attributor(view, compiled).run(paragraphs)
