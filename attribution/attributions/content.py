"""Where a cue's content starts and ends: أن/إن, a colon, a quotation, an object; addressees and
adverbials skipped; background and contrast clauses left to the outlet.
"""

from __future__ import annotations

from ..lexicons import Verb
from ..morphology import BA, DEFINITE, LAM, TATWEEL, WA
from ..sources import (
    CLOSE_QUOTES,
    MAX_SUBJECT_TOKENS,
    OPEN_QUOTES,
    Token,
)
from .base import (
    _SENTENCE_END,
    COLON_SENTENCES,
    CONTENT_REACH,
    CONTENT_TOKENS,
    THAT_AHEAD,
    _Paragraph,
    _word,
)
from .clauses import Clauses


class Content(Clauses):
    """Where a cue's content starts and ends: أن/إن, a colon, a quotation, an object; addressees and"""

    def _content_start(self, p: _Paragraph, i: int, aside: bool = False) -> int | None:
        """Token where the content of a cue whose subject starts at ``i`` begins, when only a subject
        phrase can stand between (no sentence end, no other cue verb; in an ``aside`` describing the
        subject a cue verb is part of the description: «وهو يتحدث بحماسة»)."""
        tokens = p.tokens
        limit = min(len(tokens), i + MAX_SUBJECT_TOKENS + 8)
        s = p.sent_of[i] if i < len(tokens) else -1
        for m in range(i, limit):
            t = tokens[m]
            if p.sent_of[m] != s or t.text in "!?؟؛…":
                return None
            if m == i:
                continue
            if t.text == ":":
                return m
            if t.text in OPEN_QUOTES and m in p.quotes and p.quotes[m] - m > 3 and not self._addressee(p, m):
                return m
            if t.is_word:
                if t.text in self.words.complementizers:
                    return m
                found = None if aside else self.cues.verb(t.text)
                if found is not None and (found[1] == "verb" or self._participle_cue(p.tokens, m)):
                    return None  # another cue: "…، أفادت الوكالة، مشيرة إلى أن"
        return None

    def _subject_end(self, tokens: list[Token], i: int, marker: int) -> int:
        """Where a subject phrase in ``[i, marker)`` ends: before an adverbial ("خلال", "في بيان", "أمس"),
        an addressee ("للصحفيين", "لـ«الأيام»") or a chain ("نقلا عن", "بحسب")."""
        parser = self.parser
        for x in range(i + 1, marker):
            w = _word(tokens, x)
            if w is None:
                continue
            if w in parser.subject_openers or (w[:1] == WA and w[1:] in parser.subject_openers and len(w) > 3):
                if w == self.words.particle_at and parser.gazetteer_at(tokens, x + 1, clitics=False) is not None:
                    continue  # "سفير فرنسا لدى بغداد"
                return x
            if w == self.words.particle_in and _word(tokens, x + 1) in parser.after_fi:
                return x
            if w == self.words.particle_about and parser.parse(tokens, x + 1, self.view, plain=False) is not None:
                return x  # "نقلت الوكالة عن مصدر عسكري": a chain, not part of the subject
            if w in (LAM, LAM + TATWEEL) or (w.startswith(LAM) and x + 1 < marker and tokens[x + 1].text in OPEN_QUOTES
                                       and x + 1 < len(tokens)):
                return x  # "لـ"الأيام"", "ل«الشرق»"
            if w.startswith(LAM) and parser._phrase_in(tokens, x, parser.media, clitics=True):
                return x  # "لوكالة رويترز", "لقناة الجزيرة"
        return marker

    def _content_marker(self, p: _Paragraph, j: int, verb: Verb) -> tuple[int, int, bool] | None:
        """Find where the content starts after the subject (and intermediaries)."""
        tokens = p.tokens
        limit = min(len(tokens), j + CONTENT_REACH)
        k = j
        first = True
        while k < limit:
            t = tokens[k]
            if t.text in _SENTENCE_END:
                return None
            if t.text == ":":
                nxt = k + 1
                if nxt < len(tokens) and tokens[nxt].text in OPEN_QUOTES and nxt in p.quotes:
                    return tokens[nxt].end, p.quote_end(nxt), True
                if nxt < len(tokens) and tokens[nxt].text in OPEN_QUOTES - {'"', "'"}:
                    return tokens[nxt].end, p.para.end, True  # a quotation that runs past its paragraph
                return t.end, self._colon_end(p, k), False
            if t.text in OPEN_QUOTES and k in p.quotes and (self._addressee(p, k) or (
                    p.quotes[k] + 1 < len(tokens) and tokens[p.quotes[k] + 1].text == ":")):
                k = p.quotes[k] + 1  # «… لمحطة «ن تي في»: …»: a quoted name before the colon, not the content
                continue
            if t.text in OPEN_QUOTES and k in p.quotes and k > j and p.quotes[k] - k <= 6 and (
                    _word(tokens, k - 1) in self.words.fronted or _word(tokens, k - 1) in self.words.object_prepositions) \
                    and _word(tokens, k + 1) not in self.words.complementizers:
                k = p.quotes[k] + 1  # "بعد حصوله على “جائزة الإبداع الأدبي”": a short quoted name after a preposition
                continue
            if t.text in OPEN_QUOTES and k in p.quotes:
                close = p.quotes[k]
                if close - k > 3:
                    return t.end, p.quote_end(k), True
            if t.is_word:
                w = t.text
                if w in self.words.complementizers:
                    before = _word(tokens, k - 1)
                    if k > j and (before in self.words.subordinate or (
                            before in self.words.fronted and before not in self.words.object_prepositions)):
                        return None  # "لم يذكر المصدر سبب … رغم أنه …": أن after رغم/بعد/قبل is not the content
                    nxt = k + 1
                    if nxt < len(tokens) and tokens[nxt].text in OPEN_QUOTES and nxt in p.quotes \
                            and p.quotes[nxt] - nxt > 3 and self._quote_ends_sentence(p, nxt):
                        return tokens[nxt].end, p.quote_end(nxt), True
                    return t.start, self._content_end(p, k, self.cues.background), False  # a partial quote stays indirect
                if w == self.words.particle_in and (skip := self._adverbial_end(p, k)) is not None:
                    k = skip
                    continue
                if w == self.words.particle_in and k == j and verb.object and (place := _word(tokens, k + 1)) \
                        and not place.startswith(DEFINITE) and place not in self.parser.stop \
                        and _word(tokens, k + 2) is not None:
                    k += 2  # "أظهرت دراسة أجرتها جامعة X في ملبورن نتائج …": where the subject is, then the object
                    continue
                if verb.object and w in self.words.object_prepositions and _word(tokens, k + 1) is not None \
                        and _word(tokens, k + 1) not in self.words.complementizers:
                    return tokens[k + 1].start, self._content_end(p, k, self._object_breaks), False  # "دعا إلى …"
                if (w in self.words.relatives or w in self.words.appositive_pronouns) and (
                        k == j or (k == j + 1 and tokens[j].text in "،,")):
                    # "وقال المصدر الذي طلب عدم ذكر اسمه إن …", "وقال فلان، الذي يرأس الشركة، إن …", "وقال
                    # فلان وهو متحدث باسم المجلس إن …": a relative clause or a description of the subject
                    resume = self._content_start(p, k, aside=w in self.words.appositive_pronouns)
                    if resume is not None:
                        k = resume
                        continue
                if first and w in self.cues.relative and w != self.words.particle_what:
                    return None  # "، أفاد مسؤولون، مما يشير": the outlet's comment, not an object
                if first and verb.object and w not in self.parser.stop and w not in self.words.fronted \
                        and _word(tokens, k - 1) not in self.words.fronted and not self.cues.verb(w):
                    that = self._that_ahead(p, k, limit)
                    if that is not None:
                        k = that  # "وأفادت رسالة المدير المؤرخة أمس بأن …": the document's qualifier, then أن
                        continue
                    return t.start, self._content_end(p, k, self._object_breaks), False  # "أعلنت الوزارة نهاية …"
                if self.cues.verb(w) is not None and k > j:
                    if w in self.words.saying and k + 1 < len(tokens):
                        k += 1  # "وكتب الرئيس على تويتر يقول إن …": the present of قال, "saying"
                        continue
                    return None
            elif t.text in "،,":
                k += 1
                continue
            if not (t.is_word and (t.text in self.parser.stop or t.text in self.words.statement_nouns)):
                first = False
            k += 1
        return None

    def _that_ahead(self, p: _Paragraph, k: int, limit: int) -> int | None:
        """A complementizer within a few words after ``k``, in the same clause, that opens the content
        (not after بعد/رغم …)."""
        tokens = p.tokens
        commas = 0
        for x in range(k + 1, min(limit, k + THAT_AHEAD * 3)):
            t = tokens[x]
            if not t.is_word:
                if t.text in "،,":
                    commas += 1  # "رسالة القائد المؤرخة أمس، والتي اطلعنا عليها، بأن …": an aside
                    continue
                if t.text in _SENTENCE_END or t.text == ":" or (t.text in OPEN_QUOTES and not commas):
                    return None
                continue
            if x - k >= THAT_AHEAD and not commas:
                return None
            if t.text in self.words.complementizers:
                if commas and not t.text.startswith(BA):
                    return None  # past a comma only «بأن» still belongs to the verb before
                before = _word(tokens, x - 1)
                if before in self.words.subordinate or (before in self.words.fronted
                                                        and before not in self.words.object_prepositions):
                    return None
                return x
            if self.cues.verb(t.text) is not None:
                return None
        return None

    def _content_end(self, p: _Paragraph, k: int, breaks: frozenset[tuple[str, ...]]) -> int:
        """The end of an indirect content starting at token ``k``: its sentence's end, or a comma that
        opens a clause of the outlet's own (``breaks``: "، حيث …", "، لكن …"). A semicolon does not
        end what a speaker says: "إنه … ؛ لأن …" runs on to the full stop. A "sentence" of more than
        `CONTENT_TOKENS` tokens (a page with no full stop) ends the content there."""
        s_end = self._past_semicolons(p, k)
        tokens = p.tokens
        for x in range(k + 1, len(tokens)):
            t = tokens[x]
            if t.start >= s_end:
                break
            if x - k > CONTENT_TOKENS:
                return tokens[x - 1].end
            if t.text in "،," and any(all(_word(tokens, x + 1 + n) == w for n, w in enumerate(b)) for b in breaks):
                return t.start
            nxt = _word(tokens, x + 1)
            if t.text in "،," and nxt is not None and nxt[:1] == WA and (nxt[1:],) in breaks:
                return t.start  # "، وفيما يلي …"
        return s_end

    def _colon_end(self, p: _Paragraph, k: int) -> int:
        """Where unquoted content after a colon at token ``k`` ends: the end of the paragraph, or the start
        of a later sentence that opens with the outlet's own aside ("يذكر أن …", "ويشار إلى …"), and at
        most `COLON_SENTENCES` sentences on (a page run together on one line is no paragraph)."""
        tokens = p.tokens
        s = p.sent_of[k]
        last = min(len(p.para.sentences) - 1, s + COLON_SENTENCES - 1)
        for n in range(s + 1, last + 1):
            x = p.sent_first.get(n)
            if x is None:
                continue
            w = _word(tokens, x)
            if w is not None and ((w,) in self.cues.background or (w[:1] == WA and (w[1:],) in self.cues.background)):
                return p.para.sentences[n - 1][1]
        return p.para.end if last == len(p.para.sentences) - 1 else p.para.sentences[last][1]

    def _quote_ends_sentence(self, p: _Paragraph, k: int) -> bool:
        """True when the quote opened at token ``k`` runs to the end of its sentence (or paragraph): a
        quote followed by more of the sentence (`إنه "…" إزاء …`) is a partial quote in indirect speech."""
        close = p.quotes.get(k)
        if close is None:
            return True
        nxt = close + 1
        while nxt < len(p.tokens) and p.tokens[nxt].text in CLOSE_QUOTES:
            nxt += 1
        return nxt >= len(p.tokens) or p.tokens[nxt].text in _SENTENCE_END or p.sent_of[nxt] != p.sent_of[close]

    def _addressee(self, p: _Paragraph, k: int) -> bool:
        """True when the quote opened at token ``k`` is a short addressee: "ذكرت مصادر "للعربية.نت" أن"."""
        w = _word(p.tokens, k + 1)
        close = p.quotes.get(k, k)
        return w is not None and w.startswith(LAM) and close - k <= 6 and (
            _word(p.tokens, close + 1) in self.words.complementizers or (close + 1 < len(p.tokens)
                                                             and p.tokens[close + 1].text in ":،,"))

    def _adverbial_end(self, p: _Paragraph, k: int) -> int | None:
        """After "في" at token ``k`` opening an adverbial about the statement itself ("في بيان",
        "في كلمته أمام القمة،"), the token after it: up to a comma, or just past its noun."""
        noun = _word(p.tokens, k + 1)
        if noun is None:
            return None
        bare = noun
        for suffix in self.words.pronoun_suffixes:
            if noun.endswith(suffix) and len(noun) - len(suffix) >= 3:
                bare = noun[: -len(suffix)]
                break
        if not (noun in self.words.statement_nouns or bare in self.words.statement_nouns or noun in self.parser.after_fi
                or bare in self.parser.after_fi):
            return None
        s = p.sent_of[k]
        for x in range(k + 2, min(len(p.tokens), k + 16)):
            t = p.tokens[x]
            if p.sent_of[x] != s or t.text == ":" or t.text in OPEN_QUOTES or (t.is_word and t.text in self.words.complementizers):
                return x
            if t.text in "،,":
                return x + 1
        return k + 2

    def _past_semicolons(self, p: _Paragraph, k: int) -> int:
        """The end of token ``k``'s sentence, or of the sentences after it while each ends in «؛»."""
        index = p.sent_of[min(k, len(p.tokens) - 1)]
        sentences = p.para.sentences
        while index + 1 < len(sentences) and self.view.text[sentences[index][1] - 1] in "؛;":
            index += 1
        return sentences[index][1]

    def _quote_follows(self, p: _Paragraph, i: int) -> bool:
        """True when a quotation of more than a title opens at token ``i``: «وأضاف "النادي يمضي …"» has no
        subject of its own."""
        t = p.tokens[i] if i < len(p.tokens) else None
        return t is not None and t.text in OPEN_QUOTES and i in p.quotes and p.quotes[i] - i > 6

    @property
    def _object_breaks(self) -> frozenset[tuple[str, ...]]:
        return self.cues.background | self.cues.contrast
