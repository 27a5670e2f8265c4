"""Loaded terms: lexicon variants found in the text, each with its concept, stance, frame and voice.

Matching runs on the folded view with one more fold: dots, hyphens and underscores inside an Arabic
word are dropped ("الحـ.وثيين" reads "الحوثيين"). The lexicon side is expanded instead of the text
side: every variant yields its surface forms (definite and indefinite; for single words the forms of
its ``paradigm``: a noun's plurals, dual and pronoun suffixes, an adjective's feminine, a verb's
persons and imperfect; "لل" for ل + ال), and all forms go into sets of words walked word by word with
the proclitics و ف ب ك ل in front. The cost therefore hardly depends on the lexicon's size. Overlaps
resolve to the longest match.

A hit's **voice** is ``quoted`` inside a direct quote, inside a phrase of several words in quotation marks
(«المتهم بارتكاب "جرائم حرب"»: someone's wording), or in quotation marks after a word that mentions it
(«مصطلح “الإرهاب”»), ``reported`` inside indirect attributed content, and ``outlet`` otherwise; a term wrapped in quotation marks in the outlet's own voice also yields a
``distancing`` hit for the scare quotes, unless the marks enclose a name («تنظيم “داعش”»).

A hit is the term, not its neighbour: a verb, particle or preposition before a term is never taken as a
construct head; a word in the genitive of a place or institution is part of a name («مستشفى الشهيد …»)
and no hit; a ``homograph`` variant's bare form counts only where it qualifies a noun («هجوم غادر», not
«بعدما غادر الوزير»).
"""

from __future__ import annotations

import heapq
import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import accumulate

import attrs
import regex

from .lexicons import NATIONALITY_SLOT, Lexicons, TermLexicon, Variant, another_reading, load_builtin
from .model import Article, Attribution, TermHit
from .morphology import (
    ACCUSATIVE,
    ALEF,
    BA,
    CONJUNCTIONS,
    DEFECTIVE_PLURAL,
    DEFINITE,
    DERIVED_PERFECT_PREFIXES,
    DUAL,
    FEMININE,
    FEMININE_DUAL,
    FEMININE_PLURAL,
    FEMININE_T,
    FUTURE,
    LAM,
    LAM_DEFINITE,
    LONG_VOWELS,
    MASCULINE_PLURAL,
    NISBA,
    NISBA_INFLECTED,
    NOT_PAST_IN_T,
    PARTICIPLE_PREFIX,
    PAST_PERSON_ENDINGS,
    POSSESSIVE_OTHER_PERSON,
    PREPOSITIONS,
    PRESENT_ENDINGS,
    PRESENT_FIRST_SINGULAR,
    PRESENT_PREFIXES,
    PRESENT_SUBJUNCTIVE_ENDINGS,
    TA_MARBUTA,
    TATWEEL,
)
from .normalize import CLOSE_QUOTES, OPEN_QUOTES, PAIRED_QUOTES, SENTENCE_STOPS, Folded, fold, fold_term, pair_quotes
from .words import builtin_words

__all__ = ["TermMatcher", "find_terms", "surface_forms", "term_view"]

_PREV_WORD = regex.compile(r"\p{Arabic}+$")
_NEXT_WORD = regex.compile(r"[ \t]+(\p{Arabic}+)")
_SENTENCE_END = regex.compile(f"[{regex.escape(SENTENCE_STOPS)}\n]")
_PROCLITICS = regex.compile(f"^[{CONJUNCTIONS}]?[{PREPOSITIONS}]?")
_CONJUNCTION = regex.compile(f"^[{CONJUNCTIONS}](?=..)")


#: The term matcher's word lists: ``[terms]`` in lexicons/grammar.toml.
_w = builtin_words


# Frames of terms that are names (of groups, operations, places) or quoted slogans: quotation marks around
# them are the usual way of writing a name, not scare quotes.
_NAME_FRAMES = frozenset({"name", "self_naming", "resistance_naming", "metonym", "slogan"})


#: The pronoun suffixes a word carries («فيها», «يقودها»): the third person ones of the grammar lexicon and
#: the first and second person ones; and the same without ه ("his"): folded, it is also the ة of a feminine noun.
_SUFFIXES = (*_w().pronoun_suffixes, *POSSESSIVE_OTHER_PERSON)
_SUFFIXES_NOT_HIM = tuple(x for x in _SUFFIXES if x != FEMININE)


def _pronoun_suffixes(him: bool = True) -> tuple[str, ...]:
    """`_SUFFIXES`, or `_SUFFIXES_NOT_HIM` unless ``him``."""
    return _SUFFIXES if him else _SUFFIXES_NOT_HIM


_CLITICS_ONLY = regex.compile(f"[{CONJUNCTIONS}]?[{PREPOSITIONS}]?")


def _bare(word: str) -> str:
    """``word`` without the proclitics و ف ب ل ك when what is left is a known function word or head."""
    words = _w()
    for n in (2, 1):
        rest = word[n:]
        if len(word) > n + 1 and _CLITICS_ONLY.fullmatch(word[:n]) and (
                rest in words.term_particles or rest in words.term_verb_particles or rest in words.term_function_words
                or rest in words.term_naming_heads or rest in words.term_mention_heads
                or rest in words.term_opening_verbs):
            return rest
    return word


def _verb_like(word: str, reporting: frozenset[str]) -> bool:
    """A folded word that reads as a verb, not a noun: «يبدأ», «ستواصل», «هاجمت», «قام», «يقودها», and
    any finite form of a reporting verb (``reporting``: «أوضح»)."""
    w = word[1:] if word[:1] in CONJUNCTIONS and len(word) > 3 else word
    if w in _w().term_opening_verbs or word in _w().term_opening_verbs or w in reporting or word in reporting:
        return True
    third = PRESENT_PREFIXES[0]
    if w.startswith(FUTURE + third) and len(w) >= 5:
        w = w[1:]
    if w.startswith(third) and len(w) >= 4 and not w.endswith((FEMININE_PLURAL, FEMININE, NISBA, MASCULINE_PLURAL[1])):
        return True  # the imperfect: nouns in ي- are few and short («يوم», «يمني»)
    form_vii, form_x = DERIVED_PERFECT_PREFIXES
    if ALEF not in w[1:] and ((len(w) == 5 and (w.startswith(form_vii) or (w[0] == ALEF and w[2] == FEMININE_T)))
                              or (len(w) == 6 and w.startswith(form_x))):
        return True  # a derived perfect («انسحب», «اقتحم», «استهدف»); its verbal noun has a long ا
    return len(w) >= 4 and w.endswith(FEMININE_T) and not w.endswith(NOT_PAST_IN_T)  # «هاجمت», «نفذت»


