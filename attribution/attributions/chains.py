"""Intermediaries: after the subject («لوكالة X», «بحسب صحيفة X», «، نقلا عن مصادر،») and by nesting
(an attribution inside another's content is reported through it).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..intervals import SpanIndex
from ..lexicons import Verb
from ..morphology import ACCUSATIVE, LAM
from ..normalize import OPEN_QUOTES, OPENING
from .base import (
    _ASIDE,
    Draft,
    DraftSource,
    _Paragraph,
    _strip_suffix,
    _word,
)
from .subjects import Subjects


class Chains(Subjects):
    """Intermediaries: after the subject («لوكالة X», «بحسب صحيفة X», «، نقلا عن مصادر،») and by nesting"""

    def _chain_after(self, p: _Paragraph, j: int, source: DraftSource, via: list[DraftSource],
                     verb: Verb) -> tuple[int, DraftSource, list[DraftSource]]:
        """Intermediaries after a subject, outermost first: "لوكالة رويترز", "بحسب صحيفة X", "نقلا عن ثلاثة
        مصادر", "عن مسؤولين", "في تصريح لصحيفة X", "- في تصريح أوردته وكالة X -", "البيان الذي نقله X"."""
        tokens = p.tokens
        for _ in range(4):
            q = j
            while q < len(tokens) and not tokens[q].is_word and tokens[q].text in _ASIDE:
                q += 1
            w = _word(tokens, q)
            if w is None:
                break
            if w.startswith(LAM) and w not in self.words.lam_particles:
                m = self.parser.parse(tokens, q, self.view, plain=False, clitic=LAM)
                quoted = m is not None and m.plain and q + 1 < len(tokens) and tokens[q + 1].text in OPEN_QUOTES
                if m is not None and (m.kind in ("media", "news_agency") or quoted):
                    # "لوكالة رويترز", "لـ"الأيام"": the medium the subject spoke to
                    if quoted:
                        m.kind = "media"
                    via, j = [*via, self._source(p, m)], m.last
                    continue
            if w in self.words.according:
                m = self.parser.parse(tokens, q + 1, self.view, plain=False, clitic=LAM if w.endswith(ACCUSATIVE) else "")
                if m is not None:
                    via, j = [*via, self._source(p, m)], m.last  # "قال الأمير بحسب صحيفة الشرق"
                    continue
            if w in self.words.singular_relatives and self._authored(_word(tokens, q + 1)):
                m = self.parser.parse(tokens, q + 2, self.view, plain=False)
                if m is not None:
                    via, j = [*via, self._source(p, m)], m.last  # "البيان الذي نقلته الإذاعة الرسمية"
                    continue
            if w == self.words.particle_in and _strip_suffix(_word(tokens, q + 1) or "", self.words) in self.words.statement_nouns:
                after = _word(tokens, q + 2)
                m = None
                if self._authored(after):
                    m = self.parser.parse(tokens, q + 3, self.view, plain=False)  # "في تصريح أوردته وكالة X"
                elif after == self.words.particle_with:
                    m = self.parser.parse(tokens, q + 3, self.view, plain=False)  # "في مقابلة مع قناة X"
                elif after is not None and after.startswith(LAM):
                    m = self.parser.parse(tokens, q + 2, self.view, plain=False, clitic=LAM)  # "في تصريح لصحيفة X"
                if m is not None and m.kind in ("media", "news_agency"):
                    via, j = [*via, self._source(p, m)], m.last
                    continue
                j = q + 2
                while _word(tokens, j) in self.words.statement_nouns:
                    j += 1  # "في مؤتمر صحفي", "في اتصال هاتفي"
                continue
            if w in (self.words.particle_quoting, self.words.particle_about):
                quoting = w == self.words.particle_quoting and _word(tokens, q + 1) == self.words.particle_about
                k = q + (2 if quoting else 1)
                m = self.parser.parse(tokens, k, self.view, plain=False)
                if m is not None:
                    inner, inner_via = self._resolve(p, m)
                    via = [*via, source, *inner_via]
                    source = inner
                    j = m.last
                    continue
            break
        return j, source, via

    def _authored(self, w: str | None) -> bool:
        """"نقله", "أوردته", "نشرتها": a reporting or publishing verb carrying the object pronoun."""
        if w is None:
            return False
        stem = _strip_suffix(w, self.words)
        return stem != w and (self.cues.verb(stem) is not None or stem in self.words.authoring)

    def _truncate_siblings(self, first: int) -> None:
        """An indirect content stops where a sibling clause (", مضيفا …", "، ذكرت …") starts."""
        drafts = self.drafts[first:]
        siblings = sorted((o.cue[0], n) for n, o in enumerate(drafts) if o.sibling)
        cues = [c for c, _ in siblings]
        for n, d in enumerate(drafts):
            if d.direct:
                continue
            lo, hi = bisect_right(cues, d.content[0]), bisect_left(cues, d.content[1])
            for cue, m in siblings[lo:hi]:
                if m != n and d.content[0] < cue < d.content[1]:
                    d.content = (d.content[0], self._comma_before(cue, d.content[0]))

    def _comma_before(self, pos: int, floor: int) -> int:
        text = self.view.text
        i = pos
        while i > floor and text[i - 1] not in "،,;":
            i -= 1
        return i - 1 if i > floor else pos

    def _chains(self) -> None:
        """An attribution inside another's content is reported through it."""
        order = sorted(range(len(self.drafts)), key=lambda i: -(self.drafts[i].content[1] - self.drafts[i].content[0]))
        # the drafts whose content may hold a cue, by paragraph, indexed by their content
        by_para: dict[int, list[Draft]] = {}
        for o in self.drafts:
            by_para.setdefault(o.paragraph, []).append(o)
        index = {n: SpanIndex([o.content for o in ds]) for n, ds in by_para.items()}
        for i in order:
            d = self.drafts[i]
            best = None
            here = by_para[d.paragraph]
            holding = sorted(index[d.paragraph].overlapping(d.cue[0], d.cue[0]), key=lambda x: here[x].content[0])
            for o in (here[x] for x in holding):
                if o is d:
                    continue
                mutual = d.content[0] <= o.cue[0] < d.content[1]
                if o.content[0] <= d.cue[0] < o.content[1] and (o.cue[0] < d.cue[0] if mutual else True) and (
                        (o.content[1] - o.content[0]) > (d.content[1] - d.content[0]) or mutual):
                    if best is None or (o.content[1] - o.content[0]) < (best.content[1] - best.content[0]):
                        best = o
            if best is not None and best.source.name != d.source.name:
                outer = [*best.via, best.source]
                names = {x.name for x in d.via}
                d.via = [x for x in outer if x.name not in names and x.name != d.source.name] + d.via
                opening = min((d.cue[0], *(d.source.mention[:1] if d.source.mention else ())))
                if best.direct and not d.direct and self.view.text[best.content[0]:opening].strip(" " + OPENING) == "" \
                        and d.content[1] < best.content[1]:
                    # «أردوغان يؤكد أن … .. ونعيد لتركيا …»: a quotation that opens by reporting someone
                    # reports them to its end
                    d.content = (d.content[0], best.content[1])
