"""Who speaks: cues, sources, content spans, chains, continuation and each sentence's speaker.

Everything here works on the folded view, paragraph by paragraph, and returns drafts in view
coordinates; :func:`attribute` is the one entry point. The rules, in the order they run:

1. **Verbal cues** ("قال", "وأضافت", "أفادت" …, from ``lexicons/cues.toml``): the subject follows the
   verb (``قالت الوزارة``) or precedes it (``بغداد دعت``, ``الولايات المتحدة كانت تؤكد``); intermediaries
   come after it (``مصادر لوكالة رويترز`` → via Reuters; ``الوكالة نقلا عن ثلاثة مصادر`` → sources via the
   agency). The content starts at أن/إن, a colon or a quote (or, for verbs like أعلن, the object) and runs
   to the end of the sentence, or of the paragraph after a colon, or to the closing quote.
   A cue after a comma with nothing after its subject (``…، ذكرت رويترز``) covers the clause before it.
2. **Prepositional cues** ("وفقا لـ", "بحسب", "نقلا عن" …): at the start of a sentence they cover what
   follows, elsewhere the clause before them.
3. **Headline colons** (``"رويترز": …``, ``مصادر مطلعة: …``) and **quote paragraphs** with no cue.
4. **Continuation and reference**: a cue with no subject (``وأضاف:``, ``، مشيرة إلى``) continues the
   previous speaker; a bare reference word (``الوكالة``, ``المصادر``, ``الزعيم``) resolves to the latest
   earlier speaker of a matching kind, inheriting its chain.
5. **Chains**: an attribution inside another's content is reported through it (``via``).
6. **Sentence speaker**: the innermost attribution covering most of the sentence, or the outlet.
"""

from __future__ import annotations

import re

import attrs
import regex

from .cues import cue_tables
from .lexicons import Lexicons, Preposition, Verb
from .normalize import Folded, fold_term
from .sources import (
    CLOSE_QUOTES,
    MAX_SUBJECT_TOKENS,
    OPEN_QUOTES,
    Mention,
    SourceParser,
    Token,
    is_pronoun,
    parser_for,
    tokenize,
)
from .words import GrammarWords, grammar_words

__all__ = ["Draft", "DraftSource", "Paragraph", "attribute"]

_WORDS = re.compile(r"[^\W\d_]+")
_SENTENCE_END = frozenset(".!?؟؛…")
_CLAUSE_END = _SENTENCE_END | frozenset("،,;")
_ASIDE = frozenset("،,-–—()")
#: How many words before an earlier mention of a name may hold the role that introduced it
#: ("وزيرة الصحة الفلسطينية مي الكيلة": four).
ROLE_WINDOW = 5
#: How far into an earlier sentence (in tokens) its subject is looked for when a later cue has none:
#: a verb and a few words, not the sentence's objects.
SUBJECT_REACH = 4


@attrs.define
class DraftSource:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    mention: tuple[int, int] | None = None  # view coordinates


@attrs.define
class Draft:
    source: DraftSource
    cue: tuple[int, int]
    lemma: str
    cue_type: str
    content: tuple[int, int]
    direct: bool
    via: list[DraftSource] = attrs.Factory(list)
    paragraph: int = 0
    sibling: bool = False  # starts a new clause after a comma: truncates the clause before it
    region: str = "body"
    rule: str = ""  # the grammar rule that found it (attribution.grammar)


@attrs.define
class Paragraph:
    start: int
    end: int
    region: str
    sentences: list[tuple[int, int]]




def _word_at_pos(tokens: list[Token], pos: int) -> str | None:
    """The word token starting at view offset ``pos``."""
    for t in tokens:
        if t.start == pos:
            return t.text if t.is_word else None
    return None


def _word(tokens: list[Token], i: int) -> str | None:
    if 0 <= i < len(tokens) and tokens[i].is_word:
        return tokens[i].text
    return None


def _pair_quotes(tokens: list[Token]) -> dict[int, int]:
    """Opening quote token → closing quote token, for the quotes of one paragraph."""
    pairs: dict[int, int] = {}
    stack: list[tuple[int, str]] = []
    straight: dict[str, int | None] = {'"': None, "'": None}
    closers = {"«": "»", "“": "”", "„": "”", "‘": "’"}
    for k, t in enumerate(tokens):
        c = t.text
        if c in closers:
            stack.append((k, closers[c]))
        elif c in ("»", "”", "’") and stack:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][1] == c or (c == "”" and stack[depth][1] == "”"):
                    pairs[stack[depth][0]] = k
                    del stack[depth:]
                    break
        elif c == '"':
            if straight['"'] is None:
                straight['"'] = k
            else:
                pairs[straight['"']] = k  # type: ignore[index]
                straight['"'] = None
    return pairs


class _Paragraph:
    """One paragraph being attributed: tokens, quotes and sentence lookup."""

    def __init__(self, view: Folded, para: Paragraph, index: int) -> None:
        self.view, self.para, self.index = view, para, index
        self.tokens = tokenize(view.text, para.start, para.end)
        self.quotes = _pair_quotes(self.tokens)
        self.sent_of: list[int] = []
        si = 0
        for t in self.tokens:
            while si < len(para.sentences) - 1 and t.start >= para.sentences[si][1]:
                si += 1
            self.sent_of.append(si)

    def sentence(self, k: int) -> tuple[int, int]:
        return self.para.sentences[self.sent_of[min(k, len(self.tokens) - 1)]]

    def first_token_of_sentence(self, k: int) -> int:
        s = self.sent_of[k]
        while k > 0 and self.sent_of[k - 1] == s:
            k -= 1
        return k

    def quote_end(self, k: int) -> int:
        """View offset where the quote opened at token ``k`` closes (or the paragraph ends)."""
        close = self.quotes.get(k)
        return self.tokens[close].start if close is not None else self.para.end