def place_adjectives(lex: Lexicons) -> list[str]:
    """The nationality adjectives of ``lex``'s places, as written (masculine singular, no ال), sorted."""
    return sorted({a for p in lex.places for a in p.adjectives})


def nationalities(lex: Lexicons) -> frozenset[str]:
    """Definite nationality adjectives, folded, from the places of ``lex`` (and «عربي»): «البريطانيه»,
    «الامريكيين». Not any nisba: «النظام المالي السعودي» is not «النظام السعودي». Such an adjective may stand
    inside a noun and its adjective."""
    stems = {fold_term(a) for a in place_adjectives(lex)} | _w().term_belonging_adjectives
    return frozenset(DEFINITE + s + e for s in stems for e in ("", FEMININE, *MASCULINE_PLURAL, FEMININE_PLURAL))


def _agreeing(noun: str, adjective: str) -> str:
    """``adjective`` (a masculine singular nisba) agreeing with the written ``noun`` before it: definite after a
    definite noun, feminine after ة or a plural in ات («الحكومة» → «الجزائرية», «نظام الحكم» → «الجزائري»)."""
    form = adjective + TA_MARBUTA if noun.endswith((TA_MARBUTA, FEMININE_PLURAL)) else adjective
    return DEFINITE + form if noun.startswith(DEFINITE) else form


def _fill(phrase: str, adjective: str) -> str:
    words = phrase.split()
    if NATIONALITY_SLOT not in words:
        return phrase
    at = words.index(NATIONALITY_SLOT)
    words[at] = _agreeing(words[at - 1], adjective) if at else adjective
    return " ".join(words)


def expand_slots(variants: tuple[Variant, ...], lex: Lexicons) -> tuple[list[Variant], list[Variant]]:
    """The variants with no slot, and one variant for each nationality adjective of ``lex``'s places for each
    variant whose term holds ``{nationality}`` («النظام {nationality}» → «النظام الجزائري», «النظام الإيراني» …;
    its suggestion filled the same way). A form some variant writes out wins: «النظام السوري» stays Syria's."""
    plain = [v for v in variants if NATIONALITY_SLOT not in v.term]
    written = {fold_term(v.term) for v in plain}
    adjectives = place_adjectives(lex)
    filled: list[Variant] = []
    for v in variants:
        if NATIONALITY_SLOT not in v.term:
            continue
        for a in adjectives:
            term = _fill(v.term, a)
            if fold_term(term) not in written:
                written.add(fold_term(term))
                filled.append(attrs.evolve(v, term=term, suggest=_fill(v.suggest, a), paradigm="fixed"))
    return plain, filled


def reporting_verbs(lex: Lexicons) -> frozenset[str]:
    """Every finite form of the reporting verbs of ``lex``, folded («اوضح», «اعلنت»): a verb, never the
    head of a construct («وأوضح هالك» is not a term)."""
    return frozenset(fold_term(f) for v in lex.verbs for f in v.forms)


def _inside(text: str, start: int, end: int, phrases: tuple[str, ...]) -> bool:
    """One of ``phrases`` (folded) is written in ``text`` around the form at ``start:end``."""
    for phrase in phrases:
        at = text.find(phrase, max(0, start - len(phrase)), end + len(phrase))
        if at >= 0 and at < end and at + len(phrase) > start:
            return True
    return False


def _with_lam(phrases: Iterable[str]) -> Iterator[str]:
    """Each phrase, and for one opening with the article also its form after the preposition ل, where the
    article's alef drops («النظام» → «للنظام»)."""
    for phrase in phrases:
        yield phrase
        if phrase.startswith(DEFINITE):
            yield LAM_DEFINITE + phrase[len(DEFINITE):]


def _foreign_nationality(text: str, end: int, context: tuple[str, ...], nationality: frozenset[str]) -> bool:
    """The word after an ambiguous form is a nationality adjective that is not one of its context words,
    when those name nationalities (the word belongs to one country's story): the adjective names the
    referent, and it is another one («الكيان البحريني», «النظام التركي» are not Israel and Syria's
    government; «الاحتلال الإسرائيلي», «المقاومة الفلسطينية» keep theirs). A word of no one country
    («المعارض», «المتمردين») keeps any nationality: «المعارض القطري» is a dissident."""
    nxt = _NEXT_WORD.match(text, end)
    return (nxt is not None and nxt.group(1) in nationality and nxt.group(1) not in context
            and any(w in nationality for w in context))


#: The phrase right after a hit: up to three words, no punctuation (a group's name and its nationality).
_PHRASE_AFTER = regex.compile(r"(?:[ \t]+\p{Arabic}+){0,3}")


def _suffixed(original: str) -> bool:
    """``original`` (as written, not folded) carries the pronoun «ه» after a consonant: a noun or a verb with
    its object («حكومته», «أطلقته المقاومة», «لعبه الثوار»), which heads no construct; folded, «ه» and «ة»
    are one letter. Not after a long vowel («اتجاه», «توجيه», «مشبوه»), nor a word of three letters («وجه»)."""
    return len(original) >= 4 and original.endswith(FEMININE) and original[-2] not in LONG_VOWELS


def _no_head(word: str, original: str, reporting: frozenset[str]) -> bool:
    """``word`` (folded; ``original`` as written) cannot head a construct: a function word, a verb, a
    pronoun suffix, an accusative ending, a preposition with «ه» («ونتج عنه استشهاد»: folded, «ه» is also a
    feminine noun's ة, so only after a particle), a word written with the pronoun «ه» (`_suffixed`)."""
    w = _bare(word)
    words = _w()
    return (_PROCLITICS.sub("", w, count=1).startswith(DEFINITE) or w.startswith((DEFINITE, LAM_DEFINITE))
            or w in words.term_function_words or w in words.term_particles or w in words.term_verb_particles or len(w) < 3
            or w in words.term_mention_heads
            or (w.endswith(FEMININE) and (w[:-1] in words.term_particles or w[:-1] in words.term_function_words))
            or _verb_like(word, reporting) or (len(w) >= 4 and w.endswith(_pronoun_suffixes(him=False)))
            or (w.endswith(ACCUSATIVE) and not w.endswith(DEFECTIVE_PLURAL)) or _suffixed(original))


