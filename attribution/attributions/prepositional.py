"""Rules on prepositional cues: preposition-opening and preposition-trailing («بحسب X، …»,
«…، وفقا لـX», «بحسب ما ذكرته X»).
"""

from __future__ import annotations

from ..lexicons import Preposition
from ..morphology import ARTICLE_ALEF, LAM, WA
from ..normalize import fold_term
from ..sources import (
    MAX_SUBJECT_TOKENS,
    Mention,
)
from .base import (
    DraftSource,
    _Paragraph,
    _word,
)
from .continuation import Continuation


class PrepositionalRules(Continuation):
    """Rules on prepositional cues: preposition-opening and preposition-trailing («بحسب X، …»,"""

    def _prepositional(self, p: _Paragraph, k: int, n: int, prep: Preposition, consumed: set[int]) -> None:
        tokens = p.tokens
        j = k + n
        after = _word(tokens, j) or ""
        if prep.clitic and (after in self.words.normative or (after.startswith(prep.clitic) and (
                after[len(prep.clitic):] in self.words.normative or ARTICLE_ALEF + after[len(prep.clitic):] in self.words.normative))):
            return  # "وفقا لقرارات الأمم المتحدة": in accordance with a norm, not according to a source
        if fold_term(prep.lemma) in self.words.norm_prepositions and after in self.words.normative:
            return
        m = self.parser.parse(tokens, j, self.view, plain=False, clitic=prep.clitic)
        if m is None:
            m = self._what_said(p, j)
        if m is None and self.parser._phrase_in(tokens, j, self.parser.documents, clitics=bool(prep.clitic)):
            # "وبحسب المعطيات، …", "وفقا للأرقام، …": data with no owner named
            end = j + self.parser._phrase_in(tokens, j, self.parser.documents, clitics=bool(prep.clitic))
            name = self._original(p, j, end)
            m = Mention(j, end, name.removeprefix(LAM), "unnamed_source", head=tokens[j].text)
        if m is None:
            return
        for x in range(k, m.last):
            consumed.add(x)
        source, via = self._resolve(p, m)
        end_tok = m.last
        # "لمصادر ذكرتها رويترز", "لدبلوماسيين لم تسمهم ذكرتهم الوكالة"
        w = _word(tokens, end_tok)
        if w is not None and w.endswith(self.words.pronoun_suffixes) and any(
                self.cues.verb(w[: -len(s)]) for s in self.words.pronoun_suffixes if w.endswith(s)):
            outer: list[DraftSource] = []
            q = end_tok + 1
            while (mm := self.parser.parse(tokens, q, self.view, plain=False,
                                           clitic=WA if outer else "")) is not None:
                outer.append(self._source(p, mm))
                q = mm.last
            if outer:
                via = [*outer, *via]
                end_tok = q
        w = _word(tokens, end_tok)
        if w == self.words.particle_quoting or w == self.words.particle_about:
            q = end_tok + (2 if w == self.words.particle_quoting else 1)
            inner = self.parser.parse(tokens, q, self.view, plain=False)
            if inner is not None:
                isrc, ivia = self._resolve(p, inner)
                via, source = [*via, source, *ivia], isrc
                end_tok = inner.last
        for x in range(k, end_tok):
            consumed.add(x)
        cue = (tokens[k].start, tokens[k + n - 1].end)
        at_start, _ = self._clause_start(p, k)
        if at_start:
            s_end = p.sentence(k)[1]
            start = tokens[end_tok].start if end_tok < len(tokens) else s_end
            self._add(p, source, via, cue, prep.lemma, "preposition", (start, s_end), False,
                      rule="preposition-opening")
        else:
            s_start = self._sentence_body_start(p, k)
            if k > s_start:
                self._add(p, source, via, cue, prep.lemma, "preposition",
                          (tokens[s_start].start, tokens[k - 1].end), False, sibling=self._clause_start(p, k)[1],
                          rule="preposition-trailing")

    def _reports(self, verb: str) -> bool:
        """A reporting verb, or a verb of publishing ("نشرت", "أوردت"), written after ما."""
        return self.cues.verb(verb) is not None or verb in self.words.authoring

    def _what_said(self, p: _Paragraph, j: int) -> Mention | None:
        """The source of "بحسب ما ذكرته وكالة X", "وفقا لما نقلته صحيفة X", "حسب ما جاء في بيان الوزارة":
        ما, a reporting verb (with or without its object pronoun) or جاء في, then the source."""
        tokens = p.tokens
        w = _word(tokens, j)
        if w not in self.words.what_said:
            return None
        verb = _word(tokens, j + 1)
        if verb is None:
            return None
        if verb == self.words.particle_came and _word(tokens, j + 2) == self.words.particle_in:
            at = j + 3
        elif self._reports(verb) or any(verb.endswith(sfx) and self._reports(verb[: -len(sfx)])
                                        for sfx in self.words.pronoun_suffixes):
            at = j + 2  # "بحسب ما ذكرته وكالة X", "بحسب ما نشرته الجريدة الرسمية"
        else:
            return None
        m = self.parser.parse(tokens, at, self.view, plain=True)
        if m is None:
            end = at
            s = p.sent_of[at] if at < len(tokens) else -1
            while end < len(tokens) and end - at < MAX_SUBJECT_TOKENS and p.sent_of[end] == s \
                    and tokens[end].text not in "،,:" and _word(tokens, end) not in self.words.what_said_ends:
                end += 1
            m = self.parser.chunk(tokens, at, end, self.view, guess=True)
        if m is not None:
            m.first = j
        return m
