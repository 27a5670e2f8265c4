"""Who a cue without a subject goes on with: the previous speaker, the sentence's subject, or the
nearest earlier sentence's subject.
"""

from __future__ import annotations

import attrs

from ..morphology import PREPOSITIONS, WA
from ..sources import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    Mention,
    strip_clitics,
)
from .base import (
    _SENTENCE_END,
    EARLIER_SENTENCES,
    SUBJECT_REACH,
    Draft,
    DraftSource,
    _Paragraph,
    _word,
)
from .chains import Chains


class Continuation(Chains):
    """Who a cue without a subject goes on with: the previous speaker, the sentence's subject, or the"""

    def _that_continuation(self, p: _Paragraph, before: int) -> None:
        """Rule that-continuation: a sentence that opens with وأن/وإن/وبأن right after a reported content
        that ran to the end of the sentence before goes on with that content and its speaker."""
        sentences = p.para.sentences
        text = self.view.text
        for n in range(1, len(sentences)):
            s, e = sentences[n]
            w = p.word_at_pos(s) if text[s:s + 1] == WA else None
            if w is None:
                continue
            k = p.token_at(s)
            if not (w.startswith(WA) and w[1:] in self.words.complementizers):
                continue
            prev_end = sentences[n - 1][1]
            while prev_end > s and text[prev_end - 1] in _SENTENCE_END | {" ", "\n"} | CLOSE_QUOTES:
                prev_end -= 1
            found = None
            for d in reversed(self.drafts[before:]):
                if d.content[0] <= s < d.content[1]:
                    found = None
                    break  # already spoken
                if d.content[0] < prev_end <= d.content[1] + 1 and not d.direct and (
                        p.word_at_pos(d.content[0]) in self.words.complementizers):
                    found = d
                    break
            if found is not None:
                self._add(p, found.source, found.via, found.cue, found.lemma, found.cue_type,
                          (p.tokens[k].start + 1, e), False, rule="that-continuation")

    def _quote_sentence(self, p: _Paragraph, before: int) -> None:
        """Rule quote-sentence: a sentence that ends with a closing quotation mark opened nowhere in the
        paragraph, right after a sentence whose reported content ran to its end, is the rest of that
        quotation: «وقالت الشركة إن الجهاز جديد. ويمثل ذلك قفزة كبيرة".»"""
        tokens, text = p.tokens, self.view.text
        paired = set(p.quotes) | set(p.quotes.values())
        for k, t in enumerate(tokens):
            if t.text not in CLOSE_QUOTES or k in paired or k == 0 or text[t.start - 1:t.start].isspace():
                continue  # a mark written against the word before it closes something
            if k + 1 < len(tokens) and tokens[k + 1].is_word and not text[t.end:t.end + 1].isspace():
                continue  # written against the word after it: an opening mark
            n = p.sent_of[k]
            first = p.sent_first.get(n)
            if n == 0 or first is None or any(tokens[x].text in OPEN_QUOTES for x in range(first, k)):
                continue
            nxt = k + 1
            while nxt < len(tokens) and p.sent_of[nxt] == n and not tokens[nxt].is_word:
                nxt += 1
            if nxt < len(tokens) and p.sent_of[nxt] == n:
                continue  # the mark must end its sentence: «… لـ»المدينة» إن …» opens with a reversed mark
            opener = _word(tokens, first) or ""
            if (opener,) in self.cues.background or (opener[:1] == WA and (opener[1:],) in self.cues.background):
                continue  # "يذكر أن …": the outlet's own aside
            start = tokens[first].start
            if any(start <= d.cue[0] < t.start for d in self.drafts[before:]):
                continue  # a sentence with a cue of its own
            prev_end = p.para.sentences[n - 1][1]
            while prev_end > start - 200 and text[prev_end - 1] in _SENTENCE_END | {" ", "\n"}:
                prev_end -= 1
            if any(d.content[0] <= start < d.content[1] for d in self.drafts[before:]):
                continue  # already spoken
            found = next((d for d in reversed(self.drafts[before:]) if d.paragraph == p.index
                          and d.content[0] < prev_end <= d.content[1] + 1), None)
            if found is not None:
                self._add(p, attrs.evolve(found.source, mention=None), found.via, (t.start, t.end), found.lemma,
                          "quote", (start, t.start), True, rule="quote-sentence")

    def _continued(self, p: _Paragraph, k: int, sentence_initial: bool) -> tuple[DraftSource, list[DraftSource]] | None:
        """The speaker a subjectless cue continues."""
        s0 = p.first_token_of_sentence(k)
        same_sentence: list[Draft] = []
        here = p.tokens[k].start
        framed = [d for d in self.frames[-4:] if d.paragraph == p.index and d.content[0] <= here < d.content[1]]
        for d in framed:
            # the cue is inside what someone else says ("صحيفة X: وجه الكاتب … نقدا، قائلا: …"): its subject
            # is looked for inside that content, and the outer speaker is the chain
            s0 = max(s0, p.token_at(d.content[0]))
        first = p.tokens[s0].start
        for d in reversed(self.drafts):  # the drafts of this paragraph come last, roughly in text order
            if d.paragraph != p.index or (d.cue[0] < first and d.content[1] <= first):
                break  # a draft wholly before this sentence: the ones before it are too
            if any(d is f for f in framed):
                continue
            if first <= d.cue[0] < here:
                same_sentence.append(d)  # the latest draft of the sentence before the cue is all that counts
                break
        if same_sentence:
            d = same_sentence[-1]
            return attrs.evolve(d.source, mention=None), list(d.via)
        if not sentence_initial:
            m = self._sentence_subject(p, s0, k)
            if m is not None:
                return self._resolve(p, m)
        last = self.drafts[-1] if self.drafts else None
        if last is not None and not (p.index - last.paragraph <= 3 and last.region == p.para.region):
            last = None
        earlier = self._earlier_subject(p, s0)
        if earlier is not None and (last is None or (last.paragraph, last.cue[0]) < (p.index, p.tokens[earlier.first].start)):
            return self._resolve(p, earlier)  # "التقى الوزير X الوفد. وأشار إلى أن …"
        if last is not None:
            return attrs.evolve(last.source, mention=None), list(last.via)
        return None

    def _earlier_subject(self, p: _Paragraph, s0: int) -> Mention | None:
        """The subject of the nearest earlier sentence of the paragraph that names one near its start
        (a role, a body, a group, a named person): who a subjectless cue goes on with when nobody has
        been quoted yet ("استقبل الوزير X الوفد. وأشار إلى أن …")."""
        tokens = p.tokens
        end = s0
        for _ in range(EARLIER_SENTENCES):
            if end <= 0:
                break
            start = p.first_token_of_sentence(end - 1)
            for i in range(start, min(end, start + SUBJECT_REACH)):
                if not tokens[i].is_word or _word(tokens, i - 1) in self.words.fronted:
                    continue  # "في باريس": the object of a preposition is not a subject
                m = self.parser.parse(tokens, i, self.view, plain=False)
                if m is not None and not m.reference and not _governed(tokens[i].text, m) and m.kind in (
                        "official", "person", "group", "government", "organization", "news_agency", "media"):
                    return m
            end = start
        return None

    def _sentence_subject(self, p: _Paragraph, s0: int, k: int) -> Mention | None:
        """The subject of the clause a cue without one continues: a source phrase near the start of the
        sentence ("ونشرت الجمعية على صفحتها قائلة …"), not a noun deep inside it, nor a label before a colon
        ("صحيفة X: وجه الكاتب …")."""
        colon = next((i for i in range(s0, min(k, s0 + 5)) if p.tokens[i].text == ":"), None)
        s0 = s0 if colon is None else colon + 1
        for i in range(s0, min(k, s0 + SUBJECT_REACH + 2)):
            if not p.tokens[i].is_word or _word(p.tokens, i - 1) in self.words.fronted:
                continue
            m = self.parser.parse(p.tokens, i, self.view, plain=False)
            if m is not None and m.kind in ("group", "government", "official", "organization", "unnamed_source",
                                            "news_agency", "media", "person") and not m.reference and not m.plain \
                    and not _governed(p.tokens[i].text, m):
                return m
        return None


def _governed(word: str, m: Mention) -> bool:
    """The mention's head is found only past a preposition written on its first word («بالنسبة للجيش
    المصري», «لوزارة الداخلية»): the object of a preposition, never a subject to go on with."""
    head = m.head.split(" ", 1)[0] if m.head else ""
    return bool(head) and word[:1] in PREPOSITIONS and word != head and head in strip_clitics(word)