_DODGE = regex.compile(rf"(?<=\p{{Arabic}})[.·•_\-*{TATWEEL}]+(?=\p{{Arabic}})")
_WORD = regex.compile(r"\S+")


def term_view(view: Folded) -> Folded:
    """``view`` without dodge characters inside words; positions still map to the original text."""
    text = view.text
    cuts = [m.span() for m in _DODGE.finditer(text)]
    if not cuts:
        return view
    keep = array("l")
    pieces = []
    pos = 0
    def extend(a: int, b: int) -> None:
        if view._map is None:
            keep.extend(range(a, b))
        else:
            keep.extend(view._map[a:b])

    for a, b in cuts:
        pieces.append(text[pos:a])
        extend(pos, a)
        pos = b
    pieces.append(text[pos:])
    extend(pos, len(text))
    return Folded(view.original, "".join(pieces), keep)


#: Nominative endings of a sound masculine plural and a dual: such a word is never a genitive.
_NOMINATIVE = (MASCULINE_PLURAL[0], DUAL[0])
#: The shortest definite plural in ـون read as a nominative («المسلحون»; «الكون» is not one).
MIN_PLURAL = 7


def _nominative(key: str, exact: bool) -> bool:
    """A form that is a nominative plural or dual, never the genitive of a construct: any inflected form in
    ـون or ـان, a nisba plural in ـيون, and a definite plural in ـون a lexicon writes out («المسلحون»); a
    written-out form in ـان may be a name («الإخوان»)."""
    return (key.endswith(NISBA + MASCULINE_PLURAL[0]) or (not exact and key.endswith(_NOMINATIVE))
            or (key.startswith(DEFINITE) and key.endswith(MASCULINE_PLURAL[0]) and len(key) >= MIN_PLURAL))


#: The endings that make a word already inflected: no further plural, dual or feminine is built on it.
_INFLECTED = (FEMININE_PLURAL, *MASCULINE_PLURAL, DUAL[0])


def _constructs(core: str) -> set[str]:
    """The construct forms of ``core``'s sound masculine plural and dual, which take a pronoun suffix."""
    return {core + e[:-1] for e in (*MASCULINE_PLURAL, *DUAL)}


def _nominal_forms(core: str, paradigm: str, name: bool = False) -> set[str]:
    """The forms of a noun or adjective ``core`` (without ال): plurals, duals, the feminine of an
    adjective, a noun's pronoun suffixes, the indefinite accusative. A name (``name``) and a short word
    take no dual and no suffix: «إخواننا» is not the movement, «الأثمان» not two sinners."""
    forms = {core}
    affixed = not name and len(core) >= 4
    plural = {core + e for e in MASCULINE_PLURAL}
    if core.endswith(FEMININE):  # ة, folded: feminine singular («ميليشيا», «مجزرة»)
        base = core[:-1]
        forms |= {base + FEMININE_PLURAL} | ({base + e for e in FEMININE_DUAL} if affixed else set())
        stems = [base + FEMININE_T, base + FEMININE_PLURAL]
    elif core.endswith(NISBA):  # a nisba adjective or its noun («إرهابي», «تكفيري»)
        forms |= {core + FEMININE, core + FEMININE_PLURAL} | plural
        forms |= {core + DUAL[0]} | {core + e for e in FEMININE_DUAL} if affixed else set()
        stems = [core + FEMININE_T]
    elif core.endswith(MASCULINE_PLURAL):
        forms |= {core[:-2] + e for e in MASCULINE_PLURAL}
        stems = []
    elif core.endswith(FEMININE_PLURAL):
        stems = [core]
    else:
        forms |= {core + FEMININE_PLURAL} | plural | ({core + DUAL[0]} if affixed else set())
        stems = [core, core + FEMININE_PLURAL]
        if paradigm == "adjective" or (paradigm == "auto" and core.startswith(PARTICIPLE_PREFIX) and len(core) >= 4):
            # «ذليلة», «عميلتان»; in ``auto``, a participle («متمرد», «مجرم») is an adjective too
            forms |= {core + FEMININE} | ({core + e for e in FEMININE_DUAL} if affixed else set())
    definite = {DEFINITE + f for f in forms}
    if paradigm != "adjective" and affixed:
        forms |= {stem + suffix for stem in stems for suffix in _pronoun_suffixes()}  # never with ال
        if not core.endswith((FEMININE, *_INFLECTED)):
            # a plural's or a dual's construct with a pronoun: the ن falls («مسلحيها», «مقاتلوه», «شهيداه»);
            # not ي + ه, folded the feminine of a nisba («عدوانية» is no «عدوانيه»)
            forms |= {c + suffix for c in _constructs(core) for suffix in _pronoun_suffixes(him=not c.endswith(NISBA))}
    if not core.endswith((FEMININE, ACCUSATIVE, NISBA, *_INFLECTED)):
        forms.add(core + ACCUSATIVE)  # indefinite accusative: "قتيلا", "انقلابا"
    return forms | definite


#: Person prefixes and suffixes of a verb's perfect and imperfect, folded (a third person above all:
#: news reports what others did).
_IMPERFECT_PREFIXES = (*PRESENT_PREFIXES, PRESENT_FIRST_SINGULAR, *(FUTURE + p for p in PRESENT_PREFIXES))
_IMPERFECT_SUFFIXES = ("", *PRESENT_ENDINGS, *PRESENT_SUBJUNCTIVE_ENDINGS)


def _verb_forms(stem: str) -> set[str]:
    """The perfect and imperfect of a verb given in its perfect («استشهد» → «استشهدوا», «يستشهد»,
    «سيستشهدون»). Long vowels that change inside a weak verb are not guessed: list those forms."""
    forms = {stem + s for s in PAST_PERSON_ENDINGS}
    inner = stem[1:] if stem.startswith(ALEF) else stem  # «استشهد» → «يستشهد», «أطلق» → «يطلق»
    forms |= {p + inner + s for p in _IMPERFECT_PREFIXES for s in _IMPERFECT_SUFFIXES}
    return forms


def _inflect_word(word: str, paradigm: str = "auto", name: bool = False) -> set[str]:
    if paradigm == "verb":
        return _verb_forms(word)
    core = word[2:] if word.startswith(DEFINITE) and len(word) > 3 else word
    return _nominal_forms(core, paradigm, name)


