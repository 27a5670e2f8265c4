"""The function words of the attribution grammar (``lexicons/grammar.toml``), folded like the text.

`grammar_words` builds one frozen `GrammarWords` per `attribution.lexicons.Lexicons`;
the rules in `attribution.attributions`, `attribution.sources` and `attribution.speaker`
read their closed word classes from it, never from lists in code.

Examples:
    >>> from attribution.lexicons import load_builtin
    >>> words = grammar_words(load_builtin())
    >>> "بان" in words.complementizers and "فانهم" in words.complementizers
    True
    >>> sorted(words.negations)[:2]
    ['لا', 'لم']
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import attrs

from .lexicons import Lexicons
from .normalize import fold_term

__all__ = ["GrammarWords", "grammar_words"]


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold_term(w) for w in words)


@attrs.frozen
class GrammarWords:
    """Closed word classes, folded. See ``lexicons/grammar.toml`` for what each holds and why."""

    conjunctions: frozenset[str]
    opens_clause: frozenset[str]
    fronted: frozenset[str]
    subordinate: frozenset[str]
    clause_openers: frozenset[str]
    in_turn: frozenset[str]
    negations: frozenset[str]
    kana: frozenset[str]
    complementizers: frozenset[str]
    object_prepositions: frozenset[str]
    statement_nouns: frozenset[str]
    that: frozenset[str]
    saying: frozenset[str]
    according: frozenset[str]
    numerals: frozenset[str]
    paired: frozenset[str]
    name_parts: frozenset[str]
    genitive_heads: frozenset[str]
    authoring: frozenset[str]
    report_heads: frozenset[str]
    non_speakers: frozenset[str]
    definite_officials: frozenset[str]
    state_adjectives: frozenset[str]
    issuing: frozenset[str]
    normative: frozenset[str]
    place_heads: frozenset[str]
    term_particles: frozenset[str]
    term_verb_particles: frozenset[str]
    term_opening_verbs: frozenset[str]
    term_name_heads: frozenset[str]
    term_naming_heads: frozenset[str]
    term_function_words: frozenset[str]
    compare_stop_words: frozenset[str]
    compare_official_words: frozenset[str]
    pronoun_suffixes: tuple[str, ...]
    #: Adverbial phrases after a cue, each as its folded words, longest first.
    adverbials: tuple[tuple[str, ...], ...] = ()
    #: The first words of `adverbials`, to reject a word in one lookup.
    adverbial_starts: frozenset[str] = frozenset()

    @classmethod
    def from_lexicons(cls, lex: Lexicons) -> GrammarWords:
        g = lex.grammar
        lists = {name: _folded(g.get(section, {}).get(name, ())) for section, names in _LISTS.items() for name in names}
        cue = g.get("cue", {})
        suffixes = tuple(sorted((fold_term(s) for s in g.get("morphology", {}).get("pronoun_suffixes", ())),
                                key=len, reverse=True))  # longest first
        base = fold_term(cue.get("complementizer", "أن"))
        # أن with its prefixes (بأن، لأن، فإن) and pronoun suffixes (أنه، إنها، لأنهم), plus first-person forms
        endings = ("", *suffixes, "نا", "ني", "كم")
        prefixes = ("", *(fold_term(x) for x in cue.get("complementizer_prefixes", ())))
        complementizers = frozenset(p + base + e for p in prefixes for e in endings) | {base + "ّ"}
        adverbials = tuple(sorted({tuple(fold_term(w) for w in phrase.split()) for phrase in cue.get("adverbials", ())},
                                  key=len, reverse=True))
        prefixed = {f"{prefix}_{name}": _folded(g.get(section, {}).get(name, ()))
                    for section, (prefix, names) in _PREFIXED_LISTS.items() for name in names}
        prefixed["term_naming_heads"] |= prefixed["term_name_heads"]  # a name head names what is quoted too
        return cls(**lists, **prefixed, complementizers=complementizers, pronoun_suffixes=suffixes, adverbials=adverbials,
                   adverbial_starts=frozenset(phrase[0] for phrase in adverbials))


#: The word lists of lexicons/grammar.toml, by section, that are read as folded sets.
_LISTS = {
    "clause": ("conjunctions", "opens_clause", "fronted", "subordinate", "clause_openers", "in_turn", "negations",
               "kana"),
    "cue": ("object_prepositions", "statement_nouns", "that", "saying", "according", "numerals", "paired"),
    "source": ("name_parts", "genitive_heads", "authoring", "report_heads", "non_speakers", "definite_officials",
               "state_adjectives", "issuing", "normative", "place_heads"),
}


#: Sections read into fields named "<prefix>_<key>": the term matcher's and the comparison's lists.
_PREFIXED_LISTS = {
    "terms": ("term", ("particles", "verb_particles", "opening_verbs", "name_heads", "naming_heads", "function_words")),
    "compare": ("compare", ("stop_words", "official_words")),
}


def builtin_words() -> GrammarWords:
    """The word classes of the built-in lexicons (for code that reads no user lexicon of its own)."""
    from .lexicons import load_builtin

    return grammar_words(load_builtin())


@lru_cache(maxsize=8)
def grammar_words(lex: Lexicons) -> GrammarWords:
    """The grammar's word classes for ``lex`` (built once per Lexicons)."""
    return GrammarWords.from_lexicons(lex)