class Attributor:
    def __init__(self, view: Folded, lex: Lexicons) -> None:
        self.view = view
        self._places = frozenset(place.name for place in lex.places)
        self.parser: SourceParser = parser_for(lex)
        self.cues = cue_tables(lex)
        self.words = grammar_words(lex)
        self.drafts: list[Draft] = []

    # --- sources -----------------------------------------------------------------------------------

    def _source(self, p: _Paragraph, m: Mention) -> DraftSource:
        a, b = p.tokens[m.first].start, p.tokens[m.last - 1].end
        return DraftSource(m.name, m.kind, m.aliases, (a, b))

    def _resolve(self, p: _Paragraph, m: Mention) -> tuple[DraftSource, list[DraftSource]]:
        """A mention as a source; reference words and bare surnames resolve to an earlier speaker."""
        src = self._source(p, m)
        if m.reference or (m.plain and " " not in m.name.strip()):
            ante = self._antecedent(m)
            if ante is not None:
                found, via = ante
                aliases = tuple(dict.fromkeys((*found.aliases, m.name)))
                return DraftSource(found.name, found.kind, aliases, src.mention), via
        if m.kind == "person" and (m.plain or m.chunked):
            role = self._introduced_role(p, m)
            if role is not None:  # "وزيرة الصحة مي الكيلة" earlier: "وقالت الكيلة" is an official
                return DraftSource(src.name, "official", tuple(dict.fromkeys((*src.aliases, role))), src.mention), []
        return src, []

    def _introduced_role(self, p: _Paragraph, m: Mention) -> str | None:
        """The role an earlier mention of this person's name gave them ("وزيرة الصحة مي الكيلة" before
        "قالت الكيلة"), searched in the text before the mention; ``None`` when there is none."""
        last = fold_term(m.name).split()[-1:] if m.name.strip() else []
        if not last or len(last[0]) < 3:
            return None
        text = self.view.text
        before = p.tokens[m.first].start
        pos = text.rfind(last[0], 0, before)
        seen = 0
        while pos >= 0 and seen < 8:
            seen += 1
            window = tokenize(text, max(0, pos - 80), pos)
            words = [t for t in window if t.is_word][-ROLE_WINDOW:]
            for i, t in enumerate(words):
                if self.parser._phrase_in(words, i, self.parser.people, clitics=True):
                    return None  # "الباحث الفلكي د. خالد الزعاق": a person, whatever title follows
                if self.parser._phrase_in(words, i, self.parser.roles, clitics=True):
                    a, b = self.view.span(t.start, words[-1].end)
                    return self.view.original[a:b]
            pos = text.rfind(last[0], 0, pos)
        return None

    def _antecedent(self, m: Mention) -> tuple[DraftSource, list[DraftSource]] | None:
        head = fold_term(m.head)
        for d in reversed(self.drafts):
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
            if needed:
                names = [name, *(fold_term(a) for a in cand.aliases)]
                return any(w in n for w in needed for n in names)
            return True
        last = head.removeprefix("ال")
        return cand.kind in ("official", "person") and (
            name.split()[-1:] == [fold_term(m.name)] or any(fold_term(a).endswith(last) for a in cand.aliases))

    # --- paragraph ---------------------------------------------------------------------------------

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
                verb = self.cues.verb(tok.text)
                if verb is not None:
                    self._verbal(p, k, verb[0], verb[1], consumed)
                    continue
                prep = self.cues.prep(p.tokens, k)
                if prep is not None:
                    self._prepositional(p, k, prep[0], prep[1], consumed)
            if len(self.drafts) == before:
                self._quote_paragraph(p)
            self._truncate_siblings(before)
        self._chains()
        return [d for d in self.drafts if d.content[1] > d.content[0]]

    def _worth_tokenizing(self, para: Paragraph) -> bool:
        """False when no rule can fire: no cue word, no colon near the start, no opening quote."""
        text = self.view.text
        head = text[para.start:min(para.end, para.start + 160)]
        if ":" in head or head[:1] in OPEN_QUOTES or (self.drafts and self.drafts[-1].direct and any(
                q in text[para.start:para.end] for q in "»”")):
            return True  # a colon, a quotation, or the close of one left open in the paragraph before
        candidates = self.cues.candidates
        return any(w in candidates for w in _WORDS.findall(text, para.start, para.end))

    def _add(self, p: _Paragraph, source: DraftSource, via: list[DraftSource], cue: tuple[int, int],
             lemma: str, cue_type: str, content: tuple[int, int], direct: bool, sibling: bool = False, *,
             rule: str) -> None:
        s, e = content
        text = self.view.text
        while s < e and (text[s].isspace() or text[s] in "،,:"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in "،,:.؛"):
            e -= 1
        if e > s:
            self.drafts.append(Draft(source, cue, lemma, cue_type, (s, e), direct, list(via), p.index,
                                     sibling, p.para.region, rule))

    # --- rule 3: headline colon, quote paragraphs -------------------------------------------------

    def _speaker_labels(self, paragraphs: list[Paragraph]) -> frozenset[str]:
        """Rule ``speaker-label``: the labels of an interview or transcript ("المحاور:", "س:", "الوزير:"),
        i.e. one to three words and a colon that open at least two body paragraphs of the page."""
        text = self.view.text
        seen: dict[str, int] = {}
        for para in paragraphs:
            if para.region != "body":
                continue
            m = _LABEL.match(text, para.start, para.end)
            if m is not None and m.group(1) not in self.cues.labels:
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
            name = self.view.original[slice(*self.view.span(p.tokens[0].start, p.tokens[colon - 1].end))]
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
        while tokens[0].text[:1].isdigit() and colon > 3 and tokens[1].text == ":":
            tokens = tokens[3:]  # a time stamp before the label: "22:49 وسائل إعلام محلية: …"
            colon -= 3
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
                rest is not None and (rest in self.parser.stop or rest[:1] in "بلك")):
            return  # "غوتيريش زار ميقاتي: …" is a headline, not a speaker
        if m.kind == "government" and m.name in self._places and p.para.region == "body" \
                and not (colon + 1 < len(tokens) and tokens[colon + 1].text in OPEN_QUOTES):
            return  # "الخرطوم : أعلن الوالي …": a dateline, not a speaker
        source, via = self._resolve(p, m)
        source.mention = (tokens[0].start, tokens[colon - 1].end)
        start = tokens[colon].end
        nxt = colon + 1
        direct = nxt < len(tokens) and tokens[nxt].text in OPEN_QUOTES and nxt in p.quotes
        end = p.quote_end(nxt) if direct else self._colon_end(p, colon)
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
        closer = next((k for k, t in enumerate(p.tokens) if t.text in CLOSE_QUOTES - {'"', "'"}
                       and k not in p.quotes.values()), None)
        opener = next((k for k, t in enumerate(p.tokens) if t.text in OPEN_QUOTES - {'"', "'"}), None)
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

    # --- rule 1: verbal cues -----------------------------------------------------------------------

    def _verbal(self, p: _Paragraph, k: int, verb: Verb, cue_type: str, consumed: set[int]) -> None:
        tokens = p.tokens
        cue = (tokens[k].start, tokens[k].end)
        if cue_type == "participle" and not self._participle_cue(tokens, k):
            return  # "مصادر مؤكدة", "على مسافة مقدرة": an adjective or a noun, not a cue
        before = _word(tokens, k - 1)
        if before is not None and (before.isdigit() or before in self.words.numerals):
            return  # "600 ألف طالب": a noun after a number, not the verb
        post_marker = self._post_marker(tokens, k)
        if post_marker is None and _word(tokens, k - 1) in self.cues.relative:
            self._relative_report(p, k, verb, cue_type)
            return  # "التي أعلنت", "مما يشير": a relative clause, not a report of its own
        clause_start = self._clause_start(p, k - (len(post_marker) if post_marker else 0))
        if cue_type == "verb" and _word(tokens, k + 1) in self.words.that and clause_start[0]:
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
                while at < len(tokens) and tokens[at].text in _ASIDE | CLOSE_QUOTES:
                    at += 1
        if cue_type == "verb" and not verb.continuation and not self._quote_follows(p, k + 1):
            if not clause_start[0] and not clause_start[1]:
                preposed = self._preposed(p, k)
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
        j = subject.last if subject is not None else k + 1
        marker = self._content_start(p, j - 1) if subject is not None and subject.chunked else None
        via: list[DraftSource] = []
        source: DraftSource | None = None
        rule = "verb-subject"
        if subject is not None:
            if subject.plain and subject.kind == "organization" and fold_term(verb.lemma) in ("كتب", "اورد"):
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
            rule = "verb-preposed-subject"
        # where the content is
        found = self._content_marker(p, j, verb)
        if found is not None and _word(tokens, k - 1) in self.words.negations and not found[2] and (
                _word_at_pos(tokens, found[0]) not in self.words.complementizers):
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
        if subject is not None and subject.plain and not direct and not (clause_start[0] or clause_start[1]) and (
                _word_at_pos(tokens, start) not in self.words.complementizers) and self.view.text[start - 1:start] != ":":
            # a verb with its subject after it opens its clause; mid-clause, an unknown name and a bare
            # object ("… طالب حرموا من الدراسة") read as a noun, not a report
            return
        if source is None:
            in_document = is_pronoun(_word(tokens, k + 1) or "") and _word(tokens, k + 1) != "هو"
            if not (clause_start[0] or clause_start[1] or in_document or cue_type == "participle"):
                return  # "نشر تغريدة قال فيها: …" goes on: the writer speaks in what they wrote
            if cue_type == "verb" and self.cues.impersonal(tokens[k].text, verb):
                return  # "يتوقع أن", "يعتقد أن": nobody in particular
            nxt = _word(tokens, k + 1)
            if nxt is not None and nxt not in self.words.complementizers and nxt not in self.parser.stop and not in_document \
                    and nxt not in self.words.object_prepositions and (not verb.object or nxt.startswith("ال")):
                return  # an unknown subject ("وتظهر الصور …"): better nothing than a guess
            got = self._continued(p, k, clause_start[0])
            if got is None:
                return
            source, via = got
            rule = "verb-continuation"
        sibling = clause_start[1]
        self._add(p, source, via, cue, verb.lemma, cue_type, (start, end), direct, sibling, rule=rule)

    def _after_fronted(self, p: _Paragraph, k: int) -> bool:
        """True when all that comes before the cue in its sentence is a fronted adverbial and a comma
        ("وفي حديث لـ بي بي سي، قال …", "من جهته، أكد …", "وعام 2008، أعلنت …"): the cue opens the main clause."""
        tokens = p.tokens
        s0 = self._sentence_body_start(p, k)
        commas = [x for x in range(s0, k) if tokens[x].text in "،,"]
        if not commas or commas[-1] != k - 1 - sum(1 for x in range(commas[-1] + 1, k) if _word(tokens, x) in self.words.conjunctions):
            return False
        if any(self.cues.verb(t.text) is not None or t.text in self.words.complementizers for t in tokens[s0:k] if t.is_word):
            return False
        first = _word(tokens, s0) or ""
        return len(commas) == 1 and (first in self.words.fronted or self.cues.prep_word(first) or (first[:1] in "وف"
                                     and first[1:] in self.words.fronted) or any(ch.isdigit() for ch in first)
                                     or commas[0] - s0 <= 3)

    def _whole_subject(self, p: _Paragraph, i: int, parsed: Mention | None, *, guess: bool) -> Mention | None:
        """Rule ``verb-subject-to-content``: after a clause-initial cue, everything up to where the content
        starts (أن/إن, a colon, a quote) is the subject, less a trailing adverbial or addressee; this
        takes in appositions and names the grammar does not know ("كشف رئيس الاتحاد، فلان، أن …")."""
        marker = self._content_start(p, i)
        if marker is None:
            return parsed
        end = self._subject_end(p.tokens, i, marker)
        if parsed is not None and parsed.last >= end:
            return parsed
        if parsed is not None and not parsed.plain and _word(p.tokens, marker - 1) in self.words.object_prepositions | {"في"}:
            return parsed  # "جدد الناطق التأكيد على أن …": the object and its complement, not the subject
        m = self.parser.chunk(p.tokens, i, end, self.view, guess=guess)
        if m is None or (parsed is not None and (m.first, m.last) == (parsed.first, parsed.last)):
            return parsed
        m.head = m.head or (parsed.head if parsed is not None else "")
        m.chunked = True
        return m

    def _content_start(self, p: _Paragraph, i: int) -> int | None:
        """Token where the content of a cue whose subject starts at ``i`` begins, when only a subject
        phrase can stand between (no sentence end, no other cue verb)."""
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
                found = self.cues.verb(t.text)
                if found is not None and (found[1] == "verb" or self._participle_cue(p.tokens, m)):
                    return None  # another cue: "…، ذكرت رويترز، مشيرة إلى أن"
        return None

    def _participle_cue(self, tokens: list[Token], m: int) -> bool:
        """A participle is a cue after a comma or before its complement ("، مشيرا إلى", "مؤكدا أن");
        elsewhere it is an adjective or a noun ("مصادر مؤكدة", "مدينة الرياض")."""
        nxt = _word(tokens, m + 1)
        prev = _word(tokens, m - 1) or ""
        if prev.removeprefix("و") in self.words.kana or prev in ("من", "ومن"):
            return False  # "وكان لافتا أن …", "من المؤكد": a predicate, not a cue
        return (m > 0 and tokens[m - 1].text in "،,") or nxt in self.words.complementizers or nxt in self.words.object_prepositions or (
            m + 1 < len(tokens) and tokens[m + 1].text in OPEN_QUOTES | {":"})



    def _subject_end(self, tokens: list[Token], i: int, marker: int) -> int:
        """Where a subject phrase in ``[i, marker)`` ends: before an adverbial ("خلال", "في بيان", "أمس"),
        an addressee ("للصحفيين", "لـ«الأيام»") or a chain ("نقلا عن", "بحسب")."""
        parser = self.parser
        for x in range(i + 1, marker):
            w = _word(tokens, x)
            if w is None:
                continue
            if w in parser.subject_openers or (w[:1] == "و" and w[1:] in parser.subject_openers and len(w) > 3):
                if w == "لدي" and parser.gazetteer_at(tokens, x + 1, clitics=False) is not None:
                    continue  # "سفير فرنسا لدى بغداد"
                return x
            if w == "في" and _word(tokens, x + 1) in parser.after_fi:
                return x
            if w == "عن" and parser.parse(tokens, x + 1, self.view, plain=False) is not None:
                return x  # "نقلت الوكالة عن مصدر عسكري": a chain, not part of the subject
            if w in ("ل", "لـ") or (w.startswith("ل") and x + 1 < marker and tokens[x + 1].text in OPEN_QUOTES
                                       and x + 1 < len(tokens)):
                return x  # "لـ"الأيام"", "ل«الشرق»"
            if w.startswith("ل") and parser._phrase_in(tokens, x, parser.media, clitics=True):
                return x  # "لوكالة رويترز", "لقناة الجزيرة"
        return marker

    def _post_marker(self, tokens: list[Token], k: int) -> tuple[str, ...] | None:
        before = _word(tokens, k - 1)
        if before is None or (before not in self.cues.post_last and before[1:] not in self.cues.post_last):
            return None
        for marker in self.cues.post:
            n = len(marker)
            if all(_word(tokens, k - n + x) == marker[x] or (x == 0 and _word(tokens, k - n) == "و" + marker[0])
                   for x in range(n)):
                return marker
        return None

    def _clause_start(self, p: _Paragraph, k: int) -> tuple[bool, bool]:
        """(at the start of its sentence, right after a comma / conjunction mid-sentence)."""
        tokens = p.tokens
        j = k - 1
        subordinate = False
        while j >= 0 and (_word(tokens, j) in self.words.conjunctions or (_word(tokens, j) or "").removeprefix("و") in self.cues.auxiliaries
                          or _but_pronoun(_word(tokens, j), self.words) or _word(tokens, j) in self.words.in_turn):
            subordinate = subordinate or _word(tokens, j) in self.words.opens_clause
            j -= 1
        if j < 0 or p.sent_of[j] != p.sent_of[k] or tokens[j].text in _SENTENCE_END or tokens[j].text == ":":
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

    def _starts_content(self, tokens: list[Token], j: int) -> bool:
        w = _word(tokens, j)
        return w is not None and (w in self.words.complementizers)

    def _ends_clause(self, tokens: list[Token], j: int) -> bool:
        while j < len(tokens) and _word(tokens, j) in ("اليوم", "امس", "الخميس", "الجمعه"):
            j += 1
        if j >= len(tokens) or tokens[j].text in _CLAUSE_END:
            return True
        if _word(tokens, j) == "في" and _strip_suffix(_word(tokens, j + 1) or "", self.words) in (
                self.words.statement_nouns | self.parser.after_fi):
            k = j + 2  # "، قال الوزير في مؤتمر صحفي." : only an adverbial on the statement is left
            while k < len(tokens) and tokens[k].is_word and self.cues.verb(tokens[k].text) is None \
                    and tokens[k].text not in self.words.complementizers:
                k += 1
            return k >= len(tokens) or tokens[k].text in _CLAUSE_END
        found = self.cues.verb(tokens[j].text) if tokens[j].is_word else None
        return found is not None and found[1] == "participle"  # "…، ذكرت رويترز، مشيرة إلى"

    def _preposed(self, p: _Paragraph, k: int) -> Mention | None:
        """A subject written before its verb: "بغداد دعت", "الولايات المتحدة كانت تؤكد"."""
        tokens = p.tokens
        end = k
        while end > 0 and _word(tokens, end - 1) in self.cues.auxiliaries:
            end -= 1
        first = self._sentence_body_start(p, k)
        best = None
        for start in range(max(first, end - 8), end):
            if not tokens[start].is_word and tokens[start].text not in OPEN_QUOTES:
                continue
            before = _word(tokens, start - 1) or ""
            if start > first and tokens[start - 1].text not in "،,:" and tokens[start - 1].text not in OPEN_QUOTES \
                    and before not in self.words.conjunctions and before not in ("ان", "لكن", "بعض") \
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

    def _function_word(self, w: str | None) -> bool:
        """An auxiliary, particle, adverb or pronoun, with or without و/ف: "وقد", "ولم", "لكنه", "ولاحقا"."""
        if w is None:
            return False
        for form in (w, w[1:] if w[:1] in "وف" and len(w) > 2 else None):
            if form is not None and (form in self.cues.auxiliaries or form in self.parser.stop
                                     or form in self.parser.subject_openers or is_pronoun(form)
                                     or (form.startswith("لكن") and is_pronoun(form[3:] or "x"))):
                return True
        return False

    def _preposed_phrase(self, p: _Paragraph, k: int, end: int) -> Mention | None:
        """Rule ``verb-preposed-subject`` for subjects no grammar names: the whole stretch from the start of
        the sentence to the verb ("المندوبة الأميركية في مجلس الأمن سامنثا باور قالت إن …"), when the verb
        is followed by its content (أن/إن, a colon, a quote)."""
        tokens = p.tokens
        start = self._sentence_body_start(p, k)
        framed = _word(tokens, k - 1) == "قد" and (_word(tokens, start) or "").lstrip("و") in self.words.kana
        marker = self._content_start(p, k)
        after = next((x for x in range(k + 1, len(tokens)) if tokens[x].is_word or tokens[x].text in OPEN_QUOTES
                      or tokens[x].text == ":"), len(tokens))
        if not framed and (marker is None or (after < marker and self._subject_end(tokens, after - 1, marker) != after)):
            return None  # something stands between the verb and its content: "تقول رايس: …" is VSO
        # "وكانت الرئاسة العامة … قد أعلنت": كان … قد frames the subject, whatever follows the verb
        while start < end and (self._function_word(_word(tokens, start))
                               or _word(tokens, start) in self.cues.labels or not tokens[start].is_word):
            start += 1
        while end > start and (not tokens[end - 1].is_word or _word(tokens, end - 1) in self.cues.auxiliaries
                               or _word(tokens, end - 1) in self.parser.subject_openers):
            end -= 1
        first = _word(tokens, start)
        if first is None or end <= start or first in self.words.fronted or first in self.words.subordinate:
            return None
        if any(t.is_word and (t.text in self.words.complementizers or self.cues.verb(t.text) or t.text in self.cues.auxiliaries
                              or is_pronoun(t.text)) for t in tokens[start:end]):
            return None  # "وكان الكاتب قد نشر تغريدة": a clause of its own, not a subject
        m = self.parser.chunk(tokens, start, end, self.view)
        if m is not None:
            m.chunked = True
        return m

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
            if w.startswith("ل") and w not in ("لكن", "لم", "لن", "لا"):
                m = self.parser.parse(tokens, q, self.view, plain=False, clitic="ل")
                if m is not None and m.kind in ("media", "news_agency"):
                    via, j = [*via, self._source(p, m)], m.last
                    continue
            if w in self.words.according:
                m = self.parser.parse(tokens, q + 1, self.view, plain=False, clitic="ل" if w.endswith("ا") else "")
                if m is not None:
                    via, j = [*via, self._source(p, m)], m.last  # "قال الأمير بحسب صحيفة الشرق"
                    continue
            if w in ("الذي", "التي") and self._authored(_word(tokens, q + 1)):
                m = self.parser.parse(tokens, q + 2, self.view, plain=False)
                if m is not None:
                    via, j = [*via, self._source(p, m)], m.last  # "البيان الذي نقله التلفزيون الرسمي"
                    continue
            if w == "في" and _strip_suffix(_word(tokens, q + 1) or "", self.words) in self.words.statement_nouns:
                after = _word(tokens, q + 2)
                m = None
                if self._authored(after):
                    m = self.parser.parse(tokens, q + 3, self.view, plain=False)  # "في تصريح أوردته وكالة X"
                elif after == "مع":
                    m = self.parser.parse(tokens, q + 3, self.view, plain=False)  # "في مقابلة مع قناة X"
                elif after is not None and after.startswith("ل"):
                    m = self.parser.parse(tokens, q + 2, self.view, plain=False, clitic="ل")  # "في تصريح لصحيفة X"
                if m is not None and m.kind in ("media", "news_agency"):
                    via, j = [*via, self._source(p, m)], m.last
                    continue
                j = q + 2
                while _word(tokens, j) in self.words.statement_nouns:
                    j += 1  # "في مؤتمر صحفي", "في اتصال هاتفي"
                continue
            if w in ("نقلا", "عن"):
                k = q + (2 if w == "نقلا" and _word(tokens, q + 1) == "عن" else 1)
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

    def _relative_report(self, p: _Paragraph, k: int, verb: Verb, cue_type: str) -> None:
        """Rule ``relative-report``: "الأنباء التي تحدثت عن …", "التقارير التي تفيد بأن …": a report, a
        source or a document qualified by a relative clause whose verb reports speaks its content."""
        tokens = p.tokens
        rel = _word(tokens, k - 1)
        if cue_type != "verb" or rel not in ("التي", "الذي", "الذين") or k < 2:
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
        if found is None and _word(tokens, k + 1) in ("عن", "الي", "ب"):
            found = (tokens[k + 2].start, self._content_end(p, k + 1, self.cues.background), False) \
                if k + 2 < len(tokens) else None
        if found is None:
            return
        source, via = self._resolve(p, m)
        self._add(p, source, via, (tokens[k].start, tokens[k].end), verb.lemma, "verb", found[:2], found[2],
                  rule="relative-report")

    def _said_that(self, p: _Paragraph, k: int, verb: Verb, consumed: set[int]) -> None:
        """Rule ``verb-that-subject``: "أوضح ذلك رئيس المجلس X" and "صرح بذلك الوكيل X" name, after the
        fact, who said the sentence before (or the paragraph before, when the cue opens its paragraph)."""
        tokens = p.tokens
        m = self.parser.parse(tokens, k + 2, self.view, plain=True)
        if m is None:
            end = k + 2
            s = p.sent_of[k]
            while end < len(tokens) and p.sent_of[end] == s and tokens[end].text not in "،,:" \
                    and _word(tokens, end) not in ("الذي", "التي", "خلال", "في", "لدي", "عقب", "اثناء"):
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
        consumed.update(range(k, m.last))
        source, via = self._resolve(p, m)
        self._add(p, source, via, (tokens[k].start, tokens[k + 1].end), verb.lemma, "verb", content, False,
                  rule="verb-that-subject")

    def _quote_follows(self, p: _Paragraph, i: int) -> bool:
        """True when a quotation of more than a title opens at token ``i``: «وأضاف "النادي يمضي …"» has no
        subject of its own."""
        t = p.tokens[i] if i < len(p.tokens) else None
        return t is not None and t.text in OPEN_QUOTES and i in p.quotes and p.quotes[i] - i > 6

    def _addressee_before_subject(self, p: _Paragraph, i: int) -> Mention | None:
        """A medium addressed right after the verb, before its subject: "قال لـ«الشرق الأوسط»، الدكتور X"."""
        w = _word(p.tokens, i)
        if w is None or not w.startswith("ل"):
            return None
        m = self.parser.parse(p.tokens, i, self.view, plain=False, clitic="ل")
        if m is None or m.kind not in ("media", "news_agency"):
            return None
        after = m.last
        while after < len(p.tokens) and p.tokens[after].text in _ASIDE | CLOSE_QUOTES:
            after += 1
        nxt = _word(p.tokens, after)
        return m if nxt is not None and nxt not in self.words.complementizers and not is_pronoun(nxt) else None

    def _addressee(self, p: _Paragraph, k: int) -> bool:
        """True when the quote opened at token ``k`` is a short addressee: "ذكرت مصادر "للعربية.نت" أن"."""
        w = _word(p.tokens, k + 1)
        close = p.quotes.get(k, k)
        return w is not None and w.startswith("ل") and close - k <= 6 and (
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

    def _content_marker(self, p: _Paragraph, j: int, verb: Verb) -> tuple[int, int, bool] | None:
        """Find where the content starts after the subject (and intermediaries)."""
        tokens = p.tokens
        limit = min(len(tokens), j + 20)
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
            if t.text in OPEN_QUOTES and k in p.quotes and self._addressee(p, k):
                k = p.quotes[k] + 1
                continue
            if t.text in OPEN_QUOTES and k in p.quotes:
                close = p.quotes[k]
                if close - k > 3:
                    return t.end, p.quote_end(k), True
            if t.is_word:
                w = t.text
                if w in self.words.complementizers:
                    nxt = k + 1
                    if nxt < len(tokens) and tokens[nxt].text in OPEN_QUOTES and nxt in p.quotes \
                            and p.quotes[nxt] - nxt > 3 and self._quote_ends_sentence(p, nxt):
                        return tokens[nxt].end, p.quote_end(nxt), True
                    return t.start, self._content_end(p, k, self.cues.background), False  # a partial quote stays indirect
                if w == "في" and (skip := self._adverbial_end(p, k)) is not None:
                    k = skip
                    continue
                if verb.object and w in self.words.object_prepositions and _word(tokens, k + 1) is not None \
                        and _word(tokens, k + 1) not in self.words.complementizers:
                    return tokens[k + 1].start, self._content_end(p, k, self._object_breaks), False  # "دعا إلى …"
                if w in ("الذي", "التي", "الذين") and k == j:
                    # "وقال المصدر الذي طلب عدم ذكر اسمه إن …": a relative clause on the subject
                    resume = self._content_start(p, k)
                    if resume is not None:
                        k = resume
                        continue
                if first and w in self.cues.relative and w != "ما":
                    return None  # "، أفاد مسؤولون، مما يشير": the outlet's comment, not an object
                if first and verb.object and w not in self.parser.stop and not self.cues.verb(w):
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

    def _colon_end(self, p: _Paragraph, k: int) -> int:
        """Where unquoted content after a colon at token ``k`` ends: the end of the paragraph, or the start
        of a later sentence that opens with the outlet's own aside ("يذكر أن …", "ويشار إلى …")."""
        tokens = p.tokens
        s = p.sent_of[k]
        for x in range(k + 1, len(tokens)):
            if p.sent_of[x] != s and p.sent_of[x - 1] != p.sent_of[x]:
                w = _word(tokens, x)
                if w is not None and ((w,) in self.cues.background or (w[:1] == "و" and (w[1:],) in self.cues.background)):
                    return p.para.sentences[p.sent_of[x - 1]][1]
        return p.para.end

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

    @property
    def _object_breaks(self) -> frozenset[tuple[str, ...]]:
        return self.cues.background | self.cues.contrast

    def _content_end(self, p: _Paragraph, k: int, breaks: frozenset[tuple[str, ...]]) -> int:
        """The end of an indirect content starting at token ``k``: its sentence's end, or a comma that
        opens a clause of the outlet's own (``breaks``: "، حيث …", "، لكن …")."""
        s_end = p.sentence(k)[1]
        tokens = p.tokens
        for x in range(k + 1, len(tokens)):
            t = tokens[x]
            if t.start >= s_end:
                break
            if t.text in "،," and any(all(_word(tokens, x + 1 + n) == w for n, w in enumerate(b)) for b in breaks):
                return t.start
            nxt = _word(tokens, x + 1)
            if t.text in "،," and nxt is not None and nxt[:1] == "و" and (nxt[1:],) in breaks:
                return t.start  # "، وفيما يلي …"
        return s_end

    def _sentence_end(self, p: _Paragraph, k: int) -> int:
        return p.sentence(k)[1]

    def _clause_end(self, p: _Paragraph, k: int) -> int:
        s_end = p.sentence(k)[1]
        for t in p.tokens[k:]:
            if t.start >= s_end:
                break
            if t.text in _CLAUSE_END:
                return t.start
        return s_end

    def _continued(self, p: _Paragraph, k: int, sentence_initial: bool) -> tuple[DraftSource, list[DraftSource]] | None:
        """The speaker a subjectless cue continues."""
        s0 = p.first_token_of_sentence(k)
        same_sentence = [d for d in self.drafts if d.paragraph == p.index and p.tokens[s0].start <= d.cue[0] < p.tokens[k].start]
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
        while end > 0:
            start = p.first_token_of_sentence(end - 1)
            for i in range(start, min(end, start + SUBJECT_REACH)):
                if not tokens[i].is_word:
                    continue
                m = self.parser.parse(tokens, i, self.view, plain=False)
                if m is not None and not m.reference and m.kind in ("official", "person", "group", "government",
                                                                  "organization", "news_agency", "media"):
                    return m
            end = start
        return None

    def _sentence_subject(self, p: _Paragraph, s0: int, k: int) -> Mention | None:
        for i in range(s0, k):
            if not p.tokens[i].is_word:
                continue
            m = self.parser.parse(p.tokens, i, self.view, plain=False)
            if m is not None and m.kind in ("group", "government", "official", "organization", "unnamed_source",
                                            "news_agency", "media", "person") and not m.reference and not m.plain:
                return m
        return None

    # --- rule 2: prepositional cues ----------------------------------------------------------------

    def _prepositional(self, p: _Paragraph, k: int, n: int, prep: Preposition, consumed: set[int]) -> None:
        tokens = p.tokens
        j = k + n
        m = self.parser.parse(tokens, j, self.view, plain=False, clitic=prep.clitic)
        if m is None:
            m = self._what_said(p, j)
        if m is None and self.parser._phrase_in(tokens, j, self.parser.documents, clitics=bool(prep.clitic)):
            # "وبحسب المعطيات، …", "وفقا للأرقام، …": data with no owner named
            end = j + self.parser._phrase_in(tokens, j, self.parser.documents, clitics=bool(prep.clitic))
            name = self.view.original[slice(*self.view.span(tokens[j].start, tokens[end - 1].end))]
            m = Mention(j, end, name.lstrip("ل"), "unnamed_source", head=tokens[j].text)
        if m is None:
            return
        for x in range(k, m.last):
            consumed.add(x)
        source, via = self._resolve(p, m)
        end_tok = m.last
        # "لمصادر ذكرتها رويترز", "لمسؤولين غير مسميين ذكرتهم رويترز وسي إن إن"
        w = _word(tokens, end_tok)
        if w is not None and w.endswith(self.words.pronoun_suffixes) and any(
                self.cues.verb(w[: -len(s)]) for s in self.words.pronoun_suffixes if w.endswith(s)):
            outer: list[DraftSource] = []
            q = end_tok + 1
            while (mm := self.parser.parse(tokens, q, self.view, plain=False,
                                           clitic="و" if outer else "")) is not None:
                outer.append(self._source(p, mm))
                q = mm.last
            if outer:
                via = [*outer, *via]
                end_tok = q
        w = _word(tokens, end_tok)
        if w == "نقلا" or w == "عن":
            q = end_tok + (2 if w == "نقلا" else 1)
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

    def _what_said(self, p: _Paragraph, j: int) -> Mention | None:
        """The source of "بحسب ما ذكرته وكالة X", "وفقا لما نقلته صحيفة X", "حسب ما جاء في بيان الوزارة":
        ما, a reporting verb (with or without its object pronoun) or جاء في, then the source."""
        tokens = p.tokens
        w = _word(tokens, j)
        if w not in ("ما", "لما"):
            return None
        verb = _word(tokens, j + 1)
        if verb is None:
            return None
        if verb == "جاء" and _word(tokens, j + 2) == "في":
            at = j + 3
        elif self.cues.verb(verb) is not None or any(
                verb.endswith(sfx) and self.cues.verb(verb[: -len(sfx)]) for sfx in self.words.pronoun_suffixes):
            at = j + 2
        else:
            return None
        m = self.parser.parse(tokens, at, self.view, plain=True)
        if m is None:
            end = at
            s = p.sent_of[at] if at < len(tokens) else -1
            while end < len(tokens) and end - at < MAX_SUBJECT_TOKENS and p.sent_of[end] == s \
                    and tokens[end].text not in "،,:" and _word(tokens, end) not in ("عن", "فان", "فإن"):
                end += 1
            m = self.parser.chunk(tokens, at, end, self.view, guess=True)
        if m is not None:
            m.first = j
        return m

    # --- siblings and chains -----------------------------------------------------------------------

    def _truncate_siblings(self, first: int) -> None:
        """An indirect content stops where a sibling clause (", مضيفا …", "، ذكرت …") starts."""
        drafts = self.drafts[first:]
        for d in drafts:
            if d.direct:
                continue
            for other in drafts:
                if other is d or not other.sibling:
                    continue
                if d.content[0] < other.cue[0] < d.content[1]:
                    cut = self._comma_before(other.cue[0], d.content[0])
                    d.content = (d.content[0], cut)

    def _comma_before(self, pos: int, floor: int) -> int:
        text = self.view.text
        i = pos
        while i > floor and text[i - 1] not in "،,;":
            i -= 1
        return i - 1 if i > floor else pos

    def _chains(self) -> None:
        """An attribution inside another's content is reported through it."""
        order = sorted(range(len(self.drafts)), key=lambda i: -(self.drafts[i].content[1] - self.drafts[i].content[0]))
        for i in order:
            d = self.drafts[i]
            best = None
            for o in self.drafts:
                if o is d or o.paragraph != d.paragraph:
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


def _strip_suffix(w: str, words: GrammarWords) -> str:
    """``w`` without an object or possessive pronoun suffix ("نقلته" → "نقلت", "كلمته" → "كلمت")."""
    for suffix in sorted(words.pronoun_suffixes, key=len, reverse=True):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)]
            return stem[:-1] + "ه" if stem.endswith("ت") and suffix and stem[:-1] + "ه" in words.statement_nouns else stem
    return w


def _but_pronoun(w: str | None, words: GrammarWords) -> bool:
    """"لكنه", "ولكنها", "إلا أنه": a conjunction carrying the subject pronoun of the verb after it."""
    if w is None:
        return False
    w = w[1:] if w.startswith(("ول", "فل")) else w
    return w.startswith("لكن") and w[3:] in words.pronoun_suffixes


def attribute(view: Folded, paragraphs: list[Paragraph], lex: Lexicons) -> list[Draft]:
    """Every attribution of the page, in view coordinates."""
    return Attributor(view, lex).run(paragraphs)


_WORD_RE = regex.compile(r"[\p{L}\p{N}]+|[،,؛;:]")
_LABEL = regex.compile(r"\s*([\p{L}]+(?: [\p{L}]+){0,2})\s*:")