def surface_forms(variant: Variant) -> set[str]:
    """Every folded written form of ``variant`` the matcher accepts (before proclitics)."""
    words = fold_term(variant.term).split()
    if not words:
        return set()
    forms = {" ".join(words)}
    if variant.paradigm != "fixed":
        if len(words) == 1:
            # a name, a word that is also a verb («غادر») or an ambiguous one («احتلاله مكتبه» is not
            # the occupation) takes no dual and no pronoun suffix
            forms |= _inflect_word(words[0], variant.paradigm,
                                   variant.frame in _NAME_FRAMES or variant.homograph or variant.ambiguous)
        else:
            definite = [w if w.startswith(DEFINITE) or not w[0].isalpha() or w in _w().term_function_words
                        else DEFINITE + w for w in words]
            bare = [w[2:] if w.startswith(DEFINITE) and len(w) > 3 else w for w in words]
            forms |= {" ".join(definite), " ".join(bare)}
            last = bare[-1]
            if (not words[0].startswith(DEFINITE) and variant.frame not in _NAME_FRAMES
                    and not last.endswith((NISBA, NISBA + FEMININE)) and not last.startswith(PARTICIPLE_PREFIX)):
                # a construct is made definite by its last word alone: «جرائم حرب» → «جرائم الحرب»; not a
                # noun and its adjective («جماعة مسلحة») nor a name
                forms.add(" ".join([*bare[:-1], definite[-1]]))
    return set(_with_lam(forms))  # ل + ال → لل: "للمليشيات"




class _Match:
    """Where a term was found: the proclitics (``c``) and the term (``t``), like a match object's groups."""

    __slots__ = ("_c", "_end", "_t", "_text", "key")

    def __init__(self, c: int, t: int, end: int, text: str, key: str) -> None:
        self._c, self._t, self._end, self._text = c, t, end, text
        self.key = key  # the form found (without a word stacked inside it)

    def start(self, group: str | None = None) -> int:
        return self._t if group == "t" else self._c

    def end(self, group: str | None = None) -> int:
        return self._end

    def group(self, name: str) -> str:
        return self._text[self._c:self._t] if name == "c" else self._text[self._t:self._end]


def _clitic_lengths(word: str) -> tuple[int, ...]:
    """The lengths of the proclitics ``word`` may carry before a term, longest first, as the matcher
    tries them: «وبالميليشيات» → 2 (وب), 1 (و), 0."""
    if len(word) > 2 and word[0] in CONJUNCTIONS:
        return (2, 1, 0) if len(word) > 3 and word[1] in PREPOSITIONS else (1, 0)
    return (1, 0) if len(word) > 2 and word[0] in PREPOSITIONS else (0,)


#: Proclitics a term may carry (و ف then ب ك ل): every combination, for the set of words that may open one.
_CLITICS = [a + b for a in (*CONJUNCTIONS, "") for b in (*PREPOSITIONS, "")]
_SEPARATORS = re.compile(r"(\W+)")


@attrs.frozen
class _Form:
    variant: Variant
    exact: bool


