"""Where a clause starts and what stands before a cue: conjunctions, auxiliaries, post-markers,
fronted adverbials, participles in context.
"""

from __future__ import annotations

from ..morphology import CONJUNCTIONS, WA, without_conjunction
from ..sources import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    Token,
    is_pronoun,
)
from .base import (
    _CLAUSE_END,
    _SENTENCE_END,
    FRONTED_TOKENS,
    AttributorBase,
    _but_pronoun,
    _Paragraph,
    _strip_suffix,
    _word,
)


class Clauses(AttributorBase):
    """Where a clause starts and what stands before a cue: conjunctions, auxiliaries, post-markers,"""

    def _clause_start(self, p: _Paragraph, k: int) -> tuple[bool, bool]:
        """(at the start of its sentence, right after a comma / conjunction mid-sentence)."""
        tokens = p.tokens
        j = k - 1
        subordinate = False
        while j >= 0 and (_word(tokens, j) in self.words.conjunctions or (_word(tokens, j) or "").removeprefix(WA) in self.cues.auxiliaries
                          or _but_pronoun(_word(tokens, j), self.words) or _word(tokens, j) in self.words.in_turn):
            subordinate = subordinate or _word(tokens, j) in self.words.opens_clause
            j -= 1
        if j < 0 or p.sent_of[j] != p.sent_of[k] or tokens[j].text in _SENTENCE_END or tokens[j].text == ":" \
                or self._after_discourse_adverbial(p, k):
            return True, False
        if tokens[j].text in "،,;" or (tokens[j].text in CLOSE_QUOTES and j > 0 and tokens[j - 1].text in "،,") \
                or subordinate:
            return False, True  # after a comma, or a conjunction that opens a clause ("… حيث أعلنت")
        return False, False

    def _sentence_body_start(self, p: _Paragraph, k: int) -> int:
        j = p.first_token_of_sentence(k)
        while j < k and (_word(p.tokens, j) in self.words.conjunctions or p.tokens[j].text.isdigit()
                         or (p.tokens[j].text in ":-–" and j > 0 and p.tokens[j - 1].text.isdigit())):
            j += 1  # conjunctions, and a time stamp opening a live-blog line ("21:13 …")
        return j

    def _post_marker(self, tokens: list[Token], k: int) -> tuple[str, ...] | None:
        before = _word(tokens, k - 1)
        if before is None or (before not in self.cues.post_last and before[1:] not in self.cues.post_last):
            return None
        for marker in self.cues.post:
            n = len(marker)
            if all(_word(tokens, k - n + x) == marker[x] or (x == 0 and _word(tokens, k - n) == WA + marker[0])
                   for x in range(n)):
                return marker
        return None

    def _participle_cue(self, tokens: list[Token], m: int) -> bool:
        """A participle is a cue after a comma or before its complement ("، مشيرا إلى", "مؤكدا أن");
        elsewhere it is an adjective or a noun ("مصادر مؤكدة", "مدينة الرياض")."""
        nxt = _word(tokens, m + 1)
        prev = _word(tokens, m - 1) or ""
        if prev.removeprefix(WA) in self.words.kana or prev in self.words.predicate_markers:
            return False  # "وكان لافتا أن …", "من المؤكد": a predicate, not a cue
        return (m > 0 and tokens[m - 1].text in "،,") or nxt in self.words.complementizers or nxt in self.words.object_prepositions or (
            m + 1 < len(tokens) and tokens[m + 1].text in OPEN_QUOTES | {":"})

    def _ends_clause(self, tokens: list[Token], j: int) -> bool:
        while j < len(tokens) and _word(tokens, j) in self.parser.subject_openers:  # "، قال الوزير الأحد."
            j += 1
        if j >= len(tokens) or tokens[j].text in _CLAUSE_END:
            return True
        if _word(tokens, j) == self.words.particle_in and _strip_suffix(_word(tokens, j + 1) or "", self.words) in (
                self.words.statement_nouns | self.parser.after_fi):
            k = j + 2  # "، قال الوزير في مؤتمر صحفي." : only an adverbial on the statement is left
            while k < len(tokens) and tokens[k].is_word and self.cues.verb(tokens[k].text) is None \
                    and tokens[k].text not in self.words.complementizers:
                k += 1
            return k >= len(tokens) or tokens[k].text in _CLAUSE_END
        found = self.cues.verb(tokens[j].text) if tokens[j].is_word else None
        return found is not None and found[1] == "participle"  # "…، أفادت الوكالة، مشيرة إلى"

    def _starts_content(self, tokens: list[Token], j: int) -> bool:
        w = _word(tokens, j)
        return w is not None and (w in self.words.complementizers)

    def _function_word(self, w: str | None) -> bool:
        """An auxiliary, particle, adverb or pronoun, with or without و/ف: "وقد", "ولم", "لكنه", "ولاحقا"."""
        if w is None:
            return False
        for form in (w, without_conjunction(w, 2)):
            if form is not None and (form in self.cues.auxiliaries or form in self.parser.stop
                                     or form in self.parser.subject_openers or is_pronoun(form)
                                     or (form.startswith(self.words.particle_but)
                                         and is_pronoun(form[len(self.words.particle_but):] or "x"))):
                return True
        return False

    def _after_discourse_adverbial(self, p: _Paragraph, k: int) -> bool:
        """All that comes before the cue in its sentence is a discourse adverbial, with no comma («من جهة
        أخرى أكد …», «وفي السياق نفسه قال …»): the cue opens the sentence's main clause."""
        tokens = p.tokens
        s0 = self._sentence_body_start(p, k)
        if k <= s0 or k - s0 > 4 or not all(t.is_word for t in tokens[s0:k]):
            return False
        phrase = " ".join(t.text for t in tokens[s0:k])
        return phrase in self.words.discourse_adverbials or (
            phrase[:1] in CONJUNCTIONS and phrase[1:] in self.words.discourse_adverbials)

    def _after_fronted(self, p: _Paragraph, k: int) -> bool:
        """True when all that comes before the cue in its sentence is a fronted adverbial and a comma
        ("وفي حديث لـ بي بي سي، قال …", "من جهته، أكد …", "وعام 2008، أعلنت …"): the cue opens the main clause."""
        tokens = p.tokens
        s0 = self._sentence_body_start(p, k)
        if self._after_discourse_adverbial(p, k):
            return True
        last = k - 1
        while last > s0 and _word(tokens, last) in self.words.conjunctions:
            last -= 1
        if last <= s0 or tokens[last].text not in "،," or last - s0 > FRONTED_TOKENS:
            return False  # no comma right before the cue, or too much before it for an adverbial
        commas = [x for x in range(s0, last + 1) if tokens[x].text in "،,"]
        if any(self.cues.verb(t.text) is not None or t.text in self.words.complementizers for t in tokens[s0:k] if t.is_word):
            return False
        first = _word(tokens, s0) or ""
        return len(commas) == 1 and (first in self.words.fronted or self.cues.prep_word(first) or (first[:1] in CONJUNCTIONS
                                     and first[1:] in self.words.fronted) or any(ch.isdigit() for ch in first)
                                     or commas[0] - s0 <= 3)
