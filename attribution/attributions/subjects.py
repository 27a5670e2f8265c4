"""Who the subject is: parsed after the cue, up to the content, before the verb; references and
surnames resolved to earlier speakers; roles given by earlier mentions.
"""

from __future__ import annotations

from ..morphology import ACCUSATIVE, BA, CONJUNCTIONS, DEFINITE, FA, LAM, WA, strip_conjunction
from ..normalize import fold_term
from ..sources import (
    OPEN_QUOTES,
    Mention,
    is_pronoun,
    tokenize,
)
from .base import (
    _ASIDE_OR_CLOSE,
    ANTECEDENT_REACH,
    ROLE_REACH,
    ROLE_WINDOW,
    DraftSource,
    _Paragraph,
    _strip_suffix,
    _word,
)
from .content import Content


class Subjects(Content):
    """Who the subject is: parsed after the cue, up to the content, before the verb; references and"""

    def _whole_subject(self, p: _Paragraph, i: int, parsed: Mention | None, *, guess: bool) -> Mention | None:
        """Rule ``verb-subject-to-content``: after a clause-initial cue, everything up to where the content
        starts (أن/إن, a colon, a quote) is the subject, less a trailing adverbial or addressee; this
        takes in appositions and names the grammar does not know ("كشف رئيس الاتحاد، فلان، أن …")."""
        marker = self._content_start(p, i)
        if marker is None:
            return parsed
        w = _word(p.tokens, i) or ""
        if _strip_suffix(w, self.words) != w and _strip_suffix(w, self.words) in self.words.statement_nouns:
            i += 1  # "واختتم تصريحه مدير المكتبة …": the statement, then its speaker
            if i >= marker:
                return parsed
            parsed = self.parser.parse(p.tokens, i, self.view, plain=True)
        end = self._subject_end(p.tokens, i, marker)
        role: Mention | None = None
        for x in range(i + 1, end):
            if _word(p.tokens, x) in self.words.appositive_pronouns:
                # "وقال فلان، وهو متحدث باسم المجلس، إن …": the description after the name is not the
                # subject; a role there makes the named person an official
                described = self.parser.parse(p.tokens, x + 1, self.view, plain=False)
                if described is not None and (described.kind == "official" or (
                        described.kind == "unnamed_source" and self.parser._phrase_in(p.tokens, x + 1, self.parser.roles))):
                    role = described  # "وهو مدير المركز", "وهو متحدث باسم المجلس": an office
                end = x - 1 if p.tokens[x - 1].text in "،," else x
                break
        if role is not None and parsed is not None and parsed.kind == "person":
            parsed.kind = "official"
        if parsed is not None and parsed.last >= end:
            return parsed
        if any(_word(p.tokens, x) in self.words.subordinate for x in range(i, end)):
            return parsed  # "ولم يذكر المصدر سبب الزيارة رغم أنه …": a clause of the outlet's, not a subject
        if parsed is not None and not parsed.plain and _word(p.tokens, marker - 1) in self.words.object_prepositions | {self.words.particle_in}:
            return parsed  # "جدد الناطق التأكيد على أن …": the object and its complement, not the subject
        m = self.parser.chunk(p.tokens, i, end, self.view, guess=guess)
        if m is None or (parsed is not None and (m.first, m.last) == (parsed.first, parsed.last)):
            return parsed
        m.head = m.head or (parsed.head if parsed is not None else "")
        m.chunked = True
        if role is not None and m.kind == "person":
            m.kind = "official"
        return m

    def _preposed(self, p: _Paragraph, k: int) -> Mention | None:
        """A subject written before its verb: "بغداد دعت", "الولايات المتحدة كانت تؤكد"."""
        tokens = p.tokens
        end = k
        while end > 0 and (self._auxiliary(_word(tokens, end - 1)) or tokens[end - 1].text in OPEN_QUOTES
                           or (tokens[end - 1].text in "،," and tokens[k].text.startswith(FA))):
            end -= 1  # «أما الباحث فلان، فيرى أن …»: the topic's comma before the verb's ف
        first = self._sentence_body_start(p, k)
        best = None
        for start in range(max(first, end - 8), end):
            if not tokens[start].is_word and tokens[start].text not in OPEN_QUOTES:
                continue
            before = _word(tokens, start - 1) or ""
            if start > first and tokens[start - 1].text not in "،,:" and tokens[start - 1].text not in OPEN_QUOTES \
                    and before not in self.words.conjunctions and before not in self.words.preposed_subject_after \
                    and before not in self.cues.auxiliaries and before[1:] not in self.cues.auxiliaries:
                continue
            at_start = start == first or tokens[start - 1].text in ":،,"
            m = self.parser.parse(tokens, start, self.view, plain=at_start)
            if m is not None and m.last == end:
                best = m
                break
        if best is None:
            best = self._preposed_phrase(p, k, end)
        return best

    def _auxiliary(self, word: str | None) -> bool:
        """An auxiliary before a verb, with or without و/ف: «قد», «وقد», «فقد» («أما الأخير فقد أكد …»)."""
        return word is not None and (word in self.cues.auxiliaries or strip_conjunction(word) in self.cues.auxiliaries)

    def _shared_subject(self, p: _Paragraph, start: int, end: int) -> Mention | None:
        """Rule ``coordinated-subject``: the stretch before «وقال» is a clause of its own, a verb and its
        subject ("التقى الرئيس وفدا … وقال إن …", "ورفضت الوزيرة الاتهامات وقالت …"): the cue shares that
        subject. The first word is read as the verb when it is no source and a source follows it."""
        tokens = p.tokens
        if end - start < 3 or self.parser.parse(tokens, start, self.view, plain=False) is not None:
            return None
        w = _word(tokens, start) or ""
        if w in self.parser.stop or w in self.words.kana or w.lstrip(CONJUNCTIONS) in self.words.kana:
            return None
        m = self.parser.parse(tokens, start + 1, self.view, plain=False)
        if m is None or m.last >= end or m.kind not in ("official", "person", "government", "organization", "group",
                                                        "unnamed_source"):
            return None
        named = _word(tokens, m.last - 1) or ""
        if m.aliases and m.last - 1 > start + 1 and (named.endswith(ACCUSATIVE) or named.startswith(BA + DEFINITE)):
            # "التقى الرئيس وفدا …", "وألقى المعارض باللوم …": the verb's object or complement, not a name
            m = Mention(start + 1, m.last - 1, m.aliases[0], m.kind, m.aliases[1:], head=m.head)
        m.shared = True
        return m

    def _preposed_phrase(self, p: _Paragraph, k: int, end: int) -> Mention | None:
        """Rule ``verb-preposed-subject`` for subjects no grammar names: the whole stretch from the start of
        the sentence to the verb ("المندوبة الدائمة لدى المنظمة سلمى ناصر قالت إن …"), when the verb
        is followed by its content (أن/إن, a colon, a quote)."""
        tokens = p.tokens
        start = self._sentence_body_start(p, k)
        framed = _word(tokens, k - 1) == self.words.particle_already and (
            _word(tokens, start) or "").lstrip(WA) in self.words.kana
        marker = self._content_start(p, k)
        after = next((x for x in range(k + 1, len(tokens)) if tokens[x].is_word or tokens[x].text in OPEN_QUOTES
                      or tokens[x].text == ":"), len(tokens))
        if not framed and (marker is None or (after < marker and self._subject_end(tokens, after - 1, marker) != after)):
            return None  # something stands between the verb and its content: "تقول رايس: …" is VSO
        # "وكانت الرئاسة العامة … قد أعلنت": كان … قد frames the subject, whatever follows the verb
        if _word(tokens, start) in self.words.topic_particles:
            start += 1  # «أما الوزير فقال»: the topic is the subject; «أما عن الشعر فقال» is a subject matter
        if _word(tokens, start) in self.words.fronted:
            return None  # "عن الصورة النمطية للشعراء قال: …": a fronted adverbial, not a subject
        while start < end and (self._function_word(_word(tokens, start))
                               or _word(tokens, start) in self.cues.labels or not tokens[start].is_word):
            start += 1
        while end > start and (not tokens[end - 1].is_word or self._auxiliary(_word(tokens, end - 1))
                               or _word(tokens, end - 1) in self.parser.subject_openers):
            end -= 1
        first = _word(tokens, start)
        if first is None or end <= start or first in self.words.fronted or first in self.words.subordinate:
            return None
        shared = self._shared_subject(p, start, end)
        if shared is not None:
            return shared
        if any(t.is_word and (t.text in self.words.complementizers or self.cues.verb(t.text) or t.text in self.cues.auxiliaries
                              or is_pronoun(t.text)) for t in tokens[start:end]):
            return None  # "وكان الكاتب قد نشر تغريدة": a clause of its own, not a subject
        m = self.parser.chunk(tokens, start, end, self.view)
        if m is not None:
            m.chunked = True
        return m

    def _resolve(self, p: _Paragraph, m: Mention) -> tuple[DraftSource, list[DraftSource]]:
        """A mention as a source; reference words and bare surnames resolve to an earlier speaker."""
        src = self._source(p, m)
        if m.reference or (m.plain and " " not in m.name.strip()):
            ante = self._antecedent(m)
            if ante is not None:
                found, via = ante
                aliases = tuple(dict.fromkeys((*found.aliases, m.name)))
                return DraftSource(found.name, found.kind, aliases, src.mention), via
        if (m.kind == "person" and (m.plain or m.chunked)) or (m.kind == "organization" and m.plain):
            role = self._introduced_role(p, m)
            if role is not None:  # "وزيرة الصحة مي الكيلة" earlier: "وقالت الكيلة" is an official
                return DraftSource(src.name, "official", tuple(dict.fromkeys((*src.aliases, role))), src.mention), []
        return src, []

    def _antecedent(self, m: Mention) -> tuple[DraftSource, list[DraftSource]] | None:
        head = fold_term(m.head)
        for d in self.drafts[:-ANTECEDENT_REACH - 1:-1]:
            chain = [*d.via, d.source]
            for depth in range(len(chain) - 1, -1, -1):
                cand = chain[depth]
                if self._matches(m, head, cand):
                    return cand, chain[:depth]
        return None

    def _matches(self, m: Mention, head: str, cand: DraftSource) -> bool:
        name = fold_term(cand.name)
        if m.reference:
            if cand.kind not in m.reference:
                return False
            needed = self.parser.reference_match.get(head, ())
            names = [name, *(fold_term(a) for a in cand.aliases)]
            if needed:
                return any(w in n for w in needed for n in names)
            if head in self.parser.roles and cand.kind == "person":
                # "الوزير" goes back to an office holder, not to a commentator who spoke last
                return any(head.removeprefix(DEFINITE) in n for n in names)
            return True
        last = head.removeprefix(DEFINITE)
        return cand.kind in ("official", "person") and (
            name.split()[-1:] == [fold_term(m.name)] or any(fold_term(a).endswith(last) for a in cand.aliases))

    def _introduced_role(self, p: _Paragraph, m: Mention) -> str | None:
        """The role an earlier mention of this person's name gave them ("وزيرة الصحة مي الكيلة" before
        "قالت الكيلة"), searched in the text before the mention; ``None`` when there is none."""
        last = fold_term(m.name).split()[-1:] if m.name.strip() else []
        if not last or len(last[0]) < 3:
            return None
        text = self.view.text
        before = p.tokens[m.first].start
        floor = max(0, before - ROLE_REACH)
        pos = text.rfind(last[0], floor, before)
        seen = 0
        while pos >= 0 and seen < 8:
            seen += 1
            end = pos + len(last[0])
            if (pos > 0 and text[pos - 1].isalpha()) or (end < len(text) and text[end].isalpha()):
                pos = text.rfind(last[0], floor, pos)  # inside a longer word ("نصر" in "النصر")
                continue
            window = tokenize(text, max(0, pos - 80), pos)
            words = [t for t in window if t.is_word][-ROLE_WINDOW:]
            for i, t in enumerate(words):
                if self.parser._phrase_in(words, i, self.parser.people, clitics=True):
                    return None  # "الباحث الفلكي د. سامر العلي": a person, whatever title follows
                if self.parser._phrase_in(words, i, self.parser.roles, clitics=True):
                    a, b = self.view.span(t.start, words[-1].end)
                    return self.view.original[a:b]
            # or right after it, in apposition: "سامر الحلبي، وزير الصحة"
            after = [t for t in tokenize(text, pos + len(last[0]), min(len(text), pos + len(last[0]) + 40))
                     if t.is_word][:2]
            if after and self.parser._phrase_in(after, 0, self.parser.roles, clitics=True):
                a, b = self.view.span(after[0].start, after[-1].end)
                return self.view.original[a:b]
            pos = text.rfind(last[0], floor, pos)
        return None

    def _addressee_before_subject(self, p: _Paragraph, i: int) -> Mention | None:
        """A medium addressed right after the verb, before its subject: "قال لـ«الشرق الأوسط»، الدكتور X"."""
        w = _word(p.tokens, i)
        if w is None or not w.startswith(LAM):
            return None
        m = self.parser.parse(p.tokens, i, self.view, plain=False, clitic=LAM)
        quoted = any(p.tokens[x].text in OPEN_QUOTES for x in range(i, min(i + 2, len(p.tokens))))
        if m is None or not (m.kind in ("media", "news_agency") or (quoted and m.kind not in ("official", "person"))):
            return None
        if m.kind not in ("media", "news_agency"):
            # "قال لـ«الأنباء»": a quoted name that a speaker tells something is a medium
            m = Mention(m.first, m.last, m.name, "media", m.aliases, head=m.head)
        after = m.last
        while after < len(p.tokens) and p.tokens[after].text in _ASIDE_OR_CLOSE:
            after += 1
        nxt = _word(p.tokens, after)
        return m if nxt is not None and nxt not in self.words.complementizers and not is_pronoun(nxt) else None
