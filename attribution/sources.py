"""Source phrases: who a cue's subject is.

`SourceParser` reads a source phrase word by word from a position in a tokenized paragraph of
the folded view: a gazetteer name (``lexicons/sources.toml``), a country or capital
(``lexicons/places.toml``, read as its government), an unnamed source ("ثلاثة مصادر", "مسؤول أمريكي
كبير"), a role phrase with or without a name ("وزير الخارجية العراقي فؤاد حسين"), a body, medium,
group or organization ("وزارة الخارجية العراقية", "فصائل عراقية مدعومة من إيران"), a bare reference
word that points back to an earlier speaker ("الوكالة", "المصادر"), or a plain personal name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

import attrs
import regex

from .lexicons import Lexicons, SourceEntry
from .morphology import (
    ARTICLE_ALEF,
    BA,
    CONJUNCTIONS,
    DEFINITE,
    DUAL,
    FEMININE,
    FEMININE_DUAL,
    FEMININE_PLURAL,
    FEMININE_T,
    LAM,
    LAM_DEFINITE,
    MASCULINE_PLURAL,
    NISBA,
    NISBA_ENDINGS,
    NISBA_INFLECTED,
    PREPOSITION_PERSON_SUFFIXES,
    PROCLITICS,
    TATWEEL,
    WA,
)
from .normalize import CLOSE_QUOTES, CLOSING, IGNORABLE, OPEN_QUOTES, OPENING, Folded, fold_term
from .words import GrammarWords, builtin_words, grammar_words

__all__ = ["MAX_SUBJECT_TOKENS", "Mention", "SourceParser", "Token", "is_pronoun", "tokenize"]

_TOKEN = re.compile(r"([^\W_]+)|[^\s\w]|_")  # words (letters, digits) and single other characters
_MARKS = regex.compile(f"[{IGNORABLE}]+")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    is_word: bool


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Words and single punctuation characters of ``text[start:end]`` (view coordinates)."""
    new = tuple.__new__  # C-level construction: this runs once per token of every paragraph
    return [new(Token, (m.start(), m.end(), m.group(), m.lastindex == 1))  # type: ignore[misc]
            for m in _TOKEN.finditer(text, start, end)]


@attrs.define
class Mention:
    """A parsed source phrase over tokens ``[first, last)``."""

    first: int
    last: int
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    reference: tuple[str, ...] = ()  # kinds an antecedent may have, for bare reference words
    head: str = ""
    plain: bool = False
    chunked: bool = False  # its end was found from where the content starts (SourceParser.chunk)
    shared: bool = False  # the subject of an earlier verb the cue is coordinated with ("التقى الوزير … وقال")


#: Words kept by `strip_clitics`: pure memoisation of a function of its word alone, bounded.
STRIP_CLITICS_CACHE = 65536


@lru_cache(maxsize=STRIP_CLITICS_CACHE)
def strip_clitics(word: str) -> list[str]:
    """``word`` and the forms left after removing proclitics (و ف ب ل ك; ل + ال → لل). Cached: do not
    mutate the returned list."""
    out = [word]
    for pre in PROCLITICS:
        if word.startswith(pre) and len(word) - len(pre) >= 2:
            rest = word[len(pre):]
            out.append(rest)
            if pre.endswith(LAM) and rest.startswith(LAM):
                out.append(ARTICLE_ALEF + rest)  # للحشد → الحشد
    return out


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _TOKEN.finditer(fold_term(phrase).lower()) if m.group()[0].isalnum())


def _inflect_adjective(adj: str) -> set[str]:
    """عراقي → عراقي، العراقي، عراقيه، العراقيه، عراقيون، عراقيين، العراقيون، العراقيين، عراقيان …"""
    base = fold_term(adj)
    forms = {base, *(base + ending for ending in (FEMININE, *MASCULINE_PLURAL, DUAL[0], FEMININE_DUAL[0]))}
    return forms | {DEFINITE + f for f in forms}


def _inflect_qualifier(word: str) -> set[str]:
    """مطلع → مطلع، مطلعه، مطلعان، مطلعين، مطلعون، مطلعتان، مطلعات (with and without ال)."""
    base = word[:-1] if word.endswith(FEMININE) else word
    forms = {word, base, *(base + ending for ending in (FEMININE, *DUAL, *MASCULINE_PLURAL, *FEMININE_DUAL,
                                                         FEMININE_PLURAL))}
    return forms | {DEFINITE + f for f in forms}


