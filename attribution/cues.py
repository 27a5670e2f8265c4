"""Reporting cues as lookup tables: verbs (finite forms and participles), prepositional cues and the
markers around them, built once from ``lexicons/cues.toml`` and folded like the text."""

from __future__ import annotations

from .lexicons import Lexicons, Preposition, Verb
from .morphology import (
    CONJUNCTIONS,
    PAST_PLURAL,
    PRESENT_ENDINGS,
    PRESENT_PREFIXES,
    PRESENT_THIRD_PERSON,
    WA,
    strip_conjunction,
    without_conjunction,
)
from .normalize import fold_term
from .sources import Token
from .words import GrammarWords, grammar_words

__all__ = ["CueTables"]


def _word(tokens: list[Token], i: int) -> str | None:
    if 0 <= i < len(tokens) and tokens[i].is_word:
        return tokens[i].text
    return None


class CueTables:
    """Cue lookup tables built once from the lexicons (`attribution.compiled.Compiled` holds them as
    ``cues``); ``word_classes`` are the lexicons' grammar words when already built."""

    def __init__(self, lex: Lexicons, word_classes: GrammarWords | None = None) -> None:
        self.verbs: dict[str, Verb] = {}
        self.participles: dict[str, Verb] = {}
        for verb in lex.verbs:
            for form in verb.forms:
                self.verbs.setdefault(fold_term(form), verb)
            for form in verb.participles:
                self.participles.setdefault(fold_term(form), verb)
        self.preps: dict[str, list[tuple[tuple[str, ...], Preposition]]] = {}
        for prep in lex.prepositions:
            words = tuple(fold_term(w) for w in prep.forms)
            self.preps.setdefault(words[0], []).append((words, prep))
        for options in self.preps.values():
            options.sort(key=lambda o: -len(o[0]))
        m = lex.markers
        self.post = [tuple(fold_term(x).split()) for x in m.get("post", ())]
        self.post_last = frozenset(marker[-1] for marker in self.post)
        self.relative = frozenset(fold_term(x) for x in m.get("relative", ()))
        self.auxiliaries = frozenset(fold_term(x) for x in m.get("auxiliaries", ()) if " " not in x)
        self.background = frozenset(tuple(fold_term(x).split()) for x in m.get("background", ()))
        self.contrast = frozenset(tuple(fold_term(x).split()) for x in m.get("contrast", ()))
        self.passive = frozenset(fold_term(x) for x in m.get("passive", ()))
        grammar = word_classes if word_classes is not None else grammar_words(lex)
        self.passive_verb = Verb(grammar.particle_was_said, (), ())
        self.news_of = frozenset(fold_term(x) for x in m.get("news_of", ()))
        self.labels = frozenset(fold_term(w) for w in lex.page.get("labels", {}).get("words", []))
        # "ووصفها المتحدث بأنها …", "واعتبره الوزير أنه …": a finite form carrying its object pronoun
        suffixes = grammar.pronoun_suffixes
        self.with_object: dict[str, Verb] = {}
        stop = {fold_term(w) for w in lex.patterns.get("stop", {}).get("words", ())} | grammar.paired
        for form, verb in self.verbs.items():
            # past forms only (a present with a suffix is mostly a noun), and none that is also a
            # preposition or particle ("بينهم" is "between them")
            if not form.startswith(PRESENT_PREFIXES) and form not in stop:
                for suffix in suffixes:
                    # as it always was: «وصفوا» gives «وصفوو» + suffix, which no text has (the plural with
                    # its object, «وصفوها», is not read; reading it changes output)
                    stem = form[:-1] + WA if form.endswith(PAST_PLURAL) else form
                    self.with_object.setdefault(stem + suffix, verb)
        firsts = set(self.verbs) | set(self.participles) | set(self.preps) | set(self.with_object) | self.passive \
            | self.news_of
        self.candidates = frozenset(firsts | {p + w for w in firsts for p in CONJUNCTIONS})

    def verb(self, word: str) -> tuple[Verb, str] | None:
        """The verb (and its type) ``word`` is a form of, allowing a و/ف prefix."""
        for w in (word, without_conjunction(word, 3)):
            if w is None:
                continue
            if w in self.verbs:
                return self.verbs[w], "verb"
            if w in self.participles:
                return self.participles[w], "participle"
        return None

    def is_passive(self, word: str) -> bool:
        """True for a passive reporting verb ("يقال", "وقيل")."""
        return word in self.passive or (word[:1] in CONJUNCTIONS and word[1:] in self.passive)

    def verb_with_object(self, word: str) -> Verb | None:
        """The verb ``word`` is a past form of, carrying an object pronoun ("ووصفها", "اعتبره")."""
        for w in (word, without_conjunction(word, 4)):
            if w is not None and w in self.with_object:
                return self.with_object[w]
        return None

    def prep_word(self, word: str) -> bool:
        """True when ``word`` opens a prepositional cue ("وحسب", "وفقا")."""
        return word in self.preps or (word[:1] in CONJUNCTIONS and word[1:] in self.preps)

    @staticmethod
    def impersonal(word: str, verb: Verb) -> bool:
        """A subjectless third-person present (يتوقع، يعتقد) reads as an impersonal passive, except the
        singular of a verb of the narrative present («ويضيف أن …», «ويرى أن …»: `narrative_present`),
        which goes on with the speaker before."""
        w = strip_conjunction(word, 3)
        third = PRESENT_THIRD_PERSON[0]  # ي: the masculine, which an impersonal verb takes
        if verb.narrative_present and not w.endswith(PRESENT_ENDINGS[:2]):
            return False  # «ويقولون إن …» stays "people say"
        return w.startswith(third) and not fold_term(verb.lemma).startswith(third)

    def prep(self, tokens: list[Token], i: int) -> tuple[int, Preposition] | None:
        w = tokens[i].text
        for cand in (w, without_conjunction(w, 3)):
            if cand is None:
                continue
            for words, prep in self.preps.get(cand, ()):
                if all(_word(tokens, i + k) == words[k] for k in range(1, len(words))):
                    return len(words), prep
        return None