class TermMatcher:
    """All term variants of a `TermLexicon` compiled into one expression."""

    def __init__(self, lexicon: TermLexicon, grammar: Lexicons | None = None) -> None:
        """``grammar``: the lexicons whose reporting verbs and places the matcher reads (the built-in ones
        by default)."""
        grammar = grammar if grammar is not None else load_builtin()
        self.reporting = reporting_verbs(grammar)
        self.nationalities = nationalities(grammar)
        #: every place's nationality adjective («عراقي»): what a region is read against
        self.adjectives = tuple(place_adjectives(grammar))
        #: one-word names of countries and capitals («موسكو», «إيران»): a subject, never a construct's head
        self.places = frozenset(fold_term(n) for p in grammar.places for n in (p.name, p.capital, *p.aliases)
                                if n and " " not in n.strip())
        self.forms: dict[str, _Form] = {}
        #: forms that ambiguous variants of several concepts share («المقاومة» of Lebanon and of Yemen), each
        #: reading in lexicon order: the context words in the text choose one
        self.readings: dict[str, tuple[Variant, ...]] = {}
        plain, filled = expand_slots(lexicon.variants, grammar)
        for v in plain:
            exact = fold_term(v.term)
            for form in surface_forms(v):
                is_exact = form in _with_lam((exact,))
                old = self.forms.get(form)
                if old is not None and (another_reading(old.variant, v) or another_reading(v, old.variant)):
                    self.readings[form] = (*self.readings.get(form, (old.variant,)), v)
                elif old is None or (is_exact and not old.exact):
                    self.forms[form] = _Form(v, is_exact)
        #: every variant the matcher reports, with each slot filled («النظام الجزائري»)
        self.variants: tuple[Variant, ...] = (*plain, *filled)
        for v in filled:  # a form written out in some lexicon wins over a slot's
            for form in surface_forms(v):
                self.forms.setdefault(form, _Form(v, True))
        # forms written with ل + ال ("للميليشيات") carry a proclitic: never a construct's genitive
        self.lam_forms = frozenset(f for f in self.forms if f.startswith(LAM_DEFINITE) and DEFINITE[0] + f[1:] in self.forms)
        # every beginning of a form, word by word ("فصائل", "فصائل المقاومة", …): a dictionary walk, not a
        # compiled expression, so there is nothing to build at start-up but these sets
        self.prefixes = frozenset(" ".join(form.split(" ")[:n]) for form in self.forms
                                  for n in range(1, form.count(" ") + 2))
        firsts = {form.split(" ", 1)[0] for form in self.forms}
        # the first words with every proclitic they may carry: a word not in here starts no form
        self.openers = frozenset(c + w for w in firsts for c in _CLITICS)
        #: each ambiguous variant's context words, folded (the nationality test: «الكيان البحريني»); they
        #: become one expression of whole words only when a hit asks (`_words_pattern`, kept in
        #: ``self.patterns`` for every variant with the same words), so start-up compiles none
        self.context_words = {v: tuple(fold_term(w) for w in v.context) for v in self.variants
                              if v.ambiguous and v.context}
        self.patterns: dict[tuple[str, ...], regex.Pattern[str]] = {}
        #: each region's nationality adjectives, folded as `_words_pattern` finds them («اوغندي»)
        self.regions = {v: frozenset(fold_term(a) for a in v.region) for v in self.variants if v.region}
        #: each variant's `not_in` phrases, folded; a phrase opening with the article is also written after
        #: ل as لل («النظام الفاشي», «للنظام الفاشي»), as the matcher reads the term itself
        self.not_in = {v: tuple(_with_lam(fold_term(p) for p in v.not_in)) for v in self.variants if v.not_in}

    def find(self, view: Folded) -> list[tuple[int, int, Variant]]:
        """``(start, end, variant)`` in original offsets, in order, longest match first at each place."""
        tv = term_view(view)
        text = tv.text
        out: list[tuple[int, int, Variant]] = []
        # (index in out, position, readings): ambiguous hits with no context word
        waiting: list[tuple[int, int, tuple[Variant, ...]]] = []
        loaded: list[tuple[int, Variant]] = []  # the sure non-neutral hits, by position
        scans: dict[tuple[str, ...], _Scan] = {}  # per context list, where its words are on this page
        last_end = 0  # where the last form found ends, in the term view
        for m in self._scan(text):
            key = m.key
            form = self.forms.get(key)
            if form is None:
                continue
            v = form.variant
            readings = self.readings.get(key, (v,))
            if len(readings) > 1:  # the reading with the most of its context words near, else the first
                v = max(readings, key=lambda r: self._context_count(text, m.start(), r, scans))
            start = m.start("t")
            prev = None if m.group("c") else _word_before(text, start)
            if prev is not None and _bare(prev[1]) in _w().term_name_heads and _in_name(key, v):
                continue  # «مستشفى الشهيد …», «شارع الشهداء»: part of a proper name
            if v.homograph and not key.startswith((DEFINITE, LAM_DEFINITE)) and not self._adjective(tv, m):
                continue  # «لقد غادر», «بعدما غادر الوزير»: the verb, not the qualifier
            if (prev is not None and " " not in key and key not in self.lam_forms
                    and prev[1] not in self.places and _CONJUNCTION.sub("", prev[1], count=1) not in self.places
                    and prev[0] >= last_end and not _nominative(key, form.exact)
                    and not (key.endswith(ACCUSATIVE) and not key.endswith(_pronoun_suffixes())
                             and key[:-len(ACCUSATIVE)] in self.forms)
                    and "." not in tv.original[slice(*tv.span(prev[0], start))]
                    # last: the word as written is sliced from the original only for a head the cheap tests leave
                    and not _no_head(prev[1], tv.original[slice(*tv.span(prev[0], prev[0] + len(prev[1])))],
                                     self.reporting)):
                # the genitive of a construct is reported with its head: «انسحاب العدو»; a nominative
                # plural or dual is never a genitive («هاجم التكفيريون», «وقاتل المسلحون»), nor is an indefinite
                # accusative («سقط عيد شهيدا»: a name, then the martyr), a word already found as
                # a term is not taken again as a head, and no head is joined across a full stop with its space
                # missing («صالح.وكان الحوثيون»: two sentences)
                start = prev[0]
            if v in self.not_in and _inside(text, m.start("t"), m.end("t"), self.not_in[v]):
                continue  # «رئيس تحرير»: a phrase where the word is not the term
            if v.ambiguous and _foreign_nationality(text, m.end("t"), self.context_words.get(v, ()), self.nationalities):
                continue  # «الكيان البحريني»: another state's, whatever the paragraph is about
            if v.region and self._far(text, m.end("t"), v):
                continue  # «ميليشيا جيش الرب الأوغندي»: a group of a country outside the word's region
            last_end = m.end("t")
            s, e = tv.span(start, m.end("t"))
            if v.ambiguous and not self._context_ok(text, m.start(), v, scans):
                waiting.append((len(out), m.start(), readings))
            elif v.stance != "neutral" and v.concept != "distancing":
                loaded.append((m.start(), v))
            out.append((s, e, v))
        if waiting:
            # an ambiguous word also reads as loaded beside a sure loaded word of its own lexicon file in the
            # same or the previous paragraph, a general ambiguous word beside a conflict's word («عصابة» beside
            # «الاحتلال») or another general file's word in its sentence; a loaded word of another conflict
            # does not release it («تحرير المدينة» in a report on Yemen is not the war in Ukraine), and a
            # general word releases a conflict's only on a page that names that conflict somewhere. Of several
            # readings, the first one released is taken.
            drop = set()
            loaded.sort(key=lambda hit: hit[0])
            at = [q for q, _ in loaded]
            for i, pos, readings in waiting:
                a, b = _window(text, pos)
                # the sure hits in the two paragraphs, a slice of the sorted list; of each variant only the nearest
                # on either side can share the waiting word's sentence, so a page of them on one line stays linear
                near = _nearest(loaded[bisect_left(at, a):bisect_left(at, b)], pos)
                if not near:
                    drop.add(i)  # no sure word in its paragraphs to release it (most waiting words)
                    continue
                for r in readings:
                    # a sure loaded word of another conflict in the two paragraphs: the text is about that one;
                    # and of several readings, a general word does not say which war
                    other = len(readings) > 1 or any(not lv.general and _file(lv) != _file(r) for _, lv in near)
                    topic = partial(self._topic, text, r, scans)  # asked only of a general word in its sentence
                    if any(_releases(lv, r, text, q, pos, other=other, topic=topic) for q, lv in near):
                        out[i] = (out[i][0], out[i][1], r)
                        break
                else:
                    drop.add(i)
            out = [hit for i, hit in enumerate(out) if i not in drop]
        if any(v.before_term for _, _, v in out):
            out = self._before_terms(out, view.original)
        return out

    def _far(self, text: str, end: int, v: Variant) -> bool:
        """The phrase after a hit of ``v`` (up to three words, no punctuation) holds a nationality adjective,
        and none of its adjectives is of ``v``'s region: the word names another country's group."""
        phrase = _PHRASE_AFTER.match(text, end)
        found = {m.group("w") for m in self._pattern(self.adjectives).finditer(text, end, phrase.end())}
        return bool(found) and not found & self.regions[v]

    def _pattern(self, words: tuple[str, ...]) -> regex.Pattern[str]:
        """``words`` as one expression of whole words (`_words_pattern`), compiled when first asked for
        and shared by every variant with the same words."""
        pattern = self.patterns.get(words)
        if pattern is None:
            pattern = self.patterns[words] = _words_pattern(words)
        return pattern

    @staticmethod
    def _before_terms(out: list[tuple[int, int, Variant]], original: str) -> list[tuple[int, int, Variant]]:
        """Markers of what follows them (``before_term``, «ما يسمى») kept only where a term or quotation
        marks follow, after an optional بـ: «ما يسمى بـ"التحالف"», «ما يسمى بالحشد الشعبي»; not «ما يسمى
        بالاحتباس الحراري», which introduces a word."""
        starts = [s for s, _, _ in out]
        kept = []
        for k, (s, e, v) in enumerate(out):
            if v.before_term:
                after = _AFTER_MARKER.match(original, e)
                at = after.end() if after else e
                if not (original[at:at + 1] in OPEN_QUOTES or any(at <= x <= at + 2 for x in starts[k + 1:k + 3])):
                    continue
            kept.append((s, e, v))
        return kept

    def _scan(self, text: str) -> Iterator[_Match]:
        """Term forms in ``text``, left to right and not overlapping: at each word, with the longest
        proclitics that leave a form, the longest form (of words separated by white space only)."""
        # words and the separators between them, alternately, and where each piece starts: all built in C,
        # no match object per word (a page run together on one line has hundreds of thousands)
        parts = _SEPARATORS.split(text)
        words = parts[0::2]
        openers = self.openers
        starts = [i for i, w in enumerate(words) if w in openers]  # the few words that may open a form
        if not starts:
            return
        offsets = list(accumulate(map(len, parts), initial=0))
        forms, prefixes, particles, nationality = self.forms, self.prefixes, _w().term_particles, self.nationalities
        n, after = len(words), 0
        for i in starts:
            if i < after:
                continue  # inside the form found before
            w = words[i]
            found = None
            found_key = ""
            for c in _clitic_lengths(w) if w not in particles else (0,):  # «كما» is a particle, not ك + «ما»
                key = w[c:]
                k = 1
                skipped = False
                while key in prefixes:  # the longest form along this walk
                    if key in forms:
                        found, found_key = (c, k), key
                    if i + k >= n or not parts[2 * (i + k) - 1].isspace() or not words[i + k]:
                        break
                    nxt = words[i + k]
                    if (f"{key} {nxt}" not in prefixes and not skipped and k == 1 and nxt in nationality and i + k + 1 < n
                            and parts[2 * (i + k) + 1].isspace() and f"{key} {words[i + k + 1]}" in forms):
                        # a nationality adjective stacked inside a noun and its adjective: «الصحف البريطانية
                        # الصفراء», «الأراضي العربية المحتلة»; the hit spans all three words
                        key, k, skipped = f"{key} {words[i + k + 1]}", k + 2, True
                        continue
                    key = f"{key} {nxt}"
                    k += 1
                if found:
                    break
            if found is not None:
                clitic, k = found
                s = offsets[2 * i]
                yield _Match(s, s + clitic, offsets[2 * (i + k - 1) + 1], text, found_key)
                after = i + k

    def _adjective(self, tv: Folded, m: _Match) -> bool:
        """A bare form that is also a verb reads as the qualifier only after the indefinite noun it
        qualifies («هجوم غادر»), never after a verb particle or before the verb's definite subject or object
        («غادر الوزير القاعة»). Written with ة it is never the verb («قتلة» but «قتله»)."""
        s, e = tv.span(m.start("t"), m.end("t"))
        if tv.original[s:e].endswith(TA_MARBUTA):
            return True
        text = tv.text
        prev = _word_before(text, m.start())
        if prev is None:
            return False
        w = _bare(prev[1])
        if (_PROCLITICS.sub("", w, count=1).startswith(DEFINITE) or w in _w().term_function_words or w in _w().term_particles
                or w in _w().term_verb_particles or len(w) < 2 or _verb_like(prev[1], self.reporting)):
            return False  # «هجوما غادرا» and «فجا وسافرا» qualify; «لقد غادر», «الوزير غادر» do not
        nxt = _NEXT_WORD.match(text, m.end())
        return nxt is None or not _PROCLITICS.sub("", nxt.group(1), count=1).startswith(DEFINITE)

    def _topic(self, text: str, v: Variant, scans: dict[tuple[str, ...], _Scan]) -> bool:
        """A context word of ``v`` anywhere in ``text``, or ``v`` has none to ask for: the page touches the
        story the word belongs to («العدو» is Israel only on a page that names Israel's war somewhere).
        ``scans`` keeps the answer per context list, so a page is searched at most once for each list."""
        words = self.context_words.get(v)
        if words is None:
            return True
        scan = scans.setdefault(words, _Scan())
        if scan.starts is not None:
            return bool(scan.starts)
        if scan.anywhere is None:
            scan.anywhere = self._pattern(words).search(text) is not None
        return scan.anywhere

    def _context_ok(self, text: str, pos: int, v: Variant, scans: dict[tuple[str, ...], _Scan]) -> bool:
        """A context word of ``v`` in the same paragraph or the one before it."""
        return self._context_count(text, pos, v, scans, first=True) > 0

    def _context_count(self, text: str, pos: int, v: Variant, scans: dict[tuple[str, ...], _Scan],
                       first: bool = False) -> int:
        """How many of ``v``'s context words are in the same paragraph or the one before it, as whole
        words with their proclitics («وتعز», «للاحتلال»; not «تعزيز» for «تعز»); ``first``: stop at one.
        Each window is searched until the windows of one context list add up to the page; then the page is
        scanned once for that list (``scans``, kept for one page) and a window is a slice of its matches:
        a page of ambiguous words run together on one line costs one pass per list, not one per word."""
        words = self.context_words.get(v)
        if words is None:
            return 0
        a, b = _window(text, pos)
        scan = scans.setdefault(words, _Scan())
        if scan.starts is None:
            scan.searched += b - a
            if scan.searched <= len(text):
                pattern = self._pattern(words)
                if first:
                    return int(pattern.search(text, a, b) is not None)
                return len({m.group("w") for m in pattern.finditer(text, a, b)})
            found = [(m.start(), m.group("w")) for m in self._pattern(words).finditer(text)]
            scan.starts, scan.words = [q for q, _ in found], [w for _, w in found]
        i, j = bisect_left(scan.starts, a), bisect_left(scan.starts, b)
        return int(i < j) if first else len(set(scan.words[i:j]))