class SourceParser:
    """Parses source phrases with tables built once from the lexicons (`attribution.compiled.Compiled`
    holds one as ``parser``); ``word_classes`` are the lexicons' grammar words when already built."""

    def __init__(self, lex: Lexicons, word_classes: GrammarWords | None = None) -> None:
        p = lex.patterns
        gazetteer: dict[str, list[tuple[tuple[str, ...], SourceEntry]]] = {}
        for entry in lex.sources:
            for form in (entry.name, *entry.aliases):
                words = _words(form)
                if words:
                    gazetteer.setdefault(words[0], []).append((words, entry))
        for place in lex.places:
            entry = SourceEntry(place.name, "government", tuple(a for a in (place.en, place.capital, *place.aliases) if a))
            for form in (place.name, place.capital, *place.aliases):
                words = _words(form) if form else ()
                if (words and words[0] not in gazetteer) or (words and not any(w == words for w, _ in gazetteer.get(words[0], []))):
                    gazetteer.setdefault(words[0], []).append((words, entry))
        for options in gazetteer.values():
            options.sort(key=lambda item: -len(item[0]))
        # the same entries by their first two words (names of one word under the first alone), so that a
        # common first word («وزارة», «الرئيس») does not mean trying every name that starts with it
        self._gazetteer2: dict[tuple[str, str], list[tuple[tuple[str, ...], SourceEntry]]] = {}
        self._gazetteer1: dict[str, list[tuple[tuple[str, ...], SourceEntry]]] = {}
        for first, options in gazetteer.items():
            for words, entry in options:  # longest first, kept in each list
                if len(words) > 1:
                    self._gazetteer2.setdefault((first, words[1]), []).append((words, entry))
                else:
                    self._gazetteer1.setdefault(first, []).append((words, entry))
        self.place_names = frozenset(place.name for place in lex.places)
        self.adjectives: set[str] = set()
        for place in lex.places:
            for adj in place.adjectives:
                self.adjectives |= _inflect_adjective(adj)

        def table(section: str, key: str = "heads") -> frozenset[str]:
            return frozenset(fold_term(w) for w in p.get(section, {}).get(key, []))

        self.unnamed = table("unnamed")
        #: after a quantifier the head is a genitive: «عدد من المواطنين», «أحد العاملين»
        self.quantified = _with_plural_cases(self.unnamed)
        self.qualifiers = frozenset(
            f for q in table("unnamed", "qualifiers") for f in ({q} if " " in q else _inflect_qualifier(q)))
        self.quantifiers = table("unnamed", "quantifiers")
        self.roles = table("roles")
        self.complements = table("roles", "complements")
        self.titles = table("roles", "titles")
        self.title_forms = frozenset(c + t for t in self.titles for c in ("", *PROCLITICS))  # «ومعالي», «لسمو»
        self.honorifics = table("roles", "honorifics")
        self.bodies = _with_duals(table("bodies"))
        self.media = _with_duals(table("media"))
        self.agency_heads = table("media", "agency_heads")
        self.groups = _with_duals(table("groups"))
        self.organizations = _with_duals(table("organizations"))
        self.words = word_classes if word_classes is not None else grammar_words(lex)
        suffixes = self.words.pronoun_suffixes
        #: A verbal noun with a possessive pronoun («إصابتها», «زيارته», «كلمتهم»): never part of a name.
        self._masdar_owned = re.compile(f"..{FEMININE_T}(?:{_alternatives(suffixes)})$")
        #: A noun with a possessive pronoun: a masdar in ت, or a word of five letters or more in a suffix of
        #: two letters or more («ها», «هما») (short names such as «مها» or «أدهم» end the same way).
        self._owned = re.compile(self._masdar_owned.pattern
                                 + f"|...(?:{_alternatives(s for s in suffixes if len(s) > 1)})$")
        # portfolios that name their ministry on their own ("الخارجية", "الصحة"): the complements that also
        # follow "وزارة" in the source gazetteer or the body heads
        self.bodies_by_portfolio = frozenset(
            w for w in table("roles", "complements") if w.startswith(DEFINITE) and any(
                fold_term(e.name).startswith(f"{self.words.ministry} {w}") for e in lex.sources if e.kind == "government")
        ) | {w for w in table("bodies") if w.startswith(DEFINITE) and " " not in w and w in table("roles", "complements")}
        self.people = table("people")
        self.documents = table("documents")
        self.subject_openers = table("subject_end", "openers")
        self.after_fi = table("subject_end", "after_fi")
        self.stop = table("stop", "words")
        self.references: dict[str, tuple[str, ...]] = {}
        self.reference_match: dict[str, tuple[str, ...]] = {}
        for ref in p.get("reference", []):
            for w in ref.get("words", []):
                self.references[fold_term(w)] = tuple(ref.get("kinds", []))
                self.reference_match[fold_term(w)] = tuple(fold_term(x) for x in ref.get("match", []))
        self.heads: list[tuple[frozenset[str], str]] = [
            (self.roles, "official"), (self.unnamed, "unnamed_source"), (self.bodies, "government"),
            (self.media, "media"), (self.groups, "group"), (self.organizations, "organization"),
            (self.people, "person"),
        ]
        self.max_head = max((len(h.split()) for table, _ in self.heads for h in table), default=1)
        # every head phrase by its first word: (length in words, rank of its table, kind, phrase), so one
        # look-up finds the longest head at a position, the earlier table winning a tie
        self._head_index: dict[str, list[tuple[int, int, str, str]]] = {}
        for rank, (head_table, kind) in enumerate(self.heads):
            for phrase in head_table:
                parts = phrase.split()
                self._head_index.setdefault(parts[0], []).append((len(parts), rank, kind, phrase))
        for entries in self._head_index.values():
            entries.sort(key=lambda e: (-e[0], e[1]))
        self.verb_forms: frozenset[str] = frozenset(
            fold_term(f) for v in lex.verbs for f in (*v.forms, *v.participles))
        # every word table of the parser by its first words (first word -> phrase lengths, longest first),
        # built here once: `_phrase_in` reads it and nothing writes it after
        self._firsts: dict[frozenset[str], dict[str, tuple[int, ...]]] = {
            table: _first_words(table) for table in vars(self).values()
            if isinstance(table, frozenset) and all(isinstance(w, str) for w in table)}

    # --- helpers -----------------------------------------------------------------------------------

    @staticmethod
    def _word_at(tokens: list[Token], i: int) -> str | None:
        if 0 <= i < len(tokens) and tokens[i].is_word:
            return tokens[i].text
        return None

    def _phrase_in(self, tokens: list[Token], i: int, words: frozenset[str], clitics: bool = False) -> int:
        """Length (in tokens) of the longest phrase of ``words`` starting at ``i``, or 0."""
        first = self._word_at(tokens, i)
        if first is None:
            return 0
        index = self._firsts.get(words)
        if index is None:
            index = _first_words(words)  # a table not of this parser's: indexed for this call only
        best = 0
        for form in strip_clitics(first) if clitics else (first,):
            for n in index.get(form, ()):
                if n <= best:
                    break
                if n == 1:
                    best = 1
                    break
                rest = [self._word_at(tokens, i + k) for k in range(1, n)]
                if None not in rest and " ".join([form, *rest]) in words:  # type: ignore[list-item]
                    best = n
                    break
        return best

    def _head_at(self, tokens: list[Token], i: int) -> tuple[int, str]:
        """The longest role, source, body, media, group, organisation or person head starting at token
        ``i`` (proclitics allowed) and its kind; ``(0, "")`` when there is none."""
        first = self._word_at(tokens, i)
        if first is None:
            return 0, ""
        best: tuple[int, int, str] = (0, 0, "")
        for form in strip_clitics(first):
            for n, rank, kind, phrase in self._head_index.get(form, ()):
                if n < best[0] or (n == best[0] and rank >= best[1] and best[0]):
                    continue
                if n == 1:
                    best = (1, rank, kind)
                    continue
                rest = [self._word_at(tokens, i + k) for k in range(1, n)]
                if None not in rest and " ".join([form, *rest]) == phrase:  # type: ignore[list-item]
                    best = (n, rank, kind)
        return best[0], best[2]

    def gazetteer_at(self, tokens: list[Token], i: int, clitics: bool = True) -> tuple[int, SourceEntry] | None:
        first = self._word_at(tokens, i)
        if first is None:
            return None
        j = i + 1
        while j < len(tokens) and not tokens[j].is_word and tokens[j].text in "-'":
            j += 1
        second = self._word_at(tokens, j)
        for form in strip_clitics(first) if clitics else [first]:
            if second is not None:
                for words, entry in self._gazetteer2.get((form, second), ()):
                    if len(words) == 2 or self._match_words(tokens, i, words):
                        return self._span_len(tokens, i, len(words)), entry
            for _words, entry in self._gazetteer1.get(form, ()):
                return self._span_len(tokens, i, 1), entry
        return None

    def _match_words(self, tokens: list[Token], i: int, words: tuple[str, ...]) -> bool:
        j = i + 1
        for w in words[1:]:
            while j < len(tokens) and not tokens[j].is_word and tokens[j].text in "-'":
                j += 1
            if self._word_at(tokens, j) != w:
                return False
            j += 1
        return True

    def _span_len(self, tokens: list[Token], i: int, nwords: int) -> int:
        j, seen = i, 0
        while j < len(tokens) and seen < nwords:
            if tokens[j].is_word:
                seen += 1
            j += 1
        return j - i

    @staticmethod
    def _text(tokens: list[Token], a: int, b: int, view: Folded) -> str:
        """The original text of tokens ``[a, b)``, without tashkeel or tatweel."""
        if b <= a:
            return ""
        s, e = view.span(tokens[a].start, tokens[b - 1].end)
        return _MARKS.sub("", view.original[s:e])

    # --- parsing -----------------------------------------------------------------------------------

    def parse(self, tokens: list[Token], i: int, view: Folded, *, plain: bool = True,
              clitic: str = "") -> Mention | None:
        """The source phrase starting at token ``i`` (skipping an opening quote), or ``None``."""
        start = i
        quoted = False
        if clitic and self._word_at(tokens, i) == clitic:
            i += 1  # "لـ" written apart
        while i < len(tokens) and tokens[i].text in OPEN_QUOTES:
            i += 1
            quoted = True
        if i >= len(tokens) or not tokens[i].is_word or is_pronoun(tokens[i].text) or tokens[i].text.isdigit():
            return None  # "قال فيها", "وأضاف له", "2024": a pronoun or a number is never a source
        m = self._parse_at(tokens, i, view, plain=plain or quoted, clitic=clitic)
        if quoted and (m is None or m.plain):
            close = next((k for k in range(i, min(i + 8, len(tokens))) if tokens[k].text in CLOSE_QUOTES), None)
            if close is not None and close > i:
                name = _strip_clitic_text(self._text(tokens, i, close, view))
                m = Mention(i, close, name, "organization", plain=True, head=tokens[close - 1].text)
        if m is None:
            return None
        if quoted and m.last < len(tokens) and tokens[m.last].text in CLOSE_QUOTES:
            m.last += 1
        m.first = start if tokens[start].text in OPEN_QUOTES or clitic else m.first
        if clitic and not m.aliases and m.name.startswith(clitic) and tokens[i].text.startswith(clitic) \
                and not self._known_start(tokens, i):
            m.name = m.name[len(clitic):].lstrip(TATWEEL)
        return m

    def _parse_at(self, tokens: list[Token], i: int, view: Folded, *, plain: bool, clitic: str) -> Mention | None:
        word = tokens[i].text
        # quantifier + unnamed head: "ثلاثة مصادر", "بعض المسؤولين"
        q = self._phrase_in(tokens, i, self.quantifiers, clitics=bool(clitic))
        if q and self._phrase_in(tokens, i + q, self.quantified):
            return self._unnamed(tokens, i, i + q, view)
        honorific = 1 if word in self.title_forms and not word.startswith(DEFINITE) else \
            self._phrase_in(tokens, i, self.honorifics, clitics=True)
        if honorific:
            more, kind = self._head_at(tokens, i + honorific)
            m = None
            if more and kind == "official":
                # "معالي وزير العدل …", "سمو أمير المنطقة …", "صاحب السمو الملكي الأمير …": an honorific, then the role
                m = self._role(tokens, i + honorific, more, view)
            elif honorific > 1 and self._word_at(tokens, i + honorific) in self.titles:
                m = self._parse_at(tokens, i + honorific, view, plain=plain, clitic="")  # "صاحب السماحة الشيخ …"
            if m is not None:
                m.first = i
                return m
        hit = self.gazetteer_at(tokens, i, clitics=True)
        # a role, body or media head takes precedence over a gazetteer name it contains
        head_len, head_kind = self._head_at(tokens, i)
        if hit is not None and hit[0] >= head_len:
            n, entry = hit
            end = self._absorb_adjectives(tokens, i + n)
            return Mention(i, end, entry.name, entry.kind, entry.aliases, head=entry.name)
        if head_len:
            head = self._unclitic(" ".join(t.text for t in tokens[i:i + head_len]))
            if head_kind != "official" and head in self.references and self._bare(tokens, i + head_len):
                return Mention(i, i + head_len, self._text(tokens, i, i + head_len, view), self.references[head][0],
                               reference=self.references[head], head=head)
            if head_kind == "unnamed_source":
                return self._unnamed(tokens, i, i, view)
            if head_kind == "official":
                return self._role(tokens, i, head_len, view)
            if head_kind == "person":  # "الباحث الفلكي X": a role phrase of someone who holds no office
                m = self._role(tokens, i, head_len, view)
                if m.kind == "official":
                    m.kind = "person"
                return m
            if head_kind == "media":
                return self._medium(tokens, i, head_len, view, head)
            return self._body(tokens, i, head_len, view, head_kind, head)
        doc = self._phrase_in(tokens, i, self.documents, clitics=True)
        if doc:
            return self._document(tokens, i, doc, view)
        ref = self._unclitic(word)
        if ref in self.references and self._bare(tokens, i + 1):
            return Mention(i, i + 1, self._text(tokens, i, i + 1, view), self.references[ref][0],
                           reference=self.references[ref], head=ref)
        if not plain:
            return None
        return self._plain(tokens, i, view)

    def chunk(self, tokens: list[Token], i: int, e: int, view: Folded, *, guess: bool = True) -> Mention | None:
        """The source phrase known to span tokens ``[i, e)``: a subject whose end was found from where
        its content starts ("كشف رئيس الاتحاد، فلان الفلاني، أن …"). The grammar of `parse` names
        and types it when it can; otherwise a document ("بيانات الوزارة") speaks for its owner, a phrase
        holding a role is an official and anything else a person (only when ``guess``: the cue opens its
        sentence). A stretch holding a pronoun ("نتيجة فحص له") is not a subject."""
        while e > i and ((not tokens[e - 1].is_word and tokens[e - 1].text not in CLOSE_QUOTES)
                         or (e - 1 > i and tokens[e - 1].text in self.words.object_prepositions)):
            e -= 1  # … and the verb's preposition before its content: «وأشارت النشرة إلى أن …»
        first = self._word_at(tokens, i)
        if e <= i or (first is not None and (first in self.stop or is_pronoun(first) or first in self.subject_openers
                                              or first in self.verb_forms or (first[:1] in CONJUNCTIONS and first[1:] in self.verb_forms)
                                              or first in self.words.non_speakers)):
            return None  # a cue word ("قائلا", "فقال") or an adverbial never opens a subject
        if all(t.text.isdigit() for t in tokens[i:e] if t.is_word):
            return None
        if e - i > MAX_SUBJECT_TOKENS or any(t.is_word and is_pronoun(t.text) for t in tokens[i:e]):
            return None
        text = _strip_clitic_text(self._text(tokens, i, e, view))
        parts = tuple(x.strip(" -–—()") for x in _APPOSITION.split(text) if x.strip(" -–—()"))
        if not parts:
            return None
        m = self.parse(tokens, i, view, plain=True)
        if m is not None and m.last >= e:
            return m
        doc = self._phrase_in(tokens, i, self.documents, clitics=True)
        if doc and (m is None or m.kind not in ("news_agency", "media")):
            owner = self.parse(tokens, i + doc, view, plain=False) if i + doc < e else None
            if owner is not None and not owner.reference:
                return Mention(i, e, owner.name, owner.kind, (*owner.aliases, text), head=owner.head)
            if m is not None and m.reference:
                m.last = e  # "البيان": the statement of the speaker before
                return m
            return Mention(i, e, text, "unnamed_source", head=self._unclitic(tokens[i].text))
        if m is not None and not m.plain:
            if m.last < e:
                named = next((n for n in map(self._untitled, parts[1:]) if self._looks_like_name(n)), None)
                if named is not None and m.kind in ("official", "unnamed_source", "person") and (
                        m.head in self.roles or m.head in self.people or m.head.split(" ", 1)[0] in self.roles):
                    # "رئيس النقابة، سالم العبيدي،": the role's holder is named in apposition
                    m.kind = "person" if m.head in self.people else "official"
                    m.aliases = tuple(dict.fromkeys((*m.aliases, *(x for x in parts if x != named))))
                    m.name = named
                else:
                    m.aliases = tuple(dict.fromkeys((*m.aliases, *parts)))
                m.last = e
            return m
        if not guess:
            return m
        if first is not None and first.startswith(DEFINITE) and first in self.complements and first in self.bodies_by_portfolio:
            # "وكانت الصحة الفلسطينية أعلنت …": a ministry named by its portfolio
            return Mention(i, e, text, "government", head=first)
        kind = "person"
        for x in range(i, e):
            if self._phrase_in(tokens, x, self.roles, clitics=True):
                kind = "official"  # "فلان الفلاني رئيس الاتحاد"
                before = _strip_clitic_text(self._text(tokens, i, x, view))
                if len(parts) == 1 and " " in before and self._looks_like_name(before):
                    # "ناصر العلي المتحدث باسم الوزارة" with no comma: the name (of two words at least, so
                    # not a particle or a quantifier: "أما", "أحد"), and its role in apposition
                    parts = (before, _strip_clitic_text(self._text(tokens, x, e, view)))
                break
        name = next((x for x in parts if self._looks_like_name(x)), parts[0]) if kind == "official" else parts[0]
        return Mention(i, e, name, kind, tuple(x for x in parts if x != name) or (), head=tokens[i].text)

    def _document(self, tokens: list[Token], i: int, n: int, view: Folded) -> Mention | None:
        """A document or data that speaks: its owner when it names one ("بيانات وزارة العمل", "دراسة
        أجرتها جامعة X"), else an unnamed source ("دراسة حديثة"). A bare definite one ("البيان") is left
        to the reference words."""
        head = self._unclitic(" ".join(t.text for t in tokens[i:i + n]))
        j = self._modifiers(tokens, i + n, places=False)
        while (a := self._word_at(tokens, j)) is not None and a.startswith(DEFINITE) and a.endswith(NISBA_ENDINGS) \
                and len(a) > 5 and a not in self.stop and head.startswith(DEFINITE):
            j += 1  # "النشرة الشهرية", "الدراسة الميدانية"
        owner_at = j
        w = self._word_at(tokens, j)
        if w in self.words.singular_relatives and self._word_at(tokens, j + 1) is not None:
            j += 1  # "النشرة التي يصدرها البنك": the relative clause names who issues it
            w = self._word_at(tokens, j)
        stem = next((w[: -len(s)] for s in self.words.pronoun_suffixes
                     if w is not None and w.endswith(s) and len(w) - len(s) >= 2), None)
        if stem is not None and (stem in self.words.issuing if j > owner_at else (
                stem in self.verb_forms or stem in self.words.authoring)):
            owner_at = j + 1  # "دراسة أجرتها جامعة X", "تقرير ذكره موقع X", "النشرة التي يصدرها البنك"
        elif j > owner_at:
            j = owner_at  # a relative clause that does not name an author
        elif w in self.words.document_owner_prepositions:
            owner_at = j + 1  # "الأرقام الرسمية في وزارة X", "بيان عن الرئاسة"
        elif w in self.words.issued and self._word_at(tokens, j + 1) in self.words.issued_by:
            owner_at = j + 2  # "بيان صادر عن الوزارة"
        owner = self.parse(tokens, owner_at, view, plain=False) if owner_at < len(tokens) else None
        if owner is not None and (not owner.reference or owner.kind == "official") and (
                owner.kind != "unnamed_source" or owner_at > j):
            # "رسالة القائد": a definite role owns the document even when it points back to someone
            name = _strip_clitic_text(self._text(tokens, i, owner.last, view))
            return Mention(i, owner.last, owner.name, owner.kind, (*owner.aliases, name), owner.reference, head=head)
        if head in self.references and j == i + n:
            return None
        if head.startswith(DEFINITE) and j == i + n:
            return None  # "النتائج", "الأرقام": what they refer to is not known
        name = _strip_clitic_text(self._text(tokens, i, j, view))
        return Mention(i, j, name, "unnamed_source", head=head)

    def _looks_like_name(self, phrase: str) -> bool:
        """True for a short phrase that can be a personal name: one to four words, none a head word, the
        first not definite ("سالم العبيدي", not "المدير العام")."""
        words = [fold_term(w) for w in phrase.split()]
        return 0 < len(words) <= 4 and not words[0].startswith(DEFINITE) and not any(
            w in self.stop or w in self.roles or w in self.people or w in self.bodies or w in self.documents
            for w in words)

    def _untitled(self, phrase: str) -> str:
        """``phrase`` without the titles before a name ("المهندس سالم العبيدي" → "سالم العبيدي")."""
        words = phrase.split()
        while len(words) > 1 and (fold_term(words[0]) in self.titles or fold_term(words[0]) in self.people):
            words = words[1:]
        return " ".join(words)

    def _title_word(self, tokens: list[Token], j: int) -> bool:
        """A definite word that can be part of a publication's title: not a stop word, a head, an
        adjective of a place or a nisba ("الأيام", "الشرق", not "البريطانية")."""
        w = self._word_at(tokens, j)
        return w is not None and w.startswith(DEFINITE) and len(w) > 3 and not (
            w in self.stop or w in self.adjectives or w in self.complements or w in self.qualifiers
            or w.endswith(NISBA_INFLECTED) or any(w in table for table, _ in self.heads) or w in self.verb_forms)

    def _known_start(self, tokens: list[Token], i: int) -> bool:
        return self.gazetteer_at(tokens, i, clitics=False) is not None

    def _unclitic(self, phrase: str) -> str:
        first, _, rest = phrase.partition(" ")
        for form in strip_clitics(first):
            cand = f"{form} {rest}".strip()
            if any(cand in table for table, _ in self.heads) or cand in self.references:
                return cand
        return phrase

    def _bare(self, tokens: list[Token], j: int) -> bool:
        """True when nothing that modifies a head follows position ``j``."""
        w = self._word_at(tokens, j)
        if w is None:
            return True
        if w in self.words.placing_prepositions and self._modifiers(tokens, j, limit=1) > j:
            return False  # "المسؤول في إدارة الطوارئ": placed in a body or a place
        return not (w in self.adjectives or w in self.qualifiers or w in self.complements or w == self.words.particle_on_behalf_of
                    or (w.startswith(DEFINITE) and w.endswith(NISBA_ENDINGS) and len(w) > 5 and w not in self.stop)
                    or (self.gazetteer_at(tokens, j, clitics=False) is not None and w not in self.stop))

    def _place_end(self, tokens: list[Token], j: int) -> int:
        """The end of a place's name at ``j``: its nationality adjectives and one definite feminine adjective
        that agrees with it («مكة المكرمة», «المدينة المنورة»), not a title or role that follows
        («منطقة تبوك العقيد …»)."""
        j = self._absorb_adjectives(tokens, j)
        w = self._word_at(tokens, j)
        if w is not None and w.startswith(DEFINITE) and w.endswith(FEMININE) and len(w) > 4 and w not in self.stop \
                and w not in self.titles and w not in self.roles and w not in self.bodies and not self._head_at(tokens, j)[0]:
            j += 1
        return j

    def _absorb_adjectives(self, tokens: list[Token], j: int) -> int:
        while (w := self._word_at(tokens, j)) is not None and (w in self.adjectives):
            j += 1
        return j

    def _modifiers(self, tokens: list[Token], j: int, *, places: bool = True, limit: int = 8) -> int:
        """Extend over qualifiers, nationality adjectives and phrases like "في بغداد", "باسم X"."""
        steps = 0
        while steps < limit:
            steps += 1
            w = self._word_at(tokens, j)
            if w is None:
                break
            if w in self.qualifiers or w in self.adjectives:
                j += 1
                continue
            n = self._phrase_in(tokens, j, self.qualifiers)
            if n > 1:
                j += n
                continue
            if w in self.words.qualifier_negations and self._word_at(tokens, j + 1):
                j += 2
                continue
            if places and w in self.words.body_prepositions and (
                    g := self.gazetteer_at(tokens, j + 1, clitics=False)) is not None and g[1].kind in (
                    "government", "organization"):
                j = self._absorb_adjectives(tokens, j + 1 + g[0])
                continue
            if places and w in self.words.place_prepositions and self._word_at(tokens, j + 1) in self.words.place_heads and \
                    self._word_at(tokens, j + 2) is not None:
                j = self._place_end(tokens, j + 3)  # "في ولاية كيرالا", "في محافظة الجيزة"
                continue
            if places and w[:1] == BA and w[1:] in self.words.place_heads and self._word_at(tokens, j + 1) is not None:
                j = self._place_end(tokens, j + 2)  # "بمحافظة الأنبار", "بمنطقة الرياض"
                continue
            if places and w[:1] == BA and (w[1:] in self.bodies or w[1:] in self.organizations) \
                    and w not in self.words.headed_by and self._word_at(tokens, j + 1) is not None:
                j = self._body_extent(tokens, j + 1)  # "مصدر بوزارة الداخلية", "الناطق بقيادة حرس الحدود"
                continue
            if places and w in self.words.body_head_prepositions and self._phrase_in(tokens, j + 1, self.bodies):
                n = self._phrase_in(tokens, j + 1, self.bodies)
                j = self._body_extent(tokens, j + 1 + n)
                continue
            if w.startswith(self.words.allegiance):  # "مدعومة من إيران", "موالية لإيران"
                k = j + 1
                if self._word_at(tokens, k) in self.words.allegiance_prepositions:
                    k += 1
                if self._word_at(tokens, k) is not None:
                    j = self._absorb_adjectives(tokens, k + 1)
                    continue
            if w.startswith(LAM) and (g := self.gazetteer_at(tokens, j, clitics=True)) and w[1:] and g[1].kind == "government" and self._prev_is_participle(tokens, j):
                j += g[0]
                continue
            if w in self.words.armed:
                j += 1
                continue
            break
        return j

    def _prev_is_participle(self, tokens: list[Token], j: int) -> bool:
        prev = tokens[j - 1].text if j > 0 else ""
        return prev.startswith(self.words.allegiance)

    def _unnamed(self, tokens: list[Token], first: int, head_at: int, view: Folded) -> Mention:
        n = self._phrase_in(tokens, head_at, self.quantified if head_at > first else self.unnamed, clitics=True)
        j = self._modifiers(tokens, head_at + n)
        # "متحدث باسم وزارة الخارجية الأمريكية"
        if self._word_at(tokens, j) == self.words.particle_on_behalf_of:
            j = self._named_for(tokens, j + 1)
        # "… ومسؤول دفاعي": a coordinated second unnamed source
        w = self._word_at(tokens, j)
        if w and w.startswith(WA) and w[1:] in (self.quantified if head_at > first else self.unnamed):
            j = self._modifiers(tokens, j + 1)  # «عدد من المواطنين والمراقبين»
        head = self._unclitic(tokens[head_at].text)
        name = self._text(tokens, first, j, view)
        if head.startswith(DEFINITE) and first == head_at:
            end = self._name_extent(tokens, j, 4, view)
            if end > j and self._plain(tokens, j, view) is not None:
                # "المسؤول في إدارة الدفاع المدني راجيف كومار": a definite head with a name is an official
                return Mention(first, end, self._text(tokens, j, end, view), "official",
                               (_strip_clitic_text(name),), head=head)
        if first == head_at and head in self.words.definite_officials:
            return Mention(first, j, _strip_clitic_text(name), "official", head=head)  # "المسؤول الفلسطيني"
        return Mention(first, j, _strip_clitic_text(name), "unnamed_source", head=head)

    def _named_for(self, tokens: list[Token], j: int) -> int:
        """After «باسم»: the body, group or gazetteer name it speaks for."""
        g = self.gazetteer_at(tokens, j, clitics=False)
        if g is not None:
            return self._absorb_adjectives(tokens, j + g[0])
        for table in (self.bodies, self.groups, self.organizations, self.media):
            n = self._phrase_in(tokens, j, table)
            if n:
                return self._body_extent(tokens, j + n)
        return j + 1 if self._word_at(tokens, j) else j

    def _body_extent(self, tokens: list[Token], j: int) -> int:
        """Complements, adjectives and coordinated complements after a body head, and the construct
        chain of an indefinite one ("شرطة محافظة الجيزة", "إدارة سجون منطقة تبوك", "بلدية صيدا")."""
        chain = False  # the word before was taken as the genitive of an indefinite head: the chain goes on
        named = False  # an organisation's one-word name was just taken: a definite genitive may close it
        while (w := self._word_at(tokens, j)) is not None:
            if named and w.startswith((DEFINITE, LAM_DEFINITE)) and w not in self.stop and w not in self.adjectives:
                # "لجنة تجار المواشي", "مؤسسة X للثقافة والفنون": the name's own genitive and what it coordinates
                j += 1
                while (v := self._word_at(tokens, j)) is not None and v.startswith(WA + DEFINITE) and v[1:] not in self.stop:
                    j += 1
                named = False
                continue
            named = False
            if w in self.bodies and w.startswith(DEFINITE) and j > 0 and tokens[j - 1].text.startswith(DEFINITE):
                break  # "المعارض الحكومة": a definite word takes no genitive; the body is the verb's object
            if w in self.complements or w in self.adjectives or w in self.qualifiers or (w.startswith(WA) and (w[1:] in self.complements or (w[1:].startswith(DEFINITE) and j > 0
                                         and tokens[j - 1].text in self.complements and w[1:] not in self.stop))):
                j += 1
            elif w.startswith((DEFINITE, LAM_DEFINITE)) and w not in self.stop and w not in self.adjectives and j > 0 and (
                    self._unclitic(tokens[j - 1].text) in self.words.genitive_heads
                    or (tokens[j - 1].text in self.complements
                        and not (w.startswith(DEFINITE) and tokens[j - 1].text.startswith(DEFINITE)))
                    or (chain and w.startswith(DEFINITE))):
                # "وزارة التربية", "وزير الخارجية", "إدارة شؤون المعلمين", "المديرية العامة للجوازات"; a
                # definite complement takes no definite genitive: «أدانت وزارة الخارجية الهجوم …», the object
                j += 1
                chain = False
            elif w.startswith(DEFINITE) and w.endswith(NISBA_ENDINGS) and len(w) > 5 and j > 0 and tokens[j - 1].text.startswith(
                    DEFINITE) and w not in self.stop and w not in self.verb_forms:
                j += 1  # "الجمعية العمومية", "المنظمة الدولية": a nisba adjective agreeing with a definite head
            elif w.startswith(WA + DEFINITE) and j > 0 and tokens[j - 1].text.startswith(DEFINITE) and w[1:] not in self.stop \
                    and w[1:] not in self.adjectives and j >= 2 and (
                        tokens[j - 2].text in self.words.genitive_heads or tokens[j - 1].text in self.complements):
                j += 1  # "وزارة التربية والتعليم", "وزارة الخارجية والمغتربين"
            else:
                g = self.gazetteer_at(tokens, j, clitics=True)
                if g is not None and w.startswith(LAM) and g[1].kind in ("organization", "government"):
                    j += g[0]  # "الأمين العام للأمم المتحدة"
                    continue
                before = self._unclitic(tokens[j - 1].text) if j > 0 else ""  # «بقيادة» → «قيادة»
                if j > 0 and not before.startswith(DEFINITE) and (
                        chain or before in self.bodies or before in self.organizations):
                    # an indefinite body in construct with the place it serves: "شرطة محافظة الجيزة",
                    # "بلدية مدينة صور", "شرطة الرياض"
                    if w in self.words.place_heads and self._word_at(tokens, j + 1) is not None:
                        j = self._place_end(tokens, j + 2)
                        chain = False
                        continue
                    body = chain or before in self.bodies
                    if g is not None and not w.startswith(LAM) and g[1].kind == "government" and g[1].name in self.place_names:
                        if not body:
                            break  # "بنك السودان المركزي": the country's bank is read as its own phrase
                        j += g[0]
                        continue
                    nxt = self._word_at(tokens, j + 1) or ""
                    if w not in self.stop and w not in self.verb_forms and w not in self.words.complementizers \
                            and not w.isdigit() and w not in self.titles and w not in self.roles \
                            and not (w.startswith(LAM) and nxt.startswith(DEFINITE)):  # not "بعثة لحفظ السلام"
                        # "بلدية صيدا", "شرطة دبي", "إدارة سجون …": its genitive; a body's chain goes on, an
                        # organisation's name is one word («شركة هاليبرتون», not «… نتائج» after it)
                        named = not body
                        chain = body
                        j += 1
                        continue
                break
        return j

    def _body(self, tokens: list[Token], i: int, n: int, view: Folded, kind: str, head: str) -> Mention:
        j = self._body_extent(tokens, i + n)
        j = self._modifiers(tokens, j)
        g = self.gazetteer_at(tokens, i + n, clitics=False)
        if g is not None and kind in ("group", "organization") and i + n + g[0] >= j and g[1].kind == "government":
            # "بنك الأردن المركزي", "جامعة قطر": the country's institution, not the country; a central
            # bank is a state body
            j = self._absorb_adjectives(tokens, i + n + g[0])
            central = self._word_at(tokens, j) in self.words.state_adjectives
            j += central
            return Mention(i, j, _strip_clitic_text(self._text(tokens, i, j, view)),
                           "government" if central else kind, head=head)
        if g is not None and kind in ("group", "organization") and i + n + g[0] >= j:
            j = self._absorb_adjectives(tokens, i + n + g[0])
            return Mention(i, j, g[1].name, g[1].kind, g[1].aliases, head=head)
        if j == i + n and j < len(tokens) and tokens[j].text in OPEN_QUOTES:
            close = next((x for x in range(j + 1, min(j + 8, len(tokens))) if tokens[x].text in CLOSE_QUOTES), None)
            if close is not None and close > j + 1:
                # "شركة «أستون مارتن»", "منظمة "هيومن رايتس ووتش"": the body's quoted name
                return Mention(i, close + 1, self._text(tokens, j + 1, close, view), kind,
                               (_strip_clitic_text(self._text(tokens, i, close + 1, view)),), head=head)
        name = _strip_clitic_text(self._text(tokens, i, j, view))
        return Mention(i, j, name, kind, head=head)

    def _medium(self, tokens: list[Token], i: int, n: int, view: Folded, head: str) -> Mention:
        j = i + n
        if self._word_at(tokens, j) in self.words.news:
            j += 1
        k = j
        while k < len(tokens) and tokens[k].text in OPEN_QUOTES:
            k += 1
        g = self.gazetteer_at(tokens, k, clitics=False)
        if g is not None:
            end = k + g[0]
            while end < len(tokens) and tokens[end].text in CLOSE_QUOTES:
                end += 1
            return Mention(i, end, g[1].name, g[1].kind, g[1].aliases, head=head)
        end = self._modifiers(tokens, j, places=False)
        if end == j and k > j:  # "صحيفة "الأخبار""
            close = next((x for x in range(k, min(k + 6, len(tokens))) if tokens[x].text in CLOSE_QUOTES), None)
            if close is not None:
                end = close + 1
        elif end == j:
            name_end = self._name_extent(tokens, j, 4, view)
            while name_end == j or (name_end < j + 2 and name_end > j and self._title_word(tokens, name_end)):
                if not self._title_word(tokens, name_end):
                    break
                name_end += 1  # "صحيفة الأيام", "صحيفة الشرق الأوسط": a title of definite words
            end = name_end if name_end > j else j
        if end > i + n and g is None:
            end = self._modifiers(tokens, end, places=False)
        kind = "news_agency" if head in self.agency_heads and end > j else "media"
        if head in self.words.report_heads and end == j:
            owner = self.parse(tokens, j, view, plain=False, clitic=LAM if (self._word_at(tokens, j) or "")[:1] == LAM
                               else "")
            if owner is not None and owner.kind in ("media", "news_agency") and not owner.reference:
                # "تقرير لموقع الإذاعة الوطنية", "تقرير جريدة X": the report speaks for its medium
                return Mention(i, owner.last, owner.name, owner.kind,
                               (*owner.aliases, _strip_clitic_text(self._text(tokens, i, owner.last, view))), head=head)
        return Mention(i, end, _strip_clitic_text(self._text(tokens, i, end, view)), kind, head=head)

    def _role(self, tokens: list[Token], i: int, n: int, view: Folded) -> Mention:
        while not tokens[i].text.startswith(DEFINITE) and (w := self._word_at(tokens, i + n)) is not None \
                and not w.startswith(DEFINITE) and (more := self._phrase_in(tokens, i + n, self.roles)):
            n += more  # a role in construct with a role: "نائب مدير الشرطة", "مساعد وزير الخارجية"
        head = self._unclitic(" ".join(t.text for t in tokens[i:i + n]))
        if len(head) == 1 and i + n < len(tokens) and tokens[i + n].text == ".":
            n += 1  # "د. محمد حسن": the abbreviated title and its full stop
        j = self._body_extent(tokens, i + n)
        body = 0
        # "ناطق وزارة الخارجية", "رئيس نادي النصر", "أمين عام حركة X": a role in construct with a head;
        # after a complement only a body continues it ("وزير خارجية العراق")
        for table in (self.bodies, self.organizations, self.groups, self.media) if j == i + n else (self.bodies,):
            body = self._phrase_in(tokens, j, table)
            if body:
                break
        if body:
            j = self._body_extent(tokens, j + body)
        elif j == i + n and not head.startswith(DEFINITE) and (g := self.gazetteer_at(tokens, j, clitics=False)) is not None \
                and g[1].kind in ("organization", "government"):
            j = self._absorb_adjectives(tokens, j + g[0])  # "وسيط الأمم المتحدة", "سفير فرنسا": its genitive
        elif j == i + n and not head.startswith(DEFINITE) and self._word_at(tokens, j) in self.words.place_heads \
                and self._word_at(tokens, j + 1) is not None:
            j = self._place_end(tokens, j + 2)  # "أمير منطقة عسير", "محافظ ولاية X": the place it governs
            body = 1  # a named place makes the role definite
        elif j == i + n and head.rsplit(" ", 1)[-1] in self.words.place_heads and self._word_at(tokens, j) is not None:
            j = self._place_end(tokens, j + 1)  # a role that ends in a place head: "أمير منطقة" + "الجوف"
            body = 1
        j = self._modifiers(tokens, j)
        if self._word_at(tokens, j) == self.words.particle_on_behalf_of:
            j = self._named_for(tokens, j + 1)
            j = self._modifiers(tokens, j)
        while (w := self._word_at(tokens, j)) is not None and (w in self.titles or (
                w.startswith(DEFINITE) and w in self.roles)):
            j += 1
            if len(w) == 1 and j < len(tokens) and tokens[j].text == ".":
                j += 1  # "د. خالد": an abbreviated title
        g = self.gazetteer_at(tokens, j, clitics=False)
        if g is not None and g[1].kind in ("official", "person"):
            end = j + g[0]
            return Mention(i, end, g[1].name, "official", g[1].aliases, head=head)
        name_end = self._name_extent(tokens, j, 4, view)
        if name_end == j and j + 1 < len(tokens) and tokens[j].text in "،,":
            # "محافظ المدينة، سالم العبيدي، …": the holder named between commas
            end = self._name_extent(tokens, j + 1, 4, view)
            if end > j + 1 and end < len(tokens) and tokens[end].text in "،," and self._looks_like_name(
                    self._text(tokens, j + 1, end, view)):
                name = self._text(tokens, j + 1, end, view)
                role = _strip_clitic_text(self._text(tokens, i, j, view))
                return Mention(i, end + 1, name, "official", (role,), head=head)
        w = self._word_at(tokens, j)
        if name_end == j and w is not None and w.startswith(DEFINITE) and w.endswith(NISBA) and w not in self.adjectives \
                and w not in self.complements and w not in self.qualifiers and w not in self.stop:
            name_end = j + 1  # a surname alone after a role: "السفير الشامي"
        elif name_end == j and w is not None and head in self.titles and w.startswith(DEFINITE) and j == i + n \
                and w not in self.adjectives and w not in self.complements and w not in self.qualifiers \
                and w not in self.stop and w not in self.roles and w not in self.titles and not self._head_at(tokens, j)[0]:
            name_end = j + 1  # after a rank or title any definite surname: "العقيد الهيضل", "الشيخ الفلاني"
        after = self._word_at(tokens, i + n) or ""
        definite = bool(body) or any(w.startswith(DEFINITE) for w in head.split()[1:]) or (
            tokens[i].text.startswith(DEFINITE)) or head in self.references or (
            after.startswith(DEFINITE) and after not in self.adjectives)  # "وزير الخارجية": definite by its genitive
        if name_end > j:
            name = self._text(tokens, j, name_end, view)
            role = _strip_clitic_text(self._text(tokens, i, j, view))
            return Mention(i, name_end, name, "official", (role,), head=head)
        w = self._word_at(tokens, j)
        if w and w.startswith(WA) and (w[1:] in self.unnamed or w[1:] in self.roles):
            j = self._modifiers(tokens, j + 1)  # "متحدث باسم الوزارة ومسؤول دفاعي"
        role = _strip_clitic_text(self._text(tokens, i, j, view))
        if j == i + n and head in self.references:
            return Mention(i, j, role, "official", reference=self.references[head], head=head)
        return Mention(i, j, role, "official" if definite else "unnamed_source", head=head)

    def _name_extent(self, tokens: list[Token], j: int, limit: int, view: Folded | None = None) -> int:
        """End of a personal name starting at ``j``: words that are not stop words, cues or heads. A
        name that folds to a function word is a name where it is written as one («علي», not «على»)."""
        k = j
        # past the limit, a name may still complete a lineage link: «فيصل بن خالد بن» + «عبدالعزيز»
        while k < len(tokens) and (k - j < limit or (k > j and self._word_at(tokens, k - 1) in self.words.name_connectors)):
            w = self._word_at(tokens, k)
            if w is None and k > j and tokens[k].text == "." and self._word_at(tokens, k - 1) in \
                    self.words.latin_initials and self._word_at(tokens, k + 1) is not None:
                # «ماري جيه. بلوم»: the full stop of a Latin initial inside the name (the splitter keeps it in
                # the sentence, sentences._is_boundary); no word of it. Not a one-letter abbreviation: «أ.د.»
                # and «م.» are titles before the next name («مدير الجامعة خالد أ.د. فلان»)
                k += 1
                limit += 1
                continue
            if w is not None and view is not None and w in self.words.name_homographs and \
                    view.original[slice(*view.span(tokens[k].start, tokens[k].end))].endswith(NISBA) and \
                    self._word_at(tokens, k + 1) not in self.words.name_homograph_objects:
                k += 1
                continue
            if w is None or w in self.stop or w in self.verb_forms or w.isdigit() or w in self.words.complementizers \
                    or w in self.words.appositive_pronouns or w in self.words.object_nouns:
                break  # … «وهو» opens a description of the name («فلان وهو مستشار أمني»), «دعم» the object
            if k == j and w.startswith(DEFINITE) and w not in self.words.definite_name_openers:
                break
            if w.startswith(WA) and (w[1:] in self.unnamed or w[1:] in self.roles or w[1:] in self.verb_forms):
                break
            if any(w in table for table, _ in self.heads) or w in self.adjectives:
                break
            if (w.startswith(LAM) and (w[1:] in self.media or w[1:] in self.bodies or w[1:] in self.organizations)) \
                    or w in self.words.addressees:
                break  # "سامر خليل لشبكة …", "سواريز للصحفيين": whom he spoke to, not his name
            if w.endswith(self.words.pronoun_suffixes) and self._owned.search(w):
                break  # "أعلن الوزير خطته", "أكدت الكاتبة مواقفها": a noun with its owner, not a name
            if k > j and is_pronoun(w) and w.endswith(self.words.pronoun_suffixes):
                break  # «وقال فلان عنه …», «عدد منهم»: a preposition with «ه», «ها», «هم» ends a name (not
                #        «بك»: «فلان بك» is a title)
            if w.startswith(self.words.clause_cues) or (w[:1] in CONJUNCTIONS and w[1:] in self.verb_forms):
                break  # «وقال», and «فقال» after a topic («أما الوزير فقال …»)
            k += 1
        return k

    def _plain(self, tokens: list[Token], i: int, view: Folded) -> Mention | None:
        w = tokens[i].text
        if w in self.words.non_speakers:
            return None  # "وكشفت صور متداولة …": images show, they do not speak
        end = self._name_extent(tokens, i, 4, view)
        if end == i and w.startswith(DEFINITE) and w.endswith(NISBA) and len(w) > 4 and w not in self.adjectives \
                and w not in self.stop and w not in self.complements and w not in self.qualifiers:
            end = i + 1  # a surname on its own: "وأدان السوداني بشدة"
        if end == i or any(self._masdar_owned.search(t.text) for t in tokens[i:end] if t.is_word):
            return None  # "إصابتها", "زيارته": a noun with its owner, not a name
        # a personal name has no definite noun inside it; a final nisba or a theophoric part is fine
        # ("محمد شياع السوداني", "فرهاد علاء الدين"), "دول العالم" or "أهمية العمل" is not a name
        for k in range(i + 1, end):
            w = tokens[k].text
            if w.startswith(DEFINITE) and not (w in self.words.name_parts or (k == end - 1 and w.endswith(NISBA))):
                end = k
                break
        if end == i or (end < len(tokens) and tokens[end].is_word and tokens[end].text.startswith(DEFINITE)
                        and tokens[end].text not in self.stop):
            return None
        nxt = tokens[end] if end < len(tokens) else None
        if nxt is not None and nxt.is_word and (self._phrase_in(tokens, end, self.roles)
                                                or self._phrase_in(tokens, end, self.people)):
            role = self._parse_at(tokens, end, view, plain=False, clitic="")
            if role is not None and role.kind in ("official", "person", "unnamed_source"):
                # "ليلى حداد زوجة الفنان X", "سامي نصار الطبيب السوري": a name and its role in apposition
                name = self._text(tokens, i, end, view)
                kind = "official" if role.kind == "official" or self._phrase_in(tokens, end, self.roles) else "person"
                return Mention(i, role.last, name, kind, (self._text(tokens, end, role.last, view),),
                               head=tokens[end - 1].text)
        if nxt is not None and nxt.is_word and nxt.text not in self.stop and not nxt.text.startswith(self.words.content_openers):
            return None  # a name is followed by a boundary
        name = self._text(tokens, i, end, view)
        return Mention(i, end, name, "person", plain=True, head=tokens[end - 1].text)


