"""Rules on reporting verbs: verb-subject, verb-subject-to-content, verb-preposed-subject,
verb-after-clause, verb-continuation, verb-that-subject, relative-report.
"""

from __future__ import annotations

from ..lexicons import Verb
from ..morphology import DEFINITE, FA, PAST_PLURAL, PRESENT_PLURAL, PRESENT_THIRD_PERSON, WA, strip_conjunction
from ..normalize import fold_term
from ..sources import (
    OPEN_QUOTES,
    Mention,
    Token,
    is_pronoun,
)
from .base import (
    _ASIDE_OR_CLOSE,
    DraftSource,
    _Paragraph,
    _word,
)
from .continuation import Continuation


class VerbalRules(Continuation):
    """Rules on reporting verbs: verb-subject, verb-subject-to-content, verb-preposed-subject,"""

    def _after_adverbial(self, tokens: list[Token], at: int) -> int:
        """The token after an adverbial phrase ("أكثر من مرة", "مجددا", "أمس") that starts at ``at``,
        with a comma after it; ``at`` itself when none starts there."""
        if _word(tokens, at) not in self.words.adverbial_starts:
            return at
        for phrase in self.words.adverbials:
            if all(_word(tokens, at + n) == w for n, w in enumerate(phrase)):
                at += len(phrase)
                while at < len(tokens) and tokens[at].text in "،,":
                    at += 1
                return at
        return at

    def _resumed(self, tokens: list[Token], k: int) -> bool:
        """The verb at ``k`` opens a relative clause on a time or a place, resumed by «فيه»/«فيها», and
        has a subject of its own: «في الوقت الذي أعلن فيه الوزير», «في وقت قال فيه مسؤول». A verb in
        the plural carries its own subject («لافتات اتهموا فيها الحكومة»: the government is the object)."""
        before = _word(tokens, k - 1)
        return (_word(tokens, k + 1) in self.words.resumptives and not _masculine_plural(tokens[k].text)
                and (before in self.cues.relative or before in self.words.resumptive_antecedents))

    def _verbal(self, p: _Paragraph, k: int, verb: Verb, cue_type: str, consumed: set[int], *,
                that_only: bool = False) -> None:
        """A reporting verb at token ``k``. With ``that_only`` (a verb carrying its object pronoun, "ووصفها
        المتحدث بأنها …") only a content opened by أن/إن is a report."""
        tokens = p.tokens
        cue = (tokens[k].start, tokens[k].end)
        if cue_type == "participle" and not self._participle_cue(tokens, k):
            return  # "مصادر مؤكدة", "على مسافة مقدرة": an adjective or a noun, not a cue
        before = _word(tokens, k - 1)
        if before is not None and (before.isdigit() or before in self.words.numerals):
            return  # "600 ألف طالب": a noun after a number, not the verb
        bare = tokens[k].text.removeprefix(WA)
        if bare in self.words.paired and bare != tokens[k].text and any(
                (_word(tokens, x) or "").startswith(bare) for x in range(max(0, k - 8), k)):
            return  # "بينه وبين الحكومة": the preposition in a pair, not the verb
        post_marker = self._post_marker(tokens, k)
        if post_marker is None and _word(tokens, k - 1) in self.cues.relative and not self._resumed(tokens, k):
            # … unless the clause is on a time or place and has a subject of its own: «في الوقت الذي أعلن
            # فيه الوزير أن …» (a verb in the plural carries its own: «لافتات اتهموا فيها الحكومة»)
            self._relative_report(p, k, verb, cue_type)
            return  # "التي أعلنت", "مما يشير": a relative clause, not a report of its own
        clause_start = self._clause_start(p, k - (len(post_marker) if post_marker else 0))
        if bare in self.words.paired and not (clause_start[0] or clause_start[1]) and post_marker is None:
            return  # "الخلاف بين الشركة والحكومة": mid-clause, the preposition
        demonstrative = self._demonstrative_subject(p, k + 1)
        if cue_type == "verb" and _word(tokens, k + 1) in self.words.that and clause_start[0] and not demonstrative:
            self._said_that(p, k, verb, consumed)
            return
        subject: Mention | None = None
        preposed = None
        addressee: list[DraftSource] = []
        at = k + 1
        if cue_type == "verb" and not self._quote_follows(p, k + 1):
            addressed = self._addressee_before_subject(p, k + 1)
            if addressed is not None:  # "وقال لـ«الشرق الأوسط»، الدكتور X إن …"
                addressee, at = [self._source(p, addressed)], addressed.last
                while at < len(tokens) and tokens[at].text in _ASIDE_OR_CLOSE:
                    at += 1
        if cue_type == "verb" and at == k + 1 and self._resumed(tokens, k):
            at = k + 2  # «في الوقت الذي أعلن فيه الوزير»: past the resumptive, the clause's own subject
        if cue_type == "verb":
            at = self._after_adverbial(tokens, at)  # "وأكدت أكثر من مرة أن …", "وقال أمس الوزير إن …"
        if demonstrative:
            at = k + 2  # "وأكد هذا المسؤول أن …": the demonstrative goes with the subject
        if cue_type == "verb" and not verb.continuation and not self._quote_follows(p, k + 1):
            topic = (tokens[k].text.startswith(FA) and k > 0 and tokens[k - 1].text in "،,"
                     and _word(tokens, self._sentence_body_start(p, k)) in self.words.topic_particles)
            if (not clause_start[0] and not clause_start[1]) or topic:  # «أما الباحث فلان، فيرى أن …»
                preposed = self._preposed(p, k)
                if preposed is not None and preposed.shared and self.cues.impersonal(tokens[k].text, verb):
                    preposed = None  # "… ويذكر أن …": an impersonal present is no verb sharing a subject
                if preposed is not None:
                    follows = self.parser.parse(tokens, at, self.view, plain=False)
                    if follows is not None and not follows.reference and follows.kind == "official":
                        preposed = None  # "X أعلن والي الولاية …": an office holder after the verb is its subject
            if preposed is None:
                subject = self.parser.parse(tokens, at, self.view, plain=True)
                if subject is not None and subject.plain and self._starts_content(tokens, at):
                    subject = None
                if clause_start[0] or clause_start[1]:
                    subject = self._whole_subject(p, at, subject,
                                                  guess=clause_start[0] or self._after_fronted(p, k))
        elif cue_type == "verb" and verb.continuation and (clause_start[0] or clause_start[1]):
            # "وتابع الوزير أن …", "وتابع البيان: …": a continuation verb may still name its subject, when
            # the content follows it
            named = self._whole_subject(p, at, None, guess=clause_start[0])
            if named is not None and named.chunked:
                subject = named
        if verb.document_subject and subject is None and preposed is None and (
                n := self.parser._phrase_in(tokens, at, self.parser.documents, clitics=True)):
            # "وتضمنت المذكرة …": a bare document speaks, unnamed (or for the owner a reference finds)
            name = self._original(p, at, at + n)
            if tokens[at].text not in self.parser.documents:
                name = name[1:]  # the proclitic: "وتتضمن" … "والمذكرة"; not a letter of "وثيقة"
            subject = Mention(at, at + n, name, "unnamed_source", head=tokens[at].text)
        if subject is not None and subject.kind == "unnamed_source" and subject.head in self.parser.documents and any(
                d.paragraph == p.index and d.content[0] <= cue[0] < d.content[1] for d in self.drafts):
            return  # "أعلنت اللجنة أن … أظهرت نتيجة فحص أنه …": data with no owner, cited inside a report, is the reporter's
        if verb.document_subject and not any(m is not None and m.head in self.parser.documents
                                             for m in (subject, preposed)):
            return  # "وتضمنت المذكرة …" reports, "وتضمن الحفل فقرات …" does not
        j = subject.last if subject is not None else k + 1
        marker = self._content_start(p, j - 1) if subject is not None and subject.chunked else None
        via: list[DraftSource] = []
        source: DraftSource | None = None
        rule = "verb-subject"
        if subject is not None:
            if subject.plain and subject.kind == "organization" and fold_term(verb.lemma) in self.words.publishing:
                subject.kind = "media"  # "كتبت "الأخبار"": a publication
            source, via = self._resolve(p, subject)
            via = [*addressee, *via]
            if subject.chunked:
                rule = "verb-subject-to-content"
            j, source, via = self._chain_after(p, j, source, via, verb)
            consumed.update(range(k, j))
            if marker is not None and marker >= j:
                j = marker  # what stands between is an adverbial or an addressee
        elif preposed is not None:
            source, via = self._resolve(p, preposed)
            rule = "coordinated-subject" if preposed.shared else "verb-preposed-subject"
        reported_by: list[DraftSource] = []
        relayed: DraftSource | None = None
        if subject is None and preposed is None and cue_type == "verb":
            # "ثم طالبوا، بحسب بيان للمكتب الإعلامي، …": an intermediary after a cue with no
            # subject of its own
            placeholder = DraftSource("", "person")
            after, inner, reported_by = self._chain_after(p, k + 1, placeholder, [], verb)
            relayed = inner if inner is not placeholder and self.words.particle_quoting in {
                _word(tokens, x) for x in range(k + 1, min(after, k + 4))} else None  # "وأضاف، نقلا عن مصادر، أن …"
            if inner is not placeholder and relayed is None:
                reported_by = []  # "وتحدثت عن تنظيم …": عن introduces what was said, not who said it
            reported_by = [v for v in reported_by if v is not placeholder]
            if relayed is not None or reported_by:
                j = after
                consumed.update(range(k, after))
        # where the content is
        found = self._content_marker(p, j, verb)
        if found is not None and _word(tokens, k - 1) in self.words.negations and not found[2] and (
                p.word_at_pos(found[0]) not in self.words.complementizers):
            return  # "ولم يذكر المصدر سبب الزيارة": nothing is reported
        if found is None:
            if source is not None and self._ends_clause(tokens, j) and (post_marker or clause_start[1]):
                s_start = self._sentence_body_start(p, k)
                end_tok = k - (len(post_marker) if post_marker else 0)
                if end_tok > s_start:
                    a, b = s_start, end_tok
                    while b > a and tokens[b - 1].text in "،,":
                        b -= 1
                    quoted = tokens[a].text in OPEN_QUOTES and p.quotes.get(a) == b - 1
                    span = (tokens[a].end, tokens[b - 1].start) if quoted else (tokens[a].start, tokens[b - 1].end)
                    self._add(p, source, via, cue, verb.lemma, "verb", span, quoted, rule="verb-after-clause")
            return
        start, end, direct = found
        if that_only and not self._opened_by_that(p, start):
            return
        if subject is not None and subject.plain and not direct and not (clause_start[0] or clause_start[1]) and (
                p.word_at_pos(start) not in self.words.complementizers) and self.view.text[start - 1:start] != ":":
            # a verb with its subject after it opens its clause; mid-clause, an unknown name and a bare
            # object ("… طالب حرموا من الدراسة") read as a noun, not a report
            return
        if source is None:
            in_document = is_pronoun(_word(tokens, k + 1) or "") and _word(tokens, k + 1) != self.words.particle_he
            if not (clause_start[0] or clause_start[1] or in_document or cue_type == "participle"):
                return  # "نشر تغريدة قال فيها: …" goes on: the writer speaks in what they wrote
            if cue_type == "verb" and self.cues.impersonal(tokens[k].text, verb):
                return  # "يتوقع أن", "يعتقد أن": nobody in particular
            nxt = _word(tokens, k + 1)
            if nxt is not None and nxt not in self.words.complementizers and nxt not in self.parser.stop and not in_document \
                    and nxt not in self.words.saying and nxt not in self.words.adverbial_starts \
                    and nxt not in self.words.object_prepositions and (not verb.object or nxt.startswith(DEFINITE)):
                return  # an unknown subject ("وتظهر الصور …"): better nothing than a guess
            got = self._continued(p, k, clause_start[0] and cue_type != "participle")
            if got is None or (_masculine_plural(tokens[k].text) and got[0].kind in _NOT_HUMAN):
                return  # "…، دعوا إلى …" does not go on with «وسائل إعلام»: a medium agrees as a feminine singular
            source, via = got
            via = [*reported_by, *via]
            if relayed is not None:
                source, via = relayed, [*via, source]  # the sources speak, through the speaker before
            rule = "verb-continuation"
        sibling = clause_start[1]
        self._add(p, source, via, cue, verb.lemma, cue_type, (start, end), direct, sibling, rule=rule)

    def _demonstrative_subject(self, p: _Paragraph, i: int) -> bool:
        """True when a demonstrative at ``i`` opens the subject ("هذا المسؤول", "هذه الوزارة") and the content
        follows it, rather than pointing back to what was said ("أوضح ذلك الوزير")."""
        tokens = p.tokens
        if _word(tokens, i) not in self.words.demonstratives or not (_word(tokens, i + 1) or "").startswith(DEFINITE):
            return False
        m = self.parser.parse(tokens, i + 1, self.view, plain=False)
        if m is None or m.last >= len(tokens):
            return False
        return _word(tokens, m.last) in self.words.complementizers or tokens[m.last].text in ":،,"

    def _passive(self, p: _Paragraph, k: int) -> None:
        """Rule ``passive-report``: a passive reporting verb and أن/إن («يقال إن …», «وأشيع أن …»): what
        nobody in particular says, an unnamed source."""
        tokens = p.tokens
        if _word(tokens, k + 1) not in self.words.complementizers:
            return
        found = self._content_marker(p, k + 1, self.cues.passive_verb)
        if found is None:
            return
        t = tokens[k]
        name = self._original(p, k, k + 1)
        name = strip_conjunction(name, 3)
        source = DraftSource(name, "unnamed_source", (), (t.start, t.end))
        self._add(p, source, [], (t.start, t.end), self.cues.passive_verb.lemma, "verb", found[:2], found[2],
                  rule="passive-report")

    def _news_of(self, p: _Paragraph, k: int) -> None:
        """Rule ``news-of``: a sentence that opens with «أنباء عن» / «تقارير عن»: news nobody in particular
        gives, an unnamed source."""
        tokens = p.tokens
        if p.first_token_of_sentence(k) != k or _word(tokens, k + 1) != self.words.particle_about or k + 2 >= len(tokens):
            return
        t = tokens[k]
        s_end = p.sentence(k)[1]
        name = self._original(p, k, k + 1)
        self._add(p, DraftSource(name, "unnamed_source", (), (t.start, t.end)), [], (t.start, tokens[k + 1].end),
                  name, "preposition", (tokens[k + 2].start, s_end), False, rule="news-of")

    def _opened_by_that(self, p: _Paragraph, start: int) -> bool:
        """True when the content starting at view offset ``start`` opens with أن/إن, or is a quotation
        right after one («بأنها "شائعة …"»)."""
        tokens = p.tokens
        at = p.token_at(start)
        if _word(tokens, at) in self.words.complementizers:
            return True
        return at >= 2 and tokens[at - 1].text in OPEN_QUOTES and _word(tokens, at - 2) in self.words.complementizers

    def _said_that(self, p: _Paragraph, k: int, verb: Verb, consumed: set[int]) -> None:
        """Rule ``verb-that-subject``: "أوضح ذلك رئيس المجلس X" and "صرح بذلك الوكيل X" name, after the
        fact, who said the sentence before (or the paragraph before, when the cue opens its paragraph)."""
        tokens = p.tokens
        m = self.parser.parse(tokens, k + 2, self.view, plain=True)
        if m is None:
            end = k + 2
            s = p.sent_of[k]
            while end < len(tokens) and p.sent_of[end] == s and tokens[end].text not in "،,:" \
                    and _word(tokens, end) not in self.words.that_subject_ends:
                end += 1
            m = self.parser.chunk(tokens, k + 2, end, self.view, guess=True)
        if m is None:
            return
        s0 = p.first_token_of_sentence(k)
        if s0 > 0:
            content = (p.para.sentences[p.sent_of[s0 - 1]][0], tokens[s0 - 1].end)
        else:
            before = [q for q in self.paragraphs[:p.index] if q.region == "body"]
            if not before or p.index - self.paragraphs.index(before[-1]) > 2:
                return
            content = (before[-1].start, before[-1].end)
        if any(d.content[0] < content[1] and d.content[1] > content[0] for d in self.drafts):
            return  # what was said already has its speaker: "أوضح ذلك" does not take it over
        consumed.update(range(k, m.last))
        source, via = self._resolve(p, m)
        self._add(p, source, via, (tokens[k].start, tokens[k + 1].end), verb.lemma, "verb", content, False,
                  rule="verb-that-subject")

    def _relative_report(self, p: _Paragraph, k: int, verb: Verb, cue_type: str) -> None:
        """Rule ``relative-report``: "الأنباء التي تحدثت عن …", "التقارير التي تفيد بأن …": a report, a
        source or a document qualified by a relative clause whose verb reports speaks its content."""
        tokens = p.tokens
        rel = _word(tokens, k - 1)
        if cue_type != "verb" or rel not in self.words.relatives or k < 2:
            return
        head = k - 2
        while head > 0 and _word(tokens, head) in self.parser.qualifiers:
            head -= 1  # "المصادر المطلعة التي …"
        word = _word(tokens, head) or ""
        if not (self.parser._phrase_in(tokens, head, self.parser.unnamed, clitics=True)
                or self.parser._phrase_in(tokens, head, self.parser.documents, clitics=True)
                or self.parser._phrase_in(tokens, head, self.parser.media, clitics=True)) or not word:
            return
        m = self.parser.parse(tokens, head, self.view, plain=False)
        if m is None or m.last > k - 1:
            return
        found = self._content_marker(p, k + 1, verb)
        if found is None and _word(tokens, k + 1) in self.words.content_prepositions:
            found = (tokens[k + 2].start, self._content_end(p, k + 1, self.cues.background), False) \
                if k + 2 < len(tokens) else None
        if found is None:
            return
        source, via = self._resolve(p, m)
        self._add(p, source, via, (tokens[k].start, tokens[k].end), verb.lemma, "verb", found[:2], found[2],
                  rule="relative-report")


#: Source kinds that agree with a verb as a (feminine) singular, never as a masculine plural (a council or
#: a party may: «طالب المجلس … ثم طالبوا»).
_NOT_HUMAN = frozenset({"media", "news_agency"})


def _masculine_plural(word: str) -> bool:
    """A verb form of the masculine plural: «قالوا», «وأكدوا», «يقولون»."""
    w = strip_conjunction(word, 4)
    return w.endswith(PAST_PLURAL) or (w.startswith(PRESENT_THIRD_PERSON) and w.endswith(PRESENT_PLURAL))