#: Endings a context word may carry («الحوثي» → «الحوثيين», «سودان» → «السودانية»), folded.
_CONTEXT_ENDINGS = tuple(sorted({NISBA + e for e in (*MASCULINE_PLURAL, FEMININE_PLURAL, DUAL[0], FEMININE)}
                                 | {*MASCULINE_PLURAL, FEMININE_PLURAL, DUAL[0], NISBA, FEMININE}, key=len, reverse=True))


def _words_pattern(words: tuple[str, ...]) -> regex.Pattern[str]:
    """``words`` (folded here) as whole words: each with the proclitics و ف and ب ك ل it may carry, with or
    without ال, and with a nisba's or a plural's ending («عدن» in «وبعدن», «الحوثي» in «الحوثيين»; not
    «تعز» in «تعزيز», nor «عدن» in «معدن»). The group ``w`` is the word found, bare."""
    stems = {fold_term(x).removeprefix(DEFINITE) for x in words}
    body = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(stems, key=len, reverse=True) if w)
    endings = "|".join(_CONTEXT_ENDINGS)
    return regex.compile(rf"(?<!\p{{L}})[{CONJUNCTIONS}]?[{PREPOSITIONS}]?(?:{DEFINITE}|{LAM})?"
                         rf"(?P<w>{body})(?:{endings})?(?!\p{{L}})")