#: Longest subject phrase (in tokens) `SourceParser.chunk` accepts: longer stretches are clauses.
MAX_SUBJECT_TOKENS = 18
_APPOSITION = re.compile(r"\s*[،,]\s*")


def _first_words(words: frozenset[str]) -> dict[str, tuple[int, ...]]:
    """The phrases of ``words`` by their first word: their lengths in words, longest first."""
    lengths: dict[str, set[int]] = {}
    for w in words:
        parts = w.split()
        lengths.setdefault(parts[0], set()).add(len(parts))
    return {f: tuple(sorted(n, reverse=True)) for f, n in lengths.items()}


def _with_plural_cases(heads: frozenset[str]) -> frozenset[str]:
    """``heads`` and the other case of their one-word sound masculine plurals, definite or not:
    «مواطنون» → «مواطنين», «المواطنين» («ويقول عدد من المواطنين إن …», «وقال أحد المحتجين …»). Only
    after a quantifier: right after a verb the oblique form is its object («وناشد المواطنين …»)."""
    nominative, oblique = MASCULINE_PLURAL
    stems = {h.removeprefix(DEFINITE)[:-len(nominative)] for h in heads
             if " " not in h and h.endswith((nominative, oblique)) and len(h.removeprefix(DEFINITE)) > 4}
    return heads | {a + stem + e for stem in stems for a in ("", DEFINITE) for e in (nominative, oblique)}


