"""Rules without a verb: headline-colon («الناطق باسم الجيش: …»), speaker-label (interview labels)
and quote-paragraph (a quotation that continues the previous speaker).
"""

from __future__ import annotations

import attrs

from ..morphology import PREPOSITIONS
from ..sources import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
)
from .base import (
    _LABEL,
    _SENTENCE_END,
    DraftSource,
    Paragraph,
    _Paragraph,
    _word,
)
from .continuation import Continuation

#: Quotation marks that only open or only close: «» and “”, not the straight quotes that do both.
_OPENING_MARKS = OPEN_QUOTES - {'"', "'"}
_CLOSING_MARKS = CLOSE_QUOTES - {'"', "'"}


class LabelRules(Continuation):
    """Rules without a verb: headline-colon («الناطق باسم الجيش: …»), speaker-label (interview labels)"""

    def _speaker_labels(self, paragraphs: list[Paragraph]) -> frozenset[str]:
        """Rule ``speaker-label``: the labels of an interview or transcript ("المحاور:", "س:", "الوزير:"),
        i.e. one to three words and a colon that open at least two body paragraphs of the page."""
        text = self.view.text
        seen: dict[str, int] = {}
        for para in paragraphs:
            if para.region != "body":
                continue
            m = _LABEL.match(text, para.start, para.end)
            if m is not None and m.group(1) not in self.cues.labels and not any(
                    self.cues.verb(w) is not None for w in m.group(1).split()):  # "ويضيف:" is a cue, not a label
                seen[m.group(1)] = seen.get(m.group(1), 0) + 1
        return frozenset(label for label, n in seen.items() if n >= 2)

    def _speaker_label(self, p: _Paragraph) -> bool:
        """A paragraph that opens with one of the page's speaker labels: its content is the label's."""
        m = _LABEL.match(self.view.text, p.para.start, p.para.end) if self.labels else None
        if m is None or m.group(1) not in self.labels:
            return False
        colon = next(k for k, t in enumerate(p.tokens) if t.text == ":")
        parsed = self.parser.parse(p.tokens, 0, self.view, plain=True)
        if parsed is not None and parsed.last == colon:
            source, via = self._resolve(p, parsed)
        else:
            name = self._original(p, 0, colon)
            source, via = DraftSource(name, "person", (), None), []
        source.mention = (p.tokens[0].start, p.tokens[colon - 1].end)
        cue = (p.tokens[colon].start, p.tokens[colon].end)
        self._add(p, source, via, cue, ":", "colon", (p.tokens[colon].end, p.para.end), False, rule="speaker-label")
        return True

    def _headline_colon(self, p: _Paragraph) -> None:
        if self._speaker_label(p):
            return
        tokens = p.tokens
        colon = next((k for k, t in enumerate(tokens[:14]) if t.text == ":" and k > 0
                      and not (tokens[k - 1].text.isdigit() and _word(tokens, k + 1) is not None
                               and tokens[k + 1].text.isdigit())), None)  # not the colon of "22:49"
        if colon is None or colon == 0 or p.sent_of[colon] != 0:
            return
        shift = 0  # a time stamp before the label: "22:49 وسائل إعلام محلية: …"
        while tokens[0].text[:1].isdigit() and colon > 3 and tokens[1].text == ":":
            tokens = tokens[3:]
            colon -= 3
            shift += 3
        words = [t for t in tokens[:colon] if t.is_word]
        if not words or len(words) > 8 or any(self.cues.verb(t.text) for t in words):
            return
        if words[0].text in self.cues.labels or " ".join(t.text for t in words) in self.cues.labels:
            return
        if any(t.text in _SENTENCE_END for t in tokens[:colon]):
            return
        plain = p.para.region in ("headline", "related") and len(words) <= 4
        m = self.parser.parse(tokens, 0, self.view, plain=plain)
        if m is None or m.last > colon + 1:
            return
        rest = _word(tokens, m.last)
        if m.last < colon and tokens[m.last].text not in CLOSE_QUOTES and not (
                rest is not None and (rest in self.parser.stop or rest[:1] in PREPOSITIONS)):
            return  # "غوتيريش زار ميقاتي: …" is a headline, not a speaker
        if m.kind == "government" and m.name in self._places and p.para.region == "body" \
                and not (colon + 1 < len(tokens) and tokens[colon + 1].text in OPEN_QUOTES):
            return  # "الخرطوم : أعلن الوالي …": a dateline, not a speaker
        source, via = self._resolve(p, m)
        source.mention = (tokens[0].start, tokens[colon - 1].end)
        start = tokens[colon].end
        nxt = colon + 1
        direct = nxt < len(tokens) and tokens[nxt].text in OPEN_QUOTES and nxt + shift in p.quotes
        end = p.quote_end(nxt + shift) if direct else self._colon_end(p, colon + shift)
        if direct:
            start = tokens[nxt].end
        self._add(p, source, via, (tokens[colon].start, tokens[colon].end), ":", "colon", (start, end), direct,
                  rule="headline-colon")

    def _quote_paragraph(self, p: _Paragraph) -> None:
        if not self.drafts or p.para.region != "body":
            return
        last = self.drafts[-1]
        if p.index - last.paragraph > 2 or last.region != p.para.region:
            return
        paired = set(p.quotes.values())
        closer = next((k for k, t in enumerate(p.tokens) if t.text in _CLOSING_MARKS and k not in paired), None)
        opener = next((k for k, t in enumerate(p.tokens) if t.text in _OPENING_MARKS), None)
        if last.direct and last.paragraph == p.index - 1 and closer is not None and (opener is None or closer < opener) \
                and last.content[1] >= self.paragraphs[last.paragraph].end - 2:
            # «سنعمل ليلا ونهارا.¶ولن نتوقف …»: a quotation left open runs on to its closing mark
            t0, tc = p.tokens[0], p.tokens[closer]
            self._add(p, attrs.evolve(last.source, mention=None), last.via, (tc.start, tc.end), last.lemma, "quote",
                      (t0.start, tc.start), True, rule="quote-paragraph")
            return
        if p.tokens[0].text not in OPEN_QUOTES or 0 not in p.quotes:
            return
        t0 = p.tokens[0]
        self._add(p, attrs.evolve(last.source, mention=None), last.via, (t0.start, t0.end), last.lemma, "quote",
                  (t0.end, p.quote_end(0)), True, rule="quote-paragraph")