@attrs.define
class _Scan:
    """One context list on one page: how many characters its windows have searched, and, once those add up
    to the page, where its words are (their starts, in order, and the words)."""

    searched: int = 0
    starts: list[int] | None = None
    words: list[str] = attrs.Factory(list)
    anywhere: bool | None = None  # one of its words is somewhere on the page (`TermMatcher._topic`)


def _nearest(near: list[tuple[int, Variant]], pos: int) -> list[tuple[int, Variant]]:
    """Of ``near`` (sure hits in position order), each variant's last hit before ``pos`` and first after it:
    the only ones that can share its sentence, and the releasing test asks no more of a hit than that."""
    before: dict[int, tuple[int, Variant]] = {}  # by the variant's identity: hashing a frozen variant costs more
    after: dict[int, tuple[int, Variant]] = {}
    for q, v in near:
        if q < pos:
            before[id(v)] = (q, v)
        elif id(v) not in after:
            after[id(v)] = (q, v)
    return [*before.values(), *after.values()]


def _file(v: Variant) -> str:
    """The lexicon file a variant comes from."""
    return v.origin.rsplit(":", 1)[0]


def _releases(sure: Variant, waiting: Variant, text: str, at: int, pos: int, *, other: bool,
              topic: Callable[[], bool]) -> bool:
    """A sure loaded hit (at ``at``) lets an ambiguous one (at ``pos``) read as loaded when both come
    from one lexicon file (one conflict or field) or the ambiguous one is general vocabulary
    (``scope = "general"``: «عصابة» beside «الاحتلال»), released by another general file's word only in
    its sentence. A general loaded word releases a conflict's ambiguous word only in the same sentence
    («التطرف» two sentences away says nothing of which war «تحرير» belongs to), and not when ``other``, a
    sure loaded word of another conflict, is in the two paragraphs: the text is about that conflict («المقاومة» beside «الحوثيين» is not the Iran-led axis, «المرابطين» on a
    border beside «عاصفة الحزم» do not guard al-Aqsa). Praise, a general word of positive stance, releases
    only a word of negative stance («جنودنا البواسل من المرابطين» are soldiers on a border). And a general word
    releases a conflict's word only when ``topic()``: the page names that conflict somewhere (a context word
    of it); a general word marks a partisan text, not whose enemy «العدو» is («العدو المتربص» in a page
    about attacks at home is not Israel)."""
    if _file(sure) == _file(waiting):
        return True
    if waiting.general:
        # a general word is released by a conflict's word in the two paragraphs («عصابة» beside «الاحتلال»),
        # by another general file's word only in its sentence: a sure word of ideology or praise far away
        # says nothing of «المعارض» (exhibitions), «تحرير» (a whale's) or «المسمى»
        return not sure.general or _same_sentence(text, at, pos)
    if not sure.general or other or (sure.stance == "positive" and waiting.stance != "negative"):
        # praise («البواسل», «الشهيد») marks a partisan text, where an enemy word reads as loaded; it does not
        # tell one praising word from another («جنودنا البواسل من المرابطين» guard a border, not al-Aqsa)
        return False
    return _same_sentence(text, at, pos) and topic()


def _same_sentence(text: str, at: int, pos: int) -> bool:
    """No sentence ends between positions ``at`` and ``pos`` of ``text``."""
    a, b = (at, pos) if at < pos else (pos, at)
    return not _SENTENCE_END.search(text, a, b)


#: How far (in characters) on either side of a word its paragraphs are read for context: beyond the
#: long paragraphs of news (1 in 100 is longer than 1,500 characters), and a bound that keeps a page
#: run together on one line linear.
_REACH = 3000


#: What may stand between a marker of what follows and the term it marks: spaces, a بـ of its own (with
#: its tatweel), a quotation mark's space.
_AFTER_MARKER = regex.compile(rf"[\s{TATWEEL}]*(?:{BA}[\s{TATWEEL}]*)?")


def _window(text: str, pos: int) -> tuple[int, int]:
    """The paragraph holding ``pos`` and the one before it, at most `_REACH` characters either side."""
    low, high = max(0, pos - _REACH), min(len(text), pos + _REACH)
    b = text.find("\n", pos, high)
    a = text.rfind("\n", low, pos)  # the end of the paragraph before, and then its start
    a = text.rfind("\n", low, a) if a > low else -1
    return a + 1 if a >= 0 else low, b if b >= 0 else high


def _in_name(key: str, v: Variant) -> bool:
    """After a place or institution head, ``key`` is a word of the name: not a marker of distancing
    («كتيبة المدعو …») and not a nisba adjective («جامعة سعودية» is a Saudi university, not a name)."""
    return v.concept != "distancing" and (key.startswith((DEFINITE, LAM_DEFINITE)) or not key.endswith(
        (NISBA, *NISBA_INFLECTED, NISBA + FEMININE_PLURAL)))


def _word_before(text: str, start: int) -> tuple[int, str] | None:
    """The word right before ``start`` when one space separates them (no punctuation: same phrase)."""
    j = start - 1
    if j < 1 or text[j] != " ":
        return None
    head = _PREV_WORD.search(text, max(0, j - 40), j)
    return None if head is None else (head.start(), head.group())