def _with_duals(heads: frozenset[str]) -> frozenset[str]:
    """``heads`` and the duals of its one-word feminine heads: «المنظمة» → «المنظمتان», «المنظمتين»
    («وقالت المنظمتان إن …»)."""
    duals = {h[:-1] + ending for h in heads if " " not in h and h.endswith(FEMININE) and len(h) > 3
             for ending in FEMININE_DUAL}
    return heads | duals


def is_pronoun(word: str) -> bool:
    """True for a (folded) pronoun or a preposition carrying one: "له", "فيها", "عليهم", "هو"."""
    return _PRONOUN.fullmatch(word) is not None


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, sorted(words)))


def _pronoun(words: GrammarWords) -> re.Pattern[str]:
    """A folded independent pronoun, or a preposition carrying a pronoun suffix, after an optional و/ف
    («له», «فيها», «عليهم», «وهو»)."""
    suffixes = (*words.pronoun_suffixes, *PREPOSITION_PERSON_SUFFIXES)
    return re.compile(f"[{CONJUNCTIONS}]?(?:(?:{_alternatives(words.pronoun_prepositions)})"
                      f"(?:{_alternatives(suffixes)})|{_alternatives(words.pronouns)})")


#: From the built-in grammar words: `is_pronoun` reads no user lexicon.
_PRONOUN = _pronoun(builtin_words())


def _strip_clitic_text(name: str) -> str:
    return name.strip(" ،,:" + OPENING + CLOSING)