#: How far back a term hit may start from the one before it (a construct head taken in front of it).
_REORDER = 64


class _Innermost:
    """The innermost attribution whose content holds a span, for spans asked in order of their start: a
    sweep with a heap of the contents opened so far (shortest first), so a page with thousands of
    attributions and term hits costs n log n, not n × m."""

    def __init__(self, attributions: tuple[Attribution, ...]) -> None:
        self.order = sorted(attributions, key=lambda a: a.content.start)
        self.next = 0
        self.open: list[tuple[int, int, Attribution]] = []  # (length, index, attribution)

    def at(self, s: int, e: int) -> Attribution | None:
        while self.next < len(self.order) and self.order[self.next].content.start <= s:
            a = self.order[self.next]
            heapq.heappush(self.open, (a.content.end - a.content.start, self.next, a))
            self.next += 1
        while self.open and self.open[0][2].content.end < s - _REORDER:
            heapq.heappop(self.open)  # ended before this span: before every later one too
        if not self.open:
            return None
        if e <= self.open[0][2].content.end:
            return self.open[0][2]
        holding = [item for item in self.open if e <= item[2].content.end]  # rare: the shortest ends inside
        return min(holding)[2] if holding else None


def _head_before(view: Folded, at: int) -> str:
    """The word before ``at`` (a quotation mark or a term), folded and bare (a بـ written against the
    marks skipped: «يعرف بـ"…"»)."""
    before = fold(view.original[max(0, at - 40):at].rstrip()).text
    if before == BA or before.endswith((" " + BA, "\n" + BA)):  # a بـ of its own, not the ب of «حزب»
        before = before[:-len(BA)].rstrip()
    word = _PREV_WORD.search(before)
    return "" if word is None else _bare(word.group())


def _names(view: Folded, v: Variant, quote: int) -> bool:
    """Quotation marks at ``quote`` around ``v`` write a name, not scare quotes: the term is the name of a
    group, operation or place, or a quoted slogan («تنظيم “داعش”»), or a naming head stands before the
    marks («أعلنت جماعة "…"», «عملية "…"»)."""
    return v.frame in _NAME_FRAMES or _head_before(view, quote) in _w().term_naming_heads


def _mentioned(view: Folded, at: int) -> bool:
    """The term at ``at`` (or its opening quotation mark) is a word the word before it mentions, not one the
    outlet uses: «مصطلح "الإرهاب"», «ما يعرف بـ"محور المقاومة"», and without marks only with ب: «من يسمونهم
    بالمرتدين» («لا يعرف الاحتلال إلا …» is the outlet's word). «يسميها الأكراد "…"» does not count (the
    subject stands between)."""
    return _head_before(view, at) in _w().term_mention_heads


#: The longest run of words in quotation marks read as a phrase the outlet quotes (a stray mark pairs with
#: nothing farther away).
_QUOTED_PHRASE = 300


def _quoted_phrases(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` inside each pair of quotation marks, on one line and at most `_QUOTED_PHRASE` long,
    that holds more than one word: a phrase the outlet quotes («التعازي في “شهداء الواجب”», «المتهم بارتكاب
    "جرائم حرب وجرائم ضد الإنسانية"»), in order."""
    pairs: dict[int, int] = {}
    line: list[tuple[int, str]] = []
    for m in _QUOTE_MARKS.finditer(text + "\n"):
        if m.group() == "\n":
            pairs.update(pair_quotes(line))
            line = []
        else:
            line.append((m.start(), m.group()))
    return sorted((a + 1, b) for a, b in pairs.items() if b - a - 1 <= _QUOTED_PHRASE and " " in text[a + 1:b].strip())


_QUOTE_MARKS = regex.compile("[" + regex.escape("".join({*PAIRED_QUOTES, *PAIRED_QUOTES.values()})) + '"\n]')


def find_terms(article: Article, view: Folded, matcher: TermMatcher) -> tuple[TermHit, ...]:
    """Every term hit of ``article`` with its voice (and speaker when it is not the outlet's), found by
    ``matcher`` (``Compiled.matcher``)."""
    text = article.text
    hits: list[TermHit] = []
    innermost = _Innermost(article.attributions)
    phrases: list[tuple[int, int]] | None = None  # found when a hit first asks
    nxt = 0  # the first quoted phrase that may still hold a hit
    for s, e, v in matcher.find(view):  # in order of their start
        att = innermost.at(s, e)
        in_quotes = s > 0 and e < len(text) and text[s - 1] in OPEN_QUOTES and text[e] in CLOSE_QUOTES
        # a partial quote inside reported speech ("قال إن «الكيان» …") is the speaker's own words
        voice = "outlet" if att is None else ("quoted" if att.direct or in_quotes else "reported")
        if voice == "outlet" and (_mentioned(view, s - 1) if in_quotes
                                  else BA in text[max(0, s - 1):s + 1] and _mentioned(view, s)):
            voice = "quoted"  # «مصطلح "الإرهاب"», «يسمونهم بالمرتدين»: a word the outlet quotes, not one it uses
        elif voice != "quoted" and not in_quotes:
            if phrases is None:
                phrases = _quoted_phrases(text)
            while nxt < len(phrases) and phrases[nxt][1] < e:
                nxt += 1
            if nxt < len(phrases) and phrases[nxt][0] <= s:
                # inside a quoted phrase: someone's wording, not the outlet's, and in reported speech the
                # speaker's own words («وقال إن "الإرهاب الأسود لا دين له"»)
                voice = "quoted"
        scare = voice == "outlet" and in_quotes and v.concept != "distancing" and not _names(view, v, s - 1)
        # in scare quotes the word is someone else's, held at a distance: the outlet's act is the distancing
        # hit, the word itself is quoted («كانت أمريكا "الشيطان الأكبر"»), not a term the outlet uses
        hits.append(TermHit(s, e, text[s:e], v.concept, v.term, v.stance, v.frame or "",
                            "quoted" if scare else voice, None if att is None else att.source))
        if scare:
            hits.append(TermHit(s - 1, e + 1, text[s - 1:e + 1], "distancing", "scare quotes", "negative",
                                "distancing", "outlet", None))
    hits.sort(key=lambda h: (h.start, -h.end))
    return tuple(hits)
